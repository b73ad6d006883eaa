//! A local, append-only record of every agent this machine created
//! (`<state dir>/bithuman/agents.jsonl`), so a paid-for agent id is never
//! lost, and `bithuman wait --last` can resume the newest one. It holds ids,
//! models and input names or URLs — never the secret or file contents.

use super::exit::{CliError, Kind};
use super::settings::{Settings, public_url};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

fn path(settings: &Settings) -> Option<PathBuf> {
    let dir = settings.state_dir.as_ref()?;
    Some(dir.join(if settings.sandbox {
        "sandbox-agents.jsonl"
    } else {
        "agents.jsonl"
    }))
}

/// Appends one created agent. Failure to write is a warning, not an error:
/// the id has already been printed.
pub fn record(
    settings: &Settings,
    agent_id: &str,
    model: &str,
    idempotency_key: &str,
    inputs: &BTreeMap<String, String>,
) -> Result<(), String> {
    let Some(path) = path(settings) else {
        return Err("no state directory".into());
    };
    let line = json!({
        "time": httpdate::fmt_http_date(std::time::SystemTime::now()),
        "unix": std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
        "agent_id": agent_id,
        "model": model,
        "base_url": if settings.sandbox { "sandbox".to_string() } else { public_url(&settings.base_url.value) },
        "idempotency_key": idempotency_key,
        "inputs": inputs,
    });
    let write = || -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path)?;
        writeln!(file, "{line}")
    };
    write().map_err(|e| format!("could not add {agent_id} to {}: {e}", path.display()))
}

/// The most recently created agent's id.
pub fn last(settings: &Settings) -> Result<String, CliError> {
    let none = || {
        CliError::new(Kind::NoHistory, "no agent created on this machine yet")
            .with_hint("give an id: bithuman wait <id>")
    };
    let path = path(settings).ok_or_else(none)?;
    let text = std::fs::read_to_string(&path).map_err(|_| none())?;
    text.lines()
        .rev()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find_map(|v| {
            v.get("agent_id")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .ok_or_else(none)
}
