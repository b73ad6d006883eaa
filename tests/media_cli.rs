//! Local media files end to end: upload (default), base64 and data-uri
//! modes, and every refusal with its exit code and no request sent.

use crate::common;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::*;
use sha2::{Digest, Sha256};

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[test]
fn upload_mode_uploads_then_sends_the_url() {
    let w = World::new();
    let face = w.file("face.png", &png());
    let voice = w.file("voice.wav", &wav());
    let r = w.run(&[
        "generate",
        "--image",
        face.to_str().expect("path"),
        "--audio",
        voice.to_str().expect("path"),
        "--json",
    ]);
    r.code(0);
    let uploads = w.requests("/v1/files/upload");
    assert_eq!(uploads.len(), 2);
    let first = uploads[0].json().expect("json");
    assert_eq!(first["file_name"], "face.png");
    assert_eq!(first["file_type"], "image");
    let decoded = STANDARD
        .decode(first["file_data"].as_str().expect("file_data"))
        .expect("standard base64");
    assert_eq!(sha(&decoded), sha(&png()));
    let second = uploads[1].json().expect("json");
    assert_eq!(second["file_type"], "audio");
    assert_eq!(second["file_name"], "voice.wav");
    // The generate body carries the returned URLs, listed under `inputs`.
    let body = w.requests("/v1/agent/generate")[0].json().expect("json");
    let out = r.json();
    assert_eq!(out["inputs"]["image"], body["image"]);
    assert_eq!(out["inputs"]["audio"], body["audio"]);
    assert!(body["image"].as_str().expect("url").starts_with(&w.base()));
    // Content-Length was exact (the server read a complete JSON body).
    let len: usize = uploads[0]
        .header("content-length")
        .expect("content-length")
        .parse()
        .expect("number");
    assert_eq!(len, uploads[0].body.len());
}

#[test]
fn base64_and_data_uri_modes_inline_the_file() {
    let w = World::new();
    let face = w.file("face.png", &png());
    w.run(&[
        "generate",
        "--image",
        face.to_str().expect("path"),
        "--media",
        "base64",
    ])
    .code(0);
    w.run(&[
        "generate",
        "--image",
        face.to_str().expect("path"),
        "--media",
        "data-uri",
    ])
    .code(0);
    assert!(w.requests("/v1/files/upload").is_empty());
    let bodies = w.requests("/v1/agent/generate");
    let raw = bodies[0].json().expect("json")["image"]
        .as_str()
        .expect("image")
        .to_string();
    assert_eq!(sha(&STANDARD.decode(&raw).expect("base64")), sha(&png()));
    let uri = bodies[1].json().expect("json")["image"]
        .as_str()
        .expect("image")
        .to_string();
    let rest = uri
        .strip_prefix("data:image/png;base64,")
        .unwrap_or_else(|| panic!("data uri with MIME: {uri}"));
    assert_eq!(sha(&STANDARD.decode(rest).expect("base64")), sha(&png()));
}

#[test]
fn media_mode_from_config() {
    let w = World::new();
    std::fs::create_dir_all(w.config_path().parent().expect("dir")).expect("mkdir");
    std::fs::write(w.config_path(), "media = \"base64\"\n").expect("config");
    let face = w.file("face.png", &png());
    w.run(&["generate", "--image", face.to_str().expect("path")])
        .code(0);
    assert!(w.requests("/v1/files/upload").is_empty());
}

#[test]
fn stdin_input_is_named_after_its_type() {
    let w = World::new();
    let r = w.run_stdin(&["generate", "--image", "-"], png());
    r.code(0);
    let up = w.requests("/v1/files/upload")[0].json().expect("json");
    assert_eq!(up["file_name"], "stdin.png");
}

#[test]
fn refusals_have_exit_codes_and_send_nothing() {
    let w = World::new();
    let dir = w.home().join("adir");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let empty = w.file("empty.png", b"");
    let text = w.file("face.jpg", b"hello, I am not a picture\n");
    let big = w.home().join("big.png");
    {
        let f = std::fs::File::create(&big).expect("create");
        use std::io::Write;
        (&f).write_all(&png()).expect("write");
        f.set_len(11_000_000).expect("sparse");
    }
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (
            vec!["--image".into(), "missing.jpg".into()],
            66,
            "missing.jpg",
        ),
        (
            vec!["--image".into(), dir.display().to_string()],
            66,
            "adir",
        ),
        (
            vec!["--image".into(), empty.display().to_string()],
            65,
            "empty",
        ),
        (
            vec!["--image".into(), text.display().to_string()],
            65,
            "text, not an image",
        ),
        (
            vec!["--image".into(), big.display().to_string()],
            65,
            "10 MB",
        ),
        (
            vec![
                "--audio".into(),
                w.file("x.png", &png()).display().to_string(),
            ],
            65,
            "not an audio",
        ),
        (
            vec!["--image".into(), "-".into(), "--audio".into(), "-".into()],
            2,
            "stdin",
        ),
        (
            vec![
                "--prompt-file".into(),
                "-".into(),
                "--image".into(),
                "-".into(),
            ],
            2,
            "stdin",
        ),
        (
            vec!["--prompt-file".into(), "nope.txt".into()],
            66,
            "nope.txt",
        ),
    ];
    for (args, code, needle) in cases {
        let mut full = vec!["generate".to_string()];
        full.extend(args.clone());
        let refs: Vec<&str> = full.iter().map(String::as_str).collect();
        let r = w.run(&refs);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(needle),
            "{args:?} should mention {needle:?}: {}",
            r.stderr
        );
    }
    assert!(
        w.api.requests().is_empty(),
        "nothing sent for refused inputs"
    );
    // --no-preflight skips the type check (the server then decides).
    let r = w.run(&[
        "generate",
        "--image",
        text.to_str().expect("path"),
        "--no-preflight",
        "--media",
        "base64",
    ]);
    assert_ne!(r.code, 65, "{}", r.stderr);
    assert_eq!(w.requests("/v1/agent/generate").len(), 1);
}

#[test]
fn dry_run_describes_payloads_and_sends_nothing() {
    let w = World::new();
    let face = w.file("face.png", &png());
    let r = w.run(&[
        "generate",
        "--image",
        face.to_str().expect("path"),
        "--dry-run",
        "--prompt",
        "p",
    ]);
    r.code(0);
    let want = format!("<base64: {} bytes, sha256 {}>", png().len(), sha(&png()));
    assert!(r.stdout.contains(&want), "{}", r.stdout);
    assert!(r.stdout.contains("/v1/files/upload") && r.stdout.contains("/v1/agent/generate"));
    assert!(r.stdout.contains("api-secret: ***"));
    assert!(!r.stdout.contains(&STANDARD.encode(png())));
    let j = w.run(&[
        "generate",
        "--image",
        face.to_str().expect("path"),
        "--dry-run",
        "--media",
        "base64",
        "--json",
    ]);
    j.code(0);
    let v = j.json();
    assert_eq!(v["requests"][0]["body"]["image"], want);
    assert!(w.api.requests().is_empty());
}
