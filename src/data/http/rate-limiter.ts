/**
 * Spaces request starts at least `minIntervalMs` apart (a per-provider rate limit). Callers
 * queue in arrival order. Time and sleeping are injected for tests.
 */
export class RateLimiter {
  private next = 0;

  constructor(
    private readonly options: {
      readonly minIntervalMs: number;
      readonly now: () => number;
      readonly sleep: (ms: number) => Promise<void>;
    },
  ) {}

  /** Resolves when the caller may start its request. */
  async acquire(): Promise<void> {
    if (this.options.minIntervalMs <= 0) return;
    const now = this.options.now();
    const start = Math.max(now, this.next);
    this.next = start + this.options.minIntervalMs;
    if (start > now) await this.options.sleep(start - now);
  }
}
