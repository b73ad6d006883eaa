//! Plans and the account's three rate buckets (API-NOTES §9, §17).
//!
//! Each bucket is a token bucket: capacity = the plan's per-minute number,
//! refilled continuously at that rate. Its level lives in the world's
//! database, so every process sharing the world draws from the same bucket.

use rusqlite::{Connection, OptionalExtension, params};

/// A bitHuman plan: its rate limits, agent cap and concurrent-session cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Plan {
    /// No API access since 2026-10-12: every call but `/v1/me` is refused.
    Free,
    /// Creator: 7 agents.
    Creator,
    /// Pro: 40 agents.
    Pro,
    /// Business: 200 agents.
    Business,
    /// Enterprise: the largest limits.
    Enterprise,
}

/// The plans, in `--plan`'s spelling.
pub const PLANS: [&str; 5] = ["free", "creator", "pro", "business", "enterprise"];

impl Plan {
    /// `free`, `creator`, `pro`, `business` or `enterprise`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Plan> {
        match name {
            "free" => Some(Plan::Free),
            "creator" => Some(Plan::Creator),
            "pro" => Some(Plan::Pro),
            "business" => Some(Plan::Business),
            "enterprise" => Some(Plan::Enterprise),
            _ => None,
        }
    }

    /// The plan's name, as `--plan` spells it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Plan::Free => "free",
            Plan::Creator => "creator",
            Plan::Pro => "pro",
            Plan::Business => "business",
            Plan::Enterprise => "enterprise",
        }
    }

    /// Requests per minute (= burst) of `bucket`.
    #[must_use]
    pub fn per_minute(self, bucket: Bucket) -> u32 {
        let [generate, write, read] = match self {
            Plan::Free => [4, 30, 120],
            Plan::Creator => [10, 60, 240],
            Plan::Pro => [30, 180, 720],
            Plan::Business => [60, 360, 1440],
            Plan::Enterprise => [120, 720, 2880],
        };
        match bucket {
            Bucket::Generate => generate,
            Bucket::Write => write,
            Bucket::Read => read,
        }
    }

    /// Live (not deleted) agents allowed; `None`: no cap.
    #[must_use]
    pub fn agent_cap(self) -> Option<u32> {
        match self {
            Plan::Free => Some(0),
            Plan::Creator => Some(7),
            Plan::Pro => Some(40),
            Plan::Business => Some(200),
            Plan::Enterprise => None,
        }
    }

    /// Concurrent live sessions allowed.
    #[must_use]
    pub fn session_cap(self) -> u32 {
        match self {
            Plan::Free => 1,
            Plan::Creator => 3,
            Plan::Pro => 10,
            Plan::Business => 50,
            Plan::Enterprise => 200,
        }
    }
}

/// One of the account's three rate buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// `POST /v1/agent/generate`, `/v1/dynamics/generate`, `/v1/video/generate`.
    Generate,
    /// Every other POST, PUT, PATCH and DELETE (uploads included).
    Write,
    /// Every GET.
    Read,
}

impl Bucket {
    pub(crate) const ALL: [Bucket; 3] = [Bucket::Generate, Bucket::Write, Bucket::Read];

    /// `generate`, `write` or `read`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Bucket::Generate => "generate",
            Bucket::Write => "write",
            Bucket::Read => "read",
        }
    }

    /// The bucket a `/v1` request draws from (API-NOTES §17).
    pub(crate) fn of(method: &str, path: &str) -> Bucket {
        match (method, path) {
            ("POST", "/v1/agent/generate" | "/v1/dynamics/generate" | "/v1/video/generate") => {
                Bucket::Generate
            }
            ("GET" | "HEAD", _) => Bucket::Read,
            _ => Bucket::Write,
        }
    }
}

/// Per-bucket overrides of the plan's numbers (`--rate-limit generate=N,…`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RateLimits {
    /// Requests a minute of the generate bucket (billed submits).
    pub generate: Option<u32>,
    /// Requests a minute of the write bucket (other changes).
    pub write: Option<u32>,
    /// Requests a minute of the read bucket.
    pub read: Option<u32>,
}

impl RateLimits {
    /// `N` (the generate bucket, as before) or `generate=N,write=N,read=N`
    /// (any subset).
    ///
    /// # Errors
    /// The text that is wrong, for the usage error.
    pub fn parse(text: &str) -> Result<RateLimits, String> {
        let number = |t: &str| -> Result<u32, String> {
            t.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{t:?} is not a whole number greater than 0"))
        };
        if !text.contains('=') {
            return Ok(RateLimits {
                generate: Some(number(text)?),
                ..RateLimits::default()
            });
        }
        let mut limits = RateLimits::default();
        for part in text.split(',') {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?} is not BUCKET=N"))?;
            let slot = match name.trim() {
                "generate" => &mut limits.generate,
                "write" => &mut limits.write,
                "read" => &mut limits.read,
                other => {
                    return Err(format!(
                        "unknown bucket {other:?}: use generate, write or read"
                    ));
                }
            };
            *slot = Some(number(value)?);
        }
        Ok(limits)
    }

    fn get(self, bucket: Bucket) -> Option<u32> {
        match bucket {
            Bucket::Generate => self.generate,
            Bucket::Write => self.write,
            Bucket::Read => self.read,
        }
    }
}

