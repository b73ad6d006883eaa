//! A file's SHA-256 taken on a thread of its own while the same bytes are
//! encoded on the reading thread: hashing costs about as much CPU as
//! encoding, so with a free core the two overlap instead of adding up.

use std::io;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::thread::JoinHandle;

use sha2::{Digest, Sha256};

/// Input buffers in the ring: one being read into, up to two being hashed.
const RING: usize = 3;

/// The reading side of a hashing thread ([`Hashing::new`]).
pub(super) struct Hashing {
    /// Chunks to hash (the buffer and how many of its bytes); closed at the end.
    tx: Option<SyncSender<(Arc<Vec<u8>>, usize)>>,
    /// One message per chunk hashed (its buffer let go); unbounded, so the
    /// thread never waits on it.
    done: Receiver<()>,
    thread: Option<JoinHandle<String>>,
    ring: Vec<Arc<Vec<u8>>>,
    next: usize,
}

impl Hashing {
    /// Starts the hashing thread.
    pub(super) fn new() -> io::Result<Self> {
        let (tx, rx) = sync_channel::<(Arc<Vec<u8>>, usize)>(RING);
        let (done_tx, done) = channel();
        let thread = std::thread::Builder::new()
            .name("bithuman-hash".into())
            .spawn(move || {
                let mut hasher = Sha256::new();
                for (buf, len) in rx {
                    hasher.update(buf.get(..len).unwrap_or_default());
                    drop(buf);
                    // The reader may be gone (a dropped body): nothing to tell.
                    let _ = done_tx.send(());
                }
                hex::encode(hasher.finalize())
            })?;
        Ok(Self {
            tx: Some(tx),
            done,
            thread: Some(thread),
            ring: (0..RING).map(|_| Arc::new(Vec::new())).collect(),
            next: 0,
        })
    }

    /// The next input buffer, `len` bytes long, once the hashing thread has
    /// let go of it.
    pub(super) fn slot(&mut self, len: usize) -> io::Result<&mut Vec<u8>> {
        let i = self.next % RING;
        while Arc::get_mut(&mut self.ring[i]).is_none() {
            self.done.recv().map_err(|_| gone())?;
        }
        match Arc::get_mut(&mut self.ring[i]) {
            Some(buf) => {
                buf.resize(len, 0);
                Ok(buf)
            }
            None => Err(gone()),
        }
    }

    /// Hands the first `len` bytes of the buffer [`Self::slot`] gave to the
    /// hashing thread, and returns it to be read here meanwhile.
    pub(super) fn hand(&mut self, len: usize) -> io::Result<Arc<Vec<u8>>> {
        let i = self.next % RING;
        self.next = self.next.wrapping_add(1);
        let buf = Arc::clone(&self.ring[i]);
        match &self.tx {
            Some(tx) => tx.send((Arc::clone(&buf), len)).map_err(|_| gone())?,
            None => return Err(gone()),
        }
        Ok(buf)
    }

    /// The hex SHA-256 of everything handed over (waits for the thread).
    pub(super) fn finish(&mut self) -> io::Result<String> {
        self.tx = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(digest)) => Ok(digest),
            _ => Err(gone()),
        }
    }
}

impl Drop for Hashing {
    // Ends the thread (after the at most `RING` chunks queued) and waits for
    // it, so that nothing of a dropped body outlives it.
    fn drop(&mut self) {
        self.tx = None;
        if let Some(thread) = self.thread.take() {
            // Err only if it panicked; there is nothing left to stop.
            let _ = thread.join();
        }
    }
}

fn gone() -> io::Error {
    io::Error::other("the file's hashing thread stopped")
}
