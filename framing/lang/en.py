"""English language rules: abbreviations, clitics, closed-class words and suffixes for tagging.

Everything here is written for this project (no data copied from elsewhere):
a rule-based tagger's lexicon of function words with their usual UD part of
speech, lists of common open-class words whose suffix misleads, and the
abbreviations after which a full stop does not end a sentence.
"""

from __future__ import annotations

#: Abbreviations (lowercase, without the final dot) after which a full stop does not end a sentence
#: when a capitalised word follows.  Single letters (initials: "J. Smith") are handled separately.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj brig pres rev st mt ft jr sr
inc ltd co corp bros dept univ assn est approx vs etc al cf eg ie viz fig no nos vol pp ed eds
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
u.s u.k u.n e.u u.s.a d.c a.m p.m e.g i.e n.y l.a
""".split())

#: Abbreviations that often end a sentence too ("... in the U.S. The next day"): a capitalised
#: function word after them starts a new sentence.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u u.s.a d.c a.m p.m etc inc ltd co corp".split())

#: Clitics split off a word (Penn Treebank / UD English convention); lowercase, straight apostrophe.
CLITICS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")

APOSTROPHES = "'’ʼ‘`"


def normalize_apostrophes(s: str) -> str:
    """Write every apostrophe as the straight one (for lexicon lookups)."""
    for a in APOSTROPHES[1:]:
        s = s.replace(a, "'")
    return s


# --- closed classes: word -> UPOS (the usual one; context rules refine some) ----------

_CLOSED = {
    "DET": "the a an this these those every each some any no all both either neither another "
           "such whatever whichever enough",
    "PRON": "i you he she it we they me him us them myself yourself himself herself itself ourselves "
            "yourselves themselves themself mine yours hers ours theirs my your his its our their "
            "who whom whose what which something anything nothing everything someone anyone no-one "
            "everyone somebody anybody nobody everybody oneself none 'em",
    "ADP": "of in on at by for with from into onto upon about above across after against along "
           "amid among amongst around behind below beneath beside besides between beyond despite "
           "down during except inside near off out outside over past per since through throughout "
           "till toward towards under underneath unlike until up via within without according "
           "amongst versus vs",
    "CCONJ": "and or but nor yet plus",
    "SCONJ": "if because although though while whereas whether unless once than lest whenever "
             "wherever",
    "AUX": "is am are was were be been being 'm 're will would shall should can could may might must "
           "ca wo 'll 'd",
    "PART": "not n't to",
    "INTJ": "oh ah hey hello wow yes yeah okay ok please thanks",
    "NUM": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
           "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
           "eighty ninety hundred thousand million billion trillion dozen",
    "ADV": "also very only just now then here there so too however still already even ever never "
           "again always often sometimes usually more most less least well yet soon later ago almost "
           "perhaps rather quite away back instead thus therefore hence meanwhile moreover furthermore "
           "nevertheless otherwise indeed maybe probably certainly really actually nearly mostly "
           "apparently allegedly reportedly reportedly roughly about around once twice today tomorrow "
           "yesterday tonight abroad overseas where when why how further afterwards somewhat anyway "
           "else not",
}
CLOSED_CLASS: dict[str, str] = {}
for _upos, _words in _CLOSED.items():
    for _w in _words.split():
        CLOSED_CLASS.setdefault(_w, _upos)
# words whose usual tag depends on the context; the tagger decides among these
AMBIGUOUS = {
    "that": ("SCONJ", "DET", "PRON"), "to": ("PART", "ADP"), "'s": ("PART", "AUX"),
    "have": ("AUX", "VERB"), "has": ("AUX", "VERB"), "had": ("AUX", "VERB"), "having": ("AUX", "VERB"),
    "'ve": ("AUX", "VERB"), "do": ("AUX", "VERB"), "does": ("AUX", "VERB"), "did": ("AUX", "VERB"),
    "as": ("ADP", "SCONJ", "ADV"), "before": ("ADP", "SCONJ", "ADV"), "after": ("ADP", "SCONJ"),
    "since": ("ADP", "SCONJ"), "until": ("ADP", "SCONJ"), "like": ("ADP", "VERB"),
    "her": ("PRON",), "there": ("PRON", "ADV"), "so": ("ADV", "CCONJ"),
    "up": ("ADP", "ADV"), "out": ("ADP", "ADV"), "off": ("ADP", "ADV"), "down": ("ADP", "ADV"),
    "more": ("ADJ", "ADV"), "most": ("ADJ", "ADV"), "much": ("ADJ", "ADV"), "many": ("ADJ",),
    "first": ("ADJ", "ADV"), "last": ("ADJ", "ADV"),
}
#: Forms of "be", "have", "do" and the modals (for AUX decisions and lemmas).
BE = frozenset("be is am are was were been being 'm 're 's".split())
HAVE = frozenset("have has had having 've 'd".split())
DO = frozenset("do does did".split())
MODALS = frozenset("will would shall should can could may might must ca wo 'll 'd".split())
#: Lemmas of contracted and irregular auxiliaries.
AUX_LEMMAS = {"'m": "be", "'re": "be", "'s": "be", "'ve": "have", "'ll": "will", "'d": "would",
              "ca": "can", "wo": "will", "n't": "not", "'em": "they"}

#: Common adjectives and verbs whose form does not show their class (own selection).
ADJECTIVES = frozenset("""
new old good bad great big small large high low long short young former other many few several
same different own main major minor key local national international foreign military political
economic public private social human free full whole real true false last next early late recent
current past future possible likely unlikely important clear sure strong weak hard easy difficult
certain open close top senior chief russian ukrainian american european british chinese western
eastern northern southern french german polish soviet united civilian nuclear illegal legal
official further total serious severe heavy fierce massive deadly dead alive ready able unable
similar special general common available responsible due least best worst better worse
""".split())
VERBS = frozenset("""
say tell ask claim report state announce add note warn deny accuse confirm believe think know
see look make take give get go come keep let put seem become leave call try need want mean
show help turn start run move live hold bring write sit stand lose pay meet include continue set
learn change lead understand watch follow stop create speak read allow spend grow offer remember
love consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest
raise pass sell require decide pull attack launch strike fight invade support oppose sign agree
hit destroy occupy shell bomb capture seize defend protect deliver receive arrest detain
argue insist demand urge vow pledge promise admit reject accept condemn blame cite describe
explain respond reply apply supply comply imply rely fly threaten negotiate withdraw retreat
advance evacuate sanction ban vote elect win
""".split())

#: Suffix rules for words not in any list: (suffix, UPOS), longest first.
SUFFIX_UPOS = (
    ("ically", "ADV"), ("ously", "ADV"), ("fully", "ADV"), ("ively", "ADV"), ("ly", "ADV"),
    ("tions", "NOUN"), ("sions", "NOUN"), ("ments", "NOUN"), ("nesses", "NOUN"), ("ities", "NOUN"),
    ("tion", "NOUN"), ("sion", "NOUN"), ("ment", "NOUN"), ("ness", "NOUN"), ("ity", "NOUN"),
    ("ism", "NOUN"), ("ist", "NOUN"), ("ists", "NOUN"), ("ship", "NOUN"), ("hood", "NOUN"),
    ("ance", "NOUN"), ("ence", "NOUN"), ("ancy", "NOUN"), ("ency", "NOUN"), ("dom", "NOUN"),
    ("ous", "ADJ"), ("ful", "ADJ"), ("ive", "ADJ"), ("able", "ADJ"), ("ible", "ADJ"), ("ical", "ADJ"),
    ("ial", "ADJ"), ("less", "ADJ"), ("ish", "ADJ"), ("ary", "ADJ"), ("ic", "ADJ"), ("ian", "ADJ"),
    ("ese", "ADJ"), ("al", "ADJ"),
    ("ize", "VERB"), ("ise", "VERB"), ("ized", "VERB"), ("ised", "VERB"), ("ify", "VERB"),
    ("ified", "VERB"), ("ing", "VERB"), ("ed", "VERB"),
)

#: Penn-style punctuation and symbols
SYMBOLS = frozenset("$ € £ ¥ ₴ ₽ % + = < > # & @ * / \\ | ~ ^ § ©".split())
