//! `bithuman mcp`: a Model Context Protocol server on stdin/stdout (rmcp,
//! the official Rust SDK) over the same library and settings as every
//! command. Results are the `--json` objects; failures are tool results
//! with `isError: true` and the SPEC §5 error object. Waits are bounded
//! (≤ 600 s a call), report progress when the client sent a
//! `progressToken`, and stop on `notifications/cancelled`. Only protocol
//! messages go to stdout; the library's blocking calls run off the async
//! runtime. Local paths are confined ([`paths`]), billed calls capped
//! ([`budget`]), and every line in and out checked ([`transport`]).

mod budget;
mod paths;
mod transport;

use super::Ctx;
use super::args::McpArgs;
use super::exit::{CliError, Kind, from_lib};
use super::output::{error_value, record_value, versioned};
use super::submit::checked_key;
use bithuman::blocking::Client;
use bithuman::media::{self, MediaInput, MediaKind};
use bithuman::submit::{Answer, Submit};
use bithuman::video::{VideoInput, VideoRequest};
use bithuman::wait::{ReadPace, Timeout, WaitEvent, WaitOptions, WaitOutcome, Waiter};
use bithuman::{Cancel, GenerateRequest, Job};
use budget::{Budget, surely_unbilled};
use paths::Confinement;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolResult, Implementation, ProgressNotificationParam, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{RoleServer, ServerHandler, ServiceExt, schemars, tool, tool_handler, tool_router};
use serde::Deserialize;
use serde_json::{Value, json};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The longest wait one call may make.
const MAX_WAIT_SECONDS: u64 = 600;
/// The wait when the call does not say.
const DEFAULT_WAIT_SECONDS: u64 = 120;

