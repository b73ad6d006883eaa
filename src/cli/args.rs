//! The command line: one clap-derive definition whose `///` comments are
//! the help users read.

use bithuman::media::MediaMode;
use bithuman::{AspectRatio, Framing};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  bithuman --sandbox generate --image examples/face.png --wait   # try it, no account
  bithuman generate --image face.jpg --wait
  id=$(bithuman generate --prompt \"You are a concierge.\" --image https://x/face.jpg)
  bithuman wait \"$id\" --json | jq -r .model_url
  bithuman download \"$id\" -o ./models/

Exit codes: 0 ok, 1 failed, 2 usage, 65 bad file, 66 not found, 69 service unavailable,
70 unexpected answer, 75 still generating at the deadline, 77 auth/credits, 130 interrupted.";

/// Create bitHuman talking-avatar agents, wait for them and download their models.
#[derive(Debug, Parser)]
#[command(name = "bithuman", version, about, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted by every command, before or after it.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]
    #[arg(long, global = true)]
    pub json: bool,
    /// Filter the JSON output through a jq expression (built in; implies --json; strings print raw)
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,
    /// Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log requests to stderr (-vv: headers and bodies, secret redacted)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]
    #[arg(long, global = true)]
    pub no_color: bool,
    /// API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]
    #[arg(long, global = true)]
    pub sandbox: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an agent from a prompt, a face image and a voice sample
    #[command(after_help = "\
Examples:
  bithuman generate --image face.jpg --wait
  bithuman generate --prompt \"You are a concierge.\" --image https://example.com/face.jpg
  bithuman generate --image face.jpg --audio voice.wav --wait --download ./models/
  bithuman generate --prompt-file persona.txt --image - < face.png --json
  bithuman generate --image face.jpg --dry-run")]
    Generate(GenerateArgs),
    /// Show agents' current records (one request per id)
    #[command(after_help = "\
Examples:
  bithuman status A91XMB7113
  bithuman status A91XMB7113 A12BCD3456 --json | jq -r .status")]
    Status(StatusArgs),
    /// Wait until agents are ready (or failed), then print their records
    #[command(after_help = "\
Examples:
  bithuman wait A91XMB7113
  bithuman wait A91XMB7113 --timeout 20m --json | jq -r .model_url
  bithuman wait --last")]
    Wait(WaitArgs),
    /// Download an agent's model file (.imx)
    #[command(after_help = "\
Examples:
  bithuman download A91XMB7113
  bithuman download A91XMB7113 -o ./models/ --force
  bithuman download A91XMB7113 -o - | sha256sum")]
    Download(DownloadArgs),
    /// Talking videos of an agent: render, follow, download the mp4
    #[command(subcommand)]
    Video(VideoCommand),
    /// Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)
    #[command(subcommand)]
    Agent(AgentCommand),
    /// Gestures (dynamics) for an agent
    #[command(subcommand)]
    Dynamics(DynamicsCommand),
    /// Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend
    #[command(subcommand)]
    Session(SessionCommand),
    /// Mint a one-hour token that embeds an agent in a web page (printed on stdout)
    #[command(after_help = "\
Examples:
  bithuman embed-token --agent A91XMB7113
  bithuman embed-token --agent A91XMB7113 --fingerprint 9f8e7d6c --model essence-2 --json")]
    EmbedToken(EmbedTokenArgs),
    /// Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice
    #[command(after_help = "\
Examples:
  bithuman batch agents.jsonl --wait --download models/ --json > results.jsonl
  bithuman batch videos.csv --kind video --concurrency 4 --max-credits 5000
  bithuman batch agents.jsonl --dry-run
  cat rows.jsonl | bithuman batch - --state rows.state.jsonl

Manifest keys (agent): prompt, prompt_file, image, audio, model, aspect_ratio, framing,
transparency, agent_id; (video): agent, text, text_file, audio, model, voice; and key, name.
Running the same command again resumes from the state file.

Several machines: bithuman batch rows.jsonl --shard 2/3 --rate-share 1/3 --max-runtime 5h30m
then: bithuman batch report rows.jsonl (every shard's state file beside the manifest).")]
    Batch(BatchArgs),
    /// Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)
    #[command(after_help = "\
Examples:
  bithuman mcp                      # in an MCP client's config: \"command\": \"bithuman\", \"args\": [\"mcp\"]
  bithuman --sandbox mcp            # against the offline sandbox
  npx @modelcontextprotocol/inspector bithuman --sandbox mcp
  bithuman mcp --max-credits 2000 --allow-path ~/avatars")]
    Mcp(McpArgs),
    /// Show the account: plan, credit balance, status
    #[command(
        after_help = "Examples:\n  bithuman account\n  bithuman account --json | jq .credit_balance"
    )]
    Account,
    /// Show the price list: credits per agent model, video minute, gestures
    #[command(
        after_help = "Examples:\n  bithuman pricing\n  bithuman pricing --json | jq .agent_generation.by_model"
    )]
    Pricing,
    /// Show the credit history (charges and refunds) and its total
    #[command(after_help = "\
