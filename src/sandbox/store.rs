//! The sandbox's one persistent world: a SQLite database shared by every
//! `--sandbox` command, `sandbox serve` and the library's emulator that
//! name the same folder (`:memory:` keeps a world per process).
//!
//! Concurrency: WAL (readers never wait for the writer), a busy timeout
//! plus a retry loop around `BEGIN IMMEDIATE` for every read-modify-write,
//! so two processes never lose each other's update and "database is
//! locked" is waited out here, not shown to the user. SQLite's journal makes
//! a SIGKILL at any instant lose at most the transaction in progress.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

use super::state::lock;

/// The schema this build writes (`PRAGMA user_version`); a newer file is refused.
pub(crate) const SCHEMA_VERSION: i64 = 1;
/// The database file inside the state folder.
pub const DB_FILE: &str = "world.sqlite3";
/// Written in the `world` row, so a SQLite file of another program is told apart.
pub(crate) const MAGIC: &str = "bithuman-sandbox";
/// How long one attempt waits for another process's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a write keeps retrying before the request is answered 503.
const BUSY_DEADLINE: Duration = Duration::from_secs(30);

/// The schema, but for the webhook tables ([`WEBHOOK_SCHEMA`]); live
/// sessions' later columns are added by `sessions::upgrade`.
const SCHEMA: &str = "
CREATE TABLE world (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    magic TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    salt INTEGER NOT NULL,
    plan TEXT NOT NULL,
    credits_start INTEGER NOT NULL,
    agent_cap INTEGER,
    session_cap INTEGER
);
CREATE TABLE buckets (
    name TEXT PRIMARY KEY,
    per_minute INTEGER NOT NULL,
    tokens REAL NOT NULL,
    updated_ms INTEGER NOT NULL
);
CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    speed REAL NOT NULL,
    model INTEGER NOT NULL,
    fail_row INTEGER NOT NULL,
    cartoon INTEGER NOT NULL,
    prompt TEXT,
    deleted_ms INTEGER,
    dynamics TEXT,
    dynamics_speed REAL,
    adds TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX agents_by_age ON agents (created_ms, id);
CREATE TABLE videos (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    speed REAL NOT NULL
);
CREATE TABLE usage (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    activity_type TEXT NOT NULL,
    pricing_code TEXT NOT NULL,
    meaning TEXT NOT NULL,
    agent_code TEXT NOT NULL,
    frames INTEGER,
    start_ms INTEGER,
    end_ms INTEGER,
    refund INTEGER NOT NULL,
    credits_change INTEGER NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE INDEX usage_by_time ON usage (created_ms);
CREATE TABLE replies (
    key TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    body BLOB NOT NULL,
    until_ms INTEGER,
    created_ms INTEGER NOT NULL
);
CREATE INDEX replies_by_age ON replies (created_ms);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    room TEXT,
    model TEXT,
    started_ms INTEGER NOT NULL,
    ended_ms INTEGER,
    uuid TEXT NOT NULL DEFAULT '',
    speed REAL NOT NULL DEFAULT 1,
    rate INTEGER NOT NULL DEFAULT 0,
    billed_tenths INTEGER,
    credits INTEGER,
    end_note TEXT
);
";

/// Webhooks, the events due when jobs end, and their deliveries (see
/// `webhooks.rs`). Apart from [`SCHEMA`] so that a world made before they
/// were used (these two tables then existed, empty, with other columns)
/// gets them without a new schema version.
const WEBHOOK_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    description TEXT,
    secret TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    deleted_ms INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    job TEXT NOT NULL,
    start_ms INTEGER NOT NULL,
    due_ms INTEGER NOT NULL,
    speed REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS events_due ON events (due_ms);
CREATE TABLE IF NOT EXISTS deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL,
    event TEXT NOT NULL,
    body BLOB NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    status INTEGER,
    delivered INTEGER NOT NULL DEFAULT 0,
    next_ms INTEGER,
    claimed_until INTEGER,
    speed REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_ms);
