"""`tusk serve` runs the production server (gunicorn) and serves its own static files."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> tuple[int, bytes, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own loopback server)
        return response.status, response.read(), response.headers.get("Server", "")


def test_tusk_serve_answers_with_gunicorn_and_static_files(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "TUSK_VAR_DIR": str(tmp_path),
        "DEBUG": "false",
        "TUSK_TESTING": "",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    tusk = [sys.executable, "-m", "tusk"]
    subprocess.run([*tusk, "migrate", "-v0"], env=env, check=True, cwd=ROOT, timeout=120)
    port = free_port()
    server = subprocess.Popen(
        [*tusk, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body, server_name = fetch(f"http://127.0.0.1:{port}/parties/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    output = server.stdout.read().decode() if server.stdout else ""
                    raise AssertionError(f"tusk serve did not answer:\n{output}") from None
                time.sleep(0.3)
        assert status == 200 and b"<html" in body
        assert "gunicorn" in server_name
        css = next(p for p in (tmp_path / "static" / "tusk").iterdir() if p.suffix == ".css")
        status, body, _ = fetch(f"http://127.0.0.1:{port}/static/tusk/{css.name}")
        assert status == 200 and len(body) > 100
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
