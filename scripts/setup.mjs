#!/usr/bin/env node
// Prepares whichever database is configured: generate the client, apply migrations, add demo
// data when the database has no users (never in production). Safe to run any number of times.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const bin = (name) => `node_modules/.bin/${name}`;
const run = (command, args) => execFileSync(command, args, { stdio: "inherit" });

const target = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite (${process.env.PGLITE_DIR ?? ".data/pglite"})`;
console.log(`Setting up ${target}…`);
if (!existsSync("lib/generated/prisma/client.ts")) run(bin("prisma"), ["generate"]);
run(bin("prisma"), ["migrate", "deploy"]);
// The seed refuses production with an error; here that is expected, so setup only says so and
// stays usable for migrating a production database.
if (process.env.NODE_ENV === "production") console.log("NODE_ENV=production: no demo data.");
else run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"]);
