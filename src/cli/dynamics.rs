//! `bithuman dynamics generate|status`: gestures for an agent, a billed job
//! on the same engine.

use super::Ctx;
use super::args::{DynamicsCommand, DynamicsGenerateArgs};
use super::exit::{CliError, code};
use super::interrupt::{self, Phase};
use super::submit;
use super::text::shown;
use super::video::{interrupted_submit, submit_error};
use super::wait;
use bithuman::generate::RequestPreview;
use bithuman::media::{MediaInput, MediaKind};
use bithuman::{Job, JobKind};
use serde_json::{Value, json};

pub fn run(ctx: &mut Ctx, command: DynamicsCommand) -> Result<u8, CliError> {
    match command {
        DynamicsCommand::Generate(a) => generate(ctx, a),
        DynamicsCommand::Status { agents } => {
            let jobs: Vec<Job> = agents.iter().map(|a| Job::dynamics(a)).collect();
            wait::show(ctx, &jobs)
        }
    }
}

fn generate(ctx: &mut Ctx, a: DynamicsGenerateArgs) -> Result<u8, CliError> {
    bithuman::client::validate_agent_id(&a.agent)?;
    submit::check_wait_flags(&a.submit)?;
    let key = submit::key(&a.submit)?;
    let options = ctx.wait_options(&a.submit.wait_flags, None)?;
    let image = a
        .image
        .as_deref()
        .map(|i| submit::media_input(i, MediaKind::Image, false))
        .transpose()?;
    let price = submit::budget(
        ctx,
        a.submit.max_credits,
        a.submit.dry_run,
        bithuman::Pricing::dynamics,
        "gestures",
    )?;
    if a.submit.dry_run {
        let (base, secret) = submit::dry_run_target(ctx)?;
        let mut requests = Vec::new();
        let mut body = json!({"agent_id": a.agent});
        if let Some(d) = a.duration {
            body["duration"] = Value::from(d);
        }
        match &image {
            Some(MediaInput::File(f)) => {
                requests.push(RequestPreview::upload(&base, secret, f, MediaKind::Image)?);
                body["image_url"] = Value::from(format!(
                    "<file_url returned by the upload of {}>",
                    f.file_name
                ));
            }
            Some(MediaInput::Url(u)) => body["image_url"] = Value::from(u.as_str()),
            None => {}
        }
        let path = JobKind::Dynamics.submit_path(None)?;
        requests.push(RequestPreview::json(
            &base,
            &path,
            secret,
            Some(&key),
            &body,
        ));
        return submit::print_dry_run(ctx, &requests, price.as_ref(), a.submit.max_credits);
    }
    let client = ctx.client()?;
    let image_url = match image {
        Some(MediaInput::Url(u)) => Some(u),
        Some(MediaInput::File(f)) => {
            ctx.out.note(&format!("Uploading {}…", shown(&f.display)));
            Some(client.upload(&f, MediaKind::Image, None).map_err(|e| {
                CliError::from(bithuman::Error::Upload {
                    file: f.display.clone(),
                    source: Box::new(e),
                })
            })?)
        }
        None => None,
    };
    interrupt::set(Phase::Creating {
        message: ctx.out.error_text(&interrupted_submit("gestures", &key)),
    });
    let submitted = client.create_dynamics(&a.agent, a.duration, image_url.as_deref(), &key);
    interrupt::set(Phase::Idle);
    let submitted = submitted.map_err(|e| submit_error(&e, "gestures", &key))?;
    let job = Job::dynamics(&submitted.id);
    if !a.submit.wait {
        return submit::print_pending(ctx, &job, &submitted, &key);
    }
    ctx.out.note(&format!(
        "Generating gestures for {}. Waiting; if you stop, check them with: {}",
        shown(&job.id),
        ctx.resume_command(std::slice::from_ref(&job))
    ));
    let mut exit = code::OK;
    wait::run(ctx, &client, &[job], &options, |ctx, job, outcome| {
        exit = wait::report(ctx, job, outcome, &[])?;
        Ok(())
    })?;
    Ok(exit)
}
