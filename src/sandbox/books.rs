//! The world's records, read and written through one open connection:
//! agents (prompts, models, gestures, deletions), videos, stored answers
//! for idempotent replays, and the world row itself. The credit ledger's
//! part is in [`super::ledger`], the buckets' in [`super::plans`].

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::agents::Agent;
use super::models::{ADDABLE, ModelAdd};
use super::store::{StateError, Store};

/// Idempotency keys remembered (the oldest are forgotten first).
const IDEMPOTENCY_KEYS: i64 = 10_000;

/// A first response to a billed submit, kept to replay byte for byte.
#[derive(Clone)]
pub(crate) struct Stored {
    pub status: u16,
    pub body: Vec<u8>,
    /// A sync answer (`wait: true`) is not sent before this unix ms.
    pub until_ms: Option<u64>,
}

/// The world, as one request sees it (inside a transaction when it writes).
pub(crate) struct Books<'a> {
    pub conn: &'a Connection,
    pub store: &'a Store,
}

/// How a model add is kept in the agent's `adds` column.
#[derive(Serialize, Deserialize)]
struct AddRow {
    model: String,
    start_ms: u64,
    instant: bool,
    fails: bool,
    speed: f64,
}

const AGENT_COLUMNS: &str = "id, created_ms, start_ms, speed, model, fail_row, cartoon, prompt, \
                             deleted_ms, dynamics, dynamics_speed, adds";

fn agent_of(row: &Row<'_>) -> rusqlite::Result<Agent> {
    let adds: String = row.get(11)?;
    let adds: Vec<AddRow> = serde_json::from_str(&adds).unwrap_or_default();
    Ok(Agent {
        id: row.get(0)?,
        created_ms: u64::try_from(row.get::<_, i64>(1)?).unwrap_or(0),
        start_ms: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        speed: row.get(3)?,
        model: row.get(4)?,
        fail_row: row.get(5)?,
        cartoon: row.get(6)?,
        prompt: row.get(7)?,
        deleted: row.get::<_, Option<i64>>(8)?.is_some(),
        dynamics: row.get(9)?,
        dynamics_speed: row.get::<_, Option<f64>>(10)?.unwrap_or(1.0),
        adds: adds
            .into_iter()
            .filter_map(|a| {
                let model = ADDABLE.iter().find(|m| **m == a.model)?;
                Some(ModelAdd {
                    model,
                    start_ms: a.start_ms,
                    instant: a.instant,
                    fails: a.fails,
                    speed: a.speed,
                })
            })
            .collect(),
    })
}

