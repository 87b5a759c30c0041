"""Store-mechanics helpers: real gold articles, and a small stand-in pipeline over their real sentences.

The stand-in (`fake_analyse`) is for testing the store, ingest and export mechanics without the NLP
stages: it splits sentences on end punctuation, takes capitalised words after the first word as actor
mentions, codes an event between the first two mentions of a sentence, and a quote for text between
double quotes. End-to-end tests use the real pipeline instead (tests/test_ingest.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from dyad.document import (
    Actor,
    ActorRef,
    Article,
    Document,
    Event,
    Factuality,
    Mention,
    PartialDate,
    Quote,
    Sentence,
)

GOLD_ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "dev" / "articles.jsonl"

_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"']?")
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]{2,}")
_QUOTED = re.compile(r"\"([^\"]{3,})\"")
_CODES = (("042", 1, 1.9, "CONSULT"), ("112", 3, -2.0, "ACCUSE"), ("036", 1, 4.0, "AGREE"))


def gold_articles() -> list[Article]:
    """The 20 dev articles, read straight from the JSONL (no dependency on dyad.readers)."""
    articles: list[Article] = []
    for line in GOLD_ARTICLES.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        published = PartialDate.parse(raw["published"]) if raw.get("published") else None
        articles.append(Article(id=raw["id"], text=raw["text"], published=published,
                                language=raw.get("language"), title=raw.get("title"),
                                origin=f"{GOLD_ARTICLES.name}:{len(articles) + 1}"))
    return articles


def _actor(word: str) -> Actor:
    code = word[:3].upper()
    return Actor(id=f"test.{word.lower()}", name=word, code=code, country=code, kind="person")


def fake_analyse(article: Article) -> Document:
    """A Document with sentences, mentions, events and quotes derived from the article's real text."""
    doc = Document(article=article, language=article.language or "nl")
    for match in _SENTENCE.finditer(article.text):
        index = len(doc.sentences)
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        doc.sentences.append(Sentence(index, start, match.end(), 0, 0))
        mention_ids = []
        for name in _NAME.finditer(match.group()):
            s, e = match.start() + name.start(), match.start() + name.end()
            mention_ids.append(len(doc.mentions))
            doc.mentions.append(Mention(s, e, 0, 0, index, _actor(name.group()), 0.9, "test.capitalised"))
        if len(mention_ids) >= 2:
            cameo, quad, goldstein, plover = _CODES[index % len(_CODES)]
            source = ActorRef.from_mention(doc, mention_ids[0])
            trigger_at = doc.mentions[mention_ids[0]].end + 1
            doc.events.append(Event(
                sentence=index, source=source, target=ActorRef.from_mention(doc, mention_ids[1]),
                cameo=cameo, quad_class=quad, goldstein=goldstein, plover=plover,
                factuality=list(Factuality)[index % 3], trigger=article.text[trigger_at:trigger_at + 4],
                trigger_start=trigger_at, trigger_end=trigger_at + 4, rule="test.first_two_names",
                confidence=0.5, date=article.published, date_rule="test.published",
            ))
        for quoted in _QUOTED.finditer(match.group()):
            speaker = ActorRef.from_mention(doc, mention_ids[0]) if mention_ids else None
            doc.quotes.append(Quote(
                sentence=index, speaker=speaker, text=quoted.group(1), kind="direct", cue=None,
                start=match.start() + quoted.start(1), end=match.start() + quoted.end(1),
                rule="test.double_quotes", date=article.published,
            ))
    return doc


class CountingAnalyse:
    """`fake_analyse` that counts its calls and fails for the article ids it is told to."""

    def __init__(self, failing: set[str] | None = None) -> None:
        self.calls: list[str] = []
        self.failing = failing or set()

    def __call__(self, article: Article) -> Document:
        self.calls.append(article.id)
        if article.id in self.failing:
            raise RuntimeError(f"stage exploded on {article.id}")
        return fake_analyse(article)
