#!/usr/bin/env python3
"""Black-box acceptance checks for bithuman, written from SPEC.md and API-NOTES.md
only, against an independent fake API (fake.py, Python standard library) -- not the
project's own sandbox -- so the CLI is not only tested against a fake it agrees with.

Run: cargo build && python3 tests/blackbox/qa.py [--skip-missing] [--list] [--only GROUP] [--skip GROUP]
     [SECTION|name-filter ...]
(BITHUMAN_BIN=path overrides the binary; default target/debug/bithuman).

Checks are grouped in sections: `v1` (part one, SPEC §1-7), `video`, `model`,
`dynamics`, `agents`, `account`, `budget`, `journal`, `hostile` (SPEC §13),
`sandbox2`, v0.3's `x-once` (SPEC §20, exactly once across runs), `webhook` (§16) and
`session` (§17), and `fake` (a self-test of the fake, no binary needed). `--only GROUP`
runs one group alone, `--skip GROUP` leaves one out (comma lists allowed). The v0.3
groups print PASS or FAIL for every check; a v0.3 group whose command the binary lacks
(`bithuman webhook --help` fails) is skipped visibly ("SKIP: ...") and its checks are
counted as skipped in the closing line. An argument that
names a section runs that section; any other argument is a substring of check names
(as before). No argument runs everything. A section whose command the binary does
not have yet (its probe, e.g. `bithuman video generate --help`, fails) counts as one
failure and its checks are not run; with --skip-missing (or QA_SKIP_MISSING=1) it is
reported as skipped instead. A NOTE line is an observation where SPEC is silent; it
never fails the run."""
import base64, hashlib, json, os, re, select, signal, stat, subprocess, sys, tempfile, threading, time, traceback
sys.path.insert(0, os.path.dirname(__file__))
from fake import Fake, Receiver, ok, envelope, parse_faults, record, selftest, PRICING, MP4, IMX

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("BITHUMAN_BIN", os.path.join(ROOT, "target", "debug", "bithuman"))
SECRET = "sk_test_0123456789abcdef"
QA = os.path.dirname(os.path.abspath(__file__))
FACE = os.path.join(QA, "face.png")
VOICE = os.path.join(QA, "voice.wav")
fake = Fake()
RESULTS = []
ALL_OUTPUT = []
CUR = {"name": ""}


def check(what, cond, detail=""):
    RESULTS.append((CUR["name"], what, bool(cond), detail))
    if not cond:
        print(f"  FAIL [{CUR['name']}] {what}  :: {str(detail)[:600]}")
    elif CUR.get("verbose"):
        print(f"  PASS [{CUR['name']}] {what}")


NOTES = []


def note(what, cond, detail=""):
    """An observation where SPEC is silent: printed and listed, never a failure."""
    if not cond:
        NOTES.append((CUR["name"], what, detail))
        print(f"  NOTE [{CUR['name']}] {what}  :: {str(detail)[:300]}")


class Ctx:
    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="qa-home-")
        self.xdg = os.path.join(self.home, ".config")
        os.makedirs(self.xdg)
        self.state = os.path.join(self.home, ".local", "state")
        self.cwd = tempfile.mkdtemp(prefix="qa-cwd-")

    def env(self, extra=None, secret=True, base=True):
        e = {"PATH": os.environ["PATH"], "HOME": self.home, "XDG_CONFIG_HOME": self.xdg,
             "XDG_STATE_HOME": self.state}
        if base:
            e["BITHUMAN_API_BASE"] = fake.base
        if secret:
            e["BITHUMAN_API_SECRET"] = SECRET
        for k, v in (extra or {}).items():
            if v is None:
                e.pop(k, None)
            else:
                e[k] = v
        return e

    def run(self, args, extra=None, secret=True, base=True, stdin=None, timeout=90, cwd=None):
        env = self.env(extra, secret, base)
        # stdin is never the runner's terminal: "off a terminal" behaviour is what is checked.
        kw = {"stdin": subprocess.DEVNULL} if stdin is None else {
            "input": stdin if isinstance(stdin, bytes) else stdin.encode()}
        p = subprocess.run([BIN] + args, env=env, capture_output=True, timeout=timeout, cwd=cwd or self.cwd, **kw)
        out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
        ALL_OUTPUT.append((CUR["name"], args, out, err))
        return p.returncode, out, err, p.stdout

    @property
    def cfg(self):
        return os.path.join(self.xdg, "bithuman", "config.toml")

    def write_cfg(self, text, mode=0o600):
        os.makedirs(os.path.dirname(self.cfg), exist_ok=True)
        with open(self.cfg, "w") as f:
            f.write(text)
        os.chmod(self.cfg, mode)


def json_err(err):
    lines = [l for l in err.splitlines() if l.strip()]
    objs = []
    for l in lines:
        try:
            objs.append(json.loads(l))
        except Exception:
            pass
    return lines, objs


def check_json_error(err, code=None, http_status="any"):
    lines, objs = json_err(err)
    errs = [o for o in objs if isinstance(o, dict) and "error" in o]
    check("json stderr has exactly one error object", len(errs) == 1, err)
    if errs:
        e = errs[0]["error"]
        check("error object keys", set(e.keys()) >= {"code", "message", "http_status", "hint", "command"}, e)
        if code:
            check(f"error code == {code}", e.get("code") == code, e)
        if http_status != "any":
            check(f"http_status == {http_status}", e.get("http_status") == http_status, e)
        return e
    return {}


GEN_OK = ok({"success": True, "message": "Agent generation started", "agent_id": "A91XMB7113", "status": "processing"})

TESTS = []          # (section, fn)
SECTIONS = {}       # name -> probe args (None: always available)
SKIP_IF_MISSING = set()   # sections whose missing command is a visible SKIP, not a failure
VERBOSE = set()           # sections that print a PASS line for every check too
CUR_SECTION = ["v1"]


def section(name, probe=None, skip_if_missing=False, verbose=False):
    """Checks defined after this call belong to section `name`; `probe` is a command
    (args) that exits 0 when the binary has the section's feature. skip_if_missing: a
    failing probe skips the section's checks visibly ("SKIP: ...", counted) instead of
    failing; verbose: every check prints PASS or FAIL."""
    SECTIONS[name] = probe
    CUR_SECTION[0] = name
    if skip_if_missing:
        SKIP_IF_MISSING.add(name)
    if verbose:
        VERBOSE.add(name)


def test(fn):
    TESTS.append((CUR_SECTION[0], fn))
    return fn


section("v1")


# ---------------------------------------------------------------- generate
@test
def gen_basic():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--prompt", "You are a concierge."])
    check("rc 0", rc == 0, (rc, err))
    check("stdout is id alone", out == "A91XMB7113\n", repr(out))
    check("stderr hint bithuman wait <id>", "bithuman wait A91XMB7113" in err, err)
    g = fake.reqs("generate")
    check("one generate request", len(g) == 1, len(g))
    if g:
        r = g[0]
        check("body exactly prompt+model", r["json"] == {"prompt": "You are a concierge.", "model": "essence-1"}, r["json"])
        check("api-secret header", r["headers"].get("api-secret") == SECRET, r["headers"])
        check("User-Agent bithuman-cli/", r["headers"].get("user-agent", "").startswith("bithuman-cli/"), r["headers"].get("user-agent"))
        check("Idempotency-Key present", bool(r["headers"].get("idempotency-key")), r["headers"])
        check("content-type json", "application/json" in r["headers"].get("content-type", ""), r["headers"])
        check("no Authorization header", "authorization" not in r["headers"])


@test
def gen_all_fields():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--prompt", "p", "--image", "https://x/face.jpg", "--audio", "https://x/v.wav",
                             "--video", "https://x/v.mp4", "--aspect-ratio", "9:16", "--video-aspect-ratio", "1:1",
                             "--duration", "5", "--agent-id", "AGENT1", "--model", "essence-2", "--framing", "full_body",
                             "--transparency", "--idempotency-key", "KEY-123"])
    check("rc 0", rc == 0, (rc, err))
    g = fake.reqs("generate")
    b = g[0]["json"] if g else {}
    exp = {"prompt": "p", "image": "https://x/face.jpg", "audio": "https://x/v.wav", "video": "https://x/v.mp4",
           "aspect_ratio": "9:16", "video_aspect_ratio": "1:1", "agent_id": "AGENT1", "model": "essence-2",
           "framing": "full_body", "transparency": True}
    for k, v in exp.items():
        check(f"body {k}", b.get(k) == v, b)
    check("body duration 5", b.get("duration") in (5, 5.0), b)
    check("Idempotency-Key header KEY-123", g and g[0]["headers"].get("idempotency-key") == "KEY-123")
    check("no upload for URLs", not fake.reqs("upload"))


@test
def gen_data_uri_passthrough():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--image", "data:image/png;base64,AAAA"])
    g = fake.reqs("generate")
    check("data: passes through", rc == 0 and g and g[0]["json"].get("image") == "data:image/png;base64,AAAA", (rc, err))


@test
def gen_bad_values():
    c = Ctx()
    for args in (["--aspect-ratio", "4:3"], ["--framing", "wide"], ["--duration", "0"], ["--duration", "-3"],
                 ["--media", "zip"]):
        rc, out, err, _ = c.run(["generate", "--prompt", "x"] + args)
        check(f"usage error for {args}", rc == 2, (rc, err))
    check("nothing sent", not fake.reqs())


@test
def gen_retry_503_same_key():
    c = Ctx()
    fake.script("generate", [envelope(503, "SERVICE_UNAVAILABLE", "busy"), GEN_OK])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    g = fake.reqs("generate")
    check("rc 0 after retry", rc == 0, (rc, err))
    check("two generate requests", len(g) == 2, len(g))
    if len(g) == 2:
        k1, k2 = g[0]["headers"].get("idempotency-key"), g[1]["headers"].get("idempotency-key")
        check("same Idempotency-Key on retry", k1 and k1 == k2, (k1, k2))
    # fresh key per invocation
    fake.reset()
    c.run(["generate", "--prompt", "x"])
    c.run(["generate", "--prompt", "x"])
    g = fake.reqs("generate")
    check("fresh key per invocation", len(g) == 2 and g[0]["headers"].get("idempotency-key") != g[1]["headers"].get("idempotency-key"))


@test
def gen_no_retry_4xx():
    c = Ctx()
    for st, code, exp in ((400, "VALIDATION_ERROR", None), (401, "UNAUTHORIZED", 77), (402, "INSUFFICIENT_BALANCE", 77),
                          (403, "PLAN_REQUIRED", 77), (422, "MODEL_SUBJECT_MISMATCH", None), (404, "NOT_FOUND", 66)):
        fake.reset()
        fake.script("generate", [envelope(st, code, f"msg for {code}")])
        rc, out, err, _ = c.run(["generate", "--prompt", "x"])
        check(f"{st} not retried", len(fake.reqs("generate")) == 1, len(fake.reqs("generate")))
        if exp is not None:
            check(f"{st} -> exit {exp}", rc == exp, (rc, err))
        else:
            check(f"{st} -> nonzero, not 69/70", rc not in (0, 69, 70), (rc, err))
        check(f"{st} stderr names code {code}", code in err, err)
        check(f"{st} stderr has server message", f"msg for {code}" in err, err)
        check(f"{st} stdout empty", out == "", out)


@test
def gen_video_not_supported():
    c = Ctx()
    fake.script("generate", [envelope(400, "VIDEO_INPUT_NOT_SUPPORTED", "Video input is no longer supported")])
    rc, out, err, _ = c.run(["generate", "--video", "https://x/v.mp4"])
    check("video sent", fake.reqs("generate") and fake.reqs("generate")[0]["json"].get("video") == "https://x/v.mp4")
    check("nonzero", rc != 0, rc)
    check("message mentions video + code", "VIDEO_INPUT_NOT_SUPPORTED" in err and "video" in err.lower(), err)


@test
def gen_json_shape():
    c = Ctx()
    fake.script("generate", [ok({"success": True, "message": "Agent generation started", "agent_id": "A91XMB7113",
                                 "status": "processing"}, headers={"Idempotency-Replayed": "true"})])
    rc, out, err, _ = c.run(["generate", "--image", FACE, "--json"])
    check("rc 0", rc == 0, (rc, err))
    check("stderr empty in --json success", err.strip() == "", err)
    lines = out.strip().splitlines()
    check("one json line", len(lines) == 1, out)
    try:
        o = json.loads(lines[0])
    except Exception as e:
        check("json parse", False, out)
        return
    check("keys", set(o) >= {"schema_version", "agent_id", "status", "message", "idempotency_key", "replayed", "inputs"}, o)
    check("schema_version 1", o.get("schema_version") == 1, o)
    check("agent_id", o.get("agent_id") == "A91XMB7113", o)
    check("status", o.get("status") == "processing", o)
    check("message", o.get("message") == "Agent generation started", o)
    g = fake.reqs("generate")
    check("idempotency_key equals header", g and o.get("idempotency_key") == g[0]["headers"].get("idempotency-key"), o)
    check("replayed true from header", o.get("replayed") is True, o)
    up = fake.reqs("upload")
    check("one upload", len(up) == 1, len(up))
    url = f"{fake.base}/files/up/face.png"
    check("inputs holds uploaded URL", url in json.dumps(o.get("inputs")), o.get("inputs"))
    check("generate image == uploaded url", g and g[0]["json"].get("image") == url, g and g[0]["json"])
    # not replayed
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--json"])
    try:
        check("replayed false", json.loads(out).get("replayed") is False, out)
    except Exception:
        check("json parse 2", False, out)


@test
def gen_upload_body():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--image", FACE, "--audio", VOICE])
    check("rc 0", rc == 0, (rc, err))
    up = fake.reqs("upload")
    check("two uploads", len(up) == 2, len(up))
    by = {u["json"].get("file_type"): u["json"] for u in up if isinstance(u["json"], dict)}
    im, au = by.get("image", {}), by.get("audio", {})
    check("image file_data raw b64", im.get("file_data") == base64.b64encode(open(FACE, "rb").read()).decode(), im.get("file_data", "")[:40])
    check("image file_name base name", im.get("file_name") == "face.png", im.get("file_name"))
    check("audio file_name", au.get("file_name") == "voice.wav", au.get("file_name"))
    check("audio file_type", au.get("file_type") == "audio", au)
    check("upload keys exact", set(im) == {"file_data", "file_name", "file_type"}, list(im))
    check("upload has api-secret", up and up[0]["headers"].get("api-secret") == SECRET)
    for u in up:
        check("upload Content-Length exact", int(u["headers"].get("content-length", -1)) == len(u["body"]), u["headers"])
    g = fake.reqs("generate")
    check("generate uses file urls", g and g[0]["json"].get("image", "").endswith("/files/up/face.png")
          and g[0]["json"].get("audio", "").endswith("/files/up/voice.wav"), g and g[0]["json"])
    check("path never sent", g and FACE not in json.dumps(g[0]["json"]))


@test
def gen_upload_retry():
    c = Ctx()
    fake.script("upload", [envelope(503, "SERVICE_UNAVAILABLE", "x"),
                           ok({"success": True, "data": {"file_url": "https://f/x.png"}})])
    rc, out, err, _ = c.run(["generate", "--image", FACE])
    check("upload retried then ok", rc == 0 and len(fake.reqs("upload")) == 2, (rc, err))


@test
def gen_stdin():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--image", "-"], stdin=open(FACE, "rb").read())
    up = fake.reqs("upload")
    check("rc 0", rc == 0, (rc, err))
    check("stdin file_name stdin.png", up and up[0]["json"].get("file_name") == "stdin.png", up and up[0]["json"].get("file_name"))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt-file", "-"], stdin=b"You are a pirate.")
    g = fake.reqs("generate")
    check("prompt-file - reads stdin", g and g[0]["json"].get("prompt", "").strip() == "You are a pirate.", g and g[0]["json"])
    pf = os.path.join(c.cwd, "p.txt")
    open(pf, "w").write("From file")
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt-file", pf])
    g = fake.reqs("generate")
    check("prompt-file path", g and g[0]["json"].get("prompt", "").strip() == "From file", g and g[0]["json"])


@test
def gen_media_modes():
    c = Ctx()
    raw = open(FACE, "rb").read()
    b64 = base64.b64encode(raw).decode()
    rc, out, err, _ = c.run(["generate", "--image", FACE, "--media", "base64"])
    g = fake.reqs("generate")
    check("base64 mode field", rc == 0 and g and g[0]["json"].get("image") == b64, (rc, err))
    check("base64 mode no upload", not fake.reqs("upload"))
    for u in g:
        check("generate Content-Length exact", int(u["headers"].get("content-length", -1)) == len(u["body"]))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--image", FACE, "--media", "data-uri"])
    g = fake.reqs("generate")
    check("data-uri mode", g and g[0]["json"].get("image") == "data:image/png;base64," + b64, g and g[0]["json"].get("image", "")[:40])
    # config media key
    c.write_cfg('media = "base64"\n')
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--image", FACE])
    g = fake.reqs("generate")
    check("config media=base64", g and g[0]["json"].get("image") == b64, (rc, err))


@test
def gen_dry_run():
    c = Ctx()
    raw = open(FACE, "rb").read()
    rc, out, err, _ = c.run(["generate", "--image", FACE, "--media", "base64", "--prompt", "hi", "--dry-run"])
    check("rc 0", rc == 0, (rc, err))
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])
    both = out + err
    check("secret not shown", SECRET not in both)
    check("base64 placeholder", f"<base64: {len(raw)} bytes, sha256 {hashlib.sha256(raw).hexdigest()}" in both, both)
    check("mentions generate path", "/v1/agent/generate" in both, both)
    check("mentions model essence-1", "essence-1" in both)
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--image", FACE, "--dry-run"])
    check("dry-run upload mode: nothing sent", rc == 0 and not fake.reqs(), (rc, err, [r["path"] for r in fake.reqs()]))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--dry-run"], secret=False)
    check("dry-run w/o secret: nothing sent", not fake.reqs())


@test
def gen_file_errors():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--image", "/nonexistent/face.jpg"])
    check("missing file -> 66", rc == 66, (rc, err))
    check("missing file names path", "/nonexistent/face.jpg" in err, err)
    rc, out, err, _ = c.run(["generate", "--image", "/tmp"])
    check("directory -> 66", rc == 66, (rc, err))
    rc, out, err, _ = c.run(["generate", "--image", os.path.join(QA, "empty.png")])
    check("empty file -> 65", rc == 65, (rc, err))
    rc, out, err, _ = c.run(["generate", "--image", os.path.join(QA, "notimage.png")])
    check("wrong type -> 65", rc == 65, (rc, err))
    rc, out, err, _ = c.run(["generate", "--audio", FACE])
    check("png as audio -> 65", rc == 65, (rc, err))
    big = os.path.join(c.cwd, "big.png")
    with open(big, "wb") as f:
        f.write(open(FACE, "rb").read()[:16] + b"\0" * (10 * 1024 * 1024 + 10))
    rc, out, err, _ = c.run(["generate", "--image", big])
    check("oversize image -> 65", rc == 65, (rc, err))
    check("nothing sent for file errors", not fake.reqs(), [r["path"] for r in fake.reqs()])
    rc, out, err, _ = c.run(["generate", "--image", os.path.join(QA, "notimage.png"), "--no-preflight"])
    check("--no-preflight sends", rc == 0 and fake.reqs("upload"), (rc, err))
    rc, out, err, _ = c.run(["generate", "--image", "/nonexistent/face.jpg", "--json"])
    check_json_error(err, "NOT_FOUND_LOCAL_FILE")


@test
def gen_empty_request():
    c = Ctx()
    rc, out, err, _ = c.run(["generate"])
    check("empty -> 2", rc == 2, (rc, err))
    rc, out, err, _ = c.run(["generate", "--model", "essence-1", "--aspect-ratio", "1:1"])
    check("no inputs -> 2", rc == 2, (rc, err))
    check("nothing sent", not fake.reqs())


