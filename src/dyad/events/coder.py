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

from dyad.actors.index import get_index
from dyad.actors.kb import norm
from dyad.document import ActorRef, Document, Event, Factuality, Mention, Token
from dyad.errors import ConfigError
from dyad.events import codes
from dyad.events.lexicon import GAP, Inflection, Lexicon, Trigger, load_lexicon
from dyad.lang.data import lemma_table, stem_infinitives
from dyad.pipeline import register

_MAX_GAP = 8  # tokens a "..." gap or a separable particle may span
_TOK_CACHE_SIZE = 200_000  # distinct (form, lemma) pairs whose lexicon keys the coder keeps
#: actor-code suffixes of a state's own organs: a government does not act on the state it governs
_STATE_ORGANS = frozenset({"GOV", "MIL", "LEG"})
#: how many sentences back a missing target is looked for (the sentence before first)
_LOOKBACK_SENTENCES = 1


@cache
def _state_adjectives(language: str) -> Mapping[str, str] | None:
    """One-word state adjectives of the actor knowledge base (all inflected forms) -> ISO3; None for a
    language without an actor lexicon. An adjective two states share is left out."""
    try:
        index = get_index(language)
    except ConfigError:
        return None
    refs: dict[str, set[str]] = {}
    for key, aliases in index.entries.items():
        if len(key) == 1:
            for alias in aliases:
                if alias.kind == "adjective":
                    refs.setdefault(key[0], set()).add(alias.ref)
    return {word: next(iter(states)) for word, states in refs.items() if len(states) == 1}


@cache
def _word_keys(word: str, language: str, inflection: Inflection) -> frozenset[str]:
    """Lemma candidates of a single word: itself, its lookup lemma, and the lemmas its regular inflection
    (the lexicon's `inflection`) may come from."""
    keys = {word}
    lemma = lemma_table(language).get(word)
    if lemma is not None:
        keys.add(lemma)
    if not inflection.suffixes or len(word) < inflection.min_word or not word.isalpha():
        return frozenset(keys)
    keys |= _inflected_stems(word, inflection)
    for ending, replacement in inflection.replacements:
        if word.endswith(ending):
            keys.add(word[: -len(ending)] + replacement)
    return frozenset(keys)


def _inflected_stems(word: str, inflection: Inflection) -> set[str]:
    """The lemma candidates of the stems a word leaves without one of its suffixes or prefixes."""
    min_stem = inflection.min_stem
    stems = {word} if word[-1] in inflection.bare_stem_endings else set()
    for suffix in inflection.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            stems.add(word[: -len(suffix)])
    for stem in list(stems):
        for prefix in inflection.prefixes:
            if stem.startswith(prefix) and len(stem) >= len(prefix) + min_stem:
                stems.add(stem[len(prefix) :])
    keys: set[str] = set()
    for stem in stems:
        if inflection.stem_infinitives:
            keys |= stem_infinitives(stem)
        if inflection.stems_are_lemmas:
            keys.add(stem)
        keys.update(stem + ending for ending in inflection.restored_endings)
        if inflection.doubled_consonant and len(stem) >= 2 and stem[-1] == stem[-2]:
            keys.add(stem[:-1])
    return keys


@dataclass
class _Tok:
    """A token as the coder sees it: its lower-cased text and the keys a lexicon word can match."""

    i: int  # document token index
    lower: str
    keys: frozenset[str]
    compound: frozenset[str]  # "particle|verb" keys of a single-word separable verb ("teruggeroepen")
    triggers: frozenset[int] = frozenset()  # indices of the lexicon triggers this token may match


@dataclass
class _Match:
    trigger: Trigger
    tokens: list[int]  # document token indices of the trigger parts
    anchor: int  # the token the roles are read from (the verb, or the noun)
    kind: str  # verb | noun | phrase
    clause: int
    licensed_by: frozenset[int] = frozenset()  # tokens that satisfied the entry's `with` (its object)


@dataclass
class _Clause:
    start: int  # document token indices, half-open
    end: int
    mentions: list[int] = field(default_factory=list)  # indices into doc.mentions
    holes: frozenset[int] = frozenset()  # tokens inside the range that belong elsewhere (a parenthesis)

    @property
    def idx(self) -> list[int]:
        return [i for i in range(self.start, self.end) if i not in self.holes]


_CLAUSAL = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj", "punct"})


class _Tree:
    """Navigation over the UD parse of one sentence, with actor mentions attached to tokens."""

    def __init__(self, doc: Document, sentence: int, usable: Any) -> None:
        self.doc = doc
        sent = doc.sentences[sentence]
        self.span = range(sent.token_start, sent.token_end)
        self.children: dict[int, list[Token]] = {}
        for t in doc.tokens[sent.token_start : sent.token_end]:
            if t.head >= 0 and t.head != t.i and t.head in self.span:
                self.children.setdefault(t.head, []).append(t)
        self.mention_at: dict[int, int] = {}
        for mi in doc.mentions_in(sentence):
            m = doc.mentions[mi]
            for k in range(m.token_start, m.token_end):
                self.mention_at.setdefault(k, mi)
        self.usable = usable

    def kids(self, i: int) -> list[Token]:
        return self.children.get(i, [])

    def case(self, i: int) -> str | None:
        marks = [c.lower for c in self.kids(i) if c.dep == "case"]
        return marks[0] if marks else None

    def first_mention(self, i: int) -> int | None:
        """The first actor mention in the phrase headed by token i (not entering clauses)."""
        queue = [i]
        seen: set[int] = set()
        while queue:
            t = queue.pop(0)
            if t in seen:
                continue
            seen.add(t)
            if t in self.mention_at:
                return self.mention_at[t]
            queue.extend(c.i for c in self.kids(t) if c.dep not in _CLAUSAL and c.dep != "case")
        return None

    def actors(self, i: int) -> list[int]:
        """Usable actor mentions of the phrase headed by i and of the phrases coordinated with it; `[]`
        when the phrase names no usable actor."""
        first = self.first_mention(i)
        if first is None or not self.usable(self.doc, first):
            return []
        out = [first]
        m = self.doc.mentions[first]
        heads = {i, *range(m.token_start, m.token_end)}
        for h in sorted(heads):
            for c in self.kids(h):
                if c.dep == "conj":
                    other = self.first_mention(c.i)
                    if other is not None and other not in out and self.usable(self.doc, other):
                        out.append(other)
        return out

    def governor(self, i: int) -> int | None:
        """The verb a nominal trigger depends on ("uitte kritiek", "een bezoek brengen aan")."""
        t = self.doc.tokens[i]
        if t.dep.split(":")[0] in {"obj", "obl", "iobj", "nmod"} and t.head in self.span:
            return t.head
        return None

    def subject(self, pred: int) -> list[int] | None:
        """The actors of the subject of a predicate, climbing through coordination and control
        ("besloot ... te schrappen"); the antecedent for a relative pronoun. `None`: no subject."""
        p = pred
        for _ in range(4):
            for c in self.kids(p):
                if c.dep in {"nsubj", "nsubj:pass"}:
                    tok = self.doc.tokens[p]
                    if c.i not in self.mention_at and tok.dep == "acl:relcl" and c.pos in {"PRON", ""}:
                        return self.actors(tok.head)
                    return self.actors(c.i)
            tok = self.doc.tokens[p]
            if tok.dep in {"xcomp", "conj"} and tok.head in self.span:
                p = tok.head
                continue
            break
        return None

    def passive(self, pred: int) -> bool:
        return any(c.dep in {"aux:pass", "nsubj:pass", "obl:agent"} for c in self.kids(pred))

    def agent(self, pred: int, agent_preps: frozenset[str]) -> list[int]:
        for c in self.kids(pred):
            if c.dep == "obl:agent" or (c.dep.startswith("obl") and self.case(c.i) in agent_preps):
                return self.actors(c.i)
        return []

    def complement(
        self, pred: int, own: set[str], default: frozenset[str], exclude: int | None = None
    ) -> list[int]:
        """The target: an obl with one of the trigger's prepositions, an object, an indirect object, or
        an obl with a default target preposition."""
        kids = [c for c in self.kids(pred) if c.i != exclude]
        for want in ("own", "obj", "default"):
            for c in kids:
                dep = c.dep.split(":")[0]
                case = self.case(c.i)
                if not (
                    (want == "own" and own and dep in {"obl", "nmod"} and case in own)
                    or (want == "obj" and dep in {"obj", "iobj"})
                    or (want == "default" and dep == "obl" and case in default)
                ):
                    continue
                found = self.actors(c.i)
                if found:
                    return found
        return []


