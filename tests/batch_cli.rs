//! `bithuman batch` (SPEC §10): manifests, checks up front, resume after a
//! kill, pacing under a rate limit, budget, fail-fast, outputs and exit codes.

use crate::common;
use common::*;
use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

fn manifest(w: &World, name: &str, lines: &[String]) -> String {
    let p = w.file(name, lines.join("\n").as_bytes());
    p.to_str().expect("utf8").to_string()
}

fn agent_rows(n: usize) -> Vec<String> {
    (1..=n)
        .map(|i| format!(r#"{{"prompt":"You are agent {i}.","name":"a{i}"}}"#))
        .collect()
}

/// Distinct idempotency keys the server saw on generate: the agents it made.
fn agents_made(w: &World) -> BTreeSet<String> {
    w.requests("/v1/agent/generate")
        .iter()
        .filter_map(|r| r.header("idempotency-key").map(str::to_string))
        .collect()
}

#[test]
fn a_manifest_becomes_ready_agents_and_files_then_a_rerun_reports_them() {
    let w = World::new();
    let face = w.file("face.png", &png());
    let mut rows = agent_rows(3);
    rows.push(format!(
        r#"{{"image":"{}","name":"with face"}}"#,
        face.file_name().and_then(|n| n.to_str()).expect("name")
    ));
    rows.insert(1, "# a comment".into());
    rows.insert(2, String::new());
    let m = manifest(&w, "rows.jsonl", &rows);
    let r = w.run(&["batch", &m, "--wait", "--download", "models/", "--json"]);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    let numbers: BTreeSet<u64> = lines.iter().filter_map(|l| l["row"].as_u64()).collect();
    assert_eq!(
        numbers,
        BTreeSet::from([1, 4, 5, 6]),
        "line numbers count comments and blanks"
    );
    for l in &lines {
        assert_eq!(l["schema_version"], 1);
        assert_eq!(l["kind"], "agent");
        assert_eq!(l["outcome"], "ready", "{l}");
        let path = l["model_path"].as_str().expect("model_path");
        assert!(
            w.home().join(path).exists() || std::path::Path::new(path).exists(),
            "{path}"
        );
        assert!(l["key"].as_str().is_some());
    }
    assert_eq!(agents_made(&w).len(), 4);
    assert_eq!(
        w.requests("/v1/files/upload").len(),
        1,
        "the face was uploaded"
    );
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    // The same command again: every row reported from the state file, nothing sent.
    let before = w.requests("/v1/agent/generate").len();
    let r = w.run(&["batch", &m, "--wait", "--download", "models/", "--json"]);
    r.code(0);
    assert_eq!(r.json_lines().len(), 4);
    assert_eq!(w.requests("/v1/agent/generate").len(), before);
    assert!(w.home().join("rows.state.jsonl").exists());
}

#[test]
#[cfg(unix)]
fn killed_at_any_moment_a_rerun_ends_with_exactly_one_agent_per_row() {
    for delay in [300u64, 900, 1600] {
        let w = World::with(bithuman::sandbox::SandboxConfig {
            speed: 5.0,
            ..Default::default()
        });
        let m = manifest(&w, "rows.jsonl", &agent_rows(6));
        let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
            .args(["batch", &m, "--wait", "--concurrency", "2"])
            .env_clear()
            .envs(w.env())
            .current_dir(w.home())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let r = w.run(&["batch", &m, "--wait", "--json"]);
        r.code(0);
        let lines = r.json_lines();
        assert_eq!(lines.len(), 6, "after a kill at {delay} ms: {}", r.stdout);
        assert!(
            lines.iter().all(|l| l["outcome"] == "ready"),
            "{}",
            r.stdout
        );
        assert_eq!(
            agents_made(&w).len(),
            6,
            "one agent per row after a kill at {delay} ms"
        );
    }
}

#[test]
fn invalid_rows_stop_everything_unless_skipped() {
    let w = World::new();
    let rows = vec![
        r#"{"prompt":"ok"}"#.to_string(),
        r#"{"prompt":"x","colour":"red"}"#.to_string(),
        r#"{"image":"missing.png"}"#.to_string(),
        r#"{"prompt":"y","aspect_ratio":"4:3"}"#.to_string(),
    ];
    let m = manifest(&w, "rows.jsonl", &rows);
    let r = w.run(&["batch", &m, "--json"]);
    assert_eq!(r.code, 66, "the worst: a missing file; {r:?}");
    let message = r.json_error()["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    for needle in ["row 2", "colour", "row 3", "missing.png", "row 4", "4:3"] {
        assert!(message.contains(needle), "{needle}: {message}");
    }
    assert!(w.requests("/v1/").is_empty(), "nothing was sent");
    let r = w.run(&["batch", &m, "--skip-invalid", "--json"]);
    r.code(0);
    let lines = r.json_lines();
    let skipped = lines.iter().filter(|l| l["outcome"] == "skipped").count();
    assert_eq!(skipped, 3, "{}", r.stdout);
    assert_eq!(agents_made(&w).len(), 1);
}

#[test]
fn manifest_usage_errors() {
    let w = World::new();
    let r = w.run_stdin(&["batch", "-"], "{\"prompt\":\"x\"}\n");
    r.code(2);
    assert!(r.stderr.contains("--state"), "{}", r.stderr);
    let m = manifest(&w, "r.jsonl", &[r#"{"prompt":"x"}"#.to_string()]);
    w.run(&["batch", &m, "--concurrency", "0"]).code(2);
    w.run(&["batch", &m, "--download", "d/"]).code(2);
    w.run(&["batch", "nope.jsonl"]).code(66);
    let huge = format!(r#"{{"prompt":"{}"}}"#, "x".repeat(2 << 20));
    let m = manifest(&w, "huge.jsonl", &[huge]);
    w.run(&["batch", &m]).code(65);
    let m = manifest(
        &w,
        "bad.jsonl",
        &[
            "not json at all {".to_string(),
            "{\"prompt\": 1".to_string(),
        ],
    );
    w.run(&["batch", &m]).code(2);
    assert!(w.requests("/v1/").is_empty());
}

#[test]
fn csv_manifests_and_changed_rows() {
    let w = World::new();
    let m = manifest(
        &w,
        "rows.csv",
        &[
            "name,prompt,model".to_string(),
            "one,You are one.,essence-1".to_string(),
            "two,\"You are two, with a comma.\",".to_string(),
        ],
    );
    let r = w.run(&["batch", &m, "--json"]);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 2);
    assert!(
        lines.iter().all(|l| l["outcome"] == "pending"),
        "{}",
        r.stdout
    );
    let bodies: Vec<_> = w
        .requests("/v1/agent/generate")
        .iter()
        .filter_map(|q| q.json())
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b["prompt"] == "You are two, with a comma.")
    );
    // A row changed since the state was written is refused, then restarted on request.
    std::fs::write(
        &m,
        "name,prompt,model\none,You are one.,essence-1\ntwo,You are someone else.,\n",
    )
    .expect("write");
    let r = w.run(&["batch", &m]);
    r.code(2);
    assert!(
        r.stderr.contains("row 3") && r.stderr.contains("--restart-changed"),
        "{}",
        r.stderr
    );
    let n = agents_made(&w).len();
    w.run(&["batch", &m, "--restart-changed"]).code(0);
    assert_eq!(
        agents_made(&w).len(),
        n + 1,
        "only the changed row was sent anew"
    );
}

#[test]
fn budget_and_fail_fast() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(5));
    let r = w.run(&["batch", &m, "--max-credits", "600", "--json"]);
    r.code(77);
    let lines = r.json_lines();
    let sent = lines.iter().filter(|l| l["outcome"] == "pending").count();
    let refused: Vec<_> = lines
        .iter()
        .filter(|l| l["error"]["code"] == "BUDGET_EXCEEDED")
        .collect();
    assert_eq!(sent, 2, "2 x 250 fit in 600: {}", r.stdout);
    assert_eq!(refused.len(), 3);
    assert_eq!(agents_made(&w).len(), 2);

    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(4));
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        bithuman::sandbox::FaultAction::Respond {
            status: 400,
            headers: vec![],
            body: envelope(400, "VALIDATION_ERROR", "the first row is refused"),
        },
    );
    let r = w.run(&["batch", &m, "--fail-fast", "--concurrency", "1", "--json"]);
    assert_ne!(r.code, 0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 4, "every row reported: {}", r.stdout);
    assert!(
        lines.iter().any(|l| l["error"]["code"] == "FAIL_FAST"),
        "{}",
        r.stdout
    );
    assert_eq!(
        agents_made(&w).len(),
        1,
        "nothing submitted after the failure"
    );
}

