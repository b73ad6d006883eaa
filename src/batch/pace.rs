//! How fast a batch submits: a pool of workers, each with its own client,
//! whose answers tell one shared [`Pace`] about the server's rate limit.

use super::manifest::{Row, RowSpec};
use super::shard::RateShare;
use super::{BatchOptions, Concurrency};
use crate::blocking::Client;
use crate::error::{Error, Result};
use crate::http::RateInfo;
use crate::submit::Submit;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The most submits `auto` lets fly at once.
pub(super) const AUTO_MAX: usize = 8;

/// The longest pause a 429 (its `Retry-After`) imposes on a batch: a server
/// asking for more is more likely broken than busy, and a longer pause
/// would silently stall every later row.
pub const MAX_PAUSE: Duration = Duration::from_secs(10 * 60);

/// A pause of every submit after a 429, as taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    /// What the server asked for (`Retry-After`), when it said.
    pub asked: Option<Duration>,
    /// How long the batch pauses.
    pub taken: Duration,
    /// Shorter than asked: capped at [`MAX_PAUSE`] or the batch's deadline.
    pub capped: bool,
}

/// Pace shared by the workers: the server's limit (spaced evenly, a little
/// under it) and one pause for everyone after a 429.
#[derive(Default)]
pub(super) struct Pace {
    limit: Option<u64>,
    pub(super) paused_until: Option<Instant>,
    pub(super) next_slot: Option<Instant>,
    /// Answers seen since the last change of concurrency.
    good: usize,
    trouble: bool,
    /// No pause runs past this (the wait deadline).
    pub(super) deadline: Option<Instant>,
    /// The last pause, until the runner tells the user about it.
    pub(super) notice: Option<Pause>,
    /// This process's share of the account's buckets.
    share: RateShare,
}

impl Pace {
    /// A pace at `share` of the server's limit whose pauses never run past
    /// `deadline`.
    pub(super) fn until(deadline: Option<Instant>, share: RateShare) -> Self {
        Self {
            deadline,
            share,
            ..Self::default()
        }
    }

    pub(super) fn heard(&mut self, info: &RateInfo) {
        if let Some(l) = info.limit.filter(|l| *l > 0) {
            // Our part of the bucket: N machines sharing 1/N each never
            // pass it together, burst included (submits are spaced from
            // the first, never sent in a burst).
            self.limit = Some(self.share.of(l));
        }
        if info.status == 429 || (500..600).contains(&info.status) {
            self.trouble = true;
        } else if (200..300).contains(&info.status) {
            self.good += 1;
        }
        if info.status == 429 {
            let want = info.retry_after.unwrap_or(Duration::from_secs(1));
            let taken = self.pause(want.min(MAX_PAUSE));
            self.notice = Some(Pause {
                asked: info.retry_after,
                taken,
                capped: taken < want,
            });
        } else if info.remaining == Some(0)
            && let Some(reset) = info.reset
        {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            self.pause(Duration::from_secs(reset.saturating_sub(now).min(120)));
        }
    }

    // Pauses every submit for `wait` (never past the deadline); returns the
    // pause taken.
    fn pause(&mut self, wait: Duration) -> Duration {
        let now = Instant::now();
        let wait = self
            .deadline
            .map_or(wait, |d| wait.min(d.saturating_duration_since(now)));
        let until = now.checked_add(wait).unwrap_or(now);
        self.paused_until = Some(self.paused_until.map_or(until, |p| p.max(until)));
        wait
    }

    // When the next submit may go, and books it.
    pub(super) fn take_slot(&mut self) -> Option<Instant> {
        let now = Instant::now();
        let mut at = now;
        if let Some(p) = self.paused_until {
            at = at.max(p);
        }
        if let Some(n) = self.next_slot {
            at = at.max(n);
        }
        if at > now {
            return Some(at);
        }
        if let Some(l) = self.limit {
            // 5 % under the limit: a sliding 60 s window never sees L + 1.
            let gap = Duration::from_secs_f64(60.0 / l as f64 * 1.05);
            self.next_slot = next_after(self.next_slot, now, gap);
        }
        None
    }
}

// The slot after a submit that goes at `now` and had the slot `due`. Counted
// from the slot it had, not from when the loop woke up for it: a late
// wake-up (a busy machine, a read on the same thread) would otherwise
// lengthen every gap and the batch would run under its 95 % of the bucket
// (0.9497x measured under heavy load: benches/README.md, "Scale"). Only a
// little lateness (a twentieth of a gap) is forgiven, so sends never come
// closer than 95 % of a gap and a 60 s window still never sees L + 1; a
// slot missed by more (the batch was idle) starts afresh from now, without
// a burst.
fn next_after(due: Option<Instant>, now: Instant, gap: Duration) -> Option<Instant> {
    let base = match due {
        Some(slot) if now.saturating_duration_since(slot) <= gap / 20 => slot,
        _ => now,
    };
    base.checked_add(gap)
}

// auto: one more submit in flight after a run of fast 2xx answers, half as
// many after a 429 or 5xx.
pub(super) fn adapt(pace: &Arc<Mutex<Pace>>, allowed: &mut usize) {
    if let Ok(mut p) = pace.lock() {
        if p.trouble {
            *allowed = (*allowed / 2).max(1);
            p.trouble = false;
            p.good = 0;
        } else if p.good >= 4 {
            *allowed = (*allowed + 1).min(AUTO_MAX);
            p.good = 0;
        }
    }
}