/// What the bucket said about one request.
pub(crate) struct Admission {
    /// `Err(seconds)` until a token is back.
    pub admitted: Result<(), u64>,
    pub limit: u32,
    pub remaining: u32,
    /// Unix second the bucket is full again.
    pub reset: u64,
}

/// Writes `plan` (its caps and bucket sizes) into the world.
pub(crate) fn set_plan(conn: &Connection, plan: Plan, now_ms: u64) -> rusqlite::Result<()> {
    configure(conn, Some(plan), RateLimits::default(), now_ms)
}

/// Writes what a sandbox was started with: the plan (when given) and the
/// bucket sizes (an override, else the given plan's). Each bucket is sized
/// once, so naming the plan and size a world already has changes nothing.
pub(crate) fn configure(
    conn: &Connection,
    plan: Option<Plan>,
    limits: RateLimits,
    now_ms: u64,
) -> rusqlite::Result<()> {
    if let Some(plan) = plan {
        conn.execute(
            "UPDATE world SET plan = ?1, agent_cap = ?2, session_cap = ?3 WHERE id = 1",
            params![plan.name(), plan.agent_cap(), plan.session_cap()],
        )?;
    }
    for bucket in Bucket::ALL {
        if let Some(n) = limits.get(bucket).or(plan.map(|p| p.per_minute(bucket))) {
            set_bucket(conn, bucket, n, now_ms)?;
        }
    }
    Ok(())
}

/// Sizes `bucket` at `per_minute`, full. A bucket already of that size is
/// left as it is: every `--sandbox` command naming the plan must not
/// refill the account's buckets.
pub(crate) fn set_bucket(
    conn: &Connection,
    bucket: Bucket,
    per_minute: u32,
    now_ms: u64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO buckets (name, per_minute, tokens, updated_ms) VALUES (?1, ?2, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET per_minute = ?2, tokens = ?2, updated_ms = ?3
         WHERE per_minute != ?2",
        params![bucket.name(), per_minute, now_ms as i64],
    )?;
    Ok(())
}

/// The world's plan.
pub(crate) fn plan(conn: &Connection) -> rusqlite::Result<Plan> {
    let name: String = conn.query_row("SELECT plan FROM world WHERE id = 1", [], |r| r.get(0))?;
    Ok(Plan::parse(&name).unwrap_or(Plan::Business))
}

/// The live-agent cap of the world's plan (`None`: no cap).
pub(crate) fn agent_cap(conn: &Connection) -> rusqlite::Result<Option<u32>> {
    conn.query_row("SELECT agent_cap FROM world WHERE id = 1", [], |r| r.get(0))
}

/// Takes one token from `bucket` at `now_ms` (call inside a write transaction).
pub(crate) fn admit(conn: &Connection, bucket: Bucket, now_ms: u64) -> rusqlite::Result<Admission> {
    let row: Option<(u32, f64, i64)> = conn
        .query_row(
            "SELECT per_minute, tokens, updated_ms FROM buckets WHERE name = ?1",
            [bucket.name()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((limit, tokens, updated)) = row else {
        // A bucket nobody sized is not metered.
        return Ok(Admission {
            admitted: Ok(()),
            limit: 0,
            remaining: 0,
            reset: now_ms / 1000,
        });
    };
    let cap = f64::from(limit.max(1));
    let per_ms = cap / 60_000.0;
    // A clock that stepped back refills nothing rather than draining.
    let elapsed = now_ms.saturating_sub(u64::try_from(updated).unwrap_or(0)) as f64;
    let mut level = (tokens + elapsed * per_ms).min(cap);
    let admitted = if level >= 1.0 {
        level -= 1.0;
        Ok(())
    } else {
        Err(((1.0 - level) / per_ms / 1000.0).ceil().max(1.0) as u64)
    };
    conn.execute(
        "UPDATE buckets SET tokens = ?1, updated_ms = ?2 WHERE name = ?3",
        params![level, now_ms as i64, bucket.name()],
    )?;
    let full_in_ms = ((cap - level) / per_ms).ceil() as u64;
    Ok(Admission {
        admitted,
        limit,
        remaining: level.floor() as u32,
        reset: (now_ms + full_in_ms).div_ceil(1000),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limits_parse() {
        assert_eq!(
            RateLimits::parse("7").unwrap(),
            RateLimits {
                generate: Some(7),
                ..RateLimits::default()
            }
        );
        let all = RateLimits::parse("generate=60,read=120").unwrap();
        assert_eq!(
            (all.generate, all.write, all.read),
            (Some(60), None, Some(120))
        );
        assert!(RateLimits::parse("gen=1").is_err());
        assert!(RateLimits::parse("read=0").is_err());
        assert!(RateLimits::parse("x").is_err());
    }

    #[test]
    fn routes_fall_in_their_buckets() {
        assert_eq!(Bucket::of("POST", "/v1/video/generate"), Bucket::Generate);
        assert_eq!(Bucket::of("POST", "/v1/files/upload"), Bucket::Write);
        assert_eq!(Bucket::of("DELETE", "/v1/agent/A1"), Bucket::Write);
        assert_eq!(Bucket::of("GET", "/v1/agent/status/A1"), Bucket::Read);
    }
}
