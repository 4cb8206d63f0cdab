/**
 * Counts the worker's unfinished promises (its SQL statements and running handlers). pg-boss's graceful stop
 * returns while a job it just finished is still being marked complete (it does not await that statement) and
 * while a poll begun before the stop is still out; a caller that closes the database right after would see
 * those statements fail. `settled` waits for the count to reach zero.
 */
export class InFlight {
  private count = 0;

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
    }
  }

  /** Resolves once nothing is in flight, checked between macrotasks (so a hand-over of promises is not missed), or after `timeoutMs`. */
  async settled(timeoutMs: number, pollMs = 20): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      if (this.count === 0) return true;
      if (Date.now() > deadline) return false;
    }
  }
}
