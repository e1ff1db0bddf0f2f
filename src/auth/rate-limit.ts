import { RateLimitedError } from '../errors';

/**
 * A token bucket per API key: `perMinute` writes may come in a burst, and the bucket refills at
 * `perMinute` a minute. Kept in memory, so behind a load balancer each server counts on its own.
 */
export class WriteRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write for `key`, or throws RateLimitedError when its bucket is empty. */
  take(key: string): void {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * ratePerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1)
      throw new RateLimitedError(Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
    bucket.tokens -= 1;
  }
}
