// `next start` against the benchmark database, for the HTTP measurement.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";

export async function startServer(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first (npm run bench does).");
  // Its own process group: `next start` runs the server in a child that outlives a plain kill.
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-42",
      APP_URL: `http://localhost:${port}`,
      API_RATE_LIMIT_PER_MINUTE: "100000000",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    const healthy = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stopServer(server);
  throw new Error("next start did not become healthy");
}

export function stopServer(server: ChildProcess) {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
