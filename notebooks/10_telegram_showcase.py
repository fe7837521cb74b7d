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
# # 10. Showcase: Russian news channels on Telegram
#
# The whole analysis on real data: posts of nine Russian news channels on
# Telegram (late 2024; the `telegram_ru_2024` dataset, see its README for the
# source and licence). The data is not part of framing: this notebook reads
# it from the project's shared data folder (`../shared/data/telegram_ru_2024`
# beside the checkout) or from the folder in the environment variable
# `FRAMING_TELEGRAM`, and otherwise stops with the reason and how to get
# comparable data.
#
# **Comparable data of your own.** Telegram Desktop exports a channel's
# history as JSON (*Export chat history → Machine-readable JSON*);
# `framing.read_telegram(folder)` reads those exports and this dataset's
# files alike. Respect the channels' terms and your ethics board's rules.

# %%
import os
from pathlib import Path

import pandas as pd
from IPython.display import display

import framing

SAMPLE = 1500          # posts drawn at random (seeded); None: all 8,449 (about 5 minutes on two cores)
SEED = 1
default = Path(framing.__file__).resolve().parents[1].parent / "shared" / "data" / "telegram_ru_2024" / "raw"
DATA = Path(os.environ.get("FRAMING_TELEGRAM") or default)
if DATA.exists():
    posts = framing.read_telegram(DATA)
    posts = posts.sample(SAMPLE, seed=SEED) if SAMPLE and SAMPLE < len(posts) else posts
    display(posts)
else:
    posts = None
    print(f"SKIPPED: no Telegram data at {DATA}. Set FRAMING_TELEGRAM to a folder of Telegram JSON exports "
          "(or clone the project next to its shared/ data folder) and run again.")

# %% [markdown]
# ## Volume, boilerplate, copies
#
# Posts per channel and day; channel sign-offs ("подписывайтесь") removed so
# they do not count as words; reposts between channels found as near
# duplicates (Broder 1997).

# %%
if posts is not None:
    posts = framing.remove_boilerplate(posts)
    ax = framing.plot.volume(framing.volume(posts, freq="D"))
    copies = framing.find_duplicates(posts)
    display(copies.groupby(["outlet_a", "outlet_b"]).size().rename("pairs").reset_index()
            .sort_values("pairs", ascending=False).head(8))

# %% [markdown]
# ## Measures
#
# Annotation (cached), actors, epithets and attributions (methods in notebooks
# 02–04), then the comparison of channels with bootstrap intervals over posts.

# %%
if posts is not None:
    ann = framing.annotate(posts, progress=False)
    acts = framing.actors(ann)
    ep = framing.epithets(ann, actors=acts)
    att = framing.attributions(ann, actors=acts)
    comp = framing.compare(ann, by="outlet", actors=acts, epithets=ep, attributions=att, seed=SEED)
    dist = comp.distancing
    print(framing.to_markdown(dist[dist["actor"].isna()][["outlet", "n_attributions", "rate", "ci_low",
                                                          "ci_high", "p_value"]]))
    display(comp.plot("verb_classes"))

# %% [markdown]
# Evaluative epithets per channel and actor (the most frequent), and the words
# that distinguish each channel in the days all channels cover (Monroe,
# Colaresi & Quinn 2008):

# %%
if posts is not None:
    evaluative = ep[ep["evaluative"].astype(bool)]
    display(evaluative.groupby(["outlet", "actor"])["epithet_lemma"]
            .agg(lambda s: ", ".join(s.value_counts().index[:4])).reset_index()
            .merge(evaluative.groupby(["outlet", "actor"]).size().rename("n").reset_index())
            .sort_values("n", ascending=False).groupby("outlet").head(2))
    # channels were collected over different periods: compare the days all of them cover, or the
    # distinctive words partly reflect what happened when each was collected
    span = ann.docs.groupby("outlet")["published"].agg(["min", "max"])
    start, end = span["min"].max().normalize(), span["max"].min().normalize()
    key = framing.keyness(ann, by="outlet", start=start, end=end)
    display(key.sort_values("z", ascending=False).groupby("group").head(6)
            .groupby("group")["term"].agg(", ".join))

# %% [markdown]
# ## Events
#
# Posts grouped into events across channels; who reported the events most
# channels covered, and when.

# %%
if posts is not None:
    groups = framing.group_events(ann)
    display(groups.events.head(8))
    ax = framing.plot.coverage_timeline(groups, max_events=12)

# %% [markdown]
# ## Topics and frames
#
# A structural topic model with the channel as prevalence covariate (Roberts
# et al. 2014; notebook 06), fitted on the content lemmas of the posts, gives
# each channel's expected topic shares with intervals; the frame dictionaries
# (Boydstun et al. 2014; notebook 07) give each channel's rate of frame cues.
# By default the intervals also carry the estimation error of the topics, from
# ten bootstrap refits of the model that the first `prevalence` runs (notebook
# 06); on 8,000 posts they take about ten times the fit, so this showcase asks
# for stm's own intervals (`n_bootstrap=0`), which leave that error out and are
# narrower than they should be for topics the model recovers badly.

# %%
if posts is not None:
    X = framing.features(ann, min_df=5, progress=False)
    model = framing.TopicModel(12, prevalence=["outlet"], seed=SEED, n_bootstrap=0).fit(X)
    display(model.labels(6)[["frex"]])
    prev = model.prevalence(by="outlet", seed=SEED)
    display(prev.pivot(index="topic", columns="outlet", values="estimate").round(2))
    fr = framing.compare(ann, by="outlet", actors=acts, epithets=ep, attributions=att, topics=model,
                         seed=SEED).frames
    display(fr.pivot(index="frame", columns="outlet", values="rate").round(1))

# %% [markdown]
# ## What this shows and does not show
#
# The project's validity figures were measured on four of these channels
# (Банкста, Ньюсач/Двач, 112, ТОПОР) held out from rule tuning (README,
# "Validity on real news"; later checks on posts of all nine channels coded
# blind): attributions precision 0.94 [0.85, 0.98], recall 0.86 [0.76, 0.93];
# all epithets precision 0.85, recall 0.76; evaluative epithets recall only
# 0.42 [0.34, 0.52]. So the rates above
# compare what framing finds; irony and slang, frequent on Telegram, are
# under-counted, more so on channels that use them more. A sample of 1,500
# posts gives wide intervals for the smaller channels; set `SAMPLE = None`.
# Topics are groups of co-occurring words, named only after reading their
# posts; frame-dictionary rates count vocabulary (the dictionary alone picks
# SemEval's frames with micro-F1 0.48, `benchmarks/frames_eval.py`).
