"""The standalone HTML coding page of a sheet (inline CSS and JavaScript; it saves the coder's CSV)."""

from __future__ import annotations

import hashlib
import html
import json
import math
import re

import pandas as pd

from ._common import _CLOSE, MEASURES, _gold_columns


# --- the HTML coding page ---------------------------------------------------------------

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.6em 1em;z-index:2}
header h1{font-size:1.1em;margin:0 0 .3em}
main{max-width:60em;margin:0 auto;padding:1em}
.item{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.7em 1em;margin:0 0 1em}
.item.done{border-left:6px solid #3a3}
.meta{color:#666;font-size:.85em}
.sent{font-size:1.05em;margin:.4em 0}
mark{background:#ffe37a;padding:0 .1em}
mark.m1{background:#a9d8ff} mark.m2{background:#c9f2c0}
mark[data-label]::before{content:attr(data-label) ": ";font-size:.7em;color:#555}
table.pred{border-collapse:collapse;font-size:.9em;margin:.3em 0}
table.pred td,table.pred th{border:1px solid #eee;padding:.1em .5em;text-align:left;vertical-align:top}
fieldset{display:inline-block;border:1px solid #ccc;margin:.2em .4em .2em 0;padding:.2em .6em}
legend{font-size:.85em;color:#444}
label{margin-right:.6em;white-space:nowrap}
input.note{width:100%;box-sizing:border-box;margin-top:.3em}
.help{font-size:.85em;color:#444}
"""

_JS = r"""
(function(){
  var meta = JSON.parse(document.getElementById('sheet-meta').textContent);
  var rows = JSON.parse(document.getElementById('sheet-rows').textContent);
  var key = 'framing-coding-' + meta.sheet_id;
  var form = document.getElementById('sheet');
  var coder = document.getElementById('coder');
  function state(){
    var out = {coder: coder.value, items: {}};
    rows.forEach(function(r, i){
      var o = {};
      meta.fields.forEach(function(f){
        var c = form.querySelector('input[name="ok_' + f + '-' + i + '"]:checked');
        o['ok_' + f] = c ? c.value : '';
      });
      o.note = form.querySelector('[name="note-' + i + '"]').value;
      out.items[r.item] = o;
    });
    return out;
  }
  function progress(s){
    var done = 0;
    rows.forEach(function(r, i){
      var o = s.items[r.item];
      var all = meta.fields.every(function(f){ return o['ok_' + f] !== ''; });
      document.getElementById('card-' + i).classList.toggle('done', all);
      if (all) done++;
    });
    document.getElementById('progress').textContent = done + ' / ' + rows.length + ' coded';
  }
  function save(){
    var s = state();
    try { localStorage.setItem(key, JSON.stringify(s)); } catch (e) {}
    progress(s);
  }
  function restore(){
    var s = null;
    try { s = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) {}
    if (!s) return;
    coder.value = s.coder || '';
    rows.forEach(function(r, i){
      var o = s.items[r.item]; if (!o) return;
      meta.fields.forEach(function(f){
        var v = o['ok_' + f];
        if (!v) return;
        var c = form.querySelector('input[name="ok_' + f + '-' + i + '"][value="' + v + '"]');
        if (c) c.checked = true;
      });
      form.querySelector('[name="note-' + i + '"]').value = o.note || '';
    });
  }
  function cell(v){
    if (v === null || v === undefined) v = '';
    var text = String(v);
    if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;   // numbers stay numbers
    v = text;
    return '"' + v.replace(/"/g, '""') + '"';
  }
  function csv(){
    var s = state();
    var cols = meta.columns.concat(meta.fields.map(function(f){ return 'ok_' + f; }), ['note', 'coder']);
    var lines = [cols.map(cell).join(',')];
    rows.forEach(function(r){
      var o = s.items[r.item];
      lines.push(cols.map(function(c){
        if (c === 'coder') return cell(s.coder);
        if (c in o) return cell(o[c]);
        return cell(r[c]);
      }).join(','));
    });
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }
  window.framingCodingCSV = csv;
  document.getElementById('download').addEventListener('click', function(){
    var blob = new Blob([csv()], {type: 'text/csv;charset=utf-8'});
    var a = document.createElement('a');
    var who = (coder.value || 'coder').replace(/[^\w.-]+/g, '_');
    a.href = URL.createObjectURL(blob);
    a.download = meta.measure + '_' + who + '.csv';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function(){ URL.revokeObjectURL(a.href); }, 1000);
  });
  form.addEventListener('change', save);
  form.addEventListener('input', save);
  coder.addEventListener('input', save);
  restore();
  progress(state());
  document.documentElement.setAttribute('data-ready', '1');
})();
"""


def _json_script(obj) -> str:
    """JSON safe inside a <script> element."""
    return (json.dumps(obj, ensure_ascii=False, default=str)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _cell_text(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v)


def _field_question(f, row, measure):
    spec = MEASURES.get(measure)
    spans = {(label or "span"): (a, b) for label, a, b in (spec.spans if spec else (("", "start", "end"),))}
    if f in spans:
        a, b = spans[f]
        start, end = row.get(a), row.get(b)
        what = "the marked span" if f == "span" else f"the marked {f}"
        if start is None or end is None or pd.isna(start) or pd.isna(end) or int(start) < 0:
            return f"ok_{f}: no {f} is marked: is it right that there is none?"
        return f"ok_{f}: is {what} right (a true instance, right extent)?"
    value = _cell_text(row.get(f))
    return f"ok_{f}: is {f} = {value if value else '(none)'} right?"


_MARK_RE = re.compile(r"⟦(?:(speaker|cue|content): )?|⟧")


def _markup(plain: str) -> str:
    """HTML of a marked sentence: escaped text, ⟦…⟧ as <mark> elements."""
    out, pos, depth = [], 0, 0
    for m in _MARK_RE.finditer(plain):
        out.append(html.escape(plain[pos:m.start()]))
        pos = m.end()
        if m.group(0) == _CLOSE:
            if depth:
                out.append("</mark>")
                depth -= 1
            else:
                out.append(html.escape(_CLOSE))
        else:
            label = m.group(1)
            cls = {"speaker": "m0", "cue": "m1", "content": "m2"}.get(label, "m0")
            out.append(f'<mark class="{cls}"' + (f' data-label="{label}"' if label else "") + ">")
            depth += 1
    out.append(html.escape(plain[pos:]))
    out.append("</mark>" * depth)
    return "".join(out)


def _coding_page(sheet, *, title=None) -> str:
    t = sheet.table
    esc = html.escape
    markups = [_markup(str(s)) for s in t["sentence"]]
    gold = _gold_columns(t, sheet.measure, notes=False)
    id_cols = [c for c in gold.columns if not c.startswith("ok_") and c != "coder"]
    rows = json.loads(gold[id_cols].to_json(orient="records", force_ascii=False))
    sheet_id = hashlib.sha1("|".join(t["item"]).encode()).hexdigest()[:12]
    meta = {"measure": sheet.measure, "fields": list(sheet.fields), "columns": id_cols, "sheet_id": sheet_id}
    shown = sheet._shown()
    title = title or f"Coding sheet: {sheet.measure} ({len(t)} items)"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
             f"<header><h1>{esc(title)}</h1>",
             '<label>Coder: <input id="coder" name="coder" autocomplete="off"></label> ',
             '<span id="progress"></span> <button type="button" id="download">Download CSV</button>',
             '<p class="help">For each item judge every field: <b>yes</b> (right), <b>no</b> (wrong) or '
             '<b>n/a</b> (does not apply, e.g. the kind of a span that is no instance at all). Your choices are '
             "kept in this browser until you download the CSV. The CSV holds ids, offsets and your judgments, "
             "not the text.</p></header><main><form id=\"sheet\" autocomplete=\"off\">"]
    for i, (row, markup) in enumerate(zip(t.to_dict("records"), markups)):
        parts.append(f'<section class="item" id="card-{i}" data-item="{esc(str(row["item"]))}">')
        parts.append(f'<div class="meta">#{i + 1} · item {esc(str(row["item"]))} · {esc(str(row["doc_id"]))} · '
                     f'{esc(str(row.get("outlet")))} · sentence {esc(str(row.get("sent_id")))}</div>')
        parts.append(f'<p class="sent">{markup}</p>')
        parts.append('<table class="pred">' + "".join(
            f"<tr><th>{esc(c)}</th><td>{esc(_cell_text(row.get(c)))}</td></tr>" for c in shown) + "</table>")
        for f in sheet.fields:
            name = f"ok_{f}-{i}"
            parts.append(f"<fieldset><legend>{esc(_field_question(f, row, sheet.measure))}</legend>" + "".join(
                f'<label><input type="radio" name="{esc(name)}" value="{v}"> {lab}</label>'
                for v, lab in (("yes", "yes"), ("no", "no"), ("na", "n/a"))) + "</fieldset>")
        parts.append(f'<input class="note" type="text" name="note-{i}" placeholder="note (optional)"></section>')
    parts.append("</form></main>")
    parts.append(f'<script type="application/json" id="sheet-meta">{_json_script(meta)}</script>')
    parts.append(f'<script type="application/json" id="sheet-rows">{_json_script(rows)}</script>')
    parts.append(f"<script>{_JS}</script></body></html>")
    return "\n".join(parts)
