//! The library's temporary files (stdin spools, downloads in progress),
//! listed while they exist so that a program ending on a signal can remove
//! them first ([`remove_temp_files`]); normally their guards do.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Keeps a path on the list until dropped.
#[derive(Debug)]
pub(crate) struct Tracked(PathBuf);

/// Puts `path` on the list of live temporary files.
pub(crate) fn track(path: &Path) -> Tracked {
    if let Ok(mut live) = LIVE.lock() {
        live.push(path.to_path_buf());
    }
    Tracked(path.to_path_buf())
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Ok(mut live) = LIVE.lock() {
            live.retain(|p| p != &self.0);
        }
    }
}

/// Removes every temporary file the library still has open. For a signal
/// handler about to end the process, where no destructor will run.
pub fn remove_temp_files() {
    let paths = match LIVE.lock() {
        Ok(live) => live.clone(),
        // A panic while holding the lock: still clean up.
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}