#[test]
fn a_dry_run_plans_and_prices_every_row() {
    let w = World::new();
    let mut rows = agent_rows(3);
    rows.push(r#"{"prompt":"x","model":"expression-2"}"#.to_string());
    rows.push(r#"{"prompt":"x","bogus":1}"#.to_string());
    let m = manifest(&w, "rows.jsonl", &rows);
    let r = w.run(&["batch", &m, "--dry-run", "--json"]);
    r.code(2);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[4]["outcome"], "invalid");
    let last = &lines[5];
    assert_eq!(last["rows"], 5);
    assert_eq!(last["planned"], 4);
    assert_eq!(last["invalid"], 1);
    assert_eq!(last["total_credits"], 3 * 250 + 2000);
    assert!(w.requests("/v1/agent/").is_empty() && w.requests("/v1/files").is_empty());
}

#[test]
fn videos_in_a_batch() {
    let w = World::new();
    let id = w.create();
    w.run(&["wait", &id]).code(0);
    let rows: Vec<String> = (1..=3)
        .map(|i| format!(r#"{{"agent":"{id}","text":"Line {i}","name":"v{i}"}}"#))
        .collect();
    let m = manifest(&w, "videos.jsonl", &rows);
    let r = w.run(&[
        "batch",
        &m,
        "--kind",
        "video",
        "--wait",
        "--download",
        "out/",
        "--json",
    ]);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 3);
    for l in &lines {
        assert_eq!(l["kind"], "video");
        assert!(
            l["video_path"]
                .as_str()
                .is_some_and(|p| p.ends_with(".mp4")),
            "{l}"
        );
    }
    let r = w.run(&["batch", &m, "--kind", "agent"]);
    r.code(2);
    assert!(r.stderr.contains("unknown key"), "{}", r.stderr);
}

// ---- Exactly once across runs (SPEC §20) ----

/// The idempotency keys of the generate requests the server received.
fn keys_sent(w: &World) -> Vec<String> {
    w.requests("/v1/agent/generate")
        .iter()
        .filter_map(|r| r.header("idempotency-key").map(str::to_string))
        .collect()
}

#[test]
#[cfg(unix)]
fn a_second_run_on_a_state_file_in_use_is_refused_and_every_row_is_billed_once() {
    let w = World::new();
    // Each submit is held a moment, so the first run is mid-batch when the second starts.
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        10,
        bithuman::sandbox::FaultAction::Stall(Duration::from_millis(300)),
    );
    let m = manifest(&w, "rows.jsonl", &agent_rows(10));
    let first = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["batch", &m, "--concurrency", "1", "--json"])
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Once a submit reached the server the first run holds the state file.
    for _ in 0..1500 {
        if !w.requests("/v1/agent/generate").is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = w.run(&["batch", &m, "--concurrency", "1", "--json"]);
    second.code(75);
    assert!(second.stdout.is_empty(), "{}", second.stdout);
    let err = second.json_error();
    assert_eq!(err["code"], "LOCKED", "{err}");
    let message = err["message"].as_str().unwrap_or_default();
    assert!(message.contains("rows.state.jsonl"), "{message}");
    let first = Run::from(first.wait_with_output().expect("first run"));
    first.code(0);
    assert_eq!(first.json_lines().len(), 10, "{}", first.stdout);
    assert_eq!(agents_made(&w).len(), 10);
    assert_eq!(
        w.requests("/v1/agent/generate").len(),
        10,
        "every row submitted exactly once"
    );
}

#[test]
fn a_state_file_of_another_api_is_refused_before_any_request() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(2));
    w.run(&["--sandbox", "batch", &m]).code(0);
    assert!(w.requests("/").is_empty(), "the built-in sandbox was used");
    let r = w.run(&["batch", &m, "--json"]);
    r.code(65);
    assert!(
        r.stdout.is_empty(),
        "no other API's ids reported: {}",
        r.stdout
    );
    let message = r.json_error()["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(message.contains("sandbox"), "{message}");
    assert!(message.contains(&w.base()), "{message}");
    assert!(r.stderr.contains("--state"), "{}", r.stderr);
    assert!(w.requests("/").is_empty(), "the server got no request");
}

