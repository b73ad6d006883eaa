//! Scale (SPEC §15): `batch --shard`, `--rate-share`, `--max-runtime` and
//! `batch report`. Times are the server's (each agent's `created_at`, stamped
//! by the fake when the submit arrived), never the test's wall clock.

use crate::common;
use bithuman::sandbox::SandboxConfig;
use common::*;
use std::collections::{BTreeMap, BTreeSet};

fn manifest(w: &World, name: &str, lines: &[String]) -> String {
    let p = w.file(name, lines.join("\n").as_bytes());
    p.to_str().expect("utf8").to_string()
}

/// Half the rows keyed, half matched by content; a comment line among them.
fn mixed_rows(n: usize) -> Vec<String> {
    let mut rows: Vec<String> = (1..=n)
        .map(|i| {
            if i % 2 == 0 {
                format!(r#"{{"prompt":"You are agent {i}.","key":"row-{i}"}}"#)
            } else {
                format!(r#"{{"prompt":"You are agent {i}."}}"#)
            }
        })
        .collect();
    rows.insert(2, "# a comment".into());
    rows
}

/// Idempotency key → how many generate requests carried it.
fn keys_sent(w: &World) -> BTreeMap<String, usize> {
    let mut keys = BTreeMap::new();
    for r in w.requests("/v1/agent/generate") {
        if let Some(k) = r.header("idempotency-key") {
            *keys.entry(k.to_string()).or_insert(0) += 1;
        }
    }
    keys
}

/// The row identities a state file holds intents for.
fn state_idents(path: &std::path::Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .expect("state file")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["entry"] == "intent")
        .filter_map(|v| v["ident"].as_str().map(str::to_string))
        .collect()
}

/// The server's creation times (unix ms, from `created_at`) of every
/// agent, oldest first.
fn created_ms(w: &World) -> Vec<u64> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let body: serde_json::Value = reqwest::blocking::Client::new()
        .get(format!("{}/v1/agents?limit=100", w.base()))
        .header("api-secret", SECRET)
        .send()
        .and_then(reqwest::blocking::Response::json)
        .expect("agent list");
    let mut times: Vec<u64> = body["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|a| a["created_at"].as_str().map(ms_of_day))
        .collect();
    times.sort_unstable();
    times
}

// "2026-12-07T03:22:11.123+00:00" → ms since the day's start (the tests
// last seconds; a run across midnight is put right by the caller's gaps).
fn ms_of_day(t: &str) -> u64 {
    let clock = &t[11..23];
    let n = |r: std::ops::Range<usize>| clock[r].parse::<u64>().expect("digits");
    ((n(0..2) * 60 + n(3..5)) * 60 + n(6..8)) * 1000 + n(9..12)
}

fn gaps(times: &[u64]) -> Vec<u64> {
    times
        .windows(2)
        .map(|w| (w[1] + 86_400_000 - w[0]) % 86_400_000)
        .collect()
}

#[test]
fn three_shards_in_any_order_submit_every_row_exactly_once() {
    let w = World::new();
    let rows = mixed_rows(12);
    let m = manifest(&w, "rows.jsonl", &rows);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for i in [3, 1, 2] {
        let shard = format!("{i}/3");
        let r = w.run(&["batch", &m, "--shard", &shard, "--wait", "--json"]);
        r.code(0);
        assert!(r.stderr.is_empty(), "{}", r.stderr);
        let state = w.home().join(format!("rows.shard-{i}-of-3.state.jsonl"));
        let idents = state_idents(&state);
        assert_eq!(idents.len(), r.json_lines().len(), "{}", r.stdout);
        for ident in &idents {
            // The library's shard function agrees: the row's key, else its identity.
            let key = ident.strip_prefix("key:").unwrap_or(ident);
            let three = std::num::NonZeroU64::new(3).expect("3");
            assert_eq!(bithuman::batch::shard_of(key, three), i, "{ident}");
            assert!(seen.insert(ident.clone()), "{ident} in two shards");
        }
    }
    assert_eq!(seen.len(), 12, "every row in one shard");
    let keys = keys_sent(&w);
    assert_eq!(keys.len(), 12, "{keys:?}");
    assert!(
        keys.values().all(|n| *n == 1),
        "each row sent once: {keys:?}"
    );
    assert!(keys.contains_key("row-2") && keys.contains_key("row-12"));
    assert!(!w.home().join("rows.state.jsonl").exists());

    // A comment line added at the top moves no row: each shard has nothing to send.
    let mut moved = vec!["# added later".to_string()];
    moved.extend(rows);
    let m = manifest(&w, "rows.jsonl", &moved);
    for i in 1..=3 {
        let r = w.run(&["batch", &m, "--shard", &format!("{i}/3"), "--json"]);
        r.code(0);
    }
    assert_eq!(keys_sent(&w).values().sum::<usize>(), 12, "nothing re-sent");
}

/// The other order: the three shards at the same time on one world, then
/// `batch report` over their three state files prints every row once, and
/// the server made one agent per row.
#[test]
fn three_shards_at_once_then_a_report_print_every_row_exactly_once() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &mixed_rows(12));
    let runs: Vec<Run> = std::thread::scope(|s| {
        let spawned: Vec<_> = [2, 3, 1]
            .map(|i| {
                let (w, m) = (&w, &m);
                s.spawn(move || {
                    let shard = format!("{i}/3");
                    w.run(&[
                        "batch",
                        m,
                        "--shard",
                        &shard,
                        "--rate-share",
                        "1/3",
                        "--wait",
                        "--json",
                    ])
                })
            })
            .into_iter()
            .collect();
        spawned
            .into_iter()
            .map(|h| h.join().expect("shard thread"))
            .collect()
    });
    // Line 3 is the comment: the rows are lines 1, 2 and 4..=13.
    let every_row: Vec<u64> = (1..=13).filter(|n| *n != 3).collect();
    let mut printed: Vec<u64> = Vec::new();
    for r in &runs {
        r.code(0);
        printed.extend(r.json_lines().iter().filter_map(|l| l["row"].as_u64()));
    }
    printed.sort_unstable();
    assert_eq!(printed, every_row, "each row printed by one shard");

    let state = |i: u32| {
        w.home()
            .join(format!("rows.shard-{i}-of-3.state.jsonl"))
            .to_string_lossy()
            .into_owned()
    };
    let (s1, s2, s3) = (state(1), state(2), state(3));
    let r = w.run(&[
        "batch", "report", &m, "--state", &s1, "--state", &s2, "--state", &s3, "--json",
    ]);
    r.code(0);
    let lines = r.json_lines();
    let rows: Vec<u64> = lines.iter().filter_map(|l| l["row"].as_u64()).collect();
    assert_eq!(rows, every_row, "every row once, in manifest order");
    assert!(
        lines.iter().all(|l| l["outcome"] == "ready"),
        "{}",
        r.stdout
    );
    let keys = keys_sent(&w);
    assert_eq!(keys.len(), 12, "{keys:?}");
    assert!(keys.values().all(|n| *n == 1), "one job per row: {keys:?}");
    assert_eq!(created_ms(&w).len(), 12, "the world holds 12 agents");
}

