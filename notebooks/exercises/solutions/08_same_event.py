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
# # Solution 8. Group articles into events

# %%
import framing

corpus = framing.load_demo()
docs = framing.group_events(corpus).corpus.docs
event = docs.loc[docs["doc_id"] == "e07_vestnik_agency", "event_id"].item()
same = docs[(docs["event_id"] == event) & (docs["doc_id"] != "e07_vestnik_agency")]
same[["doc_id", "outlet", "lang", "published", "title", "event"]]

# %%
answer = same["doc_id"].tolist()
feedback = framing.exercises.check("same_event", answer)
assert feedback.ok, feedback.message
answer

# %% [markdown]
# **Discussion.** The grouping agrees with the planted event here, across
# Russian, Ukrainian and English: names of places and people (Днепр, Dnipro)
# carry across languages once transliterated, and the reports fall within a
# few hours. Events that share no names or are reported days apart are
# harder; check a grouping by reading titles per event.
