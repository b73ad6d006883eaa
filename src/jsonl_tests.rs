//! The store's promises, one test each: torn tails repaired, over-long and
//! invalid lines skipped and counted, special files refused without
//! blocking, concurrent appends all kept, what is written read back.

use super::*;
use serde::Deserialize;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Rec {
    n: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text: String,
}

fn rec(n: u64) -> Rec {
    Rec {
        n,
        text: String::new(),
    }
}

fn all(store: &Store) -> (Vec<u64>, Skipped) {
    let mut seen = Vec::new();
    let skipped = store.read(|r: Rec| seen.push(r.n)).expect("read");
    (seen, skipped)
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tmp");
    let store = Store::new(dir.path().join("sub").join("s.jsonl"));
    (dir, store)
}

#[test]
fn a_torn_last_line_is_cut_off_before_the_next_append() {
    let (_dir, store) = store();
    store.append(&rec(1)).expect("append");
    // A kill in the middle of a write: half a record, no newline.
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(store.path())
        .expect("open");
    f.write_all(br#"{"n":99,"te"#).expect("write");
    drop(f);
    let (seen, skipped) = all(&store);
    assert_eq!(seen, [1]);
    assert!(skipped.torn_tail, "{skipped:?}");
    store.append(&rec(2)).expect("append");
    let (seen, skipped) = all(&store);
    assert_eq!(
        seen,
        [1, 2],
        "the next record is not glued onto the torn one"
    );
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        std::fs::read_to_string(store.path()).expect("read"),
        "{\"n\":1}\n{\"n\":2}\n"
    );
}

#[test]
fn a_file_that_is_one_torn_line_is_emptied_before_the_append() {
    let (_dir, store) = store();
    std::fs::create_dir_all(store.path().parent().expect("dir")).expect("dir");
    // Longer than the repair's read chunk, so the backward scan crosses chunks.
    std::fs::write(store.path(), vec![b'x'; CHUNK * 2 + 17]).expect("write");
    store.append(&rec(7)).expect("append");
    assert_eq!(
        std::fs::read_to_string(store.path()).expect("read"),
        "{\"n\":7}\n"
    );
}

#[test]
fn an_over_long_line_is_skipped_and_the_records_after_it_are_read() {
    let (_dir, store) = store();
    store.append(&rec(1)).expect("append");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(store.path())
        .expect("open");
    // Three times the cap: the reader holds at most the cap, then skips the
    // rest in CHUNK-sized pieces.
    let mut long = br#"{"n":50,"text":""#.to_vec();
    long.resize(MAX_LINE * 3, b'a');
    long.extend_from_slice(b"\"}\n");
    f.write_all(&long).expect("write");
    drop(f);
    store.append(&rec(2)).expect("append");
    let (seen, skipped) = all(&store);
    assert_eq!(seen, [1, 2]);
    assert_eq!(skipped.too_long, 1, "{skipped:?}");
}

#[test]
fn the_writer_refuses_a_line_its_reader_would_skip() {
    let (_dir, store) = store();
    store.append(&rec(1)).expect("append");
    let big = Rec {
        n: 2,
        text: "a".repeat(MAX_LINE),
    };
    match store.append(&big) {
        Err(StoreError::LineTooLong { len, cap, .. }) => {
            assert!(len > cap);
            assert_eq!(cap, MAX_LINE);
        }
        other => panic!("expected LineTooLong, got {other:?}"),
    }
    // The longest line allowed is written and read back.
    let overhead = br#"{"n":3,"text":""}"#.len() + 1;
    let fits = Rec {
        n: 3,
        text: "b".repeat(MAX_LINE - overhead),
    };
    store.append(&fits).expect("append the longest line");
    let (seen, skipped) = all(&store);
    assert_eq!(seen, [1, 3]);
    assert!(skipped.is_empty(), "{skipped:?}");
}

#[test]
fn invalid_utf8_and_invalid_json_lines_are_counted_not_fatal() {
    let (_dir, store) = store();
    store.append(&rec(1)).expect("append");
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(store.path())
        .expect("open");
    f.write_all(b"{\"n\":5,\"text\":\"\xff\xfe\"}\nnot json\n{\"other\":1}\n\n")
        .expect("write");
    drop(f);
    store.append(&rec(2)).expect("append");
    let (seen, skipped) = all(&store);
    assert_eq!(seen, [1, 2]);
    assert_eq!(skipped.invalid_utf8, 1, "{skipped:?}");
    assert_eq!(skipped.invalid_json, 2, "{skipped:?}");
    assert!(!skipped.torn_tail);
}

#[test]
fn a_missing_file_reads_as_empty_and_is_created_0600() {
    let (_dir, store) = store();
    assert_eq!(all(&store), (vec![], Skipped::default()));
    assert!(!store.path().exists(), "reading creates nothing");
    store.append(&rec(1)).expect("append");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(store.path())
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
#[cfg(unix)]
fn a_fifo_or_directory_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tmp");
    let fifo = dir.path().join("fifo.jsonl");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    // Run in a thread: a blocking open would hang the test, not fail it.
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let store = Store::new(&path);
        let results = [
            store.append(&rec(1)).err(),
            store.read(|_: Rec| {}).err(),
            store.hold().err(),
        ];
        let _ = tx.send(results.map(|e| e.map(|e| e.to_string())));
    });
    let results = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("opening a FIFO must not block");
    for r in results {
        let msg = r.expect("a FIFO is refused");
        assert!(msg.contains("is a FIFO, not a regular file"), "{msg}");
        assert!(msg.contains("fifo.jsonl"), "names the path: {msg}");
    }
    let store = Store::new(dir.path());
    assert!(matches!(
        store.append(&rec(1)),
        Err(StoreError::NotRegular {
            kind: "directory",
            ..
        })
    ));
    assert!(matches!(
        Store::new("/dev/null").read(|_: Rec| {}),
        Err(StoreError::NotRegular { kind: "device", .. })
    ));
}

#[test]
fn concurrent_appends_are_all_kept() {
    let (_dir, store) = store();
    let threads: Vec<_> = (0..4u64)
        .map(|t| {
            let store = store.clone();
            std::thread::spawn(move || {
                for i in 0..100u64 {
                    // Lines longer than a pipe buffer, so a write could be split.
                    let r = Rec {
                        n: t * 1000 + i,
                        text: "z".repeat(70_000),
                    };
                    store.append(&r).expect("append");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("thread");
    }
    let (mut seen, skipped) = all(&store);
    assert!(skipped.is_empty(), "{skipped:?}");
    seen.sort_unstable();
    let want: Vec<u64> = (0..4u64)
        .flat_map(|t| (0..100).map(move |i| t * 1000 + i))
        .collect();
    assert_eq!(seen, want);
}

#[test]
fn a_held_file_refuses_a_second_holder_until_released() {
    let (_dir, store) = store();
    let mut held = store.hold().expect("hold");
    held.append(&rec(1)).expect("append");
    match store.hold() {
        Err(e @ StoreError::Locked { .. }) => {
            assert!(e.to_string().contains("in use by another run"), "{e}");
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    let mut seen = Vec::new();
    held.read(|r: Rec| seen.push(r.n)).expect("read");
    assert_eq!(seen, [1]);
    drop(held);
    let again = store.hold().expect("free again");
    drop(again);
    assert_eq!(all(&store).0, [1]);
}
