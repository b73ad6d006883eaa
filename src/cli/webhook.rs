//! `webhook create|list|show|delete|test|deliveries|verify|listen`
//! (SPEC §16). The JSON objects printed here are also the MCP tools'
//! results (`list_webhooks`, `create_webhook`, `delete_webhook`).

mod listen;
mod request;
pub(super) mod via;

use super::Ctx;
use super::args::{WebhookCommand, WebhookCreateArgs, WebhookDeleteArgs, WebhookVerifyArgs};
use super::exit::{CliError, Kind, code, from_lib, unverified};
use super::table::{Table, table_width};
use super::text::shown;
use super::wait::{self, Failures};
use bithuman::webhook::{Delivery, TestDelivery, Webhook, WebhookWithSecret, validate_webhook_id};
use serde::Serialize;
use serde_json::Value;
use std::io::{BufRead, IsTerminal, Write};
use std::time::SystemTime;

/// The subcommand's name, for JSON error objects.
pub fn command_name(c: &WebhookCommand) -> &'static str {
    match c {
        WebhookCommand::Create(_) => "webhook create",
        WebhookCommand::List => "webhook list",
        WebhookCommand::Show { .. } => "webhook show",
        WebhookCommand::Delete(_) => "webhook delete",
        WebhookCommand::Test { .. } => "webhook test",
        WebhookCommand::Deliveries { .. } => "webhook deliveries",
        WebhookCommand::Verify(_) => "webhook verify",
        WebhookCommand::Listen(_) => "webhook listen",
    }
}

/// Runs one `webhook` subcommand.
pub fn run(ctx: &mut Ctx, c: WebhookCommand) -> Result<u8, CliError> {
    match c {
        WebhookCommand::Create(a) => create(ctx, a),
        WebhookCommand::List => list(ctx),
        WebhookCommand::Show { id } => show(ctx, &id),
        WebhookCommand::Delete(a) => delete(ctx, a),
        WebhookCommand::Test { id } => test(ctx, &id),
        WebhookCommand::Deliveries { id } => deliveries(ctx, &id),
        WebhookCommand::Verify(a) => verify(ctx, a),
        WebhookCommand::Listen(a) => listen::run(ctx, a),
    }
}

/// `webhook create --json`: the webhook and, this once, its secret.
#[derive(Serialize)]
struct Created<'a> {
    #[serde(flatten)]
    webhook: &'a Webhook,
    secret: &'a str,
}

#[derive(Serialize)]
struct Deleted<'a> {
    webhook_id: &'a str,
    deleted: bool,
}

#[derive(Serialize)]
struct Tested<'a> {
    webhook_id: &'a str,
    #[serde(flatten)]
    result: &'a TestDelivery,
}

#[derive(Serialize)]
struct Verified<'a> {
    valid: bool,
    timestamp: &'a str,
    delivery_id: Option<String>,
    event: Option<String>,
}

/// A typed output object as JSON, server text made safe (control and bidi
/// characters removed): what `--json` prints and what the MCP tools return
/// (both add `schema_version`, in [`super::output::versioned`]).
pub fn json_of<T: Serialize>(value: &T) -> Value {
    let mut v = serde_json::to_value(value).unwrap_or(Value::Null);
    bithuman::sanitize::sanitize_json(&mut v);
    v
}

/// `webhook create --json` (and the MCP `create_webhook` result).
pub fn created_json(created: &WebhookWithSecret) -> Value {
    json_of(&Created {
        webhook: &created.webhook,
        secret: created.secret.expose(),
    })
}

/// `webhook delete --json` (and the MCP `delete_webhook` result).
pub fn deleted_json(id: &str) -> Value {
    json_of(&Deleted {
        webhook_id: id,
        deleted: true,
    })
}

fn emit<T: Serialize>(ctx: &Ctx, value: &T) -> Result<(), CliError> {
    match json_of(value) {
        Value::Object(fields) => ctx.out.emit(&fields),
        _ => Ok(()),
    }
}

fn events_text(events: &[String]) -> String {
    if events.is_empty() {
        "all events".into()
    } else {
        events.join(",")
    }
}

