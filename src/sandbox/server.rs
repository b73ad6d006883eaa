//! The accept loop, with bounds: at most [`Limits::connections`] open
//! connections (more wait in the listen backlog), request headers read
//! within [`Limits::header`], and a connection with no traffic for
//! [`Limits::idle`] (a stalled body, a reader that stopped reading, an idle
//! keep-alive) closed, except while the sandbox itself holds an answer back
//! (a sync video render). So slow or idle clients cannot take the sandbox
//! away from the others.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
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
use tokio::sync::Semaphore;

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
    /// Answers being held back on purpose.
    holding: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            started: Instant::now(),
            last: AtomicU64::new(0),
            holding: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let now = self.started.elapsed().as_millis() as u64;
        self.last.store(now, Ordering::Relaxed);
    }

    fn quiet_for(&self) -> Duration {
        let last = Duration::from_millis(self.last.load(Ordering::Relaxed));
        self.started.elapsed().saturating_sub(last)
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

/// Serves `app` on `listener` until the future is dropped.
pub(crate) async fn serve(listener: TcpListener, app: Router, limits: Limits) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.connections));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return Ok(());
        };
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
        let app = app.clone();
        tokio::spawn(async move {
            connection(stream, app, limits).await;
            drop(slot);
        });
    }
}

async fn connection(stream: TcpStream, app: Router, limits: Limits) {
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Tracked {
        inner: stream,
        activity: Arc::clone(&activity),
    });
    let app = TowerToHyperService::new(app);
    let seen = Arc::clone(&activity);
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(Arc::clone(&seen));
        app.call(request.map(axum::body::Body::new))
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header)
        .serve_connection(io, service);
    tokio::select! {
        _ = served => {}
        () = idle(&activity, limits.idle) => {}
    }
}

/// Returns once the connection has had no traffic for `limit` while no
/// answer was being held back.
async fn idle(activity: &Activity, limit: Duration) {
    loop {
        let quiet = activity.quiet_for();
        if quiet >= limit && activity.holding.load(Ordering::Relaxed) == 0 {
            return;
        }
        let wait = limit.saturating_sub(quiet).max(Duration::from_millis(50));
        tokio::time::sleep(wait).await;
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
            this.activity.touch();
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
            this.activity.touch();
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
    async fn connections_over_the_limit_wait_for_a_slot() {
        let addr = start(Limits {
            connections: 2,
            header: Duration::from_millis(400),
            idle: Duration::from_secs(5),
        })
        .await;
        let _a = TcpStream::connect(addr).await.unwrap();
        let _b = TcpStream::connect(addr).await.unwrap();
        let started = Instant::now();
        let mut third = TcpStream::connect(addr).await.unwrap(); // in the backlog
        third
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let answer = closed_within(&mut third, Duration::from_secs(3))
            .await
            .unwrap();
        assert!(answer.starts_with(b"HTTP/1.1 200"), "{answer:?}");
        // Served only once an idle connection timed out and freed its slot.
        assert!(started.elapsed() >= Duration::from_millis(300));
    }
}
