"""What kind of answer a question asks for, and where a text gives one: rules, not a model.

No named-entity model is packaged for offline use, and the question words of English are few, so
regular expressions do this. A question's kind is set by its FIRST interrogative: "Why did the
report say how many were held?" asks why, not how many. A "how many" question is answered by a
number, a "when" question by a date, a "who" question by a name, a "where" question by a name, an address or a
place in words ("at the bottom of the page"), a "which version" question by a version number; the words the question
is about (its topic) are not the answer, so a number or name the question itself holds ("Camp 22")
never counts. A "when" that asks under what condition ("When should a breach be reported?", "When does the
rule not apply?", `_CONDITION`) is answered by a circumstance ("as soon as it is found"), and a "where" that
asks for a source or a role ("Where does it get its force from?", "Where do these fit?", `_NOT_A_PLACE`) by a
thing or a relation, so neither names a kind: read as asking a date or a place, such answerable questions of the
wild dev split went unanswered, or were quoted by a citation's year, though their passage said it. The decision
uses this to tell an answer from an on-topic passage, quoting prefers a
sentence that holds it, and the page marks it.

Many questions name their kind by the noun they ask about rather than by their question word: "what is the
minimum wage" asks for a quantity, "which six countries" for places, "which members" for people. The head
noun of a "what/which" phrase is read against classes of nouns (`_HEAD_NOUNS`), so a family of questions is
recognised, not a phrase. The number must also be of the kind asked (`measure`): money for a wage, a
percentage for "what percentage", a ratio for "how much faster", an amount in a unit for "how much food";
and a number that identifies rather than counts (a citation's volume and page, a section, a year range) is
no quantity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from qa.acronyms import definitions
from qa.sentences import NOTE_MARKER_RE, NOTE_NUMBER, Span
from qa.terms import tokens

AnswerType = Literal["quantity", "date", "agent", "place", "version", "other"]

_CLAUSE_WORDS = r"(?:\s+[\w’'-]+){1,8}?"
"""The subject (and any words) between a question's auxiliary and its verb, inside one clause: words only, so a
comma or the question mark ends it."""
_CONDITION = (
    r"(?:should|must|ought|needs?|can|may|might)\b"
    r"|(?:is|are|does|do)n[’']t\b"
    rf"|(?:is|are|does|do){_CLAUSE_WORDS}\s+not\b"
    rf"|(?:does|do){_CLAUSE_WORDS}(?<!\bto)\s+(?:apply|hold|happen|occur|arise)\b"
    rf"|(?:is|are){_CLAUSE_WORDS}\s+(?:required|necessary|needed|allowed|permitted|mandatory|eligible|exempt)\b"
)
"""What follows a "when" that asks under what condition, not on what date: a modal of duty or leave ("When should
containment start?", "When may a court reopen it?"), a negation in the present ("When does the rule not apply?"),
a verb of applying or happening in the general present ("When does the exemption apply?"; not after "to": "When
does the act start to apply?" asks its date), and a requirement or permission ("When is consent required?"). The
answer is a circumstance ("as soon as you detect an incident", "to issues that were not decided"), which no date
pattern finds; a "when" in the past ("When did ... apply?") or the future ("When will ...?") asks a date."""
_NOT_A_PLACE = (
    r"[^?,;]*?\bfrom\s*(?:[?,;]|$)"
    r"|\s+(?:do|does|did|will|would|can|could|should|may|might)"
    rf"{_CLAUSE_WORDS}\s+(?:get|derive|draw|obtain|fit|stand|lead|rank)\b"
)
"""What follows a "where" that asks for a source, a role, a standing or a consequence, not a place: a clause ending
in "from" ("Where does the word come from?", "Where does it get its force from?"), and a verb that sets something
in a figurative place ("Where do the rules fit among the others?", "Where does the party stand on it?", "Where
does this lead?", "Where does it rank?"). The answer is a thing or a relation ("from rhythm", "above High"), not a
name of a place."""

_TYPES: tuple[tuple[AnswerType, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "quantity",
            r"\b(?:how (?:many|much|large|big|long|often|far|old|high|low)|by how|(?:vote|head) count)\b",
        ),
        ("date", rf"\b(?:when|since when)\b(?!\s+(?:{_CONDITION}))"),
        ("agent", r"\b(?:who|whom|whose)\b"),
        ("place", rf"\bwhere\b(?!{_NOT_A_PLACE})"),
        ("other", r"\b(?:why|what|which|how|whether|does|do|did|is|are|was|were|can|could|should|would)\b"),
    )
)

_HEAD_NOUNS: dict[str, AnswerType] = {
    **dict.fromkeys(
        "wage salary pay price cost budget fee fine penalty rate population amount number total sum percentage "
        "percent proportion share fraction portion ratio count tally turnout income revenue spending expenditure "
        "funding deficit debt margin majority toll length duration distance age".split(),
        "quantity",
    ),
    **dict.fromkeys("year date month day decade century deadline".split(), "date"),
    **dict.fromkeys(
        "person people individual official officer organisation organization agency company firm member leader "
        "minister president chair judge institution department ministry".split(),
        "agent",
    ),
    **dict.fromkeys(
        "country nation state city region province territory capital town village district location venue".split(),
        "place",
    ),
    **dict.fromkeys("version release".split(), "version"),
}
"""The head noun of "what/which ... NOUN" and the kind of answer it asks for: a measure (a wage, a budget, a
rate) is a quantity however it is asked, a country is a place, a member or an agency an agent, a version or a
release its number. Kept by class, singular (`_singular`), so that a family of questions is recognised, not a
phrase."""
_HEAD_ASK_RE = re.compile(r"\b(?:what|which)\s+(?:(?:is|was|are|were|will be|would be)\s+)?", re.IGNORECASE)
_HEAD_WORD_RE = re.compile(r"[\w’'.-]+")
_HEAD_STOP = frozenset(
    "did does do done say said says about of on to in for with by from at as has have had is was were be been will "
    "would can could should may might must that which who whom whose when where why how and or not kind type sort "
    "role part".split()
)
"""Words that end the noun phrase after "what/which": an auxiliary, a preposition or a conjunction (what follows
is no longer the thing asked for), or a noun of kind ("what kind of") whose own head comes after "of"."""
_DETERMINERS = frozenset("the a an its their his her this these those our your".split())
_COUNTS = {word: n for n, word in enumerate("two three four five six seven eight nine ten".split(), start=2)}
HEAD_WINDOW = 5
"""Words after "what/which" (and its verb "to be") searched for the head noun: a determiner, a possessive name,
a number and an adjective or two ("what was the Cabinet Office's budget", "which six countries")."""


@dataclass(frozen=True)
class _Head:
    """The noun a "what/which" question asks about: where the question opens, the noun and its kind, and how
    many the question wants when it counts them ("which six countries": 6)."""

    start: int
    noun: str
    kind: AnswerType
    count: int = 1


def _singular(word: str) -> str:
    """`word` as `_HEAD_NOUNS` keeps it: "countries" is "country", "members" is "member"."""
    for plural, single in (("ies", "y"), ("s", "")):
        if word.endswith(plural) and (stem := word[: -len(plural)] + single) in _HEAD_NOUNS:
            return stem
    return word


@lru_cache(maxsize=1024)
def _head(question: str) -> _Head | None:
    """The first "what/which" phrase whose head noun names a kind of answer.

    The head is the last class noun of the phrase before a stop word ("what state agency" asks for an agency);
    a possessive ("the Cabinet Office's") qualifies the head and is never it, and a word followed by a determiner
    is the phrase's verb ("which agency pays the grants"), not its noun.
    """
    for ask in _HEAD_ASK_RE.finditer(question):
        head, count = None, 1
        words = _HEAD_WORD_RE.findall(question, ask.end())[: HEAD_WINDOW + 1]
        for word, following in zip(words[:HEAD_WINDOW], [*words[1:], ""], strict=False):
            lower = word.lower().rstrip(".")
            if lower in _HEAD_STOP or following.lower() in _DETERMINERS:
                break
            if lower.endswith(("'s", "’s")):
                continue
            count = _COUNTS.get(lower, int(lower) if lower.isdigit() else count)
            singular = _singular(lower)
            if singular in _HEAD_NOUNS:
                head = singular
        if head is not None:
            return _Head(ask.start(), head, _HEAD_NOUNS[head], count)
    return None


_NUMBER_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|half|several"
)
_SCALE = r"hundred|thousand|million|billion|trillion|percent|per cent|%"
_UNIT = r"years?|months?|weeks?|days?|hours?|decades?|centuries|century"
_QUANTITY_RE = re.compile(
    rf"(?:[$€£¥]\s?)?\b(?:\d[\d,.]*\d|\d|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))*)\b"
    rf"(?:\s?(?:{_SCALE}))?(?:\s(?:{_UNIT})\b)?",
    re.IGNORECASE,
)
Measure = Literal["money", "percent", "ratio", "amount"]
_MONEY_NOUNS = frozenset(
    "wage salary pay price cost budget fee fine funding money income revenue spending expenditure deficit debt".split()
)
_MONEY_VERBS_RE = re.compile(
    r"\b(?:spen[dt]|spends|spending|pa(?:y|id|ys)|costs?|provided?|provides|appropriated?|authori[sz]ed?|gives?|gave|"
    r"given|raised?|earned?|earns|allocated?|granted?|donated?|contribut(?:e|es|ed)|invested?|lent|lend|owed?|charged?|"
    r"fund(?:ed|s)?)\b",
    re.IGNORECASE,
)
_EXTENT_RE = re.compile(r"\bhow (?:long|far|old)\b", re.IGNORECASE)
"""A duration, distance or age: a number in its unit ("twenty years", "a 22-year affiliation"), not a count."""
_HOW_MUCH_RE = re.compile(r"\bhow much\s+(?P<next>[\w’'-]+)", re.IGNORECASE)
_AUXILIARY = frozenset("did does do will would has have had is was are were can could should".split())
_COMPARATIVE_RE = re.compile(r"\bhow (?:much|many times)\s+(?:more|less|[a-z]+er)\b", re.IGNORECASE)
_CURRENCY_BEFORE_RE = re.compile(r"(?:[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD|INR)\s?)$")
_CURRENCY_AFTER_RE = re.compile(
    r"\s?(?:dollars?|euros?|pounds?|yen|yuan|renminbi|rupees?|pesos?|francs?|cents?|pence|USD|EUR|GBP)\b",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(r"%|\bper ?cent|\bpercentage points?", re.IGNORECASE)
_RATIO_AFTER_RE = re.compile(r"\s?(?:times\b|-?fold\b|×|x\b)", re.IGNORECASE)
_MEASURE_UNIT = (
    r"(?:(?:kilo|milli|centi|mega|giga|tera)?(?:grams?|grammes?|metres?|meters?|litres?|liters?|watts?|bytes?|"
    r"calories?)|kg|g|mg|km|cm|mm|m|ml|l|kcal|kwh|mw|gw|kb|mb|gb|tb|tonnes?|tons?|pounds?|lbs?|ounces?|oz|gallons?|"
    r"barrels?|miles?|feet|foot|inch(?:es)?|hectares?|acres?|square|cubic|seconds?|minutes?|hours?|days?|weeks?|"
    r"months?|years?|decades?|centuries|century)"
)
_UNIT_AFTER_RE = re.compile(rf"[\s\u00a0-]?{_MEASURE_UNIT}\b", re.IGNORECASE)
_UNIT_WITHIN_RE = re.compile(rf"[\s\u00a0-]{_MEASURE_UNIT}$", re.IGNORECASE)
"""A unit of measure after a number: what "how much food" or "how much weight" is answered in."""


def measure(question: str) -> Measure | None:
    """What a quantity question's number must measure, when its words say: money for a wage, a budget or "how
    much did they spend"; a percentage for "what percentage"; a ratio or percentage for "how much faster"; and
    for "how much" of anything else ("how much food", "how much weight") an amount in a unit of measure, money or
    a percentage, not a bare count ("tens of thousands of men" is no weight).

    A number of something else is not the answer: "two packages" does not say how much faster one is, "eight
    rounds of funding" is not a budget.
    """
    if answer_type(question) != "quantity":
        return None
    if _COMPARATIVE_RE.search(question):
        return "ratio"
    if _EXTENT_RE.search(question):
        return "amount"
    head = _head(question)
    if head is not None and head.noun in _MONEY_NOUNS:
        return "money"
    if head is not None and head.noun in {"percentage", "percent"}:
        return "percent"
    if much := _HOW_MUCH_RE.search(question):
        following = much.group("next").lower()
        if following in _MONEY_NOUNS or (following in _AUXILIARY and _MONEY_VERBS_RE.search(question)):
            return "money"
        if following not in _AUXILIARY:
            return "amount"
    return None


def _measured(text: str, span: Span, kind: Measure | None) -> Span | None:
    """The number at `span` of `text` with the unit that makes it the measure asked for ("$3 billion", "ten
    kilograms", "3 times"); None when it is a number of something else. Any number is, when none is named."""
    if kind is None:
        return span
    words = text[span.start : span.end]
    if kind == "money" or kind == "amount":
        if words[:1] in "$€£¥" or _CURRENCY_BEFORE_RE.search(text, max(0, span.start - 4), span.start):
            return span
        if after := _CURRENCY_AFTER_RE.match(text, span.end):
            return Span(span.start, after.end())
        if kind == "money":
            return None
    if _PERCENT_RE.search(words):
        return span
    if kind == "amount" and _UNIT_WITHIN_RE.search(words):
        return span
    unit = (_UNIT_AFTER_RE if kind == "amount" else _RATIO_AFTER_RE).match(text, span.end)
    return Span(span.start, unit.end()) if unit else None


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}\s{_MONTH}(?:,?\s\d{{4}})?|{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s\d{{4}})?"
    rf"|{_MONTH}\s\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|(?:1[5-9]|20)\d\d[-–/](?:(?:1[5-9]|20)\d\d|\d\d)(?![-–]\d)"
    rf"|(?:1[5-9]|20)\d\d(?:s)?)\b"
)
_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)"
)
_EARLY_DATE_RE = re.compile(
    r"(?<=\w[ \u00a0]\()(?:(?:1[0-4]\d\d)|(?:(?:c|ca|d|b|fl)\.[ \u00a0]?)?\d{3,4}[-–]\d{2,4}"
    r"|(?:c|ca|d|b|fl)\.[ \u00a0]?\d{3,4})(?=\)(?![ \u00a0]*\d))"
    r"|\b(?:c\.|ca\.|circa)[ \u00a0]?\d{3,4}\b"
    r"|\b(?:AD|A\.D\.)[ \u00a0]?\d{1,4}\b(?![ \u00a0]?[-–])|\b\d{1,4}[ \u00a0]?(?:AD|A\.D\.|BC|B\.C\.|BCE|CE)(?!\w)"
    rf"|\b{_ORDINAL}[ \u00a0-]centur(?:y|ies)\b"
    r"|(?<![\d][ \u00a0]in[ \u00a0])(?<!one[ \u00a0]in[ \u00a0])(?<=\b[Ii]n[ \u00a0])"
    r"1[0-4]\d\d\b(?![ \u00a0]*[a-z%]|[.,]\d)"
)
"""A date before 1500, which `_DATE_RE` leaves out because a bare number under 1500 counts as often as it dates.
Its form says it is a year: in brackets after a word ("first mentioned by Muris (1300)"; four digits, or a life
or reign "(840-930)", "(d. 1483)"; a lone three-digit number in brackets is a code or a count as often, and one
followed by more digits is a telephone's area code), after "c." or "circa", with an era ("300 B.C.", "A.D. 120";
not an identifier "AD 2018-23-51"), a century in words or an ordinal in lower case ("the fourteenth century"; a
capitalised "21st Century" names an act or a title), or after "in" where no noun follows it ("in 1200,"; "in 1300
cases" and "one in 1000" count). Taken as a date only when a date is asked: a quantity question still reads
these numbers as counts, as it did before (`marks` excludes only `_DATE_RE` from quantities)."""
_WHEN_RE = re.compile(f"{_DATE_RE.pattern}|{_EARLY_DATE_RE.pattern}")
_NAME_RE = re.compile(
    r"\b(?:[A-Z][\w’'.-]*[a-z][\w’'-]*|[A-Z]{2,}\w*)(?:\s+(?:of\s+|the\s+|for\s+|de\s+)?[A-Z][\w’'.-]+)*"
)
"""A run of capitalised words, or an acronym: a name of a person, organisation or place."""
_PERSON_NOUNS = frozenset(
    "person people individual official officer member leader minister president chair judge".split()
)
_THE_BEFORE_RE = re.compile(r"\bthe[ \u00a0]$", re.IGNORECASE)
"""A name after "the" is an institution's ("the Foundation", "the Council"), not a person's: no answer to "which
members" or "which leaders"."""
_ROLE_RE = re.compile(
    r"\bthe[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+){0,2}?(?P<role>chair(?:man|woman|person)?|secretary|president|"
    r"director|minister|commissioner|rapporteur|ambassador|spokes(?:man|woman|person)|administrator|prosecutor|"
    r"judge|speaker|governor|mayor|envoy|chief|head)\b"
)
"""A person named by office in lower case ("the committee chair", "the administrator"): who did it, as much as a
name is. Institutions ("the government") are not counted: nearly every passage mentions one."""
_SENTENCE_START_RE = re.compile(rf"(?:^|[.!?][\"”’')\]]*(?:\[{NOTE_NUMBER}\])*\s+)")
"""Where a sentence starts: after its end mark, closing quotes or brackets and the note markers glued to it."""
_LABEL_BEFORE_RE = re.compile(r"\b[A-Z][\w.]*[ \u00a0-]$")
_LOCATOR_BEFORE_RE = re.compile(
    r"(?:\b(?:p|pp|para|paras|vol|vols|no|nos|ch|chap|art|sec|secs|fn|nn)\.?|§§?)[ \u00a0]?$", re.IGNORECASE
)
"""A citation's locator: a page, volume, number, chapter, section or note ("p. 12", "Vol. 3", "§ 39.13")."""
_VOLUME_AFTER_RE = re.compile(r"[ \u00a0](?:[A-Z][\w.]*[ \u00a0]){1,4}§*[ \u00a0]?\d")
"""A number, a capitalised title and a number: a citation's volume ("77 Federal Register 23250", "42 U.S.C. 1983")."""
_SUBDIVISION_RE = re.compile(r"[\w)]\($")
"""A number in brackets glued to a section or another subdivision: "§46.104(d)(7)" cites, it does not count."""
_ENUMERATOR_RE = re.compile(r"(?<![\w)])\(\d{1,2}\)")
"""A number alone in brackets, not glued to a word: a list's item label ("should: (1) establish ... and (2)
publish"). It numbers the item and counts nothing; on the wild dev split it was the only number of a quote that
answered "how many of the comments were form letters?", which the document never says."""
_SECTION_NUMBER_RE = re.compile(r"\d+(?:\.\d+){2,}")
"""Three numbers or more joined by full stops ("4.1.3"): a section or a clause of a numbered outline, not an amount
(which has one decimal point)."""
_PAGE_BEFORE_RE = re.compile(r"\d[ \u00a0](?:[A-Z][\w.]*[ \u00a0]){1,4}$")
"""The page after a citation's volume and title ("81 Fed. Reg. 1234")."""
_TITLE_BEFORE_RE = re.compile(r"\b[A-Z][\w.]*[ \u00a0]of[ \u00a0]$")
"""A year that ends a title names the thing ("the For the People Act of 2021"): it does not date what is asked."""
_RANGE_BEFORE_RE = re.compile(r"(\d[\d,.]*)[-–]$")
_ADDRESS_RE = re.compile(
    r"\bhttps?://[^\s<>\"”)\]]*[\w/]"
    r"|\b(?:[\w-]+\.)+(?:gov|org|com|net|edu|int|io|dev|info|eu|uk)\b(?:/[\w.~%-]+)*/?"
    r"|(?<![\w/.])(?:/[\w.~-]+){2,}/?"
)
"""A web address, a domain with any path after it ("ObamaWhiteHouse.gov", "github.com/org/repo") or a file path of
two parts or more ("/docs/_build/html"): a place on the web or on a disk, which need not be capitalised."""
_LOCATION_NOUNS = (
    r"bottom|top|end|foot|head|side|edge|corner|cent(?:er|re)|middle|front|back|rear|margin|"
    r"page|section|chapter|appendix|annex|footnote|endnote|sidebar|header|footer|column|menu|tab|panel|window|toolbar|"
    r"folder|directory|file|repository|repo|archive|library|registry|database|server|site|website|webpage|homepage|"
    r"portal|drive|disk|building|room|office|floor|basement|street|road|area|region|zone|warehouse|facility|camp|"
    r"prison|vault|museum"
)
_LOCATION_RE = re.compile(
    r"\b(?:at|in|on|inside|within|under|into|onto|below|above|beneath|beside|near)[ \u00a0]+"
    r"(?:(?:the|a|an|its|their|his|her|your|our|this|that|each|every|one)[ \u00a0]+)?"
    rf"(?:[\w’'-]+[ \u00a0]+){{0,2}}?(?P<location>(?:{_LOCATION_NOUNS})(?:e?s)?)\b",
    re.IGNORECASE,
)
"""A place said in words: a preposition of place and a noun naming a place, a part of a page or a store of files
("at the bottom of your built page", "in a separate folder", "on the project's website"). A "where" question is
answered by such a phrase as often as by a name, and the noun is not capitalised."""
_VERSION_RE = re.compile(
    r"\b(?:(?:version|release|v)[ \u00a0-]?)?\d+(?:\.\d+)+(?:\.x)?\b(?![ \u00a0]?(?:" + _SCALE + r"))"
    r"|\b(?:version|release|v)[ \u00a0-]?\d+\b",
    re.IGNORECASE,
)
"""A version number: numbers joined by dots ("1.39.0", "v2.0", "1.0.x"; not an amount, "2.5 million", "1.5%"), or a
number after "version", "release" or "v" ("version 3", "release-2"). "Which release first did it?" and "in which
version" ask for one; a text saying only "previous versions" or "the new release" names none."""
_PATTERNS: dict[AnswerType, re.Pattern[str]] = {
    "quantity": _QUANTITY_RE,
    "date": _WHEN_RE,
    "agent": _NAME_RE,
    "place": _NAME_RE,
    "version": _VERSION_RE,
}


