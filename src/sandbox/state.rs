//! The sandbox's shared state: agents minted or changed here, idempotency
//! replays, uploads, credits, the rate-limit window, queued faults and the
//! request log.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::agents::{self, Agent};
use super::ledger::{DEFAULT_CREDITS, Ledger};
use super::{Fault, RecordedRequest, SandboxConfig};

/// Uploads are kept in memory; beyond this many bytes the oldest are forgotten.
const UPLOAD_BUDGET: usize = 256 * 1024 * 1024;
/// Idempotency keys remembered (the oldest are forgotten first).
const IDEMPOTENCY_KEYS: usize = 10_000;
/// Bytes of request bodies the request log keeps (the oldest entries go first).
const LOG_BYTES: usize = 256 * 1024 * 1024;
/// Requests the request log keeps.
const LOG_ENTRIES: usize = 100_000;
/// Agents whose details (prompt, adds, deletion) are remembered; the oldest
/// are forgotten first (their ids still answer, as created).
const AGENTS: usize = 2_000;

/// Locks a mutex, recovering the data if a thread panicked while holding it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A first response to a billed submit, kept to replay byte for byte.
#[derive(Clone)]
pub(crate) struct Stored {
    pub status: u16,
    pub body: Vec<u8>,
    /// A sync answer (`wait: true`) is not sent before this unix ms.
    pub until_ms: Option<u64>,
}

/// One uploaded file.
pub(crate) struct Upload {
    pub mime: String,
    pub bytes: Vec<u8>,
}

pub(crate) struct Books {
    /// Agents minted, regenerated or changed by this process.
    agents: HashMap<String, Agent>,
    agent_order: VecDeque<String>,
    pub idempotency: HashMap<String, Stored>,
    idempotency_order: VecDeque<String>,
    uploads: HashMap<String, Upload>,
    upload_order: VecDeque<String>,
    upload_bytes: usize,
    /// Admission times of generate requests within the last 60 s.
    window: VecDeque<Instant>,
    pub ledger: Ledger,
}

impl Books {
    pub fn new(ledger: Ledger) -> Books {
        Books {
            agents: HashMap::new(),
            agent_order: VecDeque::new(),
            idempotency: HashMap::new(),
            idempotency_order: VecDeque::new(),
            uploads: HashMap::new(),
            upload_order: VecDeque::new(),
            upload_bytes: 0,
            window: VecDeque::new(),
            ledger,
        }
    }

    /// The agent called `id`: as this process knows it, or as its id tells.
    pub fn agent(&self, id: &str) -> Option<Agent> {
        match self.agents.get(id) {
            Some(agent) => Some(agent.clone()),
            None => agents::decode_id(id),
        }
    }

    /// The agent called `id`, to change; one minted elsewhere is taken into the books.
    pub fn agent_mut(&mut self, id: &str) -> Option<&mut Agent> {
        if !self.agents.contains_key(id) {
            self.insert_agent(agents::decode_id(id)?);
        }
        self.agents.get_mut(id)
    }

    /// Remembers (or replaces) an agent.
    pub fn insert_agent(&mut self, agent: Agent) {
        let id = agent.id.clone();
        if self.agents.insert(id.clone(), agent).is_none() {
            self.agent_order.push_back(id);
        }
        while self.agent_order.len() > AGENTS {
            if let Some(old) = self.agent_order.pop_front() {
                self.agents.remove(&old);
            }
        }
    }

    /// Every agent this process remembers.
    pub fn known_agents(&self) -> impl Iterator<Item = &Agent> {
        self.agents.values()
    }

    pub fn remember_reply(&mut self, key: String, stored: Stored) {
        if self.idempotency.insert(key.clone(), stored).is_none() {
            self.idempotency_order.push_back(key);
        }
        while self.idempotency_order.len() > IDEMPOTENCY_KEYS {
            if let Some(old) = self.idempotency_order.pop_front() {
                self.idempotency.remove(&old);
            }
        }
    }

    pub fn store_upload(&mut self, name: String, upload: Upload) {
        self.upload_bytes += upload.bytes.len();
        if let Some(old) = self.uploads.insert(name.clone(), upload) {
            self.upload_bytes -= old.bytes.len();
        } else {
            self.upload_order.push_back(name);
        }
        while self.upload_bytes > UPLOAD_BUDGET && self.upload_order.len() > 1 {
            if let Some(old) = self.upload_order.pop_front()
                && let Some(gone) = self.uploads.remove(&old)
            {
                self.upload_bytes -= gone.bytes.len();
            }
        }
    }

