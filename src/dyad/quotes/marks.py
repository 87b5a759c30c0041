"""Quotation marks: which marks open and close a quotation, which are apostrophes, and how they pair.

Works on the characters of the text, so that a quotation may run over several sentences. Marks that
have no partner still delimit a quotation: a closing mark without an opening one (the seed's
"... beheerd’, zei Lavrov.") starts the quotation at the start of its sentence; an opening mark
without a closing one ends it at the end of its sentence or paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

#: Every quotation mark dyad reads; the two-character marks first so that ",," is one mark.
MARK_RE = re.compile(r",,|''|[‘’‚“”„\"'«»‹›]")
#: Marks that are only ever opening marks.
OPENING_ONLY = frozenset({",,", "‘", "‚", "„", "«", "‹"})
#: Marks that may also be apostrophes.
APOSTROPHES = frozenset({"'", "’"})
#: What may stand right before an opening mark.
_BEFORE_OPEN = frozenset(" \t\n\r([{—–-/:")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    text: str
    role: str  # "open" | "close"


@dataclass(frozen=True)
class QuotedSpan:
    """A stretch of quoted text: offsets of the content (without marks) and of the marks, if present."""

    start: int
    end: int
    open_mark: Mark | None
    close_mark: Mark | None

    @property
    def outer_start(self) -> int:
        return self.open_mark.start if self.open_mark else self.start

    @property
    def outer_end(self) -> int:
        return self.close_mark.end if self.close_mark else self.end


def classify_marks(text: str, elisions: frozenset[str], possessive_endings: frozenset[str] = frozenset(),
                   ) -> list[Mark]:
    """The quotation marks of a text with their role; apostrophes and stray marks are left out.
    `possessive_endings`: the letters after which an apostrophe before a space marks a possessive ("the
    voters’ choice") unless a single quotation is open in its paragraph."""
    marks: list[Mark] = []
    n = len(text)
    for m in MARK_RE.finditer(text):
        a, b, mark = m.start(), m.end(), m.group()
        left = text[a - 1] if a > 0 else " "
        right = text[b] if b < n else " "
        if mark in APOSTROPHES:
            if left.isalnum() and right.isalnum():
                continue  # Netanyahu's, zo'n, CHP'er
            if not left.isalnum() and (right.isdigit() or _is_elision(text, b, elisions)):
                continue  # 's ochtends, 't, jaren '80
            if (left.lower() in possessive_endings and a > 1 and text[a - 2].isalpha() and right == " "
                    and not _single_open(text, a, marks)):
                continue  # the voters’ choice
        if mark == ",," and (right.isspace() or right.isdigit() or left.isdigit()):
            continue
        opens = (left.isspace() or left in _BEFORE_OPEN or a == 0) and not right.isspace() and b < n
        closes = not left.isspace() and a > 0 and (right.isspace() or not right.isalnum() or b == n)
        if mark in OPENING_ONLY:
            if opens or (not right.isspace() and b < n):
                marks.append(Mark(a, b, mark, "open"))
            continue
        if opens and not closes:
            marks.append(Mark(a, b, mark, "open"))
        elif closes and not opens:
            marks.append(Mark(a, b, mark, "close"))
        elif left.isspace() and right.isspace():
            role = _spaced_role(text, a, b, marks)
            if role:
                marks.append(Mark(a, b, mark, role))
    return marks


#: Single quotation marks (a quotation inside a quotation, or the only marks a headline uses).
_SINGLE = frozenset({"‘", "’", "'", "‚"})


def _single_open(text: str, at: int, marks: list[Mark]) -> bool:
    """Whether a single quotation mark opened before offset `at` in its paragraph is still open."""
    para = text.rfind("\n", 0, at)
    depth = 0
    for mark in reversed(marks):
        if mark.start <= para:
            break
        if mark.text in _SINGLE:
            depth += 1 if mark.role == "open" else -1
            if depth > 0:
                return True
    return False


def _spaced_role(text: str, a: int, b: int, marks: list[Mark]) -> str:
    """The role of a mark with white space on both sides: a quotation inside a quotation whose marks the
    writer set apart (`... say, 'Well done,' " said X` closes both; `" 'Well done,' he said ..." opens
    both). It closes when the mark before it, past the white space, closes, and opens when the mark after
    it opens; otherwise it is a stray mark ("")."""
    if marks and marks[-1].role == "close" and not text[marks[-1].end : a].strip():
        return "close"
    j = b
    while j < len(text) and text[j].isspace():
        j += 1
    nxt = MARK_RE.match(text, j)
    if nxt is not None and nxt.group() != text[a:b] and text[nxt.end() : nxt.end() + 1].isalnum():
        return "open"
    return ""


def _is_elision(text: str, pos: int, elisions: frozenset[str]) -> bool:
    """Whether a word after an apostrophe at `pos` is a contraction ("'s", "'t", "'n") and nothing more."""
    j = pos
    while j < len(text) and text[j].isalpha():
        j += 1
    word = text[pos:j].lower()
    return bool(word) and word in elisions and (j == len(text) or not text[j].isalpha())


def find_quoted_spans(
    text: str,
    marks: list[Mark],
    sentence_bounds: list[tuple[int, int]],
    paragraph_ends: list[int],
    max_sentences: int = 8,
) -> list[QuotedSpan]:
    """Pair the marks into quoted spans (outermost only; a quotation inside a quotation stays in it).

    `sentence_bounds` are the (start, end) offsets of the sentences in order; `paragraph_ends` the
    offsets where paragraphs end. A quotation never runs past its paragraph or past `max_sentences`
    sentences; when it would, it is taken to end with its first sentence (a missing closing mark)."""
    starts = [s for s, _ in sentence_bounds]

    def sentence_at(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    def paragraph_end(offset: int) -> int:
        for end in paragraph_ends:
            if end > offset:
                return end
        return len(text)

    spans: list[QuotedSpan] = []
    i = 0
    while i < len(marks):
        mark = marks[i]
        if mark.role == "close":
            # A closing mark without an opening one: the quotation starts with its sentence.
            s = sentence_at(mark.start)
            start = max(sentence_bounds[s][0], spans[-1].outer_end if spans else 0)
            spans.append(QuotedSpan(start, mark.start, None, mark))
            i += 1
            continue
        limit_sentence = min(len(sentence_bounds) - 1, sentence_at(mark.start) + max_sentences - 1)
        sentence_limit = sentence_bounds[limit_sentence][1] if sentence_bounds else len(text)
        limit = min(paragraph_end(mark.start), sentence_limit)
        depth = 0
        match = None
        j = i + 1
        while j < len(marks) and marks[j].start < limit:
            if marks[j].role == "open":
                depth += 1
            elif depth == 0:
                match = j
                break
            else:
                depth -= 1
            j += 1
        if match is not None:
            spans.append(QuotedSpan(mark.end, marks[match].start, mark, marks[match]))
            i = match + 1
            continue
        # No closing mark: the quotation ends with the sentence (or paragraph) of its opening mark, or - when
        # the next mark opens a new quotation the same way after a full stop (a quotation over paragraphs
        # whose breaks the text lost) - right before that one.
        s = sentence_at(mark.start)
        end = min(sentence_bounds[s][1] if sentence_bounds else len(text), paragraph_end(mark.start))
        nxt = marks[i + 1] if i + 1 < len(marks) else None
        if nxt is not None and nxt.role == "open" and nxt.text == mark.text and end < nxt.start < limit:
            before = text[: nxt.start].rstrip()
            if before.endswith((".", "!", "?")) and len(before) > end:
                end = len(before)
        spans.append(QuotedSpan(mark.end, end, mark, None))
        i += 1
        while i < len(marks) and marks[i].start < end:
            i += 1
    return [_trim(text, s) for s in spans if s.end > s.start]


def _trim(text: str, span: QuotedSpan) -> QuotedSpan:
    """Drop white space and a trailing comma from the content of a quotation."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuotedSpan(start, end, span.open_mark, span.close_mark)
