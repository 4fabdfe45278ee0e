// Types for adapters.mjs, for the TypeScript tests that import it.
import type { SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export function postgresFactory(url: string, shadowUrl?: string): SqlMigrationAwareDriverAdapterFactory;
export function pgliteFactory(dataDir: string): SqlDriverAdapterFactory & { close(): Promise<void> };
export function dropPendingShadowDatabases(): Promise<void>;
export function canConnect(url: string): Promise<void>;
export function createDatabase(url: string): Promise<boolean>;
export function isPostgresUrl(url: string): boolean;
