//! Settings resolved once at start-up: flags > environment > profile >
//! config file > the official tools' `~/.bithuman/config` > defaults. Each
//! value remembers where it came from (for `auth status` and messages).
//! Nothing below this module reads the environment.

use super::GlobalArgs;
use super::exit::CliError;
use bithuman::media::MediaMode;
use bithuman::{ApiSecret, BaseUrlProblem};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where a value came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A command-line flag.
    Flag(&'static str),
    /// An environment variable.
    Env(&'static str),
    /// `[profiles.NAME]` in the config file.
    Profile(String, PathBuf),
    /// The config file's top level.
    Config(PathBuf),
    /// The official bitHuman tools' `~/.bithuman/config`.
    Official(PathBuf),
    /// Built in.
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(name) => write!(f, "flag {name}"),
            Source::Env(name) => write!(f, "env {name}"),
            Source::Profile(name, path) => write!(f, "profile {name} in {}", path.display()),
            Source::Config(path) => write!(f, "config file {}", path.display()),
            Source::Official(path) => write!(f, "official bitHuman config {}", path.display()),
            Source::Default => write!(f, "default"),
        }
    }
}

/// A value and its source.
#[derive(Clone, Debug)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

/// A snapshot of the environment, taken once.
#[derive(Clone, Debug, Default)]
pub struct Env(HashMap<String, String>);

impl Env {
    /// The process environment.
    pub fn capture() -> Self {
        Self(
            std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
        )
    }
    /// A variable, when set and not empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
    /// A boolean variable: set, non-empty and not `0`/`false`/`no`/`off`.
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| {
            !matches!(
                v.to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off"
            )
        })
    }
}

/// Everything the commands need to know, resolved.
#[derive(Clone, Debug)]
pub struct Settings {
    pub secret: Option<Sourced<ApiSecret>>,
    pub base_url: Sourced<String>,
    pub model: Sourced<String>,
    /// `video_model`: the engine of `video generate` when `--model` is not given.
    pub video_model: Sourced<String>,
    pub media: Sourced<MediaMode>,
    pub interval: Option<Sourced<Duration>>,
    /// `Some(None)` = no timeout (`0`).
    pub timeout: Option<Sourced<Option<Duration>>>,
    pub json: bool,
    pub quiet: bool,
    pub color: bool,
    pub verbose: u8,
    pub sandbox: bool,
    pub config_path: PathBuf,
    pub profile: Option<String>,
    /// Terminal on stderr, and not in CI: animate.
    pub animate: bool,
    pub stdin_tty: bool,
    /// Warnings about the user's own setup, printed once.
    pub warnings: Vec<String>,
    /// Test hooks: shorter HTTP timeout and backoff.
    pub request_timeout: Option<Duration>,
    pub backoff_base: Option<Duration>,
    /// Where the local record of created agents lives.
    pub state_dir: Option<PathBuf>,
    /// Time factor of the in-process sandbox (`BITHUMAN_SANDBOX_SPEED`, default 1).
    pub sandbox_speed: f64,
    /// The sandbox's world (`BITHUMAN_SANDBOX_STATE`, else the data folder's
    /// `bithuman/sandbox`; `None` when there is no data folder).
    pub sandbox_state: Option<bithuman::sandbox::StateLocation>,
    /// `BITHUMAN_SANDBOX_PLAN`: the plan `--sandbox` writes into the world.
    pub sandbox_plan: Option<bithuman::sandbox::Plan>,
    /// `BITHUMAN_ALLOW_HTTP`: plain http to a non-loopback host is the user's choice.
    pub allow_http: bool,
    /// `BITHUMAN_OPENER`: the program `open`/`--web` run instead of the platform's.
    pub opener: Option<String>,
    /// A person at a terminal (stderr is one, not CI): the platform's opener may run.
    pub interactive: bool,
    /// `COLUMNS`: the width tables fit, instead of the terminal's.
    pub columns: Option<usize>,
}

/// The parsed config file (TOML): top-level keys and `[profiles.NAME]`.
#[derive(Clone, Debug, Default)]
pub struct ConfigFile {
    pub table: toml::Table,
}

