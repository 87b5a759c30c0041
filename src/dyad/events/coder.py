"""The lexicon event coder: triggers from `dyad/lang/<lang>/events.yaml`, roles from the clause, factuality
from negation, modality and verbs of planning, and one `Event` per source, target and action.

The engine is language-independent; every word it reacts to comes from the lexicon. It works on lemmas and
surface forms and, while the language layer has no parser, on clause and position heuristics:

- clauses end at punctuation and before subordinating conjunctions and relative pronouns;
- the subject is the first actor mention of the clause not governed by a preposition (Dutch puts the
  subject first or right after the finite verb in inversion); a relative clause takes its antecedent; a
  clause without a subject takes the subject of the previous clause of the sentence (coordination), then
  the speaker of a quotation that covers the trigger, then a "volgens X" mention;
- in a passive clause ("wordt gesteund door X") the agent is the source and the subject the target;
- the target is a mention introduced by one of the trigger's prepositions, else an object mention, else a
  mention after a default target preposition; a nominal trigger takes its "van X" as source and its
  "aan/tegen/op X" as target; with no target in the sentence, the nearest actor of another country in the
  previous sentence is taken (lower confidence);
- coordinated mentions ("India en Turkije") each give an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.lookups import Table, load_lookups

from dyad.document import ActorRef, Document, Event, Factuality, Mention, Token
from dyad.events import codes
from dyad.events.lexicon import GAP, Lexicon, Trigger, load_lexicon
from dyad.pipeline import register

_VOWELS = set("aeiouy")
_MAX_GAP = 8  # tokens a "..." gap or a separable particle may span


@cache
def _lemma_table(language: str) -> Table | None:
    try:
        return load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup")
    except (ValueError, KeyError, OSError):  # pragma: no cover - spacy-lookups-data is a dependency
        return None


def _stem_infinitives(stem: str) -> set[str]:
    """Infinitives a Dutch-style verb stem may belong to (over-generation is harmless: the candidates are
    only compared with lexicon lemmas)."""
    out = {stem + "en", stem + "n"}
    if len(stem) >= 3:
        last = stem[-1]
        if last not in _VOWELS:
            out.add(stem + last + "en")  # zet -> zetten, erken -> erkennen
            if stem[-2] == stem[-3] and stem[-2] in _VOWELS:
                out.add(stem[:-2] + last + "en")  # veroordeel -> veroordelen, maak -> maken
                if last == "f":
                    out.add(stem[:-2] + "ven")
                if last == "s":
                    out.add(stem[:-2] + "zen")
        if last == "f":
            out.add(stem[:-1] + "ven")  # geloof -> geloven (after the vowel rule above)
        if last == "s":
            out.add(stem[:-1] + "zen")
    return out


@cache
def _word_keys(word: str, language: str) -> frozenset[str]:
    """Lemma candidates of a single word: itself, its lookup lemma, and regular-morphology infinitives."""
    keys = {word}
    table = _lemma_table(language)
    if table is not None:
        lemma = table.get(word)
        if isinstance(lemma, str):
            keys.add(lemma)
    if language == "nl" and len(word) >= 4 and word.isalpha():
        stems = {word} if word[-1] in "td" else set()
        for suffix in ("ten", "den", "te", "de", "t", "d"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                stems.add(word[: -len(suffix)])
        for s in list(stems):
            if s.startswith("ge") and len(s) >= 5:
                stems.add(s[2:])
        for s in stems:
            keys |= _stem_infinitives(s)
    if language == "en" and len(word) >= 4 and word.isalpha():
        for suffix in ("ing", "ed", "es", "s", "d"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                base = word[: -len(suffix)]
                keys |= {base, base + "e"}
                if len(base) >= 2 and base[-1] == base[-2]:
                    keys.add(base[:-1])
        if word.endswith("ied"):
            keys.add(word[:-3] + "y")
    return frozenset(keys)


@dataclass
class _Tok:
    """A token as the coder sees it: its lower-cased text and the keys a lexicon word can match."""

    i: int  # document token index
    lower: str
    keys: frozenset[str]
    compound: frozenset[str]  # "particle|verb" keys of a single-word separable verb ("teruggeroepen")


@dataclass
class _Match:
    trigger: Trigger
    tokens: list[int]  # document token indices of the trigger parts
    anchor: int  # the token the roles are read from (the verb, or the noun)
    kind: str  # verb | noun | phrase
    clause: int


@dataclass
class _Clause:
    start: int  # document token indices, half-open
    end: int
    mentions: list[int] = field(default_factory=list)  # indices into doc.mentions


class LexiconCoder:
    """Registered as the "lexicon_coder" events component."""

    def __init__(self, language: str, settings: Mapping[str, Any] | None = None) -> None:
        self.language = language
        self.lexicon: Lexicon = load_lexicon(language)
        self.settings = dict(settings or {})
        self.cross_sentence_target = bool(self.settings.get("cross_sentence_target", True))
        self._particles = sorted(self.lexicon.words.get("particles", frozenset()), key=len, reverse=True)

    # ------------------------------------------------------------------ helpers on words
    def _w(self, name: str) -> frozenset[str]:
        return self.lexicon.words.get(name, frozenset())

    def _tok(self, token: Token) -> _Tok:
        lower = token.lower
        keys = set(_word_keys(lower, self.language))
        if token.lemma:
            keys.add(token.lemma.lower())
        compound: set[str] = set()
        for p in self._particles:
            if lower.startswith(p) and len(lower) >= len(p) + 3:
                rest = lower[len(p) :]
                for k in _word_keys(rest, self.language):
                    compound.add(f"{p}|{k}")
        for k in list(keys):
            for p in self._particles:
                if k.startswith(p) and len(k) >= len(p) + 3:
                    compound.add(f"{p}|{k[len(p) :]}")
        return _Tok(token.i, lower, frozenset(keys), frozenset(compound))

    # ------------------------------------------------------------------ component
    def __call__(self, doc: Document) -> None:
        mention_at: dict[int, int] = {}
        for mi, m in enumerate(doc.mentions):
            for t in range(m.token_start, m.token_end):
                mention_at.setdefault(t, mi)
        events: list[tuple[int, float, Event]] = []
        for sent in doc.sentences:
            toks = {t.i: self._tok(t) for t in doc.sentence_tokens(sent.index)}
            clauses = self._clauses(doc, sent.token_start, sent.token_end, toks)
            for m_index in doc.mentions_in(sent.index):
                m = doc.mentions[m_index]
                for c in clauses:
                    if c.start <= m.token_start < c.end:
                        c.mentions.append(m_index)
                        break
            matches = self._select(self._find(toks, clauses))
            for match in matches:
                for priority, event in self._code(doc, sent.index, match, clauses, toks):
                    events.append((priority, event.confidence, event))
        doc.events.extend(self._dedupe(events))

    # ------------------------------------------------------------------ clauses
    def _clauses(self, doc: Document, start: int, end: int, toks: Mapping[int, _Tok]) -> list[_Clause]:
        breaks = self._w("clause_breaks")
        subs = self._w("subordinators") | self._w("relative_pronouns")
        clauses: list[_Clause] = []
        cur = start
        for i in range(start, end):
            lower = toks[i].lower
            if lower in breaks:
                if i > cur:
                    clauses.append(_Clause(cur, i))
                cur = i + 1
            elif lower in subs and i > cur:
                clauses.append(_Clause(cur, i))
                cur = i
        if cur < end:
            clauses.append(_Clause(cur, end))
        return clauses or [_Clause(start, end)]

    # ------------------------------------------------------------------ trigger matching
    def _find(self, toks: Mapping[int, _Tok], clauses: Sequence[_Clause]) -> list[_Match]:
        found: list[_Match] = []
        for ci, clause in enumerate(clauses):
            span = [toks[i] for i in range(clause.start, clause.end)]
            context_keys = self._keys_of(toks, clauses, ci)
            sentence_words = {t.lower for t in toks.values()} | {k for t in toks.values() for k in t.keys}
            for trig in self.lexicon.triggers:
                if trig.without and trig.without & sentence_words:
                    continue
                if trig.with_ and not trig.with_ & context_keys:
                    continue
                for tokens, anchor, kind in self._match_trigger(trig, span, self._tail(toks, clauses, ci)):
                    found.append(_Match(trig, tokens, anchor, kind, ci))
        return found

    @staticmethod
    def _keys_of(toks: Mapping[int, _Tok], clauses: Sequence[_Clause], ci: int) -> set[str]:
        """Words of a clause and the next one (a light verb's object may sit in an infinitive clause)."""
        out: set[str] = set()
        for c in clauses[ci : ci + 2]:
            for i in range(c.start, c.end):
                out.add(toks[i].lower)
                out |= toks[i].keys
        return out

    def _tail(self, toks: Mapping[int, _Tok], clauses: Sequence[_Clause], ci: int) -> list[_Tok]:
        """Tokens of the following clauses up to the next subordinate or coordinated clause: a separated
        particle may follow an apposition ("zet de Duitse ambassadeur, Daniel Kriener, het land uit")."""
        stop = self._w("subordinators") | self._w("relative_pronouns") | self._w("coordinators")
        out: list[_Tok] = []
        for c in clauses[ci + 1 :]:
            if toks[c.start].lower in stop:
                break
            out.extend(toks[i] for i in range(c.start, c.end))
        return out

    def _match_trigger(
        self, trig: Trigger, span: Sequence[_Tok], tail: Sequence[_Tok] = ()
    ) -> Iterable[tuple[list[int], int, str]]:
        for verb in trig.verbs:
            particle, _, base = verb.rpartition("|")
            for k, tok in enumerate(span):
                if not particle:
                    if verb in tok.keys:
                        yield [tok.i], tok.i, "verb"
                    continue
                if verb in tok.compound:
                    yield [tok.i], tok.i, "verb"
                elif base in tok.keys and tok.lower != particle:
                    # separated particle later in the clause: "riep ... terug", "wees ... af"
                    reach = [*span, *tail]
                    for j in range(k + 1, len(reach)):
                        if reach[j].lower == particle and self._is_particle(reach, j):
                            yield [tok.i, reach[j].i], tok.i, "verb"
                            break
                    # "terug te roepen"
                    if k >= 2 and span[k - 1].lower == "te" and span[k - 2].lower == particle:
                        yield [span[k - 2].i, tok.i], tok.i, "verb"
        for noun in trig.nouns:
            for tok in span:
                if self._noun_matches(noun, tok):
                    yield [tok.i], tok.i, "noun"
        for phrase in trig.phrases:
            hit = self._match_phrase(phrase, span)
            if hit:
                yield hit, hit[0], "phrase"

    def _is_particle(self, span: Sequence[_Tok], j: int) -> bool:
        """A separable particle, not a preposition: it ends the clause or precedes an infinitive marker, a
        verb cluster or a complement (no article or actor name right after it)."""
        if j + 1 >= len(span):
            return True
        nxt = span[j + 1].lower
        return nxt not in {"de", "het", "een", "den", "der", "the", "a", "an"}

    @staticmethod
    def _noun_matches(noun: str, tok: _Tok) -> bool:
        w = tok.lower
        if noun in tok.keys or w in (noun + "en", noun + "s", noun + "n", noun + "es"):
            return True
        # compounds ending in the noun: "handelssancties", "staatsbezoek" (not for short nouns)
        if len(noun) >= 5 and len(w) > len(noun) + 2:
            for form in (noun, noun + "en", noun + "s", noun + "n"):
                if w.endswith(form) and w[-len(form) - 1] != "-" or w.endswith("-" + form):
                    return True
        return False

    @staticmethod
    def _word_ok(word: str, tok: _Tok) -> bool:
        return word == tok.lower or word in tok.keys

    def _match_phrase(self, phrase: Sequence[str], span: Sequence[_Tok]) -> list[int] | None:
        words = [w for w in phrase]

        def walk(wi: int, ti: int, gap: bool) -> list[int] | None:
            if wi == len(words):
                return []
            if words[wi] == GAP:
                return walk(wi + 1, ti, True)
            limit = min(len(span), ti + (_MAX_GAP + 1 if gap else 1))
            for k in range(ti, limit):
                if self._word_ok(words[wi], span[k]):
                    rest = walk(wi + 1, k + 1, False)
                    if rest is not None:
                        return [span[k].i, *rest]
            return None

        for start in range(len(span)):
            first = words[0]
            if first != GAP and self._word_ok(first, span[start]):
                rest = walk(1, start + 1, False)
                if rest is not None:
                    return [span[start].i, *rest]
        return None

    @staticmethod
    def _select(matches: list[_Match]) -> list[_Match]:
        """Drop a match whose tokens overlap a match of higher priority; drop what a threat absorbs."""
        matches.sort(key=lambda m: (-m.trigger.priority, m.tokens[0]))
        kept: list[_Match] = []
        for m in matches:
            mine = set(m.tokens)
            if any(mine & set(k.tokens) and k.trigger.priority > m.trigger.priority for k in kept):
                continue
            if any(
                k.trigger.absorb
                and not m.trigger.absorb
                and m.clause in (k.clause, k.clause + 1)
                and m.tokens[0] > k.tokens[0]
                for k in kept
            ):
                continue
            if any(set(k.tokens) == mine and k.trigger.cameo[:2] == m.trigger.cameo[:2] for k in kept):
                continue
            kept.append(m)
        return kept

    # ------------------------------------------------------------------ roles
    def _prep_before(self, doc: Document, toks: Mapping[int, _Tok], mention: Mention) -> str | None:
        i = mention.token_start - 1
        if i in toks and toks[i].lower in self._w("prepositions"):
            return toks[i].lower
        # a preposition before an article or adjective inside the noun phrase that the mention starts in
        determiners = {"de", "het", "een", "zijn", "haar", "hun", "the", "a"}
        if i - 1 in toks and toks[i].lower in determiners and toks[i - 1].lower in self._w("prepositions"):
            return toks[i - 1].lower
        return None

    def _coordinated(
        self, doc: Document, toks: Mapping[int, _Tok], index: int, pool: Sequence[int]
    ) -> list[int]:
        """The mention and those coordinated with it ("India en Turkije", "de VN, Syrië en Turkije")."""
        out = [index]
        links = {",", "en", "of", "and", "or", "noch"}
        current = doc.mentions[index]
        for other in sorted(pool, key=lambda k: doc.mentions[k].token_start):
            m = doc.mentions[other]
            if m.token_start < current.token_end or other in out:
                continue
            between = [toks[t].lower for t in range(current.token_end, m.token_start) if t in toks]
            if (
                between
                and all(w in links or w in {"de", "het", "ook"} for w in between)
                and (set(between) & links)
            ):
                out.append(other)
                current = m
            elif m.token_start > current.token_end:
                break
        return out

    def _speaker(self, doc: Document, sentence: int, offset: int) -> ActorRef | None:
        for q in doc.quotes:
            if q.speaker is None or q.speaker.country is None:
                continue
            if q.start <= offset < q.end or (
                q.sentence == sentence and q.kind != "partial" and q.start <= offset <= q.end + 1
            ):
                return q.speaker
        return None

    def _volgens(self, doc: Document, toks: Mapping[int, _Tok], sentence: int) -> int | None:
        for mi in doc.mentions_in(sentence):
            if self._prep_before(doc, toks, doc.mentions[mi]) in {"volgens", "according"}:
                return mi
        return None

    def _usable(self, doc: Document, mi: int) -> bool:
        a = doc.mentions[mi].actor
        return a is not None and bool(a.country)

    def _code(
        self,
        doc: Document,
        sentence: int,
        match: _Match,
        clauses: Sequence[_Clause],
        toks: Mapping[int, _Tok],
    ) -> list[tuple[int, Event]]:
        trig = match.trigger
        clause = clauses[match.clause]
        cands = [mi for mi in clause.mentions if self._usable(doc, mi)]
        preps = {mi: self._prep_before(doc, toks, doc.mentions[mi]) for mi in cands}
        clause_words = [toks[i].lower for i in range(clause.start, clause.end)]
        first_word = clause_words[0] if clause_words else ""
        confidence = trig.confidence

        source: list[int] | ActorRef | None = None
        target: list[int] = []

        agents = [mi for mi in cands if preps[mi] in self._w("agent_prepositions")]
        passive = bool(set(clause_words) & self._w("passive_auxiliaries"))
        subj: int | None = None
        relative = first_word in self._w("relative_pronouns") and match.clause > 0
        if relative:
            prev = [mi for mi in clauses[match.clause - 1].mentions if self._usable(doc, mi)]
            subj = prev[-1] if prev else None
        if subj is None:
            for mi in cands:
                if preps[mi] is None:
                    subj = mi
                    break

        # nominal trigger: "het bezoek van Lavrov aan China", "Russische sancties tegen ..."
        if match.kind == "noun":
            anchor = doc.tokens[match.anchor]
            for mi in cands:
                m = doc.mentions[mi]
                if (
                    m.token_start > anchor.i
                    and m.token_start - anchor.i <= 3
                    and preps[mi] in self._w("possessive_prepositions") | self._w("agent_prepositions")
                ):
                    source = [mi]
                    break
                if m.token_end == anchor.i:  # "Amerikaanse sancties"
                    source = [mi]
            tp = set(trig.target_preps) or self._w("default_target_preps")
            for mi in cands:
                m = doc.mentions[mi]
                if m.token_start > anchor.i and preps[mi] in tp and m.token_start - anchor.i <= 6:
                    target = [mi]
                    break

        if source is None:
            if passive and agents:
                source = agents[:1]
                if subj is not None and subj not in agents:
                    target = target or [subj]
            elif trig.role == "subject_is_target" or (
                passive and not agents and trig.role == "normal" and subj is not None and match.kind != "noun"
            ):
                if subj is not None:
                    target = [subj]
                source = self._matrix_source(doc, sentence, match, clauses, toks)
            elif trig.role == "speaker_is_source":
                source = self._speaker(doc, sentence, doc.tokens[match.anchor].start)
                if source is None and subj is not None:
                    source = [subj]
            elif subj is not None:
                source = [subj]
            else:
                source = self._matrix_source(doc, sentence, match, clauses, toks)
        if source is None:
            return []

        if isinstance(source, list):
            source = self._coordinated(doc, toks, source[0], cands)
        src_ids = self._ids(doc, source)
        if not target:
            target = self._find_target(doc, match, trig, cands, preps, src_ids)
        if not target:
            others = [mi for c in clauses for mi in c.mentions if self._usable(doc, mi) and mi not in cands]
            others = [mi for mi in others if self._ids(doc, [mi]) != src_ids]
            if others:
                anchor_i = match.anchor
                target = [min(others, key=lambda mi: abs(doc.mentions[mi].token_start - anchor_i))]
                confidence *= 0.8
        if not target and self.cross_sentence_target and sentence > 0:
            target = self._previous_sentence_target(doc, sentence, source)
            confidence *= 0.6
        if not target:
            return []

        if isinstance(source, list):
            source = self._coordinated(doc, toks, source[0], cands)
            target = [mi for mi in target if mi not in source]
            if not target:
                return []
        target = self._coordinated(doc, toks, target[0], cands)
        factuality = self._factuality(match, clauses, toks)
        entry = codes.lookup(trig.cameo)
        parts = self._trigger_parts(doc, match.tokens)
        out: list[tuple[int, Event]] = []
        sources: list[ActorRef] = (
            [ActorRef.from_mention(doc, mi) for mi in source] if isinstance(source, list) else [source]
        )
        for src in sources:
            for ti in target:
                tgt = ActorRef.from_mention(doc, ti)
                if not self._distinct(src, tgt):
                    continue
                out.append(
                    (
                        trig.priority * 3 + {"phrase": 2, "verb": 1}.get(match.kind, 0),
                        Event(
                            sentence=sentence,
                            source=src,
                            target=tgt,
                            cameo=trig.cameo,
                            quad_class=entry.quad_class,
                            goldstein=entry.goldstein,
                            plover=entry.plover,
                            factuality=factuality,
                            trigger=parts[0],
                            trigger_start=parts[1],
                            trigger_end=parts[2],
                            rule=f"{self.language}.{trig.id}",
                            confidence=round(confidence, 3),
                        ),
                    )
                )
        return out

    @staticmethod
    def _ids(doc: Document, source: list[int] | ActorRef | None) -> set[str]:
        if source is None:
            return set()
        if isinstance(source, ActorRef):
            return {source.actor_id or source.name}
        return {doc.mentions[mi].actor.id for mi in source if doc.mentions[mi].actor is not None}  # type: ignore[union-attr]

    @staticmethod
    def _distinct(src: ActorRef, tgt: ActorRef) -> bool:
        """Source and target must be different actors; within one country, different actor codes
        (an opposition acting on its government counts; a government on itself does not)."""
        if src.country is None or tgt.country is None:
            return False
        if src.mention is not None and src.mention == tgt.mention:
            return False
        if src.actor_id is not None and src.actor_id == tgt.actor_id:
            return False
        return not (src.country == tgt.country and src.actor == tgt.actor)

    def _find_target(
        self,
        doc: Document,
        match: _Match,
        trig: Trigger,
        cands: Sequence[int],
        preps: Mapping[int, str | None],
        src_ids: set[str],
    ) -> list[int]:
        pool = [mi for mi in cands if not self._ids(doc, [mi]) <= src_ids]
        own = set(trig.target_preps)
        for mi in pool:
            if own and preps[mi] in own:
                return [mi]
        objects = [mi for mi in pool if preps[mi] is None]
        if objects:
            return [objects[0]]
        default = self._w("default_target_preps")
        for mi in pool:
            if preps[mi] in default:
                return [mi]
        for mi in pool:
            if preps[mi] in self._w("possessive_prepositions"):
                return [mi]
        return []

    def _matrix_source(
        self,
        doc: Document,
        sentence: int,
        match: _Match,
        clauses: Sequence[_Clause],
        toks: Mapping[int, _Tok],
    ) -> list[int] | ActorRef | None:
        """Who says or does what the clause reports: a quotation's speaker, the subject of an earlier
        clause of the sentence, or a "volgens X" mention."""
        speaker = self._speaker(doc, sentence, doc.tokens[match.anchor].start)
        if speaker is not None:
            return speaker
        for ci in range(match.clause - 1, -1, -1):
            for mi in clauses[ci].mentions:
                if self._usable(doc, mi) and self._prep_before(doc, toks, doc.mentions[mi]) is None:
                    return [mi]
        volgens = self._volgens(doc, toks, sentence)
        if volgens is not None:
            return [volgens]
        return None

    def _previous_sentence_target(
        self, doc: Document, sentence: int, source: list[int] | ActorRef | None
    ) -> list[int]:
        src_countries: set[str | None] = set()
        if isinstance(source, ActorRef):
            src_countries = {source.country}
        elif source:
            src_countries = {a.country for mi in source if (a := doc.mentions[mi].actor) is not None}
        for mi in reversed(doc.mentions_in(sentence - 1)):
            actor = doc.mentions[mi].actor
            if actor is not None and actor.country and actor.country not in src_countries:
                return [mi]
        return []

    # ------------------------------------------------------------------ factuality
    def _factuality(self, match: _Match, clauses: Sequence[_Clause], toks: Mapping[int, _Tok]) -> Factuality:
        trig = match.trigger
        if trig.factuality:
            return Factuality(trig.factuality)
        in_trigger = set(match.tokens)
        scope = [clauses[match.clause]]
        clause = clauses[match.clause]
        words = [toks[i] for i in range(clause.start, clause.end)]
        # an infinitive clause ("te" before the trigger) inherits the modality of its matrix clause
        if match.clause > 0 and any(t.lower == "te" and t.i < match.anchor for t in words):
            scope.insert(0, clauses[match.clause - 1])
        tokens = [toks[i] for c in scope for i in range(c.start, c.end) if i not in in_trigger]
        lowers = [t.lower for t in tokens]
        negation = self._w("negation")
        for k, w in enumerate(lowers):
            if w in negation and not (k + 1 < len(lowers) and lowers[k + 1] in {"alleen", "eens", "only"}):
                return Factuality.NEGATED
        if any(w in self._w("negation_without") for w in lowers) and "te" in lowers:
            return Factuality.NEGATED
        if any(w in self._w("modals") for w in lowers) or any(
            t.keys & self._w("modal_lemmas") for t in tokens
        ):
            return Factuality.POSSIBLE
        irrealis = self._w("irrealis_lemmas")
        if any((t.keys | t.compound) & irrealis for t in tokens):
            return Factuality.POSSIBLE
        text = " ".join(lowers)
        for phrase in self.lexicon.irrealis_phrases:
            if re.search(r"(?:^| )" + re.escape(" ".join(phrase)) + r"(?: |$)", text):
                return Factuality.POSSIBLE
        return Factuality.ACTUAL

    # ------------------------------------------------------------------ output
    @staticmethod
    def _trigger_parts(doc: Document, tokens: Sequence[int]) -> tuple[str, int, int]:
        ordered = sorted(set(tokens))
        groups: list[list[int]] = []
        for i in ordered:
            if groups and i == groups[-1][-1] + 1:
                groups[-1].append(i)
            else:
                groups.append([i])
        texts = [doc.text[doc.tokens[g[0]].start : doc.tokens[g[-1]].end] for g in groups]
        return " ... ".join(texts), doc.tokens[ordered[0]].start, doc.tokens[ordered[-1]].end

    @staticmethod
    def _dedupe(events: list[tuple[int, float, Event]]) -> list[Event]:
        """One event per sentence, source, target and CAMEO root: the highest priority, then confidence."""
        best: dict[
            tuple[int, str | None, str | None, str | None, str | None, str], tuple[int, float, Event]
        ] = {}
        for item in events:
            e = item[2]
            key = (
                e.sentence,
                e.source.country,
                e.source.actor,
                e.target.country,
                e.target.actor,
                e.cameo[:2],
            )
            if key not in best or item[:2] > best[key][:2]:
                best[key] = item
        return sorted((v[2] for v in best.values()), key=lambda e: (e.sentence, e.trigger_start))


@register("events", "lexicon_coder")
def create_lexicon_coder(language: str, settings: Mapping[str, Any]) -> LexiconCoder:
    return LexiconCoder(language, settings)
