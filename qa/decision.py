"""Whether the best passage answers the question: its score, weighed by a fitted model, after rules.

One cosine threshold, calibrated on one corpus, does not transfer, and neither did the signals meant to
mend it. The signals were chosen by how they transfer, not how they fit: fitted on all but one collection's
dev questions and judged on that one's (`python -m eval.fit_decision`, "leave_one_collection_out" in
`decision.json`). Weighed with the score, the share of the question's rare-term weight the passage holds
(`coverage`) and the share of its names (`names`) fitted the dev questions no better and, fitted on formats
and real alone, silenced 8 of 31 bundled answers held out (the score alone: 1), because a share of term
weight by rarity in one collection is not the share in another (median 0.37 on the bundled answerable
questions, 0.82 on the real ones). With four collections both silence 3 of 111 held out. The score read against the
collection's null (the mean best score of shuffled-span questions from its own passages) silenced 5 of 26
wild answers held out against 2 for the score as it is. So the model weighs the score alone, and what
the score cannot tell (a question about someone or something the documents never discuss) is left to
rules. `coverage` and `names` are still computed (`Signals`): the rules and the quoting use them.

Measured again the same way, each beside the score, none earned a place. The share of the question's rare-term
weight in the quoted sentence rather than the paragraph silenced 9 of 31 bundled answers held out (bundled
questions paraphrase: half of them use a word the collection never does), and counting only the terms the
collection uses still silenced 2; the rarity of the rarest term the passage lacks moved no held-out false
abstention but abstained on only 4 more of the 548 foreign questions, and on none of the collections' own; whether
BM25 ranks the best passage first silenced 3 bundled answers; the score less the mean best score of the other
collections' questions asked of this one (a null any index could keep) abstained on 25 of the 32 wild unanswerable
questions held out instead of 19, but silenced 21 of its 101 answerable ones, against 10. The wild collection's
unanswerable questions are about its documents' own subjects and ask what they do not say (who succeeded someone,
what a default value is): their best passages share the question's names and most of its rare words, so nothing
lexical tells them from the paraphrased answers.

Read question by question (round 31, docs/past-measurements.md), 9 of the 27 such questions answered on the wild dev
split ask for something the quote does not name (a licence, a job, a default value), 5 count something the quote
does not count, 5 name a subject the quote does not, 5 ask a kind the answer type misses or misreads, and 3 a
relation (who replaced whom) it does not state. As rules, on the answering paragraph: requiring the words after
"what/which/how much/how many" (the thing asked for, by stem) abstained on 12 of the 27 but silenced 26 of the 270
answerable wild questions, 9 of 31 bundled, 3 of 48 real and 2 of 6 formats ones (the thing asked for is often a class
or a word of no subject: "what share", "what happens", "in what sense", "how much food"); requiring the question's
names of two or more capitalised words silenced 12 bundled, 8 real and 20 wild answers for 6 (a paragraph seldom
repeats the name of its document's subject), and a share of its names under 0.5, 0.75 or 1.0 silenced 3 to 18
bundled, 3 to 10 real and 31 to 52 wild answers for 5 to 13. Only what a "how many" question counts in words of its
own is named by every paragraph that answers one (`qa.answer_type.names_counted`).

Three rules stand before the model, because no weighing should overrule them: a question asking for a
kind of answer (a number for "how many", a date for "when", a name for "who" and "where";
`qa.answer_type`) is not answered by a quote that holds none, nor a "how many" question by a paragraph that never
names what it counts ("how many staff" by "over 500 researchers"; `qa.answer_type.names_counted`); a question
that names someone or something by two or more capitalised words, none of which the collection ever uses (in its
text, titles or bylines), asks about what the documents never mention; and a question most of whose names
(capitalised words, numbers, acronyms) the best passage's whole document never uses (`document_names`
under MIN_DOCUMENT_NAMES), or a number (a year, a fiscal year) it never uses, asks about something that
document does not discuss, however close the passage's wording: a document about a summit names its
place and year.

A logistic model turns the score into a confidence from 0 to 1; its weights are fitted on the dev splits
of several collections together (`python -m eval.fit_decision`) and kept in `decision.json` beside
this module. A collection calibrated on its own questions (`qa calibrate`, `qa.calibration`) keeps its
decision in its index manifest, and answers from that index use it instead. A question of one to three
words that a passage holds verbatim is a keyword look-up and is answered with that passage, whatever
the model says.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from qa.terms import question_terms

if TYPE_CHECKING:
    from qa.corpus import Article

DECISION_FILE = Path(__file__).parent / "decision.json"
KEYWORD_MAX_WORDS = 3
MAX_FALSE_ABSTENTION = 0.03
"""Share of answerable questions a fitted threshold may leave unanswered, unless the fitter says otherwise."""
MIN_DOCUMENT_NAMES = 0.5
"""Share of the question's names the best passage's document must use for the question to be answered: under
half, the document is about something else. On the dev splits it abstained on 2 more unanswerable bundled
questions (0.556 -> 0.778), silenced no answerable question, and no answerable dev question fell under 0.5."""
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Signals:
    """What the best passage says about whether it answers; every field means the same on any collection."""

    score: float
    coverage: float
    names: float
    """Share of the question's capitalised words (its names) found in the best passage; 1.0 when it has none."""
    document_names: float = 1.0
    """Share of the question's names the best passage's whole document uses (title, byline, text, notes): a rule
    before the model (MIN_DOCUMENT_NAMES), not one of its weighed signals."""
    document_numbers: bool = True
    """Whether the document uses every number the question names (a year, a fiscal year, a count, "G8"): a
    question about a year the document never mentions asks what it does not say. A rule, not weighed. A number
    set before a capitalised name ("the 2012 London Games", "the 9/11 Commission") qualifies that name and is
    not asked for: a document may call it "the London Games" (`qualifying_numbers`)."""

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in SIGNAL_NAMES)  # `asdict` deep-copies: 0.1 ms an answer


