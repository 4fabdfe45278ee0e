// CSV export (RFC 4180), streamed so a long history never sits in memory whole.

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | boolean | Date | null | undefined };

function cell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvResponse<T>(filename: string, columns: CsvColumn<T>[], rows: AsyncIterable<T>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`${columns.map((c) => cell(c.header)).join(",")}\r\n`));
      try {
        for await (const row of rows) controller.enqueue(encoder.encode(`${columns.map((c) => cell(c.value(row))).join(",")}\r\n`));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
  });
}
