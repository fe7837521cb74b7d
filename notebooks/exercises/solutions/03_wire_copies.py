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
# # Solution 3. Find the wire copies

# %%
import framing

corpus = framing.load_demo()
pairs = framing.find_duplicates(corpus)
pairs

# %%
answer = list(zip(pairs["doc_id_a"], pairs["doc_id_b"]))
feedback = framing.exercises.check("wire_copies", answer)
assert feedback.ok, feedback.message
answer

# %% [markdown]
# **Discussion.** The key lists every planted copy; the ones framing misses
# are translations (a Russian outlet translating Global Wire): they share no
# word shingles with the English original. Their sign is a credit line
# ("Перевод материала агентства Global Wire") which `kwic` finds:

# %%
key = framing.demo_answers()
copies = key[key["device"] == "wire_copy"][["doc_id", "detail"]]
found = {frozenset(p) for p in answer}
copies.assign(found=[frozenset((a, b)) in found for a, b in zip(copies["doc_id"], copies["detail"])])
