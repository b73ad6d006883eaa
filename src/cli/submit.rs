//! What every submit command shares: the idempotency key, the `--wait`
//! flags, local inputs read with a cap, `--dry-run` output, and the line
//! printed for a job that is not waited for.

use super::Ctx;
use super::args::SubmitFlags;
use super::exit::{CliError, Kind};
use super::text::shown;
use bithuman::generate::RequestPreview;
use bithuman::media::{self, MediaInput, MediaKind};
use bithuman::{Job, Price, Pricing, Submitted, new_idempotency_key};
use serde::Serialize;
use std::io::Read;
use std::path::PathBuf;

/// The largest script or prompt read from a file or stdin.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// `--dry-run` in `--json` mode.
#[derive(Serialize)]
struct DryRun<'a> {
    dry_run: bool,
    requests: &'a [RequestPreview],
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<&'a Price>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_credits: Option<u64>,
}

/// A submitted job that is not waited for, in `--json` mode.
#[derive(Serialize)]
struct Pending<'a> {
    kind: &'a str,
    id: &'a str,
    #[serde(flatten)]
    answer: &'a serde_json::Map<String, serde_json::Value>,
    idempotency_key: &'a str,
    replayed: bool,
}

/// `--download PATH` (SPEC §18): a folder, created when missing, unless PATH
/// ends with the job's file extension, in which case it is the file. So
/// `--download mymodels` saves `mymodels/<id>.imx`, never a file named
/// `mymodels`. `-` (stdout) is left for the caller to refuse.
pub fn download_target(path: PathBuf, extension: &str) -> PathBuf {
    let is_file = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if is_file || path.as_os_str() == "-" || bithuman::download::is_dir_target(&path) {
        return path;
    }
    let mut folder = path.into_os_string();
    folder.push(std::path::MAIN_SEPARATOR_STR);
    PathBuf::from(folder)
}

/// The key for this submit: `--idempotency-key`, else a fresh one.
pub fn key(flags: &SubmitFlags) -> Result<String, CliError> {
    match &flags.idempotency_key {
        Some(k) if k.trim().is_empty() || k.chars().any(char::is_control) => Err(CliError::usage(
            "--idempotency-key must be non-empty printable text",
        )),
        Some(k) => Ok(k.clone()),
        None => Ok(new_idempotency_key()),
    }
}

/// `--interval`/`--timeout` only mean something with `--wait`.
pub fn check_wait_flags(flags: &SubmitFlags) -> Result<(), CliError> {
    if !flags.wait
        && (flags.wait_flags.interval.is_some()
            || flags.wait_flags.timeout.is_some()
            || flags.wait_flags.via.is_some())
    {
        return Err(CliError::usage(
            "--interval, --timeout and --via need --wait",
        ));
    }
    Ok(())
}

/// Reads a text file or stdin (`-`), at most [`MAX_TEXT_BYTES`], as UTF-8
/// without its final newline. `what` names it in messages ("the prompt").
pub fn read_text(path: &str, what: &str) -> Result<String, CliError> {
    let text = read_text_or_empty(path, what)?;
    if text.trim().is_empty() {
        return Err(CliError::new(
            Kind::BadInput,
            format!("the {what} file {path} is empty"),
        ));
    }
    Ok(text)
}

