#!/usr/bin/env python3
"""The benchmark suite: Stoplicht's pages, API, login, import and documents under wrk, each
beside Debian's nginx serving the same bytes as a static file with the same wrk settings.

For every endpoint: requests/s, p50 and p99 latency, errors (socket errors and non-2xx
answers), the server's resident memory after it and, for the same bytes from nginx,
nginx's requests/s and Stoplicht's share of it. The server's peak resident memory (VmHWM)
closes the table. Prints Markdown; `--out FILE` appends it to FILE too.

    scripts/bench-suite.py BINARY --dataset seed
    scripts/bench-suite.py BINARY --dataset generated --size 10x1x100x24     (organisations x programmes x projects x periods)
    DATABASE_URL=postgres://… scripts/bench-suite.py BINARY --dataset generated --size 100x20x100x25   (an empty database)

Use scripts/bench-suite, which builds the release binary and checks the tools first.
"""
import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

SEED = "Sources/Stoplicht/Demo/woudenberg-dienstverlening-2018.txt"


def sh(*args, env=None, check=True):
    result = subprocess.run(list(args), env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} faalde:\n{result.stdout}\n{result.stderr}")
    return result


def http(url, headers=None, data=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status, dict(response.headers), response.read()


def probe(url, headers=None, data=None):
    """One request as wrk sends it, following no redirect: status, headers and body."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# Each endpoint's status and what only its own answer holds, whatever the dataset: a page's
# <h1> or a distinctive element, a document's signature. The upload is answered with a 303
# to its preview; the marker is the preview's.
MARKERS = {
    "stylesheet": (200, b".stoplicht-light--warning"),
    "start page": (200, b'<h1 class="utrecht-heading-1">Programma&#39;s</h1>'),
    "overview": (200, b'<h1 class="utrecht-heading-1">Programma '),
    "report": (200, b'<th scope="col" class="stoplicht-col-remarks">Opmerking(en)</th>'),
    "project page": (200, b'<p class="stoplicht-kicker">Project 2 \xe2\x80\x94 programma '),
    "API project list": (200, b'"projects":['),
    "login page": (200, b'<h1 class="utrecht-heading-1">Inloggen</h1>'),
    "import preview": (303, b'<h1 class="utrecht-heading-1">Controleer de import</h1>'),
    "ODT": (200, b"mimetypeapplication/vnd.oasis.opendocument.text"),
    "DOCX": (200, b"word/document.xml"),
    "XLSX": (200, b"xl/workbook.xml"),
    "PDF": (200, b"%PDF-"),
}


def memory(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


class Server:
    """Stoplicht serving the dataset: `stoplicht demo` for the seed, `serve` otherwise."""

    def __init__(self, binary, env, port, work, demo):
        log = open(os.path.join(work, "server.log"), "w")
        command = [binary, "demo" if demo else "serve", "--port", str(port)]
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{port}"
        self.log = log.name
        deadline = time.time() + 600
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"Stoplicht stopte; zie {self.log}:\n{open(self.log).read()[-2000:]}")
            if not demo or "beheerder@voorbeeld.nl" in open(self.log).read():
                try:
                    http(self.base + "/inloggen")
                    return
                except OSError:
                    pass
            time.sleep(0.2)
        sys.exit("Stoplicht antwoordde niet")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


class Nginx:
    """Debian's nginx serving the saved bodies from a folder, on its own port."""

    def __init__(self, work, port):
        self.root = os.path.join(work, "static")
        os.makedirs(self.root, exist_ok=True)
        os.makedirs(os.path.join(work, "nginx-temp"), exist_ok=True)
        self.config = os.path.join(work, "nginx.conf")
        with open(self.config, "w") as config:
            config.write(f"""
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path {work}/nginx-temp;
  proxy_temp_path {work}/nginx-temp;
  fastcgi_temp_path {work}/nginx-temp;
  uwsgi_temp_path {work}/nginx-temp;
  scgi_temp_path {work}/nginx-temp;
  types {{ text/html html; text/css css; application/json json; application/pdf pdf;
          application/vnd.oasis.opendocument.text odt; text/csv csv;
          application/vnd.openxmlformats-officedocument.wordprocessingml.document docx;
          application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx; }}
  server {{
    listen 127.0.0.1:{port};
    root {self.root};
    location / {{ try_files $uri =404; }}
  }}
}}
""")
        self.process = subprocess.Popen(["nginx", "-c", self.config, "-g", "daemon off;"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{port}"
        time.sleep(0.5)
        if self.process.poll() is not None:
            sys.exit(f"nginx startte niet: {open(os.path.join(work, 'nginx-error.log')).read()}")

    def serve(self, name, body):
        with open(os.path.join(self.root, name), "wb") as file:
            file.write(body)
        return f"{self.base}/{name}"

    def stop(self):
        self.process.send_signal(signal.SIGQUIT)
        self.process.wait(timeout=30)


def wrk(url, seconds, connections, headers=(), script=None):
    """wrk's figures: requests/s, p50 and p99 in ms, errors; after a 2-second warm-up."""
    base = ["wrk", "-t2", f"-c{connections}", "--latency", "--timeout", "30s"]
    for header in headers:
        base += ["-H", header]
    if script:
        base += ["-s", script]
    subprocess.run(base + ["-d2s", url], capture_output=True)
    out = subprocess.run(base + [f"-d{seconds}s", url], capture_output=True, text=True).stdout

    def latency(label):
        match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = (sum(int(g) for g in socket.groups()) if socket else 0) + (int(non2xx.group(1)) if non2xx else 0)
    return {"rps": rps, "p50": latency("50%"), "p99": latency("99%"), "errors": errors}


class Changes:
    """While open, renames the programme's first project once a second, committed from
    outside the server (as `stoplicht import` on the command line would): every live page
    kept before it is made again for the next reader."""

    def __init__(self, env, programme):
        self.env, self.programme, self.stopped = env, programme, threading.Event()

    def change(self, n):
        name = f"Klantcontact, wijziging {n}"
        if self.env.get("DATABASE_URL"):
            sql = ("UPDATE projects SET name = '%s' WHERE number = 1 AND programme_id = "
                   "(SELECT id FROM programmes WHERE slug = '%s')" % (name, self.programme))
            sh("psql", self.env["DATABASE_URL"], "-qAtc", sql)
        else:
            with sqlite3.connect(self.env["STOPLICHT_SQLITE"], timeout=30) as db:
                db.execute("UPDATE projects SET name = ? WHERE number = 1 AND programme_id = "
                           "(SELECT id FROM programmes WHERE slug = ?)", (name, self.programme))

    def run(self):
        n = 0
        while not self.stopped.wait(1.0):
            n += 1
            self.change(n)

    def __enter__(self):
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()


def lua_post(body, content_type, work, name):
    """A wrk script that POSTs the same body again and again."""
    data = os.path.join(work, name + ".body")
    with open(data, "wb") as file:
        file.write(body)
    script = os.path.join(work, name + ".lua")
    with open(script, "w") as file:
        file.write(f"""
local f = io.open("{data}", "rb"); local body = f:read("*all"); f:close()
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "{content_type}"
""")
    return script


def multipart(fields, file_field, file_name, file_bytes):
    boundary = "----stoplicht-bench-" + str(random.randrange(10**12))
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
                 f"Content-Type: text/plain\r\n\r\n".encode() + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """Keeps the session cookie itself: it is Secure, and urllib sends no Secure cookie over
    plain http, not even to localhost (browsers and curl do)."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    @property
    def cookie(self):
        """The session's cookie as a Cookie header's pair, or None."""
        value = self.cookies.get("stoplicht-sessie")
        return f"stoplicht-sessie={value}" if value else None

    def open(self, path, data=None):
        request = urllib.request.Request(self.base + path, data=data)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:
            response = error
        # The session's cookie and the login form's (which carries the form's token).
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";", 1)[0].partition("=")
            if value:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return response.status, response.read().decode(errors="replace")

    def log_in(self, email, password):
        """The form for its CSRF token, then the post: the post's status and milliseconds."""
        token = re.search(r'name="_csrf" value="([^"]*)"', self.open("/inloggen")[1]).group(1)
        data = urllib.parse.urlencode({"_csrf": token, "email": email, "wachtwoord": password}).encode()
        began = time.perf_counter()
        status, _ = self.open("/inloggen", data)
        return status, (time.perf_counter() - began) * 1000


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(base, email, password):
    """The login form as a browser sends it; answers the session cookie."""
    browser = Browser(base)
    if browser.log_in(email, password)[0] != 303 or not browser.cookie:
        sys.exit("inloggen mislukt")
    return browser.cookie


def logins(base, email, password, seconds, connections):
    """Whole logins from `connections` threads for `seconds`: requests/s and latency of the post."""
    import concurrent.futures
    import threading
    stop = time.time() + seconds
    timings, errors, lock, reasons = [], [0], threading.Lock(), {}

    def worker():
        while time.time() < stop:
            try:
                status, elapsed = Browser(base).log_in(email, password)
                with lock:
                    if status == 303:
                        timings.append(elapsed)
                    else:
                        errors[0] += 1
                        reasons[status] = reasons.get(status, 0) + 1
            except Exception as error:
                with lock:
                    errors[0] += 1
                    reasons[type(error).__name__] = reasons.get(type(error).__name__, 0) + 1

    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        for _ in range(connections):
            pool.submit(worker)
    timings.sort()
    if reasons:
        print(f"login errors: {reasons}", file=sys.stderr)
    pick = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))] if timings else float("nan")
    return {"rps": len(timings) / seconds, "p50": pick(0.5), "p99": pick(0.99), "errors": errors[0]}


