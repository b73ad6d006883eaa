//! Live sessions (API-NOTES §15–16): cloud avatars started with
//! `POST /v1/runtime-tokens/request` in `gpu` mode, read and ended by their
//! `cs_…` id (v1) or by the account list's UUID (v2), the list and its
//! burn rate, seeded transcripts, revoke-all, speak/add-context and embed
//! tokens.
//!
//! There is no LiveKit here: the LiveKit token is an opaque string that is
//! checked for presence and then forgotten (never stored, never echoed).
//! A session is "live" from its start until it is ended (end, terminate,
//! revoke-all); a live session's room is the agent's live room, so
//! speak/add-context reach the agent's live sessions and answer
//! `404 No active rooms found` when it has none.
//!
//! Billing (§15.5): active time on the session's own clock (real time ×
//! the `--speed` it was started at, fixed at start like every job's
//! timeline), in tenths of a second, × the model's rate / 60, rounded down
//! per session. The credits are booked as one usage row when the session
//! ends (the ledger books a charge when it is known, as for every job);
//! until then the list and `GET` show what it has burnt so far.

use axum::response::Response;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::{Map, Value, json};

use super::books::Books;
use super::codec::{now_ms, rfc3339};
use super::files::query_param;
use super::ledger::Charge;
use super::models::clip;
use super::routes::{Handler, Refused, Req, error, json_object, json_response, live_agent, refuse};
use super::state::Shared;
use super::store::StateError;

/// The account's user id, as `GET /v1/me` answers it.
pub(crate) const USER_ID: &str = "sandbox-user";
/// The models a cloud session runs, and their credits per minute (§15.5).
const RATES: [(&str, u64); 4] = [
    ("essence-2", 4),
    ("expression-2", 4),
    ("essence-1", 2),
    ("expression-1", 4),
];
/// Most sessions one list answer holds (the API's maximum `limit`).
const LIST_MAX: u64 = 200;
/// Most rows one read of the totals looks at: a bound on work per request
/// whatever a client started (the start route is not rate-limited).
const SCAN_MAX: i64 = 10_000;
/// The longest room name, agent id or reason kept, in bytes.
const MAX_FIELD: usize = 256;
/// What `recent` adds to the live sessions: those ended in the last day.
const RECENT_MS: u64 = 24 * 3_600_000;
/// The seeded conversation: (seconds into the session, role, message).
const SCRIPT: [(u64, &str, &str); 5] = [
    (
        0,
        "assistant",
        "Hi! I'm your bitHuman sandbox avatar. How can I help?",
    ),
    (6, "user", "What can you do?"),
    (
        9,
        "assistant",
        "I can talk with you live in this room and answer questions.",
    ),
    (30, "user", "Great, thanks."),
    (
        33,
        "assistant",
        "You're welcome. I'm here whenever you need me.",
    ),
];

/// The session routes, for [`super::routes::route`]'s table.
pub(crate) fn table(segments: &[&str]) -> Option<&'static [(&'static str, Handler)]> {
    Some(match segments {
        ["v1", "runtime-tokens", "request"] => &[("POST", start)],
        ["v1", "runtime-sessions", _] => &[("GET", get)],
        ["v1", "runtime-sessions", _, "end"] => &[("POST", end)],
        ["v1", "agent", _, "speak" | "add-context"] => &[("POST", deliver)],
        ["v1", "embed-tokens", "request"] => &[("POST", embed_token)],
        ["v2", _, "runtime-sessions"] => &[("GET", list)],
        ["v2", _, "runtime-sessions", _, "messages"] => &[("GET", messages)],
        ["v2", _, "runtime-sessions", _, "terminate"] => &[("POST", terminate)],
        ["v2", _, "runtime", "revoke-all"] => &[("POST", revoke_all)],
        _ => return None,
    })
}

/// Routes that draw from no plan bucket (API-NOTES §17: runtime tokens are
/// exempt; embed tokens are limited per IP, not by the plan).
pub(crate) fn unmetered(path: &str) -> bool {
    path.starts_with("/v1/runtime-tokens/") || path == "/v1/embed-tokens/request"
}