#[derive(Clone)]
struct Server {
    client: Arc<Client>,
    model: String,
    video_model: String,
    paths: Arc<Confinement>,
    budget: Arc<Budget>,
    /// One read schedule for every wait of this server (SPEC §15): many
    /// concurrent waits share the account's read bucket instead of each
    /// polling on its own.
    reads: ReadPace,
    tool_router: ToolRouter<Self>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct GenerateAgent {
    /// The agent's system prompt.
    prompt: Option<String>,
    /// Face image: an http(s) URL or a local file path (uploaded; only below the server's working folder or an --allow-path folder).
    image: Option<String>,
    /// Voice sample: an http(s) URL or a local file path (uploaded; only below the server's working folder or an --allow-path folder).
    audio: Option<String>,
    /// Model: essence-1 (default: has a downloadable .imx), expression-1, essence-2, expression-2, auto.
    model: Option<String>,
    /// Idempotency key: sending the same key again never creates or bills a second agent.
    idempotency_key: Option<String>,
    /// Refuse (BUDGET_EXCEEDED, nothing billed) when this agent would cost more credits than this.
    max_credits: Option<u64>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct AgentId {
    /// The agent's id (e.g. A91XMB7113).
    agent_id: String,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct WaitAgent {
    /// The agent's id.
    agent_id: String,
    /// How long this call waits, at most 600 (default 120); call again to keep waiting.
    timeout_seconds: Option<u64>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct DownloadModel {
    /// The agent's id.
    agent_id: String,
    /// Where to save the .imx: a new file, or a folder (ending in /), below the server's working folder or an --allow-path folder.
    path: String,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct ListAgents {
    /// Agents per page, 1 to 100 (default 20).
    limit: Option<u32>,
    /// How many to skip (default 0).
    offset: Option<u64>,
    /// Only agents with this status (e.g. ready).
    status: Option<String>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct GenerateVideo {
    /// The agent that speaks.
    agent_id: String,
    /// What it says (at most 5000 characters); or give audio.
    text: Option<String>,
    /// A recording to lip-sync: an http(s) URL or a local file path (uploaded; only below the server's working folder or an --allow-path folder).
    audio: Option<String>,
    /// Engine: essence-1 (default), expression-1, essence-2, essence-2-max, expression-2.
    model: Option<String>,
    /// A voice id for the text, instead of the agent's own.
    voice: Option<String>,
    /// Idempotency key: the same key never renders (or bills) twice.
    idempotency_key: Option<String>,
    /// Refuse (BUDGET_EXCEEDED, nothing billed) when this video would cost more credits than this (text is priced at the 2-minute maximum).
    max_credits: Option<u64>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct JobId {
    /// The video job's id.
    job_id: String,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct WaitVideo {
    /// The video job's id.
    job_id: String,
    /// How long this call waits, at most 600 (default 120); call again to keep waiting.
    timeout_seconds: Option<u64>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct DownloadVideo {
    /// The video job's id.
    job_id: String,
    /// Where to save the mp4: a new file, or a folder (ending in /), below the server's working folder or an --allow-path folder.
    path: String,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct Nothing {}

#[derive(Deserialize, schemars::JsonSchema)]
struct ListSessions {
    /// live (default), recent or all.
    window: Option<String>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct EndSession {
    /// The session: a cs_… id or a UUID from list_sessions.
    session_id: String,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct AgentSpeak {
    /// The agent's id.
    agent_id: String,
    /// What it says (at most 5000 characters).
    text: String,
    /// Only this room (default: every live room of the agent).
    room: Option<String>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct CreateWebhook {
    /// Where the API delivers events: an https URL (http only for local tests).
    url: String,
    /// Only these events: agent.ready, agent.failed, video.completed, video.failed (default: all).
    events: Option<Vec<String>>,
    /// A note to tell webhooks apart.
    description: Option<String>,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct WebhookId {
    /// The webhook's id (a UUID).
    webhook_id: String,
}

type ToolResult = Result<CallToolResult, rmcp::ErrorData>;

/// The §5 error object (the one `--json` prints) as a tool error.
fn failure(err: &CliError, command: &str) -> CallToolResult {
    CallToolResult::structured_error(error_value(err, command))
}

/// A result: the object `--json` prints for the same work.
fn ok(value: Value) -> ToolResult {
    Ok(CallToolResult::structured(versioned(value)))
}

/// A media argument: a URL as it is; a local file only where [`Confinement`]
/// allows, checked before the file is opened at all.
fn media_input(
    paths: &Confinement,
    arg: &str,
    kind: MediaKind,
    argument: &str,
) -> Result<MediaInput, CliError> {
    if arg == "-" {
        return Err(CliError::usage(
            "stdin (-) cannot be used from MCP; give a URL or a file path",
        ));
    }
    let value = if arg.is_empty() || media::is_url(arg) {
        media::resolve(arg, kind, &mut std::io::empty())?
    } else {
        MediaInput::File(media::LocalFile::open(paths.readable(arg, argument)?)?)
    };
    if let MediaInput::File(f) = &value {
        media::preflight(f, kind)?;
    }
    Ok(value)
}

/// A billed tool call through the steps the CLI's submit pipeline shares:
/// priced against the caps (reserved), then sent; its reservation given
/// back when the call surely billed nothing.
fn billed<R: Submit>(
    client: &Client,
    budget: &Budget,
    max_credits: Option<u64>,
    request: &R,
    key: &str,
) -> Result<R::Answer, CliError> {
    let reserved = budget.reserve(
        client,
        max_credits,
        |p| request.price(p),
        request.noun(),
        key,
    )?;
    let answer = request.send(client, key, None);
    if let Some(reserved) = reserved
        && answer
            .as_ref()
            .map_or_else(surely_unbilled, Answer::replayed)
    {
        reserved.release();
    }
    answer.map_err(|e| from_lib(&e))
}

impl Server {
    /// Runs a blocking library call off the async runtime; the call's own
    /// client stops when the request is cancelled.
    async fn blocking<T: Send + 'static>(
        &self,
        context: &RequestContext<RoleServer>,
        work: impl FnOnce(Client) -> Result<T, CliError> + Send + 'static,
    ) -> Result<T, CliError> {
        let cancel = Arc::new(Cancel::default());
        let client = self.client.with_cancel(cancel.clone());
        let ct = context.ct.clone();
        // A thread of its own, not `spawn_blocking`: the blocking client
        // refuses to run on a thread that is inside the async runtime.
        let (tx, task) = tokio::sync::oneshot::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work(client));
        });
        tokio::pin!(task);
        tokio::select! {
            done = &mut task => done.unwrap_or_else(|_| Err(CliError::new(Kind::Other, "the call failed: its thread stopped"))),
            () = ct.cancelled() => {
                cancel.cancel();
                let _ = task.await;
                Err(CliError::new(Kind::Interrupted, "cancelled by the client"))
            }
        }
    }

    /// A tool call: `work` off the async runtime, its value the result, its
    /// error the §5 error object in an `isError` result.
    async fn tool(
        &self,
        context: &RequestContext<RoleServer>,
        command: &str,
        work: impl FnOnce(Client) -> Result<Value, CliError> + Send + 'static,
    ) -> ToolResult {
        self.blocking(context, work)
            .await
            .map_or_else(|e| Ok(failure(&e, command)), ok)
    }

    /// Waits up to `seconds` for `job` (its id checked first: one safe path
    /// segment), with progress notifications.
    async fn wait(
        &self,
        job: Job,
        seconds: Option<u64>,
        context: RequestContext<RoleServer>,
        command: &str,
    ) -> ToolResult {
        if let Err(e) = bithuman::client::validate_agent_id(&job.id) {
            return Ok(failure(&from_lib(&e), command));
        }
        let seconds = seconds
            .unwrap_or(DEFAULT_WAIT_SECONDS)
            .clamp(1, MAX_WAIT_SECONDS);
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(f64, String)>();
        let token = context.meta.get_progress_token();
        let peer = context.peer.clone();
        let forward = tokio::spawn(async move {
            while let Some((progress, message)) = rx.recv().await {
                if let Some(token) = &token {
                    let _ = peer
                        .notify_progress(
                            ProgressNotificationParam::new(token.clone(), progress)
                                .with_total(100.0)
                                .with_message(message),
                        )
                        .await;
                }
            }
        });
        let polled = job.clone();
        let reads = self.reads.clone();
        let outcome = self
            .blocking(&context, move |client| {
                poll_until_done(&client, polled, seconds, &tx, reads)
            })
            .await;
        let _ = forward.await;
        wait_result(&job, outcome, command)
    }
}

/// Polls `job` until it is done or `seconds` pass, sending (percent,
/// message) for each answer.
fn poll_until_done(
    client: &Client,
    job: Job,
    seconds: u64,
    tx: &tokio::sync::mpsc::UnboundedSender<(f64, String)>,
    reads: ReadPace,
) -> Result<WaitOutcome, CliError> {
    // The reads of this wait feed the server's one schedule.
    let client = &client.fresh_with_hook(reads.hook());
    let options = WaitOptions {
        interval: if cfg!(test) {
            Duration::from_secs(1)
        } else {
            Duration::from_secs(2)
        },
        timeout: Timeout::Fixed(Some(Duration::from_secs(seconds))),
    };
    let mut waiter = Waiter::new(&options).with_reads(reads);
    waiter.add(job);
    let started = Instant::now();
    loop {
        let mut done = waiter.poll_due(client, |e| {
            if let WaitEvent::Polled { job, record } = e {
                let p = record.progress_percent().unwrap_or(0.0);
                let _ = tx.send((
                    p,
                    format!(
                        "{} {} ({}s)",
                        job.id,
                        job.shown_status(record),
                        started.elapsed().as_secs()
                    ),
                ));
            }
        });
        if let Some((_, _, outcome)) = done.pop() {
            return Ok(outcome);
        }
        let Some(next) = waiter.next_due() else {
            return Err(CliError::new(Kind::Other, "nothing to wait for"));
        };
        client
            .sleep(next.saturating_duration_since(Instant::now()))
            .map_err(|e| from_lib(&e))?;
    }
}

/// A wait's outcome as a tool result: the record, `{"done": false, …}`
/// after this call's time, or the §5 error object.
fn wait_result(job: &Job, outcome: Result<WaitOutcome, CliError>, command: &str) -> ToolResult {
    match outcome {
        Err(e) => Ok(failure(&e, command)),
        Ok(WaitOutcome::Ready(record)) => ok(record_value(job, &record, &[])),
        Ok(WaitOutcome::Failed(record)) => {
            let why = job
                .failure(&record)
                .unwrap_or("no error message given")
                .to_string();
            let err = CliError::new(Kind::Failed, format!("{} failed: {why}", job.id)).with_code(
                match job.kind {
                    bithuman::JobKind::Agent => "GENERATION_FAILED",
                    _ => "JOB_FAILED",
                },
            );
            let mut result = failure(&err, command);
            if let Some(Value::Object(map)) = result.structured_content.as_mut() {
                map.insert("record".into(), versioned(record_value(job, &record, &[])));
            }
            Ok(result)
        }
        Ok(WaitOutcome::TimedOut {
            last,
            last_error: None,
        }) => ok(json!({
            "done": false,
            "id": job.id,
            "status": last.as_ref().map(|r| job.shown_status(r).to_string()),
            "progress": last.as_ref().and_then(|r| r.progress()),
            "hint": format!("still running (not failed): call {command} again"),
        })),
        Ok(WaitOutcome::TimedOut {
            last_error: Some(e),
            ..
        })
        | Ok(WaitOutcome::Error { error: e, .. }) => Ok(failure(&from_lib(&e), command)),
        Ok(WaitOutcome::Interrupted { .. }) => Ok(failure(
            &CliError::new(Kind::Interrupted, "cancelled by the client"),
            command,
        )),
    }
}

#[tool_router]
impl Server {
    /// Create a talking-avatar agent from a prompt, a face image and/or a voice sample. BILLED: the model's price from the pricing tool (essence-1 250 credits). Safe to retry with the same idempotency_key (never billed twice). max_credits (and the server's --max-credits) refuse it before billing with BUDGET_EXCEEDED. Local files: only below the server's working folder. Returns at once with the agent id; then call wait_for_agent.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn generate_agent(
        &self,
        Parameters(p): Parameters<GenerateAgent>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        let model = p.model.clone().unwrap_or_else(|| self.model.clone());
        let (paths, budget) = (self.paths.clone(), self.budget.clone());
        self.tool(&context, "generate_agent", move |client| {
            if p.prompt.is_none() && p.image.is_none() && p.audio.is_none() {
                return Err(CliError::usage(
                    "nothing to generate from: give prompt, image or audio",
                ));
            }
            let key = checked_key(p.idempotency_key, "idempotency_key")?;
            let mut r = GenerateRequest::new(&model);
            r.prompt = p.prompt;
            r.image = p
                .image
                .as_deref()
                .map(|i| media_input(&paths, i, MediaKind::Image, "image"))
                .transpose()?;
            r.audio = p
                .audio
                .as_deref()
                .map(|a| media_input(&paths, a, MediaKind::Audio, "audio"))
                .transpose()?;
            let created = billed(&client, &budget, p.max_credits, &r, &key)?;
            Ok(super::output::to_value(&super::generate::Submitted::of(
                &created, &key,
            )))
        })
        .await
    }

    /// The agent's current record (status, current_step, progress, model_url). Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn get_agent_status(
        &self,
        Parameters(p): Parameters<AgentId>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "get_agent_status", move |client| {
            let job = Job::agent(&p.agent_id);
            let record = client.job_status(&job).map_err(|e| from_lib(&e))?;
            Ok(record_value(&job, &record, &[]))
        })
        .await
    }

    /// Wait until the agent is ready (or failed), at most timeout_seconds (≤ 600, default 120). Returns the record when done, else {"done": false, "status", "progress", "hint"}: call again. Sends progress notifications when the request has a progressToken. Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn wait_for_agent(
        &self,
        Parameters(p): Parameters<WaitAgent>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.wait(
            Job::agent(&p.agent_id),
            p.timeout_seconds,
            context,
            "wait_for_agent",
        )
        .await
    }

    /// Download a ready agent's model file (.imx) to a new file below the server's working folder or an --allow-path folder (atomic; never overwrites, never through a link). Free; writes a file.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn download_model(
        &self,
        Parameters(p): Parameters<DownloadModel>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        let paths = self.paths.clone();
        self.tool(&context, "download_model", move |client| {
            // The target is checked before anything is asked of the API.
            let target = paths.writable(&p.path, "path")?;
            let deadline = Instant::now() + Duration::from_secs(600);
            let info = client
                .model_url(
                    &p.agent_id,
                    &bithuman::DownloadOptions::new().deadline(deadline),
                    |_| {},
                )
                .map_err(|e| from_lib(&e))?;
            let name = bithuman::download::safe_file_name(
                info.filename.as_deref(),
                &info.url,
                &format!("{}.imx", p.agent_id),
            );
            let saved = paths.save(&client, &info.url, &name, &target, "path")?;
            Ok(json!({"agent_id": p.agent_id, "model_path": saved.display().to_string()}))
        })
        .await
    }

    /// List the account's agents, newest first (limit 1–100, default 20; offset; status filter). Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn list_agents(
        &self,
        Parameters(p): Parameters<ListAgents>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "list_agents", move |client| {
            let limit = p.limit.unwrap_or(20);
            if !(1..=100).contains(&limit) {
                return Err(CliError::usage("limit must be 1 to 100"));
            }
            let mut query = bithuman::AgentQuery::new().limit(limit);
            query.status = p.status.clone();
            let page = client
                .list_agents(&query, p.offset.unwrap_or(0))
                .map_err(|e| from_lib(&e))?;
            // Server text is cleaned where every message goes out (transport).
            let agents: Vec<Value> = page
                .items
                .iter()
                .map(|a| Value::Object(a.to_json()))
                .collect();
            Ok(json!({"agents": agents, "total": page.total, "has_more": page.has_more}))
        })
        .await
    }

    /// Render a talking mp4 of an agent saying text (≤ 5000 characters) or lip-syncing audio. BILLED per output minute (see pricing; at most 2 minutes). Safe to retry with the same idempotency_key. max_credits (and the server's --max-credits) refuse it before billing with BUDGET_EXCEEDED. Returns the job id; then call wait_for_video.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn generate_video(
        &self,
        Parameters(p): Parameters<GenerateVideo>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        let model = p.model.clone().unwrap_or_else(|| self.video_model.clone());
        let (paths, budget) = (self.paths.clone(), self.budget.clone());
        self.tool(&context, "generate_video", move |client| {
            let key = checked_key(p.idempotency_key, "idempotency_key")?;
            let input = match (p.text, p.audio) {
                (Some(text), None) => VideoInput::Text {
                    text,
                    voice: p.voice,
                },
                (None, Some(audio)) => {
                    VideoInput::Audio(media_input(&paths, &audio, MediaKind::Audio, "audio")?)
                }
                _ => return Err(CliError::usage("give exactly one of text or audio")),
            };
            let request = VideoRequest {
                agent: p.agent_id,
                model,
                input,
            };
            request
                .check()
                .map_err(|m| CliError::new(Kind::BadInput, m))?;
            // A local WAV is priced by its length; one whose header lies
            // cannot be priced, so under a cap the call is refused (fail
            // closed), as `video generate` does.
            let submitted = billed(&client, &budget, p.max_credits, &request, &key)?;
            let job = Job::video(&submitted.id);
            Ok(super::output::to_value(&super::submit::Pending::of(
                &job, &submitted, &key,
            )))
        })
        .await
    }

    /// The video job's record (status, video_url, duration_seconds, credits_charged). Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn get_video(
        &self,
        Parameters(p): Parameters<JobId>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "get_video", move |client| {
            let job = Job::video(&p.job_id);
            let record = client.job_status(&job).map_err(|e| from_lib(&e))?;
            Ok(record_value(&job, &record, &[]))
        })
        .await
    }