@test
def gen_server_errors():
    c = Ctx()
    fake.script("generate", [envelope(500, "INTERNAL_ERROR", "boom")])
    t = time.time()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("5xx -> 69", rc == 69, (rc, err))
    n = len(fake.reqs("generate"))
    check("at most 5 tries", 2 <= n <= 5, n)
    fake.reset()
    fake.script("generate", [ok("this is not json {")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("unparseable -> 70", rc == 70, (rc, err))
    check("unparseable retried", 2 <= len(fake.reqs("generate")) <= 5, len(fake.reqs("generate")))
    fake.reset()
    fake.script("generate", [(429, {"Content-Type": "application/json", "Retry-After": "1"},
                              {"error": {"code": "RATE_LIMITED", "message": "slow down", "httpStatus": 429}})])
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--json"])
    check("429 -> 69", rc == 69, (rc, err))
    n = len(fake.reqs("generate"))
    check("429 at most 5 tries", 2 <= n <= 5, n)
    ts = [r["t"] for r in fake.reqs("generate")]
    gaps = [b - a for a, b in zip(ts, ts[1:])]
    check("Retry-After honoured (>=0.9s gaps)", all(g >= 0.9 for g in gaps), gaps)
    check_json_error(err, "RATE_LIMITED", 429)
    fake.reset()
    html = "<html><head><title>502 Bad Gateway</title></head><body>SECRETBODYTEXT cloudflare</body></html>"
    fake.script("generate", [(502, {"Content-Type": "text/html"}, html)])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("HTML 502 -> 69", rc == 69, (rc, err))
    check("HTML title shown", "502 Bad Gateway" in err, err)
    check("HTML body not shown", "SECRETBODYTEXT" not in err, err)
    fake.reset()
    fake.script("generate", [(400, {"Content-Type": "application/json"}, {"detail": "fastapi detail msg"})])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("FastAPI detail shown", "fastapi detail msg" in err, err)
    fake.reset()
    fake.script("generate", [(400, {"Content-Type": "text/plain"}, "plain string error")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("plain string error shown", "plain string error" in err, err)
    fake.reset()
    fake.script("generate", [envelope(400, "VALIDATION_ERROR", "bad \x1b[31mred\x1b[0m \x07 value")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("escape sequences stripped", "\x1b" not in err and "\x07" not in err, repr(err))


@test
def gen_wait_download():
    c = Ctx()
    fake.script("status", [record("A91XMB7113", "generating", 0.5, "video"),
                           record("A91XMB7113", "ready", 1.0, "done", model_url="https://x/A.imx")])
    d = os.path.join(c.cwd, "models")
    os.makedirs(d)
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--wait", "--interval", "1s", "--download", d])
    check("rc 0", rc == 0, (rc, err))
    p = os.path.join(d, "A91XMB7113.imx")
    check("file saved", os.path.exists(p))
    lines = out.strip().splitlines()
    check("human: record then saved path last", lines and lines[-1].strip().endswith("A91XMB7113.imx"), out)
    check("record block has viewer url", "https://www.bithuman.ai/A91XMB7113" in out, out)
    fake.reset()
    fake.script("status", [record("A91XMB7113", "ready", 1.0, "done", model_url="https://x/A.imx")])
    d2 = os.path.join(c.cwd, "m2")
    os.makedirs(d2)
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--wait", "--download", d2, "--json"])
    try:
        o = json.loads(out.strip().splitlines()[-1])
        check("json has model_path", o.get("model_path", "").endswith("A91XMB7113.imx"), o)
        check("json record schema_version", o.get("schema_version") == 1 and o.get("status") == "ready", o)
        check("one json line", len(out.strip().splitlines()) == 1, out)
    except Exception:
        check("json parse", False, (rc, out, err))
    check("json stderr empty", err.strip() == "", err)
    fake.reset()
    fake.script("status", [record("A91XMB7113", "failed", 0.3, "voice_image", error_message="Voice failed")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--wait"])
    check("generate --wait failed -> 1", rc == 1, (rc, err))
    check("failed error message shown", "Voice failed" in out + err)


@test
def gen_no_secret():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], secret=False)
    check("no secret -> 77", rc == 77, (rc, err))
    check("names BITHUMAN_API_SECRET", "BITHUMAN_API_SECRET" in err, err)
    check("names auth login --with-token", "bithuman auth login --with-token" in err, err)
    check("nothing sent", not fake.reqs())
    for cmd in (["status", "A1"], ["wait", "A1"], ["download", "A1"]):
        rc, out, err, _ = c.run(cmd, secret=False)
        check(f"{cmd[0]} no secret -> 77", rc == 77, (rc, err))
    check("nothing sent 2", not fake.reqs())


# ---------------------------------------------------------------- status
@test
def status_json():
    c = Ctx()
    fake.script("status", [ok({"success": True, "data": {"agent_id": "A1", "status": "generating", "progress": 0.2,
                                                         "current_step": "voice_image", "weird_field": {"x": [1, 2]},
                                                         "model_url": None, "error_message": None}})])
    rc, out, err, _ = c.run(["status", "A1", "--json"])
    check("rc 0", rc == 0, (rc, err))
    try:
        o = json.loads(out)
    except Exception:
        check("parse", False, out)
        return
    check("unknown field kept", o.get("weird_field") == {"x": [1, 2]}, o)
    check("null kept", "model_url" in o and o["model_url"] is None, o)
    check("schema_version 1", o.get("schema_version") == 1, o)
    check("viewer_url", o.get("viewer_url") == "https://www.bithuman.ai/A1", o)
    check("progress kept as-is", o.get("progress") == 0.2, o)
    check("stderr empty", err == "", err)
    r = fake.reqs("status")
    check("GET /v1/agent/status/A1", r and r[0]["path"] == "/v1/agent/status/A1", r and r[0]["path"])


@test
def status_failed_and_many():
    c = Ctx()
    fake.defaults["status"] = lambda req, m: record(m.group(1), "failed", 0.3, "voice_image", error_message=f"boom {m.group(1)}")
    rc, out, err, _ = c.run(["status", "A1", "A2", "--json"])
    check("failed status -> 0", rc == 0, (rc, err))
    ls = out.strip().splitlines()
    check("two lines", len(ls) == 2, out)
    check("two requests", len(fake.reqs("status")) == 2)
    rc, out, err, _ = c.run(["status", "A1"])
    check("human failed -> 0", rc == 0, rc)
    for s in ("A1", "failed", "voice_image", "https://www.bithuman.ai/A1", "boom A1"):
        check(f"human block has {s}", s in out, out)
    check("human: 30%", "30" in out, out)


@test
def status_errors():
    c = Ctx()
    fake.script("status", [envelope(404, "NOT_FOUND", "Agent not found for code: A1")])
    rc, out, err, _ = c.run(["status", "A1", "--json"])
    check("404 -> 66", rc == 66, (rc, err))
    check("stdout empty", out == "", out)
    e = check_json_error(err, "NOT_FOUND", 404)
    check("command field names status", "status" in str(e.get("command")), e)
    check("404 not retried", len(fake.reqs("status")) == 1)
    fake.reset()
    fake.script("status", [envelope(401, "UNAUTHORIZED", "Invalid API secret")])
    rc, out, err, _ = c.run(["status", "A1"])
    check("401 -> 77", rc == 77, (rc, err))
    check("401 message shows code", "UNAUTHORIZED" in err, err)
    fake.reset()
    fake.script("status", [envelope(403, "FORBIDDEN", "no")])
    rc, out, err, _ = c.run(["status", "A1"])
    check("403 -> 77", rc == 77, (rc, err))
    fake.reset()
    fake.script("status", [envelope(503, "SERVICE_UNAVAILABLE", "x"), record("A1")])
    rc, out, err, _ = c.run(["status", "A1"])
    check("GET retried after 503", rc == 0 and len(fake.reqs("status")) == 2, (rc, err))
    fake.reset()
    fake.script("status", [ok({"success": True, "data": "nope"})])
    rc, out, err, _ = c.run(["status", "A1", "--json"])
    check("bad shape -> 70", rc == 70, (rc, err))
    # mixed: one ok, one 404
    fake.reset()
    fake.defaults["status"] = lambda req, m: record("A1") if m.group(1) == "A1" else envelope(404, "NOT_FOUND", "nf")
    rc, out, err, _ = c.run(["status", "A1", "A2", "--json"])
    check("mixed -> 66", rc == 66, (rc, err))
    check("mixed prints ok record", "A1" in out, out)


@test
def status_id_validation():
    c = Ctx()
    for bad in ("a/b", "..", "a b", "a\x01b", "a\tb", "../etc"):
        rc, out, err, _ = c.run(["status", bad])
        check(f"bad id {bad!r} -> 2", rc == 2, (rc, err))
    for bad in ("a/b",):
        rc, out, err, _ = c.run(["download", bad])
        check("download bad id -> 2", rc == 2, rc)
        rc, out, err, _ = c.run(["wait", bad])
        check("wait bad id -> 2", rc == 2, rc)
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])
    rc, out, err, _ = c.run(["status", "A%1?#"])
    r = fake.reqs("status")
    raw = [x["path"] + ("?" + x["query"] if x["query"] else "") for x in fake.log]
    check("percent-encoded", r and r[0]["path"] == "/v1/agent/status/A%251%3F%23", raw)


@test
def global_flags_positions():
    c = Ctx()
    rc, out, err, _ = c.run(["--json", "status", "A1"])
    check("--json before", rc == 0 and out.startswith("{"), out)
    rc, out, err, _ = c.run(["status", "A1", "--json", "-q", "--no-color", "--base-url", fake.base])
    check("flags after", rc == 0 and out.startswith("{"), (rc, out, err))
    rc, out, err, _ = c.run(["status", "--sandbox", "--help"])
    check("--sandbox accepted after", rc == 0, rc)


# ---------------------------------------------------------------- wait
@test
def wait_terminals():
    c = Ctx()
    fake.script("status", [record("A1", "ready")])
    rc, out, err, _ = c.run(["wait", "A1", "--json"])
    check("ready -> 0", rc == 0, (rc, err))
    check("json record", '"schema_version": 1' in out.replace(':1', ': 1') or json.loads(out).get("schema_version") == 1, out)
    fake.reset()
    fake.script("status", [record("A1", "failed", 0.2, "voice_image", error_message="Image processing failed: 404")])
    rc, out, err, _ = c.run(["wait", "A1", "--json"])
    check("failed -> 1", rc == 1, (rc, err))
    check("failed record printed", "Image processing failed" in out, out)
    fake.reset()
    fake.script("status", [record("A1", "success", 1.0, "done")])
    rc, out, err, _ = c.run(["wait", "A1"])
    check("success+1.0 -> 0", rc == 0, (rc, err))
    fake.reset()
    fake.script("status", [record("A1", "success", 0.45, "video"), record("A1", "completed", 0.6, "lip_sync"),
                           record("A1", "weird_new_status", 0.7, "lip_sync"), record("A1", "ready")])
    t = time.time()
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s"])
    check("success<1/completed/unknown keep polling -> 0", rc == 0 and len(fake.reqs("status")) == 4, (rc, len(fake.reqs("status")), err))
    ts = [r["t"] for r in fake.reqs("status")]
    gaps = [b - a for a, b in zip(ts, ts[1:])]
    check("interval ~1s honoured", all(0.8 <= g <= 3 for g in gaps), gaps)


@test
def wait_timeout():
    c = Ctx()
    fake.script("status", [record("A1", "generating", 0.7, "lip_sync")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "2s"])
    check("timeout -> 75", rc == 75, (rc, err))
    check("last record on stdout", "A1" in out and "lip_sync" in out, out)
    check("resume command", "bithuman wait A1" in err, err)
    check("says not failed", "not failed" in err.lower(), err)
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "2s", "--json"])
    check("json timeout -> 75", rc == 75, rc)
    try:
        o = json.loads(out)
        check("json last record", o.get("status") == "generating" and o.get("schema_version") == 1, o)
    except Exception:
        check("json last record parse", False, out)
    e = check_json_error(err, "TIMEOUT")
    check("hint has resume command", "bithuman wait A1" in str(e.get("hint")), e)
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "0"], timeout=6) if False else (0, "", "", b"")
    # --timeout 0 means none: check it is accepted and waits beyond a short period
    fake.reset()
    fake.script("status", [record("A1", "generating", 0.1, "persona"), record("A1", "generating", 0.1, "persona"),
                           record("A1", "ready")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "0"])
    check("--timeout 0 = none -> 0", rc == 0, (rc, err))
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "0.5s"])
    check("--interval 0.5s -> 2", rc == 2, (rc, err))
    rc, out, err, _ = c.run(["wait", "A1", "--timeout", "soon"])
    check("--timeout garbage -> 2", rc == 2, (rc, err))
    # config interval/timeout
    fake.reset()
    fake.script("status", [record("A1", "generating", 0.7, "lip_sync")])
    c.write_cfg('interval = "1s"\ntimeout = "2s"\n')
    t = time.time()
    rc, out, err, _ = c.run(["wait", "A1"])
    check("config timeout used -> 75 quickly", rc == 75 and time.time() - t < 8, (rc, time.time() - t))


@test
def wait_several():
    c = Ctx()
    fake.defaults["status"] = lambda req, m: record(m.group(1), "ready" if m.group(1) == "A1" else "failed", error_message="x")
    rc, out, err, _ = c.run(["wait", "A1", "A2", "--json"])
    check("ready+failed -> 1", rc == 1, (rc, err))
    check("two records", len(out.strip().splitlines()) == 2, out)
    fake.reset()
    fake.defaults["status"] = lambda req, m: record(m.group(1), "ready" if m.group(1) == "A1" else "generating", 0.5, "video")
    t = time.time()
    rc, out, err, _ = c.run(["wait", "A1", "A2", "--interval", "1s", "--timeout", "2s"])
    check("ready+generating at deadline -> 75", rc == 75, (rc, err))
    check("shared deadline", time.time() - t < 6, time.time() - t)
    fake.reset()
    fake.defaults["status"] = lambda req, m: record(m.group(1), "ready") if m.group(1) == "A1" else envelope(404, "NOT_FOUND", "nf")
    rc, out, err, _ = c.run(["wait", "A1", "A2"])
    check("ready+404 -> 66", rc == 66, (rc, err))


@test
def wait_transient():
    c = Ctx()
    fake.script("status", [(429, {"Content-Type": "application/json", "Retry-After": "1"},
                            {"error": {"code": "RATE_LIMITED", "message": "slow", "httpStatus": 429}}),
                           envelope(503, "SERVICE_UNAVAILABLE", "x"), ok("garbage<html"), record("A1", "ready")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "60s"])
    check("429/503/garbage then ready -> 0", rc == 0, (rc, err))
    ts = [r["t"] for r in fake.reqs("status")]
    check("429 Retry-After respected", len(ts) >= 2 and ts[1] - ts[0] >= 0.9, ts)
    fake.reset()
    fake.script("status", [envelope(503, "SERVICE_UNAVAILABLE", "x")])
    t = time.time()
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "3s"])
    check("5xx at deadline -> 69", rc == 69, (rc, err))
    check("5xx kept polling past 5 tries? (>=2 requests)", len(fake.reqs("status")) >= 2, len(fake.reqs("status")))
    check("deadline respected", time.time() - t < 10, time.time() - t)
    check("resume command on 69", "bithuman wait A1" in err, err)
    fake.reset()
    fake.script("status", [record("A1", "generating", 0.5, "video"), envelope(503, "SERVICE_UNAVAILABLE", "x")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "3s", "--json"])
    check("gen then 5xx at deadline -> 69", rc == 69, (rc, err))
    check("last record printed", "generating" in out, out)
    fake.reset()
    fake.script("status", [ok("not json at all")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "3s"])
    check("unparseable at deadline -> 70", rc == 70, (rc, err))
    fake.reset()
    fake.script("status", [(429, {"Content-Type": "application/json", "Retry-After": "1"},
                            {"error": {"code": "RATE_LIMITED", "message": "slow", "httpStatus": 429}})])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "3s"])
    check("429 at deadline -> 69", rc == 69, (rc, err))
    for st, code, exp in ((401, "UNAUTHORIZED", 77), (403, "FORBIDDEN", 77), (404, "NOT_FOUND", 66)):
        fake.reset()
        fake.script("status", [record("A1", "generating", 0.5, "video"), envelope(st, code, "m")])
        t = time.time()
        rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--timeout", "60s"])
        check(f"{st} ends wait -> {exp}", rc == exp, (rc, err))
        check(f"{st} at once", time.time() - t < 5 and len(fake.reqs("status")) == 2, (time.time() - t, len(fake.reqs("status"))))


@test
def wait_plain_progress():
    c = Ctx()
    fake.script("status", [record("A1", "processing", 0.0, None), record("A1", "generating", 0.1, "persona"),
                           record("A1", "generating", 0.1, "persona"), record("A1", "generating", 45, "video"),
                           record("A1", "ready", 1.0, "done")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s"])
    check("rc 0", rc == 0, (rc, err))
    check("no carriage returns", "\r" not in err, repr(err))
    lines = [l for l in err.splitlines() if l.startswith("A1 ")]
    check("one line per change (4 changes)", len(lines) == 4, err)
    check("line format", lines and re.match(r"^A1 generating persona 10(\.0)?% \S+", next((l for l in lines if "persona" in l), "")), lines)
    check("percent input 45 shown as 45%", any(re.search(r" 45(\.0)?% ", l + " ") for l in lines), lines)
    check("no 4500%", "4500" not in err, err)
    fake.reset()
    fake.script("status", [record("A1", "generating", 0.1, "persona"), record("A1", "ready")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "-q"])
    check("quiet: no progress lines", not any(l.startswith("A1 ") for l in err.splitlines()), err)
    fake.reset()
    fake.script("status", [record("A1", "generating", 0.1, "persona"), record("A1", "ready")])
    rc, out, err, _ = c.run(["wait", "A1", "--interval", "1s", "--json"])
    check("json: stderr empty", err == "", err)


# ---------------------------------------------------------------- download
@test
def download_basic():
    c = Ctx()
    d = os.path.join(c.cwd, "out")
    os.makedirs(d)
    rc, out, err, _ = c.run(["download", "A1", "-o", d])
    check("rc 0", rc == 0, (rc, err))
    r = fake.reqs("download")
    check("redirect=false", r and "redirect=false" in r[0]["query"], r and r[0]["query"])
    check("download api-secret", r and r[0]["headers"].get("api-secret") == SECRET)
    fh = fake.reqs("filehost")
    check("file host fetched", len(fh) == 1, len(fh))
    check("file host no api-secret", fh and "api-secret" not in fh[0]["headers"], fh and fh[0]["headers"])
    p = os.path.join(d, "A1.imx")
    check("saved", os.path.exists(p) and open(p, "rb").read() == b"IMXDATA-" * 100)
    check("prints path", out.strip().endswith("A1.imx") and len(out.strip().splitlines()) == 1, out)
    check("no temp leftovers", sorted(os.listdir(d)) == ["A1.imx"], os.listdir(d))
    # default = cwd
    fake.reset()
    rc, out, err, _ = c.run(["download", "A2"])
    check("default cwd", rc == 0 and os.path.exists(os.path.join(c.cwd, "A2.imx")), (rc, err, os.listdir(c.cwd)))
    # --model
    fake.reset()
    rc, out, err, _ = c.run(["download", "A3", "--model", "essence-2", "-o", d])
    r = fake.reqs("download")
    check("--model query", r and "model=essence-2" in r[0]["query"], r and r[0]["query"])
    # --json
    fake.reset()
    rc, out, err, _ = c.run(["download", "A4", "-o", d, "--json"])
    check("json download rc0 & stderr empty", rc == 0 and err == "", (rc, err))
    try:
        json.loads(out)
        check("json download stdout is json", True)
    except Exception:
        check("json download stdout is json", False, out)


@test
def download_existing():
    c = Ctx()
    f = os.path.join(c.cwd, "model.imx")
    open(f, "w").write("ORIGINAL")
    rc, out, err, _ = c.run(["download", "A1", "-o", f])
    check("existing -> 1", rc == 1, (rc, err))
    check("untouched", open(f).read() == "ORIGINAL")
    check("file host not hit", not fake.reqs("filehost"))
    check("message names path", f in err or "model.imx" in err, err)
    open(os.path.join(c.cwd, "A1.imx"), "w").write("ORIG2")
    rc, out, err, _ = c.run(["download", "A1", "-o", c.cwd])
    check("existing in dir -> 1", rc == 1 and open(os.path.join(c.cwd, "A1.imx")).read() == "ORIG2", (rc, err))
    check("file host not hit (dir)", not fake.reqs("filehost"))
    rc, out, err, _ = c.run(["download", "A1", "-o", f, "--force"])
    check("--force rc 0", rc == 0, (rc, err))
    check("--force overwritten", open(f, "rb").read() == b"IMXDATA-" * 100)
    check("prints given path", out.strip().endswith("model.imx"), out)
    fake.reset()
    rc, out, err, raw = c.run(["download", "A1", "-o", "-"])
    check("-o - streams to stdout", rc == 0 and raw == b"IMXDATA-" * 100, (rc, raw[:50], err))


@test
def download_retry_not_ready():
    c = Ctx()
    fake.script("download", [envelope(404, "MODEL_ARTIFACT_NOT_READY", "not yet"),
                             lambda req, m: ok({"success": True, "data": {"url": f"{fake.base}/files/m/x.imx", "filename": "A1.imx"}})])
    rc, out, err, _ = c.run(["download", "A1", "-o", c.cwd])
    check("retried -> 0", rc == 0, (rc, err))
    check("two download calls", len(fake.reqs("download")) == 2, len(fake.reqs("download")))
    fake.reset()
    fake.script("download", [envelope(404, "NOT_FOUND", "Agent not found for code: A9")])
    rc, out, err, _ = c.run(["download", "A9", "-o", c.cwd])
    check("404 NOT_FOUND -> 66", rc == 66, (rc, err))
    fake.reset()
    fake.script("download", [envelope(400, "MODEL_NOT_DOWNLOADABLE", "expression-1 has no file")])
    rc, out, err, _ = c.run(["download", "A8", "-o", c.cwd])
    check("MODEL_NOT_DOWNLOADABLE shown", rc != 0 and "MODEL_NOT_DOWNLOADABLE" in err, (rc, err))
    fake.reset()
    fake.defaults["filehost"] = (500, {"Content-Type": "text/plain"}, "err")
    rc, out, err, _ = c.run(["download", "A7", "-o", c.cwd])
    check("file host 500 -> 69", rc == 69, (rc, err))
    check("no partial file", not [x for x in os.listdir(c.cwd) if "A7" in x], os.listdir(c.cwd))
    # filename with path traversal from server
    fake.reset()
    fake.script("download", [lambda req, m: ok({"success": True, "data": {"url": f"{fake.base}/files/m/x.imx", "filename": "../../evil.imx"}})])
    d = os.path.join(c.cwd, "sub")
    os.makedirs(d)
    rc, out, err, _ = c.run(["download", "A6", "-o", d])
    check("server filename traversal contained", not os.path.exists(os.path.join(c.cwd, "..", "evil.imx")) and
          not os.path.exists(os.path.join(c.cwd, "evil.imx")), (rc, out, err))


# ---------------------------------------------------------------- auth
@test
def auth_login_flow():
    c = Ctx()
    rc, out, err, _ = c.run(["auth", "login", "--with-token"], secret=False, stdin=SECRET + "\n")
    check("login rc 0", rc == 0, (rc, err))
    v = fake.reqs("validate")
    check("validate called with secret", v and v[0]["headers"].get("api-secret") == SECRET)
    check("validate no body", v and v[0]["body"] == b"", v and v[0]["body"])
    check("config exists", os.path.exists(c.cfg), c.cfg)
    if os.path.exists(c.cfg):
        check("mode 0600", stat.S_IMODE(os.stat(c.cfg).st_mode) == 0o600, oct(os.stat(c.cfg).st_mode))
        check("api_secret stored", SECRET in open(c.cfg).read(), open(c.cfg).read())
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], secret=False)
    g = fake.reqs("generate")
    check("stored secret used", rc == 0 and g and g[0]["headers"].get("api-secret") == SECRET, (rc, err))
    rc, out, err, _ = c.run(["auth", "status"], secret=False)
    both = out + err
    check("status rc 0", rc == 0, (rc, both))
    check("status names config path", c.cfg in both, both)
    check("masked sk_…cdef", "sk_…cdef" in both, both)
    rc, out, err, _ = c.run(["auth", "status"])
    check("env source named", rc == 0 and "env BITHUMAN_API_SECRET" in out + err, out + err)
    rc, out, err, _ = c.run(["auth", "logout"], secret=False)
    check("logout rc 0", rc == 0, (rc, err))
    check("secret removed", not os.path.exists(c.cfg) or SECRET not in open(c.cfg).read())
    rc, out, err, _ = c.run(["auth", "status"], secret=False)
    check("status none -> 77", rc == 77, (rc, err))


@test
def auth_login_rejected():
    c = Ctx()
    fake.script("validate", [ok({"valid": False})])
    rc, out, err, _ = c.run(["auth", "login", "--with-token"], secret=False, stdin=SECRET + "\n")
    check("valid:false -> 77", rc == 77, (rc, err))
    check("not stored", not os.path.exists(c.cfg) or SECRET not in open(c.cfg).read())
    fake.script("validate", [envelope(401, "UNAUTHORIZED", "bad")])
    rc, out, err, _ = c.run(["auth", "login", "--with-token"], secret=False, stdin=SECRET + "\n")
    check("401 -> 77", rc == 77, (rc, err))
    rc, out, err, _ = c.run(["auth", "status"])
    check("status 401 -> 77", rc == 77, (rc, err))
    fake.script("validate", [ok({"valid": False})])
    rc, out, err, _ = c.run(["auth", "status", "--json"])
    check("status invalid -> 77", rc == 77, (rc, err))
    rc, out, err, _ = c.run(["auth", "login", "--with-token"], secret=False, stdin="")
    check("empty stdin -> nonzero", rc != 0, rc)
    # login keeps other config keys
    c2 = Ctx()
    c2.write_cfg('model = "essence-2"\n')
    fake.reset()
    rc, out, err, _ = c2.run(["auth", "login", "--with-token"], secret=False, stdin=SECRET + "\n")
    txt = open(c2.cfg).read()
    check("login keeps other keys", 'essence-2' in txt and SECRET in txt, txt)
    rc, out, err, _ = c2.run(["auth", "logout"], secret=False)
    txt = open(c2.cfg).read() if os.path.exists(c2.cfg) else ""
    check("logout keeps other keys", 'essence-2' in txt and SECRET not in txt, txt)


@test
def auth_official_config():
    c = Ctx()
    os.makedirs(os.path.join(c.home, ".bithuman"))
    p = os.path.join(c.home, ".bithuman", "config")
    open(p, "w").write('# official\nOTHER=1\nBITHUMAN_API_SECRET="sk_official_999cdef"\n')
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], secret=False)
    g = fake.reqs("generate")
    check("official config used", rc == 0 and g and g[0]["headers"].get("api-secret") == "sk_official_999cdef", (rc, err))
    rc, out, err, _ = c.run(["auth", "status"], secret=False)
    check("auth status names official path", rc == 0 and (p in out + err or "~/.bithuman/config" in out + err), out + err)
    check("official secret not leaked", "sk_official_999cdef" not in out + err)
    rc, out, err, _ = c.run(["auth", "logout"], secret=False)
    check("official config untouched by logout", "sk_official_999cdef" in open(p).read())


# ---------------------------------------------------------------- config
@test
def config_env():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], extra={"BITHUMAN_API_SECRET": None, "BITHUMAN_API_KEY": "sk_key_aaaa1111"})
    g = fake.reqs("generate")
    check("API_KEY alias used", rc == 0 and g and g[0]["headers"].get("api-secret") == "sk_key_aaaa1111", (rc, err))
    check("alias warning names BITHUMAN_API_KEY", "BITHUMAN_API_KEY" in err, err)
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], extra={"BITHUMAN_API_KEY": "sk_key_aaaa1111"})
    g = fake.reqs("generate")
    check("SECRET wins over KEY", g and g[0]["headers"].get("api-secret") == SECRET)
    check("both differ: warning names KEY", "BITHUMAN_API_KEY" in err, err)
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], extra={"BITHUMAN_API_BASE": None, "BITHUMAN_API_URL": fake.base})
    check("BITHUMAN_API_URL used", rc == 0 and fake.reqs("generate"), (rc, err))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], extra={"BITHUMAN_API_BASE": fake.base, "BITHUMAN_API_URL": "https://nowhere.invalid"})
    check("API_BASE over API_URL", rc == 0 and fake.reqs("generate"), (rc, err))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--base-url", fake.base], extra={"BITHUMAN_API_BASE": "https://nowhere.invalid"})
    check("--base-url over env", rc == 0 and fake.reqs("generate"), (rc, err))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], extra={"BITHUMAN_JSON": "1"})
    check("BITHUMAN_JSON=1", out.startswith("{"), out)
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], extra={"BITHUMAN_QUIET": "1"})
    check("BITHUMAN_QUIET=1: no hint", out.strip() == "A91XMB7113" and "bithuman wait" not in err, (out, err))
    rc, out, err, _ = c.run(["status", "A1"], extra={"NO_COLOR": "1"})
    check("NO_COLOR: no escapes", "\x1b" not in out + err and rc == 0, (rc, err))
    rc, out, err, _ = c.run(["status", "A1"], extra={"NO_COLOR": "yes-please"})
    check("NO_COLOR=any non-empty accepted", rc == 0, (rc, err))
    rc, out, err, _ = c.run(["status", "A1"], extra={"BITHUMAN_NO_COLOR": "1"})
    check("BITHUMAN_NO_COLOR", rc == 0, (rc, err))
    rc, out, err, _ = c.run(["status", "A1"], extra={"BITHUMAN_JSON": "true"})
    check("BITHUMAN_JSON=true", rc == 0 and out.startswith("{"), (rc, out, err))


