#!/usr/bin/env python3
"""Twenty anonymous uploads of 60 MB at once must leave Stoplicht's memory where it was.

Starts the release binary (`swift build -c release --product stoplicht` first) with
`serve` on a fresh SQLite file and a free port, reads its resident memory (VmRSS in
/proc/PID/status) when idle, then sends 20 uploads of 60 MB each to /importeren at once,
without a login, each on its own connection, sending its body as fast as the server takes
it. Every one must be sent to the login page (303) before its body is read, and the server's
resident memory, sampled every 20 ms meanwhile, must stay within 20 MB of idle.

  scripts/check-upload-memory [--uploads 20] [--megabytes 60] [--allowance 20]
  python3 scripts/check-upload-memory.py [--binary .build/release/stoplicht] [--uploads 20]
                              [--megabytes 60] [--allowance 20]
"""
import argparse
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def memory(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def upload(port, size, results, index):
    """One anonymous upload: the head, then the body while the server takes it; whatever
    the server answers is read as it comes. Ends when the server closes or all is sent."""
    head = (f"POST /importeren HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
            f"Content-Type: multipart/form-data; boundary=grens\r\nContent-Length: {size}\r\n\r\n").encode()
    chunk = b"x" * 65536
    answer, sent = b"", 0
    start = time.time()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(head)
        connection.setblocking(False)
        while time.time() - start < 60:
            writable = [connection] if sent < size else []
            readable, writable, _ = select.select([connection], writable, [], 1)
            if readable:
                try:
                    data = connection.recv(65536)
                except (ConnectionResetError, BlockingIOError):
                    break
                if not data:
                    break
                answer += data
            if writable:
                try:
                    sent += connection.send(chunk[: min(len(chunk), size - sent)])
                except (BlockingIOError, BrokenPipeError, ConnectionResetError):
                    if not readable:
                        continue
            if sent >= size and not readable:
                break
    results[index] = (answer.split(b"\r\n", 1)[0].decode(errors="replace"), sent, time.time() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/release/stoplicht")
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--megabytes", type=int, default=60)
    parser.add_argument("--allowance", type=float, default=20.0, help="MB above idle")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} ontbreekt: eerst swift build -c release --product stoplicht")

    work = tempfile.mkdtemp(prefix="stoplicht-memory-check-")
    port = free_port()
    env = dict(os.environ, STOPLICHT_SQLITE=os.path.join(work, "stoplicht.sqlite"))
    env.pop("DATABASE_URL", None)
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--port", str(port)], env=env, stdout=log, stderr=log)
    try:
        deadline = time.time() + 60
        while True:
            if server.poll() is not None or time.time() > deadline:
                sys.exit("de server startte niet:\n" + open(log.name).read()[-2000:])
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/inloggen", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        # Warm: the pages and one refused upload, so idle is a server that has answered.
        for _ in range(3):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/inloggen", timeout=5).read()
            results = [None]
            upload(port, 1024 * 1024, results, 0)
        time.sleep(1)
        idle = memory(server.pid)

        size = args.megabytes * 1024 * 1024
        results = [None] * args.uploads
        threads = [threading.Thread(target=upload, args=(port, size, results, i)) for i in range(args.uploads)]
        peak = idle
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            peak = max(peak, memory(server.pid))
            time.sleep(0.02)
        time.sleep(1)
        after = memory(server.pid)
        peak = max(peak, after)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)

    statuses = [result[0] if result else "geen antwoord" for result in results]
    sent = sum(result[1] for result in results if result) / 1024 / 1024
    slowest = max((result[2] for result in results if result), default=0)
    print(f"{args.uploads} anonieme uploads van {args.megabytes} MB: {sent:.1f} MB verstuurd in totaal, de laatste klaar na {slowest:.1f} s")
    print(f"VmRSS: {idle:.1f} MB in rust, {peak:.1f} MB op het hoogst (+{peak - idle:.1f} MB), {after:.1f} MB daarna")
    print("antwoorden: " + ", ".join(sorted(set(statuses))))
    failed = False
    if any(status != "HTTP/1.1 303 See Other" for status in statuses):
        print("FOUT: niet elke upload werd naar het inloggen gestuurd", file=sys.stderr)
        failed = True
    if peak - idle > args.allowance:
        print(f"FOUT: het geheugen groeide {peak - idle:.1f} MB, meer dan {args.allowance:.0f} MB", file=sys.stderr)
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
