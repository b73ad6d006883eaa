//! The HTTP layer: one place for the `api-secret` header, timeouts, retries
//! with backoff, `Retry-After`, a redirect policy that never carries the
//! secret to another host, error envelopes, and request logging.

use crate::envelope::parse_error_body;
use crate::error::{ApiError, Error, Result};
use crate::media::StreamBody;
use crate::secret::ApiSecret;
use reqwest::blocking::{Client as Reqwest, Response};
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, Url};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Receives one log line (already redacted) per event when verbose.
pub type Logger = Arc<dyn Fn(&str) + Send + Sync>;

/// Called with the cumulative number of body bytes sent.
pub type Progress = Arc<dyn Fn(u64) + Send + Sync>;

/// Longest `Retry-After` honoured outside a wait (a wait is bounded by its deadline).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

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
    /// A small JSON body held in memory.
    Json(Vec<u8>),
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
    pub cancel: Arc<AtomicBool>,
}

/// The HTTP layer.
pub struct Http {
    config: HttpConfig,
    api: Reqwest,
    files: Reqwest,
}

impl Http {
    /// Builds the two clients: the API one (secret, same-origin redirects
    /// only) and the file one (no secret ever, normal redirects).
    pub fn new(config: HttpConfig) -> Result<Self> {
        let base_origin = origin(&config.base_url);
        let loopback = is_loopback(&config.base_url);
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 {
                attempt.error("too many redirects")
            } else if origin(attempt.url()) == base_origin {
                attempt.follow()
            } else {
                // reqwest strips Authorization on cross-host redirects but not
                // custom headers like `api-secret`: stop instead.
                attempt.stop()
            }
        });
        let mut api = Reqwest::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(None)
            .redirect(policy);
        let mut files = Reqwest::builder()
            .user_agent(config.user_agent.clone())
            .connect_timeout(config.connect_timeout)
            .timeout(None);
        if loopback {
            // A local server (sandbox, tests) must not go through a proxy.
            api = api.no_proxy();
            files = files.no_proxy();
        }
        let build = |b: reqwest::blocking::ClientBuilder| {
            b.build()
                .map_err(|e| Error::Config(format!("cannot set up HTTP: {e}")))
        };
        Ok(Self {
            api: build(api)?,
            files: build(files)?,
            config,
        })
    }

    /// The configuration.
    pub fn config(&self) -> &HttpConfig {
        &self.config
    }

    /// Sends `req`, retrying transient failures within `tries`, and hands
    /// each 2xx answer to `parse`; an unparseable answer is retried like a 5xx.
    pub fn send<T>(
        &self,
        req: &Request<'_>,
        tries: Tries,
        parse: impl Fn(&Answer) -> Result<T>,
    ) -> Result<T> {
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let err = match self.once(req) {
                Ok(answer) if (200..300).contains(&answer.status) => match parse(&answer) {
                    Ok(v) => return Ok(v),
                    Err(e) => e,
                },
                Ok(answer) => Error::Api(api_error(&answer)),
                Err(e) => e,
            };
            if !err.is_transient() {
                return Err(err);
            }
            let retry_after = err.api().and_then(|a| a.retry_after);
            let mut delay = retry_after.unwrap_or_else(|| self.backoff(attempt));
            match tries {
                Tries::Bounded(max) => {
                    if attempt >= max {
                        return Err(err);
                    }
                    delay = delay.min(MAX_RETRY_AFTER);
                }
                Tries::Until(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        return Err(err);
                    }
                    delay = delay.min(deadline - now);
                }
                Tries::Forever => {}
            }
            self.log(1, &format!(
                "retrying in {:.1}s after: {}",
                delay.as_secs_f64(),
                self.redact(&err.to_string())
            ));
            self.sleep(delay)?;
        }
    }

    /// Sleeps, returning early with [`Error::Interrupted`] when cancelled.
    pub fn sleep(&self, total: Duration) -> Result<()> {
        let end = Instant::now() + total;
        loop {
            if self.config.cancel.load(Ordering::SeqCst) {
                return Err(Error::Interrupted);
            }
            let now = Instant::now();
            if now >= end {
                return Ok(());
            }
            std::thread::sleep((end - now).min(Duration::from_millis(50)));
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
        let mut url = Url::parse(&format!("{base}{path}"))
            .map_err(|e| Error::Config(format!("bad URL {base}{path}: {e}")))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    fn once(&self, req: &Request<'_>) -> Result<Answer> {
        let url = self.url(req.path, req.query)?;
        let label = format!("{} {}", req.method, url);
        let mut builder = self
            .api
            .request(req.method.clone(), url.clone())
            .timeout(req.timeout.unwrap_or(self.config.request_timeout))
            .header("accept", "application/json");
        if let Some(secret) = &self.config.secret {
            let mut value = HeaderValue::from_str(secret.expose())
                .map_err(|_| Error::Config("the API secret contains characters that cannot be sent in a header".into()))?;
            value.set_sensitive(true);
            builder = builder.header("api-secret", value);
        }
        if let Some(key) = req.idempotency_key {
            builder = builder.header("idempotency-key", key);
        }
        let mut logged_body = None;
        builder = match &req.body {
            ReqBody::None => builder,
            ReqBody::Json(bytes) => {
                if self.config.verbosity >= 2 {
                    logged_body = Some(String::from_utf8_lossy(bytes).into_owned());
                }
                builder.header("content-type", "application/json").body(bytes.clone())
            }
            ReqBody::Stream(body, progress) => {
                if self.config.verbosity >= 2 {
                    logged_body = body.describe().ok();
                }
                let reader = body
                    .reader(progress.clone())
                    .map_err(|e| Error::io("cannot read the request body's file", e))?;
                builder
                    .header("content-type", "application/json")
                    .body(reqwest::blocking::Body::sized(reader, body.content_length()))
            }
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
                self.log(2, &format!("  body: {}", self.redact(&body)));
            }
        }
        let started = Instant::now();
        let response = builder.send().map_err(|e| network_error(&label, &e))?;
        let answer = self.read_answer(response, &label)?;
        self.log(1, &format!(
            "← {} {} ({} ms)",
            answer.status,
            label,
            started.elapsed().as_millis()
        ));
        if self.config.verbosity >= 2 {
            for (name, value) in &answer.headers {
                let shown = if name.as_str() == "api-secret" { "***" } else { value.to_str().unwrap_or("<binary>") };
                self.log(2, &format!("  {name}: {shown}"));
            }
            let text = crate::sanitize::sanitize(&String::from_utf8_lossy(&answer.body));
            self.log(2, &format!("  body: {}", self.redact(&text)));
        }
        if (300..400).contains(&answer.status) {
            let location = answer.header("location").unwrap_or("?").to_string();
            return Err(Error::CrossHostRedirect {
                request: label,
                location: crate::sanitize::sanitize_line(&location),
            });
        }
        Ok(answer)
    }

    fn read_answer(&self, response: Response, label: &str) -> Result<Answer> {
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .map_err(|e| network_error(label, &e))?
            .to_vec();
        Ok(Answer {
            status,
            headers,
            body,
            request: label.to_string(),
        })
    }

    /// Opens a file URL (model download) without the API secret, following
    /// redirects anywhere. Returns the streaming response on 2xx.
    pub fn open_file(&self, url: &str, timeout: Option<Duration>) -> Result<Response> {
        let parsed = Url::parse(url).map_err(|e| Error::Config(format!("bad file URL {url:?}: {e}")))?;
        let label = format!("GET {}", redact_query(&parsed));
        self.log(1, &format!("→ {label}"));
        let started = Instant::now();
        let mut builder = self.files.get(parsed);
        if let Some(t) = timeout {
            builder = builder.timeout(t);
        }
        let response = builder.send().map_err(|e| network_error(&label, &e))?;
        let status = response.status().as_u16();
        self.log(1, &format!("← {status} {label} ({} ms)", started.elapsed().as_millis()));
        if (200..300).contains(&status) {
            Ok(response)
        } else {
            let answer = self.read_answer(response, &label)?;
            Err(Error::Api(api_error(&answer)))
        }
    }

    fn redact(&self, text: &str) -> String {
        match &self.config.secret {
            Some(s) => s.redact(text),
            None => text.to_string(),
        }
    }

    fn log(&self, level: u8, line: &str) {
        if self.config.verbosity >= level {
            if let Some(logger) = &self.config.logger {
                logger(&self.redact(line));
            }
        }
    }
}

