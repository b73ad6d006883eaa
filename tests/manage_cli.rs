//! Agent and account management from the command line (SPEC §9): list,
//! show, update, delete, account, pricing, usage, and a balance too low.

use crate::common;
use common::*;

fn ready(w: &World) -> String {
    let id = w.create();
    w.run(&["wait", &id]).code(0);
    id
}

#[test]
fn create_list_update_delete_and_see_the_balance_explained() {
    let w = World::new();
    let ids: Vec<String> = (0..3).map(|_| ready(&w)).collect();
    let r = w.run(&["agent", "list", "--json"]);
    r.code(0);
    let listed = r.json_lines();
    for id in &ids {
        assert!(
            listed.iter().any(|a| a["agent_id"] == id.as_str()),
            "{id} listed"
        );
    }
    assert!(listed.iter().all(|a| a["schema_version"] == 1));
    let r = w.run(&["agent", "list"]);
    r.code(0);
    assert!(r.stdout.starts_with("ID"), "{}", r.stdout);
    assert!(r.stdout.contains(&ids[0]), "{}", r.stdout);

    let r = w.run(&[
        "agent",
        "update",
        &ids[0],
        "--prompt",
        "You are a museum guide.",
        "--json",
    ]);
    r.code(0);
    assert_eq!(r.json()["updated"], true);
    let sent = w.requests(&format!("/v1/agent/{}", ids[0]));
    let update = sent
        .iter()
        .find(|q| q.method == "POST")
        .expect("update sent");
    assert_eq!(
        update.json().expect("json")["system_prompt"],
        "You are a museum guide."
    );
    let r = w.run(&["agent", "show", &ids[0], "--json"]);
    r.code(0);
    assert_eq!(r.json()["system_prompt"], "You are a museum guide.");

    // Deleting off a terminal needs --yes: nothing is deleted without it.
    let r = w.run(&["agent", "delete", &ids[1]]);
    r.code(2);
    assert!(
        w.requests(&format!("/v1/agent/{}", ids[1]))
            .iter()
            .all(|q| q.method != "DELETE")
    );
    let r = w.run(&["agent", "delete", &ids[1], "--yes", "--json"]);
    r.code(0);
    assert_eq!(r.json()["deleted"], true);
    let r = w.run(&["download", &ids[1], "--json"]);
    r.code(66);
    assert!(
        r.json_error()["message"]
            .as_str()
            .is_some_and(|m| m.contains("deleted")),
        "{}",
        r.stderr
    );
    let r = w.run(&["status", &ids[1]]);
    r.code(66);

    let r = w.run(&["account", "--json"]);
    r.code(0);
    let balance = r.json()["credit_balance"].as_i64().expect("balance");
    let r = w.run(&["usage", "--all", "--json"]);
    r.code(0);
    let rows = r.json_lines();
    let charged: i64 = rows
        .iter()
        .filter_map(|r| r["credits_change"].as_i64())
        .sum();
    assert_eq!(charged, -750, "three essence-1 agents: {rows:?}");
    let r = w.run(&["usage"]);
    r.code(0);
    assert!(r.stdout.contains("total -750 credits"), "{}", r.stdout);
    let r = w.run(&["account"]);
    r.code(0);
    assert!(r.stdout.contains(&balance.to_string()), "{}", r.stdout);
    let r = w.run(&["pricing", "--json"]);
    r.code(0);
    assert_eq!(r.json()["agent_generation"]["by_model"]["essence-1"], 250);
}

