"""Scriptable fake of the bitHuman API, written from SPEC.md / API-NOTES.md and the
vendor's api/openapi.yaml only (never from the project's own emulator).

Two layers:
- scripting (part one): `fake.script(route, [responses])` answers a route with canned
  responses (the last one repeats); `fake.defaults[route]` replaces a route's answer.
- a small stateful world (v0.2), `fake.w`: agents, deletions, video / model-add /
  dynamics jobs that advance one step per poll, a credit balance charged at submit and
  refunded on failure (402 INSUFFICIENT_BALANCE when short), a usage ledger,
  Idempotency-Key replays on every submit route (`Idempotency-Replayed: true`, nothing
  billed twice), and a 429 knob with Retry-After.

v0.3 (API-NOTES §9, §14-18), on top:
- a plan (`Fake(plan=...)`, env FAKE_PLAN, `--plan` in serve mode; default business) with
  the account's three token buckets (generate, write, read: per-minute = burst,
  continuous refill; §17's route table; /v1/validate, /v1/me, runtime and embed tokens
  and the file host are not metered). Every metered answer carries X-RateLimit-Limit,
  -Remaining and -Reset (Unix time when full); past a bucket: 429 RATE_LIMITED with
  Retry-After. `w.set_limits(read=N, ...)` makes small buckets for a check; scripted
  answers (`fake.script`) are never metered. Plan `free`: 403 PLAN_REQUIRED but /v1/me.
  `w.hold[route] = seconds` holds every request of a route (outside the lock).
- webhooks: create (the `whsec_` secret shown once), list/get (secret redacted),
  delete, test (one `ping`, synchronous), deliveries (newest first); signed deliveries
  (HMAC-SHA256 over `timestamp + "." + raw body`, key = the whole `whsec_` string,
  `sha256=` + lowercase hex; X-BitHuman-Event/-Delivery/-Timestamp/-Signature) when an
  agent or video ends, 3 attempts (at once, +2 s, +5 s, times `w.webhook_scale`), 10 s
  timeout (`w.webhook_timeout`); `w.sent_events` lists every attempt.
  Fault knobs (SPEC §16's `drop=P,duplicate=P,late=P,bad-signature=P`, each a chance per
  attempt): `Fake(webhook_faults="drop=1")`, env FAKE_WEBHOOK_FAULTS, `--webhook-faults`
  in serve mode, or `w.webhook_faults` (a dict). drop: the attempt never reaches the
  receiver (recorded as a failed attempt, status null, so the next one follows); duplicate:
  the same delivery (same id and signature) is posted twice; late: held
  `w.webhook_late` seconds (default 3) before it is sent, so events arrive out of order;
  bad-signature: signed with a key that is not the webhook's. `w.webhook_seed` seeds
  the dice (env FAKE_WEBHOOK_SEED).
- agents that end by the clock: `w.gen_seconds = S` (env FAKE_GEN_SECONDS, `--gen-seconds`
  in serve mode) makes minted agents ready S seconds after their creation whether polled
  or not, firing `agent.ready` at that moment (the API's jobs run on their own, §3.7);
  unset, they walk one step per poll as in part one.
- live sessions: POST /v1/runtime-tokens/request (mode gpu -> cs_ session; no mode -> a
  plain token), billed per second at the model's rate per minute (`w.session_speed`
  scales the clock), the plan's concurrency cap (403 CONCURRENCY_LIMIT_REACHED,
  `w.session_cap`), GET and POST .../end of /v1/runtime-sessions/{id} (end idempotent),
  /v2/{user_id}/ runtime-sessions list, messages, terminate and runtime/revoke-all
  (user_id from /v1/me; revoke ends sessions at once and then 403 RUNTIME_SUSPENDED),
  speak / add-context (404 "No active rooms" without a live session), agent sessions,
  POST /v1/embed-tokens/request.

Everything the server received is in `fake.log` (`fake.reqs(route)`), each entry with
method, path, query (raw and parsed), lower-cased headers, raw body, parsed JSON, the
route name, the time, and the status it was answered with.

Agent ids that the world has not seen behave as ready essence-1 agents (created on
first touch), except: ids in `w.missing` or starting with `A404` answer 404 NOT_FOUND,
and deleted ids answer 410 AGENT_DELETED (or AGENT_PURGED) on every agent-scoped route.
`GET /v1/agent/status/{id}` keeps part one's behaviour for ids the world does not hold
(a plain ready record), so the part-one checks are unchanged.

Run `python3 fake.py` for a self-test of the fake against the vendor's documented
shapes (urllib only, no CLI involved).
"""
import hashlib, hmac, json, math, os, re, threading, time, uuid
from datetime import datetime, timezone, timedelta
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import parse_qs

ROUTES = [
    ("POST", r"^/v1/agent/generate$", "generate"),
    ("GET", r"^/v1/agent/status/([^/?]+)$", "status"),
    ("GET", r"^/v1/agent/([^/?]+)/model/download$", "download"),
    ("POST", r"^/v1/agent/([^/?]+)/models$", "add_model"),
    ("POST", r"^/v1/validate$", "validate"),
    ("POST", r"^/v1/files/upload$", "upload"),
    ("GET", r"^/files/(.+)$", "filehost"),
    ("GET", r"^/v1/agent/([^/?]+)$", "agent"),
    ("POST", r"^/v1/agent/([^/?]+)$", "agent_update"),
    ("DELETE", r"^/v1/agent/([^/?]+)$", "agent_delete"),
    ("GET", r"^/v1/agents$", "agents"),
    ("POST", r"^/v1/video/generate$", "video_generate"),
    ("GET", r"^/v1/video/([^/?]+)$", "video_status"),
    ("POST", r"^/v1/dynamics/generate$", "dynamics_generate"),
    ("GET", r"^/v1/dynamics/([^/?]+)$", "dynamics_status"),
    ("GET", r"^/v1/me$", "me"),
    ("GET", r"^/v1/pricing$", "pricing"),
    ("GET", r"^/v1/usage$", "usage"),
    # v0.3 (API-NOTES §14-18)
    ("POST", r"^/v1/webhooks$", "webhook_create"),
    ("GET", r"^/v1/webhooks$", "webhook_list"),
    ("GET", r"^/v1/webhooks/([^/?]+)$", "webhook_get"),
    ("DELETE", r"^/v1/webhooks/([^/?]+)$", "webhook_delete"),
    ("POST", r"^/v1/webhooks/([^/?]+)/test$", "webhook_test"),
    ("GET", r"^/v1/webhooks/([^/?]+)/deliveries$", "webhook_deliveries"),
    ("POST", r"^/v1/runtime-tokens/request$", "runtime_token"),
    ("GET", r"^/v1/runtime-sessions/([^/?]+)$", "session_get"),
    ("POST", r"^/v1/runtime-sessions/([^/?]+)/end$", "session_end"),
    ("GET", r"^/v2/([^/?]*)/runtime-sessions$", "v2_sessions"),
    ("GET", r"^/v2/([^/?]*)/runtime-sessions/([^/?]+)/messages$", "v2_messages"),
    ("POST", r"^/v2/([^/?]*)/runtime-sessions/([^/?]+)/terminate$", "v2_terminate"),
    ("POST", r"^/v2/([^/?]*)/runtime/revoke-all$", "v2_revoke_all"),
    ("POST", r"^/v1/agent/([^/?]+)/speak$", "speak"),
    ("POST", r"^/v1/agent/([^/?]+)/add-context$", "add_context"),
    ("GET", r"^/v1/agent/([^/?]+)/sessions$", "agent_sessions"),
    ("POST", r"^/v1/embed-tokens/request$", "embed_token"),
]

SUBMIT_ROUTES = ("generate", "video_generate", "dynamics_generate", "add_model")
# API-NOTES §17: per-account token buckets, requests/min = burst, continuous refill.
PLANS = {  # plan -> (generate, write, read, concurrent sessions)
    "free": (4, 30, 120, 1), "creator": (10, 60, 240, 3), "pro": (30, 180, 720, 10),
    "business": (60, 360, 1440, 50), "enterprise": (120, 720, 2880, 200)}
GENERATE_BUCKET = {"generate", "video_generate", "dynamics_generate"}
# Not metered: /v1/validate (measured: no headers), the file host, /v1/me and token
# requests (per-IP limits, not plan tiers), runtime tokens (exempt, §17).
UNMETERED = {"validate", "filehost", "me", "runtime_token", "embed_token", None}
SESSION_RATES = {"essence-2": 4, "expression-2": 4, "essence-1": 2, "expression-1": 4}
WEBHOOK_EVENTS = ["agent.ready", "agent.failed", "video.completed", "video.failed", "ping"]
# Routes that need the api-secret header (validate answers valid:false without it).
AUTH_ROUTES = {r[2] for r in ROUTES} - {"validate", "filehost"}

AGENT_MODELS = ["essence-1", "expression-1", "essence-2", "expression-2", "auto"]
ADDABLE = ["essence-1", "essence-2", "expression-1", "expression-2"]
VIDEO_MODELS = ["essence-1", "expression-1", "essence-2", "essence-2-max", "expression-2"]
PRICING = {
    "unit": "credits",
    "agent_generation": {
        "unit": "credits",
        "by_model": {"essence-1": 250, "expression-1": 250, "essence-2-max": 500,
                     "expression-2": 2000, "essence-2": 500, "auto": 2000},
        "note": "auto charges the routed model's rate; adds charge the same per-model rates "
                "(adding expression-1 is free)",
    },
    "talking_video": {
        "unit": "credits_per_minute",
        "billing": "ceil(minutes) * rate, minimum 1 minute",
        "rates": {"essence-1": 2, "expression-1": 4, "expression-2": 4, "essence-2-max": 8, "essence-2": 4},
    },
    "dynamics_generation": {"flat": 250, "note": "per generation"},
    "notes": "Authoritative charges are enforced server-side at request time.",
}
ADD_PRICE = {"essence-1": 250, "essence-2": 500, "expression-1": 0, "expression-2": 2000}
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"MP4DATA-" * 100
IMX = b"IMXDATA-" * 100


def envelope(status, code, message, headers=None):
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    return (status, h,
            {"error": {"code": code, "message": message, "httpStatus": status},
             "status": "error", "status_code": status})


def ok(body, status=200, headers=None):
    h = {"Content-Type": "application/json"}
    h.update(headers or {})
    return (status, h, body)


def record(aid="A91XMB7113", status="ready", progress=1.0, step="done", **extra):
    d = {"agent_id": aid, "status": status, "progress": progress, "progress_msg": "x",
         "current_step": step, "error_message": None, "event_type": "lip_created",
         "model_url": None, "created_at": "2026-08-01T13:58:51+00:00"}
    d.update(extra)
    return ok({"success": True, "data": d})


def iso(t):
    return datetime.fromtimestamp(t, timezone.utc).isoformat()