    pub fn upload(&self, name: &str) -> Option<&Upload> {
        self.uploads.get(name)
    }

    /// Admits one generate request, or returns the seconds until one may
    /// pass; either way also the requests left in the window and the unix
    /// second it next frees a slot (for the `X-RateLimit-*` headers).
    pub fn admit(&mut self, limit: u32) -> (Result<(), u64>, u32, u64) {
        let now = Instant::now();
        let window = Duration::from_secs(60);
        while self
            .window
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            self.window.pop_front();
        }
        let admitted = if self.window.len() < limit as usize {
            self.window.push_back(now);
            Ok(())
        } else {
            Err(())
        };
        let oldest = self.window.front().copied().unwrap_or(now);
        let wait = window.saturating_sub(now.duration_since(oldest));
        let remaining = (limit as usize).saturating_sub(self.window.len()) as u32;
        let reset = super::codec::now_ms().div_ceil(1000) + wait.as_secs_f64().ceil() as u64;
        let admitted = admitted.map_err(|()| wait.as_secs_f64().ceil().max(1.0) as u64);
        (admitted, remaining, reset)
    }
}

/// The most recent requests, within [`LOG_ENTRIES`] and [`LOG_BYTES`].
#[derive(Default)]
pub(crate) struct RequestLog {
    entries: VecDeque<RecordedRequest>,
    bytes: usize,
}

impl RequestLog {
    pub fn push(&mut self, request: RecordedRequest) {
        self.bytes += request.body.len();
        self.entries.push_back(request);
        while self.entries.len() > 1 && (self.bytes > LOG_BYTES || self.entries.len() > LOG_ENTRIES)
        {
            if let Some(old) = self.entries.pop_front() {
                self.bytes -= old.body.len();
            }
        }
    }

    pub fn all(&self) -> Vec<RecordedRequest> {
        self.entries.iter().cloned().collect()
    }
}

/// Everything the handlers share.
pub(crate) struct Shared {
    pub config: SandboxConfig,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// Whether to keep the request log ([`super::Sandbox::requests`]).
    pub record: bool,
    pub rng: Mutex<StdRng>,
    pub books: Mutex<Books>,
    pub faults: Mutex<VecDeque<Fault>>,
    pub requests: Mutex<RequestLog>,
}

impl Shared {
    pub fn new(config: SandboxConfig, base: String, record: bool) -> Shared {
        let mut rng = match config.seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => StdRng::seed_from_u64(rand::rng().random()),
        };
        let ledger = Ledger::new(
            config.credits.unwrap_or(DEFAULT_CREDITS),
            rng.random(),
            format!("{base}/topup"),
        );
        Shared {
            config,
            base,
            record,
            books: Mutex::new(Books::new(ledger)),
            rng: Mutex::new(rng),
            faults: Mutex::new(VecDeque::new()),
            requests: Mutex::new(RequestLog::default()),
        }
    }

    /// True with probability `p` (never for 0, always for 1).
    pub fn chance(&self, p: f64) -> bool {
        if p <= 0.0 {
            return false;
        }
        if p >= 1.0 {
            return true;
        }
        lock(&self.rng).random_bool(p)
    }

    pub fn random<T>(&self) -> T
    where
        rand::distr::StandardUniform: rand::distr::Distribution<T>,
    {
        lock(&self.rng).random()
    }

    /// Takes one firing of the first queued fault that matches.
    pub fn take_fault(&self, method: &str, path: &str) -> Option<Fault> {
        let mut faults = lock(&self.faults);
        let index = faults.iter().position(|f| {
            f.method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && path.starts_with(&f.path_prefix)
        })?;
        let fault = faults.get_mut(index)?;
        fault.times = fault.times.saturating_sub(1);
        let fired = fault.clone();
        if fault.times == 0 {
            faults.remove(index);
        }
        Some(fired)
    }

    /// The agent called `id`, minted here or by any other sandbox.
    pub fn agent(&self, id: &str) -> Option<Agent> {
        lock(&self.books).agent(id)
    }
}
