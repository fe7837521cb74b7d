"""One sentence's finished cues: the cue finders, the speaker search and the content rules combined.

``_sentence_cues`` runs the finders of :mod:`.cues`, gives each cue its speaker
(:mod:`.speakers`, the parse first, the pattern as fallback) and its frame and
content (:mod:`.content`), and resolves the cases that need several cues at once
(coordinated verbs sharing a subject, a gapped second report, a quoted source
"передает слова министра").  ``_sentence_work`` adds the finished content and
the guideline's exclusions.
"""

from __future__ import annotations

import re

from ...lang.punct import LONG_DASHES
from .content import _finish_content, _frame, _reports_content, _requires_ok, _trim_contents, indefinite_predicative
from .cues import (_colon_cues, _dash_at, _source_phrase_cues, _speech_noun_cues, _verb_cues, after_direct_speech,
                   qualified_noun)
from .quotes import QUOTE_CHARS
from .sentence import (_Cue, _Sent, _agrees, _clause_left, _content_end, _en_pp_head, _first_bound, _in_quote,
                       _line_end, _markup, _media_at, _nomlike, _np, _subj_ok, _syn_span, _unsure_case, c_case,
                       agentless, dateline, dateline_end, neuter_short, support_verb, supported_object)
from .speakers import (_coordinated, _extend_to_name, _extend_to_quoted_name, _first_person, _left_candidate,
                       _loc_speaker, _nested_same_subject, _quoted_source, _relative_antecedent, _relative_author, _continued_subject, _right_candidate, _score,
                       _skip_addressee, _syn_subject)
from .words import _Res


_SIGNATURE = re.compile(r"^@\w+[ \t]*(?=\n|$)")


def _weak_cue(S: _Sent, c: _Cue, R: _Res) -> bool:
    """A verb of support without a proposal as its object ("Кабмин поддержал проект …"): no report,
    so it does not keep a trailing dash from being a credit ("… — источник РИА Новости")."""
    return support_verb(S, c.v, R) and not supported_object(S, c.cue[1] + 1, R)


def _noticed_content(S: _Sent, c: _Cue, R: _Res) -> bool:
    """What "обратить внимание на …" reports as content: a statement or publication ("на публикацию
    обратило внимание издание"), an action ("на снижение производства") or a noun of importance or
    need ("на необходимость …"), not a thing or person noticed ("на ролик", "на него")."""
    a, b = c.ctok if c.ctok else (c.cue[1] + 1, min(S.n - 1, c.cue[1] + 6))
    lo = _clause_left(S, c.cue[0])
    for x in list(range(a, min(b + 1, a + 3))) + list(range(lo, c.cue[0])):
        if 0 <= x < S.n - 1 and S.low[x] == "на":
            k = x + 1
            while k < S.n and S.upos[k] in ("ADJ", "DET", "NUM"):
                k += 1
            if k < S.n and S.upos[k] == "NOUN" and (
                    S.lem[k] in R.speech_acts or S.lem[k] in R.words.get("quoted_noun", ())
                    or S.lem[k] in R.words.get("noted_object", ()) or S.lem[k] in R.fw["doc_nouns"]
                    or _action_noun(S, k, k, R)):
                return True
    return False


def _action_noun(S: _Sent, a: int, b: int, R: _Res) -> bool:
    """The first noun of ``a..b`` (past its adjectives) is an action, not an addressee: inanimate,
    no entity, no speaker noun, with an action noun's ending (``action_suffix``): "к прекращению
    огня", not "к властям", "к ряду стран", "в Роспотребнадзор"."""
    x = a
    while x <= b and S.upos[x] in ("ADJ", "DET"):
        x += 1
    return x <= b and S.upos[x] == "NOUN" and S.feats[x].get("Animacy") == "Inan" and not S.ent_at(x) \
        and S.lem[x] not in R.heads and not _media_at(S, x, R) \
        and S.lem[x].endswith(tuple(R.words.get("action_suffix", ())) or ("\0",))

def _counted_span(S: _Sent, h: int, v: int) -> tuple[int, int]:
    """The subject's span, with the genitive the parse made a second subject of the same verb
    ("тысячи активистов потребовали": "тысячи" and "активистов" both ``nsubj``) joined to the
    quantity before it, so that the speaker is the people counted, not the number."""
    a, b = _syn_span(S, h)
    k = b + 1
    if k < v and S.head[k] == v and S.deprel[k] == "nsubj" and S.case(k) == "Gen" and S.upos[k] in ("NOUN", "PROPN"):
        b = max(b, _syn_span(S, k)[1])
    return a, b


