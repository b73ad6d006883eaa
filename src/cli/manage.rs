//! Managing agents and the account: `agent list|show|update|delete`,
//! `account`, `pricing`, `usage`.

use super::Ctx;
use super::args::{AgentDeleteArgs, AgentListArgs, AgentUpdateArgs, UsageArgs};
use super::exit::{CliError, code, from_lib};
use super::submit;
use super::table::{Table, table_width};
use super::text::shown;
use super::wait::{self, Failures};
use bithuman::account::{MAX_PRICE, Pages, PagingStop};
use bithuman::{AgentQuery, Job, UsageQuery};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, IsTerminal, Write};

/// A server object printed as one JSON line (versioned by `Output::emit`).
#[derive(Serialize)]
struct Item<'a> {
    #[serde(flatten)]
    fields: &'a serde_json::Map<String, Value>,
}

#[derive(Serialize)]
struct Updated<'a> {
    agent_id: &'a str,
    updated: bool,
}

#[derive(Serialize)]
struct Deleted<'a> {
    agent_id: &'a str,
    deleted: bool,
}

// Sanitized where every JSON line is written (Output::emit).
fn emit_object(ctx: &Ctx, v: &Value) -> Result<(), CliError> {
    match v {
        Value::Object(fields) => ctx.out.emit(&Item { fields }),
        _ => Ok(()),
    }
}

fn text(v: &Value, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|k| match v.get(*k) {
            Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "-".into())
}

/// `agent list`: a table, or one JSON object per agent, printed page by
/// page as the pages arrive.
pub fn list(ctx: &mut Ctx, a: AgentListArgs) -> Result<u8, CliError> {
    let client = ctx.client()?;
    let width = table_width(&ctx.settings);
    let mut table =
        Table::new(&["ID", "NAME", "MODEL", "STATUS", "CREATED"], &[1]).drop_order(&[4, 2]);
    let relative = std::io::stdout().is_terminal();
    let mut query = AgentQuery::new().limit(a.limit);
    query.status = a.status.clone();
    let mut pages = Pages::new(a.all, |offset| client.list_agents(&query, offset));
    for page in &mut pages {
        for agent in page?.items {
            // Printed as the server sent it.
            let agent = &Value::Object(agent.to_json());
            if ctx.out.json {
                emit_object(ctx, agent)?;
            } else {
                table.row(vec![
                    text(agent, &["agent_id", "code"]),
                    text(agent, &["name"]),
                    text(agent, &["model"]),
                    text(agent, &["status"]),
                    when(&text(agent, &["created_at"]), relative),
                ]);
            }
        }
        print_rows(ctx, &mut table, width)?;
    }
    warn_if_cut(ctx, pages.stopped());
    if !ctx.out.json && !table.started() {
        ctx.out.note("No agents.");
    }
    Ok(code::OK)
}

// Prints the rows added since the last page.
fn print_rows(ctx: &Ctx, table: &mut Table, width: Option<usize>) -> Result<(), CliError> {
    if table.is_empty() {
        return Ok(());
    }
    match table.take(width) {
        Some(rows) => ctx.out.data(&rows),
        None => Ok(()),
    }
}

// A listing the server never ended (or ended with repeats) is printed as far
// as it went, with a warning that it may be incomplete.
fn warn_if_cut(ctx: &Ctx, stopped: Option<PagingStop>) {
    if let Some(why) = stopped {
        ctx.out.warn(&format!(
            "stopped paging: {why}; the list may be incomplete"
        ));
    }
}

/// `agent show ID...`: the full records.
pub fn show(ctx: &mut Ctx, ids: &[String]) -> Result<u8, CliError> {
    let jobs: Vec<Job> = ids.iter().map(|id| Job::agent(id)).collect();
    wait::validate_jobs(&jobs)?;
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for job in &jobs {
        match client.agent(&job.id) {
            Ok(record) => ctx.out.agent(job, &record)?,
            Err(e) => failures.add(ctx, wait::about(&job.id, from_lib(&e))),
        }
    }
    Ok(failures.finish(ctx))
}

