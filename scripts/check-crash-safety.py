#!/usr/bin/env python3
"""Kills Stoplicht with SIGKILL again and again in the middle of a stream of writes and
checks that no acknowledged write is lost and the database stays consistent.

Writers go through the JSON API as an integration would: each of four status writers owns
a project and rewrites its remarks with If-Match, and a fifth adds risks. A write counts as
acknowledged when its 200 or 201 answer arrived. After every kill the server is started
again and every acknowledged write must be there: a status's remarks carry the number of
the last acknowledged save or of a later one that was under way, and every acknowledged
risk is in the list. At the end the audit chain is verified (`stoplicht audit verify`), it
holds an entry for every acknowledged write, and SQLite's integrity check passes.

    scripts/check-crash-safety.py BINARY WORKDIR [--rounds N] [--busy-retries N]    (DATABASE_URL: PostgreSQL)
"""
import argparse
import http.client
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

SEED = "Sources/Stoplicht/Demo/woudenberg-dienstverlening-2018.txt"
PROGRAMME = "dienstverlening"
PROJECTS = [3, 7, 12, 18]  # one status writer each


def run(binary, *args, env, check=True):
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} faalde:\n{result.stdout}\n{result.stderr}")
    return result


class Server:
    def __init__(self, binary, env, port, log):
        self.binary, self.env, self.port, self.log = binary, env, port, log
        self.process = None

    def start(self):
        try:  # another server on the port would answer for this one
            urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2)
            sys.exit(f"poort {self.port} is al in gebruik")
        except urllib.error.HTTPError:
            sys.exit(f"poort {self.port} is al in gebruik")
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        log = open(self.log, "a")
        self.process = subprocess.Popen([self.binary, "serve", "--port", str(self.port)], env=self.env,
                                        stdout=log, stderr=log)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"de server stopte bij het starten; zie {self.log}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v1/openapi.json", timeout=2).read()
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        sys.exit("de server antwoordde niet binnen 60 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class API:
    def __init__(self, port, token):
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.token = token

    def call(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/json")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.headers, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            # No body to use, but what the server said, for the message.
            return error.code, error.headers, error.read(600).decode(errors="replace")

    def all_risks(self, period):
        """Every risk of the period, page by page (100 a page at most)."""
        risks, page = [], 1
        while True:
            status, _, body = self.call("GET", f"/programmes/{PROGRAMME}/periods/{period}/risks?page-size=100&page={page}")
            if status != 200:
                sys.exit(f"de risico's lezen gaf {status}")
            risks += body["risks"]
            if len(risks) >= body["total"] or not body["risks"]:
                return risks
            page += 1


# What a request cut short by the kill raises: the connection refused, reset or closed
# in the middle of an answer, or no answer in time.
CUT_SHORT = (urllib.error.URLError, ConnectionError, OSError, TimeoutError, http.client.HTTPException)


class Unexpected:
    """What the writers did not expect, counted per kind (an HTTP status, or a failure of the
    connection before the kill) across all threads, with the first occurrence of each."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.first = {}

    def add(self, kind, what):
        with self.lock:
            self.counts[kind] = self.counts.get(kind, 0) + 1
            self.first.setdefault(kind, what)

    def summary(self):
        with self.lock:
            return "; ".join(f"{kind}: {count}x (eerste: {self.first[kind]})" for kind, count in sorted(self.counts.items()))


# The API's 503 "de database was even bezet" says nothing was written and one more try is
# worth it (Sources/Stoplicht/Core/DatabaseBusy.swift). By default it is unexpected like any
# other answer: the README promises it only after a wait of 30 s (SQLite) or 10 s
# (PostgreSQL) for a connection. With --busy-retries N a writer tries such a save again, as
# an integration would, up to N times; the retries are counted and shown, and a save still
# refused after them fails.
BUSY = "database was even bezet"


class Writer(threading.Thread):
    """A thread writing until the kill; what is not a write's expected answer is counted in
    `unexpected`. A request that fails once `killed` is set was cut short by the kill (its
    outcome unknown); one that fails before, failed on its own."""

    expected = 200

    def __init__(self, api, unexpected, killed, busy_retries):
        super().__init__(daemon=True)
        self.api, self.unexpected, self.killed, self.busy_retries = api, unexpected, killed, busy_retries
        self.stop_event = threading.Event()
        self.busy = 0  # the saves tried again after a 503 "even bezet"

    def send(self, method, path, body, headers=None):
        """One write; with busy_retries, tried again after a 503 "even bezet" that many times at most."""
        for attempt in range(self.busy_retries + 1):
            status, answer_headers, answer = self.api.call(method, path, body, headers)
            if status != 503 or BUSY not in str(answer) or attempt == self.busy_retries:
                return status, answer_headers, answer
            self.busy += 1
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))

    def answered(self, status, answer, what):
        """Whether `status` is the expected answer; counts it otherwise, with what the server said."""
        if status == self.expected:
            return True
        self.unexpected.add(f"HTTP {status}", f"{what}: {answer}")
        return False

    def run(self):
        try:
            self.write()
        except CUT_SHORT as error:
            if not self.killed.is_set():
                self.unexpected.add(f"verbinding mislukt vóór de kill ({type(error).__name__})", f"{self.name}: {error}")
        except Exception as error:  # a broken answer: no ETag, no JSON
            self.unexpected.add(f"fout ({type(error).__name__})", f"{self.name}: {error!r}")


class StatusWriter(Writer):
    """Rewrites one project's remarks, save after save, until told to stop."""

    def __init__(self, api, number, unexpected, killed, busy_retries):
        super().__init__(api, unexpected, killed, busy_retries)
        self.number = number
        self.name = f"project {number}"
        self.acknowledged = 0   # the last save whose 200 arrived
        self.attempted = 0      # the last save sent

    def write(self):
        path = f"/programmes/{PROGRAMME}/projects/{self.number}/status"
        status, headers, body = self.api.call("GET", path)
        if not self.answered(status, body, f"project {self.number}: de status lezen"):
            return
        etag = headers["ETag"]
        # The seed leaves some orange lights unexplained; the API takes no save of one
        # without its cause, consequence and measure, so the writer gives them.
        for field in ("cause", "consequence", "measure"):
            body[field] = body.get(field) or f"Crashtest: {field} van project {self.number}."
        while not self.stop_event.is_set():
            sequence = self.attempted + 1
            body["remarks"] = f"Crashtest: opslag {sequence} van project {self.number}."
            self.attempted = sequence
            status, headers, answer = self.send("PUT", path, body, {"If-Match": etag})
            if not self.answered(status, answer, f"project {self.number}: opslag {sequence}"):
                return  # its ETag may be stale now: a next save would only repeat the answer
            self.acknowledged = sequence
            etag = headers["ETag"]
            body = answer


class RiskWriter(Writer):
    expected = 201

    def __init__(self, api, period, start, unexpected, killed, busy_retries):
        super().__init__(api, unexpected, killed, busy_retries)
        self.period = period
        self.name = "risico's"
        self.next = start
        self.acknowledged = []

    def write(self):
        path = f"/programmes/{PROGRAMME}/periods/{self.period}/risks"
        while not self.stop_event.is_set():
            description = f"Crashtest-risico {self.next}"
            self.next += 1
            status, _, answer = self.send("POST", path, {"description": description, "cause": "een SIGKILL"})
            if not self.answered(status, answer, f"risico {description}"):
                return
            self.acknowledged.append(description)


def remarks_sequence(remarks):
    match = re.search(r"opslag (\d+) van", remarks or "")
    return int(match.group(1)) if match else 0


def audit_entries(env):
    url = env.get("DATABASE_URL")
    if url:
        out = subprocess.run(["psql", url, "-At", "-c", "SELECT count(*) FROM audit_entries"], capture_output=True, text=True, check=True)
        return int(out.stdout.strip())
    with sqlite3.connect(env["STOPLICHT_SQLITE"]) as db:
        return db.execute("SELECT count(*) FROM audit_entries").fetchone()[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("work")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--busy-retries", type=int, default=0,
                        help="try a save answered 503 'even bezet' again up to this many times (default: it fails)")
    args = parser.parse_args()
    env = dict(os.environ, LOG_LEVEL="warning", STOPLICHT_SQLITE=os.path.join(args.work, "crash.sqlite"),
               STOPLICHT_PASSWORD="crash-" + str(random.randrange(10**12)))
    database = "PostgreSQL" if env.get("DATABASE_URL") else "SQLite"
    if database == "PostgreSQL":
        run(args.binary, "migrate", "--yes", env=env)
    run(args.binary, "import", SEED, "--organisation", "Gemeente Woudenberg", env=env)
    run(args.binary, "user", "add", "crash@voorbeeld.nl", "--name", "Crashtest", "--administrator", env=env)
    run(args.binary, "user", "grant", "crash@voorbeeld.nl", "--programme", PROGRAMME, "--role", "programmamanager", env=env)
    out = run(args.binary, "token", "create", "--user", "crash@voorbeeld.nl", "--name", "crash", "--scope", "lezen-schrijven", env=env).stdout
    token = re.search(r"^(stl_[A-Za-z0-9_-]+)$", out, re.M).group(1)
    baseline = audit_entries(env)

    server = Server(args.binary, env, args.port, os.path.join(args.work, "server.log"))
    api = API(args.port, token)
    server.start()
    try:
        run_rounds(args, env, server, api, baseline, database)
    finally:
        if server.process.poll() is None:
            server.kill()


def run_rounds(args, env, server, api, baseline, database):
    period = api.call("GET", f"/programmes/{PROGRAMME}/periods")[2]["periods"][-1]["slug"]
    acknowledged_statuses = {number: 0 for number in PROJECTS}
    acknowledged_risks = []
    writes = busy = 0
    rng = random.Random(9)
    unexpected = Unexpected()
    for round_number in range(1, args.rounds + 1):
        killed = threading.Event()
        writers = [StatusWriter(api, number, unexpected, killed, args.busy_retries) for number in PROJECTS]
        for writer in writers:
            writer.attempted = writer.acknowledged = acknowledged_statuses[writer.number]
        risk_writer = RiskWriter(api, period, round_number * 100_000, unexpected, killed, args.busy_retries)
        for thread in [*writers, risk_writer]:
            thread.start()
        time.sleep(rng.uniform(0.4, 1.6))
        killed.set()  # before the signal: every request cut short by it fails after this
        server.kill()  # SIGKILL, whatever the writers are doing
        for thread in [*writers, risk_writer]:
            thread.join(timeout=15)
            if thread.is_alive():  # a request times out after 10 s: this one hangs
                unexpected.add("schrijver hangt na de kill", thread.name)
        if unexpected.counts:
            sys.exit(f"ronde {round_number}: onverwachte antwoorden aan de schrijvers: {unexpected.summary()}")
        in_round = sum(w.acknowledged - acknowledged_statuses[w.number] for w in writers) + len(risk_writer.acknowledged)
        writes += in_round
        busy_in_round = sum(thread.busy for thread in [*writers, risk_writer])
        busy += busy_in_round
        server.start()
        # validate: every acknowledged write survived the kill
        for writer in writers:
            status, _, body = api.call("GET", f"/programmes/{PROGRAMME}/projects/{writer.number}/status")
            stored = remarks_sequence(body["remarks"]) if status == 200 else -1
            if not writer.acknowledged <= stored <= writer.attempted:
                sys.exit(f"ronde {round_number}, project {writer.number}: opslag {writer.acknowledged} was bevestigd, "
                         f"de database heeft {stored} (verzonden tot {writer.attempted})")
            acknowledged_statuses[writer.number] = stored
        risks = {r["description"] for r in api.all_risks(period)}
        acknowledged_risks += risk_writer.acknowledged
        missing = [d for d in acknowledged_risks if d not in risks]
        if missing:
            sys.exit(f"ronde {round_number}: bevestigde risico's ontbreken: {missing[:5]}")
        print(f"ronde {round_number}: {in_round} bevestigde schrijfacties ({busy_in_round} keer opnieuw na 503 bezet), "
              f"gedood met SIGKILL, alles terug")
    server.stop()

    verify = run(args.binary, "audit", "verify", env=env, check=False)
    if verify.returncode != 0:
        sys.exit(f"het logboek is niet heel: {verify.stdout}{verify.stderr}")
    entries = audit_entries(env) - baseline
    if entries < writes:
        sys.exit(f"{writes} bevestigde schrijfacties maar {entries} regels in het logboek")
    if database == "SQLite":
        with sqlite3.connect(env["STOPLICHT_SQLITE"]) as db:
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
            keys = db.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != "ok" or keys:
            sys.exit(f"SQLite: integrity_check {integrity}, foreign_key_check {keys[:5]}")
    if writes < args.rounds:
        sys.exit(f"te weinig schrijfacties gemeten ({writes}); de test zegt dan niets")
    print(f"{database}: {args.rounds} keer SIGKILL, {writes} bevestigde schrijfacties ({busy} keer opnieuw na 503 bezet), "
          f"geen verloren, geen onverwacht antwoord; "
          f"logboek heel ({entries} nieuwe regels); {verify.stdout.strip()}")


if __name__ == "__main__":
    main()
