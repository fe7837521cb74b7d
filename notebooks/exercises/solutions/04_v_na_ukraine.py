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
# # Solution 4. "в Украине" or "на Украине": counted by outlet

# %%
import framing

ann = framing.annotate(framing.load_demo(), progress=False)
outlets = ["kyiv_vesti_ru", "pervy_kanal_online", "svobodny_golos", "vestnik_agency", "world_service_ru"]
answer = {o: {"в": 0, "на": 0} for o in outlets}
for prep in ("в", "на"):
    hits = framing.kwic(ann, f"{prep} украина")
    for outlet, n in hits.groupby("outlet").size().items():
        if outlet in answer:
            answer[outlet][prep] = int(n)
feedback = framing.exercises.check("v_na_ukraine", answer)
assert feedback.ok, feedback.message
answer

# %% [markdown]
# **Discussion.** Read the examples: a directional "на Украину" (e.g. "атака
# на Украину") is standard for everybody, so only the locative forms mark
# stance.

# %%
framing.kwic(ann, "на украина")[["doc_id", "left", "match", "right"]]
