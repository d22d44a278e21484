"""Saved web pages: the main text verbatim with `[n]` markers, the notes, and the page's own metadata."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bench.bomb_files import nested_html
from qa.corpus import Article, articles_from_json, articles_to_json
from qa.errors import CorpusError
from qa.formats import parse_bytes
from qa.formats.document import Parsed
from qa.isolation import DEFAULT_LIMITS, ParseStopped, parse_isolated
from qa.settings import PROJECT_ROOT
from tests.parsed import REAL, articles

NEWS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Hundreds held without charge after protests | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2023-05-04T10:30:00Z">
<meta property="article:author" content="https://www.example.org/staff/maria-lopez">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article>
<h1>Hundreds held without charge after protests</h1>
<p class="byline">By Maria Lopez</p>
<figure><img src="a.jpg" alt=""><figcaption>Protesters outside the court on Tuesday.
<span class="credit">Photo: Jane Roe / Agency</span></figcaption></figure>
<p>More than 300 people have been held without charge since the protests began in March, according to lawyers
representing the detainees.<sup><a href="#fn1" id="r1">1</a></sup></p>
<p>Families said they had not been told where their relatives were taken. “We went to every police station in the
city,” one mother said — and the ministry’s answer was ‘wait’…</p>
<div class="promo-box"><a href="/world/other-story">Read more: Election commission postpones local vote</a></div>
<p>The interior ministry did not respond to a request for comment. A spokesperson said in April that all arrests
followed the law.<sup><a href="#fn2" id="r2">2</a></sup></p>
<div class="player"><h3>Watch: Police disperse crowds near the parliament</h3><video src="v.mp4"></video></div>
<p>Human rights groups have called for the release of those held without charge, citing the country’s obligations
under international law.</p>
<p class="image-credit">Photograph by John Doe for The Daily Ledger</p>
<section class="footnotes"><ol>
<li id="fn1">1. Statement by the detainees’ lawyers, 2 May 2023. <a href="#r1">↩</a></li>
<li id="fn2">Ministry press briefing, 12 April 2023, at 10:30. <a href="#r2">↩</a></li>
</ol></section>
</article></main>
<footer><p>© 2023 The Daily Ledger</p></footer>
</body></html>"""


def parse_page(page: str | bytes, name: str = "page.html") -> Parsed:
    return parse_bytes(page.encode() if isinstance(page, str) else page, name)


def article_of(page: str | bytes) -> Article:
    (article,) = parse_page(page).articles
    return article


def page_with(head: str, body: str = "<p>Enough words in one paragraph for an article to be found here.</p>") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@pytest.fixture(scope="module")
def news() -> Parsed:
    return parse_page(NEWS_PAGE, "news.html")


def test_news_page_keeps_its_four_paragraphs_and_its_caption_with_their_markers(news: Parsed) -> None:
    texts = [p.text for p in news.articles[0].paragraphs]
    assert len(texts) == 5
    assert texts[1].endswith("according to lawyers representing the detainees.[1]")
    assert texts[3].endswith("all arrests followed the law.[2]")


def test_a_figure_caption_is_a_paragraph_of_its_own_without_its_photo_credit(news: Parsed) -> None:
    assert news.articles[0].paragraphs[0].text == "Protesters outside the court on Tuesday."


def test_photo_credit_promo_link_and_video_title_are_not_indexed(news: Parsed) -> None:
    for furniture in ("Photo: Jane Roe", "Read more", "Watch: Police", "Photograph by"):
        assert furniture not in news.text


def test_a_short_paragraph_that_is_mostly_a_link_elsewhere_is_a_teaser_not_text() -> None:
    body = (
        "<p>The commission heard evidence from forty former detainees over three weeks of hearings.</p>"
        '<p>Read also: <a href="/2023/other-story">Election commission postpones local vote</a></p>'
        '<p>Its report, <a href="/report.pdf">published in May</a>, calls for the camps to be closed.</p>'
    )
    texts = [p.text for p in article_of(page_with("", body)).paragraphs]
    assert texts == [
        "The commission heard evidence from forty former detainees over three weeks of hearings.",
        "Its report, published in May, calls for the camps to be closed.",
    ]


def test_short_boxes_naming_themselves_newsletter_related_disclosure_or_copyright_are_not_text() -> None:
    body = (
        "<p>The commission heard evidence from forty former detainees over three weeks of hearings.</p>"
        '<div class="newsletter-signup"><p>Sign up for our weekly digest of the news that matters.</p></div>'
        "<p>Its report calls for the camps to be closed and for the detainees to be compensated.</p>"
        '<ul class="related-posts"><li>Commission postpones its second hearing after a walkout</li></ul>'
        '<p class="disclosure">This post may contain links to products from our partners.</p>'
        '<p class="copyright">All rights reserved by the publisher of this page.</p>'
    )
    texts = [p.text for p in article_of(page_with("", body)).paragraphs]
    assert texts == [
        "The commission heard evidence from forty former detainees over three weeks of hearings.",
        "Its report calls for the camps to be closed and for the detainees to be compensated.",
    ]


def test_a_lead_in_whose_sequel_is_gone_is_dropped_but_one_with_its_list_stays() -> None:
    body = (
        "<p>The commission heard evidence from forty former detainees over three weeks of hearings.</p>"
        "<p>It made three recommendations:</p>"
        "<ul><li>close the camps within a year;</li><li>compensate every detainee.</li></ul>"
        "<p>Its report was sent to parliament on Monday and will be debated in the autumn session.</p>"
        "<p><strong>Read more:</strong></p>"
    )
    texts = [p.text for p in article_of(page_with("", body)).paragraphs]
    assert texts == [
        "The commission heard evidence from forty former detainees over three weeks of hearings.",
        "It made three recommendations:",
        "close the camps within a year;",
        "compensate every detainee.",
        "Its report was sent to parliament on Monday and will be debated in the autumn session.",
    ]


LEAD = "Inspectors found cells built for two holding six, and no doctor on call at night in any of the prisons."
LEAD_PAGE = f"""<html><head><meta name="description" content="{LEAD[:70]}…"></head><body>
<nav><a href="/">Home</a> <a href="/prisons">Prisons</a></nav>
<div class="page-header"><h1>Prison inspection finds overcrowding</h1><div class="teaser-text"><p>{LEAD}</p></div></div>
<div class="article-body">
<p>The inspection covered eleven prisons in the northern region between January and March of this year.</p>
<p>The ministry said a new wing would open next spring and that two doctors had been hired since the visit.</p>
<p>Lawyers for several detainees said the conditions amounted to degrading treatment under the convention.</p>
</div></body></html>"""


def test_a_lead_paragraph_that_the_page_summary_repeats_opens_the_text() -> None:
    texts = [p.text for p in article_of(LEAD_PAGE).paragraphs]
    assert texts[0] == LEAD
    assert texts[1].startswith("The inspection covered eleven prisons")


def test_a_lead_the_extractor_kept_is_not_repeated() -> None:
    page = LEAD_PAGE.replace('<div class="teaser-text">', '<div class="article-body">')
    texts = [p.text for p in article_of(page).paragraphs]
    assert [t for t in texts if t == LEAD] == [LEAD]


