//! Journal before send (SPEC §8): a real child process is killed (SIGKILL,
//! SIGTERM, SIGINT) at each instant around the billed POST — before it is
//! sent, while the server holds it, after the answer — and afterwards
//! exactly one job exists on the server and `wait --last` reaches it.

use crate::common;
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

// ---- Round three (SPEC §20): the journal on the one JSON Lines store ----

fn journal_path(w: &World) -> std::path::PathBuf {
    w.home().join(".state/bithuman/jobs.jsonl")
}

/// Appends raw bytes to the journal, as another program or a crash would.
fn append_raw(w: &World, bytes: &[u8]) {
    use std::io::Write;
    let path = journal_path(w);
    std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .expect("open journal");
    f.write_all(bytes).expect("write journal");
}

/// A journal line: the intent to create an agent, for `base` and no profile.
fn intent_line(base: &str, key: &str, path: &str, time: &str) -> String {
    let v = serde_json::json!({
        "time": time, "kind": "agent", "idempotency_key": key,
        "base_url": base, "profile": null,
        "request": {"method": "POST", "path": path, "body": {"model": "essence-1", "prompt": "p"}},
    });
    format!("{v}\n")
}

#[test]
fn a_torn_last_line_is_repaired_so_wait_last_follows_the_new_agent() {
    let w = World::new();
    let first = w.create();
    // A kill in the middle of a journal write: half a line, no newline.
    append_raw(
        &w,
        br#"{"time":"Mon","kind":"agent","idempotency_key":"bh-torn","#,
    );
    let second = w.create();
    assert_ne!(first, second);
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    assert_eq!(
        r.json()["agent_id"],
        second.as_str(),
        "follows the newest agent"
    );
    let text = std::fs::read_to_string(journal_path(&w)).expect("journal");
    assert!(
        !text.contains("bh-torn"),
        "the torn line was cut off: {text}"
    );
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("every line reads back ({e}): {line}"));
    }
}

#[test]
fn wait_last_never_follows_or_resends_another_apis_entries() {
    let w = World::new();
    let other = "https://api.other.example";
    // Another API's unanswered submit, and v0.1's record of another API's agent.
    append_raw(
        &w,
        intent_line(other, "bh-other", "/v1/agent/generate", "Mon").as_bytes(),
    );
    let legacy = w.home().join(".state/bithuman/agents.jsonl");
    std::fs::write(
        &legacy,
        format!(
            "{}\n",
            serde_json::json!({"time": "Mon", "agent_id": "AOTHERAPI", "model": "essence-1",
                "base_url": other, "idempotency_key": "bh-old", "inputs": {}})
        ),
    )
    .expect("legacy");
    let r = w.run(&["wait", "--last"]);
    r.code(66);
    assert!(
        r.stderr
            .contains("no agent submitted from this machine yet"),
        "{}",
        r.stderr
    );
    assert!(
        w.requests("/").is_empty(),
        "nothing sent: {:?}",
        w.requests("/")
    );
    // v0.1's record of this API's agent is still found.
    let id = w.create();
    std::fs::remove_file(journal_path(&w)).expect("rm journal");
    std::fs::write(
        &legacy,
        format!(
            "{}\n",
            serde_json::json!({"time": "Mon", "agent_id": id, "model": "essence-1",
                "base_url": w.base(), "idempotency_key": "bh-old", "inputs": {}})
        ),
    )
    .expect("legacy");
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    assert_eq!(r.json()["agent_id"], id.as_str());
}

#[test]
fn an_answer_recorded_under_another_profile_is_not_taken() {
    let w = World::new();
    let base = w.base();
    append_raw(
        &w,
        intent_line(&base, "bh-shared", "/v1/agent/generate", "Mon").as_bytes(),
    );
    // The same key answered for another profile (another account, same URL).
    let answered = serde_json::json!({"time": "Mon", "idempotency_key": "bh-shared",
        "base_url": base, "profile": "work", "id": "AWORKPROFILE"});
    append_raw(&w, format!("{answered}\n").as_bytes());
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    assert_ne!(r.json()["agent_id"], "AWORKPROFILE");
    let posts = w.requests("/v1/agent/generate");
    assert_eq!(posts.len(), 1, "the recorded request was sent again");
    assert_eq!(posts[0].header("idempotency-key"), Some("bh-shared"));
}