Examples:
  bithuman usage --since 7d
  bithuman usage --since 2026-11-01 --until 2026-12-01 --all --json | jq -s 'map(.credits_change) | add'
  bithuman usage --agent A91XMB7113")]
    Usage(UsageArgs),
    /// Webhooks: get agent and video events pushed to a URL; verify and receive them locally
    #[command(subcommand)]
    Webhook(WebhookCommand),
    /// Log in, check or forget the stored API secret
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Run an offline emulator of the bitHuman API
    #[command(subcommand)]
    Sandbox(SandboxCommand),
    /// Print shell completions
    #[command(after_help = "\
Examples:
  bithuman completion bash > ~/.local/share/bash-completion/completions/bithuman
  bithuman completion zsh > \"${fpath[1]}/_bithuman\"
  bithuman completion fish > ~/.config/fish/completions/bithuman.fish")]
    Completion {
        /// The shell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "Examples:\n  bithuman man > bithuman.1 && man ./bithuman.1")]
    Man,
    /// Open an agent's page, a video, or a downloaded file in the browser or player
    #[command(after_help = "\
With BITHUMAN_OPENER set, that program is run with the URL or path; otherwise the
platform's opener, on a terminal only (elsewhere the URL or path is just printed).

Examples:
  bithuman open A91XMB7113
  bithuman open --video vid_3f9a2c1b
  bithuman open models/A91XMB7113.imx")]
    Open(OpenArgs),
    /// Check that everything is ready to work: secret, plan, limits, clock, reachability
    #[command(
        after_help = "Exits 0 only when ready to work.\n\nExamples:\n  bithuman doctor\n  bithuman --sandbox doctor\n  bithuman doctor --json | jq '.checks[] | select(.status != \"ok\")'"
    )]
    Doctor,
    /// Print the version, with the commit, build date and target of this build
    #[command(
        after_help = "Examples:\n  bithuman version\n  bithuman version --json | jq -r .commit"
    )]
    Version,
}

/// Wait flags shared by `wait` and `generate --wait`.
#[derive(Debug, Args, Clone, Default)]
pub struct WaitFlags {
    /// Time between polls of one agent (minimum 1s) [default: 5s]
    #[arg(long, value_name = "DURATION")]
    pub interval: Option<String>,
    /// Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
    /// How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]
    #[arg(long, value_name = "HOW", value_enum)]
    pub via: Option<Via>,
    /// With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver
    #[arg(long, value_name = "URL", requires = "via")]
    pub public_url: Option<String>,
}

/// `--via`: how a wait learns that jobs ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Via {
    Poll,
    Webhook,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// The agent's system prompt
    #[arg(long, value_name = "TEXT", conflicts_with = "prompt_file")]
    pub prompt: Option<String>,
    /// Read the prompt from a file (- = stdin)
    #[arg(long, value_name = "PATH")]
    pub prompt_file: Option<String>,
    /// Face image: URL, local file, or - for stdin
    #[arg(long, value_name = "URL|PATH|-")]
    pub image: Option<String>,
    /// Voice sample: URL, local file, or - for stdin
    #[arg(long, value_name = "URL|PATH|-")]
    pub audio: Option<String>,
    /// Video (the live API now refuses it; use --image)
    #[arg(long, value_name = "URL|PATH|-")]
    pub video: Option<String>,
    /// Aspect ratio of the identity image
    #[arg(long, value_name = "RATIO")]
    pub aspect_ratio: Option<AspectRatio>,
    /// Aspect ratio of the video (original API)
    #[arg(long, value_name = "RATIO")]
    pub video_aspect_ratio: Option<AspectRatio>,
    /// Duration in seconds (the live API ignores it)
    #[arg(long, value_name = "SECONDS", value_parser = parse_positive)]
    pub duration: Option<f64>,
    /// Custom agent id (an existing one of yours is regenerated)
    #[arg(long, value_name = "ID")]
    pub agent_id: Option<String>,
    /// Open the agent's page once it is ready (with --wait; see `bithuman open`)
    #[arg(long, requires = "wait")]
    pub web: bool,
    /// Model to build [default: essence-1, or `model` from config]
    #[arg(long, value_name = "NAME", value_parser = AGENT_MODELS)]
    pub model: Option<String>,
    /// Framing of the portrait
    #[arg(long)]
    pub framing: Option<Framing>,
    /// Green-screen background for chroma keying
    #[arg(long)]
    pub transparency: bool,
    /// Idempotency-Key header; re-running with the same key never creates a second agent [default: random]
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
    /// How local files are sent [default: upload, or `media` from config]
    #[arg(long, value_name = "MODE")]
    pub media: Option<MediaMode>,
    /// Skip the local checks of file type and size
    #[arg(long)]
    pub no_preflight: bool,
    /// Wait until the agent is ready
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub wait_flags: WaitFlags,
    /// With --wait: download the model once ready (into DIR, or as PATH) [default: .]
    #[arg(long, value_name = "DIR|PATH", num_args = 0..=1, default_missing_value = ".", requires = "wait")]
    pub download: Option<PathBuf>,
    /// Print the requests that would be sent, send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Refuse to submit when the agent's price (from /v1/pricing) is over N credits
    #[arg(long, value_name = "N")]
    pub max_credits: Option<u64>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Agent ids
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// Open each agent's page (see `bithuman open`)
    #[arg(long)]
    pub web: bool,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// An agent id, a video job id (with --video), or a local file
    #[arg(value_name = "ID|FILE")]
    pub target: String,
    /// The id is a video job's: open its video file
    #[arg(long)]
    pub video: bool,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// Agent ids
    #[arg(value_name = "ID", required_unless_present = "last")]
    pub ids: Vec<String>,
    /// Wait for the agent this machine created most recently
    #[arg(long, conflicts_with = "ids")]
    pub last: bool,
    #[command(flatten)]
    pub wait_flags: WaitFlags,
    /// Open each agent's page once it is ready (see `bithuman open`)
    #[arg(long)]
    pub web: bool,
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// Agent id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Target file, directory, or - for stdout [default: current directory, server's file name]
    #[arg(short, long, value_name = "PATH|DIR|-")]
    pub output: Option<PathBuf>,
    /// Which model's file (e.g. essence-1, essence-2)
    #[arg(long, value_name = "NAME")]
    pub model: Option<String>,
    /// Overwrite an existing file
    #[arg(long)]
    pub force: bool,
    /// How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]
    #[arg(long, value_name = "DURATION")]
    pub timeout: Option<String>,
}

