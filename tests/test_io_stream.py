"""Streaming loaders (framing.io.stream): the batches concatenated equal the one-shot corpus."""

from __future__ import annotations

import io
import json
import tracemalloc
import warnings

import pandas as pd
import pytest

import framing
from framing._errors import OptionError


def _both(read, stream, path, batch_size, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = read(path, **kw)
        batches = list(stream(path, batch_size=batch_size, **kw))
    return whole, batches


def _assert_same(whole, batches, batch_size):
    assert all(len(b) <= batch_size for b in batches)
    assert [b.meta["batch"] for b in batches] == list(range(len(batches)))
    docs = pd.concat([b.docs for b in batches], ignore_index=True)
    pd.testing.assert_frame_equal(docs, whole.docs, check_dtype=False)
    problems = pd.concat([b.problems for b in batches], ignore_index=True)
    key = ["source", "location", "doc_id", "reason", "action"]
    assert sorted(problems[key].astype(str).values.tolist()) == sorted(whole.problems[key].astype(str).values.tolist())
    assert len(problems) > 0
    # the documents of each batch come from the files its meta names
    for b in batches:
        named = {s["path"] for s in b.meta["sources"]}
        assert {str(p) for p in b.problems["source"].dropna()} <= named
        assert {s["path"] for s in whole.meta["sources"]} >= named


def test_iter_jsonl_equals_read_jsonl(tmp_path):
    lines = []
    for i in range(23):
        lines.append(json.dumps({"id": i % 9, "text": f"Новость {i}: мэр открыл мост.", "source": "ria"},
                                ensure_ascii=False))
        if i % 5 == 0:
            lines.append("{broken")
        if i % 7 == 0:
            lines.append(json.dumps({"id": 100 + i, "text": ""}))
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines[0] + "\n" + lines[3] + "\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("", encoding="utf-8")
    whole, batches = _both(framing.read_jsonl, framing.iter_jsonl, tmp_path, 4)
    assert len(whole) > 20 and len(batches) >= 6
    _assert_same(whole, batches, 4)
    # repeated ids are renamed across batches as in one corpus
    assert whole.docs["doc_id"].is_unique


def test_iter_jsonl_is_lazy(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps({"text": f"Text {i}."}) + "\n" for i in range(10)), encoding="utf-8")
    gen = framing.iter_jsonl(p, batch_size=3, lang="en")
    first = next(gen)
    assert first.docs["doc_id"].tolist() == ["a-1", "a-2", "a-3"]
    gen.close()


def test_iter_csv_equals_read_csv(tmp_path):
    rows = ["id,text,outlet"] + [f"{i % 6},Текст номер {i} о мосте.,tass" for i in range(17)]
    rows.insert(5, '7,"never closed quote,tass')
    rows.insert(3, "8,,tass")
    (tmp_path / "a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,body\n1,Другой файл.\n", encoding="utf-8")
    whole, batches = _both(framing.read_csv, framing.iter_csv, tmp_path, 5)
    assert len(batches) >= 3
    _assert_same(whole, batches, 5)


def test_iter_telegram_equals_read_telegram(tmp_path):
    for k in range(3):
        msgs = [{"message_id": i, "channel": f"Канал {k % 2}", "date": "2024-12-01T10:00:00+00:00",
                 "text": f"Сообщение {i} о погоде." if i % 4 else ""} for i in range(7)]
        msgs.append("not a message")
        (tmp_path / f"dump{k}.json").write_text(json.dumps(msgs, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "broken.json").write_text("[{", encoding="utf-8")
    whole, batches = _both(framing.read_telegram, framing.iter_telegram, tmp_path, 4)
    assert len(batches) >= 3
    _assert_same(whole, batches, 4)


def test_iter_warc_equals_read_warc(tmp_path):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(tmp_path / "crawl.warc.gz", "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(7):
            body = ("<html><body></body></html>" if i == 3 else
                    f"<html><body><article><h1>Новость {i}</h1><p>На окраине города открылся новый мост "
                    f"номер {i}, его строили три года, сообщил мэр города.</p></article></body></html>")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://vestnik.example/{i}", "response",
                                                payload=io.BytesIO(body.encode()), http_headers=http))
    whole, batches = _both(framing.read_warc, framing.iter_warc, tmp_path, 2)
    assert len(batches) == 3
    _assert_same(whole, batches, 2)


def test_iter_options_checked_at_once(tmp_path):
    with pytest.raises(OptionError, match="batch_size"):
        framing.iter_jsonl(tmp_path, batch_size=0)
    with pytest.raises(OptionError):
        framing.iter_csv(tmp_path, sep=5)


@pytest.mark.slow
def test_iter_jsonl_memory_is_bounded(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        for i in range(60_000):
            fh.write(json.dumps({"id": i, "text": f"Документ {i}: мэр города открыл новый мост через реку.",
                                 "source": "ria", "date": "2024-12-01"}, ensure_ascii=False) + "\n")

    def peak(run):
        tracemalloc.start()
        try:
            run()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    n = []
    whole = peak(lambda: n.append(len(framing.read_jsonl(p, lang="ru"))))
    streamed = peak(lambda: n.append(sum(len(b) for b in framing.iter_jsonl(p, lang="ru", batch_size=5_000))))
    assert n == [60_000, 60_000]
    print(f"peak traced memory: read_jsonl {whole / 2**20:.1f} MiB, iter_jsonl {streamed / 2**20:.1f} MiB")
    assert streamed < whole / 3, (streamed, whole)
