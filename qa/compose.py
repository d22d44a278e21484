"""Retrieved paragraphs -> the answer: verbatim extracts, their attribution and their footnotes.

Nothing here writes a word of its own about the question: every quote is a slice of its
paragraph, and every footnote cited has its marker inside a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from qa.answer_template import answer_template
from qa.answer_type import answer_type, gives_answer_type, marks, names_counted
from qa.corpus import Article, Paragraph
from qa.decision import Decision, Signals, is_keyword_match, is_keyword_question, signals
from qa.passages import sentence_spans
from qa.retrieve import Hit, ScoredSpan
from qa.sentences import NOTE_MARKER_RE, Span, leans_on_previous, note_label
from qa.settings import DEFAULT_SOURCE_MARGIN, QuoteMode
from qa.terms import question_terms, terms

MAX_QUOTE_CHARS = 700
"""Beyond about this length a quote stops being an extract; extra sentences are left out."""
CLOSE_TO_BEST = 0.1
"""A further sentence is quoted too when it scores within this much of the best quote."""
PAIR_SLACK = 0.1
"""In "passage" quotes, a sentence is quoted with its neighbour when the pair scores within this much of it alone."""
PARTNER_SHARE = 0.85
"""In "sentence" quotes, a sentence of the best pair stays only when it scores at least this share of the other.
On the dev splits (k=3) extra sentences fell 0.630 -> 0.296 (bundled) and 0.317 -> 0.195 (real) against
keeping every sentence that brings a question word, support unchanged; 0.8 kept more (0.370), 0.9 lost support."""
TYPED_SHARE = 0.8
"""In "sentence" quotes, the least share of the best score a quote may have to be quoted instead for giving the
quantity, date or name asked for (0.75 measured the same on the dev splits; an absolute 0.1 missed answers)."""
PAIR_GAIN = 0.05
"""In "sentence" quotes, a pair of sentences is quoted only when it scores this much above its better sentence."""
RESTATING_NEW_WORDS = 5
"""In "sentence" quotes, a quote adding fewer content words than this to the question's own restates it, and the
paragraph's next sentence is quoted with it (`_past_restatement`). Measured on the dev splits of all three eval
collections (3, 4, 5, 6): 3 changed nothing; at 5 answer support on the real documents rose 0.708 -> 0.729 and
footnote recall 0.677 -> 0.710, extra sentences 0.222 -> 0.250, bundled and formats unchanged; 4 added an extra
sentence and no support, 6 three extra sentences."""
NEAREST_SHOWN = 3
MIN_QUOTE_WORDS = 3
"""A best quote of fewer words is a label (a table cell, a list item, a caption), not a statement: it answers
nothing by itself. On the dev splits it abstained on one more unanswerable real question (0.643 -> 0.714)
and silenced no answer on any collection; from 4 words it silenced answers."""
TYPED_LEAD_CONFIDENCE = 0.85
"""The decision's least confidence (`qa.decision.Decision.confidence`) in a source ranked below the first that the
answer is given from because only its quote gives the kind of answer asked (`Composer.lead`).

