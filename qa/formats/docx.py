"""Word documents (`.docx`) -> one article (one per run of note numbers, where each section numbers its notes afresh):
the body's paragraphs, its footnotes and endnotes, its core properties, and the credit and date page 1's header or
footer prints (metadata only: a margin repeats on every page and is no text).

A `.docx` is a zip of XML parts. The body (`word/document.xml`) cites a note with a
`<w:footnoteReference w:id=...>` or `<w:endnoteReference>`, and the notes live in their own parts
(`word/footnotes.xml`, `word/endnotes.xml`), found through the body's relationships. Neither
python-docx 1.2.0 (it has no notes API) nor docx2python 3.7.1 (it writes markers as
`----footnote1----` into the text, and took 25.7 s where this parser took 1.8 s on the same 80 test
files) gives them as this parser needs, so the parts are read directly with lxml, as HTML is.

Numbering: Word numbers footnotes 1, 2, ... and endnotes separately (i, ii, ... by default), each in
the order the body cites them; the `w:id`s are internal and need not match. One article has one
note space, so a kind Word prints in digits keeps the numbers it prints and the other follows it
(a footnote printed "*" after endnotes printed 1..E); where both print digits, footnotes keep 1..F
and endnotes follow them (F+1..F+E); a note with a custom mark comes after all (`_Numbers`). A
marker is written `[n]` with that number; a reference to a note that its part does not hold still
gets its number, so it stays a marker of an undefined note. Where each section numbers its notes from
its start again (`w:numRestart`), each run of numbers is an article of its own, as a PDF's are, and so is each
separate statement (`_statements`).

Text is read as the page shows it: the letters of a run set in capitals or small capitals in upper case
(`docx_capitals`); the title and authors keep the letters as typed.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import takewhile

from lxml import etree

from qa.corpus import ParagraphKind
from qa.formats.document import (
    BYLINE_BY_RE,
    Block,
    Extracted,
    Parsed,
    assemble_sections,
    iso_date,
    literal_brackets,
    month_date,
    squash,
)
from qa.formats.docx_capitals import Capitals
from qa.formats.errors import UnreadableDocument
from qa.formats.metadata import (
    IDENTIFIER_RE,
    LABELLED_TERMS_RE,
    maker,
    memo_sender,
    personal_names,
    term_list,
    trusted,
    web_address,
)
from qa.sentences import NOTE_MARKER_RE, NOTE_SYMBOLS, note_key, note_label, split_sentences

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CORE = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_APP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_NOTE_KINDS = ("footnote", "endnote")
_HEADING_STYLE_RE = re.compile(r"title|heading\s*([1-9])", re.IGNORECASE)
"""Built-in style names (`Title`, `heading 1`): Word stores them in English whatever the user's language."""
_DATE_STYLE = "date"
_WORDED_RE = re.compile(r"[^\W_]")
"""A paragraph says something in letters or digits: one of brackets or rules alone (a caption table's column of
")" closing each line of the party block) is layout."""
_CONTENTS_STYLE_RE = re.compile(r"toc(?:\s+\w+)?|table of figures", re.IGNORECASE)
"""Contents styles by name: Word sets its table of contents in `toc 1`-`toc 9` under `TOC Heading` (stored in
English, as headings are); a template's own style for the contents' title is named after them ("TOC Title"). A list
of figures or tables is a contents too, set in `table of figures`: each caption again, with its page number."""
_CONTENTS_LINE_STYLE_RE = re.compile(r"toc\s*[1-9]|table of figures", re.IGNORECASE)
"""The contents styles of its lines (`toc 1`-`toc 9`, `table of figures`), not of its title (`TOC Heading`)."""
_CONTENTS_GALLERY = "Table of Contents"
"""The building block Word (and Google Docs' export) wraps a table of contents in: a `w:sdt` whose
`w:docPartGallery` is this, whatever style its lines are set in."""
_WORD_DEFAULT_SIZE = 20
"""Word's type size where neither a style nor the document's defaults set one: 10 points, in half-points."""
_TYPESET_HEADING_WORDS = 12
"""The most words a section name set by hand runs to ("Background and Purpose", "Objectives")."""
_OFF = frozenset({"0", "false", "off"})
"""The values that turn a run property such as bold off (`<w:b w:val="0"/>`)."""
_LIST_PARAGRAPH_STYLE = "list paragraph"
"""Word's built-in style for the items of a list it numbers or bullets (stored in English, as headings are)."""
"""The built-in paragraph style a document prints its date in, by name (stored in English, as headings are)."""
_CONTENTS_TITLE_WORDS = 4
"""The most words a contents' own title runs to ("Contents", "Table of Contents", "List of Figures")."""
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TITLE_LEVEL = 1
"""The deepest heading that may name the document: `Title` (level 0) or `heading 1`."""
_HEADING_MAX_WORDS = 40
"""The most words a heading runs to: a section's name, however long, is no paragraph of several sentences."""
_MAX_PART = 64 * 1024 * 1024
"""The largest XML part read, unpacked: a zip bomb is refused, not inflated."""
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)
"""What reading a damaged, truncated, encrypted or oddly compressed zip raises."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


class _Package:
    """The zip's parts, read on demand, each refused when it is too large to be a document part."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except _DAMAGED as error:
            raise UnreadableDocument(f"not a Word document (not a zip archive: {error})") from error
        self._names = set(self._zip.namelist())

    def xml(self, name: str) -> etree._Element | None:
        """The part `name` parsed, None when the package has no such part."""
        if name not in self._names:
            return None
        info = self._zip.getinfo(name)
        if info.file_size > _MAX_PART:
            raise UnreadableDocument(f"{name} unpacks to {info.file_size} bytes, more than a document part holds")
        try:
            data = self._zip.read(name)
        except _DAMAGED as error:
            raise UnreadableDocument(f"{name} cannot be unpacked ({type(error).__name__}: {error})") from error
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as error:
            raise UnreadableDocument(f"{name} is not readable XML ({error})") from error

    def related(self, part: str) -> dict[str, str]:
        """The targets of `part`'s relationships by type (the last segment of the type URI), as part names."""
        found: dict[str, str] = {}
        for kind, _, name in self._relationships(part):
            found.setdefault(kind, name)
        return found

    def targets(self, part: str) -> dict[str, str]:
        """The targets of `part`'s relationships by id (`r:id`, as a `w:footerReference` names its part)."""
        return {rel_id: name for _, rel_id, name in self._relationships(part)}

    def _relationships(self, part: str) -> Iterator[tuple[str, str, str]]:
        """Each internal relationship of `part`: its type (the last segment of the type URI), id and target part."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        for rel in rels.iter(f"{{{_REL}}}Relationship") if rels is not None else ():
            if rel.get("TargetMode") == "External" or not rel.get("Target"):
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            yield rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Id", ""), name


@dataclass
class _Styles:
    """What a paragraph style makes of a paragraph: a heading of a level (by name or outline level) or a list item."""

    levels: dict[str, int] = field(default_factory=dict)
    """Heading level of each heading style: 0 for `Title`, n for `heading n` or outline level n - 1."""
    lists: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    """Word's built-in `Date` style, in which a document prints its date under its title."""
    contents: set[str] = field(default_factory=set)
    """Styles of a table of contents: its lines repeat the headings with page or paragraph numbers, no text."""
    contents_lines: set[str] = field(default_factory=set)
    """The contents styles of its lines (`_CONTENTS_LINE_STYLE_RE`): what follows a contents' own title."""
    list_items: set[str] = field(default_factory=set)
    """Word's `List Paragraph` style (`_LIST_PARAGRAPH_STYLE`)."""
    default_size: int = _WORD_DEFAULT_SIZE
    """The type size (half-points) of a run that sets none: the `Normal` style's, else the document's default."""

    @classmethod
    def read(cls, root: etree._Element | None) -> _Styles:
        styles = cls()
        bases: dict[str, str] = {}
        body_text: set[str] = set()
        for style in root.iter(_w("style")) if root is not None else ():
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            name = style.find(_w("name"))
            label = name.get(_w("val"), "").strip() if name is not None else ""
            ppr = style.find(_w("pPr"))
            named = _HEADING_STYLE_RE.fullmatch(label)
            if label.lower() == _DATE_STYLE:
                styles.dates.add(style_id)
            if _CONTENTS_STYLE_RE.fullmatch(label):
                styles.contents.add(style_id)
            if _CONTENTS_LINE_STYLE_RE.fullmatch(label):
                styles.contents_lines.add(style_id)
            if label.lower() == _LIST_PARAGRAPH_STYLE:
                styles.list_items.add(style_id)
            if named:
                styles.levels[style_id] = int(named.group(1) or 0)
            elif (level := _outline_level(ppr)) is not None:
                styles.levels[style_id] = level
            elif _body_text_level(ppr):
                body_text.add(style_id)
            if ppr is not None and ppr.find(_w("numPr")) is not None:
                styles.lists.add(style_id)
            if (based := style.find(_w("basedOn"))) is not None and based.get(_w("val")):
                bases[style_id] = based.get(_w("val"), "")
        styles.levels |= _inherited_levels(styles.levels, bases, body_text)
        styles.default_size = _default_size(root) if root is not None else _WORD_DEFAULT_SIZE
        return styles

    def level(self, paragraph: etree._Element, text: str) -> int | None:
        """The paragraph's heading level, None for a paragraph that is no heading.

        A heading names what follows in a line or two; a paragraph of prose longer than `_HEADING_MAX_WORDS` set in a
        heading style (typed over a heading's style, its bold turned off by hand, as a decision's form sets its
        reasoning in `Heading 1`) is text, not the name of a section.
        """
        ppr = paragraph.find(_w("pPr"))
        if ppr is None or len(text.split()) > _HEADING_MAX_WORDS:
            return None
        style = ppr.find(_w("pStyle"))
        own = None if self.outlined_item(paragraph) else _outline_level(ppr)
        return own if own is not None else self.levels.get(style.get(_w("val"), "") if style is not None else "")

    def outlined_item(self, paragraph: etree._Element) -> bool:
        """Whether the paragraph is an item of a numbered list that was given an outline level by hand.

        An outline level set on one paragraph puts it in Word's navigation pane (and in a contents built from
        outline levels); set on an item of a list, numbered by the list (`w:numPr`) and kept in Word's
        `List Paragraph` style, it leaves a step of a procedure ("CSP: Begins to consult with the 3PAO ...") what
        it is on the page, a list item in body type, not a heading.
        """
        ppr = paragraph.find(_w("pPr"))
        return ppr is not None and ppr.find(_w("numPr")) is not None and _style(paragraph) in self.list_items

    def dated(self, paragraph: etree._Element) -> bool:
        """Whether the paragraph is set in the `Date` style."""
        return _style(paragraph) in self.dates

    def listed(self, paragraph: etree._Element) -> bool:
        """Whether the paragraph is a line of a table of contents (set in a contents style, or in Word's contents
        building block, `_in_contents_block`)."""
        return _style(paragraph) in self.contents or _in_contents_block(paragraph)

    def contents_line(self, paragraph: etree._Element) -> bool:
        """Whether the paragraph is one of a contents' lines, not its title (`_CONTENTS_LINE_STYLE_RE`)."""
        return _style(paragraph) in self.contents_lines or _in_contents_block(paragraph)

    def kind(self, paragraph: etree._Element, text: str, body_size: int) -> ParagraphKind:
        if self.level(paragraph, text) is not None or self.typeset_heading(paragraph, text, body_size):
            return "heading"
        ppr = paragraph.find(_w("pPr"))
        style = ppr.find(_w("pStyle")) if ppr is not None else None
        if ppr is not None and (
            ppr.find(_w("numPr")) is not None or (style is not None and style.get(_w("val")) in self.lists)
        ):
            return "bullet"
        return "text"

    def typeset_heading(self, paragraph: etree._Element, text: str, body_size: int) -> bool:
        """Whether a numbered paragraph is a heading set by hand: every run bold, in type larger than the body's.

        A template may number its sections with a list ("1.0 Background and Purpose", "2.0 Scope") and set their
        names in bold, larger type by hand, in the `Normal` style: a heading on the page, though no heading style
        says so. A list item is in the body's type; one in bold display type that ends no sentence names the section
        under it. It has no heading level (it never names the document).
        """
        ppr = paragraph.find(_w("pPr"))
        if ppr is None or ppr.find(_w("numPr")) is None or _SENTENCE_END_RE.search(text):
            return False
        if len(text.split()) > _TYPESET_HEADING_WORDS:
            return False
        runs = [(bold, size) for bold, size, chars in _run_faces(paragraph, self.default_size) if chars.strip()]
        return bool(runs) and all(bold and size > body_size for bold, size in runs)


