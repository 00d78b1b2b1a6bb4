//! One limit on API calls in flight, shared by every account, region and
//! service of a collection, and the count of calls made.

use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::{Semaphore, SemaphorePermit};

pub(crate) struct Limiter {
    in_flight: Semaphore,
    calls: AtomicU64,
}

impl Limiter {
    pub(crate) fn new(max_in_flight: usize) -> Self {
        Self {
            in_flight: Semaphore::new(max_in_flight.max(1)),
            calls: AtomicU64::new(0),
        }
    }

    /// Waits for a free slot; the call counts as made once it has one.
    pub(crate) async fn slot(&self) -> Option<SemaphorePermit<'_>> {
        // The semaphore is never closed; if it ever were, running
        // unthrottled beats stopping the collection.
        let permit = self.in_flight.acquire().await.ok();
        self.calls.fetch_add(1, Ordering::Relaxed);
        permit
    }

    pub(crate) fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }
}
