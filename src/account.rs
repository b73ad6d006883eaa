//! Managing agents and the account: list (paged), update, delete, the
//! account's balance, the price list and the usage history, and pricing a
//! job before it is submitted (the budget guard).

use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Method, ReqBody, Request};
use crate::ids::encode_id;
use crate::media::StreamBody;
use serde_json::{Value, json};
use std::hash::BuildHasher;

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

/// The most pages one listing reads: past it, a server that always has
/// more is taken to be broken, and the listing stops with a warning.
pub const MAX_PAGES: u64 = 10_000;

/// Why a listing stopped before the server said it was complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PagingStop {
    /// A page the same as one already read.
    RepeatedPage,
    /// A page of items that were all listed already.
    RepeatedItems,
    /// [`MAX_PAGES`] pages were read and the server still had more.
    PageCap,
}

impl std::fmt::Display for PagingStop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::RepeatedPage => f.write_str("the server sent a page it had already sent"),
            Self::RepeatedItems => f.write_str("the server sent only items it had already listed"),
            Self::PageCap => write!(f, "the server still had more after {MAX_PAGES} pages"),
        }
    }
}

/// The pages of a listing from `offset` 0, one `fetch(offset)` each: with
/// `all`, on while the server says `has_more` and sends items (its `total`
/// is not trusted to end the listing: a low one would cut it short). An
/// item whose id was listed already is left out of later pages; a repeated
/// page, a page of nothing new, or [`MAX_PAGES`] end the listing, and
/// [`Pages::stopped`] then says why, so a server that always has more can
/// neither loop it forever nor cut it short silently.
pub struct Pages<F> {
    fetch: F,
    all: bool,
    offset: u64,
    read: u64,
    done: bool,
    stopped: Option<PagingStop>,
    // Hashes, not copies: the server chooses how long ids and pages are.
    seen_pages: std::collections::HashSet<u64>,
    seen_items: std::collections::HashSet<u64>,
    hasher: std::collections::hash_map::RandomState,
}

impl<F: FnMut(u64) -> Result<Page>> Pages<F> {
    /// Pages from `fetch`; only the first unless `all`.
    pub fn new(all: bool, fetch: F) -> Self {
        Self {
            fetch,
            all,
            offset: 0,
            read: 0,
            done: false,
            stopped: None,
            seen_pages: Default::default(),
            seen_items: Default::default(),
            hasher: Default::default(),
        }
    }

    /// Why the listing ended early, once the iterator is done.
    pub fn stopped(&self) -> Option<PagingStop> {
        self.stopped
    }

    fn stop(&mut self, why: PagingStop) -> Option<Result<Page>> {
        self.done = true;
        self.stopped = Some(why);
        None
    }

    // An item's identity: its id when it has one, else all of it.
    fn item_hash(&self, item: &Value) -> u64 {
        let id = ["agent_id", "code", "id", "job_id"]
            .iter()
            .find_map(|k| item.get(*k).filter(|v| v.is_string() || v.is_number()));
        match id {
            Some(id) => self.hasher.hash_one(("id", id.to_string())),
            None => self.hasher.hash_one(("item", item.to_string())),
        }
    }
}

impl<F: FnMut(u64) -> Result<Page>> Iterator for Pages<F> {
    type Item = Result<Page>;

    fn next(&mut self) -> Option<Result<Page>> {
        if self.done {
            return None;
        }
        if self.read == MAX_PAGES {
            return self.stop(PagingStop::PageCap);
        }
        let mut page = match (self.fetch)(self.offset) {
            Ok(page) => page,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        self.read += 1;
        let got = page.items.len() as u64;
        self.offset = self.offset.saturating_add(got);
        let page_hash = self
            .hasher
            .hash_one(serde_json::to_string(&page.items).unwrap_or_default());
        if !self.seen_pages.insert(page_hash) && got > 0 {
            return self.stop(PagingStop::RepeatedPage);
        }
        let hashes: Vec<u64> = page.items.iter().map(|i| self.item_hash(i)).collect();
        let keep: Vec<bool> = hashes
            .into_iter()
            .map(|h| self.seen_items.insert(h))
            .collect();
        if got > 0 && !keep.contains(&true) {
            return self.stop(PagingStop::RepeatedItems);
        }
        let mut keep = keep.into_iter();
        page.items.retain(|_| keep.next().unwrap_or(false));
        self.done = !self.all || !page.has_more || got == 0;
        Some(Ok(page))
    }
}

impl Client {
    async fn get_json(&self, path: &str, query: &[(&str, &str)]) -> Result<Value> {
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
            .await
    }