CREATE INDEX IF NOT EXISTS deliveries_by_hook ON deliveries (webhook_id, created_ms);
";

/// Brings the webhook tables of a world to [`WEBHOOK_SCHEMA`]: the empty
/// placeholders of older builds (no `attempts` column) are replaced.
fn webhook_tables(conn: &Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.query_row(
        "SELECT count(*) FROM pragma_table_info('deliveries') WHERE name = 'attempts'",
        [],
        |r| r.get(0),
    )?;
    if current == 0 {
        conn.execute_batch("DROP TABLE IF EXISTS deliveries; DROP TABLE IF EXISTS webhooks;")?;
    }
    conn.execute_batch(WEBHOOK_SCHEMA)
}

/// Every table, for `sandbox reset`.
pub(crate) const TABLES: [&str; 10] = [
    "world",
    "buckets",
    "agents",
    "videos",
    "usage",
    "replies",
    "webhooks",
    "deliveries",
    "events",
    "sessions",
];

/// Where a world lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateLocation {
    /// A world of this process alone, gone when it ends (`:memory:`).
    Memory,
    /// `DIR/world.sqlite3`, shared by every process naming `DIR`.
    Dir(PathBuf),
}

impl StateLocation {
    /// `:memory:` or a folder.
    #[must_use]
    pub fn parse(text: &str) -> StateLocation {
        if text == ":memory:" {
            StateLocation::Memory
        } else {
            StateLocation::Dir(PathBuf::from(text))
        }
    }

    /// The database file, when on disk.
    #[must_use]
    pub fn file(&self) -> Option<PathBuf> {
        match self {
            StateLocation::Memory => None,
            StateLocation::Dir(dir) => Some(dir.join(DB_FILE)),
        }
    }
}

impl std::fmt::Display for StateLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.file() {
            None => f.write_str(":memory:"),
            Some(file) => write!(f, "{}", file.display()),
        }
    }
}

