
use builtin;
use str;

set edit:completion:arg-completer[bithuman] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'bithuman'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'bithuman'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Create an agent from a prompt, a face image and a voice sample'
            cand status 'Show agents'' current records (one request per id)'
            cand wait 'Wait until agents are ready (or failed), then print their records'
            cand download 'Download an agent''s model file (.imx)'
            cand video 'Talking videos of an agent: render, follow, download the mp4'
            cand agent 'Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)'
            cand dynamics 'Gestures (dynamics) for an agent'
            cand session 'Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend'
            cand embed-token 'Mint a one-hour token that embeds an agent in a web page (printed on stdout)'
            cand batch 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice'
            cand mcp 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)'
            cand account 'Show the account: plan, credit balance, status'
            cand pricing 'Show the price list: credits per agent model, video minute, gestures'
            cand usage 'Show the credit history (charges and refunds) and its total'
            cand webhook 'Webhooks: get agent and video events pushed to a URL; verify and receive them locally'
            cand auth 'Log in, check or forget the stored API secret'
            cand sandbox 'Run an offline emulator of the bitHuman API'
            cand completion 'Print shell completions'
            cand man 'Print the man page (roff)'
            cand open 'Open an agent''s page, a video, or a downloaded file in the browser or player'
            cand doctor 'Check that everything is ready to work: secret, plan, limits, clock, reachability'
            cand version 'Print the version, with the commit, build date and target of this build'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;generate'= {
            cand --prompt 'The agent''s system prompt'
            cand --prompt-file 'Read the prompt from a file (- = stdin)'
            cand --image 'Face image: URL, local file, or - for stdin'
            cand --audio 'Voice sample: URL, local file, or - for stdin'
            cand --video 'Video (the live API now refuses it; use --image)'
            cand --aspect-ratio 'Aspect ratio of the identity image'
            cand --video-aspect-ratio 'Aspect ratio of the video (original API)'
            cand --duration 'Duration in seconds (the live API ignores it)'
            cand --agent-id 'Custom agent id (an existing one of yours is regenerated)'
            cand --model 'Model to build [default: essence-1, or `model` from config]'
            cand --framing 'Framing of the portrait'
            cand --idempotency-key 'Idempotency-Key header; re-running with the same key never creates a second agent [default: random]'
            cand --media 'How local files are sent [default: upload, or `media` from config]'
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --download 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]'
            cand --max-credits 'Refuse to submit when the agent''s price (from /v1/pricing) is over N credits'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --web 'Open the agent''s page once it is ready (with --wait; see `bithuman open`)'
            cand --transparency 'Green-screen background for chroma keying'
            cand --no-preflight 'Skip the local checks of file type and size'
            cand --wait 'Wait until the agent is ready'
            cand --dry-run 'Print the requests that would be sent, send nothing'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;status'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --web 'Open each agent''s page (see `bithuman open`)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;wait'= {
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --last 'Wait for the agent this machine created most recently'
            cand --web 'Open each agent''s page once it is ready (see `bithuman open`)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;download'= {
            cand -o 'Target file, directory, or - for stdout [default: current directory, server''s file name]'
            cand --output 'Target file, directory, or - for stdout [default: current directory, server''s file name]'
            cand --model 'Which model''s file (e.g. essence-1, essence-2)'
            cand --timeout 'How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --force 'Overwrite an existing file'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;video'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Render a talking video of an agent from a script or a recording'
            cand status 'Show video jobs'' current records'
            cand wait 'Wait until video jobs are rendered (or failed)'
            cand download 'Download a rendered video (mp4)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;video;generate'= {
            cand --agent 'The agent that speaks'
            cand --text 'What the agent says (at most 5000 characters)'
            cand --text-file 'Read the script from a file (- = stdin)'
            cand --audio 'A recording to lip-sync instead of a script: URL, local file, or - for stdin'
            cand --model 'Engine [default: essence-1, or `video_model` from config]'
            cand --voice 'Voice id for a script, instead of the agent''s own voice'
            cand --idempotency-key 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]'
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --max-credits 'Refuse to submit when the job''s price (from /v1/pricing) is over N credits'
            cand --download 'With --wait: save the mp4 (into DIR as <job>.mp4, or as PATH) [default: .]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --no-preflight 'Skip the local checks of the recording''s type and size'
            cand --dry-run 'Print the requests that would be sent, send nothing'
            cand --wait 'Wait until the job is done'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;video;status'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --web 'Open each rendered video (see `bithuman open`)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;video;wait'= {
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --last 'Wait for the video this machine submitted most recently'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;video;download'= {
            cand -o 'Target file, directory, or - for stdout [default: ./<job>.mp4]'
            cand --output 'Target file, directory, or - for stdout [default: ./<job>.mp4]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --force 'Overwrite an existing file'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;video;help'= {
            cand generate 'Render a talking video of an agent from a script or a recording'
            cand status 'Show video jobs'' current records'
            cand wait 'Wait until video jobs are rendered (or failed)'
            cand download 'Download a rendered video (mp4)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;video;help;generate'= {
        }
        &'bithuman;video;help;status'= {
        }
        &'bithuman;video;help;wait'= {
        }
        &'bithuman;video;help;download'= {
        }
        &'bithuman;video;help;help'= {
        }
        &'bithuman;agent'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add-model 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)'
            cand list 'List agents, newest first'
            cand show 'Show agents'' full records (models included)'
            cand update 'Change an agent''s system prompt'
            cand delete 'Delete agents (asks first on a terminal; --yes elsewhere)'
            cand speak 'Make an agent say a text in its live rooms'
            cand context 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)'
            cand generate 'Same as `bithuman generate`'
            cand status 'Same as `bithuman status`'
            cand wait 'Same as `bithuman wait`'
            cand download 'Same as `bithuman download`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;agent;add-model'= {
            cand --model 'The model to add'
            cand --idempotency-key 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]'
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --max-credits 'Refuse to submit when the job''s price (from /v1/pricing) is over N credits'
            cand --download 'With --wait, for essence-1: download the .imx (into DIR, or as PATH) [default: .]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --dry-run 'Print the requests that would be sent, send nothing'
            cand --wait 'Wait until the job is done'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;list'= {
            cand --status 'Only agents with this status (e.g. ready)'
            cand --limit 'Agents per page (1–100)'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --all 'Every page, streamed as it arrives'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;show'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;update'= {
            cand --prompt 'The new system prompt'
            cand --prompt-file 'Read the new system prompt from a file (- = stdin)'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;delete'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand -y 'Delete without asking (required when not on a terminal, and with --json)'
            cand --yes 'Delete without asking (required when not on a terminal, and with --json)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;speak'= {
            cand --text 'The text'
            cand --file 'Read the text from a file (- = stdin)'
            cand --room 'Only this room [default: every live room of the agent]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;context'= {
            cand --text 'The text'
            cand --file 'Read the text from a file (- = stdin)'
            cand --room 'Only this room [default: every live room of the agent]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --speak 'Have the agent answer it aloud, not just know it'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;generate'= {
            cand --prompt 'The agent''s system prompt'
            cand --prompt-file 'Read the prompt from a file (- = stdin)'
            cand --image 'Face image: URL, local file, or - for stdin'
            cand --audio 'Voice sample: URL, local file, or - for stdin'
            cand --video 'Video (the live API now refuses it; use --image)'
            cand --aspect-ratio 'Aspect ratio of the identity image'
            cand --video-aspect-ratio 'Aspect ratio of the video (original API)'
            cand --duration 'Duration in seconds (the live API ignores it)'
            cand --agent-id 'Custom agent id (an existing one of yours is regenerated)'
            cand --model 'Model to build [default: essence-1, or `model` from config]'
            cand --framing 'Framing of the portrait'
            cand --idempotency-key 'Idempotency-Key header; re-running with the same key never creates a second agent [default: random]'
            cand --media 'How local files are sent [default: upload, or `media` from config]'
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --download 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]'
            cand --max-credits 'Refuse to submit when the agent''s price (from /v1/pricing) is over N credits'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --web 'Open the agent''s page once it is ready (with --wait; see `bithuman open`)'
            cand --transparency 'Green-screen background for chroma keying'
            cand --no-preflight 'Skip the local checks of file type and size'
            cand --wait 'Wait until the agent is ready'
            cand --dry-run 'Print the requests that would be sent, send nothing'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;status'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --web 'Open each agent''s page (see `bithuman open`)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;wait'= {
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --last 'Wait for the agent this machine created most recently'
            cand --web 'Open each agent''s page once it is ready (see `bithuman open`)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;download'= {
            cand -o 'Target file, directory, or - for stdout [default: current directory, server''s file name]'
            cand --output 'Target file, directory, or - for stdout [default: current directory, server''s file name]'
            cand --model 'Which model''s file (e.g. essence-1, essence-2)'
            cand --timeout 'How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --force 'Overwrite an existing file'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;agent;help'= {
            cand add-model 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)'
            cand list 'List agents, newest first'
            cand show 'Show agents'' full records (models included)'
            cand update 'Change an agent''s system prompt'
            cand delete 'Delete agents (asks first on a terminal; --yes elsewhere)'
            cand speak 'Make an agent say a text in its live rooms'
            cand context 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)'
            cand generate 'Same as `bithuman generate`'
            cand status 'Same as `bithuman status`'
            cand wait 'Same as `bithuman wait`'
            cand download 'Same as `bithuman download`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;agent;help;add-model'= {
        }
        &'bithuman;agent;help;list'= {
        }
        &'bithuman;agent;help;show'= {
        }
        &'bithuman;agent;help;update'= {
        }
        &'bithuman;agent;help;delete'= {
        }
        &'bithuman;agent;help;speak'= {
        }
        &'bithuman;agent;help;context'= {
        }
        &'bithuman;agent;help;generate'= {
        }
        &'bithuman;agent;help;status'= {
        }
        &'bithuman;agent;help;wait'= {
        }
        &'bithuman;agent;help;download'= {
        }
        &'bithuman;agent;help;help'= {
        }
        &'bithuman;dynamics'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Generate gestures for an agent (billed; see `bithuman pricing`)'
            cand status 'Show agents'' gestures'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;dynamics;generate'= {
            cand --duration 'Gesture length in seconds [server default: 5]'
            cand --image 'Source image instead of the agent''s: URL, or a local file (uploaded)'
            cand --idempotency-key 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]'
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --max-credits 'Refuse to submit when the job''s price (from /v1/pricing) is over N credits'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --dry-run 'Print the requests that would be sent, send nothing'
            cand --wait 'Wait until the job is done'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;dynamics;status'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;dynamics;help'= {
            cand generate 'Generate gestures for an agent (billed; see `bithuman pricing`)'
            cand status 'Show agents'' gestures'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;dynamics;help;generate'= {
        }
        &'bithuman;dynamics;help;status'= {
        }
        &'bithuman;dynamics;help;help'= {
        }
        &'bithuman;session'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id'
            cand list 'List the account''s sessions: minutes, credits, burn rate, and the live total'
            cand show 'Show sessions (a cs_… id or a UUID from the list)'
            cand end 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes'
            cand transcript 'Print a session''s transcript (by the list''s UUID)'
            cand watch 'Guard the spend: end live sessions past a cap, and log what was ended'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;session;start'= {
            cand --agent 'The agent that joins the room'
            cand --livekit-url 'Your LiveKit server (wss://, ws:// or https://)'
            cand --livekit-token 'A LiveKit token from your LiveKit keys (- reads it from stdin); never printed'
            cand --room 'The LiveKit room to join'
            cand --model 'The avatar model [default: the server''s choice]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;session;list'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --live 'Only live sessions'
            cand --recent 'Live and recently ended sessions'
            cand --all 'Every session the server keeps [the default]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;session;show'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;session;end'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --all 'End every session: suspend all the account''s runtime tokens (a new secret lifts it)'
            cand -y 'With --all: do not ask (required when not on a terminal, and with --json)'
            cand --yes 'With --all: do not ask (required when not on a terminal, and with --json)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;session;transcript'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;session;watch'= {
            cand --max-minutes 'End a live session once it has run this many minutes'
            cand --max-credits 'End a live session once it has cost this many credits'
            cand --interval 'Time between checks [default: 30s]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --total 'Apply the caps to the account''s live total: end the newest sessions until it is under them'
            cand --once 'Check once and exit (for cron)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;session;help'= {
            cand start 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id'
            cand list 'List the account''s sessions: minutes, credits, burn rate, and the live total'
            cand show 'Show sessions (a cs_… id or a UUID from the list)'
            cand end 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes'
            cand transcript 'Print a session''s transcript (by the list''s UUID)'
            cand watch 'Guard the spend: end live sessions past a cap, and log what was ended'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;session;help;start'= {
        }
        &'bithuman;session;help;list'= {
        }
        &'bithuman;session;help;show'= {
        }
        &'bithuman;session;help;end'= {
        }
        &'bithuman;session;help;transcript'= {
        }
        &'bithuman;session;help;watch'= {
        }
        &'bithuman;session;help;help'= {
        }
        &'bithuman;embed-token'= {
            cand --agent 'The agent to embed'
            cand --fingerprint 'A stable id of the visitor, in hex [default: a random one]'
            cand --model 'The model [default: the agent''s]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;batch'= {
            cand --kind 'What each row creates'
            cand --state 'The state file that makes a re-run resume [default: beside the manifest, MANIFEST.state.jsonl; required for stdin]'
            cand --concurrency 'Submits in flight: a number, or auto (start at 2, adapt to the server)'
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --via 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]'
            cand --public-url 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver'
            cand --download 'With --wait: save each result (.imx or .mp4) into DIR'
            cand --max-credits 'The submitted jobs'' prices (from /v1/pricing) never add up to more than N credits'
            cand --shard 'Only the rows of shard I of N (1-based), by a stable hash of each row''s key (or identity) [default state: MANIFEST.shard-I-of-N.state.jsonl]'
            cand --rate-share 'Pace at 1/N of each of the account''s rate limits (N machines sharing one account)'
            cand --max-runtime 'Stop submitting and waiting this long after the start, keep the state, exit 75 (e.g. 5h30m)'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --wait 'Wait for every job (one deadline)'
            cand --fail-fast 'Stop submitting after the first failed row (jobs in flight are still waited for)'
            cand --dry-run 'Check every row and print the plan and the total price; send nothing billed'
            cand --skip-invalid 'Leave invalid rows out (reported as skipped) instead of refusing the batch'
            cand --restart-changed 'Submit rows that changed since the state file recorded them anew'
            cand --no-preflight 'Skip the local checks of files'' type and size'
            cand --allow-outside 'Let rows name files outside the manifest''s folder (prompt_file, text_file, image, audio)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand report 'Print a batch''s results from its state files (every shard''s) without sending anything'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;batch;report'= {
            cand --kind 'What each row creates'
            cand --state 'A state file to read (repeat for several) [default: MANIFEST.state.jsonl and every MANIFEST.shard-I-of-N.state.jsonl beside it]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --no-preflight 'Skip the local checks of files'' type and size (as the batch was run)'
            cand --allow-outside 'Let rows name files outside the manifest''s folder (as the batch was run)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;batch;help'= {
            cand report 'Print a batch''s results from its state files (every shard''s) without sending anything'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;batch;help;report'= {
        }
        &'bithuman;batch;help;help'= {
        }
        &'bithuman;mcp'= {
            cand --allow-path 'Also let tools read and write files below DIR (repeatable); by default only below the working folder'
            cand --max-credits 'Cap the credits all billed tool calls of this server may spend; a call that would pass it is refused (BUDGET_EXCEEDED)'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;account'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;pricing'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;usage'= {
            cand --since 'From this date (2026-11-01, an RFC 3339 time) or this long ago (7d, 12h)'
            cand --until 'Until this date (2026-12-01 or an RFC 3339 time)'
            cand --agent 'Only this agent''s rows'
            cand --limit 'Rows per page (1–200)'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --all 'Every page'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a webhook; prints its id and its signing secret, which is shown only once'
            cand list 'List the account''s webhooks (secrets are never shown again)'
            cand show 'Show one webhook'
            cand delete 'Delete webhooks (asks first on a terminal; --yes elsewhere)'
            cand test 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered'
            cand deliveries 'List a webhook''s deliveries, most recent first'
            cand verify 'Check one delivery''s signature and timestamp: exit 0 when valid, 1 with the reason when not'
            cand listen 'Receive events locally: register a temporary webhook, print and forward each verified delivery'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;webhook;create'= {
            cand --url 'Where the API delivers events (https; http only for local tests)'
            cand --event 'Deliver only this event (repeatable) [default: all events]'
            cand --description 'A note to tell webhooks apart'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;list'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;show'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;delete'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand -y 'Delete without asking (required when not on a terminal, and with --json)'
            cand --yes 'Delete without asking (required when not on a terminal, and with --json)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;test'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;deliveries'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;verify'= {
            cand --secret 'The webhook''s signing secret (whsec_…)'
            cand --timestamp 'The X-BitHuman-Timestamp value (the raw body is read from stdin)'
            cand --signature 'The X-BitHuman-Signature value, sha256=<hex>'
            cand --request 'A whole raw HTTP request (headers, blank line, body) from a file or - for stdin'
            cand --tolerance 'How far the timestamp may be from this machine''s clock, either way'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;listen'= {
            cand --port 'Local port on 127.0.0.1 (0 = any free port)'
            cand --forward-to 'Pass each verified delivery on, unchanged (body and X-BitHuman-* headers), to this URL'
            cand --public-url 'The public address (a tunnel to the local port) the API delivers to; required on the real API'
            cand --event 'Receive only this event (repeatable) [default: all events]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --print-secret 'Print the temporary webhook''s signing secret as the first line of stdout'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;webhook;help'= {
            cand create 'Create a webhook; prints its id and its signing secret, which is shown only once'
            cand list 'List the account''s webhooks (secrets are never shown again)'
            cand show 'Show one webhook'
            cand delete 'Delete webhooks (asks first on a terminal; --yes elsewhere)'
            cand test 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered'
            cand deliveries 'List a webhook''s deliveries, most recent first'
            cand verify 'Check one delivery''s signature and timestamp: exit 0 when valid, 1 with the reason when not'
            cand listen 'Receive events locally: register a temporary webhook, print and forward each verified delivery'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;webhook;help;create'= {
        }
        &'bithuman;webhook;help;list'= {
        }
        &'bithuman;webhook;help;show'= {
        }
        &'bithuman;webhook;help;delete'= {
        }
        &'bithuman;webhook;help;test'= {
        }
        &'bithuman;webhook;help;deliveries'= {
        }
        &'bithuman;webhook;help;verify'= {
        }
        &'bithuman;webhook;help;listen'= {
        }
        &'bithuman;webhook;help;help'= {
        }
        &'bithuman;auth'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)'
            cand status 'Check the secret in use and tell where it comes from'
            cand logout 'Remove the stored secret from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;auth;login'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --with-token 'Read the secret from stdin (needed when stdin is not a terminal)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth;status'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth;logout'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth;help'= {
            cand login 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)'
            cand status 'Check the secret in use and tell where it comes from'
            cand logout 'Remove the stored secret from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;auth;help;login'= {
        }
        &'bithuman;auth;help;status'= {
        }
        &'bithuman;auth;help;logout'= {
        }
        &'bithuman;auth;help;help'= {
        }
        &'bithuman;sandbox'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve the emulator on 127.0.0.1 until Ctrl-C'
            cand status 'Show where the sandbox''s world is, its plan, balance and counts'
            cand reset 'Empty the sandbox''s world: every agent, video, usage row, session and webhook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;sandbox;serve'= {
            cand --port 'Port on 127.0.0.1 (0 = any free port)'
            cand --speed 'Time factor: 10 makes agents ready in about a second'
            cand --fail-rate 'Share of jobs (0–1: agents, videos, model adds, gestures) that end `failed`'
            cand --flaky 'Share of requests (0–1) answered 503'
            cand --rate-limit 'Bucket sizes per minute: N (the generate bucket) or generate=N,write=N,read=N; past them 429 with Retry-After'
            cand --plan 'The account''s plan: its rate buckets and agent cap (free: no API access) [default: the world''s, business when new]'
            cand --state 'The world''s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder''s bithuman/sandbox]'
            cand --seed 'Seed for repeatable random choices'
            cand --secret 'Accept only this api-secret (default: any non-empty one)'
            cand --credits 'Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)'
            cand --webhook-faults 'Shares (0–1) of webhook delivery attempts dropped, sent twice, held back or signed wrongly (seeded by --seed)'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;sandbox;status'= {
            cand --state 'The world''s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder''s bithuman/sandbox]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;sandbox;reset'= {
            cand --state 'The world''s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder''s bithuman/sandbox]'
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand -y 'Do not ask (required when not on a terminal)'
            cand --yes 'Do not ask (required when not on a terminal)'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;sandbox;help'= {
            cand serve 'Serve the emulator on 127.0.0.1 until Ctrl-C'
            cand status 'Show where the sandbox''s world is, its plan, balance and counts'
            cand reset 'Empty the sandbox''s world: every agent, video, usage row, session and webhook'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;sandbox;help;serve'= {
        }
        &'bithuman;sandbox;help;status'= {
        }
        &'bithuman;sandbox;help;reset'= {
        }
        &'bithuman;sandbox;help;help'= {
        }
        &'bithuman;completion'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;man'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;open'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --video 'The id is a video job''s: open its video file'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;doctor'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;version'= {
            cand --jq 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;help'= {
            cand generate 'Create an agent from a prompt, a face image and a voice sample'
            cand status 'Show agents'' current records (one request per id)'
            cand wait 'Wait until agents are ready (or failed), then print their records'
            cand download 'Download an agent''s model file (.imx)'
            cand video 'Talking videos of an agent: render, follow, download the mp4'
            cand agent 'Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)'
            cand dynamics 'Gestures (dynamics) for an agent'
            cand session 'Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend'
            cand embed-token 'Mint a one-hour token that embeds an agent in a web page (printed on stdout)'
            cand batch 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice'
            cand mcp 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)'
            cand account 'Show the account: plan, credit balance, status'
            cand pricing 'Show the price list: credits per agent model, video minute, gestures'
            cand usage 'Show the credit history (charges and refunds) and its total'
            cand webhook 'Webhooks: get agent and video events pushed to a URL; verify and receive them locally'
            cand auth 'Log in, check or forget the stored API secret'
            cand sandbox 'Run an offline emulator of the bitHuman API'
            cand completion 'Print shell completions'
            cand man 'Print the man page (roff)'
            cand open 'Open an agent''s page, a video, or a downloaded file in the browser or player'
            cand doctor 'Check that everything is ready to work: secret, plan, limits, clock, reachability'
            cand version 'Print the version, with the commit, build date and target of this build'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;help;generate'= {
        }
        &'bithuman;help;status'= {
        }
        &'bithuman;help;wait'= {
        }
        &'bithuman;help;download'= {
        }
        &'bithuman;help;video'= {
            cand generate 'Render a talking video of an agent from a script or a recording'
            cand status 'Show video jobs'' current records'
            cand wait 'Wait until video jobs are rendered (or failed)'
            cand download 'Download a rendered video (mp4)'
        }
        &'bithuman;help;video;generate'= {
        }
        &'bithuman;help;video;status'= {
        }
        &'bithuman;help;video;wait'= {
        }
        &'bithuman;help;video;download'= {
        }
        &'bithuman;help;agent'= {
            cand add-model 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)'
            cand list 'List agents, newest first'
            cand show 'Show agents'' full records (models included)'
            cand update 'Change an agent''s system prompt'
            cand delete 'Delete agents (asks first on a terminal; --yes elsewhere)'
            cand speak 'Make an agent say a text in its live rooms'
            cand context 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)'
            cand generate 'Same as `bithuman generate`'
            cand status 'Same as `bithuman status`'
            cand wait 'Same as `bithuman wait`'
            cand download 'Same as `bithuman download`'
        }
        &'bithuman;help;agent;add-model'= {
        }
        &'bithuman;help;agent;list'= {
        }
        &'bithuman;help;agent;show'= {
        }
        &'bithuman;help;agent;update'= {
        }
        &'bithuman;help;agent;delete'= {
        }
        &'bithuman;help;agent;speak'= {
        }
        &'bithuman;help;agent;context'= {
        }
        &'bithuman;help;agent;generate'= {
        }
        &'bithuman;help;agent;status'= {
        }
        &'bithuman;help;agent;wait'= {
        }
        &'bithuman;help;agent;download'= {
        }
        &'bithuman;help;dynamics'= {
            cand generate 'Generate gestures for an agent (billed; see `bithuman pricing`)'
            cand status 'Show agents'' gestures'
        }
        &'bithuman;help;dynamics;generate'= {
        }
        &'bithuman;help;dynamics;status'= {
        }
        &'bithuman;help;session'= {
            cand start 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id'
            cand list 'List the account''s sessions: minutes, credits, burn rate, and the live total'
            cand show 'Show sessions (a cs_… id or a UUID from the list)'
            cand end 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes'
            cand transcript 'Print a session''s transcript (by the list''s UUID)'
            cand watch 'Guard the spend: end live sessions past a cap, and log what was ended'
        }
        &'bithuman;help;session;start'= {
        }
        &'bithuman;help;session;list'= {
        }
        &'bithuman;help;session;show'= {
        }
        &'bithuman;help;session;end'= {
        }
        &'bithuman;help;session;transcript'= {
        }
        &'bithuman;help;session;watch'= {
        }
        &'bithuman;help;embed-token'= {
        }
        &'bithuman;help;batch'= {
            cand report 'Print a batch''s results from its state files (every shard''s) without sending anything'
        }
        &'bithuman;help;batch;report'= {
        }
        &'bithuman;help;mcp'= {
        }
        &'bithuman;help;account'= {
        }
        &'bithuman;help;pricing'= {
        }
        &'bithuman;help;usage'= {
        }
        &'bithuman;help;webhook'= {
            cand create 'Create a webhook; prints its id and its signing secret, which is shown only once'
            cand list 'List the account''s webhooks (secrets are never shown again)'
            cand show 'Show one webhook'
            cand delete 'Delete webhooks (asks first on a terminal; --yes elsewhere)'
            cand test 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered'
            cand deliveries 'List a webhook''s deliveries, most recent first'
            cand verify 'Check one delivery''s signature and timestamp: exit 0 when valid, 1 with the reason when not'
            cand listen 'Receive events locally: register a temporary webhook, print and forward each verified delivery'
        }
        &'bithuman;help;webhook;create'= {
        }
        &'bithuman;help;webhook;list'= {
        }
        &'bithuman;help;webhook;show'= {
        }
        &'bithuman;help;webhook;delete'= {
        }
        &'bithuman;help;webhook;test'= {
        }
        &'bithuman;help;webhook;deliveries'= {
        }
        &'bithuman;help;webhook;verify'= {
        }
        &'bithuman;help;webhook;listen'= {
        }
        &'bithuman;help;auth'= {
            cand login 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)'
            cand status 'Check the secret in use and tell where it comes from'
            cand logout 'Remove the stored secret from the config file'
        }
        &'bithuman;help;auth;login'= {
        }
        &'bithuman;help;auth;status'= {
        }
        &'bithuman;help;auth;logout'= {
        }
        &'bithuman;help;sandbox'= {
            cand serve 'Serve the emulator on 127.0.0.1 until Ctrl-C'
            cand status 'Show where the sandbox''s world is, its plan, balance and counts'
            cand reset 'Empty the sandbox''s world: every agent, video, usage row, session and webhook'
        }
        &'bithuman;help;sandbox;serve'= {
        }
        &'bithuman;help;sandbox;status'= {
        }
        &'bithuman;help;sandbox;reset'= {
        }
        &'bithuman;help;completion'= {
        }
        &'bithuman;help;man'= {
        }
        &'bithuman;help;open'= {
        }
        &'bithuman;help;doctor'= {
        }
        &'bithuman;help;version'= {
        }
        &'bithuman;help;help'= {
        }
    ]
    $completions[$command]
}
