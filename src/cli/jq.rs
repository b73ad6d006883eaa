//! `--jq EXPR` (SPEC §18): every JSON value a command prints goes through a
//! jq filter, built in (jaq, pure Rust), so scripts need no `jq` binary.
//! Strings print raw, as `jq -r` does; anything else as compact JSON.
//!
//! The expression is compiled while the settings are resolved, so a bad one
//! is a usage error (2) before anything is read, uploaded or billed.

use super::exit::{CliError, Kind};
use super::output::escape_c1;
use super::text::shown;
use jaq_core::load::{Arena, File, Loader, lex, parse};
use jaq_core::{Compiler, Ctx, Filter, Vars, data};
use jaq_json::Val;
use serde_json::Value;

/// A compiled `--jq` filter.
pub struct Jq {
    filter: Filter<data::JustLut<Val>>,
}

impl std::fmt::Debug for Jq {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Jq(..)")
    }
}

impl Jq {
    /// Parses and compiles `expr` with jq's standard library.
    pub fn compile(expr: &str) -> Result<Self, CliError> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs()
            .chain(jaq_std::funs())
            .chain(jaq_json::funs());
        let arena = Arena::default();
        let program = File {
            code: expr,
            path: (),
        };
        let modules = Loader::new(defs)
            .load(&arena, program)
            .map_err(|errs| bad_expression(expr, load_reason(&errs)))?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errs| {
                let undefined: Vec<String> = errs
                    .iter()
                    .flat_map(|(_, list)| list.iter())
                    .map(|(name, what)| format!("undefined {} {name}", what.as_str()))
                    .collect();
                bad_expression(expr, undefined.join("; "))
            })?;
        Ok(Self { filter })
    }

    /// The lines the filter makes of `value`: raw strings, compact JSON.
    pub fn lines(&self, value: &Value) -> Result<Vec<String>, CliError> {
        // Our own JSON, so it always parses; a failure would be our bug.
        let input = jaq_json::read::parse_single(value.to_string().as_bytes()).map_err(|e| {
            CliError::new(Kind::Other, format!("--jq: cannot read the output: {e}"))
        })?;
        let ctx = Ctx::<data::JustLut<Val>>::new(&self.filter.lut, Vars::new([]));
        let mut lines = Vec::new();
        for out in self.filter.id.run((ctx, input)) {
            match out {
                // Raw, but server text never reaches a terminal unsanitised.
                Ok(Val::TStr(s)) => lines.push(shown(&String::from_utf8_lossy(&s))),
                Ok(v) => lines.push(compact(&v)),
                Err(exn) => match exn.get_err() {
                    Ok(e) => {
                        return Err(
                            CliError::new(Kind::Other, format!("--jq: {e}")).with_code("JQ_ERROR")
                        );
                    }
                    // `halt`: stop the output here, as jq would, without
                    // letting the library end the process.
                    Err(_) => break,
                },
            }
        }
        Ok(lines)
    }
}

/// jaq prints values pretty; a line of output wants them compact, so the
/// value goes back through serde_json (jaq's own JSON, so it parses).
fn compact(v: &Val) -> String {
    let text = v.to_string();
    let compact = serde_json::from_str::<Value>(&text).map_or(text, |v| v.to_string());
    escape_c1(&compact)
}

fn bad_expression(expr: &str, reason: String) -> CliError {
    CliError::usage(format!("invalid --jq expression {expr:?}: {reason}"))
        .with_hint("see https://jqlang.org/manual/ for the syntax")
}

fn load_reason<P>(errs: &jaq_core::load::Errors<&str, P>) -> String {
    let mut reasons = Vec::new();
    for (_, e) in errs {
        match e {
            jaq_core::load::Error::Io(list) => {
                reasons.extend(list.iter().map(|(path, m)| format!("{path}: {m}")));
            }
            jaq_core::load::Error::Lex(list) => reasons.extend(list.iter().map(lex_reason)),
            jaq_core::load::Error::Parse(list) => reasons.extend(list.iter().map(parse_reason)),
        }
    }
    if reasons.is_empty() {
        "cannot parse it".into()
    } else {
        reasons.join("; ")
    }
}