def _sentence_cues(S: _Sent, R: _Res, syntax: bool, quotes) -> list[_Cue]:
    S.quote_spans = [(q.inner[0], q.inner[1]) for q in quotes if q.kind != "name"
                     and q.open < S.end[-1] and q.close > S.start[0]]
    cues = _verb_cues(S, R)
    phrase = _source_phrase_cues(S, R)
    covered = set()
    for c in phrase:
        covered.update(range(c.cue[0], c.cue[1] + 1))
    cues = [c for c in cues if c.v not in covered]
    final = []
    for c in cues:
        if c.pattern in ("participle", "passive"):
            final.append(c)   # the speaker is set (the qualified noun) or unnamed (a passive)
            continue
        v = c.v if c.pattern != "infinitive" else c.cue[0]
        head_v = v
        lem = c.verb_lemma
        impersonal = lem in R.fw["impersonal"] or S.low[c.v] in R.fw["impersonal"]
        spk_head = None
        if syntax and not impersonal:
            spk_head = _syn_subject(S, c.v, R)
            if spk_head is not None:
                c.spk = _counted_span(S, spk_head, c.v)
                a, b = c.spk
                if S.upos[spk_head] in ("ADJ", "DET") and b == spk_head and b + 1 < S.n \
                        and S.upos[b + 1] in ("NOUN", "PROPN") and S.case(b + 1) == S.case(spk_head):
                    # a parse that heads "объединённая пресс-служба судов" by its adjective
                    spk_head = b + 1
                    c.spk = (a, _syn_span(S, b + 1)[1])
                c.pattern += "+syntax"
        if spk_head is None and not impersonal and syntax:
            author = _relative_author(S, c.v, R)
            if author is not None:
                spk_head = author
                c.spk = _syn_span(S, author)
                c.pattern += "+relative_author"
            else:
                author = _continued_subject(S, c.v, R)
                if author is not None:
                    spk_head = author
                    c.spk = _syn_span(S, author)
                    c.pattern += "+continued"
        if spk_head is None and not impersonal:
            ante = _relative_antecedent(S, head_v, R)
            if ante is not None:
                spk_head = ante
                c.spk = _np(S, ante, 0, S.n - 1)
                c.pattern += "+relative"
        if spk_head is None and not impersonal:
            lc = _left_candidate(S, head_v, R)
            rc = _right_candidate(S, c.cue[1], R)
            if syntax and isinstance(lc, int) and S.deprel[lc] in ("obj", "iobj") and S.head[lc] == c.v \
                    and any(S.deprel[x] == "xcomp" and S.upos[x] in ("NOUN", "ADJ") for x in S.children[c.v]):
                lc = None         # "Такие грибы называют лисичками": the one named, the object of the parse
            if lc == "coord":
                c.inherited = True
                lc = None
                k = head_v - 1
                while k >= 0 and S.low[k] not in R.fw["coord"] and S.text[k] != ",":
                    k -= 1
                k0 = k - 1 if k >= 1 and S.text[k - 1] == "," else k     # "молчал, а потом произнес"
                f = next((x for x in range(k0 - 1, max(-1, k0 - 12), -1) if S.finite(x) or S.bound(x)), None)
                if f is not None and S.finite(f):
                    lc2 = _left_candidate(S, f, R)
                    if not isinstance(lc2, int):
                        # "Пришел функционер и сказал": the first verb's subject after it
                        lc2 = _right_candidate(S, f, R, hi=k - 1)
                        if isinstance(lc2, int) and not (_agrees(S, head_v, lc2) and _nomlike(S, lc2)):
                            lc2 = None
                    if isinstance(lc2, int):
                        lc = lc2
            if isinstance(rc, int) and any(l in R.words.get("addressee_verb", ()) for l in S.lems[c.v]):
                p = head_v - 1
                while p >= 0 and (S.upos[p] in ("ADV", "PART") or S.low[p] in R.fw["neg"]):
                    p -= 1
                if (p >= 0 and not S.bound(p) and S.low[p] not in R.fw["how"]) or S.case(rc) not in (None, "Nom") \
                        or S.deprel[rc] in ("obj", "iobj") or S.low[rc].endswith(tuple(R.fw.get("acc_ending", ()))):
                    rc = None     # "проинформировал Международный комитет", "спросила Навальную": the one addressed
                    # (an object for the parse, or an accusative ending whatever the tagger's case)
            sl, sr = _score(S, head_v, lc, R, "left"), _score(S, head_v, rc, R, "right")
            if syntax and max(sl, sr) < 0 and S.lang != "en":
                k = _ovs_subject(S, head_v, R)
                if k is not None:
                    rc, sr = k, 0.0
            if max(sl, sr) >= 0:
                spk_head = lc if sl >= sr else rc
                c.spk = _np(S, spk_head, 0, S.n - 1)
                if c.spk[0] <= c.cue[1] < spk_head:
                    c.spk = (c.cue[1] + 1, c.spk[1])     # the cue is no part of the speaker ("буркнул брат")
                if S.lang == "en" and sl >= sr:
                    c.spk, spk_head = _en_pp_head(S, c.spk, spk_head)
                c.inherited = False
                c.pattern += "+left" if sl >= sr else "+right"
        if spk_head is None and S.feats[c.v].get("VerbForm") == "Part" and S.feats[c.v].get("Variant") != "Short" \
                and S.feats[c.v].get("Voice") != "Pass":
            h = qualified_noun(S, c.v)     # "Активисты, выступающие против строительства": the noun qualified
            if h is not None:
                spk_head = h
                c.spk = _np(S, h, 0, c.v - 1)
                c.pattern += "+participle"
        c.quoted_src = _quoted_source(S, c, R, syntax, spk_head)
        if spk_head is None and not impersonal and c.quoted_src:
            # "— цитирует сообщение Минобороны России РБК", "приводит слова Лукашенко госагентство
            # Белта": the medium closes the clause after the quoted speaker
            h = _medium_after_quoted(S, c.v, c.quoted_src[0][1] + 1, R, syntax)
            if h is not None:
                spk_head, c.spk = h, _np(S, h, h, S.n - 1)
                c.pattern += "+after_quoted"
        # a dialogue tag after direct speech ("— Как это? — удивился я"): the narrator is a speaker
        tag = S.lang != "en" and after_direct_speech(S, c.cue[0], adverb=True)
        if spk_head is None and not impersonal and not _in_quote(S, c.v) and not tag \
                and _first_person(S, c, R, syntax) is not None:
            continue          # "Ранее мы писали": the author's own voice
        if spk_head is None and not impersonal and (tag or _in_quote(S, c.v) and S.feats[c.v].get("Tense") == "Past"):
            # narrated speech inside a quotation ("«Я у него спросил: …»"), not the speaker's own "я считаю"
            spk_head = _first_person(S, c, R, syntax)
            if spk_head is not None and c.verb_class == "belief":
                continue      # "«…мы сочли, что …»", "«Я думал, что …»": the quoted speaker's own past
                # belief is the quotation itself, as the present "я считаю" (issue #12, ninth round)
            if spk_head is not None:
                c.spk = (spk_head, spk_head)
                c.pattern += "+first_person"
        c.spk_head = spk_head
        after = _past_dateline(S, c) if c.spk is not None else None
        if after is not None:
            spk_head = c.spk_head = after
            c.spk = _np(S, after, S.dateline + 1, c.cue[0] - 1)
        if c.spk is not None:
            _skip_addressee(S, c, R)
            spk_head = c.spk_head
        if c.spk is not None:
            c.spk = _extend_to_name(S, c.spk, spk_head, c.cue[0], R)
        if spk_head is None:
            plural = S.feats[c.cue[0]].get("Number") == "Plur" or S.feats[c.v].get("Number") == "Plur" \
                or (S.lang == "en")
            if impersonal or plural:
                span, h, speech = _loc_speaker(S, c.v, R, want_speech=impersonal,
                                               speech_class=c.verb_class in ("neutral", "endorsing"))
                if speech is not None and impersonal and span is None:
                    # "говорится в сообщении" with no owner named: the document itself is the source
                    # (guideline: "Without an owner the document NP itself is the speaker"); the cue is the verb
                    j, k = speech
                    a = j + 1 if S.upos[j] == "ADP" and j < k else j
                    c.spk, c.spk_head = (a, k), k
                    named = _extend_to_quoted_name(S, (a, k), c.v)
                    if named != (a, k):
                        c.spk = (k + 1, named[1])     # "говорится в заявлении «Укрэнерго»": the quoted owner
                    c.pattern += "+document"
                elif speech is not None and impersonal:
                    j, k = speech
                    c.verb = f"{c.verb} {' '.join(S.text[j:k + 1])}" if j > c.v else f"{' '.join(S.text[j:k + 1])} {c.verb}"
                    c.head_lemma = c.head_lemma or c.verb_lemma
                    c.verb_lemma = S.lem[k]
                    c.cue = (min(c.cue[0], j), max(c.cue[1], k))
                if span is not None:
                    c.spk, c.spk_head = span, h
                    c.pattern += "+locative"
        if c.spk is None and S.upos[c.v] == "ADJ" and S.feats[c.v].get("Variant") == "Short" and _in_quote(S, c.v):
            continue          # «Уверен, что …»: the quoted speaker's own stance, its "я" dropped
        final.append(c)
    for c in phrase:
        if c.spk is not None and c.pattern.startswith("according_to"):
            # "По данным грузинской службы «Радио Свобода»": the medium's quoted name is part of it
            h = c.spk_head if c.spk_head is not None else c.spk[0]
            h = next((x for x in range(h, c.spk[1] + 1) if S.upos[x] in ("NOUN", "PROPN")), h)
            c.spk = _extend_to_name(S, c.spk, h, c.cue[0], R, phrase=True)
    final += phrase
    final += _speech_noun_cues(S, R, {x for d in final for x in range(d.cue[0], d.cue[1] + 1)})
    # a headline colon whose content holds a report of its own is a label ("UPD: В Автодоре сообщили, что …")
    final += [c for c in _colon_cues(S, R, quotes) if not any(c.cue[0] <= x.v <= c.cue[1] for x in final)
              and not (c.pattern == "colon" and c.ctok and S.text[c.ctok[0]] not in QUOTE_CHARS
                       and any(c.ctok[0] <= x.cue[0] <= _line_end(S, c.ctok) for x in final))
              # "Завахири заявил, что … — Уоррен Вайнштейн": a dash inside a reported clause is no credit
              and not (c.pattern == "dash" and any(x.cue[0] < c.cue[0] and not _weak_cue(S, x, R) for x in final))
              # "— …! — завопил Петя": the dialogue tag's verb, read as a name, is no credit's speaker
              and not (c.pattern == "dash" and c.spk and any(c.spk[0] <= x.v <= c.spk[1] for x in final))]
    final.sort(key=lambda c: c.cue[0])
    # speakers of coordinated and gerund verbs: "сказал …, и пообещал", "добавив, что"
    for k, c in enumerate(final):
        vf = S.feats[c.v].get("VerbForm")
        if vf == "Conv" and k > 0 and final[k - 1].spk is not None and final[k - 1].pattern.startswith(("verb", "collocation")) \
                and not c.pattern.startswith("reference"):
            c.spk = None          # "…, — сказал он, добавив, что …": the gerund's subject is the speaker
        if c.spk is None and c.pattern.startswith(("verb", "infinitive", "collocation")):
            if (c.inherited or vf == "Conv" or _coordinated(S, c, R)) and S.feats[c.v].get("Variant") != "Short":
                # (a short passive has no subject to share: "«…», написано в статье")
                # (not the source of an impersonal verb, which is no subject: "резолюцию, в которой
                # говорится …, и призвал": the subject of "принял")
                prev = next((p for p in reversed(final[:k]) if p.spk is not None
                             and p.pattern.startswith(("verb", "infinitive", "collocation", "colon"))
                             and (p.head_lemma or p.verb_lemma) not in R.fw["impersonal"] and not _weak_cue(S, p, R)), None)
                if prev is not None:
                    c.spk, c.spk_head, c.inherited = prev.spk, prev.spk_head, True
                    c.speaker_override = prev.speaker_override
                    c.pattern += "+coordinated"
            g = c.v
            while syntax and S.deprel[g] == "conj" and 0 <= S.head[g] < S.n and S.feats[S.head[g]].get("VerbForm") == "Conv":
                g = S.head[g]     # "демонстрируя …, выступая за …": coordinated gerunds
            main = S.head[g] if syntax and 0 <= S.head[g] < S.n and (
                (S.deprel[g].startswith("advcl") and S.upos[S.head[g]] in ("VERB", "AUX"))
                or (S.deprel[g] == "conj" and S.finite(S.head[g]))) else None
            if c.spk is None and vf == "Conv" and main is not None:
                # "Гоув играл роль миротворца, … выступая за жесткий вариант": a gerund's subject is its
                # main verb's, whether that verb reports or not
                h = _syn_subject(S, main, R)
                if h is None and main in getattr(S, "cut_roots", ()):
                    # a main verb left without its subject where the parse hung it on another line
                    # ("МИД Украины откликнулся на статью …, заявив, что …" after a headline): the words
                    # before it, as the pattern reads them
                    h = _left_candidate(S, main, R)
                    h = h if isinstance(h, int) and _subj_ok(S, h, R) else None
                if h is not None and not (c.cue[0] <= h <= c.cue[1]):
                    c.spk, c.spk_head, c.inherited = _syn_span(S, h), h, True
                    c.pattern += "+gerund"
    for c in final:
        if not c.frame:
            _frame(S, c, R)
    for c in final:
        outer = [d for d in final if d is not c and d.frame == "that" and d.ctok and d.ctok[0] <= c.cue[0] <= d.ctok[1]
                 and not _weak_cue(S, d, R)]
        if c.spk is None and outer and c.pattern.startswith(("verb", "infinitive", "collocation")) \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"] \
                and (S.feats[c.v].get("Variant") != "Short" or c.verb_lemma.startswith(("быть ", "бути "))) \
                and (outer[-1].head_lemma or outer[-1].verb_lemma) not in R.fw["impersonal"] \
                and _nested_same_subject(S, c, outer[-1], R):
            # a report nested in another's clause with its subject left out: "заявил, что считает
            # ошибкой …", "сказал, что уверен в том, что …" (a predicative; not the agentless
            # "сказано") reports the same speaker
            d = outer[-1]
            c.spk, c.spk_head, c.speaker_override = d.spk, d.spk_head, d.speaker_override
            c.pattern += "+nested"
    kept = []
    for c in final:
        if c.pattern.startswith(("verb", "infinitive")) and not _requires_ok(S, c, R, quotes):
            continue
        if c.spk is None and c.pattern.startswith("verb"):
            _relative_document(S, c, R)
        if (c.head_lemma or c.verb_lemma) in R.words.get("provision_verb", ()) and c.spk_head is not None \
                and S.lem[c.spk_head] in R.words.get("provision_subject", ()):
            continue          # "Инициатива предполагала, что …", "План подразумевает …": a provision (guideline), no report
        k = c.cue[0] - 1
        while k >= 0 and S.upos[k] in ("ADV", "AUX", "PART"):
            k -= 1       # "как уже было сказано"
        if (c.frame == "as" or (k >= 0 and S.low[k] == "как")) and c.spk is None \
                and c.verb_lemma in R.words.get("saying_idiom", ()) and (c.cue[1] + 1 >= S.n or S.bound(c.cue[1] + 1)):
            continue          # "Как говорится, лучше поздно, чем никогда": a saying, no source ("как говорится в …" stays)
        if c.pattern.startswith("collocation") and c.frame in ("nominal", "none") \
                and any(w in R.words.get("attention_noun", ()) for w in c.verb_lemma.split()[1:]) \
                and not _noticed_content(S, c, R):
            continue          # "обратило внимание на ролик", "обратил на него внимание": noticing, no report
        if c.pattern.startswith("collocation") and c.frame == "nominal" and c.ctok and not c.negated \
                and S.low[c.ctok[0]] in R.words.get("addressee_prep", ()) \
                and not any(S.case(x) == "Loc" for x in range(c.ctok[0] + 1, min(c.ctok[1] + 1, c.ctok[0] + 4))) \
                and not any(S.low[x] in R.fw["about"] or S.text[x] in QUOTE_CHARS for x in range(c.ctok[0], c.ctok[1] + 1)) \
                and not (c.verb_class == "directive" and _action_noun(S, c.ctok[0] + 1, c.ctok[1], R)):
            continue          # "обратились с жалобой в Роспотребнадзор": only the addressee, no reported content
            # (not what is called for: "выступил с призывом к прекращению огня")
            # (not a charge in the locative: "выдвинул обвинения в совершении …")
        if c.pattern.startswith("verb") and c.spk is None and c.frame in ("nominal", "none") and S.lang != "en" \
                and after_direct_speech(S, c.cue[0], adverb=True) \
                and (c.cue[1] + 1 >= S.n or S.text[c.cue[1] + 1] in (",", ".", "!", "?", "…", *LONG_DASHES)):
            # "— А почему, — говорит, — у тебя …": a dialogue tag with its subject left out (nothing
            # after the verb but the end or the line going on); the words said are the line before its
            # dash (the guideline: a zero subject, an empty speaker)
            d = c.cue[0] - 1
            while d > 0 and not _dash_at(S, d):
                d -= 1
            if d - 2 >= 0:
                c.frame, c.ctok = "inverted", (0, d - 2)
        if c.pattern.startswith(("verb",)) and c.spk is None and c.frame in ("nominal", "none") and not c.quoted_src \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"] \
                and not (neuter_short(S, c.v) and c.verb_class in ("neutral", "endorsing")):
            # (the neuter short passive of a verb of saying is agentless and kept: "Также заявлено о
            # введении …"; not an order, "приказано")
            # (a quoting verb whose object names the quoted speaker, "…, приводит слова Климкина", is a
            # report with its medium left out: kept, the quoted speaker's row beside it)
            # a bare verb with no speaker and no reported content is not a report; an indefinite-
            # personal plural with a topic or an infinitive is ("сообщили о …", "пообещали выплатить …")
            a, b = c.ctok if c.ctok else (c.v + 1, c.v)
            f = S.feats[c.v]
            indefinite = f.get("VerbForm") in (None, "Fin") and f.get("Person") in (None, "3") and c.frame == "nominal" and (
                (S.low[a] in R.fw["about"] and c.verb_class in ("neutral", "endorsing"))
                or (c.verb_class in ("directive", "commissive")      # "пообещали выплатить", "предостерегли от …"
                    and any(S.feats[x].get("VerbForm") == "Inf" or S.low[x] in R.fw["directive_prep"]
                            for x in range(a, min(b + 1, a + 4))))
                or indefinite_predicative(S, c, R)       # "Ее считают пророссийской", "Их называют виновными"
                or (c.verb_class == "accusation" and S.low[a] in R.fw["charge_prep"])   # "обвинили в махинациях"
                or (c.verb_class == "admission" and any(S.case(x) == "Ins" and S.upos[x] == "ADJ"
                                                        for x in range(a, min(b + 1, a + 3)))
                    and any(S.low[x] in R.fw["charge_prep"] for x in range(a, min(b + 1, a + 5)))))   # "признали виновным в"
            if c.verb_class == "emotive" and f.get("VerbForm") in (None, "Fin") and f.get("Number") == "Plur" \
                    and f.get("Person") in (None, "3"):
                # "На соседа жаловались": a complaint about someone, the preposition fronted or not
                lo = _clause_left(S, c.v)
                indefinite = indefinite or any(S.low[x] in R.fw["complaint_prep"] and S.case(x + 1) == "Acc"
                                               for x in range(lo, min(S.n - 1, c.v + 4)) if x != c.v)
            if not indefinite and not (c.negated and c.verb_class in ("neutral", "endorsing", "refusal")):
                continue      # kept only as a refused or negated speech event (negated="keep"); not
                # "материалы, которые не требуют усилий"
        if c.spk is not None and c.ctok is not None and c.ctok[0] <= c.spk[0] <= c.ctok[1] and (
                c.frame in ("that", "colon")
                or ("+locative" in c.pattern and any(S.feats[x].get("VerbForm") == "Inf" for x in range(c.ctok[0], c.spk[0])))):
            # the speaker found inside the reported clause is not the speaker (nor a place in an
            # infinitive's content: "требуют закрыть в столичном ТЦ")
            c.spk = None
        if c.spk is not None and c.frame in ("that", "colon") and c.pattern.startswith("verb") \
                and any(l in R.words.get("thing_verb", ()) for l in S.lems[c.v]) \
                and "+locative" not in c.pattern and "+document" not in c.pattern and _thing_subject(S, c, R) \
                and S.lem[c.spk_head if c.spk_head is not None else c.spk[1]] not in R.fw["doc_nouns"] \
                and S.lem[c.spk_head if c.spk_head is not None else c.spk[1]] not in R.speech_acts:
            continue          # "Интуиция подсказывает, что …", "цифры говорят, что …": a metaphor, no source
        if c.spk is not None and c.frame in ("nominal", "none") and c.pattern.startswith(("verb", "collocation")) \
                and "+locative" not in c.pattern:
            h = c.spk_head if c.spk_head is not None else c.spk[1]
            a_, b_ = c.spk
            if _thing_subject(S, c, R):
                # an inanimate subject of a verb that things do too ("ситуация говорит о"); the subject
                # of a verb only speakers do ("генштаб заявил", "разведка опровергла") is an organisation
                span, lh, _ = _loc_speaker(S, c.v, R, want_speech=False) \
                    if S.feats[c.v].get("Number") == "Plur" else (None, None, None)
                if span is not None and span[0] < a_ <= span[1]:
                    span = (span[0], a_ - 1)        # the locative phrase ends where the object begins
                elif span is not None and lh == a_ < h:
                    span = (lh, lh)                 # the pattern read "компанії такі кроки" as one phrase
                if span is None or span[0] > c.v or not span[0] <= lh <= span[1] or span[0] <= h <= span[1]:
                    outer = [d for d in final if d is not c and d.frame == "that" and d.ctok and d.spk is not None
                             and d.ctok[0] <= c.cue[0] <= d.ctok[1] and d.spk_head is not None
                             and S.feats[d.v].get("VerbForm") in (None, "Fin")
                             and S.feats[d.v].get("Gender") == S.feats[c.v].get("Gender")
                             and S.feats[d.v].get("Number") == S.feats[c.v].get("Number")
                             and S.feats[c.v].get("VerbForm") in (None, "Fin") and S.text[c.cue[0] - 1] in R.fw["coord"]]
                    if not outer:
                        continue      # "ситуация говорит о", "конституция гарантирует право"
                    # "Путин заявил, что конфликт стал глобальным, и угрожал ударами": a thing cannot threaten;
                    # the verb after "и" is the reporter's, coordinated with the outer report
                    c.spk, c.spk_head, c.speaker_override = outer[-1].spk, outer[-1].spk_head, outer[-1].speaker_override
                    c.inherited = True        # the outer report's content ends before it
                    c.pattern += "+nested"
                    kept.append(c)
                    continue
                # "В компании такие шаги пояснили необходимостью …": a fronted object read as the
                # subject of an indefinite-personal verb; the source is the locative before it
                c.spk, c.spk_head = span, lh
                c.pattern += "+locative"
        kept.append(c)
    out = []
    for c in kept:
        if c.spk is None and c.pattern.startswith(("verb", "infinitive", "collocation")) \
                and (c.head_lemma or c.verb_lemma) not in R.fw["impersonal"] and S.feats[c.v].get("Variant") != "Short" \
                and any(d is not c and d.ctok and d.ctok[0] <= c.cue[0] <= d.ctok[1] and d.frame != "that" for d in kept):
            continue          # a report inside another's quotation with its speaker left out
        # nested in a reported clause with no subject it shares ("SHOT писал, что Хрущёву попросили …"):
        # an indefinite-personal report, kept with an empty speaker
        out.append(c)
    kept = out
    kept += _gapped(S, kept, R) + _quoted_rows(S, kept)
    _trim_contents(S, kept, R)
    for c in kept:
        _cut_at_line_break(S, c)
        _trim_adverbs(S, c)
    return kept


