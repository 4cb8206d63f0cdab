import { describe, expect, it } from "vitest";
import { ProgressBar, clock } from "@/bench/progress";

const capture = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (t: string) => writes.push(t) } };
};

describe("bench progress bar", () => {
  it("redraws one line with \\r on a terminal, weighting steps by their units", async () => {
    const { writes, out } = capture(true);
    const bar = new ProgressBar(out);
    bar.start(3_000_000);
    await bar.step("customers", 1_000_000, async (report) => report(1_000_000, 1_000_000));
    await bar.step("interactions", 2_000_000, async (report) => report(700_000, 2_000_000));
    const line = writes.at(-1)!;
    expect(line.startsWith("\r[###########---------]  56 %  interactions 700,000 / 2,000,000  00:00")).toBe(true);
    expect(line.endsWith("\x1b[K")).toBe(true);
    bar.finish("built");
    expect(writes.at(-2)).toContain("[####################] 100 %  built");
    expect(writes.at(-1)).toBe("\n");
  });

  it("prints plain lines elsewhere, with the step's own label and fraction when given", async () => {
    const { writes, out } = capture(false);
    const bar = new ProgressBar(out);
    bar.start(10);
    await bar.step("CLV", 10, async (report) =>
      report(0, 0, { label: "CLV 2026-10: fitting the model", fraction: 0.25 }),
    );
    expect(writes).toEqual([
      "[--------------------]   0 %  CLV  00:00\n",
      "[#####---------------]  25 %  CLV 2026-10: fitting the model  00:00\n",
    ]);
  });

  it("prints a plain line per whole percent, not per report", async () => {
    const { writes, out } = capture(false);
    const bar = new ProgressBar(out);
    bar.start(1_000);
    await bar.step("writing", 1_000, async (report) => {
      for (let done = 1; done <= 30; done++) report(done, 1_000);
    });
    expect(writes.map((w) => w.slice(23, 28))).toEqual(["  0 %", "  1 %", "  2 %", "  3 %"]);
  });

  it("formats elapsed time as mm:ss, h:mm:ss past an hour", () => {
    expect(clock(72.9)).toBe("01:12");
    expect(clock(3_725)).toBe("1:02:05");
  });
});
