"""Readers: news articles in, `dyad.document.Article`s out.

    from dyad.readers import read_inputs, ReadFailure

    for item in read_inputs(["../shared/seed", "feeds/nos.rss", "-"]):
        if isinstance(item, ReadFailure):
            print(item)            # [E001] feeds/nos.rss#entry-3: feed entry has no text ...
        else:
            process(item)          # item.origin, item.language, item.published (a PartialDate) ...

Formats (see `shared/spec/FORMAT.md`): the seed text format (`.txt`), JSONL (`.jsonl`, `.ndjson`), HTML
pages (`.html`, `.htm`, `.xhtml`), RSS/Atom feeds (`.xml`, `.rss`, `.atom`), folders of these (recursively)
and stdin (`"-"`). Every article leaves with its language set: declared, given, or detected
(`dyad.readers.language.detect_language`); anything but Dutch or English is a `ReadFailure`.
"""

from dyad.readers.failure import ReadFailure
from dyad.readers.formats import InputFormat
from dyad.readers.language import SUPPORTED_LANGUAGES, detect_language
from dyad.readers.limits import MAX_MARKUP_BYTES, MAX_TEXT_BYTES
from dyad.readers.reading import ReadResult, read_inputs, read_undetected, resolve_language

__all__ = [
    "read_undetected",
    "resolve_language",
    "MAX_MARKUP_BYTES",
    "MAX_TEXT_BYTES",
    "SUPPORTED_LANGUAGES",
    "InputFormat",
    "ReadFailure",
    "ReadResult",
    "detect_language",
    "read_inputs",
]
