//! An offline emulator of the bitHuman API.
//!
//! Used by `bithuman sandbox serve`, by the global `--sandbox` flag (an
//! in-process instance on an ephemeral port) and by the test-suite. It
//! answers the routes the CLI uses (agents, talking videos, model adds,
//! dynamics, management, the account and its credits, webhooks, whose
//! events it delivers to loopback receivers) with the live API's
//! envelopes, validation and status sequences, hosts the files it hands out
//! on its own loopback address, bounds what clients can make it hold, and
//! can inject faults (failed jobs, 503s, 429s, broken connections, stalls).
//!
//! Its world (agents, videos, credits, usage, the plan and its rate
//! buckets) lives in a SQLite database: `:memory:` by default, one world
//! per [`Sandbox`]; or a folder ([`SandboxConfig::state`]) that every
//! sandbox naming it shares, across processes.
//!
//! ```no_run
//! use bithuman::sandbox::{Sandbox, SandboxConfig};
//! let sandbox = Sandbox::start(SandboxConfig { speed: 50.0, ..SandboxConfig::default() })?;
//! println!("export BITHUMAN_API_BASE={}", sandbox.base_url());
//! # Ok::<(), bithuman::sandbox::SandboxError>(())
//! ```

mod account;
mod agents;
mod books;
mod codec;
mod dynamics;
mod faults;
mod files;
mod ledger;
mod manage;
mod models;
mod plans;
mod routes;
mod server;
mod sessions;
mod state;
mod store;
mod upload;
mod video;
mod webhooks;
mod world;

pub use plans::{Bucket, PLANS, Plan, RateLimits};
pub use store::{DB_FILE, StateError, StateLocation};
pub use webhooks::WebhookFaults;
pub use world::{WorldStatus, reset, status};

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use state::Shared;

/// How a sandbox behaves.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Port on 127.0.0.1; `0` picks any free port.
    pub port: u16,
    /// Divides every delay of the status sequence (must be > 0).
    pub speed: f64,
    /// Share (0..=1) of jobs (agents, videos, model adds, dynamics) that end `failed`.
    pub fail_rate: f64,
    /// Share (0..=1) of requests, on every route, answered `503 SERVICE_UNAVAILABLE`.
    pub flaky: f64,
    /// The generate bucket's size (requests per minute, = burst), as
    /// `rate_limits.generate`; kept for the single-number `--rate-limit N`.
    pub rate_limit: Option<u32>,
    /// Overrides of the plan's generate, write and read buckets.
    pub rate_limits: RateLimits,
    /// The plan written into the world; `None` keeps the world's (a new
    /// world starts on `business`).
    pub plan: Option<Plan>,
    /// Where the world lives: `:memory:` (the default, a world of this
    /// process alone) or a folder shared with other processes.
    pub state: StateLocation,
    /// Makes the random choices repeatable.
    pub seed: Option<u64>,
    /// When set, the only accepted `api-secret`; otherwise any non-empty one.
    pub secret: Option<String>,
    /// The credit balance it starts with (`None`: 1,000,000).
    pub credits: Option<u64>,
    /// Log each request (`METHOD /path -> STATUS (N ms)`) on stderr.
    pub verbose: bool,
    /// Misbehaviour of webhook deliveries (drops, duplicates, late or
    /// badly signed attempts), drawn from the seeded random choices.
    pub webhook_faults: WebhookFaults,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            port: 0,
            speed: 1.0,
            fail_rate: 0.0,
            flaky: 0.0,
            rate_limit: None,
            rate_limits: RateLimits::default(),
            plan: None,
            state: StateLocation::Memory,
            seed: None,
            secret: None,
            credits: None,
            verbose: false,
            webhook_faults: WebhookFaults::default(),
        }
    }
}

impl SandboxConfig {
    /// The default config with the plan's limits lifted (enterprise: no
    /// agent cap; buckets too large to empty), for tests that send more
    /// than a real account could in a minute.
    #[must_use]
    pub fn unmetered() -> SandboxConfig {
        SandboxConfig {
            plan: Some(Plan::Enterprise),
            rate_limits: RateLimits {
                generate: Some(u32::MAX),
                write: Some(u32::MAX),
                read: Some(u32::MAX),
            },
            ..SandboxConfig::default()
        }
    }
}

/// One request the sandbox received.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// `GET`, `POST`, …
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The query string, when there is one.
    pub query: Option<String>,
    /// Header names are lowercase.
    pub headers: Vec<(String, String)>,
    /// The body as received.
    pub body: Vec<u8>,
    /// When the whole request had arrived: tests measure the client's pauses
    /// (Retry-After, backoff) between two requests from these, not from the
    /// wall clock around a whole run.
    pub received: std::time::Instant,
}

