
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'bithuman' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'bithuman'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'bithuman' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an agent from a prompt, a face image and a voice sample')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show agents'' current records (one request per id)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until agents are ready (or failed), then print their records')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download an agent''s model file (.imx)')
            [CompletionResult]::new('video', 'video', [CompletionResultType]::ParameterValue, 'Talking videos of an agent: render, follow, download the mp4')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)')
            [CompletionResult]::new('dynamics', 'dynamics', [CompletionResultType]::ParameterValue, 'Gestures (dynamics) for an agent')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend')
            [CompletionResult]::new('embed-token', 'embed-token', [CompletionResultType]::ParameterValue, 'Mint a one-hour token that embeds an agent in a web page (printed on stdout)')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Show the account: plan, credit balance, status')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'Show the price list: credits per agent model, video minute, gestures')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show the credit history (charges and refunds) and its total')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Webhooks: get agent and video events pushed to a URL; verify and receive them locally')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in, check or forget the stored API secret')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run an offline emulator of the bitHuman API')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an agent''s page, a video, or a downloaded file in the browser or player')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check that everything is ready to work: secret, plan, limits, clock, reachability')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, with the commit, build date and target of this build')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;generate' {
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The agent''s system prompt')
            [CompletionResult]::new('--prompt-file', '--prompt-file', [CompletionResultType]::ParameterName, 'Read the prompt from a file (- = stdin)')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Face image: URL, local file, or - for stdin')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'Voice sample: URL, local file, or - for stdin')
            [CompletionResult]::new('--video', '--video', [CompletionResultType]::ParameterName, 'Video (the live API now refuses it; use --image)')
            [CompletionResult]::new('--aspect-ratio', '--aspect-ratio', [CompletionResultType]::ParameterName, 'Aspect ratio of the identity image')
            [CompletionResult]::new('--video-aspect-ratio', '--video-aspect-ratio', [CompletionResultType]::ParameterName, 'Aspect ratio of the video (original API)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Duration in seconds (the live API ignores it)')
            [CompletionResult]::new('--agent-id', '--agent-id', [CompletionResultType]::ParameterName, 'Custom agent id (an existing one of yours is regenerated)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to build [default: essence-1, or `model` from config]')
            [CompletionResult]::new('--framing', '--framing', [CompletionResultType]::ParameterName, 'Framing of the portrait')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key header; re-running with the same key never creates a second agent [default: random]')
            [CompletionResult]::new('--media', '--media', [CompletionResultType]::ParameterName, 'How local files are sent [default: upload, or `media` from config]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'Refuse to submit when the agent''s price (from /v1/pricing) is over N credits')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open the agent''s page once it is ready (with --wait; see `bithuman open`)')
            [CompletionResult]::new('--transparency', '--transparency', [CompletionResultType]::ParameterName, 'Green-screen background for chroma keying')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the local checks of file type and size')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the agent is ready')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests that would be sent, send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;status' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open each agent''s page (see `bithuman open`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Wait for the agent this machine created most recently')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open each agent''s page once it is ready (see `bithuman open`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Target file, directory, or - for stdout [default: current directory, server''s file name]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Target file, directory, or - for stdout [default: current directory, server''s file name]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Which model''s file (e.g. essence-1, essence-2)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;video' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render a talking video of an agent from a script or a recording')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show video jobs'' current records')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until video jobs are rendered (or failed)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a rendered video (mp4)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;video;generate' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent that speaks')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'What the agent says (at most 5000 characters)')
            [CompletionResult]::new('--text-file', '--text-file', [CompletionResultType]::ParameterName, 'Read the script from a file (- = stdin)')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'A recording to lip-sync instead of a script: URL, local file, or - for stdin')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Engine [default: essence-1, or `video_model` from config]')
            [CompletionResult]::new('--voice', '--voice', [CompletionResultType]::ParameterName, 'Voice id for a script, instead of the agent''s own voice')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'Refuse to submit when the job''s price (from /v1/pricing) is over N credits')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'With --wait: save the mp4 (into DIR as <job>.mp4, or as PATH) [default: .]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the local checks of the recording''s type and size')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests that would be sent, send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the job is done')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;video;status' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open each rendered video (see `bithuman open`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;video;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Wait for the video this machine submitted most recently')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;video;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Target file, directory, or - for stdout [default: ./<job>.mp4]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Target file, directory, or - for stdout [default: ./<job>.mp4]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;video;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render a talking video of an agent from a script or a recording')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show video jobs'' current records')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until video jobs are rendered (or failed)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a rendered video (mp4)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;video;help;generate' {
            break
        }
        'bithuman;video;help;status' {
            break
        }
        'bithuman;video;help;wait' {
            break
        }
        'bithuman;video;help;download' {
            break
        }
        'bithuman;video;help;help' {
            break
        }
        'bithuman;agent' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add-model', 'add-model', [CompletionResultType]::ParameterValue, 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agents, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show agents'' full records (models included)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an agent''s system prompt')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete agents (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('speak', 'speak', [CompletionResultType]::ParameterValue, 'Make an agent say a text in its live rooms')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Same as `bithuman generate`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Same as `bithuman status`')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Same as `bithuman wait`')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Same as `bithuman download`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;agent;add-model' {
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'The model to add')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'Refuse to submit when the job''s price (from /v1/pricing) is over N credits')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'With --wait, for essence-1: download the .imx (into DIR, or as PATH) [default: .]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests that would be sent, send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the job is done')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only agents with this status (e.g. ready)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Agents per page (1–100)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page, streamed as it arrives')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;show' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;update' {
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The new system prompt')
            [CompletionResult]::new('--prompt-file', '--prompt-file', [CompletionResultType]::ParameterName, 'Read the new system prompt from a file (- = stdin)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;delete' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking (required when not on a terminal, and with --json)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking (required when not on a terminal, and with --json)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;speak' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the text from a file (- = stdin)')
            [CompletionResult]::new('--room', '--room', [CompletionResultType]::ParameterName, 'Only this room [default: every live room of the agent]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;context' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'The text')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read the text from a file (- = stdin)')
            [CompletionResult]::new('--room', '--room', [CompletionResultType]::ParameterName, 'Only this room [default: every live room of the agent]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--speak', '--speak', [CompletionResultType]::ParameterName, 'Have the agent answer it aloud, not just know it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;generate' {
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The agent''s system prompt')
            [CompletionResult]::new('--prompt-file', '--prompt-file', [CompletionResultType]::ParameterName, 'Read the prompt from a file (- = stdin)')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Face image: URL, local file, or - for stdin')
            [CompletionResult]::new('--audio', '--audio', [CompletionResultType]::ParameterName, 'Voice sample: URL, local file, or - for stdin')
            [CompletionResult]::new('--video', '--video', [CompletionResultType]::ParameterName, 'Video (the live API now refuses it; use --image)')
            [CompletionResult]::new('--aspect-ratio', '--aspect-ratio', [CompletionResultType]::ParameterName, 'Aspect ratio of the identity image')
            [CompletionResult]::new('--video-aspect-ratio', '--video-aspect-ratio', [CompletionResultType]::ParameterName, 'Aspect ratio of the video (original API)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Duration in seconds (the live API ignores it)')
            [CompletionResult]::new('--agent-id', '--agent-id', [CompletionResultType]::ParameterName, 'Custom agent id (an existing one of yours is regenerated)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model to build [default: essence-1, or `model` from config]')
            [CompletionResult]::new('--framing', '--framing', [CompletionResultType]::ParameterName, 'Framing of the portrait')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key header; re-running with the same key never creates a second agent [default: random]')
            [CompletionResult]::new('--media', '--media', [CompletionResultType]::ParameterName, 'How local files are sent [default: upload, or `media` from config]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'Refuse to submit when the agent''s price (from /v1/pricing) is over N credits')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open the agent''s page once it is ready (with --wait; see `bithuman open`)')
            [CompletionResult]::new('--transparency', '--transparency', [CompletionResultType]::ParameterName, 'Green-screen background for chroma keying')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the local checks of file type and size')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the agent is ready')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests that would be sent, send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;status' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open each agent''s page (see `bithuman open`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Wait for the agent this machine created most recently')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Open each agent''s page once it is ready (see `bithuman open`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;download' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Target file, directory, or - for stdout [default: current directory, server''s file name]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Target file, directory, or - for stdout [default: current directory, server''s file name]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Which model''s file (e.g. essence-1, essence-2)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;help' {
            [CompletionResult]::new('add-model', 'add-model', [CompletionResultType]::ParameterValue, 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agents, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show agents'' full records (models included)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an agent''s system prompt')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete agents (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('speak', 'speak', [CompletionResultType]::ParameterValue, 'Make an agent say a text in its live rooms')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Same as `bithuman generate`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Same as `bithuman status`')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Same as `bithuman wait`')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Same as `bithuman download`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;agent;help;add-model' {
            break
        }
        'bithuman;agent;help;list' {
            break
        }
        'bithuman;agent;help;show' {
            break
        }
        'bithuman;agent;help;update' {
            break
        }
        'bithuman;agent;help;delete' {
            break
        }
        'bithuman;agent;help;speak' {
            break
        }
        'bithuman;agent;help;context' {
            break
        }
        'bithuman;agent;help;generate' {
            break
        }
        'bithuman;agent;help;status' {
            break
        }
        'bithuman;agent;help;wait' {
            break
        }
        'bithuman;agent;help;download' {
            break
        }
        'bithuman;agent;help;help' {
            break
        }
        'bithuman;dynamics' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate gestures for an agent (billed; see `bithuman pricing`)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show agents'' gestures')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;dynamics;generate' {
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Gesture length in seconds [server default: 5]')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Source image instead of the agent''s: URL, or a local file (uploaded)')
            [CompletionResult]::new('--idempotency-key', '--idempotency-key', [CompletionResultType]::ParameterName, 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'Refuse to submit when the job''s price (from /v1/pricing) is over N credits')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the requests that would be sent, send nothing')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait until the job is done')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;dynamics;status' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;dynamics;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate gestures for an agent (billed; see `bithuman pricing`)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show agents'' gestures')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;dynamics;help;generate' {
            break
        }
        'bithuman;dynamics;help;status' {
            break
        }
        'bithuman;dynamics;help;help' {
            break
        }
        'bithuman;session' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s sessions: minutes, credits, burn rate, and the live total')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show sessions (a cs_… id or a UUID from the list)')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'Print a session''s transcript (by the list''s UUID)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Guard the spend: end live sessions past a cap, and log what was ended')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;session;start' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent that joins the room')
            [CompletionResult]::new('--livekit-url', '--livekit-url', [CompletionResultType]::ParameterName, 'Your LiveKit server (wss://, ws:// or https://)')
            [CompletionResult]::new('--livekit-token', '--livekit-token', [CompletionResultType]::ParameterName, 'A LiveKit token from your LiveKit keys (- reads it from stdin); never printed')
            [CompletionResult]::new('--room', '--room', [CompletionResultType]::ParameterName, 'The LiveKit room to join')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'The avatar model [default: the server''s choice]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;session;list' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--live', '--live', [CompletionResultType]::ParameterName, 'Only live sessions')
            [CompletionResult]::new('--recent', '--recent', [CompletionResultType]::ParameterName, 'Live and recently ended sessions')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every session the server keeps [the default]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;session;show' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;session;end' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'End every session: suspend all the account''s runtime tokens (a new secret lifts it)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --all: do not ask (required when not on a terminal, and with --json)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --all: do not ask (required when not on a terminal, and with --json)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;session;transcript' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;session;watch' {
            [CompletionResult]::new('--max-minutes', '--max-minutes', [CompletionResultType]::ParameterName, 'End a live session once it has run this many minutes')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'End a live session once it has cost this many credits')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between checks [default: 30s]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--total', '--total', [CompletionResultType]::ParameterName, 'Apply the caps to the account''s live total: end the newest sessions until it is under them')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Check once and exit (for cron)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;session;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s sessions: minutes, credits, burn rate, and the live total')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show sessions (a cs_… id or a UUID from the list)')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'Print a session''s transcript (by the list''s UUID)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Guard the spend: end live sessions past a cap, and log what was ended')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;session;help;start' {
            break
        }
        'bithuman;session;help;list' {
            break
        }
        'bithuman;session;help;show' {
            break
        }
        'bithuman;session;help;end' {
            break
        }
        'bithuman;session;help;transcript' {
            break
        }
        'bithuman;session;help;watch' {
            break
        }
        'bithuman;session;help;help' {
            break
        }
        'bithuman;embed-token' {
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'The agent to embed')
            [CompletionResult]::new('--fingerprint', '--fingerprint', [CompletionResultType]::ParameterName, 'A stable id of the visitor, in hex [default: a random one]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'The model [default: the agent''s]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;batch' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What each row creates')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The state file that makes a re-run resume [default: beside the manifest, MANIFEST.state.jsonl; required for stdin]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Submits in flight: a number, or auto (start at 2, adapt to the server)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver')
            [CompletionResult]::new('--download', '--download', [CompletionResultType]::ParameterName, 'With --wait: save each result (.imx or .mp4) into DIR')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'The submitted jobs'' prices (from /v1/pricing) never add up to more than N credits')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Only the rows of shard I of N (1-based), by a stable hash of each row''s key (or identity) [default state: MANIFEST.shard-I-of-N.state.jsonl]')
            [CompletionResult]::new('--rate-share', '--rate-share', [CompletionResultType]::ParameterName, 'Pace at 1/N of each of the account''s rate limits (N machines sharing one account)')
            [CompletionResult]::new('--max-runtime', '--max-runtime', [CompletionResultType]::ParameterName, 'Stop submitting and waiting this long after the start, keep the state, exit 75 (e.g. 5h30m)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for every job (one deadline)')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop submitting after the first failed row (jobs in flight are still waited for)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check every row and print the plan and the total price; send nothing billed')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Leave invalid rows out (reported as skipped) instead of refusing the batch')
            [CompletionResult]::new('--restart-changed', '--restart-changed', [CompletionResultType]::ParameterName, 'Submit rows that changed since the state file recorded them anew')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the local checks of files'' type and size')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let rows name files outside the manifest''s folder (prompt_file, text_file, image, audio)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Print a batch''s results from its state files (every shard''s) without sending anything')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;batch;report' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What each row creates')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'A state file to read (repeat for several) [default: MANIFEST.state.jsonl and every MANIFEST.shard-I-of-N.state.jsonl beside it]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--no-preflight', '--no-preflight', [CompletionResultType]::ParameterName, 'Skip the local checks of files'' type and size (as the batch was run)')
            [CompletionResult]::new('--allow-outside', '--allow-outside', [CompletionResultType]::ParameterName, 'Let rows name files outside the manifest''s folder (as the batch was run)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;batch;help' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Print a batch''s results from its state files (every shard''s) without sending anything')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;batch;help;report' {
            break
        }
        'bithuman;batch;help;help' {
            break
        }
        'bithuman;mcp' {
            [CompletionResult]::new('--allow-path', '--allow-path', [CompletionResultType]::ParameterName, 'Also let tools read and write files below DIR (repeatable); by default only below the working folder')
            [CompletionResult]::new('--max-credits', '--max-credits', [CompletionResultType]::ParameterName, 'Cap the credits all billed tool calls of this server may spend; a call that would pass it is refused (BUDGET_EXCEEDED)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;account' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;pricing' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;usage' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this date (2026-11-01, an RFC 3339 time) or this long ago (7d, 12h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Until this date (2026-12-01 or an RFC 3339 time)')
            [CompletionResult]::new('--agent', '--agent', [CompletionResultType]::ParameterName, 'Only this agent''s rows')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Rows per page (1–200)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every page')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a webhook; prints its id and its signing secret, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s webhooks (secrets are never shown again)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one webhook')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete webhooks (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'List a webhook''s deliveries, most recent first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check one delivery''s signature and timestamp: exit 0 when valid, 1 with the reason when not')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive events locally: register a temporary webhook, print and forward each verified delivery')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;webhook;create' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Where the API delivers events (https; http only for local tests)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Deliver only this event (repeatable) [default: all events]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'A note to tell webhooks apart')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;list' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;show' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;delete' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking (required when not on a terminal, and with --json)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking (required when not on a terminal, and with --json)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;test' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;deliveries' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;verify' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The webhook''s signing secret (whsec_…)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The X-BitHuman-Timestamp value (the raw body is read from stdin)')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The X-BitHuman-Signature value, sha256=<hex>')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'A whole raw HTTP request (headers, blank line, body) from a file or - for stdin')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'How far the timestamp may be from this machine''s clock, either way')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Local port on 127.0.0.1 (0 = any free port)')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Pass each verified delivery on, unchanged (body and X-BitHuman-* headers), to this URL')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'The public address (a tunnel to the local port) the API delivers to; required on the real API')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Receive only this event (repeatable) [default: all events]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--print-secret', '--print-secret', [CompletionResultType]::ParameterName, 'Print the temporary webhook''s signing secret as the first line of stdout')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;webhook;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a webhook; prints its id and its signing secret, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s webhooks (secrets are never shown again)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one webhook')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete webhooks (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'List a webhook''s deliveries, most recent first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check one delivery''s signature and timestamp: exit 0 when valid, 1 with the reason when not')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive events locally: register a temporary webhook, print and forward each verified delivery')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;webhook;help;create' {
            break
        }
        'bithuman;webhook;help;list' {
            break
        }
        'bithuman;webhook;help;show' {
            break
        }
        'bithuman;webhook;help;delete' {
            break
        }
        'bithuman;webhook;help;test' {
            break
        }
        'bithuman;webhook;help;deliveries' {
            break
        }
        'bithuman;webhook;help;verify' {
            break
        }
        'bithuman;webhook;help;listen' {
            break
        }
        'bithuman;webhook;help;help' {
            break
        }
        'bithuman;auth' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check the secret in use and tell where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored secret from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;auth;login' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the secret from stdin (needed when stdin is not a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;auth;status' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;auth;logout' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check the secret in use and tell where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored secret from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;auth;help;login' {
            break
        }
        'bithuman;auth;help;status' {
            break
        }
        'bithuman;auth;help;logout' {
            break
        }
        'bithuman;auth;help;help' {
            break
        }
        'bithuman;sandbox' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulator on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where the sandbox''s world is, its plan, balance and counts')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Empty the sandbox''s world: every agent, video, usage row, session and webhook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;sandbox;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 = any free port)')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'Time factor: 10 makes agents ready in about a second')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Share of jobs (0–1: agents, videos, model adds, gestures) that end `failed`')
            [CompletionResult]::new('--flaky', '--flaky', [CompletionResultType]::ParameterName, 'Share of requests (0–1) answered 503')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Bucket sizes per minute: N (the generate bucket) or generate=N,write=N,read=N; past them 429 with Retry-After')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'The account''s plan: its rate buckets and agent cap (free: no API access) [default: the world''s, business when new]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The world''s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder''s bithuman/sandbox]')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for repeatable random choices')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Accept only this api-secret (default: any non-empty one)')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)')
            [CompletionResult]::new('--webhook-faults', '--webhook-faults', [CompletionResultType]::ParameterName, 'Shares (0–1) of webhook delivery attempts dropped, sent twice, held back or signed wrongly (seeded by --seed)')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;sandbox;status' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The world''s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder''s bithuman/sandbox]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;sandbox;reset' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The world''s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder''s bithuman/sandbox]')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (required when not on a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulator on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where the sandbox''s world is, its plan, balance and counts')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Empty the sandbox''s world: every agent, video, usage row, session and webhook')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;sandbox;help;serve' {
            break
        }
        'bithuman;sandbox;help;status' {
            break
        }
        'bithuman;sandbox;help;reset' {
            break
        }
        'bithuman;sandbox;help;help' {
            break
        }
        'bithuman;completion' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;man' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;open' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--video', '--video', [CompletionResultType]::ParameterName, 'The id is a video job''s: open its video file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;doctor' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;version' {
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log requests to stderr (-vv: headers and bodies, secret redacted)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Create an agent from a prompt, a face image and a voice sample')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show agents'' current records (one request per id)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until agents are ready (or failed), then print their records')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download an agent''s model file (.imx)')
            [CompletionResult]::new('video', 'video', [CompletionResultType]::ParameterValue, 'Talking videos of an agent: render, follow, download the mp4')
            [CompletionResult]::new('agent', 'agent', [CompletionResultType]::ParameterValue, 'Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)')
            [CompletionResult]::new('dynamics', 'dynamics', [CompletionResultType]::ParameterValue, 'Gestures (dynamics) for an agent')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend')
            [CompletionResult]::new('embed-token', 'embed-token', [CompletionResultType]::ParameterValue, 'Mint a one-hour token that embeds an agent in a web page (printed on stdout)')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Show the account: plan, credit balance, status')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'Show the price list: credits per agent model, video minute, gestures')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show the credit history (charges and refunds) and its total')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Webhooks: get agent and video events pushed to a URL; verify and receive them locally')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in, check or forget the stored API secret')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run an offline emulator of the bitHuman API')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an agent''s page, a video, or a downloaded file in the browser or player')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check that everything is ready to work: secret, plan, limits, clock, reachability')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, with the commit, build date and target of this build')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;help;generate' {
            break
        }
        'bithuman;help;status' {
            break
        }
        'bithuman;help;wait' {
            break
        }
        'bithuman;help;download' {
            break
        }
        'bithuman;help;video' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render a talking video of an agent from a script or a recording')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show video jobs'' current records')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until video jobs are rendered (or failed)')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download a rendered video (mp4)')
            break
        }
        'bithuman;help;video;generate' {
            break
        }
        'bithuman;help;video;status' {
            break
        }
        'bithuman;help;video;wait' {
            break
        }
        'bithuman;help;video;download' {
            break
        }
        'bithuman;help;agent' {
            [CompletionResult]::new('add-model', 'add-model', [CompletionResultType]::ParameterValue, 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agents, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show agents'' full records (models included)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an agent''s system prompt')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete agents (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('speak', 'speak', [CompletionResultType]::ParameterValue, 'Make an agent say a text in its live rooms')
            [CompletionResult]::new('context', 'context', [CompletionResultType]::ParameterValue, 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Same as `bithuman generate`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Same as `bithuman status`')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Same as `bithuman wait`')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Same as `bithuman download`')
            break
        }
        'bithuman;help;agent;add-model' {
            break
        }
        'bithuman;help;agent;list' {
            break
        }
        'bithuman;help;agent;show' {
            break
        }
        'bithuman;help;agent;update' {
            break
        }
        'bithuman;help;agent;delete' {
            break
        }
        'bithuman;help;agent;speak' {
            break
        }
        'bithuman;help;agent;context' {
            break
        }
        'bithuman;help;agent;generate' {
            break
        }
        'bithuman;help;agent;status' {
            break
        }
        'bithuman;help;agent;wait' {
            break
        }
        'bithuman;help;agent;download' {
            break
        }
        'bithuman;help;dynamics' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate gestures for an agent (billed; see `bithuman pricing`)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show agents'' gestures')
            break
        }
        'bithuman;help;dynamics;generate' {
            break
        }
        'bithuman;help;dynamics;status' {
            break
        }
        'bithuman;help;session' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s sessions: minutes, credits, burn rate, and the live total')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show sessions (a cs_… id or a UUID from the list)')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes')
            [CompletionResult]::new('transcript', 'transcript', [CompletionResultType]::ParameterValue, 'Print a session''s transcript (by the list''s UUID)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Guard the spend: end live sessions past a cap, and log what was ended')
            break
        }
        'bithuman;help;session;start' {
            break
        }
        'bithuman;help;session;list' {
            break
        }
        'bithuman;help;session;show' {
            break
        }
        'bithuman;help;session;end' {
            break
        }
        'bithuman;help;session;transcript' {
            break
        }
        'bithuman;help;session;watch' {
            break
        }
        'bithuman;help;embed-token' {
            break
        }
        'bithuman;help;batch' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Print a batch''s results from its state files (every shard''s) without sending anything')
            break
        }
        'bithuman;help;batch;report' {
            break
        }
        'bithuman;help;mcp' {
            break
        }
        'bithuman;help;account' {
            break
        }
        'bithuman;help;pricing' {
            break
        }
        'bithuman;help;usage' {
            break
        }
        'bithuman;help;webhook' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a webhook; prints its id and its signing secret, which is shown only once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s webhooks (secrets are never shown again)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one webhook')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete webhooks (asks first on a terminal; --yes elsewhere)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'List a webhook''s deliveries, most recent first')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check one delivery''s signature and timestamp: exit 0 when valid, 1 with the reason when not')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive events locally: register a temporary webhook, print and forward each verified delivery')
            break
        }
        'bithuman;help;webhook;create' {
            break
        }
        'bithuman;help;webhook;list' {
            break
        }
        'bithuman;help;webhook;show' {
            break
        }
        'bithuman;help;webhook;delete' {
            break
        }
        'bithuman;help;webhook;test' {
            break
        }
        'bithuman;help;webhook;deliveries' {
            break
        }
        'bithuman;help;webhook;verify' {
            break
        }
        'bithuman;help;webhook;listen' {
            break
        }
        'bithuman;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check the secret in use and tell where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored secret from the config file')
            break
        }
        'bithuman;help;auth;login' {
            break
        }
        'bithuman;help;auth;status' {
            break
        }
        'bithuman;help;auth;logout' {
            break
        }
        'bithuman;help;sandbox' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulator on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where the sandbox''s world is, its plan, balance and counts')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Empty the sandbox''s world: every agent, video, usage row, session and webhook')
            break
        }
        'bithuman;help;sandbox;serve' {
            break
        }
        'bithuman;help;sandbox;status' {
            break
        }
        'bithuman;help;sandbox;reset' {
            break
        }
        'bithuman;help;completion' {
            break
        }
        'bithuman;help;man' {
            break
        }
        'bithuman;help;open' {
            break
        }
        'bithuman;help;doctor' {
            break
        }
        'bithuman;help;version' {
            break
        }
        'bithuman;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
