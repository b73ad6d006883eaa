//! Request dispatch, auth, envelopes and the agent routes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::RecordedRequest;
use super::agents::{self, Agent};
use super::books::{Books, Stored};
use super::codec::now_ms;
use super::files::{download, model_file};
use super::ledger::{Charge, Refund, creation_price};
use super::models::clip;
use super::plans::{self, Bucket, Plan};
use super::state::{Shared, lock};
use super::store::StateError;
use super::{account, dynamics, faults, manage, models, server, upload, video, webhooks};

/// The project's description of the API this emulates, served at `GET /openapi.json`.
const OPENAPI: &str = include_str!("../../api/bithuman.openapi.json");

const MB: usize = 1024 * 1024;

/// Largest body read for `method path`, before it is buffered: an upload
/// carries up to a 100 MB video as base64 (~134 MB), a generate up to a
/// 10 MB image and a 25 MB voice sample inline (~47 MB); other JSON bodies
/// are small, and nothing else reads its body.
fn body_cap(method: &Method, path: &str) -> usize {
    match (method.as_str(), path) {
        ("POST", "/v1/files/upload") => 150 * MB,
        ("POST", "/v1/agent/generate") => 50 * MB,
        ("POST" | "PUT" | "PATCH" | "DELETE", _) => 2 * MB,
        _ => 64 * 1024,
    }
}

/// Longest `Idempotency-Key` remembered.
const MAX_IDEMPOTENCY_KEY: usize = 255;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

/// What a route needs to know about the request.
pub(crate) struct Req<'a> {
    pub method: &'a Method,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
    /// The body was over `cap` bytes (or could not be read).
    pub unreadable: bool,
    /// The route's body cap ([`body_cap`]).
    pub cap: usize,
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let started = Instant::now();
    let activity = server::activity_of(&request);
    let (parts, body) = request.into_parts();
    let cap = body_cap(&parts.method, parts.uri.path());
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // Held until the answer is made: the body (and what the handler decodes
    // from it) counts against the budget all that time.
    let mut held = Held {
        budget: &shared.bodies,
        bytes: 0,
    };
    let (body, outcome) = read_body(body, cap, declared, &mut held).await;
    if outcome == Outcome::Busy {
        let mut busy = error(
            503,
            "SERVICE_UNAVAILABLE",
            "The sandbox is holding as many request bodies as it allows (uploads in progress). Retry shortly.",
        );
        busy.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(1));
        return busy;
    }
    let unreadable = outcome == Outcome::TooLarge;
    if shared.record {
        let headers = parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        lock(&shared.requests).push(RecordedRequest {
            method: parts.method.to_string(),
            path: parts.uri.path().to_string(),
            query: parts.uri.query().map(str::to_string),
            headers,
            body: body.to_vec(),
            received: std::time::Instant::now(),
        });
    }
    let req = Req {
        method: &parts.method,
        path: parts.uri.path(),
        query: parts.uri.query(),
        headers: &parts.headers,
        body: &body,
        unreadable,
        cap,
    };
    let response = faults::respond(&shared, &req).await;
    if let Some(Hold(wait)) = response.extensions().get::<Hold>().copied() {
        let _holding = activity.as_ref().map(server::Activity::hold);
        tokio::time::sleep(wait).await;
    }
    if shared.config.verbose {
        eprintln!(
            "{} {} -> {} ({} ms)",
            req.method,
            req.path,
            response.status().as_u16(),
            started.elapsed().as_millis()
        );
    }
    drop(held);
    response
}

/// What became of a request body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Read,
    /// Longer than the route's cap (declared or sent), or cut off.
    TooLarge,
    /// The sandbox-wide budget of body bytes held is spent.
    Busy,
}

/// Bytes of request bodies all connections may hold at once: one upload at
/// its cap (~150 MB of base64) plus small bodies; past it, `503` (the
/// client retries) rather than memory growing with concurrent uploads.
pub(crate) const BODY_BUDGET: usize = 200 * MB;

/// The sandbox-wide count of request-body bytes held.
#[derive(Default)]
pub(crate) struct BodyBudget {
    used: AtomicUsize,
}