@test
def config_file():
    c = Ctx()
    alt = os.path.join(c.home, "alt.toml")
    open(alt, "w").write(f'api_secret = "sk_cfg_top_1111"\nbase_url = "{fake.base}"\nmodel = "expression-2"\n'
                         f'[profiles.p2]\napi_secret = "sk_cfg_p2_2222"\nmodel = "essence-2"\n')
    os.chmod(alt, 0o600)
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], secret=False, base=False, extra={"BITHUMAN_CONFIG": alt})
    g = fake.reqs("generate")
    check("BITHUMAN_CONFIG used", rc == 0 and g and g[0]["headers"].get("api-secret") == "sk_cfg_top_1111", (rc, err))
    check("config model key", g and g[0]["json"].get("model") == "expression-2", g and g[0]["json"])
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x"], secret=False, base=False, extra={"BITHUMAN_CONFIG": alt, "BITHUMAN_PROFILE": "p2"})
    g = fake.reqs("generate")
    check("profile secret wins", rc == 0 and g and g[0]["headers"].get("api-secret") == "sk_cfg_p2_2222", (rc, err))
    check("profile model", g and g[0]["json"].get("model") == "essence-2")
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--profile", "p2", "--config", alt], secret=False, base=False)
    g = fake.reqs("generate")
    check("--profile/--config flags", rc == 0 and g and g[0]["headers"].get("api-secret") == "sk_cfg_p2_2222", (rc, err))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--config", alt], base=False)
    g = fake.reqs("generate")
    check("env secret over config", g and g[0]["headers"].get("api-secret") == SECRET, (rc, err))
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--config", alt, "--model", "essence-1"], base=False)
    g = fake.reqs("generate")
    check("--model over config", g and g[0]["json"].get("model") == "essence-1")
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--config", alt, "--profile", "nope"], base=False)
    check("unknown profile -> error", rc != 0, (rc, err))
    os.chmod(alt, 0o644)
    fake.reset()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--config", alt], secret=False, base=False)
    check("world-readable secret warns", rc == 0 and ("0600" in err or "permission" in err.lower() or "readable" in err.lower()), (rc, err))
    # default XDG location
    c2 = Ctx()
    c2.write_cfg(f'api_secret = "sk_xdg_3333"\nbase_url = "{fake.base}"\n')
    fake.reset()
    rc, out, err, _ = c2.run(["generate", "--prompt", "x"], secret=False, base=False)
    g = fake.reqs("generate")
    check("XDG config used", rc == 0 and g and g[0]["headers"].get("api-secret") == "sk_xdg_3333", (rc, err))
    # bad toml
    open(alt, "w").write("this is = = not toml [[")
    rc, out, err, _ = c.run(["status", "A1", "--config", alt])
    check("bad toml -> nonzero with path", rc != 0 and alt in err, (rc, err))


@test
def http_refusal():
    c = Ctx()
    rc, out, err, _ = c.run(["status", "A1", "--base-url", "http://example.com"])
    check("http:// -> 2", rc == 2, (rc, err))
    check("names https & BITHUMAN_ALLOW_HTTP", "https" in err and "BITHUMAN_ALLOW_HTTP" in err, err)
    rc, out, err, _ = c.run(["status", "A1"], extra={"BITHUMAN_API_BASE": "http://example.com"})
    check("env http:// -> 2", rc == 2, (rc, err))
    rc, out, err, _ = c.run(["status", "A1", "--base-url", f"http://localhost:{fake.port}"])
    check("http://localhost allowed", rc == 0, (rc, err))
    rc, out, err, _ = c.run(["status", "A1", "--base-url", "http://127.0.0.1:1"], timeout=120)
    check("loopback refused conn -> 69", rc == 69, (rc, err))
    rc, out, err, _ = c.run(["status", "A1", "--base-url", "ftp://x"])
    check("ftp:// -> 2", rc == 2, (rc, err))


@test
def secrets_never_shown():
    c = Ctx()
    for args in (["status", "A1", "-v"], ["status", "A1", "-vv"], ["generate", "--image", FACE, "-vv"],
                 ["download", "A1", "-vv", "-o", c.cwd, "--force"], ["auth", "status", "-vv"],
                 ["generate", "--prompt", "x", "-vv", "--json"]):
        rc, out, err, _ = c.run(args)
        check(f"{args} rc0", rc == 0, (rc, err))
        if "-vv" in args and args[0] == "generate" and "--image" in args:
            b64 = base64.b64encode(open(FACE, "rb").read()).decode()
            check("-vv elides base64", b64 not in err, err[:2000])
            check("-vv logs method+url", "POST" in err and "/v1/files/upload" in err, err[:1500])
    rc, out, err, _ = c.run(["status", "A1", "-v"])
    check("-v logs GET + url + status", "GET" in err and "/v1/agent/status/A1" in err and "200" in err, err)


@test
def sandbox_serve():
    c = Ctx()
    p = subprocess.Popen([BIN, "sandbox", "serve", "--port", "0", "--speed", "10"], env=c.env(base=False, secret=False),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        l1 = p.stdout.readline().decode().strip()
        l2 = p.stdout.readline().decode().strip()
        check("url line", re.match(r"^http://127\.0\.0\.1:\d+/?$", l1), l1)
        check("export line", l2 == f"export BITHUMAN_API_BASE={l1}", (l1, l2))
        import urllib.request, urllib.error
        try:
            urllib.request.urlopen(urllib.request.Request(l1.rstrip("/") + "/nope", headers={"api-secret": "x"}))
        except urllib.error.HTTPError as e:
            body = json.loads(e.read())
            check("unknown path 404 envelope", e.code == 404 and body.get("error", {}).get("httpStatus") == 404, body)
        try:
            urllib.request.urlopen(urllib.request.Request(l1.rstrip("/") + "/v1/agent/generate", headers={"api-secret": "x"}))
        except urllib.error.HTTPError as e:
            body = json.loads(e.read())
            check("GET generate 405 envelope", e.code == 405 and "error" in body, (e.code, body))
        rc, out, err, _ = c.run(["generate", "--prompt", "x", "--wait", "--interval", "1s", "--json"], base=False,
                                extra={"BITHUMAN_API_BASE": l1})
        check("real client vs serve -> ready", rc == 0 and '"ready"' in out.replace(": ", ":").replace(':"ready"', '"ready"'), (rc, out, err))
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(10)
        except Exception:
            p.kill()
            rc = "hung"
    check("SIGTERM -> exit 0", rc == 0, rc)


@test
def sandbox_flag():
    c = Ctx()
    rc, out, err, _ = c.run(["--sandbox", "generate", "--image", FACE], secret=False, base=False)
    check("sandbox generate rc 0", rc == 0, (rc, err))
    aid = out.strip()
    check("id alone", re.match(r"^\S+$", aid), out)
    check("one stderr line mentions sandbox", "sandbox" in err.lower(), err)
    rc, out, err, _ = c.run(["--sandbox", "status", aid, "--json"], secret=False, base=False)
    check("later status works", rc == 0, (rc, err))
    check("sandbox --json stderr empty", err == "", err)
    rc, out, err, _ = c.run(["--sandbox", "wait", aid, "--interval", "1s", "--timeout", "60s"], secret=False, base=False, timeout=90)
    check("later wait ready", rc == 0, (rc, err))
    d = os.path.join(c.cwd, "dl")
    os.makedirs(d)
    rc, out, err, _ = c.run(["--sandbox", "download", aid, "-o", d], secret=False, base=False)
    check("later download", rc == 0, (rc, err))
    files = os.listdir(d)
    check("placeholder content", files and open(os.path.join(d, files[0]), "rb").read().startswith(b"BITHUMAN SANDBOX PLACEHOLDER"), files)
    rc, out, err, _ = c.run(["status", "A0NOTREAL1"], secret=False, base=False, extra={"BITHUMAN_SANDBOX": "1"})
    check("BITHUMAN_SANDBOX=1 unknown id -> 66", rc == 66, (rc, err))
    rc, out, err, _ = c.run(["--sandbox", "status", aid], base=False, extra={"BITHUMAN_API_BASE": "https://nowhere.invalid"})
    check("--sandbox overrides base", rc == 0, (rc, err))
    check("no requests to fake", not fake.reqs())


@test
def completions():
    c = Ctx()
    for sh in ("bash", "zsh", "fish", "elvish", "powershell"):
        rc, out, err, _ = c.run(["completion", sh], secret=False, base=False)
        check(f"completion {sh}", rc == 0 and len(out) > 200 and "generate" in out, (rc, err[:200]))
    rc, out, err, _ = c.run(["completion", "tcsh"], secret=False, base=False)
    check("bad shell -> 2", rc == 2, rc)
    rc, out, err, _ = c.run(["--version"], secret=False, base=False)
    check("--version", rc == 0 and "bithuman" in out, out)
    rc, out, err, _ = c.run(["frobnicate"], secret=False, base=False)
    check("unknown command -> 2", rc == 2, rc)
    rc, out, err, _ = c.run(["status"], secret=False, base=False)
    check("status without id -> 2", rc == 2, rc)


@test
def json_usage_errors():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--json"])
    check("json empty generate -> 2", rc == 2, rc)
    check_json_error(err)
    rc, out, err, _ = c.run(["status", "a/b", "--json"])
    check("json bad id -> 2", rc == 2, rc)
    check_json_error(err)
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--json"], secret=False)
    check("json no secret -> 77", rc == 77, rc)
    check_json_error(err)
    fake.script("generate", [envelope(402, "INSUFFICIENT_BALANCE", "no credits")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--json"])
    check("json 402 -> 77", rc == 77, rc)
    check_json_error(err, "INSUFFICIENT_BALANCE", 402)
    rc, out, err, _ = c.run(["generate", "--aspect-ratio", "5:5", "--prompt", "x", "--json"])
    check("json bad flag value -> 2", rc == 2, rc)
    check_json_error(err)


# ================================================================ v0.2 (SPEC part two)
# Helpers shared by the v0.2 sections.

def jl(out):
    """stdout -> list of JSON objects, one per non-empty line ({"_bad": line} when not JSON)."""
    objs = []
    for line in out.splitlines():
        if not line.strip():
            continue
        try:
            objs.append(json.loads(line))
        except Exception:
            objs.append({"_bad": line})
    return objs


def one_json(out, what="one JSON object on stdout"):
    objs = jl(out)
    check(what, len(objs) == 1 and "_bad" not in objs[0], out)
    return objs[0] if objs and isinstance(objs[0], dict) else {}


def nothing_billed(what="nothing billed sent"):
    sub = [r["path"] for r in fake.reqs() if r["route"] in ("generate", "video_generate", "dynamics_generate", "add_model")]
    check(what, not sub, sub)


def no_panic(rc, err, what=""):
    check(f"no panic {what}".strip(), rc != 101 and "panicked" not in err, (rc, err[-400:]))


def new_video_job(c, text="hi", agent="A1", extra=()):
    """Submit a video through the CLI; returns the job id the fake minted."""
    rc, out, err, _ = c.run(["video", "generate", "--agent", agent, "--text", text] + list(extra))
    jobs = list(fake.w.videos)
    check("setup: video generate rc 0", rc == 0 and jobs, (rc, err))
    return jobs[-1] if jobs else "vid_missing"


def seed_job(outcome="completed", polls=0, model="essence-1", agent="A1"):
    """A video job created straight in the fake (no CLI), returns its id."""
    w = fake.w
    n = w.next_n()
    job = f"vid_seed{n:012d}"
    w.videos[job] = {"job_id": job, "status": "processing", "model": model, "agent_code": agent,
                     "input": {"type": "text", "text": "x"}, "_polls": polls, "_outcome": outcome,
                     "_pre": 4, "_rate": 2}
    return job


def resume_hint_ok(text, cmd):
    """The suggested command appears (possibly with flags after it)."""
    return cmd in text


def run_pty(c, args, answer, timeout=30):
    """Run with stdin/stdout/stderr on a pseudo-terminal; type `answer` when the
    prompt `[y/N]` appears. Returns (rc, transcript)."""
    import pty
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(c.cwd)
            os.execve(BIN, [BIN] + args, c.env())
        finally:
            os._exit(127)
    buf, answered, t0 = b"", False, time.time()
    while time.time() - t0 < timeout:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            buf += data
            if not answered and b"[y/N]" in buf:
                os.write(fd, answer.encode() + b"\r")
                answered = True
    else:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), buf.decode(errors="replace")


def spawn(c, args, extra=None, stdout=subprocess.PIPE, stderr=subprocess.PIPE):
    return subprocess.Popen([BIN] + args, env=c.env(extra), cwd=c.cwd, stdin=subprocess.DEVNULL,
                            stdout=stdout, stderr=stderr)


def wait_for(cond, timeout=20.0):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if cond():
            return True
        time.sleep(0.05)
    return False


def journal(c):
    p = os.path.join(c.state, "bithuman", "jobs.jsonl")
    if not os.path.exists(p):
        return p, None, []
    txt = open(p, encoding="utf-8", errors="replace").read()
    return p, txt, jl(txt)


# ---------------------------------------------------------------- video (SPEC §8)
section("video", probe=["video", "generate", "--help"])


@test
def video_generate_text():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Hello there"])
    check("rc 0", rc == 0, (rc, err))
    vg = fake.reqs("video_generate")
    check("one POST /v1/video/generate", len(vg) == 1, len(vg))
    job = next(iter(fake.w.videos), None)
    check("stdout is the job id alone", job and out == job + "\n", (out, job))
    check("stderr hint names the job and `video wait`", job and job in err and "video wait" in err, err)
    check("no poll without --wait", not fake.reqs("video_status"))
    if vg:
        b, h = vg[0]["json"], vg[0]["headers"]
        check("body model/agent_code/input", isinstance(b, dict) and b.get("model") == "essence-1"
              and b.get("agent_code") == "A1" and b.get("input") == {"type": "text", "text": "Hello there"}, b)
        check("sync mode not used (no wait:true)", isinstance(b, dict) and b.get("wait") in (None, False), b)
        check("no unexpected body keys", isinstance(b, dict) and set(b) <= {"model", "agent_code", "input", "wait"}, b)
        check("api-secret header", h.get("api-secret") == SECRET, h)
        check("Idempotency-Key header", bool(h.get("idempotency-key")), h)
        check("User-Agent bithuman-cli/", h.get("user-agent", "").startswith("bithuman-cli/"), h.get("user-agent"))
        check("content-type json", "application/json" in h.get("content-type", ""), h)


@test
def video_generate_flags():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Hi", "--voice", "F1",
                             "--model", "essence-2", "--idempotency-key", "VKEY-1"])
    check("rc 0", rc == 0, (rc, err))
    vg = fake.reqs("video_generate")
    b = vg[0]["json"] if vg else {}
    check("--voice -> input.voice", b.get("input") == {"type": "text", "text": "Hi", "voice": "F1"}, b)
    check("--model -> model", b.get("model") == "essence-2", b)
    check("--idempotency-key -> header", vg and vg[0]["headers"].get("idempotency-key") == "VKEY-1", vg and vg[0]["headers"])
    # config: video_model is the default; the agent `model` key is not
    c.write_cfg('video_model = "expression-2"\nmodel = "essence-2"\n')
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Hi"])
    vg = fake.reqs("video_generate")
    check("config video_model used", rc == 0 and vg and vg[0]["json"].get("model") == "expression-2", (rc, err, vg and vg[0]["json"]))
    c.write_cfg('model = "essence-2"\n')
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Hi"])
    vg = fake.reqs("video_generate")
    check("config `model` (agents) not used for video: essence-1", vg and vg[0]["json"].get("model") == "essence-1", vg and vg[0]["json"])
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Hi", "--model", "essence-1"])
    vg = fake.reqs("video_generate")
    check("--model over config", vg and vg[0]["json"].get("model") == "essence-1")
    fake.reset()
    c.run(["video", "generate", "--agent", "A1", "--text", "Hi"])
    c.run(["video", "generate", "--agent", "A1", "--text", "Hi"])
    vg = fake.reqs("video_generate")
    check("fresh key per invocation", len(vg) == 2 and vg[0]["headers"].get("idempotency-key")
          != vg[1]["headers"].get("idempotency-key"), [r["headers"].get("idempotency-key") for r in vg])


@test
def video_generate_json():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Hi", "--json"])
    check("rc 0", rc == 0, (rc, err))
    check("stderr empty", err == "", err)
    o = one_json(out)
    job = next(iter(fake.w.videos), None)
    check("schema_version 1", o.get("schema_version") == 1, o)
    check('kind "video"', o.get("kind") == "video", o)
    check("job_id", o.get("job_id") == job, (o, job))
    check("status processing", o.get("status") == "processing", o)


@test
def video_text_sources():
    c = Ctx()
    tf = os.path.join(c.cwd, "script.txt")
    open(tf, "w").write("From a file.\n")
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text-file", tf])
    vg = fake.reqs("video_generate")
    check("--text-file PATH", rc == 0 and vg and (vg[0]["json"].get("input") or {}).get("text", "").strip() == "From a file.",
          (rc, err, vg and vg[0]["json"]))
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text-file", "-"], stdin="From stdin.")
    vg = fake.reqs("video_generate")
    check("--text-file -", rc == 0 and vg and (vg[0]["json"].get("input") or {}).get("text", "").strip() == "From stdin.",
          (rc, err, vg and vg[0]["json"]))
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text-file", "/nonexistent/s.txt"])
    check("--text-file missing -> 66", rc == 66, (rc, err))
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])


@test
def video_audio_sources():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", "https://x/speech.wav"])
    vg = fake.reqs("video_generate")
    check("URL audio rc 0", rc == 0, (rc, err))
    check("URL -> input audio_url as is", vg and vg[0]["json"].get("input") == {"type": "audio", "audio_url": "https://x/speech.wav"},
          vg and vg[0]["json"])
    check("URL: no upload", not fake.reqs("upload"))
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", VOICE])
    up, vg = fake.reqs("upload"), fake.reqs("video_generate")
    check("local audio rc 0", rc == 0, (rc, err))
    check("one upload", len(up) == 1, len(up))
    if up:
        u = up[0]["json"] or {}
        check("upload file_type audio", u.get("file_type") == "audio", u.get("file_type"))
        check("upload file_name voice.wav", u.get("file_name") == "voice.wav", u.get("file_name"))
        check("upload file_data raw base64", u.get("file_data") == base64.b64encode(open(VOICE, "rb").read()).decode())
    check("audio_url = uploaded file_url", vg and vg[0]["json"].get("input") == {"type": "audio", "audio_url": f"{fake.base}/files/up/voice.wav"},
          vg and vg[0]["json"])
    check("upload before generate", up and vg and up[0]["t"] <= vg[0]["t"])
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", "-"], stdin=open(VOICE, "rb").read())
    up = fake.reqs("upload")
    check("stdin audio uploaded as stdin.wav", rc == 0 and up and up[0]["json"].get("file_name") == "stdin.wav",
          (rc, err, up and up[0]["json"].get("file_name")))
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", FACE])
    check("png as audio -> 65", rc == 65, (rc, err))
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", os.path.join(QA, "empty.png")])
    check("empty audio -> 65", rc == 65, (rc, err))
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", "/nonexistent/v.wav"])
    check("missing audio -> 66", rc == 66, (rc, err))
    check("missing audio names path", "/nonexistent/v.wav" in err, err)
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", "/nonexistent/v.wav", "--json"])
    check_json_error(err, "NOT_FOUND_LOCAL_FILE")
    check("nothing sent for bad audio", not fake.reqs(), [r["path"] for r in fake.reqs()])


@test
def video_text_limits():
    c = Ctx()
    for txt, what in (("", "empty"), ("x" * 5001, "5001 ASCII"), ("é" * 5001, "5001 é")):
        rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", txt])
        check(f"text {what} -> 65", rc == 65, (rc, err[:300]))
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "x" * 5001, "--json"])
    check("json 5001 -> 65", rc == 65, rc)
    check_json_error(err)
    tf = os.path.join(c.cwd, "long.txt")
    open(tf, "w").write("y" * 6000)
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text-file", tf])
    check("text file of 6000 chars -> 65", rc == 65, (rc, err[:300]))
    check("nothing sent for bad text", not fake.reqs(), [r["path"] for r in fake.reqs()])
    # characters are Unicode scalar values, not bytes
    for txt, what in (("é" * 5000, "5000 é (10000 bytes)"), ("😀" * 5000, "5000 emoji (20000 bytes)")):
        fake.reset()
        rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", txt])
        vg = fake.reqs("video_generate")
        check(f"{what} accepted", rc == 0 and vg and (vg[0]["json"].get("input") or {}).get("text") == txt, (rc, err[:300]))


@test
def video_usage_errors():
    c = Ctx()
    cases = [
        (["--agent", "A1", "--text", "hi", "--download", c.cwd], "--download without --wait"),
        (["--agent", "A1", "--text", "hi", "--audio", "https://x/a.wav"], "--text with --audio"),
        (["--agent", "A1", "--text", "hi", "--text-file", FACE], "--text with --text-file"),
        (["--agent", "A1"], "no text/audio"),
        (["--text", "hi"], "no --agent"),
        (["--agent", "A1", "--text", "hi", "--interval", "0.5s", "--wait"], "--interval below 1s"),
    ]
    for args, what in cases:
        rc, out, err, _ = c.run(["video", "generate"] + args)
        check(f"{what} -> 2", rc == 2, (rc, err[:300]))
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--download", c.cwd, "--json"])
    check_json_error(err)
    for cmd in (["video", "status", "a/b"], ["video", "wait", "a/b"], ["video", "download", "a/b"], ["video", "status", ".."]):
        rc, out, err, _ = c.run(cmd)
        check(f"{cmd} bad job id -> 2", rc == 2, (rc, err[:200]))
    rc, out, err, _ = c.run(["video", "status"])
    check("video status without id -> 2", rc == 2, rc)
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])


@test
def video_dry_run():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "Dry words", "--dry-run"])
    check("rc 0", rc == 0, (rc, err))
    check("nothing sent at all", not fake.reqs(), [r["path"] for r in fake.reqs()])
    both = out + err
    check("shows the route", "/v1/video/generate" in both, both)
    check("shows the text and agent", "Dry words" in both and "A1" in both, both)
    check("shows the model", "essence-1" in both, both)
    check("secret not shown", SECRET not in both)
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--audio", VOICE, "--dry-run"])
    check("dry-run with local audio: rc 0, nothing sent (no upload)", rc == 0 and not fake.reqs(), (rc, err, [r["path"] for r in fake.reqs()]))
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "x", "--dry-run"], secret=False)
    check("dry-run without a secret: nothing sent", not fake.reqs())


@test
def video_wait_flow():
    c = Ctx()
    fake.w.video_polls = 2
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s"])
    job = next(iter(fake.w.videos), "?")
    check("--wait completed -> 0", rc == 0, (rc, err))
    polls = fake.reqs("video_status")
    check("polled GET /v1/video/{job}", len(polls) >= 3 and all(p["path"] == f"/v1/video/{job}" for p in polls),
          [p["path"] for p in polls])
    ts = [p["t"] for p in polls]
    check("--interval 1s honoured", all(0.8 <= b - a <= 3 for a, b in zip(ts, ts[1:])), ts)
    for s in (job, "completed", "essence-1", f"/files/videos/{job}.mp4", "12.5"):
        check(f"human record shows {s}", s in out, out)
    check("human record shows credits 2", re.search(r"\b2\b", out), out)
    fake.reset()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s", "--json"])
    job = next(iter(fake.w.videos), "?")
    check("json --wait -> 0", rc == 0, (rc, err))
    check("json stderr empty", err == "", err)
    o = one_json(out)
    check("record schema_version/kind", o.get("schema_version") == 1 and o.get("kind") == "video", o)
    check("record fields", o.get("job_id") == job and o.get("status") == "completed" and o.get("model") == "essence-1"
          and o.get("video_url") == f"{fake.base}/files/videos/{job}.mp4" and o.get("duration_seconds") == 12.5
          and o.get("credits_charged") == 2, o)


