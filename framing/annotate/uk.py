"""Ukrainian backend: tokenize-uk, pymorphy3 (VESUM dictionary) and a trained disambiguator.

pymorphy3's Ukrainian dictionary lists every analysis of a form but does not
know which is likely (року → рок before рік, його → йога before він).  A small
linear model chooses:

1. a UPOS tagger (multinomial logistic regression over hashed features: the
   word, its suffixes and shape, the set of pymorphy3 parts of speech of the word
   and of its neighbours) gives each token its UPOS;
2. a lemma ranker scores each candidate lemma of a token (the lemmas of the
   pymorphy3 parses, the form itself, simplemma's lemma, the infinitive of a
   converb, the abbreviation with its full stop) with features of the candidate
   (which parses give it, their tags against the predicted UPOS, the edit from the
   form, agreement with the neighbouring words' parses) and picks the best;
3. the UD features are mapped from the best pymorphy3 parse of the chosen lemma
   compatible with the UPOS.

Both models were trained with ``benchmarks/train_uk_tagger.py`` on the dev part
of UD Ukrainian-IU (see ``framing/models/uk/README.md`` for the licence and the
cross-validated accuracy) and are stored as NPZ arrays of feature hashes and
weights: no pickle.  Syntax and named entities have no offline Ukrainian model
among the project's dependencies: the capabilities say so and measures fall back
to patterns.  Sentences are tokenize-uk's, within the lines that end a sentence
(``_backend.line_blocks``, as for Russian).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zlib
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..lang import uk as L
from ..lang.punct import DASHES, DOUBLE_QUOTES
from ._backend import (merge_symbol_spans, Backend, package_versions, GOLD_FIELDS, add_sentence, format_feats, new_entity_dict,
                       new_token_dict, line_blocks)

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "uk"
MODEL_FILE = MODEL_DIR / "disambiguator.npz"
MODEL_META = MODEL_DIR / "disambiguator.json"
#: Changes whenever the features change; the model file records the one it was trained with.
FEATURES_VERSION = "uk-feat-3"
#: Bump when tokenisation changes (goes into the cache key).
UK_TOKENS_VERSION = "uk-tok-4"
UPOS_TAGS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
             "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X")

_PUNCT_CHARS = set(".,;:!?…()[]{}'/\\|*•·§№%") | DOUBLE_QUOTES | DASHES


# --- analysis of one word form (cached) ------------------------------------------

class Analysis:
    """pymorphy3's view of one word form, with the features that do not depend on context."""

    __slots__ = ("form", "lower", "parses", "posset", "known", "method", "shape", "gram",
                 "simplemma", "dot")

    def __init__(self, form, lower, parses, posset, known, method, shape, gram, simplemma, dot):
        self.form, self.lower, self.parses, self.posset = form, lower, parses, posset
        self.known, self.method, self.shape, self.gram = known, method, shape, gram
        self.simplemma, self.dot = simplemma, dot


def _shape(w: str) -> str:
    if not w:
        return "empty"
    if all(c in _PUNCT_CHARS or not c.isalnum() for c in w):
        return "punct"
    if any(c.isdigit() for c in w):
        return "digit" if w.replace(",", "").replace(".", "").isdigit() else "mixdigit"
    letters = [c for c in w if c.isalpha()]
    latin = any("a" <= c.lower() <= "z" for c in letters)
    cyr = any("\u0400" <= c <= "\u04ff" for c in letters)
    script = "lat" if latin and not cyr else ("mix" if latin and cyr else "cyr")
    if w.isupper() and len(letters) > 1:
        case = "UP"
    elif letters and letters[0].isupper():
        case = "Cap"
    else:
        case = "low"
    hy = "-" if "-" in w else ""
    return f"{script}{case}{hy}"


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")


def _agreement(grams) -> tuple | None:
    """(case, plural, gender) of a parse, for agreement checks; None without a case."""
    case = next((g for g in _CASES if g in grams), None)
    if case is None:
        return None
    plural = "plur" in grams
    gender = None if plural else next((g for g in ("masc", "femn", "neut") if g in grams), None)
    return case, plural, gender


def _plural_gender(p, pos):
    """The gender of a plural noun's lexeme (UD Ukrainian keeps it; the plural tag lacks it)."""
    if pos != "NOUN" or "plur" not in p.tag.grammemes or p.tag.gender:
        return None
    try:
        for q in p.lexeme:
            if q.tag.gender:
                return str(q.tag.gender)
    except (ValueError, KeyError, IndexError):
        return None
    return None


