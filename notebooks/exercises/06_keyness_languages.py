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
# # Exercise 6. Why keyness across languages misleads
#
# **Time:** 25 minutes · **Level:** 2 · **Checked by:** `framing.exercises.check("keyness_languages", answer)`
#
# **You will learn to** read a keyness table, recognise a language artefact,
# and choose groups that can be compared.
#
# Keyness finds the words an outlet uses more than the others (log-odds ratio
# with an informative Dirichlet prior, Monroe, Colaresi & Quinn 2008). It
# compares word *forms* (lemmas): an English outlet shares no lemma with
# Russian ones, so every English word looks "distinctive" — an artefact of the
# language, not of framing. The demo corpus is constructed teaching material,
# **not real reports**; its outlets write Russian, Ukrainian (`ukrainska_dumka`)
# and English (`global_wire`).
#
# ## Tasks
# 1. Compute `k = framing.keyness(ann, by="outlet")`.
# 2. For each outlet take its 10 terms with the highest `z`. Count how many
#    never occur in the other outlets (`count_reference == 0`).
# 3. Answer with the list of outlets for which **at least half** of the top 10
#    never occur elsewhere.
# 4. (Discussion) What do these outlets have in common? How would you compare
#    them fairly (hint: `framing.keyness(ann.select(...))` on one language, or
#    translate to shared actor and event categories)?
#
# ## Hints
# * `k.sort_values("z", ascending=False).groupby("group").head(10)` keeps each
#   outlet's top 10.
# * `ann.docs.groupby("outlet")["lang"].first()` gives each outlet's language.

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)

# %%
# your work here

# %%
answer = None  # ["outlet", ...]

# %%
framing.exercises.check("keyness_languages", answer)
