"""A bounded HTTP load generator, run as its own process against a local server.

    python bench/load.py URL [URL ...] --cookie "sessionid=..." --threads 50 --seconds 20

Only loopback URLs (on one server) are accepted. Each thread sends GET requests one
after the other, going round the URLs (a page mix; each thread starts at a different
one), until the time or the request budget runs out, then the process prints one
JSON line: requests, errors, requests per second, p50/p95/p99 latency.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="+")
    parser.add_argument("--cookie", default="")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args(argv)

    targets = [urlsplit(url) for url in args.url]
    target = targets[0]
    if any(t.hostname not in LOOPBACK or t.scheme != "http" for t in targets):
        parser.error("only http:// URLs on the loopback interface are allowed")
    if any(t.netloc != target.netloc for t in targets):
        parser.error("all URLs must be on one server")
    headers = {"Cookie": args.cookie, "Accept-Language": "ko"} if args.cookie else {}
    paths = [t.path + (f"?{t.query}" if t.query else "") or "/" for t in targets]

    def get(path: str) -> int:
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    for index in range(args.warmup):
        get(paths[index % len(paths)])

    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + args.seconds

    def worker(offset: int) -> None:
        nonlocal errors, issued
        turn = offset
        while time.perf_counter() < deadline:
            with lock:
                if issued >= args.max_requests:
                    return
                issued += 1
            path = paths[turn % len(paths)]
            turn += 1
            started = time.perf_counter()
            try:
                ok = get(path) == 200
            except OSError:
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started

    millis = sorted(s * 1000 for s in latencies)

    def rank(share: float) -> float | None:  # nearest rank
        return round(millis[max(0, math.ceil(share * len(millis)) - 1)], 1) if millis else None

    result = {
        "requests": len(millis),
        "errors": errors,
        "seconds": round(wall, 2),
        "threads": args.threads,
        "rps": round(len(millis) / wall, 1) if wall else 0.0,
        "median_ms": round(statistics.median(millis), 1) if millis else None,
        "p95_ms": rank(0.95),
        "p99_ms": rank(0.99),
        "paths": paths,
    }
    print(json.dumps(result))
    return 0 if millis and not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
