//! Client-side pacing within Security Hub's published limits (per account
//! and region): waiting here is cheaper than being throttled and retried.

use std::time::{Duration, Instant};

/// `BatchImportFindings`: 10 requests a second, bursts of 30.
pub(crate) const IMPORT: (f64, f64) = (10.0, 30.0);
/// `GetFindings`: 3 requests a second, bursts of 6.
pub(crate) const READ: (f64, f64) = (3.0, 6.0);

/// A token bucket: `burst` requests at once, then `rate` a second.
#[derive(Debug)]
pub(crate) struct Bucket {
    rate: f64,
    burst: f64,
    /// Below zero: requests already promised a future slot.
    tokens: f64,
    last: Instant,
}

impl Bucket {
    pub(crate) fn new((rate, burst): (f64, f64), now: Instant) -> Self {
        Self {
            rate,
            burst,
            tokens: burst,
            last: now,
        }
    }

    /// Takes a slot for one request; returns how long to wait before sending it.
    pub(crate) fn take(&mut self, now: Instant) -> Duration {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        self.last = now;
        self.tokens -= 1.0;
        if self.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-self.tokens / self.rate)
        }
    }

    /// Waits for a slot.
    pub(crate) async fn wait(&mut self) {
        let delay = self.take(Instant::now());
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_goes_at_once_then_the_rate_holds() {
        let start = Instant::now();
        let mut bucket = Bucket::new(IMPORT, start);
        for _ in 0..30 {
            assert_eq!(bucket.take(start), Duration::ZERO);
        }
        // The 31st to 40th wait 0.1 s more each: ten a second.
        let waits: Vec<u128> = (0..10).map(|_| bucket.take(start).as_millis()).collect();
        assert_eq!(waits, [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
        // After ten quiet seconds the bucket is full again, never fuller.
        let later = start + Duration::from_secs(60);
        for _ in 0..30 {
            assert_eq!(bucket.take(later), Duration::ZERO);
        }
        assert!(bucket.take(later) > Duration::ZERO);
    }

    #[test]
    fn requests_spread_over_time_never_wait() {
        let start = Instant::now();
        let mut bucket = Bucket::new(READ, start);
        for n in 0..100 {
            let at = start + Duration::from_millis(334 * n);
            assert_eq!(bucket.take(at), Duration::ZERO, "request {n}");
        }
    }
}
