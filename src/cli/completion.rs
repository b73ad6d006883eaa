//! `bithuman completion` and `bithuman man`: generated from the clap definition.

use super::args::Cli;
use super::exit::{CliError, code};
use clap::CommandFactory;
use std::io::Write;

/// Prints completions for `shell` on stdout.
pub fn completion(shell: clap_complete::Shell) -> Result<u8, CliError> {
    let mut out = Vec::new();
    write_completion(shell, &mut out);
    write_stdout(&out)
}

// A closed stdout (`| head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<u8, CliError> {
    match std::io::stdout().lock().write_all(bytes) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(code::OK),
    }
}

/// Generates the completion script for `shell` (also used by the freshness test).
pub fn write_completion(shell: clap_complete::Shell, out: &mut Vec<u8>) {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "bithuman", out);
}

/// Prints the man page (roff) on stdout.
pub fn man() -> Result<u8, CliError> {
    let mut out = Vec::new();
    write_man(&mut out).map_err(|e| CliError::io(e.to_string()))?;
    write_stdout(&out)
}

/// Renders one self-contained man page: clap_mangen's header and global
/// options, then every command with its flags (clap_mangen alone would point
/// at `bithuman-generate(1)` pages that are not installed), environment,
/// files and exit status.
pub fn write_man(out: &mut Vec<u8>) -> std::io::Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands() {
        write_command(out, "bithuman", sub)?;
    }
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, what) in ENVIRONMENT {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(name), roff(what))?;
    }
    writeln!(out, ".SH FILES")?;
    for (name, what) in FILES {
        writeln!(out, ".TP\n\\fI{}\\fR\n{}", roff(name), roff(what))?;
    }
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (status, what) in EXIT_STATUS {
        writeln!(out, ".TP\n\\fB{status}\\fR\n{}", roff(what))?;
    }
    writeln!(out, ".SH EXAMPLES")?;
    let examples = cmd
        .get_after_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let examples = examples.split("\n\nExit codes").next().unwrap_or("");
    writeln!(out, ".nf")?;
    for line in examples.lines().filter(|l| !l.trim_end().ends_with(':')) {
        writeln!(out, "{}", roff(line.trim_start()))?;
    }
    writeln!(out, ".fi")?;
    man.render_version_section(out)?;
    Ok(())
}

// One `.SS` per leaf command, and per command that also runs by itself
// (`batch MANIFEST` beside `batch report`).
fn write_command(out: &mut Vec<u8>, parent: &str, cmd: &clap::Command) -> std::io::Result<()> {
    let path = format!("{parent} {}", cmd.get_name());
    if cmd.has_subcommands() {
        if cmd.get_positionals().next().is_some() {
            write_section(out, &path, cmd)?;
        }
        for sub in cmd.get_subcommands() {
            write_command(out, &path, sub)?;
        }
        return Ok(());
    }
    write_section(out, &path, cmd)
}

// One command's `.SS`: synopsis, description and its own flags.
fn write_section(out: &mut Vec<u8>, path: &str, cmd: &clap::Command) -> std::io::Result<()> {
    let args: Vec<&clap::Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
        .collect();
    let mut synopsis = format!("\\fB{}\\fR", roff(path));
    for a in &args {
        synopsis.push(' ');
        synopsis.push_str(&arg_synopsis(a));
    }
    writeln!(out, ".SS \"{}\"", roff(path))?;
    writeln!(out, "{synopsis}")?;
    writeln!(out, ".PP")?;
    let about = cmd
        .get_long_about()
        .or(cmd.get_about())
        .map(ToString::to_string)
        .unwrap_or_default();
    writeln!(out, "{}", roff(&about))?;
    for a in &args {
        writeln!(out, ".TP")?;
        writeln!(out, "{}", arg_label(a))?;
        let mut help = a
            .get_long_help()
            .or(a.get_help())
            .map(ToString::to_string)
            .unwrap_or_default();
        let values: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && a.get_action().takes_values() {
            help.push_str(&format!(" [possible values: {}]", values.join(", ")));
        }
        let defaults: Vec<String> = a
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() {
            help.push_str(&format!(" [default: {}]", defaults.join(", ")));
        }
        writeln!(out, "{}", roff(&help))?;
    }
    let examples = cmd
        .get_after_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    if !examples.is_empty() {
        writeln!(out, ".PP\n.nf")?;
        for line in examples.lines() {
            writeln!(out, "{}", roff(line))?;
        }
        writeln!(out, ".fi")?;
    }
    Ok(())
}

