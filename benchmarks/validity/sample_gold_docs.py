"""Reproducible sample of held-out Telegram posts for the hand-coded epithet gold set.

Run from the project root::

    python benchmarks/validity/sample_gold_docs.py 15

For each of the four held-out outlets (Банкста, Ньюсач/Двач, 112, ТОПОР - Горячие
новости) it takes the posts whose ``text`` has at least 150 characters, sorts
them by message id, shuffles them with ``numpy.random.default_rng(2026)`` (one
generator, outlets in the order above) and prints the first K doc_ids per
outlet, one ``outlet<TAB>doc_id`` line each, in coding order. The gold set in ``epithets_gold_docs.tsv`` was coded
with K = 20 (its first 15 per outlet are the K = 15 list); see CODING_NOTES.md.
"""

from __future__ import annotations

import sys

import numpy as np

import framing

OUTLETS = ("Банкста", "Ньюсач/Двач", "112", "ТОПОР - Горячие новости")
MIN_CHARS = 150
SEED = 2026
CORPUS = "../shared/data/telegram_ru_2024/raw/*.json"


def sample(k: int) -> list[tuple[str, str]]:
    """Return ``(outlet, doc_id)`` pairs: the first ``k`` shuffled eligible posts per outlet."""
    docs = framing.read_telegram(CORPUS).docs
    rng = np.random.default_rng(SEED)
    picked = []
    for outlet in OUTLETS:
        sub = docs[(docs["outlet"] == outlet) & (docs["text"].str.len() >= MIN_CHARS)]
        if sub.empty:
            raise SystemExit(f"no post of outlet {outlet!r} has >= {MIN_CHARS} characters in {CORPUS}")
        sub = sub.assign(_mid=sub["message_id"].astype(int)).sort_values("_mid", kind="stable")
        order = rng.permutation(len(sub))
        picked.extend((outlet, doc_id) for doc_id in sub["doc_id"].to_numpy()[order][:k])
    return picked


def main(argv: list[str]) -> None:
    if len(argv) != 1 or not argv[0].isdigit() or int(argv[0]) < 1:
        raise SystemExit("usage: python benchmarks/validity/sample_gold_docs.py K   (K = posts per outlet, >= 1)")
    for outlet, doc_id in sample(int(argv[0])):
        print(f"{outlet}\t{doc_id}")


if __name__ == "__main__":
    main(sys.argv[1:])