/// Adds the columns this module needs to a `sessions` table made empty by
/// an earlier build of the same schema version (no build wrote a row to
/// it), so a world made before sessions were emulated keeps working.
pub(crate) fn upgrade(conn: &Connection) -> rusqlite::Result<()> {
    let has_uuid = conn
        .prepare("SELECT 1 FROM pragma_table_info('sessions') WHERE name = 'uuid'")?
        .exists([])?;
    if !has_uuid {
        conn.execute_batch(
            "ALTER TABLE sessions ADD COLUMN uuid TEXT NOT NULL DEFAULT '';
             ALTER TABLE sessions ADD COLUMN speed REAL NOT NULL DEFAULT 1;
             ALTER TABLE sessions ADD COLUMN rate INTEGER NOT NULL DEFAULT 0;
             ALTER TABLE sessions ADD COLUMN billed_tenths INTEGER;
             ALTER TABLE sessions ADD COLUMN credits INTEGER;
             ALTER TABLE sessions ADD COLUMN end_note TEXT;",
        )?;
    }
    conn.execute_batch(
        "CREATE INDEX IF NOT EXISTS sessions_by_end ON sessions (ended_ms);
         CREATE INDEX IF NOT EXISTS sessions_by_uuid ON sessions (uuid);",
    )
}

/// One session of the world.
#[derive(Clone, Debug)]
struct Session {
    id: String,
    uuid: String,
    agent: String,
    room: String,
    model: String,
    started_ms: u64,
    ended_ms: Option<u64>,
    speed: f64,
    rate: u64,
    billed_tenths: Option<u64>,
    credits: Option<u64>,
    note: Option<String>,
}

const COLUMNS: &str = "id, uuid, agent_id, room, model, started_ms, ended_ms, speed, rate, \
                       billed_tenths, credits, end_note";

fn ms(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn session_of(row: &Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get(0)?,
        uuid: row.get(1)?,
        agent: row.get(2)?,
        room: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
        model: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
        started_ms: ms(row.get(5)?),
        ended_ms: row.get::<_, Option<i64>>(6)?.map(ms),
        speed: row.get(7)?,
        rate: ms(row.get(8)?),
        billed_tenths: row.get::<_, Option<i64>>(9)?.map(ms),
        credits: row.get::<_, Option<i64>>(10)?.map(ms),
        note: row.get(11)?,
    })
}

/// Tenths of a second of session clock between two real instants: real
/// time × the session's speed, rounded down (saturating, never a panic).
fn tenths_between(from_ms: u64, to_ms: u64, speed: f64) -> u64 {
    // `as` saturates: past u64's range (or infinite) is u64::MAX, NaN is 0.
    (to_ms.saturating_sub(from_ms) as f64 * speed / 100.0).floor() as u64
}

/// `tenths × rate / 600`, rounded down, in 128 bits so no product overflows.
fn credits_for(tenths: u64, rate: u64) -> u64 {
    let c = u128::from(tenths) * u128::from(rate) / 600;
    u64::try_from(c).unwrap_or(u64::MAX)
}

impl Session {
    fn live(&self) -> bool {
        self.ended_ms.is_none()
    }

    /// Billed tenths of a second by `now` (final once ended).
    fn tenths(&self, now: u64) -> u64 {
        self.billed_tenths
            .unwrap_or_else(|| tenths_between(self.started_ms, now, self.speed))
    }

    fn credits_at(&self, now: u64) -> u64 {
        self.credits
            .unwrap_or_else(|| credits_for(self.tenths(now), self.rate))
    }

    /// Credits burnt in the last hour of the session's clock.
    fn credits_last_hour(&self, now: u64) -> u64 {
        let hour_ms = (3_600_000.0 / self.speed).min(u64::MAX as f64) as u64;
        let from = now.saturating_sub(hour_ms).max(self.started_ms);
        let before = credits_for(tenths_between(self.started_ms, from, self.speed), self.rate);
        self.credits_at(now).saturating_sub(before)
    }

    /// The v1 answer (`GET`, `…/end`): flat, as the API sends it.
    fn v1(&self, now: u64) -> Value {
        let tenths = self.tenths(now);
        let mut v = json!({
            "session_id": self.id,
            "status": if self.live() { "live" } else { "ended" },
            "agent_id": self.agent,
            "model": self.model,
            "room_name": self.room,
            "started_at": rfc3339(self.started_ms),
            "ended_at": self.ended_ms.map(rfc3339),
            "billed_seconds": tenths as f64 / 10.0,
            "credits": self.credits_at(now),
            "ended": !self.live(),
        });
        if !self.live() {
            v["slot_released"] = json!(true);
            v["note"] = json!(self.note);
        }
        v
    }