#[test]
fn list_all_streams_every_page() {
    // 250 agents at once: past the business plan's generate bucket and agent cap.
    let w = World::with(bithuman::sandbox::SandboxConfig {
        speed: 20.0,
        ..bithuman::sandbox::SandboxConfig::unmetered()
    });
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::new();
    for i in 0..250 {
        let r = client
            .post(format!("{}/v1/agent/generate", w.base()))
            .header("api-secret", SECRET)
            .header("content-type", "application/json")
            .body(format!(r#"{{"model":"essence-1","prompt":"agent {i}"}}"#))
            .send()
            .expect("create");
        assert!(r.status().is_success());
    }
    let r = w.run(&["agent", "list", "--all", "--json", "--limit", "100"]);
    r.code(0);
    assert_eq!(r.json_lines().len(), 250);
    let pages = w.requests("/v1/agents");
    assert_eq!(pages.len(), 3, "three pages of 100");
    let r = w.run(&["agent", "list", "--json"]);
    assert_eq!(r.json_lines().len(), 20, "the first 20 without --all");
}

// One page of a listing as the API sends it.
fn page(items: serde_json::Value, total: Option<u64>, has_more: bool) -> String {
    serde_json::json!({
        "success": true,
        "data": items,
        "pagination": {"total": total, "has_more": has_more},
    })
    .to_string()
}

fn agents(ids: &[&str]) -> serde_json::Value {
    ids.iter()
        .map(|id| serde_json::json!({"agent_id": id, "name": format!("Agent {id}"), "status": "ready"}))
        .collect()
}

#[test]
fn list_stops_on_a_server_that_always_has_more() {
    let w = World::new();
    // The same page, always with more: stopped at the repeat, with a warning.
    w.respond(
        Some("GET"),
        "/v1/agents",
        50,
        200,
        &page(agents(&["A1"]), None, true),
    );
    let r = w.run(&["agent", "list", "--all", "--json"]);
    r.code(0);
    assert_eq!(r.json_lines().len(), 1, "{}", r.stdout);
    assert_eq!(w.requests("/v1/agents").len(), 2);
    assert!(
        r.stderr
            .contains("stopped paging: the server sent a page it had already sent"),
        "{}",
        r.stderr
    );
    // Shifting pages of agents already listed: stopped, with a warning.
    let w = World::new();
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &page(agents(&["A1", "A2"]), None, true),
    );
    w.respond(
        Some("GET"),
        "/v1/agents",
        50,
        200,
        &page(agents(&["A2", "A1"]), None, true),
    );
    let r = w.run(&["agent", "list", "--all", "--limit", "2"]);
    r.code(0);
    assert_eq!(
        r.stdout.lines().count(),
        3,
        "a header and two rows: {}",
        r.stdout
    );
    assert_eq!(w.requests("/v1/agents").len(), 2);
    assert!(
        r.stderr.contains(
            "warning: stopped paging: the server sent only items it had already listed; the list may be incomplete"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn a_low_total_or_a_short_page_does_not_cut_a_listing_short() {
    let w = World::new();
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &page(agents(&["A1", "A2"]), Some(2), true),
    );
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &page(agents(&["A3"]), Some(2), true),
    );
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &page(agents(&["A4", "A5"]), Some(2), false),
    );
    let r = w.run(&["agent", "list", "--all", "--limit", "2", "--json"]);
    r.code(0);
    let ids: Vec<String> = r
        .json_lines()
        .iter()
        .map(|a| a["agent_id"].as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(ids, ["A1", "A2", "A3", "A4", "A5"]);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    let offsets: Vec<String> = w
        .requests("/v1/agents")
        .iter()
        .map(|q| q.query.clone().unwrap_or_default())
        .collect();
    assert!(offsets[2].contains("offset=3"), "{offsets:?}");
}

#[test]
fn list_all_prints_each_page_as_it_arrives() {
    let w = World::new();
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        200,
        &page(agents(&["A1", "A2"]), None, true),
    );
    w.respond(
        Some("GET"),
        "/v1/agents",
        1,
        400,
        &envelope(400, "BAD_REQUEST", "page two is broken"),
    );
    let r = w.run(&["agent", "list", "--all", "--limit", "2"]);
    r.code(1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert!(lines[0].starts_with("ID") && lines[1].starts_with("A1") && lines[2].starts_with("A2"));
    assert!(r.stderr.contains("page two is broken"), "{}", r.stderr);
}

#[test]
fn tables_of_wide_names_fit_the_terminal() {
    use unicode_width::UnicodeWidthStr;
    let w = World::new();
    let items: serde_json::Value = (1..=3)
        .map(|i| {
            serde_json::json!({
                "agent_id": format!("A9{i}XMB7113"),
                "name": "東京駅のアバター案内係さん、ご案内いたします".repeat(i),
                "model": "essence-1",
                "status": "ready",
                "created_at": "2026-12-01T10:00:00Z",
            })
        })
        .collect();
    for columns in ["50", "80"] {
        w.respond(
            Some("GET"),
            "/v1/agents",
            1,
            200,
            &page(items.clone(), None, false),
        );
        let r = w.run_cmd(w.cmd().env("COLUMNS", columns).args(["agent", "list"]));
        r.code(0);
        let max: usize = columns.parse().expect("number");
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), 4, "{}", r.stdout);
        for line in &lines {
            assert!(
                line.width() <= max,
                "{columns}: {line} is {} wide",
                line.width()
            );
        }
        // The ids are whole and the statuses line up, one display column each.
        let status_at: Vec<usize> = lines
            .iter()
            .map(|l| {
                l.find("STATUS")
                    .or_else(|| l.find("ready"))
                    .map_or(0, |b| l[..b].width())
            })
            .collect();
        assert!(
            status_at.windows(2).all(|p| p[0] == p[1] && p[0] > 0),
            "{}",
            r.stdout
        );
        assert!(
            lines[3].starts_with("A93XMB7113") && lines[3].contains('…'),
            "{}",
            r.stdout
        );
    }
}

