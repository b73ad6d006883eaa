//! `bithuman dynamics generate|status`: gestures for an agent, a billed job
//! on the same engine and through the same submit pipeline.

use super::Ctx;
use super::args::{DynamicsCommand, DynamicsGenerateArgs};
use super::exit::CliError;
use super::submit::{self, Command, Flags};
use super::text::shown;
use super::wait;
use bithuman::blocking::Client;
use bithuman::media::MediaKind;
use bithuman::submit::DynamicsRequest;
use bithuman::{Job, Submitted};

pub fn run(ctx: &mut Ctx, command: DynamicsCommand) -> Result<u8, CliError> {
    match command {
        DynamicsCommand::Generate(a) => generate(ctx, a),
        DynamicsCommand::Status { agents } => {
            let jobs: Vec<Job> = agents.iter().map(|a| Job::dynamics(a)).collect();
            wait::show(ctx, &jobs)
        }
    }
}

/// `dynamics generate`'s part of the pipeline.
struct Gestures(DynamicsRequest);

fn generate(ctx: &mut Ctx, a: DynamicsGenerateArgs) -> Result<u8, CliError> {
    bithuman::client::validate_agent_id(&a.agent)?;
    let flags = Flags::resolve(ctx, &a.submit, None, None)?;
    let mut request = DynamicsRequest::new(&a.agent);
    request.duration = a.duration;
    request.image = a
        .image
        .as_deref()
        .map(|i| submit::media_input(i, MediaKind::Image, false))
        .transpose()?;
    submit::run(ctx, &flags, &Gestures(request))
}

impl Command for Gestures {
    type Request = DynamicsRequest;

    fn request(&self) -> &DynamicsRequest {
        &self.0
    }

    fn pending(
        &self,
        ctx: &Ctx,
        _client: &Client,
        job: &Job,
        answer: &Submitted,
        key: &str,
    ) -> Result<u8, CliError> {
        submit::print_pending(ctx, job, answer, key)
    }

    fn waiting(&self, ctx: &Ctx, job: &Job) -> String {
        format!(
            "Generating gestures for {}. Waiting; if you stop, check them with: {}",
            shown(&job.id),
            ctx.resume_command(std::slice::from_ref(job))
        )
    }
}
