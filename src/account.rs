//! Managing agents and the account: list (paged), update, delete, the
//! account's balance, the price list and the usage history, and pricing a
//! job before it is submitted (the budget guard).

pub use crate::answers::{
    Account, AgentChange, AgentPrices, AgentSummary, FlatPrice, Pricing, UsageRow, VideoRates,
};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::http::{Method, ReqBody, Request};
use crate::ids::encode_id;
use crate::media::StreamBody;
use futures_util::Stream;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::hash::BuildHasher;

/// One page of a listing: the items the server sent, typed.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Page<T = Value> {
    /// The items (those that were objects; see [`Page::skipped`]).
    pub items: Vec<T>,
    /// `pagination.total`, when sent.
    pub total: Option<u64>,
    /// `pagination.has_more`.
    pub has_more: bool,
    /// Items the server sent that were not objects, left out of `items`
    /// (they still count towards the next page's offset).
    pub skipped: u64,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            total: None,
            has_more: false,
            skipped: 0,
        }
    }
}

impl<T> Page<T> {
    /// A page of `items`; `has_more` says whether the server has more.
    pub fn new(items: Vec<T>, total: Option<u64>, has_more: bool) -> Self {
        Self {
            items,
            total,
            has_more,
            skipped: 0,
        }
    }

    // How many items the server sent: the next page starts this far on.
    fn sent(&self) -> u64 {
        (self.items.len() as u64).saturating_add(self.skipped)
    }
}

/// Which agents `GET /v1/agents` lists, and how many a page.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AgentQuery {
    /// Only agents with this `status` (e.g. `ready`); all when `None`.
    pub status: Option<String>,
    /// Agents a page (the API takes 1–100).
    pub limit: u32,
}

impl Default for AgentQuery {
    fn default() -> Self {
        Self::new()
    }
}

impl AgentQuery {
    /// Every agent, 20 a page.
    pub fn new() -> Self {
        Self {
            status: None,
            limit: 20,
        }
    }

    /// Only agents with `status`.
    pub fn status(mut self, status: impl Into<String>) -> Self {
        self.status = Some(status.into());
        self
    }

    /// `limit` agents a page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = limit;
        self
    }
}

/// Filters of the usage history, and how many rows a page.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct UsageQuery {
    /// `start` (ISO 8601).
    pub start: Option<String>,
    /// `end` (ISO 8601).
    pub end: Option<String>,
    /// `agent_code`.
    pub agent: Option<String>,
    /// Rows a page (the API takes 1–100).
    pub limit: u32,
}

impl Default for UsageQuery {
    fn default() -> Self {
        Self::new()
    }
}

impl UsageQuery {
    /// All the history, 20 rows a page.
    pub fn new() -> Self {
        Self {
            start: None,
            end: None,
            agent: None,
            limit: 20,
        }
    }

    /// Rows from `start` (ISO 8601) on.
    pub fn start(mut self, start: impl Into<String>) -> Self {
        self.start = Some(start.into());
        self
    }

    /// Rows up to `end` (ISO 8601).
    pub fn end(mut self, end: impl Into<String>) -> Self {
        self.end = Some(end.into());
        self
    }

    /// Only the rows of agent `code`.
    pub fn agent(mut self, code: impl Into<String>) -> Self {
        self.agent = Some(code.into());
        self
    }

    /// `limit` rows a page.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = limit;
        self
    }
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

