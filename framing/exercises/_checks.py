"""Reference answers (computed from the demo corpus with framing) and answer comparisons.

Each exercise is a :class:`Spec`: ``reference(demo)`` computes the expected
answer from the demo corpus with framing's own functions (never a stored
output), and ``compare(answer, expected)`` returns a list of problems in words
(empty when the answer is right).  The comparisons are generic: sets of items,
counts per outlet and key, rates per outlet, a single number.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Callable

import pandas as pd

# --- the demo corpus, annotated once ------------------------------------------------


class Demo:
    """The demo corpus, its annotation and measure tables, computed on first use."""

    @functools.cached_property
    def corpus(self):
        from ..corpora import load_demo

        return load_demo()

    @functools.cached_property
    def ann(self):
        from ..annotate import annotate

        return annotate(self.corpus, progress=False)

    @functools.cached_property
    def epithets(self):
        from ..measures.epithets import epithets

        return epithets(self.ann)

    @functools.cached_property
    def attributions(self):
        from ..measures.attribution import attributions

        return attributions(self.ann)


@functools.lru_cache(maxsize=1)
def demo() -> Demo:
    return Demo()


# --- normalising answers ------------------------------------------------------------

class WrongType(Exception):
    """The answer has the wrong type or shape; the message says what was expected."""


def _norm(text) -> str:
    return " ".join(str(text).strip().lower().replace("ё", "е").split())


def _type_name(x) -> str:
    return type(x).__name__


def as_items(answer, *, what: str) -> set:
    """A set of normalised strings from a list, set, tuple, Series, Index or one-column DataFrame."""
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] != 1:
            raise WrongType(f"give {what} as a list (or one column), not a table with {answer.shape[1]} columns")
        answer = answer.iloc[:, 0]
    if isinstance(answer, (str, bytes)) or isinstance(answer, Mapping) or not hasattr(answer, "__iter__"):
        raise WrongType(f"give {what} as a list or set of strings, not a {_type_name(answer)}"
                        + (" (put the single item in a list: [\"...\"])" if isinstance(answer, str) else ""))
    items = list(answer)
    bad = [x for x in items if not isinstance(x, str)]
    if bad:
        raise WrongType(f"{what} must be strings; {bad[0]!r} is a {_type_name(bad[0])}")
    return {_norm(x) for x in items}


def as_pairs(answer, *, what: str) -> set:
    """A set of unordered pairs from pairs of strings or a table with ``doc_id_a``/``doc_id_b``."""
    if isinstance(answer, pd.DataFrame):
        if not {"doc_id_a", "doc_id_b"} <= set(answer.columns):
            raise WrongType(f"a table of {what} needs the columns doc_id_a and doc_id_b")
        answer = list(zip(answer["doc_id_a"], answer["doc_id_b"]))
    if isinstance(answer, (str, bytes, Mapping)) or not hasattr(answer, "__iter__"):
        raise WrongType(f"give {what} as a list of (doc_id, doc_id) pairs, not a {_type_name(answer)}")
    out = set()
    for item in answer:
        if isinstance(item, str) or not hasattr(item, "__len__") or len(item) != 2:
            raise WrongType(f"each of {what} must be a pair (doc_id, doc_id); {item!r} is not")
        a, b = item
        if a == b:
            raise WrongType(f"a document cannot be a copy of itself: ({a!r}, {b!r})")
        out.add(frozenset((str(a), str(b))))
    return out


def as_table(answer, *, what: str) -> dict:
    """``{row: {column: value}}`` from a nested dict, a DataFrame (rows = outlets) or a two-level Series."""
    if isinstance(answer, pd.Series) and answer.index.nlevels == 2:
        answer = answer.unstack(fill_value=0)
    if isinstance(answer, pd.DataFrame):
        answer = answer.to_dict(orient="index")
    if not isinstance(answer, Mapping):
        raise WrongType(f"give {what} as a dict {{outlet: {{key: count}}}} or a table with one row per "
                        f"outlet, not a {_type_name(answer)}")
    out = {}
    for row, values in answer.items():
        if isinstance(values, pd.Series):
            values = values.to_dict()
        if not isinstance(values, Mapping):
            raise WrongType(f"the value for {row!r} must itself be a dict {{key: count}}, not a "
                            f"{_type_name(values)}")
        out[str(row)] = {_norm(k): v for k, v in values.items()}
    return out


def as_numbers(answer, *, what: str) -> dict:
    """``{outlet: float}`` from a dict or a Series."""
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise WrongType(f"give {what} as a dict {{outlet: number}} or a Series indexed by outlet, "
                        f"not a {_type_name(answer)}")
    out = {}
    for k, v in answer.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) and not hasattr(v, "__float__"):
            raise WrongType(f"the value for {k!r} must be a number, not a {_type_name(v)} ({v!r})")
        out[str(k)] = float(v)
    return out


# --- comparisons: each returns a list of problems in words --------------------------

def _listing(items, limit: int = 6) -> str:
    items = sorted(items, key=str)
    text = ", ".join(repr(i) if isinstance(i, str) else "(" + ", ".join(sorted(i)) + ")" for i in items[:limit])
    return text + (f" and {len(items) - limit} more" if len(items) > limit else "")


def compare_sets(answer: set, expected: set, *, what: str) -> list[str]:
    problems = []
    missing, extra = expected - answer, answer - expected
    if missing:
        problems.append(f"missing {len(missing)} of the {len(expected)} {what}"
                        + (f": {_listing(missing)}" if len(missing) <= 3 else " (look again at the table)"))
    if extra:
        problems.append(f"{len(extra)} extra {what} that should not be there: {_listing(extra)}")
    return problems


def _outlet_rows(answer: dict, expected: dict) -> list[str]:
    """Outlets missing from an answer, and outlets it has that were not asked for."""
    return ([f"outlet {row!r} is missing" for row in sorted(set(expected) - set(answer))]
            + [f"outlet {row!r} was not asked for" for row in sorted(set(answer) - set(expected))])


def compare_counts(answer: dict, expected: dict, *, what: str, key_name: str) -> list[str]:
    problems = _outlet_rows(answer, expected)
    for row in sorted(set(expected) & set(answer)):
        exp, got = expected[row], answer[row]
        for key in sorted(set(got) - set(exp)):
            if got[key]:
                problems.append(f"outlet {row!r}: {key_name} {key!r} is not one of {sorted(exp)}")
        for key in sorted(exp):
            value = got.get(key, 0)
            try:
                value = float(value)
            except (TypeError, ValueError):
                problems.append(f"outlet {row!r}, {key_name} {key!r}: {value!r} is not a number")
                continue
            if value != exp[key]:
                direction = "too high" if value > exp[key] else "too low"
                problems.append(f"wrong count for outlet {row!r}, {key_name} {key!r}: {value:g} is {direction}")
    return problems


def compare_rates(answer: dict, expected: dict, *, what: str, tol: float) -> list[str]:
    problems = _outlet_rows(answer, expected)
    for row in sorted(set(expected) & set(answer)):
        value = answer[row]
        if value > 1:
            problems.append(f"outlet {row!r}: {value:g} is not a share between 0 and 1 (a percentage? divide by 100)")
        elif abs(value - expected[row]) > tol:
            direction = "too high" if value > expected[row] else "too low"
            problems.append(f"wrong {what} for outlet {row!r}: {value:.3f} is {direction}")
    return problems


# --- the exercises ------------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    """How one exercise is answered and checked."""

    reference: Callable   # (Demo) -> the reference answer
    check: Callable       # (answer, reference) -> list of problems; may raise WrongType
    answer_form: str      # what the answer looks like, for the message


EPITHET_OUTLET, EPITHET_ACTOR = "pervy_kanal_online", "Запад"
VERB_OUTLETS = ("pervy_kanal_online", "svobodny_golos")
RU_OUTLETS = ("kyiv_vesti_ru", "pervy_kanal_online", "svobodny_golos", "vestnik_agency", "world_service_ru")
SAMPLE = {"n": 10, "seed": 5}
EVENT_DOC = "e07_vestnik_agency"
KEYNESS_TOP = 10
FRAME = "Security_and_defense"


def _epithets(d: Demo) -> list:
    ep = d.epithets
    sel = ep[(ep["outlet"] == EPITHET_OUTLET) & (ep["actor"] == EPITHET_ACTOR)]
    return sorted(set(sel["epithet_lemma"].astype(str)))


def _verbs(d: Demo) -> dict:
    att = d.attributions
    att = att[att["outlet"].isin(VERB_OUTLETS)]
    table = pd.crosstab(att["outlet"], att["verb_class"])
    return {o: {k: int(v) for k, v in row.items()} for o, row in table.to_dict(orient="index").items()}


def _wire(d: Demo) -> list:
    from ..duplicates import find_duplicates

    pairs = find_duplicates(d.corpus)
    return sorted(tuple(sorted(p)) for p in zip(pairs["doc_id_a"], pairs["doc_id_b"]))


def _v_na(d: Demo) -> dict:
    from ..compare.kwic import kwic

    out = {o: {"в": 0, "на": 0} for o in RU_OUTLETS}
    for prep in ("в", "на"):
        hits = kwic(d.ann, f"{prep} украина")
        for outlet, n in hits.groupby("outlet").size().items():
            if outlet in out:
                out[outlet][prep] = int(n)
    return out


def validation_sheet(d: Demo | None = None):
    """The sample of the ``validation_precision`` exercise: ten attributions, stratified by outlet."""
    from ..validation import validation_sample

    d = d or demo()
    return validation_sample(d.attributions, n=SAMPLE["n"], by="outlet", seed=SAMPLE["seed"], ann=d.ann)


def code_with_key(table: pd.DataFrame) -> pd.Series:
    """The demo answer key as a coder of attribution cues: ``"yes"`` when the key lists, in the same
    document, an attribution whose reporting verb has the row's ``verb_lemma``; else ``"no"``."""
    from ..corpora import demo_answers

    key = demo_answers()
    key = key[key["device"] == "attribution"]
    cues = {(doc, _norm(lemma)) for doc, lemma in zip(key["doc_id"], key["lemma"]) if isinstance(lemma, str)}
    return pd.Series(["yes" if (doc, _norm(v)) in cues else "no" for doc, v in zip(table["doc_id"], table["verb_lemma"])],
                     index=table.index, name="ok_cue")