#[test]
fn a_recorded_path_never_sends_the_request_to_another_host_or_route() {
    let w = World::new();
    let elsewhere = World::new();
    let host = elsewhere
        .base()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    for path in [
        format!("@{host}/v1/agent/generate"),
        "/v1/agent/AFOO/delete".to_string(),
        "/v1/agent/generate?x=1".to_string(),
        "//evil.example/v1/agent/generate".to_string(),
        "/v1/video/generate".to_string(),
    ] {
        std::fs::remove_file(journal_path(&w)).ok();
        append_raw(&w, intent_line(&w.base(), "bh-s2", &path, "Mon").as_bytes());
        let r = w.run(&["wait", "--last"]);
        r.code(65);
        assert!(
            r.stderr.contains("not a known submit route"),
            "{path}: {}",
            r.stderr
        );
        assert!(w.requests("/").is_empty(), "{path}: nothing sent here");
        assert!(
            elsewhere.requests("/").is_empty(),
            "{path}: nothing sent to the other host"
        );
    }
}

#[test]
fn a_long_prompt_is_journaled_in_a_line_the_reader_reads_back() {
    let w = World::new();
    let older = w.create();
    // 1,040,000 bytes that JSON escapes to more than 1 MiB.
    let mut prompt = String::new();
    while prompt.len() < 1_040_000 {
        prompt.push_str("say \"hi\"\n");
    }
    prompt.truncate(1_040_000);
    let file = w.file("long.txt", prompt.as_bytes());
    let r = w.run(&["generate", "--prompt-file", file.to_str().expect("utf8")]);
    // The API refuses prompts this long; the refusal is journaled.
    assert_ne!(r.code, 0, "{r:?}");
    let r = w.run(&["wait", "--last"]);
    r.code(66);
    assert!(
        r.stderr.contains("was refused by the server"),
        "the long request was read back, not skipped for {older}: {}",
        r.stderr
    );
}

#[test]
#[cfg(target_os = "linux")]
fn a_giant_journal_line_is_skipped_without_being_held_in_memory() {
    let mut w = World::new();
    w.extra_env
        .push(("BITHUMAN_REQUEST_TIMEOUT".into(), "60s".into()));
    w.create();
    // 96 MB in one line, then a newer agent.
    let mut giant = vec![b'x'; 96 * 1024 * 1024];
    giant.push(b'\n');
    append_raw(&w, &giant);
    drop(giant);
    let newer = w.create();
    // The first poll is held, so the child is alive (its journal read done)
    // when its peak memory is read.
    w.fault(
        Some("GET"),
        "/v1/agent/",
        1,
        FaultAction::Stall(Duration::from_secs(5)),
    );
    let polls = w.requests("/v1/agent/").len();
    let child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["wait", "--last", "--json"])
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    for _ in 0..600 {
        if w.requests("/v1/agent/").len() > polls {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // The high-water mark of the child's own memory since its exec.
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).expect("status");
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    let out = child.wait_with_output().expect("wait");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(!stderr.contains(SECRET));
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("json");
    assert_eq!(
        v["agent_id"],
        newer.as_str(),
        "the entries after it are read"
    );
    assert!(
        stderr.contains("1 line over the length limit"),
        "the skipped line is reported: {stderr}"
    );
    assert!(
        peak_kib < 64 * 1024,
        "peak memory {peak_kib} KiB: the 96 MB line was buffered"
    );
}