def test_a_summary_repeated_only_in_a_menu_or_footer_adds_nothing() -> None:
    page = LEAD_PAGE.replace('<div class="teaser-text">', "<footer>").replace("</p></div></div>", "</p></footer></div>")
    assert [p.text for p in article_of(page).paragraphs if LEAD in p.text] == []


def test_text_is_verbatim_typographic_quotes_dashes_and_ellipsis_kept(news: Parsed) -> None:
    assert news.articles[0].paragraphs[2].text == (
        "Families said they had not been told where their relatives were taken. “We went to every police station "
        "in the city,” one mother said — and the ministry’s answer was ‘wait’…"
    )


def test_a_time_inside_a_note_keeps_its_numbers(news: Parsed) -> None:
    assert news.articles[0].footnotes[2] == "Ministry press briefing, 12 April 2023, at 10:30."


def test_a_note_loses_only_its_own_leading_number_and_its_back_link(news: Parsed) -> None:
    assert news.articles[0].footnotes[1] == "Statement by the detainees’ lawyers, 2 May 2023."


def test_a_note_that_starts_with_another_number_keeps_it() -> None:
    page = '<p>Text.<a href="#n1">1</a></p><ol class="notes"><li id="n1">2021 census, table 4.</li></ol>'
    assert article_of(page).footnotes == {1: "2021 census, table 4."}


def test_title_tag_loses_the_site_name_published_in_og_site_name(news: Parsed) -> None:
    article = news.articles[0]
    assert (article.title, article.date) == ("Hundreds held without charge after protests", "2023-05-04")


def test_article_author_given_as_a_url_is_not_an_author(news: Parsed) -> None:
    """`article:author` is a profile's URL, no name; the author is the one the "By Maria Lopez" line under the
    headline prints."""
    assert news.articles[0].author == "Maria Lopez"


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Detention figures - Rights Monitor", "Detention figures", "Detention figures"),
        ("Rights Monitor: Detention figures", "Detention figures", "Detention figures"),
        ("Detention figures — Rights Monitor", "", "Detention figures — Rights Monitor"),
    ],
)
def test_title_tag_without_a_published_site_name_is_cut_only_where_the_h1_shows_the_headline(
    title: str, h1: str, expected: str
) -> None:
    page = page_with(f"<title>{title}</title>", f"<h1>{h1}</h1><p>Enough words in one paragraph to be an article.</p>")
    assert article_of(page).title == expected


def test_citation_tags_are_trusted_first_and_every_citation_author_is_kept() -> None:
    head = (
        '<meta name="citation_title" content="Detention without trial">'
        '<meta name="citation_author" content="Okafor, Ada"><meta name="citation_author" content="Lindqvist, Per">'
        '<meta name="citation_publication_date" content="2019/3/7">'
        '<meta property="og:title" content="Detention without trial | Journal">'
        '<script type="application/ld+json">{"@type": "ScholarlyArticle", "headline": "Other",'
        ' "author": {"name": "Someone Else"}, "datePublished": "2020-01-01"}</script>'
    )
    article = article_of(page_with(head))
    assert (article.title, article.author, article.date) == (
        "Detention without trial",
        "Okafor, Ada, Lindqvist, Per",
        "2019-03-07",
    )


def test_json_ld_article_gives_headline_all_authors_and_date_before_open_graph() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},'
        ' {"@type": ["NewsArticle"], "headline": "Camps seen from space",'
        ' "author": [{"@type": "Person", "name": "Lee Park"}, {"@type": "Person", "name": "Sam Ode"}],'
        ' "datePublished": "2022-08-30T06:00:00+09:00"}]}</script>'
        '<meta property="og:title" content="Camps (updated)"><meta name="author" content="Desk">'
    )
    article = article_of(page_with(head))
    assert (article.title, article.author, article.date) == ("Camps seen from space", "Lee Park, Sam Ode", "2022-08-30")


