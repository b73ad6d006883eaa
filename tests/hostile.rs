//! Hostile input and faults (SPEC §13): a hostile server written here with
//! raw TCP (endless chunked bodies, escape-laden ids), odd local inputs
//! (endless stdin, devices, FIFOs, huge durations), closed pipes.

use crate::common;
use common::*;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::Duration;

/// A server that answers every request with `head` and then calls `body`
/// to write the rest, for `connections` connections; returns its base URL.
fn hostile(connections: usize, head: &'static str, body: fn(&mut std::net::TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(mut s) = stream else { continue };
            std::thread::spawn(move || {
                let mut buf = [0u8; 65536];
                let _ = s.set_read_timeout(Some(Duration::from_millis(300)));
                let _ = s.read(&mut buf);
                if s.write_all(head.as_bytes()).is_ok() {
                    body(&mut s);
                }
            });
        }
    });
    url
}

// An endless chunked body: 1 MiB chunks until the client hangs up (at most 2 GiB).
fn endless_chunks(s: &mut std::net::TcpStream) {
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..2048 {
        if s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .is_err()
            || s.write_all(&chunk).is_err()
            || s.write_all(b"\r\n").is_err()
        {
            return;
        }
    }
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[test]
#[cfg(target_os = "linux")]
fn an_endless_chunked_answer_is_cut_off_at_the_cap() {
    let url = hostile(
        8,
        "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        endless_chunks,
    );
    let w = World::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["status", "A1", "--json"])
        .env_clear()
        .envs(w.env())
        .env("BITHUMAN_API_BASE", &url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let mut peak = 0;
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the CLI kept reading an endless body (peak {peak} KiB)"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read");
    // Too big to be an API answer: unparseable, retried, then 70.
    assert_eq!(status.code(), Some(70), "{stderr}");
    assert!(stderr.contains("larger than 16 MiB"), "{stderr}");
    assert!(peak < 200 * 1024, "peak RSS {peak} KiB for a capped read");
}

#[test]
fn out_of_range_durations_are_usage_errors_not_panics() {
    let w = World::new();
    for args in [
        &["wait", "A1", "--timeout", "1e20"][..],
        &["wait", "A1", "--interval", "1e20"],
        &["wait", "A1", "--timeout", "500000000000y"],
        &["download", "A1", "--timeout", "1e20"],
    ] {
        let r = w.run(args);
        r.code(2);
        assert!(r.stderr.contains("too long"), "{args:?}: {}", r.stderr);
    }
    std::fs::create_dir_all(w.config_path().parent().expect("dir")).expect("mkdir");
    std::fs::write(w.config_path(), "timeout = \"1e20\"\n").expect("write");
    let r = w.run(&["wait", "A1"]);
    r.code(2);
    assert!(r.stderr.contains("timeout in config file"), "{}", r.stderr);
}

#[test]
#[cfg(unix)]
fn non_utf8_arguments_are_usage_errors() {
    use std::os::unix::ffi::OsStrExt;
    let w = World::new();
    let bad = std::ffi::OsStr::from_bytes(b"A\xff1");
    for json in [false, true] {
        let mut cmd = w.cmd();
        cmd.arg("status").arg(bad);
        if json {
            cmd.arg("--json");
        }
        let r = w.run_cmd(&mut cmd);
        r.code(2);
        if json {
            r.assert_json_error("USAGE", None);
        }
    }
}

#[test]
fn endless_local_inputs_are_refused_at_their_cap() {
    let w = World::new();
    // An image on stdin is spooled only up to the 10 MB cap.
    let r = w.run_stdin(&["generate", "--image", "-"], vec![0u8; 10_500_000]);
    r.code(65);
    assert!(
        r.stderr.contains("over the API's 10 MB limit"),
        "{}",
        r.stderr
    );
    assert!(w.requests("/v1/").is_empty(), "nothing is sent");
    // A prompt is read up to 1 MiB.
    let r = w.run_stdin(&["generate", "--prompt-file", "-"], vec![b'a'; 2 << 20]);
    r.code(65);
    assert!(r.stderr.contains("over the 1 MiB limit"), "{}", r.stderr);
    // A config file is read up to 1 MiB, and must be a regular file.
    let big = w.file("big.toml", &vec![b'#'; 2 << 20]);
    let r = w.run(&["--config", big.to_str().expect("utf8"), "status", "A1"]);
    r.code(65);
    #[cfg(unix)]
    {
        let r = w.run(&["--config", "/dev/zero", "status", "A1"]);
        r.code(2);
        assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
    }
    assert!(w.requests("/v1/").is_empty(), "nothing is sent");
}

