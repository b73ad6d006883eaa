//! `bithuman`: a client for bitHuman's avatar agent-generation API.
//!
//! The library holds everything but the terminal: [`Client`] talks to the API
//! (retries, error envelopes, redirects that never leak the secret) on the
//! caller's tokio runtime, [`blocking::Client`] does the same for programs
//! without one (as `reqwest::blocking` does),
//! [`wait`] polls agents until they are terminal, [`media`] checks and
//! stream-encodes local files, and `sandbox` (feature `sandbox`) is an
//! offline emulator of the API used by `bithuman sandbox serve`, `--sandbox`
//! and the test-suite.
//!
//! ```no_run
//! use std::time::Duration;
//! use bithuman::{blocking::Client, ApiSecret, GenerateRequest, media::MediaInput, wait::{WaitOptions, WaitOutcome}};
//!
//! # fn main() -> Result<(), bithuman::Error> {
//! let client = Client::builder("https://api.bithuman.ai")
//!     .secret(ApiSecret::new("sk_live_…".to_string()))
//!     .build()?;
//! let mut request = GenerateRequest::new("essence-1");
//! request.prompt = Some("You are a concierge.".into());
//! request.image = Some(MediaInput::Url("https://example.com/face.jpg".into()));
//! let created = client.create_agent(&request, &bithuman::new_idempotency_key(), None)?;
//! println!("agent {}", created.agent_id);
//!
//! let options = WaitOptions::new(Duration::from_secs(5), Some(Duration::from_secs(30 * 60)));
//! let outcome = bithuman::wait::wait(&client, &created.agent_id, &options, |record| {
//!     eprintln!("{} {:.0}%", record.status(), record.progress_percent().unwrap_or(0.0));
//! });
//! if let WaitOutcome::Ready(record) = outcome {
//!     println!("model: {:?}", record.model_url());
//! }
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod account;
mod answers;
// The CLI's own module (the binary is another crate, so it must be `pub`):
// not a stable API, hidden from the documentation.
#[doc(hidden)]
pub mod batch;
pub mod blocking;
pub mod client;
pub mod download;
mod envelope;
pub mod error;
pub mod generate;
mod http;
// The CLI's own module (the binary is another crate, so it must be `pub`):
// not a stable API, hidden from the documentation.
#[doc(hidden)]
pub mod ids;
pub mod jobs;
pub mod journal;
mod jsonl;
mod kinds;
pub mod media;
pub mod models;
// The CLI's own module (the binary is another crate, so it must be `pub`):
// not a stable API, hidden from the documentation.
#[doc(hidden)]
pub mod plans;
pub mod record;
#[cfg(feature = "sandbox")]
pub mod sandbox;
// The CLI's own module (the binary is another crate, so it must be `pub`):
// not a stable API, hidden from the documentation.
#[doc(hidden)]
pub mod sanitize;
pub mod secret;
pub mod session;
// The CLI's own module (the binary is another crate, so it must be `pub`):
// not a stable API, hidden from the documentation.
#[doc(hidden)]
pub mod submit;
mod temp;
pub mod video;
pub mod wait;
pub mod webhook;

pub use account::{
    Account, AgentChange, AgentQuery, AgentSummary, Listing, Page, PagingStop, Price, Pricing,
    UsageQuery, UsageRow,
};
pub use client::{Client, ClientBuilder, DownloadInfo};
pub use download::{Destination, DownloadEvent, DownloadOptions, Saved};
pub use error::{ApiError, Error};
pub use generate::{AspectRatio, Created, Framing, GenerateEvent, GenerateRequest};
pub use http::{AnswerHook, BaseUrlProblem, Cancel, Logger, Pause, PauseHook, RateInfo};
// The CLI's checks of a base URL: not a stable API, hidden from the documentation.
#[doc(hidden)]
pub use http::{check_base_url, is_loopback};
pub use jobs::{AddModelRequest, DynamicsRequest, Job, JobKind, Submitted};
pub use journal::Journal;
pub use jsonl::{Skipped, StoreError};
pub use media::Progress;
pub use record::{AgentRecord, Record};
pub use secret::ApiSecret;
pub use session::{
    ContextKind, Delivered, EmbedRequest, EmbedToken, Ended, Message, Revoked, Session,
    SessionDetail, SessionId, SessionList, SessionSummary, StartSession, Token, Transcript, Window,
};
pub use video::{VideoInput, VideoRequest};
pub use webhook::{Delivery, Event, VerifyError, Webhook, WebhookWithSecret, verify};

// docs/library.md's examples are compiled as doctests: the page cannot drift.
#[cfg(doctest)]
#[doc = include_str!("../docs/library.md")]
struct LibraryGuide;

/// `User-Agent` of every request.
pub const USER_AGENT: &str = concat!("bithuman-cli/", env!("CARGO_PKG_VERSION"));

/// The default API base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.bithuman.ai";

/// The model sent when none is chosen: the one whose `ready` agent has a
/// downloadable `.imx` (the API's own default, `expression-1`, has none).
pub const DEFAULT_MODEL: &str = "essence-1";

/// A fresh random idempotency key: one per `generate` invocation, reused by
/// that invocation's retries so a retried POST never bills twice.
pub fn new_idempotency_key() -> String {
    use rand::RngExt;
    let mut rng = rand::rng();
    let bytes: [u8; 16] = rng.random();
    format!("bh-{}", hex::encode(bytes))
}