/// The engines a talking video can be rendered with.
pub const VIDEO_MODELS: [&str; 5] = bithuman::video::VIDEO_MODELS;

/// The models `agent add-model` accepts.
pub const ADDABLE_MODELS: [&str; 4] = bithuman::models::ADDABLE_MODELS;

/// The models `generate` accepts.
pub const AGENT_MODELS: [&str; 8] = bithuman::models::AGENT_MODELS;

/// Flags every submit command shares.
#[derive(Debug, Args, Clone, Default)]
pub struct SubmitFlags {
    /// Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,
    /// Print the requests that would be sent, send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Wait until the job is done
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub wait_flags: WaitFlags,
    /// Refuse to submit when the job's price (from /v1/pricing) is over N credits
    #[arg(long, value_name = "N")]
    pub max_credits: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum VideoCommand {
    /// Render a talking video of an agent from a script or a recording
    #[command(after_help = "\
Examples:
  bithuman video generate --agent A91XMB7113 --text \"Hello, welcome!\" --wait --download hello.mp4
  bithuman video generate --agent A91XMB7113 --text-file script.txt --model essence-2
  bithuman video generate --agent A91XMB7113 --audio voice.wav --json
  id=$(bithuman video generate --agent A91XMB7113 --text Hi) && bithuman video wait \"$id\"")]
    Generate(VideoGenerateArgs),
    /// Show video jobs' current records
    #[command(
        after_help = "Examples:\n  bithuman video status vid_3f9a2c1b --json | jq -r .status"
    )]
    Status {
        /// Video job ids
        #[arg(required = true, value_name = "JOB")]
        jobs: Vec<String>,
        /// Open each rendered video (see `bithuman open`)
        #[arg(long)]
        web: bool,
    },
    /// Wait until video jobs are rendered (or failed)
    #[command(
        after_help = "Examples:\n  bithuman video wait vid_3f9a2c1b\n  bithuman video wait --last --json | jq -r .video_url"
    )]
    Wait(VideoWaitArgs),
    /// Download a rendered video (mp4)
    #[command(
        after_help = "Examples:\n  bithuman video download vid_3f9a2c1b -o hello.mp4\n  bithuman video download vid_3f9a2c1b -o - > hello.mp4"
    )]
    Download(VideoDownloadArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("script").required(true).args(["text", "text_file", "audio"])))]
