"""Markup embedded in plain text: an XML or HTML element written into an article's text (an embedded tweet,
`<tweet tweet-id="...">…</tweet>`, `<tweet/>`, a link `<a href="...">…</a>`) is no part of what the article
says. Its tags are removed at reading time and the words inside the element are kept, so that neither a tag
nor an attribute value is read as text, a quotation or a speaker."""

from __future__ import annotations

import re

#: A start, end or empty-element tag: a name, attributes with quoted values, an optional "/" ("<not a tag>",
#: words between angle brackets without "=", stays text).
_TAG = re.compile(r"""</?[A-Za-z][\w:.-]*(?:\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*/?>""")


def remove_markup(text: str) -> str:
    """The text without embedded tags; a tag between two words leaves a space so that they stay apart."""

    def replace(m: re.Match[str]) -> str:
        a, b = m.start(), m.end()
        left = text[a - 1] if a else " "
        right = text[b] if b < len(text) else " "
        return " " if left.isalnum() and right.isalnum() else ""

    return _TAG.sub(replace, text) if "<" in text else text
