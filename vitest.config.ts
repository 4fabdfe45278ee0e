import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

const shared = {
  resolve: {
    alias: {
      "@": root,
      // Server-only modules refuse to load outside React Server Components; tests are server code.
      "server-only": path.join(root, "tests/helpers/empty-module.ts"),
    },
  },
};

export default defineConfig({
  test: {
    env: {
      NODE_ENV: "test",
      NEXTAUTH_SECRET: "vitest-secret-vitest-secret-vitest-secret",
      APP_URL: "http://localhost:3000",
      CRON_SECRET: "vitest-cron-secret-0123456789",
    },
    projects: [
      {
        ...shared,
        // Projects with different worker counts must run in separate groups: unit tests first.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          globalSetup: ["tests/helpers/global-setup.ts"],
          // argon2 hashing, PGlite and the concurrency proofs are slow on two cores.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: more workers only queue on the databases.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