impl ConfigFile {
    /// Reads `path`; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<Self, CliError> {
        match read_small_file(path) {
            Ok(text) => {
                let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
                    CliError::config(format!(
                        "cannot read config file {}: {}",
                        path.display(),
                        e.message()
                    ))
                })?;
                Ok(Self { table })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => Err(CliError::new(
                super::exit::Kind::BadInput,
                format!("cannot read config file {}: {e}", path.display()),
            )),
            Err(e) => Err(CliError::config(format!(
                "cannot read config file {}: {e}",
                path.display()
            ))),
        }
    }

    fn string(table: &toml::Table, key: &str) -> Option<String> {
        table
            .get(key)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .filter(|s| !s.trim().is_empty())
    }

    fn profile(&self, name: &str) -> Option<&toml::Table> {
        self.table
            .get("profiles")?
            .as_table()?
            .get(name)?
            .as_table()
    }
}

/// The longest duration accepted anywhere (a deadline further away is no
/// deadline in practice, and would overflow the clock).
pub const MAX_DURATION: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// Parses a duration: `5s`, `30m`, `1h30m`, or a bare number of seconds; at
/// most [`MAX_DURATION`].
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let d = if let Ok(secs) = t.parse::<f64>() {
        if !secs.is_finite() || secs < 0.0 {
            return Err(format!("{text:?} is not a valid duration"));
        }
        Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX)
    } else {
        humantime::parse_duration(t)
            .map_err(|e| format!("{text:?} is not a valid duration (e.g. 5s, 30m, 2h): {e}"))?
    };
    if d > MAX_DURATION {
        return Err(format!(
            "{text:?} is too long (the most is {} days; 0 means no limit)",
            MAX_DURATION.as_secs() / 86_400
        ));
    }
    Ok(d)
}

/// The largest config file read (real ones are a few hundred bytes).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads a config file: a regular file (a FIFO or device would hang or
/// never end), at most [`MAX_CONFIG_BYTES`].
fn read_small_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {} KiB", MAX_CONFIG_BYTES / 1024),
        ));
    }
    Ok(text)
}

/// Reads the official tools' dotenv-style `~/.bithuman/config`.
pub fn read_official(path: &Path) -> Option<String> {
    let text = read_small_file(path).ok()?;
    text.lines().find_map(|line| {
        let line = line.trim();
        let line = line.strip_prefix("export ").unwrap_or(line);
        if line.starts_with('#') {
            return None;
        }
        let (key, value) = line.split_once('=')?;
        if key.trim() != "BITHUMAN_API_SECRET" {
            return None;
        }
        let mut v = value.trim();
        // An inline comment after an unquoted value.
        if !v.starts_with('"') && !v.starts_with('\'') {
            v = v.split(" #").next().unwrap_or(v).trim();
        }
        let v = v
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
            .unwrap_or(v);
        Some(v.to_string()).filter(|s| !s.is_empty())
    })
}