def test_json_ld_publication_date_the_page_prints_stands_beside_a_later_last_update() -> None:
    """A news page updated in place prints both; its publication date is the article's date."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Camps seen from space",'
        ' "datePublished": "2021-05-03T08:00:00Z", "dateModified": "2021-05-05T09:00:00Z"}</script>'
    )
    body = "<p>Published 3 May 2021</p><p>Last updated: 5 May 2021</p><p>Enough words in one paragraph here.</p>"
    assert article_of(page_with(head, body)).date == "2021-05-03"


def test_json_ld_creation_date_a_revised_page_prints_nowhere_gives_way_to_its_last_edit() -> None:
    """A wiki's JSON-LD dates the article's first version; the page shows, and dates, a later revision."""
    head = (
        '<script type="application/ld+json">{"@type": "Article", "name": "Detention", "headline": "legal term",'
        ' "author": {"@type": "Organization", "name": "Contributors to the wiki"},'
        ' "datePublished": "2013-06-23T20:26:06Z", "dateModified": "2019-10-25T15:47:35Z"}</script>'
    )
    body = (
        "<h1>Detention</h1><p>Enough words in one paragraph here.</p>"
        "<p>This page was last edited on 25 October 2019</p>"
    )
    article = article_of(page_with(head, body))
    assert (article.title, article.author, article.date) == ("Detention", None, "2019-10-25")


def test_time_inside_the_article_dates_a_page_without_date_tags() -> None:
    page = page_with("", '<time datetime="2020-06-01">1 June</time><p>Enough words in one paragraph here.</p>')
    assert article_of(page).date == "2020-06-01"


def test_a_printed_last_edit_dates_a_page_that_names_no_publication_date() -> None:
    page = page_with("", LONG_PARAGRAPH).replace(
        "</body>", "<footer><ul><li>Last updated: 3 May 2021</li></ul></footer></body>"
    )
    assert article_of(page).date == "2021-05-03"


def test_a_last_edit_told_in_prose_dates_nothing() -> None:
    prose = (
        "<p>The register of detention sites was last updated on 3 May 2021, the ministry said in its reply, after"
        " forty complaints that it still listed sites closed years before.</p>"
    )
    assert article_of(page_with("", prose + LONG_PARAGRAPH)).date is None


def test_a_publication_date_comes_before_a_last_edit() -> None:
    head = '<meta property="article:published_time" content="2020-06-01T09:00:00Z">'
    page = page_with(head, LONG_PARAGRAPH).replace("</body>", "<footer><p>Last updated 3 May 2021</p></footer></body>")
    assert article_of(page).date == "2020-06-01"


def test_placeholders_and_silence_give_none() -> None:
    head = '<title>Untitled</title><meta name="author" content="admin">'
    article = article_of(page_with(head))
    assert (article.title, article.author, article.date) == (None, None, None)


LONG_PARAGRAPH = "<p>" + "The commission heard evidence from forty former detainees over three weeks. " * 4 + "</p>"


def test_a_by_link_above_the_text_is_the_author_when_no_tag_names_one() -> None:
    body = '<p class="meta">May 2, 2023 at 6:08 PM by <a href="/people/jane">Jane Doe</a></p>' + LONG_PARAGRAPH
    assert article_of(page_with("", body)).author == "Jane Doe"


def test_a_rel_author_link_is_the_author() -> None:
    body = '<div><a rel="author" href="/people/org">Rights Watch Foundation</a> • 3 May</div>' + LONG_PARAGRAPH
    assert article_of(page_with("", body)).author == "Rights Watch Foundation"


@pytest.mark.parametrize(
    "body",
    [
        LONG_PARAGRAPH + '<footer><p>Powered by <a href="https://example.org">Jane Doe</a></p></footer>',
        '<p>The report, a study by <a href="/people/jane">Jane Doe</a>, was published in May.</p>' + LONG_PARAGRAPH,
        '<p>by <a href="/people/jane">view full profile</a></p>' + LONG_PARAGRAPH,
        '<p>Photo by <a href="/people/jane">Jane Doe</a> for the agency</p>' + LONG_PARAGRAPH,
    ],
    ids=["footer-below-the-text", "prose", "not-a-name", "followed-by-more-words"],
)
def test_a_by_link_that_is_no_byline_gives_no_author(body: str) -> None:
    assert article_of(page_with("", body)).author is None


def test_wikipedia_reference_markers_become_numbers_linked_to_the_reference_list() -> None:
    body = (
        '<p>The camp held about 2,000 prisoners.<sup class="reference" id="cite_ref-a_3-0">'
        '<a href="#cite_note-a-3">[3]</a></sup></p>'
        '<div class="reflist"><ol class="references"><li id="cite_note-1">One.</li><li id="cite_note-2">Two.</li>'
        '<li id="cite_note-a-3"><span class="mw-cite-backlink"><b><a href="#cite_ref-a_3-0">^</a></b></span> '
        '<span class="reference-text">Satellite survey, 2019.</span></li></ol></div>'
    )
    article = article_of(page_with("", body))
    assert [p.text for p in article.paragraphs] == ["The camp held about 2,000 prisoners.[3]"]
    assert article.footnotes[3] == "Satellite survey, 2019."


def test_headings_and_list_items_keep_their_kind() -> None:
    body = (
        "<p>The report makes several findings about conditions in the camps visited during the mission.</p>"
        "<h2>Findings</h2><ul><li>Rations fell below the minimum.</li><li>Visits were refused.</li></ul>"
    )
    article = article_of(page_with("", body))
    assert [(p.kind, p.text) for p in article.paragraphs[1:]] == [
        ("heading", "Findings"),
        ("bullet", "Rations fell below the minimum."),
        ("bullet", "Visits were refused."),
    ]


def test_a_superscript_number_on_a_page_without_notes_is_an_exponent_not_a_marker() -> None:
    article = article_of(page_with("", "<p>The yard measured 40 m<sup>2</sup> for two hundred prisoners.</p>"))
    assert article.paragraphs[0].text == "The yard measured 40 m2 for two hundred prisoners."


def test_a_bare_superscript_for_a_note_that_links_reach_is_an_exponent() -> None:
    body = (
        '<p>The yard measured 40 m<sup>2</sup> for two hundred prisoners.<a href="#n2">[2]</a></p>'
        '<ol class="notes"><li id="n1">Inspection report.</li><li id="n2">Plan of the prison.</li></ol>'
    )
    article = article_of(page_with("", body))
    assert article.paragraphs[0].text == "The yard measured 40 m2 for two hundred prisoners.[2]"


def test_a_windows_1252_page_is_read_by_its_declared_charset() -> None:
    page = page_with('<meta charset="windows-1252">', "<p>“Détenus” — 12 € par jour, selon le rapport.</p>")
    assert article_of(page.encode("cp1252")).paragraphs[0].text == "“Détenus” — 12 € par jour, selon le rapport."


def test_an_undeclared_latin_page_is_read_by_detection_not_rejected() -> None:
    text = "Les détenus reçoivent une ration réduite de moitié, selon les témoignages recueillis à la prison."
    assert article_of(page_with("", f"<p>{text}</p>").encode("latin-1")).paragraphs[0].text == text


def test_a_utf16_page_with_a_byte_order_mark_is_read() -> None:
    text = "Prisoners were held for months without access to a lawyer."
    assert article_of("\ufeff" + page_with("", f"<p>{text}</p>")).paragraphs[0].text == text
    assert article_of(("\ufeff" + page_with("", f"<p>{text}</p>")).encode("utf-16-le")).paragraphs[0].text == text


def test_invisible_soft_hyphens_and_zero_width_spaces_are_not_part_of_the_words() -> None:
    article = article_of(page_with("", "<p>The deten&shy;tion centre was closed after the \u200binspection.</p>"))
    assert article.paragraphs[0].text == "The detention centre was closed after the inspection."


def test_binary_data_is_not_a_page() -> None:
    with pytest.raises(CorpusError, match=r"^image\.html: not an HTML page \(binary data\)"):
        parse_page(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06", "image.html")


def test_text_nested_a_thousand_levels_deep_is_read() -> None:
    assert [p.text for p in article_of(nested_html(1_000)).paragraphs] == ["The monitors visited the prison."]


def test_markup_nested_past_the_parsers_limit_is_refused_with_its_depth() -> None:
    with pytest.raises(CorpusError, match=r"^deep\.html: its markup is nested more than 2048 levels deep"):
        parse_page(nested_html(3_000), "deep.html")


def test_a_short_page_with_text_is_never_empty() -> None:
    assert [p.text for p in article_of("<p>One line.</p>").paragraphs] == ["One line."]


def real(name: str) -> Article:
    (article,) = articles(REAL / name)
    return article


@pytest.mark.parametrize(
    ("name", "title", "date"),
    [
        (
            "europarl-georgia-legitimacy.html",
            "MEPs: Georgia’s self-proclaimed authorities have no legitimacy",
            "2025-02-13",
        ),
        (
            "whitehouse-digital-transition.html",
            "The Obama Administration Digital Transition: Moving Forward",
            "2017-01-17",
        ),
        (
            "wikimedia-turkey-access-restored.html",
            "Access to Wikipedia restored in Turkey after more than two and a half years",
            "2020-01-15",
        ),
        ("wikipedia-new-zealand.html", "New Zealand", "2019-09-26"),
    ],
)
def test_real_pages_title_and_date_as_printed(name: str, title: str, date: str) -> None:
    article = real(name)
    assert (article.title, article.date) == (title, date)


def test_real_press_release_opens_with_its_summary_bullets() -> None:
    paragraphs = real("europarl-georgia-legitimacy.html").paragraphs
    assert [(p.kind, p.text) for p in paragraphs[:2]] == [
        ("bullet", "Parliament recognises Salome Zourabichvili as Georgia’s legitimate president"),
        ("bullet", "Call for EU sanctions against leading Georgian politicians"),
    ]


@pytest.fixture(scope="module")
def wikipedia() -> Article:
    return real("wikipedia-new-zealand.html")


def test_real_wikipedia_markers_keep_their_printed_numbers(wikipedia: Article) -> None:
    etymology = next(p for p in wikipedia.paragraphs if p.text.startswith("Dutch explorer Abel Tasman"))
    assert 'but it is uncertain",[11] referring to a landmass' in etymology.text
    assert [m.number for m in etymology.markers] == [11, 12, 13, 14, 15, 16]


def test_real_wikipedia_references_without_their_back_links(wikipedia: Article) -> None:
    assert len(wikipedia.footnotes) == 368
    assert wikipedia.footnotes[8] == (
        '"Human Development Report 2018" (PDF). HDRO (Human Development Report Office) United Nations Development '
        "Programme. p. 22. Retrieved 14 September 2018."
    )


def test_real_wikipedia_square_kilometres_are_not_a_note(wikipedia: Article) -> None:
    assert any(p.text.startswith("• Total 268,021 km2 (103,483 sq mi)") for p in wikipedia.paragraphs)


def test_inline_tags_inside_a_word_do_not_split_it() -> None:
    page = page_with("", "<p>Detainees<span>'</span> rations were cut in <abbr>Q3</abbr><small>/2020</small>.</p>")
    assert article_of(page).paragraphs[0].text == "Detainees' rations were cut in Q3/2020."


def test_real_pages_author_from_their_bylines() -> None:
    assert real("whitehouse-digital-transition.html").author == "Kori Schulman"
    assert real("wikimedia-turkey-access-restored.html").author == "Wikimedia Foundation"


def test_real_pages_without_a_byline_have_no_author() -> None:
    assert real("europarl-georgia-legitimacy.html").author is None


def test_text_set_off_screen_for_screen_readers_by_a_frameworks_class_is_not_text() -> None:
    body = (
        '<p>The commission heard evidence from forty former detainees<span class="sr-only"> (opens in a new'
        " window)</span> over three weeks of hearings.</p>"
        '<p class="visually-hidden">Skip to the end of the report and its annexes.</p>'
        "<p>Its report calls for the camps to be closed and for the detainees to be compensated.</p>"
    )
    texts = [p.text for p in article_of(page_with("", body)).paragraphs]
    assert texts == [
        "The commission heard evidence from forty former detainees over three weeks of hearings.",
        "Its report calls for the camps to be closed and for the detainees to be compensated.",
    ]


def test_heading_permalink_symbol_is_no_part_of_the_heading() -> None:
    """Sphinx, MkDocs and Hugo end each heading with a symbol linking to it ("Scope¶", "Scope #")."""
    body = (
        '<section id="scope"><h2>Scope<a class="headerlink" href="#scope">¶</a></h2>'
        "<p>The commission heard evidence from forty former detainees over three weeks of hearings.</p></section>"
    )
    (heading, _) = article_of(page_with("", body)).paragraphs
    assert (heading.kind, heading.text) == ("heading", "Scope")


def test_logo_heading_linking_home_is_not_the_pages_heading() -> None:
    """A theme sets the site's name as the first `<h1>`, a link home; the text's own `<h1>` comes after it."""
    page = (
        "<html><head><title>Shared History — Project Guide</title></head><body>"
        '<h1 class="heading"><a href="index.html">Project Guide</a></h1>'
        "<div><h1>Shared History</h1><p>The commission heard evidence from forty former detainees over three weeks"
        " of hearings, and its report calls for the camps to be closed.</p></div></body></html>"
    )
    assert article_of(page).title == "Shared History"


def test_byline_in_the_articles_own_footer_names_the_author() -> None:
    """HTML gives an article's `<footer>` to facts about it: "Posted by NAME." there is a byline, date or not."""
    body = (
        "<p>The commission heard evidence from forty former detainees over three weeks of hearings.</p>"
        "<footer><p>Posted by Jane Roe.</p></footer>"
    )
    assert article_of(page_with("<title>Hearings</title>", body)).author == "Jane Roe"