impl Books<'_> {
    /// Maps a SQLite failure onto the store's error.
    pub fn sql<T>(&self, result: rusqlite::Result<T>) -> Result<T, StateError> {
        result.map_err(|e| self.store.error(e))
    }

    /// The agent called `id` (deleted ones included); `None` when this world never had it.
    pub fn agent(&self, id: &str) -> Result<Option<Agent>, StateError> {
        self.sql(
            self.conn
                .query_row(
                    &format!("SELECT {AGENT_COLUMNS} FROM agents WHERE id = ?1"),
                    [id],
                    agent_of,
                )
                .optional(),
        )
    }

    /// Stores an agent (a new one, or every field of a known one).
    pub fn insert_agent(&self, agent: &Agent) -> Result<(), StateError> {
        let adds: Vec<AddRow> = agent
            .adds
            .iter()
            .map(|a| AddRow {
                model: a.model.to_string(),
                start_ms: a.start_ms,
                instant: a.instant,
                fails: a.fails,
                speed: a.speed,
            })
            .collect();
        let adds = serde_json::to_string(&adds).unwrap_or_else(|_| "[]".into());
        let deleted = agent.deleted.then(|| super::codec::now_ms() as i64);
        self.sql(self.conn.execute(
            &format!(
                "INSERT OR REPLACE INTO agents ({AGENT_COLUMNS}) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
            ),
            params![
                agent.id,
                agent.created_ms as i64,
                agent.start_ms as i64,
                agent.speed,
                agent.model,
                agent.fail_row,
                agent.cartoon,
                agent.prompt,
                deleted,
                agent.dynamics,
                agent.dynamics_speed,
                adds,
            ],
        ))?;
        // The end of its timeline, for the webhooks subscribed to it.
        if !agent.deleted {
            self.sql(super::webhooks::schedule_agent(self.conn, agent))?;
        }
        Ok(())
    }

    /// Every agent not deleted, newest first.
    pub fn live_agents(&self) -> Result<Vec<Agent>, StateError> {
        let mut statement = self.sql(self.conn.prepare(&format!(
            "SELECT {AGENT_COLUMNS} FROM agents WHERE deleted_ms IS NULL \
             ORDER BY created_ms DESC, id DESC"
        )))?;
        let rows = self.sql(statement.query_map([], agent_of))?;
        rows.map(|r| self.sql(r)).collect()
    }

    /// How many agents are not deleted (what the plan's agent cap counts).
    pub fn live_agent_count(&self) -> Result<u64, StateError> {
        let n: i64 = self.sql(self.conn.query_row(
            "SELECT count(*) FROM agents WHERE deleted_ms IS NULL",
            [],
            |r| r.get(0),
        ))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Rows in `table` (for `sandbox status`).
    pub fn count(&self, table: &str) -> Result<u64, StateError> {
        let n: i64 = self.sql(self.conn.query_row(
            &format!("SELECT count(*) FROM {table}"),
            [],
            |r| r.get(0),
        ))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Remembers a video job this world started.
    pub fn insert_video(
        &self,
        id: &str,
        agent: &str,
        created_ms: u64,
        speed: f64,
    ) -> Result<(), StateError> {
        self.sql(self.conn.execute(
            "INSERT OR REPLACE INTO videos (id, agent_id, created_ms, speed) VALUES (?1, ?2, ?3, ?4)",
            params![id, agent, created_ms as i64, speed],
        ))?;
        // Its end, for the webhooks subscribed to it.
        self.sql(super::webhooks::schedule_video(self.conn, id, speed))?;
        Ok(())
    }

    /// The speed a video job was started at; `None` when this world never started it.
    pub fn video_speed(&self, id: &str) -> Result<Option<f64>, StateError> {
        self.sql(
            self.conn
                .query_row("SELECT speed FROM videos WHERE id = ?1", [id], |r| r.get(0))
                .optional(),
        )
    }

    /// The answer stored for an idempotency key.
    pub fn reply(&self, key: &str) -> Result<Option<Stored>, StateError> {
        self.sql(
            self.conn
                .query_row(
                    "SELECT status, body, until_ms FROM replies WHERE key = ?1",
                    [key],
                    |r| {
                        Ok(Stored {
                            status: r.get(0)?,
                            body: r.get(1)?,
                            until_ms: r
                                .get::<_, Option<i64>>(2)?
                                .and_then(|v| u64::try_from(v).ok()),
                        })
                    },
                )
                .optional(),
        )
    }

    /// Stores the answer for an idempotency key, forgetting the oldest past the cap.
    pub fn remember_reply(
        &self,
        key: &str,
        stored: &Stored,
        now_ms: u64,
    ) -> Result<(), StateError> {
        self.sql(self.conn.execute(
            "INSERT OR REPLACE INTO replies (key, status, body, until_ms, created_ms) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                key,
                stored.status,
                stored.body,
                stored.until_ms.map(|v| v as i64),
                now_ms as i64
            ],
        ))?;
        self.sql(self.conn.execute(
            "DELETE FROM replies WHERE key IN (SELECT key FROM replies \
             ORDER BY created_ms DESC LIMIT -1 OFFSET ?1)",
            [IDEMPOTENCY_KEYS],
        ))?;
        Ok(())
    }
}
