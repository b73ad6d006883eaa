//! `bithuman auth login|status|logout`: the stored secret lives in our TOML
//! config file, written atomically with mode 0600 in a 0700 directory.

use super::Ctx;
use super::args::AuthCommand;
use super::exit::{CliError, Kind, code};
use super::settings::{ConfigFile, Source};
use bithuman::ApiSecret;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::Path;

/// `auth login --json`.
#[derive(Serialize)]
struct LoggedIn<'a> {
    valid: bool,
    stored_in: String,
    secret: String,
    profile: Option<&'a str>,
}

/// `auth status --json`.
#[derive(Serialize)]
struct AuthStatus<'a> {
    valid: bool,
    source: String,
    secret: Option<String>,
    base_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<Option<&'a str>>,
}

/// `auth logout --json`.
#[derive(Serialize)]
struct LoggedOut {
    removed: bool,
    config: String,
}

pub fn run(ctx: &mut Ctx, command: AuthCommand) -> Result<u8, CliError> {
    match command {
        AuthCommand::Login { with_token } => login(ctx, with_token),
        AuthCommand::Status => status(ctx),
        AuthCommand::Logout => logout(ctx),
    }
}

fn login(ctx: &mut Ctx, with_token: bool) -> Result<u8, CliError> {
    if ctx.settings.sandbox {
        // The sandbox accepts any secret: "validating" against it would store anything.
        return Err(CliError::usage(
            "auth login stores a secret for the real API; run it without --sandbox (or BITHUMAN_SANDBOX)",
        ));
    }
    if !with_token && !ctx.settings.stdin_tty {
        // A script must say where the secret comes from; nothing to prompt on.
        return Err(CliError::usage(
            "stdin is not a terminal, so there is nobody to ask for the secret",
        )
        .with_hint("bithuman auth login --with-token < secret.txt"));
    }
    let text = if ctx.settings.stdin_tty {
        rpassword::prompt_password("Paste your bitHuman API secret (input hidden): ")
            .map_err(|e| CliError::io(format!("cannot read the secret: {e}")))?
    } else {
        // A secret is a short line; an endless stdin must not fill memory.
        let mut s = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut s)
            .map_err(|e| CliError::io(format!("cannot read the secret from stdin: {e}")))?;
        s
    };
    let secret = ApiSecret::new(text);
    if secret.is_empty() {
        return Err(CliError::usage("no secret on stdin")
            .with_hint("bithuman auth login --with-token < secret.txt"));
    }
    if secret.expose().chars().any(char::is_whitespace) {
        return Err(CliError::usage(
            "the secret on stdin contains spaces or several lines; give the secret alone",
        ));
    }
    // Validate the new secret, not the one the settings resolved.
    ctx.settings.secret = Some(super::settings::Sourced {
        value: secret.clone(),
        source: Source::Flag("--with-token"),
    });
    let client = ctx.client()?;
    if !client.validate()? {
        return Err(CliError::new(
            Kind::NoPermission,
            "the API rejected this secret; nothing was stored",
        )
        .with_hint(
            "copy the secret again from https://www.bithuman.ai (Developer → API secrets)",
        ));
    }
    let path = ctx.settings.config_path.clone();
    update_config(&path, |root| {
        target_table(root, ctx.settings.profile.as_deref()).insert(
            "api_secret".into(),
            toml::Value::String(secret.expose().to_string()),
        );
        true
    })?;
    if ctx.out.json {
        ctx.out.emit(&LoggedIn {
            valid: true,
            stored_in: path.display().to_string(),
            secret: secret.masked(),
            profile: ctx.settings.profile.as_deref(),
        })?;
    } else {
        ctx.out.note(&format!(
            "✓ Secret {} is valid; stored in {}",
            secret.masked(),
            path.display()
        ));
    }
    Ok(code::OK)
}

