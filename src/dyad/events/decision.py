"""The learned event decision: the lexicon proposes, a trained model decides.

The "learned_coder" events component runs the lexicon coder (`dyad.events.coder`) as its candidate generator.
Each event the rules code becomes a group of candidates: the rules' pair of actors, that pair swapped, and
the rules' source or target replaced by another resolved actor mention of the sentence. A trigger the rules
matched but found no actors for becomes a group of every ordered pair of the sentence's resolved mentions.
A logistic model (`dyad.events.model`, trained by `make train-events` on the training split of the project's
annotated corpus) scores every candidate from its features (`dyad.events.features`); per group the rules'
event stays unless the model scores it low, and another candidate replaces it (or stands where the rules coded
nothing) when it scores high (`choose`). Each kept event records
the rule and the model (`rule@model`) and the probability as its confidence.

The rules alone ("lexicon_coder") stay the baseline and the fallback: which of the two runs is configuration
(`pipeline.toml`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from dyad.document import ActorRef, Document, Event, Factuality
from dyad.events import codes
from dyad.events.coder import LexiconCoder
from dyad.events.features import Candidate, FeatureExtractor
from dyad.events.model import LogisticModel
from dyad.pipeline import register


def default_model_path(language: str) -> Path:
    return Path(str(resources.files("dyad.events").joinpath("data", f"{language}_events_model.json")))


#: at most this many actor mentions of a sentence make pairs for a trigger the rules found no actors for
OPEN_MENTIONS = 6
#: and this many of the last resolved mentions of the sentence before
CONTEXT_MENTIONS = 2
#: the code a quote's statement event is proposed with (criticise or denounce: what unmarked statements
#: about another actor in political news mostly are)
STATEMENT_CODE = "111"


def candidates(
    doc: Document, events: list[Event], alternatives: bool = True, open_events: Sequence[Event] = (),
    language: str = "nl",
) -> list[list[Candidate]]:
    """The candidate groups of a document: one group per rule event, its own pair first; one group per
    trigger the rules found no actors for, with every ordered pair of the sentence's resolved mentions."""
    extractor = FeatureExtractor(doc)
    groups = []
    for event in events:
        pairs: list[tuple[str, Event]] = [("rule", event)]
        if alternatives:
            pairs += _alternatives(doc, event)
        groups.append([Candidate(e, origin, extractor.features(e, origin)) for origin, e in pairs])
    for event in open_events:
        group = [Candidate(e, "open", extractor.features(e, "open")) for e in _open_pairs(doc, event)]
        if group:
            groups.append(group)
    for event in quote_events(doc, language):
        group = [Candidate(e, "quote", extractor.features(e, "quote")) for e in _open_pairs(doc, event, quote=True)]
        if group:
            groups.append(group)
    return groups


def quote_events(doc: Document, language: str) -> list[Event]:
    """A statement event per quote with a speaker: what a speaker says about another actor is often a
    criticism the text names with no event word ("Onaanvaardbaar, vindt X"); whether it is, the model
    decides from the words of the quote. Sides empty: `_open_pairs` gives the speaker as source."""
    entry = codes.lookup(STATEMENT_CODE)
    out = []
    for q in doc.quotes:
        if q.speaker is None or q.speaker.mention is None or q.kind == "partial":
            continue
        out.append(Event(sentence=q.sentence, source=ActorRef(""), target=ActorRef(""), cameo=entry.code,
                         quad_class=entry.quad_class, goldstein=entry.goldstein, plover=entry.plover,
                         factuality=Factuality.ACTUAL, trigger=q.cue or "", trigger_start=q.start,
                         trigger_end=q.end, rule=f"{language}.quote_statement", confidence=0.5))
    return out


def _resolved(doc: Document, sentence: int) -> list[int]:
    return [i for i in doc.mentions_in(sentence) if (a := doc.mentions[i].actor) is not None and a.country]