#[test]
fn a_transient_failure_is_sent_again_with_its_key_by_the_next_run() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        bithuman::client::DEFAULT_TRIES as usize,
        503,
        &envelope(503, "SERVICE_UNAVAILABLE", "down for a moment"),
    );
    let r = w.run(&["batch", &m, "--json"]);
    r.code(69);
    let first = r.json();
    assert_eq!(first["outcome"], "error", "{first}");
    let tried = keys_sent(&w);
    assert_eq!(tried.len(), bithuman::client::DEFAULT_TRIES as usize);
    let r = w.run(&["batch", &m, "--json"]);
    r.code(0);
    let line = r.json();
    assert_eq!(line["outcome"], "pending", "{line}");
    assert!(line["id"].as_str().is_some(), "{line}");
    let keys = keys_sent(&w);
    assert!(keys.len() > tried.len(), "the row was sent again");
    assert!(
        keys.iter().all(|k| *k == tried[0]),
        "with its recorded key: {keys:?}"
    );
    assert_eq!(line["key"], tried[0].as_str());
}

#[test]
fn a_comment_line_and_touched_files_change_nothing() {
    let w = World::new();
    w.file("face.png", &png());
    w.file("persona.txt", b"You are a persona from a file.\n");
    let mut rows = agent_rows(2);
    rows.push(r#"{"image":"face.png","name":"face"}"#.to_string());
    rows.push(r#"{"prompt_file":"persona.txt","name":"persona"}"#.to_string());
    let m = manifest(&w, "rows.jsonl", &rows);
    let r = w.run(&["batch", &m, "--json"]);
    r.code(0);
    let ids = |r: &Run| -> Vec<(String, String)> {
        let mut v: Vec<_> = r
            .json_lines()
            .iter()
            .map(|l| {
                (
                    l["name"].as_str().unwrap_or_default().to_string(),
                    l["id"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = ids(&r);
    assert_eq!(before.len(), 4);
    let (sent, uploads) = (
        w.requests("/v1/agent/generate").len(),
        w.requests("/v1/files").len(),
    );
    rows.insert(0, "# results go to results.jsonl".to_string());
    std::fs::write(&m, rows.join("\n")).expect("write");
    let later = std::time::SystemTime::now() + Duration::from_secs(3600);
    for f in ["face.png", "persona.txt"] {
        std::fs::File::options()
            .append(true)
            .open(w.home().join(f))
            .and_then(|f| f.set_modified(later))
            .expect("touch");
    }
    for extra in [None, Some("--restart-changed")] {
        let mut args = vec!["batch", m.as_str(), "--json"];
        args.extend(extra);
        let r = w.run(&args);
        r.code(0);
        assert_eq!(ids(&r), before, "every row reported as before ({extra:?})");
        let rows: BTreeSet<u64> = r
            .json_lines()
            .iter()
            .filter_map(|l| l["row"].as_u64())
            .collect();
        assert_eq!(
            rows,
            BTreeSet::from([2, 3, 4, 5]),
            "shown by their new line numbers"
        );
        assert_eq!(w.requests("/v1/agent/generate").len(), sent, "nothing sent");
        assert_eq!(w.requests("/v1/files").len(), uploads, "nothing uploaded");
    }
}

#[test]
fn max_credits_counts_what_earlier_runs_submitted() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(2));
    w.run(&["batch", &m, "--max-credits", "500"]).code(0);
    assert_eq!(agents_made(&w).len(), 2, "2 x 250 = 500");
    // Two more rows, the same cap: the 500 already submitted count.
    let mut rows = agent_rows(4);
    rows[2] = r#"{"prompt":"You are agent three.","name":"a3"}"#.to_string();
    std::fs::write(&m, rows.join("\n")).expect("write");
    let r = w.run(&["batch", &m, "--max-credits", "500", "--json"]);
    r.code(77);
    let refused: Vec<_> = r
        .json_lines()
        .into_iter()
        .filter(|l| l["error"]["code"] == "BUDGET_EXCEEDED")
        .collect();
    assert_eq!(refused.len(), 2, "{}", r.stdout);
    assert!(
        refused[0]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("500 already submitted")),
        "{}",
        r.stdout
    );
    assert_eq!(agents_made(&w).len(), 2, "nothing past the cap");
}

#[test]
fn two_rows_with_one_key_are_refused_in_the_check() {
    let w = World::new();
    let rows = vec![
        r#"{"prompt":"one","key":"same-key"}"#.to_string(),
        r#"{"prompt":"two"}"#.to_string(),
        r#"{"prompt":"three","key":"same-key","name":"third"}"#.to_string(),
    ];
    let m = manifest(&w, "rows.jsonl", &rows);
    let r = w.run(&["batch", &m]);
    r.code(65);
    assert!(
        r.stderr.contains("row 3") && r.stderr.contains("row 1") && r.stderr.contains("same-key"),
        "{}",
        r.stderr
    );
    assert!(w.requests("/v1/").is_empty(), "nothing sent");
    let r = w.run(&["batch", &m, "--skip-invalid", "--json"]);
    r.code(0);
    let lines = r.json_lines();
    let third = lines.iter().find(|l| l["row"] == 3).expect("row 3");
    assert_eq!(third["outcome"], "skipped", "{third}");
    assert_eq!(third["name"], "third", "a skipped row keeps its name");
    assert_eq!(keys_sent(&w).len(), 2, "rows 1 and 2 only");
}

#[test]
fn invalid_utf8_and_repeated_keys_are_refused_never_replaced() {
    let w = World::new();
    let mut bytes = b"{\"prompt\":\"caf".to_vec();
    bytes.extend_from_slice(&[0xE9]);
    bytes.extend_from_slice(b"\"}\n{\"prompt\":\"first\",\"prompt\":\"second\"}\n");
    bytes.extend_from_slice(b"{\"prompt\":\"x\",\"Prompt\":\"y\"}\n{\"prompt\":\"fine\"}\n");
    let m = w.file("rows.jsonl", &bytes);
    let m = m.to_str().expect("utf8");
    let r = w.run(&["batch", m]);
    r.code(65);
    for needle in ["row 1", "UTF-8", "row 2", "row 3", "repeated"] {
        assert!(r.stderr.contains(needle), "{needle}: {}", r.stderr);
    }
    assert!(w.requests("/v1/").is_empty());
    let r = w.run(&["batch", m, "--skip-invalid", "--json"]);
    r.code(0);
    let skipped = r
        .json_lines()
        .iter()
        .filter(|l| l["outcome"] == "skipped")
        .count();
    assert_eq!(skipped, 3, "{}", r.stdout);
    let prompts: Vec<_> = w
        .requests("/v1/agent/generate")
        .iter()
        .filter_map(|q| q.json())
        .map(|b| b["prompt"].clone())
        .collect();
    assert_eq!(prompts, vec![serde_json::json!("fine")]);
    // CSV alike: a Latin-1 cell is bad data, and a repeated column is refused.
    let csv = w.file("rows.csv", b"name,prompt\none,caf\xe9\ntwo,fine\n");
    let r = w.run(&["batch", csv.to_str().expect("utf8")]);
    r.code(65);
    assert!(
        r.stderr.contains("row 2") && r.stderr.contains("UTF-8"),
        "{}",
        r.stderr
    );
    let csv = w.file("cols.csv", b"prompt,Prompt\nfirst,second\n");
    let r = w.run(&["batch", csv.to_str().expect("utf8"), "--skip-invalid"]);
    r.code(65);
    assert!(r.stderr.contains("repeated"), "{}", r.stderr);
    assert_eq!(
        w.requests("/v1/agent/generate").len(),
        1,
        "nothing more sent"
    );
}

#[test]
fn an_overlong_line_is_skipped_and_the_later_rows_still_run() {
    let w = World::new();
    let huge = format!(r#"{{"prompt":"{}"}}"#, "x".repeat(2 << 20));
    let rows = vec![
        r#"{"prompt":"before"}"#.to_string(),
        huge,
        r#"{"prompt":"after"}"#.to_string(),
    ];
    let m = manifest(&w, "rows.jsonl", &rows);
    let r = w.run(&["batch", &m, "--skip-invalid", "--json"]);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    let long = lines.iter().find(|l| l["row"] == 2).expect("row 2");
    assert_eq!(long["outcome"], "skipped");
    assert!(
        long["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("MiB")),
        "{long}"
    );
    assert_eq!(keys_sent(&w).len(), 2, "rows 1 and 3");
    // A CSV reader cannot go on past such a line: the batch fails, even
    // with --skip-invalid, rather than silently ending there.
    let csv = format!("prompt\nbefore\n{}\nafter\n", "x".repeat(2 << 20));
    let csv = w.file("rows.csv", csv.as_bytes());
    let r = w.run(&["batch", csv.to_str().expect("utf8"), "--skip-invalid"]);
    r.code(65);
    assert!(r.stderr.contains("row 3"), "{}", r.stderr);
    assert_eq!(keys_sent(&w).len(), 2, "nothing more sent");
}

#[test]
fn bad_lines_in_the_state_file_are_skipped_and_a_torn_tail_repaired() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    w.run(&["batch", &m]).code(0);
    let state = w.home().join("rows.state.jsonl");
    let mut text = std::fs::read(&state).expect("state");
    text.extend_from_slice(b"\xff\xfe not text\n{\"torn\":");
    std::fs::write(&state, &text).expect("write");
    std::fs::write(&m, agent_rows(2).join("\n")).expect("write");
    let r = w.run(&["batch", &m, "--json"]);
    r.code(0);
    assert!(
        r.stderr.contains("rows.state.jsonl"),
        "a warning: {}",
        r.stderr
    );
    assert_eq!(r.json_lines().len(), 2);
    assert_eq!(agents_made(&w).len(), 2, "row 1 from the state, row 2 sent");
    let r = w.run(&["batch", &m, "--json"]);
    r.code(0);
    assert_eq!(
        agents_made(&w).len(),
        2,
        "row 2's entries were not glued to the torn line"
    );
    assert_eq!(w.requests("/v1/agent/generate").len(), 2);
}

#[test]
#[cfg(unix)]
fn the_state_file_is_never_the_manifest_and_must_be_a_regular_file() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    let original = std::fs::read(&m).expect("read");
    std::fs::hard_link(&m, w.home().join("link.jsonl")).expect("link");
    for state in [
        m.clone(),
        "./rows.jsonl".to_string(),
        "link.jsonl".to_string(),
    ] {
        let r = w.run(&["batch", &m, "--state", &state]);
        r.code(2);
        assert!(r.stderr.contains("manifest"), "{state}: {}", r.stderr);
    }
    let fifo = w.home().join("state.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let r = w.run(&["batch", &m, "--state", "state.fifo"]);
    r.code(1);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    assert_eq!(
        std::fs::read(&m).expect("read"),
        original,
        "the manifest is untouched"
    );
    assert!(w.requests("/v1/").is_empty());
}

#[test]
fn a_huge_retry_after_is_capped_and_said() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(2));
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        bithuman::sandbox::FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), u64::MAX.to_string())],
            body: envelope(429, "RATE_LIMITED", "slow down"),
        },
    );
    let r = w.run(&[
        "batch",
        &m,
        "--concurrency",
        "1",
        "--wait",
        "--timeout",
        "3s",
    ]);
    r.code(69);
    assert!(
        r.stderr.contains("pausing") && r.stderr.contains("capped"),
        "{}",
        r.stderr
    );
    assert_eq!(agents_made(&w).len(), 2, "the second row was still sent");
}

