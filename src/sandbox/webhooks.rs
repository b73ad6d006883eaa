//! Webhooks: the `/v1/webhooks` routes and the delivery of signed events
//! (API-NOTES §14) when agents and videos end.
//!
//! Who delivers: a job's end is a moment on its timeline, fixed when the
//! job is created, so no process "sees" it happen. Creating a job writes an
//! `events` row due at that moment. Every sandbox process sharing the world
//! (`sandbox serve`, a `--sandbox` command's in-process emulator, the
//! library's) runs [`run`], a small loop that, inside one `BEGIN IMMEDIATE`
//! transaction, fans due events out into one `deliveries` row per active
//! subscribed webhook and claims due attempts (`claimed_until`). The write
//! lock makes each claim exclusive, so each attempt is sent by exactly one
//! process; a process that dies mid-attempt loses only its claim, which
//! expires and is taken by another (at-least-once, as the API: receivers
//! dedupe by the delivery id).
//!
//! Deliveries go to loopback addresses only: a webhook URL elsewhere is
//! refused at creation, so the sandbox never sends traffic off the machine.

use std::sync::Arc;
use std::time::Duration;

use axum::response::Response;
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Value, json};
use sha2::Digest;

use super::agents::{self, Agent};
use super::books::Books;
use super::codec::{now_ms, rfc3339, scaled_ms};
use super::routes::{Refused, Req, error, json_object, json_response, refuse};
use super::state::Shared;
use super::store::StateError;
use super::video::Job;

/// The events a webhook can subscribe to (`ping` comes only from `…/test`).
const EVENTS: [&str; 4] = [
    "agent.ready",
    "agent.failed",
    "video.completed",
    "video.failed",
];
/// Attempts per event: at once, then 2 s and 5 s later (API-NOTES §14.4).
const BACKOFF_SECONDS: [f64; 2] = [2.0, 5.0];
const MAX_ATTEMPTS: i64 = 3;
/// Each attempt's timeout, as the API's (not scaled: it bounds a receiver).
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a `late` fault holds an attempt back (scaled by the speed).
const LATE_SECONDS: f64 = 8.0;
/// A claim lasts an attempt's longest time (a late hold, then two sends of
/// up to the timeout each when duplicated) and this margin; past it
/// another process may take the attempt over.
const CLAIM_MARGIN_MS: u64 = 5_000;
/// How often the loop looks for due work.
const TICK: Duration = Duration::from_millis(100);
/// Bounds on one tick's work, a webhook's fields and the account's webhooks.
const FAN_BATCH: i64 = 64;
const CLAIM_BATCH: i64 = 16;
const MAX_URL: usize = 2048;
const MAX_DESCRIPTION: usize = 1000;
const MAX_WEBHOOKS: i64 = 100;
/// Rows `…/deliveries` answers (most recent first).
const MAX_LISTED: i64 = 100;
/// Finished deliveries kept per webhook.
const KEPT: i64 = 1000;

/// `--webhook-faults`: the share (0..=1) of delivery attempts dropped (not
/// sent), sent twice, held back, or signed with a wrong key.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WebhookFaults {
    /// Share of attempts not sent.
    pub drop: f64,
    /// Share sent twice.
    pub duplicate: f64,
    /// Share held back.
    pub late: f64,
    /// Share signed with a wrong key.
    pub bad_signature: f64,
}

impl WebhookFaults {
    /// Parses `drop=P,duplicate=P,late=P,bad-signature=P` (any subset).
    ///
    /// # Errors
    /// An unknown name or a share outside 0..=1, as a message.
    pub fn parse(text: &str) -> Result<WebhookFaults, String> {
        let mut faults = WebhookFaults::default();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?} is not NAME=P"))?;
            let p = value
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|p| (0.0..=1.0).contains(p))
                .ok_or_else(|| format!("{value:?} is not a share between 0 and 1"))?;
            match name.trim() {
                "drop" => faults.drop = p,
                "duplicate" => faults.duplicate = p,
                "late" => faults.late = p,
                "bad-signature" => faults.bad_signature = p,
                other => {
                    return Err(format!(
                        "{other:?} is not a webhook fault: use drop, duplicate, late, bad-signature"
                    ));
                }
            }
        }
        Ok(faults)
    }

    /// Every share is within 0..=1.
    pub(crate) fn valid(&self) -> bool {
        [self.drop, self.duplicate, self.late, self.bad_signature]
            .iter()
            .all(|p| (0.0..=1.0).contains(p))
    }
}