#: Analyses of word forms kept per process (the most recently used).
ANALYSES_KEPT = 20_000


class Morphology:
    """pymorphy3 with the Ukrainian dictionary, apostrophes and stress normalised, cached."""

    def __init__(self):
        import pymorphy3
        self.morph = pymorphy3.MorphAnalyzer(lang="uk")
        # bounded so that the process's memory stops growing early in a long run (an analysis is about
        # 1 KB; 200,000 of them kept a stream's workers growing up to its end)
        self.analyse = lru_cache(maxsize=ANALYSES_KEPT)(self._analyse)

    def parse(self, lookup: str):
        return self.morph.parse(lookup)

    def _analyse(self, form: str) -> Analysis:
        import simplemma
        clean = L.strip_stress(form)
        dot = len(clean) > 1 and clean.endswith(".") and clean[:-1].replace("-", "").isalpha()
        base = clean[:-1] if dot else clean
        lookup = L.lookup_form(base)
        parses = []
        method = "none"
        shape = _shape(base)
        if shape != "punct":
            raw = self.morph.parse(lookup)
            for rank, p in enumerate(raw):
                pos = L.tag_pos(p.tag)
                grams = frozenset(str(p.tag).replace(" ", ",").split(","))
                parses.append((rank, L.lemma_form(p.normal_form), grams, pos, _plural_gender(p, pos),
                               _agreement(grams)))
            if raw:
                method = type(raw[0].methods_stack[0][0]).__name__
        posset = "+".join(sorted({p[3] for p in parses})) or ("PNCT" if shape == "punct" else "NONE")
        gram = set()
        for p in parses:
            tag = p[2]
            for g in ("Name", "Surn", "Patr", "Abbr", "Fixd", "pers", "Prnt", "Slng", "Arch", "Infr"):
                if g in tag:
                    gram.add(g)
        known = method == "DictionaryAnalyzer"
        try:
            sm = simplemma.lemmatize(L.normalize_apostrophes(base, L.DICT_APOSTROPHE).lower(), lang="uk")
        except Exception:  # simplemma never should, but a lemma is not worth a crash
            sm = base.lower()
        return Analysis(form, L.lemma_form(clean.lower()), tuple(parses), posset, known, method,
                        shape, frozenset(gram), L.lemma_form(sm), dot)


# --- feature hashing -------------------------------------------------------------

def hash_features(feats) -> np.ndarray:
    """Stable 32-bit hashes (CRC-32 of the UTF-8 string) of feature strings."""
    return np.fromiter((zlib.crc32(f.encode("utf-8")) for f in feats), dtype=np.uint32, count=len(feats))


def _suffixes(w: str, n=4):
    return [w[-k:] for k in range(1, min(n, len(w)) + 1)]


def tagger_features(an: list, i: int) -> list[str]:
    """Features of token ``i`` of a sentence (a list of :class:`Analysis`) for the UPOS tagger."""
    a = an[i]
    w = a.lower
    f = ["b", "w=" + w, "sh=" + a.shape, "ps=" + a.posset, "m=" + a.method]
    f += ["s=" + s for s in _suffixes(w)]
    f.append("p2=" + w[:2])
    f += ["g=" + g for g in a.gram]
    f += ["pos=" + p for p in {p[3] for p in a.parses}]
    if a.parses:
        f.append("p1=" + a.parses[0][3])
    if a.dot:
        f.append("dot")
    if i == 0:
        f.append("first|sh=" + a.shape)
    for d in (-2, -1, 1, 2):
        j = i + d
        if 0 <= j < len(an):
            b = an[j]
            f.append(f"{d}w=" + b.lower)
            f.append(f"{d}ps=" + b.posset)
            if abs(d) == 1:
                f.append(f"{d}s3=" + b.lower[-3:])
                f.append(f"{d}sh=" + b.shape)
                f.append(f"{d}ps|ps=" + b.posset + "|" + a.posset)
                f.append(f"{d}w|w=" + b.lower + "|" + w)
        else:
            f.append(f"{d}w=<S>")
    return f


def edit_script(form: str, lemma: str) -> str:
    """How the lemma is made from the (lowercased) form: the changed tails, ``оку>ік``."""
    n = 0
    for x, y in zip(form, lemma):
        if x != y:
            break
        n += 1
    return f"{form[n:]}>{lemma[n:]}"