#[test]
#[cfg(unix)]
fn a_fifo_at_the_journal_path_is_refused_without_hanging() {
    let w = World::new();
    let path = journal_path(&w);
    std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
    let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success());
    for args in [
        &["generate", "--prompt", "p"][..],
        &["wait", "--last"][..],
        &["video", "wait", "--last"][..],
    ] {
        // A hang would be killed by the timeout and fail the exit-code check.
        let r = w.run_cmd(w.cmd().args(args).timeout(Duration::from_secs(30)));
        r.code(1);
        assert!(
            r.stderr.contains("is a FIFO, not a regular file"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("jobs.jsonl"),
            "names the path: {}",
            r.stderr
        );
    }
    assert!(
        w.requests("/v1/agent/generate").is_empty(),
        "nothing billed is sent without its journal entry"
    );
}

#[test]
#[cfg(unix)]
fn wait_last_does_not_resend_a_submit_still_in_flight() {
    let mut w = World::new();
    w.extra_env
        .push(("BITHUMAN_REQUEST_TIMEOUT".into(), "60s".into()));
    w.fault(
        Some("POST"),
        "/v1/agent/generate",
        1,
        FaultAction::Stall(Duration::from_secs(8)),
    );
    let first = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["generate", "--prompt", "p", "--json"])
        .env_clear()
        .envs(w.env())
        .current_dir(w.home())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Until the first process has journaled its intent and sent the POST.
    for _ in 0..600 {
        if journal_has_intent(&w) && !w.requests("/v1/agent/generate").is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        w.requests("/v1/agent/generate").len(),
        1,
        "the POST is held"
    );
    let r = w.run(&["wait", "--last"]);
    r.code(75);
    assert!(
        r.stderr.contains("still being sent by another process"),
        "{}",
        r.stderr
    );
    let out = first.wait_with_output().expect("first");
    assert!(out.status.success(), "{out:?}");
    let posts = w.requests("/v1/agent/generate");
    assert_eq!(posts.len(), 1, "exactly one POST with that key");
    // Its answer is journaled now: `wait --last` follows it, no POST.
    let r = w.run(&["wait", "--last", "--json"]);
    r.code(0);
    assert_eq!(w.requests("/v1/agent/generate").len(), 1);
}

#[test]
fn journal_text_reaches_the_terminal_sanitized() {
    let w = World::new();
    append_raw(
        &w,
        intent_line(
            &w.base(),
            "bh-k1",
            "/v1/agent/generate",
            "Mon\u{1b}]0;pwned\u{7}\u{1b}[2J",
        )
        .as_bytes(),
    );
    let refused = serde_json::json!({"time": "Mon", "idempotency_key": "bh-k1",
        "base_url": w.base(), "profile": null, "refused": "BAD\u{1b}[31m"});
    append_raw(&w, format!("{refused}\n").as_bytes());
    let r = w.run(&["wait", "--last"]);
    r.code(66);
    assert!(
        r.stderr.contains("was refused by the server"),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'),
        "raw escapes reached the terminal: {:?}",
        r.stderr
    );
}

// ---- Issue 20: an inline file is hashed while it is sent ----

/// What the one-request server of [`serve_one_generate`] saw.
struct Seen {
    /// The body's `Content-Length`.
    length: usize,
    /// Body bytes received in all.
    received: usize,
    /// The journal's text when every byte of the body but the last had
    /// arrived (`None` if the body never got that far).
    journal_before_last_byte: Option<String>,
}