def csrf_of(base, cookie, path):
    page = http(base + path, {"Cookie": cookie})[2].decode()
    return re.search(r'name="_csrf" value="([^"]*)"', page).group(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--dataset", choices=["seed", "generated"], default="seed")
    parser.add_argument("--size", default="10x1x100x24", help="organisations x programmes x projects x periods")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8093)
    parser.add_argument("--nginx-port", type=int, default=8092)
    parser.add_argument("--out")
    parser.add_argument("--skip", default="", help="comma-separated endpoint names to leave out")
    parser.add_argument("--existing", action="store_true",
                        help="with --dataset generated: measure the data already in DATABASE_URL (generated before) again")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="stoplicht-bench-")
    # nginx's workers run as nobody: without this they answer every saved body with a 404.
    os.chmod(work, 0o755)
    password = "bench-" + str(random.randrange(10**12))
    env = dict(os.environ, LOG_LEVEL="error", STOPLICHT_SQLITE=os.path.join(work, "bench.sqlite"),
               STOPLICHT_DEMO_SQLITE=os.path.join(work, "demo.sqlite"), STOPLICHT_DEMO_PASSWORD=password,
               STOPLICHT_PASSWORD=password)
    database = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    if args.dataset == "seed":
        # The commands (a token) reach the demo's own file.
        env.pop("DATABASE_URL", None)
        env["STOPLICHT_SQLITE"] = env["STOPLICHT_DEMO_SQLITE"]
        database = "SQLite"
    email = "beheerder@voorbeeld.nl"
    generated = ""
    started = time.time()
    if args.dataset == "generated" and args.existing:
        email = f"bench-{random.randrange(10**9)}@voorbeeld.nl"
        sh(args.binary, "user", "add", email, "--name", "Bench", "--administrator", env=env)
        generated = "existing data"
    elif args.dataset == "generated":
        o, p, n, t = (int(x) for x in args.size.split("x"))
        if database == "PostgreSQL":
            sh(args.binary, "migrate", "--yes", env=env)
        out = sh(args.binary, "generate", "--organisations", str(o), "--programmes", str(p), "--projects", str(n),
                 "--periods", str(t), env=env).stdout
        generated = out.strip().splitlines()[-1]
        sh(args.binary, "user", "add", email, "--name", "Beheerder", "--administrator", env=env)
    setup_seconds = time.time() - started
    server = Server(args.binary, env, args.port, work, demo=args.dataset == "seed")
    nginx = Nginx(work, args.nginx_port)
    try:
        base = server.base
        cookie = log_in(base, email, password)
        token = re.search(r"^(stl_[A-Za-z0-9_-]+)$", sh(args.binary, "token", "create", "--user", email, "--name", "bench",
                                                        env=env).stdout, re.M).group(1)
        auth = f"Authorization: Bearer {token}"
        programmes = json.loads(http(base + "/api/v1/programmes", {"Authorization": f"Bearer {token}"})[2])["programmes"]
        programme = programmes[0]["slug"]
        periods = json.loads(http(base + f"/api/v1/programmes/{programme}/periods?page-size=100",
                                  {"Authorization": f"Bearer {token}"})[2])["periods"]
        published = [x["slug"] for x in periods if x["state"] == "gepubliceerd"]
        live = periods[-1]["slug"]
        if periods[-1]["state"] == "gepubliceerd":
            sys.exit("de laatste periode is gepubliceerd; er is geen live rapportage om te meten")
        session = f"Cookie: {cookie}"
        csrf = csrf_of(base, cookie, "/importeren")
        seed = open(SEED, "rb").read()
        upload, upload_type = multipart({"_csrf": csrf, "gemeente": "Gemeente Woudenberg"}, "bestand", "rapportage.txt", seed)

        # Each endpoint with bytes only its own answer holds: an answer without them (the
        # login page, an error page) is not what is to be measured, and stops the suite.
        endpoints = [
            # The ceiling: bytes from memory through Vapor and Stoplicht's middleware, no database.
            ("stylesheet (no database)", "/css/stoplicht.css", [], None, MARKERS["stylesheet"]),
            # Everyone's first page: the installation's programmes, a page of 30 at a time.
            ("start page", "/", [], None, MARKERS["start page"]),
            ("overview", f"/programmas/{programme}", [session], None, MARKERS["overview"]),
            # The same while someone saves a change every second, as in a period's update
            # days: after each change the first readers wait for the page to be made.
            ("overview changed every second", f"/programmas/{programme}", [session], "changes", MARKERS["overview"]),
            ("published report", f"/programmas/{programme}/perioden/{published[-1]}", [], None, MARKERS["report"]) if published else None,
            # A published period's PDF is made once, at publication, and served as stored.
            ("published report as PDF", f"/programmas/{programme}/perioden/{published[-1]}/download/pdf", [], None, MARKERS["PDF"]) if published else None,
            ("live report", f"/programmas/{programme}/perioden/{live}", [session], None, MARKERS["report"]),
            ("project page", f"/programmas/{programme}/projecten/2", [session], None, MARKERS["project page"]),
            ("API project list", f"/api/v1/programmes/{programme}/projects?page-size=100", [auth], None, MARKERS["API project list"]),
            ("login page", "/inloggen", [], None, MARKERS["login page"]),
            ("import preview (upload)", "/importeren", [session], lua_post(upload, upload_type, work, "upload"), MARKERS["import preview"]),
            ("report as ODT", f"/programmas/{programme}/perioden/{live}/download/odt", [session], None, MARKERS["ODT"]),
            ("report as DOCX", f"/programmas/{programme}/perioden/{live}/download/docx", [session], None, MARKERS["DOCX"]),
            ("table as XLSX", f"/programmas/{programme}/perioden/{live}/download/xlsx", [session], None, MARKERS["XLSX"]),
            ("report as PDF", f"/programmas/{programme}/perioden/{live}/download/pdf", [session], None, MARKERS["PDF"]),
        ]
        if not published:
            # The demo's only period is open: it is published after the live pages are
            # measured, as the programme manager would, and then read anonymously.
            endpoints.append(("published report", f"/programmas/{programme}/perioden/{live}", [], "publish", MARKERS["report"]))
            endpoints.append(("published report as PDF", f"/programmas/{programme}/perioden/{live}/download/pdf", [], None, MARKERS["PDF"]))
        skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        rows = []
        for entry in endpoints:
            if entry is None or entry[0] in skip:
                continue
            name, path, headers, script, marker = entry
            if script == "publish":
                sh(args.binary, "period", "publish", "--programme", programme, "--period", live, env=env)
                script = None
            request_headers = dict(h.split(": ", 1) for h in headers)
            # Once, before wrk: the answer is the endpoint's own, not a redirect, an error or
            # the login page.
            if script and script.endswith(".lua"):
                body_bytes = open(script.replace(".lua", ".body"), "rb").read()
                status, response_headers, body = probe(base + path, {**request_headers, "Content-Type": upload_type}, body_bytes)
            else:
                status, response_headers, body = probe(base + path, request_headers)
            expected, marker = marker
            location = next((v for k, v in response_headers.items() if k.lower() == "location"), None)
            if status != expected:
                where = f" (naar {location})" if location else ""
                sys.exit(f"{name}: {path} gaf {status}{where} in plaats van {expected}; dat is niet wat gemeten moet worden")
            if expected == 303:
                # The upload is answered with the way to its preview: that page must be the preview
                # (and it is what nginx serves beside it).
                status, response_headers, body = probe(base + (location or ""), request_headers)
                if status != 200:
                    sys.exit(f"{name}: {path} leidde naar {location}, dat {status} gaf in plaats van 200")
            if marker not in body:
                sys.exit(f"{name}: {path} gaf 200 maar niet de verwachte inhoud ({marker[:60]!r} ontbreekt; "
                         f"het antwoord begint met {body[:120]!r})")
            if name.startswith("published report") and not any(k.lower() == "x-content-sha256" for k in response_headers):
                sys.exit(f"{name}: {path} is niet de opgeslagen rapportage")
            # A live PDF is WeasyPrint's work, one a core; a published one is stored bytes.
            connections = args.connections if "PDF" not in name or name.startswith("published") else 2
            if script == "changes":
                with Changes(env, programme):
                    result = wrk(base + path, args.seconds, connections, headers)
            else:
                result = wrk(base + path, args.seconds, connections, headers, script)
            rss = memory(server.process.pid, "VmRSS")
            static = nginx.serve(re.sub(r"\W+", "-", name) + "." + extension(response_headers), body)
            # The reference must be the same bytes, every time: an nginx answering an error
            # page instead would make any share meaningless.
            try:
                served = http(static, {})
            except urllib.error.HTTPError as error:
                served = (error.code, {}, b"")
            if served[0] != 200 or served[2] != body:
                sys.exit(f"{name}: nginx gaf {served[0]} en niet dezelfde {len(body)} bytes voor {static}")
            reference = wrk(static, args.seconds, connections)
            if reference["errors"]:
                sys.exit(f"{name}: nginx gaf {reference['errors']} fouten voor {static}")
            rows.append((name, path, len(body), connections, result, reference, rss))
            print(f"{name}: {result['rps']:.0f} req/s, p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms, "
                  f"{result['errors']} errors; nginx {reference['rps']:.0f} req/s", file=sys.stderr)
        # A login checks the password with bcrypt, slow on purpose; each one is a whole browser's
        # flow (the form for its CSRF token, then the post), so wrk cannot replay it.
        if "login" not in skip:
            result = logins(base, email, password, args.seconds, args.connections)
            rows.append(("login (form and post)", "/inloggen", 0, args.connections, result, None, memory(server.process.pid, "VmRSS")))
        peak = memory(server.process.pid, "VmHWM")
    finally:
        server.stop()
        nginx.stop()

    commit = os.environ.get("STOPLICHT_BENCH_COMMIT") or sh("git", "rev-parse", "--short", "HEAD", check=False).stdout.strip() or "?"
    lines = [
        f"### {args.dataset} on {database}" + (" (existing data)" if args.existing else f" ({args.size}: {generated})" if generated else " (the demo: 36 projects)"),
        "",
        f"Stoplicht {commit}, {os.cpu_count()} cores, wrk -t2 -c{args.connections} -d{args.seconds}s (PDF: -c2), "
        f"set-up {setup_seconds:.0f} s, live pages "
        + ("rendered for every request (STOPLICHT_PAGE_CACHE=uit)." if env.get("STOPLICHT_PAGE_CACHE", "").lower() in ("uit", "0", "false", "nee")
           else "kept until the database changes."),
        "",
        "| endpoint | bytes | req/s | p50 ms | p99 ms | errors | RSS after MB | nginx req/s | share of nginx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, path, size, connections, result, reference, rss in rows:
        share = f"{100 * result['rps'] / reference['rps']:.1f} %" if reference else "–"
        lines.append(f"| {name} | {size:,} | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} | "
                     f"{result['errors']} | {rss:.1f} | {reference['rps']:,.0f} | {share} |" if reference else
                     f"| {name} | – | {result['rps']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} | "
                     f"{result['errors']} | {rss:.1f} | – | – |")
    lines += ["", f"Peak RSS of the server: {peak:.1f} MB.", ""]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a") as out:
            out.write(text + "\n")
    shutil.rmtree(work, ignore_errors=True)
    failed = [r[0] for r in rows if r[4]["errors"]]
    if failed:
        sys.exit(f"errors in: {', '.join(failed)}")


def extension(headers):
    kind = headers.get("Content-Type", "").split(";")[0]
    return {"text/html": "html", "text/css": "css", "application/json": "json", "application/pdf": "pdf", "text/csv": "csv",
            "application/vnd.oasis.opendocument.text": "odt",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx"}.get(kind, "html")


if __name__ == "__main__":
    main()