    async fn send_json(&self, method: Method, path: &str, body: Option<&Value>) -> Result<Value> {
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
            .await
    }

    async fn page(&self, path: &str, query: &[(&str, &str)]) -> Result<Page> {
        let v = self.get_json(path, query).await?;
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
    pub async fn list_agents(&self, status: Option<&str>, limit: u32, offset: u64) -> Result<Page> {
        let (limit, offset) = (limit.to_string(), offset.to_string());
        let mut query = vec![("limit", limit.as_str()), ("offset", offset.as_str())];
        if let Some(s) = status {
            query.push(("status", s));
        }
        self.page("/v1/agents", &query).await
    }

    /// `POST /v1/agent/{id}` with a new system prompt.
    pub async fn update_agent(&self, id: &str, system_prompt: &str) -> Result<Value> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        self.send_json(
            Method::POST,
            &path,
            Some(&json!({ "system_prompt": system_prompt })),
        )
        .await
    }

    /// `DELETE /v1/agent/{id}`.
    pub async fn delete_agent(&self, id: &str) -> Result<Value> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        self.send_json(Method::DELETE, &path, None).await
    }

    /// `GET /v1/me`: the account (plan, balances, status), its `data` object.
    pub async fn account(&self) -> Result<Value> {
        data_object(self.get_json("/v1/me", &[]).await?, "/v1/me")
    }

    /// `GET /v1/pricing`.
    pub async fn pricing(&self) -> Result<Pricing> {
        data_object(self.get_json("/v1/pricing", &[]).await?, "/v1/pricing").map(Pricing)
    }