#[test]
fn a_shard_outside_one_to_n_is_a_usage_error_and_sends_nothing() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &mixed_rows(2));
    for bad in ["0/3", "4/3", "1/0", "x", "1/3/3", ""] {
        let r = w.run(&["batch", &m, "--shard", bad, "--json"]);
        r.code(2);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        assert!(
            r.json_error()["message"]
                .as_str()
                .unwrap_or_default()
                .contains("--shard")
        );
    }
    for bad in ["2/4", "1/0", "half"] {
        let r = w.run(&["batch", &m, "--rate-share", bad, "--json"]);
        r.code(2);
        assert!(
            r.json_error()["message"]
                .as_str()
                .unwrap_or_default()
                .contains("--rate-share")
        );
    }
    let r = w.run(&["batch", &m, "--max-runtime", "0s", "--json"]);
    r.code(2);
    assert!(w.requests("/v1/").is_empty(), "nothing was sent");
}

/// Submits spaced for 1/4 of a 120-a-minute bucket (2.1 s apart, 5 % under),
/// against the unshared pace (0.525 s), as the server stamped them.
#[test]
fn a_rate_share_spaces_submits_for_its_part_of_the_bucket() {
    let limited = || {
        World::with(SandboxConfig {
            speed: 20.0,
            rate_limit: Some(120),
            ..SandboxConfig::default()
        })
    };
    let w = limited();
    let m = manifest(&w, "rows.jsonl", &mixed_rows(5));
    let r = w.run(&[
        "batch",
        &m,
        "--rate-share",
        "1/4",
        "--concurrency",
        "1",
        "--json",
    ]);
    r.code(0);
    assert_eq!(r.json_lines().len(), 5);
    let shared = gaps(&created_ms(&w));
    assert_eq!(shared.len(), 4, "{shared:?}");
    // The first gap is before the limit was heard; from then on, 1/4 of it.
    assert!(shared[1..].iter().all(|g| *g >= 2000), "{shared:?}");

    let w = limited();
    let m = manifest(&w, "rows.jsonl", &mixed_rows(5));
    w.run(&["batch", &m, "--concurrency", "1", "--json"])
        .code(0);
    let whole = gaps(&created_ms(&w));
    assert!(whole[1..].iter().all(|g| *g < 1500), "{whole:?}");
}