// ---------------------------------------------------------------- events

/// Unix ms as SQLite stores them: a time past `i64` (a tiny `--speed`
/// pushes a retry out of reach) is kept as the far future, not wrapped.
fn ms(t: u64) -> i64 {
    i64::try_from(t).unwrap_or(i64::MAX)
}

/// A stable event id for one timeline of one job: the same in every process.
fn event_id(job: &str, start_ms: u64) -> String {
    let digest = sha2::Sha256::digest(format!("{job}@{start_ms}").as_bytes());
    format!("evt_{}", &hex::encode(digest)[..24])
}

fn schedule(
    conn: &Connection,
    event: &str,
    job: &str,
    start_ms: u64,
    due_ms: u64,
    speed: f64,
) -> rusqlite::Result<()> {
    // A timeline that ended before this build scheduled events (an old
    // agent re-saved) has no event: nobody could have been told then.
    if due_ms < now_ms().saturating_sub(1000) {
        return Ok(());
    }
    // OR IGNORE: re-saving an agent (a rename, new models) keeps its event.
    conn.execute(
        "INSERT OR IGNORE INTO events (id, event, job, start_ms, due_ms, speed) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            event_id(job, start_ms),
            event,
            job,
            ms(start_ms),
            ms(due_ms),
            speed
        ],
    )?;
    Ok(())
}

/// Writes the end of `agent`'s current timeline as a due event.
pub(crate) fn schedule_agent(conn: &Connection, agent: &Agent) -> rusqlite::Result<()> {
    let (event, due) = match agent.fails_at_ms() {
        Some(at) => ("agent.failed", at),
        None => (
            "agent.ready",
            agent
                .start_ms
                .saturating_add(scaled_ms(agents::ready_after(), agent.speed)),
        ),
    };
    schedule(conn, event, &agent.id, agent.start_ms, due, agent.speed)
}

/// Writes the end of the render `id` as a due event.
pub(crate) fn schedule_video(conn: &Connection, id: &str, speed: f64) -> rusqlite::Result<()> {
    let Some(job) = Job::decode(id) else {
        return Ok(());
    };
    let event = if job.fails {
        "video.failed"
    } else {
        "video.completed"
    };
    schedule(
        conn,
        event,
        id,
        job.created_ms,
        job.settles_ms(speed),
        speed,
    )
}

/// A due event, read back for its fan-out.
struct Due {
    id: String,
    event: String,
    job: String,
    start_ms: u64,
    due_ms: u64,
    speed: f64,
}

/// The `data` of a due event, or `None` when it no longer happens (the
/// agent was deleted or regenerated since).
fn event_data(books: &Books<'_>, due: &Due, base: &str) -> Result<Option<Value>, StateError> {
    if due.event.starts_with("video.") {
        let Some(job) = Job::decode(&due.job) else {
            return Ok(None);
        };
        let Value::Object(mut record) = job.record(due.due_ms, due.speed, base) else {
            return Ok(None);
        };
        record.remove("success");
        if due.event == "video.completed" {
            record.remove("error");
        }
        return Ok(Some(Value::Object(record)));
    }
    let Some(agent) = books.agent(&due.job)? else {
        return Ok(None);
    };
    if agent.deleted || agent.start_ms != due.start_ms {
        return Ok(None);
    }
    let mut data = json!({"agent_id": due.job, "code": due.job});
    if due.event == "agent.failed" {
        let error = agent.snapshot_at(due.due_ms).error;
        data["error"] = json!(error.unwrap_or_else(|| "generation failed".into()));
    }
    Ok(Some(data))
}

/// The compact envelope the API posts.
fn envelope(id: &str, event: &str, created_ms: u64, data: Value) -> Vec<u8> {
    let body = json!({"id": id, "event": event, "created": created_ms / 1000, "data": data});
    serde_json::to_vec(&body).unwrap_or_default()
}

/// Whether a webhook subscribed to `events` (a JSON list; empty = all) gets `event`.
fn subscribed(events: &str, event: &str) -> bool {
    let list: Vec<String> = serde_json::from_str(events).unwrap_or_default();
    list.is_empty() || list.iter().any(|e| e == event)
}