/// Resolves every setting from the flags, the environment and the files.
/// `new_profile_ok`: a profile missing from the config is not an error
/// (`auth login --profile NEW` creates it).
pub fn resolve(
    global: &GlobalArgs,
    env: &Env,
    tty: Terminals,
    new_profile_ok: bool,
) -> Result<Settings, CliError> {
    let mut warnings = Vec::new();
    let home = env.get("HOME").map(PathBuf::from).or_else(dirs::home_dir);

    let config_path = config_location(global, env, home.as_deref());
    let config = ConfigFile::load(&config_path)?;

    let profile_name = match (&global.profile, env.get("BITHUMAN_PROFILE")) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(p)) => Some(p.to_string()),
        _ => None,
    };
    let profile = match &profile_name {
        Some(name) if new_profile_ok => config.profile(name),
        Some(name) => Some(config.profile(name).ok_or_else(|| {
            CliError::usage(format!(
                "profile {name:?} is not in {} (add a [profiles.{name}] table)",
                config_path.display()
            ))
        })?),
        None => None,
    };

    let files = Files {
        config: &config,
        profile: profile_name.as_deref().zip(profile),
        path: &config_path,
    };
    let from_files = |key: &str| files.get(key);
    let secret = resolve_secret(env, &files, home.as_deref(), &mut warnings);
    let base_url = resolve_base_url(global, env, &files);

    let JobDefaults {
        model,
        video_model,
        media,
        interval,
        timeout,
    } = job_defaults(&from_files)?;

    let json = global.json || global.jq.is_some() || env.flag("BITHUMAN_JSON");
    let quiet = global.quiet || env.flag("BITHUMAN_QUIET");
    let no_color = global.no_color
        || env.get("NO_COLOR").is_some()
        || env.flag("BITHUMAN_NO_COLOR")
        || env.get("TERM") == Some("dumb");
    let ci = env.flag("CI");
    let sandbox = global.sandbox || env.flag("BITHUMAN_SANDBOX");
    let test_duration = |key: &str| env.get(key).and_then(|v| parse_duration(v).ok());
    let SandboxEnv {
        speed: sandbox_speed,
        plan: sandbox_plan,
        state: sandbox_state,
    } = sandbox_env(env, home.as_deref())?;

    Ok(Settings {
        secret,
        base_url,
        model,
        video_model,
        media,
        interval,
        timeout,
        json,
        quiet,
        color: tty.stderr && !no_color,
        verbose: global.verbose,
        sandbox,
        config_path,
        profile: profile_name,
        // No TERM (a bare pty, a cron job) means no known terminal
        // capabilities: plain lines rather than a spinner that cannot draw.
        animate: tty.stderr
            && !ci
            && !quiet
            && !json
            && env.get("TERM").is_some_and(|t| t != "dumb"),
        stdin_tty: tty.stdin,
        warnings,
        request_timeout: test_duration("BITHUMAN_REQUEST_TIMEOUT"),
        backoff_base: test_duration("BITHUMAN_RETRY_BASE"),
        sandbox_speed,
        sandbox_state,
        sandbox_plan,
        allow_http: env.flag("BITHUMAN_ALLOW_HTTP"),
        opener: env.get("BITHUMAN_OPENER").map(str::to_string),
        interactive: tty.stderr && !ci,
        columns: env
            .get("COLUMNS")
            .and_then(|v| v.trim().parse().ok())
            .filter(|w| *w > 0),
        state_dir: state_dir(env, home.as_deref()),
    })
}

