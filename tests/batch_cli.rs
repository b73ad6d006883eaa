//! `bithuman batch` (SPEC §10): manifests, checks up front, resume after a
//! kill, pacing under a rate limit, budget, fail-fast, outputs and exit codes.

mod common;
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
