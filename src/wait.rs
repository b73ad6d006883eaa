//! Waiting for jobs of any kind: poll each until it is terminal, with one
//! shared deadline and one schedule, riding out transient trouble, and
//! reporting every poll to a callback (the CLI draws its spinner from it).

use crate::blocking::Client;
use crate::error::Error;
use crate::http::Tries;
use crate::kinds::Job;
use crate::record::{AgentRecord, AgentState};
use std::time::{Duration, Instant};

mod announce;
mod asynchronous;
mod list;
mod pace;
pub use announce::Announced;
use announce::Early;
use list::is_listed;
pub use pace::ReadPace;

/// The shortest interval between two polls of one agent.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);

/// The vendor's recommended poll interval.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);

pub use crate::models::default_timeout;

/// How long to wait.
#[derive(Clone, Debug)]
pub enum Timeout {
    /// A fixed limit; `None` waits forever.
    Fixed(Option<Duration>),
    /// The longest [`default_timeout`] among the agents' models, read from
    /// their records (or from `hint`, the model the caller asked for).
    ByModel {
        /// The model known in advance, if any.
        hint: Option<String>,
    },
}

/// Wait settings.
#[derive(Clone, Debug)]
pub struct WaitOptions {
    /// Time between polls of one agent.
    pub interval: Duration,
    /// The deadline policy.
    pub timeout: Timeout,
}

impl WaitOptions {
    /// Fixed interval and timeout (`None` = no deadline).
    pub fn new(interval: Duration, timeout: Option<Duration>) -> Self {
        Self {
            interval: interval.max(MIN_INTERVAL),
            timeout: Timeout::Fixed(timeout),
        }
    }
}

/// What happened to one agent. Exhaustive on purpose: every wait ends in
/// one of these, and callers (the CLI's exit codes) match them all.
#[derive(Debug)]
pub enum WaitOutcome {
    /// It became ready.
    Ready(AgentRecord),
    /// Its generation failed.
    Failed(AgentRecord),
    /// The deadline passed first. `last_error` is the trouble seen on the
    /// last poll, when that poll failed.
    TimedOut {
        /// The last record seen.
        last: Option<AgentRecord>,
        /// The error of the last poll, if it failed.
        last_error: Option<Error>,
    },
    /// Cancelled (Ctrl-C).
    Interrupted {
        /// The last record seen.
        last: Option<AgentRecord>,
    },
    /// A non-transient error (401, 403, 404, …) ended the wait.
    Error {
        /// The error.
        error: Error,
        /// The last record seen.
        last: Option<AgentRecord>,
    },
}

/// One poll's news.
#[non_exhaustive]
pub enum WaitEvent<'a> {
    /// A record was read.
    Polled {
        /// The job.
        job: &'a Job,
        /// Its record.
        record: &'a AgentRecord,
    },
    /// The job finished (the outcome is final).
    Finished {
        /// The job.
        job: &'a Job,
        /// How it ended.
        outcome: &'a WaitOutcome,
    },
}

/// What one job's own read found.
enum Polled {
    Pending,
    Finished(WaitOutcome),
    Interrupted,
}

struct Slot {
    index: usize,
    job: Job,
    last: Option<AgentRecord>,
    next_poll: Instant,
    /// The job's default wait, once known (its model's).
    default: Duration,
    /// The agent list showed it finished: only its own final read is left,
    /// so it no longer keeps the list being read.
    ended_on_list: bool,
}

/// Follows jobs on one schedule and one deadline. Jobs can be added while
/// others are followed (a batch submits as it waits); [`Waiter::poll_due`]
/// polls the ones that are due and hands back those that finished.
/// [`wait_jobs`] is this, run to the end.
pub struct Waiter {
    start: Instant,
    interval: Duration,
    timeout: Timeout,
    deadline: Option<Instant>,
    slots: Vec<Slot>,
    added: usize,
    /// No deadline runs past this (a batch's `--max-runtime`).
    cap: Option<Instant>,
    /// The process's read schedule.
    reads: ReadPace,
    /// When the agent list is read next (with many agents followed).
    list_next: Instant,
    /// The agent list is not there (an older API): read each job alone.
    no_list: bool,
    /// Announced ends of jobs not followed yet.
    early: Early,
}