def test_name_after_by_outside_an_articles_header_or_footer_is_no_author() -> None:
    body = (
        "<p>The commission heard evidence from forty former detainees over three weeks of hearings.</p>"
        "<p>Photographed by Jane Roe.</p>"
    )
    assert article_of(page_with("<title>Hearings</title>", body)).author is None


def test_comment_left_in_a_heading_is_skipped_not_a_crash() -> None:
    """trafilatura may keep a markup comment inside a heading it outputs ("<!-- categories -->" between a date
    and a post's tags); only the words around it are text."""
    page = (
        "<html><head><title>Clubs welcome spectators back</title></head><body><article>"
        "<h1>Clubs welcome spectators back<br> 02.02.2022 • <!-- categories --> Association, Press</h1>"
        "<p>The regional clubs may again fill their halls with spectators, since the new rules took effect on"
        " the twenty-eighth of January and allow more people in the stands.</p></article></body></html>"
    )
    texts = [p.text for p in article_of(page).paragraphs]
    assert texts[-1].startswith("The regional clubs may again fill their halls with spectators")


WILD = PROJECT_ROOT / "tests" / "data" / "wild"
SHELL_PAGE = page_with(
    "<title>Evolving a change</title>",
    "<p>The commission's tool merges the two rewrites of the fix, as the transcript below shows step by step.</p>"
    "<pre>$ hg evolve\nmerge:[6] fix bug 24 (v2 by bob)\nwith: [7] fix bug 24 (v2 by alice)\n\n"
    "0 files updated, 1 files merged</pre>"
    "<p>The two rewrites are merged into one changeset, which both authors can then pull and push again.</p>",
)


def test_bracketed_number_printed_as_words_is_no_note_marker() -> None:
    """A marker comes from footnote markup; "merge:[6]" in a transcript is the page's words, and stays so."""
    (listing,) = [p for p in article_of(SHELL_PAGE).paragraphs if "merge:" in p.text]
    assert listing.markers == ()
    assert listing.text.startswith("$ hg evolve\nmerge:[6] fix bug 24")


def test_bracketed_number_in_a_real_sphinx_transcript_is_no_marker() -> None:
    (parsed,) = articles(WILD / "evolve-sphinx-shared-mutable-history.html")
    assert [m for p in parsed.paragraphs for m in p.markers] == []


def test_a_quoted_transcript_line_with_a_bracketed_number_is_the_source_files_own_bytes() -> None:
    """What a reader copies from a quote is the page's text: no invisible guard is left inside "[6]"."""
    source = (WILD / "evolve-sphinx-shared-mutable-history.html").read_text(encoding="utf-8").splitlines()
    parsed = parse_page((WILD / "evolve-sphinx-shared-mutable-history.html").read_bytes())
    (listing,) = [p for p in parsed.articles[0].paragraphs if "merge:[6]" in p.text]
    quoted = [line for line in listing.text.splitlines() if line.startswith(("merge:", "with:", "base:"))]
    assert quoted == [
        "merge:[6] fix bug 24 (v2 by bob)",
        "with: [7] fix bug 24 (v2 by alice)",
        "base: [4] fix bug 24 (v1)",
    ]
    assert all(line in source for line in quoted)
    assert "\u2060" not in parsed.text


def test_a_bracketed_number_printed_as_words_stays_no_marker_once_stored_in_the_index() -> None:
    parsed = articles(WILD / "evolve-sphinx-shared-mutable-history.html")
    (stored,) = articles_from_json(articles_to_json(parsed))
    assert [m for p in stored.paragraphs for m in p.markers] == []
    assert [p.literal for p in stored.paragraphs if p.literal] == [p.literal for p in parsed[0].paragraphs if p.literal]


