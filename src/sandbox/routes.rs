//! Request dispatch, auth, envelopes and the agent routes.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::RecordedRequest;
use super::agents::{self, Agent};
use super::files::{download, model_file};
use super::state::{Shared, Stored, lock};
use super::{faults, upload};

/// The project's description of the API this emulates, served at `GET /openapi.json`.
const OPENAPI: &str = include_str!("../../api/bithuman.openapi.json");

/// Largest request body read (a 100 MB video as base64, plus JSON).
const MAX_BODY: usize = 150 * 1024 * 1024;

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
    /// The body was over [`MAX_BODY`] (or could not be read).
    pub unreadable: bool,
}

async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let (body, unreadable) = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => (bytes, false),
        Err(_) => (Bytes::new(), true),
    };
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
        });
    }
    let req = Req {
        method: &parts.method,
        path: parts.uri.path(),
        query: parts.uri.query(),
        headers: &parts.headers,
        body: &body,
        unreadable,
    };
    let response = faults::respond(&shared, &req).await;
    if shared.config.verbose {
        eprintln!(
            "{} {} -> {} ({} ms)",
            req.method,
            req.path,
            response.status().as_u16(),
            started.elapsed().as_millis()
        );
    }
    response
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
type Handler = fn(&Shared, &Req<'_>, &[&str]) -> Response;

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

/// Routes a request that no fault answered.
pub(crate) fn route(shared: &Shared, req: &Req<'_>) -> Response {
    let segments: Vec<&str> = req.path.split('/').skip(1).collect();
    let get = *req.method == Method::GET || *req.method == Method::HEAD;
    let post = *req.method == Method::POST;
    let (allowed, answer): (&str, Option<Handler>) = match segments.as_slice() {
        ["v1", "validate"] => ("POST", post.then_some(validate as _)),
        ["v1", "agent", "generate"] => ("POST", post.then_some(generate as _)),
        ["v1", "files", "upload"] => ("POST", post.then_some(upload::upload as _)),
        ["v1", "agent", "status", _] => ("GET", get.then_some(status as _)),
        ["v1", "agent", _, "model", "download"] => ("GET", get.then_some(download as _)),
        ["v1", "agent", _] => ("GET", get.then_some(status as _)),
        ["files", "models", _, _] => ("GET, HEAD", get.then_some(model_file as _)),
        ["files", "uploads", _] => ("GET, HEAD", get.then_some(upload::uploaded_file as _)),
        ["openapi.json"] => ("GET, HEAD", get.then_some(openapi as _)),
        _ => {
            return error(
                404,
                "NOT_FOUND",
                format!("No route for {} {}", req.method, req.path),
            );
        }
    };
    let Some(answer) = answer else {
        let mut response = error(
            405,
            "METHOD_NOT_ALLOWED",
            format!("Method {} is not allowed on {}", req.method, req.path),
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static(allowed));
        return response;
    };
    let needs_auth = segments.first() == Some(&"v1") && segments.get(1) != Some(&"validate");
    if needs_auth && let Err(refused) = authenticate(shared, req.headers) {
        return *refused;
    }
    answer(shared, req, &segments)
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
    let shown: String = id.chars().filter(|c| !c.is_control()).take(100).collect();
    error(
        404,
        "NOT_FOUND",
        format!("Agent not found for code: {shown}"),
    )
}

/// `GET /v1/agent/status/{id}` and `GET /v1/agent/{id}`.
fn status(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments.last().copied().unwrap_or("");
    match shared.agent(id) {
        Some(agent) => json_response(
            200,
            &json!({"success": true, "data": agent.record(agents::now_ms(), shared.config.speed, &shared.base)}),
        ),
        None => not_found(id),
    }
}

/// Parses a JSON object body the way the live API does.
pub(crate) fn json_object(req: &Req<'_>) -> Result<serde_json::Map<String, Value>, Refused> {
    if req.unreadable {
        return Err(refuse(
            413,
            "FILE_TOO_LARGE",
            "Request body is too large (limit 150 MB)",
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

/// `POST /v1/agent/generate`.
fn generate(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    if let Some(limit) = shared.config.rate_limit
        && let Err(wait) = lock(&shared.books).admit(limit)
    {
        let mut response = error(
            429,
            "RATE_LIMITED",
            format!("Too many generate requests for this api-secret. Retry in ~{wait}s."),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        return response;
    }
    let key = req
        .headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string);
    let replay = |stored: &Stored| {
        let mut response = raw_json(stored.status, stored.body.clone());
        response
            .headers_mut()
            .insert("idempotency-replayed", HeaderValue::from_static("true"));
        response
    };
    if let Some(k) = &key
        && let Some(stored) = lock(&shared.books).idempotency.get(k)
    {
        return replay(stored);
    }
    let spec = match upload::check_generate(req) {
        Ok(spec) => spec,
        Err(refused) => return *refused,
    };
    let fail_row = if shared.chance(shared.config.fail_rate) {
        agents::FAIL_ROWS[shared.random::<u32>() as usize % agents::FAIL_ROWS.len()]
    } else {
        0
    };
    let nonce: u16 = shared.random();
    let now = agents::now_ms();
    let mut books = lock(&shared.books);
    if let Some(k) = &key
        && let Some(stored) = books.idempotency.get(k)
    {
        return replay(stored);
    }
    let agent = match &spec.agent_id {
        Some(id) => {
            let existing = books
                .agents
                .get(id)
                .cloned()
                .or_else(|| agents::decode_id(id));
            Agent {
                id: id.clone(),
                start_ms: now,
                created_ms: existing.as_ref().map_or(now, |a| a.created_ms),
                model: match (spec.model_given, &existing) {
                    (false, Some(a)) => a.model,
                    _ => spec.model,
                },
                fail_row,
                prompt: spec
                    .prompt
                    .clone()
                    .or_else(|| existing.and_then(|a| a.prompt)),
            }
        }
        None => Agent {
            id: agents::mint_id(now, spec.model, fail_row, nonce),
            start_ms: now,
            created_ms: now,
            model: spec.model,
            fail_row,
            prompt: spec.prompt.clone(),
        },
    };
    let body = json!({
        "success": true,
        "message": "Agent generation started",
        "agent_id": agent.id,
        "status": "processing",
    });
    let stored = Stored {
        status: 200,
        body: serde_json::to_vec(&body).unwrap_or_default(),
    };
    books.agents.insert(agent.id.clone(), agent);
    if let Some(k) = key {
        books.remember_reply(k, stored.clone());
    }
    raw_json(stored.status, stored.body)
}