def _conv_to_finite(w: str) -> list[str]:
    """Finite forms from which a converb's infinitive can be looked up (ідучи → ідуть)."""
    out = []
    for end, repl in (("ючись", "ються"), ("учись", "уться"), ("ячись", "яться"), ("ачись", "аться"),
                      ("ючи", "ють"), ("учи", "уть"), ("ячи", "ять"), ("ачи", "ать"),
                      ("вшись", "вся"), ("вши", "в"), ("шись", "ся"), ("ши", "")):
        if w.endswith(end) and len(w) > len(end) + 1:
            out.append(w[: len(w) - len(end)] + repl)
    return out


class Candidate:
    __slots__ = ("key", "lemma", "sources", "parses")

    def __init__(self, key, lemma):
        self.key, self.lemma, self.sources, self.parses = key, lemma, set(), []


def candidates(morph: Morphology, an: list, i: int) -> list[Candidate]:
    """Candidate lemmas of token ``i``: pymorphy3's, the form's, simplemma's, converb and abbreviation rules."""
    a = an[i]
    out: dict[str, Candidate] = {}

    def add(lemma, source, parse=None):
        key = L.lemma_key(lemma)
        c = out.get(key)
        if c is None:
            c = out[key] = Candidate(key, lemma)
        c.sources.add(source)
        if parse is not None:
            c.parses.append(parse)

    for p in a.parses:
        add(p[1], "pm", p)
    form = a.lower
    add(form, "form")
    if a.dot:
        add(form[:-1], "nodot")
    elif i + 1 < len(an) and an[i + 1].form == "." and a.shape.startswith("cyr") and len(form) <= 6:
        add(form + ".", "abbr")
    if a.simplemma:
        add(a.simplemma, "sm")
    if a.shape.startswith("cyr") and (any(p[3] == "GRND" for p in a.parses) or not a.known):
        for fin in _conv_to_finite(form):
            for p in morph.analyse(fin).parses:
                if p[3] == "VERB" and p[1].endswith(("ти", "тися", "ть", "тись")):
                    add(p[1], "conv")
    return list(out.values())


def _agree(a, b) -> bool:
    """Whether two parses' (case, plural, gender) agree (genders only checked when both are known)."""
    if a is None or b is None or a[0] != b[0] or a[1] != b[1]:
        return False
    return not (a[2] and b[2] and a[2] != b[2])


def lemma_features(an: list, i: int, c: Candidate, upos: str, ncand: int) -> list[str]:
    """Features of candidate lemma ``c`` of token ``i`` given the predicted ``upos``."""
    a = an[i]
    w = a.lower
    lem = c.key
    es = edit_script(w, lem)
    u = "|u=" + upos
    f = ["b", "u=" + upos, "es=" + es, "es" + u, "es|s3=" + es + "|" + w[-3:],
         "wl=" + w + ">" + lem, "ls3=" + lem[-3:] + u, "sh=" + a.shape + u,
         "n=" + str(min(ncand, 6))]
    for s in sorted(c.sources):
        f.append("src=" + s)
        f.append("src=" + s + u)
        f.append("src=" + s + "|m=" + a.method)
    f.append("srcs=" + "+".join(sorted(c.sources)) + u)
    if lem == w:
        f.append("same" + u)
    if c.parses:
        ranks = [p[0] for p in c.parses]
        f.append("r0" if min(ranks) == 0 else "rN")
        f.append("frac=" + str(round(4 * len(c.parses) / max(1, len(a.parses)))))
        poss = {p[3] for p in c.parses}
        for pos in poss:
            f.append("cp=" + pos + u)
            f.append("cp=" + pos + "|es=" + es)
        for g in ("Name", "Surn", "Patr", "Abbr", "Fixd", "Prnt", "Arch", "Slng", "Infr"):
            if any(g in p[2] for p in c.parses):
                f.append("cg=" + g + u)
        # agreement with a neighbouring adjective/pronoun/noun parse
        for d in (-1, 1):
            j = i + d
            if 0 <= j < len(an):
                nb = an[j]
                if any(_agree(p[5], q[5]) for p in c.parses if p[3] in ("NOUN", "ADJF", "NPRO", "PRTF", "NUMR")
                       for q in nb.parses if q[3] in ("ADJF", "NPRO", "PRTF", "NOUN", "NUMR")):
                    f.append(f"agr{d}" + u)
                if d == -1 and any(q[3] == "PREP" for q in nb.parses):
                    cases = {g for p in c.parses for g in ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
                             if g in p[2]}
                    for cs in cases:
                        f.append("prep=" + nb.lower + "|" + cs)
    else:
        f.append("nopm" + u)
    if i > 0:
        f.append("-1w|es=" + an[i - 1].lower + "|" + es)
    if i + 1 < len(an):
        f.append("+1w|es=" + an[i + 1].lower + "|" + es)
    return f