#[test]
#[cfg(unix)]
fn force_never_replaces_a_device() {
    let w = World::new();
    let id = w.create();
    w.run(&["wait", &id]).code(0);
    let r = w.run(&["download", &id, "-o", "/dev/null", "--force"]);
    r.code(0);
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata("/dev/null").expect("stat /dev/null");
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
}

#[test]
fn server_ids_in_suggested_commands_are_quoted() {
    let w = World::new();
    let evil = "A1;touch${IFS}/tmp/x;#";
    w.respond(
        Some("POST"),
        "/v1/agent/generate",
        1,
        200,
        &format!(r#"{{"success":true,"agent_id":"{evil}\u001b[2J","status":"processing"}}"#),
    );
    let r = w.run(&["generate", "--prompt", "p"]);
    r.code(0);
    assert!(!r.stdout.contains('\u{1b}') && !r.stderr.contains('\u{1b}'));
    assert!(
        r.stderr.contains("bithuman wait 'A1;touch${IFS}/tmp/x;#'"),
        "{}",
        r.stderr
    );
}

#[test]
#[cfg(unix)]
fn a_closed_stdout_keeps_the_worst_exit_code() {
    let w = World::with(bithuman::sandbox::SandboxConfig {
        speed: 20.0,
        fail_rate: 1.0,
        ..Default::default()
    });
    let id = w.create();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["wait", &id, "--interval", "1s"])
        .env_clear()
        .envs(w.env())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // The reader goes away at once, like `| head -c0`.
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    assert_eq!(
        status.code(),
        Some(1),
        "a failed agent is exit 1 even with stdout closed"
    );
}

/// Starts the CLI, sends `signal` after `after`, and returns what it printed
/// and how long it took to exit after the signal.
#[cfg(unix)]
fn signalled(w: &World, args: &[&str], signal: &str, after: Duration) -> (Run, Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(args)
        .env_clear()
        .envs(w.env())
        .env("TMPDIR", w.home())
        .current_dir(w.home())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // stdin stays open and empty: a reader blocks, as on a terminal.
    let _stdin = child.stdin.take();
    std::thread::sleep(after);
    let sent_at = std::time::Instant::now();
    let ok = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(ok.success());
    let out = child.wait_with_output().expect("wait");
    let run = Run::from(out);
    assert_no_secret(&run);
    (run, sent_at.elapsed())
}

/// Files the CLI left in the temp home: download temps and stdin spools.
fn leftovers(w: &World) -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![w.home().to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                dirs.push(p);
            } else if name.starts_with(".bithuman-download-") || name.starts_with(".tmp") {
                found.push(p.display().to_string());
            }
        }
    }
    found
}

#[test]
#[cfg(unix)]
fn sigterm_during_a_download_unwinds_with_json_and_no_temp_file() {
    let w = World::new();
    let id = w.create();
    w.run(&["wait", &id]).code(0);
    // The file host stalls: the transfer is in flight when the signal comes.
    w.fault(
        Some("GET"),
        "/files/",
        1,
        bithuman::sandbox::FaultAction::Stall(Duration::from_secs(30)),
    );
    let (r, took) = signalled(
        &w,
        &["download", &id, "-o", "models/", "--json"],
        "TERM",
        Duration::from_millis(800),
    );
    assert_eq!(r.code, 143, "{r:?}");
    assert!(
        took < Duration::from_secs(2),
        "unwound by itself in {took:?}"
    );
    r.assert_json_error("INTERRUPTED", None);
    assert!(leftovers(&w).is_empty(), "left: {:?}", leftovers(&w));
}

