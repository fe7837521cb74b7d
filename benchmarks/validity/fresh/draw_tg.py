"""Fresh samples of sessions 11 to 14 (s20, s22, s24 attributions; s21, s23, s25–s28, s30–s33 evaluative epithets): rows of a measure on
Telegram posts named in no file under benchmarks/, tests/ or notebooks/ (the session's check sets
counted as named), drawn proportionally by outlet; with a fifth argument ``bsnlp`` (``bsnlp-uk``), of the BSNLP-2021 ru (uk)
web articles named nowhere instead. The measure ``epithets`` samples every descriptor row, not only evaluative ones.

Run from the project root at the commit the sample measured::

    python benchmarks/validity/fresh/draw_tg.py attributions 60 20261320 out/fresh_s20   # s20
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261321 out/fresh_s21     # s21
    python benchmarks/validity/fresh/draw_tg.py attributions 60 20261322 out/fresh_s22   # s22 (session 12)
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261323 out/fresh_s23     # s23 (session 12)
    python benchmarks/validity/fresh/draw_tg.py attributions 40 20261324 out/fresh_s24 bsnlp   # s24: BSNLP ru
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261325 out/fresh_s25 bsnlp     # s25: BSNLP ru
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261326 out/fresh_s26           # s26 (session 13)
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261327 out/fresh_s27 bsnlp     # s27: BSNLP ru
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261328 out/fresh_s28           # s28: final rules
    python benchmarks/validity/fresh/draw_tg.py epithets 40 20261329 out/fresh_s29 bsnlp-uk    # s29: uk, all rows
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261330 out/fresh_s30           # s30 (session 14)
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261331 out/fresh_s31 bsnlp     # s31: BSNLP ru
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261332 out/fresh_s32           # s32: final rules
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261333 out/fresh_s33 bsnlp     # s33: final rules
    python benchmarks/validity/fresh/draw_tg.py evaluative 40 20261334 out/fresh_s34 telegram "Банкста|Ньюсач/Двач|112|ТОПОР - Горячие новости"
    python benchmarks/validity/fresh/draw_tg.py attributions 40 20261335 out/fresh_s35 telegram "Банкста|Ньюсач/Двач|112|ТОПОР - Горячие новости"
    python benchmarks/validity/fresh/draw_tg.py epithets 40 20261336 out/fresh_s36 telegram "Банкста|Ньюсач/Двач|112|ТОПОР - Горячие новости"
                                                      # s34-s36: the four channels no rule was tuned on, final rules
                                                      # (s34: every evaluative row their unnamed posts have, 7)

A sixth argument keeps only the outlets it lists (separated by "|").

writes ``sheet_att.pkl`` or ``sheet_epi.pkl`` (the coding sheet of ``framing.validation_sample``,
local use only) and ``docs.pkl`` to the output folder.
"""
import sys
import warnings
from pathlib import Path

import pandas as pd

import framing

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_check11 import raw_files, used_ids  # noqa: E402


def table_of(measure, ann):
    if measure == "attributions":
        return framing.attributions(ann), "att"
    if measure == "evaluative":
        table = framing.epithets(ann)
        return table[table["evaluative"].fillna(False).astype(bool)].copy(), "epi"
    if measure == "epithets":                    # every descriptor row, evaluative or not
        return framing.epithets(ann), "epi"
    raise SystemExit(f"unknown measure {measure!r}: attributions or evaluative")


def main(argv):
    warnings.simplefilter("ignore")
    measure, n, seed, out = argv[0], int(argv[1]), int(argv[2]), Path(argv[3])
    out.mkdir(parents=True, exist_ok=True)
    source = argv[4] if len(argv) > 4 else "telegram"
    web = source in ("bsnlp", "bsnlp-uk")     # BSNLP-2021 ru (or uk) web articles instead of Telegram posts
    if web:
        c = framing.read_bsnlp("../shared/data/bsnlp2021", progress=False)
        c = c.filter((c.docs["lang"] == ("uk" if source == "bsnlp-uk" else "ru")).to_numpy())
    else:
        c = framing.read_telegram("../shared/data/telegram_ru_2024/raw/*.json", progress=False)
    tg_channels = sorted(framing.read_telegram("../shared/data/telegram_ru_2024/raw/*.json",
                                               progress=False).docs["outlet"].unique())
    seen = used_ids(tg_channels, raw_files(), skip_own=False)     # the check sets count as named too
    keep = ~c.docs["doc_id"].isin(seen)
    if len(argv) > 5:                                           # only these outlets
        keep &= c.docs["outlet"].isin(argv[5].split("|"))
    print("posts", len(c.docs), "named somewhere", int((~keep).sum()), "kept", int(keep.sum()))
    sub = c.filter(keep.to_numpy())
    ann = framing.annotate(sub, progress=False, n_jobs=2)
    table, short = table_of(measure, ann)
    print("rows", len(table), "documents with rows", table["doc_id"].nunique())
    sheet = framing.validation_sample(table, n=n, by="outlet", seed=seed, ann=ann)
    sheet.table.to_pickle(out / f"sheet_{short}.pkl")
    pd.DataFrame({"doc_id": sub.docs["doc_id"], "text": sub.docs["text"]}).to_pickle(out / "docs.pkl")
    print(len(sheet.table), "drawn from", sheet.table["doc_id"].nunique(), "documents;",
          sheet.table["outlet"].value_counts().to_dict())


if __name__ == "__main__":
    main(sys.argv[1:])
