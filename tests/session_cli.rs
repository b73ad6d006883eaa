//! Live sessions, the client side (SPEC §17): `session start|list|show|end|
//! transcript|watch`, `agent speak|context`, `embed-token`, against scripted
//! answers of the fake API; tests/sandbox_sessions.rs drives the sandbox's own emulation.

use crate::common;
use common::*;
use serde_json::{Value, json};

const AGENT: &str = "A91XMB7113";
/// A LiveKit token: asserted absent from every output.
const LK_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhdmF0YXIifQ.LkT0kenS1gnature";
const USER: &str = "u_42";
const U1: &str = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const U2: &str = "5b1d6a90-0c2e-4e4b-9d1a-2f6c7e8a9b10";
const U3: &str = "9c0e7b3a-1d2f-4a5b-8c6d-7e8f9a0b1c2d";

fn start_args(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = vec![
        "session",
        "start",
        "--agent",
        AGENT,
        "--livekit-url",
        "wss://demo.livekit.cloud",
        "--livekit-token",
        LK_TOKEN,
        "--room",
        "lobby",
    ];
    args.extend_from_slice(extra);
    args
}

fn started(id: &str) -> String {
    json!({"avatar_session_started": true, "model": "essence-2", "session_id": id,
           "mode": "gpu", "agent_id": AGENT, "image": null, "user_id": USER})
    .to_string()
}

fn no_token(run: &Run) {
    assert!(
        !run.stdout.contains(LK_TOKEN),
        "token on stdout: {}",
        run.stdout
    );
    assert!(
        !run.stderr.contains(LK_TOKEN),
        "token on stderr: {}",
        run.stderr
    );
}

fn body(r: &bithuman::sandbox::RecordedRequest) -> Value {
    serde_json::from_slice(&r.body).unwrap_or(Value::Null)
}

fn script_me(w: &World) {
    w.respond(
        Some("GET"),
        "/v1/me",
        100,
        200,
        &json!({"success": true, "data": {"user_id": USER, "plan": "pro"}}).to_string(),
    );
}

fn listed(id: &str, agent: &str, started: &str, minutes: Value, credits: Value) -> Value {
    json!({"id": id, "agent_code": agent, "agent_name": "Guide", "room_name": "lobby",
           "started": started, "minutes": minutes, "credits": credits,
           "burn_rate_cr_per_min": 4, "status": "live", "has_transcript": true})
}

fn script_list(w: &World, sessions: Vec<Value>, times: usize) {
    let answer = json!({"success": true, "data": {"active_count": sessions.len(),
        "live_burn_rate_cr_per_min": 8, "credits_this_hour": 31.5, "sessions": sessions}});
    w.respond(
        Some("GET"),
        &format!("/v2/{USER}/runtime-sessions"),
        times,
        200,
        &answer.to_string(),
    );
}

#[test]
fn start_sends_the_request_and_never_shows_the_token() {
    let w = World::new();
    w.respond(
        Some("POST"),
        "/v1/runtime-tokens/request",
        2,
        200,
        &started("cs_4f1c9a"),
    );
    let r = w.run(&start_args(&["--model", "essence-2"]));
    r.code(0);
    assert_eq!(r.stdout, "cs_4f1c9a\n");
    assert!(
        r.stderr.contains("bithuman session end cs_4f1c9a"),
        "{}",
        r.stderr
    );
    no_token(&r);
    let sent = w.requests("/v1/runtime-tokens/request");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "POST");
    assert_eq!(
        body(&sent[0]),
        json!({"mode": "gpu", "agent_id": AGENT, "livekit_url": "wss://demo.livekit.cloud",
               "livekit_token": LK_TOKEN, "room_name": "lobby", "model": "essence-2"})
    );
    // -vv logs request bodies: the token is redacted there too; --json is the answer.
    let r = w.run(&start_args(&["-vv", "--json"]));
    r.code(0);
    no_token(&r);
    assert!(
        r.stderr.contains("\"livekit_token\":\"***\""),
        "{}",
        r.stderr
    );
    let v = r.json();
    assert_eq!(v["session_id"], "cs_4f1c9a");
    assert_eq!(v["model"], "essence-2");
    assert_eq!(v["schema_version"], 1);
}

