"""The cue finders of the attribution measure: where a report is signalled.

* ``_verb_cues``: reporting verbs of ``reporting_verbs.tsv`` (with their
  infinitive after "не стал", impersonal forms "сообщается", "стало известно"
  and light verb + speech noun collocations "выразил надежду");
* ``_source_phrase_cues``: source phrases ("по словам", "по данным",
  "согласно", "со ссылкой на", "according to");
* ``_colon_cues``: a speaker and a colon or dash before the content
  ("Песков: …").
"""

from __future__ import annotations

from ...lang.punct import LONG_DASHES, OPENING_QUOTES
from .quotes import QUOTE_CHARS
from .sentence import (_Cue, _Sent, _content_end, _span_from, _first_bound, _in_quote, _lead, _line_end, _markup, _media_at,
                       _nomlike, _np, _unsure_case)
from .speakers import _names_source, _source_owner
from .words import _INFINITIVE, _NOMINAL, _REFLEXIVE_INFINITIVE, _Res, function_words, past_verb_lemma


# --- cue finders -------------------------------------------------------------------------
def _negated(S: _Sent, i: int, R: _Res) -> bool:
    k = i - 1
    steps = 0
    while k >= 0 and steps < 3:
        if S.low[k] in R.fw["neg"]:
            # "не раз заявлял", "не только сообщил": a particle that cancels the negation
            return not (k + 1 < i and S.low[k + 1] in R.words.get("neg_cancel", ()))
        if S.bound(k) or S.upos[k] not in ("ADV", "PART", "AUX", "PRON") and S.lang != "en":
            if S.low[k] not in R.fw["neg"]:
                return False
        if S.lang == "en" and S.upos[k] not in ("ADV", "PART", "AUX"):
            return False
        k -= 1
        steps += 1
    return False


