#!/usr/bin/env python3
"""Scale benchmark (SPEC §15, issue 22), side by side in one run, loopback only.

1. agents: `batch --wait` of ROWS agents on `sandbox serve --plan enterprise
   --rate-limit generate=60,read=120 --speed 0.17` (agents ready about a
   minute after creation).
2. videos: `batch --kind video --wait` of VIDEO_ROWS videos of AGENTS agents
   on `sandbox serve --plan creator` (generate 10/min, read 240/min, agent
   cap 7) at `--speed 0.066` (a render lasts about a minute).
3. shards: SHARD_ROWS rows in 3 shards run one after the other (3, 1, 2) and
   all three at once, each order against one world, then `batch report`;
   and a `--max-runtime` run resumed to completion.

In 1 and 2 the new client (BITHUMAN_BIN) and the baseline (BASELINE_BIN: a
build from before the read schedule, one status call per job and interval)
run at the same time, each against a sandbox of its own with the same
settings (both sandboxes are BITHUMAN_BIN's). A client still running after
BOUND seconds is killed and its figures are over the time it ran.

Figures, from each sandbox's `-v` request log (every request, timestamped
when its line arrives): accepted generates a minute after the first minute
(inter-arrival rate of the accepted submits from 60 s after the first one
to the last one) and its ratio to the bucket; reads (every GET: the read
bucket's view, 429 answers included), split into status and list reads;
reads per finished job; 429s on reads; the most reads in any 60 s.

    BASELINE_BIN=/work/wt/scale-base/target/release/bithuman python3 benches/scale_bench.py
    ONLY=shards python3 benches/scale_bench.py
    ONLY=agents ROWS=300 BOUND=600 BASELINE_BIN=... python3 benches/scale_bench.py

Env: BITHUMAN_BIN (default target/release/bithuman), BASELINE_BIN (without
it parts 1 and 2 run the new client alone), ONLY (agents,videos,shards),
ROWS (300), VIDEO_ROWS (60), AGENTS (3), SHARD_ROWS (60), INTERVAL (5s),
BOUND (600). Exit 1 when a check of part 3 fails, else 0.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BITHUMAN_BIN") or os.path.join(ROOT, "target", "release", "bithuman")
BASELINE = os.environ.get("BASELINE_BIN")
ONLY = os.environ.get("ONLY", "agents,videos,shards").split(",")
ROWS = int(os.environ.get("ROWS", "300"))
VIDEO_ROWS = int(os.environ.get("VIDEO_ROWS", "60"))
AGENTS = int(os.environ.get("AGENTS", "3"))
SHARD_ROWS = int(os.environ.get("SHARD_ROWS", "60"))
INTERVAL = os.environ.get("INTERVAL", "5s")
BOUND = float(os.environ.get("BOUND", "600"))
SECRET = "sk_bench_secret_value"
GENERATE = re.compile(r"^POST /v1/(agent|video)/generate -> (\d+)")


class Sandbox:
    """`bithuman sandbox serve -v` (always BITHUMAN_BIN's), each log line timestamped."""

    def __init__(self, *args):
        self.p = subprocess.Popen([BIN, "sandbox", "serve", "--port", "0", "-v", *args],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.base = self.p.stdout.readline().strip()
        if not self.base:
            sys.exit(f"sandbox serve {' '.join(args)} did not start: {self.p.stderr.read()}")
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.p.stderr:
            self.lines.append((time.time(), line.strip()))

    def get(self, path):
        req = urllib.request.Request(self.base + path, headers={"api-secret": SECRET})
        with urllib.request.urlopen(req) as r:
            return json.load(r)

    def stop(self):
        self.p.terminate()
        self.p.wait(10)


def env(base, home):
    return {"PATH": os.environ.get("PATH", ""), "HOME": home,
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "BITHUMAN_API_BASE": base, "BITHUMAN_API_SECRET": SECRET}


def write_rows(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def busiest_minute(times):
    """The most entries of sorted `times` in any 60 s window."""
    best, lo = 0, 0
    for hi, t in enumerate(times):
        while times[lo] <= t - 60:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def figures(lines, stdout, bucket, started, ended):
    """The benchmark's figures from one sandbox's log and one client's stdout."""
    gen = [(t, m.group(2)) for t, l in lines if (m := GENERATE.match(l))]
    ok = [t for t, s in gen if s.startswith("2")]
    first = ok[0] if ok else started
    late = [t for t in ok if t >= first + 60]
    rate = (len(late) - 1) / (late[-1] - late[0]) * 60 if len(late) > 1 else 0.0
    reads = [(t, l) for t, l in lines if l.startswith("GET ")]
    ready = sum(1 for l in stdout.splitlines() if '"outcome":"ready"' in l)
    return {
        "rows ready": ready,
        "accepted generates": len(ok),
        "429s on generate": sum(1 for _, s in gen if s == "429"),
        "generates/min after the first minute": round(rate, 2),
        "  ratio to the bucket": round(rate / bucket, 3),
        "reads (every GET)": len(reads),
        "  status reads": sum(1 for _, l in reads if re.match(r"GET /v1/(agent|video)/status/", l)
                              or re.match(r"GET /v1/video/[^/ ]+ ", l)),
        "  list reads (GET /v1/agents)": sum(1 for _, l in reads if l.startswith("GET /v1/agents ")),
        "reads per finished job": round(len(reads) / ready, 2) if ready else "-",
        "429s on reads": sum(1 for _, l in reads if "-> 429" in l),
        "most reads in any 60 s": busiest_minute(sorted(t for t, _ in reads)),
        "run (s)": round(ended - started, 1),
    }


def side_by_side(name, bucket, read_bucket, prepare, serve_args, batch_args):
    """Runs BASELINE_BIN and BITHUMAN_BIN at once, each on a sandbox of its
    own started with `serve_args` after `prepare(work)` made its world and
    manifest; prints the figures in two columns."""
    clients = ([("one status call per job (baseline)", BASELINE)] if BASELINE else []) + \
        [("one read schedule (this build)", BIN)]
    runs = []
    for label, client in clients:
        work = tempfile.mkdtemp(prefix=f"scale-{name}-")
        manifest, extra = prepare(work)
        sb = Sandbox(*serve_args(work), *extra)
        cmd = [client, "batch", manifest, *batch_args, "--wait", "--interval", INTERVAL, "--json"]
        out = open(os.path.join(work, "out.jsonl"), "w")
        err = open(os.path.join(work, "err.txt"), "w")
        p = subprocess.Popen(cmd, env=env(sb.base, work), stdout=out, stderr=err)
        runs.append({"label": label, "sb": sb, "p": p, "work": work, "start": time.time(),
                     "out": out, "err": err})
    # Each client's end is noted when it exits (or is killed at BOUND), so
    # that the one that finishes first is not timed by the other.
    pending = list(runs)
    while pending:
        for r in list(pending):
            code = r["p"].poll()
            if code is None and time.time() >= r["start"] + BOUND:
                r["p"].kill()
                r["p"].wait()
                code = f"killed at {BOUND:.0f} s"
            if code is not None:
                r["code"], r["ended"] = code, time.time()
                pending.remove(r)
        time.sleep(0.2)
    time.sleep(0.5)
    results = []
    for r in runs:
        code, ended = r["code"], r["ended"]
        r["sb"].stop()
        r["out"].close()
        r["err"].close()
        with open(os.path.join(r["work"], "out.jsonl")) as f:
            stdout = f.read()
        fig = figures(r["sb"].lines, stdout, bucket, r["start"], ended)
        results.append((r["label"], {"exit": code, **fig}))
        shutil.rmtree(r["work"], ignore_errors=True)
    print(f"\n## {name}: read bucket {read_bucket}/min, generate bucket {bucket}/min\n")
    print("| | " + " | ".join(label for label, _ in results) + " |")
    print("|---|" + "---:|" * len(results))
    for k in results[0][1]:
        print(f"| {k.strip()} | " + " | ".join(str(fig[k]) for _, fig in results) + " |")
    return results


def agents_part():
    def prepare(work):
        m = os.path.join(work, "rows.jsonl")
        write_rows(m, [{"prompt": f"You are benchmark agent {i}."} for i in range(ROWS)])
        return m, []

    def serve(_work):
        return ["--state", ":memory:", "--plan", "enterprise",
                "--rate-limit", "generate=60,read=120", "--speed", "0.17"]

    return side_by_side("agents", 60, 120, prepare, serve, [])


def videos_part():
    """AGENTS agents made at speed 20 in a world folder; the benchmark's
    sandbox serves the same world at the video speed (each job keeps the
    speed it was started at, so the agents stay ready)."""
    def prepare(work):
        world = os.path.join(work, "world")
        os.mkdir(world)
        sb = Sandbox("--state", world, "--plan", "creator", "--speed", "20")
        ids = []
        for i in range(AGENTS):
            out = subprocess.run([BIN, "generate", "--prompt", f"You are presenter {i}.", "--wait", "--json"],
                                 env=env(sb.base, work), capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"could not make agent {i}: {out.stderr}")
            ids.append(json.loads(out.stdout.splitlines()[-1])["agent_id"])
        sb.stop()
        m = os.path.join(work, "videos.jsonl")
        write_rows(m, [{"agent": ids[i % len(ids)], "text": f"Hello number {i}, this is a talking video."}
                       for i in range(VIDEO_ROWS)])
        return m, []

    def serve(work):
        return ["--state", os.path.join(work, "world"), "--plan", "creator", "--speed", "0.066"]

    return side_by_side("videos", 10, 240, prepare, serve, ["--kind", "video"])


def run(args, e):
    return subprocess.run([BIN, *args], env=e, capture_output=True, text=True)


def check_world(sb, lines_before, n):
    """(agents the world holds, accepted agent generates in the log since `lines_before`)."""
    total = sb.get("/v1/agents?limit=1")["pagination"]["total"]
    made = sum(1 for _, l in sb.lines[lines_before:] if re.match(r"POST /v1/agent/generate -> 2", l))
    return total, made


def report_rows(work, m, e):
    """`batch report` over the three shard files: (exit, row numbers, outcomes)."""
    states = [os.path.join(work, f"rows.shard-{i}-of-3.state.jsonl") for i in (1, 2, 3)]
    args = ["batch", "report", m, "--json"]
    for s in states:
        args += ["--state", s]
    r = run(args, e)
    lines = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    return r.returncode, [l.get("row") for l in lines], sorted({l.get("outcome") for l in lines})


def shard_order(label, concurrent, results):
    sb = Sandbox("--state", ":memory:", "--plan", "enterprise", "--speed", "5")
    work = tempfile.mkdtemp(prefix="scale-shards-")
    m = os.path.join(work, "rows.jsonl")
    # Half the rows keyed, half matched by content, and a comment line.
    rows = [{"prompt": f"You are shard agent {i}.", **({"key": f"row-{i}"} if i % 2 else {})}
            for i in range(SHARD_ROWS)]
    with open(m, "w") as f:
        f.write("# rows for the shard benchmark\n")
        for r in rows:
            f.write(json.dumps(r) + "\n")
    e = env(sb.base, work)
    cmds = [[BIN, "batch", m, "--shard", f"{i}/3", "--rate-share", "1/3", "--wait", "--json"]
            for i in (3, 1, 2)]
    started = time.time()
    if concurrent:
        ps = [subprocess.Popen(c, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for c in cmds]
        outs = [(p.communicate()[0], p.returncode) for p in ps]
    else:
        outs = [(o.stdout, o.returncode) for o in (subprocess.run(c, env=e, capture_output=True, text=True)
                                                 for c in cmds)]
    took = time.time() - started
    shard_rows = [json.loads(l)["row"] for o, _ in outs for l in o.splitlines() if l.strip()]
    code, report, outcomes = report_rows(work, m, e)
    total, made = check_world(sb, 0, SHARD_ROWS)
    sb.stop()
    shutil.rmtree(work, ignore_errors=True)
    expected = list(range(2, SHARD_ROWS + 2))  # line 1 is the comment
    ok = (sorted(shard_rows) == expected and report == expected and code == 0
          and outcomes == ["ready"] and total == SHARD_ROWS and made == SHARD_ROWS)
    results.append(ok)
    print(f"| {label} | {[c for _, c in outs]} | {len(shard_rows)} ({len(set(shard_rows))} distinct) "
          f"| {code}: {len(report)} rows, each once: {report == expected}, {outcomes} "
          f"| {total} / {made} | {took:.1f} s | {'PASS' if ok else 'FAIL'} |")


def max_runtime_order(results):
    """`--max-runtime 20s` on rows paced at 60 a minute, run again until it
    exits 0: every row ready, one job per row."""
    sb = Sandbox("--state", ":memory:", "--plan", "enterprise", "--rate-limit", "60", "--speed", "2")
    work = tempfile.mkdtemp(prefix="scale-maxrt-")
    m = os.path.join(work, "rows.jsonl")
    write_rows(m, [{"prompt": f"You are checkpoint agent {i}."} for i in range(SHARD_ROWS)])
    e = env(sb.base, work)
    codes = []
    for _ in range(10):
        r = run(["batch", m, "--concurrency", "1", "--max-runtime", "20s", "--wait", "--json"], e)
        codes.append(r.returncode)
        if r.returncode != 75:
            break
    ready = sum(1 for l in r.stdout.splitlines() if '"outcome":"ready"' in l)
    total, made = check_world(sb, 0, SHARD_ROWS)
    sb.stop()
    shutil.rmtree(work, ignore_errors=True)
    ok = codes[-1] == 0 and 75 in codes and ready == SHARD_ROWS and total == SHARD_ROWS \
        and made == SHARD_ROWS
    results.append(ok)
    print(f"| `--max-runtime 20s`, run again until exit 0 | {codes} | - | last run: {ready} rows ready "
          f"| {total} / {made} | - | {'PASS' if ok else 'FAIL'} |")


def shards_part():
    print(f"\n## shards: {SHARD_ROWS} rows (half keyed), `--shard I/3 --rate-share 1/3 --wait`\n")
    print("| order | exit codes | rows printed by the shards | `batch report` over the 3 state files "
          "| agents in the world / accepted generates | wall | check |")
    print("|---|---|---|---|---|---:|---|")
    results = []
    shard_order("3, 1, 2 one after the other", False, results)
    shard_order("3, 1, 2 all at once", True, results)
    max_runtime_order(results)
    return all(results)


def main():
    for b in [BIN] + ([BASELINE] if BASELINE else []):
        if not os.path.exists(b):
            sys.exit(f"no binary at {b} (cargo build --release, or set BITHUMAN_BIN/BASELINE_BIN)")
    print(f"# scale benchmark: BITHUMAN_BIN={BIN} BASELINE_BIN={BASELINE or '-'}")
    print(f"ROWS={ROWS} VIDEO_ROWS={VIDEO_ROWS} AGENTS={AGENTS} SHARD_ROWS={SHARD_ROWS} "
          f"INTERVAL={INTERVAL} BOUND={BOUND:.0f}")
    print("load average at the start: " + open("/proc/loadavg").read().strip())
    ok = True
    if "agents" in ONLY:
        agents_part()
    if "videos" in ONLY:
        videos_part()
    if "shards" in ONLY:
        ok = shards_part()
    print("\nload average at the end: " + open("/proc/loadavg").read().strip())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