def _style(paragraph: etree._Element) -> str | None:
    """The id of the paragraph's own style, None for the default one."""
    ppr = paragraph.find(_w("pPr"))
    style = ppr.find(_w("pStyle")) if ppr is not None else None
    return style.get(_w("val")) if style is not None else None


def _default_size(root: etree._Element) -> int:
    """The type size of a run that sets none: the `Normal` style's, else the document defaults', else Word's."""
    normal = next((style for style in root.iter(_w("style")) if style.get(_w("default")) == "1"), None)
    for rpr in (
        normal.find(_w("rPr")) if normal is not None and normal.get(_w("type")) == "paragraph" else None,
        root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}"),
    ):
        size = rpr.find(_w("sz")) if rpr is not None else None
        if size is not None and size.get(_w("val"), "").isdigit():
            return int(size.get(_w("val"), ""))
    return _WORD_DEFAULT_SIZE


def _run_faces(paragraph: etree._Element, default_size: int) -> Iterator[tuple[bool, int, str]]:
    """Each of the paragraph's own runs: whether it is set bold by hand, its type size and its text."""
    for run in paragraph.iter(_w("r")):
        if _owner(run) is not paragraph or _revised_away(run):
            continue
        rpr = run.find(_w("rPr"))
        bold = rpr.find(_w("b")) if rpr is not None else None
        size = rpr.find(_w("sz")) if rpr is not None else None
        value = size.get(_w("val"), "") if size is not None else ""
        yield (
            bold is not None and bold.get(_w("val"), "true") not in _OFF,
            int(value) if value.isdigit() else default_size,
            "".join(node.text or "" for node in run.iter(_w("t"))),
        )


def _body_size(paragraphs: list[etree._Element], default_size: int) -> int:
    """The type size most of the body's characters are set in (the runs' own, else `default_size`)."""
    counts: Counter[int] = Counter()
    for paragraph in paragraphs:
        for _, size, chars in _run_faces(paragraph, default_size):
            counts[size] += len(chars)
    return counts.most_common(1)[0][0] if counts else default_size


def _body_text_level(ppr: etree._Element | None) -> bool:
    """Whether a style sets Word's "body text" outline level (9) itself: it is no heading, whatever it is based on."""
    node = ppr.find(_w("outlineLvl")) if ppr is not None else None
    return node is not None and node.get(_w("val")) == "9"


def _inherited_levels(levels: dict[str, int], bases: dict[str, str], body_text: set[str]) -> dict[str, int]:
    """The heading level of each style that sets none itself but is based on a heading style.

    A template's own section style is often a heading style renamed and restyled: "GSA Section", based on
    `heading 1`, numbered by the template's list. Word gives it its base's outline level (it is a heading in the
    navigation pane and in the contents), so read alone it would be a list item. A style that sets the "body text"
    level itself (`_body_text_level`) stops the inheritance. `Title` (level 0) is a name, not an outline level: a
    style based on it is not the document's title.
    """
    inherited: dict[str, int] = {}
    for style_id in bases:
        seen = {style_id}
        base = bases.get(style_id)
        while base is not None and base not in seen and base not in levels and base not in body_text:
            seen.add(base)
            base = bases.get(base)
        if style_id not in levels and style_id not in body_text and base in levels and levels[base] > 0:
            inherited[style_id] = levels[base]
    return inherited


def _in_contents_block(paragraph: etree._Element) -> bool:
    """Whether the paragraph stands in Word's table-of-contents building block (`_CONTENTS_GALLERY`)."""
    for sdt in paragraph.iterancestors(_w("sdt")):
        gallery = sdt.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
        if gallery is not None and gallery.get(_w("val")) == _CONTENTS_GALLERY:
            return True
    return False


def _outline_level(ppr: etree._Element | None) -> int | None:
    """Heading level of an explicit outline level (`w:outlineLvl` 0-8); 9 is Word's "body text"."""
    node = ppr.find(_w("outlineLvl")) if ppr is not None else None
    value = node.get(_w("val"), "") if node is not None else ""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


_DEFAULT_NOTE_FORMATS = {"footnote": "decimal", "endnote": "lowerRoman"}
"""How Word numbers each kind of note where neither the section nor the settings say (`w:numFmt`): footnotes 1, 2,
..., endnotes i, ii, ...."""