#[test]
fn a_max_runtime_is_a_checkpoint_and_the_rerun_finishes_with_one_job_per_row() {
    // Jobs take 5 s; one submit a second (60 a minute): neither fits in 2 s.
    let w = World::with(SandboxConfig {
        speed: 2.0,
        rate_limit: Some(60),
        ..SandboxConfig::default()
    });
    let m = manifest(&w, "rows.jsonl", &mixed_rows(5));
    let r = w.run(&[
        "batch",
        &m,
        "--wait",
        "--concurrency",
        "1",
        "--max-runtime",
        "2s",
        "--json",
    ]);
    r.code(75);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 5, "{}", r.stdout);
    assert!(
        lines.iter().all(|l| l["outcome"] == "pending"),
        "{}",
        r.stdout
    );
    let sent = lines.iter().filter(|l| l["id"].is_string()).count();
    assert!((1..5).contains(&sent), "some sent, not all: {}", r.stdout);
    let err = r.json_error();
    assert_eq!(err["code"], "MAX_RUNTIME", "{err}");
    let hint = err["hint"].as_str().unwrap_or_default();
    assert!(
        hint.contains(&format!(
            "bithuman batch {m} --concurrency 1 --max-runtime 2s"
        )) && hint.contains("--wait"),
        "{hint}"
    );
    assert_eq!(keys_sent(&w).len(), sent);

    let r = w.run(&["batch", &m, "--wait", "--json"]);
    r.code(0);
    let lines = r.json_lines();
    assert!(
        lines.iter().all(|l| l["outcome"] == "ready"),
        "{}",
        r.stdout
    );
    let keys = keys_sent(&w);
    assert_eq!(keys.len(), 5, "{keys:?}");
    assert!(keys.values().all(|n| *n == 1), "no job twice: {keys:?}");
}

#[test]
fn a_report_reads_every_shard_sends_nothing_and_marks_missing_rows_pending() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &mixed_rows(6));
    for i in [1, 2] {
        w.run(&[
            "batch",
            &m,
            "--shard",
            &format!("{i}/3"),
            "--wait",
            "--json",
        ])
        .code(0);
    }
    let before = w.api.requests().len();
    let r = w.run(&["batch", "report", &m, "--json"]);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 6, "{}", r.stdout);
    let rows: Vec<u64> = lines.iter().filter_map(|l| l["row"].as_u64()).collect();
    assert_eq!(rows, vec![1, 2, 4, 5, 6, 7], "manifest order");
    let missing: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["outcome"] != "ready").collect();
    assert!(!w.home().join("rows.shard-3-of-3.state.jsonl").exists());
    assert!(!missing.is_empty(), "shard 3's rows: {}", r.stdout);
    for l in &missing {
        assert_eq!(l["outcome"], "pending", "{l}");
        assert!(l["id"].is_null(), "{l}");
    }
    r.code(75);
    assert_eq!(w.api.requests().len(), before, "a report sends nothing");

    w.run(&["batch", &m, "--shard", "3/3", "--wait", "--json"])
        .code(0);
    let r = w.run(&["batch", "report", &m]);
    r.code(0);
    assert_eq!(
        r.stdout.lines().count(),
        7,
        "a table: header and six rows\n{}",
        r.stdout
    );
    assert!(
        r.stdout.lines().skip(1).all(|l| l.contains("ready")),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("from 3 state files"), "{}", r.stderr);

    // State files of another API are refused, as a run refuses them.
    let mut other = w.cmd();
    other
        .env("BITHUMAN_API_BASE", "http://127.0.0.1:9")
        .args(["batch", "report", &m, "--json"]);
    let r = w.run_cmd(&mut other);
    r.code(65);
    r.assert_json_error("STATE_OF_ANOTHER_API", None);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}

