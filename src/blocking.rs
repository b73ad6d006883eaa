//! A blocking facade over the async [`crate::Client`], for programs without
//! an async runtime (as `reqwest::blocking` is over `reqwest::Client`).
//!
//! Each [`Client`] owns a current-thread tokio runtime and runs every call
//! of the async client on it, on the calling thread; nothing is written
//! twice: every method here is one line that forwards to the async method
//! of the same name. Calling it from inside an async runtime would stall
//! that runtime (tokio refuses with a panic), so it returns
//! [`Error::BlockingInRuntime`] instead: use the async client there.
//!
//! ```no_run
//! # fn main() -> Result<(), bithuman::Error> {
//! let client = bithuman::blocking::Client::builder("https://api.bithuman.ai")
//!     .secret(bithuman::ApiSecret::new("sk_live_…".to_string()))
//!     .build()?;
//! println!("the secret is valid: {}", client.validate()?);
//! # Ok(())
//! # }
//! ```

use crate::account::{
    Account, AgentChange, AgentQuery, AgentSummary, Listing, Page, PagingStop, Pricing, UsageQuery,
    UsageRow,
};
use crate::client::DownloadInfo;
use crate::download::{Destination, DownloadEvent, DownloadOptions, Saved};
use crate::error::{Error, Result};
use crate::generate::{Created, GenerateObserver, GenerateRequest};
use crate::http::{AnswerHook, Cancel, Logger, PauseHook, Tries};
use crate::jobs::{AddModelRequest, DynamicsRequest};
use crate::jobs::{Job, Submitted};
use crate::media::{LocalFile, MediaKind, Progress};
use crate::record::{AgentRecord, Record};
use crate::secret::ApiSecret;
use crate::session::{
    ContextKind, Delivered, EmbedRequest, EmbedToken, Ended, Revoked, Session, SessionList,
    SessionSummary, StartSession, Transcript, Window,
};
use crate::video::VideoRequest;
use crate::webhook::{Delivery, TestDelivery, Webhook, WebhookWithSecret};
use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::runtime::Runtime;

/// Builds a blocking [`Client`]; the settings are those of
/// [`crate::ClientBuilder`].
pub struct ClientBuilder(crate::ClientBuilder);

// One-line forwards to the async builder's setters.
macro_rules! setters {
    ($( $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*); )*) => {
        $( $(#[$doc])* pub fn $name(self, $($arg: $ty),*) -> Self {
            Self(self.0.$name($($arg),*))
        } )*
    };
}

impl ClientBuilder {
    setters! {
        /// The API secret.
        fn secret(secret: ApiSecret);
        /// Request log verbosity (0–2) and where lines go.
        fn logger(verbosity: u8, logger: Logger);
        /// Journals every billed submit before it is sent (SPEC §8).
        fn journal(journal: crate::journal::Journal);
        /// Hears every API answer's path and rate-limit facts.
        fn on_answer(hook: AnswerHook);
        /// Hears every pause before a retry.
        fn on_pause(hook: PauseHook);
        /// The flag a Ctrl-C handler sets to cut sleeps and requests short.
        fn cancel(flag: Arc<Cancel>);
        /// Default per-request timeout (60 s).
        fn request_timeout(t: Duration);
        /// First backoff step between retries (400 ms).
        fn backoff_base(t: Duration);
    }

    /// Builds the client and its runtime; fails on a malformed base URL or
    /// a runtime that cannot start.
    pub fn build(self) -> Result<Client> {
        let client = Client::from_async(self.0.build()?);
        client.runtime()?;
        Ok(client)
    }
}

/// A blocking client for the bitHuman API: the async [`crate::Client`] run
/// on a runtime of its own. Several threads may share one (each call blocks
/// only its own thread).
pub struct Client {
    inner: crate::Client,
    // Built at `build()`, or on the first call of a derived client.
    runtime: OnceLock<Runtime>,
}

impl Drop for Client {
    fn drop(&mut self) {
        // Dropping a runtime blocks until its tasks end, which tokio refuses
        // (with a panic) inside another runtime: there it is let go instead.
        if let Some(runtime) = self.runtime.take()
            && tokio::runtime::Handle::try_current().is_ok()
        {
            runtime.shutdown_background();
        }
    }
}