#[test]
fn manifest_files_outside_its_folder_are_refused() {
    let w = World::new();
    let dir = w.home().join("project");
    std::fs::create_dir_all(&dir).expect("mkdir");
    w.file("secret.txt", b"TOP-SECRET-CONTENT\n");
    w.file("face.png", &png());
    std::os::unix::fs::symlink(w.home().join("secret.txt"), dir.join("link.txt")).expect("symlink");
    std::fs::write(dir.join("inside.txt"), b"You are inside.\n").expect("write");
    let abs = w.home().join("secret.txt");
    let rows = [
        r#"{"prompt_file":"inside.txt"}"#.to_string(),
        r#"{"prompt_file":"../secret.txt"}"#.to_string(),
        format!(r#"{{"prompt_file":"{}"}}"#, abs.display()),
        r#"{"prompt_file":"link.txt"}"#.to_string(),
        r#"{"image":"../face.png"}"#.to_string(),
        r#"{"prompt_file":"../no-such-file.txt"}"#.to_string(),
    ];
    let m = dir.join("rows.jsonl");
    std::fs::write(&m, rows.join("\n")).expect("write");
    let m = m.to_str().expect("utf8");
    let r = w.run(&["batch", m]);
    r.code(65);
    for row in 2..=6 {
        assert!(
            r.stderr.contains(&format!("row {row}")),
            "row {row}: {}",
            r.stderr
        );
    }
    assert!(!r.stderr.contains("row 1:"), "{}", r.stderr);
    assert!(r.stderr.contains("--allow-outside"), "{}", r.stderr);
    assert!(!r.stderr.contains("TOP-SECRET"), "{}", r.stderr);
    assert!(
        !r.stderr.to_lowercase().contains("no such file"),
        "nothing said about the outside file: {}",
        r.stderr
    );
    assert!(w.requests("/v1/").is_empty());
    // Asked for explicitly, outside files are read (the missing one left out).
    std::fs::write(dir.join("rows.jsonl"), rows[..5].join("\n")).expect("write");
    let r = w.run(&["batch", m, "--allow-outside", "--json"]);
    r.code(0);
    assert_eq!(keys_sent(&w).len(), 5);
}

#[test]
fn the_same_id_for_two_rows_is_not_reported_twice() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(3));
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        3,
        200,
        r#"{"success":true,"agent_id":"A0SAMEID0001","status":"processing"}"#,
    );
    let r = w.run(&["batch", &m, "--concurrency", "1", "--json"]);
    r.code(70);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    let with_id = lines.iter().filter(|l| l["id"] == "A0SAMEID0001").count();
    assert_eq!(with_id, 1, "one agent, reported once: {}", r.stdout);
    let misbehaving: Vec<_> = lines
        .iter()
        .filter(|l| l["error"]["code"] == "DUPLICATE_ID")
        .collect();
    assert_eq!(misbehaving.len(), 2, "{}", r.stdout);
    assert!(
        misbehaving[0]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("A0SAMEID0001") && m.contains("row 1")),
        "{}",
        r.stdout
    );
}