def _verb_cues(S: _Sent, R: _Res) -> list[_Cue]:
    out = []
    taken = set()
    ev = R.fw.get("evident")
    for i in range(S.n):
        u = S.upos[i]
        if ev and S.lem[i] == ev[0] and i + 1 < S.n and S.low[i + 1] == ev[1] and S.feats[i].get("Person") not in ("1", "2"):
            # "стало известно": an agentless evidential (lemma "известный" by the guideline)
            if any(S.low[x] in R.words.get("author_dative", ()) for x in (i - 1, i + 2) if 0 <= x < S.n):
                continue      # "Как нам стало известно": the author's own voice, no attribution
            c = _Cue(S, i, (i, i + 1), " ".join(S.text[i: i + 2]), ev[2], "neutral", "", "verb")
            c.negated = _negated(S, i, R)
            k = i + 2 + (i + 2 < S.n and S.text[i + 2] in QUOTE_CHARS)
            m = _media_at(S, k, R) if k < S.n else None
            e = S.ent_at(k) if k < S.n else None
            if m or (e and e["type"] in ("ORG", "PER") and e["a"] == k):
                c.spk = (k, m[0] if m else e["b"])     # "стало известно РБК": the medium that learnt it
            out.append(c)
            taken.update((i, i + 1))
            continue
        if ev and S.low[i] == ev[1] and i + 2 < S.n and S.text[i + 1] == "," and S.low[i + 2] in R.fw["comp"] \
                and (i == 0 or S.bound(i - 1) or S.upos[i - 1] in ("ADV", "PART", "CCONJ")) \
                and not any(S.low[x] in R.fw["how"] or S.case(x) == "Dat" for x in range(max(0, i - 3), i)):
            # "Известно, что …": the evidential without "стало" (not "как известно", "мне известно")
            c = _Cue(S, i, (i, i), S.text[i], ev[2], "neutral", "", "verb")
            c.negated = _negated(S, i, R)
            out.append(c)
            taken.add(i)
            continue
        # light verb + speech noun: "выразил обеспокоенность", "отказался от комментариев"
        lv = next((l for l in S.lems[i] if l in R.colloc), None)
        if lv and S.feats[i].get("Person") in ("1", "2"):
            lv = None
        if lv and S.feats[i].get("VerbForm") == "Inf" and not (i > 0 and any(l in R.fw["aux_inf"] for l in S.lems[i - 1])):
            lv = None
        if lv and u in ("VERB", "AUX"):
            hit = None
            # the verb's own object wherever it stands, then the words around it ("Ответственность за
            # отправку … посылок взяли на себя …": a fronted object with a long complement)
            objs = [j for j in S.children[i] if S.deprel[j] in ("obj", "nsubj:pass") and j < i - 6]
            for j in objs + list(range(i + 1, min(S.n, i + 5))) + list(range(i - 1, max(-1, i - 7), -1)):
                if S.text[j] in (".", ";", ":", "!", "?"):
                    continue
                for noun, cls in R.colloc[lv]:
                    if noun in S.lems[j] or S.low[j] == noun:
                        hit = (j, noun, cls)
                        break
                if hit:
                    break
            if hit:
                j, noun, cls = hit
                words = S.low[i + 1: j] if j > i else []
                lemma = " ".join([lv, *[w for w in words if w not in R.fw["neg"]], S.low[j]]) if j > i else f"{lv} {S.low[j]}"
                lo, hi = min(i, j), max(i, j)
                if j in objs:     # a far fronted object: the cue is the verb (and what follows it up to "себя")
                    lo = hi = i
                    while hi + 1 < S.n and hi - i < 2 and S.low[hi + 1] in ("на", "себя"):
                        hi += 1
                c = _Cue(S, i, (lo, hi), " ".join(S.text[lo: hi + 1]), lemma, cls, "", "collocation")
                c.negated = _negated(S, i, R) or cls == "refusal"
                if cls == "refusal":
                    c.verb_class = "refusal"
                out.append(c)
                taken.update(range(lo, hi + 1))
                continue
        if i in taken:
            continue
        part = _participle_cue(S, i, R)
        if part is not None:
            out.append(part)
            continue
        lem = next((l for l in S.lems[i] if l in R.verbs), None)
        if _past_misread(S, i, R):
            u = "VERB"        # a verb the tagger read as an adjective ("буркнул" → буркнуть, ADJ)
        if lem is None:
            lem = _dialogue_verb(S, i, R)
            if lem is not None:
                c = _Cue(S, i, (i, i), S.text[i], lem, R.verbs.get(lem, ("neutral",))[0], "direct", "verb")
                # a negated tag still closes the words said ("— Как это? — не понял я"): no negated speech
                c.negated = False
                if i > 0 and S.low[i - 1] in R.fw["neg"]:
                    c.cue = (i - 1, i)
                    c.verb = " ".join(S.text[i - 1: i + 1])
                out.append(c)
                continue
        if u in ("ADJ", "VERB") and S.feats[i].get("Variant") == "Short" and S.lang != "en" \
                and (u == "ADJ" or S.feats[i].get("VerbForm") == "Part"):
            # a short predicative lemmatised as its verb ("уверены" → уверить), or tagged as a short
            # passive participle ("обеспокоены" → обеспокоить): the adjective's entry
            pred = next((l for l in R.verbs if l.endswith(("ный", "ний")) and len(l) > 5
                         and S.low[i].startswith(l[:-3]) and R.verbs[l][1] == "clause"), None)
            if pred is not None:
                u = "ADJ"
            lem = pred or lem
        if lem is None:
            continue
        cls, req = R.verbs[lem]
        if req == "object":
            continue
        vf = S.feats[i].get("VerbForm")
        if S.feats[i].get("Mood") == "Imp" or S.feats[i].get("Person") == "2" \
                or (S.feats[i].get("Person") == "1" and (not _in_quote(S, i) or S.lang != "en")
                    and not (S.lang != "en" and after_direct_speech(S, i, adverb=True))):
            continue      # the author's "скажем", "зазначу"; inside a quotation the speaker's own present or
            # future ("«Я думаю, что …»", "«Мы никогда не попросим …»") is the quoted speech itself; a narrated
            # past ("«Я у него спросил»", no Person in Russian and Ukrainian) is a report
        if vf == "Conv" and lem in ("говорить", "говорити", "казати", "сказать") and not (
                i + 2 < S.n and S.text[i + 1] == "," and S.low[i + 2] in R.fw["comp"]):
            continue      # "проще говоря: …", "говоря о"; not "сказав, что вернётся"
        k = i - 1
        while k >= 0 and not S.bound(k) and i - k <= 6 and S.low[k] not in R.words.get("author_adverb", ()):
            k -= 1
        if k >= 0 and S.low[k] in R.words.get("author_adverb", ()) and not _in_quote(S, i):
            continue      # "Подробнее … рассказывали в Mash Room": the outlet points to its own texts
        if u == "ADJ" and req == "clause" and S.lang != "en":
            # predicative adjective: "эксперты уверены, что"
            if not ((i + 2 < S.n and S.text[i + 1] == "," and S.low[i + 2] in R.fw["comp"])
                    or (i + 3 < S.n and S.low[i + 1] in R.fw.get("this_ins", ()) and S.text[i + 2] == ","
                        and S.low[i + 3] in R.fw["comp"])     # "удовлетворен тем, что …"
                    or (i + 4 < S.n and S.low[i + 1] in R.fw["loc"] and S.low[i + 2] in R.fw.get("this_loc", ())
                        and S.text[i + 3] == "," and S.low[i + 4] in R.fw["comp"])   # "уверены в том, что …"
                    or (cls == "belief" and i + 2 < S.n and S.low[i + 1] in R.fw["loc"]
                        and _first_noun_loc(S, i + 2))      # "уверен в своей победе", not "уверен в себе"
                    or (i + 1 < S.n and S.text[i + 1] == ":")
                    or (i > 0 and S.text[i - 1] in LONG_DASHES and i + 1 < S.n and not S.bound(i + 1))
                    or _postposed_predicative(S, i)):
                continue      # "уверены, что …", "уверены: …", "…, — уверен военкор", "…, уверен журналист"
            k = i - 1
            while k >= 0 and S.upos[k] in ("ADV", "PART", "AUX"):
                k -= 1
            if k >= 0 and S.low[k] in R.words.get("first_person", ()) and _in_quote(S, i):
                continue      # "«Я уверен в том, что …»": the quoted speaker's own stance is the quotation itself
            be = "быть" if S.lang == "ru" else "бути"
            ins = lem[:-2] + ("ым" if S.lang == "ru" else "им")
            c = _Cue(S, i, (i, i), S.text[i], f"{be} {ins}", cls, req, "verb")
            c.negated = _negated(S, i, R)
            out.append(c)
            continue
        if u not in ("VERB", "AUX"):
            if not (S.lang == "en" and u in ("X", "_", "NOUN") and S.low[i] in function_words("en")["irregular_form"]) \
                    and not (S.lang != "en" and u == "NOUN" and S.lem[i] == lem and lem.endswith(_INFINITIVE)
                             and S.low[i] != lem):
                continue      # a verb the tagger read as a noun ("передаёт" with ё) keeps its verb lemma
        stance_part = vf == "Part" and S.feats[i].get("Variant") != "Short" and lem in R.words.get("position_verb", ()) \
            and S.feats[i].get("Voice") != "Pass" \
            and any(S.low[x] in R.fw["position_prep"] for x in range(i + 1, min(S.n, i + 6)))
        if vf == "Part" and S.feats[i].get("Variant") != "Short" and not stance_part:
            continue      # (an active participle of a stance for or against stays: "избирателей,
            # высказавшихся … за выход", "активисты, выступающие за …"; its speaker is the noun qualified)
        if vf == "Part" and lem in R.words.get("link_verb", ()):
            continue      # "жертвы связаны с …", "это связано": a state, not an agentless report
        if vf == "Part" and not (S.feats[i].get("Gender") in (None, "Neut") and S.feats[i].get("Number") != "Plur") \
                and lem not in R.words.get("passive_report", ()) and not stance_part:
            continue      # "Яшин объявлен «иноагентом»", "осуждены за кражу": the subject of a passive is no
            # speaker ("сказано" stays; "обвинен в …", "признана виновной" are reports with an unnamed source)
        if vf == "Inf":
            k = i - 1
            if S.lang == "en" and k >= 0 and S.low[k] == "to":
                k -= 1
            while k >= 1 and S.lang != "en" and S.upos[k] == "ADV" and i - k <= 2 and not S.bound(k):
                k -= 1        # "продолжает публично говорить", "начал открыто критиковать" (issue #12, ninth round)
            if k >= 1 and S.lem[k] in ("быть", "бути"):
                k -= 1
            first = k
            if k >= 1 and S.low[k] in R.fw["coord"] and S.lang != "en":
                # "начали жечь покрышки и призывать …": an infinitive coordinated with one after the auxiliary
                x = k - 1
                while x >= 0 and k - x <= 8 and not S.bound(x) and not S.finite(x) \
                        and not any(l in R.fw["aux_inf"] for l in S.lems[x]):
                    x -= 1
                if x >= 0 and any(l in R.fw["aux_inf"] for l in S.lems[x]) \
                        and any(S.feats[y].get("VerbForm") == "Inf" for y in range(x + 1, k)):
                    k = x
            # "не устает повторять, что …", "не перестает упоминать …": a negated stop is going on
            going_on = k >= 1 and any(l in R.fw.get("neg_phase", ()) for l in S.lems[k]) and S.low[k - 1] in R.fw["neg"]
            if k < 0 or not (going_on or any(l in R.fw["aux_inf"] for l in S.lems[k])):
                continue
            a0 = k if first == k else i      # the coordinated infinitive is the cue on its own
            c = _Cue(S, i, (a0, i), " ".join(S.text[a0: i + 1]), lem, cls, req, "infinitive")
            c.negated = (not going_on and _negated(S, k, R)) or any(
                l in ("отказаться", "отказываться", "відмовитися", "decline", "refuse") for l in S.lems[k])
            out.append(c)
            continue
        if S.lang == "en" and i > 0 and (S.upos[i - 1] in ("DET", "ADJ") or S.low[i - 1] in ("'s", "’s")):
            continue
        c = _Cue(S, i, (i, i), S.text[i], lem, cls, req, "verb")
        c.negated = _negated(S, i, R)
        out.append(c)
    return out