/// Why a world cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StateError {
    /// The folder or file cannot be created or written.
    #[error("the sandbox state at {path} is not writable: {source}")]
    NotWritable {
        /// The folder or file.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a sandbox database (another program's, or not SQLite).
    #[error("{path} is not a bitHuman sandbox database")]
    NotOurs {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer version of this program.
    #[error("{path} has sandbox schema {found}; this version reads up to {SCHEMA_VERSION}")]
    Newer {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
    },
    /// SQLite found the file damaged.
    #[error("the sandbox database {path} is corrupt: {source}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
    /// Another process held the write lock past the deadline.
    #[error("the sandbox state {path} stayed locked by another process for {}s", BUSY_DEADLINE.as_secs())]
    Busy {
        /// The state's location.
        path: String,
    },
    /// Any other SQLite failure (disk full, I/O error).
    #[error("the sandbox state {path} failed: {source}")]
    Sql {
        /// The state's location.
        path: String,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
}

/// The SQLite result code of an error, if it is one.
fn code_of(e: &rusqlite::Error) -> Option<ErrorCode> {
    e.sqlite_error_code()
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        code_of(e),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// One world, opened by this process.
pub(crate) struct Store {
    conn: Mutex<Connection>,
    location: StateLocation,
}

/// Opens `DIR/world.sqlite3`, creating the folder when missing.
fn open_file(dir: &Path) -> Result<Connection, StateError> {
    std::fs::create_dir_all(dir).map_err(|source| StateError::NotWritable {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join(DB_FILE);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&path, flags).map_err(|e| StateError::NotWritable {
        path: path.clone(),
        source: std::io::Error::other(e),
    })?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|source| StateError::Sql {
            path: path.display().to_string(),
            source,
        })?;
    Ok(conn)
}

/// Rolls back a transaction its owner did not commit (an error, a panic).
struct Open<'a> {
    conn: &'a Connection,
    done: bool,
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl Store {
    /// Opens (creating when missing) the world at `location`.
    pub fn open(location: &StateLocation) -> Result<Store, StateError> {
        let conn = match location {
            StateLocation::Memory => {
                Connection::open_in_memory().map_err(|source| StateError::Sql {
                    path: ":memory:".into(),
                    source,
                })?
            }
            StateLocation::Dir(dir) => open_file(dir)?,
        };
        let store = Store {
            conn: Mutex::new(conn),
            location: location.clone(),
        };
        store.prepare()?;
        Ok(store)
    }

    fn path(&self) -> PathBuf {
        self.location.file().unwrap_or_else(|| ":memory:".into())
    }

    /// Maps a SQLite error on this store to a [`StateError`].
    pub fn error(&self, source: rusqlite::Error) -> StateError {
        let path = self.path();
        match code_of(&source) {
            Some(ErrorCode::NotADatabase) => StateError::NotOurs { path },
            Some(ErrorCode::DatabaseCorrupt) => StateError::Corrupt { path, source },
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StateError::NotWritable {
                    path,
                    source: std::io::Error::other(source),
                }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StateError::Busy {
                path: path.display().to_string(),
            },
            _ => StateError::Sql {
                path: path.display().to_string(),
                source,
            },
        }
    }

    /// Checks the file is ours and current, then creates the schema when it is new.
    fn prepare(&self) -> Result<(), StateError> {
        let (version, has_tables) = {
            let conn = lock(&self.conn);
            inspect(&conn, self.location != StateLocation::Memory).map_err(|e| self.error(e))?
        };
        if version > SCHEMA_VERSION {
            return Err(StateError::Newer {
                path: self.path(),
                found: version,
            });
        }
        if version == 0 && has_tables {
            return Err(StateError::NotOurs { path: self.path() });
        }
        if self.location != StateLocation::Memory {
            // WAL: readers in other processes never wait for a writer.
            // Switching to WAL takes the write lock: wait for it as writes do.
            let conn = lock(&self.conn);
            let started = Instant::now();
            loop {
                match conn.pragma_update(None, "journal_mode", "WAL") {
                    Err(e) if is_busy(&e) && started.elapsed() < BUSY_DEADLINE => {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    done => break done.map_err(|e| self.error(e))?,
                }
            }
            conn.pragma_update(None, "synchronous", "NORMAL")
                .map_err(|e| self.error(e))?;
        }
        let magic: Option<String> = self.write(|conn| {
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version == 0 {
                conn.execute_batch(SCHEMA)?;
                conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            }
            super::sessions::upgrade(conn)?;
            webhook_tables(conn)?;
            conn.query_row("SELECT magic FROM world WHERE id = 1", [], |r| r.get(0))
                .optional()
        })?;
        match magic {
            Some(m) if m != MAGIC => Err(StateError::NotOurs { path: self.path() }),
            _ => Ok(()),
        }
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction (the write lock taken
    /// first, so a read-modify-write cannot lose another process's update),
    /// waiting while another process writes. Commits when `f` succeeds;
    /// rolls back otherwise.
    pub fn write<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StateError> {
        self.write_with(|conn| f(conn).map_err(|e| self.error(e)))
    }

    /// As [`Store::write`], for a closure with an error of its own.
    pub fn write_with<T, E: From<StateError>>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let conn = lock(&self.conn);
        let started = Instant::now();
        loop {
            match conn.execute_batch("BEGIN IMMEDIATE") {
                Ok(()) => break,
                Err(e) if is_busy(&e) && started.elapsed() < BUSY_DEADLINE => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(E::from(self.error(e))),
            }
        }
        let mut open = Open {
            conn: &conn,
            done: false,
        };
        let value = f(&conn)?;
        conn.execute_batch("COMMIT")
            .map_err(|e| E::from(self.error(e)))?;
        open.done = true;
        Ok(value)
    }

    /// Runs `f` on the connection for reads (WAL: never blocked by a writer).
    pub fn read<T, E: From<StateError>>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let conn = lock(&self.conn);
        f(&conn)
    }
}

/// The schema version and whether the file has any table; on a file,
/// SQLite's own consistency check first.
fn inspect(conn: &Connection, check: bool) -> rusqlite::Result<(i64, bool)> {
    if check {
        let ok: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
                Some(ok),
            ));
        }
    }
    // One statement, so one snapshot: read apart, another process creating
    // the world could commit between the two reads (version 0, then its
    // tables), and a new world would look like another program's database.
    let (version, tables): (i64, i64) = conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version), \
                (SELECT count(*) FROM sqlite_schema WHERE type = 'table')",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((version, tables > 0))
}