def _trim_adverbs(S: _Sent, c: _Cue) -> None:
    """Adverbs and particles at the edges of a speaker span, and a preposition before it, are
    not part of the noun phrase ("ещё европейские политики", "Южнокорейские вайбы прямо
    сейчас", "с бывшими соратниками, которые обвиняют …")."""
    if c.spk is None:
        return
    a, b = c.spk
    h = c.spk_head if c.spk_head is not None and a <= c.spk_head <= b else None
    while a < b and S.upos[a] in ("ADV", "PART", "ADP") and a != h and S.text[a] not in QUOTE_CHARS:
        a += 1            # and a preposition: "с бывшими соратниками, которые обвиняют …"
    while b > a and S.upos[b] in ("ADV", "PART") and b != h and S.text[b] not in QUOTE_CHARS:
        b -= 1
    c.spk = (a, b)


def _cut_at_line_break(S: _Sent, c: _Cue) -> None:
    """A speaker span never crosses a line break ("— мэр\n\nМэр Москвы Сергей Собянин
    объявил" is a headline and the next paragraph's subject): the part holding the head,
    else the part next to the cue, is kept."""
    if c.spk is None or not getattr(S, "nl", None):
        return
    a, b = c.spk
    cuts = [x for x in range(a + 1, b + 1) if x in S.nl]
    if not cuts:
        return
    parts, lo = [], a
    for x in cuts:
        parts.append((lo, x - 1))
        lo = x
    parts.append((lo, b))
    h = c.spk_head
    keep = next((p for p in parts if h is not None and p[0] <= h <= p[1]), None)
    if keep is None:
        keep = parts[-1] if b < c.cue[0] else parts[0]
    c.spk = keep
    if h is None or not keep[0] <= h <= keep[1]:
        c.spk_head = keep[1] if b < c.cue[0] else keep[0]


