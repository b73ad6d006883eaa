#!/usr/bin/env bash
# Benchmarks of the bithuman CLI against curl and a Python `requests` recipe.
# Loopback traffic only: it starts its own `bithuman sandbox serve` and a local
# sink (benches/sink.py). See benches/README.md.
#
# Env: RUNS (default 5), BIG_RUNS (3, for the largest file), STATUS_RUNS (20),
#      WAIT_RUNS (2), WAIT_SPEED (0.2 => agent ready ~50 s after creation),
#      WAIT_INTERVAL (seconds between polls, default 5 = the CLI's default),
#      SIZES (1,10,100 MiB), ONLY (status,generate,wait), SKIP_BUILD=1,
#      BITHUMAN_BIN (use this binary, no build), NO_PYTHON=1 (skip the recipe),
#      BENCH_TIMEOUT (whole run, seconds; default 1800), OUT (also write the
#      Markdown report to this file), CARGO_TARGET_DIR (respected),
#      PREV (reference commit for the base64 upload, default 30a1a0b = the
#      commit before v0.2; "none" skips it), PREV_BIN (use this reference binary),
#      PREV_TARGET_DIR (where the reference is built once and then reused).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

RUNS="${RUNS:-5}"
BIG_RUNS="${BIG_RUNS:-3}"
STATUS_RUNS="${STATUS_RUNS:-20}"
WAIT_RUNS="${WAIT_RUNS:-2}"
WAIT_SPEED="${WAIT_SPEED:-0.2}"
WAIT_INTERVAL="${WAIT_INTERVAL:-5}"
SIZES="${SIZES:-1,10,100}"
ONLY="${ONLY:-status,generate,wait}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-1800}"

log() { printf '[run.sh] %s\n' "$*" >&2; }

for tool in curl python3; do
  command -v "$tool" >/dev/null || { log "missing $tool"; exit 1; }
done

# 1. The CLI (release build).
if [[ -n "${BITHUMAN_BIN:-}" ]]; then
  bin="$BITHUMAN_BIN"
else
  target="${CARGO_TARGET_DIR:-$root/target}"
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "cargo build --release --locked (target dir: $target)"
    cargo build --release --locked >&2
  fi
  bin="$target/release/bithuman"
fi
[[ -x "$bin" ]] || { log "no CLI binary at $bin"; exit 1; }

# 1b. The reference build: the commit before v0.2 (see README.md), built once in
# a temporary worktree with its own target dir, and reused on later runs.
PREV="${PREV:-30a1a0b}"
prev_bin="${PREV_BIN:-}"
if [[ -z "$prev_bin" && "$PREV" != none ]]; then
  commit="$(git rev-parse --short=7 "$PREV^{commit}")"
  prev_target="${PREV_TARGET_DIR:-${TMPDIR:-/tmp}/bithuman-bench-prev-$commit}"
  prev_bin="$prev_target/release/bithuman"
  if [[ ! -x "$prev_bin" ]]; then
    tree="$(mktemp -d "${TMPDIR:-/tmp}/bithuman-prev-src.XXXXXX")"
    log "building the reference $commit once (worktree $tree, target dir $prev_target)"
    git worktree add --detach "$tree" "$commit" >&2
    ( cd "$tree" && CARGO_TARGET_DIR="$prev_target" cargo build --release --locked >&2 ) || build_rc=$?
    git worktree remove --force "$tree" >&2 || true
    [[ -z "${build_rc:-}" ]] || { log "the reference build failed"; exit 1; }
  fi
fi
[[ -z "$prev_bin" || -x "$prev_bin" ]] || { log "no reference binary at $prev_bin"; exit 1; }

# 2. The Python recipe's venv (skipped with a note when requests cannot be had).
py=""
if [[ "${NO_PYTHON:-0}" != 1 ]]; then
  venv="$here/.venv"
  if [[ ! -x "$venv/bin/python" ]]; then
    log "creating $venv"
    python3 -m venv "$venv" >&2 || rm -rf "$venv"
  fi
  if [[ -x "$venv/bin/python" ]]; then
    if ! "$venv/bin/python" -c 'import requests' 2>/dev/null; then
      log "pip install requests into $venv"
      timeout 300 "$venv/bin/python" -m pip install -q --disable-pip-version-check requests >&2 || true
    fi
    if "$venv/bin/python" -c 'import requests' 2>/dev/null; then
      py="$venv/bin/python"
    fi
  fi
  [[ -n "$py" ]] || log "NOTE: could not install requests into $venv; the Python recipe column is skipped"
fi

# 3. GNU time, for exact peak RSS of each measured command (see bench.py).
time_bin=""
gnu_time() { [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; }
if ! gnu_time && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
  log "installing GNU time (apt-get install -y time)"
  timeout 300 apt-get install -y -qq time >&2 || { timeout 300 apt-get update -qq >&2 && timeout 300 apt-get install -y -qq time >&2; } || true
fi
if gnu_time; then time_bin=/usr/bin/time; else log "NOTE: no GNU time: peak RSS values will include the harness's own RSS"; fi

# 4. Scratch space (the 100 MiB file, its body, server logs), removed on exit.
work="$(mktemp -d "${TMPDIR:-/tmp}/bithuman-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cmd="PREV=$PREV RUNS=$RUNS BIG_RUNS=$BIG_RUNS STATUS_RUNS=$STATUS_RUNS WAIT_RUNS=$WAIT_RUNS WAIT_SPEED=$WAIT_SPEED WAIT_INTERVAL=$WAIT_INTERVAL SIZES=$SIZES benches/run.sh"
args=(--bin "$bin" --python "$py" --time-bin "$time_bin" --runs "$RUNS" --big-runs "$BIG_RUNS"
      --status-runs "$STATUS_RUNS" --wait-runs "$WAIT_RUNS" --wait-speed "$WAIT_SPEED" --wait-interval "$WAIT_INTERVAL"
      --sizes "$SIZES" --only "$ONLY" --workdir "$work" --command "$cmd")
[[ -n "${OUT:-}" ]] && args+=(--out "$OUT")
[[ -n "$prev_bin" ]] && args+=(--prev-bin "$prev_bin" --prev-name "${PREV_BIN:-commit $PREV}")

log "benchmarking $bin (scratch: $work)"
timeout --kill-after=10 "$BENCH_TIMEOUT" python3 "$here/bench.py" "${args[@]}"