#[test]
fn a_token_echoed_in_an_error_is_redacted() {
    let w = World::new();
    let message = format!("livekit_token {LK_TOKEN} is expired");
    w.respond(
        Some("POST"),
        "/v1/runtime-tokens/request",
        1,
        400,
        &envelope(400, "VALIDATION_ERROR", &message),
    );
    let r = w.run(&start_args(&["--json"]));
    r.code(1);
    no_token(&r);
    assert!(
        r.json_error()["message"]
            .as_str()
            .unwrap_or_default()
            .contains("*** is expired")
    );
}

#[test]
fn the_fourth_start_is_refused_over_the_concurrency_limit() {
    let w = World::new();
    for id in ["cs_one", "cs_two", "cs_three"] {
        w.respond(
            Some("POST"),
            "/v1/runtime-tokens/request",
            1,
            200,
            &started(id),
        );
    }
    w.respond(
        Some("POST"),
        "/v1/runtime-tokens/request",
        1,
        403,
        &envelope(
            403,
            "CONCURRENCY_LIMIT_REACHED",
            "3 live sessions: the Creator plan's limit",
        ),
    );
    for id in ["cs_one", "cs_two", "cs_three"] {
        let r = w.run(&start_args(&[]));
        r.code(0);
        assert_eq!(r.stdout.trim(), id);
    }
    let r = w.run(&start_args(&[]));
    r.code(77);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("session list --live"), "{}", r.stderr);
    assert!(r.stderr.contains("session end"), "{}", r.stderr);
    no_token(&r);
    let r4 = {
        w.respond(
            Some("POST"),
            "/v1/runtime-tokens/request",
            1,
            403,
            &envelope(403, "CONCURRENCY_LIMIT_REACHED", "limit"),
        );
        w.run(&start_args(&["--json"]))
    };
    r4.code(77);
    r4.assert_json_error("CONCURRENCY_LIMIT_REACHED", Some("session list --live"));
    // Never retried: one request per start.
    assert_eq!(w.requests("/v1/runtime-tokens/request").len(), 5);
}

#[test]
fn bad_start_flags_are_usage_errors_before_any_request() {
    let w = World::new();
    for url in ["http://demo.livekit.cloud", "demo.livekit.cloud", "ftp://x"] {
        let mut args = start_args(&[]);
        args[5] = url;
        let r = w.run(&args);
        r.code(2);
        assert!(r.stderr.contains("--livekit-url"), "{}", r.stderr);
        no_token(&r);
    }
    let r = w.run(&[
        "session",
        "start",
        "--agent",
        "../x",
        "--livekit-url",
        "wss://a",
        "--livekit-token",
        LK_TOKEN,
        "--room",
        "r",
    ]);
    r.code(2);
    assert!(w.requests("/v1/runtime-tokens").is_empty());
}

#[test]
fn list_shows_sessions_and_the_live_burn_rate() {
    let w = World::new();
    script_me(&w);
    let sessions = vec![
        listed(U1, AGENT, "2026-12-07T01:00:00Z", json!(12.5), json!(50)),
        listed(
            U2,
            "A12BCD3456",
            "2026-12-07T02:00:00Z",
            json!(3),
            json!(-7),
        ),
    ];
    script_list(&w, sessions, 2);
    let r = w.run(&["session", "list", "--live"]);
    r.code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("ID"), "{}", r.stdout);
    assert!(lines[1].contains(U1) && lines[1].contains("12.5") && lines[1].contains("50"));
    // A negative amount from the server is unknown, never shown as is.
    assert!(lines[2].contains(U2) && lines[2].contains('?') && !lines[2].contains("-7"));
    assert_eq!(
        lines[3],
        "live: 2 session(s), burning 8 credits/min; 31.5 credits this hour"
    );
    let sent = w.requests(&format!("/v2/{USER}/runtime-sessions"));
    assert_eq!(sent[0].query.as_deref(), Some("window=live&limit=200"));
    let r = w.run(&["session", "list", "--json"]);
    r.code(0);
    let lines = r.json_lines();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], U1);
    assert_eq!(lines[1]["credits"], Value::Null);
    assert_eq!(lines[2]["totals"]["live_burn_rate_cr_per_min"], 8.0);
    assert_eq!(lines[2]["totals"]["window"], "all");
}