#[test]
fn an_unpriceable_row_says_price_unknown() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    w.respond(
        Some("GET"),
        "/v1/pricing",
        1,
        200,
        r#"{"success":true,"data":{"unit":"credits","agent_generation":{"by_model":{}},"talking_video":{"rates":{}}}}"#,
    );
    let r = w.run(&["batch", &m, "--max-credits", "5000", "--json"]);
    r.code(77);
    let line = r.json();
    assert_eq!(line["error"]["code"], "BUDGET_EXCEEDED", "{line}");
    let message = line["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("price unknown"), "{message}");
    assert!(!message.contains("18446744073709551615"), "{message}");
    assert!(keys_sent(&w).is_empty());
}

#[test]
fn the_resume_command_keeps_the_flags_that_decide_the_rows() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    w.respond(
        Some("GET"),
        "/v1/pricing",
        bithuman::client::DEFAULT_TRIES as usize,
        503,
        &envelope(503, "SERVICE_UNAVAILABLE", "down for a moment"),
    );
    let r = w.run(&[
        "batch",
        &m,
        "--max-credits",
        "500",
        "--allow-outside",
        "--skip-invalid",
        "--json",
    ]);
    r.code(69);
    let hint = r.json_error()["hint"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        hint.ends_with(&format!(
            "bithuman batch {m} --max-credits 500 --skip-invalid --allow-outside"
        )),
        "{hint}"
    );
    assert!(keys_sent(&w).is_empty());
}

