#!/usr/bin/env python3
"""Black-box acceptance checks for bithuman, written from SPEC.md and API-NOTES.md
only, against an independent fake API (fake.py, Python standard library) -- not the
project's own sandbox -- so the CLI is not only tested against a fake it agrees with.

Run: cargo build && python3 tests/blackbox/qa.py [name-filter ...]
(BITHUMAN_BIN=path overrides the binary; default target/debug/bithuman)."""
import base64, hashlib, json, os, re, signal, stat, subprocess, sys, tempfile, time, traceback
sys.path.insert(0, os.path.dirname(__file__))
from fake import Fake, ok, envelope, record

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


class Ctx:
    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="qa-home-")
        self.xdg = os.path.join(self.home, ".config")
        os.makedirs(self.xdg)
        self.cwd = tempfile.mkdtemp(prefix="qa-cwd-")

    def env(self, extra=None, secret=True, base=True):
        e = {"PATH": os.environ["PATH"], "HOME": self.home, "XDG_CONFIG_HOME": self.xdg}
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
        p = subprocess.run([BIN] + args, env=env, input=stdin if isinstance(stdin, (bytes, type(None))) else stdin.encode(),
                           capture_output=True, timeout=timeout, cwd=cwd or self.cwd)
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

TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


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


def main():
    flt = sys.argv[1:] 
    for t in TESTS:
        if flt and not any(f in t.__name__ for f in flt):
            continue
        CUR["name"] = t.__name__
        fake.reset()
        t0 = time.time()
        print(f"== {t.__name__}", flush=True)
        try:
            t()
        except Exception:
            check("no exception", False, traceback.format_exc())
        print(f"   ({time.time()-t0:.1f}s)", flush=True)
    # global: secret never in output
    for name, args, out, err in ALL_OUTPUT:
        if SECRET in out or SECRET in err:
            CUR["name"] = name
            check(f"secret leaked in output of {args}", False, (out + err)[:300])
    fails = [r for r in RESULTS if not r[2]]
    print(f"\n{len(RESULTS)-len(fails)} passed, {len(fails)} failed")
    for n, w, _, d in fails:
        print(f"FAIL {n}: {w}")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
