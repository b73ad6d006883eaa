//! `bithuman agent …`: adding a model to an agent (a billed job on the same
//! engine), and the agent job's commands under their group name.

use super::Ctx;
use super::args::{AddModelArgs, AgentCommand};
use super::exit::{CliError, code};
use super::submit::{self, Command, Flags};
use super::text::shown;
use super::{download, generate, manage, wait};
use bithuman::blocking::Client;
use bithuman::record::AgentState;
use bithuman::submit::AddModelRequest;
use bithuman::{Job, Record, Submitted};
use serde_json::Value;
use std::path::Path;

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

/// `agent add-model`'s part of the pipeline.
struct AddModel(AddModelRequest);

fn add_model(ctx: &mut Ctx, mut a: AddModelArgs) -> Result<u8, CliError> {
    a.download = a.download.map(|p| submit::download_target(p, "imx"));
    bithuman::client::validate_agent_id(&a.id)?;
    if a.download.is_some() && a.model != "essence-1" {
        return Err(CliError::usage(format!(
            "--download is for --model essence-1 (the model with a downloadable .imx), not {}",
            a.model
        ))
        .with_hint("download other models later with: bithuman download <id> --model <name>"));
    }
    let flags = Flags::resolve(ctx, &a.submit, a.download.take(), Some(&a.model))?;
    submit::run(
        ctx,
        &flags,
        &AddModel(AddModelRequest::new(&a.id, &a.model)),
    )
}

impl Command for AddModel {
    type Request = AddModelRequest;

    fn request(&self) -> &AddModelRequest {
        &self.0
    }

    // What was added and charged, beside the agent's record.
    fn extra(&self, answer: &Submitted) -> Vec<(&'static str, Value)> {
        let credits = answer.fields.get("credits").cloned().unwrap_or(Value::Null);
        vec![
            ("added_model", Value::from(self.0.model.as_str())),
            ("credits", credits),
        ]
    }

    /// A model add not waited for (SPEC §8): the agent's record, plus what
    /// was added and charged, and how to follow it while it is still being
    /// added.
    fn pending(
        &self,
        ctx: &Ctx,
        client: &Client,
        job: &Job,
        answer: &Submitted,
        key: &str,
    ) -> Result<u8, CliError> {
        match client.agent(&job.id) {
            Ok(record) => {
                ctx.out
                    .record(&Job::agent(&job.id), &record, &self.extra(answer))?;
                if job.state(&record) != AgentState::Ready {
                    ctx.out.note(&format!(
                        "Adding {}; follow it with: {}",
                        shown(&self.0.model),
                        ctx.resume_command(std::slice::from_ref(job))
                    ));
                }
                Ok(code::OK)
            }
            Err(_) => submit::print_pending(ctx, job, answer, key),
        }
    }

    fn waiting(&self, ctx: &Ctx, job: &Job) -> String {
        format!(
            "Adding {} to agent {}. Waiting; if you stop, check it with: {}",
            shown(&self.0.model),
            shown(&job.id),
            ctx.resume_command(std::slice::from_ref(job))
        )
    }

    fn save(
        &self,
        ctx: &Ctx,
        client: &Client,
        job: &Job,
        record: Record,
        target: &Path,
        extra: &[(&str, Value)],
    ) -> Result<u8, CliError> {
        download::after_ready_with(ctx, client, job, record, Some("essence-1"), target, extra)
    }
}