def _note_property(kind: str, name: str, section: etree._Element | None, settings: etree._Element | None) -> str:
    """A kind's note property (`w:numFmt`, `w:numStart`, `w:numRestart`) as a section's `w:sectPr` sets it, else as
    the settings set it for the whole document; "" where neither does."""
    places = (place.find(_w(f"{kind}Pr")) for place in (section, settings) if place is not None)
    nodes = (pr.find(_w(name)) for pr in places if pr is not None)
    return next((node.get(_w("val"), "") for node in nodes if node is not None), "")


def _note_format(kind: str, settings: etree._Element | None, section: etree._Element | None) -> tuple[str, int]:
    """How Word prints a kind's numbers and where it starts (`w:numFmt`, `w:numStart`): as the section says, else as
    the settings say, else Word's default (`_DEFAULT_NOTE_FORMATS`, 1)."""
    start = _note_property(kind, "numStart", section, settings)
    number_format = _note_property(kind, "numFmt", section, settings)
    return number_format or _DEFAULT_NOTE_FORMATS[kind], int(start) if start.isdigit() else 1


def _sections(body: etree._Element) -> tuple[dict[etree._Element, int], list[etree._Element | None]]:
    """Which Word section each paragraph of the body is in, and each section's properties (`w:sectPr`), in order.

    Word ends a section with the paragraph whose properties hold the section's `w:sectPr`; the last section's are the
    body's own `w:sectPr`.
    """
    of: dict[etree._Element, int] = {}
    properties: list[etree._Element | None] = []
    for paragraph in body.iter(_w("p")):
        of[paragraph] = len(properties)
        if (ending := paragraph.find(f"{_w('pPr')}/{_w('sectPr')}")) is not None:
            properties.append(ending)
    return of, [*properties, body.find(_w("sectPr"))]


_CUSTOM = "custom"
"""The references with a custom mark (`_custom_mark`), of either kind, numbered apart from both kinds."""


def _custom_mark(reference: etree._Element) -> bool:
    """A reference Word prints no number for: the author typed its mark (a "*") in the run after it
    (`w:customMarkFollows`), and Word does not count it in the kind's sequence."""
    return reference.get(_w("customMarkFollows"), "false") not in _OFF


_SYMBOL_MARK_RE = re.compile(rf"[{NOTE_SYMBOLS}]{{1,3}}")


def _symbol_mark(reference: etree._Element) -> str | None:
    """The symbols a reference with a custom mark (`_custom_mark`) prints ("*", "†"), typed at the start of the
    text after it; None for another mark (a letter, a word), which stays typed text beside a numbered marker."""
    following = reference.xpath("following::w:t[1]", namespaces={"w": _W})
    mark = _SYMBOL_MARK_RE.match(following[0].text or "") if following else None
    return mark[0] if mark else None


class _Numbers:
    """Note numbers as a reader cites them: a kind Word prints in digits keeps the numbers it prints.

    Word numbers footnotes and endnotes apart, each from `w:numStart` in order of first citation, and prints them in
    its `w:numFmt` (`_note_format`). One article has one note space (a note's number is an int), so the kinds are
    numbered one after the other: first a kind printed in digits (`decimal...`), whose numbers a reader cites as
    printed, then the other (symbols such as chicago's *, †, roman numerals, letters), after the highest number
    the first took; of two kinds both printed in digits, footnotes keep theirs (1..F) and endnotes follow them
    (F+1..F+E), as the two printed sequences cannot both stand in one int space. A reference with a custom mark
    (`_custom_mark`) takes no number from its kind's sequence, as Word counts it in none; it is numbered after all
    the others, and its mark stays in the text as typed.

    A document whose sections number their notes afresh (`w:numRestart` "eachSect": an order's separate statements,
    each from 1) is numbered in runs, each a section that cites notes and the sections without notes after it, so
    that each note keeps the number its page prints and each run is an article of its own (`run_of`), where one
    number names one note. A run starts only where every kind the document cites starts again; where one kind
    starts again and the other counts on, and where numbers start again on each page (`eachPage`, which only a
    layout of pages decides), the notes count on through the document.
    """

    def __init__(self, body: etree._Element, settings: etree._Element | None) -> None:
        section_of, properties = _sections(body)
        cited: list[dict[str, list[tuple[str, str]]]] = [
            {kind: [] for kind in (*_NOTE_KINDS, _CUSTOM)} for _ in properties
        ]
        symbols: dict[tuple[str, str], str] = {}
        """The custom marks that are symbols: such a note is keyed by its symbols, as printed (`note_key`)."""
        for node in body.iter(*_references()):
            kind = etree.QName(node).localname.removesuffix("Reference")
            section = section_of.get(owner, 0) if (owner := _owner(node)) is not None else 0
            order = cited[section][_CUSTOM if _custom_mark(node) else kind]
            if (note_id := node.get(_w("id"))) is not None and (kind, note_id) not in order:
                order.append((kind, note_id))
                if _custom_mark(node) and (mark := _symbol_mark(node)):
                    symbols[(kind, note_id)] = mark
        kinds = {kind for section in cited for kind in _NOTE_KINDS if section[kind]}
        starts = [
            at
            for at, section in enumerate(cited)
            if at == 0
            or (
                any(section.values())
                and all(_note_property(kind, "numRestart", properties[at], settings) == "eachSect" for kind in kinds)
            )
        ]
        self._section_run = [sum(1 for start in starts if start <= at) - 1 for at in range(len(properties))]
        self._paragraph_run = {paragraph: self._section_run[at] for paragraph, at in section_of.items()}
        self._numbers: dict[tuple[str, str], tuple[int, int]] = {}
        for run, (first, end) in enumerate(zip(starts, [*starts[1:], len(properties)], strict=True)):
            order = {key: [note for section in cited[first:end] for note in section[key]] for key in cited[0]}
            self._number(run, order, settings, properties[end - 1])
        self._numbers |= {key: (self._numbers[key][0], note_key(mark)) for key, mark in symbols.items()}

    def _number(
        self,
        run: int,
        order: dict[str, list[tuple[str, str]]],
        settings: etree._Element | None,
        section: etree._Element | None,
    ) -> None:
        """Number one run's notes, cited in `order` by kind, as the run's last section prints them."""
        formats = {kind: _note_format(kind, settings, section) for kind in _NOTE_KINDS if order[kind]}
        kinds = sorted(formats, key=lambda kind: not formats[kind][0].startswith("decimal"))
        following = formats[kinds[0]][1] if kinds else 1
        for kind in (*kinds, _CUSTOM):
            self._numbers |= {key: (run, n) for n, key in enumerate(order[kind], start=following)}
            following += len(order[kind])

    @property
    def runs(self) -> int:
        """How many runs the notes are numbered in (one where they count on through the document)."""
        return self._section_run[-1] + 1

    def run_of(self, paragraph: etree._Element) -> int:
        """The run a paragraph of the body is in; a paragraph of no section's (none in a body) is in the first."""
        return self._paragraph_run.get(paragraph, 0)

    def of(self, kind: str, note_id: str | None) -> int | None:
        found = self._numbers.get((kind, note_id or ""))
        return found[1] if found else None

    def items(self) -> Iterator[tuple[tuple[str, str], tuple[int, int]]]:
        """Each cited note's (kind, id) with its run and its number."""
        return iter(self._numbers.items())


_NO_BREAK_HYPHEN = "\u2011"
"""What Word's non-breaking hyphen (`w:noBreakHyphen`, an element, not a character of `w:t`) is: the hyphen that
keeps "Table 1‑1" on one line, the character U+2011 a reader copying the text out gets, as mammoth writes it."""

_REVISED_AWAY = frozenset({"del", "moveFrom"})
"""Tracked changes whose text the document no longer holds: a deletion, and the place a moved passage was moved
from (Word keeps it there, struck through, besides the `moveTo` where it now stands); read, it would be said twice."""