/// A scripted read API (status and list) with one read bucket of `limit` a
/// minute (burst = limit) that says so in `X-RateLimit-*` on every answer
/// and answers 429 when empty, and a log of every request with the time it
/// arrived. Agents `A1..An` are `processing` until `ready_after`, then `ready`.
struct ReadFake {
    base: String,
    log: std::sync::Arc<std::sync::Mutex<Vec<(std::time::Instant, String, u16)>>>,
    _rt: tokio::runtime::Runtime,
}

struct Bucket {
    limit: f64,
    tokens: f64,
    at: std::time::Instant,
}

impl ReadFake {
    fn start(agents: usize, limit: u32, ready_after: std::time::Duration) -> Self {
        use axum::http::{HeaderValue, Request, StatusCode};
        use axum::response::IntoResponse;
        use std::sync::{Arc, Mutex};
        use std::time::Instant;
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let started = Instant::now();
        let bucket = Arc::new(Mutex::new(Bucket {
            limit: f64::from(limit),
            tokens: f64::from(limit),
            at: started,
        }));
        let handler_log = log.clone();
        let handler = move |req: Request<axum::body::Body>| {
            let (log, bucket) = (handler_log.clone(), bucket.clone());
            async move {
                let now = Instant::now();
                let path = req.uri().path().to_string();
                let query = req.uri().query().unwrap_or_default().to_string();
                let (admitted, remaining) = {
                    let mut b = bucket.lock().expect("bucket");
                    let refill = now.duration_since(b.at).as_secs_f64() * b.limit / 60.0;
                    b.tokens = (b.tokens + refill).min(b.limit);
                    b.at = now;
                    let admitted = b.tokens >= 1.0;
                    if admitted {
                        b.tokens -= 1.0;
                    }
                    (admitted, b.tokens.floor() as u64)
                };
                let state = if now.duration_since(started) >= ready_after {
                    "ready"
                } else {
                    "processing"
                };
                let record = |id: &str| {
                    serde_json::json!({"agent_id": id, "code": id, "status": state,
                        "progress": if state == "ready" { 1.0 } else { 0.5 }, "model": "essence-1"})
                };
                let (status, body) = if !admitted {
                    (429, envelope(429, "RATE_LIMITED", "Too many read requests"))
                } else if let Some(id) = path.strip_prefix("/v1/agent/status/") {
                    (
                        200,
                        serde_json::json!({"success": true, "data": record(id)}).to_string(),
                    )
                } else if path == "/v1/agents" {
                    let offset: usize = query
                        .split('&')
                        .find_map(|kv| kv.strip_prefix("offset="))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    let items: Vec<serde_json::Value> = (1..=agents)
                        .rev()
                        .skip(offset)
                        .take(100)
                        .map(|i| record(&format!("A{i}")))
                        .collect();
                    let more = offset + items.len() < agents;
                    (200, serde_json::json!({"success": true, "data": items,
                        "pagination": {"limit": 100, "offset": offset, "total": agents, "has_more": more}}).to_string())
                } else {
                    (404, envelope(404, "NOT_FOUND", "no such route"))
                };
                log.lock()
                    .expect("log")
                    .push((now, format!("{path}?{query}"), status));
                let mut response =
                    (StatusCode::from_u16(status).expect("status"), body).into_response();
                let h = response.headers_mut();
                let reset = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
                    + 60;
                h.insert("content-type", HeaderValue::from_static("application/json"));
                h.insert("x-ratelimit-limit", HeaderValue::from(limit));
                h.insert("x-ratelimit-remaining", HeaderValue::from(remaining));
                h.insert("x-ratelimit-reset", HeaderValue::from(reset));
                if status == 429 {
                    h.insert("retry-after", HeaderValue::from(1u32));
                }
                response
            }
        };
        let app = axum::Router::new().fallback(handler);
        rt.spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self { base, log, _rt: rt }
    }

    /// (ms since the first request, path) of every request, and the 429s.
    fn reads(&self) -> (Vec<(u64, String)>, usize) {
        let log = self.log.lock().expect("log");
        let first = log.first().map(|(t, _, _)| *t);
        let reads = log
            .iter()
            .map(|(t, p, _)| {
                let ms = first.map_or(0, |f| t.duration_since(f).as_millis() as u64);
                (ms, p.clone())
            })
            .collect();
        (reads, log.iter().filter(|(_, _, s)| *s == 429).count())
    }
}

