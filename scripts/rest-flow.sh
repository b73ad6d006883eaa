#!/usr/bin/env bash
# The vendor's documented REST flow, in plain bash + curl + jq (no Rust):
# generate an agent, poll its status until `ready`, fetch `model_url` without
# the api-secret, and ask for a download URL with `?redirect=false`.
#
# Used to check that `bithuman sandbox serve` answers the flow other people's
# scripts and SDKs follow, not just our own client:
#
#   eval "$(bithuman sandbox serve --port 0 --speed 20 | sed -n 2p)" &
#   BITHUMAN_API_SECRET=test POLL_INTERVAL=1 scripts/rest-flow.sh
#
# Environment:
#   BITHUMAN_API_BASE    base URL (required), e.g. http://127.0.0.1:8787
#   BITHUMAN_API_SECRET  the api-secret header value (required)
#   POLL_INTERVAL        seconds between status polls (default 5)
#   MAX_POLLS            polls before giving up (default 120)
#   PROMPT, MODEL        generate body (defaults: a short prompt, essence-1)
#
# Exit 0 when the whole flow worked; 1 with a message on stderr otherwise.
set -euo pipefail

: "${BITHUMAN_API_BASE:?set BITHUMAN_API_BASE (e.g. http://127.0.0.1:8787)}"
: "${BITHUMAN_API_SECRET:?set BITHUMAN_API_SECRET}"
base=${BITHUMAN_API_BASE%/}
interval=${POLL_INTERVAL:-5}
max_polls=${MAX_POLLS:-120}
prompt=${PROMPT:-You are a friendly concierge.}
model=${MODEL:-essence-1}

for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "rest-flow: $tool is required" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/rest-flow.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "rest-flow: $*" >&2; exit 1; }

# api METHOD PATH [BODY]: prints the response body; fails on a non-2xx status.
api() {
  local method=$1 path=$2 body=${3-} status
  local args=(-sS -o "$work/body" -w '%{http_code}' -X "$method"
    -H "api-secret: $BITHUMAN_API_SECRET" "$base$path")
  if [[ -n $body ]]; then
    args+=(-H 'content-type: application/json' -d "$body")
  fi
  status=$(curl "${args[@]}") || fail "$method $path: connection failed"
  if [[ $status != 2* ]]; then
    fail "$method $path -> HTTP $status: $(head -c 500 "$work/body")"
  fi
  cat "$work/body"
}

# 1. Create the agent.
body=$(jq -nc --arg p "$prompt" --arg m "$model" '{prompt: $p, model: $m}')
created=$(api POST /v1/agent/generate "$body")
id=$(jq -r '.agent_id // empty' <<<"$created")
[[ -n $id ]] || fail "generate answered without agent_id: $created"
echo "agent $id created" >&2

# 2. Poll until ready (or failed), at most $max_polls times.
record=
for ((poll = 1; poll <= max_polls; poll++)); do
  record=$(api GET "/v1/agent/status/$id")
  status=$(jq -r '.data.status // empty' <<<"$record")
  echo "poll $poll: $status $(jq -r '.data.current_step // ""' <<<"$record")" >&2
  case $status in
    ready) break ;;
    failed) fail "agent $id failed: $(jq -r '.data.error_message // "no message"' <<<"$record")" ;;
  esac
  ((poll < max_polls)) || fail "agent $id not ready after $max_polls polls (last status: $status)"
  sleep "$interval"
done

# 3. Fetch model_url without the api-secret header.
model_url=$(jq -r '.data.model_url // empty' <<<"$record")
[[ -n $model_url ]] || fail "ready agent $id has no model_url: $record"
curl -sSf -o "$work/model" "$model_url" || fail "GET $model_url failed"
[[ $(head -n 1 "$work/model") == "BITHUMAN SANDBOX PLACEHOLDER" ]] ||
  fail "$model_url does not begin with BITHUMAN SANDBOX PLACEHOLDER"
echo "model_url ok: $model_url" >&2

# 4. The download endpoint (the artifact may be published a moment after
#    `ready`: retry 404 MODEL_ARTIFACT_NOT_READY a few times).
url=
for ((try = 1; try <= 10; try++)); do
  status=$(curl -sS -o "$work/body" -w '%{http_code}' \
    -H "api-secret: $BITHUMAN_API_SECRET" \
    "$base/v1/agent/$id/model/download?redirect=false") || fail "download: connection failed"
  if [[ $status == 200 ]]; then
    url=$(jq -r '.data.url // empty' "$work/body")
    break
  fi
  [[ $status == 404 && $(jq -r '.error.code // empty' "$work/body" 2>/dev/null) == MODEL_ARTIFACT_NOT_READY ]] ||
    fail "model/download -> HTTP $status: $(head -c 500 "$work/body")"
  sleep 1
done
[[ -n $url ]] || fail "model/download gave no data.url"
curl -sSf -o "$work/download" "$url" || fail "GET $url failed"
[[ $(head -n 1 "$work/download") == "BITHUMAN SANDBOX PLACEHOLDER" ]] ||
  fail "$url does not begin with BITHUMAN SANDBOX PLACEHOLDER"
echo "download url ok: $url" >&2
echo "$id"