    /// Wait until the video is rendered (or failed), at most timeout_seconds (≤ 600, default 120); like wait_for_agent. Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn wait_for_video(
        &self,
        Parameters(p): Parameters<WaitVideo>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.wait(
            Job::video(&p.job_id),
            p.timeout_seconds,
            context,
            "wait_for_video",
        )
        .await
    }

    /// Download a rendered video (mp4, public URL) to a new file below the server's working folder or an --allow-path folder (atomic; never overwrites, never through a link). Free; writes a file.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn download_video(
        &self,
        Parameters(p): Parameters<DownloadVideo>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        let paths = self.paths.clone();
        self.tool(&context, "download_video", move |client| {
            let target = paths.writable(&p.path, "path")?;
            let record = client
                .job_status(&Job::video(&p.job_id))
                .map_err(|e| from_lib(&e))?;
            let url = record
                .fields()
                .get("video_url")
                .and_then(Value::as_str)
                .filter(|u| !u.is_empty())
                .ok_or_else(|| {
                    from_lib(&bithuman::Error::NotRendered {
                        id: p.job_id.clone(),
                        status: bithuman::sanitize::sanitize_line(record.status()),
                    })
                })?;
            let name = bithuman::download::safe_file_name(None, "", &format!("{}.mp4", p.job_id));
            let saved = paths.save(&client, url, &name, &target, "path")?;
            Ok(super::output::to_value(&super::video::Downloaded {
                kind: "video",
                job_id: &p.job_id,
                video_path: saved.display().to_string(),
            }))
        })
        .await
    }

    /// The account: plan, credit balance, status. Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn account(
        &self,
        Parameters(_p): Parameters<Nothing>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "account", move |client| {
            let v = Value::Object(client.account().map_err(|e| from_lib(&e))?.to_json());
            Ok(v)
        })
        .await
    }

    /// The price list: credits per agent model, per video minute, for gestures. Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn pricing(
        &self,
        Parameters(_p): Parameters<Nothing>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "pricing", move |client| {
            let v = Value::Object(client.pricing().map_err(|e| from_lib(&e))?.to_json());
            Ok(v)
        })
        .await
    }

    /// The account's webhooks (their secrets are never shown again). Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn list_webhooks(
        &self,
        Parameters(_p): Parameters<Nothing>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "list_webhooks", move |client| {
            let hooks = client.list_webhooks().map_err(|e| from_lib(&e))?;
            // Each webhook as `webhook list --json` prints it (versioned).
            let hooks: Vec<Value> = hooks
                .iter()
                .map(|h| versioned(super::webhook::json_of(h)))
                .collect();
            Ok(json!({"webhooks": hooks}))
        })
        .await
    }

    /// Create a webhook: the API will POST signed events (agent.ready, agent.failed, video.completed, video.failed) to url. The result holds the signing secret (whsec_…), shown this once: keep it to verify deliveries. Free.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn create_webhook(
        &self,
        Parameters(p): Parameters<CreateWebhook>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "create_webhook", move |client| {
            let events = p.events.unwrap_or_default();
            let created = client
                .create_webhook(&p.url, &events, p.description.as_deref())
                .map_err(|e| from_lib(&e))?;
            Ok(super::webhook::created_json(&created))
        })
        .await
    }

    /// Delete a webhook: no more events are sent to it. Free.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn delete_webhook(
        &self,
        Parameters(p): Parameters<WebhookId>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "delete_webhook", move |client| {
            client
                .delete_webhook(&p.webhook_id)
                .map_err(|e| from_lib(&e))?;
            Ok(super::webhook::deleted_json(&p.webhook_id))
        })
        .await
    }

    /// The account's live sessions (or recent/all): id (UUID), agent, started, minutes, credits, burn rate; and the account's totals (live burn rate in credits per minute). Free.
    #[tool(annotations(
        read_only_hint = true,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn list_sessions(
        &self,
        Parameters(p): Parameters<ListSessions>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "list_sessions", move |client| {
            let (window, name) = match p.window.as_deref().unwrap_or("live") {
                "live" => (bithuman::Window::Live, "live"),
                "recent" => (bithuman::Window::Recent, "recent"),
                "all" => (bithuman::Window::All, "all"),
                _ => return Err(CliError::usage("window must be live, recent or all")),
            };
            let list = client.sessions(window).map_err(|e| from_lib(&e))?;
            let totals = super::session::TotalsBody::of(name, &list);
            Ok(json!({"sessions": list.sessions, "totals": totals}))
        })
        .await
    }

    /// End a live session (billing stops at once): the cs_… id from a start, or the UUID from list_sessions. Ending an ended session is harmless and says so (already_ended). Returns billed seconds and credits.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn end_session(
        &self,
        Parameters(p): Parameters<EndSession>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "end_session", move |client| {
            let ended = client
                .end_session(&p.session_id)
                .map_err(|e| super::wait::about(&p.session_id, from_lib(&e)))?;
            let v = super::output::to_value(&ended);
            Ok(v)
        })
        .await
    }

    /// Make an agent say a text (at most 5000 characters) in its live rooms, or one room. Fails with NOT_FOUND when the agent has no live room (nobody would hear it). Not billed by itself; not safe to repeat (it would be said twice).
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn agent_speak(
        &self,
        Parameters(p): Parameters<AgentSpeak>,
        context: RequestContext<RoleServer>,
    ) -> ToolResult {
        self.tool(&context, "agent_speak", move |client| {
            let delivered = client
                .speak(&p.agent_id, &p.text, p.room.as_deref())
                .map_err(|e| super::live::delivery_error(&e, &p.agent_id, p.room.as_deref()))?;
            let v = super::output::to_value(&delivered);
            Ok(v)
        })
        .await
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("bithuman", env!("CARGO_PKG_VERSION")))
            .with_instructions(
            "bitHuman avatar tools: generate_agent then wait_for_agent (call again while done is false) then download_model; generate_video then wait_for_video then download_video. Billed tools say so; pricing and account are free.",
        )
    }
}

