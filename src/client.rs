//! [`Client`]: typed calls to the bitHuman API on top of the HTTP layer.

use crate::error::{Error, Result};
use crate::http::{Answer, Cancel, Http, HttpConfig, Logger, Progress, ReqBody, Request, Tries};
use crate::media::{LocalFile, MediaKind, MediaMode, StreamBody};
use crate::record::AgentRecord;
use crate::secret::ApiSecret;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Characters escaped in a path segment (RFC 3986 unreserved ones are kept).
pub const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Tries for one-shot calls: the first plus four retries.
pub const DEFAULT_TRIES: u32 = 5;

/// A media field of a generate request.
#[derive(Clone, Debug)]
pub enum Media {
    /// Sent as given: a URL, a `data:` URI or base64 text.
    Text(String),
    /// A local file sent inline as base64 or a data URI, streamed.
    File {
        /// The file.
        file: LocalFile,
        /// [`MediaMode::Base64`] or [`MediaMode::DataUri`].
        mode: MediaMode,
    },
}

impl From<&str> for Media {
    fn from(s: &str) -> Self {
        Media::Text(s.to_string())
    }
}

impl From<String> for Media {
    fn from(s: String) -> Self {
        Media::Text(s)
    }
}

/// The body of `POST /v1/agent/generate`. Fields left `None` are not sent.
#[derive(Clone, Debug, Default)]
pub struct GenerateRequest {
    /// `prompt`: the agent's system prompt.
    pub prompt: Option<String>,
    /// `image`: the face.
    pub image: Option<Media>,
    /// `audio`: a voice sample.
    pub audio: Option<Media>,
    /// `video` (the live API refuses it with `VIDEO_INPUT_NOT_SUPPORTED`).
    pub video: Option<Media>,
    /// `aspect_ratio`.
    pub aspect_ratio: Option<String>,
    /// `video_aspect_ratio`.
    pub video_aspect_ratio: Option<String>,
    /// `duration` in seconds (ignored by the live API).
    pub duration: Option<f64>,
    /// `agent_id`: regenerate or name an agent.
    pub agent_id: Option<String>,
    /// `model`: always sent.
    pub model: String,
    /// `framing`.
    pub framing: Option<String>,
    /// `transparency: true` when set.
    pub transparency: bool,
}

impl GenerateRequest {
    /// A request for `model` with nothing else set.
    pub fn new(model: &str) -> Self {
        Self {
            model: model.to_string(),
            ..Self::default()
        }
    }

    /// True when there is nothing to generate from (no prompt or media).
    pub fn is_empty(&self) -> bool {
        self.prompt.is_none()
            && self.image.is_none()
            && self.audio.is_none()
            && self.video.is_none()
    }

    /// The JSON body, streamed: local files are base64-encoded on the fly.
    pub fn body(&self) -> StreamBody {
        let mut body = StreamBody::new();
        body.push_raw("{");
        let mut first = true;
        let mut key = |body: &mut StreamBody, name: &str| {
            if !first {
                body.push_raw(",");
            }
            first = false;
            body.push_raw(&format!("\"{name}\":"));
        };
        let json = |v: Value| v.to_string();
        key(&mut body, "model");
        body.push_raw(&json(Value::from(self.model.as_str())));
        if let Some(p) = &self.prompt {
            key(&mut body, "prompt");
            body.push_raw(&json(Value::from(p.as_str())));
        }
        for (name, media) in [
            ("image", &self.image),
            ("audio", &self.audio),
            ("video", &self.video),
        ] {
            match media {
                None => {}
                Some(Media::Text(t)) => {
                    key(&mut body, name);
                    body.push_raw(&json(Value::from(t.as_str())));
                }
                Some(Media::File { file, mode }) => {
                    key(&mut body, name);
                    crate::media::push_encoded_value(&mut body, file, *mode);
                }
            }
        }
        let strings = [
            ("aspect_ratio", &self.aspect_ratio),
            ("video_aspect_ratio", &self.video_aspect_ratio),
            ("agent_id", &self.agent_id),
            ("framing", &self.framing),
        ];
        for (name, value) in strings {
            if let Some(v) = value {
                key(&mut body, name);
                body.push_raw(&json(Value::from(v.as_str())));
            }
        }
        if let Some(d) = self.duration {
            key(&mut body, "duration");
            // Whole seconds go as an integer: the API types `duration` as one.
            let v = if d.fract() == 0.0 && d.abs() < 1e15 {
                Value::from(d as i64)
            } else {
                Value::from(d)
            };
            body.push_raw(&json(v));
        }
        if self.transparency {
            key(&mut body, "transparency");
            body.push_raw("true");
        }
        body.push_raw("}");
        body
    }
}