_MAIN_CLAUSE_RE = re.compile(r",\s*(?=(?:what|which|who|whom|whose|when|where|why|how)\b)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def answer_type(question: str) -> AnswerType:
    """The kind of answer the question's first interrogative asks for; "other" when it names none.

    Remembered for recent questions: quoting one answer asks it about six times.

    A clause set before a comma is subordinate when an interrogative opens what follows the comma
    ("When talks stalled before, what did the government want?" asks what): the question is after it.
    """
    if clauses := _MAIN_CLAUSE_RE.split(question):
        question = clauses[-1]
    found = [
        (match.start(), order, kind)
        for order, (kind, pattern) in enumerate(_TYPES)
        if (match := pattern.search(question))
    ]
    if head := _head(question):
        found.append((head.start, -1, head.kind))
    return min(found)[2] if found else "other"


def marks(text: str, question: str) -> tuple[Span, ...]:
    """Where `text` holds the kind of words `question` asks for; empty if it asks for none or `text` has none.

    Footnote markers are never an answer; a date is not a quantity (its day does not count); a
    capitalised word that only starts a sentence is not a name; a year ending a title ("Act of 2021") is
    no date; and what the question itself names is its topic, not its answer.
    """
    kind = answer_type(question)
    if kind == "other":
        return ()
    pattern = _PATTERNS[kind]
    excluded = [Span(m.start(), m.end()) for m in NOTE_MARKER_RE.finditer(text)]
    if kind == "quantity":
        excluded += [Span(m.start(), m.end()) for m in _DATE_RE.finditer(text)]
    asked = question.lower()
    wanted = measure(question)
    names = pattern is _NAME_RE
    starts = {m.end() for m in _SENTENCE_START_RE.finditer(text)} if names or kind == "quantity" else set()
    topic = _topic_names(text, question) if names else None
    head = _head(question)
    persons = kind == "agent" and head is not None and head.noun in _PERSON_NOUNS
    found = []
    for match in pattern.finditer(text):
        words = match.group(0)
        if any(e.start <= match.start() < e.end for e in excluded) or _asks_about(words, asked):
            continue
        if topic is not None and (match.start() in starts and " " not in words or topic(words)):
            continue
        if persons and _THE_BEFORE_RE.search(text, max(0, match.start() - 4), match.start()):
            continue
        span: Span | None = Span(match.start(), match.end())
        if kind == "quantity":
            span = None if _is_label(text, match.start(), starts) else _measured(text, span, wanted)
        elif kind == "date" and _TITLE_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()):
            continue
        if span is not None:
            found.append(span)
    if kind == "agent":
        found += [Span(m.start(), m.end()) for m in _ROLE_RE.finditer(text) if not _asks_about(m.group("role"), asked)]
    if kind == "place" and (head is None or head.kind != "place"):
        found += [Span(m.start(), m.end()) for m in _ADDRESS_RE.finditer(text) if not _asks_about(m.group(0), asked)]
        found += [
            Span(m.start(), m.end()) for m in _LOCATION_RE.finditer(text) if not _asks_about(m.group("location"), asked)
        ]
    return tuple(sorted(found, key=lambda span: span.start))


