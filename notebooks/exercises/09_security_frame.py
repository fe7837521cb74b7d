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
# # Exercise 9. Which outlets frame the events as security?
#
# **Time:** 25 minutes · **Level:** 2 · **Checked by:** `framing.exercises.check("security_frame", answer)`
#
# **You will learn to** score documents with a frame dictionary, find each
# document's top frame, compare shares by outlet, and read the cue words
# behind a score.
#
# A frame dictionary lists cue words for each frame of the Policy Frames
# Codebook (Boydstun et al. 2014). `framing.frames(ann)` gives every document
# a row per frame: the cue tokens found (`cues`), the words (`tokens`), their
# ratio per 1,000 words (`score`) and the cues themselves (`matched`). The demo
# corpus is constructed teaching material, **not real reports**.
#
# ## Tasks
# 1. Compute `f = framing.frames(ann)`.
# 2. For every document, find its top frame: the frame(s) with the highest
#    `score`, when that score is above 0 (a tie counts for every frame in it).
# 3. For every outlet, compute the **share of its documents** (all of them,
#    also those without any cue) whose top frame includes
#    `Security_and_defense`.
# 4. Answer with `{outlet: share}` or a Series indexed by outlet.
# 5. (Discussion) Read the `matched` cues of two documents of the outlet with
#    the lowest share. Is the security frame really absent, or do its cues
#    differ? What would a frame classifier trained on labelled articles add?
#
# ## Hints
# * `f.groupby("doc_id")["score"].transform("max")` gives each row its
#   document's highest score.
# * `ann.docs.groupby("outlet").size()` counts each outlet's documents.

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)

# %%
# your work here

# %%
answer = None  # {"global_wire": 0.5, ...}

# %%
framing.exercises.check("security_frame", answer)