    /// The v2 list item.
    fn item(&self, now: u64) -> Value {
        let minutes = (self.tenths(now) as f64 / 6.0).round() / 100.0;
        json!({
            "id": self.uuid,
            "session_id": self.id,
            "agent_code": self.agent,
            "agent_name": format!("Sandbox agent {}", self.agent),
            "billing_type": "cloud",
            "key_alias": "sandbox",
            "room_name": self.room,
            "model": self.model,
            "started": rfc3339(self.started_ms),
            "last_seen": rfc3339(self.ended_ms.unwrap_or(now)),
            "minutes": minutes,
            "credits": self.credits_at(now),
            "burn_rate_cr_per_min": if self.live() { self.rate } else { 0 },
            "status": if self.live() { "live" } else { "ended" },
            "has_transcript": !self.transcript(now).is_empty(),
        })
    }

    /// The seeded messages said by `now` (or by the end), oldest first.
    fn transcript(&self, now: u64) -> Vec<Value> {
        let said = self.tenths(now);
        SCRIPT
            .iter()
            .filter(|(at, _, _)| at.saturating_mul(10) <= said)
            .map(|(at, role, message)| {
                // Back from the session clock to real time, for the timestamp.
                let real = (*at as f64 * 1000.0 / self.speed).min(u64::MAX as f64) as u64;
                json!({
                    "timestamp": rfc3339(self.started_ms.saturating_add(real)),
                    "role": role,
                    "message": message,
                })
            })
            .collect()
    }
}

impl Books<'_> {
    fn session_where(&self, column: &str, id: &str) -> Result<Option<Session>, StateError> {
        self.sql(
            self.conn
                .query_row(
                    &format!("SELECT {COLUMNS} FROM sessions WHERE {column} = ?1"),
                    [id],
                    session_of,
                )
                .optional(),
        )
    }

    fn live_session_count(&self) -> Result<u64, StateError> {
        let n: i64 = self.sql(self.conn.query_row(
            "SELECT count(*) FROM sessions WHERE ended_ms IS NULL",
            [],
            |r| r.get(0),
        ))?;
        Ok(ms(n))
    }

    /// Sessions matching `filter` (SQL over the columns), newest first, at most `limit`.
    fn sessions_where(
        &self,
        filter: &str,
        args: &[&dyn rusqlite::ToSql],
        limit: i64,
    ) -> Result<Vec<Session>, StateError> {
        let mut statement = self.sql(self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM sessions WHERE {filter} ORDER BY started_ms DESC, id DESC LIMIT {limit}"
        )))?;
        let rows = self.sql(statement.query_map(args, session_of))?;
        rows.map(|r| self.sql(r)).collect()
    }

    /// Ends `session` at `now` (call inside a write transaction): its
    /// billed time and credits are fixed and booked as one usage row.
    fn end_session(&self, session: &mut Session, now: u64, note: &str) -> Result<(), StateError> {
        let tenths = session.tenths(now);
        let credits = credits_for(tenths, session.rate);
        if credits > 0 {
            let charge = Charge {
                activity_type: "live_session",
                pricing_code: format!("live_session_cloud_{}", session.model.replace('-', "_")),
                meaning: format!(
                    "Live session {} ({}, cloud): {:.1} s at {} credits/min",
                    session.id,
                    session.model,
                    tenths as f64 / 10.0,
                    session.rate
                ),
                agent_code: session.agent.clone(),
                frames_rendered: None,
                start_ms: Some(session.started_ms),
                end_ms: Some(now),
            };
            // Time already used is owed: booked even past the balance.
            self.push(&charge, false, -to_i64(credits), now)?;
        }
        self.sql(self.conn.execute(
            "UPDATE sessions SET ended_ms = ?1, billed_tenths = ?2, credits = ?3, end_note = ?4 \
             WHERE id = ?5",
            params![
                to_i64(now),
                to_i64(tenths),
                to_i64(credits),
                note,
                session.id
            ],
        ))?;
        session.ended_ms = Some(now);
        session.billed_tenths = Some(tenths);
        session.credits = Some(credits);
        session.note = Some(note.to_string());
        Ok(())
    }
}

fn invalid(message: impl Into<String>) -> Refused {
    refuse(400, "VALIDATION_ERROR", message)
}

/// A required, non-empty string field of at most [`MAX_FIELD`] bytes.
fn text_field<'a>(body: &'a Map<String, Value>, name: &str) -> Result<&'a str, Refused> {
    match body.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() && s.len() <= MAX_FIELD => Ok(s.trim()),
        Some(Value::String(s)) if !s.trim().is_empty() => Err(invalid(format!(
            "{name} is too long (max {MAX_FIELD} bytes)"
        ))),
        None | Some(Value::Null) => Err(invalid(format!("Missing required field: {name}"))),
        Some(_) => Err(invalid(format!("{name} must be a non-empty string"))),
    }
}

