// The in-process queue behind webhook processing: bounded concurrency, bounded memory, and a
// failure that is reported without stopping the rest.
import { describe, expect, it } from "vitest";
import { createWorkQueue } from "@/lib/jobs/work-queue";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("work queue", () => {
  it("runs at most `concurrency` items at once, in the order pushed, and resolves idle when all are done", async () => {
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const queue = createWorkQueue<number>({
      concurrency: 2,
      busyConcurrency: 1,
      capacity: 10,
      run: async (i) => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await gates[i]!.promise;
        running--;
      },
      onError: () => undefined,
    });
    for (let i = 0; i < 5; i++) expect(queue.push(i)).toBe(true);
    expect([started, queue.size]).toEqual([[0, 1], 5]);
    let idle = false;
    const whenIdle = queue.idle().then(() => (idle = true));
    gates[1]!.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    await whenIdle;
    expect([idle, peak, started, queue.size]).toEqual([true, 2, [0, 1, 2, 3, 4], 0]);
  });

  it("refuses items beyond its capacity instead of holding them", async () => {
    const gate = deferred();
    const queue = createWorkQueue<number>({ concurrency: 1, busyConcurrency: 1, capacity: 2, run: () => gate.promise, onError: () => undefined });
    // One running, two waiting: the fourth is refused.
    expect([queue.push(1), queue.push(2), queue.push(3), queue.push(4)]).toEqual([true, true, true, false]);
    gate.resolve();
    await queue.idle();
    expect(queue.push(5)).toBe(true);
    await queue.idle();
  });

  it("reports a failed item and goes on with the next", async () => {
    const failures: [string, number][] = [];
    const done: number[] = [];
    const queue = createWorkQueue<number>({
      concurrency: 1,
      busyConcurrency: 1,
      capacity: 10,
      run: async (i) => {
        if (i === 1) throw new Error("boom");
        done.push(i);
      },
      onError: (error, i) => failures.push([(error as Error).message, i]),
    });
    [0, 1, 2].forEach((i) => queue.push(i));
    await queue.idle();
    expect([done, failures]).toEqual([[0, 2], [["boom", 1]]]);
  });

  it("runs one item at a time while foreground work runs, and catches up to full concurrency after it", async () => {
    const gates = Array.from({ length: 4 }, deferred);
    const started: number[] = [];
    const queue = createWorkQueue<number>({ concurrency: 3, busyConcurrency: 1, capacity: 10, run: (i) => (started.push(i), gates[i]!.promise), onError: () => undefined });
    const request = deferred();
    const answered = queue.foreground(async () => {
      [0, 1, 2, 3].forEach((i) => queue.push(i));
      await request.promise;
      return "answered";
    });
    expect(started).toEqual([0]);
    gates[0]!.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1]);
    request.resolve();
    expect(await answered).toBe("answered");
    expect(started).toEqual([0, 1, 2, 3]);
    gates.forEach((gate) => gate.resolve());
    await queue.idle();
  });

  it("is idle at once when empty", async () => {
    const queue = createWorkQueue<number>({ concurrency: 1, busyConcurrency: 1, capacity: 1, run: async () => undefined, onError: () => undefined });
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
