#!/usr/bin/env python3
"""A minimal local HTTP sink for the benchmarks.

Listens on 127.0.0.1 (port 0 = any free port), prints its base URL on stdout
line 1 (like `bithuman sandbox serve`), then serves until SIGTERM/SIGINT.

For every request it reads the body as fast as it can into one reusable
large buffer (discarding it), then answers:

  POST /v1/files/upload      -> {"success": true, "data": {"file_url": ...}}
  POST /v1/agent/generate    -> {"success": true, "agent_id": ..., "status": "processing"}
  GET  /v1/agent/status/{id} -> {"success": true, "data": {...status "processing"...}}
  anything else              -> 404 with the API's error envelope

It honours `Expect: 100-continue`, `Content-Length` and chunked bodies, and
HTTP/1.1 keep-alive. With --log FILE it appends one line per request:
`METHOD PATH BODY_BYTES` so the harness can check every body arrived whole.
"""

import argparse
import json
import signal
import socket
import sys
import threading

BUF_SIZE = 4 * 1024 * 1024
SOCK_BUF = 8 * 1024 * 1024

AGENT_ID = "A91BENCH01"


class Conn:
    def __init__(self, sock):
        self.sock = sock
        self.buf = bytearray(BUF_SIZE)
        self.view = memoryview(self.buf)
        self.pending = b""  # bytes read past the current point

    def read_head(self):
        data = bytearray(self.pending)
        self.pending = b""
        while b"\r\n\r\n" not in data:
            if len(data) > 1 << 20:
                raise ValueError("header too large")
            n = self.sock.recv_into(self.view)
            if n == 0:
                return None
            data += self.view[:n]
        head, rest = bytes(data).split(b"\r\n\r\n", 1)
        self.pending = rest
        return head

    def discard(self, length):
        """Read and drop exactly `length` bytes; returns how many were read."""
        got = 0
        if self.pending:
            take = min(len(self.pending), length)
            got += take
            self.pending = self.pending[take:]
        while got < length:
            want = min(BUF_SIZE, length - got)
            n = self.sock.recv_into(self.view[:want])
            if n == 0:
                break
            got += n
        return got

    def read_line(self):
        data = bytearray(self.pending)
        self.pending = b""
        while b"\r\n" not in data:
            n = self.sock.recv_into(self.view[:65536])
            if n == 0:
                return None
            data += self.view[:n]
        line, rest = bytes(data).split(b"\r\n", 1)
        self.pending = rest
        return line

    def discard_chunked(self):
        total = 0
        while True:
            line = self.read_line()
            if line is None:
                return total
            size = int(line.split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                # trailers until an empty line
                while True:
                    t = self.read_line()
                    if not t:
                        return total
            total += self.discard(size)
            self.read_line()  # CRLF after the chunk


def answer(method, path, base):
    if method == "POST" and path == "/v1/files/upload":
        return 200, {
            "success": True,
            "message": "File uploaded successfully",
            "data": {
                "file_url": f"{base}/files/uploads/bench.png",
                "original_source": "bench.png",
                "file_type": "image",
                "file_size": 0,
                "mime_type": "image/png",
                "asset_category": "image",
                "uploaded_at": "2026-01-01T00:00:00Z",
            },
        }
    if method == "POST" and path == "/v1/agent/generate":
        return 200, {
            "success": True,
            "message": "Agent generation started",
            "agent_id": AGENT_ID,
            "status": "processing",
        }
    if method == "GET" and path.startswith("/v1/agent/status/"):
        agent = path.rsplit("/", 1)[1]
        return 200, {
            "success": True,
            "data": {
                "agent_id": agent,
                "status": "processing",
                "progress": 0.0,
                "current_step": None,
                "model": "essence-1",
                "model_url": None,
            },
        }
    return 404, {
        "error": {"code": "NOT_FOUND", "message": "Not Found", "httpStatus": 404},
        "status": "error",
        "status_code": 404,
    }


def handle(sock, base, log, lock):
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SOCK_BUF)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    conn = Conn(sock)
    try:
        while True:
            head = conn.read_head()
            if head is None:
                return
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = (lines[0].split(" ") + ["", "", ""])[:3]
            headers = {}
            for line in lines[1:]:
                if ":" in line:
                    k, v = line.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            path = target.split("?", 1)[0]
            if headers.get("expect", "").lower() == "100-continue":
                sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            if "chunked" in headers.get("transfer-encoding", "").lower():
                got = conn.discard_chunked()
            else:
                got = conn.discard(int(headers.get("content-length", "0") or 0))
            if log is not None:
                with lock:
                    log.write(f"{method} {path} {got}\n")
                    log.flush()
            status, body = answer(method, path, base)
            payload = json.dumps(body).encode()
            close = headers.get("connection", "").lower() == "close" or version == "HTTP/1.0"
            reason = "OK" if status == 200 else "Not Found"
            sock.sendall(
                f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(payload)}\r\n"
                f"Connection: {'close' if close else 'keep-alive'}\r\n\r\n".encode()
                + payload
            )
            if close:
                return
    except (OSError, ValueError):
        return
    finally:
        try:
            sock.close()
        except OSError:
            pass


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--log", help="append `METHOD PATH BODY_BYTES` per request here")
    a = p.parse_args()

    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Set before listen so accepted sockets inherit a large window.
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SOCK_BUF)
    srv.bind(("127.0.0.1", a.port))
    srv.listen(64)
    base = "http://127.0.0.1:%d" % srv.getsockname()[1]
    log = open(a.log, "a", encoding="utf-8") if a.log else None
    lock = threading.Lock()

    def stop(*_):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(base, flush=True)
    try:
        while True:
            c, _ = srv.accept()
            threading.Thread(target=handle, args=(c, base, log, lock), daemon=True).start()
    except SystemExit:
        pass
    finally:
        srv.close()
        if log:
            log.close()
    sys.exit(0)


if __name__ == "__main__":
    main()
