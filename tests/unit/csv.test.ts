import { describe, expect, it } from "vitest";
import { csvResponse } from "@/lib/http/csv";

async function* rows<T>(items: T[]) {
  yield* items;
}

describe("csvResponse", () => {
  it("quotes separators and quotes, and neutralises formulas", async () => {
    const response = csvResponse("x.csv", [{ header: "text", value: (row: { text: string | null }) => row.text }], rows([{ text: 'a,"b"' }, { text: "=1+1" }, { text: null }, { text: "-2" }]));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    expect(await response.text()).toBe(`text\r\n"a,""b"""\r\n'=1+1\r\n\r\n'-2\r\n`);
  });
});