/// Removes a world's files (the database, its WAL and shared-memory index),
/// for `sandbox reset` of a file that cannot be opened as a world.
pub(crate) fn remove_files(dir: &Path) -> std::io::Result<()> {
    for name in [DB_FILE, "world.sqlite3-wal", "world.sqlite3-shm"] {
        match std::fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_waits_for_another_process_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let location = StateLocation::Dir(dir.path().to_path_buf());
        let one = Store::open(&location).unwrap();
        one.write(|conn| super::super::world::insert_world(conn, 1, 0).map(|_| ()))
            .unwrap();
        let two = Store::open(&location).unwrap();
        let (held, release) = std::sync::mpsc::channel::<()>();
        std::thread::scope(|scope| {
            scope.spawn(|| {
                one.write(|conn| {
                    conn.execute("UPDATE world SET credits_start = credits_start - 1", [])?;
                    // Hold the write lock past the busy timeout of one attempt.
                    let _ = held.send(());
                    std::thread::sleep(BUSY_TIMEOUT + Duration::from_millis(500));
                    Ok(())
                })
                .unwrap();
            });
            let () = release.recv().unwrap();
            two.write(|conn| {
                conn.execute("UPDATE world SET credits_start = credits_start - 1", [])
                    .map(|_| ())
            })
            .unwrap();
        });
        // Both updates landed: none was lost, neither failed.
        let start: i64 = one
            .read(|conn| {
                conn.query_row("SELECT credits_start FROM world", [], |r| r.get(0))
                    .map_err(|e| one.error(e))
            })
            .unwrap();
        assert_eq!(start, super::super::ledger::DEFAULT_CREDITS as i64 - 2);
    }

    #[test]
    fn a_world_with_the_old_placeholder_webhook_tables_gets_the_new_ones() {
        let dir = tempfile::tempdir().unwrap();
        let location = StateLocation::Dir(dir.path().to_path_buf());
        drop(Store::open(&location).unwrap());
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.execute_batch(
            "DROP TABLE deliveries; DROP TABLE webhooks; DROP TABLE events;
             CREATE TABLE webhooks (id TEXT PRIMARY KEY, url TEXT NOT NULL, events TEXT NOT NULL,
                 secret TEXT NOT NULL, created_ms INTEGER NOT NULL, deleted_ms INTEGER);
             CREATE TABLE deliveries (id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL,
                 event TEXT NOT NULL, body BLOB NOT NULL, attempt INTEGER NOT NULL,
                 due_ms INTEGER NOT NULL, status INTEGER, delivered_ms INTEGER);",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&location).unwrap();
        let (version, columns, events): (i64, i64, i64) = store
            .read(|conn| {
                conn.query_row(
                    "SELECT (SELECT user_version FROM pragma_user_version), \
                     (SELECT count(*) FROM pragma_table_info('deliveries') WHERE name = 'attempts'), \
                     (SELECT count(*) FROM sqlite_schema WHERE name = 'events')",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .map_err(|e| store.error(e))
            })
            .unwrap();
        assert_eq!((version, columns, events), (SCHEMA_VERSION, 1, 1));
    }

    #[test]
    fn a_newer_schema_and_a_foreign_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let location = StateLocation::Dir(dir.path().to_path_buf());
        drop(Store::open(&location).unwrap());
        let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        assert!(matches!(
            Store::open(&location),
            Err(StateError::Newer { found, .. }) if found == SCHEMA_VERSION + 1
        ));
        std::fs::write(dir.path().join(DB_FILE), b"hello").unwrap();
        assert!(matches!(
            Store::open(&location),
            Err(StateError::NotOurs { .. })
        ));
    }
}