fn create(ctx: &mut Ctx, a: WebhookCreateArgs) -> Result<u8, CliError> {
    // Checked before any request (and before a secret is needed): exit 2.
    bithuman::webhook::validate_webhook_url(&a.url).map_err(|e| super::exit::webhook_input(&e))?;
    let client = ctx.client()?;
    let created = client.create_webhook(&a.url, &a.events, a.description.as_deref())?;
    if ctx.out.json {
        ctx.out.emit(&created_json(&created))?;
    } else {
        let w = &created.webhook;
        ctx.out.data(&shown(&w.id))?;
        ctx.out.data(created.secret.expose())?;
        ctx.out.note(&format!(
            "Created webhook {} for {} ({}). The signing secret above is shown only once: store it now.",
            shown(&w.id),
            shown(&w.url),
            shown(&events_text(&w.events))
        ));
    }
    Ok(code::OK)
}

fn list(ctx: &mut Ctx) -> Result<u8, CliError> {
    let client = ctx.client()?;
    let hooks = client.list_webhooks()?;
    if ctx.out.json {
        for w in &hooks {
            emit(ctx, w)?;
        }
        return Ok(code::OK);
    }
    if hooks.is_empty() {
        ctx.out.note("No webhooks.");
        return Ok(code::OK);
    }
    let mut table = Table::new(&["ID", "URL", "EVENTS", "ACTIVE", "DESCRIPTION"], &[1, 4])
        .drop_order(&[4, 3, 2]);
    for w in &hooks {
        table.row(vec![
            w.id.clone(),
            w.url.clone(),
            events_text(&w.events),
            if w.active { "yes" } else { "no" }.into(),
            w.description.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    ctx.out.data(&table.render(table_width(&ctx.settings)))?;
    Ok(code::OK)
}

fn show(ctx: &mut Ctx, id: &str) -> Result<u8, CliError> {
    validate_webhook_id(id).map_err(|e| super::exit::webhook_input(&e))?;
    let client = ctx.client()?;
    let w = client
        .webhook(id)
        .map_err(|e| wait::about(id, from_lib(&e)))?;
    if ctx.out.json {
        emit(ctx, &w)?;
        return Ok(code::OK);
    }
    let rows = [
        ("id", w.id.clone()),
        ("url", w.url.clone()),
        ("events", events_text(&w.events)),
        ("active", if w.active { "yes" } else { "no" }.into()),
        (
            "description",
            w.description.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "created",
            w.created_at.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "updated",
            w.updated_at.clone().unwrap_or_else(|| "-".into()),
        ),
    ];
    let block = rows
        .iter()
        .map(|(k, v)| format!("{k:<13}{}", shown(v)))
        .collect::<Vec<_>>()
        .join("\n");
    ctx.out.block(&block)?;
    Ok(code::OK)
}

// Asks on a terminal; off one (or with --json) `--yes` is required, as for
// `agent delete`. Returns whether to go on.
fn confirmed(ctx: &Ctx, n: usize, yes: bool) -> Result<bool, CliError> {
    if yes {
        return Ok(true);
    }
    let interactive = ctx.settings.stdin_tty && std::io::stderr().is_terminal() && !ctx.out.json;
    if !interactive {
        return Err(CliError::usage(format!(
            "deleting {n} webhook(s) needs --yes when not asked on a terminal; nothing was deleted"
        )));
    }
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "Delete {n} webhook(s)? [y/N] ");
    let _ = err.flush();
    let mut answer = String::new();
    // One short line; an endless stdin cannot fill memory.
    let _ = std::io::Read::take(std::io::stdin().lock(), 64).read_line(&mut answer);
    Ok(matches!(
        answer.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

fn delete(ctx: &mut Ctx, a: WebhookDeleteArgs) -> Result<u8, CliError> {
    for id in &a.ids {
        validate_webhook_id(id).map_err(|e| super::exit::webhook_input(&e))?;
    }
    if !confirmed(ctx, a.ids.len(), a.yes)? {
        ctx.out.note("Nothing was deleted.");
        return Ok(code::OK);
    }
    let client = ctx.client()?;
    let mut failures = Failures::new(ctx);
    for id in &a.ids {
        match client.delete_webhook(id) {
            Ok(()) if ctx.out.json => ctx.out.emit(&deleted_json(id))?,
            Ok(()) => ctx.out.data(&format!("deleted {}", shown(id)))?,
            Err(e) => {
                failures.keep(ctx, wait::about(id, from_lib(&e)))?;
            }
        }
    }
    Ok(failures.finish(ctx))
}

fn test(ctx: &mut Ctx, id: &str) -> Result<u8, CliError> {
    validate_webhook_id(id).map_err(|e| super::exit::webhook_input(&e))?;
    let client = ctx.client()?;
    let result = client
        .test_webhook(id)
        .map_err(|e| wait::about(id, from_lib(&e)))?;
    if ctx.out.json {
        emit(
            ctx,
            &Tested {
                webhook_id: id,
                result: &result,
            },
        )?;
    } else {
        let status = result
            .status_code
            .map_or("no answer".to_string(), |s| format!("HTTP {s}"));
        let word = if result.delivered {
            "delivered"
        } else {
            "not delivered"
        };
        ctx.out.data(&format!(
            "{word} ({status}, {} attempt(s))",
            result.attempts
        ))?;
    }
    // Like `doctor`: the call worked, but a ping that did not arrive is a
    // failure a script must see.
    Ok(if result.delivered {
        code::OK
    } else {
        code::FAILURE
    })
}

fn deliveries(ctx: &mut Ctx, id: &str) -> Result<u8, CliError> {
    validate_webhook_id(id).map_err(|e| super::exit::webhook_input(&e))?;
    let client = ctx.client()?;
    let rows: Vec<Delivery> = client
        .deliveries(id)
        .map_err(|e| wait::about(id, from_lib(&e)))?;
    if ctx.out.json {
        for d in &rows {
            emit(ctx, d)?;
        }
        return Ok(code::OK);
    }
    if rows.is_empty() {
        ctx.out.note("No deliveries yet.");
        return Ok(code::OK);
    }
    let mut table = Table::new(
        &["ID", "EVENT", "STATUS", "ATTEMPTS", "DELIVERED", "CREATED"],
        &[],
    )
    .drop_order(&[5, 3]);
    for d in &rows {
        table.row(vec![
            d.id.clone(),
            d.event_type.clone(),
            d.status_code.map_or("-".into(), |s| s.to_string()),
            d.attempts.to_string(),
            if d.delivered { "yes" } else { "no" }.into(),
            d.created_at.clone().unwrap_or_else(|| "-".into()),
        ]);
    }
    ctx.out.data(&table.render(table_width(&ctx.settings)))?;
    Ok(code::OK)
}

fn verify(ctx: &mut Ctx, a: WebhookVerifyArgs) -> Result<u8, CliError> {
    let tolerance = ctx.parse_duration("--tolerance", &a.tolerance)?;
    let delivery = match (&a.request, a.timestamp, a.signature) {
        (Some(path), _, _) => request::read_request(path)?,
        (None, Some(timestamp), Some(signature)) => request::Delivery {
            timestamp: Some(timestamp),
            signature: Some(signature),
            delivery_id: None,
            body: request::read_body(&mut std::io::stdin().lock())?,
        },
        _ => {
            return Err(CliError::usage(
                "give --timestamp and --signature (with the body on stdin), or --request",
            ));
        }
    };
    let (Some(timestamp), Some(signature)) = (&delivery.timestamp, &delivery.signature) else {
        return Err(CliError::new(
            Kind::Unverified,
            "delivery refused: the request has no X-BitHuman-Timestamp or X-BitHuman-Signature header",
        )
        .with_code("MISSING_SIGNATURE"));
    };
    bithuman::verify(
        &a.secret,
        timestamp,
        signature,
        &delivery.body,
        SystemTime::now(),
        tolerance,
    )
    .map_err(|e| unverified(&e))?;
    let event = bithuman::Event::parse(&delivery.body).ok();
    let out = Verified {
        valid: true,
        timestamp,
        delivery_id: delivery
            .delivery_id
            .clone()
            .or_else(|| event.as_ref().map(|e| e.id.clone())),
        event: event.as_ref().map(|e| e.event.clone()),
    };
    if ctx.out.json {
        emit(ctx, &out)?;
    } else {
        let what = out.event.as_deref().map(shown).unwrap_or_default();
        ctx.out.data(format!("valid {what}").trim_end())?;
    }
    Ok(code::OK)
}
