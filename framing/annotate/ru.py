"""Russian backend: razdel segmentation, slovnet tagging/parsing/NER, pymorphy3 lemmas.

* Sentences and tokens: ``razdel``'s rules and tables (Natasha project), applied
  by :mod:`framing.annotate.razdel_fast` without razdel's per-split objects
  (the same spans, tested against razdel), within the lines that end a sentence
  (``_backend.line_blocks``: a headline or list item without a full stop ends
  at its line break, which razdel joins).  Emoji stuck to a word are left out
  of the word the tagger and the lemmatizer see (``word_core``).
* Morphology (UPOS + UD features), dependency syntax, named entities: the
  ``slovnet`` news models shipped inside the ``natasha`` wheel, with ``navec``
  embeddings (Kukushkin 2020).  The files are read from the installed package
  (natasha itself is not imported: it pulls in pymorphy2).  Sentences of many
  documents are batched together, sorted by length, for fast numpy inference.
* Lemmas: ``pymorphy3`` (Korobov 2015), choosing among the dictionary's parses
  the one that agrees with the tagger's POS and features; rules for proper
  names, abbreviations, indeclinable foreign names and UD lemma conventions
  live in :mod:`framing.lang.ru`.  Decisions are cached per (form, tag).
* Entity ``normal``: the mention inflected to the nominative — the head noun and
  its agreeing adjectives (by the parse), every name word for persons.

The backend is this module with three parts: the lemmatiser
(:mod:`.ru_lemmatizer`), the slovnet runner (:mod:`.ru_parser`) and the
repairs of tags and trees to UD conventions (:mod:`.ru_repair`).

References
----------
Kukushkin, A. (2020). Natasha: Russian NLP library (slovnet, navec, razdel).
https://github.com/natasha
Korobov, M. (2015). Morphological analyzer and generator for Russian and
Ukrainian languages. AIST 2015, 320–332.
"""

from __future__ import annotations

import hashlib
import os

from ..lang import ru as rules
from ..lang.ud import parse_feats
from ._backend import (Backend, add_entity, bio_spans, line_blocks, new_entity_dict, new_token_dict,
                       package_versions, word_core)
from .razdel_fast import sentences as sentences_razdel
from .razdel_fast import tokenize as tokenize_razdel
# the three parts of the backend, re-exported here where they were defined before
from .ru_lemmatizer import (_WORDCHAR_RE, CACHE_LEMMAS, CACHE_PARSES, RussianLemmatizer,  # noqa: F401
                            _TagInfo)
from .ru_parser import (_MODEL_FILES, BATCH_SENTS, BATCH_TOKENS, MAX_SENT_TOKENS, _Encoder,  # noqa: F401
                        _Models, model_dir, model_path)
from .ru_repair import break_cycles, fix_lemmas, fix_tags, one_root  # noqa: F401

#: Bump when the Russian backend's output changes (goes into the cache key).
RU_BACKEND_VERSION = "6"


def _parse_tag(tag: str):
    pos, _, rest = tag.partition("|")
    feats = parse_feats(rest)
    return pos, feats, rest or "_"