/// The answer to a generate call.
#[derive(Clone, Debug)]
pub struct GenerateResponse {
    /// The new agent's id.
    pub agent_id: String,
    /// `status`, when sent (usually `processing`).
    pub status: Option<String>,
    /// `message`, when sent.
    pub message: Option<String>,
    /// True when the server replayed an earlier answer for this idempotency key.
    pub replayed: bool,
}

/// Where to download a model from.
#[derive(Clone, Debug)]
pub struct DownloadInfo {
    /// The (possibly signed, short-lived) file URL.
    pub url: String,
    /// The server's file name, when given.
    pub filename: Option<String>,
    /// The model family, when given.
    pub model: Option<String>,
    /// Seconds until the URL expires, when given.
    pub expires_in: Option<u64>,
}

/// An uploaded file.
#[derive(Clone, Debug)]
pub struct Uploaded {
    /// The URL to pass as `image`/`audio`.
    pub file_url: String,
}

/// Builds a [`Client`].
pub struct ClientBuilder {
    config: HttpConfig,
    base_url: String,
    tries: u32,
}

impl ClientBuilder {
    /// The API secret.
    pub fn secret(mut self, secret: ApiSecret) -> Self {
        self.config.secret = Some(secret);
        self
    }
    /// Request log verbosity (0–2) and where lines go.
    pub fn logger(mut self, verbosity: u8, logger: Logger) -> Self {
        self.config.verbosity = verbosity;
        self.config.logger = Some(logger);
        self
    }
    /// The flag a Ctrl-C handler sets to cut retry sleeps short.
    pub fn cancel(mut self, flag: Arc<Cancel>) -> Self {
        self.config.cancel = flag;
        self
    }
    /// Default per-request timeout (60 s).
    pub fn request_timeout(mut self, t: Duration) -> Self {
        self.config.request_timeout = t;
        self
    }
    /// First backoff step between retries (400 ms).
    pub fn backoff_base(mut self, t: Duration) -> Self {
        self.config.backoff_base = t;
        self
    }
    /// Tries for one-shot calls (5).
    pub fn tries(mut self, n: u32) -> Self {
        self.tries = n.max(1);
        self
    }
    /// Builds the client; fails on a malformed base URL.
    pub fn build(mut self) -> Result<Client> {
        let trimmed = self.base_url.trim().trim_end_matches('/');
        let url = reqwest::Url::parse(trimmed)
            .map_err(|e| Error::Config(format!("invalid base URL {:?}: {e}", self.base_url)))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(Error::Config(format!(
                "invalid base URL {:?}: it must be an http(s) URL with a host",
                self.base_url
            )));
        }
        self.config.base_url = url;
        Ok(Client {
            http: Http::new(self.config)?,
            tries: self.tries,
        })
    }
}

/// A client for the bitHuman API.
pub struct Client {
    http: Http,
    tries: u32,
}

