//! The account: `GET /v1/me`, `GET /v1/pricing`, `GET /v1/usage`, and the
//! page a `402`'s `topup_url` points at.

use axum::body::Body;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::codec::{now_ms, parse_time, rfc3339};
use super::files::query_param;
use super::ledger::{DYNAMICS_PRICE, creation_price, video_rate};
use super::manage::Page;
use super::plans;
use super::routes::{Refused, Req, error, json_response};
use super::state::Shared;
use super::video::VIDEO_MODELS;

/// `GET /v1/me`.
pub(crate) fn me(shared: &Shared, _: &Req<'_>, _: &[&str]) -> Response {
    let read = shared.read(|books| -> Result<_, Refused> {
        Ok((
            books.balance(now_ms())?,
            books.sql(plans::plan(books.conn))?,
        ))
    });
    let (balance, plan) = match read {
        Ok((balance, plan)) => (balance.max(0), plan),
        Err(refused) => return *refused,
    };
    json_response(
        200,
        &json!({
            "data": {
                "user_id": "sandbox-user",
                "email": "sandbox@localhost",
                "plan": plan.name(),
                "plan_code": format!("membership_{}", plan.name()),
                "credit_balance": balance,
                "plan_credits_remaining": balance,
                "topup_credits_remaining": 0,
                "account_status": "active",
            },
            "status": "success",
            "status_code": 200,
        }),
    )
}

/// `GET /v1/pricing`: the prices the sandbox charges (the live API's).
pub(crate) fn pricing(_: &Shared, _: &Req<'_>, _: &[&str]) -> Response {
    let by_model: serde_json::Map<String, Value> = [
        "essence-1",
        "expression-1",
        "essence-2",
        "essence-2-max",
        "expression-2",
        "auto",
    ]
    .iter()
    .map(|m| ((*m).to_string(), json!(creation_price(m))))
    .collect();
    let rates: serde_json::Map<String, Value> = VIDEO_MODELS
        .iter()
        .map(|m| ((*m).to_string(), json!(video_rate(m))))
        .collect();
    json_response(
        200,
        &json!({"success": true, "data": {
            "unit": "credits",
            "agent_generation": {
                "unit": "credits",
                "by_model": by_model,
                "note": "Per model, charged at submit and refunded if the creation fails. `essence-2` \
                         includes `essence-2-max`; `auto` is billed at the routed model's rate (2000 is the \
                         worst case). Adding a model with POST /v1/agent/{code}/models costs the same \
                         (`expression-1`: free).",
            },
            "talking_video": {
                "unit": "credits_per_minute",
                "billing": "ceil(minutes) * rate, minimum 1 minute; 2 minutes are pre-charged and trued up",
                "rates": rates,
            },
            "dynamics_generation": {
                "flat": DYNAMICS_PRICE,
                "note": "Per generation, refunded if it fails.",
            },
            "notes": "bitHuman sandbox: the live API's prices, charged against the sandbox's own \
                      balance (bithuman sandbox serve --credits N).",
        }}),
    )
}

/// `GET /v1/usage?limit&offset&start&end&agent_code`: newest first.
pub(crate) fn usage(shared: &Shared, req: &Req<'_>, _: &[&str]) -> Response {
    let page = match Page::of(req, 50, 200) {
        Ok(page) => page,
        Err(refused) => return *refused,
    };
    let mut bounds = [i64::MIN, i64::MAX];
    for (bound, name) in bounds.iter_mut().zip(["start", "end"]) {
        if let Some(text) = query_param(req.query, name).filter(|t| !t.is_empty()) {
            match parse_time(&text) {
                Some(ms) => *bound = ms,
                None => {
                    return error(
                        400,
                        "VALIDATION_ERROR",
                        format!("Invalid {name}: must be an ISO-8601 date or date-time"),
                    );
                }
            }
        }
    }
    let agent = query_param(req.query, "agent_code").filter(|a| !a.is_empty());
    let rows = match shared.read(|books| books.rows(now_ms())) {
        Ok(rows) => rows,
        Err(e) => return *Refused::from(e),
    };
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| {
            let at = i64::try_from(r.created_ms).unwrap_or(i64::MAX);
            at >= bounds[0]
                && at <= bounds[1]
                && agent.as_deref().is_none_or(|a| r.charge.agent_code == a)
        })
        .collect();
    page.answer(rows.iter().map(|r| {
        let c = &r.charge;
        json!({
            "id": r.id,
            "activity_type": c.activity_type,
            "pricing_code": c.pricing_code,
            "source": "api",
            "pricing_code_meaning": c.meaning,
            "app": "sandbox",
            "agent_code": c.agent_code,
            "credits_change": r.credits_change,
            "frames_rendered": c.frames_rendered.filter(|_| !r.refund),
            "room_name": null,
            "start_time": c.start_ms.map(rfc3339),
            "end_time": c.end_ms.map(rfc3339),
            "created_at": rfc3339(r.created_ms),
        })
    }))
}

/// `GET /topup`: where a `402`'s `topup_url` leads.
pub(crate) fn topup(_: &Shared, _: &Req<'_>, _: &[&str]) -> Response {
    let mut response = Response::new(Body::from(
        "BITHUMAN SANDBOX PLACEHOLDER\nThe bitHuman sandbox sells no credits: restart it with a \
         larger balance (bithuman sandbox serve --credits N).\n",
    ));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