def _text(paragraph: etree._Element, numbers: _Numbers | None, capitals: Capitals | None = None) -> str:
    """What a reader sees of a paragraph: its runs' text, each note reference as `[n]`; with `capitals`, the letters
    of the runs Word shows in capitals in upper case (`Capitals.shown`), else as typed.

    Text that tracked changes took out (`_REVISED_AWAY`), field instructions and the text of a text box drawn
    inside the paragraph (a paragraph of its own) are not part of it; a tab or line break reads as a space, and a
    non-breaking hyphen is the character it stands for (`_NO_BREAK_HYPHEN`). Only a note reference is a marker:
    a bracketed number typed in the text (a citation of a numbered reference list, "[5]") is words
    (`literal_brackets`), though it looks like the marker of the note that Word numbers the same beside it.
    """
    parts: list[str] = []
    typed: list[str] = []
    mark = ""
    """The symbols a custom-marked reference just written as its marker prints after it: not typed text again."""
    for node in paragraph.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen"), *_references()):
        if _owner(node) is not paragraph or _revised_away(node) or _in_check_box(node):
            continue
        name = etree.QName(node).localname
        if name == "t":
            chars = (node.text or "").removeprefix(mark)
            run = next(node.iterancestors(_w("r")), None)
            typed.append(chars.upper() if capitals and run is not None and capitals.shown(run, paragraph) else chars)
            mark = ""
        elif name == "noBreakHyphen":
            typed.append(_NO_BREAK_HYPHEN)
        elif name.endswith("Reference"):
            number = numbers.of(name.removesuffix("Reference"), node.get(_w("id"))) if numbers else None
            parts += [literal_brackets("".join(typed)), f"[{note_label(number)}]" if number is not None else ""]
            typed = []
            mark = note_label(number) if number is not None and number < 0 else ""
        else:
            typed.append(" ")
    return "".join(parts) + literal_brackets("".join(typed))


def _revised_away(node: etree._Element) -> bool:
    return any(etree.QName(ancestor).localname in _REVISED_AWAY for ancestor in node.iterancestors())


def _in_check_box(node: etree._Element) -> bool:
    """Whether a node is the box of a check box content control (`w14:checkbox`): a form's box a reader ticks, whose
    glyph ("☐") Word stores as a character of the run, where a legacy form field's box (FORMCHECKBOX) is drawn and
    stores none. Either way the box is no word of the line: "☐Legacy ICT" is the item "Legacy ICT"."""
    return any(sdt.find(f"{_w('sdtPr')}/{{{_W14}}}checkbox") is not None for sdt in node.iterancestors(_w("sdt")))


def _references() -> tuple[str, ...]:
    return tuple(_w(f"{kind}Reference") for kind in _NOTE_KINDS)


def _owner(node: etree._Element) -> etree._Element | None:
    """The paragraph a run's content belongs to: its nearest `w:p`."""
    return next((a for a in node.iterancestors(_w("p"))), None)


@dataclass(frozen=True)
class _Body:
    """The body's blocks and what of them names the document."""

    blocks: list[Block]
    title_at: list[int]
    """The blocks that name the document (`_title_blocks`)."""
    display_title: bool
    """Whether the first block is a display line set by hand (`_displayed`) in a document typed with no heading style
    at all: its name where the file's properties give none, as a draft first written in Google Docs sets it, centred
    in bold over the text."""
    opening_heading: bool
    """Whether the first block is a heading at the top level of the document's headings, none set higher and no
    `Title` among them: its name where the file's properties give none, as a section drafted in a file of its own
    opens with the section's numbered heading ("9. Usability Considerations") in whatever heading style it has."""
    caption_at: list[int]
    """The blocks of a caption's left column (`_caption_paragraphs`), in order."""
    date: str | None
    """The date the document prints in the `Date` style."""
    style_ids: list[str | None]
    """Each block's paragraph style (`_style`)."""
    sizes: list[int]
    """Each block's own type size (`_type_size`)."""
    runs: list[int]
    """The run of note numbers each block is in (`_Numbers.run_of`)."""
    body_size: int
    """The type size most of the body is set in (`_body_size`)."""
    shown: list[str]
    """Each block's text as the page shows it, its letters in capitals where Word shows them so (`Capitals`); the
    blocks' own texts keep the letters as typed, which name the document and its authors."""


def _blocks(body: etree._Element, styles: _Styles, numbers: _Numbers, capitals: Capitals) -> _Body:
    """Every paragraph of the body, tables' cells included, in reading order, and what of them names the document.

    The date is a paragraph in the `Date` style among the headings that open the document, as Word's templates (and
    Pandoc, reading and writing) set it under the title: metadata, not a paragraph. A table of contents
    (`_Styles.contents`) is no text either.
    """
    blocks: list[Block] = []
    levels: list[int | None] = []
    sizes: list[int] = []
    displayed: list[bool] = []
    caption = _caption_paragraphs(body)
    caption_at: list[int] = []
    style_ids: list[str | None] = []
    runs: list[int] = []
    shown: list[str] = []
    date = None
    worded = [
        (paragraph, text)
        for paragraph in body.iter(_w("p"))
        if not _drawn_again(paragraph) and _WORDED_RE.search(text := squash(_text(paragraph, numbers)))
    ]
    titles = _contents_titles([paragraph for paragraph, _ in worded], [text for _, text in worded], styles)
    body_size = _body_size([paragraph for paragraph, _ in worded], styles.default_size)
    for at, (paragraph, text) in enumerate(worded):
        if styles.listed(paragraph) or at in titles:
            continue
        opening = all(block.kind == "heading" for block in blocks)
        if date is None and opening and styles.dated(paragraph) and (date := iso_date(text) or month_date(text)):
            continue
        if paragraph in caption:
            caption_at.append(len(blocks))
        blocks.append(Block(text, styles.kind(paragraph, text, body_size)))
        levels.append(styles.level(paragraph, text))
        sizes.append(_type_size(paragraph))
        displayed.append(_displayed(paragraph, text))
        style_ids.append(_style(paragraph))
        runs.append(numbers.run_of(paragraph))
        shown.append(squash(_text(paragraph, numbers, capitals)))
    display_title = bool(displayed) and displayed[0] and all(level is None for level in levels)
    headed = [level for level in levels if level is not None]
    opening_heading = bool(levels) and levels[0] is not None and levels[0] == min(headed)
    return _Body(
        blocks,
        _title_blocks(levels, sizes),
        display_title,
        opening_heading,
        caption_at,
        date,
        style_ids,
        sizes,
        runs,
        body_size,
        shown,
    )


def _drawn_again(paragraph: etree._Element) -> bool:
    """Whether the paragraph is in the copy of a drawing Word writes for older readers (`mc:Fallback`).

    Word writes a shape twice, as DrawingML in `mc:Choice` and as VML in the `mc:Fallback` beside it, for readers
    that know no DrawingML; a text box holds its paragraphs in both, so read whole, a cover drawn as a text box says
    its title, version and date twice. The choice is read, its copy is not.
    """
    return any(ancestor.tag == f"{{{_MC}}}Fallback" for ancestor in paragraph.iterancestors())


def _contents_titles(paragraphs: list[etree._Element], texts: list[str], styles: _Styles) -> set[int]:
    """Positions of the contents' own titles: a line of a few words (`_CONTENTS_TITLE_WORDS`) that the next
    worded paragraph follows as a line of a contents (`_Styles.contents_line`).

    A table of contents or a list of figures is headed by its name ("Table of Contents", "List of Figures"), set in
    whatever style the template gives it, often a plain one; what marks it is that the contents' lines follow it.
    Without its lines, it is a heading over nothing: no text. The document's own title (`Title`, level 0) may stand
    right over its contents on a short title page; it names the document, not the contents. A paragraph in the
    contents' title style (`TOC Heading`) is no line of it: a template sets other headings in it too ("Revision
    History" over a table, under the cover's date).
    """
    return {
        at
        for at in range(len(paragraphs) - 1)
        if styles.contents_line(paragraphs[at + 1])
        and not styles.listed(paragraphs[at])
        and len(texts[at].split()) <= _CONTENTS_TITLE_WORDS
        and styles.level(paragraphs[at], texts[at]) != 0
    }


_CAPTION_COLUMNS = (2, 3)
_CAPTION_BRACKETS = 2
"""Lines a caption's bracket column closes, at least: one ")" beside a one-line matter is no caption's column."""


def _caption_paragraphs(body: etree._Element) -> set[etree._Element]:
    """The paragraphs of the left column of the caption table the body opens with, or none.

    Agencies and courts head an order or a filing with a caption: a table whose left column names the matter or
    the parties ("In the Matter of" and the matter's name), whose middle column is a column of ")" closing each of
    their lines, and whose right column (if any) gives the docket number. The column of brackets is what marks the
    table: two or three columns, one after the first holding nothing but ")" on `_CAPTION_BRACKETS` lines or more.
    Only the body's first table can be the caption.
    """
    table = body.find(_w("tbl"))
    rows = [row.findall(_w("tc")) for row in table.iter(_w("tr"))] if table is not None else []
    if not rows or any(len(cells) not in _CAPTION_COLUMNS for cells in rows):
        return set()
    columns = [[squash(_text(p, None)) for cells in rows for p in cells[i].iter(_w("p"))] for i in range(len(rows[0]))]
    bracketed = any(
        lines.count(")") >= _CAPTION_BRACKETS and all(line in ("", ")") for line in lines) for lines in columns[1:]
    )
    return {p for cells in rows for p in cells[0].iter(_w("p"))} if bracketed else set()