/// Where the journal and other local records live.
fn state_dir(env: &Env, home: Option<&Path>) -> Option<PathBuf> {
    env.get("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(dirs::state_dir)
        .or_else(dirs::data_local_dir)
        .or_else(|| home.map(|h| h.join(".local").join("state")))
        .map(|d| d.join("bithuman"))
}

/// The config file: `--config`, `BITHUMAN_CONFIG`, else the config folder's.
fn config_location(global: &GlobalArgs, env: &Env, home: Option<&Path>) -> PathBuf {
    match (&global.config, env.get("BITHUMAN_CONFIG")) {
        (Some(p), _) => p.clone(),
        (None, Some(p)) => PathBuf::from(p),
        (None, None) => {
            let dir = env
                .get("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .or_else(dirs::config_dir)
                .or_else(|| home.map(|h| h.join(".config")))
                .unwrap_or_else(|| PathBuf::from("."));
            dir.join("bithuman").join("config.toml")
        }
    }
}

/// What the config file says about jobs: models, media mode, wait timing.
struct JobDefaults {
    model: Sourced<String>,
    video_model: Sourced<String>,
    media: Sourced<MediaMode>,
    interval: Option<Sourced<Duration>>,
    timeout: Option<Sourced<Option<Duration>>>,
}

fn job_defaults(
    from_files: &dyn Fn(&str) -> Option<Sourced<String>>,
) -> Result<JobDefaults, CliError> {
    let model = from_files("model").unwrap_or(Sourced {
        value: bithuman::DEFAULT_MODEL.into(),
        source: Source::Default,
    });
    let video_model = from_files("video_model").unwrap_or(Sourced {
        value: bithuman::video::DEFAULT_VIDEO_MODEL.into(),
        source: Source::Default,
    });
    let media = match from_files("media") {
        Some(s) => Sourced {
            value: s
                .value
                .parse::<MediaMode>()
                .map_err(|e| CliError::config(format!("media in {}: {e}", s.source)))?,
            source: s.source,
        },
        None => Sourced {
            value: MediaMode::default(),
            source: Source::Default,
        },
    };
    let interval = match from_files("interval") {
        Some(s) => Some(Sourced {
            value: parse_duration(&s.value)
                .map_err(|e| CliError::config(format!("interval in {}: {e}", s.source)))?,
            source: s.source,
        }),
        None => None,
    };
    let timeout = match from_files("timeout") {
        Some(s) => {
            let d = parse_duration(&s.value)
                .map_err(|e| CliError::config(format!("timeout in {}: {e}", s.source)))?;
            Some(Sourced {
                value: (!d.is_zero()).then_some(d),
                source: s.source,
            })
        }
        None => None,
    };
    Ok(JobDefaults {
        model,
        video_model,
        media,
        interval,
        timeout,
    })
}

/// The built-in sandbox's speed, plan and world, from the environment.
struct SandboxEnv {
    speed: f64,
    plan: Option<bithuman::sandbox::Plan>,
    state: Option<bithuman::sandbox::StateLocation>,
}

fn sandbox_env(env: &Env, home: Option<&Path>) -> Result<SandboxEnv, CliError> {
    let sandbox_speed = match env.get("BITHUMAN_SANDBOX_SPEED") {
        None => 1.0,
        Some(v) => match v.parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 => x,
            _ => {
                return Err(CliError::usage(format!(
                    "BITHUMAN_SANDBOX_SPEED={v:?} is not a number greater than 0"
                )));
            }
        },
    };

    let sandbox_plan = match env.get("BITHUMAN_SANDBOX_PLAN").filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => Some(
            super::args::parse_plan(v)
                .map_err(|e| CliError::usage(format!("BITHUMAN_SANDBOX_PLAN: {e}")))?,
        ),
    };
    let sandbox_state = match env.get("BITHUMAN_SANDBOX_STATE").filter(|v| !v.is_empty()) {
        Some(v) => Some(bithuman::sandbox::StateLocation::parse(v)),
        None => env
            .get("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(dirs::data_dir)
            .or_else(|| home.map(|h| h.join(".local").join("share")))
            .map(|d| bithuman::sandbox::StateLocation::Dir(d.join("bithuman").join("sandbox"))),
    };
    Ok(SandboxEnv {
        speed: sandbox_speed,
        plan: sandbox_plan,
        state: sandbox_state,
    })
}

/// A URL as shown or stored: any `user:password@` left out.
pub fn public_url(raw: &str) -> String {
    match url::Url::parse(raw.trim()) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string().trim_end_matches('/').to_string()
        }
        _ => raw.trim().to_string(),
    }
}

/// The config file and the chosen profile in it.
struct Files<'a> {
    config: &'a ConfigFile,
    profile: Option<(&'a str, &'a toml::Table)>,
    path: &'a Path,
}

impl Files<'_> {
    /// A key from the profile, then the config's top level.
    fn get(&self, key: &str) -> Option<Sourced<String>> {
        if let Some((name, table)) = self.profile
            && let Some(v) = ConfigFile::string(table, key)
        {
            return Some(Sourced {
                value: v,
                source: Source::Profile(name.to_string(), self.path.to_path_buf()),
            });
        }
        ConfigFile::string(&self.config.table, key).map(|v| Sourced {
            value: v,
            source: Source::Config(self.path.to_path_buf()),
        })
    }
}

/// The secret: env > alias > profile > config > official file.
fn resolve_secret(
    env: &Env,
    files: &Files<'_>,
    home: Option<&Path>,
    warnings: &mut Vec<String>,
) -> Option<Sourced<ApiSecret>> {
    let config_path = files.path;
    let mut secret = None;
    let primary = env.get("BITHUMAN_API_SECRET");
    let alias = env.get("BITHUMAN_API_KEY");
    if let Some(v) = primary {
        secret = Some(Sourced {
            value: ApiSecret::new(v.to_string()),
            source: Source::Env("BITHUMAN_API_SECRET"),
        });
        match alias {
            Some(a) if a.trim() != v.trim() => warnings.push(
                "BITHUMAN_API_SECRET and BITHUMAN_API_KEY are both set and differ; using BITHUMAN_API_SECRET and ignoring BITHUMAN_API_KEY (deprecated)".into(),
            ),
            Some(_) => warnings.push(
                "BITHUMAN_API_KEY is deprecated and can be unset: BITHUMAN_API_SECRET holds the same secret".into(),
            ),
            None => {}
        }
    } else if let Some(v) = alias {
        warnings.push("BITHUMAN_API_KEY is deprecated; set BITHUMAN_API_SECRET instead".into());
        secret = Some(Sourced {
            value: ApiSecret::new(v.to_string()),
            source: Source::Env("BITHUMAN_API_KEY"),
        });
    } else if let Some(v) = files.get("api_secret") {
        check_mode(config_path, warnings);
        secret = Some(Sourced {
            value: ApiSecret::new(v.value),
            source: v.source,
        });
    } else if let Some(home) = home {
        let official = home.join(".bithuman").join("config");
        if let Some(v) = read_official(&official) {
            check_mode(&official, warnings);
            secret = Some(Sourced {
                value: ApiSecret::new(v),
                source: Source::Official(official),
            });
        }
    }
    secret.filter(|s| !s.value.is_empty())
}

