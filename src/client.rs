//! [`Client`]: typed calls to the bitHuman API on top of the HTTP layer.

use crate::error::{Error, Result};
use crate::http::Method;
use crate::http::{Answer, Cancel, Http, HttpConfig, Logger, ReqBody, Request, Tries};
// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
pub use crate::ids::{encode_id, validate_agent_id};
use crate::media::{LocalFile, MediaKind, Progress, StreamBody};
use crate::record::AgentRecord;
use crate::secret::ApiSecret;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Tries for one-shot calls: the first plus four retries.
pub const DEFAULT_TRIES: u32 = 5;

/// Where to download a model from.
#[derive(Clone, Debug)]
#[non_exhaustive]
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

/// Builds a [`Client`].
pub struct ClientBuilder {
    config: HttpConfig,
    base_url: String,
    journal: Option<crate::journal::Journal>,
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
    /// Journals every billed submit before it is sent (SPEC §8).
    pub fn journal(mut self, journal: crate::journal::Journal) -> Self {
        self.journal = Some(journal);
        self
    }
    /// Hears every API answer's path and rate-limit facts.
    pub fn on_answer(mut self, hook: crate::http::AnswerHook) -> Self {
        self.config.on_answer = Some(hook);
        self
    }
    /// Hears every pause before a retry (rate limited, or the service
    /// failing), so a program can say why it is waiting.
    pub fn on_pause(mut self, hook: crate::http::PauseHook) -> Self {
        self.config.on_pause = Some(hook);
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
    /// Builds the client; fails on a malformed base URL.
    pub fn build(mut self) -> Result<Client> {
        let trimmed = self.base_url.trim().trim_end_matches('/');
        let url = reqwest::Url::parse(trimmed).map_err(|e| Error::InvalidBaseUrl {
            url: self.base_url.clone(),
            reason: e.to_string(),
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(Error::InvalidBaseUrl {
                url: self.base_url.clone(),
                reason: "it must be an http(s) URL with a host".into(),
            });
        }
        self.config.base_url = url;
        Ok(Client {
            http: Http::new(self.config),
            journal: self.journal,
            user_id: Arc::default(),
        })
    }
}

/// A client for the bitHuman API.
pub struct Client {
    http: Http,
    journal: Option<crate::journal::Journal>,
    // The account's user id (`GET /v1/me`), which the v2 session routes
    // need: fetched once, shared by the clients derived from this one.
    user_id: Arc<std::sync::OnceLock<String>>,
}

impl Client {
    /// Starts building a client for `base_url` (e.g. `https://api.bithuman.ai`).
    pub fn builder(base_url: &str) -> ClientBuilder {
        let placeholder =
            reqwest::Url::parse(crate::DEFAULT_BASE_URL).expect("the default base URL is valid");
        ClientBuilder {
            base_url: base_url.to_string(),
            journal: None,
            config: HttpConfig {
                base_url: placeholder,
                secret: None,
                user_agent: crate::USER_AGENT.to_string(),
                connect_timeout: Duration::from_secs(10),
                request_timeout: Duration::from_secs(60),
                backoff_base: Duration::from_millis(400),
                backoff_cap: Duration::from_secs(20),
                verbosity: 0,
                logger: None,
                cancel: Arc::new(Cancel::default()),
                on_answer: None,
                on_pause: None,
            },
        }
    }

    /// The HTTP layer.
    pub(crate) fn http(&self) -> &Http {
        &self.http
    }

    /// A new client with the same settings (its own connections), which
    /// also reports every answer's rate-limit facts to `hook`.
    pub fn fresh_with_hook(&self, hook: crate::http::AnswerHook) -> Client {
        let mut config = self.http.config().clone();
        config.on_answer = Some(hook);
        Client {
            http: Http::new(config),
            journal: self.journal.clone(),
            user_id: self.user_id.clone(),
        }
    }

    /// A new client with the same settings (its own connections) whose sleeps
    /// and requests `cancel` interrupts: for one cancellable call.
    pub fn with_cancel(&self, cancel: Arc<Cancel>) -> Client {
        let mut config = self.http.config().clone();
        config.cancel = cancel;
        Client {
            http: Http::new(config),
            journal: self.journal.clone(),
            user_id: self.user_id.clone(),
        }
    }

    /// A new client with the same settings changed by `change` (its own
    /// connections): for one call that must log less or redact more.
    pub(crate) fn derived(&self, change: impl FnOnce(&mut HttpConfig)) -> Client {
        let mut config = self.http.config().clone();
        change(&mut config);
        Client {
            http: Http::new(config),
            journal: self.journal.clone(),
            user_id: self.user_id.clone(),
        }
    }

    /// The cached account user id, if it was fetched already.
    pub(crate) fn user_id_cache(&self) -> &std::sync::OnceLock<String> {
        &self.user_id
    }

    /// The journal of billed submits, when one was given.
    pub fn journal(&self) -> Option<&crate::journal::Journal> {
        self.journal.as_ref()
    }

    /// Tries for one-shot calls.
    pub(crate) fn one_shot(&self) -> Tries {
        Tries::Bounded(DEFAULT_TRIES)
    }

    /// Sleeps `total`, returning [`Error::Interrupted`] early when cancelled.
    pub async fn sleep(&self, total: Duration) -> Result<()> {
        self.http.sleep(total).await
    }

    // Big bodies get more time: the default plus one second per 256 KiB.
    pub(crate) fn upload_timeout(&self, len: u64) -> Duration {
        self.http.config().request_timeout + Duration::from_secs(len / (256 * 1024))
    }

    /// `GET /v1/agent/status/{id}`, with the default tries.
    pub async fn status(&self, id: &str) -> Result<AgentRecord> {
        self.status_with(id, self.one_shot()).await
    }

    /// `GET /v1/agent/status/{id}` within `tries`.
    pub(crate) async fn status_with(&self, id: &str, tries: Tries) -> Result<AgentRecord> {
        let path = format!("/v1/agent/status/{}", encode_id(id)?);
        self.get_record(&path, tries).await
    }

    /// `GET /v1/agent/{id}`: the full record.
    pub async fn agent(&self, id: &str) -> Result<AgentRecord> {
        let path = format!("/v1/agent/{}", encode_id(id)?);
        self.get_record(&path, self.one_shot()).await
    }

    async fn get_record(&self, path: &str, tries: Tries) -> Result<AgentRecord> {
        let req = get(path, &[]);
        self.http
            .send(&req, tries, |answer| {
                let v = answer.json()?;
                let data = v.get("data").cloned().unwrap_or(Value::Null);
                AgentRecord::from_value(data)
                    .ok_or_else(|| answer.unexpected("no agent record (data.status) in the answer"))
            })
            .await
    }

    /// `POST /v1/files/upload` with the file as streamed base64; returns
    /// the `file_url` to send in its place.
    pub async fn upload(
        &self,
        file: &LocalFile,
        kind: MediaKind,
        progress: Option<Progress>,
    ) -> Result<String> {
        self.upload_body(crate::media::upload_body(file, kind), progress)
            .await
    }

    pub(crate) async fn upload_body(
        &self,
        body: StreamBody,
        progress: Option<Progress>,
    ) -> Result<String> {
        let timeout = self.upload_timeout(body.content_length());
        let req = Request {
            method: Method::POST,
            path: "/v1/files/upload",
            query: &[],
            body: ReqBody::Stream(body, progress),
            idempotency_key: None,
            timeout: Some(timeout),
        };
        self.http
            .send(&req, self.one_shot(), |answer| {
                let v = answer.json()?;
                v.pointer("/data/file_url")
                    .or_else(|| v.get("file_url"))
                    .and_then(Value::as_str)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .ok_or_else(|| answer.unexpected("no data.file_url in the upload answer"))
            })
            .await
    }

    /// `GET /v1/agent/{id}/model/download?redirect=false`.
    pub(crate) async fn download_info(
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
        self.http
            .send(&req, tries, |answer| {
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
            .await
    }

    /// Opens a file URL (as a download would, without the API secret) and
    /// closes it at once: whether the file host answers.
    pub async fn reach_file_host(&self, url: &str) -> Result<()> {
        self.http
            .open_file(url, Some(std::time::Duration::from_secs(10)))
            .await
            .map(drop)
    }

    /// `POST /v1/validate`: true when the secret is valid. Both
    /// `{"valid": false}` and a 401 mean invalid.
    pub async fn validate(&self) -> Result<bool> {
        let req = Request {
            method: Method::POST,
            path: "/v1/validate",
            query: &[],
            body: ReqBody::None,
            idempotency_key: None,
            timeout: None,
        };
        match self
            .http
            .send(&req, self.one_shot(), |answer: &Answer| {
                answer
                    .json()?
                    .get("valid")
                    .and_then(Value::as_bool)
                    .ok_or_else(|| answer.unexpected("no \"valid\" field in the answer"))
            })
            .await
        {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn is_send<T: Send>(_: &T) {}

    // A program on a multi-thread runtime spawns these calls: their futures
    // must be `Send` (this fails to compile otherwise).
    #[test]
    fn call_futures_can_be_spawned() -> Result<()> {
        let client = Client::builder("http://127.0.0.1:9").build()?;
        let request = crate::GenerateRequest::new("essence-1");
        is_send(&client.status("A1"));
        is_send(&client.create_agent(&request, "k", None));
        is_send(&client.list_agents(&crate::AgentQuery::new(), 0));
        is_send(&client.agents(&crate::AgentQuery::new()));
        is_send(&client.wait_agent(
            "A1",
            &crate::wait::WaitOptions::new(Duration::from_secs(5), None),
            |_| {},
        ));
        Ok(())
    }
}
