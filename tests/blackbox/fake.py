"""Scriptable fake of the bitHuman API, written from SPEC.md / API-NOTES.md only."""
import json, re, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

ROUTES = [
    ("POST", r"^/v1/agent/generate$", "generate"),
    ("GET", r"^/v1/agent/status/([^/?]+)$", "status"),
    ("GET", r"^/v1/agent/([^/?]+)/model/download$", "download"),
    ("POST", r"^/v1/validate$", "validate"),
    ("POST", r"^/v1/files/upload$", "upload"),
    ("GET", r"^/files/(.+)$", "filehost"),
    ("GET", r"^/v1/agent/([^/?]+)$", "agent"),
]


def envelope(status, code, message):
    return (status, {"Content-Type": "application/json"},
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


class Fake:
    def __init__(self):
        self.log = []
        self.queues = {}
        self.defaults = {}
        self.lock = threading.Lock()
        fake = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def handle_any(self, method):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                path, _, query = self.path.partition("?")
                req = {"method": method, "path": path, "query": query,
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
                    q = fake.queues.get(route)
                    if q:
                        resp = q.pop(0) if len(q) > 1 or not getattr(q, "sticky", True) else q[0]
                    else:
                        resp = fake.defaults.get(route)
                if callable(resp):
                    resp = resp(req, m)
                if resp is None:
                    resp = envelope(404, "NOT_FOUND", "no route")
                status, headers, b = resp
                if isinstance(b, (dict, list)):
                    b = json.dumps(b).encode()
                elif isinstance(b, str):
                    b = b.encode()
                if headers.get("_delay"):
                    time.sleep(headers["_delay"])
                self.send_response(status)
                for k, v in headers.items():
                    if not k.startswith("_"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(headers.get("_cl", len(b))))
                self.end_headers()
                self.wfile.write(b)
                if headers.get("_cl"):
                    self.wfile.flush()
                    self.close_connection = True

            def do_GET(self):
                self.handle_any("GET")

            def do_POST(self):
                self.handle_any("POST")

            def do_PUT(self):
                self.handle_any("PUT")

        self.srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.srv.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()
        self.reset()

    def reset(self):
        with self.lock:
            self.log.clear()
            self.queues.clear()
            self.defaults = {
                "generate": ok({"success": True, "message": "Agent generation started",
                                "agent_id": "A91XMB7113", "status": "processing"}),
                "status": lambda req, m: record(m.group(1)),
                "validate": ok({"valid": True}),
                "upload": lambda req, m: ok({"success": True, "message": "File uploaded successfully",
                                             "data": {"file_url": f"{self.base}/files/up/"
                                                      + str((req.get("json") or {}).get("file_name")),
                                                      "file_type": "image"}}),
                "download": lambda req, m: ok({"success": True, "data": {
                    "code": m.group(1), "model": "essence-1", "filename": f"{m.group(1)}.imx",
                    "url": f"{self.base}/files/models/{m.group(1)}.imx", "expires_in": 3600}}),
                "filehost": (200, {"Content-Type": "application/octet-stream"}, b"IMXDATA-" * 100),
            }

    def script(self, route, responses):
        """Responses consumed in order; the last one repeats."""
        with self.lock:
            self.queues[route] = list(responses)

    def reqs(self, route=None):
        with self.lock:
            return [r for r in self.log if route is None or r["route"] == route]

    def close(self):
        self.srv.shutdown()