fn value_names(a: &clap::Arg) -> String {
    a.get_value_names()
        .map(|names| {
            names
                .iter()
                .map(|n| format!("<{n}>"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| format!("<{}>", a.get_id().as_str().to_uppercase()))
}

// `-o, --output <PATH|DIR|->`, bold flags and italic values.
fn arg_label(a: &clap::Arg) -> String {
    if a.is_positional() {
        return format!("\\fI{}\\fR", roff(&value_names(a)));
    }
    let mut names = Vec::new();
    if let Some(s) = a.get_short() {
        names.push(format!("\\fB\\-{s}\\fR"));
    }
    if let Some(l) = a.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", roff(l)));
    }
    let mut label = names.join(", ");
    if a.get_action().takes_values() {
        let value = roff(&value_names(a));
        if a.get_num_args().is_some_and(|n| n.min_values() == 0) {
            label.push_str(&format!(" [\\fI{value}\\fR]"));
        } else {
            label.push_str(&format!(" \\fI{value}\\fR"));
        }
    }
    label
}

fn arg_synopsis(a: &clap::Arg) -> String {
    // `-o|--output <PATH>`, as clap_mangen writes the global ones.
    let label = arg_label(a).replacen(", ", "|", 1);
    let repeat = if matches!(a.get_action(), clap::ArgAction::Append)
        || a.get_num_args().is_some_and(|n| n.max_values() > 1)
    {
        "..."
    } else {
        ""
    };
    if a.is_required_set() {
        format!("{label}{repeat}")
    } else {
        format!("[{label}]{repeat}")
    }
}

// Escapes text for roff: backslashes, hyphens, and a leading control character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    escaped
        .lines()
        .map(|l| {
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "BITHUMAN_API_SECRET",
        "The API secret (there is no flag for it: it would show in ps). BITHUMAN_API_KEY is accepted as a deprecated alias.",
    ),
    (
        "BITHUMAN_API_BASE, BITHUMAN_API_URL",
        "The API base URL (default https://api.bithuman.ai). Plain http is refused unless the host is loopback or BITHUMAN_ALLOW_HTTP=1.",
    ),
    ("BITHUMAN_CONFIG", "The config file to use."),
    (
        "BITHUMAN_PROFILE",
        "Use [profiles.NAME] from the config file.",
    ),
    (
        "BITHUMAN_SANDBOX",
        "Like --sandbox: talk to the built-in offline emulator.",
    ),
    ("BITHUMAN_JSON, BITHUMAN_QUIET", "Like --json and --quiet."),
    ("NO_COLOR, BITHUMAN_NO_COLOR", "Never use colour."),
    ("CI", "No animated progress; plain status lines instead."),
];

const FILES: &[(&str, &str)] = &[
    (
        "<config dir>/bithuman/config.toml",
        "TOML: api_secret, base_url, model, media, interval, timeout, and [profiles.NAME] tables with the same keys. Written by auth login with mode 0600.",
    ),
    (
        "~/.bithuman/config",
        "The official bitHuman tools' file (BITHUMAN_API_SECRET=...), read as the last fallback for the secret; never written.",
    ),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    (
        "0",
        "Success; for wait and generate --wait, every agent is ready.",
    ),
    ("1", "An agent's generation failed, or another error."),
    ("2", "Usage error (bad flag or value)."),
    (
        "65",
        "Bad input data: wrong file type, empty or oversized file.",
    ),
    (
        "66",
        "Not found: a local file is missing, or the agent is unknown.",
    ),
    (
        "69",
        "Service unavailable: network failure, 5xx or 429 after retries.",
    ),
    ("70", "Internal error: an answer the CLI cannot understand."),
    (
        "75",
        "The wait deadline passed; the agent is still generating (not failed).",
    ),
    (
        "77",
        "No secret, secret rejected, out of credits, or forbidden.",
    ),
    ("130", "Interrupted (Ctrl-C)."),
];
