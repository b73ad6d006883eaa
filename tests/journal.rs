//! Journal before send (SPEC §8): a real child process is killed (SIGKILL,
//! SIGTERM, SIGINT) at each instant around the billed POST — before it is
//! sent, while the server holds it, after the answer — and afterwards
//! exactly one job exists on the server and `wait --last` reaches it.

mod common;
use bithuman::sandbox::FaultAction;
use common::*;
use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

fn kill_after(w: &World, args: &[&str], signal: &str, after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(args)
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(after);
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status();
    let _ = child.wait();
}

/// Distinct idempotency keys the server saw on `path`: the jobs it created.
fn keys(w: &World, path: &str) -> BTreeSet<String> {
    w.requests(path)
        .iter()
        .filter(|r| r.method == "POST")
        .filter_map(|r| r.header("idempotency-key").map(str::to_string))
        .collect()
}

fn journal_has_intent(w: &World) -> bool {
    std::fs::read_to_string(w.home().join(".state/bithuman/jobs.jsonl"))
        .is_ok_and(|t| t.contains("\"request\""))
}

fn check_recovery(w: &World, what: &str, path: &str, wait: &[&str]) {
    let sent = keys(w, path);
    assert!(sent.len() <= 1, "{what}: more than one job: {sent:?}");
    if !journal_has_intent(w) {
        // Killed before the intent was written: nothing may have been sent.
        assert!(sent.is_empty(), "{what}: sent without a journal entry");
        return;
    }
    let r = w.run(wait);
    assert_eq!(r.code, 0, "{what}: {r:?}");
    let after = keys(w, path);
    assert_eq!(
        after.len(),
        1,
        "{what}: exactly one job after recovery: {after:?}"
    );
    if !sent.is_empty() {
        assert_eq!(sent, after, "{what}: the recovery reused the recorded key");
    }
}

#[test]
#[cfg(unix)]
fn a_killed_generate_never_loses_or_doubles_an_agent() {
    for signal in ["KILL", "TERM", "INT"] {
        // While the server holds the request, and just before it is sent.
        for (delay, stall) in [(600, true), (0, false), (30, false)] {
            let w = World::new();
            if stall {
                w.fault(
                    Some("POST"),
                    "/v1/agent/generate",
                    1,
                    FaultAction::Stall(Duration::from_secs(3)),
                );
            }
            kill_after(
                &w,
                &["generate", "--prompt", "p"],
                signal,
                Duration::from_millis(delay),
            );
            check_recovery(
                &w,
                &format!("SIG{signal} after {delay} ms (stall: {stall})"),
                "/v1/agent/generate",
                &["wait", "--last", "--json"],
            );
        }
        // After the answer, while waiting.
        let w = World::with(bithuman::sandbox::SandboxConfig {
            speed: 2.0,
            ..Default::default()
        });
        kill_after(
            &w,
            &["generate", "--prompt", "p", "--wait"],
            signal,
            Duration::from_millis(1500),
        );
        assert_eq!(keys(&w, "/v1/agent/generate").len(), 1);
        check_recovery(
            &w,
            &format!("SIG{signal} while waiting"),
            "/v1/agent/generate",
            &["wait", "--last", "--json"],
        );
    }
}

#[test]
fn a_lost_answer_is_recovered_with_the_recorded_key() {
    let w = World::new();
    // The server creates the agent, but the answer to each of the CLI's
    // five tries is lost.
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        5,
        FaultAction::RespondAfterHandling {
            status: 503,
            body: envelope(503, "SERVICE_UNAVAILABLE", "lost"),
        },
    );
    let r = w.run(&["generate", "--prompt", "p"]);
    r.code(69);
    assert!(r.stderr.contains("--idempotency-key"), "{}", r.stderr);
    assert_eq!(w.requests("/v1/agent/generate").len(), 5);
    let before = keys(&w, "/v1/agent/generate");
    assert_eq!(before.len(), 1, "one key for every try");
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    let id = r.json()["agent_id"].as_str().expect("id").to_string();
    assert_eq!(
        keys(&w, "/v1/agent/generate"),
        before,
        "the recorded key was reused"
    );
    let last = w.requests("/v1/agent/generate").pop().expect("resent");
    assert_eq!(
        last.header("idempotency-key"),
        before.iter().next().map(String::as_str)
    );
    // A second `wait --last` now knows the id: no further POST.
    let n = w.requests("/v1/agent/generate").len();
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    assert_eq!(r.json()["agent_id"], id.as_str());
    assert_eq!(w.requests("/v1/agent/generate").len(), n);
}