# --- the model ---------------------------------------------------------------------

class LinearModel:
    """Sparse linear weights indexed by sorted feature hashes (loaded from NPZ)."""

    def __init__(self, keys: np.ndarray, weights: np.ndarray):
        order = np.argsort(keys, kind="stable")
        self.keys = np.ascontiguousarray(keys[order], dtype=np.uint32)
        self.weights = np.ascontiguousarray(weights[order], dtype=np.float32)

    def scores(self, feature_lists: list[list[str]]) -> np.ndarray:
        """Summed weights per feature list: shape (n,) or (n, classes)."""
        n = len(feature_lists)
        shape = (n,) + self.weights.shape[1:]
        out = np.zeros(shape, dtype=np.float32)
        if n == 0 or len(self.keys) == 0:
            return out
        lens = [len(f) for f in feature_lists]
        h = hash_features([x for f in feature_lists for x in f])
        rows = np.repeat(np.arange(n), lens)
        idx = np.searchsorted(self.keys, h)
        idx[idx >= len(self.keys)] = 0
        hit = self.keys[idx] == h
        np.add.at(out, rows[hit], self.weights[idx[hit]])
        return out


class UkModel:
    """The UPOS tagger and the lemma ranker, as stored in ``framing/models/uk``."""

    def __init__(self, tagger: LinearModel, ranker: LinearModel, classes=UPOS_TAGS, meta=None):
        self.tagger, self.ranker, self.classes = tagger, ranker, tuple(classes)
        self.meta = dict(meta or {})

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "UkModel":
        with np.load(path, allow_pickle=False) as z:
            tagger = LinearModel(z["tag_keys"], z["tag_weights"].astype(np.float32))
            ranker = LinearModel(z["lem_keys"], z["lem_weights"].astype(np.float32))
            classes = [str(x) for x in z["classes"]]
        meta = json.loads(Path(path).with_suffix(".json").read_text(encoding="utf-8")) \
            if Path(path).with_suffix(".json").exists() else {}
        if meta.get("features") not in (None, FEATURES_VERSION):
            raise RuntimeError(f"{path} was trained with features {meta.get('features')!r}, but this "
                               f"code computes {FEATURES_VERSION!r}: retrain it with "
                               "python benchmarks/train_uk_tagger.py")
        return cls(tagger, ranker, classes, meta)

    def save(self, path: Path = MODEL_FILE, meta: dict | None = None) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, tag_keys=self.tagger.keys, tag_weights=self.tagger.weights.astype(np.float16),
                            lem_keys=self.ranker.keys, lem_weights=self.ranker.weights.astype(np.float16),
                            classes=np.array(self.classes, dtype="<U8"))
        info = dict(self.meta if meta is None else meta)
        info["features"] = FEATURES_VERSION
        path.with_suffix(".json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")


def tag_sentence(model: UkModel, an: list) -> list[str]:
    if not an:
        return []
    s = model.tagger.scores([tagger_features(an, i) for i in range(len(an))])
    return [model.classes[k] for k in s.argmax(axis=1)]


def _rule_upos(a: Analysis) -> str | None:
    if a.shape == "punct":
        if a.form in ("№", "%", "§", "*", "/", "+", "=", "#", "$", "€", "₴", "&") or \
                unicodedata.category(a.form[0]).startswith("S"):
            return "SYM"
        return "PUNCT"
    return None