@test
def video_wait_download():
    c = Ctx()
    dest = os.path.join(c.cwd, "clip.mp4")
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s",
                             "--download", dest])
    check("rc 0", rc == 0, (rc, err))
    check("file saved", os.path.exists(dest) and open(dest, "rb").read() == MP4)
    fh = fake.reqs("filehost")
    check("file host fetched once, without api-secret", len(fh) == 1 and "api-secret" not in fh[0]["headers"],
          [f["headers"] for f in fh])
    lines = out.strip().splitlines()
    check("last stdout line is the path", lines and lines[-1].strip().endswith("clip.mp4"), out)
    check("human shows `saved to`", "saved to" in out, out)
    fake.reset()
    d = os.path.join(c.cwd, "vids")
    os.makedirs(d)
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s",
                             "--download", d, "--json"])
    job = next(iter(fake.w.videos), "?")
    check("json rc 0", rc == 0, (rc, err))
    o = one_json(out)
    check("video_path in record", str(o.get("video_path", "")).endswith(f"{job}.mp4"), o)
    check("DIR -> DIR/<job>.mp4", os.path.exists(os.path.join(d, f"{job}.mp4")), os.listdir(d))
    check("no temp leftovers", os.listdir(d) == [f"{job}.mp4"], os.listdir(d))


@test
def video_failed():
    c = Ctx()
    fake.w.video_outcome = "failed"
    fake.w.video_error = "Render failed: \x1b[31mlip sync\x1b[0m worker crashed"
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s"])
    check("failed -> 1", rc == 1, (rc, err))
    check("error message shown", "worker crashed" in out + err, out + err)
    check("escape sequences removed", "\x1b" not in out + err, repr(out + err))
    fake.reset()
    fake.w.video_outcome = "failed"
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s", "--json"])
    check("json failed -> 1", rc == 1, (rc, err))
    o = jl(out)
    o = o[-1] if o else {}
    check("failed record printed with error", o.get("status") == "failed" and "worker crashed" in json.dumps(o.get("error")), out)


@test
def video_status_cmd():
    c = Ctx()
    j1, j2 = seed_job("completed"), seed_job("never")
    rc, out, err, _ = c.run(["video", "status", j1, "--json"])
    check("rc 0", rc == 0, (rc, err))
    o = one_json(out)
    check("schema_version 1, kind video", o.get("schema_version") == 1 and o.get("kind") == "video", o)
    check("status response fields", o.get("job_id") == j1 and o.get("status") == "completed" and o.get("credits_charged") == 2
          and o.get("duration_seconds") == 12.5 and o.get("model") == "essence-1", o)
    check("GET /v1/video/{job}", [r["path"] for r in fake.reqs("video_status")] == [f"/v1/video/{j1}"],
          [r["path"] for r in fake.reqs("video_status")])
    rc, out, err, _ = c.run(["video", "status", j1, j2, "--json"])
    objs = jl(out)
    check("two ids -> two lines", rc == 0 and [x.get("job_id") for x in objs] == [j1, j2], (rc, out))
    check("processing job -> rc 0", rc == 0)
    rc, out, err, _ = c.run(["video", "status", j1])
    for s in (j1, "completed", "essence-1", f"/files/videos/{j1}.mp4"):
        check(f"human shows {s}", s in out, out)
    jf = seed_job("failed")
    rc, out, err, _ = c.run(["video", "status", jf])
    check("failed job: status rc 0", rc == 0, (rc, err))
    check("human shows the failure's error message", "worker crashed" in out, out)
    rc, out, err, _ = c.run(["video", "status", "vid_nope", "--json"])
    check("unknown job -> 66", rc == 66, (rc, err))
    check("stdout empty", out == "", out)
    check_json_error(err, "NOT_FOUND", 404)


@test
def video_wait_cmd():
    c = Ctx()
    j = seed_job("completed", polls=1)
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s"])
    check("completed -> 0", rc == 0, (rc, err))
    j = seed_job("failed")
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s"])
    check("failed -> 1", rc == 1, (rc, err))
    j = seed_job("never")
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s", "--timeout", "2s"])
    check("timeout -> 75", rc == 75, (rc, err))
    check("last record on stdout", j in out and "processing" in out, out)
    check("resume command", resume_hint_ok(err, f"bithuman video wait {j}"), err)
    check("says not failed", "not failed" in err.lower(), err)
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s", "--timeout", "2s", "--json"])
    check("json timeout -> 75", rc == 75, rc)
    o = one_json(out, "json timeout prints the last record")
    check("last record is processing", o.get("status") == "processing" and o.get("kind") == "video", o)
    e = check_json_error(err, "TIMEOUT")
    check("hint holds `bithuman video wait JOB`", resume_hint_ok(str(e.get("hint")), f"bithuman video wait {j}"), e)
    rc, out, err, _ = c.run(["video", "wait", "vid_nope", "--interval", "1s"])
    check("unknown job -> 66", rc == 66, (rc, err))
    ok_, bad = seed_job("completed"), seed_job("failed")
    rc, out, err, _ = c.run(["video", "wait", ok_, bad, "--interval", "1s", "--json"])
    check("completed + failed -> 1 (worst)", rc == 1, (rc, err))
    check("two records", len(jl(out)) == 2, out)
    fake.script("video_status", [envelope(503, "SERVICE_UNAVAILABLE", "x"),
                                 lambda req, m: fake.h_video_status(req, m)])
    j = seed_job("completed")
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s", "--timeout", "30s"])
    check("503 during wait keeps polling -> 0", rc == 0, (rc, err))


@test
def video_wait_deadline_codes():
    c = Ctx()
    j = seed_job("never")
    fake.script("video_status", [envelope(503, "SERVICE_UNAVAILABLE", "x")])
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s", "--timeout", "3s"])
    check("5xx at the deadline -> 69", rc == 69, (rc, err))
    check("5xx: resume command", f"bithuman video wait {j}" in err, err)
    fake.script("video_status", [ok("not json")])
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s", "--timeout", "3s"])
    check("unparseable at the deadline -> 70", rc == 70, (rc, err))
    fake.script("video_status", [envelope(401, "UNAUTHORIZED", "bad")])
    t = time.time()
    rc, out, err, _ = c.run(["video", "wait", j, "--interval", "1s", "--timeout", "60s"])
    check("401 ends the wait at once -> 77", rc == 77 and time.time() - t < 5, (rc, time.time() - t))


@test
def video_download_cmd():
    c = Ctx()
    j = seed_job("completed")
    fake.h_video_status({"q": {}}, re.match(r"(.*)", j))   # settle the job
    fake.log.clear()
    dest = os.path.join(c.cwd, "out.mp4")
    rc, out, err, _ = c.run(["video", "download", j, "-o", dest])
    check("rc 0", rc == 0, (rc, err))
    check("saved", os.path.exists(dest) and open(dest, "rb").read() == MP4)
    check("prints the path", out.strip().endswith("out.mp4"), out)
    fh = fake.reqs("filehost")
    check("file host without api-secret", len(fh) == 1 and "api-secret" not in fh[0]["headers"], [f["headers"] for f in fh])
    check("no Referer", fh and "referer" not in fh[0]["headers"], fh and fh[0]["headers"])
    # existing target
    open(dest, "wb").write(b"ORIGINAL")
    fake.log.clear()
    rc, out, err, _ = c.run(["video", "download", j, "-o", dest])
    check("existing target -> 1", rc == 1, (rc, err))
    check("untouched", open(dest, "rb").read() == b"ORIGINAL")
    check("file host not hit", not fake.reqs("filehost"))
    rc, out, err, _ = c.run(["video", "download", j, "-o", dest, "--force"])
    check("--force overwrites", rc == 0 and open(dest, "rb").read() == MP4, (rc, err))
    # default name in cwd, and DIR
    rc, out, err, _ = c.run(["video", "download", j])
    check("default <job_id>.mp4 in cwd", rc == 0 and os.path.exists(os.path.join(c.cwd, f"{j}.mp4")), (rc, err, os.listdir(c.cwd)))
    d = os.path.join(c.cwd, "d")
    os.makedirs(d)
    rc, out, err, _ = c.run(["video", "download", j, "-o", d])
    check("-o DIR -> DIR/<job_id>.mp4", rc == 0 and os.listdir(d) == [f"{j}.mp4"], (rc, err, os.listdir(d)))
    rc, out, err, raw = c.run(["video", "download", j, "-o", "-"])
    check("-o - streams to stdout", rc == 0 and raw == MP4, (rc, raw[:40], err))
    rc, out, err, _ = c.run(["video", "download", j, "-o", os.path.join(d, "j.mp4"), "--json"])
    check("json download rc 0 and stderr empty", rc == 0 and err == "", (rc, err))
    o = one_json(out)
    check("json has video_path", str(o.get("video_path", "")).endswith("j.mp4"), o)
    rc, out, err, _ = c.run(["video", "download", "vid_nope", "-o", d])
    check("unknown job -> 66", rc == 66, (rc, err))
    # a file host failure leaves nothing behind
    fake.defaults["filehost"] = (500, {"Content-Type": "text/plain"}, "err")
    fake.log.clear()
    d2 = os.path.join(c.cwd, "d2")
    os.makedirs(d2)
    rc, out, err, _ = c.run(["video", "download", j, "-o", d2])
    check("file host 500 -> 69", rc == 69, (rc, err))
    check("file host tries bounded (2..5)", 2 <= len(fake.reqs("filehost")) <= 5, len(fake.reqs("filehost")))
    check("no partial file", os.listdir(d2) == [], os.listdir(d2))


@test
def video_download_hostile_url():
    c = Ctx()
    fake.w.video_url = "file:///etc/passwd"
    j = seed_job("completed")
    d = os.path.join(c.cwd, "d")
    os.makedirs(d)
    rc, out, err, _ = c.run(["video", "download", j, "-o", d])
    check("non-http(s) video_url refused", rc != 0, (rc, err))
    check("nothing written", os.listdir(d) == [], os.listdir(d))


@test
def video_retries_and_replay():
    c = Ctx()
    fake.w.rate_limit_next = 1
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi"])
    vg = fake.reqs("video_generate")
    check("429 then ok -> 0", rc == 0, (rc, err))
    check("two POSTs, same key", len(vg) == 2 and vg[0]["headers"].get("idempotency-key") == vg[1]["headers"].get("idempotency-key"),
          [r["headers"].get("idempotency-key") for r in vg])
    check("Retry-After honoured", len(vg) == 2 and vg[1]["t"] - vg[0]["t"] >= 0.9, [r["t"] for r in vg])
    fake.reset()
    fake.script("video_generate", [envelope(503, "SERVICE_UNAVAILABLE", "busy"), lambda req, m: fake.h_video_generate(req, m)])
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi"])
    vg = fake.reqs("video_generate")
    check("503 then ok -> 0, same key", rc == 0 and len(vg) == 2 and vg[0]["headers"].get("idempotency-key")
          == vg[1]["headers"].get("idempotency-key"), (rc, err, len(vg)))
    fake.reset()
    rc1, out1, _, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--idempotency-key", "SAME"])
    rc2, out2, _, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--idempotency-key", "SAME"])
    check("same key twice: same job id printed", rc1 == rc2 == 0 and out1 == out2 and out1.strip(), (out1, out2))
    check("billed once", len(fake.submits()) == 1, len(fake.submits()))


@test
def video_server_errors():
    c = Ctx()
    fake.w.balance = 0
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--json"])
    check("402 -> 77", rc == 77, (rc, err))
    check_json_error(err, "INSUFFICIENT_BALANCE", 402)
    check("402 not retried", len(fake.reqs("video_generate")) == 1, len(fake.reqs("video_generate")))
    fake.reset()
    fake.w.add_agent("A7", _video_models=["essence-1"])
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A7", "--text", "hi", "--model", "essence-2"])
    check("409 MODEL_NOT_GENERATED -> error, not 0/69/70", rc not in (0, 69, 70), (rc, err))
    check("409 names the code and message", "MODEL_NOT_GENERATED" in err and "hasn't been generated" in err, err)
    check("409 not retried", len(fake.reqs("video_generate")) == 1)
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A404X", "--text", "hi"])
    check("unknown agent 404 -> 66", rc == 66, (rc, err))
    fake.w.deleted["A8"] = "AGENT_DELETED"
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A8", "--text", "hi", "--json"])
    check("deleted agent 410 -> 66", rc == 66, (rc, err))
    e = check_json_error(err, "AGENT_DELETED", 410)
    check("410 message says deleted", "deleted" in str(e.get("message")).lower(), e)
    fake.script("video_generate", [envelope(400, "VALIDATION_ERROR", "Invalid model 'x'")])
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi"])
    check("400 shown, not retried", rc not in (0, 69, 70) and "VALIDATION_ERROR" in err, (rc, err))


@test
def video_wait_signals_and_quoting():
    c = Ctx()
    j = seed_job("never")
    p = spawn(c, ["video", "wait", j, "--interval", "1s", "--timeout", "120s"])
    wait_for(lambda: fake.reqs("video_status"), 20)
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    try:
        out, err = p.communicate(timeout=20)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        rc = "hung"
    err = err.decode(errors="replace")
    check("SIGTERM during video wait -> 143", rc == 143, (rc, err[-300:]))
    check("resume command `bithuman video wait JOB`", f"bithuman video wait {j}" in err, err[-300:])
    fake.w.video_outcome = "never"
    p = spawn(c, ["video", "generate", "--agent", "A1", "--text", "hi", "--wait", "--interval", "1s", "--json"])
    wait_for(lambda: fake.reqs("video_status"), 20)
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    try:
        out, err = p.communicate(timeout=20)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        rc = "hung"
    job = [k for k in fake.w.videos if not k.startswith("vid_seed")]
    job = job[-1] if job else "?"
    check("SIGTERM during video generate --wait --json -> 143", rc == 143, (rc, err[-300:]))
    e = check_json_error(err.decode(errors="replace"))
    check("hint: `bithuman video wait JOB`", f"bithuman video wait {job}" in str(e.get("hint")), e)
    for args in (["video", "wait", j, "--timeout", "1e20"], ["video", "wait", j, "--interval", "500000000000y"]):
        rc, out, err, _ = c.run(args, timeout=30)
        check(f"{' '.join(args[3:])} -> 2", rc == 2, (rc, err[-300:]))
        no_panic(rc, err)
    fake.reset()
    fake.w.video_job_id = "vid_a;b(c)"
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi"])
    check("server job id with metacharacters: hint shell-quoted",
          re.search(r"video wait ('vid_a;b\(c\)'|\"vid_a;b\(c\)\"|vid_a\\;b\\\(c\\\))", err) is not None, err)


# ---------------------------------------------------------------- model add (SPEC §8)
section("model", probe=["agent", "add-model", "--help"])


@test
def model_add_basic():
    c = Ctx()
    fake.w.add_agent("A1")
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "essence-2"])
    check("rc 0", rc == 0, (rc, err))
    r = fake.reqs("add_model")
    check("one POST /v1/agent/A1/models", len(r) == 1 and r[0]["path"] == "/v1/agent/A1/models", [x["path"] for x in r])
    if r:
        check("body {model}", r[0]["json"] == {"model": "essence-2"}, r[0]["json"])
        check("Idempotency-Key header", bool(r[0]["headers"].get("idempotency-key")), r[0]["headers"])
        check("api-secret header", r[0]["headers"].get("api-secret") == SECRET)
    fake.reset()
    fake.w.add_agent("A2")
    rc, out, err, _ = c.run(["agent", "add-model", "A2", "--model", "expression-2", "--json", "--idempotency-key", "MK-1"])
    check("json rc 0", rc == 0, (rc, err))
    check("json stderr empty", err == "", err)
    o = one_json(out)
    check('kind "agent", schema_version 1', o.get("kind") == "agent" and o.get("schema_version") == 1, o)
    check("added_model", o.get("added_model") == "expression-2", o)
    check("credits from the server", o.get("credits") == 2000, o)
    check("the agent's id", o.get("agent_id") == "A2", o)
    r = fake.reqs("add_model")
    check("--idempotency-key honoured", r and r[0]["headers"].get("idempotency-key") == "MK-1", r and r[0]["headers"])


@test
def model_add_wait():
    c = Ctx()
    fake.w.add_agent("A1")
    fake.w.add_polls = 2
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "essence-2", "--wait", "--interval", "1s", "--json"])
    check("--wait -> 0", rc == 0, (rc, err))
    polls = fake.reqs("agent") + fake.reqs("status")
    check("polled the agent (GET /v1/agent/A1)", len(fake.reqs("agent")) >= 2, [p["path"] for p in polls])
    o = jl(out)
    o = o[-1] if o else {}
    check("record lists essence-2 and essence-2-max", {"essence-2", "essence-2-max"} <= set(o.get("supported_models") or []), o)
    check("added_model + credits + kind", o.get("added_model") == "essence-2" and o.get("credits") == 500 and o.get("kind") == "agent", o)
    check("model_status kept", (o.get("model_status") or {}).get("essence-2", {}).get("state") == "ready", o)
    # instant add: an answer status ready is done at once
    fake.reset()
    fake.w.add_agent("A1")
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "expression-1", "--wait", "--interval", "1s", "--json"])
    check("expression-1 --wait -> 0", rc == 0, (rc, err))
    check("done at once (at most one GET)", len(fake.reqs("agent")) + len(fake.reqs("status")) <= 1,
          [p["path"] for p in fake.reqs("agent") + fake.reqs("status")])
    o = jl(out)
    o = o[-1] if o else {}
    check("credits 0", o.get("credits") == 0, o)
    # failure
    fake.reset()
    fake.w.add_agent("A1")
    fake.w.add_outcome = "failed"
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "expression-2", "--wait", "--interval", "1s"])
    check("model_status failed -> 1", rc == 1, (rc, err))
    check("reason shown", "training failed" in out + err, out + err)
    # timeout
    fake.reset()
    fake.w.add_agent("A1")
    fake.w.add_polls = 10 ** 6
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "expression-2", "--wait", "--interval", "1s", "--timeout", "2s"])
    check("still pending at the deadline -> 75", rc == 75, (rc, err))
    check("resume hint", "A1" in err and "bithuman" in err, err)


@test
def model_add_download():
    c = Ctx()
    fake.w.add_agent("A1", supported_models=["expression-1"], model_status={"expression-1": {"state": "ready", "reason": None}},
                     model_url=None)
    d = os.path.join(c.cwd, "m")
    os.makedirs(d)
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "essence-1", "--wait", "--interval", "1s",
                             "--download", d, "--json"])
    check("rc 0", rc == 0, (rc, err))
    dl = fake.reqs("download")
    check("model download requested (redirect=false)", dl and "redirect=false" in dl[0]["query"], [x["query"] for x in dl])
    check(".imx saved", os.path.exists(os.path.join(d, "A1.imx")), os.listdir(d))
    o = jl(out)
    o = o[-1] if o else {}
    check("model_path in record", str(o.get("model_path", "")).endswith("A1.imx"), o)
    fake.reset()
    fake.w.add_agent("A2")
    rc, out, err, _ = c.run(["agent", "add-model", "A2", "--model", "essence-2", "--wait", "--download", d])
    check("--download with a model other than essence-1 -> 2", rc == 2, (rc, err))
    nothing_billed()


@test
def model_add_errors():
    c = Ctx()
    fake.w.add_agent("A1", status="generating")
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "expression-2"])
    check("409 AGENT_NOT_READY -> 65", rc == 65, (rc, err))
    check("server message shown", "models can only be added to a ready agent" in err, err)
    rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", "expression-2", "--json"])
    check_json_error(err, "AGENT_NOT_READY", 409)
    check("409 not retried", len(fake.reqs("add_model")) == 2, len(fake.reqs("add_model")))
    fake.reset()
    fake.w.add_agent("A2", _no_identity_video=True)
    rc, out, err, _ = c.run(["agent", "add-model", "A2", "--model", "essence-2"])
    check("422 MODEL_PREREQUISITE_MISSING -> 65", rc == 65, (rc, err))
    check("422 message shown", "no stored identity video" in err, err)
    fake.w.add_agent("A3", subject="cartoon")
    rc, out, err, _ = c.run(["agent", "add-model", "A3", "--model", "essence-2", "--json"])
    check("422 MODEL_SUBJECT_MISMATCH -> 65", rc == 65, (rc, err))
    check_json_error(err, "MODEL_SUBJECT_MISMATCH", 422)
    check("422s not retried", len(fake.reqs("add_model")) == 2, len(fake.reqs("add_model")))
    fake.reset()
    for bad in ("essence-2-max", "auto", "foo"):
        rc, out, err, _ = c.run(["agent", "add-model", "A1", "--model", bad])
        check(f"--model {bad} -> 2", rc == 2, (rc, err[:300]))
        check(f"--model {bad}: lists the accepted models",
              all(m in err for m in ("essence-1", "essence-2", "expression-1", "expression-2")), err[:400])
    rc, out, err, _ = c.run(["agent", "add-model", "A1"])
    check("no --model -> 2", rc == 2, rc)
    rc, out, err, _ = c.run(["agent", "add-model", "a/b", "--model", "essence-1"])
    check("bad id -> 2", rc == 2, rc)
    check("nothing sent for usage errors", not fake.reqs(), [r["path"] for r in fake.reqs()])
    fake.script("add_model", [envelope(503, "MODEL_NOT_YET_AVAILABLE", "try shortly"),
                              lambda req, m: fake.h_add_model(req, m)])
    fake.w.add_agent("A4")
    rc, out, err, _ = c.run(["agent", "add-model", "A4", "--model", "expression-2"])
    r = fake.reqs("add_model")
    check("503 MODEL_NOT_YET_AVAILABLE retried -> 0", rc == 0 and len(r) == 2, (rc, err, len(r)))
    check("retry keeps the key", len(r) == 2 and r[0]["headers"].get("idempotency-key") == r[1]["headers"].get("idempotency-key"))
    fake.reset()
    rc, out, err, _ = c.run(["agent", "add-model", "A404X", "--model", "expression-2"])
    check("404 -> 66", rc == 66, (rc, err))
    fake.w.deleted["A5"] = "AGENT_DELETED"
    rc, out, err, _ = c.run(["agent", "add-model", "A5", "--model", "expression-2"])
    check("410 -> 66", rc == 66, (rc, err))
    check("410 says deleted", "deleted" in err.lower(), err)
    fake.w.balance = 10
    fake.w.add_agent("A6")
    rc, out, err, _ = c.run(["agent", "add-model", "A6", "--model", "expression-2", "--json"])
    check("402 -> 77", rc == 77, (rc, err))
    check_json_error(err, "INSUFFICIENT_BALANCE", 402)


# ---------------------------------------------------------------- dynamics (SPEC §8)
section("dynamics", probe=["dynamics", "generate", "--help"])


@test
def dynamics_generate():
    c = Ctx()
    rc, out, err, _ = c.run(["dynamics", "generate", "A1"])
    check("rc 0", rc == 0, (rc, err))
    r = fake.reqs("dynamics_generate")
    check("one POST /v1/dynamics/generate", len(r) == 1, len(r))
    if r:
        check("body {agent_id}", r[0]["json"] == {"agent_id": "A1"}, r[0]["json"])
        check("Idempotency-Key header", bool(r[0]["headers"].get("idempotency-key")))
    fake.reset()
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--duration", "8", "--image", "https://x/f.png"])
    r = fake.reqs("dynamics_generate")
    b = r[0]["json"] if r else {}
    check("--duration 8", rc == 0 and b.get("duration") == 8, (rc, err, b))
    check("--image URL -> image_url", b.get("image_url") == "https://x/f.png", b)
    fake.reset()
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--image", FACE])
    up, r = fake.reqs("upload"), fake.reqs("dynamics_generate")
    check("local image uploaded (file_type image)", rc == 0 and up and up[0]["json"].get("file_type") == "image", (rc, err))
    check("image_url = uploaded url", r and r[0]["json"].get("image_url") == f"{fake.base}/files/up/face.png", r and r[0]["json"])
    fake.reset()
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--json"])
    check("json rc 0 and stderr empty", rc == 0 and err == "", (rc, err))
    o = one_json(out)
    check('json: schema_version 1, kind "dynamics"', o.get("schema_version") == 1 and o.get("kind") == "dynamics", o)
    check("json: agent_id", o.get("agent_id") == "A1", o)
    fake.reset()
    for bad in ("0", "-1", "abc"):
        rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--duration", bad])
        check(f"--duration {bad} -> 2", rc == 2, (rc, err[:200]))
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--image", "/nonexistent/f.png"])
    check("missing image -> 66", rc == 66, (rc, err))
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--image", os.path.join(QA, "notimage.png")])
    check("not an image -> 65", rc == 65, (rc, err))
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])


