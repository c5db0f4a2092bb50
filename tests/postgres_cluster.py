"""Run a command against a throw-away PostgreSQL server.

    python -m tests.postgres_cluster -- python -m pytest -m "not browser"

The script creates a fresh cluster in a temporary directory, starts it on a free
127.0.0.1 port, creates the ``planner`` database, runs the command with
``DATABASE_URL`` pointing at it (and ``PLANNER_EXPECT_POSTGRES=1`` so that a test
can prove the leg really ran on PostgreSQL), then stops the server, removes the
directory and exits with the command's exit code.

When the server binaries are missing it prints a SKIPPED line and exits 0, except
under CI (``CI=true``), where the PostgreSQL leg is mandatory and a missing
server is a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

DB_USER = "planner"
DB_NAME = "planner"
# initdb and postgres refuse to run as root; as root we run them as this user.
SERVER_OS_USER = "postgres"
# pytest's "no tests were collected" exit code: a leg that tested nothing failed.
PYTEST_NO_TESTS_COLLECTED = 5


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def skip(reason: str) -> int:
    """Report a skipped leg: exit 0 locally, but fail in CI where the leg is required."""
    if in_ci():
        print(f"FAILED: PostgreSQL leg — {reason} (CI=true requires this leg)", file=sys.stderr)
        return 1
    print(f"SKIPPED: PostgreSQL leg — {reason}", file=sys.stderr)
    return 0


def find_bin_dir() -> Path | None:
    """The directory holding initdb, pg_ctl and postgres: PATH first, then Debian's layout."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        # Follow symlinks (e.g. /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb)
        # so that pg_ctl and createdb come from the same installation.
        return Path(initdb).resolve().parent

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path))

    # Debian/Ubuntu install each major version under /usr/lib/postgresql/<N>/bin; take the newest.
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if all((Path(candidate) / name).is_file() for name in ("initdb", "pg_ctl")):
            return Path(candidate)
    return None


def free_port() -> int:
    """Ask the kernel for a free TCP port on 127.0.0.1 (released again before postgres binds it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2

    bin_dir = find_bin_dir()
    if bin_dir is None:
        return skip("initdb/pg_ctl not found; install the postgresql package")

    # As root, the server tools must run as an unprivileged user.
    as_server_user: list[str] = []
    server_uid = server_gid = None
    if os.geteuid() == 0:
        try:
            entry = pwd.getpwnam(SERVER_OS_USER)
        except KeyError:
            return skip(f"running as root and there is no '{SERVER_OS_USER}' user to run initdb")
        if not shutil.which("runuser"):
            return skip("running as root and runuser (util-linux) is not available")
        as_server_user = ["runuser", "-u", SERVER_OS_USER, "--"]
        server_uid, server_gid = entry.pw_uid, entry.pw_gid

    def server_tool(name: str, *args: str) -> list[str]:
        return [*as_server_user, str(bin_dir / name), *args]

    # Turn SIGTERM into an exception so the finally block still stops the server.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    tmp = Path(tempfile.mkdtemp(prefix="planner-pg-"))
    data = tmp / "data"
    log = tmp / "server.log"
    started = False
    try:
        if server_uid is not None:
            os.chown(tmp, server_uid, server_gid)
        # The server user may not be allowed into the caller's working directory.
        run = {"cwd": tmp, "check": True}

        # C.UTF-8 keeps sorting byte-wise and predictable; fall back to C where it is missing.
        for locale in ("C.UTF-8", "C"):
            initdb = server_tool(
                "initdb",
                f"--pgdata={data}",
                f"--username={DB_USER}",
                "--auth=trust",
                "--encoding=UTF8",
                f"--locale={locale}",
                "--no-sync",  # throw-away data: skip the fsync at the end
            )
            result = subprocess.run(initdb, cwd=tmp, capture_output=True, text=True)
            if result.returncode == 0:
                break
            shutil.rmtree(data, ignore_errors=True)
        else:
            print(result.stdout + result.stderr, file=sys.stderr)
            print("FAILED: PostgreSQL leg — initdb failed", file=sys.stderr)
            return 1

        port = free_port()
        # Listen only on loopback TCP, with the unix socket inside the temp dir.
        # Durability settings are off: the data is thrown away afterwards.
        server_options = " ".join(
            [
                "-h 127.0.0.1",
                f"-p {port}",
                f"-k {shlex.quote(str(tmp))}",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
            ]
        )
        try:
            subprocess.run(
                server_tool("pg_ctl", "start", "--wait", "--timeout=60", f"--pgdata={data}")
                + [f"--log={log}", f"--options={server_options}"],
                stdout=subprocess.DEVNULL,
                **run,
            )
        except subprocess.CalledProcessError:
            print(log.read_text(errors="replace") if log.exists() else "", file=sys.stderr)
            print("FAILED: PostgreSQL leg — the server did not start", file=sys.stderr)
            return 1
        started = True

        # The base database must exist; pytest-django then creates test_planner beside it.
        subprocess.run(
            [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", DB_USER, DB_NAME],
            **run,
        )

        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{DB_USER}@127.0.0.1:{port}/{DB_NAME}",
            "PLANNER_EXPECT_POSTGRES": "1",
        }
        print(f"PostgreSQL leg: {env['DATABASE_URL']} ({bin_dir})", flush=True)
        try:
            returncode = subprocess.run(argv, env=env).returncode
        except FileNotFoundError:
            print(f"FAILED: PostgreSQL leg — command not found: {argv[0]}", file=sys.stderr)
            return 127
        if returncode == PYTEST_NO_TESTS_COLLECTED:
            print("FAILED: PostgreSQL leg — no tests were collected", file=sys.stderr)
        return returncode
    finally:
        if started:
            subprocess.run(
                server_tool("pg_ctl", "stop", "--wait", "--mode=fast", f"--pgdata={data}"),
                cwd=tmp,
                stdout=subprocess.DEVNULL,
            )
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
