"""Whether the best passage answers the question: signals any collection gives, weighed by a fitted model.

One cosine threshold, calibrated on one corpus, does not transfer: a collection of long reports
scores every question higher than a collection of short articles, and a question about something
the documents never mention ("What did Pope Francis say about refugees?") still lands on a passage
about refugees with a high score. So the decision weighs several signals that mean the same on any
collection, none of them naming a word of one:

- `score`: the best passage's dense evidence score (cosine plus the rare-term bonus);
- `coverage`: the share of the question's term weight (by rarity in this collection) that the best
  passage holds; a question's rarest words are its subject, and a passage without them is about
  something else;
- `names`: the share of the question's names (capitalised words past its first) that the best passage
  holds; a paraphrase changes common words, but a question naming a person or body the passage never
  names is about someone else.

Two rules stand before the model, because no weighing should overrule them: a question asking for a
kind of answer (a number for "how many", a date for "when", a name for "who" and "where";
`qa.answer_type`) is not answered by a quote that holds none; and a question that names someone or
something by two or more capitalised words, none of which the collection ever uses (in its text,
titles or bylines), asks about what the documents never mention.

A logistic model turns the signals into a confidence from 0 to 1; its weights are fitted on the dev splits
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
from dataclasses import dataclass
from pathlib import Path

DECISION_FILE = Path(__file__).parent / "decision.json"
KEYWORD_MAX_WORDS = 3
MAX_FALSE_ABSTENTION = 0.03
"""Share of answerable questions a fitted threshold may leave unanswered, unless the fitter says otherwise."""
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Signals:
    """What the best passage says about whether it answers; every field means the same on any collection."""

    score: float
    coverage: float
    names: float
    """Share of the question's capitalised words (its names) found in the best passage; 1.0 when it has none."""

    def vector(self) -> tuple[float, ...]:
        return tuple(getattr(self, name) for name in SIGNAL_NAMES)  # `asdict` deep-copies: 0.1 ms an answer


SIGNAL_NAMES: tuple[str, ...] = tuple(Signals.__dataclass_fields__)


_NAME_WORD_RE = re.compile(r"(?<=\s)[A-Z][\w’'-]*|(?<=\s)\w*\d\w*")


def name_coverage(question: str, passage: str) -> float:
    """Share of the question's names (capitalised or alphanumeric words past its first) the passage holds."""
    names = {word.lower().rstrip("’'s") for word in _NAME_WORD_RE.findall(question)}
    if not names:
        return 1.0
    # A name is held when a word of the passage is the name and at most two letters more ("Kim" in "Kims"):
    # the name is then one of a word's last three prefixes, found in a set instead of tried against each word.
    prefixes = {prefix for word in set(_WORD_RE.findall(passage.lower())) for prefix in (word, word[:-1], word[:-2])}
    return sum(name in prefixes for name in names) / len(names)


_MULTIWORD_NAME_RE = re.compile(r"(?<=\s)(?:[A-Z][\w’'-]+\s+)+[A-Z][\w’'-]+")


def question_names(question: str) -> list[str]:
    """The names a question gives in two or more capitalised words past its first ("Pope Francis")."""
    return [match.group(0) for match in _MULTIWORD_NAME_RE.finditer(question)]


def signals(question: str, score: float, coverage: float, passage: str) -> Signals:
    return Signals(score, coverage, name_coverage(question, passage))


def is_keyword_question(question: str) -> bool:
    """One to three words: a look-up of a name or phrase rather than a question."""
    return 0 < len(_WORD_RE.findall(question)) <= KEYWORD_MAX_WORDS


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
        return self.confidence(evidence) >= self.threshold

    def at(self, threshold: float | None) -> Decision:
        """The same model answering from another confidence; None keeps the fitted threshold."""
        return self if threshold is None else Decision(self.weights, self.bias, threshold)

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