impl Waiter {
    /// A waiter whose deadline counts from now.
    pub fn new(options: &WaitOptions) -> Self {
        let start = Instant::now();
        Self {
            start,
            interval: options.interval.max(MIN_INTERVAL),
            timeout: options.timeout.clone(),
            deadline: match &options.timeout {
                Timeout::Fixed(t) => t.and_then(|t| start.checked_add(t)),
                Timeout::ByModel { .. } => None,
            },
            slots: Vec::new(),
            added: 0,
            cap: None,
            reads: ReadPace::default(),
            list_next: start,
            no_list: false,
            early: Early::default(),
        }
    }

    /// Paces this waiter's reads on `reads`, a schedule other waiters of
    /// the process may share (clones of one [`ReadPace`] are one schedule).
    /// Poll with a client that feeds it: `client.fresh_with_hook(reads.hook())`.
    #[must_use]
    pub fn with_reads(mut self, reads: ReadPace) -> Self {
        self.reads = reads;
        self
    }

    /// This waiter's read schedule.
    pub fn reads(&self) -> &ReadPace {
        &self.reads
    }

    /// Ends the wait at `at` at the latest, whatever the timeout says:
    /// every job still followed then ends `TimedOut`.
    pub fn stop_at(&mut self, at: Instant) {
        self.cap = Some(at);
        self.deadline = self.capped(self.deadline);
    }

    // `deadline`, never past the cap.
    fn capped(&self, deadline: Option<Instant>) -> Option<Instant> {
        match (deadline, self.cap) {
            (Some(d), Some(c)) => Some(d.min(c)),
            (d, c) => d.or(c),
        }
    }

    /// Follows `job` too, polling it at once; returns its index (the order
    /// it was added in, as [`Waiter::poll_due`] reports it).
    pub fn add(&mut self, job: Job) -> usize {
        let default = match &self.timeout {
            Timeout::ByModel { hint } => job.default_timeout(hint.as_deref()),
            Timeout::Fixed(_) => Duration::ZERO,
        };
        let listed = is_listed(&job);
        self.slots.push(Slot {
            index: self.added,
            job,
            last: None,
            next_poll: Instant::now(),
            default,
            ended_on_list: false,
        });
        if listed && self.listing() {
            // The next sweep sees it first; read alone only if it does not.
            let at = self.list_next.max(Instant::now());
            if let Some(slot) = self.slots.last_mut() {
                slot.next_poll = at;
            }
        }
        self.due_if_early();
        self.added += 1;
        self.resize_deadline();
        self.added - 1
    }

    // A deadline by model is the longest default among the jobs followed.
    fn resize_deadline(&mut self) {
        if matches!(self.timeout, Timeout::ByModel { .. }) {
            let longest = self.slots.iter().map(|s| s.default).max();
            self.deadline = self.capped(
                longest
                    .and_then(|l| self.start.checked_add(l))
                    .max(self.deadline),
            );
        }
    }

    /// True when no job is being followed.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// How many jobs are being followed.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// The deadline, when there is one.
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Makes the job `id` due now, when it is followed: its end was announced
    /// (a webhook), and the next [`Waiter::poll_due`] reads its final record,
    /// so the outcome is the same as by polling. True when it was followed.
    pub fn poll_now(&mut self, id: &str) -> bool {
        let now = Instant::now();
        let mut found = false;
        for slot in self.slots.iter_mut().filter(|s| s.job.id == id) {
            slot.next_poll = slot.next_poll.min(now);
            found = true;
        }
        found
    }

