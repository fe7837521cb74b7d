"""The demo corpus and fetch() against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading

import pandas as pd
import pytest

from framing._errors import LoadError, OptionError
from framing.corpora import ANSWER_COLUMNS, REGISTRY, demo_answers, demo_events, fetch, load_demo

# --- demo corpus --------------------------------------------------------------------


def test_corpora_load_demo_from_checkout():
    c = load_demo()
    d = c.docs
    assert len(c) > 0 and len(c.problems) == 0
    assert {"event", "story", "constructed"} <= set(d.columns)
    assert d["constructed"].all()
    assert set(c.languages) <= {"ru", "uk", "en"}
    assert d["doc_id"].is_unique and d["published"].notna().all()
    assert c.meta["corpus"] == "demo"


def test_corpora_demo_answers_and_events_match_documents():
    c = load_demo()
    answers, events = demo_answers(), demo_events()
    assert list(answers.columns[:6]) == ANSWER_COLUMNS
    assert set(answers["doc_id"]) <= set(c.docs["doc_id"])
    assert {"event", "story"} <= set(events.columns)
    assert set(c.docs["event"]) <= set(events["event"])


def test_corpora_demo_from_another_root(tmp_path):
    (tmp_path / "documents").mkdir()
    rec = {"doc_id": "x1", "outlet": "Вымышленный вестник", "published": "2025-01-02T10:00:00+03:00",
           "lang": "ru", "title": "Заголовок", "text": "Текст новости.", "url": "", "event": "e1",
           "story": "s1", "constructed": True}
    (tmp_path / "documents" / "a.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    pd.DataFrame([{c: "x" for c in ANSWER_COLUMNS} | {"doc_id": "x1"}]).to_csv(tmp_path / "answers_1.csv", index=False)
    pd.DataFrame([{c: "y" for c in ANSWER_COLUMNS} | {"doc_id": "x1"}]).to_csv(tmp_path / "answers_2.csv", index=False)
    c = load_demo(root=tmp_path)
    assert c.docs.loc[0, "event"] == "e1" and bool(c.docs.loc[0, "constructed"])
    assert len(demo_answers(root=tmp_path)) == 2
    with pytest.raises(LoadError, match="event table"):
        demo_events(root=tmp_path)
    with pytest.raises(LoadError, match="not in"):
        load_demo(root=tmp_path / "nowhere")


def test_corpora_registry_entries_are_complete():
    keys = {"url", "sha256", "size", "documents", "licence", "description", "format", "loader", "homepage"}
    for name, entry in REGISTRY.items():
        assert keys <= set(entry), name
        assert entry["url"].startswith(("http://", "https://")), name
        assert entry["sha256"] is None or len(entry["sha256"]) == 64, name


# --- fetch against a local server ------------------------------------------------------

PAYLOAD = bytes(range(256)) * 400  # 102,400 bytes
SHA = hashlib.sha256(PAYLOAD).hexdigest()


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves PAYLOAD at /data.bin with Range support; /flaky.bin breaks off half-way once."""

    log: list = []
    flaky_left = [0]

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).log.append((self.path, self.headers.get("Range")))
        if self.path not in ("/data.bin", "/flaky.bin"):
            self.send_error(404)
            return
        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0])
            if start >= len(PAYLOAD):
                self.send_error(416)
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(PAYLOAD) - 1}/{len(PAYLOAD)}")
        else:
            self.send_response(200)
        body = PAYLOAD[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path == "/flaky.bin" and self.flaky_left[0] > 0:
            self.flaky_left[0] -= 1
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server():
    _Handler.log = []
    _Handler.flaky_left = [0]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    stopper = threading.Timer(60, httpd.shutdown)  # bounded: stops by itself
    stopper.daemon = True
    stopper.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler
    finally:
        stopper.cancel()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_corpora_fetch_downloads_and_verifies(server, tmp_path):
    base, handler = server
    path = fetch(f"{base}/data.bin", tmp_path, sha256=SHA, progress=False, timeout=5)
    assert path == tmp_path / "data.bin" and path.read_bytes() == PAYLOAD
    assert not (tmp_path / "data.bin.part").exists()
    # already there with the right hash: nothing is downloaded
    n = len(handler.log)
    assert fetch(f"{base}/data.bin", path, sha256=SHA.upper(), progress=False) == path
    assert len(handler.log) == n


def test_corpora_fetch_wrong_hash_deletes_file(server, tmp_path):
    base, _ = server
    with pytest.raises(LoadError, match="expected"):
        fetch(f"{base}/data.bin", tmp_path / "x.bin", sha256="0" * 64, progress=False, timeout=5)
    assert list(tmp_path.iterdir()) == []


def test_corpora_fetch_resumes_with_range(server, tmp_path):
    base, handler = server
    handler.flaky_left[0] = 1
    dest = tmp_path / "flaky.bin"
    with pytest.raises(LoadError, match="resume"):
        fetch(f"{base}/flaky.bin", dest, sha256=SHA, progress=False, timeout=5)
    part = tmp_path / "flaky.bin.part"
    assert not dest.exists() and 0 < part.stat().st_size < len(PAYLOAD)
    have = part.stat().st_size
    path = fetch(f"{base}/flaky.bin", dest, sha256=SHA, progress=False, timeout=5)
    assert path.read_bytes() == PAYLOAD and not part.exists()
    assert handler.log[-1] == ("/flaky.bin", f"bytes={have}-")


def test_corpora_fetch_complete_part_is_verified(server, tmp_path):
    base, _ = server
    (tmp_path / "data.bin.part").write_bytes(PAYLOAD)  # server answers 416: nothing left
    assert fetch(f"{base}/data.bin", tmp_path, sha256=SHA, progress=False).read_bytes() == PAYLOAD


def test_corpora_fetch_registry_name(server, tmp_path, monkeypatch):
    base, _ = server
    monkeypatch.setitem(REGISTRY, "local_test", dict(REGISTRY["ods_meduza"], url=f"{base}/data.bin", sha256=SHA))
    monkeypatch.setitem(REGISTRY, "local_nohash", dict(REGISTRY["ods_meduza"], url=f"{base}/data.bin"))
    assert fetch("local_test", tmp_path / "a.bin", progress=False).read_bytes() == PAYLOAD
    with pytest.raises(OptionError, match="no sha256"):
        fetch("local_nohash", tmp_path / "b.bin", progress=False)
    assert fetch("local_nohash", tmp_path / "b.bin", sha256=SHA, progress=False).exists()
    with pytest.raises(OptionError, match="contradicts"):
        fetch("local_test", tmp_path / "c.bin", sha256="1" * 64, progress=False)


def test_corpora_fetch_refuses_unverified_and_bad_input(server, tmp_path):
    base, handler = server
    with pytest.raises(OptionError, match="sha256"):
        fetch(f"{base}/data.bin", tmp_path)
    with pytest.raises(OptionError, match="not a sha256"):
        fetch(f"{base}/data.bin", tmp_path, sha256="abc")
    with pytest.raises(OptionError, match="neither a registered corpus"):
        fetch("no_such_corpus", tmp_path)
    with pytest.raises(LoadError, match="404"):
        fetch(f"{base}/missing.bin", tmp_path, sha256=SHA, progress=False, timeout=5)
    assert handler.log == [("/missing.bin", None)]


def test_corpora_no_network_at_import():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import socket\n"
            "def forbidden(*a, **k): raise SystemExit('network used at import')\n"
            "socket.socket.connect = forbidden\n"
            "import framing.corpora\n")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
