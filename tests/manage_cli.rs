//! Agent and account management from the command line (SPEC §9): list,
//! show, update, delete, account, pricing, usage, and a balance too low.

mod common;
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

#[test]
fn list_stops_on_a_server_that_always_has_more() {
    let w = World::new();
    let page = r#"{"success":true,"data":[{"agent_id":"A1","status":"ready"}],"pagination":{"limit":20,"offset":0,"total":null,"has_more":true}}"#;
    w.respond(Some("GET"), "/v1/agents", 50, 200, page);
    let r = w.run(&["agent", "list", "--all", "--json"]);
    r.code(0);
    assert_eq!(r.json_lines().len(), 1, "a short page ends the listing");
    assert_eq!(w.requests("/v1/agents").len(), 1);
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
