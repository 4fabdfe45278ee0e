// Where a measurement's CPU went: this process, the bench database's backends, and the whole
// machine. Read from /proc, so only on Linux with PostgreSQL on the same machine; null elsewhere.
import { readFileSync } from "node:fs";
import { withClient } from "./database";

export type CpuSplit = { seconds: number; nodeSeconds: number; databaseSeconds: number; machineSeconds: number };

const TICKS_PER_SECOND = 100;

function backendSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A backend that ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

function machineSeconds(): number {
  const [user, nice, system] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1, 4).map(Number);
  return (user! + nice! + system!) / TICKS_PER_SECOND;
}

/**
 * Runs `run` and measures the CPU it took. The database's backends come and go (a pool closes idle
 * connections), so they are listed and read every half second; each one counts from when it was
 * first seen to when it was last seen.
 */
export async function measureCpu<T>(url: string, run: () => Promise<T>): Promise<{ result: T; cpu: CpuSplit | null }> {
  const local = process.platform === "linux" && ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
  if (!local) return { result: await run(), cpu: null };
  return withClient(url, async (client) => {
    const seen = new Map<number, { first: number; last: number }>();
    const sample = async () => {
      const { rows } = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
      for (const { pid } of rows) {
        const ticks = backendSeconds([pid]);
        const known = seen.get(pid);
        if (known) known.last = Math.max(known.last, ticks);
        else seen.set(pid, { first: ticks, last: ticks });
      }
    };
    await sample();
    const node0 = process.cpuUsage();
    const [machine0, started] = [machineSeconds(), performance.now()];
    const sampler = setInterval(() => void sample(), 500);
    try {
      const result = await run();
      const node = process.cpuUsage(node0);
      const [machine, seconds] = [machineSeconds() - machine0, (performance.now() - started) / 1000];
      clearInterval(sampler);
      await sample();
      const databaseSeconds = [...seen.values()].reduce((sum, { first, last }) => sum + last - first, 0);
      return { result, cpu: { seconds, nodeSeconds: (node.user + node.system) / 1e6, databaseSeconds, machineSeconds: machine } };
    } finally {
      clearInterval(sampler);
    }
  });
}

/** One line: CPU per operation in Node and in PostgreSQL, and how busy the machine was. */
export function describeCpu(name: string, cpu: CpuSplit, ops: number): string {
  const perOp = (seconds: number) => `${Math.round((seconds / ops) * 1e6)} µs`;
  return `${name}: CPU per op ${perOp(cpu.nodeSeconds)} in this Node process, ${perOp(cpu.databaseSeconds)} in PostgreSQL; ` +
    `the machine was ${(cpu.machineSeconds / cpu.seconds).toFixed(2)} cores busy (this process ${(cpu.nodeSeconds / cpu.seconds).toFixed(2)}, PostgreSQL ${(cpu.databaseSeconds / cpu.seconds).toFixed(2)})`;
}

/** Runs `run` (synchronous: pgbench) and says how many cores the machine kept busy meanwhile. */
export function machineCoresDuring<T>(run: () => T): { result: T; cores: number | null } {
  if (process.platform !== "linux") return { result: run(), cores: null };
  const [machine0, started] = [machineSeconds(), performance.now()];
  const result = run();
  return { result, cores: (machineSeconds() - machine0) / ((performance.now() - started) / 1000) };
}