    /// `GET /v1/usage`: one page of the credit history.
    pub async fn usage(&self, q: &UsageQuery, limit: u32, offset: u64) -> Result<Page> {
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
        self.page("/v1/usage", &query).await
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

/// The highest price (credits, or credits a minute) believed: a price list
/// asking more is broken or hostile, and what it prices is unpriceable.
pub const MAX_PRICE: u64 = 1_000_000_000;

/// The minutes a video of `length` is billed for: rounded up (a second
/// over a minute is two), at least one.
pub fn billed_minutes(length: std::time::Duration) -> u64 {
    let minutes = length.as_nanos().div_ceil(60_000_000_000);
    u64::try_from(minutes).unwrap_or(u64::MAX).max(1)
}

/// `so_far + price`, or `None` when the sum would overflow: a budget adds
/// prices with this, so a huge price can never wrap to a small total.
pub fn add_credits(so_far: u64, price: u64) -> Option<u64> {
    so_far.checked_add(price)
}

impl Pricing {
    // A price from the list: a whole number from 0 to MAX_PRICE. Anything
    // else (negative, fractional, huge, not a number) prices nothing, so a
    // budget check fails closed.
    fn number(&self, pointer: &str) -> Option<u64> {
        let v = self.0.pointer(pointer)?;
        let n = match v.as_u64() {
            Some(n) => n,
            None => {
                let f = v.as_f64()?;
                if !(f.is_finite() && f >= 0.0 && f.fract() == 0.0 && f <= MAX_PRICE as f64) {
                    return None;
                }
                // Whole and in range: the conversion is exact.
                f as u64
            }
        };
        (n <= MAX_PRICE).then_some(n)
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
    /// 2-minute maximum when the length is not known; `None` when the
    /// product overflows.
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
            credits: rate.checked_mul(m)?,
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
    fn absurd_prices_and_overflow_price_nothing() {
        for rate in [
            json!(9_223_372_036_854_775_809u64),
            json!(u64::MAX),
            json!(MAX_PRICE + 1),
            json!(-2),
            json!(2.5),
            json!(1e300),
            json!("2"),
        ] {
            let p = Pricing(json!({
                "agent_generation": {"by_model": {"essence-1": rate}},
                "talking_video": {"rates": {"essence-1": rate}},
                "dynamics_generation": {"flat": rate}
            }));
            assert_eq!(p.video("essence-1", None), None, "{rate}");
            assert_eq!(p.video("essence-1", Some(3)), None, "{rate}");
            assert_eq!(p.agent("essence-1"), None, "{rate}");
            assert_eq!(p.dynamics(), None, "{rate}");
        }
        let p = Pricing(json!({"talking_video": {"rates": {"essence-1": MAX_PRICE}}}));
        assert_eq!(p.video("essence-1", Some(u64::MAX / 2)), None);
        assert_eq!(
            p.video("essence-1", Some(3)).map(|p| p.credits),
            Some(3 * MAX_PRICE)
        );
        let p = Pricing(json!({"talking_video": {"rates": {"essence-1": 4.0}}}));
        assert_eq!(p.video("essence-1", None).map(|p| p.credits), Some(8));
        assert_eq!(add_credits(u64::MAX - 1, 2), None);
        let secs = std::time::Duration::from_secs_f64;
        assert_eq!(
            [
                secs(0.0),
                secs(59.9),
                secs(60.0),
                secs(60.001),
                secs(3600.0)
            ]
            .map(billed_minutes),
            [1, 1, 1, 2, 60]
        );
        assert_eq!(add_credits(3, 4), Some(7));
    }

    fn agents(ids: std::ops::Range<u64>) -> Vec<Value> {
        ids.map(|i| json!({"agent_id": format!("A{i}")})).collect()
    }

    // Reads every page of `fetch`: the agent ids listed, the requests made,
    // and why the listing stopped early.
    fn list_all(mut fetch: impl FnMut(u64) -> Page) -> (Vec<String>, u64, Option<PagingStop>) {
        let mut calls = 0;
        let mut pages = Pages::new(true, |offset| {
            calls += 1;
            Ok(fetch(offset))
        });
        let mut ids = Vec::new();
        for page in &mut pages {
            for item in page.expect("page").items {
                ids.push(item["agent_id"].as_str().unwrap_or("?").to_string());
            }
        }
        let stopped = pages.stopped();
        (ids, calls, stopped)
    }

    #[test]
    fn paging_stops_on_repeats_and_at_the_page_cap_and_trusts_has_more_over_total() {
        // The same page forever.
        let (ids, calls, stopped) = list_all(|_| Page {
            items: agents(0..2),
            total: None,
            has_more: true,
        });
        assert_eq!(
            (ids.len(), calls, stopped),
            (2, 2, Some(PagingStop::RepeatedPage))
        );
        // Pages that shift but bring nothing new.
        let (ids, _, stopped) = list_all(|offset| Page {
            items: agents(offset % 3..offset % 3 + 2),
            total: None,
            has_more: true,
        });
        assert_eq!(ids, ["A0", "A1", "A2", "A3"]);
        assert_eq!(stopped, Some(PagingStop::RepeatedItems));
        // New ids forever: the page cap.
        let (ids, calls, stopped) = list_all(|offset| Page {
            items: agents(offset..offset + 1),
            total: Some(1),
            has_more: true,
        });
        assert_eq!((calls, stopped), (MAX_PAGES, Some(PagingStop::PageCap)));
        assert_eq!(ids.len() as u64, MAX_PAGES);
        // A low total and short pages do not end a listing that has more.
        let (ids, calls, stopped) = list_all(|offset| Page {
            items: agents(offset..(offset + 2).min(5)),
            total: Some(2),
            has_more: offset + 2 < 5,
        });
        assert_eq!((ids.len(), calls, stopped), (5, 3, None));
    }
}