def test_bracketed_number_linked_to_a_note_is_still_a_marker() -> None:
    body = (
        '<p>More than 300 people have been held without charge since March.<a href="#fn6">[6]</a></p>'
        '<ol class="footnotes"><li id="fn6">Statement by the detainees’ lawyers, 2 May 2023.</li></ol>'
    )
    (paragraph,) = article_of(page_with("<title>Detentions</title>", body)).paragraphs
    assert [m.number for m in paragraph.markers] == [6]


def test_code_listing_keeps_its_line_breaks_as_one_paragraph() -> None:
    texts = [p.text for p in article_of(SHELL_PAGE).paragraphs]
    assert texts[1] == (
        "$ hg evolve\nmerge:[6] fix bug 24 (v2 by bob)\nwith: [7] fix bug 24 (v2 by alice)\n"
        "0 files updated, 1 files merged"
    )


def test_page_that_is_all_one_preformatted_text_reads_as_the_text_files_paragraphs() -> None:
    """A text document served in a `<pre>` (an RFC through rfcmarkup, a mail archive's message) is no code
    listing: its blank lines part its paragraphs and its wrapped lines join."""
    text = "The committee met in May and heard\nthree witnesses.\n\nIt asked the ministry for the records.\n"
    texts = [p.text for p in article_of(page_with("<title>Memo</title>", f"<pre>{text}</pre>")).paragraphs]
    assert texts == ["The committee met in May and heard\nthree witnesses.", "It asked the ministry for the records."]


def test_page_read_as_its_preformatted_text_keeps_the_address_it_gives_itself() -> None:
    head = '<title>Memo</title><link rel="canonical" href="https://www.example.org/memos/12">'
    page = page_with(head, "<pre>The committee met in May.\n\nIt asked for the records.\n</pre>")
    assert article_of(page).url == "https://www.example.org/memos/12"


def test_form_feed_in_a_page_is_white_space_not_a_crash() -> None:
    """A text file's page break pasted into a page: a browser shows white space; lxml refused the character."""
    page = page_with("<title>Memo</title>", "<p>The committee met in May.\fIt asked for the records.</p>")
    assert article_of(page).paragraphs[0].text == "The committee met in May. It asked for the records."


def test_code_listing_of_a_real_blog_keeps_its_lines() -> None:
    texts = [p.text for p in articles(WILD / "v8-blog-standalone-wasm.html")[0].paragraphs]
    assert (
        "// add.c\n#include <emscripten.h>\nEMSCRIPTEN_KEEPALIVE\nint add(int x, int y) {\n  return x + y;\n}" in texts
    )


LINKED_ITEMS = (
    '<li><a href="https://bugs.example.org/1677080">Bug 1677080 – Fullscreen window is affected by switching the video'
    " source</a></li>"
    '<li><a href="https://bugs.example.org/1677107">Bug 1677107 – Add telemetry for tracking multiple window'
    " usage</a></li>"
)
PROSE = "".join(
    f"<h2>{team}</h2><ul><li>The {team.lower()} team fixed a long list of problems this month, and more fixes are on"
    " the way before the next release.</li><li>Students will be hacking on it again next semester, with two mentors"
    f" from the {team.lower()} team.</li></ul>"
    for team in ("Player", "Search", "Printing")
)


def weekly(more: str) -> str:
    """A weekly project update after the one where the list of links stood: headed sections of bullets."""
    return page_with("<title>These weeks</title>", f"<h1>These weeks</h1>{PROSE}{more}")


def test_list_of_links_inside_the_text_is_kept_in_its_place() -> None:
    """trafilatura drops a list that is all links; one inside the text (its lead-in is a kept item) is the text's."""
    lead_in = f"<li>In progress:<ul>{LINKED_ITEMS}</ul></li>"
    more = f"<h2>Video</h2><ul><li>Reviews landed for the new controls of the player.</li>{lead_in}</ul>"
    texts = [p.text for p in article_of(weekly(more)).paragraphs]
    assert texts[-3:] == [
        "In progress:",
        "Bug 1677080 – Fullscreen window is affected by switching the video source",
        "Bug 1677107 – Add telemetry for tracking multiple window usage",
    ]


def test_list_of_links_in_a_real_blog_post_is_kept() -> None:
    texts = [p.text for p in articles(WILD / "mozilla-nightly-blog-issue-85.html")[0].paragraphs]
    start = texts.index("In progress:")
    assert texts[start + 1] == "Bug 1677080 – Fullscreen PiP window is affected by switching video source"
    assert texts[start + 5] == "Bug 1678390 – Prevent Picture-in-Picture windows from opening on top of one another"


def test_list_of_links_to_the_sites_own_pages_is_its_related_stories_and_stays_out() -> None:
    related = (
        '<li><a href="/2023/05/election-postponed">Election commission postpones local vote in three regions</a></li>'
        '<li><a href="https://www.example.org/2023/05/court">Court orders release of two journalists held since'
        " March</a></li>"
    )
    lead_in = f"<li>Read:<ul>{related}</ul></li>"
    more = f"<h2>Video</h2><ul><li>Reviews landed for the new controls of the player.</li>{lead_in}</ul>"
    page = weekly(more).replace("<head>", '<head><link rel="canonical" href="https://example.org/2023/05/weeks">')
    assert "Election commission" not in parse_page(page).text


def test_list_of_links_in_an_aside_or_a_related_box_stays_out() -> None:
    aside = f"<aside><p>More:</p><ul>{LINKED_ITEMS}</ul></aside>"
    related = f'<div class="related-posts"><p>See:</p><ul>{LINKED_ITEMS}</ul></div>'
    assert "Bug 1677080" not in parse_page(weekly(aside + related)).text


def test_list_of_links_printed_twice_on_the_page_is_a_menu_and_stays_out() -> None:
    menu = f"<div><p>Sections:</p><ul>{LINKED_ITEMS}</ul></div>"
    assert "Bug 1677080" not in parse_page(weekly(menu + menu)).text


def test_page_too_large_for_the_memory_limit_is_refused_at_once_naming_its_size_and_the_setting() -> None:
    """Parsed, a page would take some 32 times its size; past the limit it died after minutes, saying neither how
    large it is nor that the page alone was too large. It is a limit, not a fault of the file: tried again when
    the limit is raised. The page's size in the message is measured before the parse starts, from the bytes alone
    (a timed bound here only measured the machine's load)."""
    page = page_with(
        "<title>Large</title>", "<p>Enough words in one paragraph for an article to be found.</p>" * 40_000
    )
    with pytest.raises(ParseStopped, match=r"large\.html: it is a 2\.\d MB page, .*raise QA_PARSE_MEMORY_BYTES"):
        parse_isolated(page.encode(), "large.html", replace(DEFAULT_LIMITS, memory_bytes=60_000_000))


SIDE_CHAINS = WILD / "pmc-pubreader-2012-side-chains.html"


def side_chains() -> Article:
    (article,) = articles(SIDE_CHAINS)
    return article


def cited_in(article: Article, words: str) -> list[int]:
    (paragraph,) = [p for p in article.paragraphs if words in p.text]
    return [m.number for m in paragraph.markers if paragraph.cites(m)]