class LexiconCoder:
    """Registered as the "lexicon_coder" events component."""

    def __init__(self, language: str, settings: Mapping[str, Any] | None = None) -> None:
        self.language = language
        self.lexicon: Lexicon = load_lexicon(language)
        self.settings = dict(settings or {})
        self.cross_sentence_target = bool(self.settings.get("cross_sentence_target", True))
        self._particles = sorted(self.lexicon.words.get("particles", frozenset()), key=len, reverse=True)
        self._coded: dict[int, list[Event]] = {}  # events per sentence of the document being coded
        #: state adjective (folded) -> ISO3, for the doer of an event noun ("de Russische inval")
        self.adjectives: Mapping[str, str] | None = _state_adjectives(language)
        lemma_table(language)  # load the lookup table with the component, not on the first sentence
        self._index = self._trigger_index(self.lexicon)
        #: with `keep_open`, the matches of the last document for which the rules found no actors, as events
        #: with empty sides (`open_events`): candidates whose actors a learned decision may choose
        self.keep_open = bool(self.settings.get("keep_open", False))
        self.open_events: list[Event] = []
        #: (lower, lemma) -> (keys, compound, candidate triggers) of a token; see `_tok`
        self._tok_cache: dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[int]]] = {}

    @staticmethod
    def _trigger_index(lexicon: Lexicon) -> dict[str, frozenset[int]]:
        """Word -> indices of the triggers that word may start a match of (see `_match_trigger`).

        A trigger can only match a clause that has a token whose lookup words (`_lookup_words`) include one
        of its index words: a verb lemma (and for a separable verb its "particle|verb" compound key and its
        base verb), a noun with its plural forms (the forms a compound may end in included), or the first
        word of a phrase. Only these candidates go through the matcher, which keeps the results of trying
        every trigger."""
        index: dict[str, set[int]] = {}
        for n, trig in enumerate(lexicon.triggers):
            words: set[str] = set()
            for verb in trig.verbs:
                particle, _, base = verb.rpartition("|")
                words.add(verb)
                if particle:
                    words.add(base)
            plurals = lexicon.words.get("noun_endings", frozenset())
            for noun in trig.nouns:
                words.add(noun)
                words.update(noun + ending for ending in plurals)
            for phrase in trig.phrases:
                if phrase and phrase[0] != GAP:  # a phrase that starts with a gap never matches
                    words.add(phrase[0])
            for w in words:
                index.setdefault(w, set()).add(n)
        return {w: frozenset(ns) for w, ns in index.items()}

    @staticmethod
    def _lookup_words(lower: str, keys: frozenset[str], compound: frozenset[str]) -> set[str]:
        """The words a token is looked up by in the trigger index: its keys, compound keys, itself and
        its suffixes of five letters or more (a compound noun ending in a lexicon noun)."""
        out = {lower, *keys, *compound}
        out.update(lower[k:] for k in range(1, len(lower) - 4))
        return out

    # ------------------------------------------------------------------ helpers on words
    def _w(self, name: str) -> frozenset[str]:
        return self.lexicon.words.get(name, frozenset())

    def _adjective_state(self, doc: Document, noun: int) -> ActorRef | None:
        """A state adjective right before an event noun, perhaps after one inflected premodifier ("de
        Russische inval", "nieuwe Amerikaanse sancties"): that state, as an actor without a mention."""
        if self.adjectives is None:
            return None
        for back in (1, 2):
            i = noun - back
            if i < 0:
                return None
            tok = doc.tokens[i]
            if tok.text[:1].isupper():
                state = self.adjectives.get(norm(tok.text))
                if state is None or any(m.token_start <= i < m.token_end for m in doc.mentions):
                    return None  # not an adjective, or part of a mention the resolver made ("Russische minister")
                return ActorRef(name=tok.text, actor=state, country=state, actor_id=state)
            if not (tok.lower.isalpha() and tok.lower.endswith(tuple(self._w("attributive_endings")))):
                return None
        return None

    def _between(self, doc: Document, toks: Mapping[int, _Tok], match: _Match, cands: Sequence[int]) -> list[int]:
        """The coordinated actors after "tussen"/"between" right after an event noun ("de top tussen Trump en
        Kim"): two or more, or none."""
        between = self._w("between_prepositions")
        nxt = max(match.tokens) + 1
        if nxt not in toks or toks[nxt].lower not in between:
            return []
        after = sorted((mi for mi in cands if 0 < doc.mentions[mi].token_start - nxt <= 3),
                       key=lambda mi: doc.mentions[mi].token_start)
        if not after:
            return []
        group = self._coordinated(doc, toks, after[0], cands)
        return group if len(group) > 1 else []

    def _object_adjective_state(
        self, doc: Document, match: _Match, clause: _Clause, source: list[int] | ActorRef
    ) -> ActorRef | None:
        """The first state adjective near the trigger in its clause (six words before it to eight after) that
        modifies a lower-case noun and is no part of an actor mention ("op het Amerikaanse besluit", "een Amerikaanse
        pastoor") and not the source's own state, as an actor without a mention; None when there is none."""
        if self.adjectives is None:
            return None
        source_countries = {r.country for r in self._refs(doc, source)}
        # from after a subject that stands before the trigger (else from the trigger) to a few words after it:
        # the object may stand before the trigger in a verb-final clause ("Iran heeft de Britse tanker in
        # beslag genomen") or inside it ("wees het Amerikaanse aanbod af")
        first = min(match.tokens)
        subject_end = [doc.mentions[mi].token_end for mi in (source if isinstance(source, list) else [])
                       if clause.start <= doc.mentions[mi].token_start < first]
        # only a language whose verbs end their clause (`verb_final`) puts the object before the trigger
        start = max(subject_end) if subject_end and self.lexicon.verb_final else first + 1
        for i in range(max(start, first - 6), min(clause.end, max(match.tokens) + 9)):
            tok = doc.tokens[i]
            if i in match.tokens or not tok.text[:1].isupper() or i + 1 >= clause.end:
                continue
            state = self.adjectives.get(norm(tok.text))
            follower = doc.tokens[i + 1].text
            if state is None or not follower[:1].islower() or not follower.isalpha():
                continue
            if state in source_countries or any(m.token_start <= i < m.token_end for m in doc.mentions):
                continue  # the source's own state, or part of an actor mention (the subject's, or a candidate)
            return ActorRef(name=tok.text, actor=state, country=state, actor_id=state)
        return None

    def _background_phrase(self, doc: Document, noun: int) -> bool:
        """Whether the event noun at token `noun` heads a phrase of cause or concession ("vanwege de
        raketaanval", "ondanks de nieuwe sancties") or of what the subject opposes ("keerde zich tegen
        nieuwe sancties"): such a preposition before it with only determiners and attributive words in
        between."""
        background = self._w("background_prepositions") | self._w("opposed_prepositions")
        if not background:
            return False
        determiners = self._w("determiners") | self._w("object_determiners")
        for i in range(noun - 1, max(noun - 5, -1), -1):
            tok = doc.tokens[i]
            lower = tok.lower
            if lower in background or (i > 0 and f"{doc.tokens[i - 1].lower} {lower}" in background):
                return True
            if lower in determiners:
                continue
            # an inflected attributive word ("nieuwe", "herhaalde"); anything else (a name that may own the
            # noun, a verb, punctuation) ends the phrase
            attributive = lower.endswith(tuple(self._w("attributive_endings")))
            if lower.isalpha() and attributive and not tok.text[:1].isupper():
                continue
            return False
        return False

    def _tok(self, token: Token) -> _Tok:
        lower = token.lower
        cache_key = (lower, token.lemma)
        cached = self._tok_cache.get(cache_key)
        if cached is None:
            keys, compound = self._tok_keys(token)
            cands = frozenset(
                n for w in self._lookup_words(lower, keys, compound) for n in self._index.get(w, ())
            )
            if len(self._tok_cache) >= _TOK_CACHE_SIZE:
                self._tok_cache.clear()  # bounded over long corpora
            cached = self._tok_cache[cache_key] = (keys, compound, cands)
        return _Tok(token.i, lower, cached[0], cached[1], cached[2])

    def _tok_keys(self, token: Token) -> tuple[frozenset[str], frozenset[str]]:
        """The keys and compound keys of a token (a function of its lower-cased form and lemma)."""
        lower = token.lower
        # a bare stem that news text uses as a noun ("de dood", "de vraag") is not read as a verb form
        inflection = self.lexicon.inflection
        keys = {lower} if lower in self._w("nouns_not_verbs") else set(_word_keys(lower, self.language, inflection))
        if token.lemma:
            keys.add(token.lemma.lower())
        compound: set[str] = set()
        for p in self._particles:
            if lower.startswith(p) and len(lower) >= len(p) + 3:
                rest = lower[len(p) :]
                for k in _word_keys(rest, self.language, self.lexicon.inflection):
                    compound.add(f"{p}|{k}")
        for k in list(keys):
            for p in self._particles:
                if k.startswith(p) and len(k) >= len(p) + 3:
                    compound.add(f"{p}|{k[len(p) :]}")
        return frozenset(keys), frozenset(compound)

    # ------------------------------------------------------------------ component
    def __call__(self, doc: Document) -> None:
        events: list[tuple[int, float, Event]] = []
        self._coded = {}
        self.open_events = []
        for sent in doc.sentences:
            toks = {t.i: self._tok(t) for t in doc.sentence_tokens(sent.index)}
            in_sentence = doc.mentions_in(sent.index)
            spans = [(doc.mentions[mi].token_start, doc.mentions[mi].token_end) for mi in in_sentence]
            clauses = self._clauses(doc, sent.token_start, sent.token_end, toks, spans)
            for m_index in in_sentence:
                m = doc.mentions[m_index]
                for c in clauses:
                    if c.start <= m.token_start < c.end and m.token_start not in c.holes:
                        c.mentions.append(m_index)
                        break
            found_matches = self._find(toks, clauses)
            matches = self._select(list(found_matches), self._w("reaction_roots"))
            coded: list[Event] = []
            for match in matches:
                found = self._code(doc, sent.index, match, clauses, toks)
                for priority, event in found:
                    events.append((priority, event.confidence, event))
                    coded.append(event)
                if not found and self.keep_open:
                    self.open_events.append(self._open_event(doc, sent.index, match, clauses, toks))
            if self.keep_open:
                # a reading the selection dropped (another root for the same words) stays a candidate
                selected = {(tuple(m.tokens), m.trigger.cameo[:2]) for m in matches}
                dropped = {(tuple(m.tokens), m.trigger.cameo[:2]): m for m in found_matches}
                for key, match in dropped.items():
                    if key not in selected:
                        self.open_events.append(self._open_event(doc, sent.index, match, clauses, toks))
            self._coded[sent.index] = coded
        doc.events.extend(self._dedupe(events))

    # ------------------------------------------------------------------ clauses
    def _clauses(
        self,
        doc: Document,
        start: int,
        end: int,
        toks: Mapping[int, _Tok],
        spans: Sequence[tuple[int, int]] = (),
    ) -> list[_Clause]:
        """Split a sentence into clauses. A parenthesis is a clause of its own and the clause around it
        goes on after it; a comma inside an actor mention ("de Duitse ambassadeur, Daniel Kriener") or
        between listed actors ("De Verenigde Naties, Syrië en Turkije") does not split."""
        breaks = self._w("clause_breaks")
        subs = self._w("subordinators") | self._w("relative_pronouns")
        inside = {t for a, b in spans for t in range(a + 1, b)}
        starts = {a: b for a, b in spans}
        clauses: list[_Clause] = []
        cur = start
        holes: set[int] = set()

        def close(upto: int) -> None:
            if any(i not in holes for i in range(cur, upto)):
                clauses.append(_Clause(cur, upto, holes=frozenset(h for h in holes if cur <= h < upto)))

        i = start
        while i < end:
            lower = toks[i].lower
            if lower == "(":
                j = next((k for k in range(i + 1, min(end, i + 15)) if toks[k].lower == ")"), None)
                if j is not None and i > cur:
                    clauses.append(_Clause(i + 1, j)) if j > i + 1 else None
                    holes.update(range(i, j + 1))
                    i = j + 1
                    continue
            if lower in breaks and i not in inside:
                if lower == "," and i + 1 in starts and self._only_mentions(cur, i, holes, spans, toks):
                    i += 1
                    continue
                close(i)
                cur = i + 1
                holes = set()
            elif lower in subs and i > cur:
                close(i)
                cur = i
                holes = set()
            i += 1
        if cur < end:
            close(end)
        clauses.sort(key=lambda c: c.start)
        return clauses or [_Clause(start, end)]

    def _only_mentions(
        self, a: int, b: int, holes: set[int], spans: Sequence[tuple[int, int]], toks: Mapping[int, _Tok]
    ) -> bool:
        """Whether tokens a..b are actor mentions, list commas and conjunctions only (a list of actors)."""
        covered = {t for x, y in spans for t in range(x, y)}
        links = {",", *self._w("coordinators"), *self._w("determiners")}
        rest = [i for i in range(a, b) if i not in holes and i not in covered]
        return any(i in covered for i in range(a, b)) and all(toks[i].lower in links for i in rest)

    # ------------------------------------------------------------------ trigger matching
    def _find(self, toks: Mapping[int, _Tok], clauses: Sequence[_Clause]) -> list[_Match]:
        found: list[_Match] = []
        sentence_words = {t.lower for t in toks.values()} | {k for t in toks.values() for k in t.keys}
        triggers = self.lexicon.triggers
        for ci, clause in enumerate(clauses):
            span = [toks[i] for i in clause.idx]
            # only the triggers some token of the clause may match, in lexicon order
            candidates = sorted({n for t in span for n in t.triggers})
            if not candidates:
                continue
            clause_words = {t.lower for t in span} | {k for t in span for k in t.keys}
            tails: list[list[_Tok]] = []  # the tail, built once and only when a trigger gets that far
            for n in candidates:
                found += self._trigger_matches(
                    triggers[n], toks, clauses, ci, sentence_words, tails, clause_words
                )
        return found

    def _trigger_matches(
        self,
        trig: Trigger,
        toks: Mapping[int, _Tok],
        clauses: Sequence[_Clause],
        ci: int,
        sentence_words: set[str],
        tails: list[list[_Tok]],
        clause_words: set[str] | None = None,
    ) -> list[_Match]:
        """The matches of one trigger in clause `ci`, after its sentence-wide `without`, its `with` licence
        (in the clause or the next) and its `not_before` sense. `tails` caches the clause's tail."""
        if trig.without and trig.without & sentence_words:
            return []
        licensed: frozenset[int] = frozenset()
        if trig.with_:
            context = self._context(toks, clauses, ci)
            licensed = frozenset(t.i for t in context if ({t.lower} | t.keys) & trig.with_)
            if not licensed:
                return []
        if not tails:
            tails.append(self._tail(toks, clauses, ci))
        span = [toks[i] for i in clauses[ci].idx]
        out: list[_Match] = []
        for tokens, anchor, kind in self._match_trigger(trig, span, tails[0], clause_words):
            if trig.not_before and self._before_clause(clauses, ci, tokens, toks, trig.not_before):
                continue
            out.append(_Match(trig, tokens, anchor, kind, ci, licensed - set(tokens)))
        return out

    @staticmethod
    def _before_clause(
        clauses: Sequence[_Clause], ci: int, tokens: Sequence[int], toks: Mapping[int, _Tok], words: frozenset[str]
    ) -> bool:
        """Whether the trigger ends its clause and the next clause opens with one of `words` ("Hij gaf toe |
        dat ...")."""
        clause = clauses[ci]
        if not clause.idx or clause.idx[-1] not in tokens or ci + 1 >= len(clauses):
            return False
        nxt = clauses[ci + 1].idx
        return bool(nxt) and toks[nxt[0]].lower in words

    @staticmethod
    def _context(toks: Mapping[int, _Tok], clauses: Sequence[_Clause], ci: int) -> list[_Tok]:
        """Tokens of a clause and the next one (a light verb's object may sit in an infinitive clause)."""
        return [toks[i] for c in clauses[ci : ci + 2] for i in c.idx]

    def _tail(self, toks: Mapping[int, _Tok], clauses: Sequence[_Clause], ci: int) -> list[_Tok]:
        """Tokens of the following clauses up to the next subordinate or coordinated clause: a separated
        particle may follow an apposition ("zet de Duitse ambassadeur, Daniel Kriener, het land uit")."""
        stop = self._w("subordinators") | self._w("relative_pronouns") | self._w("coordinators")
        out: list[_Tok] = []
        for c in clauses[ci + 1 :]:
            if c.start < clauses[ci].end or toks[c.start].lower in stop:
                break
            out.extend(toks[i] for i in c.idx)
        return out

    def _match_trigger(
        self,
        trig: Trigger,
        span: Sequence[_Tok],
        tail: Sequence[_Tok] = (),
        words: frozenset[str] | set[str] | None = None,
    ) -> Iterable[tuple[list[int], int, str]]:
        """The matches of a trigger in a clause (span) and the clauses after it (tail). `words`, when
        given, holds the lower-cased forms and keys of the span's tokens: a phrase with a word outside it
        cannot match and is not tried."""
        infinitive = self._w("infinitive_markers")
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
                    if k >= 2 and span[k - 1].lower in infinitive and span[k - 2].lower == particle:
                        yield [span[k - 2].i, tok.i], tok.i, "verb"
                    # verb-final order of a subordinate clause: "waar de VS achter zitten"
                    elif k >= 1 and span[k - 1].lower == particle:
                        yield [span[k - 1].i, tok.i], tok.i, "verb"
        for noun in trig.nouns:
            for tok in span:
                if self._noun_matches(noun, tok):
                    yield [tok.i], tok.i, "noun"
        for phrase in trig.phrases:
            if words is not None and not all(w == GAP or w in words for w in phrase):
                continue
            hit = self._match_phrase(phrase, span)
            if hit:
                yield hit, hit[0], "phrase"

    def _is_particle(self, span: Sequence[_Tok], j: int) -> bool:
        """A separable particle, not a preposition: it ends the clause or precedes an infinitive marker, a
        verb cluster or a complement. In a language that lists `preposition_articles` (Dutch: the particle
        ends the clause, "riep zijn ambassadeur terug"), an article right after it makes it a preposition
        ("op de VS"); English puts the particle before the object ("called off the talks")."""
        if j + 1 >= len(span):
            return True
        return span[j + 1].lower not in self._w("preposition_articles")

    def _noun_matches(self, noun: str, tok: _Tok) -> bool:
        w = tok.lower
        if noun in tok.keys or any(w == noun + ending for ending in self._w("noun_endings")):
            return True
        # compounds ending in the noun: "handelssancties", "staatsbezoek" (not for short nouns)
        if len(noun) >= 5 and len(w) > len(noun) + 2:
            for form in (noun, *(noun + ending for ending in self._w("compound_endings"))):
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
    def _select(matches: list[_Match], reaction_roots: frozenset[str]) -> list[_Match]:
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
                # what reacts to a named appeal, threat or proposal is no part of it ("heeft de oproep van de
                # NAVO van tafel geveegd"): a noun does not absorb a rejection or disapproval
                and (k.kind != "noun" or m.trigger.cameo[:2] not in reaction_roots)
                and m.clause in (k.clause, k.clause + 1)
                and m.tokens[0] > k.tokens[0]
                for k in kept
            ):
                continue
            if any(set(k.tokens) == mine and k.trigger.cameo[:2] == m.trigger.cameo[:2] for k in kept):
                continue
            kept.append(m)
        # a word of a longer phrase trigger is read as that phrase, the more specific reading ("helpen in de
        # strijd" is military cooperation, not also a "strijd")
        kept = [
            m
            for m in kept
            if not (
                m.kind != "phrase"
                and any(k.kind == "phrase" and len(k.tokens) > len(m.tokens) and set(m.tokens) <= set(k.tokens)
                        for k in kept)
            )
        ]
        # the object that licensed another entry is not an event of its own ("roept op tot een
        # staakt-het-vuren", "ziet het als een aanval", "heft de sancties op")
        return [
            m
            for m in kept
            if not any(
                k is not m
                and m.anchor in k.licensed_by
                and (
                    k.trigger.priority > m.trigger.priority
                    or (k.trigger.priority == m.trigger.priority and k.anchor not in m.licensed_by)
                )
                for k in kept
            )
        ]

    # ------------------------------------------------------------------ roles
    def _prep_before(self, doc: Document, toks: Mapping[int, _Tok], mention: Mention) -> str | None:
        i = mention.token_start - 1
        if i in toks and toks[i].lower in self._w("prepositions"):
            return toks[i].lower
        if mention.token_start in toks and toks[mention.token_start].lower in self._w("determiners"):
            return None  # the mention is a whole noun phrase ("in een toespraak het parlement")
        # a preposition before the article of the noun phrase that the mention ends ("bij zijn Chinese
        # collega Wang Yi", "op de Russische president Poetin")
        determiners = self._w("determiners")
        stop = (
            self._w("prepositions")
            | self._w("subordinators")
            | self._w("coordinators")
            | self._w("finite_auxiliaries")
        )
        for d in range(i, max(i - 5, -1), -1):
            if d not in toks or d - 1 not in toks:
                break
            word = toks[d].lower
            if word in determiners:
                return toks[d - 1].lower if toks[d - 1].lower in self._w("prepositions") else None
            if word in stop or not word.replace("-", "").isalpha():
                break
        return None

    def _coordinated(
        self, doc: Document, toks: Mapping[int, _Tok], index: int, pool: Sequence[int]
    ) -> list[int]:
        """The mention and those coordinated with it ("India en Turkije", "de VN, Syrië en Turkije")."""
        out = [index]
        links = {",", *self._w("list_conjunctions")}
        fillers = self._w("list_fillers")
        current = doc.mentions[index]
        for other in sorted(pool, key=lambda k: doc.mentions[k].token_start):
            m = doc.mentions[other]
            if m.token_start < current.token_end or other in out:
                continue
            between = [toks[t].lower for t in range(current.token_end, m.token_start) if t in toks]
            if (
                between
                and all(w in links or w in fillers for w in between)
                and (set(between) & links)
            ):
                out.append(other)
                current = m
            elif m.token_start > current.token_end:
                break
        return out

    def _speaker(self, doc: Document, sentence: int, offset: int, *, informants: bool = True) -> ActorRef | None:
        for q in doc.quotes:
            if q.speaker is None or q.speaker.country is None:
                continue
            # an informant: a report "volgens X", or news media telling what others did ("schrijft de krant")
            if not informants and (q.informant or (q.speaker.actor or "").endswith("MED")):
                continue
            if q.start <= offset < q.end or (
                q.sentence == sentence and q.kind != "partial" and q.start <= offset <= q.end + 1
            ):
                return q.speaker
        return None

    def _volgens(self, doc: Document, toks: Mapping[int, _Tok], sentence: int) -> int | None:
        for mi in doc.mentions_in(sentence):
            if self._prep_before(doc, toks, doc.mentions[mi]) in self._w("informant_prepositions"):
                return mi
        return None

    def _genitive(self, doc: Document, mi: int) -> bool:
        """A name in the genitive ("Camerons", "Trump's"): the possessor of a noun phrase, not its head."""
        m = doc.mentions[mi]
        text = doc.text[m.start : m.end].lower()
        if text.endswith(tuple(self._w("genitive_endings"))):
            return True
        name = (m.actor.name if m.actor else "").lower()
        return len(text) > 3 and any(
            text.endswith(ending) and not name.endswith(text) and name.endswith(text[: -len(ending)])
            for ending in self._w("name_genitive_endings")
        )

    def _source_owners(
        self,
        doc: Document,
        source: list[int] | ActorRef,
        cands: Sequence[int],
        preps: Mapping[int, str | None],
    ) -> set[int]:
        """Genitive names that own the source's noun phrase ("Camerons opvolger May", "Trumps
        woordvoerder Sanders"): at most two words lie between the owner and the source."""
        if not isinstance(source, list):
            return set()
        starts = [doc.mentions[mi].token_start for mi in source]
        out: set[int] = set()
        for mi in cands:
            if mi in source or preps.get(mi) is None or not self._genitive(doc, mi):
                continue
            end = doc.mentions[mi].token_end
            if any(0 <= start - end <= 2 for start in starts):
                out.add(mi)
        return out

    def _usable(self, doc: Document, mi: int) -> bool:
        a = doc.mentions[mi].actor
        return a is not None and bool(a.country)

    def _first_verb(self, match: _Match, clause: _Clause, toks: Mapping[int, _Tok]) -> int | None:
        """The finite verb of the clause as far as words tell: the first auxiliary, else a verb trigger."""
        aux = self._w("finite_auxiliaries")
        for i in clause.idx:
            if toks[i].lower in aux:
                return min(i, match.anchor) if match.kind != "noun" else i
        return match.anchor if match.kind != "noun" else None

    def _subject(
        self,
        doc: Document,
        match: _Match,
        clauses: Sequence[_Clause],
        toks: Mapping[int, _Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool]:
        """The clause subject by position, and whether the subject is a phrase that names no usable actor
        ("Het bondgenootschap bombardeerde ...", an unresolved "hij"): then the coder does not guess."""
        clause = clauses[match.clause]
        idx = clause.idx
        first = toks[idx[0]].lower if idx else ""
        subs = self._w("subordinators")
        # a relative clause takes its antecedent
        if first in self._w("relative_pronouns") and match.clause > 0:
            prev = [mi for mi in clauses[match.clause - 1].mentions if self._usable(doc, mi)]
            if not prev:
                return None, False
            head = prev[-1]
            for mi in reversed(prev[:-1]):  # "Indiase blauwhelmen en Amerikaanse soldaten die ..."
                if head in self._coordinated(doc, toks, mi, prev):
                    head = mi
            return head, False
        # a verb-initial clause after an apposition: "De meeste landen, waaronder Nederland, erkennen ..."
        if (
            match.kind != "noun"
            and match.clause > 0
            and idx
            and (idx[0] == match.anchor or first in self._w("finite_auxiliaries"))
            and toks[clauses[match.clause - 1].idx[0]].lower not in subs
            and toks[clauses[match.clause - 1].idx[-1]].lower not in self._w("quote_marks")
        ):
            for ci in range(match.clause - 1, -1, -1):
                c = clauses[ci]
                for mi in c.mentions:
                    if self._usable(doc, mi) and self._prep_before(doc, toks, doc.mentions[mi]) is None:
                        return mi, False
                if toks[c.idx[0]].lower in subs:
                    break
        # "niemand in de EU", "velen in Washington"
        for mi in clause.mentions:
            m = doc.mentions[mi]
            k = m.token_start - 2
            if k - 1 >= clause.start and toks[k + 1].lower in self._w("determiners"):
                k -= 1  # "niemand in de EU": the article outside the mention
            if (
                preps.get(mi) is not None
                and k >= clause.start
                and toks[k].lower in self._w("quantifier_subjects")
                # the quantity opens the clause, perhaps after an article ("a group of Moroccan diplomats")
                and (k == idx[0] or (k == idx[0] + 1 and toks[idx[0]].lower in self._w("determiners")))
            ):
                return (mi, False) if self._usable(doc, mi) else (None, True)
        free = [mi for mi in clause.mentions if preps.get(mi) is None]
        verb = self._first_verb(match, clause, toks)
        # a subject noun phrase before the finite verb that names no actor ("Het bondgenootschap")
        if idx and first in self._w("determiners") and verb is not None and verb > idx[0]:
            before = [mi for mi in clause.mentions if doc.mentions[mi].token_start < verb]
            words = {toks[i].lower for i in idx if i < verb}
            if (
                verb - idx[0] <= 6
                and not words & self._w("time_nouns")
                and not any(preps.get(mi) is None for mi in before)
            ):
                owners = [
                    mi
                    for mi in before
                    if preps.get(mi) in self._w("possessive_prepositions") and self._usable(doc, mi)
                ]
                return (owners[0], False) if owners else (None, True)
        if free:
            return (free[0], False) if self._usable(doc, free[0]) else (None, True)
        return None, False

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
        inside = set(match.tokens)
        clause = _Clause(
            clause.start,
            clause.end,
            [
                mi
                for mi in clause.mentions
                if not inside & set(range(doc.mentions[mi].token_start, doc.mentions[mi].token_end))
            ],
            clause.holes,
        )
        clauses = [*clauses[: match.clause], clause, *clauses[match.clause + 1 :]]
        all_preps = {mi: self._prep_before(doc, toks, doc.mentions[mi]) for mi in clause.mentions}
        genitive = sorted(self._w("possessive_prepositions"))[:1]
        for mi in clause.mentions:
            if all_preps[mi] is None and genitive and self._genitive(doc, mi):
                all_preps[mi] = genitive[0]  # "Camerons opvolger May", "Trumps beslissing"
        # a conjunct shares the preposition of the first conjunct ("tegen de agenda van de VS en het Westen")
        ordered = sorted(clause.mentions, key=lambda k: doc.mentions[k].token_start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if all_preps[b] is None and b in self._coordinated(doc, toks, a, [b]):
                all_preps[b] = all_preps[a]
        cands = [mi for mi in clause.mentions if self._usable(doc, mi)]
        preps = {mi: all_preps[mi] for mi in cands}
        clause_words = [toks[i].lower for i in clause.idx]
        confidence = trig.confidence
        accused = trig.role == "subject_is_target"

        source: list[int] | ActorRef | None = None
        target: list[int] = []
        parsed = self._parse_roles(doc, sentence, match)
        if parsed is not None:
            p_source, p_target = parsed
            if p_source is not None:
                source = p_source or None
                if source is None:
                    return []  # the parse names a subject that is no actor
            if p_target:
                target = p_target

        agents = [mi for mi in cands if preps[mi] in self._w("agent_prepositions")]
        passive = self._passive(clause_words) or bool(
            # the perfect passive: "Israël is door Hamas bekritiseerd" (with its agent; "is" alone is a copula)
            agents and set(clause_words) & self._w("perfect_passive_auxiliaries")
        )
        subj, unresolved = self._subject(doc, match, clauses, toks, all_preps)

        owned = False  # a noun trigger whose doer its own phrase names
        # "de top tussen Trump en Kim", "gevechten tussen het leger en de rebellen": each acts on the other
        mutual = self._between(doc, toks, match, cands) if match.kind == "noun" and source is None else []
        if mutual:
            source = mutual
        # nominal trigger: "het bezoek van Lavrov aan China", "Russische sancties tegen ..."
        if match.kind == "noun" and source is None:
            anchor = doc.tokens[match.anchor]
            owner: int | None = None
            for mi in cands:
                m = doc.mentions[mi]
                if (
                    m.token_start > anchor.i
                    and m.token_start - anchor.i <= 3
                    and preps[mi] in self._w("possessive_prepositions") | self._w("agent_prepositions")
                ):
                    owner = mi
                    break
                if m.token_end == anchor.i:  # "Amerikaanse sancties"
                    owner = mi
            if owner is None and self._background_phrase(doc, anchor.i):
                return []  # "vanwege de raketaanval": a circumstance, not the subject's deed
            state = self._adjective_state(doc, anchor.i) if owner is None else None
            if state is not None:
                # "de Russische inval", "Amerikaanse sancties": the state adjective is the doer (no mention:
                # the resolver keeps bare adjectives out of the mentions, where they would stand for actors)
                if accused:
                    return []  # "Russische inmenging" names the accused, but not who accuses: no guess
                source = state
            if accused:  # "buitenlandse inmenging van de VS": the owner is the accused
                if owner is None:
                    return []
                target = [owner]
            elif owner is not None:
                source = [owner]
                # "een voorstel van Poetin" names a deed done; "Amerikaanse sancties" may be the object of
                # the subject's own plan ("De VS overwegen Amerikaanse sancties")
                owned = doc.mentions[owner].token_start > anchor.i
            if not target:
                tp = set(trig.target_preps) or self._w("default_target_preps")
                for mi in cands:
                    m = doc.mentions[mi]
                    if m.token_start > anchor.i and preps[mi] in tp and m.token_start - anchor.i <= 6:
                        target = [mi]
                        break

        if source is None:
            if accused and match.kind != "noun":
                # "X zit achter ...", "X heeft zich bemoeid met ...", "georganiseerd door X": X is accused
                if not target:
                    target = agents[:1] if passive and agents else ([subj] if subj is not None else [])
                if not target:
                    return []
                source = self._matrix_source(doc, sentence, match, clauses, toks)
            elif accused:
                source = [subj] if subj is not None else None
                if source is None and not unresolved:
                    source = self._matrix_source(doc, sentence, match, clauses, toks)
            elif passive and agents:
                source = agents[:1]
                if subj is not None and subj not in agents:
                    target = target or [subj]
            elif passive and trig.role == "normal" and subj is not None and match.kind != "noun":
                target = target or [subj]
                source = self._matrix_source(doc, sentence, match, clauses, toks, informants=False)
            elif trig.role == "speaker_is_source":
                source = self._speaker(doc, sentence, doc.tokens[match.anchor].start)
                if source is None and subj is not None:
                    source = [subj]
            elif subj is not None:
                source = [subj]
            elif not unresolved:
                source = self._matrix_source(doc, sentence, match, clauses, toks,
                                             informants=trig.role != "normal")
        if source is None:
            return []

        gapped = self._gapped(doc, match, clauses, toks, passive)
        gapped_mentions = {mi for a, b in gapped for mi in [*(a if isinstance(a, list) else []), *b]}
        # a list does not run on into a gapped clause: "door Turkije en Qatar, Khalifa Haftar door ..."
        pool = [mi for mi in doc.mentions_in(sentence) if self._usable(doc, mi) and mi not in gapped_mentions]
        if isinstance(source, list):
            source = self._coordinated(doc, toks, source[0], pool)
        src_ids = self._ids(doc, source)
        if not target:
            # a genitive name owns the noun phrase it precedes: when that phrase is the source ("Camerons
            # opvolger May"), the owner is part of the subject, not a participant
            owners = self._source_owners(doc, source, cands, all_preps)
            # a nominal event the clause's subject takes part in names its target after the noun ("de oorlog
            # tegen X"), not in the clause around it ("leidde de Libische strijdkrachten in de oorlog"); one
            # with its own doer may find it there ("verweet Biden dat hij niet inging op een voorstel van X")
            subject_noun = match.kind == "noun" and not isinstance(source, ActorRef) and not (
                isinstance(source, list) and any(doc.mentions[mi].token_start > match.anchor for mi in source)
            )
            after_noun = [mi for mi in cands if not subject_noun or doc.mentions[mi].token_start > match.anchor]
            target = self._find_target(
                doc, match, trig, [mi for mi in after_noun if mi not in owners], preps, src_ids, toks
            )
        # a target borrowed from another clause or sentence must fill an empty slot: a nominal event names
        # its participants inside its own phrase, and a clause whose object is a thing has its patient
        # nor one whose participants act on each other ("zodat de kemphanen elkaar niet hoeven te ontmoeten")
        borrow = (match.kind != "noun" and not self._object_taken(doc, match, clause, toks)
                  and not set(clause_words) & self._w("reciprocals") and not mutual)
        # "kritiek op het Amerikaanse besluit", "heffingen op Chinese producten", "arresteerde een Amerikaanse
        # pastoor": a state adjective in the trigger's own object names the target when no actor does
        adjective_target = (
            self._object_adjective_state(doc, match, clause, source)
            if not target and not accused and not mutual
            else None
        )
        if adjective_target is not None:
            borrow = False
        if not target and not accused and not trig.strict and borrow:
            # a place named in another clause ("waar er steun was in haar parlement") is no participant
            places = self._w("locative_prepositions")
            # nor whoever reports the clause ("Een Italiaanse zakenkrant meldde dat het OM een onderzoek start")
            at = doc.tokens[match.anchor].start
            reporters = {q.speaker.mention for q in doc.quotes
                         if q.speaker is not None and q.start <= at < q.end and q.sentence == sentence}
            others = [
                mi
                for c in clauses
                for mi in c.mentions
                if self._usable(doc, mi)
                and mi not in cands
                and mi not in gapped_mentions
                and mi not in reporters
                and self._prep_before(doc, toks, doc.mentions[mi]) not in places
            ]
            refs = self._refs(doc, source)
            others = [
                mi
                for mi in others
                if self._ids(doc, [mi]) != src_ids
                and all(self._distinct(r, ActorRef.from_mention(doc, mi)) for r in refs)
            ]
            if others:
                anchor_i = match.anchor
                target = [min(others, key=lambda mi: abs(doc.mentions[mi].token_start - anchor_i))]
                confidence *= 0.8
        if (
            not target
            and not accused
            and not trig.strict
            and self.cross_sentence_target
            and sentence > 0
            and borrow
        ):
            target = self._previous_sentence_target(doc, sentence, source)
            confidence *= 0.6

        pairs: list[tuple[list[int] | ActorRef, list[int] | ActorRef]] = []
        if isinstance(source, list) and set(clause_words) & self._w("reciprocals"):
            # "Xi en Trump spraken elkaar op de G20-top": with "elkaar" the subjects are each other's targets
            group = self._coordinated(doc, toks, source[0], pool)
            if len(group) > 1:
                source, target, adjective_target = group, [], None
        if not target and adjective_target is not None:
            if isinstance(source, list):
                source = self._coordinated(doc, toks, source[0], pool)
            pairs.append((source, adjective_target))
        elif target:
            if isinstance(source, list):
                source = self._coordinated(doc, toks, source[0], pool)
                target = [mi for mi in target if mi not in source]
            if target:
                pairs.append((source, self._coordinated(doc, toks, target[0], cands)))
        elif (
            isinstance(source, list)
            and len(source) > 1
            and ((trig.reciprocal and match.kind != "noun") or set(clause_words) & self._w("reciprocals") or mutual)
        ):
            # "Netanyahu en Gantz willen niet met elkaar ...", "X and Y met": each acts on the other
            pairs.extend(([a], [b]) for a in source for b in source if a != b)
        pairs.extend(gapped)
        if not pairs:
            return []

        factuality = self._factuality(match, clauses, toks, owned=owned)
        entry = codes.lookup(trig.cameo)
        parts = self._trigger_parts(doc, match.tokens)
        out: list[tuple[int, Event]] = []
        for src_side, tgt_side in pairs:
            sources: list[ActorRef] = (
                [ActorRef.from_mention(doc, mi) for mi in src_side]
                if isinstance(src_side, list)
                else [src_side]
            )
            for src in sources:
                if trig.source_kinds and not self._source_kind_ok(doc, src, trig.source_kinds):
                    continue
                targets = (
                    [ActorRef.from_mention(doc, ti) for ti in tgt_side] if isinstance(tgt_side, list) else [tgt_side]
                )
                for tgt in targets:
                    if not self._distinct(src, tgt, doc):
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

    def _open_event(
        self, doc: Document, sentence: int, match: _Match, clauses: Sequence[_Clause], toks: Mapping[int, _Tok]
    ) -> Event:
        trig = match.trigger
        entry = codes.lookup(trig.cameo)
        text, start, end = self._trigger_parts(doc, match.tokens)
        return Event(sentence=sentence, source=ActorRef(""), target=ActorRef(""), cameo=trig.cameo,
                     quad_class=entry.quad_class, goldstein=entry.goldstein, plover=entry.plover,
                     factuality=self._factuality(match, clauses, toks), trigger=text, trigger_start=start,
                     trigger_end=end, rule=f"{self.language}.{trig.id}", confidence=round(trig.confidence, 3))

    @staticmethod
    def _source_kind_ok(doc: Document, src: ActorRef, kinds: frozenset[str]) -> bool:
        """Whether the source is a resolved actor of one of these kinds (a source with no mention, such as a
        state adjective, is a state)."""
        if src.mention is None:
            return "state" in kinds
        actor = doc.mentions[src.mention].actor
        return actor is not None and actor.kind in kinds

    # ------------------------------------------------------------------ roles from a dependency parse
    def _parse_roles(
        self, doc: Document, sentence: int, match: _Match
    ) -> tuple[list[int] | None, list[int]] | None:
        """Source and target from the UD parse when the language layer has one (None when it has not).

        The source is `None` when the parse does not say who acted (the heuristics decide), `[]` when it
        names a subject that is no usable actor (the coder then codes nothing rather than guess)."""
        sent = doc.sentences[sentence]
        tokens = doc.tokens[sent.token_start : sent.token_end]
        if not any(t.dep for t in tokens):
            return None
        tree = _Tree(doc, sentence, self._usable)
        trig = match.trigger
        inside = set(match.tokens)
        pred = next((i for i in sorted(inside) if doc.tokens[i].head not in inside), match.anchor)
        own = set(trig.target_preps)
        default = self._w("default_target_preps")
        possessive = self._w("possessive_prepositions") | self._w("agent_prepositions")
        accused = trig.role == "subject_is_target"
        source: list[int] | None = None
        target: list[int] = []

        if match.kind == "noun":
            owner: list[int] | None = None
            for c in tree.kids(pred):
                if (c.dep.startswith("nmod") and (c.dep == "nmod:poss" or tree.case(c.i) in possessive)) or (
                    c.dep == "amod" and c.i in tree.mention_at
                ):
                    owner = tree.actors(c.i)
                elif c.dep.startswith("nmod") and tree.case(c.i) in (own or default) and not target:
                    target = tree.actors(c.i)
                if owner:
                    break
            if accused:
                return (None, owner or [])
            if owner:
                source = owner
            else:
                verb = tree.governor(pred)
                if verb is not None:
                    source = tree.subject(verb)
                    if not target:
                        target = tree.complement(verb, own, default, exclude=pred)
            return source, target

        passive = tree.passive(pred)
        subject = tree.subject(pred)
        if passive:
            agent = tree.agent(pred, self._w("agent_prepositions"))
            if accused:
                return None, agent or (subject or [])
            if agent:
                source = agent
            target = subject or []
        elif accused:
            return None, subject or []
        else:
            source = subject
        if not target:
            target = tree.complement(pred, own, default)
        return source, target

    def _gapped(
        self, doc: Document, match: _Match, clauses: Sequence[_Clause], toks: Mapping[int, _Tok], passive: bool
    ) -> list[tuple[list[int] | ActorRef, list[int]]]:
        """A gapped passive clause repeats the verb of the one before: "De regering wordt gesteund door
        Turkije, Haftar door Egypte en de Emiraten" -> Egypte and de Emiraten act on Haftar."""
        if not passive or match.clause + 1 >= len(clauses):
            return []
        nxt = clauses[match.clause + 1]
        ms = [mi for mi in nxt.mentions if self._usable(doc, mi)]
        if len(ms) < 2:
            return []
        patient = ms[0]
        start = doc.mentions[patient].token_start
        lead = [toks[i].lower for i in nxt.idx if i < start]
        after = doc.mentions[patient].token_end
        if any(w not in self._w("coordinators") for w in lead) or toks.get(after) is None:
            return []
        if toks[after].lower not in self._w("agent_prepositions"):
            return []
        agents = self._coordinated(doc, toks, ms[1], ms[1:])
        covered = {t for mi in [patient, *agents] for t in range(doc.mentions[mi].token_start,
                                                               doc.mentions[mi].token_end)}
        rest = {toks[i].lower for i in nxt.idx if i not in covered and i > start}
        if rest - self._w("agent_prepositions") - self._w("coordinators") - self._w("determiners") - {",", "."}:
            return []
        return [(agents, [patient])]

    @staticmethod
    def _refs(doc: Document, source: list[int] | ActorRef) -> list[ActorRef]:
        return [ActorRef.from_mention(doc, mi) for mi in source] if isinstance(source, list) else [source]

    @staticmethod
    def _ids(doc: Document, source: list[int] | ActorRef | None) -> set[str]:
        if source is None:
            return set()
        if isinstance(source, ActorRef):
            return {source.actor_id or source.name}
        return {doc.mentions[mi].actor.id for mi in source if doc.mentions[mi].actor is not None}  # type: ignore[union-attr]

    @staticmethod
    def _distinct(src: ActorRef, tgt: ActorRef, doc: Document | None = None) -> bool:
        """Source and target must be different actors; within one country, different actor codes
        (an opposition acting on its government counts; a government on itself, or on the state it
        governs, does not). With the document, a people named by its demonym ("Duizenden Venezolanen
        gingen de straat op tegen Maduro") is not the state its government governs."""
        if src.country is None or tgt.country is None:
            return False
        if src.mention is not None and src.mention == tgt.mention:
            return False
        if src.actor_id is not None and src.actor_id == tgt.actor_id:
            return False
        if src.country == tgt.country:
            codes_ = {src.actor or "", tgt.actor or ""}
            if src.country in codes_ and any(c[len(src.country) :] in _STATE_ORGANS for c in codes_):
                people = [r.mention is not None and doc is not None and doc.mentions[r.mention].people
                          for r in (src, tgt)]
                return people[0] != people[1] and src.actor != tgt.actor
        return not (src.country == tgt.country and src.actor == tgt.actor)

    def _find_target(
        self,
        doc: Document,
        match: _Match,
        trig: Trigger,
        cands: Sequence[int],
        preps: Mapping[int, str | None],
        src_ids: set[str],
        toks: Mapping[int, _Tok],
    ) -> list[int]:
        pool = [mi for mi in cands if not self._ids(doc, [mi]) <= src_ids]
        own = set(trig.target_preps)
        last = max(match.tokens)
        if toks[last].lower in self._w("prepositions") and (
            match.kind == "phrase"
            or any(
                0 < doc.mentions[mi].token_start - last <= 3 and preps[mi] == toks[last].lower for mi in pool
            )
        ):
            own = {toks[last].lower}  # "staan ... achter X", "boos op X"
        for mi in pool:
            if own and preps[mi] in own and doc.mentions[mi].token_start > match.tokens[0]:
                return [mi]
        # "kritiek op de behandeling van China": the owner inside the trigger's own prepositional phrase
        if own:
            for i in sorted(toks):
                if i > match.anchor and toks[i].lower in own:
                    owned = [
                        mi
                        for mi in pool
                        if 0 < doc.mentions[mi].token_start - i <= 16
                        and preps[mi] in self._w("possessive_prepositions")
                    ]
                    if owned:
                        return [owned[0]]
                    break
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
        *,
        informants: bool = True,
    ) -> list[int] | ActorRef | None:
        """Who says or does what the clause reports: a quotation's speaker, the subject of an earlier
        clause of the sentence, or a "volgens X" mention. Without `informants`, who a report is "volgens"
        (according to) is left out: an informant accuses or claims, but does not do what it reports
        ("kwamen volgens Italiaanse media in opstand")."""
        speaker = self._speaker(doc, sentence, doc.tokens[match.anchor].start, informants=informants)
        if speaker is not None:
            return speaker
        for ci in range(match.clause - 1, -1, -1):
            for mi in clauses[ci].mentions:
                if self._usable(doc, mi) and self._prep_before(doc, toks, doc.mentions[mi]) is None:
                    return [mi]
        volgens = self._volgens(doc, toks, sentence) if informants else None
        if volgens is not None:
            return [volgens]
        return None

    def _object_taken(self, doc: Document, match: _Match, clause: _Clause, toks: Mapping[int, _Tok]) -> bool:
        """Whether the trigger's clause has an object noun phrase that names no actor ("noemde de
        bedreiging onacceptabel", "laten het debat niet kapen"): the patient is a thing, not an actor of
        another clause or sentence."""
        covered = {t for mi in clause.mentions for t in range(doc.mentions[mi].token_start, doc.mentions[mi].token_end)}
        # words inside a phrase's gap belong to the construction ("status een stapje verlaagd")
        skip = covered | set(range(min(match.tokens), max(match.tokens) + 1)) | set(match.licensed_by)
        idx = clause.idx
        dets = self._w("object_determiners")
        preps = self._w("prepositions")
        # the first word, after any opening quotation mark, is the subject's place ('"Dit is een ...')
        first = next((pos for pos, i in enumerate(idx) if toks[i].lower.replace("-", "").isalnum()), 0)
        for pos, i in enumerate(idx):
            if pos <= first or i in skip or toks[i].lower not in dets:
                continue
            before = toks[idx[pos - 1]].lower
            if before in preps or before in self._w("subordinators") or before in dets:
                continue
            # the noun phrase: the words after the determiner up to a mention, a trigger word or punctuation
            phrase: list[int] = []
            for j in idx[pos + 1 : pos + 4]:
                if j in skip or not toks[j].lower.replace("-", "").isalpha():
                    break
                phrase.append(j)
            if any(j + 1 in covered for j in phrase[:2]) or not phrase:
                continue  # "de Duitse ambassadeur Kriener": the phrase ends in an actor
            words = {toks[j].lower for j in phrase}
            if words & self._w("time_nouns") or words <= dets:
                continue
            return True
        return False

    def _previous_sentence_target(
        self, doc: Document, sentence: int, source: list[int] | ActorRef | None
    ) -> list[int]:
        src_countries: set[str | None] = set()
        refs: list[ActorRef] = []
        if isinstance(source, ActorRef):
            src_countries, refs = {source.country}, [source]
        elif source:
            src_countries = {a.country for mi in source if (a := doc.mentions[mi].actor) is not None}
            refs = [ActorRef.from_mention(doc, mi) for mi in source]

        def other(mi: int) -> bool:
            # another state, or a domestic counterpart of another kind ("de regering in Tripoli" answering
            # the rebel leader Haftar of the sentence before): the guidelines count both
            actor = doc.mentions[mi].actor
            if actor is None or not actor.country:
                return False
            if actor.country not in src_countries:
                return True
            candidate = ActorRef.from_mention(doc, mi)
            return bool(refs) and all(
                self._distinct(r, candidate) and r.actor != actor.country and actor.code != actor.country
                for r in refs
            )

        for back in range(1, _LOOKBACK_SENTENCES + 1):
            if sentence - back < 0:
                break
            coded = self._coded.get(sentence - back, [])
            # a reaction: whoever acted on the source's side is the target ("Venezuela zet de Duitse
            # ambassadeur uit. ... 'Dit is een onbegrijpelijke beslissing', zei Maas")
            for event in coded:
                if (
                    event.target.country in src_countries
                    and event.source.mention is not None
                    and event.source.country not in src_countries
                ):
                    return [event.source.mention]
            for event in coded:
                if event.target.mention is not None and event.target.country not in src_countries:
                    return [event.target.mention]
            for mi in reversed(doc.mentions_in(sentence - back)):
                if other(mi):
                    return [mi]
        return []

    # ------------------------------------------------------------------ factuality
    def _factuality(
        self, match: _Match, clauses: Sequence[_Clause], toks: Mapping[int, _Tok], *, owned: bool = False
    ) -> Factuality:
        trig = match.trigger
        if trig.factuality:
            return Factuality(trig.factuality)
        possibility = self._w("possibility_words")
        if owned:
            # a deed named with its doer ("een voorstel van president Poetin", "de Russische inval") happened,
            # whatever the clause says of it ("Biden was niet ingegaan op een voorstel van Poetin"), unless
            # its own phrase hedges it ("een mogelijke aanval van de VS")
            before = (toks[i].lower for i in range(match.anchor - 2, match.anchor) if i in toks)
            return Factuality.POSSIBLE if any(w in possibility for w in before) else Factuality.ACTUAL
        in_trigger = set(match.tokens)
        scope = [clauses[match.clause]]
        clause = clauses[match.clause]
        words = [toks[i] for i in clause.idx]
        # an infinitive clause ("te", "to" before the trigger) inherits the modality of its matrix clause
        infinitive = self._w("infinitive_markers")
        if match.clause > 0 and any(t.lower in infinitive and t.i < match.anchor for t in words):
            scope.insert(0, clauses[match.clause - 1])
        tokens = [toks[i] for c in scope for i in c.idx if i not in in_trigger]
        # "weigert wapens te leveren": what a refusal governs (an infinitive after it) did not happen
        last = max(match.tokens)
        for t in tokens:
            if t.i < last and (t.keys | t.compound) & self._w("refusal_lemmas") and any(
                u.lower in infinitive and t.i < u.i < last for u in tokens
            ):
                return Factuality.NEGATED
        lowers = [t.lower for t in tokens]
        negation = self._w("negation")
        for k, w in enumerate(lowers):
            if w in negation and not (k + 1 < len(lowers) and lowers[k + 1] in self._w("negation_exceptions")):
                return Factuality.NEGATED
        if any(w in self._w("negation_without") for w in lowers) and infinitive & set(lowers):
            return Factuality.NEGATED
        if trig.cameo.startswith("03"):
            # an expression of intent is itself the event, as a threat is: said, so actual ("zei met Corbyn
            # om de tafel te willen", "zullen Guaidó blijven steunen"), unless it hangs on a condition ("wil
            # alleen om de tafel als ...")
            nxt = clauses[match.clause + 1].idx if match.clause + 1 < len(clauses) else []
            if nxt and toks[nxt[0]].lower in self._w("conditional_markers"):
                return Factuality.POSSIBLE
            return Factuality.ACTUAL
        if any(w in self._w("modals") for w in lowers) or any(
            t.keys & self._w("modal_lemmas") for t in tokens
        ):
            return Factuality.POSSIBLE
        if any(t.lower in possibility and t.i < last for t in tokens):
            return Factuality.POSSIBLE
        irrealis = self._w("irrealis_lemmas")
        if any((t.keys | t.compound) & irrealis for t in tokens) or self._split_irrealis(tokens, irrealis):
            return Factuality.POSSIBLE
        text = " ".join(lowers)
        for phrase in self.lexicon.irrealis_phrases:
            if re.search(r"(?:^| )" + re.escape(" ".join(phrase)) + r"(?: |$)", text):
                return Factuality.POSSIBLE
        return Factuality.ACTUAL

    def _passive(self, words: Sequence[str]) -> bool:
        """Whether a clause is passive. A language whose passive auxiliary is also a copula and a progressive
        auxiliary (English "is", "was") lists `participle_endings`/`irregular_participles`: then the auxiliary
        must be followed, within three words, by a past participle ("was attacked", "has been shot"), not by
        an adjective or an -ing form ("is willing to", "has been pressuring")."""
        auxiliaries = self._w("passive_auxiliaries")
        endings = tuple(self._w("participle_endings"))
        irregular = self._w("irregular_participles")
        if not endings and not irregular:
            return bool(set(words) & auxiliaries)
        for k, word in enumerate(words):
            if word not in auxiliaries:
                continue
            for follower in words[k + 1 : k + 4]:
                if follower in irregular or (follower.endswith(endings) and len(follower) > 4):
                    return True
                if follower in auxiliaries:
                    continue
        return False

    @staticmethod
    def _split_irrealis(tokens: Sequence[_Tok], irrealis: frozenset[str]) -> bool:
        """A separable irrealis verb with its particle after it in the clause ("kondigde hogere heffingen
        aan" of aankondigen)."""
        for entry in irrealis:
            particle, sep, verb = entry.partition("|")
            if not sep:
                continue
            for k, t in enumerate(tokens):
                if verb in t.keys and any(u.lower == particle for u in tokens[k + 1 :]):
                    return True
        return False

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
        """One event per sentence, source country, target country and CAMEO root (the scoring unit of a
        dyad): the highest priority, then confidence."""
        best: dict[
            tuple[int, str | None, str | None, str | None, str | None, str], tuple[int, float, Event]
        ] = {}
        for item in events:
            e = item[2]
            key = (e.sentence, e.source.country, None, e.target.country, None, e.cameo[:2])
            if key not in best or item[:2] > best[key][:2]:
                best[key] = item
        return sorted((v[2] for v in best.values()), key=lambda e: (e.sentence, e.trigger_start))


@register("events", "lexicon_coder")
def create_lexicon_coder(language: str, settings: Mapping[str, Any]) -> LexiconCoder:
    return LexiconCoder(language, settings)
