//! Where MCP tools may touch local files (SPEC §20). A tool argument comes
//! from an AI agent, which a prompt injection can steer: uploads read, and
//! downloads write, only regular files below the server's working folder or
//! a folder the user gave with `--allow-path`, never the CLI's config file,
//! its state folder (the journal), `~/.ssh` and the like, devices or
//! `/proc`. Every refusal is the same error, so a refused path tells the
//! agent nothing about what is there.

use super::super::exit::{CliError, Kind, from_lib};
use bithuman::Destination;
use bithuman::blocking::Client;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Secret-holding folders under `$HOME`, refused even inside an allowed folder.
const SECRET_HOME_DIRS: &[&str] = &[".ssh", ".gnupg", ".aws", ".netrc", ".kube", ".docker"];

/// Kernel and device trees: never a file a tool may read or write.
const SYSTEM_DIRS: &[&str] = &["/proc", "/sys", "/dev"];

/// The one refusal: which argument, never what the path is or whether it exists.
pub fn refused(argument: &str) -> CliError {
    CliError::new(
        Kind::NoPermission,
        format!(
            "{argument}: path not allowed: MCP tools read and write only regular files below the server's working folder or an --allow-path folder (no secret files, devices or links leading out)"
        ),
    )
    .with_code("PATH_NOT_ALLOWED")
    .with_hint("give a path below the working folder, an http(s) URL for media, or start the server with --allow-path DIR")
}

/// The folders tools may use, and the places they may never touch.
#[derive(Debug)]
pub struct Confinement {
    /// The working folder and each `--allow-path` folder, canonical.
    roots: Vec<PathBuf>,
    /// Resolved like a tool's path, so a prefix test is enough.
    denied: Vec<PathBuf>,
    /// Relative tool paths are taken from here (the working folder).
    base: PathBuf,
}

/// A download target: the folder (it may not exist yet) and the file name
/// when the argument named one (else the server's name is used).
#[derive(Debug)]
pub struct Target {
    dir: PathBuf,
    name: Option<OsString>,
}

