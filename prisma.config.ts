// Prisma CLI configuration. Offline, the CLI cannot download its native schema engine, so every
// command runs through the project's WebAssembly-backed engine (scripts/schema-engine) unless the
// user names their own binary. Without DATABASE_URL the CLI targets the embedded PGlite database.
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine/schema-engine.mjs");

const pgliteDir = process.env.PGLITE_DIR ?? ".data/pglite";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL || `pglite:${path.resolve(pgliteDir)}`,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
