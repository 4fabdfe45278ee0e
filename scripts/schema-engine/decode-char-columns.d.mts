// Types for decode-char-columns.mjs, for the TypeScript tests that import it.
import type { SqlQueryable } from "@prisma/driver-adapter-utils";

export const PATCHED_ADAPTER_PG_VERSION: string;
export function decodeCharColumns<T extends SqlQueryable>(queryable: T): T;
export function assertPatchable(version: string, queryable: object): void;
export function assertInstalledAdapterPgPatchable(): Promise<void>;