def _topic_names(text: str, question: str) -> Callable[[str], bool]:
    """Whether a name in `text` is one the question already names, in another form: by the acronym or full name
    `text` defines for it ("Free Software Foundation (FSF)" for a question about the FSF), or in full where the
    question gives one word of it ("Richard M. Stallman" for "Stallman"). A name of several words in the question
    is not matched by its last word alone: "South Korea" answers a question about North Korea."""
    asked = question.lower()
    defined = definitions(text)
    single = {m.group(0).lower() for m in _NAME_RE.finditer(question, 1) if " " not in m.group(0)}

    def named(words: str) -> bool:
        forms = [words] + ([defined[words]] if words in defined else [])
        return any(_asks_about(form, asked) or form.split()[-1].lower() in single for form in forms)

    return named


def _asks_about(words: str, asked: str) -> bool:
    """Whether the (lower-case) question holds `words`, as a word or the stem of one ("Georgia" of "Georgian",
    "Korea" of "Koreans"): its topic, not its answer. From the start of a word, so that "ten" is not the topic of
    a question about "detention"."""
    return _word_or_stem(words.lower()).search(asked) is not None


@lru_cache(maxsize=4096)
def _word_or_stem(words: str) -> re.Pattern[str]:
    """The pattern `_asks_about` looks for, compiled once per words: a quote's every name is checked against every
    question, more patterns than `re`'s own cache keeps, so it recompiled them on each answer."""
    return re.compile(rf"(?<!\w){re.escape(words)}[\w’']{{0,3}}(?!\w)")


