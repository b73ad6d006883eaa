
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
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Create an agent from a prompt, a face image and a voice sample'
            cand status 'Show agents'' current records (one request per id)'
            cand wait 'Wait until agents are ready (or failed), then print their records'
            cand download 'Download an agent''s model file (.imx)'
            cand auth 'Log in, check or forget the stored API secret'
            cand sandbox 'Run an offline emulator of the bitHuman API'
            cand completion 'Print shell completions'
            cand man 'Print the man page (roff)'
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
            cand --download 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
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
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;status'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;wait'= {
            cand --interval 'Time between polls of one agent (minimum 1s) [default: 5s]'
            cand --timeout 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --last 'Wait for the agent this machine created most recently'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
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
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Store an API secret read from stdin (checked with the API first)'
            cand status 'Check the secret in use and tell where it comes from'
            cand logout 'Remove the stored secret from the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;auth;login'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --with-token 'Read the secret from stdin'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth;status'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth;logout'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;auth;help'= {
            cand login 'Store an API secret read from stdin (checked with the API first)'
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
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Serve the emulator on 127.0.0.1 until Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;sandbox;serve'= {
            cand --port 'Port on 127.0.0.1 (0 = any free port)'
            cand --speed 'Time factor: 10 makes agents ready in about a second'
            cand --fail-rate 'Share of agents (0–1) that end `failed`'
            cand --flaky 'Share of requests (0–1) answered 503'
            cand --rate-limit 'At most N generate requests per 60 s, then 429 with Retry-After'
            cand --seed 'Seed for repeatable random choices'
            cand --secret 'Accept only this api-secret (default: any non-empty one)'
            cand --credits 'Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)'
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;sandbox;help'= {
            cand serve 'Serve the emulator on 127.0.0.1 until Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'bithuman;sandbox;help;serve'= {
        }
        &'bithuman;sandbox;help;help'= {
        }
        &'bithuman;completion'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'bithuman;man'= {
            cand --base-url 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]'
            cand --config 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]'
            cand --profile 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]'
            cand --json 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
            cand -q 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand --quiet 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
            cand -v 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --verbose 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
            cand --no-color 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
            cand --sandbox 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine [env: BITHUMAN_SANDBOX]'
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
            cand auth 'Log in, check or forget the stored API secret'
            cand sandbox 'Run an offline emulator of the bitHuman API'
            cand completion 'Print shell completions'
            cand man 'Print the man page (roff)'
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
        &'bithuman;help;auth'= {
            cand login 'Store an API secret read from stdin (checked with the API first)'
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
        }
        &'bithuman;help;sandbox;serve'= {
        }
        &'bithuman;help;completion'= {
        }
        &'bithuman;help;man'= {
        }
        &'bithuman;help;help'= {
        }
    ]
    $completions[$command]
}
