"""The seed's plain-text format: an optional `date YYYY-MM[-DD]` before the body, on its first line.

    ␣date 2021-03 De Russische minister van Buitenlandse zaken ...

The date may be preceded by white space and is followed, on the same line, by the start of the body.
Markup embedded in the body (`<tweet …>…</tweet>`) is removed (`dyad.readers.markup`).
"""

from __future__ import annotations

import re

from dyad.document import Article, PartialDate
from dyad.errors import InputError
from dyad.readers.markup import remove_markup

# `date` then a token that starts with a digit: the token is taken as the date and must parse, so that
# `date 2021-13` is reported rather than silently read as body text. A body that merely begins with the
# word "date" ("date night ...") has no digit after it and stays body text.
_DATE_PREFIX = re.compile(r"\A\s*date[ \t]+(?P<date>\d\S*)(?:[ \t]+|(?=\n)|\Z)")


def parse_text_article(text: str, *, article_id: str, origin: str) -> Article:
    """Read one article in the seed text format; `DateError` for a bad date, `InputError` for no body."""
    published: PartialDate | None = None
    body = text
    match = _DATE_PREFIX.match(text)
    if match:
        published = PartialDate.parse(match["date"], source=origin)
        body = text[match.end() :]
    body = remove_markup(body).strip()
    if not body:
        what = "no article text after the date" if match else "no article text (only white space)"
        raise InputError(what, source=origin)
    return Article(id=article_id, text=body, published=published, origin=origin)