/// The base URL: flag > BITHUMAN_API_BASE > BITHUMAN_API_URL > config > default.
fn resolve_base_url(global: &GlobalArgs, env: &Env, files: &Files<'_>) -> Sourced<String> {
    if let Some(u) = &global.base_url {
        Sourced {
            value: u.clone(),
            source: Source::Flag("--base-url"),
        }
    } else if let Some(u) = env.get("BITHUMAN_API_BASE") {
        Sourced {
            value: u.to_string(),
            source: Source::Env("BITHUMAN_API_BASE"),
        }
    } else if let Some(u) = env.get("BITHUMAN_API_URL") {
        Sourced {
            value: u.to_string(),
            source: Source::Env("BITHUMAN_API_URL"),
        }
    } else {
        files.get("base_url").unwrap_or(Sourced {
            value: bithuman::DEFAULT_BASE_URL.into(),
            source: Source::Default,
        })
    }
}

/// Which standard streams are terminals.
#[derive(Clone, Copy, Debug, Default)]
pub struct Terminals {
    pub stdin: bool,
    pub stderr: bool,
}

// Warn, as ssh does, when a file holding the secret is readable by others.
fn check_mode(path: &Path, warnings: &mut Vec<String>) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                warnings.push(format!(
                    "{} holds your API secret but is readable by group or others (mode {mode:o}); run: chmod 600 {}",
                    path.display(),
                    path.display()
                ));
            }
        }
    }
}

impl Settings {
    /// Refuses `http://` base URLs unless loopback or `BITHUMAN_ALLOW_HTTP=1`.
    pub fn check_base_url(&self) -> Result<(), CliError> {
        let raw = self.base_url.value.trim();
        let source = &self.base_url.source;
        bithuman::check_base_url(raw, self.allow_http)
            .map(|_| ())
            .map_err(|problem| CliError::usage(match problem {
                BaseUrlProblem::Invalid(e) => format!("invalid base URL {raw:?} ({source}): {e}"),
                BaseUrlProblem::PlainHttp => format!(
                    "refusing plain-http base URL {raw} ({source}): the secret would travel unencrypted; use https, or set BITHUMAN_ALLOW_HTTP=1 to allow it"
                ),
                BaseUrlProblem::Scheme(other) => format!(
                    "invalid base URL {raw:?}: scheme {other:?} is not http or https"
                ),
                BaseUrlProblem::VersionedPath(fixed) => format!(
                    "the base URL ({source}) already ends in /v1, so every request would go to /v1/v1/…; use {fixed}"
                ),
            }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("5s"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("-1").is_err());
        for huge in ["1e20", "500000000000y", "11y", "inf", "NaN"] {
            assert!(parse_duration(huge).is_err(), "{huge}");
        }
    }

    #[test]
    fn official_config_forms() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("config");
        for (text, want) in [
            ("BITHUMAN_API_SECRET=abc\n", Some("abc")),
            ("# c\nexport BITHUMAN_API_SECRET=\"q v\"\n", Some("q v")),
            ("BITHUMAN_API_SECRET='x' \n", Some("x")),
            ("BITHUMAN_API_SECRET=y # note\n", Some("y")),
            ("#BITHUMAN_API_SECRET=no\nOTHER=1\n", None),
        ] {
            std::fs::write(&p, text).expect("write");
            assert_eq!(read_official(&p).as_deref(), want, "{text}");
        }
    }
}