// The paging rules every listing follows, apart from how a page is
// fetched (blocking [`Pages`] and the async [`Listing`] share them): on
// while the server says `has_more` and sends items (its `total` is not
// trusted to end the listing: a low one would cut it short); an item whose
// id was listed already is left out of later pages; a repeated page, a page
// of nothing new, or [`MAX_PAGES`] end the listing with a [`PagingStop`].
struct Paging {
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

impl Paging {
    fn new(all: bool) -> Self {
        Self {
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

    // The offset of the next page to fetch, or `None` when the listing is over.
    fn next_offset(&mut self) -> Option<u64> {
        if self.done {
            return None;
        }
        if self.read == MAX_PAGES {
            self.stop(PagingStop::PageCap);
            return None;
        }
        Some(self.offset)
    }

    fn stop(&mut self, why: PagingStop) {
        self.done = true;
        self.stopped = Some(why);
    }

    // Takes a fetched page: drops the items listed already, and says
    // whether the page is to be shown (false: the listing stopped on it).
    fn accept<T: serde::Serialize>(&mut self, page: &mut Page<T>) -> bool {
        self.read += 1;
        let got = page.sent();
        self.offset = self.offset.saturating_add(got);
        let items: Vec<Value> = page
            .items
            .iter()
            .map(|i| serde_json::to_value(i).unwrap_or_default())
            .collect();
        let page_hash = self
            .hasher
            .hash_one(serde_json::to_string(&items).unwrap_or_default());
        if !self.seen_pages.insert(page_hash) && got > 0 {
            self.stop(PagingStop::RepeatedPage);
            return false;
        }
        let keep: Vec<bool> = items
            .iter()
            .map(|i| self.seen_items.insert(self.item_hash(i)))
            .collect();
        if got > 0 && !keep.contains(&true) {
            self.stop(PagingStop::RepeatedItems);
            return false;
        }
        let mut keep = keep.into_iter();
        page.items.retain(|_| keep.next().unwrap_or(false));
        self.done = !self.all || !page.has_more || got == 0;
        true
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

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// The pages of a listing from `offset` 0, one `fetch(offset)` each: with
/// `all`, on while the server says `has_more` and sends items (its `total`
/// is not trusted to end the listing: a low one would cut it short). An
/// item whose id was listed already is left out of later pages; a repeated
/// page, a page of nothing new, or [`MAX_PAGES`] end the listing, and
/// [`Pages::stopped`] then says why, so a server that always has more can
/// neither loop it forever nor cut it short silently.
///
/// For every item of a listing without pages, see [`Client::agents`] and
/// [`Client::usage_rows`].
pub struct Pages<F> {
    fetch: F,
    paging: Paging,
}

impl<F> Pages<F> {
    /// Pages from `fetch`; only the first unless `all`.
    pub fn new(all: bool, fetch: F) -> Self {
        Self {
            fetch,
            paging: Paging::new(all),
        }
    }

    /// Why the listing ended early, once the iterator is done.
    pub fn stopped(&self) -> Option<PagingStop> {
        self.paging.stopped
    }
}

impl<T: serde::Serialize, F: FnMut(u64) -> Result<Page<T>>> Iterator for Pages<F> {
    type Item = Result<Page<T>>;

    fn next(&mut self) -> Option<Result<Page<T>>> {
        let offset = self.paging.next_offset()?;
        match (self.fetch)(offset) {
            Ok(mut page) => self.paging.accept(&mut page).then_some(Ok(page)),
            Err(e) => {
                self.paging.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Every item of a listing, page after page, as a [`Stream`]: from
/// [`Client::agents`] and [`Client::usage_rows`] (the blocking client's
/// `agents` and `usage_rows` iterate over one). It reads on while the
/// server says it has more (its `total` is not trusted to end the list);
/// an item listed already is left out; a repeated page, a page of nothing
/// new, or [`MAX_PAGES`] pages end it, and [`Listing::stopped`] then says
/// why. A failed page is the stream's last item.
pub struct Listing<'a, T> {
    items: std::pin::Pin<Box<dyn Stream<Item = Result<T>> + Send + 'a>>,
    stopped: std::sync::Arc<std::sync::OnceLock<PagingStop>>,
}

impl<T> Listing<'_, T> {
    /// Why the listing ended before the server said it was complete, once
    /// the stream has ended.
    pub fn stopped(&self) -> Option<PagingStop> {
        self.stopped.get().copied()
    }
}

impl<T> Stream for Listing<'_, T> {
    type Item = Result<T>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<T>>> {
        self.items.as_mut().poll_next(cx)
    }
}

// What a listing stream carries from one item to the next.
struct ListState<'a, T> {
    client: &'a Client,
    path: &'static str,
    query: Vec<(&'static str, String)>,
    paging: Paging,
    ready: std::collections::VecDeque<T>,
    stopped: std::sync::Arc<std::sync::OnceLock<PagingStop>>,
}

impl<'a, T> Listing<'a, T>
where
    T: serde::Serialize + DeserializeOwned + Send + 'a,
{
    fn new(client: &'a Client, path: &'static str, query: Vec<(&'static str, String)>) -> Self {
        let stopped = std::sync::Arc::new(std::sync::OnceLock::new());
        let state = ListState {
            client,
            path,
            query,
            paging: Paging::new(true),
            ready: Default::default(),
            stopped: stopped.clone(),
        };
        let items = futures_util::stream::unfold(state, |mut state| async move {
            let item = state.next().await?;
            Some((item, state))
        });
        Self {
            items: Box::pin(items),
            stopped,
        }
    }
}

impl<T: serde::Serialize + DeserializeOwned> ListState<'_, T> {
    // The next item: a ready one, or the first of the next page with any.
    async fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(Ok(item));
            }
            let Some(offset) = self.paging.next_offset() else {
                if let Some(why) = self.paging.stopped {
                    let _ = self.stopped.set(why);
                }
                return None;
            };
            match self.client.page_at(self.path, &self.query, offset).await {
                Ok(mut page) => {
                    if self.paging.accept(&mut page) {
                        self.ready.extend(page.items);
                    }
                }
                Err(e) => {
                    self.paging.done = true;
                    return Some(Err(e));
                }
            }
        }
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

    async fn page<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<Page<T>> {
        let mut v = self.get_json(path, query).await?;
        let sent = match v.get_mut("data").map(Value::take) {
            Some(Value::Array(a)) => a,
            _ => {
                return Err(Error::Parse {
                    request: format!("GET {path}"),
                    status: 200,
                    message: "no data list in the answer".into(),
                });
            }
        };
        let mut page = Page::default();
        for item in sent {
            // Any object reads as a typed item; anything else is no item.
            match serde_json::from_value(item) {
                Ok(item) => page.items.push(item),
                Err(_) => page.skipped += 1,
            }
        }
        let pagination = v.get("pagination");
        page.total = pagination
            .and_then(|p| p.get("total"))
            .and_then(Value::as_u64);
        page.has_more = pagination
            .and_then(|p| p.get("has_more"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        Ok(page)
    }

    // One page of `path` from `offset`.
    async fn page_at<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        offset: u64,
    ) -> Result<Page<T>> {
        let offset = offset.to_string();
        let mut query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
        query.push(("offset", &offset));
        self.page(path, &query).await
    }

    fn agent_query(q: &AgentQuery) -> Vec<(&'static str, String)> {
        let mut query = vec![("limit", q.limit.to_string())];
        if let Some(s) = &q.status {
            query.push(("status", s.clone()));
        }
        query
    }

    fn usage_query(q: &UsageQuery) -> Vec<(&'static str, String)> {
        let mut query = vec![("limit", q.limit.to_string())];
        for (k, v) in [
            ("start", &q.start),
            ("end", &q.end),
            ("agent_code", &q.agent),
        ] {
            if let Some(v) = v {
                query.push((k, v.clone()));
            }
        }
        query
    }

    /// `GET /v1/agents`: one page from `offset`, newest first. For every
    /// agent, see [`Client::agents`].
    pub async fn list_agents(&self, q: &AgentQuery, offset: u64) -> Result<Page<AgentSummary>> {
        self.page_at("/v1/agents", &Self::agent_query(q), offset)
            .await
    }

    /// Every agent `q` selects, newest first, page after page
    /// (`q.limit` a page).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    ///
    /// # async fn run(client: &bithuman::Client) -> Result<(), bithuman::Error> {
    /// let query = bithuman::AgentQuery::new().status("ready");
    /// let mut agents = client.agents(&query);
    /// while let Some(agent) = agents.try_next().await? {
    ///     println!("{} {:?}", agent.id().unwrap_or("?"), agent.name);
    /// }
    /// if let Some(why) = agents.stopped() {
    ///     eprintln!("the list may be incomplete: {why}");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn agents(&self, q: &AgentQuery) -> Listing<'_, AgentSummary> {
        Listing::new(self, "/v1/agents", Self::agent_query(q))
    }

    /// `POST /v1/agent/{id}` with a new system prompt.
    pub async fn update_agent(&self, id: &str, system_prompt: &str) -> Result<AgentChange> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        let answer = self
            .send_json(
                Method::POST,
                &path,
                Some(&json!({ "system_prompt": system_prompt })),
            )
            .await?;
        Ok(change(answer))
    }

    /// `DELETE /v1/agent/{id}`.
    pub async fn delete_agent(&self, id: &str) -> Result<AgentChange> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        Ok(change(self.send_json(Method::DELETE, &path, None).await?))
    }

    /// `GET /v1/me`: the account (plan, balances, status).
    pub async fn account(&self) -> Result<Account> {
        data_object(self.get_json("/v1/me", &[]).await?, "/v1/me").map(Account::from)
    }

    /// `GET /v1/pricing`.
    pub async fn pricing(&self) -> Result<Pricing> {
        data_object(self.get_json("/v1/pricing", &[]).await?, "/v1/pricing").map(Pricing::from)
    }

    /// `GET /v1/usage`: one page of the credit history from `offset`. For
    /// every row, see [`Client::usage_rows`].
    pub async fn usage(&self, q: &UsageQuery, offset: u64) -> Result<Page<UsageRow>> {
        self.page_at("/v1/usage", &Self::usage_query(q), offset)
            .await
    }

    /// Every row of the credit history `q` selects, newest first, page after
    /// page (`q.limit` a page).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    ///
    /// # async fn run(client: &bithuman::Client) -> Result<(), bithuman::Error> {
    /// let query = bithuman::UsageQuery::new().start("2026-12-01T00:00:00Z");
    /// let rows: Vec<bithuman::UsageRow> = client.usage_rows(&query).try_collect().await?;
    /// let spent: f64 = rows.iter().filter_map(|r| r.credits_change.as_ref()?.as_f64()).sum();
    /// println!("{} rows, {spent:+} credits", rows.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn usage_rows(&self, q: &UsageQuery) -> Listing<'_, UsageRow> {
        Listing::new(self, "/v1/usage", Self::usage_query(q))
    }
}

// An update's or deletion's answer: its `data` object when it has one
// (some answers wrap it), else the answer itself.
fn change(answer: Value) -> AgentChange {
    let fields = match answer {
        Value::Object(mut top) => match top.remove("data") {
            Some(Value::Object(data)) => data,
            Some(other) => {
                top.insert("data".into(), other);
                top
            }
            None => top,
        },
        _ => serde_json::Map::new(),
    };
    AgentChange::from(fields)
}

fn data_object(mut v: Value, path: &str) -> Result<serde_json::Map<String, Value>> {
    match v.get_mut("data").map(Value::take) {
        Some(Value::Object(d)) => Ok(d),
        _ => Err(Error::Parse {
            request: format!("GET {path}"),
            status: 200,
            message: "no data object in the answer".into(),
        }),
    }
}

/// What a job will cost, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Price {
    /// Credits.
    pub credits: u64,
    /// How it was priced, in words.
    pub basis: String,
}

