#!/usr/bin/env python3
"""Benchmarks of `bithuman batch` (SPEC §10), loopback only.

1. Throughput under a rate limit: `sandbox serve --rate-limit R` and a batch
   of agents; rows a minute after the first minute (target >= 0.9 R) and
   429 answers a minute (target <= 1), for each R in RATES.
2. Memory: peak RSS of `batch --dry-run` over 1,000 and 100,000 rows
   (target < 64 MiB) and the growth between them.
3. Crashes: SIGKILL at a random instant, then the same command again,
   KILLS times: agents on the server == rows (duplicates must be 0).

    python3 benches/batch_bench.py            # all three
    RATES=10 MINUTES=2 KILLS=5 python3 benches/batch_bench.py

Env: BITHUMAN_BIN (default target/release/bithuman, built when missing),
RATES (10,60), MINUTES (2.5: length of each throughput run), KILLS (20),
SEED (1), ONLY (throughput,memory,kill).
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BITHUMAN_BIN") or os.path.join(ROOT, "target", "release", "bithuman")
RATES = [int(r) for r in os.environ.get("RATES", "10,60").split(",")]
MINUTES = float(os.environ.get("MINUTES", "2.5"))
KILLS = int(os.environ.get("KILLS", "20"))
ONLY = os.environ.get("ONLY", "throughput,memory,kill").split(",")
random.seed(int(os.environ.get("SEED", "1")))


def env(base=None, state=None):
    e = {"PATH": os.environ.get("PATH", ""), "HOME": state or tempfile.mkdtemp()}
    e["XDG_STATE_HOME"] = os.path.join(e["HOME"], "state")
    e["XDG_CONFIG_HOME"] = os.path.join(e["HOME"], "config")
    if base:
        e["BITHUMAN_API_BASE"] = base
        e["BITHUMAN_API_SECRET"] = "sk_bench_secret_value"
    return e


class Sandbox:
    """`bithuman sandbox serve -v`, with each request line timestamped."""

    def __init__(self, *args):
        # A world of its own (never the user's), on the largest plan: only the
        # bucket a run measures limits it (the agent cap would stop 100,000 rows).
        self.p = subprocess.Popen([BIN, "sandbox", "serve", "--port", "0", "-v", "--state", ":memory:",
                                   "--plan", "enterprise", *args],
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

    def agents(self):
        req = urllib.request.Request(self.base + "/v1/agents?limit=100",
                                     headers={"api-secret": "sk_bench_secret_value"})
        with urllib.request.urlopen(req) as r:
            return json.load(r)["pagination"]["total"]


def rows(path, n):
    with open(path, "w") as f:
        for i in range(n):
            f.write(json.dumps({"prompt": f"You are benchmark agent {i}.", "name": f"r{i}"}) + "\n")


def throughput(rate):
    sb = Sandbox("--rate-limit", str(rate), "--speed", "50")
    work = tempfile.mkdtemp()
    n = int(rate * MINUTES) + rate  # more rows than fit: the run is cut at MINUTES
    m = os.path.join(work, "rows.jsonl")
    rows(m, n)
    start = time.time()
    p = subprocess.Popen([BIN, "batch", m, "--json"], env=env(sb.base, work),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        p.wait(MINUTES * 60)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    end = time.time()
    sb.stop()
    gen = [(t, l) for t, l in sb.lines if "POST /v1/agent/generate" in l]
    ok = [t for t, l in gen if re.search(r"-> 2\d\d", l)]
    limited = [t for t, l in gen if "-> 429" in l]
    after = [t for t in ok if t >= start + 60]
    span = max(end - (start + 60), 1e-9)
    per_min = len(after) / span * 60
    minutes = (end - start) / 60
    return {"R": rate, "rows/min after the first minute": round(per_min, 1),
            "ratio to R": round(per_min / rate, 3), "429s": len(limited),
            "429s/min": round(len(limited) / minutes, 2), "run (min)": round(minutes, 2)}


def peak_rss(args, e):
    out = subprocess.run(["/usr/bin/time", "-v", BIN, *args], env=e, capture_output=True, text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    return int(m.group(1)) if m else None, out.returncode


def memory():
    work = tempfile.mkdtemp()
    result = {}
    for n in (1000, 100000):
        m = os.path.join(work, f"rows{n}.jsonl")
        rows(m, n)
        t0 = time.time()
        kib, rc = peak_rss(["batch", m, "--dry-run", "--json"], env(state=work))
        result[n] = (kib, rc, time.time() - t0)
    (a, _, _), (b, rc, secs) = result[1000], result[100000]
    return {"1,000 rows (MiB)": round(a / 1024, 1), "100,000 rows (MiB)": round(b / 1024, 1),
            "growth (MiB)": round((b - a) / 1024, 1), "100,000-row dry run (s)": round(secs, 1),
            "exit": rc}


def kills():
    dup = 0
    results = []
    for i in range(KILLS):
        sb = Sandbox("--speed", "20")
        work = tempfile.mkdtemp()
        m = os.path.join(work, "rows.jsonl")
        n = 10
        rows(m, n)
        e = env(sb.base, work)
        p = subprocess.Popen([BIN, "batch", m, "--wait", "--concurrency", "3"], env=e,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = random.uniform(0.05, 1.5)
        time.sleep(delay)
        p.kill()
        p.wait()
        rc = subprocess.run([BIN, "batch", m, "--wait", "--json"], env=e,
                            capture_output=True, text=True).returncode
        made = sb.agents()
        sb.stop()
        dup += max(0, made - n)
        results.append((round(delay, 2), made, rc))
    return {"runs": KILLS, "rows per run": 10, "duplicates": dup,
            "agents per run": sorted({m for _, m, _ in results}),
            "re-run exit codes": sorted({rc for _, _, rc in results})}


def main():
    if not os.path.exists(BIN):
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=ROOT, check=True)
    print(f"# batch benchmarks ({BIN})\n")
    if "throughput" in ONLY:
        print("## throughput under `sandbox serve --rate-limit R`\n")
        for r in RATES:
            print(json.dumps(throughput(r)))
    if "memory" in ONLY:
        print("\n## peak RSS of `batch --dry-run`\n")
        print(json.dumps(memory()))
    if "kill" in ONLY:
        print("\n## SIGKILL at a random instant, then the same command\n")
        print(json.dumps(kills()))


if __name__ == "__main__":
    sys.exit(main())
