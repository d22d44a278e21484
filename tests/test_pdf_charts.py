"""Bar charts drawn as vector graphics: their values, axis figures, category names and legends are labels read off
the chart, no sentences; read row by row as the page's text they ran together (`0 Google 58 56 50 47 41`). They are
left out of the paragraphs; the chart's caption, title and notes, and text printed over shaded panels, stay."""

from __future__ import annotations

from pathlib import Path

from qa.corpus import Article
from tests.parsed import articles

WILD = Path(__file__).parent / "data" / "wild"


def on_page(parsed: tuple[Article, ...], page: int) -> list[str]:
    return [p.text for article in parsed for p in article.paragraphs if p.page == page]


def test_a_bar_charts_values_axis_and_category_names_are_no_paragraphs() -> None:
    page = on_page(articles(WILD / "gao-05-927-managing-for-results.pdf"), 10)
    assert not any(text in {"66 59 56", "Setting individual Rewarding staff I", "100", "1997"} for text in page)
    assert not any("Key management activities" in text for text in page)


def test_a_bar_charts_caption_source_and_note_stay() -> None:
    page = on_page(articles(WILD / "gao-05-927-managing-for-results.pdf"), 10)
    assert any(text.startswith("Figure 3: The Percentage of Federal Managers Who Reported") for text in page)
    assert "Source: GAO." in page
    assert "a There was a statistically significant difference between the 1997 and 2003 surveys." in page


def test_the_values_over_a_reports_bars_are_no_paragraphs_and_its_figure_caption_stays() -> None:
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 44)
    assert not any("35.5" in text or "60.8" in text for text in page)
    assert (
        "Figure 9 | How transparent are internet and mobile ecosystem companies about how they handle user information?"
        in page
    )


def test_the_values_over_a_charts_bars_set_in_the_body_size_are_no_paragraphs() -> None:
    """RDR 2018's figure 10 sets its bars' values a shade over the body's size (10.2 points against 10)."""
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 46)
    assert not any(text.startswith("79 63 54") for text in page)
    assert page[0].startswith("Figure 10 | How transparent are internet and mobile ecosystem companies about what")
    assert page[1].startswith("Indicator P4 evaluates company disclosure of what user information they share")


def test_the_names_under_a_charts_bars_are_no_paragraphs_and_its_title_stays() -> None:
    page = on_page(articles(WILD / "rdr-index-2015-report.pdf"), 13)
    assert not any("Google" in text or "Yahoo" in text for text in page)
    assert "Total Performance: Internet Companies" in " ".join(page)


def test_body_text_over_filled_strips_of_several_lengths_is_kept() -> None:
    page = on_page(articles(WILD / "rdr-index-2019-att.pdf"), 2)
    assert any(text.startswith("AT&T disclosed less about its governance and oversight") for text in page)
    assert any(text.startswith("AT&T disclosed more about policies affecting freedom of expression") for text in page)


def test_a_line_before_a_chart_left_out_does_not_run_on_into_the_text_after_it() -> None:
    """RDR 2018's page 6 heads a chart "INTERNET AND MOBILE ECOSYSTEM COMPANIES"; its bars' labels are left out, and
    the next text kept is page 7's first sentence: two paragraphs, as printed, not one run the page never prints."""
    texts = [p.text for article in articles(WILD / "rdr-index-2018-report.pdf") for p in article.paragraphs]
    at = texts.index("INTERNET AND MOBILE ECOSYSTEM COMPANIES")
    assert texts[at + 1].startswith("The Ranking Digital Rights 2018 Corporate Accountability Index evaluated 22 of")


def test_the_category_names_under_a_charts_axis_set_closer_than_a_gutter_are_no_paragraphs() -> None:
    """RDR 2018's Figure 9 names each bar's indicator under it ("P3. Collection", "P4. Sharing of"), labels half an
    em apart, in lines that run on to "of user information" under each: words read off the chart, no sentence."""
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 44)
    assert not any("P4. Sharing of" in text or "user collecting" in text for text in page)
    assert not any("Average indicator scores" in text for text in page)


def test_a_score_cards_rank_score_and_change_set_large_are_no_paragraph() -> None:
    page = on_page(articles(WILD / "rdr-index-2018-report.pdf"), 85)
    assert not any(text.startswith("7 44%") or text in {"44%", "8.02", "44% 8.02"} for text in page)
    assert any(text.startswith("Apple placed seventh out of the 12 internet and mobile") for text in page)


def test_a_dot_plots_panels_axes_and_category_names_are_no_paragraphs() -> None:
    """R's ggplot panels: each panel's percent axis a row of figures under its vertical gridlines."""
    page = on_page(articles(WILD / "chaudhry-dotson-heiss-2021-who-cares-about-crackdowns.pdf"), 16)
    assert not {"0% 2% 4% 6%", "Issue area", "Funding sources", "Emergency response", "Criticized"} & set(page)
    assert page[0].startswith("Figure 2: Average predicted donation market shares across all personas")


def test_a_timelines_axis_values_set_against_tick_marks_are_no_paragraphs() -> None:
    page = on_page(articles(WILD / "jama-netw-open-2022-glasses-sars-cov-2.pdf"), 5)
    assert not {"2000", "1500", "500", "0 Jan 15", "Jan 22"} & set(page)
    assert "Figure 2. Recruitment Timeline" in page
