/**
 * Failed sign-ins per account, over a sliding window. Argon2 makes each guess
 * slow; this caps how many guesses an account can take at all: after
 * `maxFailures` failures within `windowMs`, sign-in for that email is refused
 * (without checking the password) until the oldest failure leaves the window.
 * A success clears the account's record.
 *
 * Per process: with several instances behind a balancer the cap is per
 * instance. The price is that someone who knows a person's email can keep
 * them out for one window; the message tells them when to try again.
 */
export interface Throttle {
  /** 0 if an attempt may go ahead, otherwise how long until one may. */
  waitMs(key: string): number
  fail(key: string): void
  succeed(key: string): void
}

export function createThrottle(
  options: { maxFailures?: number; windowMs?: number; maxKeys?: number; now?: () => number } = {},
): Throttle {
  const { maxFailures = 5, windowMs = 15 * 60_000, maxKeys = 10_000, now = Date.now } = options
  const failures = new Map<string, number[]>()
  const recent = (key: string): number[] => {
    const since = now() - windowMs
    const times = (failures.get(key) ?? []).filter((t) => t > since)
    if (times.length) failures.set(key, times)
    else failures.delete(key)
    return times
  }
  return {
    waitMs(key) {
      const times = recent(key)
      return times.length < maxFailures ? 0 : times[times.length - maxFailures]! + windowMs - now()
    },
    fail(key) {
      const times = recent(key)
      times.push(now())
      failures.delete(key)
      failures.set(key, times)
      // Bounded memory under a flood of made-up emails: the longest-quiet record goes first.
      if (failures.size > maxKeys) failures.delete(failures.keys().next().value!)
    },
    succeed(key) {
      failures.delete(key)
    },
  }
}