def _is_label(text: str, start: int, sentence_starts: set[int]) -> bool:
    """Whether the number at `start` follows a capitalised word inside its sentence ("Table 2", "COVID-19",
    "Article 5"): it is part of a name then, it identifies something and does not count it. A capitalised
    word that only opens a sentence ("About 40 people") is an ordinary word. A citation's numbers identify too:
    after a locator ("p. 12", "§ 39.13"), a volume before its title and page ("77 Federal Register 23250"), and
    a subdivision ("(d)(7)") and the end of a range whose start is one ("23250-23260"). A list's item label
    ("(1)", `_ENUMERATOR_RE`) and an outline's section ("4.1.3", `_SECTION_NUMBER_RE`) number, they do not count."""
    before = _LABEL_BEFORE_RE.search(text, max(0, start - 40), start)
    if before is not None and before.start() not in sentence_starts:
        return True
    citation = (
        _LOCATOR_BEFORE_RE.search(text, max(0, start - 8), start)
        or _PAGE_BEFORE_RE.search(text, max(0, start - 60), start)
        or _SUBDIVISION_RE.search(text, max(0, start - 2), start)
        or _ENUMERATOR_RE.match(text, start - 1)
        or _SECTION_NUMBER_RE.match(text, start)
        or _VOLUME_AFTER_RE.match(text, _number_end(text, start))
    )
    if citation:
        return True
    first = _RANGE_BEFORE_RE.search(text, max(0, start - 20), start)
    return first is not None and _is_label(text, first.start(1), sentence_starts)


