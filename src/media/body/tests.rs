use std::io::{self, Read, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use super::*;
use crate::media::detect::samples;

/// Deterministic, non-repeating-ish test bytes.
fn data(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

/// Returns at most a varying handful of bytes per read (1, 2, … 7, 1, …).
struct ShortReads<'a> {
    data: &'a [u8],
    calls: usize,
}

impl Read for ShortReads<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.calls += 1;
        if self.calls.is_multiple_of(5) {
            return Err(io::ErrorKind::Interrupted.into());
        }
        let n = buf.len().min(self.data.len()).min(self.calls % 7 + 1);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// Short reads on a big source are slow; give every read at least a few KiB
/// except now and then.
struct ChoppyReads<'a> {
    data: &'a [u8],
    calls: usize,
}

impl Read for ChoppyReads<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.calls += 1;
        let cap = if self.calls.is_multiple_of(3) {
            1
        } else {
            4099
        };
        let n = buf.len().min(self.data.len()).min(cap);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn read_with_buf(mut r: impl Read, buf_len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; buf_len];
    loop {
        let n = r.read(&mut buf).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&buf[..n]);
    }
}

fn sizes() -> Vec<usize> {
    let mut v: Vec<usize> = (0..=10).collect();
    v.extend([CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 2, 3_000_001]);
    v
}

fn temp_file(bytes: &[u8], name: &str) -> (tempfile::TempDir, LocalFile) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    let file = LocalFile::open(&path).unwrap();
    (dir, file)
}

#[test]
fn encoder_matches_one_shot_for_every_size_and_read_pattern() {
    for len in sizes() {
        let bytes = data(len);
        let expected = STANDARD.encode(&bytes);
        assert_eq!(encoded_len(len as u64), expected.len() as u64, "len {len}");
        // Source with short and interrupted reads, small and large consumer buffers.
        if len <= 10 {
            let src = ShortReads {
                data: &bytes,
                calls: 0,
            };
            let got = read_with_buf(Base64Reader::new(src, len as u64, "t"), 3);
            assert_eq!(got, expected.as_bytes(), "short reads, len {len}");
        }
        let src = ChoppyReads {
            data: &bytes,
            calls: 0,
        };
        let got = read_with_buf(Base64Reader::new(src, len as u64, "t"), 8192);
        assert!(got == expected.as_bytes(), "choppy reads, len {len}");
        let got = read_with_buf(Base64Reader::new(&bytes[..], len as u64, "t"), 1 << 20);
        assert!(got == expected.as_bytes(), "big buffer, len {len}");
        let got = read_with_buf(Base64Reader::new(&bytes[..], len as u64, "t"), 7);
        assert!(got == expected.as_bytes(), "odd buffer, len {len}");
    }
}

#[test]
fn encoder_refuses_a_source_of_another_length() {
    let bytes = data(100);
    let mut shorter = Base64Reader::new(&bytes[..], 101, "clip.mp4");
    let err = io::copy(&mut shorter, &mut io::sink()).unwrap_err();
    assert!(err.to_string().contains("clip.mp4 changed size"), "{err}");
    let mut longer = Base64Reader::new(&bytes[..], 99, "clip.mp4");
    assert!(io::copy(&mut longer, &mut io::sink()).is_err());
}

#[test]
fn body_length_is_exact_and_rereadable() {
    for len in sizes() {
        let bytes = data(len);
        let (_dir, file) = temp_file(&bytes, "x.bin");
        let body = upload_body(&file, MediaKind::Video);
        let first = read_with_buf(body.reader(None).unwrap(), 8192);
        assert_eq!(first.len() as u64, body.content_length(), "len {len}");
        let second = read_with_buf(body.reader(None).unwrap(), 1 << 20);
        assert!(first == second, "len {len}");
        let mut chunked = Vec::new();
        let mut reader = body.body_reader(None);
        while let Some(chunk) = reader.next_chunk().unwrap() {
            chunked.extend_from_slice(&chunk);
        }
        assert!(chunked == first, "len {len}");
        let json: serde_json::Value = serde_json::from_slice(&first).unwrap();
        assert!(json["file_data"].as_str().unwrap() == STANDARD.encode(&bytes));
        assert_eq!(json["file_type"], "video");
    }
}

