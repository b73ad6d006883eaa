//! `bithuman version`: the version, and the commit, build date and target
//! that `build.rs` recorded when this binary was built.

use super::Ctx;
use super::exit::{CliError, code};
use serde::Serialize;

/// What `version --json` prints (versioned by `Output::emit`).
#[derive(Serialize)]
struct Version {
    version: &'static str,
    commit: &'static str,
    build_date: &'static str,
    target: &'static str,
}

const VERSION: Version = Version {
    version: env!("CARGO_PKG_VERSION"),
    commit: env!("BITHUMAN_BUILD_COMMIT"),
    build_date: env!("BITHUMAN_BUILD_DATE"),
    target: env!("BITHUMAN_BUILD_TARGET"),
};

/// Prints `bithuman 0.1.0 (abc1234 2026-11-30, x86_64-unknown-linux-musl)`,
/// or one JSON object with `--json`.
pub fn run(ctx: &Ctx) -> Result<u8, CliError> {
    if ctx.out.json {
        ctx.out.emit(&VERSION)?;
    } else {
        ctx.out.data(&format!(
            "bithuman {} ({} {}, {})",
            VERSION.version, VERSION.commit, VERSION.build_date, VERSION.target
        ))?;
    }
    Ok(code::OK)
}