def _precision(d: Demo) -> float:
    coded = code_with_key(validation_sheet(d).table)
    return round(float((coded == "yes").mean()), 4)


def _check_precision(answer, expected: float) -> list[str]:
    if isinstance(answer, pd.DataFrame) or (hasattr(answer, "__iter__") and not isinstance(answer, (str, Mapping))):
        codes = answer["ok_cue"] if isinstance(answer, pd.DataFrame) else pd.Series(list(answer))
        if isinstance(answer, pd.DataFrame) and "ok_cue" not in answer.columns:
            raise WrongType("the coded sheet needs its ok_cue column filled with yes or no")
        codes = codes.map(_norm).reset_index(drop=True)
        if len(codes) != SAMPLE["n"]:
            raise WrongType(f"code all {SAMPLE['n']} rows of the sample (you gave {len(codes)} judgments)")
        bad = sorted(set(codes) - {"yes", "no"})
        if bad:
            raise WrongType(f"judgments are 'yes' or 'no'; {bad[0]!r} is neither (code every row)")
        key = code_with_key(validation_sheet().table).reset_index(drop=True)
        differ = [i for i in range(len(key)) if codes[i] != key[i]]
        if differ:
            return [f"your judgment differs from the answer key in row(s) {differ} of the sample: re-read those "
                    "sentences with the coding rule (is the verb a reporting verb of a real attribution?)"]
        return []
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        raise WrongType(f"give the precision as a number between 0 and 1 (or the list of your ten yes/no "
                        f"judgments), not a {_type_name(answer)}")
    if answer > 1:
        return [f"precision {answer:g} is not a share between 0 and 1 (a percentage? divide by 100)"]
    if abs(answer - expected) > 0.005:
        return [f"precision {answer:.2f} is {'too high' if answer > expected else 'too low'}: count the rows "
                "coded yes and divide by the rows coded (yes or no)"]
    return []