/// The longest talking video, in minutes: an unknown length is priced at it.
pub const MAX_VIDEO_MINUTES: u64 = 2;

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// The highest price (credits, or credits a minute) believed: a price list
/// asking more is broken or hostile, and what it prices is unpriceable.
pub const MAX_PRICE: u64 = 1_000_000_000;

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// The minutes a video of `length` is billed for: rounded up (a second
/// over a minute is two), at least one.
pub fn billed_minutes(length: std::time::Duration) -> u64 {
    let minutes = length.as_nanos().div_ceil(60_000_000_000);
    u64::try_from(minutes).unwrap_or(u64::MAX).max(1)
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// `so_far + price`, or `None` when the sum would overflow: a budget adds
/// prices with this, so a huge price can never wrap to a small total.
pub fn add_credits(so_far: u64, price: u64) -> Option<u64> {
    so_far.checked_add(price)
}

impl Pricing {
    // A price from the list: a whole number from 0 to MAX_PRICE. Anything
    // else (negative, fractional, huge, not a number) prices nothing, so a
    // budget check fails closed.
    fn number(v: &Value) -> Option<u64> {
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
        let by_model = self.agent_generation.as_ref()?.by_model.as_ref()?;
        let credits = Self::number(by_model.get(model)?)?;
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
        let rates = self.talking_video.as_ref()?.rates.as_ref()?;
        let rate = Self::number(rates.get(model)?)?;
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
            credits: Self::number(&Value::Number(
                self.dynamics_generation.as_ref()?.flat.clone()?,
            ))?,
            basis: "gestures (flat)".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn priced(v: Value) -> Pricing {
        serde_json::from_value(v).expect("an object")
    }

    fn pricing() -> Pricing {
        priced(json!({
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
            let p = priced(json!({
                "agent_generation": {"by_model": {"essence-1": rate}},
                "talking_video": {"rates": {"essence-1": rate}},
                "dynamics_generation": {"flat": rate}
            }));
            assert_eq!(p.video("essence-1", None), None, "{rate}");
            assert_eq!(p.video("essence-1", Some(3)), None, "{rate}");
            assert_eq!(p.agent("essence-1"), None, "{rate}");
            assert_eq!(p.dynamics(), None, "{rate}");
        }
        let p = priced(json!({"talking_video": {"rates": {"essence-1": MAX_PRICE}}}));
        assert_eq!(p.video("essence-1", Some(u64::MAX / 2)), None);
        assert_eq!(
            p.video("essence-1", Some(3)).map(|p| p.credits),
            Some(3 * MAX_PRICE)
        );
        let p = priced(json!({"talking_video": {"rates": {"essence-1": 4.0}}}));
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
        let (ids, calls, stopped) = list_all(|_| Page::new(agents(0..2), None, true));
        assert_eq!(
            (ids.len(), calls, stopped),
            (2, 2, Some(PagingStop::RepeatedPage))
        );
        // Pages that shift but bring nothing new.
        let (ids, _, stopped) =
            list_all(|offset| Page::new(agents(offset % 3..offset % 3 + 2), None, true));
        assert_eq!(ids, ["A0", "A1", "A2", "A3"]);
        assert_eq!(stopped, Some(PagingStop::RepeatedItems));
        // New ids forever: the page cap.
        let (ids, calls, stopped) =
            list_all(|offset| Page::new(agents(offset..offset + 1), Some(1), true));
        assert_eq!((calls, stopped), (MAX_PAGES, Some(PagingStop::PageCap)));
        assert_eq!(ids.len() as u64, MAX_PAGES);
        // A low total and short pages do not end a listing that has more.
        let (ids, calls, stopped) = list_all(|offset| {
            Page::new(agents(offset..(offset + 2).min(5)), Some(2), offset + 2 < 5)
        });
        assert_eq!((ids.len(), calls, stopped), (5, 3, None));
    }
}
