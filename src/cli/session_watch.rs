//! `bithuman session watch`: a guard on the money live sessions burn. Each
//! check lists the live sessions and ends those past a cap (or, with
//! `--total`, the newest ones until the account's live total is under the
//! cap), logging one line per session ended. `--once` checks once (cron);
//! otherwise it checks every `--interval` until Ctrl-C (exit 130).

use super::Ctx;
use super::args::SessionWatchArgs;
use super::exit::{CliError, Kind, from_lib};
use super::session::amount;
use super::text::shown;
use super::wait::Failures;
use bithuman::Ended;
use bithuman::blocking::Client;
use bithuman::session::{SessionSummary, Window};
use serde::Serialize;
use std::time::Duration;

/// Between checks when `--interval` is not given.
const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);

/// The caps, checked before any request.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Caps {
    minutes: Option<f64>,
    credits: Option<f64>,
    total: bool,
}

/// Which cap a session (or the total) is past, and by how much.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Breach {
    cap: &'static str,
    limit: f64,
    value: f64,
}

impl Caps {
    fn from_args(a: &SessionWatchArgs) -> Result<Self, CliError> {
        let check = |flag: &str, v: Option<f64>| match v {
            Some(v) if !v.is_finite() || v <= 0.0 => Err(CliError::usage(format!(
                "{flag} {v}: give a number above 0"
            ))),
            other => Ok(other),
        };
        let caps = Caps {
            minutes: check("--max-minutes", a.max_minutes)?,
            credits: check("--max-credits", a.max_credits)?,
            total: a.total,
        };
        if caps.minutes.is_none() && caps.credits.is_none() {
            return Err(CliError::usage(
                "give a cap: --max-minutes M and/or --max-credits C",
            ));
        }
        Ok(caps)
    }

    /// The first cap that `minutes`/`credits` are over; unknown amounts
    /// are never over a cap.
    fn over(&self, minutes: Option<f64>, credits: Option<f64>) -> Option<Breach> {
        let past = |cap: &'static str, limit: Option<f64>, value: Option<f64>| match (limit, value)
        {
            (Some(limit), Some(value)) if value > limit => Some(Breach { cap, limit, value }),
            _ => None,
        };
        past("--max-minutes", self.minutes, minutes)
            .or_else(|| past("--max-credits", self.credits, credits))
    }
}

/// One line of the guard's log.
#[derive(Serialize)]
struct Action<'a> {
    time: String,
    action: &'static str,
    session_id: &'a str,
    agent_code: Option<&'a str>,
    minutes: Option<f64>,
    credits: Option<f64>,
    cap: &'static str,
    limit: f64,
    /// The session's amount, or the account's live total with `--total`.
    value: f64,
    total: bool,
    already_ended: bool,
}

pub fn run(ctx: &mut Ctx, a: &SessionWatchArgs) -> Result<u8, CliError> {
    let caps = Caps::from_args(a)?;
    let interval = match &a.interval {
        Some(t) => ctx.parse_duration("--interval", t)?,
        None => DEFAULT_INTERVAL,
    };
    if interval < Duration::from_secs(1) {
        return Err(CliError::usage("--interval: the minimum is 1s"));
    }
    let client = ctx.client()?;
    loop {
        let failed = check(ctx, &client, caps, a.once)?;
        if a.once {
            let mut failures = Failures::new(ctx);
            for e in failed {
                failures.add(ctx, e);
            }
            return Ok(failures.finish(ctx));
        }
        // A guard keeps guarding: a session it could not end is tried
        // again at the next check.
        for e in failed {
            ctx.out
                .warn(&format!("{} (trying again at the next check)", e.message));
        }
        // Ctrl-C wakes this sleep: Interrupted, exit 130.
        client.sleep(interval)?;
    }
}

/// One check: lists the live sessions and ends those past the caps.
/// Returns the sessions it failed to end; a failed listing is the error
/// (in the loop, a service failure is only warned about).
fn check(ctx: &Ctx, client: &Client, caps: Caps, once: bool) -> Result<Vec<CliError>, CliError> {
    let list = match client.sessions(Window::Live) {
        Ok(list) => list,
        Err(e) => {
            let err = from_lib(&e);
            return match err.kind {
                Kind::Unavailable => Ok(vec![err]),
                _ => Err(err),
            };
        }
    };
    let mut live: Vec<SessionSummary> = list
        .sessions
        .into_iter()
        .filter(SessionSummary::is_live)
        .collect();
    let targets = if caps.total {
        over_total(&mut live, caps)
    } else {
        live.iter()
            .filter_map(|s| caps.over(s.minutes, s.credits).map(|b| (s.clone(), b)))
            .collect()
    };
    // A cron run says it looked; a running guard logs only what it ends.
    if targets.is_empty() && once {
        ctx.out.note(&format!(
            "{} live session(s), none over the caps.",
            live.len()
        ));
    }
    let mut failed = Vec::new();
    for (session, breach) in &targets {
        match client.end_listed(session) {
            Ok(ended) => log(ctx, session, *breach, caps.total, &ended)?,
            Err(e) => {
                let err = from_lib(&e);
                if err.kind == Kind::Interrupted {
                    return Err(err);
                }
                let id = session.id.as_deref().unwrap_or("?");
                failed.push(CliError {
                    message: format!("could not end {}: {}", shown(id), err.message),
                    ..err
                });
            }
        }
    }
    Ok(failed)
}