A first source lacking that kind usually means the collection does not hold the answer: on the dev splits, taking
the first source giving it at the decision's own threshold answered 13 more unanswerable wild questions and 3 real
ones (abstention 0.667 -> 0.493 and 0.929 -> 0.714) for 5 more supported wild answers. Those unanswerable
questions' lower sources scored 0.225 to 0.816; the answering ones 0.727 to 0.906 (docs/past-measurements.md,
round 30): chosen on those few questions, so read as a bound, not a fit."""
_WORD_RE = re.compile(r"\w+")
_ANAPHOR_RE = re.compile(r"(?:It|Its|This|These|That|Those|They|Their|Such|He|His|She|Her)\b")
"""A sentence opening with a pronoun or a demonstrative speaks of what the one before it named. Narrower than
`qa.sentences.leans_on_previous`: a connective ("But", "Also") opens a new claim, and on the dev splits
quoting it along added extra sentences and no support."""
_DEFINITE_RE = re.compile(r"The (\w+)\b")
"""A sentence opening with "The" and a noun speaks of the one before it when that one holds the noun."""
_CITES_A_SOURCE_RE = re.compile(r"\b(?:1[5-9]|20)\d\d\b|\bpp?\.\s*\d|\bparas?\.|https?://|www\.", re.IGNORECASE)
"""What a note citing a source gives: a year, a page, a paragraph number or an address. Such a note (a title, an
author, a report's name) shares the topic's words with questions without saying anything of its own; a note giving
none of them explains (`_with_noted_words`)."""
_WHY_RE = re.compile(r"\bwhy\b", re.IGNORECASE)
_OTHER_ASK_RE = re.compile(r"\b(?:what|which|how|who|whom|whose|when|where|whether)\b", re.IGNORECASE)
_REASON_RE = re.compile(
    r"\b(?:because|given|due to|owing to|as a result|so that|in order to|thereby|therefore|thus|hence|reasons?)\b",
    re.IGNORECASE,
)
"""Words that give a reason or a purpose: what a "why" question asks for. English states a cause with a conjunction
("because", "so that"), a preposition ("due to", "given") or a connective adverb ("therefore", "thereby"); "since"
and "as" are left out, for they as often say when."""


@dataclass(frozen=True)
class Quote:
    """A verbatim piece of a paragraph: `paragraph.text[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Citation:
    """A footnote marker inside a quote, resolved in the quote's own article (None: undefined, or the marker is
    noteless: `Paragraph.noteless`)."""

    number: int
    text: str | None

    @property
    def label(self) -> str:
        """The note's mark as printed (`note_label`): the number, or a symbol note's symbols."""
        return note_label(self.number)


@dataclass(frozen=True)
class Source:
    rank: int
    score: float
    article: Article
    paragraph: Paragraph
    quotes: tuple[Quote, ...]
    footnotes: tuple[Citation, ...]
    context_before: Quote | None = None
    """The paragraph's sentence just before the quotes: context, not quoted, not cited."""
    context_after: Quote | None = None
    """The paragraph's sentence just after the quotes."""
    coverage: float = 0.0
    """Share of the question's term weight (by rarity in the collection) the paragraph holds (`Hit.coverage`)."""


@dataclass(frozen=True)
class Answer:
    question: str
    abstained: bool
    text: str
    """The answer rendered by the template, ready to paste."""
    sources: tuple[Source, ...]
    nearest: tuple[Source, ...] = ()
    """Passages that are explicitly not an answer: on abstention the closest ones; otherwise those
    retrieved but scoring far below the best source (see `Composer.strong`)."""


def sentences_of(spans: Sequence[ScoredSpan]) -> tuple[Span, ...]:
    """A paragraph's sentences, in order, recovered from its indexed spans instead of splitting it again.

    The index holds each sentence alone, with its neighbour and within the whole paragraph
    (`qa.passages.passage_spans`), so the shortest span starting at a position is the sentence that
    starts there. Quotes are thereby cut exactly where the index cut, and no answer pays for a split
    (pysbd takes several milliseconds per paragraph on first use).
    """
    return tuple(sentence_spans(scored.span for scored in spans))


def select_quotes(
    text: str, spans: Sequence[ScoredSpan], mode: QuoteMode = "sentence", question: str = ""
) -> tuple[Quote, ...]:
    """The sentences of a paragraph that answer best, verbatim, as runs of adjacent sentences.

    "sentence" quotes the best-scoring sentence, or a pair of sentences when the pair scores
    PAIR_GAIN above every sentence alone (the answer then spans both); when the question asks for a number or a
    date and that quote holds none, the best quote nearly as good that holds one is quoted
    instead. "passage" also adds sentences that score nearly as well, and the sentence a leading
    pronoun leans on, as the first release did. `spans` are every indexed span of the paragraph with
    its score (see `sentences_of`).
    """
    return _select(text, sentences_of(spans), spans, mode, question)


def _select(
    text: str, sentences: tuple[Span, ...], spans: Sequence[ScoredSpan], mode: QuoteMode, question: str
) -> tuple[Quote, ...]:
    """`select_quotes` for a paragraph whose `sentences` are known (`to_source` needs them again for context)."""
    sentence_set = frozenset(sentences)
    if not sentences:
        return ()
    whole = Span(sentences[0].start, sentences[-1].end)
    candidates = [s for s in spans if s.span != whole or len(sentences) <= 2] or list(spans)
    if not candidates:
        return (Quote(text[whole.start : whole.end], whole.start, whole.end),)
    single = best_of_each(s for s in candidates if s.span in sentence_set)
    best = max(candidates, key=lambda s: s.score)
    if _span_length(best.span) > MAX_QUOTE_CHARS and single:
        best = _best_inside(best.span, single)
    if mode == "sentence":
        chosen = _tight(text, sentences, candidates, single, best, question)
    else:
        chosen = _passage(text, sentences, candidates, single, best, whole)
    return tuple(_runs(text, sentences, sorted(chosen)))


def best_of_each(scored: Iterable[ScoredSpan]) -> dict[Span, float]:
    """The best score of each span: a sentence citing a note has two entries, its own words' and the note's
    (`qa.passages.note_entries`), and it is quoted for the better."""
    best: dict[Span, float] = {}
    for s in scored:
        best[s.span] = max(s.score, best.get(s.span, s.score))
    return best


def _best_inside(span: Span, single: Mapping[Span, float]) -> ScoredSpan:
    """The best single sentence inside `span` (the best of all when none is inside)."""
    inside = {sentence: score for sentence, score in single.items() if _within(sentence, span)}
    return ScoredSpan(*max((inside or single).items(), key=lambda item: item[1]))


def _tight(
    text: str,
    sentences: Sequence[Span],
    candidates: Sequence[ScoredSpan],
    single: Mapping[Span, float],
    best: ScoredSpan,
    question: str,
) -> set[int]:
    """The best sentence, or the best quote of two sentences when it beats every sentence alone by PAIR_GAIN.

    A quote of two keeps a sentence only when it scores nearly as well as the better one (`_keep_close`):
    the model scores longer text higher, and a neighbour about something else must not ride along. A
    question asking for a quantity, date or name is quoted where a sentence on its topic gives one
    (`_gives`), and a sentence that only makes sense with the quote ("This includes...") comes with it
    when it costs the quote nothing (`_with_follower`). A keyword look-up is quoted where the paragraph
    first names it (`_first_mention`).
    """
    best = _pair_only_if_clearly_better(best, [ScoredSpan(*item) for item in single.items()])
    chosen = _keep_close(sentences, _inside(sentences, best.span), single)
    first = _first_mention(text, sentences, question)
    if first is not None:
        chosen = {first}
    if answer_type(question) != "other" and not _gives(text, sentences, chosen, question):
        typed = [
            s
            for s in candidates
            if s.score >= TYPED_SHARE * best.score
            and _span_length(s.span) <= MAX_QUOTE_CHARS
            and _gives(text, sentences, _inside(sentences, s.span), question)
        ]
        if typed:
            top = max(typed, key=lambda s: s.score)
            top = _pair_only_if_clearly_better(top, [s for s in typed if s.span in single])
            chosen = _inside(sentences, top.span)
    if not _names_all_asked(text, sentences, chosen, question):
        chosen = _followers(text, sentences, candidates, single, chosen, question)
    chosen = _past_restatement(text, sentences, chosen, question)
    return _with_reason(text, sentences, chosen, question)


def _with_reason(text: str, sentences: Sequence[Span], chosen: set[int], question: str) -> set[int]:
    """`chosen` and the sentence after it when the question asks why, the quote gives no reason (`_REASON_RE`) and
    that next sentence gives one: the quote states what the question asks about ("Baidu did not offer users
    end-to-end encryption."), and the paragraph goes on to say why ("This is unsurprising, given China's laws...").

    The model scores the sentence naming the question's topic above the one giving its reason, which shares fewer
    of its words. A "why" question is one whose first interrogative is "why" (`answer_type` "other": "Why did the
    report say how many..." asks why, "How many ... and why" how many)."""
    last = max(chosen)
    if (
        last + 1 >= len(sentences)
        or answer_type(question) != "other"
        or not _asks_why(question)
        or any(_REASON_RE.search(text[sentences[i].start : sentences[i].end]) for i in chosen)
        or not _REASON_RE.search(text[sentences[last + 1].start : sentences[last + 1].end])
        or _length(sentences, chosen | {last + 1}) > MAX_QUOTE_CHARS
    ):
        return chosen
    return chosen | {last + 1}


def _asks_why(question: str) -> bool:
    """Whether "why" is the question's first interrogative word (before "what", "how", "which"...)."""
    why = _WHY_RE.search(question)
    other = _OTHER_ASK_RE.search(question)
    return why is not None and (other is None or why.start() <= other.start())


def _first_mention(text: str, sentences: Sequence[Span], question: str) -> int | None:
    """The paragraph's first sentence holding a keyword question as written (`is_keyword_match`); None when the
    question is no keyword look-up or no one sentence holds it.

    A look-up of a term ("research compendium", an acronym) asks what it is, and a text says that where it
    introduces the term, at its first mention ("the research compendium, a mechanism that..."; "Control of
    Electromagnetic Radiation (CONELRAD)"); later sentences use the term to say something else, and score as well
    on its words. On the dev splits (k=3) wild answer support rose 0.661 -> 0.695, footnote recall 0.667 -> 0.733,
    extra sentences 0.364 -> 0.318; the bundled, formats and real figures did not move."""
    if not is_keyword_question(question):
        return None
    return next(
        (i for i, span in enumerate(sentences) if is_keyword_match(question, text[span.start : span.end])), None
    )


def _pair_only_if_clearly_better(best: ScoredSpan, sentences: Sequence[ScoredSpan]) -> ScoredSpan:
    """`best`, or the best of the single `sentences` when `best` spans more than one and does not beat it by
    PAIR_GAIN: a longer quote must earn its extra sentence."""
    alone = max(sentences, key=lambda s: s.score, default=None)
    if alone is not None and best.span not in {s.span for s in sentences} and best.score < alone.score + PAIR_GAIN:
        return alone
    return best


def _keep_close(sentences: Sequence[Span], chosen: set[int], single: Mapping[Span, float]) -> set[int]:
    """The best-scoring sentence of `chosen`, with the neighbours in it that score at least PARTNER_SHARE of it.

    By score, not by question words: a sentence restating the question's words outscores the one
    answering it on words alone, while the score (similarity plus rare question words) weighs both.
    """
    if len(chosen) < 2:
        return chosen
    anchor = max(chosen, key=lambda i: single.get(sentences[i], -2.0))
    floor = PARTNER_SHARE * single.get(sentences[anchor], 0.0)
    kept = {anchor}
    for step in (-1, 1):
        i = anchor + step
        while i in chosen and floor > 0 and single.get(sentences[i], -2.0) >= floor:
            kept.add(i)
            i += step
    return kept


def _gives(text: str, sentences: Sequence[Span], chosen: set[int], question: str) -> bool:
    """Whether a chosen sentence gives the kind of answer asked for and holds a question word.

    A number in a sentence about something else ("Currently, there are two") counts something else.
    """
    return any(_sentence_gives(text[sentences[i].start : sentences[i].end], question) for i in chosen)


@lru_cache(maxsize=1 << 12)
def _sentence_gives(sentence: str, question: str) -> bool:
    """`_gives` for one sentence, remembered: choosing a typed quote asks it of the same sentences for each
    candidate passage holding them, and of every retrieved paragraph again when the question is asked again."""
    asked = question_terms(question)
    return bool(marks(sentence, question)) and (not asked or bool(sentence_terms(sentence) & asked))


@lru_cache(maxsize=1 << 12)
def sentence_terms(sentence: str) -> frozenset[str]:
    """The `terms` of a sentence, remembered: quoting asks for those of the same sentences for every question that
    reaches their paragraph. A quote's terms are the union of its sentences' (no word or marker crosses the space
    that joins them)."""
    return frozenset(terms(sentence))


def _with_follower(
    text: str,
    sentences: Sequence[Span],
    candidates: Sequence[ScoredSpan],
    single: Mapping[Span, float],
    chosen: set[int],
) -> set[int]:
    """`chosen` and the sentence after it when that one opens by pointing back at it (`_speaks_of`) and the pair
    of the two scores no lower than the quote's last sentence alone: what it says ("This includes X") is about
    the quote. On the dev splits, a pronoun follower: real support 0.729 -> 0.750, extra sentences 0.175 ->
    0.225 (bundled unchanged); a "The <noun>" follower too: bundled support 0.806 -> 0.839, footnote recall
    0.895 -> 0.947, real extra sentences 0.225 -> 0.250.
    """
    last = max(chosen)
    if last + 1 >= len(sentences) or not _speaks_of(
        text[sentences[last + 1].start :], text[sentences[last].start : sentences[last].end]
    ):
        return chosen
    pair = Span(sentences[last].start, sentences[last + 1].end)
    score = next((s.score for s in candidates if s.span == pair), None)
    if (
        score is None
        or score < single.get(sentences[last], score)
        or _length(sentences, chosen | {last + 1}) > MAX_QUOTE_CHARS
    ):
        return chosen
    return chosen | {last + 1}


def _followers(
    text: str,
    sentences: Sequence[Span],
    candidates: Sequence[ScoredSpan],
    single: Mapping[Span, float],
    chosen: set[int],
    question: str,
) -> set[int]:
    """`chosen` with its follower (`_with_follower`), and each further follower of that one that holds a word of
    the question: a chain of sentences each pointing back at the one before ("This proposed AD results from
    information (MCAI)... The MCAI describes the unsafe condition as...") goes on answering while it names what was
    asked, and turns to something else ("It could become the basis for...") once it names none of it. On the dev
    splits (k=3): wild answer support 0.602 -> 0.608, extra sentences unchanged on every collection; a chain without
    the question's word raised bundled extra sentences 0.222 -> 0.259 for the same answer."""
    followed = _with_follower(text, sentences, candidates, single, chosen)
    asked = question_terms(question)
    while followed != chosen:
        chosen = followed
        last = max(chosen)
        if last + 1 >= len(sentences) or not (
            sentence_terms(text[sentences[last + 1].start : sentences[last + 1].end]) & asked
        ):
            break
        followed = _with_follower(text, sentences, candidates, single, chosen)
    return chosen


def _names_all_asked(text: str, sentences: Sequence[Span], chosen: set[int], question: str) -> bool:
    """Whether the quote holds every content word of a question asking for no kind of answer (`answer_type`
    "other") and no keyword look-up.

    Such a quote states what was asked in full ("The Cabinet Office is a department responsible for..." to "What
    does the Cabinet Office do?"), and a following sentence pointing back at it ("It is composed of...") goes on
    to something else: it is shown as context, not quoted (`_with_follower`). A question asking for a name or a
    number ("Which leaders...?") is answered by the follower that gives them ("This includes the prime
    minister..."), and a keyword look-up, held whole by any sentence naming it, asks what the thing is, which the
    follower often says. On the dev splits (k=3): real extra sentences 0.237 -> 0.184; bundled, formats and wild
    unchanged, answer support and footnote recall unchanged on every collection."""
    asked = question_terms(question)
    held = frozenset().union(*(sentence_terms(text[sentences[i].start : sentences[i].end]) for i in chosen))
    return bool(asked) and asked <= held and answer_type(question) == "other" and not is_keyword_question(question)


def _past_restatement(text: str, sentences: Sequence[Span], chosen: set[int], question: str) -> set[int]:
    """`chosen` and the sentence after it when the quote adds fewer than RESTATING_NEW_WORDS content words to the
    question's own, and no more than it holds of the question's: a quote that restates the question (to "Why did
    the count fail?", "The old machines contributed to the failure of the count.") outscores the one that answers
    it on the question's words, and the paragraph goes on to say what it announced.

    A restating quote that opens by pointing back ("This makes the votes difficult to search.") states the
    consequence of what the sentence before it said: that sentence is quoted with it instead. On the dev splits:
    wild answer support 0.692 -> 0.731, extra sentences 0.429 -> 0.381; the other collections unchanged."""
    first, last = min(chosen), max(chosen)
    held = frozenset().union(*(sentence_terms(text[sentences[i].start : sentences[i].end]) for i in chosen))
    asked = question_terms(question)
    new = len(held - asked)
    if new >= RESTATING_NEW_WORDS or new > len(held & asked):
        return chosen
    if first > 0 and _ANAPHOR_RE.match(text[sentences[first].start :]):
        added = first - 1
    elif last + 1 < len(sentences):
        added = last + 1
    else:
        return chosen
    return chosen if _length(sentences, chosen | {added}) > MAX_QUOTE_CHARS else chosen | {added}


def _speaks_of(follower: str, sentence: str) -> bool:
    """Whether `follower` opens by pointing back at `sentence`: with a pronoun or demonstrative ("This includes"),
    or with "The" and a noun `sentence` holds ("...a contact group... The group is to be composed of")."""
    if _ANAPHOR_RE.match(follower):
        return True
    named = _DEFINITE_RE.match(follower)
    return named is not None and bool(terms(named.group(1)) & sentence_terms(sentence))


def _inside(sentences: Sequence[Span], span: Span) -> set[int]:
    return {i for i, sentence in enumerate(sentences) if _within(sentence, span)}


def _passage(
    text: str,
    sentences: Sequence[Span],
    candidates: Sequence[ScoredSpan],
    single: Mapping[Span, float],
    best: ScoredSpan,
    whole: Span,
) -> set[int]:
    """The best quote widened: a pair near its sentence, a pronoun's antecedent, near-best sentences."""
    if best.span in single:
        pairs = [s for s in candidates if _within(best.span, s.span) and s.span != best.span and s.span != whole]
        partner = max(pairs, key=lambda s: s.score, default=None)
        if partner and partner.score >= best.score - PAIR_SLACK and _span_length(partner.span) <= MAX_QUOTE_CHARS:
            best = partner
    chosen = {i for i, sentence in enumerate(sentences) if _within(sentence, best.span)}
    first = min(chosen)
    if first > 0 and leans_on_previous(text[sentences[first].start :]):
        chosen.add(first - 1)
    for i, sentence in enumerate(sentences):
        if i in chosen or single.get(sentence, -2.0) < best.score - CLOSE_TO_BEST:
            continue
        if _length(sentences, chosen | {i}) <= MAX_QUOTE_CHARS:
            chosen.add(i)
    return chosen


def context(text: str, sentences: Sequence[Span], quotes: Sequence[Quote]) -> tuple[Quote | None, Quote | None]:
    """The sentence just before the first quote and the one just after the last, if the paragraph has them.

    Shown apart from the quote (never inside its quotation marks) so a reader sees what a pronoun
    or a "this" refers to without the quote growing; nothing in them is cited.
    """
    if not quotes:
        return None, None
    before = [s for s in sentences if s.end <= quotes[0].start]
    after = [s for s in sentences if s.start >= quotes[-1].end]
    return (
        Quote(text[before[-1].start : before[-1].end], before[-1].start, before[-1].end) if before else None,
        Quote(text[after[0].start : after[0].end], after[0].start, after[0].end) if after else None,
    )


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _span_length(span: Span) -> int:
    return span.end - span.start


def _length(sentences: Sequence[Span], chosen: set[int]) -> int:
    return sum(_span_length(sentences[i]) for i in chosen)


def _runs(text: str, sentences: Sequence[Span], chosen: list[int]) -> list[Quote]:
    runs: list[list[int]] = []
    for i in chosen:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    quotes = []
    for run in runs:
        start, end = sentences[run[0]].start, sentences[run[-1]].end
        quotes.append(Quote(text[start:end], start, end))
    return quotes


def cite(article: Article, paragraph: Paragraph, quotes: Sequence[Quote]) -> tuple[Citation, ...]:
    """Footnotes whose markers stand inside the quotes, in order, each once.

    A noteless marker (`Paragraph.cites`) is cited with a null note, as a number the article defines no note for:
    its number's note, out of its reach, is not the one the text cites there. One marker of the number that does
    cite its note gives the note.
    """
    numbers: dict[int, bool] = {}
    for marker in paragraph.markers:
        if any(q.start <= marker.start and marker.end <= q.end for q in quotes):
            numbers[marker.number] = numbers.get(marker.number, False) or paragraph.cites(marker)
    return tuple(Citation(n, article.footnote(n, paragraph.page) if cited else None) for n, cited in numbers.items())


def _with_noted_words(
    text: str, sentences: Sequence[Span], quotes: Sequence[Quote], notes: Mapping[int, str], question: str
) -> tuple[Quote, ...]:
    """`quotes` and the sentence of the paragraph citing a note that holds question words which neither the
    paragraph's own sentences nor the notes the quotes cite hold, when one does: the document put that part of the
    answer in the note, and the note is shown only beneath a quote holding its marker (`cite`). Words the paragraph
    itself holds are left to the sentence scores: reference notes (a title, a source) share the topic's words.

    `notes` are the texts of the notes each sentence cites, by the sentence's position. Of several such sentences,
    the one whose notes hold most of the missing words is quoted, the nearest to the quotes on a tie. A note citing
    a source (`_CITES_A_SOURCE_RE`) counts for nothing. On the dev splits: wild answer support 0.630 -> 0.635 and
    footnote recall 0.716 -> 0.730, extra sentences unchanged; bundled, formats and real unchanged. Counting every
    note, bundled abstention fell 0.889 -> 0.778 and extra sentences rose 0.222 -> 0.370 (docs/past-measurements.md,
    round 25)."""
    chosen = {i for i, s in enumerate(sentences) if any(q.start <= s.start and s.end <= q.end for q in quotes)}
    if not chosen:
        return tuple(quotes)
    held = frozenset().union(
        *(sentence_terms(text[s.start : s.end]) for s in sentences),
        *(sentence_terms(notes[i]) for i in chosen if i in notes),
    )
    missing = question_terms(question) - held
    filling = {
        i: len(sentence_terms(note) & missing)
        for i, note in notes.items()
        if i not in chosen and not _CITES_A_SOURCE_RE.search(note)
    }
    ranked = sorted(
        (i for i, found in filling.items() if found),
        key=lambda i: (-filling[i], min(abs(i - j) for j in chosen)),
    )
    if not ranked or _length(sentences, chosen | {ranked[0]}) > MAX_QUOTE_CHARS:
        return tuple(quotes)
    return tuple(_runs(text, sentences, sorted(chosen | {ranked[0]})))


def cited_note_texts(article: Article, paragraph: Paragraph, sentences: Sequence[Span]) -> dict[int, str]:
    """The texts of the notes each sentence of the paragraph cites (noteless markers cite none), by its position."""
    texts: dict[int, list[str]] = {}
    for marker in paragraph.markers:
        note = article.footnote(marker.number, paragraph.page) if paragraph.cites(marker) else None
        holding = next((i for i, s in enumerate(sentences) if s.start <= marker.start and marker.end <= s.end), None)
        if note is not None and holding is not None:
            texts.setdefault(holding, []).append(note)
    return {i: " ".join(notes) for i, notes in texts.items()}


def to_source(hit: Hit, mode: QuoteMode = "sentence", question: str = "") -> Source:
    text = hit.paragraph.text
    sentences = sentences_of(hit.spans)
    quotes = _select(text, sentences, hit.spans, mode, question)
    if mode == "sentence" and hit.paragraph.markers:
        notes = cited_note_texts(hit.article, hit.paragraph, sentences)
        quotes = _with_noted_words(text, sentences, quotes, notes, question)
    before, after = context(text, sentences, quotes)
    citations = cite(hit.article, hit.paragraph, quotes)
    return Source(hit.rank, hit.score, hit.article, hit.paragraph, quotes, citations, before, after, hit.coverage)


def assess(hit: Hit, question: str) -> Signals:
    """The decision's signals for the best hit."""
    return signals(question, hit.score, hit.coverage, hit.paragraph.text, hit.article)


class Composer:
    """Decides whether the hits answer the question and renders the answer through its template."""

    def __init__(
        self, decision: Decision, source_margin: float = DEFAULT_SOURCE_MARGIN, quote_mode: QuoteMode = "sentence"
    ) -> None:
        self.decision = decision
        self.source_margin = source_margin
        self.quote_mode = quote_mode
        self._template = answer_template()

    def at(self, threshold: float) -> Composer:
        """The same composer deciding from another confidence threshold (for sweeps)."""
        return Composer(self.decision.at(threshold), self.source_margin, self.quote_mode)

    def compose(self, question: str, hits: Sequence[Hit]) -> Answer:
        found = tuple(to_source(hit, self.quote_mode, question) for hit in hits)
        sources = self.answering(question, hits, found)
        if not sources:
            nearest = found[:NEAREST_SHOWN]
            text = self._template.render(question=question, abstained=True, sources=(), nearest=nearest)
            return Answer(question, True, text, (), nearest)
        sources, weak = self.strong(question, sources)
        text = self._template.render(question=question, abstained=False, sources=sources, nearest=weak)
        return Answer(question, False, text, sources, weak)

    def strong(self, question: str, sources: Sequence[Source]) -> tuple[tuple[Source, ...], tuple[Source, ...]]:
        """The answering sources split into those that stand beside the best one and those that do not.

        The best one is the first-ranked, the one the decision answered from; not the highest-scoring, which
        ranking may have put lower (on the dev splits taking the highest-scoring one lost bundled support
        0.839 -> 0.806, wild 0.692 -> 0.615, and bundled footnote recall 0.947 -> 0.895).

        k is the most sources an answer quotes, not a quota. A question's evidence is usually one
        paragraph, and a paragraph scoring near the best is far more often a neighbour on the same topic
        than a second answer (on the dev splits, 11 of 170 further sources held evidence, nearly all where
        the best one did not). So a further source is quoted only when it would be an answer on its own
        (the decision answers from its own score, and its quote gives the kind of answer asked for), scores
        within `source_margin` of the best (default 0.01: as well as the best) and holds at least as much of the
        question's rare-term weight as the best does (see README, "Scores and weak sources"). The paragraph right
        after a best quote announcing it (`announces`) is quoted too when it would answer on its own, whatever its
        score. The others are shown, if at all, as nearest passages.
        """
        best = sources[0]
        kept = tuple(
            s
            for s in sources
            if s is best
            or (
                (
                    (s.score >= best.score - self.source_margin and s.coverage >= best.coverage)
                    or (announces(best) and follows(s, best))
                )
                and self._answers_alone(question, s)
            )
        )
        return kept, tuple(s for s in sources if s not in kept)

    def _answers_alone(self, question: str, source: Source) -> bool:
        """Whether the source would be an answer were it the best: the decision and the answer type, on its own."""
        evidence = signals(question, source.score, source.coverage, source.paragraph.text, source.article)
        return (
            gives_answer_type(quoted(source), question)
            and names_counted(source.paragraph.text, question)
            and self.decision.answers(evidence)
        )

    def answering(self, question: str, hits: Sequence[Hit], sources: Sequence[Source]) -> tuple[Source, ...]:
        """All the sources, the one the answer is decided on first, or none when it is not an answer
        (`qa.decision`).

        A keyword question (one to three words) is answered by the passages that hold it verbatim; a
        question naming what the collection never mentions, or whose sources' quotes all lack the kind of
        answer it asks for, or whose leading quote (`lead`) is shorter than MIN_QUOTE_WORDS, or whose leading paragraph
        does not name what the question counts (`qa.answer_type.names_counted`), is not answered.
        """
        if not sources:
            return ()
        keyword = tuple(s for s in sources if is_keyword_match(question, s.paragraph.text))
        if keyword:
            return keyword
        first = lead(question, sources)
        if not hits[0].names_known or first is None:
            return ()
        if len(_WORD_RE.findall(NOTE_MARKER_RE.sub(" ", quoted(sources[first])))) < MIN_QUOTE_WORDS:
            return ()
        if not names_counted(sources[first].paragraph.text, question):
            return ()
        evidence = assess(hits[first], question)
        if not self.decision.answers(evidence):
            return ()
        if first > 0 and self.decision.confidence(evidence) < TYPED_LEAD_CONFIDENCE:
            return ()
        return (sources[first], *sources[:first], *sources[first + 1 :])


def announces(source: Source) -> bool:
    """Whether the source's quote ends its paragraph with a colon: it announces what the next paragraph says ("The
    AQuA Book uses the following terms to indicate whether recommendations are mandatory or advisory:", "If not,
    here is how Wikipedia defines it:"), and answers nothing by itself.

    Such a lead-in shares the question's words with the paragraphs it introduces and scores as well as them, so it
    can rank first while the definition or list item asked for ranks second or third (on the dev splits (k=3),
    quoting that next paragraph with it: wild answer support 3 questions up, no weak source added;
    docs/past-measurements.md, round 31)."""
    last = source.quotes[-1] if source.quotes else None
    return last is not None and last.text.rstrip().endswith(":") and not source.paragraph.text[last.end :].strip()


def follows(source: Source, lead_in: Source) -> bool:
    """Whether `source` is the paragraph right after `lead_in`'s in the same article."""
    return source.article.id == lead_in.article.id and source.paragraph.index == lead_in.paragraph.index + 1


def quoted(source: Source) -> str:
    """A source's quotes, joined by a space: what the answer type is read from."""
    return " ".join(quote.text for quote in source.quotes)


def lead(question: str, sources: Sequence[Source]) -> int | None:
    """The position of the source an answer is decided on: the first whose quote gives the kind of answer the
    question asks for (`qa.answer_type.gives_answer_type`; the first source for a question asking none), None when
    no quote gives it.

    Ranking weighs the kind of answer only a little (`qa.retrieve.TYPED_WEIGHT`), so a neighbour on the same
    subject can rank first without the date or number asked ("This version of the AQuA book is the final
    pre-publication draft." to "When was the previous edition ... published?") while the paragraph giving it
    ranks second. A lower source leads only when the decision is confident in it (`TYPED_LEAD_CONFIDENCE`)."""
    return next((i for i, source in enumerate(sources) if gives_answer_type(quoted(source), question)), None)