pub struct VideoGenerateArgs {
    /// The agent that speaks
    #[arg(long, value_name = "ID")]
    pub agent: String,
    /// What the agent says (at most 5000 characters)
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Read the script from a file (- = stdin)
    #[arg(long, value_name = "PATH")]
    pub text_file: Option<String>,
    /// A recording to lip-sync instead of a script: URL, local file, or - for stdin
    #[arg(long, value_name = "URL|PATH|-")]
    pub audio: Option<String>,
    /// Engine [default: essence-1, or `video_model` from config]
    #[arg(long, value_name = "NAME", value_parser = VIDEO_MODELS)]
    pub model: Option<String>,
    /// Voice id for a script, instead of the agent's own voice
    #[arg(long, value_name = "ID", conflicts_with = "audio")]
    pub voice: Option<String>,
    /// Skip the local checks of the recording's type and size
    #[arg(long)]
    pub no_preflight: bool,
    #[command(flatten)]
    pub submit: SubmitFlags,
    /// With --wait: save the mp4 (into DIR as <job>.mp4, or as PATH) [default: .]
    #[arg(long, value_name = "DIR|PATH", num_args = 0..=1, default_missing_value = ".", requires = "wait")]
    pub download: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct VideoWaitArgs {
    /// Video job ids
    #[arg(value_name = "JOB", required_unless_present = "last")]
    pub jobs: Vec<String>,
    /// Wait for the video this machine submitted most recently
    #[arg(long, conflicts_with = "jobs")]
    pub last: bool,
    #[command(flatten)]
    pub wait_flags: WaitFlags,
}

#[derive(Debug, Args)]
pub struct VideoDownloadArgs {
    /// Video job id
    #[arg(value_name = "JOB")]
    pub job: String,
    /// Target file, directory, or - for stdout [default: ./<job>.mp4]
    #[arg(short, long, value_name = "PATH|DIR|-")]
    pub output: Option<PathBuf>,
    /// Overwrite an existing file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Add a model to a ready agent (billed at the model's creation price; expression-1 is free)
    #[command(after_help = "\
Examples:
  bithuman agent add-model A91XMB7113 --model essence-2 --wait
  bithuman agent add-model A91XMB7113 --model essence-1 --wait --download models/")]
    AddModel(AddModelArgs),
    /// List agents, newest first
    #[command(after_help = "\
Examples:
  bithuman agent list
  bithuman agent list --status ready --limit 50
  bithuman agent list --all --json | jq -r .agent_id")]
    List(AgentListArgs),
    /// Show agents' full records (models included)
    #[command(
        after_help = "Examples:\n  bithuman agent show A91XMB7113\n  bithuman agent show A91XMB7113 --json | jq .model_status"
    )]
    Show {
        /// Agent ids
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Change an agent's system prompt
    #[command(after_help = "\
Examples:
  bithuman agent update A91XMB7113 --prompt \"You are a museum guide.\"
  bithuman agent update A91XMB7113 --prompt-file persona.txt")]
    Update(AgentUpdateArgs),
    /// Delete agents (asks first on a terminal; --yes elsewhere)
    #[command(
        after_help = "Examples:\n  bithuman agent delete A91XMB7113\n  bithuman agent delete A91XMB7113 A12BCD3456 --yes --json"
    )]
    Delete(AgentDeleteArgs),
    /// Make an agent say a text in its live rooms
    #[command(after_help = "\
Examples:
  bithuman agent speak A91XMB7113 --text \"Welcome! The doors open at nine.\"
  bithuman agent speak A91XMB7113 --file announcement.txt --room lobby
  echo \"Thanks for waiting.\" | bithuman agent speak A91XMB7113 -")]
    Speak(AgentTextArgs),
    /// Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)
    #[command(after_help = "\
Examples:
  bithuman agent context A91XMB7113 --text \"The customer just bought the premium plan.\"
  bithuman agent context A91XMB7113 --file facts.txt --room lobby")]
    Context(AgentContextArgs),
    /// Same as `bithuman generate`
    Generate(GenerateArgs),
    /// Same as `bithuman status`
    Status(StatusArgs),
    /// Same as `bithuman wait`
    Wait(WaitArgs),
    /// Same as `bithuman download`
    Download(DownloadArgs),
}

#[derive(Debug, Args)]
pub struct AgentListArgs {
    /// Only agents with this status (e.g. ready)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// Agents per page (1–100)
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub limit: u32,
    /// Every page, streamed as it arrives
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("new_prompt").required(true).args(["prompt", "prompt_file"])))]
pub struct AgentUpdateArgs {
    /// The agent
    #[arg(value_name = "ID")]
    pub id: String,
    /// The new system prompt
    #[arg(long, value_name = "TEXT")]
    pub prompt: Option<String>,
    /// Read the new system prompt from a file (- = stdin)
    #[arg(long, value_name = "PATH")]
    pub prompt_file: Option<String>,
}

#[derive(Debug, Args)]
pub struct AgentDeleteArgs {
    /// Agent ids
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// Delete without asking (required when not on a terminal, and with --json)
    #[arg(short, long)]
    pub yes: bool,
}

/// What a batch creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum BatchKind {
    Agent,
    Video,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub command: Option<BatchCommand>,
    /// The manifest: JSON Lines or CSV with a header row (- = stdin; a file called report: ./report)
    #[arg(value_name = "MANIFEST", required = true)]
    pub manifest: Option<String>,
    /// What each row creates
    #[arg(long, value_enum, default_value = "agent")]
    pub kind: BatchKind,
    /// The state file that makes a re-run resume [default: beside the manifest, MANIFEST.state.jsonl; required for stdin]
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Submits in flight: a number, or auto (start at 2, adapt to the server)
    #[arg(long, value_name = "N|auto", default_value = "auto")]
    pub concurrency: String,
    /// Wait for every job (one deadline)
    #[arg(long)]
    pub wait: bool,
    #[command(flatten)]
    pub wait_flags: WaitFlags,
    /// With --wait: save each result (.imx or .mp4) into DIR
    #[arg(long, value_name = "DIR", requires = "wait")]
    pub download: Option<PathBuf>,
    /// Stop submitting after the first failed row (jobs in flight are still waited for)
    #[arg(long)]
    pub fail_fast: bool,
    /// The submitted jobs' prices (from /v1/pricing) never add up to more than N credits
    #[arg(long, value_name = "N")]
    pub max_credits: Option<u64>,
    /// Check every row and print the plan and the total price; send nothing billed
    #[arg(long)]
    pub dry_run: bool,
    /// Leave invalid rows out (reported as skipped) instead of refusing the batch
    #[arg(long)]
    pub skip_invalid: bool,
    /// Submit rows that changed since the state file recorded them anew
    #[arg(long)]
    pub restart_changed: bool,
    /// Skip the local checks of files' type and size
    #[arg(long)]
    pub no_preflight: bool,
    /// Let rows name files outside the manifest's folder (prompt_file, text_file, image, audio)
    #[arg(long)]
    pub allow_outside: bool,
    /// Only the rows of shard I of N (1-based), by a stable hash of each row's key (or identity) [default state: MANIFEST.shard-I-of-N.state.jsonl]
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
    /// Pace at 1/N of each of the account's rate limits (N machines sharing one account)
    #[arg(long, value_name = "1/N")]
    pub rate_share: Option<String>,
    /// Stop submitting and waiting this long after the start, keep the state, exit 75 (e.g. 5h30m)
    #[arg(long, value_name = "DURATION")]
    pub max_runtime: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Print a batch's results from its state files (every shard's) without sending anything
    #[command(after_help = "\
