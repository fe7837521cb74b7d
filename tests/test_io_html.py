"""read_html: saved article pages → main text, title, date, author, address; offline."""

from __future__ import annotations

import warnings

import pytest

import framing
from framing._errors import LoadError, OptionError
from framing.io.html import decode_html, html_to_text

PARAGRAPHS = [
    "На северной окраине Заречинска открылся новый мост через реку Заречку, его строили три года.",
    "Глава города заявил, что мост сократит путь до центра на двадцать минут.",
    "Жители, по их словам, ждали открытия давно: старый мост закрыли на ремонт ещё весной.",
]


def article(*, charset="windows-1251", title="Мост через Заречку открыт", extra_head="", body=PARAGRAPHS,
            canonical="https://vestnik.example/news/2024/12/01/most"):
    head = f'<meta charset="{charset}">' if charset else ""
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    return (
        "<!DOCTYPE html><html lang='ru'><head>" + head
        + f"<title>{title} | Вестник</title>"
        + '<meta property="og:site_name" content="Вестник">'
        + '<meta name="author" content="Иван Петров">'
        + '<meta property="article:published_time" content="2024-12-01T10:30:00+03:00">'
        + extra_head + "</head><body>"
        + "<nav><a href='/'>Главная</a> <a href='/politika'>Политика</a> <a href='/sport'>Спорт</a></nav>"
        + f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in body) + "</article>"
        + "<footer>© Вестник, 2024. Все права защищены. Подписывайтесь на нас.</footer>"
        + "</body></html>"
    )


@pytest.fixture
def pages(tmp_path):
    d = tmp_path / "site"
    d.mkdir()
    (d / "most.html").write_bytes(article().encode("cp1251"))
    return d


def test_io_html_cp1251_meta_charset(pages):
    c = framing.read_html(pages)
    row = c.docs.iloc[0]
    assert row["encoding"] == "cp1251"
    assert row["title"] == "Мост через Заречку открыт"
    assert row["text"].split("\n")[0] == PARAGRAPHS[0]
    assert "Главная" not in row["text"] and "права защищены" not in row["text"]
    assert row["url"] == "https://vestnik.example/news/2024/12/01/most"
    assert row["outlet"] == "Вестник" and row["author"] == "Иван Петров"
    assert str(row["published"]) == "2024-12-01 07:30:00+00:00"
    assert row["lang"] == "ru" and row["doc_id"] == "most"
    assert c.meta["loader"] == "read_html" and c.meta["sources"][0]["sha256"]


def test_io_html_utf8_despite_declared_cp1251(tmp_path):
    p = tmp_path / "a.html"
    p.write_bytes(article().encode("utf-8"))  # declares windows-1251, is UTF-8
    row = framing.read_html(p).docs.iloc[0]
    assert row["encoding"] == "utf-8" and row["text"].startswith(PARAGRAPHS[0])


def test_io_html_undeclared_cp1251_and_og_url(tmp_path):
    p = tmp_path / "b.htm"
    page = article(charset=None, canonical=None,
                   extra_head='<meta property="og:url" content="https://www.kurier.example/b">')
    p.write_bytes(page.encode("cp1251"))
    row = framing.read_html(p).docs.iloc[0]
    assert row["encoding"] == "cp1251"
    assert row["url"] == "https://www.kurier.example/b"


def test_io_html_outlet_defaults_to_domain_and_option(tmp_path):
    page = article().replace('<meta property="og:site_name" content="Вестник">', "")
    (tmp_path / "c.html").write_text(page, encoding="utf-8")
    assert framing.read_html(tmp_path).docs.loc[0, "outlet"] == "vestnik.example"
    assert framing.read_html(tmp_path, outlet="Мой вестник").docs.loc[0, "outlet"] == "Мой вестник"


def test_io_html_jsonld_and_time_dates(tmp_path):
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2024-11-29T08:00:00Z"}</script>')
    page = article(extra_head=ld).replace(
        '<meta property="article:published_time" content="2024-12-01T10:30:00+03:00">', "")
    (tmp_path / "d.html").write_text(page, encoding="utf-8")
    assert str(framing.read_html(tmp_path).docs.loc[0, "published"]) == "2024-11-29 08:00:00+00:00"


def test_io_html_problems_keep_the_rest(tmp_path, pages):
    (pages / "empty.html").write_text("<html><head><title>Пусто</title></head><body></body></html>", encoding="utf-8")
    with pytest.warns(framing._errors.LoadWarning):
        c = framing.read_html(pages)
    assert c.docs["doc_id"].tolist() == ["most"]
    assert c.problems.loc[0, "reason"] == "no main text found in the page"
    with pytest.raises(LoadError, match="no main text"):
        framing.read_html(pages, strict=True)


def test_io_html_options_and_missing_path(tmp_path):
    with pytest.raises(OptionError, match="favor"):
        framing.read_html(tmp_path, favor="speed")
    with pytest.raises(LoadError, match="nothing to read"):
        framing.read_html(tmp_path / "nowhere.html")


def test_io_html_deterministic(pages):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a, b = framing.read_html(pages), framing.read_html(pages)
    assert a == b


def test_io_html_decode_and_fragment_helpers():
    assert decode_html("<p>Привет</p>".encode("koi8-r"), declared="koi8-r") == ("<p>Привет</p>", "koi8-r", False)
    assert decode_html("Привет, мир, как дела".encode("cp1251"))[1] == "cp1251"
    assert html_to_text("<p>Один <b>два</b></p><p>три&nbsp;четыре</p><script>x()</script>") == \
        "Один два\n\nтри четыре"
    assert html_to_text("просто &laquo;текст&raquo;") == "просто «текст»"