@test
def dynamics_wait():
    c = Ctx()
    fake.w.dyn_polls = 2
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--wait", "--interval", "1s", "--json"])
    check("--wait ready -> 0", rc == 0, (rc, err))
    polls = fake.reqs("dynamics_status")
    check("polled GET /v1/dynamics/A1", len(polls) >= 3 and all(p["path"] == "/v1/dynamics/A1" for p in polls), [p["path"] for p in polls])
    o = jl(out)
    o = o[-1] if o else {}
    check("final record kind dynamics, ready, gestures", o.get("kind") == "dynamics" and o.get("status") == "ready"
          and set((o.get("gestures") or {})) == {"wave", "nod", "smile"}, o)
    fake.reset()
    fake.w.dyn_outcome = "failed"
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--wait", "--interval", "1s"])
    check("failed -> 1", rc == 1, (rc, err))
    fake.reset()
    fake.w.dyn_outcome = "never"
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--wait", "--interval", "1s", "--timeout", "2s"])
    check("still generating at the deadline -> 75", rc == 75, (rc, err))


@test
def dynamics_status_cmd():
    c = Ctx()
    fake.w.dynamics["A1"] = {"status": "ready", "url": f"{fake.base}/files/dynamics/A1.imx",
                             "gestures": {"wave": "https://x/wave.mp4", "nod": "https://x/nod.mp4"}, "_polls": 0, "_outcome": "ready"}
    rc, out, err, _ = c.run(["dynamics", "status", "A1", "A2", "--json"])
    check("rc 0", rc == 0, (rc, err))
    objs = jl(out)
    check("two lines", len(objs) == 2, out)
    if len(objs) == 2:
        a, b = objs
        check('kind "dynamics", schema_version 1', all(o.get("kind") == "dynamics" and o.get("schema_version") == 1 for o in objs), objs)
        check("data object kept", a.get("agent_id") == "A1" and a.get("status") == "ready"
              and a.get("gestures") == {"wave": "https://x/wave.mp4", "nod": "https://x/nod.mp4"} and a.get("url", "").endswith("A1.imx"), a)
        check("no dynamics: url null kept", b.get("agent_id") == "A2" and "url" in b and b["url"] is None, b)
    rc, out, err, _ = c.run(["dynamics", "status", "A1"])
    check("human rc 0", rc == 0, (rc, err))
    check("human: status", "ready" in out, out)
    check("human: one line per gesture", sum(1 for l in out.splitlines() if "wave" in l) == 1
          and sum(1 for l in out.splitlines() if "nod" in l) == 1, out)
    rc, out, err, _ = c.run(["dynamics", "status", "A404X"])
    check("404 -> 66", rc == 66, (rc, err))
    fake.w.deleted["A9"] = "AGENT_PURGED"
    rc, out, err, _ = c.run(["dynamics", "status", "A9", "--json"])
    check("410 AGENT_PURGED -> 66", rc == 66, (rc, err))
    check_json_error(err, "AGENT_PURGED", 410)
    fake.w.balance = 100
    rc, out, err, _ = c.run(["dynamics", "generate", "A1"])
    check("402 -> 77", rc == 77, (rc, err))
    fake.reset()
    fake.w.rate_limit_next = 1
    rc, out, err, _ = c.run(["dynamics", "generate", "A1"])
    r = fake.reqs("dynamics_generate")
    check("429 then ok -> 0, same key, after Retry-After", rc == 0 and len(r) == 2 and r[0]["headers"].get("idempotency-key")
          == r[1]["headers"].get("idempotency-key") and r[1]["t"] - r[0]["t"] >= 0.9, (rc, err, len(r)))
    rc, out, err, _ = c.run(["dynamics", "generate", "A1", "--wait", "--download", c.cwd])
    check("--download on dynamics (nothing to download) -> 2", rc == 2, (rc, err[:200]))


# ---------------------------------------------------------------- agents (SPEC §9)
section("agents", probe=["agent", "list", "--help"])


@test
def agents_list_default():
    c = Ctx()
    ids = fake.w.seed_agents(30)
    rc, out, err, _ = c.run(["agent", "list", "--json"])
    check("rc 0", rc == 0, (rc, err))
    check("stderr empty", err == "", err)
    objs = jl(out)
    check("first 20 by default", len(objs) == 20, len(objs))
    check("newest first, server order kept", [o.get("code") for o in objs] == list(reversed(ids))[:20],
          [o.get("code") for o in objs][:5])
    check("each: schema_version 1 and server fields", all(o.get("schema_version") == 1 and "supported_models" in o
                                                         and "created_at" in o for o in objs), objs[:1])
    r = fake.reqs("agents")
    check("one GET /v1/agents", len(r) == 1, len(r))
    check("limit 20 (or the server default)", r and r[0]["q"].get("limit", "20") == "20", r and r[0]["query"])
    rc, out, err, _ = c.run(["agent", "list"])
    check("human rc 0", rc == 0, (rc, err))
    head = out.splitlines()[0] if out else ""
    check("table header ID NAME MODEL STATUS CREATED", re.match(r"^\s*ID\s+NAME\s+MODEL\s+STATUS\s+CREATED\s*$", head), head)
    check("table rows", ids[-1] in out and len(out.strip().splitlines()) == 21, out[:500])


@test
def agents_list_flags():
    c = Ctx()
    fake.w.seed_agents(30, statuses=("ready", "failed", "ready"))
    rc, out, err, _ = c.run(["agent", "list", "--status", "ready", "--json"])
    r = fake.reqs("agents")
    check("--status -> status query", rc == 0 and r and r[0]["q"].get("status") == "ready", (rc, err, r and r[0]["query"]))
    check("only ready rows", all(o.get("status") == "ready" for o in jl(out)) and jl(out), out[:300])
    fake.log.clear()
    rc, out, err, _ = c.run(["agent", "list", "--limit", "5", "--json"])
    check("--limit 5 -> 5 rows", rc == 0 and len(jl(out)) == 5, (rc, err, len(jl(out))))
    r = fake.reqs("agents")
    check("--limit 5 -> limit=5 query", r and r[0]["q"].get("limit") == "5", r and r[0]["query"])
    for bad in ("0", "-1", "x"):
        rc, out, err, _ = c.run(["agent", "list", "--limit", bad])
        check(f"--limit {bad} -> 2", rc == 2, (rc, err[:200]))
    fake.log.clear()
    # SPEC is silent on --limit above the API's page maximum (100): either refused as a
    # usage error naming the bound, or served in pages of at most 100.
    rc, out, err, _ = c.run(["agent", "list", "--limit", "150", "--json"])
    r = fake.reqs("agents")
    if rc == 2:
        check("--limit 150 refused: names the bound 100, nothing sent", "100" in err and not r, (err, len(r)))
    else:
        check("--limit 150: no page asks for more than 100", rc == 0 and r and all(int(x["q"].get("limit", "20")) <= 100 for x in r),
              (rc, err, [x["query"] for x in r]))
        check("--limit 150 with 30 agents -> 30 rows", len(jl(out)) == 30, len(jl(out)))


@test
def agents_list_all():
    c = Ctx()
    ids = fake.w.seed_agents(250)
    rc, out, err, _ = c.run(["agent", "list", "--all", "--json"])
    check("rc 0", rc == 0, (rc, err))
    objs = jl(out)
    check("--all --json | wc -l == 250", len(out.strip().splitlines()) == 250, len(out.strip().splitlines()))
    check("every agent once, newest first", [o.get("code") for o in objs] == list(reversed(ids)), len(objs))
    r = fake.reqs("agents")
    check("pages of at most 100", r and all(1 <= int(x["q"].get("limit", "20")) <= 100 for x in r), [x["query"] for x in r])
    offs = [int(x["q"].get("offset", "0")) for x in r]
    check("offsets increase", offs == sorted(offs) and len(set(offs)) == len(offs), offs)
    # a server that always says has_more
    fake.reset()
    fake.w.seed_agents(250)
    fake.w.list_always_more = True
    rc, out, err, _ = c.run(["agent", "list", "--all", "--json"], timeout=60)
    check("always has_more: stops, rc 0", rc == 0, (rc, err))
    check("always has_more: 250 rows", len(jl(out)) == 250, len(jl(out)))
    r = fake.reqs("agents")
    lim = int(r[0]["q"].get("limit", "20")) if r else 20
    check("always has_more: stops at the first short/empty page", len(r) <= -(-250 // lim) + 1, (len(r), lim))
    # ... and ignores the offset (always the same full page): the repeated page
    # stops it, with a warning (SPEC §20: paging stops on repeated pages or ids)
    fake.reset()
    fake.w.seed_agents(250)
    fake.w.list_always_more = True
    fake.w.list_ignore_offset = True
    rc, out, err, _ = c.run(["agent", "list", "--all", "--json"], timeout=60)
    r = fake.reqs("agents")
    lim = int(r[0]["q"].get("limit", "20")) if r else 20
    check("same full page forever: stops at the repeat, with a warning",
          rc == 0 and 2 <= len(r) <= -(-250 // lim) and "warning" in err, (rc, len(r), lim, err[:200]))
    # empty list
    fake.reset()
    rc, out, err, _ = c.run(["agent", "list", "--all", "--json"])
    check("no agents: rc 0, no output", rc == 0 and out == "", (rc, out, err))


@test
def agents_list_closed_stdout():
    c = Ctx()
    fake.w.seed_agents(250)
    r, w = os.pipe()
    os.close(r)
    p = subprocess.Popen([BIN, "agent", "list", "--all", "--json"], env=c.env(), cwd=c.cwd, stdin=subprocess.DEVNULL,
                         stdout=w, stderr=subprocess.PIPE)
    os.close(w)
    _, err = p.communicate(timeout=60)
    check("agent list --all into a closed pipe -> 0", p.returncode == 0, (p.returncode, err[-300:]))


@test
def agents_show():
    c = Ctx()
    fake.w.add_agent("A1", supported_models=["essence-1", "expression-1"],
                     model_status={"essence-1": {"state": "ready", "reason": None}, "expression-2": {"state": "pending", "reason": None}},
                     weird_field={"x": [1]})
    rc, out, err, _ = c.run(["agent", "show", "A1", "--json"])
    check("rc 0", rc == 0, (rc, err))
    r = fake.reqs("agent")
    check("GET /v1/agent/A1", [x["path"] for x in r] == ["/v1/agent/A1"], [x["path"] for x in fake.reqs()])
    o = one_json(out)
    check("schema_version 1, kind agent, viewer_url", o.get("schema_version") == 1 and o.get("kind") == "agent"
          and o.get("viewer_url") == "https://www.bithuman.ai/A1", o)
    check("model_status and supported_models kept", o.get("model_status", {}).get("expression-2", {}).get("state") == "pending"
          and o.get("supported_models") == ["essence-1", "expression-1"], o)
    check("unknown fields kept", o.get("weird_field") == {"x": [1]}, o)
    rc, out, err, _ = c.run(["agent", "show", "A1", "A2", "--json"])
    check("two ids -> two lines", rc == 0 and [x.get("agent_id") for x in jl(out)] == ["A1", "A2"], out)
    rc, out, err, _ = c.run(["agent", "show", "A1"])
    check("human block: id, status, viewer url", rc == 0 and "A1" in out and "ready" in out and "https://www.bithuman.ai/A1" in out, out)
    rc, out, err, _ = c.run(["agent", "show", "A404X", "--json"])
    check("404 -> 66", rc == 66, (rc, err))
    check_json_error(err, "NOT_FOUND", 404)
    fake.w.deleted["A3"] = "AGENT_DELETED"
    rc, out, err, _ = c.run(["agent", "show", "A3"])
    check("410 -> 66", rc == 66, (rc, err))
    check("410 message says deleted", "deleted" in err.lower(), err)
    rc, out, err, _ = c.run(["agent", "show", "a/b"])
    check("bad id -> 2", rc == 2, rc)


@test
def agents_update():
    c = Ctx()
    rc, out, err, _ = c.run(["agent", "update", "A1", "--prompt", "You are a new persona."])
    check("rc 0", rc == 0, (rc, err))
    r = fake.reqs("agent_update")
    check("POST /v1/agent/A1 {system_prompt}", r and r[0]["path"] == "/v1/agent/A1"
          and r[0]["json"] == {"system_prompt": "You are a new persona."}, r and (r[0]["path"], r[0]["json"]))
    check("prints the id", out == "A1\n", repr(out))
    check("server has it", fake.w.agents["A1"]["system_prompt"] == "You are a new persona.")
    rc, out, err, _ = c.run(["agent", "update", "A1", "--prompt", "P2", "--json"])
    o = one_json(out)
    check("json {schema_version, agent_id, updated}", o == {"schema_version": 1, "agent_id": "A1", "updated": True}, o)
    check("json stderr empty", err == "", err)
    pf = os.path.join(c.cwd, "p.txt")
    open(pf, "w").write("From a file.")
    fake.reset()
    rc, out, err, _ = c.run(["agent", "update", "A1", "--prompt-file", pf])
    r = fake.reqs("agent_update")
    check("--prompt-file PATH", rc == 0 and r and r[0]["json"].get("system_prompt", "").strip() == "From a file.", (rc, err))
    fake.reset()
    rc, out, err, _ = c.run(["agent", "update", "A1", "--prompt-file", "-"], stdin="From stdin.")
    r = fake.reqs("agent_update")
    check("--prompt-file -", rc == 0 and r and r[0]["json"].get("system_prompt", "").strip() == "From stdin.", (rc, err))
    fake.reset()
    empty = os.path.join(c.cwd, "empty.txt")
    open(empty, "w").write("")
    for args, what in ((["--prompt", ""], "--prompt ''"), (["--prompt-file", "-"], "empty stdin"),
                       ([], "no prompt"), (["--prompt", "a", "--prompt-file", pf], "both")):
        rc, out, err, _ = c.run(["agent", "update", "A1"] + args, stdin="" if "-" in args else None)
        check(f"{what} -> 2", rc == 2, (rc, err[:200]))
    rc, out, err, _ = c.run(["agent", "update", "A1", "--prompt-file", empty])
    check("empty prompt file -> 2", rc == 2, (rc, err[:200]))
    check("nothing sent for empty prompts", not fake.reqs(), [r["path"] for r in fake.reqs()])
    rc, out, err, _ = c.run(["agent", "update", "A404X", "--prompt", "x"])
    check("404 -> 66", rc == 66, (rc, err))
    fake.w.deleted["A2"] = "AGENT_DELETED"
    rc, out, err, _ = c.run(["agent", "update", "A2", "--prompt", "x"])
    check("410 -> 66", rc == 66, (rc, err))
    fake.script("agent_update", [envelope(400, "MISSING_PARAM", "Nothing to update")])
    rc, out, err, _ = c.run(["agent", "update", "A1", "--prompt", "x"])
    check("400 MISSING_PARAM shown", rc not in (0, 69, 70) and "MISSING_PARAM" in err, (rc, err))


@test
def agents_delete():
    c = Ctx()
    rc, out, err, _ = c.run(["agent", "delete", "A1", "A2"])
    check("off a terminal without --yes -> 2", rc == 2, (rc, err))
    rc, out, err, _ = c.run(["agent", "delete", "A1", "--json"])
    check("--json without --yes -> 2", rc == 2, (rc, err))
    check_json_error(err)
    check("nothing deleted", not fake.reqs("agent_delete"), len(fake.reqs("agent_delete")))
    rc, out, err, _ = c.run(["agent", "delete", "A1", "A2", "--yes"])
    check("--yes -> 0", rc == 0, (rc, err))
    r = fake.reqs("agent_delete")
    check("DELETE /v1/agent/A1 and A2", sorted(x["path"] for x in r) == ["/v1/agent/A1", "/v1/agent/A2"], [x["path"] for x in r])
    # 410 everywhere afterwards
    for cmd in (["status", "A1"], ["wait", "A1", "--interval", "1s"], ["download", "A1", "-o", c.cwd],
                ["agent", "show", "A1"], ["agent", "status", "A1"], ["video", "generate", "--agent", "A1", "--text", "x"],
                ["dynamics", "status", "A1"], ["dynamics", "generate", "A1"], ["agent", "add-model", "A1", "--model", "essence-1"],
                ["agent", "update", "A1", "--prompt", "x"]):
        rc, out, err, _ = c.run(cmd)
        check(f"410 AGENT_DELETED: {' '.join(cmd[:2])} -> 66", rc == 66, (rc, err[:300]))
        check(f"410: {' '.join(cmd[:2])} says deleted", "deleted" in err.lower(), err[:300])
    rc, out, err, _ = c.run(["status", "A1", "--json"])
    check_json_error(err, "AGENT_DELETED", 410)
    # one 404 among several ids
    fake.reset()
    rc, out, err, _ = c.run(["agent", "delete", "A1", "A404X", "A2", "--yes"])
    check("a 404 among ids -> 66", rc == 66, (rc, err))
    done = sorted(x["path"] for x in fake.reqs("agent_delete") if x.get("answer") == 200)
    check("the others still deleted", done == ["/v1/agent/A1", "/v1/agent/A2"], done)
    check("404 names the id", "A404X" in err, err)


@test
def agents_delete_terminal():
    c = Ctx()
    rc, tx = run_pty(c, ["agent", "delete", "A1", "A2"], "n")
    check("prompt `Delete 2 agent(s)? [y/N]`", "Delete 2 agent(s)? [y/N]" in tx, tx)
    check("answer n: nothing deleted", not fake.reqs("agent_delete"), len(fake.reqs("agent_delete")))
    rc, tx = run_pty(c, ["agent", "delete", "A1", "A2"], "y")
    check("answer y -> 0", rc == 0, (rc, tx))
    check("answer y: both deleted", len(fake.reqs("agent_delete")) == 2, len(fake.reqs("agent_delete")))
    fake.reset()
    rc, tx = run_pty(c, ["agent", "delete", "A1"], "")
    check("empty answer (default N): nothing deleted", not fake.reqs("agent_delete"), tx)


@test
def agents_aliases():
    c = Ctx()
    rc, out, err, _ = c.run(["agent", "generate", "--prompt", "x"])
    check("agent generate = generate", rc == 0 and out == "A91XMB7113\n" and fake.reqs("generate"), (rc, out, err))
    rc, out, err, _ = c.run(["agent", "status", "A1", "--json"])
    check("agent status = status", rc == 0 and one_json(out).get("agent_id") == "A1", (rc, err))
    rc, out, err, _ = c.run(["agent", "wait", "A1", "--json"])
    check("agent wait = wait", rc == 0, (rc, err))
    rc, out, err, _ = c.run(["agent", "download", "A1", "-o", c.cwd])
    check("agent download = download", rc == 0 and os.path.exists(os.path.join(c.cwd, "A1.imx")), (rc, err))


# ---------------------------------------------------------------- account, pricing, usage (SPEC §9)
section("account", probe=["account", "--help"])


@test
def account_me():
    c = Ctx()
    fake.w.balance = 12345
    rc, out, err, _ = c.run(["account", "--json"])
    check("rc 0", rc == 0, (rc, err))
    check("GET /v1/me", [r["path"] for r in fake.reqs()] == ["/v1/me"], [r["path"] for r in fake.reqs()])
    o = one_json(out)
    exp = dict(fake.h_me({}, None)[2]["data"])
    exp["schema_version"] = 1
    check("data object as sent + schema_version", o == exp, (o, exp))
    rc, out, err, _ = c.run(["account"])
    check("human rc 0", rc == 0, (rc, err))
    for s in ("pro", "12345", "active"):
        check(f"human shows {s}", s in out.replace(",", "").replace("_", ""), out)
    check("human shows plan/top-up split", "1800" in out.replace(",", "") and "10545" in out.replace(",", ""), out)
    fake.script("me", [envelope(401, "UNAUTHORIZED", "Invalid API secret")])
    rc, out, err, _ = c.run(["account"])
    check("401 -> 77", rc == 77, (rc, err))
    rc, out, err, _ = c.run(["account"], secret=False)
    check("no secret -> 77", rc == 77, (rc, err))


@test
def pricing_cmd():
    c = Ctx()
    rc, out, err, _ = c.run(["pricing", "--json"])
    check("rc 0", rc == 0, (rc, err))
    check("GET /v1/pricing", [r["path"] for r in fake.reqs()] == ["/v1/pricing"], [r["path"] for r in fake.reqs()])
    o = one_json(out)
    exp = json.loads(json.dumps(PRICING))
    exp["schema_version"] = 1
    check("data object as sent + schema_version", o == exp, o)
    rc, out, err, _ = c.run(["pricing"])
    check("human rc 0", rc == 0, (rc, err))
    for s in ("essence-2", "expression-2", "2000", "500", "250"):
        check(f"human shows {s}", s in out, out)
    check("human shows video per-minute rates", "essence-2-max" in out and "8" in out, out)


def seed_usage_rows(n=0):
    rows = [("2026-08-20T10:00:00+00:00", 250, "A1", {}),
            ("2026-08-15T10:00:00+00:00", 500, "A2", {}),
            ("2026-08-15T10:05:00+00:00", -500, "A2", {"pricing_code": "credit_refund_agent_generation"}),
            ("2026-07-30T09:00:00+00:00", 4, "A1", {"pricing_code": "talking_video_expression_2"}),
            ("2026-07-01T09:00:00+00:00", -2, "A1", {"activity_type": "<absent>", "source": "video",
                                                     "pricing_code_meaning": "Talking video true-up refund"})]
    for i in range(n):
        rows.append((f"2026-06-{1 + i % 28:02d}T00:{i % 60:02d}:{i % 60:02d}+00:00", 1, "A3", {}))
    fake.w.seed_usage(rows)


@test
def usage_cmd():
    c = Ctx()
    seed_usage_rows()
    rc, out, err, _ = c.run(["usage", "--json"])
    check("rc 0", rc == 0, (rc, err))
    objs = jl(out)
    check("one row per line", len(objs) == 5, out)
    check("server fields kept, signs kept", [o.get("credits_change") for o in objs] == [250, -500, 500, 4, -2], [o.get("credits_change") for o in objs])
    rc, out, err, _ = c.run(["usage"])
    check("human rc 0", rc == 0, (rc, err))
    check("human total of credits_change = 252", re.search(r"(?<![\d.])252(?![\d])", out), out)
    last = [l for l in out.splitlines() if l.startswith("2026-07-01")]
    check("human: a row without activity_type reads source or pricing_code_meaning",
          last and ("video" in last[0] or "Talking video true-up refund" in last[0]), out)
    fake.log.clear()
    c.run(["usage", "--since", "2026-08-01", "--until", "2026-08-31", "--agent", "A2", "--limit", "10", "--json"])
    q = fake.reqs("usage")[0]["q"] if fake.reqs("usage") else {}
    check("--since DATE -> start", q.get("start", "").startswith("2026-08-01"), q)
    check("--until DATE -> end", q.get("end", "").startswith("2026-08-31"), q)
    check("--agent -> agent_code", q.get("agent_code") == "A2", q)
    check("--limit -> limit", q.get("limit") == "10", q)
    fake.log.clear()
    rc, out, err, _ = c.run(["usage", "--since", "2026-08-01T10:00:00+02:00", "--json"])
    q = fake.reqs("usage")[0]["q"] if fake.reqs("usage") else {}
    try:
        from fake import parse_iso
        same = parse_iso(q.get("start", "")) == parse_iso("2026-08-01T08:00:00Z")
    except Exception:
        same = False
    check("--since with a UTC offset (RFC 3339) -> that instant", rc == 0 and same, (rc, err[:300], q))
    fake.log.clear()
    c.run(["usage", "--since", "7d", "--json"])
    q = fake.reqs("usage")[0]["q"] if fake.reqs("usage") else {}
    try:
        from fake import parse_iso
        start = parse_iso(q.get("start", ""))
        age = time.time() - start.timestamp()
        check("--since 7d -> start about 7 days ago", abs(age - 7 * 86400) < 300, (q, age))
    except Exception as e:
        check("--since 7d -> ISO-8601 start", False, (q, e))
    fake.log.clear()
    for bad in (["--limit", "0"], ["--limit", "201"], ["--limit", "-3"], ["--since", "yesterday"], ["--since", "2026-13-45"],
                ["--until", "31/08/2026"], ["--until", "7d-ago"], ["--since", "1e20s"]):
        rc, out, err, _ = c.run(["usage"] + bad)
        check(f"usage {' '.join(bad)} -> 2", rc == 2, (rc, err[:200]))
    check("nothing sent for bad flags", not fake.reqs(), [r["query"] for r in fake.reqs()])
    rc, out, err, _ = c.run(["usage", "--limit", "200", "--json"])
    check("--limit 200 accepted", rc == 0, (rc, err))


@test
def usage_all():
    c = Ctx()
    seed_usage_rows(445)
    rc, out, err, _ = c.run(["usage", "--all", "--json"])
    check("--all rc 0", rc == 0, (rc, err))
    check("--all: every row (450)", len(jl(out)) == 450, len(jl(out)))
    check("pages of at most 200", all(int(r["q"].get("limit", "50")) <= 200 for r in fake.reqs("usage")), [r["query"] for r in fake.reqs("usage")])
    fake.w.usage_always_more = True
    rc, out, err, _ = c.run(["usage", "--all", "--json"], timeout=60)
    check("always has_more: stops with every row", rc == 0 and len(jl(out)) == 450, (rc, len(jl(out))))


# ---------------------------------------------------------------- budget (SPEC §9)
section("budget", probe=["pricing", "--help"])


def budget_case(c, args, limit, expect_ok, what, price=None):
    fake.log.clear()
    rc, out, err, _ = c.run(args + ["--max-credits", str(limit)])
    if expect_ok:
        check(f"{what}: price within {limit} -> 0", rc == 0, (rc, err[:300]))
    else:
        check(f"{what}: over {limit} -> 77", rc == 77, (rc, err[:300]))
        check(f"{what}: nothing billed sent", not [r for r in fake.reqs() if r["route"] in
                                                   ("generate", "video_generate", "dynamics_generate", "add_model")],
              [r["path"] for r in fake.reqs()])
        if price is not None:
            check(f"{what}: message names price {price} and {limit}", str(price) in err and str(limit) in err, err[:300])
    check(f"{what}: pricing read (GET /v1/pricing)", fake.reqs("pricing"), [r["path"] for r in fake.reqs()])
    return rc, out, err


@test
def budget_generate():
    c = Ctx()
    budget_case(c, ["generate", "--prompt", "x", "--model", "essence-2"], 400, False, "agent essence-2 (500)", 500)
    budget_case(c, ["generate", "--prompt", "x", "--model", "essence-2"], 500, True, "agent essence-2 (500)")
    budget_case(c, ["generate", "--prompt", "x", "--model", "auto"], 1999, False, "agent auto (worst case 2000)", 2000)
    budget_case(c, ["generate", "--prompt", "x", "--model", "auto"], 2000, True, "agent auto (2000)")
    budget_case(c, ["generate", "--prompt", "x"], 249, False, "agent default essence-1 (250)", 250)
    budget_case(c, ["generate", "--prompt", "x"], 250, True, "agent default essence-1 (250)")
    fake.log.clear()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--model", "expression-2", "--max-credits", "100", "--json"])
    check("json over budget -> 77", rc == 77, rc)
    check_json_error(err, "BUDGET_EXCEEDED", None)
    for bad in ("-5", "abc", "1e400"):
        rc, out, err, _ = c.run(["generate", "--prompt", "x", "--max-credits", bad])
        check(f"--max-credits {bad} -> 2", rc == 2, (rc, err[:200]))


@test
def budget_video():
    c = Ctx()
    base = ["video", "generate", "--agent", "A1", "--text", "hi"]
    budget_case(c, base + ["--model", "essence-1"], 3, False, "video essence-1 2min x 2 (4)", 4)
    budget_case(c, base + ["--model", "essence-1"], 4, True, "video essence-1 (4)")
    budget_case(c, base + ["--model", "essence-2-max"], 15, False, "video essence-2-max 2min x 8 (16)", 16)
    budget_case(c, ["video", "generate", "--agent", "A1", "--audio", VOICE, "--model", "essence-1"], 2, True,
                "video, local 0.1 s WAV: 1 minute x 2 (2)")


@test
def budget_model_dynamics():
    c = Ctx()
    fake.w.add_agent("A1")
    budget_case(c, ["agent", "add-model", "A1", "--model", "essence-2"], 499, False, "add essence-2 (500)", 500)
    fake.w.add_agent("A1")
    budget_case(c, ["agent", "add-model", "A1", "--model", "essence-2"], 500, True, "add essence-2 (500)")
    fake.w.add_agent("A2")
    budget_case(c, ["agent", "add-model", "A2", "--model", "expression-1"], 1, True, "add expression-1 (free)")
    budget_case(c, ["dynamics", "generate", "A1"], 249, False, "dynamics (250)", 250)
    budget_case(c, ["dynamics", "generate", "A1"], 250, True, "dynamics (250)")


@test
def budget_pricing_unavailable():
    c = Ctx()
    fake.script("pricing", [envelope(503, "SERVICE_UNAVAILABLE", "x")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--max-credits", "1000"])
    check("pricing unavailable: no blind submit", not fake.reqs("generate"), [r["path"] for r in fake.reqs()])
    check("pricing unavailable -> 69", rc == 69, (rc, err[-300:]))
    fake.reset()
    p = json.loads(json.dumps(PRICING))
    del p["agent_generation"]["by_model"]["essence-2"]
    fake.script("pricing", [ok({"success": True, "data": p})])
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--model", "essence-2", "--max-credits", "1000"])
    note("a model missing from /v1/pricing under --max-credits: refused, not submitted unpriced",
         not fake.reqs("generate") and rc != 0, (rc, err[-300:]))


@test
def budget_dry_run():
    c = Ctx()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--model", "essence-2", "--dry-run", "--max-credits", "1000"])
    check("agent dry-run + budget: rc 0", rc == 0, (rc, err))
    check("only the free pricing GET was sent", [r["path"] for r in fake.reqs()] == ["/v1/pricing"], [r["path"] for r in fake.reqs()])
    check("shows the price 500", "500" in out + err, out + err)
    fake.log.clear()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi", "--model", "essence-2-max", "--dry-run",
                             "--max-credits", "100"])
    check("video dry-run + budget: only pricing", [r["path"] for r in fake.reqs()] == ["/v1/pricing"], [r["path"] for r in fake.reqs()])
    check("shows the price 16", re.search(r"\b16\b", out + err), out + err)
    fake.log.clear()
    rc, out, err, _ = c.run(["generate", "--prompt", "x", "--dry-run"])
    check("plain dry-run sends nothing at all", rc == 0 and not fake.reqs(), [r["path"] for r in fake.reqs()])


@test
def budget_402():
    c = Ctx()
    fake.w.balance = 10   # under every price here: agent 250, video 2 x 8 = 16, dynamics 250, essence-2 add 500
    for args in (["generate", "--prompt", "x"], ["video", "generate", "--agent", "A1", "--text", "hi", "--model", "essence-2-max"],
                 ["dynamics", "generate", "A1"], ["agent", "add-model", "A1", "--model", "essence-2"]):
        rc, out, err, _ = c.run(args + ["--json"])
        check(f"402 {' '.join(args[:2])} -> 77", rc == 77, (rc, err[:300]))
        check_json_error(err, "INSUFFICIENT_BALANCE", 402)


# ---------------------------------------------------------------- journal (SPEC §8)
section("journal", probe=["video", "wait", "--help"])


@test
def journal_video():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "journal me"])
    check("rc 0", rc == 0, (rc, err))
    p, txt, objs = journal(c)
    check("<XDG_STATE_HOME>/bithuman/jobs.jsonl exists", txt is not None, p)
    if txt is None:
        return
    check("mode 0600", stat.S_IMODE(os.stat(p).st_mode) == 0o600, oct(os.stat(p).st_mode))
    check("every line is JSON", all("_bad" not in o for o in objs), txt[:500])
    vg = fake.reqs("video_generate")
    key = vg[0]["headers"].get("idempotency-key") if vg else None
    first = [o for o in objs if o.get("idempotency_key") == key and "request" in o]
    check("a line with kind, idempotency_key (the header sent), request", first and first[0].get("kind") == "video", objs)
    if first:
        f = first[0]
        check("line has time, base_url, profile", {"time", "base_url", "profile"} <= set(f), sorted(f))
        check("base_url is the one used", str(f.get("base_url", "")).rstrip("/") == fake.base, f.get("base_url"))
        check("request can re-send: text and agent", "journal me" in json.dumps(f.get("request")) and "A1" in json.dumps(f.get("request")), f.get("request"))
    job = next(iter(fake.w.videos), "?")
    check("a later line adds the job id", job in txt, txt[-500:])
    check("the secret is never in the journal", SECRET not in txt)


@test
def journal_kinds_and_inputs():
    c = Ctx()
    c.run(["generate", "--prompt", "x"])
    fake.w.add_agent("A1")
    c.run(["agent", "add-model", "A1", "--model", "expression-2"])
    c.run(["dynamics", "generate", "A1"])
    c.run(["video", "generate", "--agent", "A1", "--audio", VOICE])
    c.run(["generate", "--image", FACE, "--media", "base64"])
    p, txt, objs = journal(c)
    txt = txt or ""
    kinds = {o.get("kind") for o in objs if "request" in o}
    check("kinds agent, model, dynamics, video", {"agent", "model", "dynamics", "video"} <= kinds, kinds)
    check("uploaded audio recorded as its file_url", f"{fake.base}/files/up/voice.wav" in txt, txt[-800:])
    raw = open(FACE, "rb").read()
    check("inline base64 file: its sha256 recorded", hashlib.sha256(raw).hexdigest() in txt, txt[-800:])
    check("inline base64 file: its path recorded", FACE in txt or "face.png" in txt, txt[-800:])
    check("inline base64 file: never its bytes", base64.b64encode(raw).decode() not in txt)
    check("no secret", SECRET not in txt)
    keys = [r["headers"].get("idempotency-key") for r in fake.reqs() if r["route"] in
            ("generate", "video_generate", "dynamics_generate", "add_model")]
    check("every submit's key journalled", all(k and k in txt for k in keys), keys)


def lost_answer(c, route, args, answer):
    """Submit with the server holding its answer; SIGKILL the CLI once the request
    arrived. Returns the request the server saw."""
    fake.script(route, [(200, {"Content-Type": "application/json", "_delay": 30}, answer)])
    p = spawn(c, args)
    arrived = wait_for(lambda: fake.reqs(route), 30)
    check(f"setup: {route} request arrived", arrived)
    time.sleep(0.3)
    p.kill()
    p.communicate()
    fake.queues.pop(route, None)
    r = fake.reqs(route)
    return r[0] if r else {"headers": {}, "json": None}


@test
def journal_video_wait_last_resends():
    c = Ctx()
    first = lost_answer(c, "video_generate", ["video", "generate", "--agent", "A1", "--text", "lost answer"],
                        {"success": True, "job_id": "vid_never_seen", "status": "processing"})
    key = first["headers"].get("idempotency-key")
    p, txt, objs = journal(c)
    check("journalled before the answer (SIGKILL mid-request)", txt and key and any(o.get("idempotency_key") == key for o in objs), txt)
    rc, out, err, _ = c.run(["video", "wait", "--last", "--interval", "1s", "--timeout", "60s"])
    vg = fake.reqs("video_generate")
    check("video wait --last -> 0", rc == 0, (rc, err))
    check("re-sent once with the recorded key", len(vg) == 2 and vg[1]["headers"].get("idempotency-key") == key,
          [r["headers"].get("idempotency-key") for r in vg])
    check("re-sent the same request", len(vg) == 2 and vg[1]["json"] == first["json"], len(vg) == 2 and (vg[1]["json"], first["json"]))
    job = next(iter(fake.w.videos), "?")
    check("then waited for the job", any(r["path"] == f"/v1/video/{job}" for r in fake.reqs("video_status")), [r["path"] for r in fake.reqs()])


@test
def journal_agent_wait_last_resends():
    c = Ctx()
    fake.w.mint_agent_ids = True
    first = lost_answer(c, "generate", ["generate", "--prompt", "lost agent"],
                        {"success": True, "agent_id": "A00NEVER00", "status": "processing"})
    key = first["headers"].get("idempotency-key")
    rc, out, err, _ = c.run(["wait", "--last", "--interval", "1s", "--timeout", "60s"])
    g = fake.reqs("generate")
    check("wait --last -> 0", rc == 0, (rc, err))
    check("re-sent with the recorded key", len(g) == 2 and g[1]["headers"].get("idempotency-key") == key,
          [r["headers"].get("idempotency-key") for r in g])
    check("same body", len(g) == 2 and g[1]["json"] == first["json"])
    aid = next(iter(fake.w.agents), "?")
    check("then waited for the agent", any(r["path"] == f"/v1/agent/status/{aid}" for r in fake.reqs("status")), [r["path"] for r in fake.reqs()])


@test
def journal_wait_last_answered():
    c = Ctx()
    fake.w.video_polls = 1
    job = new_video_job(c)
    rc, out, err, _ = c.run(["video", "wait", "--last", "--interval", "1s", "--json"])
    check("video wait --last -> 0", rc == 0, (rc, err))
    check("no second submit", len(fake.reqs("video_generate")) == 1, len(fake.reqs("video_generate")))
    o = jl(out)
    check("waited for the last job", o and o[-1].get("job_id") == job, out)
    c2 = Ctx()
    rc, out, err, _ = c2.run(["video", "wait", "--last"])
    check("--last with an empty journal: an error, not 0", rc not in (0, 101), (rc, err))
    rc, out, err, _ = c.run(["video", "wait", "--last", job])
    check("--last with ids -> 2", rc == 2, (rc, err))


@test
def journal_nothing_sent_nothing_resent():
    c = Ctx()
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "dry", "--dry-run"])
    check("dry-run rc 0", rc == 0, (rc, err))
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "too dear", "--model", "essence-2-max",
                             "--max-credits", "1"])
    check("over budget -> 77", rc == 77, (rc, err))
    p, txt, objs = journal(c)
    check("no journal line for a request that never left", not txt or ("dry" not in txt and "too dear" not in txt), txt)
    fake.log.clear()
    rc, out, err, _ = c.run(["video", "wait", "--last", "--interval", "1s", "--timeout", "5s"])
    check("video wait --last re-sends neither the dry run nor the refused job", not fake.reqs("video_generate"),
          [r["json"] for r in fake.reqs("video_generate")])


