//! The HTTP layer: one place for the `api-secret` header, timeouts, retries
//! with backoff, `Retry-After`, a redirect policy that never carries the
//! secret to another host, error envelopes, and request logging.

use crate::envelope::parse_error_body;
use crate::error::{ApiError, Error, Result};
use crate::media::StreamBody;
use crate::secret::ApiSecret;
pub(crate) use reqwest::Method;
use reqwest::Url;
use reqwest::header::{HeaderMap, HeaderValue};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

mod cancel;
mod logging;
mod retry;
mod urls;

pub use cancel::Cancel;
pub use logging::elide_base64;
use logging::*;
pub use retry::{parse_retry_after, retry_delay};
use urls::*;
pub use urls::{BaseUrlProblem, check_base_url, is_loopback};

/// Receives one log line (already redacted) per event when verbose.
pub type Logger = Arc<dyn Fn(&str) + Send + Sync>;

/// What an API answer said about the account's rate limits.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct RateInfo {
    /// HTTP status (429 when limited).
    pub status: u16,
    /// `Retry-After`, when sent.
    pub retry_after: Option<Duration>,
    /// `X-RateLimit-Limit`: requests a minute.
    pub limit: Option<u64>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: unix seconds when a slot frees.
    pub reset: Option<u64>,
    /// The server's clock (`Date`), to tell clock skew.
    pub date: Option<std::time::SystemTime>,
}

/// Hears every API answer's rate-limit facts (a batch paces itself by them).
pub type AnswerHook = Arc<dyn Fn(&str, &RateInfo) + Send + Sync>;

/// A pause before a request is tried again, as the client is about to sleep.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Pause {
    /// How long it waits.
    pub delay: Duration,
    /// True when the API said the account is over its rate limit (429).
    pub rate_limited: bool,
    /// The try that comes after the pause (2 for the first retry).
    pub next_try: u32,
    /// Why, in words (the error that is being retried; secret redacted).
    pub reason: String,
}

/// Hears every pause before a retry, so waiting is never silent (SPEC §18).
pub type PauseHook = Arc<dyn Fn(&Pause) + Send + Sync>;

pub use crate::media::Progress;

/// The shortest per-try timeout left to a request near a wait's deadline.
pub const MIN_TRY_TIMEOUT: Duration = Duration::from_secs(1);

/// The largest API answer read; API bodies are small JSON, so anything
/// bigger is a misbehaving server (or a wrong base URL), not data.
pub const MAX_ANSWER_BYTES: u64 = 16 * 1024 * 1024;

/// How many times a request may be tried.
#[derive(Clone, Copy, Debug)]
pub enum Tries {
    /// At most this many tries in all (one-shot commands: 5).
    Bounded(u32),
    /// As many as fit before this instant (inside `wait`).
    Until(Instant),
    /// Keep trying with no bound (a wait with no deadline).
    Forever,
}

/// A request body.
#[derive(Clone)]
pub enum ReqBody {
    /// No body.
    None,
    /// A streamed body (files as base64), rebuilt for every try.
    Stream(StreamBody, Option<Progress>),
}

/// One API request.
pub struct Request<'a> {
    /// HTTP method.
    pub method: Method,
    /// Path below the base URL, already percent-encoded (`/v1/agent/status/A1`).
    pub path: &'a str,
    /// Query pairs.
    pub query: &'a [(&'a str, &'a str)],
    /// Body.
    pub body: ReqBody,
    /// `Idempotency-Key` header (generate).
    pub idempotency_key: Option<&'a str>,
    /// Per-try timeout; the client's default when `None`.
    pub timeout: Option<Duration>,
}

/// A raw answer.
#[derive(Debug)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// Headers.
    pub headers: HeaderMap,
    /// The whole body.
    pub body: Vec<u8>,
    /// "METHOD URL", for messages.
    pub request: String,
}

impl Answer {
    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as JSON, or a parse error naming the request.
    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_slice(&self.body).map_err(|e| Error::Parse {
            request: self.request.clone(),
            status: self.status,
            message: format!("the body is not JSON ({e})"),
        })
    }

    /// A parse error about this answer.
    pub fn unexpected(&self, what: &str) -> Error {
        Error::Parse {
            request: self.request.clone(),
            status: self.status,
            message: what.to_string(),
        }
    }
}

