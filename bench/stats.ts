// Latency statistics and the printed table.

export type Measurement = { name: string; ops: number; seconds: number; latenciesMs: number[]; errors: number; limit?: string };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(m: Measurement) {
  const sorted = [...m.latenciesMs].sort((a, b) => a - b);
  return { opsPerSecond: m.ops / m.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

export function printTable(rows: { name: string; opsPerSecond: number; p50: number; p99: number; ratio: number | null; errors: number }[]) {
  const header = ["what", "ops/s", "p50 ms", "p99 ms", "vs limit", "errors"];
  const body = rows.map((r) => [
    r.name,
    r.opsPerSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    r.ratio === null ? "—" : r.ratio.toFixed(2),
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`);
  for (const row of body) console.log(line(row));
}

/** Runs `clients` loops of `op` for `seconds`, timing each call. */
export async function runLoad(name: string, clients: number, seconds: number, op: (client: number, i: number) => Promise<unknown>): Promise<Measurement> {
  const latenciesMs: number[] = [];
  let ops = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        try {
          await op(client, i);
          ops++;
          latenciesMs.push(performance.now() - t0);
        } catch (error) {
          errors++;
          if (errors <= 3) console.error(`${name}:`, error instanceof Error ? error.message : error);
        }
      }
    }),
  );
  return { name, ops, seconds: (performance.now() - started) / 1000, latenciesMs, errors };
}