impl Confinement {
    /// The working folder plus `allow` (each must be an existing folder), and
    /// the denied places: `secrets` (the config file, the state folder) and
    /// the secret folders of `home`.
    pub fn new(
        allow: &[PathBuf],
        secrets: &[PathBuf],
        home: Option<&Path>,
    ) -> Result<Self, CliError> {
        let base = std::env::current_dir()
            .and_then(std::fs::canonicalize)
            .map_err(|e| CliError::io(format!("cannot read the working folder: {e}")))?;
        let mut roots = vec![base.clone()];
        for dir in allow {
            let canonical = std::fs::canonicalize(dir)
                .ok()
                .filter(|c| c.is_dir())
                .ok_or_else(|| {
                    CliError::usage(format!(
                        "--allow-path {}: not an existing folder",
                        dir.display()
                    ))
                })?;
            roots.push(canonical);
        }
        let home_dirs = home
            .map(|h| {
                SECRET_HOME_DIRS
                    .iter()
                    .map(|d| h.join(d))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let denied = secrets
            .iter()
            .cloned()
            .chain(home_dirs)
            .chain(SYSTEM_DIRS.iter().map(PathBuf::from))
            .filter_map(|p| resolve(&base, &p))
            .collect();
        Ok(Self {
            roots,
            denied,
            base,
        })
    }

    fn allowed(&self, resolved: &Path) -> bool {
        self.roots.iter().any(|r| resolved.starts_with(r))
            && !self.denied.iter().any(|d| resolved.starts_with(d))
    }

    /// A local media file to upload: its canonical path. A missing file
    /// inside the allowed folders is passed on (the usual "not found" error
    /// follows); anything else that is not an allowed regular file is refused.
    pub fn readable(&self, arg: &str, argument: &str) -> Result<PathBuf, CliError> {
        let resolved = resolve(&self.base, Path::new(arg))
            .filter(|r| self.allowed(r))
            .ok_or_else(|| refused(argument))?;
        match std::fs::metadata(&resolved) {
            Ok(m) if !m.is_file() => Err(refused(argument)),
            _ => Ok(resolved),
        }
    }

    /// A download target, checked before anything is fetched: a folder (the
    /// argument ends with `/` or is one) or a file whose folder is allowed
    /// and which, if it exists, is a regular file (then "exists" follows).
    pub fn writable(&self, arg: &str, argument: &str) -> Result<Target, CliError> {
        let path = Path::new(arg);
        let full = resolve(&self.base, path).ok_or_else(|| refused(argument))?;
        if arg.ends_with('/') || full.is_dir() {
            return if self.allowed(&full) {
                Ok(Target {
                    dir: full,
                    name: None,
                })
            } else {
                Err(refused(argument))
            };
        }
        let name = path.file_name().ok_or_else(|| refused(argument))?;
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        let dir = resolve(&self.base, parent.unwrap_or(Path::new(".")))
            .filter(|d| self.allowed(&d.join(name)))
            .ok_or_else(|| refused(argument))?;
        match std::fs::symlink_metadata(dir.join(name)) {
            // A link, device, FIFO or folder is never written to.
            Ok(m) if !m.is_file() => Err(refused(argument)),
            _ => Ok(Target {
                dir,
                name: Some(name.to_os_string()),
            }),
        }
    }

    /// Downloads `url` into `target` (`default_name` for a folder): the
    /// folder is created only below an allowed one and checked again once it
    /// exists; the file is written to a new temporary file beside the target
    /// and linked into place without replacing anything, so neither a link
    /// planted meanwhile nor an existing file is ever written through.
    pub fn save(
        &self,
        client: &Client,
        url: &str,
        default_name: &str,
        target: &Target,
        argument: &str,
    ) -> Result<PathBuf, CliError> {
        std::fs::create_dir_all(&target.dir).map_err(|e| {
            CliError::io(format!(
                "cannot create the folder {}: {e}",
                target.dir.display()
            ))
        })?;
        let dir = std::fs::canonicalize(&target.dir)
            .ok()
            .filter(|d| self.allowed(d))
            .ok_or_else(|| refused(argument))?;
        let name = target
            .name
            .clone()
            .unwrap_or_else(|| OsString::from(default_name));
        let path = dir.join(&name);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_file() => return Err(from_lib(&bithuman::Error::TargetExists(path))),
            Ok(_) => return Err(refused(argument)),
            Err(_) => {}
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(".bithuman-download-")
            .tempfile_in(&dir)
            .map_err(|e| CliError::io(format!("cannot write in {}: {e}", dir.display())))?;
        client
            .download_file(
                url,
                default_name,
                Destination::Writer(tmp.as_file_mut()),
                &bithuman::DownloadOptions::new(),
                |_| {},
            )
            .map_err(|e| from_lib(&e))?;
        let written = tmp.as_file().sync_all();
        // tempfile makes 0600 files; a model or video is not a secret.
        #[cfg(unix)]
        let written = written.and_then(|()| {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
        });
        written.map_err(|e| CliError::io(format!("cannot write {}: {e}", path.display())))?;
        tmp.persist_noclobber(&path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                from_lib(&bithuman::Error::TargetExists(path.clone()))
            } else {
                CliError::io(format!("cannot save {}: {}", path.display(), e.error))
            }
        })?;
        Ok(path)
    }
}

/// `path` made absolute against `base`, its longest existing part
/// canonicalised (links followed) and the rest appended. `None` when the
/// part that does not exist holds `..` (it cannot be resolved) or is a
/// dangling link.
fn resolve(base: &Path, path: &Path) -> Option<PathBuf> {
    let absolute = base.join(path);
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match std::fs::canonicalize(existing) {
            Ok(canonical) => {
                return Some(rest.iter().rev().fold(canonical, |p, name| p.join(name)));
            }
            // Something is there but cannot be followed: a dangling link or a loop.
            Err(_) if std::fs::symlink_metadata(existing).is_ok() => return None,
            Err(_) => {
                // `file_name` is `None` for a trailing `..`.
                rest.push(existing.file_name()?);
                existing = existing.parent()?;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn resolving_keeps_missing_parts_and_refuses_unresolvable_dots() {
        let dir = tempfile::tempdir().expect("tempdir");
        let base = std::fs::canonicalize(dir.path()).expect("canonical");
        assert_eq!(
            resolve(&base, Path::new("a/b.imx")),
            Some(base.join("a/b.imx"))
        );
        assert_eq!(resolve(&base, Path::new("a/../b")), None);
        std::fs::create_dir(base.join("sub")).expect("mkdir");
        assert_eq!(resolve(&base, Path::new("sub/../b")), Some(base.join("b")));
        std::os::unix::fs::symlink("/nonexistent/x", base.join("dangling")).expect("link");
        assert_eq!(resolve(&base, Path::new("dangling/f")), None);
    }
}