impl BodyBudget {
    fn take(&self, bytes: usize) -> bool {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(bytes).filter(|n| *n <= BODY_BUDGET)
            })
            .is_ok()
    }
}

/// Bytes of the budget one request holds; given back when dropped.
struct Held<'a> {
    budget: &'a BodyBudget,
    bytes: usize,
}

impl Held<'_> {
    /// Grows the hold to `total` bytes; false when the budget cannot.
    fn grow_to(&mut self, total: usize) -> bool {
        if total <= self.bytes {
            return true;
        }
        let more = total - self.bytes;
        if !self.budget.take(more) {
            return false;
        }
        self.bytes = total;
        true
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.budget.used.fetch_sub(self.bytes, Ordering::AcqRel);
    }
}

/// Bytes of an over-long body read and thrown away before the `413`, so
/// that a client still sending it reads the answer instead of a reset.
const DRAIN_BYTES: usize = 32 * MB;
/// How long the rest of an over-long body is drained, in all and between chunks.
const DRAIN_TIME: Duration = Duration::from_secs(5);
const DRAIN_PAUSE: Duration = Duration::from_millis(500);

/// The body, [`Outcome::TooLarge`] when it is longer than `cap` (declared
/// or sent) or cannot be read, [`Outcome::Busy`] when the sandbox-wide
/// [`BODY_BUDGET`] cannot hold it. Nothing past the cap is kept: an
/// over-long or refused body is drained (a bounded amount, for a bounded
/// time) and dropped, so that the client reads the answer, not a reset.
async fn read_body(
    body: Body,
    cap: usize,
    declared: Option<u64>,
    held: &mut Held<'_>,
) -> (Bytes, Outcome) {
    use futures_util::StreamExt;
    let mut over = declared.is_some_and(|n| n > cap as u64);
    let mut busy = !over && !held.grow_to(declared.unwrap_or(0) as usize);
    // Room for the declared length, up to 8 MB: a declared size is only a promise.
    let room = if over || busy {
        0
    } else {
        declared.unwrap_or(0).min(8 * MB as u64)
    };
    let mut kept = Vec::with_capacity(room as usize);
    let mut stream = body.into_data_stream();
    let mut drained = 0usize;
    let deadline = tokio::time::Instant::now() + DRAIN_TIME;
    loop {
        let draining = over || busy;
        let next = if draining {
            let pause = tokio::time::Instant::now() + DRAIN_PAUSE;
            match tokio::time::timeout_at(pause.min(deadline), stream.next()).await {
                Ok(next) => next,
                Err(_) => break,
            }
        } else {
            stream.next().await
        };
        match next {
            Some(Ok(chunk)) if draining => {
                drained += chunk.len();
                if drained > DRAIN_BYTES {
                    break;
                }
            }
            Some(Ok(chunk)) if kept.len() + chunk.len() > cap => {
                over = true;
                drained = kept.len() + chunk.len();
                kept = Vec::new();
            }
            Some(Ok(chunk)) if !held.grow_to(kept.len() + chunk.len()) => {
                busy = true;
                drained = kept.len() + chunk.len();
                kept = Vec::new();
            }
            Some(Ok(chunk)) => kept.extend_from_slice(&chunk),
            None => break,
            Some(Err(_)) => return (Bytes::new(), Outcome::TooLarge),
        }
    }
    match (over, busy) {
        (true, _) => (Bytes::new(), Outcome::TooLarge),
        (false, true) => (Bytes::new(), Outcome::Busy),
        (false, false) => (Bytes::from(kept), Outcome::Read),
    }
}

/// A JSON response.
pub(crate) fn json_response(status: u16, body: &Value) -> Response {
    raw_json(status, serde_json::to_vec(body).unwrap_or_default())
}

pub(crate) fn raw_json(status: u16, body: Vec<u8>) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A refusal on its way out (boxed: a `Response` is large).
pub(crate) type Refused = Box<Response>;

/// [`error`], boxed for `Result`s.
pub(crate) fn refuse(status: u16, code: &str, message: impl Into<String>) -> Refused {
    Box::new(error(status, code, message))
}

