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
# # 7. Frames by outlet
#
# A frame is the angle from which a text presents an issue: as a question of
# security, of law, of money, of morality. Three ways to measure it, from the
# most transparent to the most learned:
#
# 1. **frame dictionaries** (`framing.frames`): cue words per frame of the
#    Policy Frames Codebook (Boydstun et al. 2014; the 14 frames of the Media
#    Frames Corpus and of SemEval-2023 Task 3) or of the generic news frames
#    (Semetko & Valkenburg 2000), counted per document or sentence;
# 2. a **frame classifier** (`framing.FrameClassifier`) trained on articles
#    labelled by hand, here the SemEval-2023 Task 3 articles when they are
#    available (Piskorski et al. 2023);
# 3. **embedding frame axes** (`framing.frame_axes`, FrameAxis: Kwak et al.
#    2021): where an outlet's vocabulary leans between two poles such as
#    "агрессор–жертва", with bootstrap significance.
#
# The demo corpus is constructed teaching material with fictional outlets,
# **not real reports**.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import framing

pd.set_option("display.max_colwidth", 80)
ann = framing.annotate(framing.load_demo(), progress=False)
framing.frame_questions("policy").head(14)

# %% [markdown]
# ## 1. Frame dictionaries
#
# Every document gets a row per frame: the cue tokens found (`cues`), the word
# tokens (`tokens`), their ratio per 1,000 words (`score`) and the cues
# themselves (`matched`), so each number can be read back in the text.

# %%
f = framing.frames(ann, scheme="policy")
f[f["cues"] > 0].head(10)

# %% [markdown]
# Per outlet, the rate of each frame's cues per 1,000 words with bootstrap
# intervals over documents (`framing.rates`, one row per cue token):

# %%
cue_rows = f.loc[f.index.repeat(f["cues"])]
r = framing.rates(cue_rows, ann=ann, within="frame", per="tokens", seed=0)
wide = r.pivot(index="frame", columns="outlet", values="rate").round(1)
wide.loc[["Security_and_defense", "Legality_Constitutionality_and_jurisprudence", "Economic",
          "External_regulation_and_reputation"]]

# %% [markdown]
# The generic frames work the same way; `unit="sentence"` scores sentences,
# and `lexicon=` takes your own dictionary (quanteda's YAML format, a TSV with
# `frame` and `cue`, or a dict):

# %%
mine = {"occupation": ["оккупация", "оккупант", "оккупировать"], "reunification": ["воссоединение"]}
framing.frames(ann, lexicon=mine).query("cues > 0").groupby(["outlet", "frame"])["cues"].sum().unstack(fill_value=0)

# %% [markdown]
# ## 2. A frame classifier trained on labelled articles
#
# `FrameClassifier` averages three logistic regressions: over TF-IDF of
# lemmas, over the mean navec vector (Russian), and over the frame-dictionary
# scores. The last one does not depend on the language, so labelled articles
# of another language can train it (`extra=`). The decision threshold is chosen
# by an inner cross-validation. Here it learns from the SemEval-2023 Task 3
# Russian training articles, when `../shared/data/semeval2023_task3` exists.

# %%
# the project's shared data folder beside the checkout; point SEMEVAL at your copy otherwise
SEMEVAL = Path(framing.__file__).resolve().parents[1].parent / "shared" / "data" / "semeval2023_task3"
if SEMEVAL.exists():
    from framing.frame import frame_labels

    sem = framing.read_semeval2023(SEMEVAL, lang="ru", progress=False)
    sem = sem.filter(sem.docs["frames"].notna())
    sem_ann = framing.annotate(sem, progress=False)
    labels = frame_labels(dict(zip(sem.docs["doc_id"], sem.docs["frames"])))
    clf = framing.FrameClassifier(seed=0).fit(sem_ann, labels)
    print(f"threshold {clf.threshold_:.3f}, inner cross-validated micro-F1 {clf.cv_micro_f1_:.3f}")
    demo_frames = clf.predict(ann).merge(ann.docs[["doc_id", "outlet"]], on="doc_id")
    display_table = demo_frames.explode("frames").groupby(["outlet", "frames"]).size().unstack(fill_value=0)
else:
    print(f"SKIPPED: {SEMEVAL} is absent; the classifier needs labelled articles. "
          "Label your own with a CSV (doc_id, frames) and pass them to FrameClassifier.fit.")
    display_table = None
display_table

# %% [markdown]
# ## 3. Frame axes
#
# FrameAxis projects every content word on the axis between two poles (here
# the built-in axes; each pole is a few near-synonyms) and averages over an
# outlet's tokens. `bias_effect` is the difference from random samples of the
# whole corpus, `p_bias` its bootstrap p-value; `intensity` says how much an
# outlet uses words strongly charged on the axis, on either side. navec vectors
# are Russian, so the Ukrainian and English documents are left out (recorded in
# `.attrs["problems"]`); `vectors="word2vec"` trains vectors on the corpus
# itself instead.

# %%
fa = framing.frame_axes(ann, n_boot=500, seed=0)
fa[["axis", "outlet", "bias", "ci_lower", "ci_upper", "bias_effect", "p_bias", "intensity_effect"]].round(4)

# %%
agg = fa[fa["axis"] == "агрессор–жертва"].sort_values("bias")
fig, ax = plt.subplots(figsize=(6, 3))
ax.errorbar(agg["bias"], agg["outlet"], xerr=[agg["bias"] - agg["ci_lower"], agg["ci_upper"] - agg["bias"]],
            fmt="o", color="#0072B2")
ax.set_xlabel("bias towards «агрессор» (mean cosine)")
ax.set_title("агрессор–жертва, 95% bootstrap intervals")
fig.tight_layout()

# %% [markdown]
# ## What this shows and does not show
#
# * Dictionary scores count vocabulary, not arguments (Matthes & Kohring
#   2008): "суд" in a sports report scores as a legal frame. Read `matched`
#   against the texts and validate a sample (notebook 08) before reporting.
#   Used alone as a classifier (each article's three top-scoring frames) the
#   policy dictionary reaches micro-F1 0.48 on the 96 labelled Russian
#   SemEval articles, against 0.31 for predicting all 14 frames
#   (`benchmarks/frames_eval.py`).
# * The classifier's cross-validated micro-F1 on those articles is 0.555 with
#   the English articles as extra training data (0.513 without), macro-F1 0.42
#   (`benchmarks/frames_eval.py`, nested 5-fold cross-validation). About half
#   of its frame labels are wrong or missing: report it as an estimate with its
#   error rate, and validate on your own corpus, whose topics differ from
#   SemEval's.
# * Frame axes show lexical leaning, not stance: an outlet that reports many
#   attacks leans towards "угроза" whatever its sympathies. Compare outlets on
#   the same events (`ann.select(events=...)`).