Exits with the worst row's code; a row no state file has is pending (id null, exit at least 75).

Examples:
  bithuman batch report rows.jsonl
  bithuman batch report rows.jsonl --state a.state.jsonl --state b.state.jsonl --json")]
    Report(BatchReportArgs),
}

#[derive(Debug, Args)]
pub struct BatchReportArgs {
    /// The manifest the state files belong to
    #[arg(value_name = "MANIFEST")]
    pub manifest: String,
    /// What each row creates
    #[arg(long, value_enum, default_value = "agent")]
    pub kind: BatchKind,
    /// A state file to read (repeat for several) [default: MANIFEST.state.jsonl and every MANIFEST.shard-I-of-N.state.jsonl beside it]
    #[arg(long, value_name = "FILE")]
    pub state: Vec<PathBuf>,
    /// Skip the local checks of files' type and size (as the batch was run)
    #[arg(long)]
    pub no_preflight: bool,
    /// Let rows name files outside the manifest's folder (as the batch was run)
    #[arg(long)]
    pub allow_outside: bool,
}

#[derive(Debug, Args)]
pub struct UsageArgs {
    /// From this date (2026-11-01, an RFC 3339 time) or this long ago (7d, 12h)
    #[arg(long, value_name = "DATE|DURATION")]
    pub since: Option<String>,
    /// Until this date (2026-12-01 or an RFC 3339 time)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only this agent's rows
    #[arg(long, value_name = "ID")]
    pub agent: Option<String>,
    /// Rows per page (1–200)
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=200))]
    pub limit: u32,
    /// Every page
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct AddModelArgs {
    /// The agent
    #[arg(value_name = "ID")]
    pub id: String,
    /// The model to add
    #[arg(long, value_name = "NAME", value_parser = ADDABLE_MODELS)]
    pub model: String,
    #[command(flatten)]
    pub submit: SubmitFlags,
    /// With --wait, for essence-1: download the .imx (into DIR, or as PATH) [default: .]
    #[arg(long, value_name = "DIR|PATH", num_args = 0..=1, default_missing_value = ".", requires = "wait")]
    pub download: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum DynamicsCommand {
    /// Generate gestures for an agent (billed; see `bithuman pricing`)
    #[command(after_help = "\
Examples:
  bithuman dynamics generate A91XMB7113 --wait
  bithuman dynamics generate A91XMB7113 --duration 5 --image https://example.com/pose.jpg")]
    Generate(DynamicsGenerateArgs),
    /// Show agents' gestures
    #[command(
        after_help = "Examples:\n  bithuman dynamics status A91XMB7113 --json | jq .gestures"
    )]
    Status {
        /// Agent ids
        #[arg(required = true, value_name = "AGENT")]
        agents: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct DynamicsGenerateArgs {
    /// The agent
    #[arg(value_name = "AGENT")]
    pub agent: String,
    /// Gesture length in seconds [server default: 5]
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u32).range(1..=60))]
    pub duration: Option<u32>,
    /// Source image instead of the agent's: URL, or a local file (uploaded)
    #[arg(long, value_name = "URL|PATH")]
    pub image: Option<String>,
    #[command(flatten)]
    pub submit: SubmitFlags,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Store an API secret, asked for on a terminal or read from stdin (checked with the API first)
    #[command(
        after_help = "Examples:\n  bithuman auth login                      # asks for it (input hidden)\n  bithuman auth login --with-token < secret.txt\n  echo \"$BITHUMAN_API_SECRET\" | bithuman auth login --with-token"
    )]
    Login {
        /// Read the secret from stdin (needed when stdin is not a terminal)
        #[arg(long)]
        with_token: bool,
    },
    /// Check the secret in use and tell where it comes from
    #[command(after_help = "Examples:\n  bithuman auth status\n  bithuman auth status --json")]
    Status,
    /// Remove the stored secret from the config file
    #[command(after_help = "Examples:\n  bithuman auth logout")]
    Logout,
}

/// The events a webhook can subscribe to.
pub const WEBHOOK_EVENTS: [&str; 4] = bithuman::webhook::EVENTS;

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Create a webhook; prints its id and its signing secret, which is shown only once
    #[command(after_help = "\