/// With `--total`: the newest live sessions to end until the account's
/// live total is under every cap (unknown amounts count as 0).
fn over_total(live: &mut [SessionSummary], caps: Caps) -> Vec<(SessionSummary, Breach)> {
    // ISO 8601 times sort as text; sessions without a time go last.
    live.sort_by(|a, b| b.started.cmp(&a.started));
    let sum = |f: fn(&SessionSummary) -> Option<f64>| {
        let s: f64 = live.iter().filter_map(f).sum();
        // A server's absurd amounts must not make the arithmetic infinite.
        if s.is_finite() { s } else { f64::MAX }
    };
    let mut minutes = sum(|s| s.minutes);
    let mut credits = sum(|s| s.credits);
    let mut out = Vec::new();
    for s in live.iter() {
        let Some(breach) = caps.over(Some(minutes), Some(credits)) else {
            break;
        };
        out.push((s.clone(), breach));
        minutes -= s.minutes.unwrap_or(0.0);
        credits -= s.credits.unwrap_or(0.0);
    }
    out
}

fn log(
    ctx: &Ctx,
    s: &SessionSummary,
    breach: Breach,
    total: bool,
    ended: &Ended,
) -> Result<(), CliError> {
    let time = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let id = s.id.as_deref().unwrap_or("?");
    if ctx.out.json {
        let mut line = serde_json::to_value(Action {
            time,
            action: "ended",
            session_id: id,
            agent_code: s.agent_code.as_deref(),
            minutes: s.minutes,
            credits: s.credits,
            cap: breach.cap.trim_start_matches("--"),
            limit: breach.limit,
            value: breach.value,
            total,
            already_ended: ended.already_ended,
        })
        .unwrap_or_default();
        bithuman::sanitize::sanitize_json(&mut line);
        return ctx.out.emit(&line);
    }
    let unit = if breach.cap == "--max-minutes" {
        "min"
    } else {
        "credits"
    };
    let whose = if total {
        "the account's live total"
    } else {
        "it"
    };
    ctx.out.data(&format!(
        "{time} ended {} (agent {}, {} min, {} credits): {whose} was at {} {unit}, over {} {}",
        shown(id),
        s.agent_code.as_deref().map_or_else(|| "?".into(), shown),
        amount(s.minutes),
        amount(s.credits),
        amount(Some(breach.value)),
        breach.cap,
        amount(Some(breach.limit)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn session(id: &str, started: &str, minutes: f64, credits: f64) -> SessionSummary {
        serde_json::from_value(json!({
            "id": id, "started": started, "minutes": minutes, "credits": credits, "status": "live"
        }))
        .unwrap_or_default()
    }

    #[test]
    fn only_sessions_over_a_cap_are_chosen() {
        let caps = Caps {
            minutes: Some(1.0),
            credits: None,
            total: false,
        };
        assert_eq!(caps.over(Some(1.0), Some(99.0)), None);
        assert_eq!(caps.over(None, Some(99.0)), None);
        assert_eq!(
            caps.over(Some(1.5), None).map(|b| b.cap),
            Some("--max-minutes")
        );
    }

    #[test]
    fn the_total_ends_the_newest_first_until_under() {
        let caps = Caps {
            minutes: None,
            credits: Some(10.0),
            total: true,
        };
        let mut live = vec![
            session("a", "2026-12-07T01:00:00Z", 5.0, 6.0),
            session("c", "2026-12-07T03:00:00Z", 1.0, 2.0),
            session("b", "2026-12-07T02:00:00Z", 3.0, 4.0),
        ];
        let ids: Vec<String> = over_total(&mut live, caps)
            .into_iter()
            .filter_map(|(s, _)| s.id)
            .collect();
        // 12 credits: ending c (2) leaves 10, which is not over 10.
        assert_eq!(ids, vec!["c".to_string()]);
    }
}
