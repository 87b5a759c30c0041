"""Features of an event candidate, for the learned decision (`dyad.events.decision`).

A candidate is an `Event` the lexicon proposes, perhaps with another pair of actors of its sentence than the
rules chose. Its features are strings ("root=11", "w-1=tegen", "src=person|tgt=state"): what the trigger is,
the words around it, who the source and target are and where they stand, the factuality and the sentence's
shape. No word of any language is written here; the words come from the document.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from dyad.document import ActorRef, Document, Event, Quote

#: Where a candidate's pair of actors comes from: the rules' choice, the rules' pair swapped, or another
#: mention of the sentence as source or target.
ORIGINS = ("rule", "swap", "other_target", "other_source", "open", "quote")
#: tokens each side of the trigger whose lemmas are features ("ctx=plan"), function words left out
CONTEXT = 4
#: words of a quoted statement read as features of its statement event
QUOTE_WORDS = 40
_FUNCTION = frozenset({"DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "NUM", "SYM", "X"})


@dataclass(frozen=True)
class Candidate:
    event: Event
    origin: str  # one of ORIGINS
    features: tuple[str, ...]


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 4, 8, 16)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


class FeatureExtractor:
    """Features of candidates of one document (token starts indexed once per document)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._starts = [t.start for t in doc.tokens]
        self._quotes: dict[int, list[Quote]] = {}  # quotes by sentence, built once for all candidates
        for q in doc.quotes:
            self._quotes.setdefault(q.sentence, []).append(q)

    def token_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def _kind(self, ref: ActorRef) -> str:
        if ref.mention is None:
            return "none"
        actor = self.doc.mentions[ref.mention].actor
        return actor.kind if actor else "unresolved"

    def _side(self, name: str, ref: ActorRef, sentence: int, trigger: int) -> list[str]:
        kind = self._kind(ref)
        out = [f"{name}={kind}"]
        if ref.mention is None:
            return out
        mention = self.doc.mentions[ref.mention]
        if mention.sentence != sentence:
            out.append(f"{name}_sent=other")
            return out
        before = mention.token_end <= trigger
        distance = trigger - mention.token_end if before else mention.token_start - trigger
        out.append(f"{name}_pos={'before' if before else 'after'}")
        out.append(f"{name}_dist={_bucket(distance)}")
        if mention.token_start > 0:
            out.append(f"{name}_prev={self.doc.tokens[mention.token_start - 1].text.lower()}")
        out.append(f"{name}_rule={mention.rule.split('.')[0]}")
        return out

    def features(self, event: Event, origin: str) -> tuple[str, ...]:
        doc = self.doc
        sentence = doc.sentences[event.sentence]
        first = self.token_at(event.trigger_start)
        last = self.token_at(max(event.trigger_start, event.trigger_end - 1))
        root = event.cameo[:2]
        rule = event.rule.split(".", 1)[-1]
        tokens = doc.tokens
        out = [
            "bias_rule",
            f"rule={rule}",
            f"root={root}",
            f"code={event.cameo}",
            f"fact={event.factuality.value}",
            f"origin={origin}",
            f"origin={origin}|root={root}",
            f"lemma={tokens[first].lemma.lower() or tokens[first].text.lower()}",
            f"pos={tokens[first].pos}",
            f"gap={'...' in event.trigger}",
            f"trigger_len={_bucket(last - first + 1, (1, 2, 3, 5))}",
        ]
        for k in (1, 2):
            at = first - k
            out.append(f"w-{k}={tokens[at].text.lower() if at >= sentence.token_start else '<s>'}")
            at = last + k
            out.append(f"w+{k}={tokens[at].text.lower() if at < sentence.token_end else '</s>'}")
        source = self._side("src", event.source, event.sentence, first)
        target = self._side("tgt", event.target, event.sentence, first)
        out += source + target
        out.append(f"{source[0]}|{target[0]}")
        out.append(f"root={root}|{source[0]}")
        out.append(f"root={root}|{target[0]}")
        if event.source.country and event.source.country == event.target.country:
            out.append("same_country")
        mentions = doc.mentions_in(event.sentence)
        actors = [doc.mentions[m].actor for m in mentions]
        countries = {a.country for a in actors if a is not None}
        out.append(f"mentions={_bucket(len(mentions))}")
        out.append(f"countries={_bucket(len(countries))}")
        out.append(f"sent_index={_bucket(event.sentence, (0, 1, 3, 8))}")
        out.append(f"sent_len={_bucket(sentence.token_end - sentence.token_start, (8, 16, 32, 64))}")
        quotes = self._quotes.get(event.sentence, [])
        out.append(f"quoted={bool(quotes)}")
        out.append(f"in_quote={any(q.start <= event.trigger_start < q.end for q in quotes)}")
        speakers = {q.speaker.mention for q in quotes if q.speaker is not None}
        out.append(f"src_speaks={event.source.mention is not None and event.source.mention in speakers}")
        lo, hi = max(sentence.token_start, first - CONTEXT), min(sentence.token_end, last + CONTEXT + 1)
        out += sorted({f"ctx={t.lemma.lower() or t.text.lower()}" for t in tokens[lo:hi] if t.pos not in _FUNCTION})
        if origin == "quote":  # the trigger is the quoted text: its words say what kind of statement it is
            words = tokens[first : min(last + 1, first + QUOTE_WORDS)]
            out += sorted({f"qw={t.lemma.lower() or t.text.lower()}" for t in words if t.pos not in _FUNCTION})
        out.append(f"conf={round(event.confidence, 1)}")
        return tuple(out)
