"""Draw the README's figures from the demo corpus: docs/figures/*.png, the same bytes on every run.

    python docs/make_figures.py

The figures are those the notebooks draw (00 quickstart, 05 comparing
outlets, the paper template), on the bundled demo corpus (constructed teaching
material, not real reports), in framing's print style.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout

import framing  # noqa: E402
from framing.publish import save_figure  # noqa: E402

OUT = ROOT / "docs" / "figures"


def main() -> None:
    import matplotlib.pyplot as plt

    from framing.compare.comparison import verb_class_table

    demo = framing.load_demo()
    ann = framing.annotate(demo, progress=False)
    att = framing.attributions(ann)
    with framing.plot.paper_style():
        figures = {
            "volume": framing.plot.volume(framing.volume(demo.docs), events=framing.demo_events(), kind="bar"),
            "verb_classes": framing.plot.verb_class_heatmap(verb_class_table(att)),
            "coverage": framing.plot.coverage_timeline(demo, event_col="event"),
        }
        for name, ax in figures.items():
            path = save_figure(ax, OUT, name, formats=("png",), dpi=110)["png"]
            print(path.relative_to(ROOT))
    plt.close("all")


if __name__ == "__main__":
    main()