fn status(ctx: &mut Ctx) -> Result<u8, CliError> {
    if ctx.settings.sandbox {
        let client = ctx.client()?;
        let valid = client.validate()?;
        if ctx.out.json {
            ctx.out.emit(&AuthStatus {
                valid,
                source: "built-in sandbox".into(),
                secret: None,
                base_url: "sandbox".into(),
                profile: None,
            })?;
        } else {
            ctx.out
                .data("Using the built-in sandbox: no secret needed.")?;
        }
        return Ok(code::OK);
    }
    let Some(sourced) = ctx.settings.secret.clone() else {
        return Err(CliError::no_secret());
    };
    let client = ctx.client()?;
    let valid = client.validate()?;
    let base = super::settings::public_url(&ctx.settings.base_url.value);
    if ctx.out.json {
        ctx.out.emit(&AuthStatus {
            valid,
            source: sourced.source.to_string(),
            secret: Some(sourced.value.masked()),
            base_url: base,
            profile: Some(ctx.settings.profile.as_deref()),
        })?;
    } else {
        let verdict = if valid {
            "valid"
        } else {
            "REJECTED by the API"
        };
        ctx.out.data(&format!(
            "API      {base}\nsecret   {} ({verdict})\nsource   {}",
            sourced.value.masked(),
            sourced.source
        ))?;
    }
    if valid {
        Ok(code::OK)
    } else {
        let err = CliError::new(
            Kind::NoPermission,
            format!("the secret from {} was rejected by the API", sourced.source),
        )
        .with_hint("run: bithuman auth login --with-token");
        ctx.out.error(&err);
        Ok(err.exit_code())
    }
}

fn logout(ctx: &mut Ctx) -> Result<u8, CliError> {
    let path = ctx.settings.config_path.clone();
    let removed = update_config(&path, |root| {
        target_table(root, ctx.settings.profile.as_deref())
            .remove("api_secret")
            .is_some()
    })?;
    if removed {
        ctx.out.note(&format!(
            "Removed the stored secret from {}",
            path.display()
        ));
    } else {
        ctx.out
            .note(&format!("No secret stored in {}", path.display()));
    }
    if let Some(s) = &ctx.settings.secret
        && matches!(s.source, Source::Env(_) | Source::Official(_))
    {
        ctx.out
            .note(&format!("Note: a secret is still provided by {}", s.source));
    }
    if ctx.out.json {
        ctx.out.emit(&LoggedOut {
            removed,
            config: path.display().to_string(),
        })?;
    }
    Ok(code::OK)
}

// The top level, or [profiles.NAME] (created when missing).
fn target_table<'a>(root: &'a mut toml::Table, profile: Option<&str>) -> &'a mut toml::Table {
    let Some(name) = profile else { return root };
    let profiles = root
        .entry("profiles")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    if !profiles.is_table() {
        *profiles = toml::Value::Table(toml::Table::new());
    }
    let Some(profiles) = profiles.as_table_mut() else {
        unreachable!("just made a table")
    };
    let entry = profiles
        .entry(name.to_string())
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    if !entry.is_table() {
        *entry = toml::Value::Table(toml::Table::new());
    }
    match entry.as_table_mut() {
        Some(t) => t,
        None => unreachable!("just made a table"),
    }
}

/// Read-modify-write of the config under an exclusive lock (a `.lock` file
/// beside it), so two concurrent logins never lose each other's secret.
/// `change` says whether it changed anything (then the file is rewritten).
fn update_config(
    path: &Path,
    change: impl FnOnce(&mut toml::Table) -> bool,
) -> Result<bool, CliError> {
    let dir = config_dir(path);
    create_private_dir(&dir)
        .map_err(|e| CliError::io(format!("cannot create {}: {e}", dir.display())))?;
    let mut lock_name = path.file_name().unwrap_or_default().to_os_string();
    lock_name.push(".lock");
    let lock_path = dir.join(lock_name);
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| CliError::io(format!("cannot open {}: {e}", lock_path.display())))?;
    lock.lock()
        .map_err(|e| CliError::io(format!("cannot lock {}: {e}", lock_path.display())))?;
    let mut config = ConfigFile::load(path)?;
    let changed = change(&mut config.table);
    if changed {
        write_config(path, &config.table)?;
    }
    // Dropping the file releases the lock.
    drop(lock);
    Ok(changed)
}

fn config_dir(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    }
}

// The config's folder, created 0700 when missing.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes the config atomically: a 0600 temp file in a 0700 directory, then rename.
pub fn write_config(path: &Path, table: &toml::Table) -> Result<(), CliError> {
    let err = |e: std::io::Error| CliError::io(format!("cannot write {}: {e}", path.display()));
    let dir = config_dir(path);
    create_private_dir(&dir).map_err(err)?;
    let text = toml::to_string_pretty(table)
        .map_err(|e| CliError::io(format!("cannot encode the config: {e}")))?;
    // tempfile creates files with mode 0600; say so anyway, the file holds the secret.
    let mut tmp = tempfile::Builder::new()
        .prefix(".config-")
        .tempfile_in(&dir)
        .map_err(err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(err)?;
    }
    tmp.write_all(text.as_bytes()).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}