def _open_pairs(doc: Document, event: Event, quote: bool = False) -> list[Event]:
    """Pairs for a trigger without actors: the sentence's resolved mentions, the speaker of a quote in the
    sentence, and the last actors of the sentence before (a source or target the text carries over). For a
    quote's statement event the quote's speaker is the only source."""
    own = _resolved(doc, event.sentence)[:OPEN_MENTIONS]
    context = _resolved(doc, event.sentence - 1)[-CONTEXT_MENTIONS:] if event.sentence > 0 else []
    speakers = [q.speaker.mention for q in doc.quotes
                if q.sentence == event.sentence and q.speaker is not None and q.speaker.mention is not None
                and (not quote or q.start == event.trigger_start)]
    sources = list(dict.fromkeys(speakers if quote else [*own, *speakers, *context]))
    targets = list(dict.fromkeys([*own, *context]))
    refs = {i: ActorRef.from_mention(doc, i) for i in {*sources, *targets}}
    return [replace(event, source=refs[a], target=refs[b]) for a in sources for b in targets
            if a != b and refs[a].actor_id != refs[b].actor_id and refs[a].country]


def _alternatives(doc: Document, event: Event) -> list[tuple[str, Event]]:
    out: list[tuple[str, Event]] = []
    source, target = event.source, event.target
    if source.country and target.country and source.country != target.country:
        out.append(("swap", replace(event, source=target, target=source)))
    seen = {source.country, target.country}
    for index in doc.mentions_in(event.sentence):
        actor = doc.mentions[index].actor
        if actor is None or actor.country is None or actor.country in seen:
            continue
        seen.add(actor.country)
        other = ActorRef.from_mention(doc, index)
        if actor.country != source.country:
            out.append(("other_target", replace(event, target=other)))
        if actor.country != target.country:
            out.append(("other_source", replace(event, source=other)))
    return out


def choose(model: LogisticModel, group: list[Candidate]) -> tuple[float, Candidate] | None:
    """The candidate of a group to keep, if any. The rules' own event stays unless the model scores it below
    `rule_threshold`; another candidate replaces it, or stands where the rules coded nothing, only when it
    scores at least `threshold` and higher than the rules' event."""
    rule = group[0] if group[0].origin == "rule" else None
    p_rule = model.probability(rule.features) if rule is not None else -1.0
    others = [(model.probability(c.features), n, c) for n, c in enumerate(group) if c is not rule]
    if others:
        p, _, best = max(others, key=lambda item: (item[0], -item[1]))
        if p >= model.threshold and p > p_rule:
            return p, best
    if rule is not None and p_rule >= model.rule_threshold:
        return p_rule, rule
    return None


def decide(model: LogisticModel, groups: list[list[Candidate]]) -> list[Event]:
    """The chosen candidate of each group (`choose`), one per sentence, dyad and root."""
    best: dict[tuple[int, str | None, str | None, str], tuple[float, Event]] = {}
    for group in groups:
        chosen = choose(model, group)
        if chosen is None:
            continue
        p, candidate = chosen
        e = candidate.event
        event = replace(e, rule=f"{e.rule}@{model.name}", confidence=round(p, 3))
        key = (e.sentence, e.source.country, e.target.country, e.cameo[:2])
        if key not in best or p > best[key][0]:
            best[key] = (p, event)
    return sorted((e for _, e in best.values()), key=lambda e: (e.sentence, e.trigger_start))


class LearnedCoder:
    """Registered as the "learned_coder" events component (settings: `model`, a path to a model file
    instead of the packaged one; `alternatives`, whether other actor pairs are candidates)."""

    def __init__(self, language: str, settings: Mapping[str, Any] | None = None) -> None:
        settings = dict(settings or {})
        self.rules = LexiconCoder(language, {**settings, "keep_open": True})
        path = settings.get("model") or default_model_path(language)
        self.model = LogisticModel.load(path)
        self.alternatives = bool(settings.get("alternatives", True))

    def propose(self, doc: Document) -> list[list[Candidate]]:
        """Run the rules and return their events as candidate groups, leaving `doc.events` as it was."""
        before = len(doc.events)
        self.rules(doc)
        events = doc.events[before:]
        del doc.events[before:]
        return candidates(doc, events, self.alternatives, self.rules.open_events, self.rules.language)

    def __call__(self, doc: Document) -> None:
        doc.events.extend(decide(self.model, self.propose(doc)))


@register("events", "learned_coder")
def create_learned_coder(language: str, settings: Mapping[str, Any]) -> LearnedCoder:
    return LearnedCoder(language, settings)