Examples:
  bithuman webhook create --url https://example.com/hooks/bithuman
  bithuman webhook create --url https://example.com/hook --event agent.ready --event agent.failed --json
  { read -r id; read -r secret; } < <(bithuman webhook create --url https://example.com/hook)")]
    Create(WebhookCreateArgs),
    /// List the account's webhooks (secrets are never shown again)
    #[command(
        after_help = "Examples:\n  bithuman webhook list\n  bithuman webhook list --json | jq -r .url"
    )]
    List,
    /// Show one webhook
    #[command(
        after_help = "Examples:\n  bithuman webhook show 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60 --json"
    )]
    Show {
        /// The webhook's id (a UUID)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Delete webhooks (asks first on a terminal; --yes elsewhere)
    #[command(
        after_help = "Examples:\n  bithuman webhook delete 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60\n  bithuman webhook list --json | jq -r .id | xargs bithuman webhook delete --yes"
    )]
    Delete(WebhookDeleteArgs),
    /// Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered
    #[command(
        after_help = "Examples:\n  bithuman webhook test 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60"
    )]
    Test {
        /// The webhook's id (a UUID)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// List a webhook's deliveries, most recent first
    #[command(
        after_help = "Examples:\n  bithuman webhook deliveries 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60\n  bithuman webhook deliveries 3f2b8c1e-5d4a-4e7b-9a0c-1b2c3d4e5f60 --json | jq 'select(.delivered | not)'"
    )]
    Deliveries {
        /// The webhook's id (a UUID)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Check one delivery's signature and timestamp: exit 0 when valid, 1 with the reason when not
    #[command(after_help = "\
The signature is HMAC-SHA256 over the X-BitHuman-Timestamp value, \".\" and the raw body,
keyed with the whole whsec_… secret, as lowercase hex after sha256=.

Examples:
  bithuman webhook verify --secret \"$WHSEC\" --timestamp 1780417371 --signature sha256=9f86… < body.json
  bithuman webhook verify --request saved-request.http   # secret from BITHUMAN_WEBHOOK_SECRET")]
    Verify(WebhookVerifyArgs),
    /// Receive events locally: register a temporary webhook, print and forward each verified delivery
    #[command(after_help = "\
The temporary webhook is deleted when this stops (Ctrl-C, SIGTERM, an error).
On the real API, --public-url is the address of a tunnel you run to the local port.

Examples:
  bithuman --sandbox webhook listen --forward-to http://localhost:3000/hooks
  bithuman webhook listen --port 8788 --public-url https://abc.tunnel.example --json
  bithuman webhook listen --port 8788 --public-url https://abc.tunnel.example --print-secret --forward-to http://localhost:3000/hooks")]
    Listen(WebhookListenArgs),
}

#[derive(Debug, Args)]
pub struct WebhookCreateArgs {
    /// Where the API delivers events (https; http only for local tests)
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// Deliver only this event (repeatable) [default: all events]
    #[arg(long = "event", value_name = "EVENT", value_parser = WEBHOOK_EVENTS)]
    pub events: Vec<String>,
    /// A note to tell webhooks apart
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
}

#[derive(Debug, Args)]
pub struct WebhookDeleteArgs {
    /// Webhook ids (UUIDs)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// Delete without asking (required when not on a terminal, and with --json)
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct WebhookVerifyArgs {
    /// The webhook's signing secret (whsec_…)
    #[arg(
        long,
        value_name = "SECRET",
        env = "BITHUMAN_WEBHOOK_SECRET",
        hide_env_values = true
    )]
    pub secret: String,
    /// The X-BitHuman-Timestamp value (the raw body is read from stdin)
    #[arg(
        long,
        value_name = "T",
        requires = "signature",
        required_unless_present = "request"
    )]
    pub timestamp: Option<String>,
    /// The X-BitHuman-Signature value, sha256=<hex>
    #[arg(long, value_name = "SIG", requires = "timestamp")]
    pub signature: Option<String>,
    /// A whole raw HTTP request (headers, blank line, body) from a file or - for stdin
    #[arg(long, value_name = "FILE|-", conflicts_with_all = ["timestamp", "signature"])]
    pub request: Option<PathBuf>,
    /// How far the timestamp may be from this machine's clock, either way
    #[arg(long, value_name = "DURATION", default_value = "5m")]
    pub tolerance: String,
}

#[derive(Debug, Args)]
pub struct WebhookListenArgs {
    /// Local port on 127.0.0.1 (0 = any free port)
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Pass each verified delivery on, unchanged (body and X-BitHuman-* headers), to this URL
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// The public address (a tunnel to the local port) the API delivers to; required on the real API
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Receive only this event (repeatable) [default: all events]
    #[arg(long = "event", value_name = "EVENT", value_parser = WEBHOOK_EVENTS)]
    pub events: Vec<String>,
    /// Print the temporary webhook's signing secret as the first line of stdout
    #[arg(long)]
    pub print_secret: bool,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the emulator on 127.0.0.1 until Ctrl-C
    #[command(after_help = "\
Examples:
  bithuman sandbox serve
  bithuman sandbox serve --port 0 --speed 10 --fail-rate 0.2 --seed 7
  bithuman sandbox serve --port 8787 & export BITHUMAN_API_BASE=http://127.0.0.1:8787
  bithuman sandbox serve --plan creator --rate-limit read=120")]
    Serve(SandboxServeArgs),
    /// Show where the sandbox's world is, its plan, balance and counts
    #[command(after_help = "\
Examples:
  bithuman sandbox status
  bithuman sandbox status --json
  bithuman sandbox status --state ./world")]
    Status(SandboxStateArgs),
    /// Empty the sandbox's world: every agent, video, usage row, session and webhook
    #[command(after_help = "\
Examples:
  bithuman sandbox reset            # asks on a terminal
  bithuman sandbox reset --yes      # in scripts and CI")]
    Reset(SandboxResetArgs),
}

