//! One read schedule for a whole process: every poll of every job followed
//! (and every page of the agent list) takes its turn here, spaced by the
//! read bucket the server describes in `X-RateLimit-Limit`, `-Remaining`
//! and `-Reset` (an absolute Unix time, API-NOTES §17) on its GET answers.

use crate::http::{AnswerHook, RateInfo};
use crate::plans::RateShare;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The longest a read waits for the bucket (it refills whole in a minute;
/// a longer `Reset` or `Retry-After` is a broken server, not a busy one).
const MAX_HOLD: Duration = Duration::from_secs(60);

/// The read pace of one process, shared by every waiter in it (clone it:
/// the clones are one schedule). Reads are spaced 5 % under this process's
/// share of the bucket's per-minute number, stretched further when the
/// bucket runs low (others on the account read too), and held until its
/// reset when it is empty or a read met a 429.
#[derive(Clone, Default)]
pub struct ReadPace {
    inner: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    share: RateShare,
    /// Our part of the bucket, reads a minute.
    limit: Option<u64>,
    /// The next read goes no sooner.
    next: Option<Instant>,
    /// No read before this (an empty bucket, a 429).
    held: Option<Instant>,
    /// The gap the headers ask for when the bucket runs low.
    low_gap: Option<Duration>,
    /// When the last read was booked.
    last: Option<Instant>,
}

impl std::fmt::Debug for ReadPace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadPace")
            .field("gap", &self.gap())
            .finish_non_exhaustive()
    }
}

impl ReadPace {
    /// A pace at `share` of the read bucket (`--rate-share`).
    pub fn new(share: RateShare) -> Self {
        Self {
            inner: Arc::new(Mutex::new(State {
                share,
                ..State::default()
            })),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic elsewhere leaves plain numbers behind: still usable.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A hook for [`Client::fresh_with_hook`](crate::Client::fresh_with_hook)
    /// that tells this pace every answer's rate-limit facts. Give it to a
    /// client that only reads (a waiter's), so the write and generate
    /// buckets' headers do not mix in.
    pub fn hook(&self) -> AnswerHook {
        let pace = self.clone();
        Arc::new(move |_path: &str, info: &RateInfo| pace.heard(info))
    }

    /// Learns from one read's answer.
    pub fn heard(&self, info: &RateInfo) {
        let mut s = self.state();
        let now = Instant::now();
        if let Some(l) = info.limit.filter(|l| *l > 0) {
            s.limit = Some(s.share.of(l));
        }
        let until_reset = info.reset.map(|reset| {
            let unix = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            Duration::from_secs(reset.saturating_sub(unix)).min(MAX_HOLD)
        });
        let hold = match (info.status, info.remaining, until_reset) {
            (429, _, _) => Some(
                info.retry_after
                    .unwrap_or(Duration::from_secs(1))
                    .min(MAX_HOLD),
            ),
            (_, Some(0), Some(r)) => Some(r),
            _ => None,
        };
        if let Some(h) = hold.and_then(|h| now.checked_add(h)) {
            s.held = Some(s.held.map_or(h, |old| old.max(h)));
        }
        // What is left, spread evenly until the bucket is full again; our
        // share of it, as the others on the account draw from it too.
        s.low_gap = match (info.remaining, until_reset) {
            (Some(left), Some(r)) if left > 0 && !r.is_zero() => {
                let ours = s.share.of(left);
                Some(r / u32::try_from(ours).unwrap_or(u32::MAX))
            }
            _ => None,
        };
        // The first answer tells the bucket: the next read keeps its
        // distance from the last one, not only from the ones after it.
        if let (Some(gap), Some(last)) = (gap_of(&s), s.last)
            && let Some(at) = last.checked_add(gap)
        {
            s.next = Some(s.next.map_or(at, |n| n.max(at)));
        }
    }

    /// The time between two reads now (`None`: no limit heard yet).
    pub fn gap(&self) -> Option<Duration> {
        gap_of(&self.state())
    }

    /// When the next read may go (now or earlier: at once).
    pub fn ready_at(&self) -> Instant {
        let s = self.state();
        let now = Instant::now();
        [s.next, s.held]
            .into_iter()
            .flatten()
            .fold(now, Instant::max)
    }

    /// Books a read now, when one may go; false: not yet (see
    /// [`ReadPace::ready_at`]).
    pub fn take(&self) -> bool {
        let mut s = self.state();
        let gap = gap_of(&s);
        let now = Instant::now();
        if s.next.is_some_and(|n| n > now) || s.held.is_some_and(|h| h > now) {
            return false;
        }
        s.next = gap.and_then(|g| now.checked_add(g));
        s.last = Some(now);
        true
    }
}

// 5 % under our share of the limit, or the low bucket's spread, the longer.
fn gap_of(s: &State) -> Option<Duration> {
    let spaced = s
        .limit
        .map(|l| Duration::from_secs_f64(60.0 / l as f64 * 1.05));
    match (spaced, s.low_gap) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(status: u16, limit: u64, remaining: u64, reset_in: u64) -> RateInfo {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        RateInfo {
            status,
            limit: Some(limit),
            remaining: Some(remaining),
            reset: Some(now.saturating_add(reset_in)),
            ..RateInfo::default()
        }
    }

    #[test]
    fn reads_are_spaced_by_the_share_held_when_empty_and_never_overflow() {
        let p = ReadPace::new(RateShare::parse("1/2").expect("share"));
        assert!(p.take() && p.take(), "nothing heard: no spacing");
        p.heard(&info(200, 120, 120, 0));
        // 1/2 of 120 a minute, 5 % under: 1.05 s.
        assert_eq!(p.gap(), Some(Duration::from_millis(1050)));
        assert!(!p.take(), "the next read keeps its distance from the last");
        assert!(p.ready_at() > Instant::now());
        // Low bucket: 4 left (2 ours) for 30 s → 15 s apart.
        p.heard(&info(200, 120, 4, 30));
        assert!(p.gap().is_some_and(|g| g >= Duration::from_secs(14)));
        // Empty: held until the reset (capped), whatever the numbers say.
        let q = ReadPace::default();
        q.heard(&info(200, u64::MAX, 0, u64::MAX));
        assert!(!q.take());
        assert!(q.ready_at() <= Instant::now() + MAX_HOLD);
        let mut limited = info(429, 0, 0, 0);
        limited.retry_after = Some(Duration::from_secs(u64::MAX));
        q.heard(&limited);
        assert!(q.ready_at() <= Instant::now() + MAX_HOLD);
    }
}
