//! `webhook listen`: a receiver on 127.0.0.1 behind a temporary webhook.
//! Each delivery is verified before anything is done with it (401 when the
//! signature or the timestamp does not hold), printed once per delivery id,
//! forwarded unchanged to `--forward-to`, and answered 2xx only once the
//! forward succeeded (502 otherwise, so the API tries again). The webhook is
//! deleted on every way out: a signal, an error, even a panic (by a guard).

use super::super::Ctx;
use super::super::args::WebhookListenArgs;
use super::super::exit::{CliError, Kind, code, from_lib, webhook_input};
use super::super::interrupt::{self, Phase};
use super::super::output::stderr_line;
use super::super::text::{shell_word, shown};
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Response, StatusCode};
use bithuman::Cancel;
use bithuman::blocking::Client;
use bithuman::webhook::{
    DEFAULT_TOLERANCE, DELIVERY_HEADER, EVENT_HEADER, Event, SIGNATURE_HEADER, TIMESTAMP_HEADER,
    WebhookSecret, validate_webhook_url,
};
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use tokio::sync::mpsc;

/// The largest delivery body accepted (413 past it).
const MAX_BODY: usize = super::request::MAX_BODY;
/// Time to send the request headers, and then the body.
const HEADER_TIME: Duration = Duration::from_secs(10);
const BODY_TIME: Duration = Duration::from_secs(30);
/// The API waits 10 s for an answer; the forward must fit inside it.
const FORWARD_TIME: Duration = Duration::from_secs(8);
/// Connections served at once (more wait in the listen backlog).
const CONNECTIONS: usize = 64;
/// Delivery ids remembered for telling duplicates.
const REMEMBERED: usize = 10_000;

/// What the handlers hand to the main thread, which alone prints.
pub(super) enum Shown {
    Event(Received),
    Notice(String),
}

/// One verified delivery as printed (the event envelope of API-NOTES §14.2).
#[derive(Serialize)]
pub(super) struct Received {
    pub(super) id: String,
    pub(super) event: String,
    created: Option<i64>,
    pub(super) data: Value,
}

#[derive(Clone, Copy, PartialEq)]
enum Seen {
    /// Shown; its forward has not succeeded (yet).
    Pending,
    /// Forwarded (or nothing to forward to): a duplicate is just answered.
    Done,
}

/// Delivery ids seen, oldest forgotten first.
#[derive(Default)]
struct SeenIds {
    state: HashMap<String, Seen>,
    order: VecDeque<String>,
}

impl SeenIds {
    /// The id's state before this call; marks it seen.
    fn mark(&mut self, id: &str) -> Option<Seen> {
        if let Some(s) = self.state.get(id) {
            return Some(*s);
        }
        if self.order.len() >= REMEMBERED
            && let Some(old) = self.order.pop_front()
        {
            self.state.remove(&old);
        }
        self.order.push_back(id.to_string());
        self.state.insert(id.to_string(), Seen::Pending);
        None
    }

    fn done(&mut self, id: &str) {
        if let Some(s) = self.state.get_mut(id) {
            *s = Seen::Done;
        }
    }
}

/// What every handler shares.
pub(super) struct State {
    secret: WebhookSecret,
    tolerance: Duration,
    forward: Option<(reqwest::Client, reqwest::Url)>,
    seen: Mutex<SeenIds>,
    tx: mpsc::Sender<Shown>,
}

impl State {
    /// A receiver's state without forwarding: verified, new deliveries go to `tx`.
    pub(super) fn new(secret: WebhookSecret, tx: mpsc::Sender<Shown>) -> State {
        State {
            secret,
            tolerance: DEFAULT_TOLERANCE,
            forward: None,
            seen: Mutex::default(),
            tx,
        }
    }
}

/// The temporary webhook: deleted by [`Registered::delete`], or when
/// dropped on any other way out. Its client has its own cancel flag, so
/// the Ctrl-C that stops the listener does not stop the deletion too.
pub(super) struct Registered {
    client: Client,
    id: String,
    deleted: bool,
}

impl Registered {
    /// Guards the webhook `id`, made with `client` (which has a cancel flag of its own).
    pub(super) fn new(client: Client, id: String) -> Registered {
        Registered {
            client,
            id,
            deleted: false,
        }
    }