impl Client {
    /// Starts building a client for `base_url` (e.g. `https://api.bithuman.ai`).
    pub fn builder(base_url: &str) -> ClientBuilder {
        let placeholder =
            reqwest::Url::parse(crate::DEFAULT_BASE_URL).expect("the default base URL is valid");
        ClientBuilder {
            base_url: base_url.to_string(),
            tries: DEFAULT_TRIES,
            config: HttpConfig {
                base_url: placeholder,
                secret: None,
                user_agent: format!("bithuman-cli/{}", env!("CARGO_PKG_VERSION")),
                connect_timeout: Duration::from_secs(10),
                request_timeout: Duration::from_secs(60),
                backoff_base: Duration::from_millis(400),
                backoff_cap: Duration::from_secs(20),
                verbosity: 0,
                logger: None,
                cancel: Arc::new(Cancel::default()),
            },
        }
    }

    /// The HTTP layer (for sleeps that honour cancellation, file downloads).
    pub fn http(&self) -> &Http {
        &self.http
    }

    /// Tries for one-shot calls.
    pub fn one_shot(&self) -> Tries {
        Tries::Bounded(self.tries)
    }

    /// `POST /v1/agent/generate` with an idempotency key (reused on every retry).
    pub fn generate(
        &self,
        request: &GenerateRequest,
        idempotency_key: &str,
    ) -> Result<GenerateResponse> {
        self.generate_with_progress(request, idempotency_key, None)
    }

    /// Like [`Client::generate`], reporting body bytes sent.
    pub fn generate_with_progress(
        &self,
        request: &GenerateRequest,
        idempotency_key: &str,
        progress: Option<Progress>,
    ) -> Result<GenerateResponse> {
        let body = request.body();
        let timeout = upload_timeout(body.content_length(), self.http.config().request_timeout);
        let req = Request {
            method: Method::POST,
            path: "/v1/agent/generate",
            query: &[],
            body: ReqBody::Stream(body, progress),
            idempotency_key: Some(idempotency_key),
            timeout: Some(timeout),
        };
        self.http.send(&req, self.one_shot(), |answer| {
            let v = answer.json()?;
            let id = v
                .get("agent_id")
                .or_else(|| v.pointer("/data/agent_id"))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| answer.unexpected("no agent_id in the answer"))?;
            let text = |k: &str| {
                v.get(k)
                    .and_then(Value::as_str)
                    .map(crate::sanitize::sanitize_line)
            };
            Ok(GenerateResponse {
                agent_id: id.to_string(),
                status: text("status"),
                message: text("message"),
                replayed: answer
                    .header("idempotency-replayed")
                    .is_some_and(|h| h.eq_ignore_ascii_case("true")),
            })
        })
    }

    /// `GET /v1/agent/status/{id}`, with the default tries.
    pub fn status(&self, id: &str) -> Result<AgentRecord> {
        self.status_with(id, self.one_shot())
    }

    /// `GET /v1/agent/status/{id}` within `tries`.
    pub fn status_with(&self, id: &str, tries: Tries) -> Result<AgentRecord> {
        let path = format!("/v1/agent/status/{}", encode_id(id)?);
        self.get_record(&path, tries)
    }

    /// `GET /v1/agent/{id}`: the full record.
    pub fn agent(&self, id: &str) -> Result<AgentRecord> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        self.get_record(&path, self.one_shot())
    }

    fn get_record(&self, path: &str, tries: Tries) -> Result<AgentRecord> {
        let req = get(path, &[]);
        self.http.send(&req, tries, |answer| {
            let v = answer.json()?;
            let data = v.get("data").cloned().unwrap_or(Value::Null);
            AgentRecord::from_value(data)
                .ok_or_else(|| answer.unexpected("no agent record (data.status) in the answer"))
        })
    }

    /// `POST /v1/files/upload` with the file as streamed base64.
    pub fn upload(
        &self,
        file: &LocalFile,
        kind: MediaKind,
        progress: Option<Progress>,
    ) -> Result<Uploaded> {
        let body = crate::media::upload_body(file, kind);
        let timeout = upload_timeout(body.content_length(), self.http.config().request_timeout);
        let req = Request {
            method: Method::POST,
            path: "/v1/files/upload",
            query: &[],
            body: ReqBody::Stream(body, progress),
            idempotency_key: None,
            timeout: Some(timeout),
        };
        self.http.send(&req, self.one_shot(), |answer| {
            let v = answer.json()?;
            let url = v
                .pointer("/data/file_url")
                .or_else(|| v.get("file_url"))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| answer.unexpected("no data.file_url in the upload answer"))?;
            Ok(Uploaded {
                file_url: url.to_string(),
            })
        })
    }

    /// `GET /v1/agent/{id}/model/download?redirect=false`.
    pub fn download_info(
        &self,
        id: &str,
        model: Option<&str>,
        tries: Tries,
    ) -> Result<DownloadInfo> {
        let path = format!("/v1/agent/{}/model/download", encode_id(id)?);
        let mut query = vec![("redirect", "false")];
        if let Some(m) = model {
            query.push(("model", m));
        }
        let req = get(&path, &query);
        self.http.send(&req, tries, |answer| {
            let v = answer.json()?;
            let data = v.get("data").unwrap_or(&v);
            let text = |k: &str| {
                data.get(k)
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let url = text("url")
                .ok_or_else(|| answer.unexpected("no data.url in the download answer"))?;
            Ok(DownloadInfo {
                url,
                filename: text("filename"),
                model: text("model"),
                expires_in: data.get("expires_in").and_then(Value::as_u64),
            })
        })
    }

    /// `POST /v1/validate`: true when the secret is valid. Both
    /// `{"valid": false}` and a 401 mean invalid.
    pub fn validate(&self) -> Result<bool> {
        let req = Request {
            method: Method::POST,
            path: "/v1/validate",
            query: &[],
            body: ReqBody::None,
            idempotency_key: None,
            timeout: None,
        };
        match self.http.send(&req, self.one_shot(), |answer: &Answer| {
            answer
                .json()?
                .get("valid")
                .and_then(Value::as_bool)
                .ok_or_else(|| answer.unexpected("no \"valid\" field in the answer"))
        }) {
            Err(Error::Api(e)) if e.status == 401 => Ok(false),
            other => other,
        }
    }
}