#[derive(Debug, Args)]
pub struct SandboxStateArgs {
    /// The world's folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder's bithuman/sandbox]
    #[arg(long, value_name = "DIR")]
    pub state: Option<String>,
}

#[derive(Debug, Args)]
pub struct SandboxResetArgs {
    #[command(flatten)]
    pub state: SandboxStateArgs,
    /// Do not ask (required when not on a terminal)
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct SandboxServeArgs {
    /// Port on 127.0.0.1 (0 = any free port)
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// Time factor: 10 makes agents ready in about a second
    #[arg(long, default_value_t = 1.0, value_parser = parse_positive)]
    pub speed: f64,
    /// Share of jobs (0–1: agents, videos, model adds, gestures) that end `failed`
    #[arg(long, default_value_t = 0.0, value_parser = parse_share)]
    pub fail_rate: f64,
    /// Share of requests (0–1) answered 503
    #[arg(long, default_value_t = 0.0, value_parser = parse_share)]
    pub flaky: f64,
    /// Bucket sizes per minute: N (the generate bucket) or generate=N,write=N,read=N; past them 429 with Retry-After
    #[arg(long, value_name = "N|BUCKET=N,...", value_parser = parse_rate_limits)]
    pub rate_limit: Option<bithuman::sandbox::RateLimits>,
    /// The account's plan: its rate buckets and agent cap (free: no API access) [default: the world's, business when new]
    #[arg(long, value_name = "PLAN", value_parser = parse_plan)]
    pub plan: Option<bithuman::sandbox::Plan>,
    #[command(flatten)]
    pub state: SandboxStateArgs,
    /// Seed for repeatable random choices
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Accept only this api-secret (default: any non-empty one)
    #[arg(long, value_name = "S")]
    pub secret: Option<String>,
    /// Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)
    #[arg(long, value_name = "N")]
    pub credits: Option<u64>,
    /// Shares (0–1) of webhook delivery attempts dropped, sent twice, held back or signed wrongly (seeded by --seed)
    #[arg(long, value_name = "drop=P,duplicate=P,late=P,bad-signature=P", value_parser = parse_webhook_faults)]
    pub webhook_faults: Option<bithuman::sandbox::WebhookFaults>,
}

fn parse_webhook_faults(s: &str) -> Result<bithuman::sandbox::WebhookFaults, String> {
    bithuman::sandbox::WebhookFaults::parse(s)
}

fn parse_positive(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(format!("{s:?} is not a number greater than 0")),
    }
}

fn parse_rate_limits(s: &str) -> Result<bithuman::sandbox::RateLimits, String> {
    bithuman::sandbox::RateLimits::parse(s)
}

/// A plan name (`free`, `creator`, `pro`, `business`, `enterprise`).
pub fn parse_plan(s: &str) -> Result<bithuman::sandbox::Plan, String> {
    bithuman::sandbox::Plan::parse(s).ok_or_else(|| {
        format!(
            "{s:?} is not a plan: use one of {}",
            bithuman::sandbox::PLANS.join(", ")
        )
    })
}

fn parse_share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a number between 0 and 1")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_flags_after_subcommand() {
        let cli =
            Cli::try_parse_from(["bithuman", "status", "A1", "--json", "-vv"]).expect("parse");
        assert!(cli.global.json);
        assert_eq!(cli.global.verbose, 2);
    }
}

