//! `bithuman session …` (start, list, show, end, transcript; `watch` is in
//! `session_watch`, `agent speak|context` and `embed-token` in `live`): the
//! library's `bithuman::session` calls, rendered as tables, lines or JSON,
//! with the exit codes of SPEC §17.

use super::Ctx;
use super::args::{SessionCommand, SessionEndArgs, SessionListArgs, SessionStartArgs};
use super::exit::{CliError, Kind, code, from_lib};
use super::submit;
use super::table::{Table, table_width};
use super::text::{shell_word, shown};
use super::wait::{self, Failures};
use bithuman::session::{SessionList, StartSession, Token, Window};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, IsTerminal, Write};

pub fn run(ctx: &mut Ctx, command: SessionCommand) -> Result<u8, CliError> {
    match command {
        SessionCommand::Start(a) => start(ctx, a),
        SessionCommand::List(a) => list(ctx, &a),
        SessionCommand::Show { ids } => show(ctx, &ids),
        SessionCommand::End(a) if a.all => end_all(ctx, a.yes),
        SessionCommand::End(a) => end(ctx, &a),
        SessionCommand::Transcript { id } => transcript(ctx, &id),
        SessionCommand::Watch(a) => super::session_watch::run(ctx, &a),
    }
}

/// A server object printed as one JSON line (versioned by `Output::emit`),
/// server text cleaned.
pub fn emit_value(ctx: &Ctx, mut v: Value) -> Result<(), CliError> {
    bithuman::sanitize::sanitize_json(&mut v);
    match v {
        Value::Object(fields) => ctx.out.emit(&fields),
        other => ctx.out.emit(&serde_json::json!({ "value": other })),
    }
}

pub use super::output::to_value;

/// A credit or minute amount for people: `?` when unknown, short otherwise.
pub fn amount(v: Option<f64>) -> String {
    match v {
        None => "?".into(),
        Some(v) if v >= 1e12 => format!("{v:.3e}"),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
    }
}

fn aligned(rows: &[(&str, String)]) -> String {
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(k, v)| format!("{k:<width$}  {}", shown(v)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn start(ctx: &mut Ctx, a: SessionStartArgs) -> Result<u8, CliError> {
    let token = if a.livekit_token == "-" {
        Token::new(submit::read_text("-", "LiveKit token")?)
    } else {
        Token::new(a.livekit_token)
    };
    let mut request = StartSession::new(&a.agent, &a.livekit_url, token, &a.room);
    if let Some(m) = &a.model {
        request = request.model(m);
    }
    // Refused before the secret is even looked for: a usage error is 2.
    request.check()?;
    let client = ctx.client()?;
    let session = client.start_session(&request).map_err(|e| {
        let mut err = from_lib(&e);
        if e.api().is_some_and(|api| {
            api.has_code("CONCURRENCY_LIMIT_REACHED") || api.has_code("SESSION_LIMIT")
        }) {
            err.hint = Some(
                "your plan's live sessions are all in use: see them with `bithuman session list --live`, end one with `bithuman session end ID`".into(),
            );
        }
        err
    })?;
    let id = session.session_id.clone().unwrap_or_default();
    if ctx.out.json {
        emit_value(ctx, to_value(&session))?;
    } else {
        ctx.out.data(&shown(&id))?;
        ctx.out.note(&format!(
            "Started {} in room {} ({}): billed per second until it ends. End it with: bithuman session end {}",
            shown(&id),
            shown(&a.room),
            session.model.as_deref().map_or_else(|| "the server's model".into(), shown),
            shell_word(&id)
        ));
    }
    Ok(code::OK)
}

/// The account's totals as a JSON line after the sessions.
#[derive(Serialize)]
pub struct Totals<'a> {
    totals: TotalsBody<'a>,
}

#[derive(Serialize)]
pub struct TotalsBody<'a> {
    window: &'a str,
    sessions: usize,
    active_count: Option<u64>,
    live_burn_rate_cr_per_min: Option<f64>,
    credits_this_hour: Option<f64>,
}

impl<'a> TotalsBody<'a> {
    /// The totals of `list`, listed over `window`.
    pub fn of(window: &'a str, list: &SessionList) -> Self {
        Self {
            window,
            sessions: list.sessions.len(),
            active_count: list.active_count,
            live_burn_rate_cr_per_min: list.live_burn_rate_cr_per_min,
            credits_this_hour: list.credits_this_hour,
        }
    }
}

fn list(ctx: &mut Ctx, a: &SessionListArgs) -> Result<u8, CliError> {
    let (window, name) = if a.live {
        (Window::Live, "live")
    } else if a.recent {
        (Window::Recent, "recent")
    } else {
        (Window::All, "all")
    };
    let client = ctx.client()?;
    let list = client.sessions(window)?;
    if ctx.out.json {
        for s in &list.sessions {
            emit_value(ctx, to_value(s))?;
        }
        ctx.out.emit(&Totals {
            totals: TotalsBody::of(name, &list),
        })?;
        return Ok(code::OK);
    }
    print_table(ctx, &list)?;
    Ok(code::OK)
}

