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

    scripts/check-crash-safety.py BINARY WORKDIR [--rounds N]    (DATABASE_URL: PostgreSQL)
"""
import argparse
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
            return error.code, error.headers, None

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


class StatusWriter(threading.Thread):
    """Rewrites one project's remarks, save after save, until told to stop."""

    def __init__(self, api, number):
        super().__init__(daemon=True)
        self.api, self.number = api, number
        self.acknowledged = 0   # the last save whose 200 arrived
        self.attempted = 0      # the last save sent
        self.stop_event = threading.Event()

    def run(self):
        path = f"/programmes/{PROGRAMME}/projects/{self.number}/status"
        try:
            status, headers, body = self.api.call("GET", path)
            if status != 200:
                return
            etag = headers["ETag"]
            while not self.stop_event.is_set():
                sequence = self.attempted + 1
                body["remarks"] = f"Crashtest: opslag {sequence} van project {self.number}."
                self.attempted = sequence
                status, headers, answer = self.api.call("PUT", path, body, {"If-Match": etag})
                if status != 200:
                    raise SystemExit(f"project {self.number}: opslag {sequence} kreeg {status}")
                self.acknowledged = sequence
                etag = headers["ETag"]
                body = answer
        except (urllib.error.URLError, ConnectionError, OSError, TimeoutError):
            return  # the server was killed: this save's outcome is unknown


class RiskWriter(threading.Thread):
    def __init__(self, api, period, start):
        super().__init__(daemon=True)
        self.api, self.period = api, period
        self.next = start
        self.acknowledged = []
        self.stop_event = threading.Event()

    def run(self):
        path = f"/programmes/{PROGRAMME}/periods/{self.period}/risks"
        try:
            while not self.stop_event.is_set():
                description = f"Crashtest-risico {self.next}"
                self.next += 1
                status, _, _ = self.api.call("POST", path, {"description": description, "cause": "een SIGKILL"})
                if status != 201:
                    raise SystemExit(f"risico {description} kreeg {status}")
                self.acknowledged.append(description)
        except (urllib.error.URLError, ConnectionError, OSError, TimeoutError):
            return


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
    writes = 0
    rng = random.Random(9)
    for round_number in range(1, args.rounds + 1):
        writers = [StatusWriter(api, number) for number in PROJECTS]
        for writer in writers:
            writer.attempted = writer.acknowledged = acknowledged_statuses[writer.number]
        risk_writer = RiskWriter(api, period, start=round_number * 100_000)
        for thread in [*writers, risk_writer]:
            thread.start()
        time.sleep(rng.uniform(0.4, 1.6))
        server.kill()  # SIGKILL, whatever the writers are doing
        for thread in [*writers, risk_writer]:
            thread.join(timeout=15)
        in_round = sum(w.acknowledged - acknowledged_statuses[w.number] for w in writers) + len(risk_writer.acknowledged)
        writes += in_round
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
        print(f"ronde {round_number}: {in_round} bevestigde schrijfacties, gedood met SIGKILL, alles terug")
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
    print(f"{database}: {args.rounds} keer SIGKILL, {writes} bevestigde schrijfacties, geen verloren; "
          f"logboek heel ({entries} nieuwe regels); {verify.stdout.strip()}")


if __name__ == "__main__":
    main()