def _quoted_rows(S: _Sent, cues: list[_Cue]) -> list[_Cue]:
    """Double attribution: the quoted speaker's row beside the quoting medium's."""
    out = []
    for c in cues:
        if not c.quoted_src:
            continue
        span, h, noun = c.quoted_src
        if c.ctok and c.ctok[0] <= span[0] <= c.ctok[1]:
            continue      # the object is inside the content, not the quoted speaker
        if c.spk is not None and span[0] < c.spk[0] <= span[1]:
            e = c.spk[0] - 1      # "слова министра агентство Интерфакс": the medium is no part of it
            while e > span[0] and S.text[e] in QUOTE_CHARS:
                e -= 1            # nor its opening quotation mark ("цитирует прокурора «Медиазона»")
            span = (span[0], e)
        if noun is not None:
            g = _Cue(S, noun, (noun, noun), S.text[noun], S.lem[noun], c.verb_class, "", "verb+quoted")
        else:
            g = _Cue(S, c.v, c.cue, c.verb, c.verb_lemma, c.verb_class, "", c.pattern.split("+")[0] + "+quoted")
        g.spk, g.spk_head, g.frame, g.ctok = span, h, c.frame, c.ctok
        out.append(g)
    return out


def _gapped(S: _Sent, cues: list[_Cue], R: _Res) -> list[_Cue]:
    """A gapped second subject reuses the cue: "одни утверждают, что …, другие — что …",
    "администрация сообщала о шести …, а Зеленский — о семи" give a row for "другие" and
    "Зеленский" with the first verb as cue; the first content ends before the comma."""
    out = []
    for c in cues:
        if not c.ctok or c.spk is None or not c.pattern.startswith(("verb", "collocation")) or "+document" in c.pattern:
            continue
        a, b = c.ctok
        b = max(b, _content_end(S, a))
        for k in range(a + 1, b):
            if S.text[k] != ",":
                continue
            j = k + 1
            if j <= b and S.low[j] in R.fw["coord"]:
                j += 1
            d = next((x for x in range(j, min(b, j + 6) + 1) if S.text[x] in LONG_DASHES), None)
            if d is None or d == j or d + 1 > b:
                continue
            if any(S.finite(x) or S.bound(x) or S.upos[x] in ("VERB", "SCONJ", "ADP") for x in range(j, d)):
                continue
            h = next((x for x in range(d - 1, j - 1, -1) if S.upos[x] in ("NOUN", "PROPN", "PRON", "ADJ", "DET", "X")), None)
            if h is None or not (_nomlike(S, h) or _unsure_case(S, h)) or not _subj_ok(S, h, R):
                continue
            nxt = S.low[d + 1]
            if not (nxt in R.fw["comp"] or nxt in R.fw["about"] or S.upos[d + 1] in ("NUM", "ADV")
                    or S.case(d + 1) == c_case(S, c)):
                continue
            g = _Cue(S, c.v, c.cue, c.verb, c.verb_lemma, c.verb_class, c.requires, c.pattern.split("+")[0] + "+gapped")
            g.spk, g.spk_head, g.frame, g.head_lemma = (j, d - 1), h, c.frame, c.head_lemma
            start = d + 2 if nxt in R.fw["comp"] else d + 1
            end = b if c.frame == "that" else min(b, _first_bound(S, start))
            g.ctok = (start, end) if start <= end else None
            c.ctok = (a, k - 1)
            out.append(g)
            break
    return out