fn wait_on(w: &World, fake: &ReadFake, ids: &[String]) -> Run {
    let mut cmd = w.cmd();
    cmd.env("BITHUMAN_API_BASE", &fake.base)
        .args(["wait", "--interval", "1s", "--timeout", "50s", "--json"])
        .args(ids);
    w.run_cmd(&mut cmd)
}

/// Many agents in flight: followed through list pages, each read alone
/// once (for its final record), every read spaced for the bucket (120 a
/// minute: 0.525 s apart, 5 % under), no 429.
#[test]
fn many_agents_are_followed_through_the_list_paced_by_the_read_bucket() {
    let w = World::new();
    let fake = ReadFake::start(8, 120, std::time::Duration::from_secs(3));
    let ids: Vec<String> = (1..=8).map(|i| format!("A{i}")).collect();
    let r = wait_on(&w, &fake, &ids);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 8, "{}", r.stdout);
    assert!(lines.iter().all(|l| l["status"] == "ready"), "{}", r.stdout);
    let (reads, limited) = fake.reads();
    assert_eq!(limited, 0, "no 429: {reads:?}");
    let alone = reads
        .iter()
        .filter(|(_, p)| p.starts_with("/v1/agent/status/"))
        .count();
    let pages = reads
        .iter()
        .filter(|(_, p)| p.starts_with("/v1/agents"))
        .count();
    assert_eq!(
        alone, 8,
        "each agent read alone once, for its final record: {reads:?}"
    );
    assert!(pages >= 1, "{reads:?}");
    let times: Vec<u64> = reads.iter().map(|(t, _)| *t).collect();
    assert!(
        times.windows(2).all(|w| w[1] - w[0] >= 480),
        "reads spaced for 120 a minute: {reads:?}"
    );
}

/// Two agents (read alone): each one's 1 s interval is stretched so that
/// together they never pass 30 reads a minute (2.1 s apart).
#[test]
fn a_few_jobs_read_alone_stretch_their_interval_to_the_read_bucket() {
    let w = World::new();
    let fake = ReadFake::start(2, 30, std::time::Duration::from_secs(3));
    let ids: Vec<String> = vec!["A1".into(), "A2".into()];
    let r = wait_on(&w, &fake, &ids);
    r.code(0);
    assert_eq!(r.json_lines().len(), 2, "{}", r.stdout);
    let (reads, limited) = fake.reads();
    assert_eq!(limited, 0, "{reads:?}");
    let times: Vec<u64> = reads.iter().map(|(t, _)| *t).collect();
    assert!(times.len() >= 3, "{reads:?}");
    assert!(
        times.windows(2).all(|w| w[1] - w[0] >= 2000),
        "reads spaced for 30 a minute: {reads:?}"
    );
}

/// A 429 asking for 10 minutes pauses the submits only until the
/// --max-runtime: the run ends at it (exit 69: the refused row is worse
/// than the 75 of the rows left), and the re-run sends the rest (the
/// refused row again, with its key), one job per row.
#[test]
fn a_rate_limit_pause_never_runs_past_the_max_runtime() {
    let w = World::new();
    let m = manifest(&w, "rows.jsonl", &mixed_rows(3));
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        bithuman::sandbox::FaultAction::Respond {
            status: 429,
            headers: vec![("retry-after".into(), "600".into())],
            body: envelope(
                429,
                "RATE_LIMITED",
                "Too many generate requests. Retry in ~600s.",
            ),
        },
    );
    let r = w.run(&["batch", &m, "--concurrency", "1", "--max-runtime", "2s"]);
    r.code(69);
    assert!(
        r.stderr
            .contains("Retry-After 600s): pausing every submit for")
            && r.stderr
                .contains("never runs past the wait deadline or --max-runtime"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--max-runtime"), "{}", r.stderr);
    assert_eq!(
        w.requests("/v1/agent/generate").len(),
        1,
        "paused after the 429"
    );
    assert_eq!(
        r.stdout.lines().filter(|l| l.contains("pending")).count(),
        2,
        "{}",
        r.stdout
    );
    let r = w.run(&["batch", &m, "--wait", "--json"]);
    r.code(0);
    assert!(
        r.json_lines().iter().all(|l| l["outcome"] == "ready"),
        "{}",
        r.stdout
    );
    let made: BTreeSet<String> = w
        .requests("/v1/agent/generate")
        .iter()
        .skip(1)
        .filter_map(|r| r.header("idempotency-key").map(str::to_string))
        .collect();
    assert_eq!(made.len(), 3, "one job per row: {made:?}");
}