    pub(super) fn delete(mut self) -> Result<(), bithuman::Error> {
        self.deleted = true;
        match self.client.delete_webhook(&self.id) {
            // Already gone is as good as deleted.
            Err(e) if e.api().is_some_and(|a| a.status == 404) => Ok(()),
            other => other,
        }
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if !self.deleted {
            let _ = self.client.delete_webhook(&self.id);
        }
    }
}

/// Runs the listener until a signal or an error; the webhook is deleted
/// either way. A signal is the normal way to stop it (exit 0, as `sandbox
/// serve`).
pub fn run(ctx: &mut Ctx, a: WebhookListenArgs) -> Result<u8, CliError> {
    let forward = a.forward_to.as_deref().map(forward_client).transpose()?;
    if let Some(url) = &a.public_url {
        validate_webhook_url(url).map_err(|e| webhook_input(&e))?;
    }
    let api_is_local = ctx.settings.sandbox
        || reqwest::Url::parse(&ctx.settings.base_url.value)
            .is_ok_and(|u| bithuman::is_loopback(&u));
    if a.public_url.is_none() && !api_is_local {
        return Err(CliError::usage(
            "--public-url is required on the real API: it cannot deliver to 127.0.0.1",
        )
        .with_hint("run a tunnel to the local port (--port N) and give its https address, or try --sandbox"));
    }
    let listener = bind(a.port)?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(a.port);
    let local = format!("http://127.0.0.1:{port}/");
    // Forwarding to itself would pass each delivery round in a loop.
    if let Some((_, url)) = &forward
        && bithuman::is_loopback(url)
        && url.port_or_known_default() == Some(port)
    {
        return Err(CliError::usage(format!(
            "--forward-to {} is this listener itself; give your own server's address",
            shown(url.as_str())
        )));
    }
    let target = a.public_url.clone().unwrap_or_else(|| local.clone());
    // Its own cancel flag: a Ctrl-C while the create is in flight must not
    // cut it off with the webhook made on the server but not known here to
    // delete. The serve loop then sees the Ctrl-C at once and deletes it.
    let client = ctx.client()?.with_cancel(Arc::new(Cancel::default()));
    let created = client.create_webhook(
        &target,
        &a.events,
        Some("temporary: bithuman webhook listen"),
    )?;
    let id = created.webhook.id.clone();
    let guard = Registered {
        client,
        id: id.clone(),
        deleted: false,
    };
    // Printed if the process must be ended before the guard could run.
    interrupt::set(Phase::Cancellable {
        message: format!(
            "the temporary webhook may be left behind; delete it with: bithuman webhook delete {} --yes",
            shell_word(&id)
        ),
    });
    let served = announce(ctx, &a, &created, &local, &target)
        .and_then(|()| serve(ctx, listener, created.secret, forward));
    let deleted = guard.delete();
    interrupt::set(Phase::Idle);
    served?;
    deleted.map_err(|e| {
        let mut err = from_lib(&e);
        err.message = format!(
            "could not delete the temporary webhook {}: {}",
            shown(&id),
            err.message
        );
        err.with_hint(format!(
            "delete it with: bithuman webhook delete {} --yes",
            shell_word(&id)
        ))
    })?;
    ctx.out
        .note(&format!("Deleted the temporary webhook {}.", shown(&id)));
    Ok(code::OK)
}

// The secret first (when asked), then where it listens.
fn announce(
    ctx: &Ctx,
    a: &WebhookListenArgs,
    created: &bithuman::WebhookWithSecret,
    local: &str,
    target: &str,
) -> Result<(), CliError> {
    let id = &created.webhook.id;
    if a.print_secret {
        // The one intended print of the secret, for the user's own server:
        // the bare `whsec_…` as the first line in every mode (SPEC §16), so
        // `| head -1` gets it whether the events follow as JSON or not.
        ctx.out.data(created.secret.expose())?;
    }
    let events = if a.events.is_empty() {
        "all events".to_string()
    } else {
        a.events.join(",")
    };
    ctx.out.note(&format!(
        "Listening on {local} for webhook {} ({events} to {}). Ctrl-C stops and deletes it.",
        shown(id),
        shown(target)
    ));
    Ok(())
}