struct Task {
    row: Row,
    key: String,
    client: Arc<Client>,
}

pub(super) struct Answer {
    pub(super) ident: String,
    pub(super) result: Result<String>,
}

/// The submit workers: each has its own client (its own connection and
/// runtime), whose answers tell the shared pace about the rate limit.
pub(super) struct Pool {
    tasks: Option<mpsc::Sender<Task>>,
    pub(super) answers: mpsc::Receiver<Answer>,
    client: Arc<Client>,
    threads: Vec<std::thread::JoinHandle<()>>,
    pub(super) in_flight: usize,
}

impl Pool {
    pub(super) fn start(
        client: &Client,
        options: &BatchOptions,
        pace: Arc<Mutex<Pace>>,
    ) -> Result<Self> {
        let workers = match options.concurrency {
            Concurrency::Fixed(n) => n.max(1),
            Concurrency::Auto => AUTO_MAX,
        };
        let submit_path = options.kind.submit_path(None)?;
        let hook: crate::http::AnswerHook = Arc::new(move |path: &str, info: &RateInfo| {
            if path == submit_path
                && let Ok(mut p) = pace.lock()
            {
                p.heard(info);
            }
        });
        let (task_tx, task_rx) = mpsc::channel::<Task>();
        let task_rx = Arc::new(Mutex::new(task_rx));
        let (done_tx, answers) = mpsc::channel::<Answer>();
        let threads = (0..workers)
            .map(|_| {
                let rx = task_rx.clone();
                let tx = done_tx.clone();
                std::thread::spawn(move || {
                    // One task at a time; the loop ends when the pool stops.
                    while let Some(task) = rx.lock().ok().and_then(|rx| rx.recv().ok()) {
                        let result = submit(&task.client, &task.row, &task.key);
                        let ident = task.row.ident;
                        if tx.send(Answer { ident, result }).is_err() {
                            return;
                        }
                    }
                })
            })
            .collect();
        Ok(Self {
            tasks: Some(task_tx),
            answers,
            client: Arc::new(client.fresh_with_hook(hook)),
            threads,
            in_flight: 0,
        })
    }

    pub(super) fn send(&mut self, row: Row, key: String) -> Result<()> {
        let task = Task {
            row,
            key,
            client: self.client.clone(),
        };
        self.tasks
            .as_ref()
            .and_then(|t| t.send(task).ok())
            .ok_or(Error::WorkersStopped)?;
        self.in_flight += 1;
        Ok(())
    }

    pub(super) fn stop(&mut self) {
        self.tasks.take();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

// A row's request is sent as every submit is (`Submit::send`).
fn submit(client: &Client, row: &Row, key: &str) -> Result<String> {
    match &row.spec {
        RowSpec::Agent(r) => r.send(client, key, None).map(|c| c.agent_id),
        RowSpec::Video(v) => v.send(client, key, None).map(|s| s.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(retry_after: Option<Duration>) -> RateInfo {
        RateInfo {
            status: 429,
            retry_after,
            ..RateInfo::default()
        }
    }

    #[test]
    fn a_late_submit_keeps_the_slots_of_the_pace() {
        let gap = Duration::from_millis(1050);
        let slot = Instant::now();
        // Woken 10 ms after its slot: the next one is a gap after the slot.
        let late = slot + Duration::from_millis(10);
        assert_eq!(next_after(Some(slot), late, gap), Some(slot + gap));
        // Idle for longer than a twentieth of a gap: a gap from now, no burst.
        let idle = slot + Duration::from_millis(60);
        assert_eq!(next_after(Some(slot), idle, gap), Some(idle + gap));
        assert_eq!(next_after(None, idle, gap), Some(idle + gap));
        // The rate this keeps: 40 submits each woken 10 ms late span 39 gaps.
        let first = slot + Duration::from_millis(10);
        let (mut due, mut sent) = (next_after(Some(slot), first, gap), first);
        for _ in 1..40 {
            sent = due.map_or(sent, |d| d + Duration::from_millis(10));
            due = next_after(due, sent, gap);
        }
        assert_eq!(sent - first, gap * 39);
    }

    #[test]
    fn a_retry_after_is_capped_and_never_overflows() {
        let mut p = Pace::default();
        p.heard(&limited(Some(Duration::from_secs(u64::MAX))));
        let pause = p.notice.expect("a pause");
        assert_eq!(pause.taken, MAX_PAUSE);
        assert!(pause.capped);
        let mut p = Pace::until(
            Instant::now().checked_add(Duration::from_secs(5)),
            RateShare::default(),
        );
        p.heard(&limited(Some(Duration::from_secs(86_400))));
        let pause = p.notice.expect("a pause");
        assert!(pause.capped && pause.taken <= Duration::from_secs(5));
        let mut p = Pace::default();
        p.heard(&limited(Some(Duration::from_secs(2))));
        assert_eq!(
            p.notice,
            Some(Pause {
                asked: Some(Duration::from_secs(2)),
                taken: Duration::from_secs(2),
                capped: false
            })
        );
    }
}