/// [`read_text`] without its refusal of an empty text, for a caller that
/// gives empty text its own meaning.
pub fn read_text_or_empty(path: &str, what: &str) -> Result<String, CliError> {
    let bytes = if path == "-" {
        read_capped(&mut std::io::stdin().lock(), "stdin", what)?
    } else {
        let meta = std::fs::metadata(path)
            .map_err(|e| CliError::new(Kind::NotFoundLocal, format!("{what} file {path}: {e}")))?;
        if !meta.is_file() {
            return Err(CliError::new(
                Kind::NotFoundLocal,
                format!("{what} file {path} is not a regular file"),
            ));
        }
        let mut f = std::fs::File::open(path).map_err(|e| {
            CliError::new(
                Kind::NotFoundLocal,
                format!("cannot read {what} file {path}: {e}"),
            )
        })?;
        read_capped(&mut f, path, what)?
    };
    let text = String::from_utf8(bytes).map_err(|_| {
        CliError::new(
            Kind::BadInput,
            format!("{what} in {path} is not UTF-8 text"),
        )
    })?;
    // Like `$(cat file)`: the file's final newline is not part of the text.
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

// Reads at most MAX_TEXT_BYTES; more is bad input (65), not memory growth.
fn read_capped(input: &mut dyn Read, from: &str, what: &str) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            CliError::new(
                Kind::BadInput,
                format!("cannot read {what} from {from}: {e}"),
            )
        })?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(CliError::new(
            Kind::BadInput,
            format!(
                "{what} in {from} is over the {} MiB limit",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(bytes)
}

/// Resolves a media flag (URL, local file, `-`), preflighted unless `skip`.
pub fn media_input(arg: &str, kind: MediaKind, skip_checks: bool) -> Result<MediaInput, CliError> {
    let value = media::resolve(arg, kind, &mut std::io::stdin().lock())?;
    if let MediaInput::File(file) = &value
        && !skip_checks
    {
        media::preflight(file, kind)?;
    }
    Ok(value)
}

/// Prints `--dry-run` requests: JSON, or method, URL, headers and body;
/// with the job's price when `--max-credits` asked for it.
pub fn print_dry_run(
    ctx: &Ctx,
    requests: &[RequestPreview],
    price: Option<&Price>,
    max_credits: Option<u64>,
) -> Result<u8, CliError> {
    if ctx.out.json {
        ctx.out.emit(&DryRun {
            dry_run: true,
            requests,
            price,
            max_credits,
        })?;
    } else {
        let mut text = String::new();
        for r in requests {
            text.push_str(&format!("{} {}\n", r.method, r.url));
            for (k, v) in &r.headers {
                text.push_str(&format!("{k}: {v}\n"));
            }
            text.push('\n');
            text.push_str(&serde_json::to_string_pretty(&r.body).unwrap_or_default());
            text.push_str("\n\n");
        }
        if let (Some(p), Some(max)) = (price, max_credits) {
            let verdict = if p.credits > max { "over" } else { "within" };
            text.push_str(&format!(
                "price: {} credits ({}), {verdict} --max-credits {max}\n",
                p.credits, p.basis
            ));
        }
        ctx.out.data(text.trim_end())?;
        ctx.out.note("(dry run: nothing billed was sent)");
    }
    match (price, max_credits) {
        (Some(p), Some(max)) if p.credits > max => Err(over_budget("job", p, max)),
        _ => Ok(super::exit::code::OK),
    }
}

/// The budget guard (SPEC §9): with `--max-credits N`, prices the job from
/// `GET /v1/pricing` (free) and refuses it — exit 77, `BUDGET_EXCEEDED` —
/// before anything billed is sent when the price is over N. A plain
/// `--dry-run` (no N) reads nothing.
pub fn budget(
    ctx: &mut Ctx,
    max: Option<u64>,
    dry_run: bool,
    price_of: impl FnOnce(&Pricing) -> Option<Price>,
    what: &str,
) -> Result<Option<Price>, CliError> {
    let Some(max) = max else { return Ok(None) };
    let client = ctx.client()?;
    let pricing = client.pricing()?;
    let price = price_of(&pricing).ok_or_else(|| {
        CliError::new(
            Kind::NoPermission,
            format!("cannot price the {what}: /v1/pricing does not list a usable price for it, so --max-credits {max} cannot be checked; nothing was sent"),
        )
        .with_code("BUDGET_EXCEEDED")
        .with_hint("see: bithuman pricing")
    })?;
    if price.credits > max && !dry_run {
        return Err(over_budget(what, &price, max));
    }
    Ok(Some(price))
}

/// The refusal of a job priced over `--max-credits`: the same for a real
/// run and a dry run (which exits as the real run would, SPEC §18).
fn over_budget(what: &str, price: &Price, max: u64) -> CliError {
    CliError::new(
        Kind::NoPermission,
        format!(
            "the {what} costs {} credits ({}), over --max-credits {max}; nothing was sent",
            price.credits, price.basis
        ),
    )
    .with_code("BUDGET_EXCEEDED")
    .with_hint("raise --max-credits, or choose a cheaper model (see: bithuman pricing)")
}

/// The model from the config file or environment, checked like the flag's
/// value (clap checks the flag): a typo there is a usage error naming its
/// source, before anything is read or sent.
pub fn configured_model(
    model: &super::settings::Sourced<String>,
    accepted: &'static [&'static str],
) -> Result<String, CliError> {
    bithuman::models::check(&model.value, accepted).map_err(|e| {
        CliError::usage(format!("{e} (from {})", model.source))
            .with_hint("fix the setting, or pass --model")
    })?;
    Ok(model.value.clone())
}

/// Where `--dry-run` says the requests would go, and how the secret shows.
pub fn dry_run_target(ctx: &Ctx) -> Result<(String, &'static str), CliError> {
    let base = if ctx.settings.sandbox {
        "<built-in sandbox>".to_string()
    } else {
        ctx.settings.check_base_url()?;
        ctx.settings.base_url.value.clone()
    };
    let secret = if ctx.settings.sandbox || ctx.settings.secret.is_some() {
        "***"
    } else {
        "<not set>"
    };
    Ok((base, secret))
}

/// A job submitted and not waited for: its id alone on stdout (human) with a
/// hint on stderr, or one JSON object.
pub fn print_pending(
    ctx: &Ctx,
    job: &Job,
    submitted: &Submitted,
    key: &str,
) -> Result<u8, CliError> {
    if submitted.replayed {
        ctx.out.note(&format!(
            "note: the server replayed its earlier answer for idempotency key {}: nothing new was submitted or billed.",
            shown(key)
        ));
    }
    if ctx.out.json {
        ctx.out.emit(&Pending {
            kind: job.kind.as_str(),
            id: &job.id,
            answer: &submitted.fields,
            idempotency_key: key,
            replayed: submitted.replayed,
        })?;
    } else {
        ctx.out.data(&shown(&submitted.id))?;
        ctx.out.note(&format!(
            "Submitted. Follow it with: {}",
            ctx.resume_command(std::slice::from_ref(job))
        ));
    }
    Ok(super::exit::code::OK)
}
