//! The accept loop, with bounds: at most [`Limits::connections`] open
//! connections, and when the table is full a new connection sheds the one
//! that has waited longest for a request (so clients trickling headers
//! cannot hold every slot); a request's headers read within
//! [`Limits::header`] in all, however slowly bytes trickle in; and a
//! connection with no traffic for [`Limits::idle`] (a stalled body, a
//! reader that stopped reading) closed, except while the sandbox itself
//! holds an answer back (a sync video render). So slow or idle clients
//! cannot take the sandbox away from the others.

use std::collections::HashMap;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::Service;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore};

use super::state::lock;

/// How much a sandbox lets clients take.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub connections: usize,
    pub header: Duration,
    pub idle: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // Below the usual 1024 open-file limit, with room for the rest of the process.
            connections: 512,
            header: Duration::from_secs(10),
            idle: Duration::from_secs(30),
        }
    }
}

/// Traffic on one connection.
pub(crate) struct Activity {
    started: Instant,
    /// Milliseconds after `started` of the last byte read or written.
    last: AtomicU64,
    /// Milliseconds after `started` since when the connection has waited
    /// for a request: its start, the end of the last request, or the last
    /// byte of an answer written. Bytes read do not move it, so trickled
    /// headers cannot stretch the wait.
    waiting_since: AtomicU64,
    /// Requests being handled (headers read, answer not yet produced).
    in_flight: AtomicUsize,
    /// Answers being held back on purpose.
    holding: AtomicUsize,
    /// Tells the connection to close: the table is full and it is the slowest.
    shed: Notify,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            started: Instant::now(),
            last: AtomicU64::new(0),
            waiting_since: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            holding: AtomicUsize::new(0),
            shed: Notify::new(),
        }
    }

    fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn touch(&self) {
        self.last.store(self.now_ms(), Ordering::Relaxed);
    }

    fn wrote(&self) {
        let now = self.now_ms();
        self.last.store(now, Ordering::Relaxed);
        self.waiting_since.store(now, Ordering::Relaxed);
    }

    fn quiet_for(&self) -> Duration {
        let last = Duration::from_millis(self.last.load(Ordering::Relaxed));
        self.started.elapsed().saturating_sub(last)
    }

    /// How long the connection has waited for a request's headers; `None`
    /// while a request is being handled or an answer held back.
    fn waiting_for(&self) -> Option<Duration> {
        if self.in_flight.load(Ordering::Relaxed) > 0 || self.holding.load(Ordering::Relaxed) > 0 {
            return None;
        }
        let since = Duration::from_millis(self.waiting_since.load(Ordering::Relaxed));
        Some(self.started.elapsed().saturating_sub(since))
    }

    /// Marks an answer held back until the guard is dropped: not idleness.
    pub fn hold(self: &Arc<Self>) -> HoldGuard {
        self.holding.fetch_add(1, Ordering::Relaxed);
        HoldGuard(Arc::clone(self))
    }
}

pub(crate) struct HoldGuard(Arc<Activity>);

impl Drop for HoldGuard {
    fn drop(&mut self) {
        self.0.touch();
        self.0.holding.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The open connections, to pick one to shed when the table is full.
#[derive(Default)]
struct Table {
    next: u64,
    open: HashMap<u64, Arc<Activity>>,
}

impl Table {
    /// Asks the connection that has waited longest for a request (else the
    /// one quiet the longest, never one whose answer is held back) to close.
    fn shed_one(&self) {
        let idle = self
            .open
            .values()
            .filter_map(|a| a.waiting_for().map(|w| (w, a)))
            .max_by_key(|(w, _)| *w)
            .map(|(_, a)| a);
        let victim = idle.or_else(|| {
            self.open
                .values()
                .filter(|a| a.holding.load(Ordering::Relaxed) == 0)
                .max_by_key(|a| a.quiet_for())
        });
        if let Some(victim) = victim {
            victim.shed.notify_one();
        }
    }
}

/// Serves `app` on `listener` until the future is dropped.
pub(crate) async fn serve(listener: TcpListener, app: Router, limits: Limits) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.connections));
    let table = Arc::new(Mutex::new(Table::default()));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was
            // accepted: none of it ends the server.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        // A full table lets the new connection in by shedding the slowest.
        let slot = match Arc::clone(&slots).try_acquire_owned() {
            Ok(slot) => slot,
            Err(_) => {
                lock(&table).shed_one();
                let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
                    return Ok(());
                };
                slot
            }
        };
        let activity = Arc::new(Activity::new());
        let key = {
            let mut table = lock(&table);
            table.next += 1;
            let key = table.next;
            table.open.insert(key, Arc::clone(&activity));
            key
        };
        let app = app.clone();
        let table = Arc::clone(&table);
        tokio::spawn(async move {
            connection(stream, app, limits, activity).await;
            lock(&table).open.remove(&key);
            drop(slot);
        });
    }
}

/// Marks a request handled when its answer is produced (or the handler dropped).
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
        self.0.wrote();
    }
}

