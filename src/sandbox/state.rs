//! What the handlers share: the world (a [`Store`], shared with other
//! processes), and what belongs to this process alone: its uploads, its
//! random numbers, queued faults and the request log.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::agents::Agent;
use super::books::Books;
use super::plans;
use super::store::{StateError, Store};
use super::{Fault, RecordedRequest, SandboxConfig};

/// Uploads are kept in memory; beyond this many bytes the oldest are forgotten.
const UPLOAD_BUDGET: usize = 256 * 1024 * 1024;
/// Bytes of request bodies the request log keeps (the oldest entries go first).
const LOG_BYTES: usize = 256 * 1024 * 1024;
/// Requests the request log keeps.
const LOG_ENTRIES: usize = 100_000;

/// Locks a mutex, recovering the data if a thread panicked while holding it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One uploaded file.
pub(crate) struct Upload {
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// Uploaded files, served back from this process's own address (so they
/// belong to the process, not to the shared world), within [`UPLOAD_BUDGET`].
#[derive(Default)]
pub(crate) struct Uploads {
    files: HashMap<String, Upload>,
    order: VecDeque<String>,
    bytes: usize,
}

impl Uploads {
    pub fn store(&mut self, name: String, upload: Upload) {
        self.bytes += upload.bytes.len();
        if let Some(old) = self.files.insert(name.clone(), upload) {
            self.bytes -= old.bytes.len();
        } else {
            self.order.push_back(name);
        }
        while self.bytes > UPLOAD_BUDGET && self.order.len() > 1 {
            if let Some(old) = self.order.pop_front()
                && let Some(gone) = self.files.remove(&old)
            {
                self.bytes -= gone.bytes.len();
            }
        }
    }

    pub fn get(&self, name: &str) -> Option<&Upload> {
        self.files.get(name)
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
    /// The world: shared with every process that opened the same state.
    pub store: Store,
    pub uploads: Mutex<Uploads>,
    /// Request-body bytes held by all connections ([`super::routes::BODY_BUDGET`]).
    pub bodies: super::routes::BodyBudget,
    pub faults: Mutex<VecDeque<Fault>>,
    pub requests: Mutex<RequestLog>,
}

impl Shared {
    /// Opens the world named by `config.state` and applies the plan, the
    /// rate-limit overrides and the balance the config sets.
    pub fn new(config: SandboxConfig, base: String, record: bool) -> Result<Shared, StateError> {
        let mut rng = match config.seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => StdRng::seed_from_u64(rand::rng().random()),
        };
        let store = Store::open(&config.state)?;
        let salt: i64 = rng.random::<i64>();
        setup(&store, &config, salt)?;
        Ok(Shared {
            config,
            base,
            record,
            store,
            uploads: Mutex::new(Uploads::default()),
            bodies: super::routes::BodyBudget::default(),
            rng: Mutex::new(rng),
            faults: Mutex::new(VecDeque::new()),
            requests: Mutex::new(RequestLog::default()),
        })
    }

    /// Runs `f` on the world inside a write transaction.
    pub fn write<T, E: From<StateError>>(
        &self,
        f: impl FnOnce(&Books<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.store.write_with(|conn| {
            f(&Books {
                conn,
                store: &self.store,
            })
        })
    }

    /// Runs `f` on the world for reads.
    pub fn read<T, E: From<StateError>>(
        &self,
        f: impl FnOnce(&Books<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        self.store.read(|conn| {
            f(&Books {
                conn,
                store: &self.store,
            })
        })
    }

    /// Where a `402` sends people: a page on the sandbox's own address.
    pub fn topup_url(&self) -> String {
        format!("{}/topup", self.base)
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

    /// The agent called `id` in this world (deleted ones included).
    pub fn agent(&self, id: &str) -> Result<Option<Agent>, StateError> {
        self.read(|books| books.agent(id))
    }
}

/// Creates the world row of a new world, then writes what the config sets
/// (an unset knob leaves the shared world as other processes left it).
fn setup(store: &Store, config: &SandboxConfig, salt: i64) -> Result<(), StateError> {
    let now = super::codec::now_ms();
    store.write(|conn| {
        super::world::insert_world(conn, salt, now)?;
        let mut limits = config.rate_limits;
        limits.generate = limits.generate.or(config.rate_limit);
        plans::configure(conn, config.plan, limits, now)
    })?;
    if let Some(credits) = config.credits {
        store.write_with(|conn| Books { conn, store }.set_balance(now, credits))?;
    }
    Ok(())
}
