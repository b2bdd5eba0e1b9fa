#!/usr/bin/env python3
"""What Vapor itself answers on this machine, before Stoplicht adds anything: the application
in Benchmarks/vapor-ceiling (one route answering FILE's bytes from memory) with no middleware
and with five that do nothing, SwiftNIO's HTTP/1 server alone answering the same bytes
(MODE=nio), then nginx serving FILE, with the benchmark suite's nginx and wrk (bench-suite.py).
Run through scripts/bench-vapor-ceiling, which builds the application.

    scripts/bench-vapor-ceiling.py BINARY FILE
"""
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench_suite", os.path.join(here, "bench-suite.py"))
suite = importlib.util.module_from_spec(spec)
spec.loader.exec_module(suite)


def report(label, result):
    print(f"{label}: {result['rps']:.0f} req/s, p50 {result['p50']:.2f} ms, p99 {result['p99']:.2f} ms, "
          f"{result['errors']} errors")


def main():
    binary, path = sys.argv[1], os.path.abspath(sys.argv[2])
    url = "http://127.0.0.1:8094/file"
    for label, mode, passes in (("Vapor, 0 middlewares", "vapor", 0), ("Vapor, 5 middlewares", "vapor", 5),
                                ("SwiftNIO without Vapor", "nio", 0)):
        env = dict(os.environ, BODY=path, PORT="8094", PASSES=str(passes), MODE=mode)
        process = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(50):
                try:
                    urllib.request.urlopen(url, timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.2)
            report(label, suite.wrk(url, 10, 16))
        finally:
            process.terminate()
            process.wait(timeout=30)
    work = tempfile.mkdtemp(prefix="vapor-ceiling-")
    os.chmod(work, 0o755)  # nginx's workers run as nobody
    nginx = suite.Nginx(work, 8095)
    try:
        os.chmod(nginx.root, 0o755)
        report("nginx", suite.wrk(nginx.serve("file.html", open(path, "rb").read()), 10, 16))
    finally:
        nginx.stop()


if __name__ == "__main__":
    main()
