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
# # Exercise 1. The epithets pervy_kanal_online gives to the West
#
# **Time:** 20 minutes · **Level:** 1 · **Checked by:** `framing.exercises.check("epithets_for_actor", answer)`
#
# **You will learn to** read an epithets table, filter it by outlet and actor,
# and tell a descriptor ("министр") from an evaluation ("куратор").
#
# An *epithet* here is a word or phrase attached to an actor's mention that
# describes or evaluates it: an adjective ("западные кураторы"), a title or
# role ("глава МИД"), an apposition (framing's definition: `docs/epithets.md`;
# Bednarek & Caple 2012 on evaluative language in news). The demo corpus is
# constructed teaching material, **not real reports**.
#
# ## Tasks
# 1. Annotate the demo corpus and compute `framing.epithets(ann)`.
# 2. Keep the rows of the outlet `pervy_kanal_online` whose `actor` is `Запад`.
# 3. Answer with the **set of epithet lemmas** (column `epithet_lemma`) it uses.
# 4. (Discussion, not checked) Which of them evaluate rather than describe?
#    Which actor-neutral word would a wire agency use instead?
#
# ## Hints
# * `ep[(ep["outlet"] == ...) & (ep["actor"] == ...)]` keeps rows matching both.
# * `sorted(set(column))` turns a column into a sorted list without repeats.
# * The `evaluative` column is framing's guess; on real news it finds only
#   about a third of evaluations (README, "Validity on real news").

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)

# %%
# your work here

# %%
answer = None  # a list of epithet lemmas, e.g. ["...", "..."]

# %%
framing.exercises.check("epithets_for_actor", answer)
