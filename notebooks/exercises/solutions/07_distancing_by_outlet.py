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
# # Solution 7. Distancing markers by outlet

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)
att = framing.attributions(ann)
answer = att.groupby("outlet")["distancing"].mean()
feedback = framing.exercises.check("distancing_by_outlet", answer)
assert feedback.ok, feedback.message
answer.round(3)

# %% [markdown]
# With intervals (bootstrap over documents) and a permutation test of each
# outlet against the others:

# %%
comp = framing.compare(ann, by="outlet", attributions=att, seed=0)
dist = comp.distancing
print(framing.to_markdown(dist[dist["actor"].isna()][["outlet", "n_attributions", "rate", "ci_low", "ci_high",
                                                      "p_value"]]))

# %% [markdown]
# **Discussion.** Whom the top outlet distances itself from:

# %%
top = answer.idxmax()
att[(att["outlet"] == top) & att["distancing"]][["actor", "verb", "markers", "content"]].head(5)