def _number_end(text: str, start: int) -> int:
    """Where the number written at `start` ends."""
    end = start
    while end < len(text) and (text[end].isdigit() or (text[end] in ",." and text[end + 1 : end + 2].isdigit())):
        end += 1
    return end


_HOW_MANY_RE = re.compile(r"\bhow many\s+", re.IGNORECASE)
_OCCASIONS = frozenset({"time", "times", "occasion", "occasions"})


@lru_cache(maxsize=1024)
def counted(question: str) -> frozenset[str]:
    """The stems of what a "how many" question counts, when it names it in words of its own ("how many copies of",
    "how many humanitarian aid workers were"): the lower-case words after "how many", up to a stop word (`_HEAD_STOP`)
    or a verb before a determiner; empty when it counts a name ("how many Americans"), which the rules on names
    check, a class of `_HEAD_NOUNS` ("how many people", "how many federal agencies", "how many years"), which texts
    call by words of their own ("passengers", "the FBI", "a decade") and the kind of answer checks, or occasions
    ("how many times", answered by "twice").
    """
    ask = _HOW_MANY_RE.search(question)
    if ask is None:
        return frozenset()
    words = _HEAD_WORD_RE.findall(question, ask.end())[: HEAD_WINDOW + 1]
    phrase = []
    for word, following in zip(words[:HEAD_WINDOW], [*words[1:], ""], strict=False):
        if word.lower() in _HEAD_STOP or following.lower() in _DETERMINERS or not word[0].islower():
            break
        phrase.append(word.lower())
    if not phrase or any(_singular(word) in _HEAD_NOUNS or word in _OCCASIONS for word in phrase):
        return frozenset()
    return frozenset(tokens(" ".join(phrase)))


def names_counted(text: str, question: str) -> bool:
    """Whether `text` names what the question counts (`counted`, by stem), or the question counts nothing so named.

    A number in a passage on the question's subject counts something, but not always what was asked: "over 500
    researchers" does not say how many staff an organisation employs, nor "eight or ten pamphlets" how many copies
    were printed. Of the "how many" questions the dev splits answered that name what they count, all 18 answerable
    ones found it named in the answering paragraph, and 4 of the 6 unanswerable ones did not (round 31,
    docs/past-measurements.md).
    """
    wanted = counted(question)
    return not wanted or not wanted.isdisjoint(tokens(text))


def gives_answer_type(text: str, question: str) -> bool:
    """Whether `text` gives the kind of answer `question` asks for (any text does, for a question of no kind).

    A question that counts what it asks for ("which six countries") is given that many different ones.
    """
    if answer_type(question) == "other":
        return True
    found = {text[span.start : span.end] for span in marks(text, question)}
    head = _head(question)
    return len(found) >= (head.count if head is not None and head.kind == answer_type(question) else 1)