pub(super) fn bind(port: u16) -> Result<std::net::TcpListener, CliError> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        let kind = if e.kind() == std::io::ErrorKind::AddrInUse {
            Kind::Unavailable
        } else {
            Kind::Io
        };
        CliError::new(kind, format!("cannot listen on {addr}: {e}"))
            .with_hint("choose another port with --port, or --port 0 for any free one")
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| CliError::io(format!("cannot listen on {addr}: {e}")))?;
    Ok(listener)
}

// The client that forwards deliveries: no redirects (a delivery is not
// sent anywhere the user did not name), a deadline inside the API's.
fn forward_client(url: &str) -> Result<(reqwest::Client, reqwest::Url), CliError> {
    validate_webhook_url(url).map_err(|e| CliError::usage(format!("--forward-to: {e}")))?;
    let parsed =
        reqwest::Url::parse(url).map_err(|e| CliError::usage(format!("--forward-to: {e}")))?;
    // reqwest is built without a TLS provider; the library installs *ring*
    // for its own clients, and this one needs it as well.
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(FORWARD_TIME);
    if bithuman::is_loopback(&parsed) {
        builder = builder.no_proxy();
    }
    let client = builder
        .build()
        .map_err(|e| CliError::new(Kind::Other, format!("cannot set up forwarding: {e}")))?;
    Ok((client, parsed))
}

// Serves until the cancel flag is set (a signal) or accepting fails; the
// main thread prints what the handlers send it.
fn serve(
    ctx: &Ctx,
    listener: std::net::TcpListener,
    secret: WebhookSecret,
    forward: Option<(reqwest::Client, reqwest::Url)>,
) -> Result<(), CliError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError::io(format!("cannot start the listener: {e}")))?;
    let (tx, mut rx) = mpsc::channel::<Shown>(256);
    let state = Arc::new(State {
        secret,
        tolerance: DEFAULT_TOLERANCE,
        forward,
        seen: Mutex::default(),
        tx,
    });
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| CliError::io(format!("cannot listen: {e}")))?;
        let accept = accept_loop(listener, state);
        tokio::pin!(accept);
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        loop {
            tokio::select! {
                failed = &mut accept => return Err(failed),
                Some(shown) = rx.recv() => print(ctx, shown)?,
                _ = tick.tick() => if ctx.cancel.is_cancelled() { break },
            }
        }
        // What was received before the signal is still printed.
        while let Ok(shown) = rx.try_recv() {
            print(ctx, shown)?;
        }
        Ok(())
    });
    runtime.shutdown_timeout(Duration::from_millis(200));
    result
}

fn print(ctx: &Ctx, shown_item: Shown) -> Result<(), CliError> {
    match shown_item {
        Shown::Event(r) if ctx.out.json => {
            let v = super::json_of(&r);
            match v {
                Value::Object(fields) => ctx.out.emit(&fields),
                _ => Ok(()),
            }
        }
        Shown::Event(r) => {
            let subject = r
                .data
                .get("agent_id")
                .or_else(|| r.data.get("job_id"))
                .or_else(|| r.data.get("code"))
                .and_then(Value::as_str)
                .unwrap_or("-");
            ctx.out.data(&format!(
                "{}  {}  {}",
                shown(&r.event),
                shown(subject),
                shown(&r.id)
            ))
        }
        Shown::Notice(text) => {
            notice(ctx, &text);
            Ok(())
        }
    }
}

// Refused and failed deliveries go to stderr at once, in `--json` mode as
// warning objects (not held back: the listener may run for days).
fn notice(ctx: &Ctx, text: &str) {
    if ctx.out.quiet {
        return;
    }
    if ctx.out.json {
        let line = serde_json::json!({"warning": {"message": text}});
        stderr_line(&line.to_string());
    } else {
        stderr_line(text);
    }
}