#[test]
fn progress_reports_cumulative_bytes() {
    let (_dir, file) = temp_file(&data(CHUNK * 2), "x.bin");
    let body = upload_body(&file, MediaKind::Image);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let last = Arc::new(AtomicU64::new(0));
    let (s, l) = (Arc::clone(&seen), Arc::clone(&last));
    let progress: Progress = Arc::new(move |n| {
        s.lock().unwrap().push(n);
        l.store(n, Ordering::SeqCst);
    });
    let out = read_with_buf(body.reader(Some(progress)).unwrap(), 8192);
    assert_eq!(last.load(Ordering::SeqCst), out.len() as u64);
    let seen = seen.lock().unwrap();
    assert!(seen.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn file_changed_after_resolution_is_an_error() {
    let (dir, file) = temp_file(&data(1000), "x.bin");
    let body = upload_body(&file, MediaKind::Image);
    std::fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join("x.bin"))
        .unwrap()
        .write_all(b"more")
        .unwrap();
    let mut reader = body.reader(None).unwrap();
    assert!(io::copy(&mut reader, &mut io::sink()).is_err());
}

#[test]
fn upload_body_escapes_file_names() {
    let names = [
        "plain.png",
        "quo\"te.png",
        "back\\slash.png",
        "unicodé 顔 🙂.png",
        "ctrl\u{1}\n\t\u{7f}.png",
        "</script>.png",
    ];
    for name in names {
        let (_dir, mut file) = temp_file(samples::PNG, "face.png");
        file.file_name = name.to_string();
        let body = upload_body(&file, MediaKind::Image);
        let bytes = read_with_buf(body.reader(None).unwrap(), 8192);
        assert_eq!(bytes.len() as u64, body.content_length());
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["file_name"], name);
        assert_eq!(json["file_type"], "image");
        assert_eq!(json["file_data"], STANDARD.encode(samples::PNG));
        assert_eq!(json.as_object().unwrap().len(), 3);
    }
}

#[test]
fn encoded_values_for_generate_fields() {
    let (_dir, file) = temp_file(samples::PNG, "face.png");
    let b64 = STANDARD.encode(samples::PNG);
    for (mode, expected) in [
        (MediaMode::Base64, b64.clone()),
        (MediaMode::DataUri, format!("data:image/png;base64,{b64}")),
    ] {
        let mut body = StreamBody::new();
        body.push_raw(r#"{"model":"essence-1","image":"#);
        push_encoded_value(&mut body, &file, mode);
        body.push_raw("}");
        assert!(body.has_files());
        let bytes = read_with_buf(body.reader(None).unwrap(), 8192);
        assert_eq!(bytes.len() as u64, body.content_length());
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["image"], expected.as_str(), "{mode:?}");
    }
}

#[test]
fn describe_shows_size_and_digest() {
    let bytes = data(12_345);
    let (_dir, file) = temp_file(&bytes, "voice.wav");
    let body = upload_body(&file, MediaKind::Audio);
    let digest = hex::encode(Sha256::digest(&bytes));
    assert_eq!(file.sha256_hex().unwrap(), digest);
    let described = body.describe().unwrap();
    assert_eq!(
        described,
        format!(
            r#"{{"file_data":"<base64: 12345 bytes, sha256 {digest}>","file_name":"voice.wav","file_type":"audio"}}"#
        )
    );
    // Still valid JSON, so logs and --dry-run --json can parse it.
    serde_json::from_str::<serde_json::Value>(&described).unwrap();
}

