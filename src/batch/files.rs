//! The local files a manifest's rows name: confined to the manifest's
//! folder, and hashed by content into the row's digest.

use super::manifest::RawRow;
use crate::media;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a row's file is refused.
pub(super) enum Outside {
    /// Outside the manifest's folder (nothing more is said about it).
    Outside,
    /// Inside, but it cannot be resolved (missing, unreadable).
    Unreadable(std::io::Error),
}

// `p` against `dir`. Checked by its words first, so a path that leaves the
// folder is refused without looking at what it names; then by its real
// location, so a symlink out is refused too.
pub(super) fn resolve(
    dir: &Path,
    p: &str,
    allow_outside: bool,
) -> std::result::Result<PathBuf, Outside> {
    let given = Path::new(p);
    let path = if given.is_absolute() {
        given.to_path_buf()
    } else {
        dir.join(given)
    };
    if allow_outside {
        return Ok(path);
    }
    let root = std::fs::canonicalize(dir).map_err(Outside::Unreadable)?;
    let mut plain = if given.is_absolute() {
        PathBuf::new()
    } else {
        root.clone()
    };
    for c in given.components() {
        match c {
            std::path::Component::ParentDir => {
                if !plain.pop() {
                    return Err(Outside::Outside);
                }
            }
            std::path::Component::CurDir => {}
            other => plain.push(other),
        }
    }
    if !plain.starts_with(&root) {
        return Err(Outside::Outside);
    }
    match std::fs::canonicalize(&path) {
        // Shown as the manifest names it.
        Ok(real) if real.starts_with(&root) => Ok(path),
        Ok(_) => Err(Outside::Outside),
        // A dangling symlink says nothing about where it points.
        Err(_) if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink()) => {
            Err(Outside::Outside)
        }
        Err(e) => Err(Outside::Unreadable(e)),
    }
}

// What the row asks for, as a hash: its fields (sorted) and, for local
// files, their content, so neither a row's line number nor a file's
// modification time changes it (a comment line or a `touch` is no change).
pub(super) fn digest(raw: &RawRow, dir: &Path, allow_outside: bool) -> String {
    let mut h = Sha256::new();
    for (k, v) in &raw.fields {
        h.update(k.as_bytes());
        h.update(b"=");
        h.update(v.to_string().as_bytes());
        h.update(b"\n");
        if let Some(s) = v.as_str()
            && !media::is_url(s)
            && matches!(k.as_str(), "image" | "audio" | "prompt_file" | "text_file")
            && let Ok(p) = resolve(dir, s, allow_outside)
        {
            hash_file(&mut h, &p);
        }
    }
    hex::encode(&h.finalize()[..12])
}

// A file's bytes into the hash, read in chunks (an unreadable file adds a
// marker: the check that built the row reported it already).
fn hash_file(h: &mut Sha256, path: &Path) {
    let Ok(mut f) = std::fs::File::open(path) else {
        h.update(b"<unreadable>");
        return;
    };
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match f.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => h.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => {
                h.update(b"<unreadable>");
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_stay_inside_the_manifests_folder() {
        let home = tempfile::tempdir().expect("tmp");
        let dir = home.path().join("project");
        std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
        std::fs::write(dir.join("sub/in.txt"), "in").expect("write");
        std::fs::write(home.path().join("out.txt"), "out").expect("write");
        let inside = |p: &str| resolve(&dir, p, false).is_ok();
        let outside = |p: &str| matches!(resolve(&dir, p, false), Err(Outside::Outside));
        assert!(inside("sub/in.txt") && inside("./sub/../sub/in.txt"));
        assert!(inside(&dir.join("sub/in.txt").display().to_string()));
        assert!(outside("../out.txt") && outside("sub/../../out.txt"));
        assert!(outside(&home.path().join("out.txt").display().to_string()));
        // Refused by its words: whether it exists is never looked at.
        assert!(outside("../missing.txt"));
        assert!(matches!(
            resolve(&dir, "sub/missing.txt", false),
            Err(Outside::Unreadable(_))
        ));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(home.path().join("out.txt"), dir.join("link")).expect("ln");
            std::os::unix::fs::symlink(home.path().join("gone"), dir.join("dangling")).expect("ln");
            assert!(outside("link") && outside("dangling"));
        }
        assert!(resolve(&dir, "../out.txt", true).is_ok(), "--allow-outside");
    }

    #[test]
    fn a_digest_follows_content_not_times() {
        let dir = tempfile::tempdir().expect("tmp");
        let f = dir.path().join("p.txt");
        std::fs::write(&f, "one").expect("write");
        let raw = RawRow {
            line: 3,
            fields: [("prompt_file".to_string(), "p.txt".into())].into(),
        };
        let first = digest(&raw, dir.path(), false);
        let moved = RawRow {
            line: 9,
            ..raw.clone()
        };
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .append(true)
            .open(&f)
            .and_then(|f| f.set_modified(later))
            .expect("touch");
        assert_eq!(
            digest(&moved, dir.path(), false),
            first,
            "line and mtime are no change"
        );
        std::fs::write(&f, "two").expect("write");
        assert_ne!(digest(&raw, dir.path(), false), first, "new content is");
    }
}
