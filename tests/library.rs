//! The library's all-pages listings against the in-process sandbox: the
//! blocking iterator and the async stream over `GET /v1/agents` and
//! `GET /v1/usage`, a listing a misbehaving server cannot loop, and the
//! blocking client refusing to run inside a runtime.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use bithuman::sandbox::{Fault, FaultAction, Sandbox, SandboxConfig};
use bithuman::{AgentQuery, ApiSecret, Error, GenerateRequest, PagingStop, UsageQuery};
use futures_util::TryStreamExt;

const SECRET: &str = "sk_test_library";
/// More than two pages of 20.
const AGENTS: usize = 45;

/// A sandbox holding [`AGENTS`] agents made through the library, and their
/// ids. Made on a thread of its own: the blocking client refuses to run in
/// the runtime of an async test.
fn world() -> &'static (Sandbox, BTreeSet<String>) {
    static WORLD: OnceLock<(Sandbox, BTreeSet<String>)> = OnceLock::new();
    WORLD.get_or_init(|| {
        std::thread::spawn(make_world)
            .join()
            .expect("the world is made")
    })
}

fn make_world() -> (Sandbox, BTreeSet<String>) {
    {
        let sandbox = Sandbox::start(SandboxConfig {
            secret: Some(SECRET.to_string()),
            speed: 50.0,
            ..SandboxConfig::unmetered()
        })
        .expect("start sandbox");
        let client = blocking(&sandbox);
        let ids = (0..AGENTS)
            .map(|i| {
                let mut request = GenerateRequest::new("essence-1");
                request.prompt = Some(format!("agent number {i}"));
                client
                    .create_agent(&request, &format!("library-test-{i}"), None)
                    .expect("create an agent")
                    .agent_id
            })
            .collect();
        (sandbox, ids)
    }
}

fn blocking(sandbox: &Sandbox) -> bithuman::blocking::Client {
    bithuman::blocking::Client::builder(&sandbox.base_url())
        .secret(ApiSecret::new(SECRET.to_string()))
        .build()
        .expect("build the blocking client")
}

fn async_client(sandbox: &Sandbox) -> bithuman::Client {
    bithuman::Client::builder(&sandbox.base_url())
        .secret(ApiSecret::new(SECRET.to_string()))
        .build()
        .expect("build the async client")
}

// How many `GET /v1/agents` pages of `limit` the sandbox has answered so
// far (the tests list with page sizes of their own: they run at once).
fn agent_pages(sandbox: &Sandbox, limit: u32) -> usize {
    let limit = format!("limit={limit}");
    sandbox
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path == "/v1/agents")
        .filter(|r| r.query.as_deref().unwrap_or_default().contains(&limit))
        .count()
}

#[test]
fn the_blocking_iterator_yields_every_agent_once_across_pages() {
    let (sandbox, made) = world();
    let client = blocking(sandbox);
    let pages_before = agent_pages(sandbox, 20);
    let mut agents = client.agents(&AgentQuery::new().limit(20));
    let ids: Vec<String> = agents
        .by_ref()
        .map(|a| a.expect("a listed agent").id().expect("an id").to_string())
        .collect();
    assert_eq!(agents.stopped(), None);
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "an agent listed twice: {ids:?}");
    assert_eq!(&unique, made);
    // 45 agents, 20 a page: three pages were read.
    assert_eq!(agent_pages(sandbox, 20) - pages_before, 3);
}

#[tokio::test]
async fn the_async_stream_yields_the_same_agents() {
    let (sandbox, made) = world();
    let client = async_client(sandbox);
    let mut agents = client.agents(&AgentQuery::new().limit(16));
    let mut ids = Vec::new();
    while let Some(agent) = agents.try_next().await.expect("a listed agent") {
        ids.push(agent.id().expect("an id").to_string());
    }
    assert_eq!(agents.stopped(), None);
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "an agent listed twice: {ids:?}");
    assert_eq!(&unique, made);
}