/// `agent update ID --prompt|--prompt-file`.
pub fn update(ctx: &mut Ctx, a: AgentUpdateArgs) -> Result<u8, CliError> {
    bithuman::client::validate_agent_id(&a.id)?;
    let prompt = match (&a.prompt, &a.prompt_file) {
        (Some(p), _) => p.clone(),
        // An empty update is a usage error (checked below); unreadable files
        // keep their codes.
        (None, Some(path)) => submit::read_text_or_empty(path, "prompt")?,
        (None, None) => return Err(CliError::usage("give --prompt or --prompt-file")),
    };
    if prompt.trim().is_empty() {
        return Err(CliError::usage(
            "the new prompt is empty; nothing was changed",
        ));
    }
    let client = ctx.client()?;
    client
        .update_agent(&a.id, &prompt)
        .map_err(|e| wait::about(&a.id, from_lib(&e)))?;
    if ctx.out.json {
        ctx.out.emit(&Updated {
            agent_id: &a.id,
            updated: true,
        })?;
    } else {
        ctx.out.data(&shown(&a.id))?;
        ctx.out.note("Updated the system prompt.");
    }
    Ok(code::OK)
}

/// `agent delete ID... [--yes]`.
pub fn delete(ctx: &mut Ctx, a: AgentDeleteArgs) -> Result<u8, CliError> {
    let jobs: Vec<Job> = a.ids.iter().map(|id| Job::agent(id)).collect();
    wait::validate_jobs(&jobs)?;
    if !a.yes {
        let interactive =
            ctx.settings.stdin_tty && std::io::stderr().is_terminal() && !ctx.out.json;
        if !interactive {
            return Err(CliError::usage(format!(
                "deleting {} agent(s) needs --yes when not asked on a terminal; nothing was deleted",
                a.ids.len()
            )));
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "Delete {} agent(s)? [y/N] ", a.ids.len());
        let _ = err.flush();
        let mut answer = String::new();
        // One short line; an endless stdin cannot fill memory.
        let _ = std::io::Read::take(std::io::stdin().lock(), 64).read_line(&mut answer);
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            ctx.out.note("Nothing was deleted.");
            return Ok(code::OK);
        }
    }
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for id in &a.ids {
        match client.delete_agent(id) {
            Ok(_) => {
                if ctx.out.json {
                    ctx.out.emit(&Deleted {
                        agent_id: id,
                        deleted: true,
                    })?;
                } else {
                    ctx.out.data(&format!("deleted {}", shown(id)))?;
                }
            }
            Err(e) => {
                failures.keep(ctx, wait::about(id, from_lib(&e)))?;
            }
        }
    }
    Ok(failures.finish(ctx))
}

/// `account`: `GET /v1/me`.
pub fn account(ctx: &mut Ctx) -> Result<u8, CliError> {
    let client = ctx.client()?;
    let me = Value::Object(client.account()?.to_json());
    if ctx.out.json {
        emit_object(ctx, &me)?;
    } else {
        let rows = [
            ("plan", text(&me, &["plan", "plan_code"])),
            ("credits", text(&me, &["credit_balance"])),
            ("  plan", text(&me, &["plan_credits_remaining"])),
            ("  top-up", text(&me, &["topup_credits_remaining"])),
            ("status", text(&me, &["account_status"])),
            ("email", text(&me, &["email"])),
        ];
        let block = rows
            .iter()
            .map(|(k, v)| format!("{k:<10}{}", shown(v)))
            .collect::<Vec<_>>()
            .join("\n");
        ctx.out.block(&block)?;
    }
    Ok(code::OK)
}

/// `pricing`: `GET /v1/pricing`.
pub fn pricing(ctx: &mut Ctx) -> Result<u8, CliError> {
    let client = ctx.client()?;
    let pricing = Value::Object(client.pricing()?.to_json());
    if ctx.out.json {
        emit_object(ctx, &pricing)?;
        return Ok(code::OK);
    }
    let mut table = Table::new(&["WHAT", "MODEL", "CREDITS"], &[]);
    let section = |pointer: &str| {
        pricing
            .pointer(pointer)
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    };
    for (model, credits) in section("/agent_generation/by_model") {
        table.row(vec!["agent".into(), model, credits.to_string()]);
    }
    for (model, credits) in section("/talking_video/rates") {
        table.row(vec!["video".into(), model, format!("{credits} per minute")]);
    }
    if let Some(flat) = pricing.pointer("/dynamics_generation/flat") {
        table.row(vec!["gestures".into(), "-".into(), flat.to_string()]);
    }
    ctx.out.data(&table.render(table_width(&ctx.settings)))?;
    ctx.out
        .note("Adding a model to an agent costs its agent price (expression-1 is free).");
    Ok(code::OK)
}