/// The optional `model`, one of [`RATES`].
fn model_field(body: &Map<String, Value>) -> Result<Option<&'static str>, Refused> {
    match body.get("model") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(m)) => RATES
            .iter()
            .find(|(name, _)| name == m)
            .map(|(name, _)| Some(*name))
            .ok_or_else(|| {
                invalid(format!(
                    "Invalid model '{}'; must be one of: essence-1, essence-2, expression-1, expression-2",
                    clip(m)
                ))
            }),
        Some(_) => Err(invalid("model must be a string")),
    }
}

fn rate_of(model: &str) -> u64 {
    RATES
        .iter()
        .find(|(m, _)| *m == model)
        .map_or(4, |(_, r)| *r)
}

/// The models `agent` can run in a session now, in [`RATES`] order.
fn session_models(agent: &super::agents::Agent, now: u64) -> Vec<&'static str> {
    let ready = super::video::renderable(agent, now);
    RATES
        .iter()
        .map(|(m, _)| *m)
        .filter(|m| ready.contains(m))
        .collect()
}

/// What a `gpu` start asks for, checked before the world is touched.
struct StartSpec {
    agent: String,
    room: String,
    model: Option<&'static str>,
}

fn check_start(body: &Map<String, Value>) -> Result<StartSpec, Refused> {
    if body.get("image").is_some_and(|v| !v.is_null()) && body.get("agent_id").is_none() {
        return Err(invalid(
            "The sandbox emulates agent sessions only: give agent_id (photo sessions need the live API)",
        ));
    }
    let agent = text_field(body, "agent_id")?.to_string();
    let url = text_field(body, "livekit_url")?;
    let scheme_ok = ["wss://", "ws://", "https://"].iter().any(|s| {
        url.len() > s.len()
            && url
                .get(..s.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(s))
    });
    if !scheme_ok {
        return Err(invalid(
            "livekit_url must be a wss://, ws:// or https:// URL",
        ));
    }
    // Present and a string; otherwise opaque, and dropped with the body.
    match body.get("livekit_token") {
        Some(Value::String(t)) if !t.trim().is_empty() => {}
        _ => return Err(invalid("Missing required field: livekit_token")),
    }
    let room = text_field(body, "room_name")?.to_string();
    Ok(StartSpec {
        agent,
        room,
        model: model_field(body)?,
    })
}

/// A fresh random id: `cs_` + 24 hex digits, and a version-4 UUID.
fn mint_ids(shared: &Shared) -> (String, String) {
    let h = format!("{:032x}", shared.random::<u128>());
    let uuid = format!(
        "{}-{}-4{}-a{}-{}",
        &h[..8],
        &h[8..12],
        &h[13..16],
        &h[17..20],
        &h[20..32]
    );
    let cs = format!("cs_{:024x}", shared.random::<u128>() >> 32);
    (cs, uuid)
}

/// `POST /v1/runtime-tokens/request`: a cloud avatar in `gpu` mode; without
/// `mode`, a plain runtime token (§15.2).
fn start(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let body = match json_object(req) {
        Ok(body) => body,
        Err(refused) => return *refused,
    };
    match body.get("mode") {
        None | Some(Value::Null) => return runtime_token(shared),
        Some(Value::String(m)) if m == "gpu" => {}
        Some(_) => return error(400, "VALIDATION_ERROR", "mode must be \"gpu\" (or absent)"),
    }
    let spec = match check_start(&body) {
        Ok(spec) => spec,
        Err(refused) => return *refused,
    };
    let (id, uuid) = mint_ids(shared);
    let speed = shared.config.speed;
    let topup = shared.topup_url();
    let started = shared.write(|books| -> Result<Session, Refused> {
        let now = now_ms();
        let agent = live_agent(books, &spec.agent)?;
        let ready = session_models(&agent, now);
        let model = pick_model(&spec, &agent, &ready)?;
        let rate = rate_of(model);
        check_cap(books)?;
        let balance = books.balance(now)?;
        if balance < to_i64(rate) {
            return Err(insufficient(rate, balance, &topup));
        }
        let session = Session {
            id: id.clone(),
            uuid: uuid.clone(),
            agent: agent.id.clone(),
            room: spec.room.clone(),
            model: model.to_string(),
            started_ms: now,
            ended_ms: None,
            speed,
            rate,
            billed_tenths: None,
            credits: None,
            note: None,
        };
        books.sql(books.conn.execute(
            "INSERT INTO sessions (id, uuid, agent_id, room, model, started_ms, speed, rate) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                uuid,
                session.agent,
                session.room,
                model,
                to_i64(now),
                speed,
                to_i64(rate)
            ],
        ))?;
        Ok(session)
    });
    match started {
        Ok(s) => json_response(
            200,
            &json!({
                "avatar_session_started": true,
                "model": s.model,
                "session_id": s.id,
                "mode": "gpu",
                "agent_id": s.agent,
                "image": null,
                "user_id": USER_ID,
            }),
        ),
        Err(refused) => *refused,
    }
}