_LEAD_IN_WORDS = 5
"""The most words of a caption's opening formula ("In the Matter of", "In re")."""


def _caption_title(lines: list[str]) -> str | None:
    """The name of the matter a caption's left column gives, its lines joined; None for an empty column.

    The column may open with a formula on a line of its own that leads into the name ("In the Matter of"): short and
    ending in a lower-case word, where a name's last word is capitalised. The formula is the caption's, not the name.
    The caption stays text: it is the order's heading as printed (the docket number beside it, the formula above).
    """
    words = lines[0].split() if lines else []
    if len(lines) > 1 and len(words) <= _LEAD_IN_WORDS and words[-1].islower():
        lines = lines[1:]
    return " ".join(lines) or None


_ISSUED_BY_RE = re.compile(r"By the ([A-Z][^\W\d_]+)\s*:")
"""How an agency's order says who issues it, before the order's text: "By the Commission:"."""
_NAME_MAX_WORDS = 8


def _issuer(blocks: list[Block], before: int) -> str | None:
    """The body that issues the document, by the name its heading prints, or None.

    An order opens with who issues it, by its common noun ("By the Commission:"), under a heading that names that
    body in full above the caption ("Before the" / "Federal Communications Commission"). The author is that full
    name: a short line above block `before` that ends with the same noun. Without both, the document does not say.
    """
    opening = blocks[: next((i for i, block in enumerate(blocks) if block.kind == "heading"), len(blocks))]
    issued = next((found for block in opening if (found := _ISSUED_BY_RE.match(block.text))), None)
    if issued is None:
        return None
    noun = issued.group(1)
    names = (
        block.text
        for block in blocks[:before]
        if len(words := block.text.split()) <= _NAME_MAX_WORDS and words[-1] == noun and len(words) > 1
    )
    return next(names, None)


_LABELLED_BYLINE_RE = re.compile(r"Authors?\s*:\s*(\S.*)", re.IGNORECASE)
"""A byline that labels itself ("Authors: Ana Ruiz* (ana@uni.example), Lee Kim (Institute ...)"); names in group 1."""
_BYLINE_ASIDE_RE = re.compile(r"\([^()]*\)|[*∗†‡§¶]")
"""What a byline prints beside its names: a parenthesis (an address, an affiliation) or a mark that a line under
it explains."""
_MARK_NOTE_RE = re.compile(r"[*∗†‡§¶]+\s*\S")
"""A line that says what a byline's mark means ("* Corresponding author")."""


def _labelled_byline(blocks: list[Block]) -> tuple[int, int, str] | None:
    """Where a labelled byline stands among the paragraphs that open the document (before the first heading), how
    many paragraphs it takes, and its names; None when there is none.

    A paper typed in a word processor has no author field of its own kind: it prints "Authors:" and the names
    under its title, each name perhaps followed by an address or affiliation in parentheses and a mark
    ("Konkol* (m.konkol@...)"), and the paragraphs right under it that open with a mark say what the marks mean.
    Byline and explanations are front matter; the names, without what stands beside them, are the author, when
    they read as personal names (`personal_names`): a labelled sentence is no byline. The printed names win over
    the core properties' creator, which names whoever made the file (a login, a secretary, a template's author).
    """
    opening = next((i for i, block in enumerate(blocks) if block.kind == "heading"), len(blocks))
    for index, block in enumerate(blocks[:opening]):
        if (labelled := _LABELLED_BYLINE_RE.fullmatch(block.text)) is None:
            continue
        bare = squash(_BYLINE_ASIDE_RE.sub("", labelled.group(1)))
        names = personal_names(re.sub(r"\s+,", ",", bare).strip(" ,"))
        if names is None:
            return None
        end = index + 1
        while end < opening and _MARK_NOTE_RE.match(blocks[end].text):
            end += 1
        return index, end, names
    return None


def _labelled_terms(blocks: list[Block]) -> int:
    """How many of the paragraphs after a labelled byline (`_labelled_byline`) are labelled lists of terms
    ("Keywords: open science, scholarly communication"): all of them up to the first heading, or none.

    A paper files itself under keywords or subject codes in its front matter, between its byline and its first
    section: labels for a catalogue, not sentences of the text, and the place says so, as it does on a PDF's first
    page. Only when every paragraph in that stretch is such a list: a paragraph there (an abstract typed without a
    heading) is text.
    """
    opening = next((i for i, block in enumerate(blocks) if block.kind == "heading"), len(blocks))
    front = blocks[:opening]
    lists = all((found := LABELLED_TERMS_RE.fullmatch(block.text)) and term_list(found.group(1)) for block in front)
    return opening if opening < len(blocks) and lists else 0


_STATEMENT_RE = re.compile(
    r"(?:(?:dissenting|concurring|separate|joint)\s+)?(?:statement|dissent)\s+of(?:\s+(\S.*))?", re.IGNORECASE
)
"""A separate statement's heading, "Statement of" or "DISSENTING STATEMENT OF", the name after it (group 1) or on
the paragraph under it."""


def _statement_author(blocks: list[Block]) -> str | None:
    """The person whose statement a section is, as its opening heading prints them, or None.

    An agency's order or a court's decision is followed by its members' separate statements and dissents, each
    headed "Statement of Commissioner Ann Lee" (the name on the heading's line or the next) and signed by that
    member alone, not by the body that issued the order. Where such a heading opens a section (`_statements`),
    that section is the member's text, and the name it prints, with the title printed with it and in the letters
    typed (not the capitals a style may show them in), is its author. Only a heading that names a person
    (`personal_names`) counts: "Statement of Work" or a sentence opening "Statement of the problem ..." names no one.
    """
    if not blocks or (heading := _STATEMENT_RE.fullmatch(blocks[0].text.strip())) is None:
        return None
    name = heading.group(1) or (blocks[1].text if len(blocks) > 1 else "")
    return personal_names(squash(name))


def _statements(blocks: list[Block], notes: dict[int, str]) -> list[tuple[list[Block], dict[int, str]]]:
    """A run's blocks and notes parted where a separate statement begins (`_statement_author`), each part with its
    own notes.

    An order's statements follow one another, and one that cites no note shares its run of note numbers with the
    text before it (the Chairman's after an appendix), as may one whose section counts its notes on; its heading,
    wherever it stands, still ends what came before and begins the member's own text. A part's notes are those its
    markers cite: the numbers are unique in the run, so each note has one part; a note cited nowhere in the text
    (its marker in a paragraph left out, a title) stays with the first.
    """
    starts = [0, *(at for at in range(1, len(blocks)) if _statement_author(blocks[at:]) is not None)]
    parts = [blocks[start:end] for start, end in zip(starts, [*starts[1:], len(blocks)], strict=True)]
    cited = [{note_key(label) for block in part for label in NOTE_MARKER_RE.findall(block.text)} for part in parts]
    later = set().union(*cited[1:])
    own = [{n: text for n, text in notes.items() if n not in later}]
    own += [{n: text for n, text in notes.items() if n in keys} for keys in cited[1:]]
    return list(zip(parts, own, strict=True))


def _type_size(paragraph: etree._Element) -> int:
    """The largest type size a paragraph's own runs set (`w:sz`, half-points); 0 where they keep their style's."""
    found = (node.get(_w("val"), "") for node in paragraph.iter(_w("sz")) if _owner(node) is paragraph)
    return max((int(value) for value in found if value.isdigit()), default=0)


def _displayed(paragraph: etree._Element, text: str) -> bool:
    """Whether a paragraph is a display line set by hand: centred, every run of its words bold, a name of a few words
    (`_TYPESET_HEADING_WORDS`) that ends no sentence."""
    ppr = paragraph.find(_w("pPr"))
    alignment = ppr.find(_w("jc")) if ppr is not None else None
    if alignment is None or alignment.get(_w("val")) != "center" or _SENTENCE_END_RE.search(text):
        return False
    if len(text.split()) > _TYPESET_HEADING_WORDS:
        return False
    bold = [bold for bold, _, chars in _run_faces(paragraph, 0) if chars.strip()]
    return bool(bold) and all(bold)


