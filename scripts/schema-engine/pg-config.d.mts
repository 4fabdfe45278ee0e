// Types for pg-config.mjs, for the TypeScript tests that import it.
import type { ConnectionOptions } from "node:tls";

export type PgConfig = {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
  schema: string | undefined;
  ssl: boolean | ConnectionOptions | undefined;
};

export function pgConfigFromUrl(url: string): PgConfig;
export function isSameDatabase(a: PgConfig, b: PgConfig): boolean;
export function assertShadowIsNotTarget(target: PgConfig, shadow: PgConfig): void;
export function shadowIsTargetError(shadow: PgConfig): Error;
