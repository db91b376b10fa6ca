#!/usr/bin/env python3
"""A loopback fault proxy between the AWS client under test and moto.

It passes every request through to moto unchanged (method, target, headers
with Host as received, body), so SigV4 signatures stay valid, and injects
the faults the tests ask for: synthetic AWS errors in each protocol's own
shape, delays, dropped connections. moto itself never throttles or fails
at random, so this is how retries and back-off are proven.

Usage: fault_proxy.py --upstream-port PORT [--max-delay-ms N]
                      [--max-requests N] [--max-runtime SECONDS]

Both servers listen on 127.0.0.1, on ports the kernel picks; the first line
on stdout is `FAULT_PROXY proxy_port=P control_port=C`.

Control API (JSON, on the control port):
  GET  /health  -> {"ok": true}
  POST /rules   {"rules": [RULE, ...]}  replaces the rules (fresh counters)
  POST /reset   forgets rules, the request log and attempt counters
  GET  /log     -> {"requests": [ENTRY, ...]} in arrival order

RULE: {"service": "ec2" | "*", "operation": "DescribeVpcs" | "*",
       "body_contains": "text" (optional),
       "action": "error" | "delay" | "close" | "stall" | "pass",
       "error": "throttling" | "too_many_requests" | "internal" |
                "unavailable" | {"status": 400, "code": "...", "message": "..."},
       "delay_ms": 200, "when": "before" | "after" (forwarding),
       "times": K (only the first K matching requests; omitted = all),
       "probability": p, "seed": n (reproducible random faults)}
The first rule that matches a request and fires decides what happens to it.

ENTRY: {"index", "time" (seconds since the proxy started, at arrival),
        "service", "operation", "method", "path", "attempt" (n-th request
        for this service and operation since the last reset), "action"
        ("pass", "error:Throttling", "delay:200", "close", "stall"),
        "status" (the status returned, null when the connection was closed)}

Hard limits keep a broken retry loop from hanging a test run: every delay is
capped, the total request count is capped, the process exits after
--max-runtime seconds, and it exits when its parent process goes away.
"""

import argparse
import http.client
import http.server
import json
import os
import random
import re
import socket
import sys
import threading
import time
import urllib.parse
import uuid

QUERY_SERVICES = {"iam", "sts", "autoscaling", "elasticloadbalancing", "sns", "sqs", "cloudformation", "rds"}
REST_JSON_SERVICES = {"elasticfilesystem"}

PRESETS = {
    # name: {shape: (status, code, message)}; "*" is every other shape.
    "throttling": {
        "ec2": (503, "RequestLimitExceeded", "Request limit exceeded."),
        "query": (400, "Throttling", "Rate exceeded"),
        "json": (400, "ThrottlingException", "Rate exceeded"),
        "rest-json": (429, "ThrottlingException", "Rate exceeded"),
    },
    "too_many_requests": {"*": (429, "TooManyRequestsException", "Too many requests")},
    "internal": {"*": (500, "InternalError", "We encountered an internal error. Please try again.")},
    "unavailable": {"*": (503, "ServiceUnavailable", "Service is unavailable. Please try again.")},
}

REASONS = {200: "OK", 400: "Bad Request", 429: "Too Many Requests", 500: "Internal Server Error",
           502: "Bad Gateway", 503: "Service Unavailable"}

CREDENTIAL_SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/[^/]+/([^/]+)/aws4_request")
ID_SEGMENT = re.compile(r"^[a-z]+-[0-9a-f]{6,}$")


def shape_of(service):
    if service == "ec2":
        return "ec2"
    if service in QUERY_SERVICES:
        return "query"
    if service in REST_JSON_SERVICES:
        return "rest-json"
    return "json"


