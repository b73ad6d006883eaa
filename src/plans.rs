//! What each plan allows (API-NOTES §17, §15.6): the three token buckets
//! per minute and the concurrent live sessions. A leaf module.

/// A plan's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanLimits {
    /// Agent, video and gesture generations a minute.
    pub generate: u32,
    /// Other writes (POST, PUT, PATCH, DELETE) a minute.
    pub write: u32,
    /// Reads (GET) a minute.
    pub read: u32,
    /// Concurrent live sessions.
    pub sessions: u32,
    /// Whether the plan may call the API at all (Free lost it on 2026-10-12).
    pub api_access: bool,
}

/// A share of the account's rate limits (`--rate-share 1/N`): this process
/// paces itself at 1/N of every bucket, so N machines together stay under
/// the account's limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateShare {
    pub(crate) parts: std::num::NonZeroU64,
}

impl Default for RateShare {
    fn default() -> Self {
        Self {
            parts: std::num::NonZeroU64::MIN,
        }
    }
}

impl RateShare {
    /// N.
    pub fn parts(&self) -> u64 {
        self.parts.get()
    }

    /// This process's part of a bucket of `limit` requests a minute (at
    /// least 1, so a tiny bucket still lets requests through, slowly).
    pub fn of(&self, limit: u64) -> u64 {
        (limit / self.parts.get()).max(1)
    }
}

impl std::fmt::Display for RateShare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "1/{}", self.parts)
    }
}

/// The limits of the plan named `plan` (`Business`, `plan_business`,
/// `membership_creator`…: the plan's word anywhere in it), if known.
pub fn limits(plan: &str) -> Option<PlanLimits> {
    let plan = plan.to_ascii_lowercase();
    let table = [
        ("enterprise", 120, 720, 2880, 200, true),
        ("business", 60, 360, 1440, 50, true),
        ("creator", 10, 60, 240, 3, true),
        ("pro", 30, 180, 720, 10, true),
        ("free", 4, 30, 120, 1, false),
    ];
    table.iter().find(|(name, ..)| plan.contains(name)).map(
        |&(_, generate, write, read, sessions, api_access)| PlanLimits {
            generate,
            write,
            read,
            sessions,
            api_access,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_by_name_or_code() {
        assert_eq!(limits("Business").map(|l| l.read), Some(1440));
        assert_eq!(limits("membership_creator").map(|l| l.generate), Some(10));
        assert_eq!(limits("Pro").map(|l| l.write), Some(180));
        assert_eq!(limits("free").map(|l| l.api_access), Some(false));
        assert_eq!(limits("sandbox"), None);
    }
}