/// Serves one `POST /v1/agent/generate` on `listener`: reads the body up
/// to its last byte, reads `journal` there, then takes the last byte and
/// answers with an agent id. A body that stops short is counted, not answered.
fn serve_one_generate(
    listener: std::net::TcpListener,
    journal: std::path::PathBuf,
) -> std::thread::JoinHandle<Seen> {
    use std::io::{BufRead, BufReader, Read, Write};
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("accept");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut length = 0;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("length");
            }
        }
        let mut seen = Seen {
            length,
            received: 0,
            journal_before_last_byte: None,
        };
        let mut buf = vec![0u8; 64 * 1024];
        while seen.received + 1 < length {
            let want = buf.len().min(length - 1 - seen.received);
            match reader.read(&mut buf[..want]) {
                Ok(0) | Err(_) => return seen,
                Ok(n) => seen.received += n,
            }
        }
        seen.journal_before_last_byte = Some(std::fs::read_to_string(&journal).unwrap_or_default());
        match reader.read(&mut buf[..1]) {
            Ok(1) => seen.received += 1,
            _ => return seen,
        }
        let answer = r#"{"success":true,"agent_id":"A12345678","status":"processing"}"#;
        let mut stream = stream;
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{answer}",
            answer.len()
        );
        seen
    })
}

/// A world whose API is a listener of the test's own, and a PNG of `size`
/// bytes in its home.
fn world_on_own_listener(size: usize) -> (World, std::net::TcpListener, Vec<u8>, String) {
    let mut w = World::new();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    w.extra_env
        .push(("BITHUMAN_API_BASE".into(), format!("http://{addr}")));
    let mut bytes = png();
    bytes.resize(size, 0x5a);
    let image = w.file("face.png", &bytes).to_string_lossy().into_owned();
    (w, listener, bytes, image)
}

#[test]
fn an_inline_file_is_journaled_with_its_digest_before_its_body_is_complete() {
    use sha2::Digest;
    // 3 kB: the whole body is read before connecting; 3 MiB: its end is
    // read on the producer thread while the start is on the wire.
    for size in [3_000, 3 * 1024 * 1024] {
        let (w, listener, bytes, image) = world_on_own_listener(size);
        let server = serve_one_generate(listener, journal_path(&w));
        let r = w.run(&[
            "generate",
            "--image",
            &image,
            "--media",
            "base64",
            "--idempotency-key",
            "key-issue-20",
            "--json",
        ]);
        let seen = server.join().expect("server");
        assert_eq!(r.code, 0, "{size}: {r:?}");
        assert_eq!(seen.received, seen.length, "{size}: the whole body arrived");
        let journal = seen
            .journal_before_last_byte
            .expect("the body reached its last byte");
        let intent = journal
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .find(|l| l["idempotency_key"] == "key-issue-20" && l.get("request").is_some())
            .unwrap_or_else(|| panic!("{size}: no intent line before the last byte: {journal:?}"));
        let file = &intent["request"]["body"]["image"]["$file"];
        assert_eq!(
            file["sha256"].as_str(),
            Some(hex::encode(sha2::Sha256::digest(&bytes)).as_str()),
            "{size}: the digest of the bytes sent: {intent}"
        );
        assert_eq!(file["len"].as_u64(), Some(size as u64));
    }
}

#[test]
fn a_journal_that_cannot_be_written_stops_the_body_before_its_end() {
    let (w, listener, _, image) = world_on_own_listener(3 * 1024 * 1024);
    let addr = listener.local_addr().expect("addr");
    // A folder where the journal file should be: no line can be appended.
    std::fs::create_dir_all(journal_path(&w)).expect("dir");
    let server = serve_one_generate(listener, journal_path(&w));
    let r = w.run(&["generate", "--image", &image, "--media", "base64", "--json"]);
    // Unblocks the server if the CLI never connected.
    let _ = std::net::TcpStream::connect(addr);
    let seen = server.join().expect("server");
    assert!(
        seen.received < seen.length || seen.length == 0,
        "the server got a whole request with no journal line: {} of {} bytes",
        seen.received,
        seen.length
    );
    // The same refusal as when the line is written before sending (no file).
    let prompt_only = w.run(&["generate", "--prompt", "p", "--json"]);
    assert_ne!(r.code, 0, "{r:?}");
    assert_eq!(r.code, prompt_only.code, "{r:?} vs {prompt_only:?}");
    assert_eq!(
        r.json_error()["code"],
        prompt_only.json_error()["code"],
        "{r:?}"
    );
}