@test
def journal_refused_not_resent():
    # Reading of SPEC §8: --last re-sends a request only "when the id never arrived"
    # because the answer never arrived; a definitive refusal (402/409/422/400) is an
    # answer -- nothing was billed and there is no job to find -- so `wait --last`
    # must not turn into a new billed submit.
    c = Ctx()
    fake.w.balance = 0
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "refused"])
    check("402 -> 77", rc == 77, (rc, err))
    fake.w.balance = 1000
    fake.log.clear()
    rc, out, err, _ = c.run(["video", "wait", "--last", "--interval", "1s", "--timeout", "5s"])
    check("video wait --last does not re-submit a request the server refused", not fake.reqs("video_generate"),
          (rc, err[-300:], [r["path"] for r in fake.reqs()]))
    check("...and no credits were spent by `wait`", fake.w.balance == 1000, fake.w.balance)


@test
def journal_base_url_userinfo():
    c = Ctx()
    base = fake.base.replace("http://", "http://qauser:sekret-pass@")
    rc, out, err, _ = c.run(["video", "generate", "--agent", "A1", "--text", "hi"], extra={"BITHUMAN_API_BASE": base})
    check("userinfo never printed", "sekret-pass" not in out + err, out + err)
    p, txt, objs = journal(c)
    check("userinfo never stored in the journal", "sekret-pass" not in (txt or ""), txt)
    if rc == 0:
        vg = fake.reqs("video_generate")
        check("request still sent to the host", len(vg) == 1, len(vg))


@test
def journal_last_per_kind():
    c = Ctx()
    fake.w.mint_agent_ids = True
    fake.w.gen_polls = 1
    job = new_video_job(c)
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    aid = out.strip()
    fake.log.clear()
    rc, out, err, _ = c.run(["video", "wait", "--last", "--interval", "1s", "--json"])
    check("video wait --last after a later agent job: the last *video* job", rc == 0 and jl(out) and jl(out)[-1].get("job_id") == job,
          (rc, out, err))
    fake.log.clear()
    rc, out, err, _ = c.run(["wait", "--last", "--interval", "1s", "--json"])
    check("wait --last: the last agent job", rc == 0 and jl(out) and jl(out)[-1].get("agent_id") == aid, (rc, out, err))
    check("wait --last polled that agent only", {r["path"] for r in fake.reqs("status")} == {f"/v1/agent/status/{aid}"},
          [r["path"] for r in fake.reqs()])


@test
def journal_concurrent_writers():
    c = Ctx()
    procs = [spawn(c, ["video", "generate", "--agent", "A1", "--text", f"writer {i}"]) for i in range(8)]
    rcs = [p.wait(60) for p in procs]
    for p in procs:
        p.communicate()
    check("all 8 rc 0", rcs == [0] * 8, rcs)
    p, txt, objs = journal(c)
    txt = txt or ""
    check("every line is JSON", objs and all("_bad" not in o for o in objs), txt[:800])
    keys = {r["headers"].get("idempotency-key") for r in fake.reqs("video_generate")}
    check("8 distinct keys sent", len(keys) == 8, len(keys))
    check("all 8 keys journalled", all(k in txt for k in keys), len([k for k in keys if k in txt]))
    check("all 8 job ids journalled", all(j in txt for j in fake.w.videos), len([j for j in fake.w.videos if j in txt]))


# ---------------------------------------------------------------- hostile input, faults, signals (SPEC §13)
section("hostile", probe=None)


def generating_forever():
    fake.defaults["status"] = lambda req, m: record(m.group(1), "generating", 0.5, "video")


def run_shell_redirect(c, args, redirect, timeout=60):
    """Run BIN args under `sh -c 'exec BIN args REDIRECT'` (e.g. '>&-' closes stdout)."""
    p = subprocess.run(["sh", "-c", 'exec "$0" "$@" ' + redirect, BIN] + args, env=c.env(), cwd=c.cwd,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")


def run_broken_stdout(c, args, timeout=60):
    """stdout is a pipe whose reader is already gone (EPIPE / SIGPIPE on write)."""
    r, w = os.pipe()
    os.close(r)
    p = subprocess.Popen([BIN] + args, env=c.env(), cwd=c.cwd, stdin=subprocess.DEVNULL, stdout=w, stderr=subprocess.PIPE)
    os.close(w)
    _, err = p.communicate(timeout=timeout)
    return p.returncode, err.decode(errors="replace")


@test
def hostile_closed_streams():
    c = Ctx()
    generating_forever()
    wargs = ["wait", "A1", "--interval", "1s", "--timeout", "2s"]
    rc, err = run_broken_stdout(c, wargs)
    check("broken-pipe stdout keeps 75", rc == 75, (rc, err[-300:]))
    rc, err = run_broken_stdout(c, wargs + ["--json"])
    check("broken-pipe stdout --json keeps 75", rc == 75, (rc, err[-300:]))
    rc, out, err = run_shell_redirect(c, wargs, ">&-")
    check("closed stdout (>&-) keeps 75", rc == 75, (rc, err[-300:]))
    rc, out, err = run_shell_redirect(c, wargs, "2>&-")
    check("closed stderr (2>&-) keeps 75", rc == 75, (rc, out[-300:]))
    rc, out, err = run_shell_redirect(c, wargs, ">&- 2>&-")
    check("both closed keep 75", rc == 75, rc)
    fake.defaults["status"] = lambda req, m: record(m.group(1), "failed", 0.3, "voice_image", error_message="boom")
    rc, err = run_broken_stdout(c, ["wait", "A1"])
    check("broken-pipe stdout keeps 1 (failed)", rc == 1, (rc, err[-300:]))
    rc, out, err = run_shell_redirect(c, ["wait", "A1"], ">&-")
    check("closed stdout keeps 1 (failed)", rc == 1, (rc, err[-300:]))
    fake.reset()
    rc, err = run_broken_stdout(c, ["status", "A1"])
    check("broken-pipe stdout on success keeps 0", rc == 0, (rc, err[-300:]))
    rc, out, err = run_shell_redirect(c, ["status", "A404X"], "2>&-")
    check("closed stderr keeps 66", rc == 66, rc)


@test
def hostile_durations():
    c = Ctx()
    for args in (["wait", "A1", "--timeout", "1e20"], ["wait", "A1", "--timeout", "500000000000y"],
                 ["wait", "A1", "--timeout", "99999999999999999999s"], ["wait", "A1", "--interval", "1e20"],
                 ["wait", "A1", "--interval", "500000000000y"], ["wait", "A1", "--timeout", "-5s"],
                 ["generate", "--prompt", "x", "--wait", "--timeout", "1e20"],
                 ["generate", "--prompt", "x", "--duration", "NaN"], ["generate", "--prompt", "x", "--duration", "inf"],
                 ["generate", "--prompt", "x", "--duration", "1e400"]):
        rc, out, err, _ = c.run(args, timeout=30)
        check(f"{' '.join(args)} -> 2", rc == 2, (rc, err[-300:]))
        no_panic(rc, err, " ".join(args))
    c.write_cfg('timeout = "1e20"\n')
    rc, out, err, _ = c.run(["wait", "A1"], timeout=30)
    check("config timeout 1e20 -> usage error (2), no panic", rc == 2 and "panicked" not in err, (rc, err[-300:]))
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])


@test
def hostile_non_utf8():
    c = Ctx()
    for args in ([b"status", b"A\xff1"], [b"generate", b"--prompt", b"caf\xe9"], [b"wait", b"\xc3\x28"],
                 [b"--profile", b"\xff", b"status", b"A1"], [b"generate", b"--prompt", b"x", b"--model", b"\xfe"]):
        p = subprocess.run([BIN.encode()] + args, env=c.env(), cwd=c.cwd, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=30)
        err = p.stderr.decode(errors="replace")
        check(f"non-UTF-8 {args!r} -> 2", p.returncode == 2, (p.returncode, err[-300:]))
        no_panic(p.returncode, err, repr(args))
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])


def signal_wait(c, args, sig, route="status"):
    p = spawn(c, args)
    arrived = wait_for(lambda: fake.reqs(route), 20)
    time.sleep(0.5)
    p.send_signal(sig)
    try:
        out, err = p.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        return "hung", "", ""
    return p.returncode, out.decode(errors="replace"), err.decode(errors="replace")


@test
def hostile_signals():
    c = Ctx()
    generating_forever()
    wargs = ["wait", "A1", "--interval", "1s", "--timeout", "120s"]
    rc, out, err = signal_wait(c, wargs, signal.SIGTERM)
    check("SIGTERM during wait -> 143", rc == 143, (rc, err[-300:]))
    check("SIGTERM: resume command on stderr", "bithuman wait A1" in err, err[-300:])
    check("SIGTERM: says it continues on the server", "server" in err.lower(), err[-300:])
    rc, out, err = signal_wait(c, wargs + ["--json"], signal.SIGTERM)
    check("SIGTERM --json -> 143", rc == 143, (rc, err[-300:]))
    e = check_json_error(err)
    check("SIGTERM --json: hint has the resume command", "bithuman wait A1" in str(e.get("hint")), e)
    rc, out, err = signal_wait(c, wargs, signal.SIGHUP)
    check("SIGHUP during wait -> 129", rc == 129, (rc, err[-300:]))
    rc, out, err = signal_wait(c, wargs, signal.SIGINT)
    check("SIGINT during wait -> 130", rc == 130, (rc, err[-300:]))


@test
def hostile_signal_no_temp_files():
    c = Ctx()
    d = os.path.join(c.cwd, "dl")
    os.makedirs(d)
    fake.defaults["filehost"] = (200, {"Content-Type": "application/octet-stream"}, [b"x" * 4096, 30.0, b"y" * 4096])
    p = spawn(c, ["download", "A1", "-o", d])
    wait_for(lambda: fake.reqs("filehost"), 20)
    time.sleep(1.0)
    p.send_signal(signal.SIGTERM)
    try:
        p.communicate(timeout=20)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        rc = "hung"
    check("SIGTERM during a download -> 143", rc == 143, rc)
    check("no file left in the target folder", os.listdir(d) == [], os.listdir(d))


def mknod_null(d):
    node = os.path.join(d, "null")
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return node
    except (PermissionError, OSError):
        return None