def _ovs_subject(S: _Sent, v: int, R: _Res):
    """Object-verb-subject order: "Проект активно критикуют США, Польша и страны Балтии" (the
    parse reads both nouns as objects). With an object before the verb, a noun or name after
    it that the parse makes an object or subject, whose case may be the nominative (an
    indeclinable name, a nominative conjunct), agreeing in number (a coordination is
    plural), in the same clause."""
    if not any(S.deprel[k] == "obj" and k < v for k in S.children[v]):
        return None
    for k in S.children[v]:
        if k <= v or S.deprel[k] not in ("obj", "nsubj") or S.upos[k] not in ("NOUN", "PROPN") \
                or any(S.bound(x) or x in getattr(S, "nl", ()) for x in range(v + 1, k + 1)) or not _subj_ok(S, k, R):
            continue
        conj = [x for x in S.children[k] if S.deprel[x] == "conj"]
        nom = S.case(k) in (None, "Nom") or _unsure_case(S, k) or any(S.case(x) == "Nom" for x in conj)
        number = "Plur" if conj else S.feats[k].get("Number")
        if nom and (S.feats[v].get("Number") in (None, number) or number is None):
            return k
    return None


def _medium_after_quoted(S: _Sent, v: int, j: int, R: _Res, syntax: bool):
    """The subject after a quoting verb's object "слова/заявление X": the parse's subject or
    indirect object of the verb standing there (a medium the tagger read as a dative or a verb:
    "РБК", "госагентство Белта"), else, past a prepositional phrase ("со встречи с Байденом"),
    the first noun or name in the nominative (or of no case) that ends the clause; None if
    there is none."""
    if syntax:
        k = next((k for k in S.children[v] if k >= j and S.deprel[k] in ("nsubj", "iobj")
                  and S.upos[k] in ("NOUN", "PROPN", "X", "VERB") and S.text[k][:1].isalpha()), None)
        if k is not None and not any(S.bound(x) for x in range(j, k + 1)) \
                and all(S.upos[x] in ("NOUN", "PROPN", "X", "PUNCT") or x == k for x in range(k, _first_bound(S, k))):
            return k
    in_pp = False
    while j < S.n and (S.text[j] in QUOTE_CHARS or not S.bound(j)):
        if S.text[j] in QUOTE_CHARS:
            pass              # "«Медиазона»"
        elif S.upos[j] == "ADP":
            in_pp = True
        elif S.upos[j] in ("NOUN", "PROPN", "X") and S.text[j - 1] in QUOTE_CHARS:
            e = next((x for x in range(j + 1, min(S.n, j + 6)) if S.text[x] in QUOTE_CHARS), None)
            # a quoted name closing the clause, whatever the tagger's case ("«Медиазона»")
            return j if e is not None and (e + 1 >= S.n or S.bound(e + 1)) else None
        elif S.upos[j] in ("NOUN", "PROPN", "X"):
            if S.case(j) == "Nom" or (S.case(j) is None and (not in_pp or S.upos[j - 1] not in ("ADP",))):
                e = j
                while e + 1 < S.n and not S.bound(e + 1):
                    e += 1
                if _subj_ok(S, j, R) and all(S.upos[x] in ("NOUN", "PROPN", "X", "ADJ", "PUNCT", "NUM") for x in range(j, e + 1)):
                    return j
                return None
        elif S.upos[j] not in ("ADJ", "DET", "NUM"):
            return None
        j += 1
    return None


