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
# # Solution 6. Why keyness across languages misleads

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)
k = framing.keyness(ann, by="outlet")
top = k.sort_values("z", ascending=False).groupby("group").head(10)
unique = top.assign(nowhere_else=top["count_reference"] == 0).groupby("group")["nowhere_else"].sum()
unique

# %%
answer = sorted(unique[unique >= 5].index)
feedback = framing.exercises.check("keyness_languages", answer)
assert feedback.ok, feedback.message
answer, ann.docs.groupby("outlet")["lang"].first().to_dict()

# %% [markdown]
# **Discussion.** Both are the outlets in another language (English and
# Ukrainian): their "distinctive" words are ordinary words of their language
# ("say", "russia"; "україна"). Compare within one language, here the five
# Russian-language outlets:

# %%
ru = ann.select(outlets=["kyiv_vesti_ru", "pervy_kanal_online", "svobodny_golos", "vestnik_agency",
                         "world_service_ru"])
framing.keyness(ru, by="outlet").sort_values("z", ascending=False).groupby("group").head(5)[["group", "term", "z"]]
