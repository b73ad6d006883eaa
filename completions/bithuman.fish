# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_bithuman_global_optspecs
    string join \n json jq= q/quiet v/verbose no-color base-url= config= profile= sandbox h/help V/version
end

function __fish_bithuman_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_bithuman_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_bithuman_using_subcommand
    set -l cmd (__fish_bithuman_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c bithuman -n "__fish_bithuman_needs_command" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_needs_command" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_needs_command" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_needs_command" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_needs_command" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_needs_command" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_needs_command" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_needs_command" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_needs_command" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_needs_command" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_needs_command" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "generate" -d 'Create an agent from a prompt, a face image and a voice sample'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "status" -d 'Show agents\' current records (one request per id)'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "wait" -d 'Wait until agents are ready (or failed), then print their records'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "download" -d 'Download an agent\'s model file (.imx)'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "video" -d 'Talking videos of an agent: render, follow, download the mp4'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "agent" -d 'Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "dynamics" -d 'Gestures (dynamics) for an agent'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "session" -d 'Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "embed-token" -d 'Mint a one-hour token that embeds an agent in a web page (printed on stdout)'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "batch" -d 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "mcp" -d 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "account" -d 'Show the account: plan, credit balance, status'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "pricing" -d 'Show the price list: credits per agent model, video minute, gestures'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "usage" -d 'Show the credit history (charges and refunds) and its total'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "webhook" -d 'Webhooks: get agent and video events pushed to a URL; verify and receive them locally'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "auth" -d 'Log in, check or forget the stored API secret'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "sandbox" -d 'Run an offline emulator of the bitHuman API'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "completion" -d 'Print shell completions'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "open" -d 'Open an agent\'s page, a video, or a downloaded file in the browser or player'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "doctor" -d 'Check that everything is ready to work: secret, plan, limits, clock, reachability'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "version" -d 'Print the version, with the commit, build date and target of this build'
complete -c bithuman -n "__fish_bithuman_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l prompt -d 'The agent\'s system prompt' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l prompt-file -d 'Read the prompt from a file (- = stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l image -d 'Face image: URL, local file, or - for stdin' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l audio -d 'Voice sample: URL, local file, or - for stdin' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l video -d 'Video (the live API now refuses it; use --image)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l aspect-ratio -d 'Aspect ratio of the identity image' -r -f -a "16:9\t'`16:9`: landscape'
9:16\t'`9:16`: upright (phones)'
1:1\t'`1:1`'"
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l video-aspect-ratio -d 'Aspect ratio of the video (original API)' -r -f -a "16:9\t'`16:9`: landscape'
9:16\t'`9:16`: upright (phones)'
1:1\t'`1:1`'"
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l duration -d 'Duration in seconds (the live API ignores it)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l agent-id -d 'Custom agent id (an existing one of yours is regenerated)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l model -d 'Model to build [default: essence-1, or `model` from config]' -r -f -a "essence-1\t''
essence-2\t''
expression-1\t''
expression-2\t''
auto\t''
essence\t''
expression\t''
essence-2-max\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l framing -d 'Framing of the portrait' -r -f -a "portrait\t'`portrait`: head and shoulders (the API\'s default)'
full_body\t'`full_body`: the whole figure'"
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l idempotency-key -d 'Idempotency-Key header; re-running with the same key never creates a second agent [default: random]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l media -d 'How local files are sent [default: upload, or `media` from config]' -r -f -a "upload\t'POST /v1/files/upload, then send the returned URL'
base64\t'Raw base64 in the generate field'
data-uri\t'data:<mime>;base64,… in the generate field'"
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l download -d 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l max-credits -d 'Refuse to submit when the agent\'s price (from /v1/pricing) is over N credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l web -d 'Open the agent\'s page once it is ready (with --wait; see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l transparency -d 'Green-screen background for chroma keying'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l no-preflight -d 'Skip the local checks of file type and size'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l wait -d 'Wait until the agent is ready'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l dry-run -d 'Print the requests that would be sent, send nothing'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bithuman -n "__fish_bithuman_using_subcommand generate" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l web -d 'Open each agent\'s page (see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand status" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l last -d 'Wait for the agent this machine created most recently'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l web -d 'Open each agent\'s page once it is ready (see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand wait" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -s o -l output -d 'Target file, directory, or - for stdout [default: current directory, server\'s file name]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l model -d 'Which model\'s file (e.g. essence-1, essence-2)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l timeout -d 'How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l force -d 'Overwrite an existing file'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand download" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -f -a "generate" -d 'Render a talking video of an agent from a script or a recording'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -f -a "status" -d 'Show video jobs\' current records'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -f -a "wait" -d 'Wait until video jobs are rendered (or failed)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -f -a "download" -d 'Download a rendered video (mp4)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and not __fish_seen_subcommand_from generate status wait download help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l agent -d 'The agent that speaks' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l text -d 'What the agent says (at most 5000 characters)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l text-file -d 'Read the script from a file (- = stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l audio -d 'A recording to lip-sync instead of a script: URL, local file, or - for stdin' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l model -d 'Engine [default: essence-1, or `video_model` from config]' -r -f -a "essence-1\t''
expression-1\t''
essence-2\t''
essence-2-max\t''
expression-2\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l voice -d 'Voice id for a script, instead of the agent\'s own voice' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l idempotency-key -d 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l max-credits -d 'Refuse to submit when the job\'s price (from /v1/pricing) is over N credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l download -d 'With --wait: save the mp4 (into DIR as <job>.mp4, or as PATH) [default: .]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l no-preflight -d 'Skip the local checks of the recording\'s type and size'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l dry-run -d 'Print the requests that would be sent, send nothing'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l wait -d 'Wait until the job is done'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l web -d 'Open each rendered video (see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l last -d 'Wait for the video this machine submitted most recently'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -s o -l output -d 'Target file, directory, or - for stdout [default: ./<job>.mp4]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l force -d 'Overwrite an existing file'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Render a talking video of an agent from a script or a recording'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show video jobs\' current records'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until video jobs are rendered (or failed)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download a rendered video (mp4)'
complete -c bithuman -n "__fish_bithuman_using_subcommand video; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "add-model" -d 'Add a model to a ready agent (billed at the model\'s creation price; expression-1 is free)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "list" -d 'List agents, newest first'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "show" -d 'Show agents\' full records (models included)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "update" -d 'Change an agent\'s system prompt'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "delete" -d 'Delete agents (asks first on a terminal; --yes elsewhere)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "speak" -d 'Make an agent say a text in its live rooms'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "context" -d 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "generate" -d 'Same as `bithuman generate`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "status" -d 'Same as `bithuman status`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "wait" -d 'Same as `bithuman wait`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "download" -d 'Same as `bithuman download`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and not __fish_seen_subcommand_from add-model list show update delete speak context generate status wait download help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l model -d 'The model to add' -r -f -a "essence-1\t''
essence-2\t''
expression-1\t''
expression-2\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l idempotency-key -d 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l max-credits -d 'Refuse to submit when the job\'s price (from /v1/pricing) is over N credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l download -d 'With --wait, for essence-1: download the .imx (into DIR, or as PATH) [default: .]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l dry-run -d 'Print the requests that would be sent, send nothing'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l wait -d 'Wait until the job is done'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from add-model" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l status -d 'Only agents with this status (e.g. ready)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l limit -d 'Agents per page (1–100)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l all -d 'Every page, streamed as it arrives'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l prompt -d 'The new system prompt' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l prompt-file -d 'Read the new system prompt from a file (- = stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking (required when not on a terminal, and with --json)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l text -d 'The text' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l file -d 'Read the text from a file (- = stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l room -d 'Only this room [default: every live room of the agent]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from speak" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l text -d 'The text' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l file -d 'Read the text from a file (- = stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l room -d 'Only this room [default: every live room of the agent]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l speak -d 'Have the agent answer it aloud, not just know it'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from context" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l prompt -d 'The agent\'s system prompt' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l prompt-file -d 'Read the prompt from a file (- = stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l image -d 'Face image: URL, local file, or - for stdin' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l audio -d 'Voice sample: URL, local file, or - for stdin' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l video -d 'Video (the live API now refuses it; use --image)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l aspect-ratio -d 'Aspect ratio of the identity image' -r -f -a "16:9\t'`16:9`: landscape'
9:16\t'`9:16`: upright (phones)'
1:1\t'`1:1`'"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l video-aspect-ratio -d 'Aspect ratio of the video (original API)' -r -f -a "16:9\t'`16:9`: landscape'
9:16\t'`9:16`: upright (phones)'
1:1\t'`1:1`'"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l duration -d 'Duration in seconds (the live API ignores it)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l agent-id -d 'Custom agent id (an existing one of yours is regenerated)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l model -d 'Model to build [default: essence-1, or `model` from config]' -r -f -a "essence-1\t''
essence-2\t''
expression-1\t''
expression-2\t''
auto\t''
essence\t''
expression\t''
essence-2-max\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l framing -d 'Framing of the portrait' -r -f -a "portrait\t'`portrait`: head and shoulders (the API\'s default)'
full_body\t'`full_body`: the whole figure'"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l idempotency-key -d 'Idempotency-Key header; re-running with the same key never creates a second agent [default: random]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l media -d 'How local files are sent [default: upload, or `media` from config]' -r -f -a "upload\t'POST /v1/files/upload, then send the returned URL'
base64\t'Raw base64 in the generate field'
data-uri\t'data:<mime>;base64,… in the generate field'"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l download -d 'With --wait: download the model once ready (into DIR, or as PATH) [default: .]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l max-credits -d 'Refuse to submit when the agent\'s price (from /v1/pricing) is over N credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l web -d 'Open the agent\'s page once it is ready (with --wait; see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l transparency -d 'Green-screen background for chroma keying'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l no-preflight -d 'Skip the local checks of file type and size'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l wait -d 'Wait until the agent is ready'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l dry-run -d 'Print the requests that would be sent, send nothing'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l web -d 'Open each agent\'s page (see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l last -d 'Wait for the agent this machine created most recently'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l web -d 'Open each agent\'s page once it is ready (see `bithuman open`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -s o -l output -d 'Target file, directory, or - for stdout [default: current directory, server\'s file name]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l model -d 'Which model\'s file (e.g. essence-1, essence-2)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l timeout -d 'How long to keep retrying while the file is being published, 0 = no deadline [default: 10m]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l force -d 'Overwrite an existing file'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from download" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "add-model" -d 'Add a model to a ready agent (billed at the model\'s creation price; expression-1 is free)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "list" -d 'List agents, newest first'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show agents\' full records (models included)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change an agent\'s system prompt'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete agents (asks first on a terminal; --yes elsewhere)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "speak" -d 'Make an agent say a text in its live rooms'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "context" -d 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Same as `bithuman generate`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "status" -d 'Same as `bithuman status`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Same as `bithuman wait`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "download" -d 'Same as `bithuman download`'
complete -c bithuman -n "__fish_bithuman_using_subcommand agent; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -f -a "generate" -d 'Generate gestures for an agent (billed; see `bithuman pricing`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -f -a "status" -d 'Show agents\' gestures'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and not __fish_seen_subcommand_from generate status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l duration -d 'Gesture length in seconds [server default: 5]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l image -d 'Source image instead of the agent\'s: URL, or a local file (uploaded)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l idempotency-key -d 'Idempotency-Key header; re-running with the same key never submits (or bills) twice [default: random]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l max-credits -d 'Refuse to submit when the job\'s price (from /v1/pricing) is over N credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l dry-run -d 'Print the requests that would be sent, send nothing'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l wait -d 'Wait until the job is done'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate gestures for an agent (billed; see `bithuman pricing`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show agents\' gestures'
complete -c bithuman -n "__fish_bithuman_using_subcommand dynamics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "start" -d 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "list" -d 'List the account\'s sessions: minutes, credits, burn rate, and the live total'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "show" -d 'Show sessions (a cs_… id or a UUID from the list)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "end" -d 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "transcript" -d 'Print a session\'s transcript (by the list\'s UUID)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "watch" -d 'Guard the spend: end live sessions past a cap, and log what was ended'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and not __fish_seen_subcommand_from start list show end transcript watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l agent -d 'The agent that joins the room' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l livekit-url -d 'Your LiveKit server (wss://, ws:// or https://)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l livekit-token -d 'A LiveKit token from your LiveKit keys (- reads it from stdin); never printed' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l room -d 'The LiveKit room to join' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l model -d 'The avatar model [default: the server\'s choice]' -r -f -a "essence-1\t''
essence-2\t''
expression-1\t''
expression-2\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l live -d 'Only live sessions'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l recent -d 'Live and recently ended sessions'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l all -d 'Every session the server keeps [the default]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l all -d 'End every session: suspend all the account\'s runtime tokens (a new secret lifts it)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -s y -l yes -d 'With --all: do not ask (required when not on a terminal, and with --json)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from end" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from transcript" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l max-minutes -d 'End a live session once it has run this many minutes' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l max-credits -d 'End a live session once it has cost this many credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l interval -d 'Time between checks [default: 30s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l total -d 'Apply the caps to the account\'s live total: end the newest sessions until it is under them'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l once -d 'Check once and exit (for cron)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the account\'s sessions: minutes, credits, burn rate, and the live total'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show sessions (a cs_… id or a UUID from the list)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "end" -d 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "transcript" -d 'Print a session\'s transcript (by the list\'s UUID)'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Guard the spend: end live sessions past a cap, and log what was ended'
complete -c bithuman -n "__fish_bithuman_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l agent -d 'The agent to embed' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l fingerprint -d 'A stable id of the visitor, in hex [default: a random one]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l model -d 'The model [default: the agent\'s]' -r -f -a "essence-1\t''
essence-2\t''
expression-1\t''
expression-2\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand embed-token" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l kind -d 'What each row creates' -r -f -a "agent\t''
video\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l state -d 'The state file that makes a re-run resume [default: beside the manifest, MANIFEST.state.jsonl; required for stdin]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l concurrency -d 'Submits in flight: a number, or auto (start at 2, adapt to the server)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l interval -d 'Time between polls of one agent (minimum 1s) [default: 5s]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l timeout -d 'Give up after this long, 0 = never [default: 30m for essence-1/expression-1, else 4h]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l via -d 'How to learn that jobs ended: poll, or webhook (a local receiver behind a temporary webhook; polling goes on at a tenth of the rate as a fallback) [default: poll]' -r -f -a "poll\t''
webhook\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l public-url -d 'With --via webhook on the real API: the public https address (a tunnel you run) that reaches the local receiver' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l download -d 'With --wait: save each result (.imx or .mp4) into DIR' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l max-credits -d 'The submitted jobs\' prices (from /v1/pricing) never add up to more than N credits' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l shard -d 'Only the rows of shard I of N (1-based), by a stable hash of each row\'s key (or identity) [default state: MANIFEST.shard-I-of-N.state.jsonl]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l rate-share -d 'Pace at 1/N of each of the account\'s rate limits (N machines sharing one account)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l max-runtime -d 'Stop submitting and waiting this long after the start, keep the state, exit 75 (e.g. 5h30m)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l wait -d 'Wait for every job (one deadline)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l fail-fast -d 'Stop submitting after the first failed row (jobs in flight are still waited for)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l dry-run -d 'Check every row and print the plan and the total price; send nothing billed'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l skip-invalid -d 'Leave invalid rows out (reported as skipped) instead of refusing the batch'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l restart-changed -d 'Submit rows that changed since the state file recorded them anew'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l no-preflight -d 'Skip the local checks of files\' type and size'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l allow-outside -d 'Let rows name files outside the manifest\'s folder (prompt_file, text_file, image, audio)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -a "report" -d 'Print a batch\'s results from its state files (every shard\'s) without sending anything'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and not __fish_seen_subcommand_from report help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l kind -d 'What each row creates' -r -f -a "agent\t''
video\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l state -d 'A state file to read (repeat for several) [default: MANIFEST.state.jsonl and every MANIFEST.shard-I-of-N.state.jsonl beside it]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l no-preflight -d 'Skip the local checks of files\' type and size (as the batch was run)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l allow-outside -d 'Let rows name files outside the manifest\'s folder (as the batch was run)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from report" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "report" -d 'Print a batch\'s results from its state files (every shard\'s) without sending anything'
complete -c bithuman -n "__fish_bithuman_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l allow-path -d 'Also let tools read and write files below DIR (repeatable); by default only below the working folder' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l max-credits -d 'Cap the credits all billed tool calls of this server may spend; a call that would pass it is refused (BUDGET_EXCEEDED)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand account" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand pricing" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l since -d 'From this date (2026-11-01, an RFC 3339 time) or this long ago (7d, 12h)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l until -d 'Until this date (2026-12-01 or an RFC 3339 time)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l agent -d 'Only this agent\'s rows' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l limit -d 'Rows per page (1–200)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l all -d 'Every page'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand usage" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "create" -d 'Create a webhook; prints its id and its signing secret, which is shown only once'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "list" -d 'List the account\'s webhooks (secrets are never shown again)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "show" -d 'Show one webhook'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "delete" -d 'Delete webhooks (asks first on a terminal; --yes elsewhere)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "test" -d 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "deliveries" -d 'List a webhook\'s deliveries, most recent first'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "verify" -d 'Check one delivery\'s signature and timestamp: exit 0 when valid, 1 with the reason when not'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "listen" -d 'Receive events locally: register a temporary webhook, print and forward each verified delivery'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and not __fish_seen_subcommand_from create list show delete test deliveries verify listen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l url -d 'Where the API delivers events (https; http only for local tests)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l event -d 'Deliver only this event (repeatable) [default: all events]' -r -f -a "agent.ready\t''
agent.failed\t''
video.completed\t''
video.failed\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l description -d 'A note to tell webhooks apart' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking (required when not on a terminal, and with --json)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l secret -d 'The webhook\'s signing secret (whsec_…)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l timestamp -d 'The X-BitHuman-Timestamp value (the raw body is read from stdin)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l signature -d 'The X-BitHuman-Signature value, sha256=<hex>' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l request -d 'A whole raw HTTP request (headers, blank line, body) from a file or - for stdin' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l tolerance -d 'How far the timestamp may be from this machine\'s clock, either way' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l port -d 'Local port on 127.0.0.1 (0 = any free port)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l forward-to -d 'Pass each verified delivery on, unchanged (body and X-BitHuman-* headers), to this URL' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l public-url -d 'The public address (a tunnel to the local port) the API delivers to; required on the real API' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l event -d 'Receive only this event (repeatable) [default: all events]' -r -f -a "agent.ready\t''
agent.failed\t''
video.completed\t''
video.failed\t''"
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l print-secret -d 'Print the temporary webhook\'s signing secret as the first line of stdout'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from listen" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a webhook; prints its id and its signing secret, which is shown only once'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the account\'s webhooks (secrets are never shown again)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one webhook'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete webhooks (asks first on a terminal; --yes elsewhere)'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "test" -d 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "deliveries" -d 'List a webhook\'s deliveries, most recent first'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check one delivery\'s signature and timestamp: exit 0 when valid, 1 with the reason when not'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive events locally: register a temporary webhook, print and forward each verified delivery'
complete -c bithuman -n "__fish_bithuman_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Check the secret in use and tell where it comes from'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Remove the stored secret from the config file'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read the secret from stdin (needed when stdin is not a terminal)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Check the secret in use and tell where it comes from'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the stored secret from the config file'
complete -c bithuman -n "__fish_bithuman_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -f -a "serve" -d 'Serve the emulator on 127.0.0.1 until Ctrl-C'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -f -a "status" -d 'Show where the sandbox\'s world is, its plan, balance and counts'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -f -a "reset" -d 'Empty the sandbox\'s world: every agent, video, usage row, session and webhook'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and not __fish_seen_subcommand_from serve status reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l port -d 'Port on 127.0.0.1 (0 = any free port)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l speed -d 'Time factor: 10 makes agents ready in about a second' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l fail-rate -d 'Share of jobs (0–1: agents, videos, model adds, gestures) that end `failed`' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l flaky -d 'Share of requests (0–1) answered 503' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l rate-limit -d 'Bucket sizes per minute: N (the generate bucket) or generate=N,write=N,read=N; past them 429 with Retry-After' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l plan -d 'The account\'s plan: its rate buckets and agent cap (free: no API access) [default: the world\'s, business when new]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l state -d 'The world\'s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder\'s bithuman/sandbox]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l seed -d 'Seed for repeatable random choices' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l secret -d 'Accept only this api-secret (default: any non-empty one)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l credits -d 'Starting credit balance; billed jobs it cannot pay get 402 (default: 1000000)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l webhook-faults -d 'Shares (0–1) of webhook delivery attempts dropped, sent twice, held back or signed wrongly (seeded by --seed)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from serve" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l state -d 'The world\'s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder\'s bithuman/sandbox]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l state -d 'The world\'s folder, or :memory: [default: BITHUMAN_SANDBOX_STATE, else the data folder\'s bithuman/sandbox]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Do not ask (required when not on a terminal)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the emulator on 127.0.0.1 until Ctrl-C'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show where the sandbox\'s world is, its plan, balance and counts'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Empty the sandbox\'s world: every agent, video, usage row, session and webhook'
complete -c bithuman -n "__fish_bithuman_using_subcommand sandbox; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand completion" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand man" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l video -d 'The id is a video job\'s: open its video file'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand open" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l jq -d 'Filter the JSON output through a jq expression (built in; implies --json; strings print raw)' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l base-url -d 'API base URL [env: BITHUMAN_API_BASE, BITHUMAN_API_URL] [default: https://api.bithuman.ai]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l config -d 'Config file [env: BITHUMAN_CONFIG] [default: <config dir>/bithuman/config.toml]' -r -F
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l profile -d 'Use [profiles.NAME] from the config file [env: BITHUMAN_PROFILE]' -r
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l json -d 'Print JSON (one object per line) on stdout; errors as JSON on stderr [env: BITHUMAN_JSON]'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -s q -l quiet -d 'Print only data: no progress, hints or notes [env: BITHUMAN_QUIET]'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -s v -l verbose -d 'Log requests to stderr (-vv: headers and bodies, secret redacted)'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l no-color -d 'Never use colour [env: NO_COLOR, BITHUMAN_NO_COLOR]'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -l sandbox -d 'Talk to a built-in offline emulator of the API: no account, nothing leaves the machine; its world (agents, credits, usage) persists across commands, see `bithuman sandbox status` [env: BITHUMAN_SANDBOX; world: BITHUMAN_SANDBOX_STATE; plan: BITHUMAN_SANDBOX_PLAN]'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -s h -l help -d 'Print help'
complete -c bithuman -n "__fish_bithuman_using_subcommand version" -s V -l version -d 'Print version'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "generate" -d 'Create an agent from a prompt, a face image and a voice sample'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "status" -d 'Show agents\' current records (one request per id)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "wait" -d 'Wait until agents are ready (or failed), then print their records'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "download" -d 'Download an agent\'s model file (.imx)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "video" -d 'Talking videos of an agent: render, follow, download the mp4'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "agent" -d 'Manage agents: list, show, update, delete, add a model (and generate/status/wait/download)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "dynamics" -d 'Gestures (dynamics) for an agent'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "session" -d 'Live sessions: start a cloud avatar in your LiveKit room, list, end, watch the spend'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "embed-token" -d 'Mint a one-hour token that embeds an agent in a web page (printed on stdout)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "batch" -d 'Run many agents or videos from one manifest (JSON Lines or CSV): paced, resumable, never paying twice'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "mcp" -d 'Serve the Model Context Protocol on stdin/stdout, for AI agents (Claude, IDEs)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "account" -d 'Show the account: plan, credit balance, status'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "pricing" -d 'Show the price list: credits per agent model, video minute, gestures'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "usage" -d 'Show the credit history (charges and refunds) and its total'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "webhook" -d 'Webhooks: get agent and video events pushed to a URL; verify and receive them locally'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "auth" -d 'Log in, check or forget the stored API secret'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "sandbox" -d 'Run an offline emulator of the bitHuman API'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "completion" -d 'Print shell completions'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "man" -d 'Print the man page (roff)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "open" -d 'Open an agent\'s page, a video, or a downloaded file in the browser or player'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "doctor" -d 'Check that everything is ready to work: secret, plan, limits, clock, reachability'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "version" -d 'Print the version, with the commit, build date and target of this build'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and not __fish_seen_subcommand_from generate status wait download video agent dynamics session embed-token batch mcp account pricing usage webhook auth sandbox completion man open doctor version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from video" -f -a "generate" -d 'Render a talking video of an agent from a script or a recording'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from video" -f -a "status" -d 'Show video jobs\' current records'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from video" -f -a "wait" -d 'Wait until video jobs are rendered (or failed)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from video" -f -a "download" -d 'Download a rendered video (mp4)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "add-model" -d 'Add a model to a ready agent (billed at the model\'s creation price; expression-1 is free)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "list" -d 'List agents, newest first'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "show" -d 'Show agents\' full records (models included)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "update" -d 'Change an agent\'s system prompt'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "delete" -d 'Delete agents (asks first on a terminal; --yes elsewhere)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "speak" -d 'Make an agent say a text in its live rooms'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "context" -d 'Give an agent in its live rooms knowledge to use (silently, or answered aloud with --speak)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "generate" -d 'Same as `bithuman generate`'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "status" -d 'Same as `bithuman status`'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "wait" -d 'Same as `bithuman wait`'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from agent" -f -a "download" -d 'Same as `bithuman download`'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from dynamics" -f -a "generate" -d 'Generate gestures for an agent (billed; see `bithuman pricing`)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from dynamics" -f -a "status" -d 'Show agents\' gestures'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "start" -d 'Start a cloud avatar in your LiveKit room (billed per second until it ends); prints the session id'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "list" -d 'List the account\'s sessions: minutes, credits, burn rate, and the live total'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "show" -d 'Show sessions (a cs_… id or a UUID from the list)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "end" -d 'End sessions (billing stops at once; ending an ended one is harmless), or all with --all --yes'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "transcript" -d 'Print a session\'s transcript (by the list\'s UUID)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "watch" -d 'Guard the spend: end live sessions past a cap, and log what was ended'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "report" -d 'Print a batch\'s results from its state files (every shard\'s) without sending anything'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "create" -d 'Create a webhook; prints its id and its signing secret, which is shown only once'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "list" -d 'List the account\'s webhooks (secrets are never shown again)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "show" -d 'Show one webhook'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "delete" -d 'Delete webhooks (asks first on a terminal; --yes elsewhere)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "test" -d 'Have the API send one signed `ping` event to a webhook; exits 1 when it was not delivered'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "deliveries" -d 'List a webhook\'s deliveries, most recent first'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "verify" -d 'Check one delivery\'s signature and timestamp: exit 0 when valid, 1 with the reason when not'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "listen" -d 'Receive events locally: register a temporary webhook, print and forward each verified delivery'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Store an API secret, asked for on a terminal or read from stdin (checked with the API first)'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Check the secret in use and tell where it comes from'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the stored secret from the config file'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "serve" -d 'Serve the emulator on 127.0.0.1 until Ctrl-C'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "status" -d 'Show where the sandbox\'s world is, its plan, balance and counts'
complete -c bithuman -n "__fish_bithuman_using_subcommand help; and __fish_seen_subcommand_from sandbox" -f -a "reset" -d 'Empty the sandbox\'s world: every agent, video, usage row, session and webhook'
