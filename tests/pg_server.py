"""A throw-away PostgreSQL server for the tests: initdb + pg_ctl on a unix socket in a temp dir.

`start()` makes a cluster in a new temp folder and starts it (no TCP port: only a socket there),
`PgServer.url(db)` is the URL CoopDesk takes (`postgresql://postgres@/db?host=…`), `stop()`
shuts it down and removes the folder. The binaries come from `PG_BIN` (Debian's /usr/lib/postgresql/NN/bin, or
$COOPDESK_PG_BIN); PostgreSQL refuses to run as root, so as root the cluster is owned and run
by the `postgres` user (`runuser`). Missing binaries are an error that says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_BIN_ENV = "COOPDESK_PG_BIN"


class PgUnavailable(RuntimeError):
    """The PostgreSQL programs are not on this machine; the message says what to install."""


def pg_bin() -> Path:
    env = os.environ.get(PG_BIN_ENV)
    if env:
        return Path(env)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise PgUnavailable(
        "The PostgreSQL variants of the tests need a PostgreSQL server's programs (initdb, "
        "pg_ctl): `apt-get install postgresql` (the list CI installs is .ci/debian-packages.txt), "
        f"or set {PG_BIN_ENV} to the folder holding them."
    )


def _as_owner(argv: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@dataclass
class PgServer:
    folder: Path
    bin: Path

    @property
    def socket_dir(self) -> Path:
        return self.folder

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}"

    def stop(self) -> None:
        subprocess.run(
            _as_owner(
                [
                    str(self.bin / "pg_ctl"),
                    "-D",
                    str(self.folder / "cluster"),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> PgServer:
    """A new cluster in a new temp folder (right under the temp dir, so that the `postgres`
    user can reach it when we are root), started and ready."""
    binaries = pg_bin()
    folder = Path(tempfile.mkdtemp(prefix="coopdesk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    cluster = folder / "cluster"
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_owner(
            [
                str(binaries / "initdb"),
                "-D",
                str(cluster),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{folder}' -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        _as_owner(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(cluster),
                "-o",
                options,
                "-l",
                str(folder / "server.log"),
                "-w",
                "start",
            ]
        ),
        **run,  # type: ignore[call-overload]
    )
    return PgServer(folder, binaries)