fn lex_reason((expected, at): &lex::Error<&str>) -> String {
    let what = match expected {
        lex::Expect::Digit => "a digit",
        lex::Expect::Ident => "an identifier",
        lex::Expect::Delim(_) => "a closing delimiter",
        lex::Expect::Escape => "a string escape sequence",
        lex::Expect::Unicode => "a 4-digit hexadecimal code point",
        _ => "a token",
    };
    format!("expected {what} {}", place(at))
}

fn parse_reason((expected, at): &parse::Error<&str>) -> String {
    format!("expected {} {}", expected.as_str(), place(at))
}

// Where in the expression: the start of what is left of it.
fn place(rest: &str) -> String {
    let s: String = rest.chars().take(20).collect();
    if s.is_empty() {
        "at the end".into()
    } else {
        format!("at {s:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_print_raw_and_values_compact() {
        let jq = Jq::compile(".agent_id, .inputs, (.n + 1)").expect("compiles");
        let lines = jq
            .lines(&json!({"agent_id": "A1", "inputs": {"a": [1, 2]}, "n": 41}))
            .expect("runs");
        assert_eq!(lines, ["A1", r#"{"a":[1,2]}"#, "42"]);
    }

    #[test]
    fn the_standard_library_is_there() {
        let jq = Jq::compile("[.[] | select(.ok)] | map(.id) | join(\",\")").expect("compiles");
        let lines = jq
            .lines(&json!([{"id": "a", "ok": true}, {"id": "b", "ok": false}, {"id": "c", "ok": true}]))
            .expect("runs");
        assert_eq!(lines, ["a,c"]);
    }

    #[test]
    fn bad_expressions_are_usage_errors() {
        for expr in [".[", "if . then 1", "nosuchfunction", "\"\\q\"", ""] {
            let err = Jq::compile(expr)
                .err()
                .unwrap_or_else(|| panic!("{expr:?} compiled"));
            assert_eq!(err.exit_code(), 2, "{expr:?}");
            assert!(
                err.message.contains("invalid --jq expression"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn runtime_errors_and_halt_do_not_end_the_process() {
        let jq = Jq::compile(".a.b").expect("compiles");
        let err = jq.lines(&json!({"a": "text"})).expect_err("error");
        assert_eq!(err.exit_code(), 1);
        let jq = Jq::compile("1, halt, 2").expect("compiles");
        assert_eq!(jq.lines(&json!(null)).expect("runs"), ["1"]);
    }

    // The programs of docs/json.md and the everyday ones, on the jaq
    // features built (a slimmer jaq-std must keep them working).
    #[test]
    fn everyday_programs_work_with_the_features_built() {
        let input = json!({
            "agents": [
                {"agent_id": "A1", "status": "ready", "name": "Anna", "credits": 250},
                {"agent_id": "B2", "status": "failed", "name": "Bob", "credits": 500}
            ],
            "agent_generation": {"by_model": {"essence-2": 500, "essence-1": 250}}
        });
        let cases: &[(&str, &[&str])] = &[
            (
                ".agent_generation.by_model | keys",
                &[r#"["essence-1","essence-2"]"#],
            ),
            (
                ".agents[] | select(.status == \"ready\") | .agent_id",
                &["A1"],
            ),
            (".agents | map(.credits) | add", &["750"]),
            (".agents | length", &["2"]),
            (
                ".agents[] | select(.name | test(\"^b\"; \"i\")) | .agent_id",
                &["B2"],
            ),
            (
                ".agents | sort_by(-.credits) | first | .name | ascii_downcase",
                &["bob"],
            ),
            (".agents | group_by(.status) | length", &["2"]),
            (
                ".agent_generation.by_model | to_entries | map(.value) | add",
                &["750"],
            ),
            ("[.agents[].credits] | max / 100 | floor", &["5"]),
            (
                ".agents[0] | has(\"name\"), (del(.name) | keys | join(\",\"))",
                &["true", "agent_id,credits,status"],
            ),
            (".agents[0].name | sub(\"n+\"; \"N\") | @base64", &["QU5h"]),
        ];
        for (program, expected) in cases {
            let jq = Jq::compile(program).unwrap_or_else(|e| panic!("{program}: {}", e.message));
            let lines = jq
                .lines(&input)
                .unwrap_or_else(|e| panic!("{program}: {}", e.message));
            assert_eq!(lines, *expected, "{program}");
        }
    }
}
