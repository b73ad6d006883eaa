//! Following many agents through `GET /v1/agents` (API-NOTES §18): one read
//! covers up to 100 agents with their `status`, newest first. A job seen
//! still running there is not read alone; one seen finished (or gone) is
//! read alone once, for its final record. Items are deduplicated by code
//! (offset paging shifts when agents are created mid-scan).

use super::{WaitEvent, Waiter};
use crate::account::AgentQuery;
use crate::blocking::Client;
use crate::jobs::{Job, JobKind};
use crate::record::{AgentState, Record};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// From this many agents followed, the list is read instead of each one.
pub(crate) const LIST_FROM: usize = 3;

/// Agents a page holds (the API's largest).
const PAGE: u32 = 100;

/// True when a list item shows its job still running, so its own read can
/// wait: not ready or failed (the job's own terminal test, API-NOTES §4.2:
/// `completed` and `success` are steps, not ends), not gone (`deleted`,
/// `unknown`), and not a `success` whose progress the summary leaves out
/// (a legacy row may have ended on it).
fn still_running(job: &Job, item: &Record) -> bool {
    let status = item.status();
    job.state(item) == AgentState::Pending
        && !matches!(status, "deleted" | "unknown" | "")
        && !(status == "success" && item.progress().is_none())
}

/// True for the jobs the agent list reports on (agent creations).
pub(crate) fn is_listed(job: &Job) -> bool {
    job.kind == JobKind::Agent
}

impl Waiter {
    /// True when enough agents are still running for the list to be
    /// cheaper. Those the list already showed finished only wait for their
    /// own final read: reading the list again for them would take reads
    /// from those final reads.
    pub(super) fn listing(&self) -> bool {
        !self.no_list && self.slots.iter().filter(|s| on_list(s)).count() >= LIST_FROM
    }

    /// Reads the agent list, page by page while the read schedule allows,
    /// until every followed agent is seen or the list ends; schedules each
    /// seen agent: a running one is left to the next sweep, a finished one
    /// is due for its own read now.
    pub(super) fn sweep(&mut self, client: &Client, on_event: &mut dyn FnMut(WaitEvent<'_>)) {
        let wanted: HashSet<String> = self
            .slots
            .iter()
            .filter(|s| on_list(s))
            .map(|s| s.job.id.clone())
            .collect();
        let mut seen: HashMap<String, Record> = HashMap::new();
        // Enough pages for every agent followed, and a little room for
        // agents created meanwhile (newest first: they push ours down).
        let most = u32::try_from(wanted.len() / PAGE as usize + 3).unwrap_or(u32::MAX);
        let mut offset = 0u64;
        let mut pages = 0u32;
        while pages < most && self.reads.take() {
            let page = match client.list_agents(&AgentQuery::new().limit(PAGE), offset) {
                Ok(page) => page,
                Err(e) => {
                    // No list on this API: every job is read alone from now.
                    if e.api().is_some_and(|a| matches!(a.status, 404 | 405)) {
                        self.no_list = true;
                    }
                    break;
                }
            };
            pages += 1;
            let count = (page.items.len() as u64).saturating_add(page.skipped);
            for item in page.items {
                let code = item.code.clone().or_else(|| item.agent_id.clone());
                if let Some(code) = code.filter(|c| wanted.contains(c) && !seen.contains_key(c))
                    && let Some(record) = Record::from_value(Value::Object(item.to_json()))
                {
                    seen.insert(code, record);
                }
            }
            offset = offset.saturating_add(count);
            if !page.has_more || count == 0 || seen.len() == wanted.len() {
                break;
            }
        }
        let now = Instant::now();
        // Every page's turn, and the interval asked for.
        let gap = self.reads.gap().unwrap_or(Duration::ZERO);
        let every = self.interval.max(gap.saturating_mul(pages.max(1)));
        self.list_next = if pages == 0 {
            self.reads.ready_at()
        } else {
            now.checked_add(every).unwrap_or(now)
        };
        for slot in self.slots.iter_mut().filter(|s| on_list(s)) {
            let Some(record) = seen.get(&slot.job.id) else {
                // Not on the pages read: read alone, as its schedule says.
                continue;
            };
            if still_running(&slot.job, record) {
                on_event(WaitEvent::Polled {
                    job: &slot.job,
                    record,
                });
                // Just after the next sweep, which will have seen it again.
                slot.next_poll = self.list_next.checked_add(every).unwrap_or(self.list_next);
            } else {
                slot.next_poll = now;
                slot.ended_on_list = true;
            }
        }
    }
}

/// A followed agent the list still reports on (not yet seen finished there).
fn on_list(slot: &super::Slot) -> bool {
    is_listed(&slot.job) && !slot.ended_on_list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(v: serde_json::Value) -> Record {
        Record::from_value(v).expect("record")
    }

    #[test]
    fn steps_are_running_ends_and_doubts_are_read_alone() {
        let job = Job::agent("A1");
        let running = serde_json::json!({"code": "A1", "status": "completed", "progress": 0.15});
        assert!(still_running(&job, &item(running)));
        let step = serde_json::json!({"code": "A1", "status": "success", "progress": 0.45});
        assert!(still_running(&job, &item(step)));
        for end in [
            serde_json::json!({"code": "A1", "status": "ready", "progress": 1.0}),
            serde_json::json!({"code": "A1", "status": "failed"}),
            serde_json::json!({"code": "A1", "status": "deleted"}),
            serde_json::json!({"code": "A1", "status": "success"}),
        ] {
            assert!(!still_running(&job, &item(end.clone())), "{end}");
        }
    }
}
