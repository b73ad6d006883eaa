//! Cancellation (Ctrl-C) that requests and retry sleeps wait on.

use super::*;

/// A cancellation signal (set by a Ctrl-C handler) that requests in flight
/// and retry sleeps wait on (`Http::sleep` races the sleep against
/// its own wake-up): an idle `wait` costs no CPU between polls.
#[derive(Debug, Default)]
pub struct Cancel {
    flag: AtomicBool,
    // The signal that cancelled (0: none, or a cancel by the program); it
    // travels in `Error::Interrupted`, so the exit code needs no global.
    signal: AtomicI32,
    // Wakes a request in flight, so it ends at once (its temp files cleaned
    // up by their guards) instead of running to its timeout.
    notify: tokio::sync::Notify,
}

impl Cancel {
    /// Cancels because `signal` arrived (2 for SIGINT, 15 for SIGTERM), and
    /// wakes every sleeper; the [`Error::Interrupted`] that follows carries
    /// the signal. Returns true if it already was cancelled (the first
    /// signal is the one kept).
    pub fn cancel_by(&self, signal: i32) -> bool {
        let _ = self
            .signal
            .compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
        self.cancel()
    }

    /// The signal that cancelled, when [`Cancel::cancel_by`] did.
    pub fn signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            n => Some(n),
        }
    }

    /// The error for an operation this cancel stopped.
    pub fn interrupted(&self) -> Error {
        Error::Interrupted {
            signal: self.signal(),
        }
    }

    /// Cancels and wakes every sleeper. Returns true if it already was.
    pub fn cancel(&self) -> bool {
        let was = self.flag.swap(true, Ordering::SeqCst);
        self.notify.notify_waiters();
        was
    }

    /// Completes once cancelled (at once if already).
    pub(crate) async fn cancelled(&self) {
        let notified = self.notify.notified();
        tokio::pin!(notified);
        // Registered before the flag is read: a cancel in between still wakes us.
        notified.as_mut().enable();
        if self.is_cancelled() {
            return;
        }
        notified.await;
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }
}