    /// When the next poll is due, as the read schedule allows (or the
    /// deadline, when sooner).
    pub fn next_due(&self) -> Option<Instant> {
        let mut next = self.slots.iter().map(|s| s.next_poll).min()?;
        if self.listing() {
            next = next.min(self.list_next);
        }
        next = next.max(self.reads.ready_at());
        Some(self.deadline.map_or(next, |d| next.min(d)))
    }

    /// Polls every job that is due, as the read schedule allows; returns
    /// the jobs that finished, with the order they were added in. Many
    /// agents are followed through the agent list (one read per page of
    /// 100), each read alone only for its final record. At the deadline
    /// every job left ends `TimedOut`; an interruption ends them all
    /// `Interrupted`.
    pub fn poll_due(
        &mut self,
        client: &Client,
        mut on_event: impl FnMut(WaitEvent<'_>),
    ) -> Vec<(usize, Job, WaitOutcome)> {
        let mut done = Vec::new();
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return self.end_all(&mut on_event, |last| WaitOutcome::TimedOut {
                last,
                last_error: None,
            });
        }
        if self.listing() && Instant::now() >= self.list_next {
            self.sweep(client, &mut on_event);
        }
        let mut i = 0;
        while i < self.slots.len() {
            if Instant::now() < self.slots[i].next_poll {
                i += 1;
                continue;
            }
            if !self.reads.take() {
                // Not our turn: the rest wait for the next read slot.
                break;
            }
            match self.poll_one(i, client, &mut on_event) {
                Polled::Pending => i += 1,
                Polled::Finished(outcome) => {
                    let slot = self.slots.remove(i);
                    on_event(WaitEvent::Finished {
                        job: &slot.job,
                        outcome: &outcome,
                    });
                    done.push((slot.index, slot.job, outcome));
                }
                Polled::Interrupted => {
                    done.extend(
                        self.end_all(&mut on_event, |last| WaitOutcome::Interrupted { last }),
                    );
                    return done;
                }
            }
        }
        if matches!(self.timeout, Timeout::ByModel { .. }) {
            // Sized by what the polls said of the models (shorter for v1 ones).
            let longest = self.slots.iter().map(|s| s.default).max();
            if let Some(l) = longest {
                self.deadline = self.capped(self.start.checked_add(l));
            }
        }
        done
    }

