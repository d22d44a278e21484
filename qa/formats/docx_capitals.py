"""Which runs of a Word document are shown in capitals: `w:caps` (all capitals) and `w:smallCaps` (small capitals).

Word keeps the letters as typed ("Statement of") and shows them in capitals ("STATEMENT OF") where a run's
properties say so; a PDF printed from the file prints the capitals, and a reader quoting the page writes them. The
text of a run is what the page shows, so a parser gives such a run's letters in upper case, as a browser does for
CSS `text-transform: uppercase`. Small capitals are capitals too (the lower-case letters drawn as smaller
capitals): the page shows no lower-case letter.

A run's setting is the first of, in order: its own properties (`w:rPr`), its character style (`w:rStyle`), its
paragraph's style (else the document's default paragraph style), the document's defaults (`w:docDefaults`); a style
that sets nothing takes its base's (`w:basedOn`). An explicit off (`w:val="0"`) at one level is a setting, so a run
can turn off its heading style's capitals. (ECMA-376 makes these toggle properties, a character style's on undoing
a paragraph style's on; no document at hand sets both, and Word's own templates never do.)
"""

from __future__ import annotations

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PROPERTIES = ("caps", "smallCaps")
_OFF = frozenset({"0", "false", "off"})
"""The values that turn a run property off (`<w:caps w:val="0"/>`)."""


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _settings(rpr: etree._Element | None) -> dict[str, bool]:
    """What a set of run properties says of each capitals property: on, off, or nothing (absent)."""
    found = {name: rpr.find(_w(name)) for name in _PROPERTIES} if rpr is not None else {}
    return {name: node.get(_w("val"), "true") not in _OFF for name, node in found.items() if node is not None}


class Capitals:
    """The capitals settings of a document's styles, and whether a run is shown in capitals (`shown`)."""

    def __init__(self, styles: etree._Element | None) -> None:
        self._own: dict[str, dict[str, bool]] = {}
        self._bases: dict[str, str] = {}
        self._default_paragraph: str | None = None
        for style in styles.iter(_w("style")) if styles is not None else ():
            if (style_id := style.get(_w("styleId"))) is None:
                continue
            self._own[style_id] = _settings(style.find(_w("rPr")))
            if (based := style.find(_w("basedOn"))) is not None and based.get(_w("val")):
                self._bases[style_id] = based.get(_w("val"), "")
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in {"1", "true", "on"}:
                self._default_paragraph = style_id
        defaults = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}") if styles is not None else None
        self._defaults = _settings(defaults)
        self._resolved: dict[tuple[str, str], bool | None] = {}

    def _styled(self, style_id: str | None, name: str) -> bool | None:
        """A style's setting of a property, its own else its bases' (a loop of bases ends where it closes)."""
        if style_id is None:
            return None
        if (style_id, name) not in self._resolved:
            self._resolved[(style_id, name)] = None
            own = self._own.get(style_id, {}).get(name)
            self._resolved[(style_id, name)] = own if own is not None else self._styled(self._bases.get(style_id), name)
        return self._resolved[(style_id, name)]

    def shown(self, run: etree._Element, paragraph: etree._Element | None) -> bool:
        """Whether Word shows the run's letters in capitals (either property on, as the first level setting it says)."""
        rpr = run.find(_w("rPr"))
        own = _settings(rpr)
        character = _style_id(rpr, "rStyle")
        paragraph_style = _style_id(paragraph.find(_w("pPr")) if paragraph is not None else None, "pStyle")
        for name in _PROPERTIES:
            for setting in (
                own.get(name),
                self._styled(character, name),
                self._styled(paragraph_style or self._default_paragraph, name),
                self._defaults.get(name),
            ):
                if setting is not None:
                    if setting:
                        return True
                    break
        return False


def _style_id(properties: etree._Element | None, kind: str) -> str | None:
    """The style a paragraph's (`pStyle`) or run's (`rStyle`) properties name, None where they name none."""
    node = properties.find(_w(kind)) if properties is not None else None
    return node.get(_w("val")) if node is not None else None
