//! Jobs whose end was announced (a webhook's delivery): the announcement
//! only makes the job due for its own read now, so its outcome and record
//! come from that read, exactly as by polling. A lost announcement leaves
//! the job to the slow fallback poll; a late, duplicated or stray one (a
//! job already settled, another process's job on the account) costs at
//! most one read, and never a second result.

use super::Waiter;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// Announcements held between two looks by the waiter (a burst of
/// deliveries); past it the oldest are forgotten, which only delays their
/// jobs to the fallback poll.
const QUEUED: usize = 4096;

/// Announcements of jobs not followed (yet) that are remembered: a job whose
/// event arrived before its submit's answer was heard is read at once when
/// it is added.
const EARLY: usize = 1024;

/// A queue of announced job ids, shared between whatever receives the
/// announcements (a webhook receiver, on its own thread) and the loop that
/// follows the jobs (clones are one queue).
#[derive(Clone, Debug, Default)]
pub struct Announced {
    inner: Arc<Mutex<VecDeque<String>>>,
}

impl Announced {
    fn queue(&self) -> std::sync::MutexGuard<'_, VecDeque<String>> {
        // A panic elsewhere leaves plain ids behind: still usable.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The job `id` ended (so its event says): read it soon.
    pub fn announce(&self, id: &str) {
        let mut q = self.queue();
        if q.iter().any(|queued| queued == id) {
            return;
        }
        if q.len() >= QUEUED {
            q.pop_front();
        }
        q.push_back(id.to_string());
    }

    /// True when nothing was announced since the last [`Announced::take`].
    pub fn is_empty(&self) -> bool {
        self.queue().is_empty()
    }

    /// Every id announced since the last call, oldest first.
    pub fn take(&self) -> Vec<String> {
        self.queue().drain(..).collect()
    }
}

/// Announced ids no followed job had, newest last.
#[derive(Debug, Default)]
pub(super) struct Early(VecDeque<String>);

impl Early {
    /// True (and forgotten) when `id` was announced before it was followed.
    pub(super) fn claim(&mut self, id: &str) -> bool {
        match self.0.iter().position(|e| e == id) {
            Some(at) => {
                self.0.remove(at);
                true
            }
            None => false,
        }
    }

    fn remember(&mut self, id: &str) {
        if self.0.iter().any(|e| e == id) {
            return;
        }
        if self.0.len() >= EARLY {
            self.0.pop_front();
        }
        self.0.push_back(id.to_string());
    }
}

impl Waiter {
    /// The job `id` ended, as an event says: it is due for its own read now
    /// (the read decides its outcome). An id no followed job has is kept a
    /// while, in case its job is added later (its submit's answer not heard
    /// yet); a job already finished is not followed, so it is never
    /// reported twice.
    pub fn announce(&mut self, id: &str) {
        if !self.poll_now(id) {
            self.early.remember(id);
        }
    }

    /// [`Waiter::announce`] for every id `announced` holds.
    pub fn take_announced(&mut self, announced: &Announced) {
        for id in announced.take() {
            self.announce(&id);
        }
    }

    /// Makes the slot just added due now when its job was announced early.
    pub(super) fn due_if_early(&mut self) {
        if let Some(slot) = self.slots.last_mut()
            && self.early.claim(&slot.job.id)
        {
            slot.next_poll = Instant::now();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::Job;
    use crate::wait::WaitOptions;
    use std::time::Duration;

    #[test]
    fn announced_jobs_are_due_now_and_early_ones_when_added() {
        let a = Announced::default();
        a.announce("A1");
        a.announce("A1");
        a.announce("B2");
        let mut w = Waiter::new(&WaitOptions::new(Duration::from_secs(60), None));
        w.add(Job::agent("A1"));
        // Read once: its next poll is a minute away.
        if let Some(s) = w.slots.first_mut() {
            s.next_poll = Instant::now() + Duration::from_secs(60);
        }
        assert!(w.next_due().is_some_and(|d| d > Instant::now()));
        w.take_announced(&a);
        assert!(a.is_empty());
        assert!(w.next_due().is_some_and(|d| d <= Instant::now()));
        // B2 was announced before it was followed: adding it claims that.
        w.add(Job::agent("B2"));
        assert!(
            w.slots
                .last()
                .is_some_and(|s| s.next_poll <= Instant::now())
        );
        assert!(!w.early.claim("B2"), "claimed by add");
    }
}