#[test]
fn ending_twice_says_already_ended_and_exits_0() {
    let w = World::new();
    let path = "/v1/runtime-sessions/cs_4f1c9a";
    let live =
        json!({"session_id": "cs_4f1c9a", "status": "live", "billed_seconds": 100, "credits": 6});
    let ended = json!({"session_id": "cs_4f1c9a", "status": "ended", "agent_id": AGENT,
        "billed_seconds": 131.2, "credits": 9, "ended": true, "slot_released": true,
        "note": "Session ended: the avatar left the room and billing stopped."});
    w.respond(Some("GET"), path, 1, 200, &live.to_string());
    w.respond(Some("GET"), path, 1, 200, &ended.to_string());
    w.respond(
        Some("POST"),
        &format!("{path}/end"),
        2,
        200,
        &ended.to_string(),
    );
    let r = w.run(&["session", "end", "cs_4f1c9a"]);
    r.code(0);
    assert_eq!(r.stdout, "ended cs_4f1c9a: 131.2 s billed, 9 credits\n");
    assert!(r.stderr.contains("billing stopped"), "{}", r.stderr);
    let r = w.run(&["session", "end", "cs_4f1c9a", "--json"]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["already_ended"], true);
    assert_eq!(v["credits"], 9.0);
    assert_eq!(r.stderr, "");
    let posts: Vec<_> = w
        .requests(path)
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2);
    assert!(posts.iter().all(|p| p.path == format!("{path}/end")));
    // Said in words too.
    w.respond(Some("GET"), path, 1, 200, &ended.to_string());
    w.respond(
        Some("POST"),
        &format!("{path}/end"),
        1,
        200,
        &ended.to_string(),
    );
    let r = w.run(&["session", "end", "cs_4f1c9a"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        "cs_4f1c9a was already ended: 131.2 s billed, 9 credits\n"
    );
}

#[test]
fn ending_by_uuid_terminates_on_v2_with_the_user_id_of_v1_me() {
    let w = World::new();
    script_me(&w);
    script_list(
        &w,
        vec![listed(
            U1,
            AGENT,
            "2026-12-07T01:00:00Z",
            json!(2),
            json!(8),
        )],
        2,
    );
    let answer = json!({"success": true, "data": {"session_id": U1, "closed": true,
        "ended": false, "self_hosted": false, "note": "The avatar leaves within a minute."}});
    w.respond(
        Some("POST"),
        &format!("/v2/{USER}/runtime-sessions/"),
        2,
        200,
        &answer.to_string(),
    );
    let r = w.run(&["session", "end", U1, &U2.to_uppercase()]);
    r.code(0);
    assert_eq!(
        r.stdout,
        format!(
            "ended {U1}: 120 s billed, 8 credits\n{} was already ended: ? s billed, ? credits\n",
            U2.to_uppercase()
        )
    );
    let terminated: Vec<_> = w
        .requests("/v2/")
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(terminated.len(), 2);
    assert_eq!(
        terminated[0].path,
        format!("/v2/{USER}/runtime-sessions/{U1}/terminate")
    );
    assert_eq!(
        terminated[1].path,
        format!("/v2/{USER}/runtime-sessions/{U2}/terminate")
    );
    assert_eq!(body(&terminated[0]), json!({"reason": "user-terminated"}));
    assert_eq!(w.requests("/v1/me").len(), 1, "the user id is fetched once");
}

#[test]
fn watch_once_ends_exactly_the_sessions_over_the_cap() {
    let w = World::new();
    script_me(&w);
    let mut ended_one = listed(U3, AGENT, "2026-12-07T00:00:00Z", json!(90), json!(360));
    ended_one["status"] = json!("ended");
    script_list(
        &w,
        vec![
            listed(U1, AGENT, "2026-12-07T01:00:00Z", json!(3.2), json!(13)),
            listed(U2, AGENT, "2026-12-07T02:00:00Z", json!(1), json!(4)),
            ended_one,
        ],
        1,
    );
    w.respond(
        Some("POST"),
        &format!("/v2/{USER}/runtime-sessions/"),
        5,
        200,
        &json!({"success": true, "data": {"session_id": U1, "closed": true}}).to_string(),
    );
    let r = w.run(&["session", "watch", "--once", "--max-minutes", "1", "--json"]);
    r.code(0);
    let v = r.json();
    assert_eq!(v["action"], "ended");
    assert_eq!(v["session_id"], U1);
    assert_eq!(v["cap"], "max-minutes");
    assert_eq!(v["limit"], 1.0);
    assert_eq!(v["value"], 3.2);
    let posts: Vec<String> = w
        .requests("/v2/")
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path)
        .collect();
    assert_eq!(
        posts,
        vec![format!("/v2/{USER}/runtime-sessions/{U1}/terminate")]
    );
    assert!(w.requests("/v1/runtime-sessions").is_empty());
}

