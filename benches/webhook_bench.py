#!/usr/bin/env python3
"""Completion pushed against polled (SPEC §16): `batch --wait --via webhook`
and `batch --wait --via poll` of ROWS agents, each against a `sandbox serve
--rate-limit RATE --speed SPEED` of its own (agents ready in about a
minute), both at once, side by side.

    python3 benches/webhook_bench.py
    ROWS=60 RATE=generate=60,read=120 SPEED=0.17 INTERVAL=5s python3 benches/webhook_bench.py

Counts, from each server's request log (`sandbox serve -v`): status reads
(`GET /v1/agent/status/…`), list reads (`GET /v1/agents`), reads per finished
job, 429s on reads. Time to notice completion, per row: from the agent's end
on the server to its result line on the batch's stdout. The end is taken from
the server itself: before the batch, the bench registers a webhook of its own
(`--event agent.ready`) at a local receiver, and the sandbox posts each event
when the agent's timeline reaches ready (its delivery loop looks every 100 ms),
so the receiver's clock reading is the end, within ~0.1 s; a delivery that
arrives 2 s or more after the event's `created` (whole seconds; a late or retried
attempt under FAULTS) counts from `created` + 0.5 s instead, and a row whose
every attempt was dropped is not timed ("ends timed"). Both clocks are this
machine's.

Env: BITHUMAN_BIN (default target/release/bithuman), ROWS (60), RATE
(generate=60,read=120), SPEED (0.17), INTERVAL (5s: polling's interval; the
webhook's fallback poll is 10x that, at most 60 s), FAULTS (optional, e.g.
drop=0.2: `--webhook-faults` for both servers).
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BITHUMAN_BIN") or os.path.join(ROOT, "target", "release", "bithuman")
ROWS = int(os.environ.get("ROWS", "60"))
RATE = os.environ.get("RATE", "generate=60,read=120")
SPEED = os.environ.get("SPEED", "0.17")
INTERVAL = os.environ.get("INTERVAL", "5s")
FAULTS = os.environ.get("FAULTS", "")
SECRET = "sk_bench_secret_value"


class Sandbox:
    """`bithuman sandbox serve -v`, each log line timestamped."""

    def __init__(self, *args):
        self.p = subprocess.Popen([BIN, "sandbox", "serve", "--port", "0", "-v", *args],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.base = self.p.stdout.readline().strip()
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stderr:
            self.lines.append((time.time(), line.strip()))

    def stop(self):
        self.p.terminate()
        self.p.wait(10)


class Ends:
    """A local receiver for the bench's own webhook: agent id -> when its
    agent.ready arrived (the first delivery; duplicates ignored)."""

    def __init__(self):
        ends = self.at = {}

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                now = time.time()
                body = self.rfile.read(min(int(self.headers.get("Content-Length") or 0), 1 << 16))
                try:
                    event = json.loads(body)
                    aid, created = event["data"]["agent_id"], float(event["created"])
                    # `created` is the end, in whole seconds; a delivery held
                    # back or retried (FAULTS) arrives later than that.
                    ends.setdefault(aid, now if now - created < 2.0 else created + 0.5)
                except (ValueError, KeyError, TypeError):
                    pass
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.srv.server_address[1]}/"
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()


def env(base, home):
    return {"PATH": os.environ.get("PATH", ""), "HOME": home,
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "BITHUMAN_API_BASE": base, "BITHUMAN_API_SECRET": SECRET}


def percentile(xs, p):
    if not xs:
        return None
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))], 1)


def run(via, out):
    args = ["--state", ":memory:", "--rate-limit", RATE, "--speed", SPEED]
    if FAULTS:
        args += ["--webhook-faults", FAULTS]
    sb = Sandbox(*args)
    ends = Ends()
    work = tempfile.mkdtemp()
    e = env(sb.base, work)
    made = subprocess.run([BIN, "webhook", "create", "--url", ends.url, "--event", "agent.ready", "--json"],
                          env=e, capture_output=True, text=True)
    if made.returncode != 0:
        sys.exit(f"cannot register the timing webhook: {made.stderr}")
    m = os.path.join(work, "rows.jsonl")
    with open(m, "w") as f:
        for i in range(ROWS):
            f.write(json.dumps({"prompt": f"You are benchmark agent {i}."}) + "\n")
    start = time.time()
    p = subprocess.Popen([BIN, "batch", m, "--wait", "--via", via, "--interval", INTERVAL, "--json"],
                         env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []   # (time, row line)
    for line in p.stdout:
        seen.append((time.time(), line))
    err = p.stderr.read()
    p.wait()
    elapsed = time.time() - start
    time.sleep(1.0)
    sb.stop()
    reads = [(t, l) for t, l in sb.lines if l.startswith("GET /v1/agent")]
    status = [x for x in reads if x[1].startswith("GET /v1/agent/status/")]
    pages = [x for x in reads if x[1].startswith("GET /v1/agents")]
    limited = [x for x in reads if "-> 429" in x[1]]
    rows, late = {}, []
    for t, line in seen:
        try:
            r = json.loads(line)
        except ValueError:
            continue
        rows[r.get("row")] = rows.get(r.get("row"), 0) + 1
        if r.get("outcome") == "ready" and r.get("id") in ends.at:
            late.append(t - ends.at[r["id"]])
    ready = sum(1 for t, line in seen if '"outcome":"ready"' in line)
    out[via] = {
        "exit": p.returncode, "rows reported": len(rows),
        "rows reported twice": sum(1 for n in rows.values() if n > 1), "ready": ready,
        "status reads": len(status), "list reads": len(pages),
        "reads/finished job": round(len(reads) / max(ready, 1), 2),
        "429s on reads": len(limited),
        "notice median (s)": percentile(late, 50), "notice p90 (s)": percentile(late, 90),
        "notice max (s)": round(max(late), 1) if late else None,
        "ends timed": len(late), "run (s)": round(elapsed, 1),
    }
    if p.returncode != 0:
        out[via]["stderr"] = err[-300:]


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no binary at {BIN} (cargo build --release, or set BITHUMAN_BIN)")
    print(f"ROWS={ROWS} RATE={RATE} SPEED={SPEED} INTERVAL={INTERVAL}" + (f" FAULTS={FAULTS}" if FAULTS else ""))
    results = {}
    threads = [threading.Thread(target=run, args=(via, results)) for via in ("poll", "webhook")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cols = [v for v in ("poll", "webhook") if v in results]
    keys = list(results[cols[0]].keys())
    width = max(len(k) for k in keys)
    print(f"{'':<{width}}  " + "  ".join(f"{'--via ' + v:>14}" for v in cols))
    for k in keys:
        print(f"{k:<{width}}  " + "  ".join(f"{str(results[v].get(k)):>14}" for v in cols))


if __name__ == "__main__":
    main()
