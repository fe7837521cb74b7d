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
# # Exercise 4. "в Украине" or "на Украине": counted by outlet
#
# **Time:** 25 minutes · **Level:** 2 · **Checked by:** `framing.exercises.check("v_na_ukraine", answer)`
#
# **You will learn to** search lemmas in context (keyword in context, KWIC;
# Luhn 1960), count a contested naming choice per outlet, and read examples
# before trusting a count.
#
# Russian dictionaries and style guides prescribe "на Украине"; Ukrainian
# usage, and since 1991 many Russian-language outlets, write "в Украине", so the
# preposition is widely read as a marker of stance. The demo corpus is
# constructed teaching material, **not real reports**.
#
# ## Tasks
# 1. For each **Russian-language** outlet of the demo (`kyiv_vesti_ru`,
#    `pervy_kanal_online`, `svobodny_golos`, `vestnik_agency`,
#    `world_service_ru`), count the occurrences of *в + Украина* and of
#    *на + Украина* in any case form ("в Украине", "в Украину", "на Украине",
#    "на Украину").
# 2. Answer with `{outlet: {"в": count, "на": count}}` (0 where none).
# 3. (Discussion) Read the "на" examples: are they all the locative "на
#    Украине", or also the directional "на Украину" where "на" is standard
#    in both usages?
#
# ## Hints
# * `framing.kwic(ann, "на украина")` matches **lemmas**, so every case form
#   of "Украина" is found; with `by_lemma=False` only the exact words.
# * `hits.groupby("outlet").size()` counts per outlet.

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)

# %%
# your work here

# %%
answer = None  # {"kyiv_vesti_ru": {"в": ..., "на": ...}, ...}

# %%
framing.exercises.check("v_na_ukraine", answer)