def _thing_subject(S: _Sent, c: _Cue, R: _Res) -> bool:
    """The speaker is a thing, not a source: an inanimate common noun that is no speaker
    noun, entity, medium or organisation ("ситуация говорит о", "интуиция подсказывает"),
    with a verb that things do too (not "генштаб заявил", "разведка опровергла")."""
    h = c.spk_head if c.spk_head is not None else c.spk[1]
    a_, b_ = c.spk
    org_inside = any((S.ent_at(x) and str(S.ent_at(x)["type"]).upper() == "ORG") or _media_at(S, x, R)
                     for x in range(a_, b_ + 1))          # "Страны НАТО пообещали …"
    people = h + 1 <= b_ and S.case(h + 1) == "Gen" and S.feats[h + 1].get("Number") == "Plur" and (
        S.feats[h + 1].get("Animacy") == "Anim"         # "Сотни человек пожаловались", "десятки жителей"
        or (S.upos[h + 1] == "VERB" and S.feats[h + 1].get("VerbForm") == "Part"))   # "сотни протестующих"
    speech_only = any(l in R.words.get("speech_only_verb", ()) for l in S.lems[c.v])
    return S.upos[h] == "NOUN" and S.feats[h].get("Animacy") == "Inan" and S.lem[h] not in R.heads and not people \
        and not speech_only \
        and not S.ent_at(h) and not _media_at(S, h, R) and not org_inside \
        and not (S.text[h][:1].isupper() and h > 0 and not S.bound(h - 1) and not _markup(S, h - 1))


