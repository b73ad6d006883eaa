//! Waiting for one agent on the async [`Client`]: the async counterpart of
//! [`wait`](super::wait), for programs on a tokio runtime.

use super::{Timeout, WaitOptions, WaitOutcome};
use crate::client::Client;
use crate::error::Error;
use crate::http::Tries;
use crate::record::{AgentRecord, AgentState};
use std::time::Instant;

impl Client {
    /// Polls agent `id` every `options.interval` until it is ready or
    /// failed, the deadline passes, the client's [`Cancel`](crate::Cancel)
    /// fires, or a non-transient error ends it. Each record read is handed
    /// to `on_record` (progress displays). Transient failures are retried
    /// up to the deadline.
    pub async fn wait_agent(
        &self,
        id: &str,
        options: &WaitOptions,
        mut on_record: impl FnMut(&AgentRecord),
    ) -> WaitOutcome {
        let started = Instant::now();
        let mut deadline = match &options.timeout {
            Timeout::Fixed(limit) => limit.map(|l| started + l),
            Timeout::ByModel { hint } => {
                Some(started + crate::models::default_timeout(hint.as_deref()))
            }
        };
        let mut last: Option<AgentRecord> = None;
        loop {
            let tries = deadline.map_or(Tries::Forever, Tries::Until);
            let record = match self.status_with(id, tries).await {
                Ok(record) => record,
                Err(Error::Interrupted { .. }) => return WaitOutcome::Interrupted { last },
                // The HTTP layer retried up to the deadline: it has passed.
                Err(e) if e.is_transient() => {
                    return WaitOutcome::TimedOut {
                        last,
                        last_error: Some(e),
                    };
                }
                Err(error) => return WaitOutcome::Error { error, last },
            };
            on_record(&record);
            if let Timeout::ByModel { hint: None } = &options.timeout
                && last.is_none()
            {
                // The record names the model: its own limit applies.
                deadline = Some(started + crate::models::default_timeout(record.model()));
            }
            match record.state() {
                AgentState::Ready => return WaitOutcome::Ready(record),
                AgentState::Failed => return WaitOutcome::Failed(record),
                AgentState::Pending => {}
            }
            let mut pause = options.interval;
            if let Some(d) = deadline {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return WaitOutcome::TimedOut {
                        last: Some(record),
                        last_error: None,
                    };
                }
                pause = pause.min(left);
            }
            last = Some(record);
            if let Err(Error::Interrupted { .. }) = self.sleep(pause).await {
                return WaitOutcome::Interrupted { last };
            }
        }
    }
}
