"""The lexicon event coder, registered as the "lexicon_coder" events component: one `Event` per source,
target and action that a trigger of `dyad/lang/<lang>/events.yaml` names.

For each sentence it wires three steps, each a module of its own:

1. `dyad.events.candidates`: the sentence's tokens and clauses, and the lexicon triggers they match
   (`Candidates.find`), of which the readings kept (`Candidates.select`);
2. `dyad.events.roles`: for each match, who acts on whom (`RoleFinder.roles`);
3. `dyad.events.factuality`: whether the clause reports the deed as actual, possible or negated.

Then one event per sentence, source and target country and CAMEO root is kept (`_dedupe`). With
`keep_open` the coder also lists, in `open_events`, the matches for which it found no roles and the
readings the selection dropped: candidates a learned decision (`dyad.events.decision`) may still take.

The engine is language-independent: every word it reacts to comes from the language's lexicon.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from dyad.document import ActorRef, Document, Event, Factuality
from dyad.events import codes
from dyad.events.candidates import Candidates, Match, Sentence
from dyad.events.factuality import factuality, intent_code, modal_passive, undone, unreported
from dyad.events.lexicon import Lexicon, load_lexicon
from dyad.events.roles import RoleFinder
from dyad.pipeline import register

#: how a match's kind raises its priority among events of one dyad and root (a phrase is the most specific)
_KIND_PRIORITY = {"phrase": 2, "verb": 1}


class LexiconCoder:
    """Registered as the "lexicon_coder" events component (settings: `cross_sentence_target`, `domestic_targets`,
    `keep_open`)."""

    def __init__(self, language: str, settings: Mapping[str, Any] | None = None) -> None:
        self.language = language
        self.lexicon: Lexicon = load_lexicon(language)
        self.settings = dict(settings or {})
        self.cross_sentence_target = bool(self.settings.get("cross_sentence_target", True))
        self.candidates = Candidates(self.lexicon)
        self.roles = RoleFinder(
            self.lexicon,
            cross_sentence_target=self.cross_sentence_target,
            domestic_targets=bool(self.settings.get("domestic_targets", False)),
        )
        #: with `keep_open`, the matches of the last document for which the rules found no actors, as events
        #: with empty sides (`open_events`): candidates whose actors a learned decision may choose
        self.keep_open = bool(self.settings.get("keep_open", False))
        self.open_events: list[Event] = []

    def __call__(self, doc: Document) -> None:
        events: list[tuple[int, float, Event]] = []
        coded: dict[int, list[Event]] = {}  # events per sentence, for a reaction's target in the next one
        self.open_events = []
        for sent in doc.sentences:
            sentence = self.candidates.sentence(doc, sent.index)
            found = self.candidates.find(sentence.toks, sentence.clauses)
            matches = self.candidates.select(list(found))
            coded[sent.index] = []
            for match in matches:
                if unreported(self.lexicon, match, sentence.clauses, sentence.toks):
                    continue
                scored = self._code(sentence, match, coded)
                events += [(priority, event.confidence, event) for priority, event in scored]
                coded[sent.index] += [event for _, event in scored]
                if not scored and self.keep_open:
                    self.open_events.append(self._open_event(sentence, match))
            if self.keep_open:
                self.open_events += self._dropped(sentence, found, matches)
        doc.events.extend(self._dedupe(events))

    def _code(self, sent: Sentence, match: Match, earlier: Mapping[int, Sequence[Event]]) -> list[tuple[int, Event]]:
        """The events of one match, with the priority `_dedupe` weighs them by; none when it has no roles."""
        if undone(self.lexicon, match, sent.clauses, sent.toks):
            return []  # a threat denied ("wilde hem niet bedreigen"): none made
        reading = self.roles.roles(sent, match, earlier)
        if reading is None:
            return []
        fact = factuality(self.lexicon, match, sent.clauses, sent.toks, owned=reading.owned)
        if fact is Factuality.POSSIBLE and modal_passive(self.lexicon, match, sent.clauses, sent.toks):
            return []  # what may or must be done ("moeten worden vrijgelaten"): no one's deed or plan
        # a cooperative deed the subject only wills is an expression of intent (CAMEO 03): said, so actual,
        # unless a condition follows its clause
        cameo = intent_code(self.lexicon, match, sent.clauses, sent.toks, fact)
        if cameo is not None:
            fact = factuality(self.lexicon, replace(match, trigger=replace(match.trigger, cameo=cameo)),
                              sent.clauses, sent.toks, owned=reading.owned)
        priority = match.trigger.priority * 3 + _KIND_PRIORITY.get(match.kind, 0)
        return [
            (priority, self._event(sent.doc, sent.index, match, src, tgt, fact, reading.confidence, cameo))
            for src, tgt in reading.pairs
        ]

    def _dropped(self, sent: Sentence, found: Sequence[Match], matches: Sequence[Match]) -> list[Event]:
        """The readings the selection dropped (another root for the same words), as open events."""
        selected = {(tuple(m.tokens), m.trigger.cameo[:2]) for m in matches}
        dropped = {(tuple(m.tokens), m.trigger.cameo[:2]): m for m in found}
        return [self._open_event(sent, match) for key, match in dropped.items() if key not in selected]

    def _open_event(self, sent: Sentence, match: Match) -> Event:
        """A match as an event with empty sides."""
        fact = factuality(self.lexicon, match, sent.clauses, sent.toks)
        return self._event(sent.doc, sent.index, match, ActorRef(""), ActorRef(""), fact, match.trigger.confidence)

    def _event(
        self,
        doc: Document,
        sentence: int,
        match: Match,
        src: ActorRef,
        tgt: ActorRef,
        fact: Factuality,
        confidence: float,
        cameo: str | None = None,
    ) -> Event:
        trig = match.trigger
        cameo = cameo or trig.cameo
        entry = codes.lookup(cameo)
        text, start, end = _trigger_parts(doc, match.tokens)
        return Event(
            sentence=sentence,
            source=src,
            target=tgt,
            cameo=cameo,
            quad_class=entry.quad_class,
            goldstein=entry.goldstein,
            plover=entry.plover,
            factuality=fact,
            trigger=text,
            trigger_start=start,
            trigger_end=end,
            rule=f"{self.language}.{trig.id}",
            confidence=round(confidence, 3),
        )

    @staticmethod
    def _dedupe(events: list[tuple[int, float, Event]]) -> list[Event]:
        """One event per sentence, source country, target country and CAMEO root (the scoring unit of a
        dyad): the highest priority, then confidence."""
        best: dict[tuple[int, str | None, str | None, str], tuple[int, float, Event]] = {}
        for item in events:
            e = item[2]
            key = (e.sentence, e.source.country, e.target.country, e.cameo[:2])
            if key not in best or item[:2] > best[key][:2]:
                best[key] = item
        return sorted((v[2] for v in best.values()), key=lambda e: (e.sentence, e.trigger_start))


def _trigger_parts(doc: Document, tokens: Sequence[int]) -> tuple[str, int, int]:
    """The trigger as written (discontinuous parts joined with " ... ") and its character offsets."""
    ordered = sorted(set(tokens))
    groups: list[list[int]] = []
    for i in ordered:
        if groups and i == groups[-1][-1] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    texts = [doc.text[doc.tokens[g[0]].start : doc.tokens[g[-1]].end] for g in groups]
    return " ... ".join(texts), doc.tokens[ordered[0]].start, doc.tokens[ordered[-1]].end


@register("events", "lexicon_coder")
def create_lexicon_coder(language: str, settings: Mapping[str, Any]) -> LexiconCoder:
    return LexiconCoder(language, settings)
