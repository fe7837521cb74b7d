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
# # Exercise 3. Find the wire copies
#
# **Time:** 20 minutes · **Level:** 1 · **Checked by:** `framing.exercises.check("wire_copies", answer)`
#
# **You will learn to** find near-duplicate documents, read a similarity
# score, and tell a reprint from two reports of the same event.
#
# Outlets reprint agency copy, often lightly edited. Counting a reprint as a
# second, independent report inflates an outlet's apparent agreement with the
# agency. framing compares documents by their word shingles (MinHash with
# locality-sensitive hashing; Broder 1997) and reports pairs whose Jaccard
# similarity passes a threshold. The demo corpus is constructed teaching
# material, **not real reports**.
#
# ## Tasks
# 1. Run `framing.find_duplicates(corpus)` on the demo corpus.
# 2. Answer with the list of document pairs `(doc_id, doc_id)` it reports.
# 3. (Discussion) Open one pair and compare the texts. What did the copying
#    outlet change? The answer key (`framing.demo_answers()`, device
#    `wire_copy`) lists more copies than framing finds: which ones are missed,
#    and why can a shingle comparison not find a *translated* copy?
#
# ## Hints
# * The result has the columns `doc_id_a` and `doc_id_b`; the order inside a
#   pair does not matter.
# * `corpus.docs.set_index("doc_id").loc["…", "text"]` shows a text.

# %%
import framing

corpus = framing.load_demo()

# %%
# your work here

# %%
answer = None  # [("doc_id", "doc_id"), ...]

# %%
framing.exercises.check("wire_copies", answer)