def classify(method, target, headers, body):
    """(service, operation) of a request, as the rules name them."""
    match = CREDENTIAL_SCOPE.search(headers.get("Authorization", ""))
    service = match.group(1) if match else "unknown"
    amz_target = headers.get("X-Amz-Target")
    if amz_target:
        return service, amz_target.rsplit(".", 1)[-1]
    path, _, query = target.partition("?")
    content_type = headers.get("Content-Type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return service, action[0]
    action = urllib.parse.parse_qs(query).get("Action")
    if action:
        return service, action[0]
    segments = ["{id}" if ID_SEGMENT.match(s) or "%" in s or ":" in s else s for s in path.split("/")]
    return service, method + " " + "/".join(segments)


class Rule:
    def __init__(self, spec, max_delay_ms):
        self.service = spec.get("service", "*")
        self.operation = spec.get("operation", "*")
        self.body_contains = spec.get("body_contains")
        self.action = spec.get("action", "error")
        if self.action not in ("error", "delay", "close", "stall", "pass"):
            raise ValueError("unknown action %r" % self.action)
        self.error = spec.get("error", "throttling")
        if isinstance(self.error, str) and self.error not in PRESETS:
            raise ValueError("unknown error preset %r" % self.error)
        self.delay_ms = max(0, min(int(spec.get("delay_ms", 0)), max_delay_ms))
        self.when = spec.get("when", "before")
        self.times = spec.get("times")
        self.probability = spec.get("probability")
        self.random = random.Random(spec.get("seed", 0))
        self.fired = 0

    def matches(self, service, operation, body):
        if self.service not in ("*", service) or self.operation not in ("*", operation):
            return False
        return self.body_contains is None or self.body_contains.encode() in body

    def fires(self):
        """Called under the state lock for a matching request."""
        if self.times is not None and self.fired >= self.times:
            return False
        if self.probability is not None and self.random.random() >= self.probability:
            return False
        self.fired += 1
        return True

    def error_for(self, service):
        if isinstance(self.error, dict):
            return (int(self.error.get("status", 400)), self.error.get("code", "InjectedError"),
                    self.error.get("message", "injected by the fault proxy"))
        table = PRESETS[self.error]
        return table.get(shape_of(service)) or table["*"]


class State:
    def __init__(self, options):
        self.options = options
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.rules = []
        self.log = []
        self.attempts = {}
        self.total = 0

    def arrive(self, service, operation, method, target, body):
        """Logs a request and returns (entry, rule or None, over the cap)."""
        with self.lock:
            self.total += 1
            key = (service, operation)
            self.attempts[key] = self.attempts.get(key, 0) + 1
            entry = {"index": len(self.log), "time": round(time.monotonic() - self.started, 6),
                     "service": service, "operation": operation, "method": method,
                     "path": target.partition("?")[0], "attempt": self.attempts[key],
                     "action": "pass", "status": None}
            self.log.append(entry)
            if self.total > self.options.max_requests:
                entry["action"] = "refused:request-cap"
                return entry, None, True
            for rule in self.rules:
                if rule.matches(service, operation, body) and rule.fires():
                    return entry, rule, False
            return entry, None, False


class ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # so that `Expect: 100-continue` is answered

    def log_message(self, format, *args):
        pass

    def do_any(self):
        state = self.server.state
        body = self.read_body()
        service, operation = classify(self.command, self.path, self.headers, body)
        entry, rule, capped = state.arrive(service, operation, self.command, self.path, body)
        self.close_connection = True
        if capped:
            self.reply(entry, 503, [("Content-Type", "text/plain")],
                       b"fault proxy: request cap reached; a retry loop is probably broken\n")
            return
        if rule is not None and rule.action == "error":
            status, code, message = rule.error_for(service)
            entry["action"] = "error:" + code
            self.reply(entry, *synthetic_error(service, status, code, message))
            return
        if rule is not None and rule.action == "close":
            entry["action"] = "close"
            return
        if rule is not None and rule.action == "stall":
            entry["action"] = "stall"
            time.sleep(state.options.max_delay_ms / 1000.0)
            return
        delay_after = 0.0
        if rule is not None and rule.action == "delay":
            entry["action"] = "delay:%d" % rule.delay_ms
            if rule.when == "after":
                delay_after = rule.delay_ms / 1000.0
            else:
                time.sleep(rule.delay_ms / 1000.0)
        status, headers, payload = self.forward(body)
        if delay_after:
            time.sleep(delay_after)
        self.reply(entry, status, headers, payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_any

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length", "0") or "0")
        return self.rfile.read(length) if length else b""

    def forward(self, body):
        options = self.server.state.options
        connection = http.client.HTTPConnection("127.0.0.1", options.upstream_port, timeout=options.upstream_timeout)
        try:
            connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            chunked = self.headers.get("Transfer-Encoding", "").lower() == "chunked"
            for name, value in self.headers.items():
                # Expect is never signed; the body goes along at once.
                if name.lower() == "expect" or (chunked and name.lower() == "transfer-encoding"):
                    continue
                connection.putheader(name, value)
            if chunked:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body if body else None)
            response = connection.getresponse()
            payload = response.read()
            headers = [(n, v) for n, v in response.getheaders()
                       if n.lower() not in ("content-length", "transfer-encoding", "connection")]
            return response.status, headers, payload
        except (OSError, http.client.HTTPException) as error:
            message = ("fault proxy: moto on port %d did not answer: %s\n" % (options.upstream_port, error)).encode()
            return 502, [("Content-Type", "text/plain")], message
        finally:
            connection.close()

    def reply(self, entry, status, headers, payload):
        entry["status"] = status
        lines = ["HTTP/1.1 %d %s" % (status, REASONS.get(status, "Status"))]
        lines += ["%s: %s" % (name, value) for name, value in headers]
        lines += ["Content-Length: %d" % len(payload), "Connection: close", "", ""]
        try:
            self.wfile.write("\r\n".join(lines).encode("latin-1") + (payload if self.command != "HEAD" else b""))
            self.wfile.flush()
        except OSError:
            pass  # the client gave up (a timeout test); nothing to tell it


def synthetic_error(service, status, code, message):
    request_id = str(uuid.uuid4())
    shape = shape_of(service)
    if shape == "ec2":
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>%s</Code>'
                '<Message>%s</Message></Error></Errors><RequestID>%s</RequestID></Response>') % (code, message, request_id)
        return status, [("Content-Type", "text/xml;charset=UTF-8")], body.encode()
    if shape == "query":
        kind = "Receiver" if status >= 500 else "Sender"
        body = ('<ErrorResponse><Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>'
                '<RequestId>%s</RequestId></ErrorResponse>') % (kind, code, message, request_id)
        return status, [("Content-Type", "text/xml"), ("x-amzn-RequestId", request_id)], body.encode()
    body = json.dumps({"__type": code, "message": message}).encode()
    content_type = "application/json" if shape == "rest-json" else "application/x-amz-json-1.1"
    return status, [("Content-Type", content_type), ("x-amzn-RequestId", request_id), ("x-amzn-ErrorType", code)], body


class ControlHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send_json(self, status, value):
        payload = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)
        self.close_connection = True

    def do_GET(self):
        state = self.server.state
        if self.path == "/health":
            self.send_json(200, {"ok": True})
        elif self.path == "/log":
            with state.lock:
                entries = [dict(entry) for entry in state.log]
            self.send_json(200, {"requests": entries})
        else:
            self.send_json(404, {"error": "unknown path " + self.path})

    def do_POST(self):
        state = self.server.state
        length = int(self.headers.get("Content-Length", "0") or "0")
        raw = self.rfile.read(length) if length else b""
        if self.path == "/reset":
            with state.lock:
                state.rules, state.log, state.attempts = [], [], {}
            self.send_json(200, {"ok": True})
        elif self.path == "/rules":
            try:
                specs = json.loads(raw or b"{}").get("rules", [])
                rules = [Rule(spec, state.options.max_delay_ms) for spec in specs]
            except (ValueError, AttributeError, TypeError) as error:
                self.send_json(400, {"error": "bad rules: %s" % error})
                return
            with state.lock:
                state.rules = rules
            self.send_json(200, {"ok": True, "rules": len(rules)})
        else:
            self.send_json(404, {"error": "unknown path " + self.path})


def watch(parent, deadline):
    """Exits when the parent is gone (the tests died) or the run is too long."""
    while True:
        if os.getppid() != parent or time.monotonic() > deadline:
            os._exit(0)
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description="Loopback fault proxy in front of moto.")
    parser.add_argument("--upstream-port", type=int, required=True)
    parser.add_argument("--upstream-timeout", type=float, default=60.0)
    parser.add_argument("--max-delay-ms", type=int, default=30000)
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--max-runtime", type=float, default=1800.0)
    options = parser.parse_args()
    state = State(options)
    servers = []
    for handler in (ProxyHandler, ControlHandler):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        server.state = state
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("FAULT_PROXY proxy_port=%d control_port=%d" % (servers[0].server_address[1], servers[1].server_address[1]),
          flush=True)
    watch(os.getppid(), time.monotonic() + options.max_runtime)


if __name__ == "__main__":
    main()