#[test]
#[cfg(unix)]
fn sighup_during_a_wait_prints_the_resume_command() {
    let w = World::with(bithuman::sandbox::SandboxConfig {
        speed: 0.05,
        ..Default::default()
    });
    let id = w.create();
    let (r, _) = signalled(&w, &["wait", &id], "HUP", Duration::from_millis(800));
    assert_eq!(r.code, 129, "{r:?}");
    assert!(
        r.stderr.contains(&format!("bithuman wait {id}")),
        "{}",
        r.stderr
    );
}

#[test]
#[cfg(unix)]
fn a_signal_while_spooling_stdin_leaves_no_spool() {
    let w = World::new();
    let (r, _) = signalled(
        &w,
        &["generate", "--image", "-"],
        "TERM",
        Duration::from_millis(500),
    );
    assert_eq!(r.code, 143, "{r:?}");
    assert!(leftovers(&w).is_empty(), "left: {:?}", leftovers(&w));
    assert!(w.requests("/v1/").is_empty());
}

#[test]
fn concurrent_logins_to_two_profiles_keep_both_secrets() {
    let w = World::new();
    for round in 0..8 {
        let children: Vec<_> = ["a", "b"]
            .iter()
            .map(|profile| {
                let mut child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
                    .args(["auth", "login", "--with-token", "--profile", profile])
                    .env_clear()
                    .envs(w.env())
                    .env_remove("BITHUMAN_API_SECRET")
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("spawn");
                let secret = format!("sk_test_profile_{profile}_round_{round}");
                child
                    .stdin
                    .take()
                    .expect("stdin")
                    .write_all(secret.as_bytes())
                    .expect("write");
                child
            })
            .collect();
        for mut c in children {
            assert!(c.wait().expect("wait").success());
        }
        let text = std::fs::read_to_string(w.config_path()).expect("config");
        for profile in ["a", "b"] {
            assert!(
                text.contains(&format!("sk_test_profile_{profile}_round_{round}")),
                "round {round}: profile {profile} lost its secret:\n{text}"
            );
        }
    }
}

#[test]
#[cfg(unix)]
fn a_file_that_changes_while_it_is_sent_is_a_local_error_not_the_network() {
    // A server that reads the body slowly and never answers, so the file is
    // still being read when it shrinks.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        if let Some(Ok(mut s)) = listener.incoming().next() {
            let mut buf = [0u8; 16 * 1024];
            for _ in 0..2000 {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => return,
                    Ok(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        }
    });
    let w = World::new();
    let mut big = png();
    big.resize(9_500_000, 0);
    let path = w.file("big.png", &big);
    let child = Command::new(env!("CARGO_BIN_EXE_bithuman"))
        .args(["generate", "--image", path.to_str().expect("utf8")])
        .env_clear()
        .envs(w.env())
        .env("BITHUMAN_API_BASE", &url)
        .env("BITHUMAN_REQUEST_TIMEOUT", "30s")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(&path, b"short now").expect("truncate");
    let r = Run::from(child.wait_with_output().expect("wait"));
    assert_eq!(r.code, 1, "{r:?}");
    assert!(r.stderr.contains("changed size"), "{}", r.stderr);
    assert!(!r.stderr.contains("check your network"), "{}", r.stderr);
}

// The test secret as a server might echo it back without quoting it
// verbatim: partly or wholly percent-encoded (either case of hex),
// JSON-escaped, split across lines or JSON strings.
fn echoed_secrets() -> Vec<String> {
    let every = |upper: bool| -> String {
        SECRET
            .bytes()
            .map(|b| {
                if upper {
                    format!("%{b:02X}")
                } else {
                    format!("%{b:02x}")
                }
            })
            .collect()
    };
    let json_escaped: String = SECRET
        .chars()
        .map(|c| format!("\\u{:04x}", c as u32))
        .collect();
    let (first, second) = SECRET.split_at(14);
    vec![
        SECRET.replacen('_', "%5F", 1),
        SECRET.replace("S3", "%53%33").replace('_', "%5f"),
        every(false),
        every(true),
        json_escaped,
        format!("{first}\n    {second}"),
        format!("{first}\",\"{second}"),
    ]
}

