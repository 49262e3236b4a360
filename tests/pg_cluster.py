"""A throwaway PostgreSQL cluster of the test's own: initdb in a temporary directory, a free
loopback port, started, stopped and restarted at the test's will, deleted afterwards.

Needs PostgreSQL's server programs (initdb, pg_ctl); run as root, it runs them as the
``postgres`` user, which PostgreSQL requires."""

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from tests.processes import free_port
from tests.servers import missing

COMMAND_SECONDS = 120


def _server_programs() -> Path:
    found = shutil.which("initdb") or shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    if candidates:
        return Path(candidates[-1]).parent
    missing("PostgreSQL outage suite skipped: initdb and pg_ctl are not installed")


@dataclass
class Cluster:
    directory: Path
    port: int
    programs: Path
    owner: str | None

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/folio"

    @property
    def admin_dsn(self) -> str:
        return self.dsn("postgres")

    def dsn(self, database: str) -> str:
        """For asyncpg directly."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.programs / program), *args]
        if self.owner is not None:
            command = ["runuser", "-u", self.owner, "--", *command]
        subprocess.run(  # noqa: S603 - PostgreSQL's own programs, on our own directory
            command, check=True, capture_output=True, timeout=COMMAND_SECONDS
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "server.log")
        self._run(
            "pg_ctl", "start", "-w", "-D", str(self.directory / "data"), "-l", log, "-o", options
        )

    def stop(self, mode: str = "immediate") -> None:
        """``immediate`` is a crash as far as clients see: connections cut, no goodbye."""
        self._run("pg_ctl", "stop", "-w", "-m", mode, "-D", str(self.directory / "data"))


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    programs = _server_programs()
    owner = "postgres" if os.geteuid() == 0 else None
    directory = Path(tempfile.mkdtemp(prefix="folio-pg-"))
    try:
        if owner is not None:
            account = pwd.getpwnam(owner)
            os.chown(directory, account.pw_uid, account.pw_gid)
        cluster = Cluster(directory, free_port(), programs, owner)
        cluster._run(
            "initdb",
            "-D",
            str(directory / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        cluster.start()
        try:
            yield cluster
        finally:
            cluster.stop("fast")
    finally:
        shutil.rmtree(directory, ignore_errors=True)
