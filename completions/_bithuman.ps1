
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Show the account: plan, credit balance, status')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'Show the price list: credits per agent model, video minute, gestures')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show the credit history (charges and refunds) and its total')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;video;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add-model', 'add-model', [CompletionResultType]::ParameterValue, 'Add a model to a ready agent (billed at the model''s creation price; expression-1 is free)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List agents, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show agents'' full records (models included)')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change an agent''s system prompt')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete agents (asks first on a terminal; --yes elsewhere)')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;agent;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
        'bithuman;batch' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What each row creates')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'The state file that makes a re-run resume [default: beside the manifest, MANIFEST.state.jsonl; required for stdin]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Submits in flight: a number, or auto (start at 2, adapt to the server)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulator on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;sandbox;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 = any free port)')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'Time factor: 10 makes agents ready in about a second')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Share of jobs (0–1: agents, videos, model adds, gestures) that end `failed`')
            [CompletionResult]::new('--flaky', '--flaky', [CompletionResultType]::ParameterName, 'Share of requests (0–1) answered 503')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'At most N generate requests per 60 s, then 429 with Retry-After')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for repeatable random choices')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Accept only this api-secret (default: any non-empty one)')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'bithuman;sandbox;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the emulator on 127.0.0.1 until Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;sandbox;help;serve' {
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]')
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
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Show the account: plan, credit balance, status')
            [CompletionResult]::new('pricing', 'pricing', [CompletionResultType]::ParameterValue, 'Show the price list: credits per agent model, video minute, gestures')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show the credit history (charges and refunds) and its total')
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
            break
        }
        'bithuman;help;sandbox;serve' {
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