/// The model asked for (it must be ready for the agent), else the agent's
/// own, else the first it has ready; `409` when the agent has none ready.
fn pick_model(
    spec: &StartSpec,
    agent: &super::agents::Agent,
    ready: &[&'static str],
) -> Result<&'static str, Refused> {
    let own = super::agents::model_name(agent.model);
    let chosen = match spec.model {
        Some(m) => ready.iter().find(|r| **r == m).copied(),
        None => ready
            .iter()
            .find(|r| **r == own)
            .or_else(|| ready.first())
            .copied(),
    };
    chosen.ok_or_else(|| {
        let what = spec.model.map_or_else(|| "any model".to_string(), |m| m.to_string());
        refuse(
            409,
            "VALIDATION_ERROR",
            format!(
                "Agent {} cannot serve {what} now (ready: {}); wait until it is ready or add the model",
                clip(&agent.id),
                if ready.is_empty() { "none".to_string() } else { ready.join(", ") }
            ),
        )
    })
}

/// `403 CONCURRENCY_LIMIT_REACHED` when the plan's live sessions are all in use.
fn check_cap(books: &Books<'_>) -> Result<(), Refused> {
    let cap: Option<u32> = books.sql(books.conn.query_row(
        "SELECT session_cap FROM world WHERE id = 1",
        [],
        |r| r.get(0),
    ))?;
    let Some(cap) = cap else {
        return Ok(());
    };
    let live = books.live_session_count()?;
    if live >= u64::from(cap) {
        let plan = books.sql(super::plans::plan(books.conn))?;
        return Err(refuse(
            403,
            "CONCURRENCY_LIMIT_REACHED",
            format!(
                "Concurrent session limit reached: the {} plan allows {cap} live sessions and \
                 {live} are live; end one or upgrade the plan",
                plan.name()
            ),
        ));
    }
    Ok(())
}

fn insufficient(rate: u64, balance: i64, topup_url: &str) -> Refused {
    Box::new(json_response(
        402,
        &json!({
            "error": {
                "code": "INSUFFICIENT_BALANCE",
                "message": format!(
                    "Insufficient credits: a session burns {rate} credits per minute and the balance \
                     is {balance} (sandbox: start it with a larger --credits)"
                ),
                "httpStatus": 402,
                "topup_url": topup_url,
            },
            "status": "error",
            "status_code": 402,
        }),
    ))
}

/// A plain runtime token: opaque, not stored (the sandbox never asks for it back).
fn runtime_token(shared: &Shared) -> Response {
    json_response(
        200,
        &json!({
            "data": {
                "token": format!("sbx_rt_{:032x}", shared.random::<u128>()),
                "transaction_id": format!("txn_{:016x}", shared.random::<u64>()),
            },
            "status": "success",
            "status_code": 200,
        }),
    )
}

fn session_not_found(id: &str) -> Response {
    error(404, "NOT_FOUND", format!("Session not found: {}", clip(id)))
}

/// `GET /v1/runtime-sessions/{cs_id}`.
fn get(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments.get(2).copied().unwrap_or("");
    match shared.read(|books| books.session_where("id", id)) {
        Ok(Some(s)) => json_response(200, &s.v1(now_ms())),
        Ok(None) => session_not_found(id),
        Err(e) => *Refused::from(e),
    }
}

/// Ends the session whose `column` is `id`; the session and whether it had
/// ended before. Billing stops at the call; an ended session bills nothing.
fn end_by(
    shared: &Shared,
    column: &str,
    id: &str,
    note: &str,
) -> Result<Option<(Session, bool)>, Refused> {
    shared.write(|books| -> Result<_, Refused> {
        let Some(mut s) = books.session_where(column, id)? else {
            return Ok(None);
        };
        if !s.live() {
            return Ok(Some((s, true)));
        }
        books.end_session(&mut s, now_ms(), note)?;
        Ok(Some((s, false)))
    })
}