/// Settings of the HTTP layer.
#[derive(Clone)]
pub struct HttpConfig {
    /// API base URL.
    pub base_url: Url,
    /// The secret, sent as `api-secret` to the base URL's host only.
    pub secret: Option<ApiSecret>,
    /// `User-Agent`.
    pub user_agent: String,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Default per-request timeout.
    pub request_timeout: Duration,
    /// First backoff step; doubled on each retry, with full jitter.
    pub backoff_base: Duration,
    /// Largest backoff step.
    pub backoff_cap: Duration,
    /// 0 quiet, 1 request lines, 2 headers and bodies.
    pub verbosity: u8,
    /// Where log lines go.
    pub logger: Option<Logger>,
    /// Set (by a Ctrl-C handler) to stop retry sleeps early.
    pub cancel: Arc<Cancel>,
    /// Hears each answer's path and rate-limit facts.
    pub on_answer: Option<AnswerHook>,
    /// Hears each pause before a retry.
    pub on_pause: Option<PauseHook>,
}

/// The HTTP layer. It is async and owns no runtime: the async `Client`
/// runs on its caller's tokio runtime, the blocking one on its own.
pub struct Http {
    config: HttpConfig,
    // API calls run on an async client: compared with reqwest's blocking
    // client this sends bodies in 256 KiB chunks instead of 8 KiB thread
    // hand-offs (a 100 MiB upload went from 0.25x to 2x curl's speed) and an
    // idle `wait` wakes one thread per poll instead of two.
    api: std::sync::OnceLock<reqwest::Client>,
    // File downloads use a second client: no secret ever, redirects followed
    // anywhere. Built on first use (most commands never download, and a
    // client costs a read of the root certificates).
    files: std::sync::OnceLock<reqwest::Client>,
}

/// reqwest is built without a TLS crypto provider (`rustls-no-provider`):
/// before the first client, *ring*'s is installed as the process default,
/// unless the program using this library installed one of its own.
fn install_crypto_provider() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if rustls::crypto::CryptoProvider::get_default().is_none() {
            // Another thread may win the race; either way one is installed.
            let _ = rustls::crypto::ring::default_provider().install_default();
        }
    });
}

impl Http {
    /// Sets up the HTTP layer; the clients are built on first use: the API
    /// one (secret, same-origin redirects only) and the file one (no secret
    /// ever, normal redirects).
    pub fn new(config: HttpConfig) -> Self {
        Self {
            files: std::sync::OnceLock::new(),
            api: std::sync::OnceLock::new(),
            config,
        }
    }

    fn files(&self) -> Result<&reqwest::Client> {
        if let Some(c) = self.files.get() {
            return Ok(c);
        }
        install_crypto_provider();
        let mut builder = reqwest::Client::builder()
            .user_agent(self.config.user_agent.clone())
            .connect_timeout(self.config.connect_timeout)
            // A signed model URL must not travel to a redirect target in a Referer.
            .referer(false)
            .redirect(reqwest::redirect::Policy::limited(10));
        if is_loopback(&self.config.base_url) {
            builder = builder.no_proxy();
        }
        let client = builder.build().map_err(setup_failed)?;
        Ok(self.files.get_or_init(|| client))
    }

