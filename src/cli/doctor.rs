//! `bithuman doctor` (SPEC §18): one report of whether this machine is ready
//! to work, and exit 0 only when it is. Each check says what it found and,
//! when it fails, what to do; the report is one JSON object with `--json`.

use super::Ctx;
use super::exit::{CliError, code};
use super::settings::Source;
use super::text::shown;
use bithuman::RateInfo;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// The most clock skew webhooks tolerate (API-NOTES §14.3).
const MAX_SKEW: Duration = Duration::from_secs(300);

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Ok,
    /// Works, but something deserves attention.
    Warn,
    /// Not ready to work.
    Fail,
    /// Could not be checked (an earlier check failed).
    Skip,
}

#[derive(Serialize)]
struct Check {
    name: &'static str,
    status: Status,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
}

/// `doctor --json`.
#[derive(Serialize)]
struct Report {
    ready: bool,
    checks: Vec<Check>,
}

struct Checks(Vec<Check>);

impl Checks {
    fn add(&mut self, name: &'static str, status: Status, detail: impl Into<String>) {
        self.0.push(Check {
            name,
            status,
            detail: detail.into(),
            hint: None,
        });
    }
    fn fail(&mut self, name: &'static str, detail: impl Into<String>, hint: impl Into<String>) {
        self.0.push(Check {
            name,
            status: Status::Fail,
            detail: detail.into(),
            hint: Some(hint.into()),
        });
    }
}

pub fn run(ctx: &mut Ctx) -> Result<u8, CliError> {
    let mut checks = Checks(Vec::new());
    config(ctx, &mut checks);
    let last: Arc<Mutex<Option<RateInfo>>> = Arc::default();
    let seen = last.clone();
    ctx.answer_hook = Some(Arc::new(move |_path: &str, info: &RateInfo| {
        if let Ok(mut slot) = seen.lock() {
            *slot = Some(*info);
        }
    }));
    if ctx.settings.secret.is_none() && !ctx.settings.sandbox {
        checks.fail(
            "secret",
            "no API secret found",
            "set BITHUMAN_API_SECRET, or run: bithuman auth login",
        );
        checks.add("api", Status::Skip, "not checked without a secret");
    } else {
        api(ctx, &mut checks, &last)?;
    }
    let ready = !checks.0.iter().any(|c| c.status == Status::Fail);
    print(ctx, checks.0, ready)?;
    Ok(if ready { code::OK } else { code::FAILURE })
}

/// Where the settings come from, and deprecated variables.
fn config(ctx: &Ctx, checks: &mut Checks) {
    let s = &ctx.settings;
    let file = if s.config_path.is_file() {
        format!("{}", s.config_path.display())
    } else {
        format!("{} (not created yet)", s.config_path.display())
    };
    let secret = match &s.secret {
        Some(secret) => format!("secret {} from {}", secret.value.masked(), secret.source),
        None if s.sandbox => "the sandbox needs no secret".to_string(),
        None => "no secret".to_string(),
    };
    let base = if s.sandbox {
        "the built-in sandbox".to_string()
    } else {
        format!("{} ({})", s.base_url.value, source_name(&s.base_url.source))
    };
    checks.add(
        "config",
        Status::Ok,
        format!("{file}; {secret}; API {base}"),
    );
    for w in &s.warnings {
        checks.add("settings", Status::Warn, shown(w));
    }
}

fn source_name(source: &Source) -> String {
    match source {
        Source::Default => "default".into(),
        other => other.to_string(),
    }
}

/// The API: reachable, the secret valid, the plan, its limits, the clock.
fn api(ctx: &mut Ctx, checks: &mut Checks, last: &Mutex<Option<RateInfo>>) -> Result<(), CliError> {
    let client = ctx.client()?;
    let started = Instant::now();
    match client.validate() {
        Ok(true) => checks.add(
            "api",
            Status::Ok,
            format!(
                "reachable ({} ms); the secret is valid",
                started.elapsed().as_millis()
            ),
        ),
        Ok(false) => {
            checks.fail(
                "api",
                "reachable, but the API rejected the secret",
                "copy the secret again from https://www.bithuman.ai (Developer → API secrets), then: bithuman auth login",
            );
            return Ok(());
        }
        Err(e @ bithuman::Error::Interrupted { .. }) => return Err(e.into()),
        Err(e) => {
            checks.fail(
                "api",
                format!("not reachable: {}", shown(&e.to_string())),
                "check the network and the base URL (--base-url, BITHUMAN_API_BASE); status: https://status.bithuman.ai",
            );
            return Ok(());
        }
    }
    clock(checks, last);
    plan(&client, checks, last)?;
    file_host(&client, checks);
    Ok(())
}

