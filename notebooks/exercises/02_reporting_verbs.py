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
# # Exercise 2. Reporting verbs of two outlets compared
#
# **Time:** 25 minutes · **Level:** 1 · **Checked by:** `framing.exercises.check("reporting_verbs", answer)`
#
# **You will learn to** count reporting-verb classes per outlet and see why a
# comparison needs shares, not counts.
#
# How a journalist introduces a quote ("сообщил", "признал", "заявил",
# "утверждает") signals how much the outlet endorses it (Bell 1991;
# Caldas-Coulthard 1994). framing's `attributions` table has one row per
# attribution with the verb's class (`verb_class`: neutral, endorsing,
# distancing, denial …; `docs/attribution.md`). The demo corpus is constructed
# teaching material, **not real reports**.
#
# ## Tasks
# 1. Compute `att = framing.attributions(ann)`.
# 2. Count the attributions of each `verb_class` for the outlets
#    `pervy_kanal_online` and `svobodny_golos` (only these two).
# 3. Answer with `{outlet: {verb_class: count}}` or the table of counts.
# 4. (Discussion) Turn the counts into shares of each outlet's attributions.
#    Which class differs most? Is the difference larger than chance
#    (see `framing.sources(att)`)?
#
# ## Hints
# * `pd.crosstab(rows, columns)` counts combinations.
# * `att[att["outlet"].isin([...])]` keeps the rows of some outlets.

# %%
import pandas as pd

import framing

ann = framing.annotate(framing.load_demo(), progress=False)

# %%
# your work here

# %%
answer = None  # {"pervy_kanal_online": {"neutral": ..., ...}, "svobodny_golos": {...}}

# %%
framing.exercises.check("reporting_verbs", answer)
