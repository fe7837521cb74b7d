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
# # Solution 5. Code ten attributions and compute precision
#
# The demo corpus's answer key stands in for a careful coder here: a cue is
# right when the key lists an attribution with that reporting verb in the
# same document (`framing.exercises.code_with_key`). In class,
# students code by reading.

# %%
import pandas as pd

import framing

pd.set_option("display.max_colwidth", 200)
ann = framing.annotate(framing.load_demo(), progress=False)
att = framing.attributions(ann)
sheet = framing.validation_sample(att, n=10, by="outlet", seed=5, ann=ann)
coded = sheet.table.copy()
coded["ok_cue"] = framing.exercises.code_with_key(coded)
coded[["outlet", "sentence", "verb", "ok_cue"]]

# %%
answer = coded["ok_cue"].tolist()
feedback = framing.exercises.check("validation_precision", answer)
assert feedback.ok, feedback.message
precision = (coded["ok_cue"] == "yes").mean()
assert framing.exercises.check("validation_precision", float(precision)).ok
precision

# %% [markdown]
# **Discussion.** Ten rows give a very wide interval:

# %%
report = framing.validation_report(coded, fields=["cue"])
report[report["by"] == "all"]

# %% [markdown]
# A Wilson interval of about ±0.05 around 0.8 needs about 250 rows; the
# project codes at least 150 per measure (README, "Validity on real news").