#[test]
fn raw_only_bodies() {
    let mut body = StreamBody::new();
    assert_eq!(body.content_length(), 0);
    assert!(read_with_buf(body.reader(None).unwrap(), 16).is_empty());
    body.push_raw(r#"{"prompt":"#);
    body.push_raw("");
    body.push_raw(r#""hi"}"#);
    assert!(!body.has_files());
    assert_eq!(body.describe().unwrap(), r#"{"prompt":"hi"}"#);
    assert_eq!(
        read_with_buf(body.reader(None).unwrap(), 3),
        br#"{"prompt":"hi"}"#
    );
    assert_eq!(body.content_length(), 15);
}

/// Polls `chunks` once to completion of one item (a test has no runtime of its own).
fn poll_one(chunks: &mut BodyChunks) -> Option<io::Result<bytes::Bytes>> {
    use futures_util::StreamExt;
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(chunks.next())
}

/// Everything `chunks` yields, and the error that ended it if one did.
fn drain(chunks: &mut BodyChunks) -> (Vec<u8>, Option<io::Error>) {
    let mut out = Vec::new();
    while let Some(item) = poll_one(chunks) {
        match item {
            Ok(b) => out.extend_from_slice(&b),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

/// Whether this process holds a descriptor open on `path` (Linux only; elsewhere
/// the weak reference checked beside it says the same).
fn fd_open_on(path: &std::path::Path) -> bool {
    let Ok(fds) = std::fs::read_dir("/proc/self/fd") else {
        return false;
    };
    fds.flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == path))
}

#[test]
fn streamed_chunks_equal_the_one_shot_encoding_with_exact_length_and_progress() {
    for len in sizes() {
        let bytes = data(len);
        let (_dir, file) = temp_file(&bytes, "x.bin");
        let body = upload_body(&file, MediaKind::Video);
        let reported = Arc::new(Mutex::new(Vec::new()));
        let r = Arc::clone(&reported);
        let progress: Progress = Arc::new(move |n| r.lock().unwrap().push(n));
        let mut chunks = body.chunks(Some(progress)).unwrap();
        let (out, err) = drain(&mut chunks);
        assert!(err.is_none(), "len {len}: {err:?}");
        assert_eq!(out.len() as u64, body.content_length(), "len {len}");
        assert!(
            out == read_with_buf(body.reader(None).unwrap(), 8192),
            "len {len}"
        );
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert!(json["file_data"].as_str().unwrap() == STANDARD.encode(&bytes));
        // Progress counts what was handed over, in order, up to the whole body.
        let reported = reported.lock().unwrap();
        assert!(reported.windows(2).all(|w| w[0] < w[1]), "len {len}");
        assert_eq!(reported.last().copied(), Some(body.content_length()));
        assert!(chunks.failure().take().is_none());
    }
    // Literal JSON only (no producer thread).
    let body = StreamBody::json(&serde_json::json!({"prompt": "hi"}));
    let (out, err) = drain(&mut body.chunks(None).unwrap());
    assert!(err.is_none());
    assert_eq!(out, br#"{"prompt":"hi"}"#);
}

#[test]
fn dropping_the_stream_half_way_stops_the_producer_and_closes_the_file() {
    // 40 chunks: far more than the channel holds, so the producer is still
    // busy (blocked on a full channel) when the stream is dropped.
    let (_dir, file) = temp_file(&data(40 * CHUNK), "big.bin");
    let body = upload_body(&file, MediaKind::Video);
    let mut chunks = body.chunks(None).unwrap();
    for _ in 0..3 {
        assert!(poll_one(&mut chunks).unwrap().is_ok());
    }
    let producer = chunks.parts.clone();
    assert!(producer.strong_count() > 0, "the producer is still at work");
    let path = file.path.canonicalize().unwrap();
    if cfg!(target_os = "linux") {
        assert!(fd_open_on(&path), "the producer holds the file open");
    }
    drop(chunks);
    // Dropping waited for the producer: its reader (and the file) are gone.
    assert_eq!(producer.strong_count(), 0, "the producer outlived the body");
    assert!(!fd_open_on(&path), "the file is still open");
}

#[test]
fn a_read_error_mid_stream_ends_it_with_that_error_kept_whole() {
    let first = data(3 * CHUNK);
    let (dir, good) = temp_file(&first, "good.bin");
    // A directory opens like a file on Unix, then fails its first read (EISDIR):
    // a real I/O error after the first file's chunks have gone out.
    let mut bad = good.clone();
    bad.path = dir.path().to_path_buf();
    bad.len = std::fs::metadata(dir.path()).unwrap().len();
    let mut body = StreamBody::new();
    body.push_raw(r#"{"a":""#);
    body.push_base64_file(&good);
    body.push_raw(r#"","b":""#);
    body.push_base64_file(&bad);
    body.push_raw(r#""}"#);
    let mut chunks = body.chunks(None).unwrap();
    let producer = chunks.parts.clone();
    let (out, err) = drain(&mut chunks);
    let expected = format!(r#"{{"a":"{}","b":""#, STANDARD.encode(&first));
    assert!(
        out == expected.as_bytes(),
        "everything before the error went out"
    );
    let err = err.expect("the stream ends with the error");
    let kept = chunks
        .failure()
        .take()
        .expect("the error is kept for the caller");
    assert_eq!(kept.kind(), err.kind());
    assert_eq!(kept.to_string(), err.to_string());
    #[cfg(unix)]
    {
        assert_eq!(kept.kind(), io::ErrorKind::IsADirectory, "{kept}");
        assert!(kept.raw_os_error().is_some(), "the OS error code is kept");
    }
    assert!(poll_one(&mut chunks).is_none(), "nothing after the error");
    assert_eq!(producer.strong_count(), 0, "the producer stopped");
}

#[test]
fn a_file_that_shrinks_mid_stream_fails_with_changed_size() {
    let (dir, file) = temp_file(&data(40 * CHUNK), "clip.mp4");
    let body = upload_body(&file, MediaKind::Video);
    let mut chunks = body.chunks(None).unwrap();
    assert!(poll_one(&mut chunks).unwrap().is_ok());
    // The producer is at most a few chunks ahead of 40: the rest is yet to be read.
    std::fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join("clip.mp4"))
        .unwrap()
        .set_len(CHUNK as u64)
        .unwrap();
    let (out, err) = drain(&mut chunks);
    assert!((out.len() as u64) < body.content_length());
    let err = err.expect("a shorter body is an error, not a short body");
    assert!(err.to_string().contains("changed size"), "{err}");
    let kept = chunks.failure().take().unwrap();
    assert!(kept.to_string().contains("clip.mp4 changed size"), "{kept}");
}

#[test]
fn a_file_changed_before_the_first_chunk_fails_at_once() {
    let (dir, file) = temp_file(&data(1000), "x.bin");
    std::fs::write(dir.path().join("x.bin"), b"other").unwrap();
    // The file part comes first, so its size check happens on the caller's thread.
    let mut body = StreamBody::new();
    body.push_base64_file(&file);
    let err = body.chunks(None).unwrap_err();
    assert!(err.to_string().contains("changed size"), "{err}");
}

/// A body of two files (`a`, then `b`) with a seal that records how many
/// bytes the stream had handed out when it ran, and the digests it got.
fn sealed_body(
    a: &LocalFile,
    b: &LocalFile,
    seal: impl Fn(&[FileDigest]) -> io::Result<()> + Send + Sync + 'static,
) -> StreamBody {
    let mut body = StreamBody::new();
    body.push_raw(r#"{"image":"#);
    push_encoded_value(&mut body, a, MediaMode::Base64);
    body.push_raw(r#","audio":"#);
    push_encoded_value(&mut body, b, MediaMode::DataUri);
    body.push_raw("}");
    body.seal_with(Arc::new(seal));
    body
}

fn digest_of(file: &LocalFile, bytes: &[u8]) -> FileDigest {
    FileDigest {
        path: file.path.clone(),
        len: bytes.len() as u64,
        sha256: hex::encode(Sha256::digest(bytes)),
    }
}

#[test]
fn the_seal_gets_the_sent_bytes_digests_before_the_last_bytes_are_handed_out() {
    // Small (the whole body is the first chunk, read before the stream is
    // polled), empty, and large (its end read on the producer thread).
    for (len_a, len_b) in [(10, 0), (0, 3), (CHUNK + 1, 7), (5 * CHUNK, 2 * CHUNK + 2)] {
        let (a_bytes, b_bytes) = (data(len_a), data(len_b));
        let (_da, a) = temp_file(&a_bytes, "a.bin");
        let (_db, b) = temp_file(&b_bytes, "b.wav");
        let handed = Arc::new(AtomicU64::new(0));
        let calls = Arc::new(Mutex::new(Vec::new()));
        let (h, c) = (Arc::clone(&handed), Arc::clone(&calls));
        let body = sealed_body(&a, &b, move |digests| {
            c.lock()
                .unwrap()
                .push((h.load(Ordering::SeqCst), digests.to_vec()));
            Ok(())
        });
        let h = Arc::clone(&handed);
        let progress: Progress = Arc::new(move |n| h.store(n, Ordering::SeqCst));
        for try_no in 1..=2 {
            let (out, err) = drain(&mut body.chunks(Some(Arc::clone(&progress))).unwrap());
            assert!(err.is_none(), "{len_a}: {err:?}");
            assert_eq!(out.len() as u64, body.content_length());
            let calls = calls.lock().unwrap();
            assert_eq!(calls.len(), try_no, "{len_a}: one seal per try");
            let (handed_then, digests) = &calls[try_no - 1];
            assert!(
                *handed_then < body.content_length(),
                "{len_a}: sealed after all {handed_then} bytes were handed out"
            );
            assert_eq!(
                digests,
                &vec![digest_of(&a, &a_bytes), digest_of(&b, &b_bytes)],
                "{len_a}"
            );
            handed.store(0, Ordering::SeqCst);
        }
    }
}

#[test]
fn a_failing_seal_ends_the_body_short_with_its_error() {
    for len in [10, 5 * CHUNK] {
        let bytes = data(len);
        let (_d, a) = temp_file(&bytes, "a.bin");
        let (_d2, b) = temp_file(b"x", "b.bin");
        let body = sealed_body(&a, &b, |_| Err(io::Error::other("the journal is full")));
        let (out, err) = match body.chunks(None) {
            Ok(mut chunks) => {
                let (out, err) = drain(&mut chunks);
                let kept = chunks.failure().take().expect("the error kept");
                assert_eq!(kept.to_string(), "the journal is full");
                (out, err)
            }
            // A small body is read whole before the stream starts.
            Err(e) => (Vec::new(), Some(e)),
        };
        assert!((out.len() as u64) < body.content_length(), "{len}");
        assert_eq!(err.expect("an error").to_string(), "the journal is full");
        // The same through the plain reader: the last bytes never come out.
        let mut reader = body.reader(None).unwrap();
        let mut sink = Vec::new();
        let err = reader.read_to_end(&mut sink).unwrap_err();
        assert_eq!(err.to_string(), "the journal is full");
        assert!((sink.len() as u64) < body.content_length(), "{len}");
    }
}
