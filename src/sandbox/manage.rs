//! Agent management: `GET /v1/agents`, `POST /v1/agent/{id}` (new system
//! prompt) and `DELETE /v1/agent/{id}`.
//!
//! The list holds every agent of the world that is not deleted, whichever
//! process created it; items carry their `status`, for list-based polling.

use axum::response::Response;
use serde_json::{Value, json};

use super::codec::now_ms;
use super::files::query_param;
use super::routes::{
    Refused, Req, error, json_object, json_response, live_agent, not_found, refuse,
};
use super::state::Shared;

/// Longest prompt or system prompt kept, in bytes of UTF-8.
pub(crate) const MAX_PROMPT_BYTES: usize = 32 * 1024;

/// An integer query parameter within `range`, `default` when absent.
fn int_param(
    req: &Req<'_>,
    name: &str,
    default: u64,
    range: std::ops::RangeInclusive<u64>,
) -> Result<u64, Refused> {
    let Some(text) = query_param(req.query, name).filter(|t| !t.is_empty()) else {
        return Ok(default);
    };
    text.parse::<u64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            refuse(
                400,
                "VALIDATION_ERROR",
                format!(
                    "Invalid {name}: must be an integer from {} to {}",
                    range.start(),
                    range.end()
                ),
            )
        })
}

/// A page of a list: `limit` (1 to `max`, `default` when absent) and `offset`.
pub(crate) struct Page {
    limit: u64,
    offset: u64,
}

impl Page {
    pub fn of(req: &Req<'_>, default: u64, max: u64) -> Result<Page, Refused> {
        Ok(Page {
            limit: int_param(req, "limit", default, 1..=max)?,
            offset: int_param(req, "offset", 0, 0..=u64::from(u32::MAX))?,
        })
    }

    /// `{"success": true, "data": <the page of items>, "pagination": {"limit",
    /// "offset", "total", "has_more"}}`.
    pub fn answer(&self, items: impl ExactSizeIterator<Item = Value>) -> Response {
        let total = items.len();
        let data: Vec<Value> = items
            .skip(self.offset as usize)
            .take(self.limit as usize)
            .collect();
        let has_more = (self.offset as usize).saturating_add(data.len()) < total;
        json_response(
            200,
            &json!({"success": true, "data": data, "pagination": {
                "limit": self.limit,
                "offset": self.offset,
                "total": total,
                "has_more": has_more,
            }}),
        )
    }
}

/// `GET /v1/agents?limit&offset&status`: newest first.
pub(crate) fn list(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let page = match Page::of(req, 20, 100) {
        Ok(page) => page,
        Err(refused) => return *refused,
    };
    let status = query_param(req.query, "status").filter(|s| !s.is_empty());
    let agents = match shared.read(|books| books.live_agents()) {
        Ok(agents) => agents,
        Err(e) => return *Refused::from(e),
    };
    let now = now_ms();
    let records: Vec<Value> = agents
        .iter()
        .map(|a| a.record(now, &shared.base))
        .filter(|r| status.as_deref().is_none_or(|s| r["status"] == s))
        .collect();
    page.answer(records.into_iter())
}

/// `POST /v1/agent/{id}`: `{"system_prompt"}`.
pub(crate) fn update(shared: &Shared, req: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let prompt = match json_object(req).and_then(|body| system_prompt(&body)) {
        Ok(prompt) => prompt,
        Err(refused) => return *refused,
    };
    let updated = shared.write(|books| {
        let mut agent = live_agent(books, id)?;
        agent.prompt = Some(prompt);
        books.insert_agent(&agent).map_err(Refused::from)
    });
    match updated {
        Ok(()) => json_response(200, &json!({"agent_code": id, "updated": true})),
        Err(refused) => *refused,
    }
}

fn system_prompt(body: &serde_json::Map<String, Value>) -> Result<String, Refused> {
    match body.get("system_prompt") {
        Some(Value::String(p)) if !p.trim().is_empty() => {
            check_prompt("system_prompt", p)?;
            Ok(p.clone())
        }
        None | Some(Value::Null) | Some(Value::String(_)) => Err(refuse(
            400,
            "MISSING_PARAM",
            "Missing required field: system_prompt (nothing to update)",
        )),
        Some(_) => Err(refuse(
            400,
            "VALIDATION_ERROR",
            "Invalid system_prompt: must be a string",
        )),
    }
}

/// Refuses a prompt the sandbox would not keep.
pub(crate) fn check_prompt(field: &str, prompt: &str) -> Result<(), Refused> {
    if prompt.len() > MAX_PROMPT_BYTES {
        return Err(refuse(
            400,
            "VALIDATION_ERROR",
            format!("Invalid {field}: too long (at most {MAX_PROMPT_BYTES} bytes)"),
        ));
    }
    Ok(())
}

/// `DELETE /v1/agent/{id}`. A deleted agent answers `410 AGENT_DELETED`
/// elsewhere; deleting it again answers `404 NOT_FOUND`, as the live API
/// does for a missing agent.
pub(crate) fn delete(shared: &Shared, _: &Req<'_>, segments: &[&str]) -> Response {
    let id = segments[2];
    let deleted = shared.write(|books| match books.agent(id)? {
        Some(mut agent) if !agent.deleted => {
            agent.deleted = true;
            books.insert_agent(&agent).map_err(Refused::from)
        }
        Some(_) => Err(Box::new(error(
            404,
            "NOT_FOUND",
            format!(
                "Agent not found for code: {} (it was deleted)",
                super::models::clip(id)
            ),
        ))),
        None => Err(Box::new(not_found(id))),
    });
    match deleted {
        Ok(()) => json_response(
            200,
            &json!({"success": true, "agent_code": id, "deleted": true}),
        ),
        Err(refused) => *refused,
    }
}