/// Builds an [`ApiError`] from an error answer of any shape.
pub fn api_error(answer: &Answer) -> ApiError {
    let parsed = parse_error_body(answer.status, answer.header("content-type"), &answer.body);
    ApiError {
        status: answer.status,
        code: parsed.code,
        message: parsed.message,
        retry_after: answer.header("retry-after").and_then(parse_retry_after),
        request: answer.request.clone(),
    }
}

/// `Retry-After` as whole seconds or an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Ok(secs) = value.parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            return Some(Duration::from_secs_f64(secs.min(86_400.0)));
        }
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(std::time::SystemTime::now()).unwrap_or(Duration::ZERO))
}

fn network_error(label: &str, e: &reqwest::Error) -> Error {
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
    }
}

type Origin = (String, Option<String>, Option<u16>);

fn origin(url: &Url) -> Origin {
    (url.scheme().to_string(), url.host_str().map(str::to_string), url.port_or_known_default())
}

/// True for `localhost`, 127.0.0.0/8 and `[::1]`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

// Signed URLs carry credentials in their query: keep them out of logs.
fn redact_query(url: &Url) -> String {
    let mut shown = url.clone();
    if shown.query().is_some() {
        shown.set_query(Some("…"));
    }
    shown.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        let later = std::time::SystemTime::now() + Duration::from_secs(30);
        let d = parse_retry_after(&httpdate::fmt_http_date(later)).expect("date");
        assert!(d <= Duration::from_secs(30) && d >= Duration::from_secs(28), "{d:?}");
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn loopback_hosts() {
        for (u, want) in [
            ("http://127.0.0.1:8787", true),
            ("http://localhost", true),
            ("http://[::1]:3", true),
            ("http://127.5.0.1", true),
            ("http://10.0.0.1", false),
            ("https://api.bithuman.ai", false),
        ] {
            assert_eq!(is_loopback(&Url::parse(u).expect("url")), want, "{u}");
        }
    }
}
