"""Markup embedded in plain text is removed at reading time (sentences written for these tests)."""

from __future__ import annotations

from dyad.api import extract
from dyad.readers.markup import remove_markup
from dyad.readers.text import parse_text_article


def test_tags_go_and_the_words_inside_stay() -> None:
    raw = 'The mayor wrote: <tweet tweet-id="12345" author="@cityhall">We open the bridge today.</tweet> <tweet/>'
    assert remove_markup(raw) == "The mayor wrote: We open the bridge today. "
    assert remove_markup('See <a href="http://example.org/x?a=1">the plan</a>.') == "See the plan."


def test_text_that_only_looks_like_markup_is_kept() -> None:
    for text in ("if a < b and c > d", "a <3 heart", "x<y", "<<not a tag>>"):
        assert remove_markup(text) == text


def test_a_tag_between_two_words_leaves_a_space() -> None:
    assert remove_markup("north<br/>south") == "north south"


def test_the_text_reader_removes_markup_before_the_pipeline_sees_it() -> None:
    raw = ('date 2016-03-01 Senator Ann Holt posted a message. <tweet tweet-author="@annholt" '
           'tweet-date="March 1, 2016">“Taxes will not go up this year,” Holt said.</tweet>')
    article = parse_text_article(raw, article_id="a", origin="a.txt")
    assert "<" not in article.text and "tweet-author" not in article.text
    quotes = extract(article.text, "2016-03-01", "en").quotes
    assert quotes and all("tweet" not in q["text"] and "tweet" not in q["speaker"]["name"] for q in quotes)
