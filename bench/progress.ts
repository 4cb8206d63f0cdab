/**
 * A progress bar for long bench builds, drawn on stderr:
 *   [#######-------------]  35 %  interactions 700,000 / 2,000,000  01:12
 * On a terminal it is one line redrawn with \r; otherwise (CI, a pipe, a log file) each update is
 * a plain line. Work is measured in weighted units (rows, or an estimate for vacuum and model fits)
 * so the bar moves roughly with time across steps of different kinds.
 */
const WIDTH = 20;

/** Reports a step's progress in its own terms; `fraction` (0-1) overrides done / of for the bar, `label` the step's label. */
export type Report = (done: number, of: number, options?: { label?: string; fraction?: number }) => void;

export type ProgressStream = { isTTY?: boolean; write(text: string): unknown };

export class ProgressBar {
  private totalUnits = 0;
  private doneUnits = 0;
  private started = 0;
  private lastLine = "";
  private drawn = false;

  constructor(private readonly out: ProgressStream = process.stderr) {}

  get tty() {
    return Boolean(this.out.isTTY);
  }

  /** Starts (or restarts) the bar over `totalUnits` units of work. */
  start(totalUnits: number) {
    this.totalUnits = Math.max(1, totalUnits);
    this.doneUnits = 0;
    this.started = performance.now();
    this.drawn = false;
  }

  /**
   * Runs one step of `units` units. `run` reports its own progress as (done, of) in its own terms
   * (rows, customers…); the bar shows them next to the step's label.
   */
  async step<T>(label: string, units: number, run: (report: Report) => Promise<T>): Promise<T> {
    const base = this.doneUnits;
    const report: Report = (done, of, options = {}) => {
      const fraction = options.fraction ?? (of > 0 ? Math.min(1, done / of) : 0);
      this.doneUnits = base + units * Math.min(1, Math.max(0, fraction));
      this.draw(of > 0 ? `${options.label ?? label} ${fmt(done)} / ${fmt(of)}` : (options.label ?? label));
    };
    this.draw(label);
    const result = await run(report);
    this.doneUnits = base + units;
    return result;
  }

  /** Ends the bar (a newline on a terminal) and returns the elapsed seconds. */
  finish(label = "done"): number {
    this.doneUnits = this.totalUnits;
    this.draw(label);
    if (this.tty && this.drawn) this.out.write("\n");
    this.drawn = false;
    return (performance.now() - this.started) / 1000;
  }

  private draw(text: string) {
    const fraction = Math.min(1, this.doneUnits / this.totalUnits);
    const filled = Math.round(fraction * WIDTH);
    const bar = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]`;
    const percent = `${String(Math.floor(fraction * 100)).padStart(3)} %`;
    const line = `${bar} ${percent}  ${text}  ${clock((performance.now() - this.started) / 1000)}`;
    if (this.tty) {
      this.out.write(`\r${line}\x1b[K`);
      this.drawn = true;
      this.lastLine = line;
    } else {
      // plain lines: one when the step's label or the whole percent changes, not one per report
      const key = `${percent} ${text.replace(/[\d,]+ \/ [\d,]+$/, "").trim()}`;
      if (key !== this.lastLine) this.out.write(`${line}\n`);
      this.lastLine = key;
    }
  }
}

export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** mm:ss (or h:mm:ss). */
export function clock(seconds: number) {
  const s = Math.floor(seconds);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}