SIGNAL_NAMES: tuple[str, ...] = ("score",)
"""The signals the model weighs: the one that transfers (see the module's docstring)."""


_NAME_WORD_RE = re.compile(r"(?<=\s)[A-Z][\w’'-]*|(?<=\s)\w*\d\w*")
_POSSESSIVE_RE = re.compile(r"[’']s?$")
_NAME_PART_RE = re.compile(r"[-’']")


def names_of(question: str) -> frozenset[str]:
    """The question's names (capitalised or alphanumeric words past its first), lower case, as words of text.

    A hyphenated name is its parts ("Jong-il", "FY2003-FY2005"), because a passage's words are split at
    hyphens too; a possessive and one plural "s" go ("Congress's" is held by "Congress", "Koreans" by
    "Korean"), and the passage may add up to two letters to a name (see `name_coverage`).
    """
    names = set()
    for word in _NAME_WORD_RE.findall(question):
        for part in _NAME_PART_RE.split(_POSSESSIVE_RE.sub("", word).lower()):
            names.add(part[:-1] if len(part) > 3 and part.endswith("s") else part)
    return frozenset(names - {""})


def name_coverage(question: str, passage: str) -> float:
    """Share of the question's names the passage holds; 1.0 when the question names nothing."""
    names = names_of(question)
    return len(_held(names, passage)) / len(names) if names else 1.0


def _held(names: frozenset[str], passage: str) -> frozenset[str]:
    """The names the passage holds: a word of the passage is the name and at most two letters more ("Kim" in
    "Kims"), looked for with `_uses`, which finds a word starting with the name when the name is all word
    characters (a lower-cased "İ" is not: no word holds such a name). Splitting the passage into words and a set
    of their prefixes instead took 134 us a call against 24 us, over the 240 passages that answer the bundled
    questions at k = 3 (an answer calls it once for each source it weighs)."""
    text = passage.lower()
    return frozenset(name for name in names if _WORD_RE.fullmatch(name) and _uses(text, name))


def _is_number(name: str) -> bool:
    return any(character.isdigit() for character in name)


def document_text(document: Article) -> str:
    """Everything the document says, lower case: title, byline, paragraphs and notes."""
    texts = [document.title or "", document.author or ""]
    texts += [paragraph.text for paragraph in document.paragraphs] + [text for _, text in document.footnote_list()]
    return "\n".join(texts).lower()


def _uses(text: str, name: str) -> bool:
    """Whether `text` has a word that is `name` and at most two letters more.

    Looked for by `str.find`: a question has a few names, a report tens of thousands of words, and splitting
    them into a set or running a regular expression over them took 100 ms on a 255 kB report, against 4 ms.
    """
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        tail = _WORD_RE.match(text, end)
        if not (before.isalnum() or before == "_") and (tail is None or tail.end() - end <= 2):
            return True
        start = text.find(name, start + 1)
    return False


