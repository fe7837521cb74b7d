"""read_feed: RSS and Atom files or strings, one document per entry, no network."""

from __future__ import annotations

import socket

import pytest

import framing
from framing._errors import LoadError, LoadWarning

RSS = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Вестник: главное</title>
<link>https://vestnik.example/</link>
<item>
  <title>Мост через Заречку открыт</title>
  <link>https://vestnik.example/most</link>
  <guid>vestnik-101</guid>
  <pubDate>Sun, 01 Dec 2024 10:30:00 +0300</pubDate>
  <author>ivan@vestnik.example (Иван Петров)</author>
  <category>Город</category><category>Транспорт</category>
  <description>&lt;p&gt;Открылся &lt;b&gt;новый&lt;/b&gt; мост.&lt;/p&gt;</description>
  <content:encoded><![CDATA[<p>На окраине Заречинска открылся новый мост через реку.</p><p>Глава города доволен.</p>]]></content:encoded>
</item>
<item>
  <title>Суд отложил дело о растрате</title>
  <link>https://vestnik.example/sud</link>
  <pubDate>Mon, 02 Dec 2024 09:00:00 GMT</pubDate>
  <description>Суд отложил рассмотрение дела о растрате до января.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Global Wire</title>
  <link href="https://globalwire.example/"/>
  <id>urn:globalwire</id>
  <updated>2024-12-01T12:00:00Z</updated>
  <entry>
    <title type="html">Bridge opens in &lt;i&gt;Zarechinsk&lt;/i&gt;</title>
    <link href="https://globalwire.example/bridge"/>
    <id>urn:globalwire:bridge</id>
    <updated>2024-12-01T12:00:00Z</updated>
    <author><name>Jane Roe</name></author>
    <summary>A new bridge opened.</summary>
    <content type="html">&lt;p&gt;A new bridge across the river opened on Sunday, the city said.&lt;/p&gt;</content>
  </entry>
</feed>
"""


@pytest.fixture
def feeds(tmp_path):
    (tmp_path / "vestnik.rss").write_bytes(RSS.encode("cp1251"))
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    return tmp_path


def test_io_feeds_rss_cp1251_and_atom(feeds):
    c = framing.read_feed(feeds)
    d = c.docs.set_index("doc_id")
    assert sorted(d.index) == ["https://vestnik.example/sud", "urn:globalwire:bridge", "vestnik-101"]
    r = d.loc["vestnik-101"]
    assert r["outlet"] == "Вестник: главное" and r["encoding"] == "cp1251"
    assert r["text"] == "На окраине Заречинска открылся новый мост через реку.\n\nГлава города доволен."
    assert r["summary"] == "Открылся новый мост."
    assert r["categories"] == "Город; Транспорт" and "Иван Петров" in r["author"]
    assert str(r["published"]) == "2024-12-01 07:30:00+00:00" and r["lang"] == "ru"
    a = d.loc["urn:globalwire:bridge"]
    assert a["outlet"] == "Global Wire" and a["title"] == "Bridge opens in Zarechinsk"
    assert a["text"].startswith("A new bridge across the river") and a["lang"] == "en"
    assert a["url"] == "https://globalwire.example/bridge" and a["feed_format"] == "atom10"
    assert str(a["published"]) == "2024-12-01 12:00:00+00:00"
    assert len(c.problems) == 0 and len(c.meta["sources"]) == 2


def test_io_feeds_from_string_and_bytes():
    c = framing.read_feed(ATOM)
    assert c.docs.loc[0, "doc_id"] == "urn:globalwire:bridge"
    assert c.meta["sources"][0]["path"] == "<string>"
    c2 = framing.read_feed(RSS.encode("cp1251"), outlet="Вестник")
    assert set(c2.docs["outlet"]) == {"Вестник"} and len(c2) == 2


def test_io_feeds_never_use_the_network(feeds, monkeypatch):
    def forbidden(*a, **k):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", forbidden)
    assert len(framing.read_feed(feeds)) == 3
    # a URL is not fetched: it is a path that does not exist
    with pytest.raises(LoadError, match="nothing to read"):
        framing.read_feed("https://vestnik.example/rss")


def test_io_feeds_bad_feed_is_a_problem(feeds):
    (feeds / "broken.xml").write_text("<html><body>Это не лента</body></html>", encoding="utf-8")
    with pytest.warns(LoadWarning):
        c = framing.read_feed(feeds)
    assert len(c) == 3
    assert c.problems["reason"].str.contains("not an RSS or Atom feed").any()
    with pytest.raises(LoadError):
        framing.read_feed(feeds, strict=True)


def test_io_feeds_entry_without_text_uses_title():
    rss = ('<rss version="2.0"><channel><title>Курьер</title><item><guid>k1</guid>'
           '<title>Молния: мост открыт</title></item></channel></rss>')
    with pytest.warns(LoadWarning):
        c = framing.read_feed(rss)
    assert c.docs.loc[0, "text"] == "Молния: мост открыт"
    assert c.problems.loc[0, "action"] == "repaired"
