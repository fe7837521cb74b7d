"""Fresh sample s21 (session 11): evaluative epithet rows on Telegram posts named in no file under benchmarks/,
tests/ or notebooks/ (the session's check sets counted as named), drawn proportionally by outlet.

Run from the project root at the commit the sample measured::

    python benchmarks/validity/fresh/draw_s21.py 40 20261321 out/fresh_s21

writes ``sheet_epi.pkl`` (the coding sheet of ``framing.validation_sample``, local use only) and
``docs.pkl`` to the output folder.
"""
import sys, warnings
import pandas as pd
import framing
warnings.simplefilter("ignore")
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_check11 import used_ids, raw_files
n, seed = int(sys.argv[1]), int(sys.argv[2])
out = Path(sys.argv[3] if len(sys.argv) > 3 else "out/fresh_s21")
out.mkdir(parents=True, exist_ok=True)
c = framing.read_telegram("../shared/data/telegram_ru_2024/raw/*.json", progress=False)
channels = sorted(c.docs["outlet"].unique())
seen = used_ids(channels, raw_files(), skip_own=False)     # the check sets count as named too
keep = ~c.docs["doc_id"].isin(seen)
print("posts", len(c.docs), "named somewhere", int((~keep).sum()), "kept", int(keep.sum()))
sub = c.filter(keep.to_numpy())
ann = framing.annotate(sub, progress=False, n_jobs=2)
table = framing.epithets(ann)
table = table[table["evaluative"].fillna(False).astype(bool)].copy()
print("rows", len(table), "documents with rows", table["doc_id"].nunique())
sheet = framing.validation_sample(table, n=n, by="outlet", seed=seed, ann=ann)
sheet.table.to_pickle(out / "sheet_epi.pkl")
pd.DataFrame({"doc_id": sub.docs["doc_id"], "text": sub.docs["text"]}).to_pickle(out / "docs.pkl")
print(len(sheet.table), "drawn from", sheet.table["doc_id"].nunique(), "documents;", sheet.table["outlet"].value_counts().to_dict())