_MULTIWORD_NAME_RE = re.compile(r"(?<=\s)(?:[A-Z][\w’'-]+\s+)+[A-Z][\w’'-]+")


def question_names(question: str) -> list[str]:
    """The names a question gives in two or more capitalised words past its first ("Pope Francis")."""
    return [match.group(0) for match in _MULTIWORD_NAME_RE.finditer(question)]


_QUALIFIER_RE = re.compile(r"(?<=\s)\w*\d\w*(?=(?:[/-]\w+)*\s+[A-Z])")
"""A word with a digit, and any parts it joins by a slash or hyphen, just before a capitalised word."""


def qualifying_numbers(question: str) -> frozenset[str]:
    """The question's numbers (as `names_of` gives them) that stand before a capitalised name and qualify it.

    A number after a name identifies it ("Camp 22", "Article 5", "London 2012") and stays asked for: a document
    about Camp 14 does not answer about Camp 22.
    """
    return frozenset(match.group(0).lower() for match in _QUALIFIER_RE.finditer(question))


def signals(question: str, score: float, coverage: float, passage: str, document: Article | None = None) -> Signals:
    """The signals for a passage and, when given, its document.

    The document is read only when the passage leaves it in doubt (it holds under MIN_DOCUMENT_NAMES of the
    question's names, or lacks one of its numbers): a document holds at least what its passage holds.
    """
    names = names_of(question)
    if not names:
        return Signals(score, coverage, 1.0)
    held = _held(names, passage)
    share = len(held) / len(names)
    numbers = {name for name in names if _is_number(name)} - qualifying_numbers(question)
    if document is None or (share >= MIN_DOCUMENT_NAMES and numbers <= held):
        return Signals(score, coverage, share)
    text = document_text(document)
    used = held | {name for name in names - held if _uses(text, name)}
    return Signals(score, coverage, share, len(used) / len(names), numbers <= used)


def is_keyword_question(question: str) -> bool:
    """One to three words, one of them a content word: a look-up of a name or phrase rather than a question.

    Stop words alone ("the", "of the") look up nothing: every passage holds them, and a fragment such as a
    paragraph's trailing "The" matched "the" exactly and was quoted as its answer."""
    return 0 < len(_WORD_RE.findall(question)) <= KEYWORD_MAX_WORDS and bool(question_terms(question))


def is_keyword_match(question: str, passage: str) -> bool:
    """A keyword question that the passage holds verbatim, case and spacing aside."""
    if not is_keyword_question(question):
        return False
    words = _WORD_RE.findall(question.lower())
    pattern = r"\b" + r"\W+".join(map(re.escape, words)) + r"\b"
    return re.search(pattern, passage.lower()) is not None


@dataclass(frozen=True)
class Decision:
    """A logistic model over `Signals`: confidence = sigmoid(bias + weights · signals); answer at `threshold`."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5

    def confidence(self, evidence: Signals) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def answers(self, evidence: Signals) -> bool:
        if evidence.document_names < MIN_DOCUMENT_NAMES or not evidence.document_numbers:
            return False
        return self.confidence(evidence) >= self.threshold

    def at(self, threshold: float | None) -> Decision:
        """The same model answering from another confidence; None keeps the fitted threshold."""
        return self if threshold is None else replace(self, threshold=threshold)

    def record(self) -> dict[str, object]:
        """The fields a decision is kept as, in `decision.json` or an index's manifest."""
        return {
            "signals": list(SIGNAL_NAMES),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }

    @classmethod
    def from_record(cls, data: Mapping[str, object], where: str) -> Decision:
        """A kept decision; it names the signals it was fitted on, which must be these."""
        try:
            if tuple(data["signals"]) != SIGNAL_NAMES:  # type: ignore[arg-type]
                raise ValueError(f"{where} was fitted on signals {data['signals']}, this version uses {SIGNAL_NAMES}")
            weights = tuple(float(w) for w in data["weights"])  # type: ignore[attr-defined]
            return cls(weights, float(data["bias"]), float(data["threshold"]))  # type: ignore[arg-type]
        except (KeyError, TypeError) as error:
            raise ValueError(f"{where} holds no answer decision: missing or malformed {error}") from error

    @classmethod
    def load(cls, path: Path = DECISION_FILE) -> Decision:
        """The shipped decision, fitted on the project's own collections."""
        return cls.from_record(json.loads(path.read_text(encoding="utf-8")), str(path))