#[test]
fn watch_total_ends_the_newest_until_under_the_cap() {
    let w = World::new();
    script_me(&w);
    script_list(
        &w,
        vec![
            listed(U1, AGENT, "2026-12-07T01:00:00Z", json!(10), json!(40)),
            listed(U2, AGENT, "2026-12-07T03:00:00Z", json!(2), json!(8)),
            listed(U3, AGENT, "2026-12-07T02:00:00Z", json!(3), json!(12)),
        ],
        1,
    );
    w.respond(
        Some("POST"),
        &format!("/v2/{USER}/runtime-sessions/"),
        5,
        200,
        &json!({"success": true, "data": {"closed": true}}).to_string(),
    );
    // 60 credits in all, cap 45: the newest (8) leaves 52, the next (12) 40.
    let r = w.run(&[
        "session",
        "watch",
        "--once",
        "--max-credits",
        "45",
        "--total",
    ]);
    r.code(0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines[0].contains(&format!("ended {U2}")) && lines[0].contains("over --max-credits 45")
    );
    assert!(lines[1].contains(&format!("ended {U3}")));
    let posts: Vec<String> = w
        .requests("/v2/")
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path)
        .collect();
    assert_eq!(
        posts,
        vec![
            format!("/v2/{USER}/runtime-sessions/{U2}/terminate"),
            format!("/v2/{USER}/runtime-sessions/{U3}/terminate"),
        ]
    );
}

#[test]
fn watch_needs_a_positive_cap() {
    let w = World::new();
    for args in [
        vec!["session", "watch", "--once"],
        vec!["session", "watch", "--once", "--max-minutes", "0"],
        vec!["session", "watch", "--once", "--max-minutes", "-5"],
        vec!["session", "watch", "--once", "--max-credits", "inf"],
        vec!["session", "watch", "--max-minutes", "1", "--interval", "0s"],
    ] {
        let r = w.run(&args);
        r.code(2);
        assert_eq!(r.stdout, "");
    }
    assert!(w.requests("/v").is_empty());
}

