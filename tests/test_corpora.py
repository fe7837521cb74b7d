"""The demo corpus and fetch() against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import socket
import stat
import threading
import time

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


# --- fetch against a local server on 127.0.0.1 -------------------------------------------

PAYLOAD = bytes(range(256)) * 400  # 102,400 bytes
SHA = hashlib.sha256(PAYLOAD).hexdigest()
OTHER = PAYLOAD[::-1]  # what the server sends once "the file on the server changed"
ENDLESS = 200 * 1024 * 1024  # /endless.bin would send this much without a Content-Length


class _Handler(http.server.BaseHTTPRequestHandler):
    """Paths: /data.bin (PAYLOAD, or OTHER once changed), /flaky.bin (cut half-way),
    /endless.bin (no length, 200 MB), /to-ftp, /to-file, /to-data (redirects)."""

    log: list = []
    state: dict = {}

    def log_message(self, *args):  # keep test output quiet
        pass

    def _body(self, body: bytes, *, length: int | None = None, cut: bool = False):
        self.send_response(200)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2] if cut else body)
        self.wfile.flush()
        if cut:
            self.close_connection = True

    def _redirect(self, location: str):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).log.append(self.path)
        st = self.state
        if self.path == "/data.bin":
            self._body(OTHER if st.get("changed") else PAYLOAD)
        elif self.path == "/flaky.bin":
            self._body(PAYLOAD, cut=True)
        elif self.path == "/endless.bin":
            self.send_response(200)
            self.end_headers()  # HTTP/1.0, no Content-Length: the body ends when the connection closes
            block = b"x" * 65536
            try:
                while st["sent"] < ENDLESS:
                    self.wfile.write(block)
                    st["sent"] += len(block)
            except OSError:  # the client hung up
                pass
            finally:
                st["endless_done"] = True
        elif self.path == "/to-ftp":
            self._redirect(f"ftp://127.0.0.1:{st['ftp_port']}/data.bin")
        elif self.path == "/to-file":
            self._redirect("file:///etc/hostname")
        elif self.path == "/to-data":
            self._redirect("/data.bin")
        else:
            self.send_error(404)


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch):
    """No test in this module may open a connection beyond 127.0.0.1."""
    real_connect = socket.socket.connect

    def guarded(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to connect to {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    for var in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
def server():
    ftp = socket.socket()  # a port where an FTP server would be: it must never see a connection
    ftp.bind(("127.0.0.1", 0))
    ftp.listen(1)
    ftp.settimeout(0.3)
    _Handler.log = []
    _Handler.state = {"ftp_port": ftp.getsockname()[1], "sent": 0}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    stopper = threading.Timer(120, httpd.shutdown)  # bounded: stops by itself
    stopper.daemon = True
    stopper.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler, ftp
    finally:
        stopper.cancel()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
        ftp.close()


def _lock(path):
    return json.loads(path.with_name(path.name + ".lock.json").read_text(encoding="utf-8"))


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_corpora_fetch_first_download_records_lock(server, tmp_path):
    base, handler, _ = server
    path = fetch(f"{base}/data.bin", tmp_path, progress=False, timeout=5)
    assert path == tmp_path / "data.bin" and path.read_bytes() == PAYLOAD
    lock = _lock(path)
    assert lock["sha256"] == SHA and lock["size"] == len(PAYLOAD) and lock["url"] == f"{base}/data.bin"
    assert lock["trusted"].startswith("first download")
    assert _names(tmp_path) == ["data.bin", "data.bin.lock.json"]  # no temporary file or folder left
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_corpora_fetch_second_fetch_verified_against_lock(server, tmp_path):
    base, handler, _ = server
    path = fetch(f"{base}/data.bin", tmp_path, progress=False, timeout=5)
    n = len(handler.log)
    assert fetch(f"{base}/data.bin", tmp_path, progress=False) == path  # verified on disk
    assert len(handler.log) == n
    # the file on the server changes: the lock refuses it and keeps what was there
    handler.state["changed"] = True
    path.write_bytes(b"damaged locally")
    with pytest.raises(LoadError, match=rf"{base}/data.bin has sha256 {hashlib.sha256(OTHER).hexdigest()}, "
                                        rf"expected {SHA} \(from the lock file"):
        fetch(f"{base}/data.bin", tmp_path, progress=False, timeout=5)
    assert path.read_bytes() == b"damaged locally" and _lock(path)["sha256"] == SHA
    assert _names(tmp_path) == ["data.bin", "data.bin.lock.json"]
    # the original is back on the server: the damaged copy is replaced by verified bytes
    handler.state["changed"] = False
    assert fetch(f"{base}/data.bin", tmp_path, progress=False, timeout=5).read_bytes() == PAYLOAD
    assert len(handler.log) == n + 2


def test_corpora_fetch_wrong_hash_leaves_nothing(server, tmp_path):
    base, _, _ = server
    with pytest.raises(LoadError, match=rf"{base}/data.bin has sha256 {SHA}, expected 0{{64}} \(from sha256=\)"):
        fetch(f"{base}/data.bin", tmp_path / "x.bin", sha256="0" * 64, progress=False, timeout=5)
    assert list(tmp_path.iterdir()) == []


def test_corpora_fetch_published_hash_checked_first(server, tmp_path, monkeypatch):
    base, handler, _ = server
    monkeypatch.setitem(REGISTRY, "local_test", dict(REGISTRY["ods_meduza"], url=f"{base}/data.bin", sha256=SHA))
    path = fetch("local_test", tmp_path / "a.bin", progress=False, timeout=5)
    assert path.read_bytes() == PAYLOAD and _lock(path)["trusted"] == "the registry"
    n = len(handler.log)
    assert fetch("local_test", tmp_path / "a.bin", sha256=SHA.upper(), progress=False) == path
    assert len(handler.log) == n  # already there with the right hash: nothing is downloaded
    with pytest.raises(OptionError, match="contradicts"):
        fetch("local_test", tmp_path / "c.bin", sha256="1" * 64, progress=False)
    # a lock written by trust on first use that the published hash contradicts
    lock = tmp_path / "b.bin.lock.json"
    lock.write_text(json.dumps({"url": f"{base}/data.bin", "sha256": "2" * 64}), encoding="utf-8")
    with pytest.raises(LoadError, match="is not the published one"):
        fetch("local_test", tmp_path / "b.bin", progress=False)
    assert len(handler.log) == n
    for bad in ("{not json", json.dumps({"sha256": "0x" + "1" * 62}), json.dumps({"url": "x"})):
        lock.write_text(bad, encoding="utf-8")
        with pytest.raises(LoadError, match="b.bin.lock.json cannot be read"):
            fetch(f"{base}/data.bin", tmp_path / "b.bin", progress=False)
    assert len(handler.log) == n


def test_corpora_fetch_tests_stay_on_localhost():
    # the guard of this module: a connection beyond 127.0.0.1 fails the test before it is made
    with socket.socket() as sock, pytest.raises(AssertionError, match="tried to connect"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1, never reached


@pytest.mark.parametrize("path, scheme", [("/to-ftp", "ftp"), ("/to-file", "file")])
def test_corpora_fetch_refuses_redirect_to_other_scheme(server, tmp_path, path, scheme):
    base, handler, ftp = server
    with pytest.raises(LoadError, match=rf"{base}{path} redirects to {scheme}://.*only http\(s\)"):
        fetch(f"{base}{path}", tmp_path / "x.bin", progress=False, timeout=5)
    with pytest.raises(socket.timeout):
        ftp.accept()  # nothing connected to the "FTP" port
    assert handler.log == [path] and list(tmp_path.iterdir()) == []


def test_corpora_fetch_follows_http_redirect(server, tmp_path):
    base, handler, _ = server
    assert fetch(f"{base}/to-data", tmp_path / "d.bin", sha256=SHA, progress=False).read_bytes() == PAYLOAD
    assert handler.log == ["/to-data", "/data.bin"]


def test_corpora_fetch_refuses_announced_oversize(server, tmp_path, monkeypatch):
    base, _, _ = server
    with pytest.raises(LoadError, match=r"announces 102,400 bytes, more than the limit of 1,000"):
        fetch(f"{base}/data.bin", tmp_path, max_bytes=1000, progress=False, timeout=5)
    monkeypatch.setitem(REGISTRY, "local_small", dict(REGISTRY["ods_meduza"], url=f"{base}/data.bin", size=2000))
    with pytest.raises(LoadError, match="more than the limit of 2,000"):
        fetch("local_small", tmp_path, progress=False, timeout=5)
    assert list(tmp_path.iterdir()) == []
    # the registry's size is a limit, not an exact length; max_bytes= overrides it
    assert fetch("local_small", tmp_path, max_bytes=len(PAYLOAD), progress=False).read_bytes() == PAYLOAD


def test_corpora_fetch_stops_oversized_stream(server, tmp_path):
    base, handler, _ = server
    with pytest.raises(LoadError, match=r"endless.bin sent more than the limit of 100,000 bytes"):
        fetch(f"{base}/endless.bin", tmp_path, max_bytes=100_000, progress=False, timeout=5)
    assert list(tmp_path.iterdir()) == []
    deadline = time.monotonic() + 10
    while not handler.state.get("endless_done") and time.monotonic() < deadline:
        time.sleep(0.05)
    # the server was cut off while streaming, not after sending everything
    assert handler.state["sent"] < ENDLESS // 10


@pytest.mark.parametrize("sha256", [None, SHA], ids=["no-hash", "hash"])
def test_corpora_fetch_interrupted_body_leaves_nothing(server, tmp_path, sha256):
    base, _, _ = server
    with pytest.raises(LoadError, match=rf"{base}/flaky.bin"):
        fetch(f"{base}/flaky.bin", tmp_path, sha256=sha256, progress=False, timeout=5)
    assert list(tmp_path.iterdir()) == []  # no partial file, no lock, no temporary folder


def test_corpora_fetch_refuses_bad_input(server, tmp_path):
    base, handler, _ = server
    with pytest.raises(OptionError, match="not a sha256"):
        fetch(f"{base}/data.bin", tmp_path, sha256="abc")
    with pytest.raises(OptionError, match="neither a registered corpus"):
        fetch("no_such_corpus", tmp_path)
    with pytest.raises(OptionError, match="neither a registered corpus"):
        fetch("ftp://127.0.0.1/data.bin", tmp_path)
    with pytest.raises(OptionError, match="max_bytes"):
        fetch(f"{base}/data.bin", tmp_path, max_bytes=0)
    assert handler.log == []
    with pytest.raises(LoadError, match=rf"404.*{base}/missing.bin"):
        fetch(f"{base}/missing.bin", tmp_path, sha256=SHA, progress=False, timeout=5)
    assert handler.log == ["/missing.bin"] and list(tmp_path.iterdir()) == []


def test_corpora_fetch_progress_bar(server, tmp_path, capsys):
    base, _, _ = server
    assert fetch(f"{base}/data.bin", tmp_path, progress=True, timeout=5).read_bytes() == PAYLOAD
    err = capsys.readouterr().err
    assert "data.bin" in err and "102k/102k" in err  # the bar counts the bytes written


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
