#!/usr/bin/env python3
"""Benchmarks of the `bithuman` CLI against curl and a Python `requests` recipe.

Run through benches/run.sh (which builds the CLI and sets up the venv); see
benches/README.md. Everything talks to servers this script starts on
127.0.0.1: `bithuman sandbox serve` and benches/sink.py.

Every measured command is a child process reaped with os.wait4(), which gives
its own rusage: peak RSS (ru_maxrss) and user/sys CPU time. Wall time is taken
around spawn..reap with time.perf_counter(). Tools are interleaved run by run
so that drift (page cache, CPU frequency) hits all of them alike; one
unmeasured warm-up run of each comes first.
"""

import argparse
import base64
import math
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MIB = 1024 * 1024
SECRET = "bench-secret"
PNG_HEAD = (
    b"\x89PNG\r\n\x1a\n"
    b"\x00\x00\x00\rIHDR\x00\x00\x04\x00\x00\x00\x04\x00\x08\x06\x00\x00\x00\x7f\x1d\x2b\x83"
)

# --------------------------------------------------------------------------
# process helpers


class Result:
    def __init__(self, wall, rss_kib, user, sys_, rc, stdout, stderr):
        self.wall = wall
        self.rss_kib = rss_kib
        self.user = user
        self.sys = sys_
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr

    @property
    def cpu(self):
        return self.user + self.sys

    @property
    def rss_mib(self):
        return self.rss_kib / 1024.0


TIME_BIN = None  # GNU time, for an exact peak RSS (see measure)


