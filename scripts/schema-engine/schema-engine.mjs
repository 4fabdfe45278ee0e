#!/usr/bin/env node
// Stands in for Prisma's native `schema-engine` binary, which the CLI downloads and cannot here.
// Same command line and protocol (line-delimited JSON-RPC 2.0 on stdin/stdout, JSON logs on
// stderr), backed by the engine's WebAssembly build and a JavaScript driver adapter.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { canConnect, createDatabase, dropPendingShadowDatabases, isPostgresUrl, pgliteFactory, postgresFactory } from "./adapters.mjs";
import { assertInstalledAdapterPgPatchable } from "./decode-char-columns.mjs";

const PGLITE_PREFIX = "pglite:";

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cliCommand: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") args.cliCommand = argv[++i];
    else if (arg === "--version" || arg === "-V") args.cliCommand = "version";
    else if (arg.startsWith("--")) i++; // flags this engine does not need (preview features, extensions)
  }
  return args;
}

function log(level, message, fields = {}) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...fields }, target: "schema_engine::logger" })}\n`,
  );
}

// Node prints warnings (pg-connection-string warns about sslmode) as plain text on stderr, where
// the CLI expects JSON log lines: a one-shot command would fail to parse its output.
process.emitWarning = (warning) => log("WARN", warning instanceof Error ? warning.message : String(warning));

// The wasm engine reports a Rust panic's message here before it throws.
let lastPanic = null;
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (lastPanic = message) };

async function loadWasm() {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

async function factoryFor(datasource) {
  const url = datasource.url ?? "";
  if (isPostgresUrl(url)) {
    await assertInstalledAdapterPgPatchable();
    return postgresFactory(url, datasource.shadowDatabaseUrl);
  }
  if (url.startsWith(PGLITE_PREFIX)) return pgliteFactory(url.slice(PGLITE_PREFIX.length));
  throw new Error(`Unsupported datasource url (expected postgresql:// or ${PGLITE_PREFIX}<dir>): ${url}`);
}

async function runOneShot(command, datasource) {
  const url = datasource.url ?? "";
  if (command === "version") return process.stdout.write(`schema-engine-wasm ${bg.version()}\n`);
  if (command === "can-connect-to-database") return canConnect(url);
  if (command === "create-database") {
    const created = await createDatabase(url);
    return log("INFO", created ? "Database created" : "Database already exists");
  }
  if (command === "drop-database") throw new Error("drop-database is not supported by this engine");
  throw new Error(`Unknown cli command: ${command}`);
}

async function startEngine(args) {
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const factory = await factoryFor(args.datasource);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await bg.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (line) => process.stderr.write(`${line}\n`),
    boundFactory,
  );
  return { engine, factory, errorRegistry: boundFactory.errorRegistry };
}

function serve(args) {
  // A start-up failure is sent as the answer to every request. Were the process to exit instead,
  // a request the CLI sends after the exit would never be answered, and `migrate deploy` would
  // end with status 0 having applied nothing.
  const started = startEngine(args);
  started.catch((error) => log("ERROR", error instanceof Error ? error.message : String(error)));
  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
  let printId = 1_000_000;
  let queue = Promise.resolve();

  const answer = async (request) => {
    let running;
    try {
      running = await started;
      const { engine } = running;
      if (typeof engine[request.method] !== "function") {
        send({ jsonrpc: "2.0", id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
        return;
      }
      const result = await engine[request.method](request.params);
      // The CLI prints only what the engine asks it to print (`migrate diff`).
      if (result && typeof result.stdout === "string" && request.method === "diff") {
        send({ jsonrpc: "2.0", id: printId++, method: "print", params: { content: result.stdout } });
      }
      send({ jsonrpc: "2.0", id: request.id, result: result ?? null });
    } catch (error) {
      send({ jsonrpc: "2.0", id: request.id, error: toRpcError(error, running?.errorRegistry) });
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (!message.method) return; // the CLI's reply to our `print` request
    queue = queue.then(() => answer(message)); // the engine is not re-entrant
  });
  lines.on("close", async () => {
    await queue;
    const running = await started.catch(() => null);
    await running?.factory.close?.();
    await dropPendingShadowDatabases();
    process.exit(running ? 0 : 1);
  });
}

function toRpcError(error, errorRegistry) {
  // The wasm engine rejects with Prisma's user-facing error object; pass it through as `data`.
  const data = error && typeof error === "object" && "error_code" in error ? error : undefined;
  const message = withAdapterErrors(data?.message ?? (error instanceof Error ? error.message : String(error)), errorRegistry);
  return { code: 4466, message, data: data ? { ...data, message } : { is_panic: false, message, meta: {}, error_code: null } };
}

// The engine names a driver adapter's JavaScript error only as "External error id#N" (the
// native engine's host would look it up): put the error's own message, e.g. a refused shadow
// database, in front of the user.
function withAdapterErrors(message, errorRegistry) {
  return message.replace(/External error id#(\d+)/g, (text, id) => errorRegistry?.consumeError(Number(id))?.error?.message ?? text);
}

async function fail(error) {
  const detail = error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error);
  log("ERROR", lastPanic ? `Schema engine panicked: ${lastPanic}` : detail);
  await dropPendingShadowDatabases();
  process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

const args = parseArgs(process.argv.slice(2));
// The CLI ignores the first stderr line of a one-shot command, as the native engine starts with one.
log("INFO", "Starting schema engine (wasm)");
try {
  await loadWasm();
  if (args.cliCommand) {
    await runOneShot(args.cliCommand, args.datasource);
    process.exit(0);
  }
  serve(args);
} catch (error) {
  await fail(error);
}