/// `POST /v1/runtime-sessions/{cs_id}/end`: idempotent, the same answer every time.
fn end(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments.get(2).copied().unwrap_or("");
    let note = "Session ended: the avatar left the room and billing stopped.";
    match end_by(shared, "id", id, note) {
        Ok(Some((s, _))) => json_response(200, &s.v1(now_ms())),
        Ok(None) => session_not_found(id),
        Err(refused) => *refused,
    }
}

/// `404` unless `segments[1]` is this account's user id.
fn check_user(segments: &[&str]) -> Result<(), Refused> {
    match segments.get(1) {
        Some(&USER_ID) => Ok(()),
        _ => Err(refuse(404, "NOT_FOUND", "Not Found")),
    }
}

/// One of `allowed` from the query (`default` when absent), else `400`.
fn choice<'a>(req: &Req<'_>, name: &str, allowed: &[&'a str]) -> Result<&'a str, Refused> {
    let Some(given) = query_param(req.query, name).filter(|v| !v.is_empty()) else {
        return Ok(allowed.first().copied().unwrap_or_default());
    };
    allowed
        .iter()
        .find(|a| **a == given)
        .copied()
        .ok_or_else(|| {
            invalid(format!(
                "Invalid {name} '{}': must be one of {}",
                clip(&given),
                allowed.join(", ")
            ))
        })
}

/// `GET /v2/{user}/runtime-sessions?window=&kind=&limit=`.
fn list(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let asked = check_user(segments).and_then(|()| {
        let window = choice(req, "window", &["all", "live", "recent"])?;
        let kind = choice(req, "kind", &["all", "conversations", "self_hosted"])?;
        let limit = match query_param(req.query, "limit").filter(|v| !v.is_empty()) {
            None => 50,
            Some(t) => t
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=LIST_MAX).contains(n))
                .ok_or_else(|| invalid("Invalid limit: must be an integer from 1 to 200"))?,
        };
        Ok((window, kind, limit))
    });
    let (window, kind, limit) = match asked {
        Ok(asked) => asked,
        Err(refused) => return *refused,
    };
    let now = now_ms();
    let read = shared.read(|books| -> Result<_, StateError> {
        // Every sandbox session is a cloud conversation: none is self-hosted.
        let limit = if kind == "self_hosted" {
            0
        } else {
            to_i64(limit)
        };
        let since = to_i64(now.saturating_sub(RECENT_MS));
        let sessions = match window {
            "live" => books.sessions_where("ended_ms IS NULL", &[], limit)?,
            "recent" => {
                books.sessions_where("ended_ms IS NULL OR ended_ms >= ?1", &[&since], limit)?
            }
            _ => books.sessions_where("1", &[], limit)?,
        };
        // The totals are the account's, whatever the window.
        let hour = books.sessions_where(
            "ended_ms IS NULL OR ended_ms >= ?1 - 3600000.0 / speed",
            &[&to_i64(now)],
            SCAN_MAX,
        )?;
        Ok((sessions, hour))
    });
    let (sessions, hour) = match read {
        Ok(read) => read,
        Err(e) => return *Refused::from(e),
    };
    let live: Vec<&Session> = hour.iter().filter(|s| s.live()).collect();
    let burn = live.iter().fold(0u64, |sum, s| sum.saturating_add(s.rate));
    let this_hour = hour
        .iter()
        .fold(0u64, |sum, s| sum.saturating_add(s.credits_last_hour(now)));
    let items: Vec<Value> = sessions.iter().map(|s| s.item(now)).collect();
    json_response(
        200,
        &json!({"success": true, "data": {
            "active_count": live.len(),
            "live_burn_rate_cr_per_min": burn,
            "credits_this_hour": this_hour,
            "sessions": items,
        }}),
    )
}

/// The session of the v2 path (`segments[3]`, the list's UUID).
fn listed(shared: &Shared, segments: &[&str]) -> Result<Session, Refused> {
    check_user(segments)?;
    let uuid = segments.get(3).copied().unwrap_or("");
    shared
        .read(|books| books.session_where("uuid", uuid))?
        .ok_or_else(|| Box::new(session_not_found(uuid)))
}