def measure(cmd, env, timeout, workdir, rss=False):
    """Runs cmd, returns a Result with the child's own rusage.

    CPU time comes from os.wait4() on the child (microsecond resolution).
    Peak RSS cannot: Linux carries the high-water mark of the forked copy of
    this Python process across exec, so ru_maxrss of a direct child is never
    below this script's own RSS. With rss=True the command therefore runs
    under GNU time (a ~1 MiB process) and its %M is used; CPU then also counts
    GNU time's own ~1 ms. Without GNU time, rss_kib is the inflated wait4 value.
    """
    with tempfile.TemporaryFile(dir=workdir) as out, tempfile.TemporaryFile(dir=workdir) as err, \
            tempfile.NamedTemporaryFile(dir=workdir) as tf:
        full = list(cmd)
        if rss and TIME_BIN:
            full = [TIME_BIN, "-f", "%M", "-o", tf.name, "--"] + full
        t0 = time.perf_counter()
        p = subprocess.Popen(full, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        killed = []

        def kill():
            killed.append(True)
            try:
                os.kill(p.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        maxrss = ru.ru_maxrss
        if rss and TIME_BIN:
            tf.seek(0)
            lines = tf.read().decode("utf-8", "replace").strip().splitlines()
            try:
                maxrss = int(lines[-1].strip())
            except (IndexError, ValueError):
                maxrss = float("nan")
        if killed:
            stderr += f"\n[bench] killed after {timeout}s"
        return Result(wall, maxrss, ru.ru_utime, ru.ru_stime, p.returncode, stdout, stderr)


class Server:
    """A server process that prints its base URL on stdout line 1."""

    def __init__(self, cmd, env, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.log
        )
        line = self._readline(20)
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise SystemExit(f"[bench] server {cmd!r} did not print its URL (got {line!r}); see {log_path}")
        self.base = line.strip()
        # Keep draining stdout so the server never blocks on a full pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def _readline(self, timeout):
        box = []
        t = threading.Thread(target=lambda: box.append(self.proc.stdout.readline().decode()), daemon=True)
        t.start()
        t.join(timeout)
        return box[0] if box else ""

    def log_text(self):
        self.log.flush()
        with open(self.log_path, "r", encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


# --------------------------------------------------------------------------
# files


def make_png(path, size):
    with open(path, "wb") as f:
        f.write(PNG_HEAD)
        left = size - len(PNG_HEAD)
        while left > 0:
            n = min(MIB, left)
            f.write(os.urandom(n))
            left -= n


def make_body(src, dst):
    """{"image": <base64>, "model": "essence-1"}, streamed (3-byte aligned chunks)."""
    with open(src, "rb") as i, open(dst, "wb") as o:
        o.write(b'{"image": "')
        while True:
            chunk = i.read(3 * MIB)
            if not chunk:
                break
            o.write(base64.b64encode(chunk))
        o.write(b'", "model": "essence-1"}')


# --------------------------------------------------------------------------
# stats and formatting


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def fmt_mib(x):
    return f"{x:.1f} MiB"


def verdict(ok):
    return "PASS" if ok else "FAIL"


# --------------------------------------------------------------------------


class Bench:
    def __init__(self, a):
        self.a = a
        self.bin = os.path.abspath(a.bin)
        self.prev = os.path.abspath(a.prev_bin) if a.prev_bin else None
        self.work = a.workdir
        self.rows = []  # (benchmark, measured, raw, ratio, target, verdict)
        self.notes = []
        self.failures = 0
        home = os.path.join(self.work, "home")
        os.makedirs(home, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("BITHUMAN_")}
        env.update(
            HOME=home,
            XDG_CONFIG_HOME=os.path.join(home, ".config"),
            XDG_STATE_HOME=os.path.join(home, ".local", "state"),
            XDG_DATA_HOME=os.path.join(home, ".local", "share"),
            XDG_CACHE_HOME=os.path.join(home, ".cache"),
            BITHUMAN_API_SECRET=SECRET,
            NO_COLOR="1",
            CI="1",
        )
        env.pop("http_proxy", None)
        env.pop("https_proxy", None)
        env.pop("HTTP_PROXY", None)
        env.pop("HTTPS_PROXY", None)
        env.pop("ALL_PROXY", None)
        env.pop("all_proxy", None)
        self.env = env

    def env_for(self, base):
        e = dict(self.env)
        e["BITHUMAN_API_BASE"] = base
        return e

    def run(self, cmd, env, what, timeout=None, rss=False):
        r = measure(cmd, env, timeout or self.a.cmd_timeout, self.work, rss=rss)
        if r.rc != 0:
            self.failures += 1
            sys.stderr.write(
                f"[bench] {what}: exit {r.rc}\n  cmd: {shlex.join(cmd)}\n  stderr: {r.stderr.strip()[-2000:]}\n"
            )
        return r

    def row(self, bench, measured, raw, ratio, target, ok):
        self.rows.append((bench, measured, raw, ratio, target, "n/a" if ok is None else verdict(ok)))

    def log(self, msg):
        print(f"[bench] {msg}", file=sys.stderr, flush=True)

    # ---------------------------------------------------------------- 1
    def bench_status(self, sandbox_base):
        env = self.env_for(sandbox_base)
        g = self.run([self.bin, "generate", "--prompt", "x"], env, "generate --prompt x (sandbox)")
        agent = g.stdout.strip().splitlines()[-1].strip() if g.stdout.strip() else ""
        if g.rc != 0 or not agent:
            self.row("1. status vs curl", "could not create an agent", "-", "-", "≤ 1.0×", False)
            return None
        url = f"{sandbox_base}/v1/agent/status/{agent}"
        cli = [self.bin, "status", agent, "--json"]
        curl = ["curl", "-sS", "-f", "-H", f"api-secret: {SECRET}", url]
        n = self.a.status_runs
        self.log(f"1. status: {n} runs each (agent {agent})")
        self.run(cli, env, "status warm-up")
        self.run(curl, env, "curl warm-up")
        rc, rk = [], []
        for _ in range(n):
            rc.append(self.run(cli, env, "bithuman status"))
            rk.append(self.run(curl, env, "curl GET status"))
        t_cli, t_curl = med([r.wall for r in rc]), med([r.wall for r in rk])
        ratio = t_cli / t_curl
        self.status_cpu = med([r.cpu for r in rc])
        self.row(
            "1. `status ID --json` wall time vs `curl` GET",
            f"median of {n}",
            f"CLI {fmt_s(t_cli)} (CPU {self.status_cpu * 1000:.1f} ms); "
            f"curl {fmt_s(t_curl)} (CPU {med([r.cpu for r in rk]) * 1000:.1f} ms)",
            f"{ratio:.2f}× (CLI/curl)",
            "≤ 1.0×",
            ratio <= 1.0,
        )
        return agent

    # ---------------------------------------------------------------- 2 + 4
    def bench_generate(self, sink):
        env = self.env_for(sink.base)
        venv_py = self.a.python if self.a.python else None
        sizes = self.a.sizes
        big = max(sizes)
        files = {}
        for s in sizes:
            path = os.path.join(self.work, f"img_{s}MiB.png")
            make_png(path, s * MIB)
            files[s] = path
        body = os.path.join(self.work, f"body_{big}MiB.json")
        make_body(files[big], body)
        body_len = os.path.getsize(body)
        b64_len = 4 * math.ceil(big * MIB / 3)

        def cli(mode, s):
            return [self.bin, "generate", "--image", files[s], "--media", mode, "--no-preflight", "--json"]

        tools = {
            "cli-base64": lambda s: cli("base64", s),
            "cli-upload": lambda s: cli("upload", s),
            "curl": lambda s: [
                "curl", "-sS", "-f", "-o", "/dev/null",
                "-H", f"api-secret: {SECRET}", "-H", "Content-Type: application/json", "-H", "Expect:",
                "--data-binary", "@" + body, sink.base + "/v1/agent/generate",
            ],
        }
        if venv_py:
            tools["python"] = lambda s: [venv_py, os.path.join(HERE, "py_recipe.py"), files[s], sink.base + "/v1/agent/generate"]
        if self.prev:
            # The reference build (run.sh: PREV), same command line.
            tools["prev-base64"] = lambda s: [self.prev, "generate", "--image", files[s], "--media", "base64",
                                              "--no-preflight", "--json"]

        results = {}  # (tool, size) -> [Result]
        received = {}  # tool -> bytes of its largest request body, as the sink counted

        def sink_lines():
            with open(sink.log_path + ".req", "r", encoding="utf-8") as f:
                return f.read().splitlines()

        def one(tool, s):
            before = len(sink_lines())
            r = self.run(tools[tool](s), env, f"{tool} {s} MiB", rss=True)
            lines = sink_lines()[before:]
            sizes_seen = [int(l.split()[2]) for l in lines if len(l.split()) == 3]
            if s == big and sizes_seen:
                received[tool] = max(sizes_seen)
            results.setdefault((tool, s), []).append(r)

        # The big size: every tool.
        nb = self.a.big_runs
        order = list(tools)
        self.log(f"2. generate {big} MiB: {nb} runs each of {', '.join(order)} (+1 warm-up)")
        for t in order:
            one(t, big)
        for k in list(results):
            results[k] = []  # drop warm-ups
        self.loads = []  # 1-minute load average after each round: how noisy the machine was
        for i in range(nb):
            for t in order:
                one(t, big)
            self.loads.append(os.getloadavg()[0])
            self.log(f"   run {i + 1}/{nb} done (load {self.loads[-1]:.1f})")
        # The smaller sizes: the CLI only (for scaling).
        for s in sizes:
            if s == big:
                continue
            n = self.a.runs
            self.log(f"4. generate {s} MiB: {n} runs each of cli-base64, cli-upload")
            for t in ("cli-base64", "cli-upload"):
                one(t, s)
                results[(t, s)] = []
            for _ in range(n):
                for t in ("cli-base64", "cli-upload"):
                    one(t, s)

        # Check that the bodies really arrived whole.
        for tool, got in received.items():
            if got < b64_len:
                self.notes.append(
                    f"{tool}: the sink received only {got} body bytes for the {big} MiB file "
                    f"(base64 alone is {b64_len}); its numbers are not comparable."
                )
                self.failures += 1

        def m(tool, s, attr):
            return med([getattr(r, attr) for r in results.get((tool, s), [])])

        self.results_big = {t: results.get((t, big), []) for t in order}
        t_curl = m("curl", big, "wall")
        rss_py = m("python", big, "rss_mib") if venv_py else None
        self.raw_generate = []
        for tool in order:
            self.raw_generate.append(
                (tool, m(tool, big, "wall"), m(tool, big, "rss_mib"), m(tool, big, "cpu"), received.get(tool))
            )
        for mode in ("base64", "upload"):
            tool = f"cli-{mode}"
            t = m(tool, big, "wall")
            rss = m(tool, big, "rss_mib")
            py_txt = (
                f"; Python {fmt_mib(rss_py)}" if venv_py else "; Python: skipped"
            )
            self.row(
                f"2. `generate --media {mode}` {big} MiB: peak RSS",
                f"median of {nb}",
                f"CLI {fmt_mib(rss)}; curl {fmt_mib(m('curl', big, 'rss_mib'))}" + py_txt,
                "-",
                "≤ 48 MiB",
                rss <= 48,
            )
            if venv_py:
                self.row(
                    f"2. `generate --media {mode}` {big} MiB: RSS vs Python recipe",
                    f"median of {nb}",
                    f"CLI {fmt_mib(rss)}; Python {fmt_mib(rss_py)}",
                    f"{rss / rss_py:.3f}× (CLI/Python)",
                    "≤ 0.1×",
                    rss / rss_py <= 0.1,
                )
            else:
                self.row(f"2. `generate --media {mode}` {big} MiB: RSS vs Python recipe",
                         "skipped", "requests could not be installed", "-", "≤ 0.1×", None)
            self.row(
                f"2. `generate --media {mode}` {big} MiB: speed vs curl",
                f"median of {nb}",
                f"CLI {fmt_s(t)}; curl {fmt_s(t_curl)}" + (f"; Python {fmt_s(m('python', big, 'wall'))}" if venv_py else ""),
                f"{t_curl / t:.2f}× (curl/CLI)",
                "≥ 0.7×",
                t_curl / t >= 0.7,
            )
        if self.prev:
            self.rows_vs_prev(big, nb, m)
        # Scaling.
        small = min(sizes)
        for mode in ("base64", "upload"):
            tool = f"cli-{mode}"
            per = [(s, m(tool, s, "rss_mib")) for s in sizes]
            growth = per[-1][1] - per[0][1]
            self.row(
                f"4. `generate --media {mode}` peak RSS by file size",
                ", ".join(f"{s} MiB" for s, _ in per),
                " → ".join(fmt_mib(r) for _, r in per),
                f"{growth:+.1f} MiB ({small}→{big} MiB)",
                "flat: ≤ +8 MiB",
                growth <= 8,
            )
        self.notes.append(
            f"curl posts a pre-built body file ({body_len} bytes; `--data-binary @file` reads it whole into memory, "
            "hence its RSS). With `--media upload` the CLI sends the same amount of base64 to /v1/files/upload, "
            "then a small generate; it is compared with the same single curl POST."
        )

    def rows_vs_prev(self, big, nb, m):
        """`--media base64` of this build against the reference build and curl, same runs."""
        t_cli, t_prev, t_curl = m("cli-base64", big, "wall"), m("prev-base64", big, "wall"), m("curl", big, "wall")

        def fastest(tool):
            return min((r.wall for r in self.results_big.get(tool, [])), default=float("nan"))

        f_cli, f_prev, f_curl = fastest("cli-base64"), fastest("prev-base64"), fastest("curl")
        self.row(
            f"2. `generate --media base64` {big} MiB: fastest run vs curl and the reference build",
            f"min of {nb}, alternating",
            f"this build {fmt_s(f_cli)}; reference {fmt_s(f_prev)}; curl {fmt_s(f_curl)}",
            f"this build {f_curl / f_cli:.2f}×, reference {f_curl / f_prev:.2f}× (curl/CLI); "
            f"this build / reference {f_prev / f_cli:.2f}× (speed)",
            "≥ 1.3× curl",
            f_curl / f_cli >= 1.3,
        )
        self.row(
            f"2. `generate --media base64` {big} MiB: speed vs curl and the reference build ({self.a.prev_name})",
            f"median of {nb}, alternating",
            f"this build {fmt_s(t_cli)} (CPU {m('cli-base64', big, 'cpu') * 1000:.0f} ms); "
            f"reference {fmt_s(t_prev)} (CPU {m('prev-base64', big, 'cpu') * 1000:.0f} ms); curl {fmt_s(t_curl)}",
            f"this build {t_curl / t_cli:.2f}×, reference {t_curl / t_prev:.2f}× (curl/CLI); "
            f"this build / reference {t_prev / t_cli:.2f}× (speed)",
            "≥ 1.3× curl and ≥ 1.0× the reference",
            t_curl / t_cli >= 1.3 and t_prev / t_cli >= 1.0,
        )
        rss, rss_prev = m("cli-base64", big, "rss_mib"), m("prev-base64", big, "rss_mib")
        self.row(
            f"2. `generate --media base64` {big} MiB: peak RSS vs the reference build",
            f"median of {nb}",
            f"this build {fmt_mib(rss)}; reference {fmt_mib(rss_prev)}",
            f"{rss - rss_prev:+.1f} MiB",
            "≤ 48 MiB",
            rss <= 48,
        )
        self.per_run = [
            (tool, [r.wall for r in self.results_big.get(tool, [])]) for tool in ("cli-base64", "prev-base64", "curl")
        ]

    # ---------------------------------------------------------------- 3
    def bench_wait(self):
        speed = self.a.wait_speed
        interval = self.a.wait_interval
        flag = f"{interval:g}s"
        T = 10.0 / speed
        bound = math.ceil(T / interval) + 1
        log_path = os.path.join(self.work, "sandbox-wait.log")
        srv = Server([self.bin, "sandbox", "serve", "--port", "0", "--speed", str(speed), "-v"], self.env, log_path)
        try:
            env = self.env_for(srv.base)
            n = self.a.wait_runs
            self.log(f"3. wait: {n} runs, sandbox speed {speed} (ready ~{T:g} s after creation), --interval {flag}")
            counts, cpus, walls, others = [], [], [], []
            for _ in range(n):
                g = self.run([self.bin, "generate", "--prompt", "x"], env, "generate (wait bench)")
                agent = g.stdout.strip().splitlines()[-1].strip() if g.stdout.strip() else ""
                if not agent:
                    continue
                before = srv.log_text().count("\n")
                r = self.run([self.bin, "wait", agent, "--interval", flag, "--json"], env, "bithuman wait",
                             timeout=T * 3 + 30)
                time.sleep(0.2)
                lines = srv.log_text().splitlines()[before:]
                counts.append(sum(1 for l in lines if re.search(rf"^GET /v1/agent/status/{re.escape(agent)} ", l)))
                others.append(sum(1 for l in lines if agent in l and "/status/" not in l))
                cpus.append(r.cpu)
                walls.append(r.wall)
            if not counts:
                self.row("3. `wait` status requests", "no agent", "-", "-", f"≤ {bound}", False)
                return
            worst = max(counts)
            self.row(
                f"3. `wait --interval {flag}` status requests",
                f"{n} waits of ~{T:g} s",
                f"per wait: {', '.join(map(str, counts))} (other requests for the agent: {sum(others)}); "
                f"wait wall median {fmt_s(med(walls))}",
                f"max {worst}",
                f"≤ ⌈{T:g}/{interval:g}⌉+1 = {bound}",
                worst <= bound,
            )
            per_min = [c * 1000 / (w / 60) for c, w in zip(cpus, walls)]
            # Baselines run side by side with the same number of polls and
            # the same interval: the hand-written curl loop the vendor's docs
            # suggest, and a process that only sleeps (this machine's floor:
            # on some VMs every timer wake-up is billed a few ms of CPU).
            polls = max(1, round(med(counts)))
            g = self.run([self.bin, "generate", "--prompt", "x"], env, "generate (curl loop)")
            agent = g.stdout.strip().splitlines()[-1].strip() if g.stdout.strip() else "A0"
            url = f"{srv.base}/v1/agent/status/{agent}"
            loop = (f'for i in $(seq {polls}); do curl -sS -H "api-secret: {SECRET}" {shlex.quote(url)} >/dev/null; '
                    f'[ "$i" -lt {polls} ] && sleep {interval:g}; done; true')
            curl_loop = self.run(["bash", "-c", loop], env, "curl polling loop", timeout=T * 3 + 30)
            floor = self.run([sys.executable, "-c", f"import time\nfor _ in range({polls} - 1): time.sleep({interval})"],
                             env, "sleep-only floor", timeout=T * 3 + 30)
            loop_per_min = curl_loop.cpu * 1000 / (curl_loop.wall / 60) if curl_loop.wall else float("nan")
            floor_per_min = floor.cpu * 1000 / (floor.wall / 60) if floor.wall else float("nan")
            self.row(
                "3. `wait` CPU (user+sys) per minute of waiting, whole process",
                f"median of {n}",
                f"CLI {med(cpus) * 1000:.1f} ms over {fmt_s(med(walls))} ({polls} polls, start-up included); "
                f"curl loop {curl_loop.cpu * 1000:.1f} ms over {fmt_s(curl_loop.wall)}; "
                f"sleep-only floor {floor.cpu * 1000:.1f} ms over {fmt_s(floor.wall)}",
                f"{med(per_min):.0f} ms/min = {med(per_min) / loop_per_min:.2f}× the curl loop "
                f"({loop_per_min:.0f} ms/min); floor {floor_per_min:.0f} ms/min",
                "< 50 ms/min",
                med(per_min) < 50,
            )
            self.notes.append(
                "`wait` CPU: the sleep-only floor is a Python process that sleeps as many times as the CLI polls; "
                "whatever it is billed is the machine's cost of waking a process, not work. "
                "The curl loop is the vendor-documented alternative (one curl per poll, then sleep)."
            )
        finally:
            srv.stop()

    # ----------------------------------------------------------------
    def machine(self):
        cpu = "?"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        mem = "?"
        try:
            with open("/proc/meminfo") as f:
                kib = int(f.readline().split()[1])
                mem = f"{kib / MIB:.1f} GiB"
        except (OSError, ValueError, IndexError):
            pass
        ver = subprocess.run([self.bin, "--version"], capture_output=True, text=True).stdout.strip()
        curl = subprocess.run(["curl", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        py = "skipped"
        if self.a.python:
            py = subprocess.run(
                [self.a.python, "-c", "import sys, requests; print(sys.version.split()[0], 'requests', requests.__version__)"],
                capture_output=True, text=True,
            ).stdout.strip()
        return [
            f"- nproc: {os.cpu_count()}",
            f"- CPU: {cpu}",
            f"- memory: {mem}",
            f"- kernel: {platform.system()} {platform.release()}",
            f"- load average at the end of the run (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
            f"- CLI: {ver} ({self.bin})",
            *([f"- reference build: {self.a.prev_name} ({self.prev})"] if self.prev else []),
            f"- curl: {curl}",
            f"- Python recipe: {py}",
        ]

    def report(self, command):
        out = ["## Machine", "", *self.machine(), "", "## Command", "", "```", command, "```", "",
               f"RUNS={self.a.runs} BIG_RUNS={self.a.big_runs} STATUS_RUNS={self.a.status_runs} "
               f"WAIT_RUNS={self.a.wait_runs} WAIT_SPEED={self.a.wait_speed} WAIT_INTERVAL={self.a.wait_interval:g} SIZES={','.join(map(str, self.a.sizes))}",
               "", "## Results", "",
               "| benchmark | runs | raw numbers | ratio | target | result |",
               "|---|---|---|---|---|---|"]
        for r in self.rows:
            out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
        if getattr(self, "raw_generate", None):
            big = max(self.a.sizes)
            out += ["", f"### Raw: one {big} MiB image, medians", "",
                    "| tool | wall | peak RSS | CPU (user+sys) | body bytes received by the sink |",
                    "|---|---|---|---|---|"]
            for tool, w, rss, cpu, got in self.raw_generate:
                out.append(f"| {tool} | {fmt_s(w)} | {fmt_mib(rss)} | {cpu * 1000:.0f} ms | {got if got is not None else '?'} |")
        if getattr(self, "per_run", None):
            out += ["", "### Raw: every measured run of the largest file, in run order (wall)", "",
                    "| tool | runs |", "|---|---|"]
            for tool, walls in self.per_run:
                out.append(f"| {tool} | {', '.join(fmt_s(w) for w in walls)} |")
            if getattr(self, "loads", None):
                out.append(f"| 1-min load after each round | {', '.join(f'{x:.1f}' for x in self.loads)} |")
        if not TIME_BIN:
            self.notes.append("GNU time was not available: peak RSS values come from wait4() and include the "
                              "forked harness's own RSS (a floor of ~15-30 MiB); they overstate every tool.")
        if self.notes:
            out += ["", "Notes:", ""] + [f"- {n}" for n in self.notes]
        if self.failures:
            out += ["", f"**{self.failures} command(s) failed or misbehaved during the run; see stderr.**"]
        return "\n".join(out) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bin", required=True)
    p.add_argument("--time-bin", default="", help="GNU time, for exact peak RSS; empty = inflated wait4 values")
    p.add_argument("--python", default="", help="venv python with requests; empty = skip the Python column")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--big-runs", type=int, default=3)
    p.add_argument("--status-runs", type=int, default=20)
    p.add_argument("--wait-runs", type=int, default=3)
    p.add_argument("--wait-speed", type=float, default=0.2)
    p.add_argument("--wait-interval", type=float, default=5.0)
    p.add_argument("--sizes", default="1,10,100", help="MiB, comma-separated; the largest is the big case")
    p.add_argument("--cmd-timeout", type=float, default=300)
    p.add_argument("--workdir", required=True)
    p.add_argument("--command", default="benches/run.sh")
    p.add_argument("--out", help="also write the Markdown report here")
    p.add_argument("--only", default="status,generate,wait")
    p.add_argument("--prev-bin", default="", help="a reference build to compare `generate --media base64` with")
    p.add_argument("--prev-name", default="reference", help="what the reference build is (e.g. its commit)")
    a = p.parse_args()
    a.sizes = sorted(int(s) for s in a.sizes.split(",") if s.strip())
    only = set(a.only.split(","))
    global TIME_BIN
    TIME_BIN = a.time_bin or None

    def on_term(*_):
        raise SystemExit(124)

    signal.signal(signal.SIGTERM, on_term)
    b = Bench(a)
    servers = []
    try:
        if "status" in only:
            sb = Server([b.bin, "sandbox", "serve", "--port", "0", "--speed", "1"], b.env,
                        os.path.join(a.workdir, "sandbox-status.log"))
            servers.append(sb)
            b.bench_status(sb.base)
        if "generate" in only:
            sink_log = os.path.join(a.workdir, "sink.log")
            open(sink_log + ".req", "w").close()
            sk = Server([sys.executable, os.path.join(HERE, "sink.py"), "--port", "0", "--log", sink_log + ".req"],
                        b.env, sink_log)
            servers.append(sk)
            b.bench_generate(sk)
        if "wait" in only:
            b.bench_wait()
    finally:
        for s in servers:
            s.stop()
    report = b.report(a.command)
    print(report)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(report)
    fails = sum(1 for r in b.rows if r[5] == "FAIL")
    print(f"[bench] {len(b.rows)} checks: {fails} FAIL; {b.failures} command error(s)", file=sys.stderr)
    # Exit 0 even when a target fails: the numbers are the output. 2 on broken runs.
    sys.exit(2 if b.failures else 0)


if __name__ == "__main__":
    main()