def choose_lemmas(morph: Morphology, model: UkModel, an: list, upos: list[str]):
    """For each token the chosen :class:`Candidate` (and its score)."""
    feats, owners, cands_all = [], [], []
    for i in range(len(an)):
        cands = candidates(morph, an, i)
        cands_all.append(cands)
        for c in cands:
            feats.append(lemma_features(an, i, c, upos[i], len(cands)))
            owners.append(i)
    scores = model.ranker.scores(feats) if feats else np.zeros(0, dtype=np.float32)
    best = [None] * len(an)
    k = 0
    for i, cands in enumerate(cands_all):
        seg = scores[k:k + len(cands)]
        best[i] = cands[int(np.argmax(seg))]
        k += len(cands)
    return best


def _output_lemma(a: Analysis, c: Candidate, upos: str) -> str:
    lemma = c.lemma if c.lemma else a.lower
    base = a.form[:-1] if a.dot else a.form
    if len(base) > 1 and base.isupper() and L.lemma_key(lemma).rstrip(".") == L.lemma_key(base):
        return L.lemma_form(a.form if c.key.endswith(".") and a.dot else lemma.upper())
    if upos == "PROPN" and lemma[:1].islower():
        parts = lemma.split("-")
        fparts = base.split("-")
        if len(parts) == len(fparts):
            return "-".join(p[:1].upper() + p[1:] if fp[:1].isupper() else p for p, fp in zip(parts, fparts))
        return lemma[:1].upper() + lemma[1:]
    return lemma


_UPOS_OK = {"NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "PRTF", "NUMR", "ROMN"},
            "DET": {"NPRO", "ADJF", "NUMR"}, "PRON": {"NPRO", "PERS"}, "NUM": {"NUMR", "NUMB"},
            "VERB": {"VERB", "INFN", "GRND"}, "AUX": {"VERB", "INFN"}, "ADV": {"ADVB", "PRED"},
            "ADP": {"PREP"}}


def _feats_for(c: Candidate, upos: str, an: list, i: int) -> dict:
    ok = _UPOS_OK.get(upos)
    if ok is None or upos == "ADP":
        return {}
    parses = [p for p in c.parses if p[3] in ok] or list(c.parses)
    if not parses:
        if "conv" in c.sources:
            return {"VerbForm": "Conv", "Tense": "Past" if an[i].lower.endswith(("ши", "шись")) else "Pres"}
        return {}
    if upos in ("VERB", "AUX"):
        inf = an[i].lower.endswith(("ти", "тися", "тись"))
        parses = [p for p in parses if (p[3] == "INFN") == inf] or parses
    best = parses[0]
    # prefer a parse that agrees with a neighbouring adjective/noun (case, number, gender)
    for p in parses:
        if any(_agree(p[5], q[5]) for j in (i - 1, i + 1) if 0 <= j < len(an) for q in an[j].parses
               if q[3] in ("ADJF", "NPRO", "PRTF", "NOUN", "NUMR") and q[3] != p[3]):
            best = p
            break
    return L.ud_feats(best[2], upos, best[4], pos=best[3])


def sentence_feats(an: list, best: list, upos: list[str], lemmas: list[str]) -> list[str]:
    """UD feature strings of a sentence: the chosen parses mapped, refined by lemma, ADP case from its noun."""
    feats = [L.refine_feats(_feats_for(c, u, an, i), u, lem, a.form)
             for i, (a, c, u, lem) in enumerate(zip(an, best, upos, lemmas))]
    for i, u in enumerate(upos):
        if u == "ADP":
            for j in range(i + 1, min(len(an), i + 4)):
                if upos[j] in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET") and "Case" in feats[j]:
                    feats[i] = {"Case": feats[j]["Case"]}
                    break
                if upos[j] in ("VERB", "PUNCT", "ADP", "CCONJ", "SCONJ"):
                    break
    return [format_feats(f) for f in feats]


def _sentence_annotation(morph: Morphology, model: UkModel, words: list[str], layers) -> dict:
    an = [morph.analyse(w) for w in words]
    out = {}
    want_morph = "morph" in layers or "lemma" in layers
    upos = tag_sentence(model, an) if want_morph else ["_"] * len(an)
    for i, a in enumerate(an):
        r = _rule_upos(a)
        if r and want_morph:
            upos[i] = r
    if "lemma" in layers or "morph" in layers:
        best = choose_lemmas(morph, model, an, upos)
    else:
        best = None
    lemmas = [_output_lemma(a, c, u) for a, c, u in zip(an, best, upos)] if best is not None else None
    out["lemma"] = lemmas if "lemma" in layers else [L.lemma_form(w.lower()) for w in words]
    if "morph" in layers:
        out["upos"] = upos
        out["feats"] = sentence_feats(an, best, upos, lemmas)
    else:
        out["upos"] = ["_"] * len(words)
        out["feats"] = ["_"] * len(words)
    out["head"] = [-1] * len(words)
    out["deprel"] = ["_"] * len(words)
    return out