def _postposed_predicative(S: _Sent, i: int) -> bool:
    """A predicative of belief after a comma with its nominative subject after it, closing the
    clause: "…, уверен журналист.", "…, убеждены в Кремле" is not (issue #12, ninth round)."""
    if i < 2 or S.text[i - 1] != "," or i + 1 >= S.n or S.bound(i + 1):
        return False
    k = i + 1
    while k < S.n and S.upos[k] in ("ADJ", "DET") and k < i + 4:
        k += 1
    if k >= S.n or S.upos[k] not in ("NOUN", "PROPN") or S.case(k) not in (None, "Nom"):
        return False
    e = _first_bound(S, k) + 1
    return e >= S.n or S.text[e] in (".", "!", "?", ";")


def _source_phrase_cues(S: _Sent, R: _Res) -> list[_Cue]:
    out = []
    fw = R.fw
    for i in range(S.n):
        t = S.low[i]
        if i > 0 and S.low[i - 1] in R.words.get("inference_word", ()):
            k = next((x for x in range(i + 1, min(S.n, i + 4)) if S.upos[x] == "NOUN"), None)
            if k is None or not (S.lem[k] in R.speech_acts or S.lem[k] in R.words.get("quoted_noun", ())):
                continue      # "судя по последним данным", "судя по кадрам": inference (the guideline);
                # not "судя по сообщениям СМИ", "судя по словам", which report speech
        if t in fw["src_prep"] or (t == "со" and i + 1 < S.n and S.lem[i + 1] == "слово"):
            poss = None
            j = i + 1
            while j < min(S.n, i + 4):
                if S.low[j] in fw["poss"]:
                    poss = j
                    j += 1
                    continue
                if (S.upos[j] in ("ADJ", "DET") or S.feats[j].get("VerbForm") == "Part") and S.low[j] not in fw["poss"]:
                    j += 1
                    continue
                break
            if j >= S.n:
                continue
            if poss is None and any(S.low[x] in R.words.get("author_possessive", ()) for x in range(i + 1, j)) \
                    and not _in_quote(S, i):
                continue      # "по нашей информации": the author's own voice
            cls = R.source_nouns.get(S.lem[j], R.source_nouns.get(S.low[j]))
            if cls is None:
                continue
            if t == "на" and S.lem[j] not in ("думка",):
                continue
            name = f"{t} {S.low[j]}"
            c = _Cue(S, j, (i, j), " ".join(S.text[i: j + 1]), name, cls, "", "according_to")
            if poss is not None:
                c.spk, c.spk_head = (poss, poss), poss
            elif j + 1 < S.n and not S.bound(j + 1) and (S.upos[j + 1] in _NOMINAL | {"PRON"}
                                                        or S.feats[j + 1].get("VerbForm") == "Part") \
                    and (S.lang == "en" or S.case(j + 1) in (None, "Gen")):
                c.spk = _np(S, j + 1, j + 1, S.n - 1)
                c.spk_head = j + 1
            elif S.lang != "en" and j + 1 < S.n and (S.low[j + 1] in fw["loc"] or S.low[j + 1] in R.words.get("site_prep", ())
                                                     or S.low[j + 1] in R.words.get("owner_from_prep", ())):
                # "По информации на сайте аэропорта «Борисполь»", "по сведениям из источника «Интерфакса»"
                own = _source_owner(S, j + 1, R)
                if own is not None:
                    c.spk, c.spk_head = own
            if cls == "distancing":
                c.markers.append(name)
            out.append(c)
        elif t in fw["according"] and i + 1 < S.n and S.low[i + 1] == "to" and i + 2 < S.n:
            c = _Cue(S, i, (i, i + 1), " ".join(S.text[i: i + 2]), "according to", "neutral", "", "according_to")
            h = i + 2
            while h < S.n and S.upos[h] in ("DET", "ADJ") and h < i + 5:
                h += 1
            if h < S.n and not S.bound(h):
                a, b = _np(S, h, i + 2, S.n - 1)
                c.spk, c.spk_head = (i + 2, b), h
            out.append(c)
        elif t in fw["per_prep"]:
            k = i + 1
            if k < S.n and S.low[k] in ("з", "із", "зі"):
                k += 1
            if k >= S.n or S.bound(k):
                continue
            j = k
            while j < min(S.n, k + 3) and (S.upos[j] in ("ADJ", "DET") or S.feats[j].get("VerbForm") == "Part"):
                j += 1        # "согласно обновленным данным"
            cls = R.source_nouns.get(S.lem[j], R.source_nouns.get(S.low[j])) if j < S.n else None
            if cls is not None:
                # "согласно данным Росстата", "согласно предварительным данным": the noun is the cue's
                # lemma (as "по данным"); the speaker is its genitive, or none
                c = _Cue(S, j, (i, j), " ".join(S.text[i: j + 1]), f"{t} {S.low[j]}", cls, "", "according_to")
                g = j + 1
                if g < S.n and not S.bound(g) and S.upos[g] in _NOMINAL and S.case(g) in (None, "Gen"):
                    c.spk, c.spk_head = _np(S, g, g, S.n - 1), g
                if cls == "distancing":
                    c.markers.append(f"{t} {S.low[j]}")
                out.append(c)
                continue
            hd = j if j < S.n and S.upos[j] in ("NOUN", "PROPN") else k     # the noun after its adjectives
            a, b = _np(S, hd, k, S.n - 1) if S.upos[hd] in _NOMINAL else (k, k)
            # the NP must name a speaker: an entity, a medium, a speaker noun
            named = [x for x in range(a, b + 1) if S.ent_at(x) or _media_at(S, x, R) or S.lem[x] in R.heads]
            # the document noun, after its adjectives: "согласно предварительным результатам голосования"
            doc = next((x for x in (k, a, j) if x < S.n and a <= x <= b and S.lem[x] in fw["doc_nouns"]), None)
            head_doc = doc is not None
            if not named and head_doc:
                # "согласно отчету информационного центра": the document's owner, else the document
                owner = next((x for x in range(doc + 1, b + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), None)
                named = [doc + 1 if owner is not None else doc]
            if not named:
                continue
            spk = (named[0], b) if head_doc else (a, b)
            c = _Cue(S, i, (i, i if k == i + 1 else k - 1), S.text[i] if k == i + 1 else " ".join(S.text[i:k]),
                     " ".join(S.low[i:k]) if k > i + 1 else t, "neutral", "", "according_to")
            c.spk, c.spk_head = spk, named[0]
            out.append(c)
        elif S.lem[i] in fw["ref_verbs"] and S.lang != "en" and i + 2 < S.n and S.low[i + 1] == fw["ref"][2] \
                and not S.bound(i + 2) and S.feats[i].get("Person") not in ("1", "2"):
            # "ссылаясь на источники", "сославшись на пресс-службу": the source is the NP after "на"
            c = _Cue(S, i, (i, i + 1), " ".join(S.text[i: i + 2]), S.lem[i], "neutral", "", "reference")
            c.spk, c.spk_head = _object_np(S, i + 2)
            out.append(c)
        elif len(fw["ref"]) == 3 and (t == fw["ref"][0] or (S.lang == "uk" and t in ("із", "зі"))) \
                and S.low[i + 1: i + 3] == list(fw["ref"][1:]) and i + 3 < S.n:
            h = i + 3
            if S.bound(h):
                continue
            c = _Cue(S, i, (i, i + 2), " ".join(S.text[i: i + 3]), " ".join(fw["ref"]), "neutral", "", "reference")
            c.spk, c.spk_head = _object_np(S, h)
            out.append(c)
        elif S.lem[i] in R.words.get("source_verb_from", ()) and S.upos[i] in ("VERB", "AUX") and (
                (i + 2 < S.n and S.low[i + 1] in ("из", "з", "із"))
                or any(S.low[x] in ("из", "з", "із") for x in range(max(0, i - 10), i))):
            # "следует из заявления главы администрации", "Из заявлений Вашингтона … следовало, что":
            # the owner of the statement, else the document
            fr = i + 1 if i + 1 < S.n and S.low[i + 1] in ("из", "з", "із") else \
                next(x for x in range(max(0, i - 10), i) if S.low[x] in ("из", "з", "із"))
            if fr < i and any(S.finite(x) or S.text[x] in (".", ":", ";") for x in range(fr + 1, i)):
                continue
            k = fr + 1
            while k < S.n and S.upos[k] in ("ADJ", "DET") and k < i + 5:
                k += 1
            if k >= S.n or not (S.lem[k] in R.speech_acts or S.lem[k] in fw["doc_nouns"]):
                continue
            cue = (i, i + 1) if fr == i + 1 else (i, i)
            c = _Cue(S, i, cue, " ".join(S.text[cue[0]: cue[1] + 1]), S.lem[i], "neutral", "", "from")
            g = k + 1
            own = _source_owner(S, g, R)     # a genitive or a quoted name: "отчета «Газпрома»", a site's owner:
            # "следует из данных на сайте музея" (issue #12, ninth round)
            if own is not None:
                c.spk, c.spk_head = own
                if fr < i and S.text[g] not in OPENING_QUOTES:   # the owners as far as the verb: "Вашингтона, Сеула и Киева"
                    c.spk = (g, max(c.spk[1], i - 1))
            else:
                c.spk, c.spk_head = (fr + 1, k), k
            out.append(c)
        elif len(fw["ref"]) == 1 and t == fw["ref"][0] and i + 1 < S.n and not S.bound(i + 1):
            c = _Cue(S, i, (i, i), S.text[i], t, "neutral", "", "reference")
            c.spk = _np(S, i + 1, i + 1, S.n - 1)
            c.spk_head = i + 1
            out.append(c)
    return out


def _object_np(S: _Sent, a: int):
    """The noun phrase after "со ссылкой на" / "ссылаясь на" and its head: past the adjectives
    before the noun ("на американского чиновника"; the accusative is no case of the pattern
    noun phrase), with the genitives and names after it."""
    h = a
    while h + 1 < S.n and h - a < 4 and S.upos[h] in ("ADJ", "DET", "NUM") and not S.bound(h + 1) \
            and S.upos[h + 1] in ("ADJ", "DET", "NUM", "NOUN", "PROPN"):
        h += 1
    if h == a:
        return _np(S, a, a, S.n - 1), a
    hi = h            # then its genitives and names, not the clause's own subject ("… источники газета X")
    while hi + 1 < S.n and not S.bound(hi + 1) and (
            S.case(hi + 1) == "Gen" or (S.upos[hi + 1] in ("PROPN", "X") and S.case(hi + 1) != "Nom")):
        hi += 1
    e = S.ent_at(h)
    return (a, max(hi, e["b"] if e else hi)), h


def _owned_speech_noun(S: _Sent, head, xe: int, k: int, R: _Res):
    """A speech noun with its owner before a colon and a quotation: "Еще одно признание Трампа:
    «…»", "Заявление Пескова: «…»".  The noun is the cue (its lemma the cue lemma, as "по
    словам" → слово), the owner in the genitive the speaker, the quotation the content (direct).
    None when the colon is not followed by a quotation or no owner is named."""
    if head is None or k + 1 >= S.n or S.text[k + 1] not in OPENING_QUOTES:
        return None
    words = R.words.get("speech_act_noun", set()) | R.words.get("directive_noun", set())
    if not (S.lem[head] in words or S.lem[head] in R.source_nouns):
        return None
    g = head + 1
    if g > xe or S.upos[g] not in ("NOUN", "PROPN", "X") or S.case(g) not in (None, "Gen"):
        return None
    c = _Cue(S, head, (head, head), S.text[head], S.lem[head],
             R.source_nouns.get(S.lem[head], "neutral"), "", "noun")
    c.spk, c.spk_head = (g, xe), g
    c.frame = "colon"
    c.ctok = _span_from(S, k + 1)
    return c


def _colon_cues(S: _Sent, R: _Res, quotes) -> list[_Cue]:
    """Headline and interview formats: "Песков: «…»", "Минобороны: силы ПВО сбили …" (a
    source, a colon, the content) and "Цены вырастут — глава ВТБ Андрей Костин" (the content,
    a dash, a source at the end of its line).  A colon paraphrase needs the sentence to start
    its line and three words of content, so "Фото: Reuters" is no row."""
    out = []
    lead = _lead(S)
    for k in range(lead + 1, min(S.n - 1, lead + 25)):
        if S.text[k] != ":":
            continue
        if k >= lead + 10 and not (S.text[k + 1] in OPENING_QUOTES and any(S.low[x] in R.fw["about"] for x in range(lead + 1, k))):
            break     # a long lead only as "X о …: «…»" ("Полянский о последствиях разрешений …: «…»")
        if any(S.finite(x) or (S.feats[x].get("VerbForm") in ("Inf", "Conv") and S.text[k + 1] not in OPENING_QUOTES)
               for x in range(lead, k)) \
                or any(S.bound(x) and S.text[x] not in QUOTE_CHARS and not _markup(S, x)
                       and not (S.text[x] in LONG_DASHES and x + 1 < k and S.low[x + 1] in R.fw["about"])
                       for x in range(lead, k)):
            break     # a clause before the colon ("… можно найти на сайте: …") names no source
            # ("Зеленский — о переговорах: «…»" is the headline "X о …: «…»" with a dash)
        if _noun_run(S, lead, k - 1):
            break     # "Скуфы внимание опасность: …": nouns side by side are a slogan, not one noun phrase
        xe = k - 1
        while xe >= lead and (_markup(S, xe) or S.text[xe] in QUOTE_CHARS and xe == k - 1 and False):
            xe -= 1
        # "Песков о переговорах: …": the source is the noun phrase before the preposition
        adp = next((x for x in range(lead + 1, xe + 1) if S.low[x] in R.fw["about"]), None) if k >= lead + 10 else None
        adp = adp if adp is not None else next((x for x in range(lead + 1, xe + 1) if S.upos[x] == "ADP"), None)
        if adp is not None:
            xe = adp - 1
            while xe > lead and S.text[xe] in LONG_DASHES:
                xe -= 1
        h = next((x for x in range(xe, lead - 1, -1) if S.upos[x] in ("PROPN", "NOUN", "X")), None)
        label = " ".join(S.low[lead: xe + 1])
        head = next((x for x in range(lead, xe + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), h)
        # a group of people names a source only before a proposition ("Правозащитники: Азербайджан
        # сажает …"), not before a list ("Пострадавшие дети: …", "герои матча: …")
        group = any(S.finite(x) for x in range(k + 1, _line_end(S, (k + 1, S.n - 1)) + 1))
        noun_cue = _owned_speech_noun(S, head, xe, k, R)
        if noun_cue is not None:
            out.append(noun_cue)
            break
        if h is None or not _names_source(S, lead, xe, R, group) or label in R.words.get("headline_label", ()) \
                or S.lem[lead] in R.words.get("headline_label", ()) \
                or S.lem[head] in R.speech_acts or S.lem[head] in R.fw["doc_nouns"]:
            break     # "Другие заявления президента:": a list of statements, not a source
        nxt = S.text[k + 1] if k + 1 < S.n else ""
        quoted = nxt in OPENING_QUOTES
        words = [x for x in range(k + 1, S.n) if any(ch.isalnum() for ch in S.text[x])]
        line = _line_end(S, (k + 1, S.n - 1))
        if not quoted and not (getattr(S, "line_start", True)
                               and (len(words) >= 3 or (len(words) == 2 and _predicate(S, k + 1, line)))):
            break     # two words only with a predicate: "Зеленский: Крым потерян"
        if not quoted and S.low[k + 1] not in R.fw["about"] and not _predicate(S, k + 1, _line_end(S, (k + 1, S.n - 1))):
            break     # "Лига наций: В шаге от плей-офф": a title, no reported proposition (a topic "X: о …" stays)
        c = _Cue(S, k, (k, k), ":", "", "neutral", "", "colon")
        c.spk = (lead, xe)
        c.spk_head = h
        c.frame = "colon"
        c.ctok = (k + 1, _content_end(S, k + 1)) if k + 1 < S.n else None
        out.append(c)
        break
    # trailing "— Politico", "— глава ВТБ Андрей Костин"
    e = _content_end(S, 0)
    while e > 0 and _markup(S, e):
        e -= 1
    # "«…», — Екатерина Зиновьева, зампред правительства …": a quotation closed by a dash and a name
    # with its title in apposition, no verb (issue #12, eleventh round): the name is the credit
    far = [d for d in range(lead + 3, max(lead + 3, e - 8)) if S.text[d] in LONG_DASHES and S.text[d - 1] == ","
           and S.text[d - 2] in QUOTE_CHARS and not any(S.upos[x] in ("VERB", "AUX") for x in range(d + 1, e + 1))]
    whole_e = e
    for d in far[-1:] + list(range(max(lead + 3, e - 8), whole_e + 1)):
        e = whole_e
        if not _dash_at(S, d) or d >= e:
            continue       # a hyphen standing alone is a dash here ("взрыв на станции - источник 112")
        if S.text[d - 1] == "," and d >= 2 and S.text[d - 2] in QUOTE_CHARS:
            comma = next((x for x in range(d + 2, e) if S.text[x] == ","), None)
            if comma is not None and S.ent_at(d + 1) is not None and str(S.ent_at(d + 1)["type"]).upper() == "PER" \
                    and S.ent_at(d + 1)["b"] < comma:
                e = comma - 1      # the name before its title in apposition
        a = d + 1
        while a <= e and (S.text[a] in QUOTE_CHARS or _markup(S, a)):
            a += 1
        for x in range(a, e):
            if S.low[x: x + 3] == list(R.fw["ref"]) or S.lem[x] in R.fw["ref_verbs"]:
                e = x - 1      # "— ТАСС со ссылкой на опрос": the reference has its own row
                break
        if a > e or any(S.finite(x) or S.upos[x] == "VERB" or (S.bound(x) and S.text[x] not in QUOTE_CHARS)
                        for x in range(a, e + 1)):
            continue
        p = d - 1
        while p >= 0 and (S.text[p] in QUOTE_CHARS or S.text[p] == ","):
            p -= 1
        hd = next((x for x in range(a, e + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), a)

        def apposed(q):    # an animate noun the words after the dash may stand in apposition to: not
            # "аппетит россиянке — СМИ", "пострадали 11 человек — СМИ" (a nominative source after another case)
            hc = None if S.text[hd].isupper() else S.case(hd)     # an abbreviation does not decline ("СМИ")
            return S.upos[q] in ("NOUN", "PROPN") and S.feats[q].get("Animacy") == "Anim" \
                and (S.case(q) is None or S.case(q) == (hc or "Nom") or hc not in (None, "Nom"))
        if p >= 0 and apposed(p):
            break          # "после реформ предшественника — Александра II"
        while p > 0 and S.upos[p] in ("NOUN", "PROPN", "ADJ") and S.case(p) == "Gen" and S.upos[p - 1] in ("NOUN", "PROPN", "ADJ"):
            p -= 1         # "другой сотрудник клуба": the head of the noun phrase before the dash
        if p >= 0 and (apposed(p) or S.upos[p] in ("NOUN", "PROPN") and S.case(p) == "Ins"):
            break          # "Погиб актер — Иван Иванов", "главой правительства — Бганба": apposition, gapping
        m = _media_at(S, a, R)
        ent = S.ent_at(a)
        medium = (m and m[0] >= e - 1) or (ent and ent["b"] >= e - 1 and ent["type"] == "ORG")
        if S.text[d] == "-" and (S.case(hd) not in (None, "Nom") or not any(
                S.finite(x) or S.feats[x].get("Variant") == "Short" for x in range(lead, d))):
            continue       # a hyphen only after a predicate and before a nominative ("Його суперник - Джо Байден",
            #                "группировка, выросшая из «Аль-Каиды» - «Джебхат ан-Нусры»" are no credits)
        # a group of people ("— астрономы", "— синоптики") only as a short plural after a clause with a verb
        # of its own, not a gapped one ("среди пострадавших — дети", "с погибшими — судмедэксперты")
        cl = max([x + 1 for x in range(lead, d) if S.text[x] in (",", ";", ":")] + [lead])
        group = e - a <= 1 and any(S.finite(x) for x in range(cl, d))
        if not medium and not (getattr(S, "line_end", False) and _names_source(S, a, e, R, group)
                               and (_nomlike(S, a) or _unsure_case(S, a))):
            continue
        c = _Cue(S, d, (d, d), S.text[d], "", "neutral", "", "dash")
        c.spk = (a, e)
        c.spk_head = next((x for x in range(a, e + 1) if S.upos[x] in ("NOUN", "PROPN", "X")), a)
        c.frame = "inverted"
        b = d - 1
        while b >= 0 and S.text[b] in (",",):
            b -= 1
        c.ctok = (lead, b)
        out.append(c)
        break
    return out


def _noun_run(S: _Sent, a: int, b: int) -> bool:
    """Two common nouns in the nominative side by side in a..b, or a common noun in the
    accusative or dative without a preposition, outside any entity and not abbreviations
    ("Скуфы внимание опасность"): a string of words, not a speaker's noun phrase (a title before
    a name, "глава МИД", "министр Лавров", has a genitive or a proper noun)."""
    def plain(x, cases=("Nom",)):
        return S.upos[x] == "NOUN" and S.case(x) in cases and not S.ent_at(x) and not S.text[x].isupper()
    # an object noun (accusative, dative) with no preposition cannot belong to a speaker's noun phrase
    return any(plain(x) and plain(x + 1) for x in range(a, b)) \
        or any(plain(x, ("Acc", "Dat")) and (x == 0 or S.upos[x - 1] != "ADP") for x in range(a + 1, b + 1))


def _predicate(S: _Sent, a: int, b: int) -> bool:
    """The tokens a..b hold a predicate: a verb (any form), a short adjective or participle
    ("невозможны", "потерян") or a dash standing for the copula ("Цель — мир")."""
    return any(S.upos[x] in ("VERB", "AUX") or S.feats[x].get("Variant") == "Short" or S.text[x] in LONG_DASHES
               for x in range(a, b + 1))


def _charged(S: _Sent, i: int, R: _Res, naming: bool) -> bool:
    """The content of a charge or a naming follows the word at ``i`` within its clause: "в" +
    locative or "за" + accusative ("обвиняющие власти в бездействии", "подозреваемого в
    краже"); for a naming, a noun or adjective in the instrumental ("называющие его диктатором")."""
    for x in range(i + 1, min(S.n, i + 7)):
        if S.bound(x) or S.upos[x] == "SCONJ" or (S.upos[x] in ("VERB", "AUX") and S.feats[x].get("VerbForm") != "Part"):
            return False
        if naming:
            if S.case(x) == "Ins" and S.upos[x] in ("NOUN", "ADJ"):
                return True
        elif x + 1 < S.n and ((S.low[x] in R.fw["charge_prep"] and S.case(x + 1) in R.fw["charge_case"])
                              or (S.low[x] in R.fw["reason_prep"] and S.case(x + 1) == "Acc")) \
                and (S.upos[x + 1] in ("NOUN", "ADJ", "NUM") or S.feats[x + 1].get("VerbForm") == "Part"):
            return True       # "в краже", not a place ("признан иноагентом в РФ")
    return False


def _first_noun_loc(S: _Sent, k: int) -> bool:
    """A noun in the locative from ``k``, past possessives and adjectives ("в своей победе")."""
    while k < S.n and S.upos[k] in ("ADJ", "DET"):
        k += 1
    return k < S.n and S.upos[k] == "NOUN" and S.case(k) in ("Loc", None)


def qualified_noun(S: _Sent, i: int):
    """The noun an active participle at ``i`` qualifies, its speaker: the parse's head of an
    ``acl`` participle before it, else the noun before the comma ("активисты, прямо обвиняющие
    …", "Активисты, выступающие против …"); None when there is none."""
    h = S.head[i] if S.deprel[i].startswith("acl") and S.head[i] >= 0 and S.head[i] < i else None
    p = i - 1
    while p > 0 and S.upos[p] == "ADV":
        p -= 1        # "…, прямо обвиняющие"
    near = next((x for x in range(p - 1, max(-1, p - 5), -1) if S.upos[x] in ("NOUN", "PROPN")), None) \
        if p >= 1 and S.text[p] == "," else None
    if h is None or (near is not None and near != h and _agrees_np(S, i, near) and not _agrees_np(S, i, h)):
        h = near      # "об отставке Бориса Джонсона, выразившего …": the noun the participle agrees with
    return h if h is not None and S.upos[h] in ("NOUN", "PROPN") else None


def _agrees_np(S: _Sent, i: int, h: int) -> bool:
    """A participle at ``i`` and a noun at ``h`` agree in case and number (where both are known)."""
    return all(S.feats[i].get(k) is None or S.feats[h].get(k) is None or S.feats[i][k] == S.feats[h][k]
               for k in ("Case", "Number"))


def _participle_cue(S: _Sent, i: int, R: _Res):
    """A charge or a naming reported through a participle or a reflexive passive, whose
    grammatical subject is the one charged, not the speaker: "подозреваемого в краже",
    "депутат обвиняется в получении взятки" (passive: an unnamed source, empty speaker);
    "активисты, обвиняющие власти в бездействии", "лидеры, называющие его диктатором" (an
    active participle: the speaker is the noun it qualifies).  The verbs are the accusation
    class of ``reporting_verbs.tsv`` and the ``passive_report`` and ``naming_verb`` words of
    ``attribution_words.tsv``; the reflexive keeps its ``-ся`` lemma (guideline)."""
    if S.lang == "en" or S.upos[i] not in ("VERB", "ADJ"):
        return None
    f = S.feats[i]
    lem = S.lem[i]
    charge = R.words.get("passive_report", set())
    if f.get("VerbForm") == "Part" and S.upos[i] == "ADJ" and not lem.endswith(_INFINITIVE):
        # a participle lemmatised as an adjective (Ukrainian "підозрюваний"): the charging verb it
        # comes from (a shared stem, allowing the consonant change "звинуватити" → "звинувачений")
        lem = next((v for v in sorted(charge) if len(v) > 6 and lem.startswith(v[:max(5, len(v) - 4)])), lem)
    naming_words = R.words.get("naming_verb", set())

    def charging(lm, active):
        # an active participle of an accusation verb ("обвиняющие"); a passive only of a verb that
        # still reports a charge ("обвиняемый", "признанный виновным"; not "осужденный за", a sentence)
        if active:
            return R.verbs.get(lm, ("",))[0] == "accusation"
        if lm not in charge:
            return False
        return R.verbs.get(lm, ("",))[0] != "admission" or any(       # "признан виновным в", not "признан иноагентом"
            S.case(x) == "Ins" and S.upos[x] == "ADJ" for x in range(i + 1, min(S.n, i + 4)))
    if f.get("VerbForm") == "Part" and f.get("Variant") != "Short":
        # active by its suffix, not by the tagger's Voice ("обвиняемую" is read as active)
        active = f.get("Voice") != "Pass" and any(m in S.low[i][2:] for m in R.fw.get("active_participle", ()))
        naming = lem in naming_words and active
        if not (charging(lem, active) or naming) or not _charged(S, i, R, naming):
            return None
        c = _Cue(S, i, (i, i), S.text[i], lem, "accusation" if not naming else R.verbs.get(lem, ("neutral",))[0],
                 "", "participle")
        c.negated = _negated(S, i, R)
        if active:
            h = qualified_noun(S, i)
            if h is None:
                return None
            c.spk, c.spk_head = _np(S, h, 0, i - 1), h
        return c
    if f.get("VerbForm") in (None, "Fin") and lem.endswith(("ся", "сь")) and f.get("Person") in (None, "3") \
            and charging(lem[:-2], False) and _charged(S, i, R, False):
        c = _Cue(S, i, (i, i), S.text[i], lem, "accusation", "", "passive")
        c.negated = _negated(S, i, R)
        return c
    return None


def _dialogue_verb(S: _Sent, i: int, R: _Res):
    """The verb of the author's words after direct speech, whatever verb it is: "— Не знаю, —
    пожал плечами Петя", "«Спасибо!» — улыбнулась она" (Russian and Ukrainian punctuation of
    direct speech: the speech, a comma, "!", "?" or "…", a dash, then the author's words with the
    verb first).  Its lemma, or None; such a cue is kept only with direct-speech content.  With
    a user's verb lexicon only its verbs are cues, so this rule is off."""
    if S.lang == "en" or R.own_verbs or i < 2:
        return None
    if S.upos[i] in ("PROPN", "NOUN") and after_direct_speech(S, i, adverb=True):
        return past_verb_lemma(S.low[i], S.lang)   # "— Светка! — завопил Петя": read as a name
    if S.upos[i] == "VERB" and before_direct_speech(S, i, R):
        return S.lem[i]       # "Юрка тихо затараторил мне в ухо: — Не успела …"
    if S.upos[i] not in ("VERB", "ADJ") or not after_direct_speech(S, i, adverb=True):
        return None
    f = S.feats[i]
    if f.get("Person") == "2" or f.get("Mood") == "Imp" or f.get("VerbForm") not in (None, "Fin"):
        return None       # (the narrator's "— Где? — кричу я" is a tag: the first person stays)
    if S.upos[i] == "ADJ" and not _past_misread(S, i, R):
        return None
    return S.lem[i]


def after_direct_speech(S: _Sent, i: int, *, adverb: bool = False) -> bool:
    """Token ``i`` opens the author's words after direct speech: a dash right before it (with
    ``adverb``, past up to three words of adverbs, a negation or a prepositional phrase: "—
    Спасибо, — тепло улыбнулась она", "— с улыбкой ответила она") that follows a comma, "!",
    "?", "…" or a closing quotation mark, with a dialogue dash opening the sentence or a
    quotation mark before the dash (Russian and Ukrainian punctuation of direct speech)."""
    d = i - 1
    if adverb:
        # past an adverb, a negation or a short prepositional phrase: "— тепло улыбнулась она", "— не
        # понял я", "— с воодушевлением начала она"
        while d >= 1 and i - d <= 3 and S.text[d] not in LONG_DASHES and not S.bound(d) and (
                S.upos[d] in ("ADV", "PART") or S.deprel[d] == "advmod"
                or (S.upos[d] in ("NOUN", "ADJ") and S.case(d) not in (None, "Nom")) or S.upos[d] == "ADP"):
            d -= 1
        if d < i - 1 and any(S.upos[x] in ("NOUN", "ADJ") for x in range(d + 1, i)) and S.upos[d + 1] != "ADP":
            return False
    if d < 1 or not _dash_at(S, d):
        return False
    before = S.text[d - 1]
    if before not in (",", "!", "?", "…") and before not in QUOTE_CHARS:
        return False
    return _dash_at(S, 0) or any(S.text[x] in QUOTE_CHARS for x in range(d))


def before_direct_speech(S: _Sent, i: int, R: _Res) -> bool:
    """Verb ``i`` introduces a line of dialogue after a colon: the author's words end in ":"
    within five words of it (objects, adverbs and an infinitive it governs: "затараторил мне в
    ухо:", "начинала канючить:"), a dialogue dash follows the colon, and the verb's subject is a
    person named before it (a pronoun, a name or an animate noun).  The Russian and Ukrainian
    punctuation of speech announced by the author (issue #12, twelfth round: fiction's tags with
    verbs no lexicon lists).  Not with a thing as the verb's object ("подписал закон: — …"),
    nor before a quotation mark (news puts a law's or a post's words there after any verb:
    "завели дело по статье: «…»"), nor a negated verb or one of a relative or complement clause
    ("автора, которого никто читать не хочет: …")."""
    f = S.feats[i]
    if f.get("VerbForm") != "Fin" or f.get("Mood") not in (None, "Ind") or f.get("Person") in ("1", "2"):
        return False
    k = i - 1
    while k >= 0 and not S.bound(k) and S.text[k] != ",":
        if S.low[k] in R.fw["neg"] or S.lem[k] in R.fw["rel"] or S.low[k] in R.fw["comp"]:
            return False
        k -= 1
    v = S.head[i] if S.deprel[i] == "conj" and 0 <= S.head[i] < i else i   # "Юрка взглянул … и затараторил"
    subj = [x for x in S.children[v] if S.deprel[x].startswith("nsubj") and x < v]
    if len(subj) != 1 or not (S.upos[subj[0]] in ("PRON", "PROPN") or S.feats[subj[0]].get("Animacy") == "Anim"):
        return False
    j = i + 1
    while j < S.n and j - i <= 5:
        t = S.text[j]
        if t == ":":      # the dash on the colon's line (a list after a colon opens new lines with dashes)
            return j + 1 < S.n and _dash_at(S, j + 1) and (j + 1) not in getattr(S, "nl", ())
        if S.bound(j) or t in (",", ";", "(", ")") or S.upos[j] in ("SCONJ", "CCONJ", "AUX") or t in QUOTE_CHARS:
            return False
        if S.upos[j] == "VERB" and not (j == i + 1 and S.feats[j].get("VerbForm") == "Inf"):
            return False
        if S.upos[j] == "NOUN" and S.deprel[j] == "obj" and S.feats[j].get("Animacy") == "Inan":
            return False      # "подписал закон о налогах: — …": a thing done, then its terms
        j += 1
    return False


def _dash_at(S: _Sent, d: int) -> bool:
    """A dash at ``d``: a long dash, or a hyphen standing alone between spaces, as typed for one
    ("\" Ну, надо же, - подумал Илья Ильич, - …")."""
    if S.text[d] in LONG_DASHES:
        return True
    return S.text[d] == "-" and (d == 0 or S.start[d] > S.end[d - 1]) and (d + 1 >= S.n or S.start[d + 1] > S.end[d])


def _past_misread(S: _Sent, i: int, R: _Res) -> bool:
    """A past-tense verb the tagger read as an adjective but lemmatised as a verb ("буркнул" →
    ADJ буркнуть): a verb lemma and a past-tense ending (``past_ending`` in function_words.tsv)."""
    return S.upos[i] == "ADJ" and S.feats[i].get("Variant") != "Short" \
        and S.lem[i].endswith(_INFINITIVE) \
        and S.low[i].endswith(tuple(R.fw.get("past_ending", ())))


def _speech_noun_cues(S: _Sent, R: _Res, taken) -> list[_Cue]:
    """A speech act named by a noun, with its source in the genitive (or a possessive) and its
    content right after: "заявление Пескова о том, что …", "призыв президента к перемирию",
    "после требования спикера угомониться", "его обещание снизить налоги".  The guideline
    counts a nominal speech act only with a named source and content; the nouns are the
    ``speech_act_noun`` words of ``attribution_words.tsv`` (content: a "что" clause or a topic
    with "о") and its ``directive_noun`` words (also an infinitive or "к"); the cue lemma is
    the noun's.
    ``taken``: token indices already inside another cue."""
    nouns, directive = R.words.get("speech_act_noun", set()), R.words.get("directive_noun", set())
    out = []
    for i in range(S.n):
        if i in taken or S.upos[i] != "NOUN" or (S.lem[i] not in nouns and S.lem[i] not in directive):
            continue
        spk = h = None
        if i > 0 and S.low[i - 1] in R.fw["poss"]:
            spk, h, e = (i - 1, i - 1), i - 1, i            # "его обещание …"
        elif S.lem[i] in nouns and i + 2 < S.n and S.text[i + 1] == "," and S.low[i + 2] in R.fw["comp"] \
                and S.upos[i + 2] == "SCONJ" and S.deprel[i].startswith("nsubj") \
                and not any(S.low[x] == "у" for x in range(max(0, i - 5), i)):
            # (only as the subject, "появилась информация, что …", "есть подозрение, что …": not an object
            # or after a preposition, whose holder is elsewhere, "дал информацию, что …", "из-за
            # опасений, что …", nor with a holder "у врачей есть подозрение")
            e = i         # "существует подозрение, что …": an agentless speech act with its clause (the
            # guideline leaves out only nominal speech acts with neither a clause nor a source)
        else:
            h = next((x for x in range(i + 1, min(S.n, i + 4)) if S.upos[x] in ("NOUN", "PROPN")), None)
            loc = h is not None and h == i + 2 and S.low[i + 1] in R.fw["loc"] and S.case(h) in ("Loc", None) \
                and (_media_at(S, h, R) or S.lem[h] in R.heads or S.upos[h] == "PROPN")
            if h is None or (S.case(h) not in ("Gen", None) and not loc) \
                    or any(S.bound(x) and S.text[x] not in QUOTE_CHARS for x in range(i + 1, h)):
                continue          # a quoted name may stand between: "Заява «Нафтогазу України» про те, що"
            # (a medium in the locative is the source too: "сообщения в СМИ о том, что …")
            spk = _np(S, h, i + 1 if not loc else h, S.n - 1)
            cut = next((x for x in range(h + 1, spk[1] + 1) if S.low[x].endswith(_REFLEXIVE_INFINITIVE)), None)
            if cut is not None:
                spk = (spk[0], cut - 1)     # "требования спикера угомониться": the infinitive is the content
            e = spk[1]
            source = S.feats[h].get("Animacy") == "Anim" or S.lem[h] in R.heads or S.text[h - 1] in QUOTE_CHARS \
                or any(S.upos[x] == "PROPN" or (S.ent_at(x) and str(S.ent_at(x)["type"]).upper() in ("PER", "ORG"))
                       or _media_at(S, x, R) for x in range(spk[0], e + 1))
            if not source:
                continue
        k = e + 1
        while k < S.n and S.text[k] in QUOTE_CHARS:
            k += 1
        if k >= S.n:
            continue
        frame = None
        if (S.low[k] in R.fw["about"] or S.low[k] == "в") and k + 2 < S.n and S.low[k + 1] in R.fw["this"] \
                and S.text[k + 2] == ",":
            k += 2                                           # "о том, что", "признание в том, что"
        if S.text[k] == "," and k + 1 < S.n and S.low[k + 1] in R.fw["comp"]:
            a, frame = k + 2, "that"
        elif S.low[k] in R.fw["comp"] and S.upos[k] == "SCONJ":
            a, frame = k + 1, "that"
        elif S.low[k] in R.fw["about"] and not (k + 1 < S.n and S.low[k + 1] in R.fw["this"]):
            a, frame = k, "nominal"                         # a topic, not the anaphoric "об этом"
        elif S.lem[i] in directive and (S.low[k] in R.fw["directive_prep"] or S.feats[k].get("VerbForm") == "Inf"
                                        or (S.upos[k] in ("VERB", "ADJ") and S.low[k].endswith(_INFINITIVE))
                                        or S.low[k].endswith(_REFLEXIVE_INFINITIVE)):   # "угомониться" read as a noun
            a, frame = k, "nominal"                         # "призыв … к перемирию", "обещание … закончить войну"
        if frame is None or a >= S.n:
            continue
        b = _first_bound(S, a)
        if frame == "nominal":
            b = next((x - 1 for x in range(a + 1, b + 1) if S.finite(x)), b)   # "к перемирию | остался …"
        if b < a:
            continue
        c = _Cue(S, i, (i, i), S.text[i], S.lem[i], "neutral", "", "noun")
        c.spk, c.spk_head, c.frame, c.ctok = spk, h, frame, (a, b)
        c.negated = _negated(S, i, R)
        out.append(c)
    return out
