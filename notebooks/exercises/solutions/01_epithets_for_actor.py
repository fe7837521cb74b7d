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
# # Solution 1. The epithets pervy_kanal_online gives to the West
#
# The epithets table has one row per epithet attached to an actor's mention;
# filtering by outlet and actor and taking the lemmas answers the question.

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)
ep = framing.epithets(ann)
west = ep[(ep["outlet"] == "pervy_kanal_online") & (ep["actor"] == "Запад")]
west[["doc_id", "mention", "epithet", "epithet_lemma", "evaluative", "polarity"]]

# %%
answer = sorted(set(west["epithet_lemma"]))
feedback = framing.exercises.check("epithets_for_actor", answer)
assert feedback.ok, feedback.message
answer

# %% [markdown]
# **Discussion.** "куратор" and "покровитель" cast the West as the one in
# control (an evaluation through a role noun, which an evaluative-adjective
# lexicon alone would miss); "западный" only locates. A wire agency would write
# "западные страны" or name the governments.