def _title_blocks(levels: list[int | None], sizes: list[int]) -> list[int]:
    """Which blocks name the document: the first run of `Title`-styled paragraphs, else a first-level heading that
    opens the document.

    Word's `Title` style is the document's name wherever the opening sets it: a cover note or a table of helper
    text above it (a template's instructions) does not make it any less the title, but a `Title` paragraph after
    the first heading titles a part, not the document. A run of them is a title with lines above it in smaller
    type (an agency's name over a report's), so the title is the run's paragraphs set in its largest type, one
    title however many paragraphs it was typed in. With no `Title`, the first block is the title when it is a
    first-level heading, as Pandoc writes one.
    """
    start = next((i for i, level in enumerate(levels) if level is not None), None)
    if start is not None and levels[start] == 0:
        end = next((i for i in range(start, len(levels)) if levels[i] != 0), len(levels))
        largest = max(sizes[start:end])
        return [i for i in range(start, end) if sizes[i] == largest]
    return [0] if levels and levels[0] is not None and levels[0] <= _TITLE_LEVEL else []


def _notes(package: _Package, related: dict[str, str], numbers: _Numbers, capitals: Capitals) -> list[dict[int, str]]:
    """Each run's cited notes' texts (`_Numbers`), as the page shows them (`capitals`), by the number their markers
    carry; the separator lines Word keeps as notes are not."""
    texts: dict[tuple[str, str], str] = {}
    for kind in _NOTE_KINDS:
        root = package.xml(related[f"{kind}s"]) if f"{kind}s" in related else None
        for note in root.iter(_w(kind)) if root is not None else ():
            if note.get(_w("type"), "normal") == "normal":
                paragraphs = (squash(_text(p, None, capitals)) for p in note.iter(_w("p")))
                texts[(kind, note.get(_w("id"), ""))] = " ".join(p for p in paragraphs if p)
    runs: list[dict[int, str]] = [{} for _ in range(numbers.runs)]
    for key, (run, number) in numbers.items():
        if texts.get(key):
            runs[run][number] = texts[key]
    return runs


@dataclass(frozen=True)
class _Core:
    title: str | None
    author: str | None
    last_editor: str | None
    """The account that saved the file last (`cp:lastModifiedBy`)."""
    date: str | None
    url: str | None


def _core(package: _Package, related: dict[str, str]) -> _Core:
    """Core properties worth believing: not placeholders, logins, file names or the name of the program; the date
    as `_saved_date` trusts it."""
    core = package.xml(related.get("core-properties", "docProps/core.xml"))
    app = package.xml(related.get("extended-properties", "docProps/app.xml"))
    application = app.findtext(f"{{{_APP}}}Application") if app is not None else None
    programs = {word for word in (application or "").lower().split()[:1]}

    def value(name: str) -> str | None:
        return squash(core.findtext(name, namespaces=_CORE) or "") or None if core is not None else None

    author = trusted(value("dc:creator"), programs)
    last_editor = value("cp:lastModifiedBy")
    return _Core(
        title=trusted(value("dc:title"), programs),
        author=None if author is None or IDENTIFIER_RE.fullmatch(author) else author,
        last_editor=last_editor,
        date=_saved_date(
            iso_date(value("dcterms:created")), iso_date(value("dcterms:modified")), value("dc:creator"), last_editor
        ),
        url=web_address(value("dc:identifier")),
    )


def _saved_date(created: str | None, modified: str | None, creator: str | None, last_editor: str | None) -> str | None:
    """The day the core properties say the text was finished, or None where they cannot say.

    `dcterms:modified` is the last save, `dcterms:created` the file's start, which survives into every copy saved
    under a new name (a template's, last year's report reworked). A file saved on the day it was created, or saved
    last by the account that created it, is one person's finished copy, and its last save dates the text. A file
    another account saved later has passed between hands (a draft circulated for comment, a template an office
    filled in): its creation dates the first draft and its last save a reviewer's edit or an upload, neither the
    text. On the twelve Word files of tests/data/wild, against the dates they are known by, this rule is right for
    6 and wrong for 4 (the last save alone: 5 and 7; creation alone: 5 and 7; no core date: 2 and 0).
    """
    if modified is None or created == modified:
        return modified or created
    handed_on = creator is not None and last_editor is not None and creator.casefold() != last_editor.casefold()
    return None if handed_on else modified


_ACCOUNT_RE = re.compile(r"[A-Z]{2,4}|\S*[a-z][A-Z]\S*")
"""A creator of two to four capitals and no space ("CAP", "JMS"), initials or an account's short name; or words run
together with no space between them ("StephenFLevitas"), an account's name made of its user's: Word takes the
creator from its user's settings, and people write their names with spaces."""


def _file_maker(creator: str, last_editor: str | None, blocks: list[Block]) -> bool:
    """Whether the core creator names whoever made the file rather than the document's author: a name the document
    never prints as words that is initials or an account's name (`_ACCOUNT_RE`), or that another account saved the
    file after.

    Word fills the creator from the settings of whoever first saved the file, often an office's short login, a
    typist's initials or the account of a contractor's employee. A file its creator alone has saved is one person's
    own, and their name is the author the file gives; a file someone else saved last has passed between hands (a
    draft circulated for comment, a template filled in by an office), and its creator is only who opened it first.
    The same letters printed in the text are a name the document gives itself (an agency's acronym over its report),
    so they stay the author either way.
    """
    word = re.compile(rf"(?<!\w){re.escape(creator)}(?!\w)")
    if any(word.search(block.text) for block in blocks):
        return False
    shared = last_editor is not None and last_editor.casefold() != creator.casefold()
    return shared or _ACCOUNT_RE.fullmatch(creator) is not None


def _printed_as_a_line(title: str, blocks: list[Block]) -> bool:
    """Whether the core title is a line the body prints other than its first: a line within the text, not the
    document's name.

    Word proposes the first line typed as the file's title, so the core title is often a line the body prints;
    the document's name stands at its head, and a line further down that the properties repeat is one of its
    parts: a letterhead's organisation over the document's own name, a section's heading. A core title the body
    does not print at all is a name the maker gave the file, kept; one printed first is the document's heading.
    """
    folded = title.casefold()
    return any(block.text.casefold() == folded for block in blocks[1:]) and blocks[0].text.casefold() != folded


_LETTERHEAD_WORDS = 8
"""A letterhead's line is short: a department's, a board's or a document kind's name."""
_INITIALISM_RE = re.compile(r"(?P<name>.+?)\s*\((?P<short>[A-Z]{2,})\)")
"""An organisation's name with the initials it goes by in brackets: "NAVAL DISCHARGE REVIEW BOARD (NDRB)"."""


@dataclass(frozen=True)
class _Letterhead:
    author: str
    title: str
    start: int
    end: int
    """The letterhead's lines are `blocks[start:end]`."""


def _letterhead(title: str, blocks: list[Block]) -> _Letterhead | None:
    """The author and title a letterhead prints, and where its lines stand, where the core title is its first
    line; else None.

    Word proposes the first line typed as the file's title; a form typed under a letterhead keeps the letterhead's
    top line there ("DEPARTMENT OF THE NAVY"), which the body prints further down, over the rest of the
    letterhead: short lines in capitals, from the department down to the body that issues the document and the
    document's own kind ("NAVAL DISCHARGE REVIEW BOARD (NDRB)" / "DISCHARGE REVIEW DECISIONAL DOCUMENT"). The
    body that issues it is the line that gives its initials in brackets, the initials the text then speaks of it
    by ("The NDRB did note ..."); the line under it, closing the letterhead, names the document. A letterhead
    whose lines do not say so names neither. Its lines are the document's names, not its text: taken for the
    title and author, they are no paragraphs to quote.
    """
    folded = title.casefold()
    start = next((i for i, block in enumerate(blocks) if block.text.casefold() == folded), None)
    if start is None:
        return None
    end = start
    while end < len(blocks) and _capitals_line(blocks[end].text):
        end += 1
    head = blocks[start:end]
    rest = " ".join(block.text for block in blocks[:start] + blocks[end:])
    for at, block in enumerate(head[:-1]):
        found = _INITIALISM_RE.fullmatch(block.text)
        if found and at == len(head) - 2 and re.search(rf"(?<!\w){found['short']}(?!\w)", rest):
            return _Letterhead(found["name"], head[-1].text, start, end)
    return None


def _capitals_line(text: str) -> bool:
    """Whether a paragraph is a short line in capitals, as a letterhead sets its lines."""
    return 0 < len(text.split()) <= _LETTERHEAD_WORDS and text == text.upper() and any(c.isalpha() for c in text)


