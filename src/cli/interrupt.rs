//! Ctrl-C. What it means depends on what we were doing: while the generate
//! POST is in flight the agent may or may not exist (say how to find out);
//! while waiting or downloading we stop cleanly and print how to resume.

use super::exit::code;
use bithuman::Cancel;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the process is doing, for the Ctrl-C handler.
#[derive(Clone, Debug, Default)]
pub enum Phase {
    /// Nothing to protect: exit at once.
    #[default]
    Idle,
    /// The generate request is in flight: print this message and exit.
    Creating { message: String },
    /// Waiting or downloading: set the cancel flag and let the command stop
    /// itself; if it has not within a moment, print `message` and exit.
    Cancellable { message: String },
}

static PHASE: Mutex<Phase> = Mutex::new(Phase::Idle);

/// Sets the current phase.
pub fn set(phase: Phase) {
    if let Ok(mut p) = PHASE.lock() {
        *p = phase;
    }
}

/// Installs the handler once.
pub fn install(cancel: Arc<Cancel>) {
    let _ = ctrlc::set_handler(move || {
        let phase = PHASE.lock().map(|p| p.clone()).unwrap_or_default();
        match phase {
            Phase::Idle => std::process::exit(code::INTERRUPTED.into()),
            Phase::Creating { message } => {
                super::output::stderr_line(&format!("\n{message}"));
                std::process::exit(code::INTERRUPTED.into());
            }
            Phase::Cancellable { message } => {
                if cancel.cancel() {
                    // Second Ctrl-C: the user means it.
                    super::output::stderr_line(&format!("\n{message}"));
                    std::process::exit(code::INTERRUPTED.into());
                }
                // A request may be in flight; give the command a moment to
                // notice the flag and clean up, then leave anyway.
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_secs(3));
                    super::output::stderr_line(&format!("\n{message}"));
                    std::process::exit(code::INTERRUPTED.into());
                });
            }
        }
    });
}