/// `usage`: `GET /v1/usage`, a table (page by page) and the total of
/// `credits_change`.
pub fn usage(ctx: &mut Ctx, a: UsageArgs) -> Result<u8, CliError> {
    let query = usage_query(&a)?;
    let client = ctx.client()?;
    let width = table_width(&ctx.settings);
    let mut table = Table::new(&["TIME", "WHAT", "AGENT", "CREDITS"], &[1]).drop_order(&[0]);
    let relative = std::io::stdout().is_terminal();
    let mut total = Some(0.0);
    let mut pages = Pages::new(a.all, |offset| client.usage(&query, offset));
    for page in &mut pages {
        for row in page?.items {
            let row = &Value::Object(row.to_json());
            total = total.and_then(|t| add_change(t, row.get("credits_change")));
            if ctx.out.json {
                emit_object(ctx, row)?;
            } else {
                table.row(vec![
                    when(&text(row, &["created_at", "start_time"]), relative),
                    // What was billed, in words when the API says them
                    // (`source` is only the channel, e.g. "api").
                    text(
                        row,
                        &[
                            "pricing_code_meaning",
                            "activity_type",
                            "pricing_code",
                            "source",
                        ],
                    ),
                    text(row, &["agent_code"]),
                    text(row, &["credits_change"]),
                ]);
            }
        }
        print_rows(ctx, &mut table, width)?;
    }
    warn_if_cut(ctx, pages.stopped());
    if !ctx.out.json {
        match total {
            Some(t) if t.fract() == 0.0 => ctx.out.data(&format!("total {t:+.0} credits"))?,
            Some(t) => ctx.out.data(&format!("total {t:+} credits"))?,
            None => {
                ctx.out.data("total unknown")?;
                ctx.out.warn(&format!(
                    "the server sent a credits_change that is not a number from -{MAX_PRICE} to {MAX_PRICE}; the total is unknown"
                ));
            }
        }
    }
    Ok(code::OK)
}

// `total + change`: `None` when the change is not a plausible number (a
// string, an absurd magnitude), so the total is shown as unknown rather
// than as `+inf` or a wrong figure. A row without one changed nothing.
fn add_change(total: f64, change: Option<&Value>) -> Option<f64> {
    let change = match change {
        None | Some(Value::Null) => 0.0,
        Some(v) => v.as_f64()?,
    };
    // At most 2 million rows (the page cap) of at most MAX_PRICE each: the
    // sum stays finite, and exact for whole credits (below 2^53).
    (change.is_finite() && change.abs() <= MAX_PRICE as f64).then_some(total + change)
}

// The usage filters: dates normalised to UTC, a range that ends before it
// starts refused (exit 2) rather than sent.
fn usage_query(a: &UsageArgs) -> Result<UsageQuery, CliError> {
    let mut query = UsageQuery::new().limit(a.limit);
    query.start = a.since.as_deref().map(since).transpose()?;
    query.end = a
        .until
        .as_deref()
        .map(|s| date("--until", s, true))
        .transpose()?;
    query.agent = a.agent.clone();
    if let (Some(start), Some(end)) = (&query.start, &query.end)
        && start > end
    {
        // Both are `YYYY-MM-DDTHH:MM:SSZ`, so text order is time order.
        return Err(CliError::usage(format!(
            "--since ({start}) is after --until ({end}): nothing can match"
        )));
    }
    if let Some(agent) = &a.agent {
        bithuman::client::validate_agent_id(agent)?;
    }
    Ok(query)
}

// `--since`: a date, or a duration ago (`7d`).
fn since(text: &str) -> Result<String, CliError> {
    if let Ok(d) = super::settings::parse_duration(text) {
        let at = std::time::SystemTime::now()
            .checked_sub(d)
            .unwrap_or(std::time::UNIX_EPOCH);
        return Ok(humantime::format_rfc3339_seconds(at).to_string());
    }
    date("--since", text, false)
}