    /// The configuration.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Sends `req`, retrying transient failures within `tries`, and hands
    /// each 2xx answer to `parse`; an unparseable answer is retried like a 5xx.
    pub async fn send<T>(
        &self,
        req: &Request<'_>,
        tries: Tries,
        parse: impl Fn(&Answer) -> Result<T>,
    ) -> Result<T> {
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let mut timeout = req.timeout.unwrap_or(self.config.request_timeout);
            if let Tries::Until(deadline) = tries {
                // Inside a wait a slow try must not run far past the deadline.
                let left = deadline.saturating_duration_since(Instant::now());
                timeout = timeout.min(left.max(MIN_TRY_TIMEOUT));
            }
            let err = match self.once(req, timeout).await {
                Ok(answer) if (200..300).contains(&answer.status) => match parse(&answer) {
                    Ok(v) => return Ok(v),
                    Err(e) => e,
                },
                Ok(answer) => Error::Api(Box::new(api_error(&answer))),
                Err(e) => e,
            };
            if !err.is_transient() {
                return Err(err);
            }
            let retry_after = err.api().and_then(|a| a.retry_after);
            let backoff = self.backoff(attempt);
            let Some(delay) = retry_delay(tries, attempt, retry_after, backoff, Instant::now())
            else {
                return Err(err);
            };
            let of = match tries {
                Tries::Bounded(max) => format!(" of {max}"),
                _ => String::new(),
            };
            self.log(
                1,
                &format!(
                    "  retrying in {:.1}s (try {}{of}) after: {}",
                    delay.as_secs_f64(),
                    attempt + 1,
                    err
                ),
            );
            if let Some(hook) = &self.config.on_pause {
                hook(&Pause {
                    delay,
                    rate_limited: err.api().is_some_and(|a| a.status == 429),
                    next_try: attempt + 1,
                    reason: self.redact(&err.to_string()),
                });
            }
            self.sleep(delay).await?;
        }
    }

    /// Sleeps on the runtime's timer, returning early with
    /// [`Error::Interrupted`] when cancelled.
    pub async fn sleep(&self, total: Duration) -> Result<()> {
        let cancel = &self.config.cancel;
        tokio::select! {
            () = tokio::time::sleep(total) => Ok(()),
            () = cancel.cancelled() => Err(cancel.interrupted()),
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        use rand::RngExt;
        let step = self
            .config
            .backoff_base
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.config.backoff_cap);
        // Full jitter: anywhere between a tenth of the step and the step.
        let ms = step.as_millis() as u64;
        Duration::from_millis(rand::rng().random_range(ms / 10..=ms.max(1)))
    }

    fn url(&self, path: &str, query: &[(&str, &str)]) -> Result<Url> {
        let base = self.config.base_url.as_str().trim_end_matches('/');
        let mut url = Url::parse(&format!("{base}{path}")).map_err(|e| Error::InvalidBaseUrl {
            url: format!("{base}{path}"),
            reason: e.to_string(),
        })?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    async fn once(&self, req: &Request<'_>, timeout: Duration) -> Result<Answer> {
        let url = self.url(req.path, req.query)?;
        let label = format!("{} {}", req.method, shown_url(&url));
        let mut headers = HeaderMap::new();
        headers.insert("accept", HeaderValue::from_static("application/json"));
        if let Some(secret) = &self.config.secret {
            let mut value =
                HeaderValue::from_str(secret.expose()).map_err(|_| Error::HeaderValue {
                    what: "the API secret",
                })?;
            value.set_sensitive(true);
            headers.insert("api-secret", value);
        }
        if let Some(key) = req.idempotency_key {
            let value = HeaderValue::from_str(key).map_err(|_| Error::HeaderValue {
                what: "the idempotency key",
            })?;
            headers.insert("idempotency-key", value);
        }
        if !matches!(req.body, ReqBody::None) {
            headers.insert("content-type", HeaderValue::from_static("application/json"));
        }
        let logged_body = match &req.body {
            _ if self.config.verbosity < 2 => None,
            ReqBody::None => None,
            ReqBody::Stream(body, _) => body.describe().ok(),
        };
        self.log(1, &format!("→ {label}"));
        if self.config.verbosity >= 2 {
            self.log(2, &format!("  user-agent: {}", self.config.user_agent));
            if self.config.secret.is_some() {
                self.log(2, "  api-secret: ***");
            }
            if let Some(key) = req.idempotency_key {
                self.log(2, &format!("  idempotency-key: {key}"));
            }
            if let Some(body) = logged_body {
                self.log(2, &format!("  body: {}", elide_base64(&body)));
            }
        }
        let started = Instant::now();
        let answer = self.exchange(req, url, headers, timeout, &label).await?;
        if let Some(hook) = &self.config.on_answer {
            let number = |h: &str| answer.header(h).and_then(|v| v.trim().parse::<u64>().ok());
            hook(
                req.path,
                &RateInfo {
                    status: answer.status,
                    retry_after: answer.header("retry-after").and_then(parse_retry_after),
                    limit: number("x-ratelimit-limit"),
                    remaining: number("x-ratelimit-remaining"),
                    reset: number("x-ratelimit-reset"),
                    date: answer
                        .header("date")
                        .and_then(|d| httpdate::parse_http_date(d.trim()).ok()),
                },
            );
        }
        if self.config.verbosity >= 1 {
            self.log(
                1,
                &format!(
                    "← {} {} ({} ms){}",
                    answer.status,
                    label,
                    started.elapsed().as_millis(),
                    rate_limit_note(&answer.headers)
                ),
            );
        }
        if self.config.verbosity >= 2 {
            for (name, value) in &answer.headers {
                let shown = if is_sensitive_header(name.as_str()) {
                    "***".to_string()
                } else {
                    crate::sanitize::sanitize_line(value.to_str().unwrap_or("<binary>"))
                };
                self.log(2, &format!("  {name}: {shown}"));
            }
            self.log(2, &format!("  body: {}", describe_answer_body(&answer)));
        }
        if (300..400).contains(&answer.status) {
            // The redirect policy follows same-origin redirects, so one that
            // comes back here points elsewhere (or nowhere).
            return match answer.header("location") {
                Some(location) => {
                    let shown = Url::parse(location)
                        .map(|u| redact_query(&u))
                        .unwrap_or_else(|_| location.to_string());
                    Err(Error::CrossHostRedirect {
                        request: label,
                        location: crate::sanitize::sanitize_line(&shown),
                    })
                }
                None => Err(Error::Api(Box::new(api_error(&answer)))),
            };
        }
        Ok(answer)
    }

    /// Sends one request on the async client (streamed bodies in 256 KiB
    /// chunks with an exact `Content-Length`) and reads the (small) answer.
    async fn exchange(
        &self,
        req: &Request<'_>,
        url: Url,
        mut headers: HeaderMap,
        timeout: Duration,
        label: &str,
    ) -> Result<Answer> {
        let client = self.api()?;
        let mut body_failure = None;
        let body = match &req.body {
            // A bodiless POST still says `Content-Length: 0` (some CDNs answer 411 without it).
            ReqBody::None if req.method == Method::GET => None,
            ReqBody::None => Some(reqwest::Body::from(Vec::new())),
            ReqBody::Stream(body, progress) => {
                headers.insert(
                    reqwest::header::CONTENT_LENGTH,
                    HeaderValue::from(body.content_length()),
                );
                // Files are read and encoded on a producer thread while this
                // one sends; the first chunk is read before connecting.
                let chunks = body
                    .chunks(progress.clone())
                    .map_err(|e| Error::io("cannot read the request body's file", e))?;
                // Kept: reqwest reports a failed body as a failed send, but it
                // is the local file's fault.
                body_failure = Some(chunks.failure());
                Some(reqwest::Body::wrap_stream(chunks))
            }
        };
        let mut request = client
            .request(req.method.clone(), url)
            .timeout(timeout)
            .headers(headers);
        if let Some(body) = body {
            request = request.body(body);
        }
        let cancel = &self.config.cancel;
        let answer = tokio::select! {
            answer = async {
                let response = request.send().await.map_err(|e| network_error(label, e))?;
                read_answer(response, label).await
            } => answer,
            () = cancel.cancelled() => Err(cancel.interrupted()),
        };
        // A body that could not be read (a file that changed while being
        // sent) is a local problem, not the network's.
        let local = body_failure.and_then(|f| f.take());
        match (answer, local) {
            (Err(Error::Network { .. }), Some(e)) => {
                Err(Error::io("the request body could not be sent", e))
            }
            (answer, _) => answer,
        }
    }

    fn api(&self) -> Result<&reqwest::Client> {
        if let Some(c) = self.api.get() {
            return Ok(c);
        }
        install_crypto_provider();
        let mut builder = reqwest::Client::builder()
            .user_agent(self.config.user_agent.clone())
            .connect_timeout(self.config.connect_timeout)
            .referer(false)
            .redirect(redirect_policy(&self.config.base_url));
        if is_loopback(&self.config.base_url) {
            builder = builder.no_proxy();
            if self.config.base_url.scheme() == "http" {
                builder = builder.tls_certs_only(std::iter::empty());
            }
        }
        let client = builder.build().map_err(setup_failed)?;
        Ok(self.api.get_or_init(|| client))
    }

    /// Opens a file URL (model or video download) without the API secret,
    /// following redirects anywhere. Only `http(s)` URLs are fetched. The
    /// body is then read chunk by chunk with [`FileBody::next_chunk`].
    pub async fn open_file(&self, url: &str, timeout: Option<Duration>) -> Result<FileBody<'_>> {
        let parsed = Url::parse(url).map_err(|e| Error::BadFileUrl {
            url: crate::sanitize::sanitize_line(url),
            reason: e.to_string(),
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Error::BadFileUrl {
                url: redact_query(&parsed),
                reason: format!("scheme {:?} is not http or https", parsed.scheme()),
            });
        }
        let label = format!("GET {}", redact_query(&parsed));
        self.log(1, &format!("→ {label}"));
        let started = Instant::now();
        let client = self.files()?;
        let mut builder = client.get(parsed);
        if let Some(t) = timeout {
            builder = builder.timeout(t);
        }
        let cancel = &self.config.cancel;
        let response = tokio::select! {
            r = builder.send() => r.map_err(|e| network_error(&label, e)),
            () = cancel.cancelled() => Err(cancel.interrupted()),
        }?;
        let status = response.status().as_u16();
        self.log(
            1,
            &format!("← {status} {label} ({} ms)", started.elapsed().as_millis()),
        );
        if (200..300).contains(&status) {
            Ok(FileBody {
                total: response.content_length(),
                response,
                label,
                cancel,
            })
        } else {
            let answer = read_answer(response, &label).await?;
            Err(Error::FileHost(Box::new(api_error(&answer))))
        }
    }

    fn redact(&self, text: &str) -> String {
        match &self.config.secret {
            Some(s) => s.redact(text),
            None => text.to_string(),
        }
    }

    fn log(&self, level: u8, line: &str) {
        if self.config.verbosity >= level
            && let Some(logger) = &self.config.logger
        {
            logger(&self.redact(line));
        }
    }
}