// One-line forwards: each runs the async method of the same name.
macro_rules! blocking {
    ($( $(#[$doc:meta])* $vis:vis fn $name:ident(&self $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty; )*) => {
        $( $(#[$doc])* $vis fn $name(&self $(, $arg: $ty)*) -> Result<$ret> {
            self.run(self.inner.$name($($arg),*))
        } )*
    };
}

impl Client {
    /// Starts building a client for `base_url` (e.g. `https://api.bithuman.ai`).
    pub fn builder(base_url: &str) -> ClientBuilder {
        ClientBuilder(crate::Client::builder(base_url))
    }

    /// Wraps an async client; its runtime is started on the first call.
    pub fn from_async(inner: crate::Client) -> Self {
        Self {
            inner,
            runtime: OnceLock::new(),
        }
    }

    /// The async client underneath.
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    fn runtime(&self) -> Result<&Runtime> {
        if let Some(r) = self.runtime.get() {
            return Ok(r);
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Setup {
                what: "the blocking client's runtime",
                source: Box::new(e),
            })?;
        Ok(self.runtime.get_or_init(|| runtime))
    }

    /// Runs `future` to its end on this client's runtime, on this thread;
    /// [`Error::BlockingInRuntime`] inside an async runtime, where blocking
    /// would stall it (and tokio would panic).
    pub fn block_on<F: Future>(&self, future: F) -> Result<F::Output> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::BlockingInRuntime);
        }
        Ok(self.runtime()?.block_on(future))
    }

    fn run<T>(&self, future: impl Future<Output = Result<T>>) -> Result<T> {
        self.block_on(future)?
    }

    /// A new client with the same settings (its own connections), which
    /// also reports every answer's rate-limit facts to `hook`.
    pub fn fresh_with_hook(&self, hook: AnswerHook) -> Client {
        Self::from_async(self.inner.fresh_with_hook(hook))
    }

    /// A new client with the same settings (its own connections) whose sleeps
    /// and requests `cancel` interrupts: for one cancellable call.
    pub fn with_cancel(&self, cancel: Arc<Cancel>) -> Client {
        Self::from_async(self.inner.with_cancel(cancel))
    }

    /// The journal of billed submits, when one was given.
    pub fn journal(&self) -> Option<&crate::journal::Journal> {
        self.inner.journal()
    }

    /// Blocking [`crate::Client::create_webhook`].
    pub fn create_webhook<S: AsRef<str>>(
        &self,
        url: &str,
        events: &[S],
        description: Option<&str>,
    ) -> Result<WebhookWithSecret> {
        self.run(self.inner.create_webhook(url, events, description))
    }

    /// Every agent `q` selects, newest first, page after page: blocking
    /// [`crate::Client::agents`].
    ///
    /// ```no_run
    /// # fn run(client: &bithuman::blocking::Client) -> Result<(), bithuman::Error> {
    /// for agent in client.agents(&bithuman::AgentQuery::new()) {
    ///     let agent = agent?;
    ///     println!("{} {:?}", agent.id().unwrap_or("?"), agent.status);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn agents(&self, q: &AgentQuery) -> Items<'_, AgentSummary> {
        Items {
            client: self,
            listing: self.inner.agents(q),
            over: false,
        }
    }

    /// Every row of the credit history `q` selects: blocking
    /// [`crate::Client::usage_rows`].
    pub fn usage_rows(&self, q: &UsageQuery) -> Items<'_, UsageRow> {
        Items {
            client: self,
            listing: self.inner.usage_rows(q),
            over: false,
        }
    }

    blocking! {
        /// Blocking [`crate::Client::sleep`].
        pub fn sleep(&self, total: Duration) -> ();
        /// Blocking [`crate::Client::status`].
        pub fn status(&self, id: &str) -> AgentRecord;
        /// Blocking [`crate::Client::agent`].
        pub fn agent(&self, id: &str) -> AgentRecord;
        /// Blocking [`crate::Client::upload`].
        pub fn upload(&self, file: &LocalFile, kind: MediaKind, progress: Option<Progress>) -> String;
        /// Blocking [`crate::Client::reach_file_host`].
        pub fn reach_file_host(&self, url: &str) -> ();
        /// Blocking [`crate::Client::validate`].
        pub fn validate(&self) -> bool;
        /// Blocking [`crate::Client::list_agents`].
        pub fn list_agents(&self, q: &AgentQuery, offset: u64) -> Page<AgentSummary>;
        /// Blocking [`crate::Client::update_agent`].
        pub fn update_agent(&self, id: &str, system_prompt: &str) -> AgentChange;
        /// Blocking [`crate::Client::delete_agent`].
        pub fn delete_agent(&self, id: &str) -> AgentChange;
        /// Blocking [`crate::Client::account`].
        pub fn account(&self) -> Account;
        /// Blocking [`crate::Client::pricing`].
        pub fn pricing(&self) -> Pricing;
        /// Blocking [`crate::Client::usage`].
        pub fn usage(&self, q: &UsageQuery, offset: u64) -> Page<UsageRow>;
        pub(crate) fn poll(&self, job: &Job, tries: Tries) -> Record;
        /// Blocking [`crate::Client::job_status`].
        pub fn job_status(&self, job: &Job) -> Record;
        /// Blocking [`crate::Client::resend`].
        pub fn resend(&self, entry: &crate::journal::Entry) -> Submitted;
        /// Blocking [`crate::Client::add_model`].
        pub fn add_model(&self, request: &AddModelRequest, idempotency_key: &str) -> Submitted;
        /// Blocking [`crate::Client::create_dynamics`].
        pub fn create_dynamics(&self, request: &DynamicsRequest, idempotency_key: &str) -> Submitted;
        /// Blocking [`crate::Client::create_agent`].
        pub fn create_agent(&self, request: &GenerateRequest, idempotency_key: &str, observer: Option<GenerateObserver>) -> Created;
        /// Blocking [`crate::Client::create_video`].
        pub fn create_video(&self, request: &VideoRequest, idempotency_key: &str) -> Submitted;
        /// Blocking [`crate::Client::download_video`].
        pub fn download_video(&self, job_id: &str, destination: Destination<'_>, options: &DownloadOptions, on_event: impl FnMut(DownloadEvent<'_>)) -> Saved;
        /// Blocking [`crate::Client::model_url`].
        pub fn model_url(&self, id: &str, options: &DownloadOptions, on_event: impl FnMut(DownloadEvent<'_>)) -> DownloadInfo;
        /// Blocking [`crate::Client::download_model`].
        pub fn download_model(&self, id: &str, destination: Destination<'_>, options: &DownloadOptions, on_event: impl FnMut(DownloadEvent<'_>)) -> Saved;
        /// Blocking [`crate::Client::download_file`].
        pub fn download_file(&self, url: &str, default_name: &str, destination: Destination<'_>, options: &DownloadOptions, on_event: impl FnMut(DownloadEvent<'_>)) -> Saved;
        /// Blocking [`crate::Client::user_id`].
        pub fn user_id(&self) -> String;
        /// Blocking [`crate::Client::start_session`].
        pub fn start_session(&self, start: &StartSession) -> Session;
        /// Blocking [`crate::Client::session`].
        pub fn session(&self, id: &str) -> crate::SessionDetail;
        /// Blocking [`crate::Client::sessions`].
        pub fn sessions(&self, window: Window) -> SessionList;
        /// Blocking [`crate::Client::end_session`].
        pub fn end_session(&self, id: &str) -> Ended;
        /// Blocking [`crate::Client::end_listed`].
        pub fn end_listed(&self, session: &SessionSummary) -> Ended;
        /// Blocking [`crate::Client::transcript`].
        pub fn transcript(&self, id: &str) -> Transcript;
        /// Blocking [`crate::Client::revoke_all`].
        pub fn revoke_all(&self) -> Revoked;
        /// Blocking [`crate::Client::speak`].
        pub fn speak(&self, agent: &str, text: &str, room: Option<&str>) -> Delivered;
        /// Blocking [`crate::Client::add_context`].
        pub fn add_context(&self, agent: &str, text: &str, kind: ContextKind, room: Option<&str>) -> Delivered;
        /// Blocking [`crate::Client::embed_token`].
        pub fn embed_token(&self, request: &EmbedRequest) -> EmbedToken;
        /// Blocking [`crate::Client::list_webhooks`].
        pub fn list_webhooks(&self) -> Vec<Webhook>;
        /// Blocking [`crate::Client::webhook`].
        pub fn webhook(&self, id: &str) -> Webhook;
        /// Blocking [`crate::Client::delete_webhook`].
        pub fn delete_webhook(&self, id: &str) -> ();
        /// Blocking [`crate::Client::test_webhook`].
        pub fn test_webhook(&self, id: &str) -> TestDelivery;
        /// Blocking [`crate::Client::deliveries`].
        pub fn deliveries(&self, id: &str) -> Vec<Delivery>;
    }
}