/// `GET /v2/{user}/runtime-sessions/{uuid}/messages`: the seeded transcript.
fn messages(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let s = match listed(shared, segments) {
        Ok(s) => s,
        Err(refused) => return *refused,
    };
    let now = now_ms();
    json_response(
        200,
        &json!({"success": true, "data": {
            "session_id": s.uuid,
            "agent_code": s.agent,
            "started": rfc3339(s.started_ms),
            "ended": s.ended_ms.map(rfc3339),
            "live": s.live(),
            "messages": s.transcript(now),
        }}),
    )
}

/// The optional `{"reason": str}` of terminate and revoke-all.
fn reason(req: &Req<'_>) -> Result<String, Refused> {
    if req.body.iter().all(u8::is_ascii_whitespace) {
        return Ok("user-terminated".into());
    }
    let body = json_object(req)?;
    match body.get("reason") {
        None | Some(Value::Null) => Ok("user-terminated".into()),
        Some(Value::String(r)) if r.len() <= MAX_FIELD => Ok(clip(r)),
        Some(_) => Err(invalid(format!(
            "reason must be a string of at most {MAX_FIELD} bytes"
        ))),
    }
}

/// `POST /v2/{user}/runtime-sessions/{uuid}/terminate`: billing stops and
/// the slot is freed at once (idempotent).
fn terminate(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let done = listed(shared, segments).and_then(|s| {
        let why = reason(req)?;
        let note = format!("Session terminated ({why}): billing stopped and the slot is free.");
        end_by(shared, "uuid", &s.uuid, &note)?.ok_or_else(|| Box::new(session_not_found(&s.uuid)))
    });
    match done {
        Ok((s, before)) => json_response(
            200,
            &json!({"success": true, "data": {
                "session_id": s.uuid,
                "closed": true,
                "ended": true,
                "self_hosted": false,
                "note": if before {
                    "The session had already ended; nothing more was billed.".to_string()
                } else {
                    s.note.unwrap_or_default()
                },
            }}),
        ),
        Err(refused) => *refused,
    }
}

/// `POST /v2/{user}/runtime/revoke-all`: every live session ends at once
/// (each billed to now). The sandbox suspends no token: new sessions can
/// start right after (the live API needs a new secret for that).
fn revoke_all(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let done = check_user(segments).and_then(|()| {
        let why = reason(req)?;
        let note = format!("Session ended by revoke-all ({why}).");
        shared.write(|books| -> Result<usize, Refused> {
            let now = now_ms();
            let mut live = books.sessions_where("ended_ms IS NULL", &[], SCAN_MAX)?;
            for s in &mut live {
                books.end_session(s, now, &note)?;
            }
            Ok(live.len())
        })
    });
    match done {
        Ok(n) => json_response(
            200,
            &json!({"success": true, "data": {
                "revoked": true,
                "effective_in_seconds": 0,
                "runtime_suspended": false,
                "ended_sessions": n,
                "note": format!(
                    "Sandbox: {n} live session(s) ended at once and billed to now; runtime tokens \
                     are not suspended here (the live API suspends them until a new secret is made)."
                ),
            }}),
        ),
        Err(refused) => *refused,
    }
}

/// `POST /v1/agent/{code}/speak` and `…/add-context`: delivered to the
/// rooms of the agent's live sessions (or to `room_id`), `404` when none.
fn deliver(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let code = segments.get(2).copied().unwrap_or("");
    let speak = segments.get(3) == Some(&"speak");
    let asked = json_object(req).and_then(|body| {
        let field = if speak { "message" } else { "context" };
        match body.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            _ => return Err(invalid(format!("Missing required field: {field}"))),
        }
        let kind = match (speak, body.get("type")) {
            (true, _) => "speak",
            (false, None | Some(Value::Null)) => "add_context",
            (false, Some(Value::String(t))) if t == "add_context" || t == "speak" => t.as_str(),
            (false, Some(_)) => return Err(invalid("type must be add_context or speak")),
        };
        let room = match body.get("room_id") {
            None | Some(Value::Null) => None,
            Some(Value::String(r)) => Some(r.clone()),
            Some(_) => return Err(invalid("room_id must be a string")),
        };
        Ok((kind.to_string(), room))
    });
    let (kind, room) = match asked {
        Ok(asked) => asked,
        Err(refused) => return *refused,
    };
    let rooms = shared.read(|books| -> Result<Vec<String>, Refused> {
        live_agent(books, code)?;
        let live =
            books.sessions_where("ended_ms IS NULL AND agent_id = ?1", &[&code], SCAN_MAX)?;
        Ok(live
            .into_iter()
            .map(|s| s.room)
            .filter(|r| room.as_ref().is_none_or(|want| want == r))
            .collect())
    });
    match rooms {
        Ok(rooms) if rooms.is_empty() => error(
            404,
            "NOT_FOUND",
            format!("No active rooms found for agent {}", clip(code)),
        ),
        Ok(rooms) => json_response(
            200,
            &json!({
                "agent_code": code,
                "context_type": kind,
                "delivered_to_rooms": rooms.len(),
                "rooms": rooms,
                "rooms_skipped": [],
                "rooms_failed": [],
            }),
        ),
        Err(refused) => *refused,
    }
}