fn answer_too_big(label: &str, status: u16) -> Error {
    Error::Parse {
        request: label.to_string(),
        status,
        message: format!(
            "the answer is larger than {} MiB",
            MAX_ANSWER_BYTES / (1024 * 1024)
        ),
    }
}

/// The body of a file being downloaded, read chunk by chunk.
pub struct FileBody<'a> {
    response: reqwest::Response,
    label: String,
    cancel: &'a Cancel,
    /// `Content-Length`, when the host sent one.
    pub total: Option<u64>,
}

impl FileBody<'_> {
    /// The next chunk; `None` at the end.
    pub async fn next_chunk(&mut self) -> Result<Option<bytes::Bytes>> {
        let (response, label, cancel) = (&mut self.response, &self.label, self.cancel);
        tokio::select! {
            c = response.chunk() => c.map_err(|e| network_error(label, e)),
            () = cancel.cancelled() => Err(cancel.interrupted()),
        }
    }
}

/// Reads an answer's body, never more than [`MAX_ANSWER_BYTES`] whatever
/// the server says or does not say in `Content-Length` (a chunked or endless
/// body is cut off at the cap, not read whole first).
async fn read_answer(mut response: reqwest::Response, label: &str) -> Result<Answer> {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    if response
        .content_length()
        .is_some_and(|n| n > MAX_ANSWER_BYTES)
    {
        return Err(answer_too_big(label, status));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| network_error(label, e))?
    {
        let needed = body.len() + chunk.len();
        if needed as u64 > MAX_ANSWER_BYTES {
            return Err(answer_too_big(label, status));
        }
        if needed > body.capacity() {
            // Doubling, but never past the cap: a 16 MiB answer costs 16 MiB.
            let target = needed
                .max(body.capacity() * 2)
                .min(MAX_ANSWER_BYTES as usize);
            body.reserve_exact(target - body.len());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Answer {
        status,
        headers,
        body,
        request: label.to_string(),
    })
}

/// Builds an [`ApiError`] from an error answer of any shape.
pub fn api_error(answer: &Answer) -> ApiError {
    let parsed = parse_error_body(answer.status, answer.header("content-type"), &answer.body);
    ApiError {
        status: answer.status,
        code: parsed.code,
        message: parsed.message,
        // The header wins; an older API version sent `retry_after` in the body.
        retry_after: answer
            .header("retry-after")
            .and_then(parse_retry_after)
            .or(parsed.retry_after),
        request: answer.request.clone(),
        topup_url: parsed.topup_url,
    }
}

fn setup_failed(e: reqwest::Error) -> Error {
    Error::Setup {
        what: "HTTP",
        source: Box::new(e),
    }
}

fn network_error(label: &str, e: reqwest::Error) -> Error {
    use std::error::Error as _;
    // reqwest's Display is terse ("error sending request"); the root cause says why.
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message = s.to_string();
        source = s.source();
    }
    if e.is_timeout() {
        message = "timed out".to_string();
    }
    Error::Network {
        request: label.to_string(),
        message,
        timeout: e.is_timeout(),
        source: Some(Box::new(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        let http = Http::new(HttpConfig {
            base_url: Url::parse("http://127.0.0.1:9").expect("url"),
            secret: None,
            user_agent: "t".into(),
            connect_timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            backoff_base: Duration::from_millis(100),
            backoff_cap: Duration::from_secs(2),
            verbosity: 0,
            logger: None,
            cancel: Arc::new(Cancel::default()),
            on_answer: None,
            on_pause: None,
        });
        for _ in 0..50 {
            let first = http.backoff(1);
            assert!(
                first >= Duration::from_millis(10) && first <= Duration::from_millis(100),
                "{first:?}"
            );
            let third = http.backoff(3);
            assert!(
                third >= Duration::from_millis(40) && third <= Duration::from_millis(400),
                "{third:?}"
            );
            let late = http.backoff(40);
            assert!(
                late >= Duration::from_millis(200) && late <= Duration::from_secs(2),
                "{late:?}"
            );
        }
    }
}