def _keyness_outlets(d: Demo) -> list:
    from ..compare.keyness import keyness

    k = keyness(d.ann, by="outlet")
    out = []
    for group, rows in k.groupby("group"):
        top = rows.sort_values("z", ascending=False).head(KEYNESS_TOP)
        if (top["count_reference"] == 0).sum() * 2 >= len(top):
            out.append(str(group))
    return sorted(out)


def _distancing(d: Demo) -> dict:
    att = d.attributions
    return {str(o): float(v) for o, v in att.groupby("outlet")["distancing"].mean().items()}


def _security_frame(d: Demo) -> dict:
    from ..frame.dictionary import frames

    f = frames(d.ann, scheme="policy")
    top = f["score"].eq(f.groupby("doc_id")["score"].transform("max")) & (f["score"] > 0)
    sec = f[top & (f["frame"] == FRAME)].drop_duplicates("doc_id")
    docs = d.ann.docs
    n = docs.groupby("outlet").size()
    hits = sec.groupby("outlet").size().reindex(n.index, fill_value=0)
    return {str(o): float(hits[o] / n[o]) for o in n.index}


def _same_event(d: Demo) -> list:
    from ..compare.events import group_events

    docs = group_events(d.corpus).corpus.docs
    ev = docs.loc[docs["doc_id"] == EVENT_DOC, "event_id"].iloc[0]
    return sorted(docs.loc[(docs["event_id"] == ev) & (docs["doc_id"] != EVENT_DOC), "doc_id"])