#[derive(Debug, Args, Clone, Default)]
pub struct McpArgs {
    /// Also let tools read and write files below DIR (repeatable); by default only below the working folder
    #[arg(long = "allow-path", value_name = "DIR")]
    pub allow_path: Vec<PathBuf>,
    /// Cap the credits all billed tool calls of this server may spend; a call that would pass it is refused (BUDGET_EXCEEDED)
    #[arg(long, value_name = "N")]
    pub max_credits: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id
    #[command(after_help = "\
The LiveKit token comes from your own LiveKit keys (identity bithuman-avatar-agent,
kind agent); it is sent to the API only, never printed or logged.

Examples:
  bithuman session start --agent A91XMB7113 --livekit-url wss://demo.livekit.cloud \\
      --livekit-token \"$LIVEKIT_TOKEN\" --room lobby --model essence-2
  id=$(bithuman session start --agent A91XMB7113 --livekit-url wss://demo.livekit.cloud --livekit-token - --room lobby < token.txt)")]
    Start(SessionStartArgs),
    /// List the account's sessions: minutes, credits, burn rate, and the live total
    #[command(after_help = "\
Examples:
  bithuman session list
  bithuman session list --all --json | jq -r 'select(.status == \"live\") | .id'")]
    List(SessionListArgs),
    /// Show sessions (a cs_… id or a UUID from the list)
    #[command(
        after_help = "Examples:\n  bithuman session show cs_4f1c9a\n  bithuman session show cs_4f1c9a --json | jq .credits"
    )]
    Show {
        /// Session ids (cs_… or UUID)
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes
    #[command(after_help = "\
Examples:
  bithuman session end cs_4f1c9a
  bithuman session end 3f2504e0-4f89-11d3-9a0c-0305e82c3301 --json
  bithuman session end --all --yes   # suspends every runtime token of the account")]
    End(SessionEndArgs),
    /// Print a session's transcript (by the list's UUID)
    #[command(
        after_help = "Examples:\n  bithuman session transcript 3f2504e0-4f89-11d3-9a0c-0305e82c3301\n  bithuman session transcript 3f2504e0-4f89-11d3-9a0c-0305e82c3301 --json"
    )]
    Transcript {
        /// The session's UUID (see: bithuman session list)
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Guard the spend: end live sessions past a cap, and log what was ended
    #[command(after_help = "\
Only sessions over a cap are ended. With --total, the newest live sessions are ended
until the account's total is under the cap.

Examples:
  bithuman session watch --max-minutes 30
  bithuman session watch --max-credits 200 --total --interval 1m --json >> guard.log
  */5 * * * * bithuman session watch --max-minutes 60 --once   # from cron")]
    Watch(SessionWatchArgs),
}

#[derive(Debug, Args)]
pub struct SessionStartArgs {
    /// The agent that joins the room
    #[arg(long, value_name = "ID")]
    pub agent: String,
    /// Your LiveKit server (wss://, ws:// or https://)
    #[arg(long, value_name = "URL")]
    pub livekit_url: String,
    /// A LiveKit token from your LiveKit keys (- reads it from stdin); never printed
    #[arg(long, value_name = "TOKEN")]
    pub livekit_token: String,
    /// The LiveKit room to join
    #[arg(long, value_name = "NAME")]
    pub room: String,
    /// The avatar model [default: the server's choice]
    #[arg(long, value_name = "NAME", value_parser = ADDABLE_MODELS)]
    pub model: Option<String>,
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct SessionListArgs {
    /// Only live sessions
    #[arg(long)]
    pub live: bool,
    /// Live and recently ended sessions
    #[arg(long)]
    pub recent: bool,
    /// Every session the server keeps [the default]
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct SessionEndArgs {
    /// Session ids (cs_… or UUID)
    #[arg(
        value_name = "ID",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub ids: Vec<String>,
    /// End every session: suspend all the account's runtime tokens (a new secret lifts it)
    #[arg(long)]
    pub all: bool,
    /// With --all: do not ask (required when not on a terminal, and with --json)
    #[arg(short, long, requires = "all")]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct SessionWatchArgs {
    /// End a live session once it has run this many minutes
    #[arg(long, value_name = "M", allow_negative_numbers = true)]
    pub max_minutes: Option<f64>,
    /// End a live session once it has cost this many credits
    #[arg(long, value_name = "C", allow_negative_numbers = true)]
    pub max_credits: Option<f64>,
    /// Apply the caps to the account's live total: end the newest sessions until it is under them
    #[arg(long)]
    pub total: bool,
    /// Check once and exit (for cron)
    #[arg(long)]
    pub once: bool,
    /// Time between checks [default: 30s]
    #[arg(long, value_name = "DURATION", conflicts_with = "once")]
    pub interval: Option<String>,
}

#[derive(Debug, Args)]
#[group(id = "source", required = true, multiple = false, args = ["text", "file", "stdin"])]
pub struct TextSource {
    /// The text
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Read the text from a file (- = stdin)
    #[arg(long, value_name = "PATH")]
    pub file: Option<String>,
    /// Read the text from stdin
    #[arg(value_name = "-", value_parser = clap::builder::PossibleValuesParser::new(["-"]))]
    pub stdin: Option<String>,
}

#[derive(Debug, Args)]
pub struct AgentTextArgs {
    /// The agent
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub source: TextSource,
    /// Only this room [default: every live room of the agent]
    #[arg(long, value_name = "ROOM")]
    pub room: Option<String>,
}

#[derive(Debug, Args)]
pub struct AgentContextArgs {
    #[command(flatten)]
    pub inner: AgentTextArgs,
    /// Have the agent answer it aloud, not just know it
    #[arg(long)]
    pub speak: bool,
}

#[derive(Debug, Args)]
pub struct EmbedTokenArgs {
    /// The agent to embed
    #[arg(long, value_name = "ID")]
    pub agent: String,
    /// A stable id of the visitor, in hex [default: a random one]
    #[arg(long, value_name = "HEX")]
    pub fingerprint: Option<String>,
    /// The model [default: the agent's]
    #[arg(long, value_name = "NAME", value_parser = ADDABLE_MODELS)]
    pub model: Option<String>,
}