fn get<'a>(path: &'a str, query: &'a [(&'a str, &'a str)]) -> Request<'a> {
    Request {
        method: Method::GET,
        path,
        query,
        body: ReqBody::None,
        idempotency_key: None,
        timeout: None,
    }
}

// Big bodies get more time: the default plus one second per 256 KiB.
fn upload_timeout(len: u64, base: Duration) -> Duration {
    base + Duration::from_secs(len / (256 * 1024))
}

/// Refuses ids that are not a single safe path segment.
pub fn validate_agent_id(id: &str) -> Result<()> {
    let bad = id.is_empty()
        || id.contains('/')
        || id.contains('\\')
        || id.contains("..")
        || id == "."
        || id.chars().any(|c| c.is_whitespace() || c.is_control());
    if bad {
        Err(Error::InvalidId(crate::sanitize::sanitize_line(id)))
    } else {
        Ok(())
    }
}

/// Validates and percent-encodes an agent id for a URL path.
pub fn encode_id(id: &str) -> Result<String> {
    validate_agent_id(id)?;
    Ok(utf8_percent_encode(id, PATH_SEGMENT).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(encode_id("A91XMB7113").ok().as_deref(), Some("A91XMB7113"));
        assert_eq!(encode_id("a?b#c%").ok().as_deref(), Some("a%3Fb%23c%25"));
        for bad in [
            "", "a/b", "..", "a..b", ".", "a b", "a\tb", "a\u{1b}b", "a\\b",
        ] {
            assert!(
                matches!(encode_id(bad), Err(Error::InvalidId(_))),
                "{bad:?}"
            );
        }
    }
}