fn print_table(ctx: &Ctx, list: &SessionList) -> Result<(), CliError> {
    let mut table = Table::new(
        &[
            "ID", "AGENT", "STATUS", "STARTED", "MINUTES", "CREDITS", "CR/MIN",
        ],
        &[1],
    )
    .drop_order(&[3, 6, 4, 2]);
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    for s in &list.sessions {
        table.row(vec![
            text(&s.id),
            text(&s.agent_code),
            text(&s.status),
            text(&s.started),
            amount(s.minutes),
            amount(s.credits),
            amount(s.burn_rate_cr_per_min),
        ]);
    }
    if table.is_empty() {
        ctx.out.note("No sessions.");
    } else {
        ctx.out.data(&table.render(table_width(&ctx.settings)))?;
    }
    ctx.out.data(&format!(
        "live: {} session(s), burning {} credits/min; {} credits this hour",
        list.active_count
            .map_or_else(|| "?".into(), |n| n.to_string()),
        amount(list.live_burn_rate_cr_per_min),
        amount(list.credits_this_hour)
    ))
}

fn show(ctx: &mut Ctx, ids: &[String]) -> Result<u8, CliError> {
    for id in ids {
        bithuman::SessionId::parse(id)?;
    }
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for id in ids {
        match client.session(id) {
            Ok(s) if ctx.out.json => emit_value(ctx, Value::Object(s.to_json()))?,
            Ok(s) => ctx.out.block(&session_block(&Value::Object(s.to_json())))?,
            Err(e) => {
                failures.keep(ctx, not_found_hint(wait::about(id, from_lib(&e))))?;
            }
        }
    }
    Ok(failures.finish(ctx))
}

fn not_found_hint(err: CliError) -> CliError {
    if err.kind == Kind::NotFound && err.hint.is_none() {
        err.with_hint("no such session on this account; see them with: bithuman session list --all")
    } else {
        err
    }
}

fn session_block(v: &Value) -> String {
    let text = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| v.get(*k).and_then(Value::as_str))
            .map_or_else(|| "-".into(), str::to_string)
    };
    let money = |k: &str| amount(v.get(k).and_then(bithuman::session::checked_amount));
    let mut rows = vec![
        ("id", text(&["session_id", "id"])),
        ("status", text(&["status"])),
        ("agent", text(&["agent_id", "agent_code"])),
        ("model", text(&["model"])),
        ("room", text(&["room_name"])),
        ("started", text(&["started_at", "started"])),
    ];
    if v.get("minutes").is_some() {
        rows.push(("minutes", money("minutes")));
    } else {
        rows.push(("ended", text(&["ended_at"])));
        rows.push(("billed", format!("{} s", money("billed_seconds"))));
    }
    rows.push(("credits", money("credits")));
    if let Some(n) = v.get("note").and_then(Value::as_str) {
        rows.push(("note", n.to_string()));
    }
    aligned(&rows)
}

fn end(ctx: &mut Ctx, a: &SessionEndArgs) -> Result<u8, CliError> {
    for id in &a.ids {
        bithuman::SessionId::parse(id)?;
    }
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for id in &a.ids {
        match client.end_session(id) {
            Ok(ended) if ctx.out.json => emit_value(ctx, to_value(&ended))?,
            Ok(ended) => {
                let what = if ended.already_ended {
                    format!("{} was already ended", shown(id))
                } else {
                    format!("ended {}", shown(id))
                };
                ctx.out.data(&format!(
                    "{what}: {} s billed, {} credits",
                    amount(ended.billed_seconds),
                    amount(ended.credits)
                ))?;
                if let Some(note) = &ended.note {
                    ctx.out.note(&shown(note));
                }
            }
            Err(e) => {
                failures.keep(ctx, not_found_hint(wait::about(id, from_lib(&e))))?;
            }
        }
    }
    Ok(failures.finish(ctx))
}

fn end_all(ctx: &mut Ctx, yes: bool) -> Result<u8, CliError> {
    if !yes {
        let interactive =
            ctx.settings.stdin_tty && std::io::stderr().is_terminal() && !ctx.out.json;
        if !interactive {
            return Err(CliError::usage(
                "ending every session needs --yes when not asked on a terminal; nothing was ended",
            ));
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "End every session of the account? This suspends all its runtime tokens until a new secret is made. [y/N] "
        );
        let _ = err.flush();
        let mut answer = String::new();
        // One short line; an endless stdin cannot fill memory.
        let _ = std::io::Read::take(std::io::stdin().lock(), 64).read_line(&mut answer);
        if !matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
            ctx.out.note("Nothing was ended.");
            return Ok(code::OK);
        }
    }
    let client = ctx.client()?;
    let revoked = client.revoke_all()?;
    if ctx.out.json {
        emit_value(ctx, to_value(&revoked))?;
    } else {
        ctx.out.data(&format!(
            "revoked every runtime token: sessions stop within {} s",
            revoked
                .effective_in_seconds
                .map_or_else(|| "?".into(), |n| n.to_string())
        ))?;
        if let Some(note) = &revoked.note {
            ctx.out.note(&shown(note));
        }
        ctx.out
            .note("A new API secret lifts the suspension (see https://www.bithuman.ai).");
    }
    Ok(code::OK)
}

fn transcript(ctx: &mut Ctx, id: &str) -> Result<u8, CliError> {
    bithuman::SessionId::parse(id)?;
    let client = ctx.client()?;
    let t = client
        .transcript(id)
        .map_err(|e| not_found_hint(wait::about(id, from_lib(&e))))?;
    if ctx.out.json {
        emit_value(ctx, to_value(&t))?;
        return Ok(code::OK);
    }
    if t.messages.is_empty() {
        ctx.out
            .note("No messages (self-hosted sessions keep none).");
    }
    for m in &t.messages {
        let text = |v: &Option<String>| v.as_deref().map_or_else(|| "-".into(), shown);
        ctx.out.data(&format!(
            "[{}] {}: {}",
            text(&m.timestamp),
            text(&m.role),
            text(&m.message)
        ))?;
    }
    Ok(code::OK)
}
