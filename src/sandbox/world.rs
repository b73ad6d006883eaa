//! `bithuman sandbox status` and `sandbox reset`: a world looked at, or
//! emptied, without serving it.

use rand::RngExt;
use rusqlite::Connection;

use super::books::Books;
use super::codec::now_ms;
use super::plans::{self, Bucket, Plan};
use super::store::{self, StateError, StateLocation, Store};

/// What `sandbox status` prints.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct WorldStatus {
    /// Where the world is (`:memory:` or the database file).
    pub location: StateLocation,
    /// The plan the world's account is on.
    pub plan: Plan,
    /// The credit balance now.
    pub balance: i64,
    /// Agents not deleted.
    pub agents: u64,
    /// Talking videos on record.
    pub videos: u64,
    /// Sessions on record.
    pub sessions: u64,
    /// Webhooks registered.
    pub webhooks: u64,
    /// Requests per minute of the generate, write and read buckets.
    pub limits: [(Bucket, u32); 3],
}

/// The world at `location` (a new, empty one when there is none yet).
///
/// # Errors
/// The state cannot be opened: not writable, not a sandbox database, a
/// newer schema, corrupt.
pub fn status(location: &StateLocation) -> Result<WorldStatus, StateError> {
    let store = Store::open(location)?;
    ensure_world(&store)?;
    let now = now_ms();
    store.read(|conn| {
        let books = Books {
            conn,
            store: &store,
        };
        let mut limits = Bucket::ALL.map(|b| (b, 0));
        for (bucket, n) in &mut limits {
            *n = books.sql(conn.query_row(
                "SELECT per_minute FROM buckets WHERE name = ?1",
                [bucket.name()],
                |r| r.get(0),
            ))?;
        }
        Ok(WorldStatus {
            location: location.clone(),
            plan: books.sql(plans::plan(conn))?,
            balance: books.balance(now)?,
            agents: books.live_agent_count()?,
            videos: books.count("videos")?,
            sessions: books.count("sessions")?,
            // Deleted webhooks stay as rows (their ids answer 404); not counted.
            webhooks: books
                .sql(conn.query_row(
                    "SELECT count(*) FROM webhooks WHERE deleted_ms IS NULL",
                    [],
                    |r| r.get::<_, i64>(0),
                ))
                .map(|n| u64::try_from(n).unwrap_or(0))?,
            limits,
        })
    })
}

/// Empties the world at `location`: every agent, video, usage row, session
/// and webhook goes, the plan and balance start over. A file that cannot be
/// opened as a world (another program's, a newer schema, corrupt) is
/// replaced by an empty world.
///
/// # Errors
/// The state is not writable.
pub fn reset(location: &StateLocation) -> Result<(), StateError> {
    let store = match Store::open(location) {
        Ok(store) => store,
        Err(StateError::NotOurs { .. } | StateError::Newer { .. } | StateError::Corrupt { .. }) => {
            if let StateLocation::Dir(dir) = location {
                store::remove_files(dir).map_err(|source| StateError::NotWritable {
                    path: dir.join(store::DB_FILE),
                    source,
                })?;
            }
            Store::open(location)?
        }
        Err(e) => return Err(e),
    };
    // One transaction: a `serve` sharing the world sees the old world or
    // the new one, never an empty world without its world row.
    let salt: i64 = rand::rng().random();
    store.write(|conn| {
        for table in store::TABLES {
            conn.execute(&format!("DELETE FROM {table}"), [])?;
        }
        conn.execute("DELETE FROM sqlite_sequence", [])?;
        insert_world(conn, salt, now_ms()).map(|_| ())
    })
}

/// Creates the world row (business plan, default balance) when missing;
/// true when it did.
pub(crate) fn insert_world(conn: &Connection, salt: i64, now: u64) -> rusqlite::Result<bool> {
    let fresh = conn.execute(
        "INSERT OR IGNORE INTO world (id, magic, created_ms, salt, plan, credits_start) \
         VALUES (1, ?1, ?2, ?3, 'business', ?4)",
        rusqlite::params![
            store::MAGIC,
            now as i64,
            salt,
            super::ledger::DEFAULT_CREDITS as i64
        ],
    )? == 1;
    if fresh {
        plans::set_plan(conn, Plan::Business, now)?;
    }
    Ok(fresh)
}

fn ensure_world(store: &Store) -> Result<(), StateError> {
    let salt: i64 = rand::rng().random();
    store.write(|conn| insert_world(conn, salt, now_ms()).map(|_| ()))
}