/// A date (`2026-11-01`: its start, or with `end_of_day` its last second) or
/// an RFC 3339 time (`Z` or an offset like `+02:00`), as UTC RFC 3339.
fn date(flag: &str, text: &str, end_of_day: bool) -> Result<String, CliError> {
    let given = text.trim();
    // RFC 3339 (§5.6) allows a lowercase `t` and `z`; humantime wants capitals.
    let upper = given.to_ascii_uppercase();
    let t = upper.as_str();
    let bad = || {
        CliError::usage(format!(
            "{flag} {given:?} is not a date: use 2026-11-01, 2026-11-01T12:00:00Z, 2026-11-01T12:00:00+02:00, or (for --since) a duration like 7d"
        ))
    };
    let (local, offset) = if t.len() == 10 {
        let time = if end_of_day { "23:59:59" } else { "00:00:00" };
        (format!("{t}T{time}"), 0i64)
    } else if let Some(l) = t.strip_suffix('Z') {
        (l.to_string(), 0)
    } else if t.len() > 6
        && matches!(t.as_bytes()[t.len() - 6], b'+' | b'-')
        && t.as_bytes()[t.len() - 3] == b':'
    {
        let (l, off) = t.split_at(t.len() - 6);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let hours: i64 = off[1..3].parse().map_err(|_| bad())?;
        let minutes: i64 = off[4..6].parse().map_err(|_| bad())?;
        if hours > 23 || minutes > 59 {
            return Err(bad());
        }
        (l.to_string(), sign * (hours * 3600 + minutes * 60))
    } else {
        (t.to_string(), 0)
    };
    let utc = utc_of(&local, offset).ok_or_else(bad)?;
    Ok(humantime::format_rfc3339_seconds(utc).to_string())
}

// A local time (fractions of a second allowed) minus its offset, as UTC.
fn utc_of(local: &str, offset: i64) -> Option<std::time::SystemTime> {
    let at = humantime::parse_rfc3339_weak(local).ok()?;
    let shift = std::time::Duration::from_secs(offset.unsigned_abs());
    if offset >= 0 {
        at.checked_sub(shift)
    } else {
        at.checked_add(shift)
    }
}

/// An RFC 3339 time from the server (`Z` or an offset, any fraction).
pub fn parse_time(text: &str) -> Option<std::time::SystemTime> {
    let t = text.trim().to_ascii_uppercase();
    if let Some(l) = t.strip_suffix('Z') {
        return utc_of(l, 0);
    }
    let b = t.as_bytes();
    if t.len() > 6 && matches!(b[t.len() - 6], b'+' | b'-') && b[t.len() - 3] == b':' {
        let (l, off) = t.split_at(t.len() - 6);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let hours: i64 = off.get(1..3)?.parse().ok()?;
        let minutes: i64 = off.get(4..6)?.parse().ok()?;
        return utc_of(l, sign * (hours * 3600 + minutes * 60));
    }
    None
}

/// A time for a table (SPEC §18): relative ("3 min ago") for a person at a
/// terminal, RFC 3339 to the second otherwise; as given when it is not a time.
pub fn when(text: &str, relative: bool) -> String {
    let Some(at) = parse_time(text) else {
        return text.to_string();
    };
    if !relative {
        return humantime::format_rfc3339_seconds(at).to_string();
    }
    let now = std::time::SystemTime::now();
    let (secs, ago) = match now.duration_since(at) {
        Ok(d) => (d.as_secs(), true),
        Err(e) => (e.duration().as_secs(), false),
    };
    let amount = match secs {
        0..=59 => return "just now".into(),
        60..=3599 => format!("{} min", secs / 60),
        3600..=86_399 => format!("{} h", secs / 3600),
        _ => format!("{} d", secs / 86_400),
    };
    if ago {
        format!("{amount} ago")
    } else {
        format!("in {amount}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_offsets() {
        assert_eq!(
            date("--since", "2026-08-01", false).ok().as_deref(),
            Some("2026-08-01T00:00:00Z")
        );
        assert_eq!(
            date("--until", "2026-08-31", true).ok().as_deref(),
            Some("2026-08-31T23:59:59Z")
        );
        assert_eq!(
            date("--since", "2026-08-01T10:00:00+02:00", false)
                .ok()
                .as_deref(),
            Some("2026-08-01T08:00:00Z")
        );
        assert_eq!(
            date("--since", "2026-08-01T10:00:00-01:30", false)
                .ok()
                .as_deref(),
            Some("2026-08-01T11:30:00Z")
        );
        assert_eq!(
            date("--since", "2026-08-01T10:00:00Z", false)
                .ok()
                .as_deref(),
            Some("2026-08-01T10:00:00Z")
        );
        assert_eq!(
            date("--since", "2026-08-01t10:00:00z", false)
                .ok()
                .as_deref(),
            Some("2026-08-01T10:00:00Z")
        );
        for bad in ["yesterday", "2026-13-01", "2026-08-01T10:00:00+25:00", ""] {
            assert!(date("--since", bad, false).is_err(), "{bad}");
        }
    }
}