def parse_iso(s):
    """ISO-8601 date or date-time -> aware datetime; ValueError when malformed."""
    s = s.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return datetime.fromisoformat(s).replace(tzinfo=timezone.utc)
    d = datetime.fromisoformat(s.replace("Z", "+00:00"))
    return d if d.tzinfo else d.replace(tzinfo=timezone.utc)


FAULTS = ("drop", "duplicate", "late", "bad-signature")


def parse_faults(text):
    """"drop=P,duplicate=P,late=P,bad-signature=P" (any subset, P in 0..1) -> dict."""
    out = {}
    for part in filter(None, (text or "").replace(" ", "").split(",")):
        k, _, v = part.partition("=")
        if k not in FAULTS:
            raise ValueError(f"unknown webhook fault {k!r}; one of {', '.join(FAULTS)}")
        p = float(v)
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"webhook fault {k}={v}: give a chance from 0 to 1")
        out[k] = p
    return out


class World:
    """The fake server's state. Knobs are plain attributes; checks set them directly."""

    def __init__(self, base, plan="business", plan_explicit=False, webhook_faults=""):
        self.base = base
        # ---- v0.3: plan, rate limits (API-NOTES §9, §17)
        if plan not in PLANS:
            raise ValueError(f"unknown plan {plan!r}; one of {', '.join(PLANS)}")
        self.plan = plan
        self.plan_explicit = plan_explicit   # /v1/me names the plan only when it was chosen
        g, wr, rd, conc = PLANS[plan]
        self.limits = {"generate": g, "write": wr, "read": rd}
        self.buckets = {}         # bucket -> [tokens, last refill time]
        self.rate_headers = True  # X-RateLimit-* on every metered answer
        self.session_cap = conc
        self.hold = {}            # route -> seconds every request of it is held (outside the lock)
        # ---- v0.3: webhooks (API-NOTES §14)
        self.webhooks = {}        # id -> webhook dict (with "secret")
        self.deliveries = {}      # webhook id -> [delivery dicts], newest first
        self.webhook_scale = 1.0  # multiplies the 2 s / 5 s retry delays
        self.webhook_timeout = 10.0
        self.sent_events = []     # every delivery attempt: (webhook id, event id, status or None)
        self.webhook_faults = parse_faults(webhook_faults)  # fault -> chance per attempt
        self.webhook_late = 3.0   # seconds a "late" attempt is held
        seed = os.environ.get("FAKE_WEBHOOK_SEED")
        self.webhook_seed = int(seed) if seed else None
        self._dice = None
        self.gen_seconds = float(os.environ["FAKE_GEN_SECONDS"]) if os.environ.get("FAKE_GEN_SECONDS") else None
        # ---- v0.3: live sessions (API-NOTES §15-16)
        self.user_id = "u_12345"
        self.sessions = {}        # cs_ id -> session dict
        self.session_speed = 1.0  # session seconds per wall second (billing clock)
        self.runtime_suspended = False
        self.balance = 1_000_000
        self.agents = {}          # id -> agent dict (server fields; "_x" keys are private)
        self.order = 0            # creation counter, newest first in lists
        self.deleted = {}         # id -> "AGENT_DELETED" | "AGENT_PURGED"
        self.missing = set()      # ids that answer 404 NOT_FOUND
        self.videos = {}          # job_id -> job dict
        self.dynamics = {}        # agent_id -> job dict
        self.idem = {}            # (route, key) -> (status, headers, body)
        self.usage = []           # usage rows, newest first
        self.rate_limit_next = 0  # the next N submits get 429
        self.retry_after = 1
        # The live API answers 400 VIDEO_INPUT_NOT_SUPPORTED to `video`; off by default so
        # part one's all-fields check can see every field sent (gen_video_not_supported
        # scripts that answer itself).
        self.reject_video = False
        self.mint_agent_ids = False  # generate: mint a fresh id per request (else A91XMB7113)
        self.gen_polls = 2        # minted agents: status polls before ready
        self.gen_outcome = "ready"
        self.video_polls = 1      # status polls that still say processing
        self.video_outcome = "completed"  # | "failed" | "never"
        self.video_duration = 12.5
        self.video_error = "Render failed: lip sync worker crashed"
        self.video_url = None     # override the completed job's video_url (str)
        self.video_job_id = None  # override the minted job id (str)
        self.add_polls = 1        # GET /v1/agent/{id} polls before an added model is done
        self.add_outcome = "ready"  # | "failed"
        self.dyn_polls = 1
        self.dyn_outcome = "ready"
        self.list_always_more = False  # GET /v1/agents: has_more is always true
        self.list_ignore_offset = False  # ... and every page is the first page
        self.list_total = None    # override pagination.total
        self.usage_always_more = False
        self.counter = 0

    # ---------------------------------------------------------------- rate limits
    def set_limits(self, **kw):
        """set_limits(generate=N, write=N, read=N): small buckets for a check (full at once)."""
        for k, v in kw.items():
            if k not in self.limits:
                raise ValueError(k)
            self.limits[k] = v
            self.buckets.pop(k, None)

    def take(self, bucket, now=None):
        """Take one token. -> (allowed, headers)."""
        now = time.time() if now is None else now
        cap = self.limits[bucket]
        tokens, last = self.buckets.get(bucket, [float(cap), now])
        tokens = min(float(cap), tokens + (now - last) * cap / 60.0)
        allowed = tokens >= 1.0
        if allowed:
            tokens -= 1.0
        self.buckets[bucket] = [tokens, now]
        h = {}
        if self.rate_headers:
            h = {"X-RateLimit-Limit": str(cap), "X-RateLimit-Remaining": str(int(math.floor(tokens))),
                 "X-RateLimit-Reset": str(int(math.ceil(now + (cap - tokens) * 60.0 / cap)))}
        if not allowed:
            h["Retry-After"] = str(max(1, int(math.ceil((1.0 - tokens) * 60.0 / cap))))
        return allowed, h

    # ---------------------------------------------------------------- webhooks
    def fire(self, event, data):
        """An agent or video ended: deliver to every matching webhook, in the background."""
        for hook in list(self.webhooks.values()):
            if hook["active"] and (not hook["events"] or event in hook["events"]):
                rec = self.new_delivery(hook, event, data)
                threading.Thread(target=self.deliver, args=(hook, rec), daemon=True).start()

    def new_delivery(self, hook, event, data):
        now = time.time()
        env = {"id": "evt_" + uuid.uuid4().hex, "event": event, "created": int(now), "data": data}
        rec = {"id": str(uuid.uuid4()), "event_type": event, "status_code": None, "attempts": 0,
               "delivered": False, "created_at": iso(now), "updated_at": iso(now),
               "_body": json.dumps(env, separators=(",", ":")).encode(), "_event_id": env["id"]}
        self.deliveries.setdefault(hook["id"], []).insert(0, rec)
        return rec

    def sign(self, secret, ts, body):
        """API-NOTES §14.3: HMAC-SHA256, key = the whole whsec_ string, over ts + "." + raw body."""
        return "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()

    def roll(self, fault):
        """True with the chance the fault knob gives (one throw per attempt and fault)."""
        import random
        p = self.webhook_faults.get(fault, 0.0)
        if p <= 0.0:
            return False
        with self.lock:
            if self._dice is None:
                self._dice = random.Random(self.webhook_seed)
            return self._dice.random() < p

    def post_once(self, hook, rec, bad):
        """One POST of a delivery; the receiver's status, None on a network error/timeout."""
        import urllib.request, urllib.error
        ts = str(int(time.time()))
        key = ("whsec_not" + hook["secret"]) if bad else hook["secret"]
        h = {"Content-Type": "application/json", "User-Agent": "bitHuman-Webhooks/1.0",
             "X-BitHuman-Event": rec["event_type"], "X-BitHuman-Delivery": rec["_event_id"],
             "X-BitHuman-Timestamp": ts, "X-BitHuman-Signature": self.sign(key, ts, rec["_body"])}
        try:
            r = urllib.request.Request(hook["url"], data=rec["_body"], headers=h, method="POST")
            with urllib.request.urlopen(r, timeout=self.webhook_timeout) as resp:
                return resp.status
        except urllib.error.HTTPError as e:
            return e.code
        except Exception:
            return None

    def deliver(self, hook, rec):
        """Three attempts: at once, then 2 s and 5 s later (x webhook_scale); 10 s timeout each;
        each attempt with the fault knobs' dice. Called without the lock held; records under it."""
        for i, delay in enumerate((0.0, 2.0, 5.0)):
            if delay:
                time.sleep(delay * self.webhook_scale)
            drop, dup = self.roll("drop"), self.roll("duplicate")
            late, bad = self.roll("late"), self.roll("bad-signature")
            if late:
                time.sleep(self.webhook_late)
            status = None
            if not drop:
                status = self.post_once(hook, rec, bad)
                if dup:
                    self.post_once(hook, rec, bad)
            with self.lock:
                self.sent_events.append((hook["id"], rec["_event_id"], status))
                rec.update(attempts=i + 1, status_code=status, updated_at=iso(time.time()),
                           delivered=status is not None and 200 <= status < 300)
            if rec["delivered"]:
                break
        return rec

    # ---------------------------------------------------------------- sessions
    def session_view(self, s, now=None):
        now = time.time() if now is None else now
        end = s["_ended"] if s["_ended"] is not None else now
        secs = round(max(0.0, end - s["_t0"]) * self.session_speed, 1)
        credits = int(secs * SESSION_RATES[s["model"]] // 60)
        return secs, credits

    def end_session(self, s, note="Session ended: the avatar left the room and billing stopped."):
        """Stop billing (idempotent): the first end charges the credits and fixes the answer."""
        if s["_end_answer"] is None:
            s["_ended"] = time.time()
            secs, credits = self.session_view(s)
            self.balance -= min(credits, self.balance)
            if credits:
                self.ledger(credits, "cloud_session_" + s["model"], s["agent_id"], "session")
            s["_end_answer"] = {
                "session_id": s["session_id"], "status": "ended", "agent_id": s["agent_id"],
                "model": s["model"], "room_name": s["room_name"], "started_at": iso(s["_t0"]),
                "ended_at": iso(s["_ended"]), "billed_seconds": secs, "credits": credits,
                "ended": True, "slot_released": True, "note": note}
        return s["_end_answer"]

    def live_sessions(self):
        return [s for s in self.sessions.values() if s["_ended"] is None]

    # ---------------------------------------------------------------- helpers
    def next_n(self):
        self.counter += 1
        return self.counter

    def add_agent(self, aid, **fields):
        self.order += 1
        now = time.time()
        a = {"code": aid, "agent_id": aid, "name": f"Agent {aid}", "description": None,
             "language": "en", "gender": None, "model": "essence-1",
             "supported_models": ["essence-1"],
             "model_status": {"essence-1": {"state": "ready", "reason": None}},
             "subject": "human", "system_prompt": "You are helpful.", "voice_id": "v_1",
             "image_url": f"{self.base}/files/images/{aid}.png",
             "video_url": f"{self.base}/files/idvideo/{aid}.mp4",
             "model_url": f"{self.base}/files/models/{aid}.imx",
             "status": "ready", "event_type": "lip_created", "progress": 1.0,
             "progress_msg": "Complete", "current_step": "done", "error_message": None,
             "created_at": iso(now - 1000 + self.order), "updated_at": iso(now),
             "dynamics": {}, "_order": self.order, "_pending": {}, "_polls": None}
        a.update(fields)
        self.agents[aid] = a
        return a

    def seed_agents(self, n, prefix="L", statuses=("ready",)):
        """n agents, created oldest first (so the last one is the newest)."""
        ids = []
        for i in range(n):
            aid = f"{prefix}{i:05d}"
            self.add_agent(aid, status=statuses[i % len(statuses)],
                           created_at=iso(1_780_000_000 + i * 60))
            ids.append(aid)
        return ids

    def lookup(self, aid, create=True):
        """-> (agent, None) or (None, error response)."""
        if aid in self.deleted:
            code = self.deleted[aid]
            return None, envelope(410, code, f"Agent {aid} has been deleted"
                                  + (" and purged" if code == "AGENT_PURGED" else ""))
        if aid in self.missing or aid.startswith("A404"):
            return None, envelope(404, "NOT_FOUND", f"Agent not found for code: {aid}")
        a = self.agents.get(aid)
        if a is None and create:
            a = self.add_agent(aid)
        return a, None

    def public(self, a):
        return {k: v for k, v in a.items() if not k.startswith("_")}

    def charge(self, amount, pricing_code, agent_code, activity="api"):
        if amount > self.balance:
            return envelope(402, "INSUFFICIENT_BALANCE",
                            f"Insufficient credits: this costs {amount}, balance is {self.balance}")
        self.balance -= amount
        if amount:
            self.ledger(amount, pricing_code, agent_code, activity)
        return None

    def refund(self, amount, pricing_code, agent_code):
        if amount:
            self.balance += amount
            self.ledger(-amount, "credit_refund_" + pricing_code, agent_code, "refund")

    def ledger(self, change, pricing_code, agent_code, activity, created=None):
        self.usage.insert(0, {"id": str(uuid.uuid4()), "activity_type": activity,
                              "pricing_code": pricing_code, "app": "imaginex",
                              "agent_code": agent_code, "credits_change": change,
                              "frames_rendered": None, "room_name": None,
                              "start_time": None, "end_time": None,
                              "created_at": created or iso(time.time())})

    def seed_usage(self, rows):
        """rows: list of (created_at ISO, credits_change, agent_code, extra dict); kept newest first.
        An extra value "<absent>" removes that key from the row."""
        for created, change, agent, extra in rows:
            r = {"id": str(uuid.uuid4()), "activity_type": "api", "pricing_code": "agent_generation",
                 "app": "imaginex", "agent_code": agent, "credits_change": change,
                 "frames_rendered": None, "room_name": None, "start_time": None,
                 "end_time": None, "created_at": created}
            r.update(extra or {})
            for k in [k for k, v in r.items() if v == "<absent>"]:
                del r[k]
            self.usage.append(r)
        self.usage.sort(key=lambda r: r["created_at"], reverse=True)

    def end_agent_later(self, a):
        """A minted agent on the clock: generating now, ready (or failed) at _ends_at."""
        a.update(status="generating", progress=0.5, current_step="video")

        def end():
            with self.lock:
                if a["status"] in ("ready", "failed") or a["agent_id"] in self.deleted:
                    return
                a["_polls"] = 1
                a["_ends_at"] = None
                self.advance_agent(a)
        t = threading.Timer(max(0.0, a["_ends_at"] - time.time()), end)
        t.daemon = True
        t.start()

    def advance_agent(self, a):
        """One poll of an agent: minted agents walk to ready; pending model adds settle."""
        if a.get("_ends_at") is None and a.get("_polls") is not None and a["status"] not in ("ready", "failed"):
            a["_polls"] -= 1
            if a["_polls"] <= 0:
                if a.get("_outcome", "ready") == "ready":
                    a.update(status="ready", progress=1.0, current_step="done")
                    self.fire("agent.ready", {"agent_id": a["agent_id"], "code": a["agent_id"]})
                else:
                    a.update(status="failed", progress=0.3, current_step="voice_image",
                             error_message="Voice processing failed (fake)")
                    self.refund(a.get("_price", 0), "agent_generation", a["agent_id"])
                    self.fire("agent.failed", {"agent_id": a["agent_id"], "code": a["agent_id"],
                                               "error": a["error_message"]})
            else:
                a.update(status="generating", progress=0.5, current_step="video")
        for model, p in list(a["_pending"].items()):
            p["polls"] -= 1
            if p["polls"] > 0:
                continue
            del a["_pending"][model]
            if p["outcome"] == "ready":
                for m in ([model, "essence-2-max"] if model == "essence-2" else [model]):
                    if m not in a["supported_models"]:
                        a["supported_models"].append(m)
                    a["model_status"][m] = {"state": "ready", "reason": None}
            else:
                a["model_status"][model] = {"state": "failed",
                                            "reason": f"{model} training failed (fake)"}
                self.refund(p["credits"], "model_add_" + model, a["agent_id"])


class Fake:
    def __init__(self, plan=None, host="127.0.0.1", port=0, webhook_faults=None):
        """plan: the account's plan (default: $FAKE_PLAN, else business); webhook_faults:
        "drop=P,duplicate=P,late=P,bad-signature=P" (default: $FAKE_WEBHOOK_FAULTS, else none)."""
        self.webhook_faults = webhook_faults if webhook_faults is not None else os.environ.get("FAKE_WEBHOOK_FAULTS", "")
        parse_faults(self.webhook_faults)   # refused at once when malformed
        self.plan_explicit = bool(plan or os.environ.get("FAKE_PLAN"))
        self.plan = plan or os.environ.get("FAKE_PLAN") or "business"
        if self.plan not in PLANS:
            raise ValueError(f"unknown plan {self.plan!r}; one of {', '.join(PLANS)}")
        self.log = []
        self.queues = {}
        self.defaults = {}
        self.lock = threading.RLock()
        fake = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def read_body(self):
                if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
                    out = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return out
                        out += self.rfile.read(size)
                        self.rfile.readline()
                n = int(self.headers.get("Content-Length") or 0)
                return self.rfile.read(n) if n else b""

            def handle_any(self, method):
                body = self.read_body()
                path, _, query = self.path.partition("?")
                req = {"method": method, "path": path, "query": query,
                       "q": {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()},
                       "headers": {k.lower(): v for k, v in self.headers.items()},
                       "body": body, "t": time.time()}
                try:
                    req["json"] = json.loads(body) if body else None
                except Exception:
                    req["json"] = "<unparseable>"
                route, m = None, None
                for meth, rx, name in ROUTES:
                    mm = re.match(rx, path)
                    if mm and meth == method:
                        route, m = name, mm
                        break
                req["route"] = route
                with fake.lock:
                    fake.log.append(req)
                    hold = fake.w.hold.get(route)
                if hold:
                    time.sleep(hold)   # outside the lock: held requests overlap
                with fake.lock:
                    q = fake.queues.get(route)
                    if q:
                        resp = q.pop(0) if len(q) > 1 else q[0]
                    else:
                        resp = fake.defaults.get(route)
                    if callable(resp) and not getattr(resp, "unlocked", False):
                        resp = resp(req, m)
                if callable(resp):     # handlers that do slow work take the lock themselves
                    resp = resp(req, m)
                if resp is None:
                    resp = envelope(404, "NOT_FOUND", "no route")
                status, headers, b = resp
                req["answer"] = status
                req["replayed"] = headers.get("Idempotency-Replayed") == "true"
                if isinstance(b, (dict, list)) and not (isinstance(b, list) and b and not isinstance(b[0], dict)):
                    b = json.dumps(b).encode()
                elif isinstance(b, str):
                    b = b.encode()
                chunks = b if isinstance(b, list) else [b]   # list: bytes pieces and float sleeps
                total = sum(len(c) for c in chunks if isinstance(c, bytes))
                try:
                    if headers.get("_delay"):
                        time.sleep(headers["_delay"])
                    self.send_response(status)
                    for k, v in headers.items():
                        if not k.startswith("_"):
                            self.send_header(k, v)
                    if headers.get("_nocl"):
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    else:
                        self.send_header("Content-Length", str(headers.get("_cl", total)))
                    self.end_headers()
                    for c in chunks:
                        if isinstance(c, bytes):
                            self.wfile.write(c)
                            self.wfile.flush()
                        else:
                            time.sleep(c)
                    if headers.get("_cl"):
                        self.wfile.flush()
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def do_GET(self):
                self.handle_any("GET")

            def do_POST(self):
                self.handle_any("POST")

            def do_PUT(self):
                self.handle_any("PUT")

            def do_DELETE(self):
                self.handle_any("DELETE")

            def do_PATCH(self):
                self.handle_any("PATCH")

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            request_queue_size = 128

            def handle_error(self, request, client_address):
                pass

        self.srv = Server((host, port), H)
        self.port = self.srv.server_address[1]
        self.base = f"http://{host}:{self.port}"
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()
        self.reset()

    # ---------------------------------------------------------------- control
    def reset(self):
        with self.lock:
            self.log.clear()
            self.queues.clear()
            self.w = World(self.base, self.plan, self.plan_explicit, self.webhook_faults)
            self.w.lock = self.lock
            self.defaults = {
                "generate": self.h_generate,
                "status": self.h_status,
                "validate": lambda req, m: ok({"valid": bool(req["headers"].get("api-secret"))}),
                "upload": self.h_upload,
                "download": self.h_download,
                "filehost": self.h_filehost,
                "agent": self.h_agent,
                "agent_update": self.h_agent_update,
                "agent_delete": self.h_agent_delete,
                "agents": self.h_agents,
                "add_model": self.h_add_model,
                "video_generate": self.h_video_generate,
                "video_status": self.h_video_status,
                "dynamics_generate": self.h_dynamics_generate,
                "dynamics_status": self.h_dynamics_status,
                "me": self.h_me,
                "pricing": lambda req, m: ok({"success": True, "data": json.loads(json.dumps(PRICING))}),
                "usage": self.h_usage,
            }
            for r in ROUTES:
                name = r[2]
                h = getattr(self, "h_" + name, None)
                if name not in self.defaults and h:
                    self.defaults[name] = h
            for r in AUTH_ROUTES:
                fn = self.defaults[r]
                self.defaults[r] = self.authed(self.metered(r, fn))
                self.defaults[r].unlocked = getattr(fn, "unlocked", False)

    def script(self, route, responses):
        """Responses consumed in order; the last one repeats."""
        with self.lock:
            self.queues[route] = list(responses)

    def reqs(self, route=None):
        with self.lock:
            return [r for r in self.log if route is None or r["route"] == route]

    def submits(self):
        """Submit requests the server accepted as new billed work (not replays)."""
        return [r for r in self.reqs() if r["route"] in SUBMIT_ROUTES
                and r.get("answer") == 200 and not r.get("replayed")]

    def close(self):
        self.srv.shutdown()

    # ---------------------------------------------------------------- wrappers
    def authed(self, fn):
        def h(req, m):
            if not req["headers"].get("api-secret"):
                return envelope(401, "MISSING_AUTH", "Missing api-secret header")
            if self.w.plan == "free" and req["route"] != "me":
                e = envelope(403, "PLAN_REQUIRED", "API and SDK access starts at the Creator plan. "
                             "Upgrade at https://www.bithuman.ai/pricing")
                e[2]["error"]["upgrade_url"] = "https://www.bithuman.ai/pricing"
                return e
            return fn(req, m)
        return h

    def metered(self, route, fn):
        """The account's token buckets (API-NOTES §17): the bucket of the route, 429
        RATE_LIMITED with Retry-After past it, X-RateLimit-* on every metered answer."""
        if route in UNMETERED:
            return fn
        def h(req, m):
            bucket = ("generate" if route in GENERATE_BUCKET
                      else "read" if req["method"] == "GET" else "write")
            with self.lock:
                allowed, rh = self.w.take(bucket)
            if not allowed:
                resp = envelope(429, "RATE_LIMITED",
                                f"Too many {bucket} requests for this api-secret. "
                                f"Retry in ~{rh['Retry-After']}s.", rh)
                req["bucket_429"] = bucket
                return resp
            st, hh, b = fn(req, m)
            hh = dict(hh)
            hh.update(rh)
            return st, hh, b
        return h

    def submit(self, route, req, fn):
        """Rate limit, then idempotent replay, then the handler (only 2xx are kept)."""
        w = self.w
        if w.rate_limit_next > 0:
            w.rate_limit_next -= 1
            return envelope(429, "RATE_LIMITED",
                            f"Too many generate requests for this api-secret. Retry in ~{w.retry_after}s.",
                            {"Retry-After": str(w.retry_after)})
        key = req["headers"].get("idempotency-key")
        if key and (route, key) in w.idem:
            st, h, b = w.idem[(route, key)]
            h = dict(h)
            h["Idempotency-Replayed"] = "true"
            return st, h, b
        resp = fn()
        if key and 200 <= resp[0] < 300:
            w.idem[(route, key)] = resp
        return resp

    @staticmethod
    def body_obj(req):
        j = req.get("json")
        if j == "<unparseable>":
            return None, envelope(400, "VALIDATION_ERROR", "Request body must be valid JSON")
        if not isinstance(j, dict):
            return None, envelope(400, "VALIDATION_ERROR", "Request body must be a JSON object")
        return j, None

    # ---------------------------------------------------------------- part one
    def h_generate(self, req, m):
        def go():
            w = self.w
            b, err = self.body_obj(req)
            if err:
                return err
            if b.get("video") and w.reject_video:
                return envelope(400, "VIDEO_INPUT_NOT_SUPPORTED", "Video input is no longer supported")
            model = b.get("model") or "expression-1"
            if model not in AGENT_MODELS:
                return envelope(400, "VALIDATION_ERROR", f"Invalid model '{model}'. Allowed: "
                                + ", ".join(AGENT_MODELS))
            price = PRICING["agent_generation"]["by_model"][model]
            if w.mint_agent_ids:
                aid = b.get("agent_id") or "A%02d%s%04d" % (w.next_n() % 100, "QAX", w.counter)
            else:
                aid = "A91XMB7113"
            err = w.charge(price, "agent_generation_" + model, aid)
            if err:
                return err
            if w.mint_agent_ids:
                w.add_agent(aid, status="processing", progress=0.0, current_step="payment",
                            model=model, supported_models=[], model_status={},
                            model_url=None, _polls=w.gen_polls, _outcome=w.gen_outcome, _price=price,
                            system_prompt=b.get("prompt"),
                            _ends_at=None if w.gen_seconds is None else time.time() + w.gen_seconds)
                if w.gen_seconds is not None:
                    w.end_agent_later(w.agents[aid])
            return ok({"success": True, "message": "Agent generation started",
                       "agent_id": aid, "status": "processing"})
        return self.submit("generate", req, go)

    def h_status(self, req, m):
        aid = m.group(1)
        w = self.w
        if aid in w.deleted or aid in w.missing or aid.startswith("A404") or aid in w.agents:
            a, err = w.lookup(aid)
            if err:
                return err
            w.advance_agent(a)
            return ok({"success": True, "data": w.public(a)})
        return record(aid)

    def h_upload(self, req, m):
        j = req.get("json") if isinstance(req.get("json"), dict) else {}
        name = str(j.get("file_name"))
        ft = j.get("file_type") or "auto"
        return ok({"success": True, "message": "File uploaded successfully",
                   "data": {"file_url": f"{self.base}/files/up/{name}", "original_source": "base64",
                            "file_type": ft, "file_size": len(j.get("file_data") or "") * 3 // 4,
                            "mime_type": "application/octet-stream",
                            "asset_category": {"image": "images", "audio": "audio",
                                               "video": "videos"}.get(ft, "docs"),
                            "uploaded_at": iso(time.time())}})

    def h_download(self, req, m):
        aid = m.group(1)
        w = self.w
        if aid in w.deleted or aid in w.missing or aid.startswith("A404"):
            return w.lookup(aid)[1]
        model = req["q"].get("model") or "essence-1"
        return ok({"success": True, "data": {
            "code": aid, "model": model, "filename": f"{aid}.imx",
            "url": f"{self.base}/files/models/{aid}.imx", "expires_in": 3600}})

    def h_filehost(self, req, m):
        p = m.group(1)
        if p.startswith("videos/"):
            return (200, {"Content-Type": "video/mp4"}, MP4)
        return (200, {"Content-Type": "application/octet-stream"}, IMX)

    # ---------------------------------------------------------------- agents
    def h_agent(self, req, m):
        a, err = self.w.lookup(m.group(1))
        if err:
            return err
        self.w.advance_agent(a)
        return ok({"success": True, "data": self.w.public(a)})

    def h_agent_update(self, req, m):
        a, err = self.w.lookup(m.group(1))
        if err:
            return err
        b, err = self.body_obj(req)
        if err:
            return err
        sp = b.get("system_prompt")
        if not (isinstance(sp, str) and sp.strip()) and not b.get("providers"):
            return envelope(400, "MISSING_PARAM", "Nothing to update: send system_prompt or providers")
        if isinstance(sp, str):
            a["system_prompt"] = sp
        a["updated_at"] = iso(time.time())
        return ok({"agent_code": a["code"], "updated": True})

    def h_agent_delete(self, req, m):
        aid = m.group(1)
        a, err = self.w.lookup(aid, create=True)
        if err:
            return err
        self.w.deleted[aid] = "AGENT_DELETED"
        self.w.agents.pop(aid, None)
        return ok({"success": True, "agent_code": aid, "deleted": True})

    def h_agents(self, req, m):
        w = self.w
        q = req["q"]
        try:
            limit = int(q.get("limit", "20"))
            offset = int(q.get("offset", "0"))
        except ValueError:
            return envelope(400, "VALIDATION_ERROR", "limit and offset must be integers")
        if not 1 <= limit <= 100 or offset < 0:
            return envelope(400, "VALIDATION_ERROR", "limit must be 1-100 and offset >= 0")
        rows = sorted(w.agents.values(), key=lambda a: a["created_at"], reverse=True)
        if q.get("status"):
            rows = [a for a in rows if a["status"] == q["status"]]
        total = len(rows)
        start = 0 if w.list_ignore_offset else offset
        page = rows[start:start + limit]
        keys = ("code", "agent_id", "name", "model", "status", "supported_models", "image_url", "created_at")
        data = [{k: a.get(k) for k in keys} for a in page]
        has_more = True if w.list_always_more else offset + len(page) < total
        return ok({"success": True, "data": data,
                   "pagination": {"limit": limit, "offset": offset,
                                  "total": w.list_total if w.list_total is not None else total,
                                  "has_more": has_more}})

    def h_add_model(self, req, m):
        aid = m.group(1)

        def go():
            w = self.w
            a, err = w.lookup(aid)
            if err:
                return err
            b, err = self.body_obj(req)
            if err:
                return err
            model = b.get("model")
            if model not in ADDABLE:
                return envelope(400, "VALIDATION_ERROR",
                                f"Invalid model '{model}'. Addable models: " + ", ".join(ADDABLE))
            if a["status"] != "ready":
                return envelope(409, "AGENT_NOT_READY",
                                f"Agent {aid} is {a['status']}; models can only be added to a ready agent")
            if model in ("essence-1", "essence-2") and a.get("_no_identity_video"):
                return envelope(422, "MODEL_PREREQUISITE_MISSING",
                                f"Agent {aid} has no stored identity video; {model} cannot be added")
            if model == "essence-2" and a.get("subject") != "human":
                return envelope(422, "MODEL_SUBJECT_MISMATCH",
                                "essence-2 requires a photorealistic human subject; this image looks "
                                "like a cartoon — use expression-2")
            if model in a["supported_models"] or model == "expression-1":
                if model not in a["supported_models"]:
                    a["supported_models"].append(model)
                a["model_status"][model] = {"state": "ready", "reason": None}
                return ok({"success": True, "agent_id": aid, "model": model, "status": "ready",
                           "credits": 0, "supported_models": list(a["supported_models"]),
                           "message": f"{model} is available"})
            price = ADD_PRICE[model]
            err = w.charge(price, "model_add_" + model, aid)
            if err:
                return err
            a["_pending"][model] = {"polls": w.add_polls, "outcome": w.add_outcome, "credits": price}
            a["model_status"][model] = {"state": "pending", "reason": None}
            return ok({"success": True, "agent_id": aid, "model": model, "status": "processing",
                       "credits": price, "supported_models": list(a["supported_models"]),
                       "message": f"Adding {model}; poll the agent until supported_models lists it"})
        return self.submit("add_model", req, go)

    # ---------------------------------------------------------------- video
    def h_video_generate(self, req, m):
        def go():
            w = self.w
            b, err = self.body_obj(req)
            if err:
                return err
            model = b.get("model")
            if model not in VIDEO_MODELS:
                return envelope(400, "VALIDATION_ERROR",
                                f"Invalid model '{model}'. Allowed: " + ", ".join(VIDEO_MODELS))
            aid = b.get("agent_code")
            if not isinstance(aid, str) or not aid:
                return envelope(400, "VALIDATION_ERROR", "agent_code is required")
            inp = b.get("input")
            if not isinstance(inp, dict) or inp.get("type") not in ("text", "audio"):
                return envelope(400, "VALIDATION_ERROR", "input.type must be text or audio")
            if inp["type"] == "text":
                t = inp.get("text")
                if not isinstance(t, str) or not t:
                    return envelope(400, "VALIDATION_ERROR", "input.text is required for text input")
                if len(t) > 5000:
                    return envelope(400, "VALIDATION_ERROR", "input.text is longer than 5000 characters")
            elif not isinstance(inp.get("audio_url"), str) or not inp.get("audio_url"):
                return envelope(400, "VALIDATION_ERROR", "input.audio_url is required for audio input")
            a, err = w.lookup(aid)
            if err:
                return err
            if a.get("_video_models") is not None and model not in a["_video_models"]:
                return envelope(409, "MODEL_NOT_GENERATED",
                                f"agent {aid}'s {model} model hasn't been generated yet")
            rate = PRICING["talking_video"]["rates"][model]
            pre = 2 * rate
            n = w.next_n()
            job = w.video_job_id or "vid_" + hashlib.sha1(f"{n}-{req['headers'].get('idempotency-key')}".encode()).hexdigest()[:20]
            err = w.charge(pre, "talking_video_" + model, aid)
            if err:
                return err
            w.videos[job] = {"job_id": job, "status": "processing", "model": model, "agent_code": aid,
                             "input": inp, "_polls": w.video_polls, "_outcome": w.video_outcome,
                             "_pre": pre, "_rate": rate}
            return ok({"success": True, "job_id": job, "status": "processing"})
        return self.submit("video_generate", req, go)

    def h_video_status(self, req, m):
        w = self.w
        job = w.videos.get(m.group(1))
        if job is None:
            return envelope(404, "NOT_FOUND", f"Video job not found: {m.group(1)}")
        if job["agent_code"] in w.deleted:
            return w.lookup(job["agent_code"])[1]
        if job["status"] == "processing" and job["_outcome"] != "never":
            if job["_polls"] > 0:
                job["_polls"] -= 1
            else:
                if job["_outcome"] == "completed":
                    dur = w.video_duration
                    charged = max(1, math.ceil(dur / 60)) * job["_rate"]
                    w.refund(job["_pre"] - charged, "talking_video_" + job["model"], job["agent_code"])
                    job.update(status="completed", duration_seconds=dur, credits_charged=charged,
                               video_url=w.video_url or f"{self.base}/files/videos/{job['job_id']}.mp4")
                    w.fire("video.completed", {k: job.get(k) for k in (
                        "job_id", "status", "model", "video_url", "duration_seconds", "credits_charged")})
                else:
                    w.refund(job["_pre"], "talking_video_" + job["model"], job["agent_code"])
                    job.update(status="failed", error={"message": w.video_error})
                    w.fire("video.failed", {"job_id": job["job_id"], "status": "failed",
                                            "error": {"message": w.video_error}})
        out = {"success": True}
        out.update({k: v for k, v in job.items() if not k.startswith("_") and k not in ("agent_code", "input")})
        return ok(out)

    # ---------------------------------------------------------------- dynamics
    def h_dynamics_generate(self, req, m):
        def go():
            w = self.w
            b, err = self.body_obj(req)
            if err:
                return err
            aid = b.get("agent_id")
            if not isinstance(aid, str) or not aid:
                return envelope(400, "MISSING_PARAM", "agent_id is required")
            if "duration" in b and not (isinstance(b["duration"], (int, float))
                                        and not isinstance(b["duration"], bool) and b["duration"] > 0):
                return envelope(400, "VALIDATION_ERROR", "duration must be a positive number of seconds")
            a, err = w.lookup(aid)
            if err:
                return err
            err = w.charge(PRICING["dynamics_generation"]["flat"], "dynamics_generation", aid)
            if err:
                return err
            w.dynamics[aid] = {"status": "processing", "_polls": w.dyn_polls, "_outcome": w.dyn_outcome}
            return ok({"success": True, "message": "Dynamics generation started",
                       "agent_id": aid, "status": "processing"})
        return self.submit("dynamics_generate", req, go)

    def h_dynamics_status(self, req, m):
        w = self.w
        aid = m.group(1)
        a, err = w.lookup(aid)
        if err:
            return err
        d = w.dynamics.get(aid)
        data = {"agent_id": aid, "url": None, "status": "ready", "gestures": {}}
        if d:
            if d["status"] in ("processing", "generating"):
                if d["_polls"] > 0:
                    d["_polls"] -= 1
                    d["status"] = "generating" if d["status"] == "processing" else d["status"]
                elif d["_outcome"] == "ready":
                    d["status"] = "ready"
                    d["url"] = f"{self.base}/files/dynamics/{aid}.imx"
                    d["gestures"] = {g: f"{self.base}/files/dynamics/{aid}/{g}.mp4"
                                     for g in ("wave", "nod", "smile")}
                elif d["_outcome"] == "failed":
                    d["status"] = "failed"
                    w.refund(PRICING["dynamics_generation"]["flat"], "dynamics_generation", aid)
            data.update({k: v for k, v in d.items() if not k.startswith("_")})
        return ok({"success": True, "data": data})

    # ---------------------------------------------------------------- account
    def h_me(self, req, m):
        bal = self.w.balance
        plan = min(bal, 1800)
        w = self.w
        return ok({"data": {"user_id": w.user_id, "email": "qa@example.com",
                            "plan": w.plan if w.plan_explicit else "pro",
                            "plan_code": "membership_" + (w.plan if w.plan_explicit else "pro"),
                            "credit_balance": bal,
                            "plan_credits_remaining": plan, "topup_credits_remaining": bal - plan,
                            "account_status": "active",
                            "upgrade_url": "https://www.bithuman.ai/pricing",
                            "pricing_url": "https://www.bithuman.ai/pricing"},
                   "status": "success", "status_code": 200})

    def h_usage(self, req, m):
        w = self.w
        q = req["q"]
        try:
            limit = int(q.get("limit", "50"))
            offset = int(q.get("offset", "0"))
        except ValueError:
            return envelope(400, "VALIDATION_ERROR", "limit and offset must be integers")
        if not 1 <= limit <= 200 or offset < 0:
            return envelope(400, "VALIDATION_ERROR", "limit must be 1-200 and offset >= 0")
        rows = list(w.usage)
        try:
            if q.get("start"):
                s = parse_iso(q["start"])
                rows = [r for r in rows if parse_iso(r["created_at"]) >= s]
            if q.get("end"):
                e = parse_iso(q["end"])
                rows = [r for r in rows if parse_iso(r["created_at"]) <= e]
        except ValueError:
            return envelope(400, "VALIDATION_ERROR", "start/end must be ISO-8601")
        if q.get("agent_code"):
            rows = [r for r in rows if r.get("agent_code") == q["agent_code"]]
        page = rows[offset:offset + limit]
        return ok({"success": True, "data": page,
                   "pagination": {"limit": limit, "offset": offset, "total": len(rows),
                                  "has_more": True if w.usage_always_more else offset + len(page) < len(rows)}})


    # ---------------------------------------------------------------- webhooks (API-NOTES §14)
    def hook_public(self, hook):
        return {k: v for k, v in hook.items() if k != "secret"}

    def h_webhook_create(self, req, m):
        w = self.w
        b, err = self.body_obj(req)
        if err:
            return err
        url = b.get("url")
        if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
            return envelope(400, "VALIDATION_ERROR", "url must be an https URL")
        events = b.get("events") or []
        if not isinstance(events, list) or any(e not in WEBHOOK_EVENTS for e in events):
            return envelope(400, "VALIDATION_ERROR", "events must be a list of: " + ", ".join(WEBHOOK_EVENTS))
        desc = b.get("description")
        now = iso(time.time())
        hook = {"id": str(uuid.uuid4()), "url": url, "events": list(events),
                "description": desc if isinstance(desc, str) else None, "active": True,
                "created_at": now, "updated_at": now, "secret": "whsec_" + uuid.uuid4().hex + uuid.uuid4().hex[:8]}
        w.webhooks[hook["id"]] = hook
        return ok({"success": True, "data": dict(hook)})

    def h_webhook_list(self, req, m):
        hooks = sorted(self.w.webhooks.values(), key=lambda h: h["created_at"], reverse=True)
        return ok({"success": True, "data": [self.hook_public(h) for h in hooks]})

    def find_hook(self, hid):
        hook = self.w.webhooks.get(hid)
        if hook is None:
            return None, envelope(404, "NOT_FOUND", f"Webhook not found: {hid}")
        return hook, None

    def h_webhook_get(self, req, m):
        hook, err = self.find_hook(m.group(1))
        return err or ok({"success": True, "data": self.hook_public(hook)})

    def h_webhook_delete(self, req, m):
        hook, err = self.find_hook(m.group(1))
        if err:
            return err
        del self.w.webhooks[hook["id"]]
        return ok({"success": True, "deleted": True})

    def h_webhook_test(self, req, m):
        """Sends one ping, synchronously (all attempts), without holding the fake's lock."""
        with self.lock:
            hook, err = self.find_hook(m.group(1))
            if err:
                return err
            rec = self.w.new_delivery(hook, "ping", {"webhook_id": hook["id"], "message": "Test event from bitHuman"})
        rec = self.w.deliver(hook, rec)
        return ok({"success": True, "data": {"delivered": rec["delivered"], "status_code": rec["status_code"],
                                             "attempts": rec["attempts"]}})
    h_webhook_test.unlocked = True

    def h_webhook_deliveries(self, req, m):
        hook, err = self.find_hook(m.group(1))
        if err:
            return err
        rows = [{k: v for k, v in d.items() if not k.startswith("_")} for d in self.w.deliveries.get(hook["id"], [])]
        return ok({"success": True, "data": rows})

    # ---------------------------------------------------------------- live sessions (API-NOTES §15-16)
    def h_runtime_token(self, req, m):
        w = self.w
        b, err = self.body_obj(req)
        if err:
            return err
        if w.runtime_suspended:
            return envelope(403, "RUNTIME_SUSPENDED", "Runtime access for this account is suspended (revoke-all)")
        if b.get("mode") is None:   # a plain runtime token (§15.2)
            return ok({"data": {"token": "rt_" + uuid.uuid4().hex, "transaction_id": str(uuid.uuid4())},
                       "status": "success", "status_code": 200})
        if b.get("mode") not in ("gpu", "cpu"):
            return envelope(400, "VALIDATION_ERROR", "mode must be gpu (or legacy cpu)")
        missing = [k for k in ("livekit_url", "livekit_token", "room_name")
                   if not (isinstance(b.get(k), str) and b.get(k))]
        if missing:
            return envelope(400, "VALIDATION_ERROR", "missing: " + ", ".join(missing))
        model = b.get("model") or "essence-2"
        if model not in SESSION_RATES:
            return envelope(400, "VALIDATION_ERROR", "model must be one of " + ", ".join(SESSION_RATES))
        aid, image = b.get("agent_id"), b.get("image")
        if image is not None and model != "expression-1":
            return envelope(400, "VALIDATION_ERROR", "image sessions need model expression-1")
        if not aid and image is None:
            return envelope(400, "VALIDATION_ERROR", "agent_id (or image) is required")
        if aid:
            a, err = w.lookup(aid)
            if err:
                return err
            if a["status"] != "ready":
                return envelope(409, "VALIDATION_ERROR", f"Agent {aid} is {a['status']}; it cannot serve a session yet")
        if len(w.live_sessions()) >= w.session_cap:
            return envelope(403, "CONCURRENCY_LIMIT_REACHED",
                            f"Your {w.plan} plan allows {w.session_cap} concurrent sessions")
        sid = "cs_" + uuid.uuid4().hex[:24]
        w.sessions[sid] = {"session_id": sid, "id": str(uuid.uuid4()), "agent_id": aid, "image": image,
                           "model": model, "mode": b["mode"], "room_name": b["room_name"],
                           "_t0": time.time(), "_ended": None, "_end_answer": None,
                           "_messages": [{"timestamp": iso(time.time()), "role": "user", "message": "Hello there"},
                                         {"timestamp": iso(time.time()), "role": "assistant",
                                          "message": "Hi! How can I help?"}]}
        return ok({"avatar_session_started": True, "model": model, "session_id": sid, "mode": b["mode"],
                   "agent_id": aid, "image": image, "user_id": w.user_id})

    def h_session_get(self, req, m):
        w = self.w
        s = w.sessions.get(m.group(1))
        if s is None:
            return envelope(404, "NOT_FOUND", f"Session not found: {m.group(1)}")
        if s["_end_answer"]:
            out = dict(s["_end_answer"])
        else:
            secs, credits = w.session_view(s)
            out = {"session_id": s["session_id"], "status": "live", "agent_id": s["agent_id"], "model": s["model"],
                   "room_name": s["room_name"], "started_at": iso(s["_t0"]), "ended_at": None,
                   "billed_seconds": secs, "credits": credits}
        return ok(out)

    def h_session_end(self, req, m):
        s = self.w.sessions.get(m.group(1))
        if s is None:
            return envelope(404, "NOT_FOUND", f"Session not found: {m.group(1)}")
        return ok(dict(self.w.end_session(s)))

    def v2_user(self, m):
        uid = m.group(1)
        if not uid:
            return (404, {"Content-Type": "application/json"}, {"detail": "Not Found"})
        if uid != self.w.user_id:
            return envelope(404, "NOT_FOUND", f"User not found: {uid}")
        return None

    def v2_find(self, sid):
        for s in self.w.sessions.values():
            if s["id"] == sid:
                return s, None
        return None, envelope(404, "NOT_FOUND", f"Session not found: {sid}")

    def h_v2_sessions(self, req, m):
        w = self.w
        err = self.v2_user(m)
        if err:
            return err
        q = req["q"]
        window, kind = q.get("window", "all"), q.get("kind", "all")
        try:
            limit = int(q.get("limit", "50"))
        except ValueError:
            limit = -1
        if window not in ("live", "recent", "all") or kind not in ("conversations", "self_hosted", "all") \
                or not 1 <= limit <= 200:
            return envelope(400, "VALIDATION_ERROR", "window live|recent|all, kind conversations|self_hosted|all, limit 1-200")
        now = time.time()
        rows = sorted(w.sessions.values(), key=lambda s: s["_t0"], reverse=True)
        if window == "live":
            rows = [s for s in rows if s["_ended"] is None]
        elif window == "recent":
            rows = [s for s in rows if s["_ended"] is None or now - s["_ended"] < 3600]
        if kind == "self_hosted":
            rows = []
        items = []
        for s in rows[:limit]:
            secs, credits = w.session_view(s, now)
            a = w.agents.get(s["agent_id"] or "")
            live = s["_ended"] is None
            items.append({"id": s["id"], "agent_code": s["agent_id"], "agent_name": a["name"] if a else None,
                          "billing_type": "cloud", "key_alias": None, "room_name": s["room_name"],
                          "started": iso(s["_t0"]), "last_seen": iso(s["_ended"] or now),
                          "minutes": round(secs / 60, 2), "credits": credits,
                          "burn_rate_cr_per_min": SESSION_RATES[s["model"]] if live else 0,
                          "status": "live" if live else "ended", "has_transcript": bool(s["_messages"])})
        live = w.live_sessions()
        hour = sum(w.session_view(s, now)[1] for s in w.sessions.values()
                   if s["_ended"] is None or now - s["_ended"] < 3600)
        return ok({"success": True, "data": {
            "active_count": len(live), "live_burn_rate_cr_per_min": sum(SESSION_RATES[s["model"]] for s in live),
            "credits_this_hour": hour, "sessions": items}})

    def h_v2_messages(self, req, m):
        err = self.v2_user(m)
        if err:
            return err
        s, err = self.v2_find(m.group(2))
        if err:
            return err
        return ok({"success": True, "data": {"session_id": s["id"], "agent_code": s["agent_id"],
                                             "started": iso(s["_t0"]),
                                             "ended": iso(s["_ended"]) if s["_ended"] else None,
                                             "live": s["_ended"] is None, "messages": list(s["_messages"])}})

    def h_v2_terminate(self, req, m):
        err = self.v2_user(m)
        if err:
            return err
        s, err = self.v2_find(m.group(2))
        if err:
            return err
        self.w.end_session(s, note="Session terminated: billing stopped; the avatar leaves within ~1 min.")
        return ok({"success": True, "data": {"session_id": s["id"], "closed": True, "ended": False,
                                             "self_hosted": False,
                                             "note": "Billing stopped; the avatar leaves the room within ~1 min."}})

    def h_v2_revoke_all(self, req, m):
        err = self.v2_user(m)
        if err:
            return err
        w = self.w
        w.runtime_suspended = True
        for s in w.live_sessions():   # the fake ends them at once (the API: within ~5 min)
            w.end_session(s, note="Session ended: runtime access revoked.")
        return ok({"success": True, "data": {"revoked": True, "effective_in_seconds": 320,
                                             "runtime_suspended": True,
                                             "note": "Runtime tokens revoked; create a new secret to restore access."}})

    def live_rooms(self, aid):
        return sorted({s["room_name"] for s in self.w.live_sessions() if s["agent_id"] == aid})

    def h_speak(self, req, m):
        return self.push_context(req, m, "message", "speak")

    def h_add_context(self, req, m):
        return self.push_context(req, m, "context", None)

    def push_context(self, req, m, field, fixed_type):
        w = self.w
        aid = m.group(1)
        a, err = w.lookup(aid)
        if err:
            return err
        b, err = self.body_obj(req)
        if err:
            return err
        text = b.get(field)
        if not isinstance(text, str) or not text.strip():
            return envelope(400, "MISSING_PARAM", f"{field} is required")
        ctype = fixed_type or b.get("type", "add_context")
        if ctype not in ("add_context", "speak"):
            return envelope(400, "VALIDATION_ERROR", "type must be add_context or speak")
        rooms = self.live_rooms(aid)
        if b.get("room_id") is not None:
            rooms = [r for r in rooms if r == b.get("room_id")]
        if not rooms:
            return envelope(404, "NOT_FOUND", f"No active rooms found for agent {aid}")
        for s in w.live_sessions():
            if s["agent_id"] == aid and s["room_name"] in rooms:
                s["_messages"].append({"timestamp": iso(time.time()), "role": "assistant", "message": text})
        return ok({"agent_code": aid, "context_type": ctype, "delivered_to_rooms": len(rooms)})

    def h_agent_sessions(self, req, m):
        aid = m.group(1)
        a, err = self.w.lookup(aid)
        if err:
            return err
        rooms = [{"room_id": s["room_name"], "num_participants": 2, "created_at": int(s["_t0"]), "deliverable": True}
                 for s in self.w.live_sessions() if s["agent_id"] == aid]
        return ok({"agent_code": aid, "sessions": rooms})

    def h_embed_token(self, req, m):
        w = self.w
        b, err = self.body_obj(req)
        if err:
            return err
        if w.runtime_suspended:
            return envelope(403, "RUNTIME_SUSPENDED", "Runtime access for this account is suspended")
        aid, fp, model = b.get("agent_id"), b.get("fingerprint"), b.get("model")
        if not (isinstance(aid, str) and aid) or not (isinstance(fp, str) and fp):
            return envelope(400, "VALIDATION_ERROR", "agent_id and fingerprint are required")
        if model is not None and model not in SESSION_RATES:
            return envelope(400, "VALIDATION_ERROR", "model must be one of " + ", ".join(SESSION_RATES))
        a, err = w.lookup(aid)
        if err:
            return err
        if model is not None and model not in a["supported_models"]:
            return envelope(409, "MODEL_NOT_GENERATED", f"agent {aid}'s {model} model hasn't been generated yet")
        import base64 as b64
        enc = lambda o: b64.urlsafe_b64encode(json.dumps(o).encode()).rstrip(b"=").decode()
        token = enc({"alg": "HS256", "typ": "JWT"}) + "." + enc({"sub": aid, "fp": fp, "exp": int(time.time()) + 3600}) \
            + "." + uuid.uuid4().hex
        data = {"token": token, "sid": "emb_" + uuid.uuid4().hex[:16], "supported_models": list(a["supported_models"])}
        if model:
            data["model"] = model
        return ok({"status": "success", "status_code": 200, "data": data})


class Receiver:
    """A local webhook receiver: records each POST as (lower-cased headers, raw body) in
    `got`; answers the status codes queued in `codes`, then 200."""

    def __init__(self):
        got, codes = self.got, self.codes = [], []

        class R(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                got.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(codes.pop(0) if codes else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()
        self.srv = ThreadingHTTPServer(("127.0.0.1", 0), R)
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.srv.server_address[1]}/hook"

    def close(self):
        self.srv.shutdown()


# -------------------------------------------------------------------- self-test
def selftest(report=None):
    """Exercise the fake over HTTP against the vendor's documented shapes.
    report(what, cond, detail) records each check (default: assert)."""
    import urllib.request, urllib.error

    def rep(what, cond, detail=""):
        if report:
            report(what, cond, detail)
        elif not cond:
            raise AssertionError(f"{what}: {detail}")

    f = Fake()

    def call(method, path, body=None, key=None, secret="sk_x"):
        data = json.dumps(body).encode() if body is not None else None
        h = {"Content-Type": "application/json"}
        if secret:
            h["api-secret"] = secret
        if key:
            h["Idempotency-Key"] = key
        r = urllib.request.Request(f.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(r) as resp:
                return resp.status, dict(resp.headers), json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, dict(e.headers), json.loads(raw)
            except Exception:
                return e.code, dict(e.headers), raw

    try:
        st, h, b = call("GET", "/v1/me", secret=None)
        rep("no secret -> 401 MISSING_AUTH envelope", st == 401 and b["error"]["code"] == "MISSING_AUTH"
            and b["status_code"] == 401 and b["error"]["httpStatus"] == 401, b)
        st, h, b = call("GET", "/v1/me")
        rep("me shape", st == 200 and b["status"] == "success" and b["data"]["credit_balance"] == 1_000_000, b)
        st, h, b = call("GET", "/v1/pricing")
        rep("pricing shape", b["success"] and b["data"]["agent_generation"]["by_model"]["auto"] == 2000
            and b["data"]["talking_video"]["rates"]["essence-1"] == 2
            and b["data"]["dynamics_generation"]["flat"] == 250, b)
        # video: charge 2 min up front, true up at completion, replay bills nothing
        body = {"model": "essence-1", "agent_code": "A1", "input": {"type": "text", "text": "hi"}}
        st, h, b = call("POST", "/v1/video/generate", body, key="k1")
        rep("video generate", st == 200 and b["status"] == "processing" and b["job_id"].startswith("vid_"), b)
        job = b["job_id"]
        rep("video precharged 4", f.w.balance == 1_000_000 - 4, f.w.balance)
        st, h2, b2 = call("POST", "/v1/video/generate", body, key="k1")
        rep("video replay", b2 == b and h2.get("Idempotency-Replayed") == "true" and f.w.balance == 1_000_000 - 4,
            (b2, h2, f.w.balance))
        st, h, b = call("GET", f"/v1/video/{job}")
        rep("video first poll processing", b["status"] == "processing", b)
        st, h, b = call("GET", f"/v1/video/{job}")
        rep("video completed", b["status"] == "completed" and b["credits_charged"] == 2
            and b["video_url"].endswith(f"/files/videos/{job}.mp4") and b["duration_seconds"] == 12.5, b)
        rep("video trued up", f.w.balance == 1_000_000 - 2, f.w.balance)
        st, h, b = call("GET", "/v1/video/vid_nope")
        rep("unknown job 404", st == 404 and b["error"]["code"] == "NOT_FOUND", b)
        for bad, what in (({"model": "essence-9", "agent_code": "A1", "input": {"type": "text", "text": "x"}}, "model"),
                          ({"model": "essence-1", "agent_code": "A1", "input": {"type": "text", "text": "x" * 5001}}, "5001"),
                          ({"model": "essence-1", "agent_code": "A1", "input": {"type": "audio"}}, "audio_url")):
            st, h, b = call("POST", "/v1/video/generate", bad)
            rep(f"video 400 {what}", st == 400 and b["error"]["code"] == "VALIDATION_ERROR", b)
        f.w.video_outcome = "failed"
        st, h, b = call("POST", "/v1/video/generate", body)
        job2 = b["job_id"]
        call("GET", f"/v1/video/{job2}")
        st, h, b = call("GET", f"/v1/video/{job2}")
        rep("video failed + refund", b["status"] == "failed" and b["error"]["message"] and f.w.balance == 1_000_000 - 2, (b, f.w.balance))
        # 402 and 429
        f.w.balance = 3
        st, h, b = call("POST", "/v1/video/generate", body)
        rep("402 INSUFFICIENT_BALANCE", st == 402 and b["error"]["code"] == "INSUFFICIENT_BALANCE", b)
        f.w.balance = 1000
        f.w.rate_limit_next = 1
        st, h, b = call("POST", "/v1/dynamics/generate", {"agent_id": "A1"})
        rep("429 + Retry-After", st == 429 and h.get("Retry-After") == "1" and b["error"]["code"] == "RATE_LIMITED", (st, h, b))
        # dynamics
        st, h, b = call("GET", "/v1/dynamics/A2")
        rep("no dynamics: ready, url null", b["data"]["status"] == "ready" and b["data"]["url"] is None, b)
        st, h, b = call("POST", "/v1/dynamics/generate", {"agent_id": "A2", "duration": 5})
        rep("dynamics generate flat shape", b == {"success": True, "message": "Dynamics generation started",
                                                   "agent_id": "A2", "status": "processing"} and f.w.balance == 750, (b, f.w.balance))
        call("GET", "/v1/dynamics/A2")
        st, h, b = call("GET", "/v1/dynamics/A2")
        rep("dynamics ready + gestures", b["data"]["status"] == "ready" and set(b["data"]["gestures"]) == {"wave", "nod", "smile"}, b)
        # add model
        f.w.add_agent("A3", subject="cartoon")
        st, h, b = call("POST", "/v1/agent/A3/models", {"model": "essence-2"})
        rep("422 subject mismatch", st == 422 and b["error"]["code"] == "MODEL_SUBJECT_MISMATCH", b)
        st, h, b = call("POST", "/v1/agent/A3/models", {"model": "essence-2-max"})
        rep("400 lists addable", st == 400 and "expression-2" in b["error"]["message"], b)
        f.w.add_agent("A4", status="generating")
        st, h, b = call("POST", "/v1/agent/A4/models", {"model": "expression-2"})
        rep("409 AGENT_NOT_READY", st == 409 and b["error"]["code"] == "AGENT_NOT_READY", b)
        f.w.balance = 10_000
        st, h, b = call("POST", "/v1/agent/A3/models", {"model": "expression-2"})
        rep("add processing", b["status"] == "processing" and b["credits"] == 2000 and f.w.balance == 8000, (b, f.w.balance))
        st, h, b = call("GET", "/v1/agent/A3")
        rep("model_status ready after one poll", "expression-2" in b["data"]["supported_models"]
            and b["data"]["model_status"]["expression-2"]["state"] == "ready", b)
        st, h, b = call("POST", "/v1/agent/A3/models", {"model": "expression-1"})
        rep("expression-1 instant", b["status"] == "ready" and b["credits"] == 0, b)
        # list, update, delete
        f.w.seed_agents(250)
        st, h, b = call("GET", "/v1/agents?limit=100&offset=100")
        rep("list page", len(b["data"]) == 100 and b["pagination"]["has_more"] is True, b["pagination"])
        st, h, b = call("GET", "/v1/agents?limit=101")
        rep("list limit>100 -> 400", st == 400, st)
        st, h, b = call("POST", "/v1/agent/A3", {"system_prompt": ""})
        rep("update empty -> 400 MISSING_PARAM", st == 400 and b["error"]["code"] == "MISSING_PARAM", b)
        st, h, b = call("POST", "/v1/agent/A3", {"system_prompt": "new"})
        rep("update bare shape", b == {"agent_code": "A3", "updated": True}, b)
        st, h, b = call("DELETE", "/v1/agent/A3")
        rep("delete shape", b == {"success": True, "agent_code": "A3", "deleted": True}, b)
        for p in ("/v1/agent/status/A3", "/v1/agent/A3/model/download?redirect=false", "/v1/dynamics/A3", "/v1/agent/A3"):
            st, h, b = call("GET", p)
            rep(f"410 on {p}", st == 410 and b["error"]["code"] == "AGENT_DELETED", (st, b))
        st, h, b = call("POST", "/v1/video/generate", {"model": "essence-1", "agent_code": "A3",
                                                        "input": {"type": "text", "text": "x"}})
        rep("410 on video generate", st == 410, st)
        st, h, b = call("DELETE", "/v1/agent/A404X")
        rep("delete 404", st == 404, st)
        # usage
        st, h, b = call("GET", "/v1/usage?limit=2")
        rep("usage page", len(b["data"]) == 2 and b["pagination"]["has_more"] and "credits_change" in b["data"][0], b)
        st, h, b = call("GET", "/v1/usage?limit=201")
        rep("usage limit 201 -> 400", st == 400, st)
        st, h, b = call("GET", "/v1/usage?start=not-a-date")
        rep("usage bad date -> 400", st == 400, st)
        st, h, b = call("GET", "/v1/usage?agent_code=A2")
        rep("usage agent filter", b["data"] and all(r["agent_code"] == "A2" for r in b["data"]), b)
        rep("log records answers", any(r["route"] == "video_generate" and r["replayed"] for r in f.log), "")
        selftest_v03(f, call, rep)
    finally:
        f.close()


def selftest_v03(f, call, rep):
    """v0.3: rate limits, the agent list, webhooks, live sessions, embed tokens."""
    f.reset()
    w = f.w
    # rate limits (§17): default business, headers on metered answers only
    st, h, b = call("GET", "/v1/agents")
    now = time.time()
    rep("business read bucket header", h.get("X-RateLimit-Limit") == "1440" and h.get("X-RateLimit-Remaining") == "1439"
        and now < int(h.get("X-RateLimit-Reset", 0)) <= now + 61, h)
    st, h, b = call("POST", "/v1/validate")
    rep("validate not metered", "X-RateLimit-Limit" not in h, h)
    st, h, b = call("POST", "/v1/agent/generate", {"prompt": "x", "model": "essence-1"})
    rep("generate bucket 60", h.get("X-RateLimit-Limit") == "60", h)
    w.set_limits(read=2)
    codes = [call("GET", "/v1/agent/status/A1")[0] for _ in range(3)]
    st, h, b = call("GET", "/v1/agent/A1")
    rep("small read bucket -> 429 RATE_LIMITED + Retry-After", codes == [200, 200, 429] and st == 429
        and b["error"]["code"] == "RATE_LIMITED" and int(h.get("Retry-After", 0)) >= 1
        and h.get("X-RateLimit-Remaining") == "0", (codes, st, h))
    st, h, b = call("POST", "/v1/agent/A1", {"system_prompt": "still writable"})
    rep("write bucket separate", st == 200 and h.get("X-RateLimit-Limit") == "360", (st, h))
    f.plan, f.plan_explicit = "creator", True
    f.reset()
    st, h, b = call("GET", "/v1/agents")
    rep("creator read 240", h.get("X-RateLimit-Limit") == "240", h)
    st, h, b = call("GET", "/v1/me")
    rep("me names the chosen plan", b["data"]["plan"] == "creator", b)
    f.plan, f.plan_explicit = "free", True
    f.reset()
    st, h, b = call("GET", "/v1/agents")
    st2, h2, b2 = call("GET", "/v1/me")
    rep("free: 403 PLAN_REQUIRED but /v1/me", st == 403 and b["error"]["code"] == "PLAN_REQUIRED" and st2 == 200, (st, st2))
    f.plan, f.plan_explicit = "business", False
    f.reset()
    w = f.w
    # agent list (§18)
    w.seed_agents(3, statuses=("ready", "processing", "failed"))
    st, h, b = call("GET", "/v1/agents?limit=2")
    rep("list: status per item, newest first, pagination", [a["status"] for a in b["data"]] == ["failed", "processing"]
        and b["pagination"] == {"limit": 2, "offset": 0, "total": 3, "has_more": True}, b)
    # webhooks (§14)
    rx = Receiver()
    got, url = rx.got, rx.url
    try:
        st, h, b = call("POST", "/v1/webhooks", {"url": url, "events": ["agent.ready"]})
        hook = b.get("data", {})
        secret = hook.get("secret", "")
        rep("create: 200, whsec_ secret shown", st == 200 and secret.startswith("whsec_") and hook["events"] == ["agent.ready"], b)
        rep("create is metered as a write", h.get("X-RateLimit-Limit") == "360", h)
        st, h, b = call("GET", "/v1/webhooks")
        rep("list: secret redacted", st == 200 and len(b["data"]) == 1 and "secret" not in b["data"][0]
            and secret not in json.dumps(b), b)
        st, h, b = call("GET", f"/v1/webhooks/{hook['id']}")
        rep("get", st == 200 and b["data"]["url"] == url and "secret" not in b["data"], b)
        st, h, b = call("POST", "/v1/webhooks", {"url": "ftp://x"})
        rep("create bad url -> 400", st == 400, b)
        st, h, b = call("POST", f"/v1/webhooks/{hook['id']}/test")
        rep("test: ping delivered", st == 200 and b["data"] == {"delivered": True, "status_code": 200, "attempts": 1}, b)
        hd, body = got[-1] if got else ({}, b"")
        ts = hd.get("x-bithuman-timestamp", "")
        want = "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
        env = json.loads(body or b"{}")
        rep("ping signed: HMAC-SHA256(whsec_ string, ts.body), headers", hd.get("x-bithuman-signature") == want
            and hd.get("x-bithuman-event") == "ping" and hd.get("x-bithuman-delivery") == env.get("id")
            and env.get("event") == "ping" and env.get("created") == int(ts or 0), (hd, body))
        w.mint_agent_ids, w.gen_polls = True, 1
        st, h, b = call("POST", "/v1/agent/generate", {"prompt": "hook me", "model": "essence-1"})
        aid = b["agent_id"]
        n0 = len(got)
        call("GET", f"/v1/agent/status/{aid}")
        t0 = time.time()
        while len(got) == n0 and time.time() - t0 < 5:
            time.sleep(0.02)
        env = json.loads(got[-1][1]) if len(got) > n0 else {}
        rep("agent.ready delivered when the agent ends", env.get("event") == "agent.ready"
            and env.get("data") == {"agent_id": aid, "code": aid}, env)
        w.gen_seconds = 0.2
        st, h, b = call("POST", "/v1/agent/generate", {"prompt": "on the clock", "model": "essence-1"})
        clock = b["agent_id"]
        t0 = time.time()
        while not any(json.loads(bd or b"{}").get("data", {}).get("agent_id") == clock for _, bd in got) \
                and time.time() - t0 < 5:
            time.sleep(0.02)
        st, h, b = call("GET", f"/v1/agent/status/{clock}")
        rep("gen_seconds: the agent ends by the clock, unpolled, and its event is sent",
            b["data"]["status"] == "ready" and time.time() - t0 < 5, b)
        w.gen_seconds = None
        w.webhook_scale = 0.01
        rx.codes[:] = [500, 500, 500]
        st, h, b = call("POST", f"/v1/webhooks/{hook['id']}/test")
        rep("failing receiver: 3 attempts", b["data"] == {"delivered": False, "status_code": 500, "attempts": 3}, b)
        ids = {hd.get("x-bithuman-delivery") for hd, _ in got[-3:]}
        rep("retries keep the delivery id", len(ids) == 1, ids)
        st, h, b = call("GET", f"/v1/webhooks/{hook['id']}/deliveries")
        rep("deliveries newest first", st == 200 and [d["event_type"] for d in b["data"]] == ["ping", "agent.ready", "agent.ready", "ping"]
            and b["data"][0]["attempts"] == 3 and b["data"][0]["delivered"] is False, b)
        # fault knobs (SPEC §16), each alone at chance 1
        def faulted(knobs):
            w.webhook_faults = parse_faults(knobs)
            n0 = len(got)
            with w.lock:
                rec = w.new_delivery(hook, "agent.ready", {"agent_id": "A42", "code": "A42"})
            w.deliver(hook, rec)
            w.webhook_faults = {}
            return rec, got[n0:]
        rec, seen = faulted("drop=1")
        rep("drop=1: nothing reaches the receiver, 3 failed attempts", not seen and rec["attempts"] == 3
            and rec["status_code"] is None and rec["delivered"] is False, (rec, len(seen)))
        rec, seen = faulted("duplicate=1")
        rep("duplicate=1: posted twice, same id and body", len(seen) == 2 and seen[0][1] == seen[1][1]
            and seen[0][0].get("x-bithuman-delivery") == seen[1][0].get("x-bithuman-delivery") == rec["_event_id"],
            [hd.get("x-bithuman-delivery") for hd, _ in seen])
        w.webhook_late = 0.3
        t0 = time.time()
        rec, seen = faulted("late=1")
        rep("late=1: delivered once, held w.webhook_late first", len(seen) == 1 and time.time() - t0 >= 0.3
            and rec["delivered"], rec)
        rec, seen = faulted("bad-signature=1")
        hd, body = seen[0] if seen else ({}, b"")
        ts = hd.get("x-bithuman-timestamp", "")
        good = "sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
        sig = hd.get("x-bithuman-signature", "")
        rep("bad-signature=1: well-formed, not the webhook's key", sig.startswith("sha256=") and len(sig) == len(good)
            and sig != good, (sig, good))
        try:
            parse_faults("drop=2")
            refused = False
        except ValueError:
            refused = True
        rep("a chance outside 0..1 is refused", refused)
        st, h, b = call("DELETE", f"/v1/webhooks/{hook['id']}")
        st2, h2, b2 = call("GET", f"/v1/webhooks/{hook['id']}")
        rep("delete, then 404", b == {"success": True, "deleted": True} and st2 == 404, (b, st2))
    finally:
        rx.close()
    # live sessions (§15-16)
    st, h, b = call("GET", "/v1/me")
    uid = b["data"]["user_id"]
    w.add_agent("A5")
    st, h, b = call("POST", "/v1/agent/A5/speak", {"message": "hi"})
    rep("speak without a live room -> 404 No active rooms", st == 404 and "No active rooms" in b["error"]["message"], b)
    start = {"mode": "gpu", "model": "essence-2", "agent_id": "A5", "livekit_url": "wss://lk.example",
             "livekit_token": "tok", "room_name": "room-1"}
    st, h, b = call("POST", "/v1/runtime-tokens/request", start)
    sid = b.get("session_id", "")
    rep("session start: flat cs_ answer, not metered", st == 200 and b.get("avatar_session_started") is True
        and sid.startswith("cs_") and b["user_id"] == uid and "X-RateLimit-Limit" not in h, (b, h))
    w.session_cap = 1
    st, h, b = call("POST", "/v1/runtime-tokens/request", dict(start, room_name="room-2"))
    rep("over the cap -> 403 CONCURRENCY_LIMIT_REACHED", st == 403 and b["error"]["code"] == "CONCURRENCY_LIMIT_REACHED", b)
    st, h, b = call("POST", "/v1/agent/A5/speak", {"message": "hello room"})
    rep("speak with a live room", b == {"agent_code": "A5", "context_type": "speak", "delivered_to_rooms": 1}, b)
    st, h, b = call("POST", "/v1/agent/A5/add-context", {"context": "c", "type": "bogus"})
    rep("add-context bad type -> 400", st == 400, b)
    w.session_speed = 600.0   # ten session minutes per second
    time.sleep(0.2)
    st, h, b = call("GET", f"/v1/runtime-sessions/{sid}")
    rep("session get: live, billed so far", b["status"] == "live" and b["credits"] >= 4, b)
    bal = w.balance
    st, h, e1 = call("POST", f"/v1/runtime-sessions/{sid}/end")
    st, h, e2 = call("POST", f"/v1/runtime-sessions/{sid}/end")
    rep("end: billed, idempotent", e1["ended"] is True and e1["credits"] >= 4 and e1 == e2
        and w.balance == bal - e1["credits"], (e1, e2, bal, w.balance))
    st, h, b = call("GET", f"/v2/{uid}/runtime-sessions?window=all")
    row = (b.get("data", {}).get("sessions") or [{}])[0]
    rep("v2 list", st == 200 and row.get("status") == "ended" and b["data"]["active_count"] == 0, b)
    st, h, b = call("GET", f"/v2/{uid}/runtime-sessions/{row.get('id')}/messages")
    rep("v2 messages oldest first", st == 200 and b["data"]["messages"][0]["role"] == "user"
        and b["data"]["messages"][-1]["message"] == "hello room", b)
    st, h, b = call("GET", "/v2//runtime-sessions")
    rep("empty user id -> 404", st == 404, b)
    st, h, b = call("GET", f"/v1/runtime-sessions/cs_nope")
    rep("unknown session -> 404", st == 404, b)
    st, h, b = call("POST", "/v1/runtime-tokens/request", start)
    st, h, b = call("POST", f"/v2/{uid}/runtime-sessions/" + w.sessions[b["session_id"]]["id"] + "/terminate", {})
    rep("v2 terminate", st == 200 and b["data"]["closed"] is True, b)
    st, h, b = call("POST", "/v1/embed-tokens/request", {"agent_id": "A5", "fingerprint": "ab12"})
    rep("embed token", st == 200 and b["status"] == "success" and b["data"]["token"].count(".") == 2, b)
    st, h, b = call("POST", "/v1/embed-tokens/request", {"agent_id": "A5"})
    rep("embed token needs fingerprint", st == 400, b)
    st, h, b = call("POST", f"/v2/{uid}/runtime/revoke-all", {})
    st2, h2, b2 = call("POST", "/v1/runtime-tokens/request", start)
    rep("revoke-all, then 403 RUNTIME_SUSPENDED", b["data"]["revoked"] is True and st2 == 403
        and b2["error"]["code"] == "RUNTIME_SUSPENDED", (b, b2))


def main(argv):
    """python3 fake.py                      self-test
    python3 fake.py --serve [--port N] [--host H] [--plan P] [--rate-limit generate=N,write=N,read=N]
                            [--webhook-faults drop=P,duplicate=P,late=P,bad-signature=P] [--gen-seconds S]"""
    if "--serve" not in argv:
        selftest()
        print("fake self-test ok")
        return
    opt = lambda k, d=None: argv[argv.index(k) + 1] if k in argv else d
    f = Fake(plan=opt("--plan"), host=opt("--host", "127.0.0.1"), port=int(opt("--port", "0")),
             webhook_faults=opt("--webhook-faults"))
    f.w.mint_agent_ids = True
    if opt("--gen-seconds"):
        f.w.gen_seconds = float(opt("--gen-seconds"))
    if opt("--rate-limit"):
        f.w.set_limits(**{k: int(v) for k, v in (kv.split("=") for kv in opt("--rate-limit").split(","))})
    print(f.base, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        f.close()


if __name__ == "__main__":
    import sys
    main(sys.argv[1:])
