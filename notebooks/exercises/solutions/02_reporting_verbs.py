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
# # Solution 2. Reporting verbs of two outlets compared

# %%
import pandas as pd

import framing

ann = framing.annotate(framing.load_demo(), progress=False)
att = framing.attributions(ann)
two = att[att["outlet"].isin(["pervy_kanal_online", "svobodny_golos"])]
answer = pd.crosstab(two["outlet"], two["verb_class"])
feedback = framing.exercises.check("reporting_verbs", answer)
assert feedback.ok, feedback.message
answer

# %% [markdown]
# Shares make the outlets comparable (they published different numbers of
# attributions):

# %%
shares = answer.div(answer.sum(axis=1), axis=0).round(2)
shares

# %% [markdown]
# **Discussion.** pervy_kanal_online uses more *belief* and *endorsing* verbs
# relative to its total; svobodny_golos more *commissive* and *neutral*. With
# about 100 attributions per outlet a difference of a few points is within
# chance: `framing.sources(att)` and `framing.compare` give intervals.
