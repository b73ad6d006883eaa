//! Talking to an agent in a live room (`agent speak|context`) and minting
//! an embed token (`embed-token`).

use super::Ctx;
use super::args::{AgentContextArgs, AgentTextArgs, EmbedTokenArgs, TextSource};
use super::exit::{CliError, code, from_lib};
use super::session::{emit_value, to_value};
use super::submit;
use super::text::shown;
use bithuman::session::{ContextKind, EmbedRequest};
use serde::Serialize;

// The text of `agent speak|context`: --text, --file PATH (or -), or `-`.
fn read_source(source: &TextSource, what: &str) -> Result<String, CliError> {
    match (&source.text, &source.file) {
        (Some(t), _) => Ok(t.clone()),
        (None, Some(path)) => submit::read_text(path, what),
        (None, None) => submit::read_text("-", what),
    }
}

fn delivered(
    ctx: &mut Ctx,
    a: &AgentTextArgs,
    send: impl FnOnce(&bithuman::blocking::Client, &str) -> bithuman::error::Result<bithuman::Delivered>,
    what: &str,
) -> Result<u8, CliError> {
    bithuman::client::validate_agent_id(&a.id)?;
    let text = read_source(&a.source, what)?;
    let client = ctx.client()?;
    let answer = send(&client, &text).map_err(|e| delivery_error(&e, &a.id, a.room.as_deref()))?;
    if ctx.out.json {
        emit_value(ctx, to_value(&answer))?;
    } else {
        let rooms = answer.delivered_to_rooms;
        ctx.out.data(&format!(
            "delivered to {} room(s)",
            rooms.map_or_else(|| "?".into(), |n| n.to_string())
        ))?;
        if rooms == Some(0) {
            ctx.out.warn("no room received it: nobody heard it");
        }
    }
    Ok(code::OK)
}

/// A speak or add-context failure; a 404 means the agent has no live room
/// (exit 66), said plainly with how to get one.
pub fn delivery_error(e: &bithuman::Error, agent: &str, room: Option<&str>) -> CliError {
    let mut err = from_lib(e);
    if e.api().is_some_and(|api| api.status == 404) {
        err.message = format!(
            "agent {} has no live room{}: nobody heard it ({})",
            shown(agent),
            room.map_or_else(String::new, |r| format!(" {}", shown(r))),
            err.message
        );
        err.hint = Some("a room is live while someone is connected (web viewer, embed, LiveKit, dashboard); start one with: bithuman session start".into());
    }
    err
}

/// `agent speak ID --text T|--file F|-`.
pub fn speak(ctx: &mut Ctx, a: AgentTextArgs) -> Result<u8, CliError> {
    let room = a.room.clone();
    let id = a.id.clone();
    delivered(
        ctx,
        &a,
        |c, text| c.speak(&id, text, room.as_deref()),
        "text to speak",
    )
}

/// `agent context ID --text T|--file F|- [--speak]`.
pub fn context(ctx: &mut Ctx, a: AgentContextArgs) -> Result<u8, CliError> {
    let kind = if a.speak {
        ContextKind::Speak
    } else {
        ContextKind::Knowledge
    };
    let room = a.inner.room.clone();
    let id = a.inner.id.clone();
    delivered(
        ctx,
        &a.inner,
        |c, text| c.add_context(&id, text, kind, room.as_deref()),
        "context",
    )
}

#[derive(Serialize)]
struct EmbedOut<'a> {
    agent_id: &'a str,
    token: &'a str,
    sid: Option<&'a str>,
    model: Option<&'a str>,
}

/// `embed-token --agent ID [--fingerprint HEX] [--model M]`: the token on
/// stdout only, as data (never in a note or a log).
pub fn embed_token(ctx: &mut Ctx, a: EmbedTokenArgs) -> Result<u8, CliError> {
    let fingerprint = a.fingerprint.clone().unwrap_or_else(random_fingerprint);
    let mut request = EmbedRequest::new(&a.agent, &fingerprint);
    request.model = a.model.clone();
    bithuman::client::validate_agent_id(&a.agent)?;
    let client = ctx.client()?;
    let minted = client.embed_token(&request)?;
    if ctx.out.json {
        ctx.out.emit(&EmbedOut {
            agent_id: &a.agent,
            token: minted.token.expose(),
            sid: minted.sid.as_deref(),
            model: minted.model.as_deref(),
        })?;
    } else {
        ctx.out.data(&shown(minted.token.expose()))?;
        ctx.out
            .note("The token is valid for one hour; treat it as a password.");
    }
    Ok(code::OK)
}

fn random_fingerprint() -> String {
    // A fresh idempotency key is 16 random bytes in hex after `bh-`.
    bithuman::new_idempotency_key()
        .trim_start_matches("bh-")
        .to_string()
}