async fn connection(stream: TcpStream, app: Router, limits: Limits, activity: Arc<Activity>) {
    let io = TokioIo::new(Tracked {
        inner: stream,
        activity: Arc::clone(&activity),
    });
    let app = TowerToHyperService::new(app);
    let seen = Arc::clone(&activity);
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        seen.in_flight.fetch_add(1, Ordering::Relaxed);
        let guard = InFlight(Arc::clone(&seen));
        request.extensions_mut().insert(Arc::clone(&seen));
        let answer = app.call(request.map(axum::body::Body::new));
        async move {
            let answer = answer.await;
            drop(guard);
            answer
        }
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header)
        .serve_connection(io, service);
    tokio::select! {
        _ = served => {}
        () = watchdog(&activity, limits) => {}
        () = activity.shed.notified() => {}
    }
}

/// Returns once the connection has had no traffic for `limits.idle`, or
/// has waited `limits.header` for a request's headers (in all: bytes
/// trickling in do not extend it), while no answer was being held back.
async fn watchdog(activity: &Activity, limits: Limits) {
    loop {
        let quiet = activity.quiet_for();
        let holding = activity.holding.load(Ordering::Relaxed) > 0;
        let waiting = activity.waiting_for();
        if !holding && (quiet >= limits.idle || waiting.is_some_and(|w| w >= limits.header)) {
            return;
        }
        let mut wait = limits.idle.saturating_sub(quiet);
        if let Some(w) = waiting {
            wait = wait.min(limits.header.saturating_sub(w));
        }
        tokio::time::sleep(wait.max(Duration::from_millis(50))).await;
    }
}

/// A TCP stream that records when bytes move.
struct Tracked {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Tracked {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            this.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.activity.wrote();
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.activity.wrote();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// The connection's [`Activity`], for a handler about to hold its answer back.
pub(crate) fn activity_of(request: &Request) -> Option<Arc<Activity>> {
    request.extensions().get::<Arc<Activity>>().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    async fn start(limits: Limits) -> std::net::SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // Reads the whole body, as the sandbox's handler does.
        let app =
            Router::new().fallback(|body: axum::body::Bytes| async move { body.len().to_string() });
        tokio::spawn(serve(listener, app, limits));
        addr
    }

    /// Reads until EOF; `None` if the peer did not close within `within`.
    async fn closed_within(stream: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
        let mut got = Vec::new();
        tokio::time::timeout(within, stream.read_to_end(&mut got))
            .await
            .ok()
            .map(|_| got)
    }

    #[tokio::test]
    async fn slow_headers_idle_and_stalled_bodies_are_dropped() {
        let addr = start(Limits {
            connections: 16,
            header: Duration::from_millis(300),
            idle: Duration::from_millis(600),
        })
        .await;
        let mut slow = TcpStream::connect(addr).await.unwrap();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        assert!(
            closed_within(&mut slow, Duration::from_secs(3))
                .await
                .is_some()
        );

        let mut idle = TcpStream::connect(addr).await.unwrap();
        assert!(
            closed_within(&mut idle, Duration::from_secs(3))
                .await
                .is_some()
        );

        let mut stalled = TcpStream::connect(addr).await.unwrap();
        stalled
            .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
            .await
            .unwrap();
        assert!(
            closed_within(&mut stalled, Duration::from_secs(3))
                .await
                .is_some()
        );

        let mut fine = TcpStream::connect(addr).await.unwrap();
        fine.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let answer = closed_within(&mut fine, Duration::from_secs(3))
            .await
            .unwrap();
        assert!(answer.starts_with(b"HTTP/1.1 200"), "{answer:?}");
    }

    #[tokio::test]
    async fn trickled_headers_are_cut_at_the_header_limit() {
        let addr = start(Limits {
            connections: 16,
            header: Duration::from_millis(300),
            idle: Duration::from_secs(30),
        })
        .await;
        let mut slow = TcpStream::connect(addr).await.unwrap();
        let (mut reader, mut writer) = slow.split();
        // One byte every 50 ms: never idle, never a whole request.
        let trickle = async {
            for byte in b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".iter().cycle() {
                if writer.write_all(&[*byte]).await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        };
        let mut got = Vec::new();
        let closed = tokio::time::timeout(Duration::from_secs(10), async {
            tokio::select! {
                () = trickle => {}
                _ = reader.read_to_end(&mut got) => {}
            }
        })
        .await;
        assert!(closed.is_ok(), "a trickling client was not cut off");
    }

    #[tokio::test]
    async fn a_full_table_sheds_the_slowest_for_a_new_client() {
        let addr = start(Limits {
            connections: 4,
            header: Duration::from_secs(60),
            idle: Duration::from_secs(60),
        })
        .await;
        let mut slow = Vec::new();
        for _ in 0..4 {
            let mut s = TcpStream::connect(addr).await.unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
            slow.push(s);
        }
        // Let the accept loop take all four into the table.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let mut fresh = TcpStream::connect(addr).await.unwrap();
        fresh
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        // Answered while the slow ones hold (or held) every slot: the limits
        // above are a minute, so only shedding can let it in.
        let answer = closed_within(&mut fresh, Duration::from_secs(20))
            .await
            .expect("the new client was answered");
        assert!(answer.starts_with(b"HTTP/1.1 200"), "{answer:?}");
        let mut shed = 0;
        for s in &mut slow {
            if closed_within(s, Duration::from_millis(200)).await.is_some() {
                shed += 1;
            }
        }
        assert_eq!(shed, 1, "exactly one slow client was shed");
    }
}
