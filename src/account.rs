//! Managing agents and the account: list (paged), update, delete, the
//! account's balance, the price list and the usage history, and pricing a
//! job before it is submitted (the budget guard).

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Method, ReqBody, Request};
use crate::ids::encode_id;
use crate::media::StreamBody;
use serde_json::{Value, json};

/// One page of a listing.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// The items, as the server sent them.
    pub items: Vec<Value>,
    /// `pagination.total`, when sent.
    pub total: Option<u64>,
    /// `pagination.has_more`.
    pub has_more: bool,
}

/// Filters of the usage history.
#[derive(Clone, Debug, Default)]
pub struct UsageQuery {
    /// `start` (ISO 8601).
    pub start: Option<String>,
    /// `end` (ISO 8601).
    pub end: Option<String>,
    /// `agent_code`.
    pub agent: Option<String>,
}

/// Pages through a listing from `offset` 0: `fetch(offset)` gets one page,
/// `on_page` hears each. Goes on while `has_more` and `all`, and stops anyway
/// at an empty or short page or once the offset reaches `total`, so a server
/// that always says `has_more` cannot loop it forever.
pub fn paginate(
    limit: u32,
    all: bool,
    mut fetch: impl FnMut(u64) -> Result<Page>,
    mut on_page: impl FnMut(&Page) -> Result<()>,
) -> Result<()> {
    let mut offset = 0u64;
    loop {
        let page = fetch(offset)?;
        on_page(&page)?;
        let got = page.items.len() as u64;
        offset += got;
        let short = got < u64::from(limit);
        let past_total = page.total.is_some_and(|t| offset >= t);
        if !all || !page.has_more || got == 0 || short || past_total {
            return Ok(());
        }
    }
}

impl Client {
    fn get_json(&self, path: &str, query: &[(&str, &str)]) -> Result<Value> {
        let req = Request {
            method: Method::GET,
            path,
            query,
            body: ReqBody::None,
            idempotency_key: None,
            timeout: None,
        };
        self.http()
            .send(&req, self.one_shot(), |answer| answer.json())
    }

    fn send_json(&self, method: Method, path: &str, body: Option<&Value>) -> Result<Value> {
        let req = Request {
            method,
            path,
            query: &[],
            body: body.map_or(ReqBody::None, |b| {
                ReqBody::Stream(StreamBody::json(b), None)
            }),
            idempotency_key: None,
            timeout: None,
        };
        self.http()
            .send(&req, self.one_shot(), |answer| answer.json())
    }

    fn page(&self, path: &str, query: &[(&str, &str)]) -> Result<Page> {
        let v = self.get_json(path, query)?;
        let items = match v.get("data") {
            Some(Value::Array(a)) => a.clone(),
            _ => {
                return Err(Error::Parse {
                    request: format!("GET {path}"),
                    status: 200,
                    message: "no data list in the answer".into(),
                });
            }
        };
        let pagination = v.get("pagination");
        Ok(Page {
            items,
            total: pagination
                .and_then(|p| p.get("total"))
                .and_then(Value::as_u64),
            has_more: pagination
                .and_then(|p| p.get("has_more"))
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    /// `GET /v1/agents`: one page, newest first.
    pub fn list_agents(&self, status: Option<&str>, limit: u32, offset: u64) -> Result<Page> {
        let (limit, offset) = (limit.to_string(), offset.to_string());
        let mut query = vec![("limit", limit.as_str()), ("offset", offset.as_str())];
        if let Some(s) = status {
            query.push(("status", s));
        }
        self.page("/v1/agents", &query)
    }

    /// `POST /v1/agent/{id}` with a new system prompt.
    pub fn update_agent(&self, id: &str, system_prompt: &str) -> Result<Value> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        self.send_json(
            Method::POST,
            &path,
            Some(&json!({ "system_prompt": system_prompt })),
        )
    }

    /// `DELETE /v1/agent/{id}`.
    pub fn delete_agent(&self, id: &str) -> Result<Value> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        self.send_json(Method::DELETE, &path, None)
    }

    /// `GET /v1/me`: the account (plan, balances, status), its `data` object.
    pub fn account(&self) -> Result<Value> {
        data_object(self.get_json("/v1/me", &[])?, "/v1/me")
    }

    /// `GET /v1/pricing`.
    pub fn pricing(&self) -> Result<Pricing> {
        data_object(self.get_json("/v1/pricing", &[])?, "/v1/pricing").map(Pricing)
    }

    /// `GET /v1/usage`: one page of the credit history.
    pub fn usage(&self, q: &UsageQuery, limit: u32, offset: u64) -> Result<Page> {
        let (limit, offset) = (limit.to_string(), offset.to_string());
        let mut query = vec![("limit", limit.as_str()), ("offset", offset.as_str())];
        for (k, v) in [
            ("start", &q.start),
            ("end", &q.end),
            ("agent_code", &q.agent),
        ] {
            if let Some(v) = v {
                query.push((k, v));
            }
        }
        self.page("/v1/usage", &query)
    }
}

fn data_object(v: Value, path: &str) -> Result<Value> {
    match v.get("data") {
        Some(d @ Value::Object(_)) => Ok(d.clone()),
        _ => Err(Error::Parse {
            request: format!("GET {path}"),
            status: 200,
            message: "no data object in the answer".into(),
        }),
    }
}

/// The price list (`GET /v1/pricing`'s `data`), and the price of a job.
#[derive(Clone, Debug)]
pub struct Pricing(pub Value);

/// What a job will cost, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Price {
    /// Credits.
    pub credits: u64,
    /// How it was priced, in words.
    pub basis: String,
}