/// Turns due events into one pending delivery per active subscribed webhook.
fn fan_out(books: &Books<'_>, now: u64, base: &str) -> Result<(), StateError> {
    let conn = books.conn;
    let due: Vec<Due> = books.sql((|| {
        let mut stmt = conn.prepare(
            "SELECT id, event, job, start_ms, due_ms, speed FROM events \
             WHERE due_ms <= ?1 ORDER BY due_ms LIMIT ?2",
        )?;
        stmt.query_map(params![ms(now), FAN_BATCH], |r| {
            Ok(Due {
                id: r.get(0)?,
                event: r.get(1)?,
                job: r.get(2)?,
                start_ms: r.get::<_, i64>(3)? as u64,
                due_ms: r.get::<_, i64>(4)? as u64,
                speed: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()
    })())?;
    if due.is_empty() {
        return Ok(());
    }
    let hooks: Vec<(String, String)> = books.sql((|| {
        let mut stmt = conn.prepare("SELECT id, events FROM webhooks WHERE deleted_ms IS NULL")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()
    })())?;
    for event in &due {
        // Gone once fanned out: the world does not grow with every job. A
        // re-save of the agent after its end schedules nothing (see `schedule`).
        books.sql(conn.execute("DELETE FROM events WHERE id = ?1", [&event.id]))?;
        let Some(data) = event_data(books, event, base)? else {
            continue;
        };
        let body = envelope(&event.id, &event.event, event.due_ms, data);
        for (hook, _) in hooks.iter().filter(|(_, e)| subscribed(e, &event.event)) {
            books.sql(insert_delivery(
                conn,
                hook,
                &event.event,
                &body,
                event.due_ms,
                event.speed,
            ))?;
            books.sql(prune(conn, hook))?;
        }
    }
    Ok(())
}

/// Keeps a webhook's most recent [`KEPT`] finished deliveries (the list
/// shows [`MAX_LISTED`]), so the world stays bounded.
fn prune(conn: &Connection, hook: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM deliveries WHERE webhook_id = ?1 AND next_ms IS NULL AND id NOT IN \
         (SELECT id FROM deliveries WHERE webhook_id = ?1 ORDER BY created_ms DESC LIMIT ?2)",
        params![hook, KEPT],
    )?;
    Ok(())
}

fn insert_delivery(
    conn: &Connection,
    hook: &str,
    event: &str,
    body: &[u8],
    due_ms: u64,
    speed: f64,
) -> rusqlite::Result<String> {
    let id = uuid_from(&sha2::Sha256::digest([hook.as_bytes(), body].concat()));
    conn.execute(
        "INSERT OR IGNORE INTO deliveries \
         (id, webhook_id, event, body, created_ms, updated_ms, next_ms, speed) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?6)",
        params![id, hook, event, body, ms(due_ms), speed],
    )?;
    Ok(id)
}

/// A UUID-shaped id from 16 bytes (version 4 and variant bits set).
fn uuid_from(bytes: &[u8]) -> String {
    let mut b = [0u8; 16];
    for (slot, byte) in b.iter_mut().zip(bytes) {
        *slot = *byte;
    }
    b[6] = (b[6] & 0x0F) | 0x40;
    b[8] = (b[8] & 0x3F) | 0x80;
    let h = hex::encode(b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

// -------------------------------------------------------------- delivery

/// One attempt this process claimed.
struct Claimed {
    id: String,
    url: String,
    secret: String,
    event: String,
    body: Vec<u8>,
    /// Attempts made before this one.
    attempts: i64,
    speed: f64,
}

/// Fans out due events and claims due attempts, in one write transaction
/// taken only when a read shows work (idle processes do not contend).
fn claim(shared: &Shared, now: u64) -> Result<Vec<Claimed>, StateError> {
    let busy: bool = shared.store.read(|conn| {
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM events WHERE due_ms <= ?1) \
             OR EXISTS (SELECT 1 FROM deliveries WHERE next_ms <= ?1 \
                        AND (claimed_until IS NULL OR claimed_until < ?1))",
            [ms(now)],
            |r| r.get(0),
        )
        .map_err(|e| shared.store.error(e))
    })?;
    if !busy {
        return Ok(Vec::new());
    }
    shared.write(|books| {
        fan_out(books, now, &shared.base)?;
        books.sql(claim_due(books.conn, now))
    })
}

/// Claims up to [`CLAIM_BATCH`] due attempts for as long as one can take.
fn claim_due(conn: &Connection, now: u64) -> rusqlite::Result<Vec<Claimed>> {
    {
        // A deleted webhook's pending attempts are abandoned, not sent.
        conn.execute(
            "UPDATE deliveries SET next_ms = NULL WHERE next_ms IS NOT NULL AND webhook_id IN \
             (SELECT id FROM webhooks WHERE deleted_ms IS NOT NULL)",
            [],
        )?;
        let claimed: Vec<Claimed> = {
            let mut stmt = conn.prepare(
                "SELECT d.id, w.url, w.secret, d.event, d.body, d.attempts, d.speed \
                 FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id \
                 WHERE d.next_ms <= ?1 AND (d.claimed_until IS NULL OR d.claimed_until < ?1) \
                 ORDER BY d.next_ms LIMIT ?2",
            )?;
            stmt.query_map(params![ms(now), CLAIM_BATCH], |r| {
                Ok(Claimed {
                    id: r.get(0)?,
                    url: r.get(1)?,
                    secret: r.get(2)?,
                    event: r.get(3)?,
                    body: r.get(4)?,
                    attempts: r.get(5)?,
                    speed: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        for c in &claimed {
            let longest = scaled_ms(LATE_SECONDS, c.speed)
                .saturating_add(2 * ATTEMPT_TIMEOUT.as_millis() as u64 + CLAIM_MARGIN_MS);
            conn.execute(
                "UPDATE deliveries SET claimed_until = ?2 WHERE id = ?1",
                params![c.id, ms(now.saturating_add(longest))],
            )?;
        }
        Ok(claimed)
    }
}

/// Writes an attempt's outcome and, when it failed with attempts left, the next one's time.
fn record(shared: &Shared, c: &Claimed, status: Option<u16>) -> Result<(), StateError> {
    let now = now_ms();
    let attempts = c.attempts + 1;
    let delivered = status.is_some_and(|s| (200..300).contains(&s));
    let next = (!delivered && attempts < MAX_ATTEMPTS).then(|| {
        let wait = BACKOFF_SECONDS[usize::try_from(attempts - 1).unwrap_or(0).min(1)];
        ms(now.saturating_add(scaled_ms(wait, c.speed)))
    });
    shared.store.write(|conn| {
        conn.execute(
            "UPDATE deliveries SET attempts = ?2, status = ?3, delivered = ?4, updated_ms = ?5, \
             next_ms = ?6, claimed_until = NULL WHERE id = ?1",
            params![c.id, attempts, status, delivered, ms(now), next],
        )
        .map(|_| ())
    })
}

/// One signed POST; the status, or `None` on a network error or timeout.
/// The response body is never read.
async fn post(
    client: &reqwest::Client,
    c: &Claimed,
    delivery: &str,
    bad_signature: bool,
) -> Option<u16> {
    let timestamp = (now_ms() / 1000).to_string();
    let key = if bad_signature {
        format!("{}-not-the-secret", c.secret)
    } else {
        c.secret.clone()
    };
    let signature = crate::webhook::signature(&key, &timestamp, &c.body);
    let sent = client
        .post(&c.url)
        .header("content-type", "application/json")
        .header("x-bithuman-event", &c.event)
        .header("x-bithuman-delivery", delivery)
        .header("x-bithuman-timestamp", &timestamp)
        .header("x-bithuman-signature", signature)
        .body(c.body.clone())
        .send()
        .await;
    sent.ok().map(|r| r.status().as_u16())
}

/// The body's `id` (the delivery id the headers carry).
fn delivery_id(body: &[u8]) -> String {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("id").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default()
}

/// Makes one claimed attempt, with the configured faults, and records it.
async fn attempt(shared: Arc<Shared>, client: reqwest::Client, c: Claimed) {
    let faults = shared.config.webhook_faults;
    let drop = shared.chance(faults.drop);
    let duplicate = shared.chance(faults.duplicate);
    let late = shared.chance(faults.late);
    let bad = shared.chance(faults.bad_signature);
    if late {
        tokio::time::sleep(Duration::from_millis(scaled_ms(LATE_SECONDS, c.speed))).await;
    }
    let delivery = delivery_id(&c.body);
    let status = if drop {
        None
    } else {
        let status = post(&client, &c, &delivery, bad).await;
        if duplicate {
            let _ = post(&client, &c, &delivery, bad).await;
        }
        status
    };
    // A failed write leaves the claim to expire: the attempt is then made
    // again (by this process or another), never lost.
    let _ = tokio::task::spawn_blocking(move || record(&shared, &c, status)).await;
}

fn client() -> Option<reqwest::Client> {
    // Loopback only (checked at creation); no redirects, so a receiver
    // cannot send the sandbox elsewhere.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(ATTEMPT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .ok()
}

/// The delivery loop of this process (see the module's comment); runs
/// until its runtime stops.
pub(crate) async fn run(shared: Arc<Shared>) {
    let Some(client) = client() else {
        return;
    };
    loop {
        tokio::time::sleep(TICK).await;
        let claimer = Arc::clone(&shared);
        let claimed = match tokio::task::spawn_blocking(move || claim(&claimer, now_ms())).await {
            Ok(Ok(claimed)) => claimed,
            // A busy or failing world: try again next tick.
            Ok(Err(_)) | Err(_) => continue,
        };
        for c in claimed {
            tokio::spawn(attempt(Arc::clone(&shared), client.clone(), c));
        }
    }
}

// ---------------------------------------------------------------- routes

/// The URL, when it is http(s) to a loopback host.
fn loopback_url(url: &str) -> Result<(), Refused> {
    let bad = |why: &str| {
        refuse(
            400,
            "VALIDATION_ERROR",
            format!("Invalid webhook url: {why}"),
        )
    };
    if url.len() > MAX_URL {
        return Err(bad("longer than 2048 characters"));
    }
    let parsed = url::Url::parse(url).map_err(|_| bad("not a URL"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(bad("it must be http(s)"));
    }
    let loopback = match parsed.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    };
    if loopback {
        Ok(())
    } else {
        Err(bad(
            "the sandbox delivers to loopback addresses only (127.0.0.1, ::1, localhost)",
        ))
    }
}

/// `url`, `events` and `description` of a create request.
fn parse_create(req: &Req<'_>) -> Result<(String, Vec<String>, Option<String>), Refused> {
    let body = json_object(req)?;
    let invalid = |m: &str| refuse(400, "VALIDATION_ERROR", m.to_string());
    let url = body
        .get("url")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("url is required (a string)"))?;
    loopback_url(url)?;
    let events: Vec<String> = match body.get("events") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|e| match e.as_str() {
                Some(e) if EVENTS.contains(&e) => Ok(e.to_string()),
                _ => Err(refuse(
                    400,
                    "VALIDATION_ERROR",
                    format!(
                        "Unknown event {}; the events are {}",
                        super::models::clip(&e.to_string()),
                        EVENTS.join(", ")
                    ),
                )),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(invalid("events must be a list of event names")),
    };
    let description = match body.get("description") {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) if d.chars().count() <= MAX_DESCRIPTION => Some(d.clone()),
        Some(_) => {
            return Err(invalid(
                "description must be a string of at most 1000 characters",
            ));
        }
    };
    Ok((url.to_string(), events, description))
}

/// A webhook row as the API shows it (the secret redacted).
fn webhook_json(row: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    let events: String = row.get(2)?;
    let events: Vec<String> = serde_json::from_str(&events).unwrap_or_default();
    let created = row.get::<_, i64>(4)? as u64;
    Ok(json!({
        "id": row.get::<_, String>(0)?,
        "url": row.get::<_, String>(1)?,
        "events": events,
        "description": row.get::<_, Option<String>>(3)?,
        "active": true,
        "created_at": rfc3339(created),
        "updated_at": rfc3339(created),
    }))
}

const WEBHOOK_COLUMNS: &str = "id, url, events, description, created_ms";

fn ok(data: Value) -> Response {
    json_response(200, &json!({"success": true, "data": data}))
}

fn not_found(id: &str) -> Response {
    error(
        404,
        "NOT_FOUND",
        format!("Webhook not found: {}", super::models::clip(id)),
    )
}

/// `POST /v1/webhooks`: the one answer that shows the secret.
pub(crate) fn create(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let (url, events, description) = match parse_create(req) {
        Ok(parsed) => parsed,
        Err(refused) => return *refused,
    };
    let id = uuid_from(&shared.random::<[u8; 16]>());
    let secret = format!("whsec_{}", hex::encode(shared.random::<[u8; 24]>()));
    let now = now_ms();
    let events_json = serde_json::to_string(&events).unwrap_or_else(|_| "[]".into());
    let made = shared
        .store
        .write_with(|conn| -> Result<Option<Value>, Refused> {
            let sql = |e| Refused::from(shared.store.error(e));
            let active: i64 = conn
                .query_row(
                    "SELECT count(*) FROM webhooks WHERE deleted_ms IS NULL",
                    [],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            if active >= MAX_WEBHOOKS {
                return Ok(None);
            }
            conn.execute(
                "INSERT INTO webhooks (id, url, events, description, secret, created_ms) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, url, events_json, description, secret, ms(now)],
            )
            .map_err(sql)?;
            conn.query_row(
                &format!("SELECT {WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?1"),
                [&id],
                webhook_json,
            )
            .map(Some)
            .map_err(sql)
        });
    match made {
        Ok(Some(mut hook)) => {
            hook["secret"] = json!(secret);
            ok(hook)
        }
        Ok(None) => error(
            400,
            "VALIDATION_ERROR",
            format!("An account has at most {MAX_WEBHOOKS} webhooks; delete one first"),
        ),
        Err(refused) => *refused,
    }
}

/// `GET /v1/webhooks`.
pub(crate) fn list(shared: &Shared, _: &Req<'_>, _: &[&str]) -> Response {
    let listed = shared.store.read(|conn| {
        let run = || -> rusqlite::Result<Vec<Value>> {
            let mut stmt = conn.prepare(&format!(
                "SELECT {WEBHOOK_COLUMNS} FROM webhooks WHERE deleted_ms IS NULL \
                 ORDER BY created_ms, id LIMIT ?1"
            ))?;
            stmt.query_map([MAX_WEBHOOKS], webhook_json)?.collect()
        };
        run().map_err(|e| shared.store.error(e))
    });
    match listed {
        Ok(hooks) => ok(Value::Array(hooks)),
        Err(e) => *Refused::from(e),
    }
}

/// The active webhook `id`, as JSON.
fn find(shared: &Shared, id: &str) -> Result<Option<Value>, StateError> {
    shared.store.read(|conn| {
        conn.query_row(
            &format!("SELECT {WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?1 AND deleted_ms IS NULL"),
            [id],
            webhook_json,
        )
        .optional()
        .map_err(|e| shared.store.error(e))
    })
}

/// `GET /v1/webhooks/{id}`.
pub(crate) fn show(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    match find(shared, segments[2]) {
        Ok(Some(hook)) => ok(hook),
        Ok(None) => not_found(segments[2]),
        Err(e) => *Refused::from(e),
    }
}

/// `DELETE /v1/webhooks/{id}`: its pending attempts are not sent.
pub(crate) fn delete(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let deleted = shared.store.write(|conn| {
        let n = conn.execute(
            "UPDATE webhooks SET deleted_ms = ?2 WHERE id = ?1 AND deleted_ms IS NULL",
            params![id, ms(now_ms())],
        )?;
        // Its deliveries can no longer be listed (404) and are never sent.
        conn.execute("DELETE FROM deliveries WHERE webhook_id = ?1", [id])?;
        Ok(n)
    });
    match deleted {
        Ok(0) => not_found(id),
        Ok(_) => json_response(200, &json!({"success": true, "deleted": true})),
        Err(e) => *Refused::from(e),
    }
}

/// `GET /v1/webhooks/{id}/deliveries`: the most recent first.
pub(crate) fn deliveries(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    match find(shared, id) {
        Ok(Some(_)) => {}
        Ok(None) => return not_found(id),
        Err(e) => return *Refused::from(e),
    }
    let rows = shared.store.read(|conn| {
        let run = || -> rusqlite::Result<Vec<Value>> {
            let mut stmt = conn.prepare(
                "SELECT id, event, status, attempts, delivered, created_ms, updated_ms \
                 FROM deliveries WHERE webhook_id = ?1 \
                 ORDER BY created_ms DESC, rowid DESC LIMIT ?2",
            )?;
            stmt.query_map(params![id, MAX_LISTED], |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?,
                    "event_type": r.get::<_, String>(1)?,
                    "status_code": r.get::<_, Option<i64>>(2)?,
                    "attempts": r.get::<_, i64>(3)?,
                    "delivered": r.get::<_, bool>(4)?,
                    "created_at": rfc3339(r.get::<_, i64>(5)? as u64),
                    "updated_at": rfc3339(r.get::<_, i64>(6)? as u64),
                }))
            })?
            .collect()
        };
        run().map_err(|e| shared.store.error(e))
    });
    match rows {
        Ok(rows) => ok(Value::Array(rows)),
        Err(e) => *Refused::from(e),
    }
}

/// `POST /v1/webhooks/{id}/test`: one `ping`, sent now and answered with
/// its outcome. Faults do not apply: a test shows whether the receiver works.
pub(crate) fn test(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let now = now_ms();
    let row: Result<Option<(String, String)>, StateError> = shared.store.read(|conn| {
        conn.query_row(
            "SELECT url, secret FROM webhooks WHERE id = ?1 AND deleted_ms IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| shared.store.error(e))
    });
    let (url, secret) = match row {
        Ok(Some(row)) => row,
        Ok(None) => return not_found(id),
        Err(e) => return *Refused::from(e),
    };
    let evt = format!("evt_{}", hex::encode(shared.random::<[u8; 12]>()));
    let body = envelope(&evt, "ping", now, json!({"webhook_id": id}));
    let inserted = shared.store.write(|conn| {
        let delivery = insert_delivery(conn, id, "ping", &body, now, shared.config.speed)?;
        // Sent here, not by the loop.
        conn.execute(
            "UPDATE deliveries SET next_ms = NULL WHERE id = ?1",
            [&delivery],
        )?;
        Ok(delivery)
    });
    let delivery = match inserted {
        Ok(d) => d,
        Err(e) => return *Refused::from(e),
    };
    let claimed = Claimed {
        id: delivery,
        url,
        secret,
        event: "ping".into(),
        body,
        attempts: 0,
        speed: shared.config.speed,
    };
    // The handlers are synchronous on a multi-threaded runtime: hand this
    // worker over while the ping is in flight (bounded by its timeout).
    let status = tokio::task::block_in_place(|| {
        let client = client()?;
        tokio::runtime::Handle::current().block_on(post(&client, &claimed, &evt, false))
    });
    let delivered = status.is_some_and(|s| (200..300).contains(&s));
    let recorded = shared.store.write(|conn| {
        conn.execute(
            "UPDATE deliveries SET attempts = 1, status = ?2, delivered = ?3, updated_ms = ?4 \
             WHERE id = ?1",
            params![claimed.id, status, delivered, ms(now_ms())],
        )
    });
    if let Err(e) = recorded {
        return *Refused::from(e);
    }
    ok(json!({"delivered": delivered, "status_code": status, "attempts": 1}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_parse_and_refuse_nonsense() {
        let f = WebhookFaults::parse("drop=1,duplicate=0.5,late=0,bad-signature=0.25").unwrap();
        assert_eq!(
            f,
            WebhookFaults {
                drop: 1.0,
                duplicate: 0.5,
                late: 0.0,
                bad_signature: 0.25
            }
        );
        assert!(WebhookFaults::parse("drop=2").is_err());
        assert!(WebhookFaults::parse("lose=0.1").is_err());
        assert!(WebhookFaults::parse("drop").is_err());
    }

    #[test]
    fn only_loopback_urls_are_accepted() {
        assert!(loopback_url("http://127.0.0.1:9/hook").is_ok());
        assert!(loopback_url("http://[::1]:9/").is_ok());
        assert!(loopback_url("http://localhost/").is_ok());
        assert!(loopback_url("https://example.com/hook").is_err());
        assert!(loopback_url("http://10.0.0.1/").is_err());
        assert!(loopback_url("ftp://127.0.0.1/").is_err());
    }

    #[test]
    fn event_ids_are_stable_per_timeline() {
        assert_eq!(event_id("A1", 5), event_id("A1", 5));
        assert_ne!(event_id("A1", 5), event_id("A1", 6));
        assert!(uuid_from(&[0xFF; 16]).len() == 36);
    }
}
