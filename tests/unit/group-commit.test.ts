// Group commit's scheduling, with commits the test controls: who goes alone, who waits, who shares.
import { describe, expect, it } from "vitest";
import { createGroupCommit } from "@/lib/jobs/group-commit";

type Item = { lane: string; id: string };

function harness(maxInFlight = 2, laneDepth?: number) {
  const commits: string[][] = [];
  const gates: (() => void)[] = [];
  const gate = () => new Promise<void>((resolve) => gates.push(resolve));
  const group = createGroupCommit<Item, string>({
    maxInFlight,
    maxBatch: 3,
    laneDepth,
    lane: (item) => item.lane,
    identity: (item) => item.id,
    commitOne: async (item) => {
      commits.push([item.id]);
      await gate();
      if (item.id.startsWith("bad")) throw new Error(`refused ${item.id}`);
      return `one:${item.id}`;
    },
    commitMany: async (items) => {
      commits.push(items.map((item) => item.id));
      await gate();
      if (items.some((item) => item.id.startsWith("crash"))) throw new Error("statement failed");
      return items.map((item) => (item.id.startsWith("bad") ? new Error(`refused ${item.id}`) : `many:${item.id}`));
    },
  });
  const openAll = async () => {
    for (let round = 0; round < 10; round++) {
      gates.splice(0).forEach((open) => open());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { group, commits, gates, openAll };
}

describe("group commit", () => {
  it("commits a request alone and at once when nothing is in flight", async () => {
    const { group, commits, openAll } = harness();
    const answer = group.submit({ lane: "w1", id: "a" });
    expect(commits).toEqual([["a"]]);
    await openAll();
    expect(await answer).toBe("one:a");
  });

  it("gathers what arrives on a lane in flight into its next commit, in arrival order, at most maxBatch", async () => {
    const { group, commits, openAll } = harness();
    const answers = ["a", "b", "c", "d", "e"].map((id) => group.submit({ lane: "hot", id }));
    expect(commits).toEqual([["a"]]);
    await openAll();
    expect(await Promise.all(answers)).toEqual(["one:a", "many:b", "many:c", "many:d", "one:e"]);
    expect(commits).toEqual([["a"], ["b", "c", "d"], ["e"]]);
  });

  it("with laneDepth 2, sends a hot lane's next commit while one is in flight, and gathers the rest behind both", async () => {
    const { group, commits, gates, openAll } = harness(2, 2);
    const answers = ["a", "b", "c", "d"].map((id) => group.submit({ lane: "hot", id }));
    expect(commits).toEqual([["a"], ["b"]]);
    gates.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(commits).toEqual([["a"], ["b"], ["c", "d"]]);
    await openAll();
    expect(await Promise.all(answers)).toEqual(["one:a", "one:b", "many:c", "many:d"]);
  });

  it("commits other lanes alongside, up to maxInFlight commits", async () => {
    const { group, commits, openAll } = harness(2);
    const answers = [
      { lane: "w1", id: "a" },
      { lane: "w2", id: "b" },
      { lane: "w3", id: "c" },
      { lane: "w4", id: "d" },
    ].map((item) => group.submit(item));
    expect(commits).toEqual([["a"], ["b"]]);
    await openAll();
    await Promise.all(answers);
    expect(commits).toEqual([["a"], ["b"], ["c", "d"]]);
  });

  it("never puts one identity twice in a commit, and keeps the lane's order behind it", async () => {
    const { group, commits, openAll } = harness(1);
    const first = group.submit({ lane: "x", id: "start" });
    const answers = [
      { lane: "w", id: "k" },
      { lane: "w", id: "k" },
      { lane: "w", id: "m" },
      { lane: "v", id: "n" },
    ].map((item) => group.submit(item));
    await openAll();
    await Promise.all([first, ...answers]);
    expect(commits).toEqual([["start"], ["k", "n"], ["k", "m"]]);
  });

  it("answers a refusal to its own request only", async () => {
    const { group, openAll } = harness(1);
    const first = group.submit({ lane: "x", id: "start" });
    const answers = ["ok1", "bad", "ok2"].map((id) => group.submit({ lane: "w", id }).catch((error: Error) => error.message));
    await openAll();
    await first;
    expect(await Promise.all(answers)).toEqual(["many:ok1", "refused bad", "many:ok2"]);
  });

  it("commits each request alone when the shared statement fails, so only the faulty one fails", async () => {
    const { group, commits, openAll } = harness(1);
    const first = group.submit({ lane: "x", id: "start" });
    const answers = ["ok1", "crash", "bad"].map((id) => group.submit({ lane: "w", id }).catch((error: Error) => error.message));
    await openAll();
    await first;
    expect(await Promise.all(answers)).toEqual(["one:ok1", "one:crash", "refused bad"]);
    expect(commits).toEqual([["start"], ["ok1", "crash", "bad"], ["ok1"], ["crash"], ["bad"]]);
  });
});