#[test]
fn usage_refuses_a_reversed_range_and_reads_lowercase_rfc3339() {
    let w = World::new();
    let r = w.run(&["usage", "--since", "2026-12-01", "--until", "2026-11-01"]);
    r.code(2);
    assert!(
        r.stderr
            .contains("--since (2026-12-01T00:00:00Z) is after --until"),
        "{}",
        r.stderr
    );
    assert!(w.requests("/v1/usage").is_empty(), "nothing was sent");
    let r = w.run(&[
        "usage",
        "--since",
        "2026-11-01t10:00:00z",
        "--until",
        "2026-11-02t10:00:00+02:00",
    ]);
    r.code(0);
    let query = w.requests("/v1/usage")[0].query.clone().unwrap_or_default();
    assert!(
        query.contains("start=2026-11-01T10%3A00%3A00Z")
            && query.contains("end=2026-11-02T08%3A00%3A00Z"),
        "{query}"
    );
}

#[test]
fn usage_totals_from_absurd_numbers_are_unknown_not_infinite() {
    let w = World::new();
    for changes in [
        serde_json::json!([1.7e308, 1.7e308]),
        serde_json::json!([-250, "12"]),
        serde_json::json!([9e15, 9e15]),
    ] {
        let rows: serde_json::Value = changes
            .as_array()
            .expect("list")
            .iter()
            .enumerate()
            .map(|(i, c)| serde_json::json!({"id": i, "credits_change": c, "created_at": "2026-12-01T10:00:00Z"}))
            .collect();
        w.respond(Some("GET"), "/v1/usage", 1, 200, &page(rows, None, false));
        let r = w.run(&["usage"]);
        r.code(0);
        assert!(
            r.stdout.ends_with("total unknown\n"),
            "{changes}: {}",
            r.stdout
        );
        assert!(!r.stdout.to_lowercase().contains("inf"), "{}", r.stdout);
        assert!(r.stderr.contains("the total is unknown"), "{}", r.stderr);
    }
}

#[test]
fn management_usage_errors() {
    let w = World::new();
    for args in [
        vec!["agent", "list", "--limit", "0"],
        vec!["agent", "list", "--limit", "101"],
        vec!["usage", "--limit", "201"],
        vec!["usage", "--since", "last tuesday"],
        vec!["usage", "--until", "2026-13-45"],
        vec!["agent", "update", "A1", "--prompt", " "],
        vec!["agent", "update", "A1"],
    ] {
        let r = w.run(&args);
        r.code(2);
    }
    let empty = w.file("empty.txt", b"\n");
    w.run(&[
        "agent",
        "update",
        "A1",
        "--prompt-file",
        empty.to_str().expect("utf8"),
    ])
    .code(2);
    assert!(w.requests("/v1/").is_empty(), "nothing was sent");
    let r = w.run(&["agent", "show", "A0NOTREAL1"]);
    r.code(66);
    // One unknown id: exit 66, the others still deleted.
    let id = ready(&w);
    let r = w.run(&["agent", "delete", "A0NOTREAL1", &id, "--yes"]);
    r.code(66);
    assert!(r.stdout.contains(&format!("deleted {id}")), "{}", r.stdout);
}

#[test]
fn a_balance_too_low_is_77_with_the_top_up_hint() {
    let w = World::with(bithuman::sandbox::SandboxConfig {
        speed: 20.0,
        credits: Some(100),
        ..Default::default()
    });
    let r = w.run(&["generate", "--prompt", "p", "--json"]);
    r.code(77);
    r.assert_json_error("INSUFFICIENT_BALANCE", Some("top up"));
}

#[test]
fn agent_show_prints_the_whole_agent_and_usage_says_what_was_billed() {
    let w = World::new();
    let id = ready(&w);
    let r = w.run(&["agent", "show", &id]);
    r.code(0);
    for label in [
        "name", "status", "models", "voice", "created", "viewer", "prompt",
    ] {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(label)),
            "{label} in {}",
            r.stdout
        );
    }
    assert!(r.stdout.contains("essence-1 ready"), "{}", r.stdout);
    // Off a terminal times are RFC 3339 to the second, not the server's
    // millisecond strings.
    let created = r
        .stdout
        .lines()
        .find(|l| l.starts_with("created"))
        .unwrap_or_default();
    assert!(
        created.trim_end().ends_with('Z') && !created.contains('.'),
        "{created}"
    );
    let r = w.run(&["usage"]);
    r.code(0);
    assert!(r.stdout.contains("Agent creation"), "{}", r.stdout);
    assert!(!r.stdout.contains(" api "), "{}", r.stdout);
}