def test_a_decimal_styled_list_under_a_references_heading_is_the_articles_notes() -> None:
    """PubMed Central lists the references in a `<ul style="list-style-type:decimal">` under "References"."""
    article = side_chains()
    assert sorted(article.footnotes) == list(range(1, 36))
    assert article.footnotes[26].startswith("Gao Y, Douguet D, Tovchigrechko A, Vakser IA. DOCKGROUND system")


def test_a_typed_bracketed_number_cites_the_reference_list_entry_of_that_number() -> None:
    article = side_chains()
    assert cited_in(article, "Dockground Benchmark 3 set of bound and corresponding unbound") == [26]


def test_a_typed_bracketed_range_cites_each_reference_in_it() -> None:
    """The page prints "[21-23]"; a marker cites one note, so the range is written as its three markers."""
    (paragraph,) = [p for p in side_chains().paragraphs if "Studies of the crystal packing effect" in p.text]
    assert "effect on the surface side chains [21][22][23] showed that" in paragraph.text
    assert [m.number for m in paragraph.markers if paragraph.cites(m)] == [19, 20, 21, 22, 23, 21]


def test_a_typed_bracketed_list_cites_each_reference_in_it() -> None:
    article = side_chains()
    assert cited_in(article, "While the earlier studies") == [18, 24, 25]


def test_the_reference_list_is_notes_not_paragraphs_of_the_text() -> None:
    article = side_chains()
    assert not any(p.text.startswith("Dunbrack RL, Cohen FE. Bayesian") for p in article.paragraphs)


def test_a_lettered_notes_list_that_links_reach_is_not_read_as_a_numbered_reference_list() -> None:
    """Wikipedia's "Footnotes" list is an `<ol>` its links letter a, b, c: a km<sup>2</sup> stays an exponent."""
    (area,) = [p for p in real("wikipedia-new-zealand.html").paragraphs if p.text.startswith("• Total 268,021 km")]
    assert area.text == "• Total 268,021 km2 (103,483 sq mi) (75th)"


def test_a_short_published_line_in_year_month_day_order_dates_the_article() -> None:
    """The page has no date in markup; its article information prints "Published online 2012 September 17."."""
    assert side_chains().date == "2012-09-17"


def test_an_author_list_block_names_every_author_the_header_byline_folds_into_an_ellipsis() -> None:
    """The header prints "Tatsiana Kirys, Anatoly M Ruvinsky, [...], and Ilya A Vakser"; the article information's
    `contrib-group fm-author` block links all four names."""
    assert side_chains().author == "Tatsiana Kirys, Anatoly M Ruvinsky, Alexander V Tuzikov, Ilya A Vakser"


def wild(name: str) -> Article:
    (article,) = articles(WILD / name)
    return article


def test_the_titles_of_a_sidebar_box_of_link_lists_are_navigation_not_text() -> None:
    """The t-SNE page's sidebar prints "Machine learning and data mining" over lists of links, each under a title
    ("Machine-learning venues"); the extractor dropped the lists and kept the titles."""
    texts = [p.text for p in wild("wikipedia-tsne-2019.html").paragraphs]
    assert "Machine learning and data mining" not in texts
    assert "Machine-learning venues" not in texts
    assert texts[0].startswith("T-distributed Stochastic Neighbor Embedding (t-SNE) is a machine learning algorithm")


def test_an_infobox_label_over_one_list_of_linked_values_is_no_navigation_box(wikipedia: Article) -> None:
    """New Zealand's infobox row "Official languages" lists three linked languages: one list under a label is a
    fact's value, not a box of menus."""
    assert "Official languages" in [p.text for p in wikipedia.paragraphs]


def test_a_remarks_heading_naming_one_speaker_is_the_transcripts_author() -> None:
    """The White House prints "Remarks of Vice President Joe Biden" (bold, a line of its own) over the weekly
    address; no byline or meta tag names anyone. The name is kept as printed, with the office."""
    assert wild("whitehouse-2015-weekly-address-community-college.html").author == "Vice President Joe Biden"


@pytest.mark.parametrize(
    "heading",
    [
        "<p><strong>Remarks by the President at the Community College Summit</strong></p>",
        "<p><strong>Remarks by Vice President</strong></p>",
        "<p><strong>Remarks of Vice President Joe Biden</strong></p><p><strong>Remarks of Jane Doe</strong></p>",
        '<ul><li><a href="/remarks-biden">Remarks of Vice President Joe Biden</a></li></ul>',
    ],
)
def test_a_remarks_heading_naming_an_office_or_several_speakers_or_linking_away_names_no_author(heading: str) -> None:
    assert article_of(page_with("", heading + LONG_PARAGRAPH)).author is None


DATA_GOVERNANCE_ACT = WILD / "eu-oj-2022-868-data-governance-act.html"


def test_a_recital_of_two_paragraphs_in_its_cell_gives_two_the_first_opened_by_its_number() -> None:
    """EUR-Lex sets each recital as a table row: its number in one cell, its paragraphs in the next."""
    (article,) = articles(DATA_GOVERNANCE_ACT)
    texts = [paragraph.text for paragraph in article.paragraphs]
    (second,) = [n for n, text in enumerate(texts) if text.startswith("(2) Over the last decade")]
    assert texts[second + 1].startswith("The Commission also called for the free and safe flow of data")


def test_a_link_labelled_with_a_parenthesised_number_is_a_note_marker() -> None:
    """EUR-Lex prints the Official Journal's markers as links "(<span>1</span>)" to notes linking back the same way."""
    (article,) = articles(DATA_GOVERNANCE_ACT)
    assert cited_in(article, "opinion of the European Economic and Social Committee") == [1]
    assert article.footnotes[1] == "OJ C 286, 16.7.2021, p. 38."


def test_an_official_journal_acts_notes_are_its_notes_not_paragraphs_of_its_text() -> None:
    (article,) = articles(DATA_GOVERNANCE_ACT)
    assert sorted(article.footnotes) == list(range(1, 34))
    assert not any(p.text.startswith("(33) Directive (EU) 2019/882") for p in article.paragraphs)


def test_a_page_title_that_is_a_file_name_gives_way_to_the_pages_heading() -> None:
    """The page Chrome printed to the PDF fixture keeps its editor's file name, "report_final_v2.docx", as `<title>`."""
    parsed = parse_page((PROJECT_ROOT / "tests" / "fixtures" / "chromium-report.html").read_bytes())
    assert parsed.articles[0].title == "Access to Counsel in Pre-Trial Detention"


def test_an_official_journal_pages_file_name_title_gives_way_to_its_title_block() -> None:
    """EUR-Lex's `<title>` is the Journal's file name "L_2022152EN.01000101.xml" and the act sets no heading
    element: its title is the three paragraphs of a class no other element carries, less the remark "(Text with EEA
    relevance)" under them."""
    (article,) = articles(DATA_GOVERNANCE_ACT)
    assert article.title == (
        "REGULATION (EU) 2022/868 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 30 May 2022 on European data "
        "governance and amending Regulation (EU) 2018/1724 (Data Governance Act)"
    )