#[test]
fn a_refusal_of_the_account_is_not_final_but_a_refusal_of_the_row_is() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(2));
    // Row 1 is refused for itself (422), row 2 for the account (402).
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        1,
        422,
        &envelope(422, "VALIDATION_ERROR", "this prompt is refused"),
    );
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        1,
        402,
        &envelope(402, "INSUFFICIENT_BALANCE", "top up first"),
    );
    let r = w.run(&["batch", &m, "--concurrency", "1", "--json"]);
    r.code(77);
    let first = keys_sent(&w);
    assert_eq!(first.len(), 2);
    // After a top-up the same command sends row 2 again, with its key; row 1 stays refused.
    let r = w.run(&["batch", &m, "--concurrency", "1", "--json"]);
    // The 422 refusal of row 1 is bad input (65, SPEC §18), and final.
    r.code(65);
    let lines = r.json_lines();
    let row = |n: u64| lines.iter().find(|l| l["row"] == n).expect("row").clone();
    assert_eq!(row(1)["error"]["code"], "VALIDATION_ERROR", "{}", r.stdout);
    assert_eq!(row(2)["outcome"], "pending", "{}", r.stdout);
    assert_eq!(
        keys_sent(&w),
        [first.clone(), vec![first[1].clone()]].concat()
    );
}