class RussianBackend(Backend):
    """Russian: razdel + slovnet (news models from the natasha wheel) + pymorphy3."""

    lang = "ru"
    name = "razdel+slovnet+pymorphy3"
    LAYERS_AVAILABLE = frozenset({"tokens", "lemma", "morph", "syntax", "ner"})
    NOTES = {
        "tokens": ("razdel", "sentences and tokens"),
        "lemma": ("pymorphy3", "dictionary lemma agreeing with the slovnet tag; name, abbreviation, ё rules"),
        "upos": ("slovnet", "slovnet_morph_news_v1"),
        "feats": ("slovnet", "slovnet_morph_news_v1 (UD features)"),
        "syntax": ("slovnet", "slovnet_syntax_news_v1 (UD relations)"),
        "ner": ("slovnet", "slovnet_ner_news_v1: PER, LOC, ORG; normal form by pymorphy3 inflection"),
    }

    def __init__(self):
        super().__init__()
        self._lemmatizer = None
        self._models = None
        self._tag_cache: dict = {}

    def _load(self):
        self._lemmatizer = RussianLemmatizer()
        self._models = _Models()

    def version(self) -> str:
        files = []
        for name in _MODEL_FILES:
            try:
                p = model_path(name)
                st = os.stat(p)
                files.append(f"{os.path.basename(p)}:{st.st_size}")
            except (OSError, ImportError):
                files.append(f"{name}:missing")
        pkgs = package_versions("razdel", "slovnet", "navec", "pymorphy3", "pymorphy3-dicts-ru")
        h = hashlib.sha1((";".join(files)).encode()).hexdigest()[:10]
        return f"ru-{RU_BACKEND_VERSION};{pkgs};models={h}"

    # --- segmentation -------------------------------------------------------
    @staticmethod
    def segment(text: str) -> list[list[tuple[int, int, str]]]:
        """Sentences of (start, end, token) triples with offsets into ``text``: razdel's rules within
        the lines that end a sentence (``line_blocks``: a headline without a full stop is one)."""
        out = []
        spans = [(x + a, x + b) for x, y in line_blocks(text) for a, b in sentences_razdel(text[x:y])]
        for a, b in spans:
            toks = tokenize_razdel(text[a:b], a)
            while len(toks) > MAX_SENT_TOKENS:
                out.append(toks[:MAX_SENT_TOKENS])
                toks = toks[MAX_SENT_TOKENS:]
            if toks:
                out.append(toks)
        return out

    # --- the work -------------------------------------------------------------
    def _tag(self, idx: int, vocab):
        hit = self._tag_cache.get(idx)
        if hit is None:
            hit = self._tag_cache[idx] = _parse_tag(vocab.decode(int(idx)))
        return hit

    def _analyse(self, sents: list[list[str]], layers: frozenset):
        """Run the requested layers on word lists: (upos, feats, featstr, lemmas, heads, rels, ner)."""
        self.load()
        lem = self._lemmatizer
        models = self._models
        n = len(sents)
        need_morph = bool(layers & {"morph", "ner"}) or ("lemma" in layers and "morph" in layers)
        names = [x for x, need in (("morph", need_morph), ("syntax", "syntax" in layers),
                                    ("ner", "ner" in layers)) if need]
        # emoji stuck to a word ("🔻Украинская") are not part of it for the tagger and lemmatizer
        sents = [[w if w.isalpha() else word_core(w) for w in s] for s in sents]
        # two or three hyphens typed for a dash (plain-text fiction: "-- Садись, -- вздохнула она") are a
        # dash for the models, which learnt "—" from news; the token and its lemma stay as written
        words = [["—" if w in ("--", "---") else rules.strip_stress(w) for w in s] for s in sents] if names else sents
        res = models.run(words, names) if (names and n) else {}
        upos = feats = featstr = None
        if need_morph:
            vocab = res.get("morph_vocab")
            upos, feats, featstr = [], [], []
            for ws, p in zip(words, res.get("morph", [])):
                tags = [self._tag(i, vocab) for i in p.tolist()]
                us, fs, ks = [t[0] for t in tags], [t[1] for t in tags], [t[2] for t in tags]
                fix_tags(ws, us, fs, ks)
                if "PROPN" in us:
                    lem.fix_proper(ws, us)
                upos.append(us)
                feats.append(fs)
                featstr.append(ks)
        lemmas = None
        if "lemma" in layers:
            lemmas = []
            if upos is not None:
                lemma = lem.lemma
                for ws, us, fs, ks in zip(sents, upos, feats, featstr):
                    lemmas.append([lemma(w, u, f, k) for w, u, f, k in zip(ws, us, fs, ks)])
            else:
                fast = lem.lemmas_untagged
                lemmas = [fast(ws) for ws in sents]
            for ws, ls in zip(sents, lemmas):
                fix_lemmas(ws, ls)
        heads = rels = None
        if "syntax" in layers and n:
            rel_names = res["rel_vocab"].items
            heads, rels = [], []
            for k, (h, r) in enumerate(res["syntax"]):
                hs, rs = h.tolist(), [rel_names[i] for i in r.tolist()]
                one_root(hs, rs, upos[k] if upos is not None else None)
                break_cycles(hs, rs)
                heads.append(hs)
                rels.append(rs)
        ner = res.get("ner") if "ner" in layers else None
        return upos, feats, featstr, lemmas, heads, rels, ner

    def annotate_texts(self, texts, *, layers):
        layers = frozenset(layers)
        segs = [self.segment(t) if t and not t.isspace() else [] for t in texts]
        flat = [[w for _, _, w in s] for seg in segs for s in seg]
        upos, feats, featstr, lemmas, heads, rels, ner = self._analyse(flat, layers)
        out = []
        k = 0
        with_morph = upos is not None and "morph" in layers
        for text, seg in zip(texts, segs):
            tok, ent = new_token_dict(), new_entity_dict()
            t_sent, t_id, t_start, t_end, t_text = (tok["sent_id"], tok["tok_id"], tok["start"],
                                                    tok["end"], tok["text"])
            for sid, s in enumerate(seg, 1):
                starts, ends, forms = zip(*s)
                m = len(forms)
                t_sent.extend([sid] * m)
                t_id.extend(range(1, m + 1))
                t_start.extend(starts)
                t_end.extend(ends)
                t_text.extend(forms)
                tok["lemma"].extend(lemmas[k] if lemmas is not None else [w.lower() for w in forms])
                tok["upos"].extend(upos[k] if with_morph else ["_"] * m)
                tok["feats"].extend(featstr[k] if with_morph else ["_"] * m)
                tok["head"].extend(heads[k] if heads is not None else [-1] * m)
                tok["deprel"].extend(rels[k] if rels is not None else ["_"] * m)
                if ner is not None:
                    spans = None
                    for first, last, typ in bio_spans(ner[k]):
                        if typ not in ("PER", "LOC", "ORG"):
                            continue
                        if spans is None:
                            spans = list(zip(starts, ends))
                        normal = self.normal_form(forms, upos[k], feats[k],
                                                  heads[k] if heads is not None else None,
                                                  first, last, typ,
                                                  gaps=[text[spans[i][1]:spans[i + 1][0]]
                                                        for i in range(first, last)])
                        add_entity(ent, sid, first, last, spans, text, typ, normal)
                k += 1
            out.append((tok, ent))
        return out

    def annotate_tokens(self, sentences, *, layers):
        layers = frozenset(layers)
        sents = [list(s) for s in sentences]
        upos, feats, featstr, lemmas, heads, rels, _ = self._analyse(sents, layers - {"ner"})
        out = []
        for i, s in enumerate(sents):
            m = len(s)
            out.append({
                "lemma": lemmas[i] if lemmas is not None else [w.lower() for w in s],
                "upos": upos[i] if (upos is not None and "morph" in layers) else ["_"] * m,
                "feats": featstr[i] if (featstr is not None and "morph" in layers) else ["_"] * m,
                "head": heads[i] if heads is not None else [-1] * m,
                "deprel": rels[i] if rels is not None else ["_"] * m,
            })
        return out

    # --- entity normal forms -------------------------------------------------
    def normal_form(self, forms, upos, feats, heads, first, last, typ, *, gaps=None) -> str:
        """The mention ``forms[first:last+1]`` in the nominative.

        Persons: every noun, proper noun and adjective (surnames in -ский) is
        inflected.  Other types: the head noun (the token whose head lies
        outside the mention; without a parse, the first noun) and the
        adjectives agreeing with it; dependents in other cases stay as they
        are ("Министерство иностранных дел").
        """
        lem = self._lemmatizer
        idx = range(first, last + 1)
        words = [rules.strip_stress(word_core(forms[i])) for i in idx]
        if typ == "PER":
            out = []
            for j, i in enumerate(idx):
                if upos[i] in ("NOUN", "PROPN", "ADJ", "X") and _WORDCHAR_RE.search(words[j]):
                    out.append(lem.person_nominative(words[j], "PROPN" if upos[i] == "X" else upos[i], feats[i]))
                else:
                    out.append(words[j])
            return _join(out, gaps)
        head = None
        if heads is not None:
            for i in idx:
                h = heads[i] - 1
                if not (first <= h <= last) and upos[i] in ("NOUN", "PROPN", "X", "ADJ"):
                    head = i
                    break
        if head is None:
            head = next((i for i in idx if upos[i] in ("NOUN", "PROPN")), None)
        if head is None or feats[head].get("Case") in (None, "Nom"):
            return _join(words, gaps)
        hf = feats[head]
        target = {"Number": hf.get("Number"), "Gender": hf.get("Gender")}
        out = list(words)
        out[head - first] = lem.nominative(words[head - first], upos[head], hf)
        case = hf.get("Case")
        for i in idx:
            if i == head or upos[i] not in ("ADJ", "DET", "NUM", "VERB"):
                continue
            f = feats[i]
            attached = heads is None or heads[i] - 1 == head or (i < head and heads[i] - 1 in idx)
            if attached and f.get("Case") == case and (heads is not None or i < head):
                out[i - first] = lem.nominative(words[i - first], upos[i], f, target=target)
        return _join(out, gaps)


def _join(words, gaps=None) -> str:
    """Words joined by the original gaps (any whitespace as one space), or by spaces."""
    if gaps is None:
        return " ".join(words)
    out = [words[0]]
    for w, g in zip(words[1:], gaps):
        out.append(" " if g else "")
        out.append(w)
    return "".join(out)


BACKEND = RussianBackend