/// Serves MCP on stdin/stdout until the client closes it.
pub fn run(ctx: &mut Ctx, args: McpArgs) -> Result<u8, CliError> {
    // The CLI's own secrets: the config file and the state folder (journal).
    let secrets: Vec<PathBuf> = std::iter::once(ctx.settings.config_path.clone())
        .chain(ctx.settings.state_dir.clone())
        .collect();
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .or_else(dirs::home_dir);
    let paths = Confinement::new(&args.allow_path, &secrets, home.as_deref())?;
    let client = Arc::new(ctx.client()?);
    let secret = ctx.settings.secret.as_ref().map(|s| s.value.clone());
    let server = Server {
        client,
        model: ctx.settings.model.value.clone(),
        video_model: ctx.settings.video_model.value.clone(),
        paths: Arc::new(paths),
        budget: Arc::new(Budget::new(args.max_credits)),
        reads: ReadPace::default(),
        tool_router: Server::tool_router(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| CliError::io(format!("cannot start the MCP server: {e}")))?;
    runtime.block_on(async move {
        let service = server
            .serve(transport::stdio(secret))
            .await
            .map_err(|e| CliError::new(Kind::Other, format!("MCP initialization failed: {e}")))?;
        service
            .waiting()
            .await
            .map_err(|e| CliError::new(Kind::Other, format!("the MCP server stopped: {e}")))?;
        Ok(super::exit::code::OK)
    })
}