def test_the_paragraphs_of_a_title_block_and_the_journals_header_over_it_are_no_paragraphs_of_the_text() -> None:
    """The act's title, set over three paragraphs, is its name, and the Journal's header line above it ("3.6.2022 EN
    Official Journal of the European Union L 152/1") the publication's: the text opens with the remark under it."""
    (article,) = articles(DATA_GOVERNANCE_ACT)
    texts = [p.text for p in article.paragraphs]
    assert "of 30 May 2022" not in texts
    assert not any(text.startswith(("REGULATION (EU) 2022/868", "3.6.2022")) for text in texts)
    assert texts[:2] == ["(Text with EEA relevance)", "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"]


def test_the_date_line_of_a_title_block_dates_the_page() -> None:
    """The act's title block prints "of 30 May 2022" on a line of its own; the page's markup gives no date."""
    (article,) = articles(DATA_GOVERNANCE_ACT)
    assert article.date == "2022-05-30"


FIRST_PARAGRAPH = LONG_PARAGRAPH.removeprefix("<p>").removesuffix("</p>").strip()


def headline_page(lines: str) -> Article:
    """A page whose `<h1>` is followed by `lines` and then the text's first long paragraph."""
    return article_of(page_with("<title>Camps</title>", f"<h1>Camps</h1>{lines}{LONG_PARAGRAPH}"))


@pytest.mark.parametrize(
    "line",
    ["By Maria Lopez", "Published: 3 May 2021", "Tuesday 15 October 2019 by Jane Doe", "5 min read"],
    ids=["byline", "published-line", "dateline", "reading-time"],
)
def test_a_byline_or_dateline_under_the_headline_is_no_paragraph(line: str) -> None:
    texts = [p.text for p in headline_page(f"<p>{line}</p>").paragraphs]
    assert line not in texts
    assert texts[0] == FIRST_PARAGRAPH


def test_a_run_of_byline_and_dateline_under_the_headline_goes_whole() -> None:
    article = headline_page("<p>By Maria Lopez</p><p>Published: 3 May 2021</p><p>5 min read</p>")
    assert [p.text for p in article.paragraphs] == [FIRST_PARAGRAPH]
    assert (article.author, article.date) == ("Maria Lopez", "2021-05-03")


@pytest.mark.parametrize(
    "line",
    ["By 2030, the camps will hold twice as many people.", "By then the guards had left the camp."],
    ids=["year", "adverb"],
)
def test_a_short_sentence_under_the_headline_that_starts_with_by_is_kept(line: str) -> None:
    assert [p.text for p in headline_page(f"<p>{line}</p>").paragraphs][0] == line


def texts_of(name: str) -> list[str]:
    return [p.text for p in wild(name).paragraphs]


def test_a_bookdown_figure_caption_is_a_paragraph_of_its_own() -> None:
    """bookdown prints a figure's caption in a `<p class="caption">` under its image, inside a `div.figure`."""
    assert (
        "Figure 5.2: Cartesian product A×B of A (tuples) and B (attributes). Image by Quartl (2012), CC BY-SA 3.0."
        in texts_of("ubc-geomatics-relational-databases.html")
    )


def test_a_blogger_caption_cell_stands_between_the_paragraphs_around_its_picture() -> None:
    """Blogger sets a picture and its caption in the two rows of a `tr-caption-container` table, inside the text."""
    texts = texts_of("blogger-silicon-exposed-greenpak4.html")
    at = texts.index("SLG46620V block diagram (from device datasheet)")
    assert texts[at - 1].endswith("a block diagram showing all the cool stuff you get in the SLG46620V:")
    assert texts[at + 1].startswith("They're also tiny (the SLG46620V is a 20-pin")


def test_a_figcaption_holding_a_paragraph_is_a_paragraph_of_its_own() -> None:
    assert (
        "The first two results look like they're not relevant, as they don't seem to include the query string the "
        "user just searched for. Yet, they are." in texts_of("mkdocs-material-blog-2021-search.html")
    )


def test_a_wiki_thumbnail_caption_is_a_paragraph_and_its_note_marker_cites_its_note(wikipedia: Article) -> None:
    """Wikipedia's `thumbcaption` opens with an empty "enlarge" box; the caption's "[206]" is a note marker."""
    assert cited_in(wikipedia, "Milford Sound is one of New Zealand's most famous tourist destinations.") == [206]


def test_a_journal_header_line_listing_the_authors_is_front_matter_not_a_paragraph() -> None:
    """PubMed Central's header prints "Tatsiana Kirys, Anatoly M Ruvinsky, [...], and Ilya A Vakser"."""
    article = side_chains()
    assert not any("Anatoly M Ruvinsky" in p.text for p in article.paragraphs)
    assert article.paragraphs[0].text == "Abstract"


def test_a_line_listing_the_authors_with_affiliation_marks_is_no_paragraph() -> None:
    head = '<meta name="citation_author" content="Ana Ruiz"><meta name="citation_author" content="John Lee">'
    body = f"<h1>Camps</h1><p>Ana Ruiz1,2, John Lee2*</p>{LONG_PARAGRAPH}"
    article = article_of(page_with(head, body))
    assert [p.text for p in article.paragraphs] == [FIRST_PARAGRAPH]


def test_a_line_naming_someone_besides_the_authors_is_kept() -> None:
    head = '<meta name="citation_author" content="Ana Ruiz">'
    body = f"<h1>Camps</h1><p>Ana Ruiz and John Lee</p>{LONG_PARAGRAPH}"
    assert "Ana Ruiz and John Lee" in [p.text for p in article_of(page_with(head, body)).paragraphs]


def test_a_small_data_table_is_one_block_its_column_names_over_its_rows() -> None:
    """Read a row to a paragraph, bookdown's table of trees gave "14 26.8": values without their column names."""
    table = next(p for p in wild("ubc-geomatics-relational-databases.html").paragraphs if p.text.startswith("Height"))
    assert table.kind == "preformatted"
    assert table.text == "Height (m)\tDBH (cm)\n14\t26.8\n18\t30.5\n16\t28.7\n25\t36.0\n20\t34.6"


def test_a_one_column_table_keeps_its_column_name_with_its_value() -> None:
    texts = texts_of("clinicaltrials-gov-study.html")
    assert "Condition or disease\nNon Small Cell Lung Cancer" in texts
    assert "Non Small Cell Lung Cancer" not in texts


def test_a_table_whose_cells_are_prose_is_read_row_by_row() -> None:
    """A report's comparison table sets sentences in its cells; each row is a paragraph, a quote a row's words."""
    rows = [p for p in wild("crs-r48632-national-alerts-2025.html").paragraphs if p.text.startswith("Initiator")]
    assert [(p.kind, p.text.split(" The President")[0]) for p in rows] == [("text", "Initiator and originator")]


def test_a_long_data_table_is_read_row_by_row() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>{n * n}</td></tr>" for n in range(1, 30))
    body = f"{LONG_PARAGRAPH}<table><tr><th>Number</th><th>Square</th></tr>{rows}</table>"
    texts = [p.text for p in article_of(page_with("<title>Squares</title>", body)).paragraphs]
    assert "7 49" in texts