SPECS: dict[str, Spec] = {
    "epithets_for_actor": Spec(
        _epithets, lambda a, e: compare_sets(as_items(a, what="epithet lemmas"), {_norm(x) for x in e},
                                             what="epithet lemmas"),
        "a list of epithet lemmas, e.g. ['западный', ...]"),
    "reporting_verbs": Spec(
        _verbs, lambda a, e: compare_counts(as_table(a, what="verb-class counts"),
                                            {o: {_norm(k): v for k, v in r.items()} for o, r in e.items()},
                                            what="counts", key_name="class"),
        "a dict {outlet: {verb_class: count}} or pd.crosstab(att['outlet'], att['verb_class'])"),
    "wire_copies": Spec(
        _wire, lambda a, e: compare_sets(as_pairs(a, what="copy pairs"), {frozenset(p) for p in e},
                                         what="copy pairs"),
        "a list of (doc_id, doc_id) pairs"),
    "v_na_ukraine": Spec(
        _v_na, lambda a, e: compare_counts(as_table(a, what="counts"), e, what="counts", key_name="preposition"),
        "a dict {outlet: {'в': count, 'на': count}} for the Russian-language outlets"),
    "validation_precision": Spec(
        _precision, _check_precision,
        "a number between 0 and 1, or your ten 'yes'/'no' judgments in the order of the sample"),
    "keyness_languages": Spec(
        _keyness_outlets, lambda a, e: compare_sets(as_items(a, what="outlets"), set(e), what="outlets"),
        "a list of outlet names"),
    "distancing_by_outlet": Spec(
        _distancing, lambda a, e: compare_rates(as_numbers(a, what="distancing rates"), e, what="distancing rate",
                                                tol=0.005),
        "a dict {outlet: share of attributions with distancing} or a Series indexed by outlet"),
    "security_frame": Spec(
        _security_frame, lambda a, e: compare_rates(as_numbers(a, what="shares of documents"), e,
                                                    what="share of documents", tol=0.005),
        "a dict {outlet: share of its documents whose top policy frame is Security_and_defense}, "
        "or a Series indexed by outlet"),
    "same_event": Spec(
        _same_event, lambda a, e: compare_sets(as_items(a, what="doc_ids"), {_norm(x) for x in e},
                                               what="documents of the same event"),
        "a list of doc_id strings (without the given document itself)"),
}