@test
def hostile_device_targets():
    c = Ctx()
    # The literal /dev/null, inside a private mount namespace with its own /dev (so a
    # CLI that replaced it could not break this machine's /dev/null).
    script = ('mount -t tmpfs none /dev && for n in "null 3" "zero 5" "random 8" "urandom 9"; do set -- $n; '
              'mknod -m 666 /dev/$1 c 1 $2; done || exit 200; rc=0; "$BIN" download A1 -o /dev/null --force || rc=$?; '
              'test -c /dev/null && echo DEVNULL_IS_A_DEVICE; echo LS: $(ls -A /dev); exit $rc')
    env = c.env({"BIN": BIN})
    try:
        usable = subprocess.run(["unshare", "--mount", "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True,
                                timeout=10).returncode == 0
    except Exception:
        usable = False
    if usable:
        p = subprocess.run(["unshare", "--mount", "sh", "-c", script], env=env, cwd=c.cwd, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=60)
        out = p.stdout.decode(errors="replace")
        ls = [l for l in out.splitlines() if l.startswith("LS:")]
        names = set(ls[0].split()[1:]) if ls else set()
        check("-o /dev/null --force -> 0", p.returncode == 0, (p.returncode, p.stderr.decode(errors="replace")[-300:]))
        check("/dev/null is still a device", "DEVNULL_IS_A_DEVICE" in out, out)
        check("no temp file left in /dev", names == {"null", "zero", "random", "urandom"}, out)
    else:
        print("   note: unshare --mount unavailable; the literal /dev/null case is covered by a device-node clone only")
    check("this machine's /dev/null untouched", stat.S_ISCHR(os.stat("/dev/null").st_mode))
    d = tempfile.mkdtemp(prefix="qa-dev-")
    node = mknod_null(d)
    if node:
        rc, out, err, _ = c.run(["download", "A1", "-o", node, "--force"])
        check("-o <char device> --force -> 0", rc == 0, (rc, err))
        check("the device is still a device", stat.S_ISCHR(os.stat(node).st_mode))
        check("no temp file beside the device", os.listdir(d) == ["null"], os.listdir(d))
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        rc, out, err, _ = c.run(["download", "A1", "-o", fifo, "--force"], timeout=30)
        got = b""
        try:
            got = os.read(fd, 1 << 16)
        except BlockingIOError:
            pass
    finally:
        os.close(fd)
    check("-o FIFO --force: written to (0) or refused (1)", rc in (0, 1), (rc, err))
    check("FIFO still a FIFO", stat.S_ISFIFO(os.stat(fifo).st_mode))
    check("FIFO written as is when accepted", rc != 0 or got == IMX, (rc, got[:40]))
    check("no temp files beside the FIFO", sorted(os.listdir(d)) == sorted(["fifo"] + (["null"] if node else [])), os.listdir(d))


def run_rss(c, args, timeout=120):
    """Run, return (rc, maxrss KiB of that child, stderr)."""
    errf = tempfile.TemporaryFile()
    p = subprocess.Popen([BIN] + args, env=c.env(), cwd=c.cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=errf)
    t0 = time.time()
    # wait4's ru_maxrss counts the forked copy of this (big) Python process
    # before exec; the child's own high-water mark is VmHWM, read while it runs.
    hwm = 0
    while time.time() - t0 < timeout:
        try:
            with open(f"/proc/{p.pid}/status") as st:
                for line in st:
                    if line.startswith("VmHWM:"):
                        hwm = max(hwm, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            p.returncode = os.waitstatus_to_exitcode(status)
            errf.seek(0)
            return p.returncode, hwm or ru.ru_maxrss, errf.read().decode(errors="replace")
        time.sleep(0.01)
    p.kill()
    os.wait4(p.pid, 0)
    p.returncode = -9
    return "hung", 0, ""


@test
def hostile_bounded_answers():
    c = Ctx()
    rc0, base_rss, _ = run_rss(c, ["status", "A1"])
    # A normal status run can end before its memory is sampled: assume 16 MiB then.
    base_rss = base_rss or 16 * 1024
    big = b'{"success": true, "data": {"agent_id": "A1", "status": "ready", "pad": "' + b"x" * (96 << 20) + b'"}}'
    for hdr, what in (({"_nocl": True}, "no Content-Length"), ({}, "with Content-Length")):
        fake.reset()
        h = {"Content-Type": "application/json"}
        h.update(hdr)
        fake.script("status", [(200, h, [big])])
        rc, rss, err = run_rss(c, ["status", "A1"])
        check(f"96 MiB answer ({what}): refused, not 0", rc not in (0, "hung"), (rc, err[-300:]))
        no_panic(rc if rc != "hung" else 0, err, what)
        check(f"96 MiB answer ({what}): memory stays bounded (max RSS {rss // 1024} MiB vs {base_rss // 1024} MiB)",
              rss - base_rss < 48 * 1024, (rss, base_rss))


@test
def hostile_local_caps():
    c = Ctx()
    tmp = tempfile.mkdtemp(prefix="qa-tmp-")
    c_run = c.run
    c.run = lambda args, **kw: c_run(args, extra={"TMPDIR": tmp}, **kw)
    big = os.path.join(c.cwd, "big.txt")
    with open(big, "wb") as f:
        for _ in range(64):
            f.write(b"a" * (1 << 20))
    rc, out, err, _ = c.run(["generate", "--prompt-file", big])
    check("64 MiB prompt file -> 65", rc == 65, (rc, err[-300:]))
    rc, out, err, _ = c.run(["generate", "--prompt-file", "-"], stdin=b"a" * (64 << 20))
    check("64 MiB prompt on stdin -> 65", rc == 65, (rc, err[-300:]))
    png = open(FACE, "rb").read()
    rc, out, err, _ = c.run(["generate", "--image", "-"], stdin=png + b"\0" * (11 << 20))
    check("11 MiB image on stdin -> 65 (cap while spooling)", rc == 65, (rc, err[-300:]))
    check("nothing sent", not fake.reqs(), [r["path"] for r in fake.reqs()])
    check("no stdin spool left in TMPDIR", not os.listdir(tmp), os.listdir(tmp))


@test
def hostile_server_text():
    c = Ctx()
    fake.script("generate", [ok({"success": True, "agent_id": "A1;rm -rf ~", "status": "processing"})])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("server id with shell metacharacters: hint is shell-quoted",
          re.search(r"bithuman wait ('A1;rm -rf ~'|\"A1;rm -rf ~\"|A1\\;rm\\ -rf\\ \\~)", err) is not None, err)
    check("raw unquoted id never in the hint", "bithuman wait A1;rm" not in err, err)
    fake.reset()
    fake.script("generate", [envelope(400, "VALIDATION_ERROR", "bad \u202evalue\u202c and \x1b]0;title\x07 and \x9b31m")])
    rc, out, err, _ = c.run(["generate", "--prompt", "x"])
    check("bidi controls removed", "\u202e" not in err and "\u202c" not in err, repr(err))
    check("OSC / C1 escapes removed", "\x1b" not in err and "\x07" not in err and "\x9b" not in err, repr(err))


@test
def hostile_secret_echoes():
    c = Ctx()
    import urllib.parse
    echoes = [SECRET.upper(), urllib.parse.quote(SECRET, safe=""), base64.b64encode(SECRET.encode()).decode(),
              SECRET.replace("_", "%5F")]
    fake.script("status", [envelope(400, "VALIDATION_ERROR", "you sent " + " | ".join(echoes))])
    rc, out, err, _ = c.run(["status", "A1", "-vv"])
    for e in echoes:
        check(f"echoed secret redacted: {e[:12]}…", e not in out + err, err[-400:])
    check("the message is still shown", "you sent" in err, err[-400:])


@test
def hostile_download_non_http_url():
    c = Ctx()
    fake.script("download", [ok({"success": True, "data": {"url": "file:///etc/passwd", "filename": "A1.imx"}})])
    d = os.path.join(c.cwd, "d")
    os.makedirs(d)
    t = time.time()
    rc, out, err, _ = c.run(["download", "A1", "-o", d])
    check("file:// model URL refused", rc != 0, (rc, err))
    check("refused at once (one API call, under 5 s)", len(fake.reqs("download")) == 1 and time.time() - t < 5,
          (len(fake.reqs("download")), time.time() - t))
    check("nothing written", os.listdir(d) == [], os.listdir(d))


# ---------------------------------------------------------------- v0.2 against the built-in sandbox
section("sandbox2", probe=["video", "generate", "--help"])


@test
def sandbox_v02():
    c = Ctx()
    sb = lambda args, timeout=240: c.run(["--sandbox"] + args, secret=False, base=False, timeout=timeout)
    rc, out, err, _ = sb(["generate", "--prompt", "x", "--model", "essence-1", "--wait", "--interval", "1s",
                          "--timeout", "180s", "--json"])
    check("sandbox agent ready", rc == 0, (rc, err[-300:]))
    aid = (jl(out)[-1] if jl(out) else {}).get("agent_id", "?")
    dest = os.path.join(c.cwd, "v.mp4")
    rc, out, err, _ = sb(["video", "generate", "--agent", aid, "--text", "hello", "--wait", "--interval", "1s",
                          "--timeout", "180s", "--download", dest])
    check("sandbox video --wait --download -> 0", rc == 0, (rc, err[-300:]))
    check("video is a placeholder", os.path.exists(dest) and open(dest, "rb").read().startswith(b"BITHUMAN SANDBOX PLACEHOLDER"))
    rc, out, err, _ = sb(["agent", "list", "--json"])
    check("sandbox agent list -> 0, JSON lines", rc == 0 and all("_bad" not in o for o in jl(out)), (rc, out[:300], err))
    # SPEC promises only that ids work across invocations (status|wait|download).
    note("sandbox agent list (a later invocation) lists the agent made earlier",
         aid in [o.get("agent_id", o.get("code")) for o in jl(out)], out[:300])
    for cmd in (["account", "--json"], ["pricing", "--json"], ["usage", "--json"]):
        rc, out, err, _ = sb(cmd)
        check(f"sandbox {cmd[0]} -> 0, JSON", rc == 0 and all("_bad" not in o for o in jl(out)), (rc, out[:200], err[-200:]))
    rc, out, err, _ = sb(["dynamics", "generate", aid, "--wait", "--interval", "1s", "--timeout", "180s", "--json"])
    check("sandbox dynamics --wait -> 0", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = sb(["agent", "add-model", aid, "--model", "expression-1", "--json"])
    check("sandbox add expression-1 -> 0", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = sb(["agent", "delete", aid, "--yes"])
    check("sandbox delete -> 0", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = sb(["status", aid])
    note("sandbox status (a later invocation) after delete -> 66", rc == 66, (rc, err[-300:]))
    check("no requests reached the fake", not fake.reqs())


# ================================================================ v0.3 (SPEC part three)
# ---------------------------------------------------------------- exactly once across runs (SPEC §20)
section("x-once", probe=["batch", "--help"], verbose=True)

_OTHER = {}


def other_fake(host="127.0.0.1"):
    """A second, independent API (another base URL) -- one per host for the whole run."""
    if host not in _OTHER:
        _OTHER[host] = Fake(host=host)
    f = _OTHER[host]
    f.reset()
    return f


def write_manifest(c, rows, name="rows.jsonl", folder=None):
    """rows: dicts (one JSON line each) or raw bytes lines. Returns the path."""
    d = folder or c.cwd
    os.makedirs(d, exist_ok=True)
    p = os.path.join(d, name)
    with open(p, "wb") as f:
        for r in rows:
            f.write(r if isinstance(r, bytes) else json.dumps(r).encode())
            f.write(b"\n")
    return p


def state_of(manifest):
    return os.path.splitext(manifest)[0] + ".state.jsonl"


def gen_keys():
    """prompt -> [idempotency keys], over every generate POST the fake saw."""
    out = {}
    for r in fake.reqs("generate"):
        j = r["json"] if isinstance(r["json"], dict) else {}
        out.setdefault(j.get("prompt"), []).append(r["headers"].get("idempotency-key"))
    return out


def lines_with(path, needle):
    """The lines of a file that contain needle, and those of them that parse as JSON."""
    lines = [l for l in open(path, "rb").read().split(b"\n") if needle.encode() in l]
    parsed = []
    for l in lines:
        try:
            parsed.append(json.loads(l))
        except Exception:
            pass
    return lines, parsed


def billed_generates():
    return [r for r in fake.submits() if r["route"] == "generate"]


def rows_of(n, tag="row"):
    return [{"prompt": f"{tag} {i}", "model": "essence-1"} for i in range(1, n + 1)]


def all_bodies(f=None):
    f = f or fake
    return b"\n".join(r["body"] + r["path"].encode() + r["query"].encode() for r in f.reqs())


SANE_RC = {0, 1, 2, 65, 66, 69, 70, 75, 77}


@test
def xo_two_runs_at_once():
    c = Ctx()
    fake.w.mint_agent_ids = True
    fake.w.hold["generate"] = 1.0       # each generate takes a second: the two runs overlap
    m = write_manifest(c, rows_of(6))
    procs = [spawn(c, ["batch", m, "--json"]) for _ in range(2)]
    outs = []
    for p in procs:
        try:
            o, e = p.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            o, e = p.communicate()
        outs.append((p.returncode, o.decode(errors="replace"), e.decode(errors="replace")))
    keys = gen_keys()
    gens = fake.reqs("generate")
    check("every row sent under one idempotency key (6 rows, 6 distinct keys)",
          len({k for ks in keys.values() for k in ks}) == 6 and all(len(set(ks)) == 1 for ks in keys.values()),
          {p: ks for p, ks in keys.items()})
    check("every row billed exactly once (6 billed generates)", len(billed_generates()) == 6,
          [r["json"].get("prompt") for r in billed_generates()])
    check("every row POSTed once: the second run waited for the state file or was refused", len(gens) == 6,
          sorted(str(r["json"].get("prompt")) for r in gens))
    for i, (rc, o, e) in enumerate(outs):
        no_panic(rc, e, f"run {i + 1}")
        check(f"run {i + 1}: rc 0, or refused with a message about the state file being in use",
              rc == 0 or (rc in SANE_RC and re.search(r"state", e, re.I)
                          and re.search(r"lock|in use|another|running|busy|held", e, re.I)), (rc, e[-300:]))
    fake.w.hold.clear()
    before = len(fake.reqs("generate"))
    rc, out, err, _ = c.run(["batch", m, "--json"])
    res = [o for o in jl(out) if "row" in o]
    check("a third run resends nothing", len(fake.reqs("generate")) == before, len(fake.reqs("generate")) - before)
    check("...and reports 6 rows, 6 distinct ids", len(res) == 6 and len({o.get("id") for o in res if o.get("id")}) == 6,
          out[-600:])


@test
def xo_state_other_api():
    c = Ctx()
    fake.w.mint_agent_ids = True
    m = write_manifest(c, rows_of(2))
    rc, out, err, _ = c.run(["batch", m, "--json"])
    check("setup: first run rc 0", rc == 0, (rc, err[-300:]))
    ids = [o.get("id") for o in jl(out) if o.get("id")]
    other = other_fake()
    rc, out, err, _ = c.run(["batch", m, "--json"], extra={"BITHUMAN_API_BASE": other.base})
    no_panic(rc, err)
    check("state file of another API: refused (non-zero)", rc != 0, (rc, out[-300:], err[-300:]))
    check("...with no request to the other API", not other.reqs(), [(r["method"], r["path"]) for r in other.reqs()])
    check("...and the first API's ids never reported as results", not any(i in out for i in ids), out[-400:])
    # the same with a profile: one API, another profile
    c.write_cfg(f'[profiles.other]\nbase_url = "{fake.base}"\napi_secret = "{SECRET}"\n')
    fake.log.clear()
    rc, out, err, _ = c.run(["batch", m, "--json", "--profile", "other"], extra={"BITHUMAN_API_BASE": None})
    no_panic(rc, err, "(profile)")
    check("state file of another profile: refused (non-zero), nothing sent", rc != 0 and not fake.reqs("generate"),
          (rc, err[-300:], [r["path"] for r in fake.reqs()]))
    # the journal: a lost answer on this API, then `wait --last` against another
    c2 = Ctx()
    lost_answer(c2, "generate", ["generate", "--prompt", "journal of one API"],
                {"success": True, "agent_id": "A00NEVER00", "status": "processing"})
    other = other_fake()
    rc, out, err, _ = c2.run(["wait", "--last", "--interval", "1s", "--timeout", "10s"],
                             extra={"BITHUMAN_API_BASE": other.base})
    no_panic(rc, err, "(wait --last)")
    check("wait --last against another API never re-sends the journalled submit there",
          not other.reqs("generate"), [r["json"] for r in other.reqs("generate")])


@test
def xo_torn_last_line():
    c = Ctx()
    fake.w.mint_agent_ids = True
    m = write_manifest(c, rows_of(2))
    rc, out, err, _ = c.run(["batch", m, "--json"])
    check("setup: first run rc 0", rc == 0, (rc, err[-300:]))
    st = state_of(m)
    check("setup: state file beside the manifest (rows.state.jsonl)", os.path.exists(st), os.listdir(c.cwd))
    if not os.path.exists(st):
        return
    with open(st, "ab") as f:
        f.write(b'{"row": 7, "key": "torn-by-a-full-di')       # a torn last line: no newline
    with open(m, "ab") as f:
        f.write(json.dumps({"prompt": "row 3", "model": "essence-1"}).encode() + b"\n")
    rc, out, err, _ = c.run(["batch", m, "--json"])
    check("after a torn state line: the run goes on (rc 0)", rc == 0, (rc, err[-300:]))
    check("...and sends the new row once", list(gen_keys().get("row 3", [])) and len(gen_keys()["row 3"]) == 1,
          gen_keys())
    key3 = (gen_keys().get("row 3") or ["?"])[0]
    good, ok_json = lines_with(st, key3)
    check("the new row's state line is whole JSON, not glued onto the torn one", good and len(ok_json) == len(good),
          [l[:200] for l in good])
    before = len(fake.reqs("generate"))
    rc, out, err, _ = c.run(["batch", m, "--json"])
    check("a third run: the new row's entry was not lost (nothing re-sent)",
          len(fake.reqs("generate")) == before, [r["json"] for r in fake.reqs("generate")[before:]])
    check("...rc 0, 3 rows with ids", rc == 0 and len([o for o in jl(out) if o.get("id")]) == 3, (rc, out[-400:], err[-300:]))
    # the journal (<XDG_STATE_HOME>/bithuman/jobs.jsonl, docs/jobs.md)
    c = Ctx()
    fake.w.gen_polls = 1
    rc, out, err, _ = c.run(["generate", "--prompt", "journal a"])
    p, txt, objs = journal(c)
    check("setup: journal at <XDG_STATE_HOME>/bithuman/jobs.jsonl", txt is not None, p)
    if txt is None:
        return
    with open(p, "ab") as f:
        f.write(b'{"time": "2026-12-07T00:00:00Z", "kind": "agent", "idempotency_key": "torn')
    rc, out, err, _ = c.run(["generate", "--prompt", "journal b"])
    aid_b = out.strip()
    check("setup: second generate rc 0", rc == 0 and aid_b, (rc, err[-300:]))
    key_b = (gen_keys().get("journal b") or ["?"])[0]
    lines_b, parsed = lines_with(p, key_b)
    check("journal: the next entry is its own JSON line (torn line repaired first)", lines_b and len(parsed) == len(lines_b),
          [l[:200] for l in lines_b])
    rc, out, err, _ = c.run(["wait", "--last", "--json", "--interval", "1s", "--timeout", "30s"])
    o = jl(out)
    check("journal: wait --last finds the entry written after the torn line", rc == 0 and o and o[-1].get("agent_id") == aid_b,
          (rc, out[-300:], err[-300:]))


@test
def xo_max_credits_resumed():
    c = Ctx()
    fake.w.mint_agent_ids = True
    m = write_manifest(c, rows_of(2))           # essence-1: 250 credits each
    rc, out, err, _ = c.run(["batch", m, "--json", "--max-credits", "600"])
    check("setup: 2 rows, 500 credits, within 600", rc == 0 and len(billed_generates()) == 2, (rc, err[-300:]))
    with open(m, "ab") as f:
        f.write(json.dumps({"prompt": "row 3", "model": "essence-1"}).encode() + b"\n")
    rc, out, err, _ = c.run(["batch", m, "--json", "--max-credits", "600"])
    no_panic(rc, err)
    check("resumed with --max-credits 600: the earlier 500 count, row 3 (250 more) is not sent",
          "row 3" not in gen_keys(), gen_keys())
    r3 = [o for o in jl(out) if o.get("row") == 3]
    check("...row 3 ends BUDGET_EXCEEDED", r3 and (r3[0].get("error") or {}).get("code") == "BUDGET_EXCEEDED", out[-500:])


@test
def xo_transient_failure_resend():
    c = Ctx()
    fake.w.mint_agent_ids = True
    m = write_manifest(c, rows_of(2))
    fake.script("generate", [envelope(503, "SERVICE_UNAVAILABLE", "Service temporarily unavailable", {"Retry-After": "1"})])
    rc, out, err, _ = c.run(["batch", m, "--json", "--concurrency", "2"], timeout=150)
    no_panic(rc, err)
    check("first run (503s to the end): not 0", rc != 0, (rc, err[-300:]))
    first = gen_keys()
    check("setup: both rows were tried", set(first) == {"row 1", "row 2"}, first)
    fake.queues.pop("generate", None)
    fake.log.clear()
    rc, out, err, _ = c.run(["batch", m, "--json", "--concurrency", "2"])
    again = gen_keys()
    for p in ("row 1", "row 2"):
        check(f"{p}: the re-run re-sends it with the SAME idempotency key",
              p in again and first.get(p) and again[p][0] == first[p][0], (first.get(p), again.get(p)))
    res = [o for o in jl(out) if "row" in o]
    check("re-run: rc 0, both rows end ok with an id", rc == 0 and len(res) == 2
          and all(o.get("id") and o.get("outcome") in ("pending", "ready") for o in res), (rc, out[-400:], err[-300:]))


@test
def xo_comment_and_touch():
    c = Ctx()
    fake.w.mint_agent_ids = True
    m = write_manifest(c, rows_of(2))
    rc, out, err, _ = c.run(["batch", m, "--json"])
    ids = sorted(o.get("id") for o in jl(out) if o.get("id"))
    check("setup: first run rc 0", rc == 0 and len(ids) == 2, (rc, err[-300:]))
    body = open(m, "rb").read()
    with open(m, "wb") as f:
        f.write(b"# a comment added at the top\n" + body)
    t = time.time() + 5
    os.utime(m, (t, t))
    before = len(fake.reqs("generate"))
    rc, out, err, _ = c.run(["batch", m, "--json"])
    check("a comment line and a touch: nothing re-sent", len(fake.reqs("generate")) == before,
          [r["json"] for r in fake.reqs("generate")[before:]])
    check("...not refused as changed rows (rc 0), the same ids reported",
          rc == 0 and sorted(o.get("id") for o in jl(out) if o.get("id")) == ids, (rc, out[-400:], err[-300:]))


@test
def xo_check_pass():
    c = Ctx()
    m = write_manifest(c, [{"prompt": "a", "model": "essence-1", "key": "same-key"},
                           {"prompt": "b", "model": "essence-1", "key": "same-key"}])
    rc, out, err, _ = c.run(["batch", m, "--json"])
    no_panic(rc, err, "(one key twice)")
    check("two rows with one key: refused in the check pass (non-zero, nothing sent)",
          rc != 0 and not fake.reqs("generate"), (rc, err[-300:], [r["json"] for r in fake.reqs("generate")]))
    fake.log.clear()
    c = Ctx()
    m = write_manifest(c, [b'{"prompt": "caf\xe9 latin-1", "model": "essence-1"}', {"prompt": "clean", "model": "essence-1"}])
    rc, out, err, _ = c.run(["batch", m, "--json"])
    no_panic(rc, err, "(latin-1)")
    check("a row with a Latin-1 byte: refused (non-zero, nothing sent)", rc != 0 and not fake.reqs("generate"),
          (rc, err[-300:], [r["json"] for r in fake.reqs("generate")]))
    fake.log.clear()
    if os.path.exists(state_of(m)):        # a fresh start: what the first run may have recorded aside
        os.unlink(state_of(m))
    rc, out, err, _ = c.run(["batch", m, "--json", "--skip-invalid"])
    no_panic(rc, err, "(latin-1, --skip-invalid)")
    sent = [r["json"].get("prompt") for r in fake.reqs("generate") if isinstance(r["json"], dict)]
    check("--skip-invalid: the Latin-1 row is skipped, never sent as U+FFFD",
          "latin-1" not in " ".join(map(str, sent)) and "\ufffd".encode() not in all_bodies(), sent)
    check("--skip-invalid: the Latin-1 row is refused for that row only; the clean row is sent", sent == ["clean"],
          (sent, rc, err[-300:]))
    fake.log.clear()
    c = Ctx()
    m = write_manifest(c, [b'{"prompt": "first", "model": "essence-1", "prompt": "second"}'])
    rc, out, err, _ = c.run(["batch", m, "--json"])
    no_panic(rc, err, "(repeated key)")
    check("a repeated JSON key in a row: refused (non-zero, nothing sent)", rc != 0 and not fake.reqs("generate"),
          (rc, err[-300:], [r["json"] for r in fake.reqs("generate")]))


@test
def xo_confined_paths():
    c = Ctx()
    top = os.path.join(c.cwd, "top")
    sub = os.path.join(top, "manifests")
    os.makedirs(sub)
    marker = "TOPSECRET-" + hashlib.sha1(str(time.time()).encode()).hexdigest()[:12]
    secret = os.path.join(top, "secret.txt")
    with open(secret, "w") as f:
        f.write(f"{marker} you are a spy\n")
    os.symlink(secret, os.path.join(sub, "link.txt"))
    import shutil
    shutil.copy(FACE, os.path.join(top, "face.png"))
    for what, row in (("prompt_file ../secret.txt", {"prompt_file": "../secret.txt"}),
                      ("prompt_file as an absolute path outside", {"prompt_file": secret}),
                      ("prompt_file: a symlink in the folder to a file outside", {"prompt_file": "link.txt"}),
                      ("image ../face.png", {"image": "../face.png"})):
        fake.log.clear()
        row = dict(row, model="essence-1")
        m = write_manifest(c, [row], folder=sub)
        for f in (state_of(m),):
            if os.path.exists(f):
                os.unlink(f)
        rc, out, err, _ = c.run(["batch", m, "--json"])
        no_panic(rc, err, what)
        check(f"{what}: refused (non-zero)", rc != 0, (rc, err[-300:]))
        check(f"{what}: nothing of it reaches the API", marker.encode() not in all_bodies()
              and not fake.reqs("generate") and not fake.reqs("upload"), [(r["method"], r["path"]) for r in fake.reqs()])
    c = Ctx()
    m = write_manifest(c, rows_of(1))
    orig = open(m, "rb").read()
    os.symlink(m, os.path.join(c.cwd, "alias.jsonl"))
    for what, st in (("--state equal to the manifest", m), ("--state ./rows.jsonl", "./rows.jsonl"),
                     ("--state: a symlink to the manifest", os.path.join(c.cwd, "alias.jsonl"))):
        fake.log.clear()
        try:
            rc, out, err, _ = c.run(["batch", m, "--json", "--state", st], timeout=15)
        except subprocess.TimeoutExpired:
            rc, out, err = "hung", "", ""
        check(f"{what}: ends (within 15 s)", rc != "hung", "still running after 15 s, killed")
        if rc != "hung":
            no_panic(rc, err, what)
        check(f"{what}: refused (non-zero), nothing sent", rc != 0 and not fake.reqs("generate"),
              (rc, err[-300:], len(fake.reqs("generate"))))
        check(f"{what}: the manifest is unchanged", open(m, "rb").read() == orig,
              (os.path.getsize(m), open(m, "rb").read()[:300]))
        with open(m, "wb") as f:
            f.write(orig)


@test
def xo_wait_last_foreign_host():
    there = other_fake("127.0.0.2")
    variants = (
        ("request path '@127.0.0.2:PORT/v1/agent/generate'", "path", f"@127.0.0.2:{there.port}/v1/agent/generate"),
        ("recorded base_url of another host", "base", there.base),
        ("request path of another API route (/v1/agent/A1)", "path", "/v1/agent/A1"),
    )
    for what, field, value in variants:
        fake.reset()
        there.reset()
        c = Ctx()
        first = lost_answer(c, "generate", ["generate", "--prompt", "foreign host"],
                            {"success": True, "agent_id": "A00NEVER00", "status": "processing"})
        key = first["headers"].get("idempotency-key")
        p, txt, objs = journal(c)
        if not txt:
            check(f"setup: journal written ({what})", False, p)
            continue
        changed = [0]

        def edit(o):
            if isinstance(o, dict):
                for k, v in list(o.items()):
                    if field == "path" and isinstance(v, str) and v.endswith("/v1/agent/generate"):
                        o[k] = value
                        changed[0] += 1
                    elif field == "base" and k == "base_url" and isinstance(v, str):
                        o[k] = value
                        changed[0] += 1
                    else:
                        edit(v)
            elif isinstance(o, list):
                for v in o:
                    edit(v)
        out_lines = []
        for line in txt.splitlines():
            try:
                o = json.loads(line)
            except Exception:
                out_lines.append(line)
                continue
            if o.get("idempotency_key") == key:
                edit(o)
                if field == "path" and "request" in o and not changed[0] and isinstance(o["request"], dict):
                    o["request"]["path"] = value
                    changed[0] += 1
            out_lines.append(json.dumps(o))
        with open(p, "w") as f:
            f.write("\n".join(out_lines) + "\n")
        fake.log.clear()
        rc, out, err, _ = c.run(["wait", "--last", "--interval", "1s", "--timeout", "10s"])
        no_panic(rc, err, what)
        check(f"{what}: nothing arrives at 127.0.0.2", not there.reqs(), [(r["method"], r["path"]) for r in there.reqs()])
        if field == "base":
            check(f"{what}: not re-sent to the API in use either (the entry belongs to another API)",
                  not fake.reqs("generate"), [r["headers"].get("idempotency-key") for r in fake.reqs("generate")])
        if field == "path" and value.startswith("/v1/agent/A1"):
            check(f"{what}: not POSTed to that route", not fake.reqs("agent_update"),
                  [(r["method"], r["path"]) for r in fake.reqs()])


@test
def xo_wait_last_in_flight():
    c = Ctx()
    fake.w.mint_agent_ids = True
    fake.w.gen_polls = 1
    fake.w.hold["generate"] = 4.0         # the first process's submit is still in flight
    p = spawn(c, ["generate", "--prompt", "in flight elsewhere"])
    check("setup: the submit arrived", wait_for(lambda: fake.reqs("generate"), 20))
    rc, out, err, _ = c.run(["wait", "--last", "--interval", "1s", "--timeout", "30s"])
    p.communicate(timeout=60)
    no_panic(rc, err)
    g = fake.reqs("generate")
    check("wait --last does not re-send a submit another process still has in flight (one POST)", len(g) == 1,
          [r["headers"].get("idempotency-key") for r in g])


@test
def xo_retry_after_huge():
    c = Ctx()
    m = write_manifest(c, rows_of(1))
    fake.script("generate", [envelope(429, "RATE_LIMITED", "Too many generate requests",
                                      {"Retry-After": "18446744073709551615"}), GEN_OK])
    t0 = time.time()
    try:
        rc, out, err, _ = c.run(["batch", m, "--json"], timeout=70)
    except subprocess.TimeoutExpired:
        rc, out, err = "hung", "", ""
    took = time.time() - t0
    check("Retry-After 2^64-1 on a batch submit: the pause is capped (ends within 70 s)", rc != "hung",
          f"still running after {took:.0f} s")
    if rc == "hung":
        return
    no_panic(rc, err)
    check("exit code sane", rc in SANE_RC, (rc, err[-300:]))
    if rc == 0:
        check("rc 0: the submit was retried after the capped pause", len(fake.reqs("generate")) == 2,
              len(fake.reqs("generate")))


@test
def xo_reads_paced():
    c = Ctx()
    ids = fake.w.seed_agents(70, prefix="R")
    fake.w.set_limits(read=60)                 # 60 reads a minute, burst 60: 70 ids need pacing
    rc, out, err, _ = c.run(["wait"] + ids + ["--json", "--interval", "1s", "--timeout", "120s"], timeout=150)
    r429 = [r["path"] for r in fake.reqs() if r.get("answer") == 429]
    check("wait on 70 ids against a read bucket of 60/min: rc 0", rc == 0, (rc, err[-300:]))
    check("...and no 429 on reads (paced by the read bucket, SPEC §15)", not r429, (len(r429), r429[:5]))


# ---------------------------------------------------------------- webhooks (SPEC §16)
section("webhook", probe=["webhook", "--help"], skip_if_missing=True, verbose=True)


def sign(secret, ts, body):
    import hmac
    return "sha256=" + hmac.new(secret.encode(), str(ts).encode() + b"." + body, hashlib.sha256).hexdigest()


@test
def wh_create_list_show_delete():
    c = Ctx()
    rx = Receiver()
    try:
        rc, out, err, _ = c.run(["webhook", "create", "--url", rx.url, "--event", "agent.ready", "--json"])
        check("webhook create -> 0", rc == 0, (rc, err[-300:]))
        hooks = list(fake.w.webhooks.values())
        check("one webhook at the API with that URL and event", len(hooks) == 1 and hooks[0]["url"] == rx.url
              and hooks[0]["events"] == ["agent.ready"], hooks)
        if not hooks:
            return
        h = hooks[0]
        check("create prints the id and the signing secret (shown once)", h["id"] in out and h["secret"] in out, out)
        rc, out, err, _ = c.run(["webhook", "list", "--json"])
        check("webhook list -> 0, names it, no secret", rc == 0 and h["id"] in out and h["secret"] not in out + err, (rc, out))
        rc, out, err, _ = c.run(["webhook", "show", h["id"], "--json"])
        check("webhook show -> 0", rc == 0 and rx.url in out, (rc, out, err[-200:]))
        rc, out, err, _ = c.run(["webhook", "delete", h["id"]])
        check("webhook delete off a terminal without --yes -> 2, kept", rc == 2 and h["id"] in fake.w.webhooks, (rc, err[-200:]))
        rc, out, err, _ = c.run(["webhook", "delete", h["id"], "--yes"])
        check("webhook delete --yes -> 0, gone", rc == 0 and not fake.w.webhooks, (rc, err[-200:]))
        rc, out, err, _ = c.run(["webhook", "show", h["id"]])
        check("webhook show of a deleted id -> 66", rc == 66, (rc, err[-200:]))
    finally:
        rx.close()


@test
def wh_test_and_deliveries():
    c = Ctx()
    rx = Receiver()
    try:
        rc, out, err, _ = c.run(["webhook", "create", "--url", rx.url, "--json"])
        hid = next(iter(fake.w.webhooks), "?")
        rc, out, err, _ = c.run(["webhook", "test", hid])
        check("webhook test -> 0, the ping delivered", rc == 0 and any(h.get("x-bithuman-event") == "ping" for h, _ in rx.got),
              (rc, err[-300:], len(rx.got)))
        rc, out, err, _ = c.run(["webhook", "deliveries", hid, "--json"])
        rows = [o for o in jl(out) if "_bad" not in o]
        check("webhook deliveries --json: one line per delivery", rc == 0 and len(rows) == 1, (rc, out, err[-200:]))
    finally:
        rx.close()


@test
def wh_verify():
    c = Ctx()
    secret = "whsec_" + "ab" * 16
    body = b'{"id":"evt_1","event":"agent.ready","created":1,"data":{"agent_id":"A1","code":"A1"}}'
    now = int(time.time())
    good = sign(secret, now, body)
    rc, out, err, _ = c.run(["webhook", "verify", "--secret", secret, "--timestamp", str(now), "--signature", good],
                            stdin=body, secret=False)
    check("verify: a good signature -> 0", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = c.run(["webhook", "verify", "--secret", secret, "--timestamp", str(now), "--signature", good],
                            stdin=body + b" ", secret=False)
    check("verify: a changed body -> 1", rc == 1, (rc, err[-300:]))
    old = now - 3600
    rc, out, err, _ = c.run(["webhook", "verify", "--secret", secret, "--timestamp", str(old),
                             "--signature", sign(secret, old, body)], stdin=body, secret=False)
    check("verify: a stale timestamp (1 h) -> 1", rc == 1, (rc, err[-300:]))
    check("verify sends nothing", not fake.reqs())


def free_port():
    import socket
    so = socket.socket()
    so.bind(("127.0.0.1", 0))
    port = so.getsockname()[1]
    so.close()
    return port


@test
def wh_listen():
    c = Ctx()
    port = free_port()
    p = spawn(c, ["webhook", "listen", "--port", str(port), "--public-url", f"http://127.0.0.1:{port}/",
                  "--print-secret", "--json"])
    lines = []

    def reader():
        for line in iter(p.stdout.readline, b""):
            lines.append(line.decode(errors="replace"))
    threading.Thread(target=reader, daemon=True).start()
    try:
        check("listen registers a webhook at the API", wait_for(lambda: fake.w.webhooks, 20), (p.poll(),))
        hook = next(iter(fake.w.webhooks.values()), None)
        if hook is None:
            return
        wait_for(lambda: lines, 10)
        first = lines[0].strip() if lines else ""
        check("--print-secret: the whsec_ secret is the first stdout line", first == hook["secret"], first)
        with fake.lock:
            fake.w.fire("agent.ready", {"agent_id": "A77", "code": "A77"})
        ok_sent = wait_for(lambda: any(st and 200 <= st < 300 for _, _, st in fake.w.sent_events), 20)
        check("a signed delivery: answered 2xx", ok_sent, fake.w.sent_events)
        wait_for(lambda: any('"A77"' in l for l in lines), 10)
        line = next((l for l in lines if '"A77"' in l), "")
        check("...and printed as a JSON line", line.lstrip().startswith("{"), lines)
        import urllib.request, urllib.error
        body = b'{"id":"evt_forged","event":"agent.ready","created":1,"data":{"agent_id":"A66","code":"A66"}}'
        ts = str(int(time.time()))
        for what, hdrs in (("unsigned", {}),
                           ("badly signed", {"X-BitHuman-Timestamp": ts, "X-BitHuman-Signature": "sha256=" + "0" * 64}),
                           ("stale (1 h)", {"X-BitHuman-Timestamp": str(int(ts) - 3600),
                                            "X-BitHuman-Signature": sign(hook["secret"], int(ts) - 3600, body)})):
            h = {"Content-Type": "application/json", "X-BitHuman-Event": "agent.ready", "X-BitHuman-Delivery": "evt_forged"}
            h.update(hdrs)
            try:
                with urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/", data=body, headers=h,
                                                                   method="POST"), timeout=10) as r:
                    code = r.status
            except urllib.error.HTTPError as e:
                code = e.code
            except Exception as e:
                code = str(e)
            check(f"{what} delivery refused (401)", code == 401, code)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        time.sleep(0.2)
    check("never acted on the forged deliveries", not any("A66" in l for l in lines), lines[-3:])
    check("the webhook is deleted on SIGTERM", not fake.w.webhooks, list(fake.w.webhooks))


# `--via webhook` under the fake's delivery faults (SPEC §16): whatever the deliveries do,
# the outcome is the one polling gives; the temporary webhook is gone at the end.
VIA_FAULTS = ["drop=1", "duplicate=1", "late=1", "bad-signature=1",
              "drop=0.3,duplicate=0.3,late=0.5,bad-signature=0.3"]


def clock_agent(aid, seconds):
    """An agent generating now that the fake makes ready `seconds` later, unpolled."""
    with fake.lock:
        a = fake.w.add_agent(aid, status="processing", progress=0.0, current_step="payment",
                             _polls=1, _outcome="ready", _ends_at=time.time() + seconds)
        fake.w.end_agent_later(a)


def row_outcomes(out):
    """row -> (outcome, status) from a batch's JSON lines; the rows seen, in order."""
    rows = [o for o in jl(out) if "row" in o]
    return {o["row"]: (o.get("outcome"), o.get("status")) for o in rows}, [o["row"] for o in rows]


def via_case(fault):
    c = Ctx()
    fake.w.mint_agent_ids = True
    fake.w.gen_seconds = 2.0
    fake.w.webhook_late = 3.0
    fake.w.webhook_seed = 7
    fake.w.webhook_faults = parse_faults(fault)
    # wait: one agent by webhook, its twin by polling; the same record either way.
    clock_agent("AVIA00000001", 2.0)
    clock_agent("AVIA00000002", 2.0)
    rc, out, err, _ = c.run(["wait", "AVIA00000001", "--via", "webhook", "--interval", "1s", "--json"], timeout=120)
    prc, pout, perr, _ = c.run(["wait", "AVIA00000002", "--interval", "1s", "--json"], timeout=120)
    got, want = one_json(out, "wait --via webhook: one JSON record"), one_json(pout, "wait by polling: one JSON record")
    check(f"[{fault}] wait --via webhook -> 0, ready", rc == 0 and got.get("status") == "ready", (rc, out[-300:], err[-300:]))
    check(f"[{fault}] ...the same record fields as by polling", prc == 0 and sorted(got) == sorted(want),
          (sorted(got), sorted(want)))
    check(f"[{fault}] ...its temporary webhook is deleted", not fake.w.webhooks, list(fake.w.webhooks))
    # batch --wait: every row once, as by polling.
    rows = rows_of(4, tag="via")
    m_hook = write_manifest(c, rows, folder=os.path.join(c.cwd, "hook"))
    m_poll = write_manifest(c, rows, folder=os.path.join(c.cwd, "poll"))
    rc, out, err, _ = c.run(["batch", m_hook, "--wait", "--via", "webhook", "--interval", "1s", "--json"], timeout=150)
    prc, pout, perr, _ = c.run(["batch", m_poll, "--wait", "--interval", "1s", "--json"], timeout=150)
    got, seen = row_outcomes(out)
    want, _ = row_outcomes(pout)
    check(f"[{fault}] batch --wait --via webhook -> 0", rc == 0, (rc, err[-400:]))
    check(f"[{fault}] ...every row reported once", sorted(seen) == [1, 2, 3, 4], seen)
    check(f"[{fault}] ...every row ready, as by polling", prc == 0 and got == want
          and all(o == "ready" for o, _ in got.values()), (got, want))
    check(f"[{fault}] ...its temporary webhook is deleted", not fake.w.webhooks, list(fake.w.webhooks))
    check(f"[{fault}] the fake did send (or drop) deliveries", fake.w.sent_events, fake.w.sent_events)


for _fault in VIA_FAULTS:
    def _case(fault=_fault):
        via_case(fault)
    _case.__name__ = "wh_via_" + re.sub(r"[^a-z]+", "_", _fault.split("=")[0] if "," not in _fault else "mixed")
    test(_case)


# ---------------------------------------------------------------- live sessions (SPEC §17)
section("session", probe=["session", "--help"], skip_if_missing=True, verbose=True)

START = ["--livekit-url", "wss://lk.example", "--livekit-token", "tok", "--room", "room-1"]


@test
def sess_start_show_end():
    c = Ctx()
    fake.w.add_agent("A5")
    rc, out, err, _ = c.run(["session", "start", "--agent", "A5"] + START + ["--model", "essence-2", "--json"])
    check("session start -> 0", rc == 0, (rc, err[-300:]))
    sid = next(iter(fake.w.sessions), "cs_missing")
    check("the session id printed", sid in out, out)
    rc, out, err, _ = c.run(["session", "show", sid])
    check("session show -> 0", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = c.run(["session", "end", sid])
    check("session end -> 0, billing stopped at the API", rc == 0 and fake.w.sessions.get(sid, {}).get("_ended"),
          (rc, err[-300:]))
    n = len(fake.reqs("session_end"))
    rc, out, err, _ = c.run(["session", "end", sid])
    check("ending it again -> 0 (idempotent)", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = c.run(["session", "end", "not-a-session"])
    check("a malformed session id -> 2", rc == 2, (rc, err[-200:]))
    rc, out, err, _ = c.run(["session", "end", "cs_0000000000000000deadbeef"])
    check("an unknown session -> 66", rc == 66, (rc, err[-200:]))


@test
def sess_cap_and_speak():
    c = Ctx()
    fake.w.add_agent("A5")
    fake.w.session_cap = 1
    rc, out, err, _ = c.run(["agent", "speak", "A5", "--text", "hello"])
    check("agent speak with no live room -> 66", rc == 66, (rc, err[-300:]))
    rc, out, err, _ = c.run(["session", "start", "--agent", "A5"] + START)
    check("first session -> 0", rc == 0, (rc, err[-300:]))
    rc, out, err, _ = c.run(["session", "start", "--agent", "A5"] + START)
    no_panic(rc, err)
    check("over the plan's cap (403 CONCURRENCY_LIMIT_REACHED) -> non-zero", rc not in (0, 101), (rc, err[-300:]))
    rc, out, err, _ = c.run(["agent", "speak", "A5", "--text", "hello"])
    check("agent speak with a live room -> 0", rc == 0 and fake.reqs("speak"), (rc, err[-300:]))
    rc, out, err, _ = c.run(["embed-token", "--agent", "A5"])
    check("embed-token -> 0", rc == 0 and fake.reqs("embed_token"), (rc, err[-300:]))


# ---------------------------------------------------------------- the fake itself
section("fake", probe=None)


@test
def fake_selftest():
    selftest(report=check)


def probe_ok(args):
    if args is None:
        return True, ""
    try:
        p = subprocess.run([BIN] + args, capture_output=True, timeout=30, stdin=subprocess.DEVNULL,
                           env={"PATH": os.environ["PATH"], "HOME": tempfile.gettempdir(), "NO_COLOR": "1"})
    except Exception as e:
        return False, str(e)
    return p.returncode == 0, p.stderr.decode(errors="replace")[:200]


def main():
    args = sys.argv[1:]
    skip_missing = "--skip-missing" in args or os.environ.get("QA_SKIP_MISSING") == "1"
    if "--list" in args:
        for name in SECTIONS:
            names = [fn.__name__ for sec, fn in TESTS if sec == name]
            print(f"{name} ({len(names)}): {' '.join(names)}")
        return
    # --only G / --skip G (also --only=G,H): run one group alone, or leave one out.
    only, skip = [], []
    rest = []
    it = iter(args)
    for a in it:
        for flag, dest in (("--only", only), ("--skip", skip)):
            if a == flag:
                dest.extend(next(it, "").split(","))
                break
            if a.startswith(flag + "="):
                dest.extend(a.split("=", 1)[1].split(","))
                break
        else:
            rest.append(a)
    for g in only + skip:
        if g not in SECTIONS:
            sys.exit(f"qa.py: unknown group {g!r}; groups: {', '.join(SECTIONS)}")
    args = [a for a in rest if not a.startswith("--")]
    secs = [a for a in args if a in SECTIONS] + only
    flt = [a for a in args if a not in SECTIONS]
    probed = {}
    skipped = []
    skipped_checks = []
    for sec, t in TESTS:
        if secs and sec not in secs:
            continue
        if sec in skip:
            continue
        if flt and not any(f in t.__name__ for f in flt):
            continue
        if sec not in probed:
            probed[sec] = probe_ok(SECTIONS[sec])
            if not probed[sec][0]:
                CUR["name"] = f"section {sec}"
                what = f"binary has `bithuman {' '.join(SECTIONS[sec])}`"
                if sec in SKIP_IF_MISSING:
                    print(f"== SKIP section {sec}: `bithuman {' '.join(SECTIONS[sec])}` exits non-zero")
                    skipped.append(sec)
                elif skip_missing:
                    print(f"== SKIP section {sec}: {what} failed")
                    skipped.append(sec)
                else:
                    check(what, False, probed[sec][1])
        if not probed[sec][0]:
            if sec in skipped:
                print(f"SKIP: [{sec}] {t.__name__}: the binary has no `bithuman {' '.join(SECTIONS[sec])}`")
                skipped_checks.append((sec, t.__name__))
            continue
        CUR["name"] = t.__name__
        CUR["verbose"] = sec in VERBOSE
        fake.reset()
        t0 = time.time()
        print(f"== [{sec}] {t.__name__}", flush=True)
        try:
            t()
        except Exception:
            check("no exception", False, traceback.format_exc())
        print(f"   ({time.time()-t0:.1f}s)", flush=True)
    # global: secret never in output
    for name, a, out, err in ALL_OUTPUT:
        if SECRET in out or SECRET in err:
            CUR["name"] = name
            check(f"secret leaked in output of {a}", False, (out + err)[:300])
    sec_of = {fn.__name__: sec for sec, fn in TESTS}
    per = {}
    for n, w, good, d in RESULTS:
        sec = sec_of.get(n, n.replace("section ", ""))
        per.setdefault(sec, [0, 0])[0 if good else 1] += 1
    print("\nper section (passed/failed): " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in per.items()))
    for n, w, d in NOTES:
        print(f"NOTE {n}: {w}")
    fails = [r for r in RESULTS if not r[2]]
    print(f"\n{len(RESULTS)-len(fails)} passed, {len(fails)} failed"
          + (f", {len(skipped_checks)} skipped" if skipped_checks else "")
          + (f"; sections skipped: {', '.join(skipped)}" if skipped else ""))
    for n, w, _, d in fails:
        print(f"FAIL {n}: {w}")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
