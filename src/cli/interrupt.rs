//! Signals. SIGINT, SIGTERM and SIGHUP all take the Ctrl-C path: the cancel
//! flag is set, which wakes every sleep and ends the request in flight, so
//! the command unwinds by itself — temp files dropped by their guards, its
//! error (JSON in `--json` mode) printed — and exits 128 + the signal.
//! Only a command that does not notice within a moment (blocked reading
//! stdin) is ended from here, after the library's temp files are removed.

use super::exit::interrupted_exit_code;
use super::output::stderr_line;
use bithuman::Cancel;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the process is doing, for the message printed if it must be ended
/// from the signal thread.
#[derive(Clone, Debug, Default)]
pub enum Phase {
    /// Nothing to protect.
    #[default]
    Idle,
    /// The billed generate request is in flight: this message says how to
    /// find out whether the agent was created.
    Creating { message: String },
    /// Waiting or downloading: this message says how to resume.
    Cancellable { message: String },
}

static PHASE: Mutex<Phase> = Mutex::new(Phase::Idle);

/// How long the command gets to unwind by itself after a signal.
const GRACE: Duration = Duration::from_secs(3);

/// Sets the current phase.
pub fn set(phase: Phase) {
    if let Ok(mut p) = PHASE.lock() {
        *p = phase;
    }
}

// A signal arrived: cancel, recording the signal in the cancel (the errors
// it causes carry it to the exit code); a second one, or no unwinding within
// GRACE, ends the process after removing the library's temp files.
fn on_signal(sig: i32, cancel: &Arc<Cancel>) {
    let exit = interrupted_exit_code(Some(sig));
    if cancel.cancel_by(sig) {
        // Second signal: the user means it.
        leave(exit);
    }
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        leave(exit);
    });
}

fn leave(exit: u8) -> ! {
    bithuman::media::remove_temp_files();
    let phase = PHASE.lock().map(|p| p.clone()).unwrap_or_default();
    match phase {
        Phase::Idle => {}
        Phase::Creating { message } | Phase::Cancellable { message } => {
            stderr_line(&format!("\n{message}"));
        }
    }
    std::process::exit(exit.into())
}

/// Installs the handler once.
#[cfg(unix)]
pub fn install(cancel: Arc<Cancel>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        for sig in signals.forever() {
            on_signal(sig, &cancel);
        }
    });
}

/// Installs the handler once.
#[cfg(not(unix))]
pub fn install(cancel: Arc<Cancel>) {
    let _ = ctrlc::set_handler(move || on_signal(2, &cancel));
}
