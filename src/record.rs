//! The agent record: the status response's `data` object, kept whole (every
//! server field, known or not) with typed accessors for the few the client
//! reasons about.

use serde_json::{Map, Value};

/// Where an agent stands, for the purpose of waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentState {
    /// `ready`, or a legacy `success` row with progress at 100 %.
    Ready,
    /// `failed`.
    Failed,
    /// Anything else, including status strings this client does not know.
    Pending,
}

/// One agent, as the server described it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Record(Map<String, Value>);

/// The record of an agent (the name v0.1 used).
pub type AgentRecord = Record;

impl Record {
    /// Wraps a `data` object. Returns `None` when it is not an object with a
    /// string `status`: such an answer cannot be understood.
    pub fn from_value(value: Value) -> Option<Self> {
        match value {
            Value::Object(map) if map.get("status").is_some_and(Value::is_string) => {
                Some(Self(map))
            }
            _ => None,
        }
    }

    /// The raw fields.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.0
    }

    fn str_field(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    /// `agent_id`, falling back to `code`.
    pub fn agent_id(&self) -> Option<&str> {
        self.str_field("agent_id")
            .or_else(|| self.str_field("code"))
    }

    /// The status string as sent.
    pub fn status(&self) -> &str {
        self.str_field("status").unwrap_or("")
    }

    /// `current_step`, when present.
    pub fn current_step(&self) -> Option<&str> {
        self.str_field("current_step")
    }

    /// Progress as a fraction 0.0–1.0. Values above 1 are read as percent
    /// (an older version of the API sent 0–100).
    pub fn progress(&self) -> Option<f64> {
        progress_fraction(self.0.get("progress")?)
    }

    /// Progress in percent, 0–100.
    pub fn progress_percent(&self) -> Option<f64> {
        self.progress().map(|p| p * 100.0)
    }

    /// `model_url`, when set.
    pub fn model_url(&self) -> Option<&str> {
        self.str_field("model_url")
    }

    /// `error_message`, when set.
    pub fn error_message(&self) -> Option<&str> {
        self.str_field("error_message")
    }

    /// `supported_models`: the model families the agent can run.
    pub fn supported_models(&self) -> Vec<&str> {
        self.0
            .get("supported_models")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    /// `model`, when the server says which.
    pub fn model(&self) -> Option<&str> {
        self.str_field("model")
    }

    /// Terminal test: `ready` → ready; `failed` → failed; `success` with
    /// progress ≥ 1.0 → ready (legacy rows); everything else keeps waiting
    /// (`completed` and `success` are mid-run markers today).
    pub fn state(&self) -> AgentState {
        match self.status() {
            "ready" => AgentState::Ready,
            "failed" => AgentState::Failed,
            "success" if self.progress().is_some_and(|p| p >= 1.0) => AgentState::Ready,
            _ => AgentState::Pending,
        }
    }

    /// The web viewer for an agent.
    pub fn viewer_url(id: &str) -> String {
        format!(
            "https://www.bithuman.ai/{}",
            percent_encoding::utf8_percent_encode(id, crate::ids::PATH_SEGMENT)
        )
    }

    /// The record as printed by `--json` (which adds `schema_version`):
    /// every server field, plus `agent_id` when missing and `viewer_url`.
    pub fn to_output(&self, fallback_id: &str) -> Value {
        let mut map = self.0.clone();
        let id = self.agent_id().unwrap_or(fallback_id).to_string();
        if !map.contains_key("agent_id") {
            map.insert("agent_id".into(), Value::String(id.clone()));
        }
        map.insert("viewer_url".into(), Value::String(Self::viewer_url(&id)));
        Value::Object(map)
    }
}

// The CLI's (the binary is another crate, so it must be `pub`): not a
// stable API, hidden from the documentation.
#[doc(hidden)]
/// A `progress` value as a fraction 0.0–1.0: numbers or `"70%"` strings;
/// values above 1 are read as percent (an older API sent 0–100).
pub fn progress_fraction(value: &Value) -> Option<f64> {
    let p = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().trim_end_matches('%').parse().ok()?,
        _ => return None,
    };
    if !p.is_finite() || p < 0.0 {
        return None;
    }
    // A hair over 1 is float noise on a fraction (1.0000001), not 1 %.
    Some(if p > 1.0 + 1e-6 {
        (p / 100.0).min(1.0)
    } else {
        p.min(1.0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rec(v: Value) -> AgentRecord {
        AgentRecord::from_value(v).expect("record")
    }

    #[test]
    fn terminal_states() {
        assert_eq!(
            rec(json!({"status":"ready","progress":1.0})).state(),
            AgentState::Ready
        );
        assert_eq!(rec(json!({"status":"failed"})).state(), AgentState::Failed);
        assert_eq!(
            rec(json!({"status":"success","progress":1.000_000_1})).state(),
            AgentState::Ready
        );
        assert_eq!(
            rec(json!({"status":"success","progress":1.0})).state(),
            AgentState::Ready
        );
        assert_eq!(
            rec(json!({"status":"success","progress":100})).state(),
            AgentState::Ready
        );
        assert_eq!(
            rec(json!({"status":"success","progress":0.2})).state(),
            AgentState::Pending
        );
        assert_eq!(
            rec(json!({"status":"completed","progress":0.05})).state(),
            AgentState::Pending
        );
        assert_eq!(
            rec(json!({"status":"quantum_entangled"})).state(),
            AgentState::Pending
        );
    }

    #[test]
    fn progress_scales() {
        assert_eq!(
            rec(json!({"status":"x","progress":0.45})).progress_percent(),
            Some(45.0)
        );
        assert_eq!(
            rec(json!({"status":"x","progress":45})).progress(),
            Some(0.45)
        );
        assert_eq!(
            rec(json!({"status":"x","progress":"70%"})).progress(),
            Some(0.7)
        );
        assert_eq!(rec(json!({"status":"x","progress":null})).progress(), None);
        assert_eq!(rec(json!({"status":"x","progress":-3})).progress(), None);
    }

    #[test]
    fn output_keeps_unknown_fields() {
        let r = rec(json!({"agent_id":"A1","status":"ready","future_field":{"a":1}}));
        let out = r.to_output("A1");
        assert_eq!(out["future_field"]["a"], 1);
        assert_eq!(out["agent_id"], "A1");
        assert_eq!(out["viewer_url"], "https://www.bithuman.ai/A1");
    }

    #[test]
    fn rejects_non_records() {
        assert!(AgentRecord::from_value(json!([1])).is_none());
        assert!(AgentRecord::from_value(json!({"progress":1})).is_none());
    }
}