_SENTENCE_END_RE = re.compile(r"[.!?][\"'’”)\]]*$")
"""A paragraph of prose ends as a sentence does; a cover's lines (a title, "Version 3.1", a date) do not."""


def _cover_end(blocks: list[Block], sizes: list[int], body_size: int) -> int:
    """The position of the text's first sentence, where the cover's lines end; `len(blocks)` when none is.

    A cover's lines do not end as sentences do (a title, "Version 3.1", a date); the text starts with its first
    paragraph of prose set in the body's type. A sentence set in a type size of its own above it (an agency's
    mission line under its name, a tagline) is one more of the cover's lines, not the text's start.
    """
    return next(
        (
            i
            for i, block in enumerate(blocks)
            if _SENTENCE_END_RE.search(block.text)
            and len(block.text.split()) > _LETTERHEAD_WORDS
            and sizes[i] in (0, body_size)
        ),
        len(blocks),
    )


_SEASON_RE = re.compile(r"(?:spring|summer|fall|autumn|winter)\s*,?\s*(\d{4})", re.IGNORECASE)
"""A season and its year printed alone ("Fall 2017"), as a quarterly or a brief dates itself."""


def _line_date(text: str) -> str | None:
    """The date a line is wholly made of, as precise as printed: ISO, `YYYY-MM` for a month, `YYYY` for a season
    (`_SEASON_RE`: no month is made up for it); None for any other line."""
    season = _SEASON_RE.fullmatch(text.strip(" ."))
    return iso_date(text) or month_date(text) or (season.group(1) if season else None)


def _cover_date(blocks: list[Block], text_start: Block | None) -> str | None:
    """The date of the first line before the text's first sentence (`text_start`, as `_cover_end` finds it) that is
    wholly a date written out (`_line_date`: "August 23, 2017", "March 2017", "Fall 2017"), or None.

    A report or a policy prints its date on its cover, among the short lines over its text (the title, a version
    number, the date), in a style of its template's rather than Word's `Date`. That printed date is the document's;
    the core properties' dates are the file's: created when the file was first saved, perhaps from a template or
    from an earlier edition, and modified when it was last saved, perhaps to publish it months after it was dated.
    A date inside a sentence is not a line of its own, and a revision table's numeric dates ("8/24/2017", month and
    day in an order the line does not say) are not read.
    """
    for block in blocks:
        if block is text_start:
            return None
        if found := _line_date(block.text):
            return found
    return None


_COVER_TITLE_MIN_WORDS = 2
"""A cover's display line that names the document runs to words; a one-word line in the same type is a stamp
("DRAFT", "CONFIDENTIAL")."""


def _cover_title(title: str, blocks: list[Block], sizes: list[int], end: int, masthead: int | None) -> list[int]:
    """The position of the line a cover sets in its largest type as the document's name, where the core title is
    printed nowhere; [] when the cover has no one such line.

    A core title the body never prints is a name the maker gave the file, perhaps an earlier one ("FedRAMP
    Vulnerability Risk Adjustment Framework" over a cover printing "Automated Vulnerability Risk Adjustment
    Framework"); a cover's display line is the name a reader sees and cites. The cover is the lines before the
    text's first sentence (`end`, from `_cover_end`), less the author's name set at its head (`masthead`, from
    `_spelled_out`); its display line is set in a type size of its own, larger than every other line of the cover,
    and is neither a stamp (`_COVER_TITLE_MIN_WORDS`) nor a date set in the same type (`_line_date`). A cover with
    two such lines, or none, names nothing the parser can choose, and the core title stands.
    """
    folded = title.casefold()
    if any(folded in block.text.casefold() for block in blocks):
        return []
    cover = [i for i in range(end) if i != masthead]
    largest = max((sizes[i] for i in cover), default=0)
    display = [i for i in cover if largest and sizes[i] == largest]
    named = [
        i
        for i in display
        if len(blocks[i].text.split()) >= _COVER_TITLE_MIN_WORDS and _line_date(blocks[i].text) is None
    ]
    return named if len(named) == 1 else []


_SPELLED_OUT_MIN = 3
"""The fewest initials a cover line is read as spelling out (`_spelled_out`)."""


def _spelled_out(initials: str, cover: list[Block]) -> int | None:
    """The position of the cover's line that spells out the core creator's initials, or None.

    An agency or a council saves its files under its initials ("NCD") and prints its name in full at the head of
    its publications, over their title. A short line whose capitalised words begin with those letters, in order,
    is that name (the small words between, "on", "of", "for", count for no letter): the author, as printed, and a
    line of the cover, not of the text. Two letters begin too many pairs of words to be told from a line that
    happens to start with them (`_SPELLED_OUT_MIN`); initials no line spells out stay as they are.
    """
    if not re.fullmatch(rf"[A-Z]{{{_SPELLED_OUT_MIN},}}", initials):
        return None
    for at, block in enumerate(cover):
        words = block.text.split()
        if len(words) <= _LETTERHEAD_WORDS and "".join(word[0] for word in words if word[0].isupper()) == initials:
            return at
    return None


_AUTHOR_HEADER_RE = re.compile(r"Authors?", re.IGNORECASE)
"""The head of a revision table's column of who wrote each version."""


def _revision_author(body: etree._Element) -> str | None:
    """The one author every row of a table's `Author` column names, or None.

    A policy or guidance kept by an office records its versions in a revision-history table (date, version,
    description, author), whose author column names who wrote each version: the office, on every row, when it
    alone wrote them all. That printed name is the document's author, where nothing else names one; a column
    naming several, or a table whose rows do not line up with its head, names none. The blank rows a template
    leaves for versions to come are no rows yet.
    """
    for table in body.iter(_w("tbl")):
        rows = _table_rows(table)
        if len(rows) < 2:
            continue
        column = next((i for i, head in enumerate(rows[0]) if _AUTHOR_HEADER_RE.fullmatch(head)), None)
        if column is None:
            continue
        names = {row[column] if len(row) == len(rows[0]) else "" for row in rows[1:] if any(row)}
        if len(names) == 1 and (name := names.pop()):
            return name
    return None


def _table_rows(table: etree._Element) -> list[list[str]]:
    """Each row of a table (not of a table inside its cells) as its cells' texts."""
    return [
        [squash(" ".join(_text(p, None) for p in cell.iter(_w("p")))) for cell in row.findall(_w("tc"))]
        for row in table.findall(_w("tr"))
    ]


def _title_lines(title: str, blocks: list[Block], style_ids: list[str | None]) -> list[int]:
    """Positions of the lines of a title the core properties cut at its first: the first block, when it reads as
    the core title, and the blocks after it set in the same named style, each heading-sized, not a sentence;
    [] when no line continues it.

    Word proposes the first line typed as the file's title, so a title set over two lines in its template's title
    style ("FedRAMP Tailored" over "Security Requirements for ...") is kept by its first line only. The lines that
    share its style are the rest of it; a line in another style (the version, the date) is not. The first lines
    that join to the whole core title (`_joined_title`) are its lines whatever their styles.
    """
    if joined := _joined_title(title, blocks):
        return joined
    if not blocks or blocks[0].text.casefold() != title.casefold() or style_ids[0] is None:
        return []
    end = 1
    while (
        end < len(blocks)
        and style_ids[end] == style_ids[0]
        and len(blocks[end].text.split()) <= _HEADING_MAX_WORDS
        and not _SENTENCE_END_RE.search(blocks[end].text)
    ):
        end += 1
    return list(range(end)) if end > 1 else []


def _joined_title(title: str, blocks: list[Block]) -> list[int]:
    """Positions of the first lines when, read together, they are the core title word for word; [] otherwise.

    A cover sets a long title over two lines in two styles ("FedRAMP Significant Change" over "Policies and
    Procedures"), each a paragraph; the core properties hold it whole. Lines that join to exactly the core title are
    its printed form, whatever their styles.
    """
    words = title.casefold().split()
    read: list[str] = []
    for at, block in enumerate(blocks[: len(words)]):
        read += block.text.casefold().split()
        if read != words[: len(read)]:
            return []
        if read == words:
            return list(range(at + 1)) if at else []
    return []


_DATE_FIELD_RE = re.compile(r"Date\s*:\s*(\S.*)", re.IGNORECASE)
"""A form's or a memo's own date field, labelled by the bare word: "Date: 20161130 Location: ...", not "Date of
Discharge: ..." (which dates an event it records)."""
_DATE_VALUE_WORDS = 4
"""The most words a date runs to ("Tuesday, 15 October 2019"); the field's line may go on with other fields."""
_COMPACT_DATE_RE = re.compile(r"\d{8}")
"""A date written `YYYYMMDD`, as military and government forms date their entries."""


