//! `bithuman agent …`: adding a model to an agent (a billed job on the same
//! engine), and the agent job's commands under their group name.

use super::Ctx;
use super::args::{AddModelArgs, AgentCommand};
use super::exit::{CliError, code};
use super::interrupt::{self, Phase};
use super::submit;
use super::text::shown;
use super::video::{interrupted_submit, submit_error};
use super::{download, generate, manage, wait};
use bithuman::generate::RequestPreview;
use bithuman::wait::WaitOutcome;
use bithuman::{Job, JobKind};
use serde_json::{Value, json};

pub fn run(ctx: &mut Ctx, command: AgentCommand) -> Result<u8, CliError> {
    match command {
        AgentCommand::AddModel(a) => add_model(ctx, a),
        AgentCommand::List(a) => manage::list(ctx, a),
        AgentCommand::Show { ids } => manage::show(ctx, &ids),
        AgentCommand::Update(a) => manage::update(ctx, a),
        AgentCommand::Delete(a) => manage::delete(ctx, a),
        AgentCommand::Generate(a) => generate::run(ctx, a),
        AgentCommand::Status(a) => wait::status(ctx, a),
        AgentCommand::Wait(a) => wait::wait(ctx, a),
        AgentCommand::Download(a) => download::run(ctx, a),
        AgentCommand::Speak(a) => super::live::speak(ctx, a),
        AgentCommand::Context(a) => super::live::context(ctx, a),
    }
}

fn add_model(ctx: &mut Ctx, mut a: AddModelArgs) -> Result<u8, CliError> {
    a.download = a.download.map(|p| submit::download_target(p, "imx"));
    bithuman::client::validate_agent_id(&a.id)?;
    submit::check_wait_flags(&a.submit)?;
    if a.download.is_some() && a.model != "essence-1" {
        return Err(CliError::usage(format!(
            "--download is for --model essence-1 (the model with a downloadable .imx), not {}",
            a.model
        ))
        .with_hint("download other models later with: bithuman download <id> --model <name>"));
    }
    if let Some(target) = &a.download {
        bithuman::download::precheck(target, false).map_err(|e| {
            CliError::from(e)
                .with_hint("choose another --download path, or move the existing file away")
        })?;
    }
    let key = submit::key(&a.submit)?;
    let mut job = Job::model(&a.id, &a.model);
    let options = ctx.wait_options(&a.submit.wait_flags, Some(&a.model))?;
    let price = submit::budget(
        ctx,
        a.submit.max_credits,
        a.submit.dry_run,
        |p| p.model_add(&a.model),
        "model add",
    )?;
    if a.submit.dry_run {
        let (base, secret) = submit::dry_run_target(ctx)?;
        let path = JobKind::Model.submit_path(Some(&a.id))?;
        return submit::print_dry_run(
            ctx,
            &[RequestPreview::json(
                &base,
                &path,
                secret,
                Some(&key),
                &json!({"model": a.model}),
            )],
            price.as_ref(),
            a.submit.max_credits,
        );
    }
    let client = ctx.client()?;
    interrupt::set(Phase::Creating {
        message: ctx.out.error_text(&interrupted_submit("model", &key)),
    });
    let submitted = client.add_model(&a.id, &a.model, &key);
    interrupt::set(Phase::Idle);
    let submitted = submitted.map_err(|e| submit_error(&e, "model", &key))?;
    job.id = submitted.id.clone();
    let credits = submitted
        .fields
        .get("credits")
        .cloned()
        .unwrap_or(Value::Null);
    let extra = [
        ("added_model", Value::from(a.model.as_str())),
        ("credits", credits),
    ];
    if !a.submit.wait {
        return not_waited(ctx, &client, &job, &submitted, &key, &extra);
    }
    ctx.out.note(&format!(
        "Adding {} to agent {}. Waiting; if you stop, check it with: {}",
        shown(&a.model),
        shown(&job.id),
        ctx.resume_command(std::slice::from_ref(&job))
    ));
    let mut exit = code::OK;
    wait::run(
        ctx,
        &client,
        std::slice::from_ref(&job),
        &options,
        |ctx, job, outcome| {
            exit = match (outcome, &a.download) {
                (WaitOutcome::Ready(record), Some(target)) => download::after_ready_with(
                    ctx,
                    &client,
                    job,
                    record,
                    Some("essence-1"),
                    target,
                    &extra,
                )?,
                (outcome, _) => wait::report(ctx, job, outcome, &extra)?,
            };
            Ok(())
        },
    )?;
    Ok(exit)
}

/// A model add not waited for (SPEC §8): the agent's record, plus what was
/// added and charged, and how to follow it while it is still being added.
fn not_waited(
    ctx: &Ctx,
    client: &bithuman::blocking::Client,
    job: &Job,
    submitted: &bithuman::Submitted,
    key: &str,
    extra: &[(&str, Value)],
) -> Result<u8, CliError> {
    if submitted.replayed {
        ctx.out.note("note: the server replayed its earlier answer for this idempotency key: nothing new was billed.");
    }
    match client.agent(&job.id) {
        Ok(record) => {
            ctx.out.record(&Job::agent(&job.id), &record, extra)?;
            if !job.state(&record).eq(&bithuman::record::AgentState::Ready) {
                ctx.out.note(&format!(
                    "Adding {}; follow it with: {}",
                    shown(job.model.as_deref().unwrap_or_default()),
                    ctx.resume_command(std::slice::from_ref(job))
                ));
            }
            Ok(code::OK)
        }
        Err(_) => submit::print_pending(ctx, job, submitted, key),
    }
}