/// Every item of a listing, page after page: the blocking form of
/// [`Listing`], from [`Client::agents`] and [`Client::usage_rows`]. A failed
/// page is the last item.
pub struct Items<'a, T> {
    client: &'a Client,
    listing: Listing<'a, T>,
    // Set once the listing could not run (inside a runtime): it is over.
    over: bool,
}

impl<T> Items<'_, T> {
    /// Why the listing ended before the server said it was complete, once
    /// the iterator is done.
    pub fn stopped(&self) -> Option<PagingStop> {
        self.listing.stopped()
    }
}

impl<T> Iterator for Items<'_, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        use futures_util::StreamExt;
        if self.over {
            return None;
        }
        match self.client.block_on(self.listing.next()) {
            Ok(item) => item,
            // Inside a runtime: said once, as the last item.
            Err(e) => {
                self.over = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_a_runtime_it_is_an_error_not_a_panic() {
        let client = Client::builder("http://127.0.0.1:9")
            .build()
            .expect("a loopback client builds");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let answer = runtime.block_on(async { client.validate() });
        assert!(
            matches!(answer, Err(Error::BlockingInRuntime)),
            "{answer:?}"
        );
        // Dropped inside a runtime too: no panic either.
        runtime.block_on(async move { drop(client) });
    }

    #[test]
    fn outside_a_runtime_it_runs_the_call() {
        let client = Client::builder("http://127.0.0.1:9")
            .build()
            .expect("a loopback client builds");
        // A cancelled sleep ends at once, through the runtime, with the signal.
        let cancel = Arc::new(Cancel::default());
        cancel.cancel_by(15);
        let answer = client.with_cancel(cancel).sleep(Duration::from_secs(60));
        assert!(
            matches!(answer, Err(Error::Interrupted { signal: Some(15) })),
            "{answer:?}"
        );
    }
}
