"""schema.org microdata of a web page: the headline and authors its article item marks.

A page marks an item with `itemscope itemtype=".../BlogPosting"` and the item's properties with `itemprop`
on elements inside it; a property that is an item itself (an author `Person`) carries its own properties
(`name`). Only the page's one article item is read: a property elsewhere (the site's `Organization`) describes
something else, and on a page marking several articles (a list of posts) which one is the text cannot be told.

A property's value is read as a reader sees it: a `<meta>`'s `content`, a `<time>`'s `datetime`, an `<abbr>`'s
`title`, else the element's words. The microdata standard gives a link's address as its value, but sites mark
the link around a headline or a name (`<a itemprop="name" href="/post/">Headline</a>`) for its words.
(extruct, the maintained reader, follows the standard there, so it reads such a headline as "/post/"; and it
would add eleven packages, rdflib, pyRdfa3, mf2py and html5lib among them, for the two properties read here.)
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from qa.formats.metadata import IDENTIFIER_RE, trusted

ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "ScholarlyArticle", "ReportageNewsArticle"})
"""The schema.org types of an article, as JSON-LD `@type` or the last part of a microdata `itemtype`."""
_ATTRIBUTE_VALUES = {"meta": "content", "time": "datetime", "abbr": "title"}


def value(node: etree._Element) -> str | None:
    """A property's value: the attribute that holds it in `<meta>`, `<time>` and `<abbr>` (the microformats' way
    of giving a machine-readable date, as Blogger does: `<abbr itemprop="datePublished" title="2016-05-08">`),
    else (and when the attribute is missing, as in `<time>2013-09-29</time>`) the element's words."""
    attribute = _ATTRIBUTE_VALUES.get(node.tag)
    given = node.get(attribute) if attribute else None
    return given if given is not None else node.text_content()


def _types(node: etree._Element) -> set[str]:
    return {kind.rstrip("/").rsplit("/", 1)[-1] for kind in (node.get("itemtype") or "").split()}


def _properties(item: etree._Element, name: str) -> Iterator[etree._Element]:
    """The elements that are the item's `name` property: inside it, and not inside an item nested in it (whose
    properties they are)."""
    for node in item.iterdescendants():
        if name in (node.get("itemprop") or "").split() and _owner(node) is item:
            yield node


def _owner(node: etree._Element) -> etree._Element | None:
    """The item a property belongs to: the nearest element around it that opens an item."""
    return next((parent for parent in node.iterancestors() if parent.get("itemscope") is not None), None)


def _the_article(tree: etree._Element) -> etree._Element | None:
    """The page's one article item; None when it marks none or several (a list of posts: which is the text's
    own cannot be told, and a headline or author taken from another post would misattribute the text)."""
    items = [node for node in tree.iter() if node.get("itemscope") is not None and _types(node) & ARTICLE_TYPES]
    return items[0] if len(items) == 1 else None


def headline(tree: etree._Element) -> str | None:
    """The words the page's article item gives as its `headline`, else as its `name`; None when it gives none."""
    item = _the_article(tree)
    nodes = [node for name in ("headline", "name") for node in _properties(item, name)] if item is not None else []
    return next((text for node in nodes if (text := value(node)) and text.strip()), None)


def authors(tree: etree._Element) -> list[str]:
    """The names the page's article item gives as its `author`s: an author that is an item (a `Person`, an
    `Organization`) by its own `name` property, a plain one by its words. Empty when it names none.

    A theme fills the property from the site's user data, so it may hold a login ("jdoe"), a placeholder
    ("Unknown", "-") or a link's markup; such a value names no one as the page prints it and is left out. A comma
    a theme sets after each name of a list ("Ana Ruiz,") is no part of the name."""
    item = _the_article(tree)
    names = (
        " ".join((value(name) or "").split()).strip(" ,;")
        for node in (_properties(item, "author") if item is not None else ())
        for name in (_properties(node, "name") if node.get("itemscope") is not None else (node,))
    )
    return [name for name in names if trusted(name) and not IDENTIFIER_RE.fullmatch(name)]