#[test]
fn a_secret_echoed_encoded_or_split_in_an_error_is_redacted() {
    let w = World::new();
    for echo in echoed_secrets() {
        w.respond(
            Some("GET"),
            "/v1/me",
            1,
            400,
            &envelope(400, "BAD_REQUEST", &format!("bad key [{echo}] here")),
        );
        let r = w.run(&["account"]);
        r.code(1);
        assert!(
            r.stderr.contains("bad key [***] here"),
            "{echo}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains(&echo), "{echo} leaked: {}", r.stderr);
    }
    // A long message shortened (at 300 characters) in the middle of the
    // secret shows none of it: 6 to 19 of its characters would show.
    for pad in 280..294 {
        let message = format!("{} {SECRET} tail", "x".repeat(pad));
        w.respond(
            Some("GET"),
            "/v1/me",
            1,
            400,
            &envelope(400, "BAD_REQUEST", &message),
        );
        let r = w.run(&["account"]);
        r.code(1);
        assert!(r.stderr.contains("***…"), "{}", r.stderr);
        assert!(!r.stderr.contains(&SECRET[..6]), "{pad}: {}", r.stderr);
    }
}

#[test]
fn a_secret_echoed_encoded_or_split_in_a_verbose_log_is_redacted() {
    let w = World::new();
    let (first, second) = SECRET.split_at(20);
    let every: String = SECRET.bytes().map(|b| format!("%{b:02x}")).collect();
    let body = serde_json::json!({"data": {
        "plan": "free",
        "echo": every,
        "pieces": [first, second],
    }})
    .to_string();
    w.respond(Some("GET"), "/v1/me", 1, 200, &body);
    let r = w.run(&["account", "-vv", "--json"]);
    r.code(0);
    assert!(r.stderr.contains("body:"), "{}", r.stderr);
    assert!(r.stderr.contains(r#""echo":"***""#), "{}", r.stderr);
    assert!(r.stderr.contains(r#""pieces":["***"]"#), "{}", r.stderr);
    for leak in [every.as_str(), first, second] {
        assert!(!r.stderr.contains(leak), "{leak} in the log: {}", r.stderr);
        assert!(
            !r.stdout.contains(leak),
            "{leak} in the output: {}",
            r.stdout
        );
    }
    assert_eq!(r.json()["pieces"], serde_json::json!(["***"]));
}

// A 16 kHz mono 16-bit WAV of `seconds` of silence whose header claims
// `byte_rate` bytes a second (32 000 is the truth).
fn wav_of(seconds: u32, byte_rate: u32) -> Vec<u8> {
    let data = seconds * 32_000;
    let mut wav = Vec::new();
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    for field in [
        16u32.to_le_bytes().to_vec(),
        1u16.to_le_bytes().to_vec(),
        1u16.to_le_bytes().to_vec(),
    ] {
        wav.extend_from_slice(&field);
    }
    wav.extend_from_slice(&16_000u32.to_le_bytes());
    wav.extend_from_slice(&byte_rate.to_le_bytes());
    wav.extend_from_slice(&2u16.to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data.to_le_bytes());
    wav.resize(wav.len() + data as usize, 0);
    wav
}

#[test]
fn a_wav_is_priced_by_its_data_and_a_lying_header_is_unpriceable() {
    let w = World::new();
    let rate = w.run(&["pricing", "--json"]).json()["talking_video"]["rates"]["essence-1"]
        .as_u64()
        .expect("a rate");
    // 150 s of audio: three billed minutes.
    let honest = w.file("honest.wav", &wav_of(150, 32_000));
    let honest = honest.to_str().expect("utf8");
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        "A1",
        "--audio",
        honest,
        "--max-credits",
        "1",
        "--dry-run",
        "--json",
    ]);
    // Over the cap the dry run exits 77 as the real run would, price shown.
    r.code(77);
    assert_eq!(r.json()["price"]["credits"], 3 * rate, "{}", r.stdout);
    // byte_rate 10× too high would have made it 15 s, one minute.
    let lying = w.file("lying.wav", &wav_of(150, 320_000));
    let lying = lying.to_str().expect("utf8");
    let r = w.run(&[
        "video",
        "generate",
        "--agent",
        "A1",
        "--audio",
        lying,
        "--max-credits",
        "1000",
    ]);
    r.code(77);
    assert!(
        r.stderr.contains("cannot price the video") && r.stderr.contains("contradicts itself"),
        "{}",
        r.stderr
    );
    assert!(
        w.requests("/v1/files").is_empty() && w.requests("/v1/video").is_empty(),
        "nothing was sent"
    );
}

#[test]
fn prices_that_overflow_or_make_no_sense_are_unpriceable() {
    for rate in [
        "9223372036854775809",
        "18446744073709551615",
        "2.5",
        "-2",
        "1e300",
    ] {
        let w = World::new();
        let pricing = format!(
            r#"{{"success":true,"data":{{"talking_video":{{"rates":{{"essence-1":{rate}}}}},"agent_generation":{{"by_model":{{"essence-1":{rate}}}}}}}}}"#
        );
        w.respond(Some("GET"), "/v1/pricing", 2, 200, &pricing);
        let r = w.run(&[
            "video",
            "generate",
            "--agent",
            "A1",
            "--text",
            "hi",
            "--model",
            "essence-1",
            "--max-credits",
            "100",
            "--json",
        ]);
        r.code(77);
        r.assert_json_error("BUDGET_EXCEEDED", None);
        assert!(
            r.json_error()["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("cannot price the video")),
            "{rate}: {}",
            r.stderr
        );
        let r = w.run(&[
            "generate",
            "--prompt",
            "p",
            "--model",
            "essence-1",
            "--max-credits",
            "100",
        ]);
        r.code(77);
        assert!(
            w.requests("/v1/video").is_empty() && w.requests("/v1/agent/generate").is_empty(),
            "{rate}"
        );
    }
}

#[test]
fn bidi_controls_from_the_server_never_reach_the_terminal_or_json() {
    const BIDI: [char; 13] = [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{202E}',
    ];
    let evil: String = format!("invoice{}", BIDI.iter().collect::<String>()) + "gpj.exe";
    let w = World::new();
    let agent = serde_json::json!({"agent_id": "A1", "name": evil, "status": "ready", "model": "essence-1"});
    let listing =
        serde_json::json!({"data": [agent], "pagination": {"has_more": false}}).to_string();
    let me = serde_json::json!({"data": {"plan": evil, "credit_balance": 5}}).to_string();
    for (route, body, args) in [
        ("/v1/agents", &listing, vec!["agent", "list", "--json"]),
        ("/v1/agents", &listing, vec!["agent", "list"]),
        ("/v1/me", &me, vec!["account", "--json"]),
        ("/v1/me", &me, vec!["account"]),
    ] {
        w.respond(Some("GET"), route, 1, 200, body);
        let r = w.run(&args);
        r.code(0);
        assert!(
            r.stdout.contains("invoicegpj.exe"),
            "{args:?}: {}",
            r.stdout
        );
        assert!(
            !r.stdout.contains(BIDI) && !r.stderr.contains(BIDI),
            "{args:?} kept a bidi control: {:?}",
            r.stdout
        );
    }
}

#[test]
fn a_secret_echoed_in_a_status_step_is_redacted_from_the_wait_lines() {
    let w = World::new();
    let id = w.create();
    let (first, second) = SECRET.split_at(16);
    for step in [SECRET.to_string(), format!("{first}\n{second}")] {
        let body = serde_json::json!({"success": true, "data": {
            "agent_id": id, "status": "processing", "progress": 0.5, "current_step": format!("checking {step}"),
        }})
        .to_string();
        w.respond(Some("GET"), "/v1/agent/status/", 1, 200, &body);
        let r = w.run(&["wait", &id, "--interval", "1s"]);
        r.code(0);
        assert!(r.stderr.contains("checking ***"), "{}", r.stderr);
        assert!(!r.stderr.contains(first), "{}", r.stderr);
    }
}