/// The longest talking video, in minutes: an unknown length is priced at it.
pub const MAX_VIDEO_MINUTES: u64 = 2;

impl Pricing {
    fn number(&self, pointer: &str) -> Option<u64> {
        self.0.pointer(pointer).and_then(|v| {
            v.as_u64()
                .or_else(|| v.as_f64().filter(|f| *f >= 0.0).map(|f| f.ceil() as u64))
        })
    }

    /// Creating an agent with `model` (`auto` at its listed worst case).
    pub fn agent(&self, model: &str) -> Option<Price> {
        let credits = self.number(&format!(
            "/agent_generation/by_model/{}",
            pointer_key(model)
        ))?;
        Some(Price {
            credits,
            basis: format!("{model} agent"),
        })
    }

    /// Adding `model` to an agent (the creation price; `expression-1` is free).
    pub fn model_add(&self, model: &str) -> Option<Price> {
        if model == "expression-1" {
            return Some(Price {
                credits: 0,
                basis: "adding expression-1 is free".into(),
            });
        }
        self.agent(model).map(|p| Price {
            credits: p.credits,
            basis: format!("adding {model}"),
        })
    }

    /// A talking video with `model`, `minutes` long (rounded up), or at the
    /// 2-minute maximum when the length is not known.
    pub fn video(&self, model: &str, minutes: Option<u64>) -> Option<Price> {
        let rate = self.number(&format!("/talking_video/rates/{}", pointer_key(model)))?;
        let (m, why) = match minutes {
            Some(m) => (m.max(1), format!("{} min", m.max(1))),
            None => (
                MAX_VIDEO_MINUTES,
                "2 min, the longest a video can be".to_string(),
            ),
        };
        Some(Price {
            credits: rate * m,
            basis: format!("{model} video: {why} × {rate} credits/min"),
        })
    }

    /// Gestures.
    pub fn dynamics(&self) -> Option<Price> {
        Some(Price {
            credits: self.number("/dynamics_generation/flat")?,
            basis: "gestures (flat)".into(),
        })
    }
}

// A JSON-pointer key: `~` and `/` escaped.
fn pointer_key(k: &str) -> String {
    k.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pricing() -> Pricing {
        Pricing(json!({
            "agent_generation": {"by_model": {"essence-1": 250, "essence-2": 500, "expression-2": 2000, "auto": 2000}},
            "talking_video": {"rates": {"essence-1": 2, "essence-2-max": 8}},
            "dynamics_generation": {"flat": 250}
        }))
    }

    #[test]
    fn prices() {
        let p = pricing();
        assert_eq!(p.agent("auto").map(|p| p.credits), Some(2000));
        assert_eq!(p.agent("nope"), None);
        assert_eq!(p.model_add("expression-1").map(|p| p.credits), Some(0));
        assert_eq!(p.model_add("essence-2").map(|p| p.credits), Some(500));
        assert_eq!(p.video("essence-2-max", None).map(|p| p.credits), Some(16));
        assert_eq!(p.video("essence-1", Some(0)).map(|p| p.credits), Some(2));
        assert_eq!(p.dynamics().map(|p| p.credits), Some(250));
    }

    #[test]
    fn paging_stops_on_a_server_that_always_has_more() {
        let mut calls = 0;
        paginate(
            2,
            true,
            |offset| {
                calls += 1;
                let n = if offset >= 6 { 1 } else { 2 };
                Ok(Page {
                    items: vec![Value::Null; n],
                    total: None,
                    has_more: true,
                })
            },
            |_| Ok(()),
        )
        .expect("pages");
        assert_eq!(calls, 4, "stops at the short page");
        let mut calls = 0;
        paginate(
            2,
            true,
            |_| {
                calls += 1;
                Ok(Page {
                    items: vec![Value::Null; 2],
                    total: Some(4),
                    has_more: true,
                })
            },
            |_| Ok(()),
        )
        .expect("pages");
        assert_eq!(calls, 2, "stops at the total");
    }
}