def _date_field(blocks: list[Block]) -> str | None:
    """The ISO date of the body's first `Date:` field (`_DATE_FIELD_RE`), or None.

    A form or a memo prints its own date as a labelled field, which may share its line with the fields after it
    (a form's tab-separated "Date: ... Location: ..."). That printed date is the document's, before the core
    properties' dates, which record when the file was saved (years after, for a record copied or corrected later).
    """
    for block in blocks:
        if (field := _DATE_FIELD_RE.fullmatch(block.text)) is None:
            continue
        words = field.group(1).split()
        if _COMPACT_DATE_RE.fullmatch(words[0]):
            return iso_date(f"{words[0][:4]}-{words[0][4:6]}-{words[0][6:]}")
        dates = (iso_date(" ".join(words[:count]).strip(" .,")) for count in range(_DATE_VALUE_WORDS, 0, -1))
        return next((found for found in dates if found), None)
    return None


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MARGIN_KINDS = ("header", "footer")
"""The parts Word prints in a page's margins, by the name of their reference (`w:headerReference`)."""
_CONTINUOUS = "continuous"
"""The break (`w:type`) that starts a section on the same page as the one before it."""


def _page_one_margins(package: _Package, main: str, sections: list[etree._Element | None]) -> list[str]:
    """The lines of the headers and footers page 1 shows.

    Word prints a section's `first` header and footer on its first page where the section sets a different first
    page (`w:titlePg`), its `default` ones elsewhere; a section that names no part of a kind keeps the previous
    section's. A continuous break starts a section on the same page, so page 1 holds the first section and the
    continuous ones after it, and which of them gives the page its margins is a matter of layout: the parts each
    would show are all read. A footer prints what the body may not (a credit, the date the text was reviewed), but
    it repeats on the pages of its section: read for what names and dates the document, never as its text.
    """
    targets = package.targets(main)
    inherited: dict[tuple[str, str], str] = {}
    shown: list[str] = []
    for at, section in enumerate(sections):
        start = section.find(_w("type")) if section is not None else None
        if section is None or (at and (start is None or start.get(_w("val")) != _CONTINUOUS)):
            break
        for reference in section:
            kind = etree.QName(reference).localname.removesuffix("Reference")
            if kind in _MARGIN_KINDS and (part := targets.get(reference.get(f"{{{_R}}}id", ""))):
                inherited[kind, reference.get(_w("type"), "default")] = part
        first = section.find(_w("titlePg"))
        page = "first" if first is not None and first.get(_w("val"), "true") not in _OFF else "default"
        shown += [part for kind in _MARGIN_KINDS if (part := inherited.get((kind, page)))]
    roots = (package.xml(part) for part in dict.fromkeys(shown))
    return [text for root in roots if root is not None for p in root.iter(_w("p")) if (text := squash(_text(p, None)))]


_MARGIN_DATE_RE = re.compile(r"(?:[^\W\d_]+(?:[/ ][^\W\d_]+){0,2}\s*:\s*)?(?P<date>\S.*)")
"""A margin's line that dates the document: a date alone, or after a label of up to three words ("Reviewed/Updated:
April 2018", "Last revised:")."""


def _margin_date(lines: list[str]) -> str | None:
    """The date of the first margin line that is wholly a date, labelled or not (`_MARGIN_DATE_RE`, `_line_date`).

    A form or a checklist may print its date only in its footer ("Reviewed/Updated: April 2018"): printed, it dates
    the text, where the core properties date the file (the day it was saved again, or copied from a template).
    """
    found = (_MARGIN_DATE_RE.fullmatch(line) for line in lines)
    return next((date for match in found if match and (date := _line_date(match["date"]))), None)


_CREDITED_MAX_WORDS = 12
_NAME_JOINING_WORDS = frozenset({"of", "for", "and", "on", "in", "&"})
"""The small words an organisation's name may hold between its capitalised ones ("Council on Disability")."""


def _proper_name(text: str) -> bool:
    """Whether words read as a name: each capitalised or a number ("Revised 508 Standards"), the small joining words
    (`_NAME_JOINING_WORDS`) between, never first or last; a phrase in lower case is a description."""
    words = text.split()
    return (
        0 < len(words) <= _CREDITED_MAX_WORDS
        and words[0] not in _NAME_JOINING_WORDS
        and words[-1] not in _NAME_JOINING_WORDS
        and all(word[0].isupper() or word[0].isdigit() or word in _NAME_JOINING_WORDS for word in words)
    )


def _margin_credit(lines: list[str]) -> str | None:
    """Who a margin's credit says made the document (`maker`), when the name reads as a person's or an
    organisation's (`_proper_name`); else None.

    A footer may be the only place a document says whose it is ("This checklist was developed by the ...
    Workgroup."): the printed credit names the author, where the core properties' creator names an account.
    """
    for line in lines:
        for span in split_sentences(line):
            name = maker(line[span.start : span.end])
            if name and (_proper_name(name) or personal_names(name)):
                return name
    return None


def parse(data: bytes, source: str) -> Parsed:
    package = _Package(data)
    main = package.related("").get("officeDocument")
    root = package.xml(main) if main else None
    body = root.find(_w("body")) if root is not None else None
    if body is None:
        raise UnreadableDocument("not a Word document (no document body)")
    related = package.related(main)
    numbers = _Numbers(body, package.xml(related["settings"]) if "settings" in related else None)
    styles = package.xml(related["styles"]) if "styles" in related else None
    capitals = Capitals(styles)
    read = _blocks(body, _Styles.read(styles), numbers, capitals)
    blocks, title_at = read.blocks, read.title_at
    core = _core(package, package.related(""))
    margins = _page_one_margins(package, main, _sections(body)[1])
    cover_end = _cover_end(blocks, read.sizes, read.body_size)
    text_start = blocks[cover_end] if cover_end < len(blocks) else None
    masthead = _spelled_out(core.author, blocks[:cover_end]) if core.author is not None else None
    masthead = None if masthead in title_at else masthead
    masthead_line = blocks[masthead] if masthead is not None else None
    if not title_at and core.title is None and (read.display_title or read.opening_heading):
        title_at = [0]
    elif not title_at and core.title is not None:
        title_at = _title_lines(core.title, blocks, read.style_ids) or _cover_title(
            core.title, blocks, read.sizes, cover_end, masthead
        )
    author = None if core.author is None or _file_maker(core.author, core.last_editor, blocks) else core.author
    author = _margin_credit(margins) or author
    if masthead_line is not None:
        author = masthead_line.text
    if author is None and read.caption_at:
        author = _issuer(blocks, read.caption_at[0])
    title = None if core.title is None or _printed_as_a_line(core.title, blocks) else core.title
    letterhead = _letterhead(core.title, blocks) if title is None and core.title is not None else None
    if letterhead is not None:
        author, title = author or letterhead.author, letterhead.title
    printed_title = " ".join(blocks[i].text for i in title_at) or None
    if printed_title is not None:
        title, blocks = printed_title, [block for i, block in enumerate(blocks) if i not in title_at]
    elif letterhead is not None:
        blocks = blocks[: letterhead.start] + blocks[letterhead.end :]
    elif title is None and read.caption_at:
        title = _caption_title([blocks[i].text for i in read.caption_at])
    blocks = [block for block in blocks if block is not masthead_line]
    if author is None and blocks and (by := BYLINE_BY_RE.fullmatch(blocks[0].text)):
        author, blocks = by.group(1), blocks[1:]
    if byline := _labelled_byline(blocks):
        start, end, author = byline
        blocks = blocks[:start] + blocks[end + _labelled_terms(blocks[end:]) :]
    head = takewhile(lambda block: block.kind != "heading", blocks)
    author = author or memo_sender([block.text for block in head]) or _revision_author(body)
    date = read.date or _date_field(blocks) or _cover_date(blocks, text_start) or _margin_date(margins) or core.date
    block_run = {id(block): run for block, run in zip(read.blocks, read.runs, strict=True)}
    shown = {id(block): text for block, text in zip(read.blocks, read.shown, strict=True)}
    sections: list[Extracted] = []
    for run, run_notes in enumerate(_notes(package, related, numbers, capitals)):
        run_blocks = [block for block in blocks if block_run[id(block)] == run]
        for section, notes in _statements(run_blocks, run_notes):
            paragraphs = [replace(block, text=shown[id(block)]) for block in section]
            sections.append(Extracted(paragraphs, notes, title, _statement_author(section) or author, date, core.url))
    return assemble_sections(sections, source)