/// Clock skew against the server's `Date`: webhook signatures older or newer
/// than five minutes are rejected, so a skewed clock breaks them.
fn clock(checks: &mut Checks, last: &Mutex<Option<RateInfo>>) {
    let date = last.lock().ok().and_then(|l| l.and_then(|i| i.date));
    let Some(server) = date else {
        checks.add("clock", Status::Skip, "the API sent no Date header");
        return;
    };
    let now = SystemTime::now();
    let skew = now
        .duration_since(server)
        .or_else(|_| server.duration_since(now))
        .unwrap_or_default();
    let detail = format!("{} s from the API's clock", skew.as_secs());
    if skew > MAX_SKEW {
        checks.fail(
            "clock",
            detail,
            "set the system clock (NTP): webhook signatures are refused past 5 minutes of skew",
        );
    } else {
        checks.add("clock", Status::Ok, detail);
    }
}

/// The plan, its API access and its rate-limit tier.
fn plan(
    client: &bithuman::blocking::Client,
    checks: &mut Checks,
    last: &Mutex<Option<RateInfo>>,
) -> Result<(), CliError> {
    let account = match client.account() {
        Ok(a) => a,
        Err(e @ bithuman::Error::Interrupted { .. }) => return Err(e.into()),
        Err(e) => {
            let detail = format!("cannot read the account: {}", shown(&e.to_string()));
            if e.api().is_some_and(|a| a.has_code("PLAN_REQUIRED")) {
                checks.fail(
                    "plan",
                    detail,
                    "the API needs a paid plan: https://www.bithuman.ai",
                );
            } else {
                checks.add("plan", Status::Warn, detail);
            }
            return Ok(());
        }
    };
    let text = |v: &Option<String>| v.as_deref().map(shown);
    let name = text(&account.plan)
        .or_else(|| text(&account.plan_code))
        .unwrap_or_else(|| "unknown".into());
    let balance = account
        .credit_balance
        .as_ref()
        .map_or_else(|| "unknown".into(), ToString::to_string);
    let limits = bithuman::plans::limits(&name)
        .or_else(|| text(&account.plan_code).and_then(|c| bithuman::plans::limits(&c)));
    match limits {
        Some(l) if !l.api_access => checks.fail(
            "plan",
            format!("{name}: no API access (Free plans lost it on 2026-10-12)"),
            "upgrade the plan: https://www.bithuman.ai",
        ),
        Some(l) => {
            checks.add("plan", Status::Ok, format!("{name}, {balance} credits"));
            checks.add(
                "rate limits",
                Status::Ok,
                format!(
                    "generate {}/min, write {}/min, read {}/min; {} live sessions",
                    l.generate, l.write, l.read, l.sessions
                ),
            );
        }
        None => {
            checks.add("plan", Status::Ok, format!("{name}, {balance} credits"));
            let from_headers = last.lock().ok().and_then(|l| l.and_then(|i| i.limit));
            let detail = from_headers.map_or_else(
                || "unknown for this plan".to_string(),
                |n| format!("{n}/min on the last call's bucket"),
            );
            checks.add("rate limits", Status::Ok, detail);
        }
    }
    Ok(())
}

/// The file host: where models and videos download from (another host than
/// the API's). Checked on the newest agent's files when there is one.
fn file_host(client: &bithuman::blocking::Client, checks: &mut Checks) {
    let newest = bithuman::AgentQuery::new().limit(1);
    let url = client.list_agents(&newest, 0).ok().and_then(|page| {
        page.items.first().and_then(|a| {
            [&a.image_url, &a.model_url, &a.video_url]
                .into_iter()
                .filter_map(Option::as_deref)
                .find(|u| u.starts_with("https://") || u.starts_with("http://"))
                .map(str::to_string)
        })
    });
    let Some(url) = url else {
        checks.add("file host", Status::Skip, "no file to reach yet (no agent)");
        return;
    };
    let host = url::Url::parse(&url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    match client.reach_file_host(&url) {
        Ok(()) => checks.add(
            "file host",
            Status::Ok,
            format!("{} reachable", shown(&host)),
        ),
        Err(e) if e.api().is_some() => checks.add(
            "file host",
            Status::Ok,
            format!("{} answers ({})", shown(&host), shown(&e.to_string())),
        ),
        Err(e) => checks.fail(
            "file host",
            format!("{} not reachable: {}", shown(&host), shown(&e.to_string())),
            "downloads need this host: check a proxy or firewall",
        ),
    }
}

fn print(ctx: &Ctx, checks: Vec<Check>, ready: bool) -> Result<(), CliError> {
    if ctx.out.json {
        return ctx.out.emit(&Report { ready, checks });
    }
    let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut text = String::new();
    for c in &checks {
        let mark = match c.status {
            Status::Ok => "✓",
            Status::Warn => "!",
            Status::Fail => "✗",
            Status::Skip => "-",
        };
        text.push_str(&format!("{mark} {:width$}  {}\n", c.name, c.detail));
        if let Some(hint) = &c.hint {
            text.push_str(&format!("  {:width$}  → {hint}\n", ""));
        }
    }
    text.push_str(if ready {
        "Ready to work."
    } else {
        "Not ready: fix the ✗ lines above."
    });
    ctx.out.data(&text)
}
