//! The committed shell completions (`completions/`) and man page
//! (`man/bithuman.1`) must match what the binary generates now.
//! Regenerate them with the commands printed on failure, or run this test
//! with `BITHUMAN_BLESS=1` to rewrite the stale files.

use assert_cmd::Command;
use std::path::PathBuf;

/// (arguments to `bithuman`, committed file).
const GENERATED: &[(&[&str], &str)] = &[
    (&["completion", "bash"], "completions/bithuman.bash"),
    (&["completion", "zsh"], "completions/_bithuman"),
    (&["completion", "fish"], "completions/bithuman.fish"),
    (&["completion", "elvish"], "completions/bithuman.elv"),
    (&["completion", "powershell"], "completions/_bithuman.ps1"),
    (&["man"], "man/bithuman.1"),
];

fn generate(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("bithuman")
        .expect("binary")
        .env_clear()
        .args(args)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .expect("run bithuman");
    assert_eq!(
        out.status.code(),
        Some(0),
        "bithuman {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "bithuman {} wrote to stderr: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn committed(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn committed_completions_and_man_page_are_fresh() {
    let bless = std::env::var_os("BITHUMAN_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (args, rel) in GENERATED {
        let fresh = generate(args);
        let path = committed(rel);
        if std::fs::read(&path).ok().as_deref() == Some(fresh.as_slice()) {
            continue;
        }
        if bless {
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, &fresh).expect("write");
        } else {
            stale.push(format!("cargo run -q -- {} > {rel}", args.join(" ")));
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files; regenerate them with:\n  {}\n(or: BITHUMAN_BLESS=1 cargo test --test cli completions)",
        stale.join("\n  ")
    );
}

#[test]
fn completions_know_every_command() {
    let bash = String::from_utf8(generate(&["completion", "bash"])).expect("utf-8");
    for word in [
        "generate",
        "status",
        "wait",
        "download",
        "auth",
        "login",
        "logout",
        "sandbox",
        "serve",
        "completion",
        "man",
        "version",
        "--json",
        "--with-token",
        "--idempotency-key",
    ] {
        assert!(bash.contains(word), "bash completions lack {word}");
    }
    let zsh = String::from_utf8(generate(&["completion", "zsh"])).expect("utf-8");
    assert!(
        zsh.starts_with("#compdef bithuman"),
        "zsh file must start with #compdef"
    );
    let fish = String::from_utf8(generate(&["completion", "fish"])).expect("utf-8");
    assert!(fish.contains("complete -c bithuman"));
}

#[test]
fn man_page_documents_commands_flags_and_exit_codes() {
    let man = String::from_utf8(generate(&["man"])).expect("utf-8");
    assert!(
        man.starts_with(".ie") || man.starts_with(".TH"),
        "roff: {}",
        &man[..40.min(man.len())]
    );
    for needle in [
        ".SH COMMANDS",
        ".SS \"bithuman download\"",
        ".SS \"bithuman auth login\"",
        "\\-\\-with\\-token",
        "\\-\\-force",
        ".SH \"EXIT STATUS\"",
        "BITHUMAN_API_SECRET",
        "77",
    ] {
        assert!(man.contains(needle), "man page lacks {needle:?}");
    }
    // No references to per-command pages that are not shipped.
    assert!(!man.contains("bithuman\\-generate(1)"));
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let out = Command::cargo_bin("bithuman")
        .expect("binary")
        .env_clear()
        .args(["completion", "tcsh"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