/// A route handler.
pub(crate) type Handler = fn(&Shared, &Req<'_>, &[&str]) -> Response;

/// The live API's error envelope.
pub(crate) fn error(status: u16, code: &str, message: impl Into<String>) -> Response {
    json_response(
        status,
        &json!({
            "error": {"code": code, "message": message.into(), "httpStatus": status},
            "status": "error",
            "status_code": status,
        }),
    )
}

/// Asks the server to send a response no earlier than this (a sync
/// `wait: true` render is answered when it finishes).
#[derive(Clone, Copy)]
pub(crate) struct Hold(pub Duration);

/// Routes a request that no fault answered.
pub(crate) fn route(shared: &Shared, req: &Req<'_>) -> Response {
    let segments: Vec<&str> = req.path.split('/').skip(1).collect();
    // The methods of each route and their handlers.
    let table: &[(&str, Handler)] = match segments.as_slice() {
        ["v1", "validate"] => &[("POST", validate)],
        ["v1", "agent", "generate"] => &[("POST", generate)],
        ["v1", "files", "upload"] => &[("POST", upload::upload)],
        ["v1", "agent", "status", _] => &[("GET", status)],
        ["v1", "agent", _, "model", "download"] => &[("GET", download)],
        ["v1", "agent", _, "models"] => &[("POST", models::add_model)],
        ["v1", "agent", _] => &[
            ("GET", status),
            ("POST", manage::update),
            ("DELETE", manage::delete),
        ],
        ["v1", "agents"] => &[("GET", manage::list)],
        ["v1", "me"] => &[("GET", account::me)],
        ["v1", "pricing"] => &[("GET", account::pricing)],
        ["v1", "usage"] => &[("GET", account::usage)],
        ["topup"] => &[("GET", account::topup)],
        ["v1", "video", "generate"] => &[("POST", video::generate)],
        ["v1", "video", _] => &[("GET", video::status)],
        ["v1", "dynamics", "generate"] => &[("POST", dynamics::generate)],
        ["v1", "dynamics", _] => &[("GET", dynamics::status)],
        ["files", "models", _, _] => &[("GET", model_file)],
        ["files", "uploads", _] => &[("GET", upload::uploaded_file)],
        ["files", "videos", _] => &[("GET", video::video_file)],
        ["files", "dynamics", _, _] => &[("GET", dynamics::dynamics_file)],
        ["v1", "webhooks"] => &[("GET", webhooks::list), ("POST", webhooks::create)],
        ["v1", "webhooks", _] => &[("GET", webhooks::show), ("DELETE", webhooks::delete)],
        ["v1", "webhooks", _, "test"] => &[("POST", webhooks::test)],
        ["v1", "webhooks", _, "deliveries"] => &[("GET", webhooks::deliveries)],
        ["openapi.json"] => &[("GET", openapi)],
        _ => match super::sessions::table(&segments) {
            Some(table) => table,
            None => {
                return error(
                    404,
                    "NOT_FOUND",
                    format!("No route for {} {}", req.method, req.path),
                );
            }
        },
    };
    let method = if *req.method == Method::HEAD {
        "GET"
    } else {
        req.method.as_str()
    };
    let Some(&(_, answer)) = table.iter().find(|(m, _)| *m == method) else {
        let mut allowed: Vec<&str> = table.iter().map(|(m, _)| *m).collect();
        if allowed.contains(&"GET") {
            allowed.push("HEAD");
        }
        let mut response = error(
            405,
            "METHOD_NOT_ALLOWED",
            format!("Method {} is not allowed on {}", req.method, req.path),
        );
        if let Ok(allow) = HeaderValue::from_str(&allowed.join(", ")) {
            response.headers_mut().insert(header::ALLOW, allow);
        }
        return response;
    };
    // The v2 account routes (sessions) are the account's API as much as /v1.
    let api = matches!(segments.first(), Some(&"v1" | &"v2"));
    let needs_auth = api && req.path != "/v1/validate";
    if needs_auth && let Err(refused) = authenticate(shared, req.headers) {
        return *refused;
    }
    if !api {
        return answer(shared, req, &segments);
    }
    // `/v1/me` answers on every plan and is limited per IP, not by the plan's buckets.
    if req.path == "/v1/me" {
        return answer(shared, req, &segments);
    }
    match meter(shared, req) {
        Ok(limits) => {
            let mut response = answer(shared, req, &segments);
            if let Some(limits) = limits {
                limits.apply(&mut response);
            }
            response
        }
        Err(refused) => *refused,
    }
}

/// `X-RateLimit-*` for one answer of a bucket.
struct Limits {
    limit: u32,
    remaining: u32,
    reset: u64,
}

impl Limits {
    fn apply(&self, response: &mut Response) {
        let headers = response.headers_mut();
        headers.insert("x-ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("x-ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("x-ratelimit-reset", HeaderValue::from(self.reset));
    }
}

/// The plan's gate for a `/v1` request: `403 PLAN_REQUIRED` on `free`, a
/// token from the request's bucket or `429 RATE_LIMITED`; the bucket's
/// headers to put on the answer.
fn meter(shared: &Shared, req: &Req<'_>) -> Result<Option<Limits>, Refused> {
    let bucket = Bucket::of(req.method.as_str(), req.path);
    let exempt = super::sessions::unmetered(req.path);
    let now = now_ms();
    let (plan, admission) = shared.write(|books| -> Result<_, Refused> {
        let plan = books.sql(plans::plan(books.conn))?;
        if plan == Plan::Free || exempt {
            return Ok((plan, None));
        }
        Ok((
            plan,
            Some(books.sql(plans::admit(books.conn, bucket, now))?),
        ))
    })?;
    let Some(admission) = admission else {
        if plan != Plan::Free {
            // An exempt route: the plan admits it, no bucket is drawn from.
            return Ok(None);
        }
        return Err(refuse(
            403,
            "PLAN_REQUIRED",
            format!(
                "API and SDK access starts at the Creator plan; this sandbox account is on the {} plan \
                 (sandbox: bithuman sandbox serve --plan creator, or BITHUMAN_SANDBOX_PLAN=creator)",
                plan.name()
            ),
        ));
    };
    let limits = Limits {
        limit: admission.limit,
        remaining: admission.remaining,
        reset: admission.reset,
    };
    if admission.limit == 0 {
        // A bucket nobody sized is not metered: no headers.
        return Ok(None);
    }
    match admission.admitted {
        Ok(()) => Ok(Some(limits)),
        Err(wait) => {
            let mut response = error(
                429,
                "RATE_LIMITED",
                format!(
                    "Too many {} requests for this api-secret. Retry in ~{wait}s.",
                    bucket.name()
                ),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(wait));
            limits.apply(&mut response);
            Err(Box::new(response))
        }
    }
}

/// A failure of the world's database, on its way out: `503` with
/// `Retry-After` (the client retries), never a panic or a lost request.
impl From<StateError> for Box<Response> {
    fn from(e: StateError) -> Self {
        let mut response = error(
            503,
            "SERVICE_UNAVAILABLE",
            format!("The sandbox's state is unavailable ({e}). Retry shortly."),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(1));
        Box::new(response)
    }
}

fn openapi(_: &Shared, _: &Req<'_>, _: &[&str]) -> Response {
    raw_json(200, OPENAPI.into())
}

fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<(), Refused> {
    let given = headers
        .get("api-secret")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    if given.is_empty() {
        return Err(refuse(401, "MISSING_AUTH", "Missing api-secret header"));
    }
    match &shared.config.secret {
        Some(secret) if secret != given => Err(refuse(401, "UNAUTHORIZED", "Invalid API secret")),
        _ => Ok(()),
    }
}

fn validate(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    json_response(
        200,
        &json!({"valid": authenticate(shared, req.headers).is_ok()}),
    )
}

pub(crate) fn not_found(id: &str) -> Response {
    error(
        404,
        "NOT_FOUND",
        format!("Agent not found for code: {}", clip(id)),
    )
}

/// `410 AGENT_DELETED`.
pub(crate) fn gone(id: &str) -> Response {
    error(
        410,
        "AGENT_DELETED",
        format!("Agent {} was deleted", clip(id)),
    )
}

/// The agent called `id`, or `404 NOT_FOUND` / `410 AGENT_DELETED`.
pub(crate) fn live_agent(books: &Books<'_>, id: &str) -> Result<Agent, Refused> {
    match books.agent(id)? {
        Some(agent) if agent.deleted => Err(Box::new(gone(id))),
        Some(agent) => Ok(agent),
        None => Err(Box::new(not_found(id))),
    }
}

/// `GET /v1/agent/status/{id}` and `GET /v1/agent/{id}`.
fn status(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments.last().copied().unwrap_or("");
    match shared.read(|books| live_agent(books, id)) {
        Ok(agent) => json_response(
            200,
            &json!({"success": true, "data": agent.record(now_ms(), &shared.base)}),
        ),
        Err(refused) => *refused,
    }
}

/// Parses a JSON object body the way the live API does.
pub(crate) fn json_object(req: &Req<'_>) -> Result<serde_json::Map<String, Value>, Refused> {
    if req.unreadable {
        return Err(refuse(
            413,
            "FILE_TOO_LARGE",
            format!(
                "Request body is too large (limit {} MB)",
                req.cap.div_ceil(MB)
            ),
        ));
    }
    match serde_json::from_slice::<Value>(req.body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(refuse(
            400,
            "VALIDATION_ERROR",
            "Request body must be a JSON object",
        )),
        Err(_) => Err(refuse(
            400,
            "VALIDATION_ERROR",
            "Request body must be valid JSON",
        )),
    }
}

/// The request's `Idempotency-Key`, if any.
fn idempotency_key(req: &Req<'_>) -> Result<Option<String>, Refused> {
    let Some(value) = req.headers.get("idempotency-key") else {
        return Ok(None);
    };
    let key = value.to_str().map(str::trim).unwrap_or("");
    if key.len() > MAX_IDEMPOTENCY_KEY {
        return Err(refuse(
            400,
            "VALIDATION_ERROR",
            format!("Idempotency-Key is too long (max {MAX_IDEMPOTENCY_KEY} bytes)"),
        ));
    }
    Ok((!key.is_empty()).then(|| key.to_string()))
}

/// A stored answer, replayed with `Idempotency-Replayed: true`.
fn replayed(stored: &Stored) -> Response {
    let mut response = raw_json(stored.status, stored.body.clone());
    response
        .headers_mut()
        .insert("idempotency-replayed", HeaderValue::from_static("true"));
    hold_until(response, stored.until_ms)
}

fn hold_until(mut response: Response, until_ms: Option<u64>) -> Response {
    if let Some(until) = until_ms {
        let wait = until.saturating_sub(now_ms());
        if wait > 0 {
            response
                .extensions_mut()
                .insert(Hold(Duration::from_millis(wait)));
        }
    }
    response
}

/// The answer to a billed submit (generate, video, model add, dynamics): an
/// earlier answer for the same `Idempotency-Key` (per route, from any
/// process sharing the world) is replayed without running `start` again;
/// otherwise `check` reads the request (outside the transaction: it may
/// decode large inline files), then `start` does the job inside one write
/// transaction and answers its body and, for a sync request, when to send it.
pub(crate) fn submit<T>(
    shared: &Shared,
    req: &Req<'_>,
    scope: &str,
    check: impl FnOnce() -> Result<T, Refused>,
    start: impl FnOnce(&Shared, &Books<'_>, T, u64) -> Result<(Value, Option<u64>), Refused>,
) -> Response {
    let key = match idempotency_key(req) {
        Ok(key) => key.map(|k| format!("{scope} {k}")),
        Err(refused) => return *refused,
    };
    if let Some(k) = &key {
        match shared.read(|books| books.reply(k).map_err(Refused::from)) {
            Ok(Some(stored)) => return replayed(&stored),
            Ok(None) => {}
            Err(refused) => return *refused,
        }
    }
    let spec = match check() {
        Ok(spec) => spec,
        Err(refused) => return *refused,
    };
    let done = shared.write(|books| -> Result<Result<Stored, Stored>, Refused> {
        if let Some(k) = &key
            && let Some(stored) = books.reply(k)?
        {
            return Ok(Err(stored));
        }
        let now = now_ms();
        let (body, until_ms) = start(shared, books, spec, now)?;
        let stored = Stored {
            status: 200,
            body: serde_json::to_vec(&body).unwrap_or_default(),
            until_ms,
        };
        if let Some(k) = &key {
            books.remember_reply(k, &stored, now)?;
        }
        Ok(Ok(stored))
    });
    match done {
        Ok(Ok(stored)) => hold_until(raw_json(stored.status, stored.body), stored.until_ms),
        Ok(Err(earlier)) => replayed(&earlier),
        Err(refused) => *refused,
    }
}

/// `POST /v1/agent/generate`.
fn generate(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let speed = shared.config.speed;
    submit(
        shared,
        req,
        "generate",
        || upload::check_generate(req),
        |shared, books, spec, now| {
            let existing = match &spec.agent_id {
                Some(id) => match books.agent(id)? {
                    Some(agent) if agent.deleted => return Err(Box::new(gone(id))),
                    found => found,
                },
                None => None,
            };
            if existing.is_none() {
                check_agent_cap(books)?;
            }
            let model = match (spec.model_given, &existing) {
                (false, Some(a)) => a.model,
                _ => spec.model,
            };
            let cartoon = spec.cartoon || existing.as_ref().is_some_and(|a| a.cartoon);
            let model_name = agents::model_name(model);
            if model_name == "essence-2" && cartoon && spec.model_given {
                return Err(refuse(
                    422,
                    "MODEL_SUBJECT_MISMATCH",
                    "essence-2 requires a photorealistic human subject; this image looks like a cartoon — use expression-2",
                ));
            }
            let fail_row = if shared.chance(shared.config.fail_rate) {
                agents::FAIL_ROWS[shared.random::<u32>() as usize % agents::FAIL_ROWS.len()]
            } else {
                0
            };
            let id = match &spec.agent_id {
                Some(id) => id.clone(),
                None => agents::mint_id(now, model, fail_row, cartoon, shared.random()),
            };
            let agent = Agent {
                id: id.clone(),
                start_ms: now,
                speed,
                created_ms: existing.as_ref().map_or(now, |a| a.created_ms),
                model,
                fail_row,
                prompt: spec
                    .prompt
                    .clone()
                    .or_else(|| existing.and_then(|a| a.prompt)),
                cartoon,
                adds: Vec::new(),
                deleted: false,
                dynamics: None,
                dynamics_speed: speed,
            };
            let refund = agent.fails_at_ms().map(|at_ms| Refund {
                at_ms,
                credits: creation_price(model_name),
                why: format!("Refund: the agent's creation failed ({model_name})"),
            });
            books.charge(
                now,
                creation_price(model_name),
                Charge::agent(&id, model_name),
                refund,
                &shared.topup_url(),
            )?;
            books.insert_agent(&agent)?;
            Ok((
                json!({
                    "success": true,
                    "message": "Agent generation started",
                    "agent_id": id,
                    "status": "processing",
                }),
                None,
            ))
        },
    )
}

/// `403 AGENT_LIMIT_REACHED` when the plan's cap of live agents is reached
/// (deleted agents do not count).
fn check_agent_cap(books: &Books<'_>) -> Result<(), Refused> {
    let Some(cap) = books.sql(plans::agent_cap(books.conn))? else {
        return Ok(());
    };
    let live = books.live_agent_count()?;
    if live >= u64::from(cap) {
        let plan = books.sql(plans::plan(books.conn))?;
        return Err(refuse(
            403,
            "AGENT_LIMIT_REACHED",
            format!(
                "Agent limit reached: the {} plan allows {cap} agents and this account has {live}; \
                 delete an agent or upgrade the plan",
                plan.name()
            ),
        ));
    }
    Ok(())
}
