// The migration bridge's connection settings (scripts/schema-engine/pg-config.mjs): TLS as
// node-postgres reads it, and the refusal to use the migrated database as the shadow database.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresFactory } from "@/scripts/schema-engine/adapters.mjs";
import { assertShadowIsNotTarget, isSameDatabase, pgConfigFromUrl } from "@/scripts/schema-engine/pg-config.mjs";

const BASE = "postgresql://app:secret@db.example.com:5432/billing";

describe("pgConfigFromUrl", () => {
  it("reads discrete, decoded fields, never a connection string", () => {
    expect(pgConfigFromUrl("postgresql://a%40b:p%2Fw%3F@db.example.com:6543/my%20db?schema=tenant")).toEqual({
      host: "db.example.com",
      port: 6543,
      user: "a@b",
      password: "p/w?",
      database: "my db",
      schema: "tenant",
      ssl: undefined,
    });
  });

  it("defaults the port to 5432 and keeps a unix socket directory given as ?host=", () => {
    expect(pgConfigFromUrl("postgresql://app@/billing?host=/var/run/postgresql")).toMatchObject({ host: "/var/run/postgresql", port: 5432, database: "billing" });
  });

  it.each(["require", "verify-ca", "verify-full"])("keeps certificate checks with sslmode=%s", (mode) => {
    const { ssl } = pgConfigFromUrl(`${BASE}?sslmode=${mode}`);
    expect(ssl).toBeTypeOf("object");
    // Node's TLS verifies the certificate unless rejectUnauthorized is false.
    expect(ssl).not.toHaveProperty("rejectUnauthorized");
  });

  it("skips verification only when asked to with sslmode=no-verify", () => {
    expect(pgConfigFromUrl(`${BASE}?sslmode=no-verify`).ssl).toEqual({ rejectUnauthorized: false });
  });

  it("turns TLS off with sslmode=disable and leaves it unset without sslmode", () => {
    expect(pgConfigFromUrl(`${BASE}?sslmode=disable`).ssl).toBe(false);
    expect(pgConfigFromUrl(BASE).ssl).toBeUndefined();
  });

  it("trusts the CA file named by sslrootcert", () => {
    const ca = path.join(mkdtempSync(path.join(tmpdir(), "sb-ssl-")), "root.crt");
    writeFileSync(ca, "-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n");
    const { ssl } = pgConfigFromUrl(`${BASE}?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`);
    expect(ssl).toEqual({ ca: "-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n" });
  });
});

describe("isSameDatabase", () => {
  const same = (a: string, b: string) => isSameDatabase(pgConfigFromUrl(a), pgConfigFromUrl(b));

  it.each([
    ["postgresql://postgres@localhost/billing", "postgresql://postgres@127.0.0.1:5432/billing"],
    ["postgresql://postgres@127.0.0.1/billing", "postgresql://other:pw@[::1]:5432/billing?schema=shadow"],
    ["postgresql://postgres@[0:0:0:0:0:0:0:1]/billing", "postgresql://postgres@LocalHost/billing"],
    ["postgresql://postgres@localhost/billing", "postgresql://postgres@/billing?host=/var/run/postgresql"],
    ["postgresql://u@DB.example.com/my%20db", "postgresql://v@db.example.com:5432/my db"],
  ])("%s and %s name one database", (a, b) => {
    expect(same(a, b)).toBe(true);
  });

  it.each([
    ["postgresql://postgres@localhost/billing", "postgresql://postgres@localhost/billing_shadow"],
    ["postgresql://postgres@localhost/billing", "postgresql://postgres@localhost:5433/billing"],
    ["postgresql://postgres@db-a.example.com/billing", "postgresql://postgres@db-b.example.com/billing"],
    ["postgresql://postgres@localhost/Billing", "postgresql://postgres@localhost/billing"],
  ])("%s and %s are different databases", (a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe("the shadow database guard", () => {
  it("names the refused database in its message", () => {
    const target = pgConfigFromUrl("postgresql://postgres@localhost/billing");
    const shadow = pgConfigFromUrl("postgresql://postgres@127.0.0.1/billing");
    expect(() => assertShadowIsNotTarget(target, shadow)).toThrow(/Refusing to use database "billing" on 127\.0\.0\.1:5432 as the shadow database/);
  });

  it("refuses before connecting anywhere", async () => {
    // Nothing listens on port 1: a connection attempt would fail with ECONNREFUSED instead.
    const factory = postgresFactory("postgresql://postgres@127.0.0.1:1/billing", "postgresql://postgres@localhost:1/billing");
    await expect(factory.connectToShadowDb()).rejects.toThrow(/Refusing to use database "billing"/);
  });
});