#[test]
fn usage_rows_iterate_blocking_and_async() {
    let (sandbox, made) = world();
    let client = blocking(sandbox);
    let query = UsageQuery::new().limit(20);
    let mut rows = client.usage_rows(&query);
    let blocking_rows: Vec<_> = rows.by_ref().map(|r| r.expect("a usage row")).collect();
    assert_eq!(rows.stopped(), None);
    // Every creation was billed once at least.
    let billed: BTreeSet<String> = blocking_rows
        .iter()
        .filter_map(|r| r.agent_code.clone())
        .collect();
    assert!(made.is_subset(&billed), "billed: {billed:?}");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let async_rows: Vec<_> = runtime
        .block_on(
            async_client(sandbox)
                .usage_rows(&query)
                .try_collect::<Vec<_>>(),
        )
        .expect("the usage rows");
    assert_eq!(async_rows.len(), blocking_rows.len());
}

// A server that always has more and sends the same page again: the
// listing ends, once, and says why, in both forms.
#[test]
fn a_repeated_page_stops_the_listing_and_says_why() {
    let sandbox = Sandbox::start(SandboxConfig {
        secret: Some(SECRET.to_string()),
        ..SandboxConfig::unmetered()
    })
    .expect("start sandbox");
    let page = serde_json::json!({
        "success": true,
        "data": [{"agent_id": "A00000001", "status": "ready"},
                 {"agent_id": "A00000002", "status": "ready"}],
        "pagination": {"limit": 2, "offset": 0, "total": 1000, "has_more": true},
    });
    let always_more = || Fault {
        method: Some("GET".to_string()),
        path_prefix: "/v1/agents".to_string(),
        times: 1000,
        action: FaultAction::Respond {
            status: 200,
            headers: Vec::new(),
            body: page.to_string(),
        },
    };
    sandbox.inject(always_more());
    let client = blocking(&sandbox);
    let mut agents = client.agents(&AgentQuery::new().limit(2));
    let ids: Vec<String> = agents
        .by_ref()
        .map(|a| a.expect("a listed agent").id().expect("an id").to_string())
        .collect();
    assert_eq!(ids, ["A00000001", "A00000002"]);
    assert_eq!(agents.stopped(), Some(PagingStop::RepeatedPage));
    assert_eq!(
        agent_pages(&sandbox, 2),
        2,
        "it stopped at the first repeat"
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let client = async_client(&sandbox);
    let mut agents = client.agents(&AgentQuery::new().limit(2));
    let listed: Vec<_> = runtime
        .block_on((&mut agents).try_collect::<Vec<_>>())
        .expect("the agents");
    assert_eq!(listed.len(), 2);
    assert_eq!(agents.stopped(), Some(PagingStop::RepeatedPage));
}

// The blocking client inside a runtime: an error, as the last item of an
// iterator too, never a panic.
#[tokio::test]
async fn the_blocking_client_in_a_runtime_is_an_error() {
    let (sandbox, _) = world();
    let client = blocking(sandbox);
    assert!(matches!(client.account(), Err(Error::BlockingInRuntime)));
    let mut agents = client.agents(&AgentQuery::new());
    assert!(matches!(agents.next(), Some(Err(Error::BlockingInRuntime))));
    assert!(agents.next().is_none(), "said once, then over");
    let mut rows = client.usage_rows(&UsageQuery::new());
    assert!(matches!(rows.next(), Some(Err(Error::BlockingInRuntime))));
    // Dropped inside the runtime without a panic.
    drop(rows);
    drop(agents);
    drop(client);
}

// The async client's futures can be spawned (they are `Send`) whenever the
// callback given is: checked at compile time, never run.
#[allow(dead_code)]
fn async_calls_are_send(client: &bithuman::Client, sink: &mut (dyn std::io::Write + Send)) {
    use bithuman::{Destination, DownloadOptions};
    fn send<T: Send>(_: T) {}
    let options = DownloadOptions::new();
    send(client.agents(&AgentQuery::new()));
    send(client.usage_rows(&UsageQuery::new()));
    send(client.download_file("u", "n", Destination::Writer(sink), &options, |_| {}));
    send(client.download_model("A", Destination::Path("m/".into()), &options, |_| {}));
    send(client.download_video("v", Destination::Path("v/".into()), &options, |_| {}));
    send(client.model_url("A", &options, |_| {}));
    send(client.wait_agent(
        "A",
        &bithuman::wait::WaitOptions::new(Default::default(), None),
        |_| {},
    ));
    send(client.create_agent(&GenerateRequest::new("essence-1"), "k", None));
    send(client.create_dynamics(&bithuman::DynamicsRequest::new("A"), "k"));
}
