"""A web page's article as its schema.org microdata and its `<article>` mark it: the headline that cuts the site's
name off the `<title>` when the page's `<h1>` is the site's logo, and the author its article item names."""

from __future__ import annotations

import pytest

from qa.corpus import Article
from qa.formats import parse_bytes
from qa.settings import PROJECT_ROOT

TEXT = "<p>" + "The tribunal heard evidence from forty former detainees over three weeks of hearings. " * 4 + "</p>"
LOGO = '<header><h1><a href="/">Hi, I am <strong>Ada.</strong></a></h1></header>'


def article_of(page: str) -> Article:
    (only,) = parse_bytes(page.encode(), "page.html").articles
    return only


def page(title: str, body: str) -> str:
    return f"<!doctype html><html><head>{title}</head><body>{LOGO}<main>{body}</main></body></html>"


def blog_post(inside: str) -> str:
    return f'<article itemscope itemtype="http://schema.org/BlogPosting">{inside}{TEXT}</article>'


def test_title_is_cut_to_the_headline_the_article_item_marks_when_the_h1_is_the_site_logo() -> None:
    headline = '<header><h2><a itemprop="name" href="/detention/">Detention without trial</a></h2></header>'
    found = article_of(page("<title>Detention without trial | Essays | Ada Okafor</title>", blog_post(headline)))
    assert found.title == "Detention without trial"


def test_title_is_cut_to_the_heading_in_the_articles_header_when_no_item_marks_a_headline() -> None:
    body = f"<article><header><h2>Detention without trial</h2></header>{TEXT}</article>"
    found = article_of(page("<title>Detention without trial | Essays | Ada Okafor</title>", body))
    assert found.title == "Detention without trial"


def test_headline_the_article_item_marks_is_the_title_of_a_page_without_a_title_tag() -> None:
    headline = '<p class="kicker"><span itemprop="headline">Detention without trial</span></p>'
    assert article_of(page("", blog_post(headline))).title == "Detention without trial"


def test_author_item_of_the_article_is_named_by_its_own_name_property() -> None:
    author = (
        '<p><span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<span itemprop="name">Ada Okafor</span> —</span> <time itemprop="datePublished">2013-09-29</time></p>'
    )
    assert article_of(page("", blog_post(author))).author == "Ada Okafor"


def test_plain_author_property_of_the_article_is_its_words() -> None:
    author = '<p class="byline">Written by <span itemprop="author">Ada Okafor</span></p>'
    assert article_of(page("", blog_post(author))).author == "Ada Okafor"


def test_every_author_of_the_article_item_is_kept_in_page_order() -> None:
    authors = "".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><b itemprop="name">{name}</b></span> '
        for name in ("Ada Okafor", "Per Lindqvist")
    )
    assert article_of(page("", blog_post(f"<p>{authors}</p>"))).author == "Ada Okafor, Per Lindqvist"


def test_authors_of_posts_on_a_page_listing_several_are_no_author_of_the_page() -> None:
    """A guard, not a fix: the page names no author before the change either; taking the first post's would
    attribute every post's words to it."""
    posts = "".join(
        blog_post(f'<h2 itemprop="headline">Post {n}</h2><p><span itemprop="author">{name}</span></p>')
        for n, name in enumerate(("Ada Okafor", "Per Lindqvist"))
    )
    assert article_of(page("<title>Essays | Ada Okafor</title>", posts)).author is None


def test_static_blog_post_takes_its_microdata_headline_and_author() -> None:
    path = PROJECT_ROOT / "tests" / "data" / "wild" / "perriault-blog-frontend-coverage.html"
    (found,) = parse_bytes(path.read_bytes(), path.name).articles
    assert (found.title, found.author, found.date) == (
        "Get your Frontend JavaScript Code Covered",
        "Nicolas Perriault",
        "2013-09-29",
    )


@pytest.mark.parametrize("name", ["ada-okafor", "-", "Unknown"])
def test_author_property_holding_a_login_or_a_placeholder_names_no_one(name: str) -> None:
    """A guard (no author before the change either): themes fill the property from the site's user data."""
    author = (
        f'<span itemprop="author" itemscope itemtype="http://schema.org/Person"><meta itemprop="name" content="{name}">'
    )
    assert article_of(page("", blog_post(f"<p>{author}</span></p>"))).author is None


def test_comma_a_theme_sets_after_an_author_name_is_no_part_of_it() -> None:
    author = '<p>Text: <span itemprop="author">Ada Okafor,</span> photos: agency</p>'
    assert article_of(page("", blog_post(author))).author == "Ada Okafor"
