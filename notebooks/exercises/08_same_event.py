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
# # Exercise 8. Group articles into events
#
# **Time:** 20 minutes · **Level:** 1 · **Checked by:** `framing.exercises.check("same_event", answer)`
#
# **You will learn to** group documents into events and check a grouping
# against the documents' dates and titles.
#
# Comparing outlets is fairest event by event: did they report the same
# happening, and how? `framing.group_events` joins documents published close in
# time whose content is similar (topic detection and tracking; Allan, Papka &
# Lavrenko 1998). The demo corpus is constructed teaching material, **not real
# reports**.
#
# ## Tasks
# 1. Run `groups = framing.group_events(corpus)`; the documents with their
#    `event_id` are in `groups.corpus.docs`.
# 2. Find the event of the document `e07_vestnik_agency`.
# 3. Answer with the `doc_id`s of the **other** documents of that event.
# 4. (Discussion) Compare with the demo's planted event (`event` column).
#    Did `group_events` join documents in different languages? Why is that
#    hard?
#
# ## Hints
# * `docs.loc[docs["doc_id"] == "…", "event_id"].item()` reads one value.
# * Leave the document itself out of the answer.

# %%
import framing

corpus = framing.load_demo()

# %%
# your work here

# %%
answer = None  # ["doc_id", ...]

# %%
framing.exercises.check("same_event", answer)