def test_a_photo_credit_closing_a_caption_is_not_part_of_the_caption() -> None:
    body = (
        f'{LONG_PARAGRAPH}<figure><img src="a.jpg" alt=""><figcaption>Oil pumps at sunset. Image: Jane Roe/Agency.com'
        "</figcaption></figure>"
    )
    texts = [p.text for p in article_of(page_with("<title>Oil</title>", body)).paragraphs]
    assert texts == [FIRST_PARAGRAPH, "Oil pumps at sunset."]


def test_a_caption_opening_with_its_label_keeps_the_label() -> None:
    body = f'{LONG_PARAGRAPH}<figure><img src="a.jpg" alt=""><figcaption>Map: the camps in 2023</figcaption></figure>'
    texts = [p.text for p in article_of(page_with("<title>Camps</title>", body)).paragraphs]
    assert texts[-1] == "Map: the camps in 2023"


def test_a_source_named_with_via_closing_a_caption_is_not_part_of_the_caption() -> None:
    body = (
        f'{LONG_PARAGRAPH}<figure><img src="a.jpg" alt=""><figcaption>Paris Haute Couture SS14, Serkan Cura, Bild '
        '<a href="https://example.org/report">via</a></figcaption></figure>'
    )
    texts = [p.text for p in article_of(page_with("<title>Couture</title>", body)).paragraphs]
    assert texts == [FIRST_PARAGRAPH, "Paris Haute Couture SS14, Serkan Cura"]


def test_a_caption_saying_how_something_went_via_a_place_keeps_its_words() -> None:
    caption = "<figcaption>Trucks, routed via the A4</figcaption>"
    body = f'{LONG_PARAGRAPH}<figure><img src="a.jpg" alt="">{caption}</figure>'
    texts = [p.text for p in article_of(page_with("<title>Trucks</title>", body)).paragraphs]
    assert texts[-1] == "Trucks, routed via the A4"


def test_a_wide_data_table_under_its_caption_is_one_block_its_column_names_over_its_rows() -> None:
    """bookdown's caption comes out of the extraction as the table's first row; it stays a paragraph of its own."""
    texts = texts_of("ubc-geomatics-relational-databases.html")
    at = texts.index("Table 5.1: An excerpt of the CIMD data table.")
    lines = texts[at + 1].split("\n")
    assert len(lines) == 7
    assert lines[0].split("\t")[:3] == ["PRCDDA", "Province", "DA population"]
    assert lines[1] == "59010123\tBritish Columbia\t434\t1\t-0.829\t4\t0.034\t4\t0.362\t1\t-0.805"


def test_a_table_set_in_a_frame_of_its_own_is_read_where_the_text_refers_to_it() -> None:
    """PubReader sets each table in an `<article>` after the text; the text shows a "Table 1" link in its place."""
    paragraphs = wild("pmc-pubreader-2012-side-chains.html").paragraphs
    texts = [p.text for p in paragraphs]
    at = texts.index("Number of surface residues in bound and unbound proteins")
    assert texts[at - 1] == "Table 1"
    assert texts[at - 2].startswith("The core residues change conformation upon binding less than the surface ones")
    assert paragraphs[at + 1].kind == "preformatted"
    assert "\nSer\t333/429\t2409/2934\n" in texts[at + 1]


def test_a_caption_that_is_only_a_photo_credit_is_not_indexed() -> None:
    body = f'{LONG_PARAGRAPH}<figure><img src="a.jpg" alt=""><figcaption>Foto: Sascha Klahn</figcaption></figure>'
    assert [p.text for p in article_of(page_with("<title>Handball</title>", body)).paragraphs] == [FIRST_PARAGRAPH]


def test_a_credit_in_parentheses_closing_a_caption_is_not_part_of_the_caption() -> None:
    caption = "<figcaption>Dmitry Muratov, Nobel Peace Prize laureate (REUTERS/Denis Balibouse)</figcaption>"
    body = f'{LONG_PARAGRAPH}<figure><img src="a.jpg" alt="">{caption}</figure>'
    texts = [p.text for p in article_of(page_with("<title>Prize</title>", body)).paragraphs]
    assert texts[-1] == "Dmitry Muratov, Nobel Peace Prize laureate"


def test_a_caption_line_its_class_names_a_source_is_a_credit() -> None:
    captions = (
        '<p class="media__caption media__caption--description">Protesters on the avenue in the summer.</p>'
        '<p class="media__caption media__caption--source">Ahmed Zarrouki, Avenue Bourguiba, Tunis.</p>'
    )
    body = f'<div class="media"><img src="a.jpg" alt="">{captions}</div>{LONG_PARAGRAPH}'
    texts = [p.text for p in article_of(page_with("<title>Tunis</title>", body)).paragraphs]
    assert texts == ["Protesters on the avenue in the summer.", FIRST_PARAGRAPH]


def test_the_caption_of_a_picture_linking_to_another_site_is_a_promotion() -> None:
    head = '<link rel="canonical" href="https://news.example.org/2023/story">'
    banner = '<a href="https://shop.example.com/"><img src="banner.jpg" alt=""></a>'
    body = f"{LONG_PARAGRAPH}<figure>{banner}<figcaption>New! Visit our fan shop!</figcaption></figure>"
    assert [p.text for p in article_of(page_with(head, body)).paragraphs] == [FIRST_PARAGRAPH]


def test_the_caption_of_a_picture_linking_to_its_own_file_elsewhere_is_kept() -> None:
    head = '<link rel="canonical" href="https://news.example.org/2023/story">'
    picture = '<a href="https://cdn.example.net/uploads/chart.png"><img src="chart-small.png" alt=""></a>'
    body = f"{LONG_PARAGRAPH}<figure>{picture}<figcaption>Who owns which company, June 2016</figcaption></figure>"
    texts = [p.text for p in article_of(page_with(head, body)).paragraphs]
    assert texts[-1] == "Who owns which company, June 2016"


def test_a_figure_set_in_a_frame_of_its_own_is_read_where_the_text_refers_to_it() -> None:
    texts = texts_of("pmc-pubreader-2012-side-chains.html")
    at = texts.index("Figure 1")
    assert texts[at - 1].endswith(
        "Figure 1 shows a two-dimensional distribution function of Asp dihedral angles for "
        "the non-interface unbound residues."
    )
    assert texts[at + 1] == "Dihedral angle distribution of non-interface Asp in unbound structures."


def test_a_date_marked_as_a_time_in_a_sentence_stays_in_it() -> None:
    sentence = '<p>The commission met on <time datetime="2023-05-04">4 May 2023</time> and heard forty witnesses.</p>'
    texts = [p.text for p in article_of(page_with("<title>Camps</title>", sentence + LONG_PARAGRAPH)).paragraphs]
    assert texts[0] == "The commission met on 4 May 2023 and heard forty witnesses."


def test_a_date_marked_as_a_time_in_a_definition_stays_in_it() -> None:
    glossary = (
        "<dl><dt>Census day</dt><dd>The day the count is taken, <time datetime='2021-03-21'>21 March 2021</time> "
        "in England and Wales.</dd></dl>"
    )
    texts = [p.text for p in article_of(page_with("<title>Census</title>", LONG_PARAGRAPH + glossary)).paragraphs]
    assert "The day the count is taken, 21 March 2021 in England and Wales." in texts