impl RecordedRequest {
    /// The first header called `name` (case-insensitive).
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, when it is JSON.
    #[must_use]
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// A scripted misbehaviour, matched in FIFO order before auth.
#[derive(Clone, Debug)]
pub struct Fault {
    /// Method to match (`None` = any), e.g. `"POST"`.
    pub method: Option<String>,
    /// The request path must start with this.
    pub path_prefix: String,
    /// How many matching requests it applies to before it is removed.
    pub times: usize,
    /// What it does to them.
    pub action: FaultAction,
}

/// What a [`Fault`] does.
#[derive(Clone, Debug)]
pub enum FaultAction {
    /// Answer this instead of the real handler (content type from `headers`, else JSON).
    Respond {
        /// The HTTP status.
        status: u16,
        /// Headers to send.
        headers: Vec<(String, String)>,
        /// The body.
        body: String,
    },
    /// Run the real handler (its state changes happen), then answer this instead.
    RespondAfterHandling {
        /// The HTTP status.
        status: u16,
        /// The (JSON) body.
        body: String,
    },
    /// Start a 200 response, then abort the connection mid-body.
    Drop,
    /// Sleep this long before handling.
    Stall(Duration),
}

/// Why a sandbox cannot start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// A knob out of range (`speed` not > 0, a share outside 0..=1).
    #[error("{0}")]
    Invalid(String),
    /// The port cannot be bound (in use, or not allowed).
    #[error("{message}")]
    Listen {
        /// What could not be bound, in words.
        message: String,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// The world's state cannot be opened or used.
    #[error(transparent)]
    State(#[from] StateError),
    /// The runtime or a signal handler could not be set up, or the listener failed.
    #[error("the sandbox server failed: {0}")]
    Io(#[from] std::io::Error),
}

impl SandboxError {
    /// The port was already taken.
    #[must_use]
    pub fn is_addr_in_use(&self) -> bool {
        matches!(self, SandboxError::Listen { source, .. } if source.kind() == std::io::ErrorKind::AddrInUse)
    }
}

/// A running sandbox; dropping it stops it.
pub struct Sandbox {
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Binds 127.0.0.1:`config.port` and serves on a thread of its own;
    /// returns once the port listens.
    ///
    /// # Errors
    /// An invalid knob (`speed` not > 0, a share outside 0..=1), the port
    /// cannot be bound, or the world's state cannot be opened.
    pub fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        let (listener, shared) = bind(config, true)?;
        let runtime = runtime()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let serve_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("bithuman-sandbox".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    // This process delivers its share of the world's webhook events.
                    tokio::spawn(webhooks::run(Arc::clone(&serve_shared)));
                    let app = routes::router(serve_shared);
                    tokio::select! {
                        _ = server::serve(listener, app, server::Limits::default()) => {}
                        _ = stopped => {}
                    }
                });
                runtime.shutdown_timeout(Duration::from_millis(200));
            })?;
        Ok(Sandbox {
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    #[must_use]
    pub fn base_url(&self) -> String {
        self.shared.base.clone()
    }

    /// The requests received so far, in order (fault-answered ones
    /// included): the most recent 100,000, within 256 MB of bodies.
    #[must_use]
    pub fn requests(&self) -> Vec<RecordedRequest> {
        state::lock(&self.shared.requests).all()
    }

    /// Queues a fault.
    pub fn inject(&self, fault: Fault) {
        if fault.times > 0 {
            state::lock(&self.shared.faults).push_back(fault);
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Serves until SIGINT or SIGTERM, then returns `Ok(())`. `on_ready` gets the
/// base URL as soon as the port listens.
///
/// # Errors
/// As [`Sandbox::start`], or a failure of the listener.
pub fn serve_until_signal(
    config: SandboxConfig,
    on_ready: impl FnOnce(&str),
) -> Result<(), SandboxError> {
    let (listener, shared) = bind(config, false)?;
    let runtime = runtime()?;
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        // Listen for the stop signals before announcing the URL: a signal
        // sent right after the URL line must stop the server, not kill it.
        let stop = stop_signals()?;
        on_ready(&shared.base);
        tokio::spawn(webhooks::run(Arc::clone(&shared)));
        let app = routes::router(shared);
        tokio::select! {
            served = server::serve(listener, app, server::Limits::default()) => served,
            () = stop => Ok(()),
        }
    });
    let result: std::io::Result<()> = result;
    runtime.shutdown_timeout(Duration::from_millis(200));
    Ok(result?)
}

/// SIGINT or SIGTERM (Ctrl-C elsewhere), registered now, awaited later.
fn stop_signals() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut int = signal(SignalKind::interrupt())?;
        let mut term = signal(SignalKind::terminate())?;
        Ok(async move {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

fn bind(config: SandboxConfig, record: bool) -> Result<(TcpListener, Arc<Shared>), SandboxError> {
    if !(config.speed.is_finite() && config.speed > 0.0) {
        return Err(SandboxError::Invalid(
            "sandbox speed must be a number greater than 0".into(),
        ));
    }
    if !config.webhook_faults.valid() {
        return Err(SandboxError::Invalid(
            "sandbox webhook faults must be between 0 and 1".into(),
        ));
    }
    for (name, p) in [("fail rate", config.fail_rate), ("flaky", config.flaky)] {
        if !(0.0..=1.0).contains(&p) {
            return Err(SandboxError::Invalid(format!(
                "sandbox {name} must be between 0 and 1"
            )));
        }
    }
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, config.port));
    let listener = TcpListener::bind(addr).map_err(|source| {
        // Name the address: the bare OS message does not say which port.
        let message = if source.kind() == std::io::ErrorKind::AddrInUse {
            format!("{addr} is already in use (another program or sandbox listens there)")
        } else {
            format!("cannot listen on {addr}: {source}")
        };
        SandboxError::Listen { message, source }
    })?;
    listener.set_nonblocking(true)?;
    let base = format!("http://{}", listener.local_addr()?);
    Ok((listener, Arc::new(Shared::new(config, base, record)?)))
}

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("bithuman-sandbox-worker")
        .enable_all()
        .build()
}
