//! Waiting for jobs of any kind: poll each until it is terminal, with one
//! shared deadline and one schedule, riding out transient trouble, and
//! reporting every poll to a callback (the CLI draws its spinner from it).

use crate::client::Client;
use crate::error::Error;
use crate::http::Tries;
use crate::jobs::Job;
use crate::record::{AgentRecord, AgentState};
use std::time::{Duration, Instant};

/// The shortest interval between two polls of one agent.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);

/// The vendor's recommended poll interval.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(5);

/// The default wait for a model: 30 minutes for the v1 models, 4 hours for
/// the v2 ones, `auto` and anything unknown (their builds take hours).
pub fn default_timeout(model: Option<&str>) -> Duration {
    match model {
        Some("essence-1" | "expression-1") => Duration::from_secs(30 * 60),
        _ => Duration::from_secs(4 * 60 * 60),
    }
}

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

/// What happened to one agent.
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

struct Slot {
    job: Job,
    last: Option<AgentRecord>,
    outcome: Option<WaitOutcome>,
    next_poll: Instant,
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
    let start = Instant::now();
    let interval = options.interval.max(MIN_INTERVAL);
    let mut deadline = match &options.timeout {
        Timeout::Fixed(t) => t.map(|t| start + t),
        Timeout::ByModel { hint } => jobs
            .iter()
            .map(|j| start + j.default_timeout(hint.as_deref()))
            .max(),
    };
    let mut deadline_settled = matches!(options.timeout, Timeout::Fixed(_));
    let mut slots: Vec<Slot> = jobs
        .iter()
        .map(|job| Slot {
            job: job.clone(),
            last: None,
            outcome: None,
            next_poll: start,
        })
        .collect();

    loop {
        let mut interrupted = false;
        for slot in slots.iter_mut().filter(|s| s.outcome.is_none()) {
            if Instant::now() < slot.next_poll {
                continue;
            }
            let polled_at = Instant::now();
            let tries = deadline.map_or(Tries::Forever, Tries::Until);
            match client.poll(&slot.job, tries) {
                Ok(record) => {
                    on_event(WaitEvent::Polled {
                        job: &slot.job,
                        record: &record,
                    });
                    match slot.job.state(&record) {
                        AgentState::Ready => slot.outcome = Some(WaitOutcome::Ready(record)),
                        AgentState::Failed => slot.outcome = Some(WaitOutcome::Failed(record)),
                        AgentState::Pending => slot.last = Some(record),
                    }
                }
                Err(Error::Interrupted) => {
                    interrupted = true;
                    break;
                }
                Err(e) if e.is_transient() => {
                    // The HTTP layer retried up to the deadline: it has passed.
                    slot.outcome = Some(WaitOutcome::TimedOut {
                        last: slot.last.take(),
                        last_error: Some(e),
                    });
                }
                Err(error) => {
                    slot.outcome = Some(WaitOutcome::Error {
                        error,
                        last: slot.last.take(),
                    });
                }
            }
            slot.next_poll = polled_at + interval;
            if let Some(outcome) = &slot.outcome {
                on_event(WaitEvent::Finished {
                    job: &slot.job,
                    outcome,
                });
            }
        }

        if !deadline_settled
            && slots
                .iter()
                .all(|s| s.last.is_some() || s.outcome.is_some())
        {
            // Every agent has been seen once: size the deadline by their models.
            if let Timeout::ByModel { hint } = &options.timeout {
                let longest = slots
                    .iter()
                    .map(|s| {
                        let model = s
                            .last
                            .as_ref()
                            .and_then(AgentRecord::model)
                            .or(hint.as_deref());
                        s.job.default_timeout(model)
                    })
                    .max()
                    .unwrap_or_else(|| default_timeout(None));
                deadline = Some(start + longest);
            }
            deadline_settled = true;
        }

        if interrupted {
            finish_all(&mut slots, &mut on_event, |last| WaitOutcome::Interrupted {
                last,
            });
            break;
        }
        let Some(next) = slots
            .iter()
            .filter(|s| s.outcome.is_none())
            .map(|s| s.next_poll)
            .min()
        else {
            break;
        };
        // Sleep until the next poll, or until the deadline when that comes first.
        let (until, at_deadline) = match deadline {
            Some(d) if next >= d => (d, true),
            _ => (next, false),
        };
        if client
            .sleep(until.saturating_duration_since(Instant::now()))
            .is_err()
        {
            finish_all(&mut slots, &mut on_event, |last| WaitOutcome::Interrupted {
                last,
            });
            break;
        }
        if at_deadline {
            finish_all(&mut slots, &mut on_event, |last| WaitOutcome::TimedOut {
                last,
                last_error: None,
            });
            break;
        }
    }
    slots
        .into_iter()
        .map(|s| {
            let outcome = s
                .outcome
                .unwrap_or(WaitOutcome::Interrupted { last: s.last });
            (s.job, outcome)
        })
        .collect()
}

fn finish_all(
    slots: &mut [Slot],
    on_event: &mut impl FnMut(WaitEvent<'_>),
    make: impl Fn(Option<AgentRecord>) -> WaitOutcome,
) {
    for slot in slots.iter_mut().filter(|s| s.outcome.is_none()) {
        let outcome = make(slot.last.take());
        on_event(WaitEvent::Finished {
            job: &slot.job,
            outcome: &outcome,
        });
        slot.outcome = Some(outcome);
    }
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
