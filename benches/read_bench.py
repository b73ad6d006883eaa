#!/usr/bin/env python3
"""Reads per finished job (SPEC §15): `batch --wait` of ROWS agents against
`sandbox serve --rate-limit RATE` (generate limited; jobs lasting about a
minute at SPEED), once with BASELINE_BIN (one status call per job and
interval) and once with BITHUMAN_BIN (one read schedule, agents followed
through `GET /v1/agents` pages), side by side on the same server build.

    BASELINE_BIN=/path/to/older/bithuman python3 benches/read_bench.py
    ROWS=300 RATE=60 SPEED=0.17 INTERVAL=5s python3 benches/read_bench.py

Counts, from the server's request log: status reads (`GET
/v1/agent/status/…`), list reads (`GET /v1/agents`), their sum per finished
job, 429s on reads, the most reads in any 60 s, and the run's length.
Env: BITHUMAN_BIN (default target/release/bithuman), BASELINE_BIN (required
for the side-by-side; without it only BITHUMAN_BIN runs), ROWS (200), RATE
(60), SPEED (0.17: agents ready in about a minute), INTERVAL (5s).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BITHUMAN_BIN") or os.path.join(ROOT, "target", "release", "bithuman")
BASELINE = os.environ.get("BASELINE_BIN")
ROWS = int(os.environ.get("ROWS", "200"))
RATE = os.environ.get("RATE", "60")
SPEED = os.environ.get("SPEED", "0.17")
INTERVAL = os.environ.get("INTERVAL", "5s")
SECRET = "sk_bench_secret_value"


class Sandbox:
    """`bithuman sandbox serve -v` (always BITHUMAN_BIN's), each log line timestamped."""

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


def env(base, home):
    return {"PATH": os.environ.get("PATH", ""), "HOME": home,
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "BITHUMAN_API_BASE": base, "BITHUMAN_API_SECRET": SECRET}


def run(client):
    # A world of its own (never the user's), on the largest plan so that only
    # the buckets RATE names limit the run (RATE: "60" or "generate=60,read=120").
    sb = Sandbox("--state", ":memory:", "--plan", "enterprise", "--rate-limit", RATE, "--speed", SPEED)
    work = tempfile.mkdtemp()
    m = os.path.join(work, "rows.jsonl")
    with open(m, "w") as f:
        for i in range(ROWS):
            f.write(json.dumps({"prompt": f"You are benchmark agent {i}."}) + "\n")
    start = time.time()
    out = subprocess.run([client, "batch", m, "--wait", "--interval", INTERVAL, "--json"],
                         env=env(sb.base, work), capture_output=True, text=True)
    elapsed = time.time() - start
    time.sleep(0.5)
    sb.stop()
    reads = [(t, l) for t, l in sb.lines if l.startswith("GET /v1/agent")]
    status = [x for x in reads if l_is(x, "GET /v1/agent/status/")]
    pages = [x for x in reads if l_is(x, "GET /v1/agents")]
    limited = [x for x in reads if "-> 429" in x[1]]
    ready = sum(1 for l in out.stdout.splitlines() if '"outcome":"ready"' in l)
    times = sorted(t for t, _ in reads)
    busiest = max((sum(1 for u in times if t <= u < t + 60) for t in times), default=0)
    return {"client": os.path.basename(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(client)))))
            or client, "exit": out.returncode, "ready": ready,
            "status reads": len(status), "list reads": len(pages),
            "reads/finished job": round(len(reads) / max(ready, 1), 2),
            "429s on reads": len(limited), "most reads in 60 s": busiest,
            "run (s)": round(elapsed, 1)}


def l_is(entry, prefix):
    return entry[1].startswith(prefix)


def main():
    for b in [BIN] + ([BASELINE] if BASELINE else []):
        if not os.path.exists(b):
            sys.exit(f"no binary at {b} (cargo build --release, or set BITHUMAN_BIN/BASELINE_BIN)")
    print(f"ROWS={ROWS} RATE={RATE} SPEED={SPEED} INTERVAL={INTERVAL}")
    results = [run(c) for c in ([BASELINE] if BASELINE else []) + [BIN]]
    keys = list(results[0].keys())
    width = max(len(k) for k in keys)
    for k in keys:
        print(f"{k:<{width}}  " + "  ".join(f"{str(r[k]):>22}" for r in results))
    if len(results) == 2:
        a, b = results
        ratio = a["reads/finished job"] / max(b["reads/finished job"], 1e-9)
        print(f"reads per finished job: {ratio:.1f}x fewer with one read schedule")


if __name__ == "__main__":
    main()