#[test]
fn a_state_file_of_another_profile_or_an_older_version_is_refused() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    w.run(&["batch", &m]).code(0);
    let sent = w.requests("/").len();
    let config = w.config_path();
    std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
    std::fs::write(&config, "[profiles.work]\n").expect("config");
    let r = w.run(&["--profile", "work", "batch", &m]);
    r.code(65);
    assert!(
        r.stderr.contains("profile work") && r.stderr.contains("no profile"),
        "{}",
        r.stderr
    );
    assert_eq!(w.requests("/").len(), sent, "nothing sent");
    // A state file of bithuman 0.2 (no line naming its API) is not guessed at.
    let old = w.file(
        "old.state.jsonl",
        br#"{"row":1,"digest":"abc","key":"k1","kind":"agent"}
{"row":1,"id":"A0OLDAGENT01"}
"#,
    );
    let r = w.run(&[
        "batch",
        &m,
        "--state",
        old.to_str().expect("utf8"),
        "--json",
    ]);
    r.code(65);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(r.json_error()["code"], "NOT_A_STATE_FILE");
    assert_eq!(w.requests("/").len(), sent, "nothing sent");
}

#[test]
fn a_row_error_echoing_the_secret_is_redacted_in_the_plain_lines() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &agent_rows(1));
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        1,
        422,
        &envelope(422, "VALIDATION_ERROR", &format!("bad secret {SECRET}")),
    );
    // World::run fails the test if the secret appears on stdout or stderr.
    let r = w.run(&["batch", &m]);
    r.code(65);
    assert!(r.stderr.contains("row 1 error"), "{}", r.stderr);
    assert!(r.stderr.contains("bad secret"), "{}", r.stderr);
}

#[test]
fn ctrl_c_reports_every_job_the_run_paid_for_with_its_id() {
    // Agents that stay in progress for the whole test.
    let w = World::with(bithuman::sandbox::SandboxConfig {
        speed: 0.01,
        ..bithuman::sandbox::SandboxConfig::default()
    });
    let m = manifest(&w, "rows.jsonl", &agent_rows(3));
    let r = w.interrupt(
        &["batch", &m, "--wait", "--json"],
        &[],
        std::time::Duration::from_secs(3),
    );
    r.code(130);
    let lines = r.json_lines();
    let pending: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["outcome"] == "pending").collect();
    assert!(pending.iter().all(|l| l["id"].is_string()), "{}", r.stdout);
    let reported: BTreeSet<String> = pending
        .iter()
        .filter_map(|l| l["key"].as_str().map(str::to_string))
        .collect();
    // Every agent the server made is named, pending with its id, so nothing
    // paid for is left out of the report (the same command follows them).
    assert_eq!(reported, agents_made(&w), "{}", r.stdout);
    assert!(!reported.is_empty(), "{}", r.stderr);
}