#[cfg(unix)]
#[test]
fn watch_loops_until_interrupted() {
    let w = World::new();
    script_me(&w);
    script_list(&w, vec![], 100);
    let r = w.interrupt(
        &["session", "watch", "--max-minutes", "5", "--interval", "1h"],
        &[],
        std::time::Duration::from_millis(1500),
    );
    r.code(130);
    assert!(r.stderr.contains("interrupted"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(w.requests("/v2/").iter().all(|r| r.method == "GET"));
}

#[test]
fn bad_session_ids_are_usage_errors_before_any_request() {
    let w = World::new();
    for args in [
        vec!["session", "end", "nope"],
        vec!["session", "end", "cs_ok", "cs_a/b"],
        vec!["session", "show", "../etc"],
        vec!["session", "transcript", "3f2504e0-4f89-11d3-9a0c"],
        vec!["session", "show", "cs_\u{1b}[31m"],
    ] {
        let r = w.run(&args);
        r.code(2);
        assert!(r.stderr.contains("invalid session id"), "{}", r.stderr);
        assert!(!r.stderr.contains('\u{1b}'));
    }
    let r = w.run(&["session", "end", "nope", "--json"]);
    r.code(2);
    r.assert_json_error("INVALID_SESSION_ID", None);
    assert!(w.requests("/v").is_empty());
}

#[test]
fn an_unknown_session_is_66() {
    let w = World::new();
    w.respond(
        Some("GET"),
        "/v1/runtime-sessions/cs_missing",
        2,
        404,
        &envelope(404, "NOT_FOUND", "Session not found"),
    );
    let r = w.run(&["session", "end", "cs_missing"]);
    r.code(66);
    assert!(
        r.stderr.contains("cs_missing") && r.stderr.contains("session list"),
        "{}",
        r.stderr
    );
    let r = w.run(&["session", "show", "cs_missing", "--json"]);
    r.code(66);
    r.assert_json_error("NOT_FOUND", Some("session list"));
    let ends: Vec<_> = w
        .requests("/v1/runtime-sessions")
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert!(
        ends.is_empty(),
        "nothing is ended when the session is unknown"
    );
    // A UUID not in the account's list is unknown too.
    script_me(&w);
    script_list(&w, vec![], 1);
    let r = w.run(&["session", "show", U1]);
    r.code(66);
}

#[test]
fn show_and_transcript() {
    let w = World::new();
    w.respond(
        Some("GET"),
        "/v1/runtime-sessions/cs_4f1c9a",
        1,
        200,
        &json!({"session_id": "cs_4f1c9a", "status": "live", "agent_id": AGENT,
                "billed_seconds": 61, "credits": "lots", "room_name": "lobby\u{1b}[2J"})
        .to_string(),
    );
    let r = w.run(&["session", "show", "cs_4f1c9a"]);
    r.code(0);
    assert!(r.stdout.contains("status   live"), "{}", r.stdout);
    assert!(r.stdout.contains("billed   61 s"), "{}", r.stdout);
    assert!(r.stdout.contains("credits  ?"), "{}", r.stdout);
    assert!(!r.stdout.contains('\u{1b}'));
    script_me(&w);
    w.respond(
        Some("GET"),
        &format!("/v2/{USER}/runtime-sessions/{U1}/messages"),
        2,
        200,
        &json!({"success": true, "data": {"session_id": U1, "agent_code": AGENT, "messages": [
            {"timestamp": "2026-12-07T01:00:01Z", "role": "user", "message": "Hello?"},
            {"timestamp": "2026-12-07T01:00:03Z", "role": "assistant", "message": "Welcome!"}]}})
        .to_string(),
    );
    let r = w.run(&["session", "transcript", U1]);
    r.code(0);
    assert_eq!(
        r.stdout,
        "[2026-12-07T01:00:01Z] user: Hello?\n[2026-12-07T01:00:03Z] assistant: Welcome!\n"
    );
    let r = w.run(&["session", "transcript", U1, "--json"]);
    r.code(0);
    assert_eq!(r.json()["messages"][1]["message"], "Welcome!");
}

#[test]
fn end_all_revokes_only_with_yes_off_a_terminal() {
    let w = World::new();
    script_me(&w);
    let r = w.run(&["session", "end", "--all"]);
    r.code(2);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert!(w.requests("/v2/").is_empty());
    w.respond(
        Some("POST"),
        &format!("/v2/{USER}/runtime/revoke-all"),
        1,
        200,
        &json!({"success": true, "data": {"revoked": true, "effective_in_seconds": 320,
            "runtime_suspended": true, "note": "Sessions stop within ~5 minutes."}})
        .to_string(),
    );
    let r = w.run(&["session", "end", "--all", "--yes"]);
    r.code(0);
    assert_eq!(
        r.stdout,
        "revoked every runtime token: sessions stop within 320 s\n"
    );
    let sent = w.requests(&format!("/v2/{USER}/runtime/revoke-all"));
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method, "POST");
}

#[test]
fn speak_sends_the_message_and_a_missing_room_is_66() {
    let w = World::new();
    let route = format!("/v1/agent/{AGENT}/speak");
    w.respond(
        Some("POST"),
        &route,
        1,
        200,
        &json!({"agent_code": AGENT, "context_type": "speak", "delivered_to_rooms": 1}).to_string(),
    );
    let r = w.run(&[
        "agent",
        "speak",
        AGENT,
        "--text",
        "Doors open at nine.",
        "--room",
        "lobby",
    ]);
    r.code(0);
    assert_eq!(r.stdout, "delivered to 1 room(s)\n");
    let sent = w.requests(&route);
    assert_eq!(
        body(&sent[0]),
        json!({"message": "Doors open at nine.", "room_id": "lobby"})
    );
    w.respond(
        Some("POST"),
        &route,
        2,
        404,
        &envelope(
            404,
            "NOT_FOUND",
            &format!("No active rooms found for agent {AGENT}"),
        ),
    );
    let r = w.run_stdin(&["agent", "speak", AGENT, "-"], "Hello there.\n");
    r.code(66);
    assert!(r.stderr.contains("has no live room"), "{}", r.stderr);
    assert!(r.stderr.contains("session start"), "{}", r.stderr);
    assert_eq!(
        body(&w.requests(&route)[1]),
        json!({"message": "Hello there."})
    );
    let r = w.run(&["agent", "speak", AGENT, "--text", "Hi", "--json"]);
    r.code(66);
    r.assert_json_error("NOT_FOUND", Some("session start"));
}

#[test]
fn speak_refuses_empty_or_oversized_text_before_sending() {
    let w = World::new();
    let long = "a".repeat(5001);
    let file = w.file("empty.txt", b"\n");
    for args in [
        vec!["agent", "speak", AGENT, "--text", "  "],
        vec!["agent", "speak", AGENT, "--text", long.as_str()],
        vec![
            "agent",
            "speak",
            AGENT,
            "--file",
            file.to_str().unwrap_or_default(),
        ],
        vec!["agent", "context", AGENT, "--text", ""],
    ] {
        let r = w.run(&args);
        r.code(65);
        assert_eq!(r.stdout, "");
    }
    assert!(w.requests("/v1/agent").is_empty());
}

#[test]
fn context_sends_knowledge_silently_or_aloud() {
    let w = World::new();
    let route = format!("/v1/agent/{AGENT}/add-context");
    w.respond(
        Some("POST"),
        &route,
        2,
        200,
        &json!({"agent_code": AGENT, "context_type": "add_context", "delivered_to_rooms": 0})
            .to_string(),
    );
    let facts = w.file("facts.txt", b"The premium plan includes parking.\n");
    let r = w.run(&[
        "agent",
        "context",
        AGENT,
        "--file",
        facts.to_str().unwrap_or_default(),
    ]);
    r.code(0);
    assert_eq!(r.stdout, "delivered to 0 room(s)\n");
    assert!(r.stderr.contains("nobody heard it"), "{}", r.stderr);
    let r = w.run(&[
        "agent", "context", AGENT, "--text", "Say hi.", "--speak", "--json",
    ]);
    r.code(0);
    assert_eq!(r.json()["delivered_to_rooms"], 0);
    let sent = w.requests(&route);
    assert_eq!(
        body(&sent[0]),
        json!({"context": "The premium plan includes parking.", "type": "add_context"})
    );
    assert_eq!(
        body(&sent[1]),
        json!({"context": "Say hi.", "type": "speak"})
    );
}

#[test]
fn embed_token_prints_the_token_on_stdout_only() {
    let w = World::new();
    let token = "eyJhbGciOiJIUzI1NiJ9.ZW1iZWQ.EmbedT0kenSignature";
    w.respond(
        Some("POST"),
        "/v1/embed-tokens/request",
        2,
        200,
        &json!({"status": "success", "status_code": 200, "data": {"token": token,
            "sid": "emb_1", "supported_models": ["essence-1"]}})
        .to_string(),
    );
    let r = w.run(&[
        "embed-token",
        "--agent",
        AGENT,
        "--fingerprint",
        "9f8e7d6c",
        "-vv",
    ]);
    r.code(0);
    assert_eq!(r.stdout, format!("{token}\n"));
    assert!(
        !r.stderr.contains(token),
        "the token reached stderr: {}",
        r.stderr
    );
    let sent = w.requests("/v1/embed-tokens/request");
    assert_eq!(
        body(&sent[0]),
        json!({"agent_id": AGENT, "fingerprint": "9f8e7d6c"})
    );
    let r = w.run(&["embed-token", "--agent", AGENT, "--json"]);
    r.code(0);
    assert_eq!(r.json()["token"], token);
    let fp = body(&w.requests("/v1/embed-tokens/request")[1])["fingerprint"].clone();
    assert_eq!(
        fp.as_str().map(str::len),
        Some(32),
        "a random fingerprint: {fp}"
    );
    let r = w.run(&["embed-token", "--agent", AGENT, "--fingerprint", "not hex"]);
    r.code(2);
}

/// Talks JSON-RPC to `bithuman mcp`: `requests` are sent after the
/// handshake, stdin is closed, and the answers are returned by id.
fn mcp_session(w: &World, requests: &[Value]) -> std::collections::HashMap<u64, Value> {
    let mut lines = vec![
        json!({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}),
        json!({"jsonrpc":"2.0","method":"notifications/initialized"}),
    ];
    lines.extend_from_slice(requests);
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let r = w.run_stdin(&["mcp"], input);
    r.code(0);
    no_token(&r);
    r.stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or(Value::Null))
        .filter_map(|v| Some((v.get("id")?.as_u64()?, v)))
        .collect()
}

