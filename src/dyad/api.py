"""The Python API: `dyad.extract(text, published=None, language=None)`."""

from __future__ import annotations

from datetime import date

from dyad.document import Article, Document, PartialDate
from dyad.pipeline import get_pipeline
from dyad.records import Extraction, build_records


def analyse(article: Article) -> Document:
    """Run the pipeline of the article's language (detected when not given) over it."""
    if not article.language:
        from dyad.readers.language import detect_language

        article.language = detect_language(article.text, source=article.origin or article.id)
    return get_pipeline(article.language)(article)


def extract(
    text: str,
    published: str | date | PartialDate | None = None,
    language: str | None = None,
    article_id: str = "text",
) -> Extraction:
    """Extract events, quotes and actor mentions from one article text.

    `published` is an ISO 8601 string at any precision (`"2021-03"`), a `date` or a `PartialDate`;
    relative dates in the text are resolved against it.
    """
    if isinstance(published, str):
        pub: PartialDate | None = PartialDate.parse(published, source=article_id)
    elif isinstance(published, date):
        pub = PartialDate.from_date(published)
    else:
        pub = published
    article = Article(id=article_id, text=text, published=pub, language=language, origin=article_id)
    return build_records(analyse(article))