    // One job's own read.
    fn poll_one(
        &mut self,
        i: usize,
        client: &Client,
        on_event: &mut dyn FnMut(WaitEvent<'_>),
    ) -> Polled {
        let polled_at = Instant::now();
        let tries = self.deadline.map_or(Tries::Forever, Tries::Until);
        // An interval too long for the clock: the shortest one rather than none.
        let next = polled_at
            .checked_add(self.stretched())
            .or_else(|| polled_at.checked_add(MIN_INTERVAL))
            .unwrap_or(polled_at);
        let by_model = matches!(self.timeout, Timeout::ByModel { .. });
        let slot = &mut self.slots[i];
        slot.next_poll = next;
        let outcome = match client.poll(&slot.job, tries) {
            Ok(record) => {
                on_event(WaitEvent::Polled {
                    job: &slot.job,
                    record: &record,
                });
                if let (true, Some(model)) = (by_model, record.model()) {
                    slot.default = slot.job.default_timeout(Some(model));
                }
                match slot.job.state(&record) {
                    AgentState::Ready => WaitOutcome::Ready(record),
                    AgentState::Failed => WaitOutcome::Failed(record),
                    AgentState::Pending => {
                        slot.last = Some(record);
                        return Polled::Pending;
                    }
                }
            }
            Err(Error::Interrupted { .. }) => return Polled::Interrupted,
            // The HTTP layer retried up to the deadline: it has passed.
            Err(e) if e.is_transient() => WaitOutcome::TimedOut {
                last: slot.last.take(),
                last_error: Some(e),
            },
            Err(error) => WaitOutcome::Error {
                error,
                last: slot.last.take(),
            },
        };
        Polled::Finished(outcome)
    }

    // One job's interval: the one asked for, stretched so that every job
    // read on its own gets its turn within the read bucket.
    fn stretched(&self) -> Duration {
        let alone = if self.listing() {
            // The listed agents are read alone only once, at their end.
            self.slots.iter().filter(|s| !is_listed(&s.job)).count() + 1
        } else {
            self.slots.len()
        };
        let gap = self.reads.gap().unwrap_or(Duration::ZERO);
        self.interval
            .max(gap.saturating_mul(u32::try_from(alone).unwrap_or(u32::MAX)))
    }

    /// Ends every job still followed with `make(last record)`.
    pub fn end_all(
        &mut self,
        mut on_event: impl FnMut(WaitEvent<'_>),
        make: impl Fn(Option<AgentRecord>) -> WaitOutcome,
    ) -> Vec<(usize, Job, WaitOutcome)> {
        self.slots
            .drain(..)
            .map(|mut slot| {
                let outcome = make(slot.last.take());
                on_event(WaitEvent::Finished {
                    job: &slot.job,
                    outcome: &outcome,
                });
                (slot.index, slot.job, outcome)
            })
            .collect()
    }
}

/// Waits for one agent, calling `on_record` after every successful poll.
pub fn wait(
    client: &Client,
    id: &str,
    options: &WaitOptions,
    mut on_record: impl FnMut(&AgentRecord),
) -> WaitOutcome {
    let jobs = [Job::agent(id)];
    let mut results = wait_jobs(client, &jobs, options, |event| {
        if let WaitEvent::Polled { record, .. } = event {
            on_record(record);
        }
    });
    results
        .pop()
        .map(|(_, o)| o)
        .unwrap_or(WaitOutcome::TimedOut {
            last: None,
            last_error: None,
        })
}

/// Waits for several jobs (of any kinds) sharing one deadline. Results come
/// back in the order of `jobs`; `on_event` hears of each poll and each
/// finish as it happens.
pub fn wait_jobs(
    client: &Client,
    jobs: &[Job],
    options: &WaitOptions,
    mut on_event: impl FnMut(WaitEvent<'_>),
) -> Vec<(Job, WaitOutcome)> {
    let mut waiter = Waiter::new(options);
    for job in jobs {
        waiter.add(job.clone());
    }
    // Every read through a client that tells the schedule the read bucket.
    let client = &client.fresh_with_hook(waiter.reads().hook());
    let mut results: Vec<Option<(Job, WaitOutcome)>> = (0..jobs.len()).map(|_| None).collect();
    let mut keep = |done: Vec<(usize, Job, WaitOutcome)>| {
        for (i, job, outcome) in done {
            results[i] = Some((job, outcome));
        }
    };
    loop {
        keep(waiter.poll_due(client, &mut on_event));
        let Some(next) = waiter.next_due() else { break };
        if client
            .sleep(next.saturating_duration_since(Instant::now()))
            .is_err()
        {
            keep(waiter.end_all(&mut on_event, |last| WaitOutcome::Interrupted { last }));
            break;
        }
    }
    results
        .into_iter()
        .zip(jobs)
        .map(|(r, job)| r.unwrap_or_else(|| (job.clone(), WaitOutcome::Interrupted { last: None })))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_by_model() {
        assert_eq!(
            default_timeout(Some("essence-1")),
            Duration::from_secs(1800)
        );
        assert_eq!(
            default_timeout(Some("expression-1")),
            Duration::from_secs(1800)
        );
        assert_eq!(
            default_timeout(Some("essence-2")),
            Duration::from_secs(14400)
        );
        assert_eq!(default_timeout(Some("auto")), Duration::from_secs(14400));
        assert_eq!(default_timeout(None), Duration::from_secs(14400));
    }
}