# --- tokenisation --------------------------------------------------------------------

def sentences_and_tokens(text: str) -> list[list[tuple[int, int]]]:
    """Sentences as lists of token spans ``(start, end)`` (tokenize-uk, offsets into ``text``), split
    first at the line breaks that end a sentence (``line_blocks``: a headline without a full stop)."""
    import tokenize_uk
    out = []
    for x, y in line_blocks(text):
        for _s, a, b in tokenize_uk.tokenize_sents_with_spans(text[x:y]):
            a, b = x + a, x + b
            piece = text[a:b]
            spans = merge_symbol_spans(text, [(a + s, a + e) for _t, s, e in
                                              tokenize_uk.tokenize_words_with_spans(piece)
                                              if e > s and piece[s:e].strip()])
            if spans:
                out.append(spans)
    return out


# --- the backend -----------------------------------------------------------------------

class UkrainianBackend(Backend):
    """tokenize-uk + pymorphy3 (Ukrainian) + a disambiguator trained on UD Ukrainian-IU."""

    lang = "uk"
    name = "tokenize-uk+pymorphy3+uk-disambiguator"
    LAYERS_AVAILABLE = frozenset({"tokens", "lemma", "morph"})

    def _load(self) -> None:
        self.morph = Morphology()
        self.model = UkModel.load()

    def version(self) -> str:
        parts = [self.name, FEATURES_VERSION, UK_TOKENS_VERSION,
                 package_versions("tokenize-uk", "pymorphy3", "pymorphy3-dicts-uk", "simplemma")]
        h = hashlib.sha256(MODEL_FILE.read_bytes()).hexdigest()[:12] if MODEL_FILE.exists() else "none"
        parts.append(f"model={h}")
        return ";".join(parts)

    def capabilities(self) -> list[dict]:
        meta = {}
        if MODEL_META.exists():
            meta = json.loads(MODEL_META.read_text(encoding="utf-8"))
        cv = meta.get("cv", {})
        lemma_note = ("pymorphy3 parses chosen by a ranker trained on UD Ukrainian-IU dev"
                      + (f"; cross-validated lemma accuracy {cv['lemma']:.1f}%" if "lemma" in cv else ""))
        upos_note = ("UPOS from a tagger trained on UD Ukrainian-IU dev"
                     + (f"; cross-validated accuracy {cv['upos']:.1f}%" if "upos" in cv else ""))
        feats_note = ("mapped from the chosen pymorphy3 parse"
                      + (f"; cross-validated exact-match accuracy {cv['feats']:.1f}%" if "feats" in cv else ""))
        notes = {
            "tokens": (True, "tokenize-uk", "sentences and words by tokenize-uk"),
            "lemma": (True, "pymorphy3+uk-disambiguator", lemma_note),
            "upos": (True, "uk-disambiguator", upos_note),
            "feats": (True, "pymorphy3", feats_note),
            "syntax": (False, "", "no offline Ukrainian parser among the dependencies; measures fall back to patterns"),
            "ner": (False, "", "no offline Ukrainian NER model among the dependencies; measures fall back to patterns"),
        }
        return [{"layer": k, "available": ok, "backend": b, "note": n} for k, (ok, b, n) in notes.items()]

    def annotate_texts(self, texts, *, layers):
        self.load()
        layers = frozenset(layers)
        out = []
        for text in texts:
            tok = new_token_dict()
            sid = 0
            for spans in sentences_and_tokens(text or ""):
                words = [text[a:b] for a, b in spans]
                res = _sentence_annotation(self.morph, self.model, words, layers)
                sid += 1
                add_sentence(tok, sid, spans, words, res["lemma"], res["upos"], res["feats"],
                             res["head"], res["deprel"])
            out.append((tok, new_entity_dict()))
        return out

    def annotate_tokens(self, sentences, *, layers):
        self.load()
        layers = frozenset(layers)
        out = []
        for words in sentences:
            res = _sentence_annotation(self.morph, self.model, list(words), layers)
            out.append({f: res[f] for f in GOLD_FIELDS})
        return out


BACKEND = UkrainianBackend