/// `POST /v1/embed-tokens/request`: an opaque one-hour token, not stored.
fn embed_token(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let asked = json_object(req).and_then(|body| {
        let agent = text_field(&body, "agent_id")?.to_string();
        let fp = text_field(&body, "fingerprint")?;
        if !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(invalid("fingerprint must be hex digits"));
        }
        Ok((agent, model_field(&body)?))
    });
    let (agent, model) = match asked {
        Ok(asked) => asked,
        Err(refused) => return *refused,
    };
    let found = shared.read(|books| live_agent(books, &agent));
    let agent = match found {
        Ok(agent) => agent,
        Err(refused) => return *refused,
    };
    let supported = session_models(&agent, now_ms());
    if let Some(m) = model
        && !supported.contains(&m)
    {
        return error(
            409,
            "MODEL_NOT_GENERATED",
            format!("Agent {} has no {m} model yet", clip(&agent.id)),
        );
    }
    json_response(
        200,
        &json!({"status": "success", "status_code": 200, "data": {
            "token": format!("sbx_embed_{:032x}{:016x}", shared.random::<u128>(), shared.random::<u64>()),
            "sid": format!("{:032x}", shared.random::<u128>()),
            "model": model,
            "supported_models": supported,
        }}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn billing_rounds_down_and_never_overflows() {
        // 131.2 s at 4 credits/min = 8.746…: 8.
        assert_eq!(credits_for(1312, 4), 8);
        assert_eq!(credits_for(600, 2), 2);
        assert_eq!(credits_for(599, 2), 1);
        assert_eq!(credits_for(u64::MAX, u64::MAX), u64::MAX);
        assert_eq!(tenths_between(1_000, 61_000, 1.0), 600);
        assert_eq!(tenths_between(1_000, 1_100, 600.0), 600);
        // A clock that stepped back bills nothing.
        assert_eq!(tenths_between(5_000, 1_000, 1.0), 0);
        assert_eq!(tenths_between(0, u64::MAX, f64::MAX), u64::MAX);
    }

    #[test]
    fn an_earlier_empty_sessions_table_gets_the_columns() {
        let conn = Connection::open_in_memory().expect("sqlite");
        conn.execute_batch(
            "CREATE TABLE sessions (id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, room TEXT, \
             model TEXT, started_ms INTEGER NOT NULL, ended_ms INTEGER);",
        )
        .expect("old table");
        upgrade(&conn).expect("upgrade");
        // Twice is harmless (every open runs it).
        upgrade(&conn).expect("again");
        conn.execute(
            "INSERT INTO sessions (id, uuid, agent_id, started_ms, speed, rate) \
             VALUES ('cs_1', 'u', 'A1', 5, 2.0, 4)",
            [],
        )
        .expect("insert");
        let s = conn
            .query_row(&format!("SELECT {COLUMNS} FROM sessions"), [], session_of)
            .expect("read back");
        assert_eq!((s.uuid.as_str(), s.rate, s.speed), ("u", 4, 2.0));
    }

    #[test]
    fn the_transcript_grows_with_the_session_clock() {
        let s = Session {
            id: "cs_1".into(),
            uuid: "u".into(),
            agent: "A1".into(),
            room: "r".into(),
            model: "essence-2".into(),
            started_ms: 1_000,
            ended_ms: None,
            speed: 2.0,
            rate: 4,
            billed_tenths: None,
            credits: None,
            note: None,
        };
        assert_eq!(s.transcript(1_000).len(), 1);
        // 5 real seconds at speed 2 = 10 session seconds: three messages.
        assert_eq!(s.transcript(6_000).len(), 3);
        assert_eq!(s.transcript(u64::MAX).len(), SCRIPT.len());
    }
}
