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
# # Solution 9. Which outlets frame the events as security?

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)
f = framing.frames(ann)
top = f[(f["score"] == f.groupby("doc_id")["score"].transform("max")) & (f["score"] > 0)]
security_docs = top.loc[top["frame"] == "Security_and_defense", ["doc_id", "outlet"]].drop_duplicates()
n_docs = ann.docs.groupby("outlet").size()
answer = (security_docs.groupby("outlet").size().reindex(n_docs.index, fill_value=0) / n_docs)
feedback = framing.exercises.check("security_frame", answer)
assert feedback.ok, feedback.message
answer.round(3)

# %% [markdown]
# **Discussion.** The cues behind two documents of the outlet with the lowest
# share:

# %%
low = answer.idxmin()
docs = ann.docs.loc[ann.docs["outlet"] == low, "doc_id"].head(2)
f[f["doc_id"].isin(docs) & (f["cues"] > 0)][["doc_id", "frame", "cues", "score", "matched"]]