/// Accepts connections until accepting fails for good.
pub(super) async fn accept_loop(listener: tokio::net::TcpListener, state: Arc<State>) -> CliError {
    let slots = Arc::new(tokio::sync::Semaphore::new(CONNECTIONS));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return CliError::new(Kind::Other, "the listener stopped");
        };
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors or a reset before accept: not fatal.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let state = Arc::clone(&state);
                async move { Ok::<_, std::convert::Infallible>(handle(&state, req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIME)
                // One delivery per connection: no idle keep-alive to bound.
                .keep_alive(false)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

fn answer(status: StatusCode, text: &'static str) -> Response<Body> {
    let mut r = Response::new(Body::from(text));
    *r.status_mut() = status;
    r
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
}

/// One delivery: verify, show once, forward, answer.
async fn handle(state: &State, req: hyper::Request<hyper::body::Incoming>) -> Response<Body> {
    if req.method() != Method::POST {
        return answer(StatusCode::METHOD_NOT_ALLOWED, "POST only\n");
    }
    let (parts, body) = req.into_parts();
    let body = match tokio::time::timeout(
        BODY_TIME,
        axum::body::to_bytes(Body::new(body), MAX_BODY),
    )
    .await
    {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return answer(StatusCode::PAYLOAD_TOO_LARGE, "body too large or broken\n"),
        Err(_) => return answer(StatusCode::REQUEST_TIMEOUT, "body too slow\n"),
    };
    if let Err(reason) = check(state, &parts.headers, &body) {
        let _ = state
            .tx
            .send(Shown::Notice(format!("refused a delivery (401): {reason}")))
            .await;
        return answer(StatusCode::UNAUTHORIZED, "bad signature\n");
    }
    let event = Event::parse(&body).ok();
    let id = header(&parts.headers, DELIVERY_HEADER)
        .map(str::to_string)
        .or_else(|| event.as_ref().map(|e| e.id.clone()))
        .unwrap_or_default();
    // A delivery with no id at all cannot be told from another: never a duplicate.
    let before = match state.seen.lock() {
        Ok(mut s) if !id.is_empty() => s.mark(&id),
        _ => None,
    };
    match before {
        // Already handled: answered again, neither shown nor forwarded twice.
        Some(Seen::Done) => return answer(StatusCode::OK, "ok (duplicate)\n"),
        Some(Seen::Pending) => {}
        None => {
            let received = received(event, &parts.headers, &id);
            let _ = state.tx.send(Shown::Event(received)).await;
        }
    }
    if let Some((client, url)) = &state.forward
        && let Err(why) = forward(client, url, &parts.headers, body).await
    {
        let text = format!(
            "forwarding delivery {} failed ({why}); answered 502 so the API tries again",
            shown(&id)
        );
        let _ = state.tx.send(Shown::Notice(text)).await;
        return answer(StatusCode::BAD_GATEWAY, "forward failed\n");
    }
    if let Ok(mut s) = state.seen.lock() {
        s.done(&id);
    }
    answer(StatusCode::OK, "ok\n")
}

// The signature headers against the secret; the reason when they fail.
fn check(state: &State, headers: &HeaderMap, body: &Bytes) -> Result<(), String> {
    let (Some(ts), Some(sig)) = (
        header(headers, TIMESTAMP_HEADER),
        header(headers, SIGNATURE_HEADER),
    ) else {
        return Err("no X-BitHuman-Timestamp or X-BitHuman-Signature header".into());
    };
    bithuman::verify(
        state.secret.expose(),
        ts,
        sig,
        body,
        SystemTime::now(),
        state.tolerance,
    )
    .map_err(|e| e.to_string())
}

fn received(event: Option<Event>, headers: &HeaderMap, id: &str) -> Received {
    match event {
        Some(e) => Received {
            id: e.id,
            event: e.event,
            created: e.created,
            data: e.data,
        },
        // Signed by the API but not an event envelope: shown by its headers.
        None => Received {
            id: id.to_string(),
            event: header(headers, EVENT_HEADER)
                .unwrap_or("unknown")
                .to_string(),
            created: None,
            data: Value::Null,
        },
    }
}

// POSTs the body and the X-BitHuman-* headers (and Content-Type) as received.
async fn forward(
    client: &reqwest::Client,
    url: &reqwest::Url,
    headers: &HeaderMap,
    body: Bytes,
) -> Result<(), String> {
    let mut req = client.post(url.clone()).body(body);
    for (name, value) in headers {
        let n = name.as_str();
        if n.starts_with("x-bithuman-") || n == "content-type" {
            req = req.header(n, value.as_bytes());
        }
    }
    let res = req.send().await.map_err(|e| {
        if e.is_timeout() {
            return "timed out".to_string();
        }
        // reqwest's own text is vague ("error sending request"): the cause
        // (connection refused, …) is in its sources.
        let e = e.without_url();
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            text.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        text
    })?;
    let status = res.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!(
            "{} answered HTTP {}",
            shown(url.as_str()),
            status.as_u16()
        ))
    }
}
