import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, rateLimited } from "@/lib/errors";
import { problemResponse } from "@/lib/http/problem";

async function read(response: Response) {
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

describe("problemResponse", () => {
  it("maps a domain error to its status and stable code", async () => {
    const { status, type, body } = await read(problemResponse(new DomainError("insufficient_credits", "Not enough credits")));
    expect(status).toBe(402);
    expect(type).toBe("application/problem+json");
    expect(body).toMatchObject({ status: 402, code: "insufficient_credits", title: "Insufficient credits", detail: "Not enough credits" });
  });

  it("maps a zod error to 422 with messages per field", async () => {
    const error = z.object({ email: z.email(), age: z.number() }).safeParse({ email: "x", age: "y" }).error!;
    const { status, body } = await read(problemResponse(error));
    expect(status).toBe(422);
    expect(body.code).toBe("validation_failed");
    expect(Object.keys(body.errors).sort()).toEqual(["age", "email"]);
  });

  it("hides unknown errors behind a generic 500", async () => {
    const quiet = console.error;
    console.error = () => undefined;
    const { status, body } = await read(problemResponse(new Error("connection string postgres://secret@db")));
    console.error = quiet;
    expect(status).toBe(500);
    expect(body).toMatchObject({ status: 500, code: "internal_error", detail: expect.stringMatching(/went wrong/) });
    expect(JSON.stringify(body)).not.toContain("secret");
  });

  it("maps Prisma's unique violation to 409 and missing record to 404", async () => {
    const prismaError = (code: string) => Object.assign(new Error(`Prisma ${code}`), { name: "PrismaClientKnownRequestError", code });
    expect((await read(problemResponse(prismaError("P2002")))).body).toMatchObject({ status: 409, code: "conflict" });
    expect((await read(problemResponse(prismaError("P2025")))).body).toMatchObject({ status: 404, code: "not_found" });
  });

  describe("maps what the database refused to a 4xx, never a 500", () => {
    const fromPg = (code: string) => Object.assign(new Error("pg"), { name: "error", code });
    const fromAdapter = (code: string) =>
      Object.assign(new Error("adapter"), { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { cause: { originalCode: code } } } });
    it.each([
      ["unique violation", "23505", 409, "conflict"],
      ["foreign key violation", "23503", 409, "conflict"],
      ["check violation", "23514", 422, "validation_failed"],
      ["not-null violation", "23502", 422, "validation_failed"],
      ["integer out of range", "22003", 422, "validation_failed"],
      ["NUL byte in text", "22021", 422, "validation_failed"],
      ["timestamp out of range", "22008", 422, "validation_failed"],
    ])("%s (%s)", async (_label, state, status, code) => {
      for (const error of [fromPg(state), fromAdapter(state)]) expect((await read(problemResponse(error))).body).toMatchObject({ status, code });
    });
  });

  it("says when to retry after a rate limit, and only then", async () => {
    expect(problemResponse(new DomainError("forbidden", "No")).headers.get("retry-after")).toBeNull();
    const limited = problemResponse(rateLimited(7));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
  });
});