def _in_name(S: _Sent, c: _Cue, quotes, text: str) -> bool:
    """The cue is a word of a quoted name ("проект «Говорит НеМосква»", "фильм «Скажи
    что-нибудь»"), not a report: a short capitalised quotation that is neither introduced
    by a colon or a dash nor closed as a sentence."""
    a = S.start[c.cue[0]]
    for q in quotes:
        if q.kind != "name" or not (q.open < a < q.close):
            continue
        before = text[:q.open].rstrip()
        inner = text[q.open + 1:q.close].rstrip()
        if not before.endswith((":", *LONG_DASHES)) and not inner.endswith((".", "!", "?", "…")):
            return True
    return False


def _past_dateline(S: _Sent, c: _Cue):
    """"Москва. 8 июля. INTERFAX.RU - Пилоты объявили …": the subject the parse took is the
    agency of the dateline (``S.dateline``, :func:`dateline_end`); the subject is the nominative
    noun after the dash.  Its head, or None."""
    d = S.dateline
    a, b = c.spk
    if d is None or not (b < d < c.cue[0] - 1):
        return None
    return next((x for x in range(d + 1, c.cue[0]) if S.upos[x] in ("NOUN", "PROPN") and _nomlike(S, x)), None)


def _sentence_work(S, R, syntax, quotes, text):
    """The finished cues of one sentence."""
    before = text[:S.start[0]].rstrip(" \t*_")
    # a channel's signature after the last sentence of a line ("… — глава МИД Венгрии. @banksta")
    after = _SIGNATURE.sub("", text[S.end[-1]:].lstrip(" \t*_"), count=1)
    S.line_start = not before or before.endswith("\n")
    S.line_end = not after or after.startswith("\n")
    S.nl = {i for i in range(1, S.n) if "\n" in text[S.end[i - 1]:S.start[i]]}
    S.dateline = dateline_end(S, R)
    cues = [c for c in _sentence_cues(S, R, syntax, quotes) if not _in_name(S, c, quotes, text)]
    for c in cues:
        _finish_content(S, c, R, quotes, text)
    cues = [c for c in cues if _reports_content(S, c, R)
            # "МОСКВА, 12 ноя — РИА Новости.": an agency's dateline is no credit of the words before it
            and not (c.pattern.startswith("dash") and dateline(S, 0, c.cue[0], R, dated=True))]
    for c in cues:
        # "Об этом сообщает The Guardian, передает УНН": the second credit has the first as content
        if c.ctok and c.frame in ("inverted", "as"):
            c.credit = any(d is not c and d.frame == "anaphoric" and c.ctok[0] <= d.cue[0] <= c.ctok[1]
                           for d in cues)
    return cues


