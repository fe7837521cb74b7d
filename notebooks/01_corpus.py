# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1. Loading a corpus
#
# A `Corpus` is one table of documents — `doc_id`, `outlet`, `published`, `lang`,
# `title`, `text`, `url` and any metadata you bring — with its provenance and the
# list of problems met while loading. Every method returns a new corpus: cells can
# be re-run safely.
#
# We use the bundled demo corpus: constructed teaching material written for this
# project, with fictional outlets, **not real reports**.

# %%
import framing

corpus = framing.load_demo()
corpus

# %% [markdown]
# Documents per outlet and the languages detected:

# %%
corpus.summary()

# %%
corpus.docs.groupby(["event", "outlet"]).size().unstack(fill_value=0)

# %% [markdown]
# ## Selecting
# By outlet, language or date range; a sample is reproducible for a seed.

# %%
ru = corpus.select(lang="ru")
week = corpus.select(start="2025-11-03", end="2025-11-10")
print(len(ru), len(week), len(corpus.sample(10, seed=1)))

# %% [markdown]
# ## Provenance
# Which files were read (with sha256), by which loader, with which options.

# %%
corpus.meta["loader"], corpus.meta["sources"][:2]

# %% [markdown]
# ## Loading your own data
# Every loader returns a corpus and never aborts on a bad record: it records it.
# Here a JSONL file with one broken line and one empty text:

# %%
import pathlib
import tempfile
import warnings

tmp = pathlib.Path(tempfile.mkdtemp())
(tmp / "news.jsonl").write_text(
    '{"id": "1", "source": "agency", "body": "Президент заявил, что переговоры продолжатся."}\n'
    '{"id": "2", "source": "agency", "body": \n'
    '{"id": "3", "source": "weekly", "body": ""}\n'
    '{"id": "4", "source": "weekly", "body": "Уряд оголосив про нові заходи підтримки."}\n',
    encoding="utf-8",
)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    mine = framing.read_jsonl(tmp / "news.jsonl", doc_id="id", outlet="source", text="body")
print(caught[0].message if caught else "no warnings")
mine.docs[["doc_id", "outlet", "lang", "text"]]

# %%
mine.problems

# %% [markdown]
# ## Boilerplate and duplicates
# Lines an outlet repeats in many documents (sign-offs, photo credits) are removed
# from `text` and kept in the `boilerplate` column; reprinted wire copies are found
# as near-duplicate pairs, so that an agency's text is not counted as the reprinting
# outlet's own framing.

# %%
clean = framing.remove_boilerplate(corpus)
pairs = framing.find_duplicates(clean)
pairs.head(10)

# %% [markdown]
# ## What this shows and does not show
#
# Loading checks form, not content: a document that parses is kept, a record
# that does not is listed in `corpus.problems` with its file and line, and
# nothing is repaired silently. Near duplicates are found by MinHash over word
# shingles (Broder 1997), so a *translated* copy shares no shingle with its
# original and is not found. On the demo's answer key:

# %%
key = framing.demo_answers()
planted = key[key["device"] == "wire_copy"]
found = {frozenset(p) for p in zip(pairs["doc_id_a"], pairs["doc_id_b"])}
hit = [frozenset((a, b)) in found for a, b in zip(planted["doc_id"], planted["detail"])]
print(f"wire copies planted in the demo: {len(planted)}; found by find_duplicates: {sum(hit)} "
      "(the others are translations)")

# %% [markdown]
# Loading has no figure in the project's validity table ("Validity on real
# news" in the README), which measures the measures. Language identification:
# accuracy 0.9992 on 1,270 BSNLP ru/uk news documents
# (`benchmarks/language_id.py`, run when this cell was written; the one
# disagreement is a Russian text filed under Ukrainian). Short posts, mixed
# Russian–Ukrainian text and surzhyk are harder than news articles.
#
# Broder, A. Z. (1997). On the resemblance and containment of documents.
# *Compression and Complexity of Sequences*, 21–29.
