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
# # Exercise 7. Distancing markers by outlet
#
# **Time:** 25 minutes · **Level:** 2 · **Checked by:** `framing.exercises.check("distancing_by_outlet", answer)`
#
# **You will learn to** compute a rate per outlet from an attributions
# table, report it with an interval, and read what counts as distancing.
#
# An outlet distances itself from a claim with a verb ("утверждает",
# "claims") or a marker ("якобы", "так называемый", scare quotes)
# (Caldas-Coulthard 1994; Bell 1991). framing marks each attribution
# `distancing=True` when it has either. The demo corpus is constructed
# teaching material, **not real reports**.
#
# ## Tasks
# 1. Compute `att = framing.attributions(ann)`.
# 2. For every outlet, compute the **share** of its attributions with
#    `distancing == True` (a number between 0 and 1).
# 3. Answer with `{outlet: share}` or a Series indexed by outlet.
# 4. (Discussion) `framing.sources(att)` and `framing.compare(ann)` give the
#    same rates with bootstrap intervals. Which outlets differ from the others
#    beyond chance? Read three distancing attributions of the top outlet
#    (`att[att["distancing"]]`): whom does it distance itself from?
#
# ## Hints
# * The mean of a True/False column is the share of True.
# * `groupby("outlet")["distancing"]`.

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)

# %%
# your work here

# %%
answer = None  # {"global_wire": 0.1, ...}

# %%
framing.exercises.check("distancing_by_outlet", answer)