fn tool_call(id: u64, name: &str, args: Value) -> Value {
    json!({"jsonrpc":"2.0","id":id,"method":"tools/call","params":{"name":name,"arguments":args}})
}

#[test]
fn mcp_lists_ends_and_speaks_with_the_json_objects() {
    let w = World::new();
    script_me(&w);
    script_list(
        &w,
        vec![listed(
            U1,
            AGENT,
            "2026-12-07T01:00:00Z",
            json!(2),
            json!(8),
        )],
        2,
    );
    w.respond(
        Some("POST"),
        &format!("/v2/{USER}/runtime-sessions/{U1}/terminate"),
        1,
        200,
        &json!({"success": true, "data": {"session_id": U1, "closed": true}}).to_string(),
    );
    w.respond(
        Some("POST"),
        &format!("/v1/agent/{AGENT}/speak"),
        1,
        404,
        &envelope(404, "NOT_FOUND", "No active rooms found"),
    );
    let answers = mcp_session(
        &w,
        &[
            json!({"jsonrpc":"2.0","id":1,"method":"tools/list"}),
            tool_call(2, "list_sessions", json!({})),
            tool_call(3, "end_session", json!({"session_id": U1})),
            tool_call(
                4,
                "agent_speak",
                json!({"agent_id": AGENT, "text": "Hello"}),
            ),
            tool_call(5, "end_session", json!({"session_id": "not-an-id"})),
        ],
    );
    let tools = answers[&1]["result"]["tools"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let tool = |name: &str| {
        tools
            .iter()
            .find(|t| t["name"] == name)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(tool("end_session")["annotations"]["destructiveHint"], true);
    assert_eq!(tool("list_sessions")["annotations"]["readOnlyHint"], true);
    assert!(tool("agent_speak").is_object());
    let listed = &answers[&2]["result"]["structuredContent"];
    assert_eq!(listed["sessions"][0]["id"], U1, "{listed}");
    assert_eq!(listed["totals"]["live_burn_rate_cr_per_min"], 8.0);
    let ended = &answers[&3]["result"]["structuredContent"];
    assert_eq!(ended["session_id"], U1, "{ended}");
    assert_eq!(ended["already_ended"], false);
    assert_eq!(answers[&4]["result"]["isError"], true);
    assert_eq!(
        answers[&4]["result"]["structuredContent"]["error"]["code"],
        "NOT_FOUND"
    );
    let bad = &answers[&5]["result"]["structuredContent"]["error"];
    assert_eq!(bad["code"], "INVALID_SESSION_ID", "{bad}");
    let posts: Vec<String> = w
        .requests("/v2/")
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path)
        .collect();
    assert_eq!(
        posts,
        vec![format!("/v2/{USER}/runtime-sessions/{U1}/terminate")]
    );
}

#[test]
fn the_livekit_token_can_come_from_stdin() {
    let w = World::new();
    w.respond(
        Some("POST"),
        "/v1/runtime-tokens/request",
        1,
        200,
        &started("cs_stdin1"),
    );
    let mut args = start_args(&["-v"]);
    args[7] = "-";
    let r = w.run_stdin(&args, format!("{LK_TOKEN}\n"));
    r.code(0);
    assert_eq!(r.stdout, "cs_stdin1\n");
    no_token(&r);
    let sent = w.requests("/v1/runtime-tokens/request");
    assert_eq!(body(&sent[0])["livekit_token"], LK_TOKEN);
    // An empty token is refused before any request.
    let r = w.run_stdin(&args, "\n");
    r.code(65);
    assert_eq!(w.requests("/v1/runtime-tokens/request").len(), 1);
}
