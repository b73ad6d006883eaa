
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
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in, check or forget the stored API secret')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run an offline emulator of the bitHuman API')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
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
        'bithuman;wait' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls of one agent (minimum 1s) [default: 5s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Wait for the agent this machine created most recently')
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
        'bithuman;auth' {
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
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store an API secret read from stdin (checked with the API first)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Check the secret in use and tell where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the stored secret from the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'bithuman;auth;login' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the secret from stdin')
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
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store an API secret read from stdin (checked with the API first)')
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
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Share of agents (0–1) that end `failed`')
            [CompletionResult]::new('--flaky', '--flaky', [CompletionResultType]::ParameterName, 'Share of requests (0–1) answered 503')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'At most N generate requests per 60 s, then 429 with Retry-After')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for repeatable random choices')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Accept only this api-secret (default: any non-empty one)')
            [CompletionResult]::new('--credits', '--credits', [CompletionResultType]::ParameterName, 'Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)')
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
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in, check or forget the stored API secret')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run an offline emulator of the bitHuman API')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
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
        'bithuman;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store an API secret read from stdin (checked with the API first)')
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
        'bithuman;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
