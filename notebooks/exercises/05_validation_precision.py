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
# # Exercise 5. Code ten attributions and compute precision
#
# **Time:** 35 minutes · **Level:** 2 · **Checked by:** `framing.exercises.check("validation_precision", answer)`
#
# **You will learn to** draw a validation sample, code it by a written rule,
# compute precision, and see how little ten rows tell.
#
# Precision is the share of what a measure found that a careful reader agrees
# with. Content analysis estimates it from a random sample coded by hand
# (Krippendorff 2004, ch. 11; interval by Wilson 1927). The demo corpus is
# constructed teaching material, **not real reports**.
#
# **Coding rule (the cue).** Code `yes` when the marked words introduce what
# someone said, wrote or claimed (a real attribution with that reporting verb,
# e.g. "заявил", "по словам"); code `no` when the verb is not used to report
# speech here (e.g. "сообщение пришло", "говорить о переговорах рано").
#
# ## Tasks
# 1. Draw the sample: `framing.validation_sample(att, n=10, by="outlet", seed=5, ann=ann)`
#    (this exact call: everybody codes the same ten rows).
# 2. Read each row's `sentence` (the cue is marked ⟦…⟧ with `verb`) and write
#    `yes` or `no` in order, ten judgments.
# 3. Answer with your list of ten judgments, or with the precision (the share
#    of `yes`), a number between 0 and 1.
# 4. (Discussion) Compute the Wilson interval of your precision:
#    `framing.validation_report(coded)`. How many rows would you need for an
#    interval ±0.05 wide?
#
# ## Hints
# * `sheet.table[["sentence", "verb", "speaker"]]` shows what to read.
# * The feedback names the rows where your judgment differs from the answer
#   key of the demo corpus. Disagreeing is not always your mistake: read the
#   sentence again and discuss it.

# %%
import pandas as pd

import framing

pd.set_option("display.max_colwidth", 200)
ann = framing.annotate(framing.load_demo(), progress=False)
att = framing.attributions(ann)

# %%
# your work here: draw the sample and read it

# %%
answer = None  # ["yes", "no", ...] (ten judgments in the order of the sample), or a precision

# %%
framing.exercises.check("validation_precision", answer)