def _relative_document(S: _Sent, c: _Cue, R: _Res) -> None:
    """An agentless report in a relative clause about a document takes the document as its
    speaker, with its owner when it has one: "подписан указ, где говорится о …", "опубликовано
    письмо, в котором говорится, что …" (the guideline: a document with an owner gets the owner,
    without one the document NP itself)."""
    if not agentless(S, c, R):
        return
    k = c.cue[0] - 1
    while k >= 0 and S.upos[k] in ("ADV", "PART") and S.low[k] != "где":
        k -= 1
    if k >= 1 and S.lem[k] == "который" and S.low[k - 1] in ("в", "во"):
        k -= 1
    elif not (k >= 0 and S.low[k] == "где"):
        return
    j = k - 1
    if j >= 0 and S.text[j] == ",":
        j -= 1
    while j >= 0 and j >= k - 4 and S.upos[j] in ("NOUN", "PROPN", "ADJ", "X", "DET"):
        h = j
        if S.lem[h] in R.fw["doc_nouns"] or S.lem[h] in R.speech_acts or S.lem[h] in R.words.get("rule_doc", ()):
            own = h + 1
            if own < k and S.upos[own] in ("NOUN", "PROPN", "X") and S.case(own) in ("Gen", None):
                c.spk, c.spk_head = _np(S, own, own, k - 1), own
            else:
                c.spk, c.spk_head = (h, h), h
            c.pattern += "+relative_document"
            return
        j -= 1
