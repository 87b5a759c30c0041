"""Roles: who acts on whom in a matched trigger (the source and the target of an event).

`RoleFinder.roles` reads them in steps, each a small method below:

1. **the parse** (`_parse_roles`), when the language layer gives a dependency parse: the subject, or the
   agent of a passive, is the source; an object or a complement with one of the trigger's prepositions is
   the target; a nominal trigger takes its owner ("het bezoek van X") as source;
2. **a nominal trigger** (`_read_nominal`): the actors after "tussen" act on each other; its owner ("van X",
   a name before it, a state adjective: "de Russische inval") is the source, its "aan/tegen/op X" the target;
   a noun in a phrase of cause or concession ("vanwege de raketaanval") is no deed of the clause;
3. **the clause** (`_read_clause_source`): the subject by position (`_subject`: the first actor mention not
   governed by a preposition, the antecedent of a relative pronoun, "niemand in de EU"), the agent of a
   passive ("wordt gesteund door X": X is the source, the subject the target), the accused of a
   `subject_is_target` entry, the speaker of a `speaker_is_source` entry; a clause without a subject takes
   who reports it (`_matrix_source`: a quotation's speaker, the subject of an earlier clause, a "volgens X");
4. **coordination**: listed mentions ("India en Turkije") each give an event (`_coordinated`), and a
   coordinated clause that repeats the verb by gapping gives its own pair (`_gapped_passive_clause`);
5. **the target in the clause** (`_find_target`): a mention after one of the trigger's prepositions, an
   object mention, a mention after a default target preposition;
6. **a borrowed target** (`_borrow_target`), only for an empty object slot: a state adjective of the
   object ("het Amerikaanse besluit"), an actor of another clause (lower confidence), else one of the
   sentence before (lower still);
7. **reciprocity** (`_pairs`): with "elkaar", a reciprocal entry or "tussen", coordinated subjects act on
   each other.

Source and target must be distinct actors (`_distinct`). Every word the steps react to comes from the
lexicon's word lists; the actor codes of a state's organs are CAMEO's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dyad.actors.index import get_index
from dyad.actors.kb import norm
from dyad.actors.lexicon import load_lexicon as load_actor_lexicon
from dyad.document import ActorRef, Document, Event, Mention, Token
from dyad.errors import ConfigError
from dyad.events.candidates import Clause, Match, Sentence, Tok
from dyad.events.lexicon import Lexicon, Trigger
from dyad.lang.data import has_language_data

#: one side of an event as read: coordinated actor mentions, or an actor without a mention (a state adjective)
Side = list[int] | ActorRef

#: actor-code suffixes of a state's own organs: a government does not act on the state it governs
_STATE_ORGANS = frozenset({"GOV", "MIL", "LEG"})
#: actor-code suffixes of the organs that arrest, try and sentence: named in the clause, one is the doer of an
#: `implicit_agent` entry's deed ("tijdens een actie van de Turkse veiligheidsdienst")
_LAW_ORGANS = frozenset({"COP", "JUD", "SPY"})
#: actor-code suffixes of a state's domestic actors -> the organ of their own state a deed of theirs with no
#: target named is directed at (`RoleFinder._domestic_pairs`): parties, legislatures, the opposition and
#: society's organisations act on the government; the police, courts and army on the people
_DOMESTIC_TARGETS = {
    "PTY": "GOV", "LEG": "GOV", "OPP": "GOV", "LAB": "GOV", "BUS": "GOV", "EDU": "GOV", "HLH": "GOV",
    "COP": "CVL", "JUD": "CVL",
}
#: the CAMEO roots of deeds that are directed at someone even when the clause names no one: appeals (02),
#: demands (10), disapproval (11), rejection (12) and protest (14) by society at its government, coercion
#: (17) by the police or a court at the people
_DOMESTIC_ROOTS = {"GOV": frozenset({"02", "10", "11", "12", "14"}), "CVL": frozenset({"17"})}
#: a name written as its initial ("A.", "R."): a person the press does not name in full
_INITIAL = re.compile(r"[^\W\d_]\.", re.UNICODE)
#: the confidence from which an actor mention counts as named by the text, not inferred from context
_NAMED_CONFIDENCE = 0.8
#: how many sentences back a missing target is looked for (the sentence before first)
_LOOKBACK_SENTENCES = 1


@cache
def _home_country(language: str) -> str | None:
    """The state a language's news is written from (the actor lexicon's `home_country`); None without one."""
    if not has_language_data(language, "agents"):
        return None
    return load_actor_lexicon(language).home_country


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



@dataclass
class Reading:
    """The roles of one match: (source, target) actor pairs, the confidence, and whether a nominal
    trigger's own phrase names its doer (`owned`: then the deed happened, see `dyad.events.factuality`)."""

    pairs: list[tuple[ActorRef, ActorRef]]
    confidence: float
    owned: bool


@dataclass
class _Slots:
    """The roles of one match while `RoleFinder.roles` reads them."""

    doc: Document
    sentence: int
    match: Match
    toks: Mapping[int, Tok]
    clauses: list[Clause]  # the sentence's clauses, the trigger's without the mentions inside the trigger
    all_preps: dict[int, str | None]  # the preposition governing each mention of the trigger's clause
    cands: list[int]  # the clause's usable actor mentions
    preps: dict[int, str | None]
    words: list[str]  # the clause's words
    confidence: float
    source: Side | None = None
    target: list[int] = field(default_factory=list)
    owned: bool = False
    mutual: list[int] = field(default_factory=list)  # actors after "tussen": each acts on the others
    agents: list[int] = field(default_factory=list)
    passive: bool = False
    subj: int | None = None
    said_of_subject: bool = False  # the subject is the target (`RoleFinder._said_of_subject`)
    unresolved: bool = False  # the subject is a phrase that names no usable actor
    gapped: list[tuple[Side, list[int]]] = field(default_factory=list)
    gapped_mentions: set[int] = field(default_factory=set)
    pool: list[int] = field(default_factory=list)  # usable mentions of the sentence outside gapped clauses
    adjective_target: ActorRef | None = None

    @property
    def trig(self) -> Trigger:
        return self.match.trigger

    @property
    def clause(self) -> Clause:
        return self.clauses[self.match.clause]

    @property
    def accused(self) -> bool:
        return self.said_of_subject

    @property
    def noun(self) -> bool:
        return self.match.kind == "noun"


class RoleFinder:
    """Source and target of the matches of one lexicon (see the module's description)."""

    def __init__(
        self, lexicon: Lexicon, *, cross_sentence_target: bool = True, domestic_targets: bool = False
    ) -> None:
        self.lexicon = lexicon
        self.cross_sentence_target = cross_sentence_target
        #: step 8 (`_domestic_pairs`) on: off by default, since on the test split it added 13 events and no
        #: right one (docs/EVALUATION.md, "Roles of domestic actors")
        self.domestic_targets = domestic_targets
        #: state adjective (folded) -> ISO3, for the doer of an event noun ("de Russische inval")
        self.adjectives: Mapping[str, str] | None = _state_adjectives(lexicon.language)
        self.home = _home_country(lexicon.language)

    def _w(self, name: str) -> frozenset[str]:
        return self.lexicon.words.get(name, frozenset())

    # ------------------------------------------------------------------ the steps
    def roles(self, sent: Sentence, match: Match, earlier: Mapping[int, Sequence[Event]]) -> Reading | None:
        """The roles of a match in a sentence; `earlier`: the events coded in the sentences before it (a
        reaction's target may be who acted there). None when no source and target are found."""
        r = self._slots(sent, match)
        parsed = self._read_parse(r)
        self._read_clause(r)
        unnamed = self._implicit_agent(r)
        if unnamed is not None:
            return unnamed
        if not parsed:
            return None
        if not self._read_nominal(r) or not self._read_clause_source(r):
            return None
        self._coordinate_source(r)
        if not r.target:
            r.target = self._clause_target(r)
        self._borrow_target(r, earlier)
        pairs = self._actor_pairs(r.doc, r.trig, self._pairs(r))
        if not pairs and (self.domestic_targets or self._domestic_statement(r)):
            pairs = self._domestic_pairs(r)
        return Reading(pairs, r.confidence, r.owned) if pairs else None

    def _slots(self, sent: Sentence, match: Match) -> _Slots:
        """The working state of a match: its clause without the mentions inside the trigger, and the
        preposition governing each remaining mention."""
        doc, toks = sent.doc, sent.toks
        clause = sent.clauses[match.clause]
        inside = set(match.tokens)
        mentions = [
            mi
            for mi in clause.mentions
            if not inside & set(range(doc.mentions[mi].token_start, doc.mentions[mi].token_end))
        ]
        clause = Clause(clause.start, clause.end, mentions, clause.holes)
        clauses = [*sent.clauses[: match.clause], clause, *sent.clauses[match.clause + 1 :]]
        all_preps = self._clause_prepositions(doc, toks, clause, frozenset(match.tokens))
        cands = [mi for mi in clause.mentions if self._usable(doc, mi)]
        # a co-agent ("samen met X") acts with the subject: no target (but for a reciprocal deed, its partner)
        comitative = [] if match.trigger.reciprocal else [
            mi for mi in cands if self._comitative(doc, toks, doc.mentions[mi], frozenset(match.tokens))
        ]
        cands = [mi for mi in cands if mi not in comitative]
        return _Slots(
            doc, sent.index, match, toks, clauses, all_preps, cands, {mi: all_preps[mi] for mi in cands},
            [toks[i].lower for i in clause.idx], match.trigger.confidence,
            said_of_subject=self._said_of_subject(doc, match),
        )

    def _comitative(self, doc: Document, toks: Mapping[int, Tok], mention: Mention, trigger: frozenset[int]) -> bool:
        """Whether one of the `comitative_phrases` governs the mention ("samen met de Franse regering"), none of
        its words part of the trigger ("werkt samen met": the partner of the deed)."""
        for phrase in self._w("comitative_phrases"):
            words = phrase.split()
            for end in range(mention.token_start - 1, max(mention.token_start - 5, -1), -1):
                if end not in toks or toks[end].lower != words[-1]:
                    continue
                span = range(end - len(words) + 1, end + 1)
                if all(i in toks and toks[i].lower == w for i, w in zip(span, words, strict=True)) \
                        and not trigger & set(span) \
                        and self._prep_before(doc, toks, mention) == words[-1]:
                    return True
        return False

    def _said_of_subject(self, doc: Document, match: Match) -> bool:
        """Whether the clause's subject is acted upon: a `subject_is_target` entry, or a match that opens with
        a modal of obligation ("Rusland moet zijn troepen terugtrekken": what someone demands of Russia)."""
        if match.trigger.role == "subject_is_target":
            return True
        return doc.tokens[min(match.tokens)].lower in self._w("obligation_modals")

    def _clause_prepositions(
        self, doc: Document, toks: Mapping[int, Tok], clause: Clause, verbs: frozenset[int] = frozenset()
    ) -> dict[int, str | None]:
        """The preposition before each mention of a clause; a genitive name takes the possessive preposition
        ("Camerons opvolger May", "Trumps beslissing"), a conjunct that of the first conjunct ("tegen de
        agenda van de VS en het Westen"). `verbs`: the trigger's words, which no noun phrase runs across."""
        all_preps = {mi: self._prep_before(doc, toks, doc.mentions[mi], verbs) for mi in clause.mentions}
        genitive = sorted(self._w("possessive_prepositions"))[:1]
        for mi in clause.mentions:
            if all_preps[mi] is None and genitive and self._genitive(doc, mi):
                all_preps[mi] = genitive[0]
        ordered = sorted(clause.mentions, key=lambda k: doc.mentions[k].token_start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            if all_preps[b] is None and b in self._coordinated(doc, toks, a, [b]):
                all_preps[b] = all_preps[a]
        return all_preps

    def _read_parse(self, r: _Slots) -> bool:
        """Step 1: the roles the dependency parse gives; False when it names a subject that is no actor."""
        parsed = self._parse_roles(r.doc, r.sentence, r.match)
        if parsed is not None:
            p_source, p_target = parsed
            if p_source is not None:
                r.source = p_source or None
                if r.source is None:
                    return False  # the parse names a subject that is no actor
            if p_target:
                r.target = p_target
        return True

    def _read_clause(self, r: _Slots) -> None:
        """The clause's agents, voice and subject."""
        r.agents = [mi for mi in r.cands if r.preps[mi] in self._w("agent_prepositions")]
        # a clause that an insert interrupts has its auxiliary before the insert ("Rusland is, net als China,
        # door X bekritiseerd")
        interrupted = self._interrupted_clause(r.match, r.clauses, r.toks)
        words = r.words if interrupted is None else [
            *(r.toks[i].lower for i in r.clauses[interrupted].idx), *r.words
        ]
        r.passive = self._passive(words) or bool(
            # the perfect passive: "Israël is door Hamas bekritiseerd" (with its agent; "is" alone is a copula)
            r.agents and set(words) & self._w("perfect_passive_auxiliaries")
        )
        r.subj, r.unresolved = self._subject(r.doc, r.match, r.clauses, r.toks, r.all_preps)

    def _implicit_agent(self, r: _Slots) -> Reading | None:
        """Step 2a: the deed of a state organ the text does not name (an entry's `implicit_agent`): "22 leden
        zijn in Rusland opgepakt", "Een vrouw is aangehouden", "Hij kreeg vier jaar cel". The doer is that
        organ ("COP": the police) of the state where it happened (a state after a preposition of place in
        the sentence), else of the patient's state, else of the state the article has named most so far; the
        patient is the subject: a resolved actor, or people of that state when the clause names persons (a
        person noun or a name) without resolving them. Only a passive clause without an agent, or an entry
        whose subject is acted upon; a police or court mention in the clause is the doer itself."""
        code = r.trig.implicit_agent
        if not code or r.noun:
            return None
        doc = r.doc
        words = set(r.words)
        since = self._auxiliary_before(r)
        passive = r.passive or bool(words & self._w("perfect_passive_auxiliaries")) or since is not None
        if not (passive or r.accused):
            return self._unnamed_patient(r)
        if r.agents or words & self._w("agent_prepositions"):
            return None
        # (the subject of a passive is its patient, never the organ that acts: "De Nederlandse ambassadeur werd
        # ontboden" names the summoned envoy, a state agent of the entry's sector)
        named = [mi for mi in r.cands if (a := doc.mentions[mi].actor) is not None and a.country
                 and a.code[len(a.country):] in _LAW_ORGANS | {code} and not (passive and mi == r.subj)]
        # the patient stands in the clause, or is the antecedent of the relative pronoun that opens it ("een
        # Nederlander die in Dubai werd aangehouden"), not the subject of a clause around it
        relative = bool(r.clause.idx) and r.toks[r.clause.idx[0]].lower in self._w("relative_pronouns")
        patient = [mi for mi in ([r.subj] if r.subj is not None else r.target)
                   if mi not in named and (relative or mi in r.clause.mentions)]
        if not patient and not self._names_persons(r, since):
            return None
        state = self._organ_state(r, patient)
        if state is None:
            # a passive's subject is acted upon: with no organ to act, it is no one's doer either
            return Reading([], r.confidence, False) if passive and patient else None
        sources = [ActorRef.from_mention(doc, mi) for mi in named[:1]] or [ActorRef("", f"{state}{code}", state)]
        targets = [ActorRef.from_mention(doc, mi) for mi in self._coordinated(doc, r.toks, patient[0], r.cands)] \
            if patient else [self._people(r, state, since)]
        pairs = [(s, t) for s in sources for t in targets if self._distinct(s, t, doc)]
        return Reading(pairs, r.confidence * 0.8, False) if pairs else None

    def _organ_state(self, r: _Slots, patient: Sequence[int]) -> str | None:
        """The state whose organ does an `implicit_agent` deed: where it happened (a place of the sentence), else
        the state the article has named most, else the patient's. For an entry whose organ acts abroad
        (`agent_abroad`: an envoy summoned) never the patient's own state: then the language's home country, the
        state its news is written from, stands in for an article about the patient's state."""
        doc = r.doc
        own = [c for mi in patient if (c := self._country(doc, mi)) is not None]
        if not r.trig.agent_abroad:
            return self._scene_state(doc, r.toks, r.sentence) or self._article_state(doc, r.sentence) or next(
                iter(own), None)
        states = (self._scene_state(doc, r.toks, r.sentence), self._article_state(doc, r.sentence), self.home)
        return next((s for s in states if s is not None and s not in own), None)

    def _auxiliary_before(self, r: _Slots) -> int | None:
        """The start of the clause before the trigger's that holds its passive auxiliary, when only commas part
        them ("werd een van de leiders, X, in Parijs opgepakt": an apposition between); None when there is
        none. With a parse, the parse decides (the sentence's start when it reads the trigger as passive)."""
        doc = r.doc
        sent = doc.sentences[r.sentence]
        if any(t.dep for t in doc.tokens[sent.token_start : sent.token_end]):
            inside = set(r.match.tokens)
            pred = next((i for i in sorted(inside) if doc.tokens[i].head not in inside), r.match.anchor)
            return sent.token_start if _Tree(doc, r.sentence, self._usable).passive(pred) else None
        openers = self._w("subordinators") | self._w("relative_pronouns")
        auxiliaries = self._w("passive_auxiliaries") | self._w("perfect_passive_auxiliaries")
        for c in reversed(r.clauses[max(0, r.match.clause - 3) : r.match.clause]):
            words = [r.toks[i].lower for i in c.idx if i in r.toks]
            if words and words[0] in openers:
                return None
            if set(words) & auxiliaries:
                return c.start
        return None

    def _unnamed_patient(self, r: _Slots) -> Reading | None:
        """The active clause of an `implicit_agent` entry whose object names persons but no actor ("De politie
        hield een vrouw aan", "Spanje arresteerde een fascist"): the doer acts on people of its own state."""
        doc = r.doc
        if r.subj is None or r.subj not in r.clause.mentions or [mi for mi in r.cands if mi != r.subj]:
            return None
        state = self._country(doc, r.subj)
        if state is None or not self._names_persons(r):
            return None
        source = ActorRef.from_mention(doc, r.subj)
        target = self._people(r, state)
        return Reading([(source, target)], r.confidence * 0.8, False) if self._distinct(source, target, doc) else None

    def _people(self, r: _Slots, state: str, since: int | None = None) -> ActorRef:
        """The persons an `implicit_agent` entry's clause names without an actor, as people of a state: of the
        state adjective before a person noun ("een Deense journalist", "twee Belgische jihadisten"), else of
        `state` (where it happened, or the doer's own). A passive's patient may stand before the trigger's
        clause (`since`), but only one clause back: "X, een Litouws lid van een jeugdbeweging, is opgepakt"."""
        persons = self._w("person_nouns")
        start = r.clause.start if since is None else max(since, r.clauses[max(0, r.match.clause - 1)].start)
        span = [i for i in sorted(r.toks) if start <= i < r.clause.end]
        for i, j in zip(span, span[1:], strict=False):
            word = r.doc.tokens[i].text
            nationality = self.adjectives.get(norm(word)) if self.adjectives is not None else None
            if nationality is not None and word[:1].isupper() and (
                r.toks[j].lower in persons or r.toks[j].keys & persons
            ):
                state = nationality
                break
        return ActorRef("", f"{state}CVL", state)

    def _names_persons(self, r: _Slots, since: int | None = None) -> bool:
        """Whether the trigger's clause (or the words from token `since` to its end: a passive whose subject
        the parse finds in a clause before) names persons without an actor: a person noun ("een vrouw",
        "vier militairen") or a name."""
        persons = self._w("person_nouns")
        # "een oud-militair", "een kustwachtofficier": a compound or a hyphenated word ending in a person noun
        # of five letters or more
        endings = tuple(p for p in persons if len(p) >= 5)
        start = r.clause.start if since is None else min(since, r.clause.start)
        span = [i for i in r.toks if start <= i < r.clause.end]
        if any(r.toks[i].lower in persons or r.toks[i].keys & persons or r.toks[i].lower.endswith(endings)
               for i in span):
            return True
        # a name, or an initial that stands for one ("R. werd veroordeeld": a suspect the press names so)
        return any(n.sentence == r.sentence and start <= n.token_start < r.clause.end
                   and (n.label == "PER" or _INITIAL.fullmatch(r.doc.text[n.start : n.end]) is not None)
                   for n in r.doc.names)

    def _scene_state(self, doc: Document, toks: Mapping[int, Tok], sentence: int) -> str | None:
        """A state the sentence places its clause in: a state mention after a preposition of place ("in
        Rusland")."""
        for mi in doc.mentions_in(sentence):
            a = doc.mentions[mi].actor
            if a is not None and a.code == a.country and \
                    self._prep_before(doc, toks, doc.mentions[mi]) in self._w("locative_prepositions"):
                return a.country
        return None

    @staticmethod
    def _country(doc: Document, mi: int) -> str | None:
        a = doc.mentions[mi].actor
        return a.country if a is not None and a.country and len(a.country) == 3 else None

    def _article_state(self, doc: Document, sentence: int) -> str | None:
        """The state the article has named most up to a sentence, when one leads. Mentions the resolver only
        inferred (confidence under `_NAMED_CONFIDENCE`: "de autoriteiten" read as the home country's) count
        only in an article that names no state itself: they would make every article about the language's
        home country."""
        named: dict[str, int] = {}
        inferred: dict[str, int] = {}
        for mi, m in enumerate(doc.mentions):
            if m.sentence > sentence:
                break
            country = self._country(doc, mi)
            if country is not None and not m.people:  # a demonym names people for being foreign where they are
                counts = named if m.confidence >= _NAMED_CONFIDENCE else inferred
                counts[country] = counts.get(country, 0) + 1
        counts = named or inferred
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=lambda c: counts[c])

    def _read_nominal(self, r: _Slots) -> bool:
        """Step 2: the roles a nominal trigger's own phrase names; False when it names none it may use."""
        if not r.noun or r.source is not None:
            return True
        # "de top tussen Trump en Kim", "gevechten tussen het leger en de rebellen": each acts on the other
        r.mutual = self._between(r.doc, r.toks, r.match, r.cands)
        if r.mutual:
            r.source = r.mutual
            return True
        doc, anchor = r.doc, r.doc.tokens[r.match.anchor].i
        owner = self._noun_owner(r, anchor)
        if owner is None and self._background_phrase(doc, anchor):
            return False  # "vanwege de raketaanval": a circumstance, not the subject's deed
        state = self._adjective_state(doc, anchor) if owner is None else None
        if state is not None:
            # "de Russische inval", "Amerikaanse sancties": the state adjective is the doer (no mention: the
            # resolver keeps bare adjectives out of the mentions, where they would stand for actors)
            if r.accused:
                return False  # "Russische inmenging" names the accused, but not who accuses: no guess
            r.source = state
        if r.accused:  # "buitenlandse inmenging van de VS": the owner is the accused
            if owner is None:
                return False
            r.target = [owner]
        elif owner is not None:
            r.source = [owner]
            # "een voorstel van Poetin" names a deed done; "Amerikaanse sancties" may be the object of the
            # subject's own plan ("De VS overwegen Amerikaanse sancties")
            r.owned = doc.mentions[owner].token_start > anchor
        if not r.target:
            r.target = self._noun_target(r, anchor)
        return True

    def _noun_owner(self, r: _Slots, anchor: int) -> int | None:
        """The doer an event noun's phrase names: "het bezoek van Lavrov", "Amerikaanse sancties"."""
        owners = self._w("possessive_prepositions") | self._w("agent_prepositions")
        owner: int | None = None
        for mi in r.cands:
            m = r.doc.mentions[mi]
            if m.token_start > anchor and m.token_start - anchor <= 3 and r.preps[mi] in owners:
                return mi
            # "Trumps beslissing", a name right before the noun; not the complement of another preposition
            # that the middle field puts there ("met Servië onderhandelingen beginnen")
            if m.token_end == anchor and (r.preps[mi] is None or r.preps[mi] in owners):
                owner = mi
        return owner

    def _noun_target(self, r: _Slots, anchor: int) -> list[int]:
        """The target an event noun's phrase names: "het bezoek van Lavrov aan China"."""
        preps = set(r.trig.target_preps) or self._w("default_target_preps")
        for mi in r.cands:
            m = r.doc.mentions[mi]
            if m.token_start > anchor and r.preps[mi] in preps and m.token_start - anchor <= 6:
                return [mi]
        return []

    def _read_clause_source(self, r: _Slots) -> bool:
        """Step 3: the source from the clause, by the entry's role and the clause's voice; False when the
        clause gives none."""
        if r.source is not None:
            return True
        subject = [r.subj] if r.subj is not None else []
        if r.accused and not r.noun:
            # "X zit achter ...", "X heeft zich bemoeid met ...", "georganiseerd door X": X is accused
            if not r.target:
                r.target = r.agents[:1] if r.passive and r.agents else subject
            if not r.target:
                return False
            r.source = self._matrix_source(r.doc, r.sentence, r.match, r.clauses, r.toks)
        elif r.accused:
            r.source = subject or None
            if r.source is None and not r.unresolved:
                r.source = self._matrix_source(r.doc, r.sentence, r.match, r.clauses, r.toks)
        elif r.trig.role == "speaker_is_source" and (
            speaker := self._speaker(r.doc, r.sentence, r.doc.tokens[r.match.anchor].start)
        ) is not None:
            # who says the evaluation makes it, also of a deed done by another ("de inval door X was laf")
            r.source = speaker
        elif r.passive and r.agents:
            r.source = r.agents[:1]
            if r.subj is not None and r.subj not in r.agents:
                r.target = r.target or subject
        elif r.passive and r.trig.role == "normal" and r.subj is not None and not r.noun:
            r.target = r.target or subject
            r.source = self._matrix_source(r.doc, r.sentence, r.match, r.clauses, r.toks, informants=False)
        elif r.trig.role == "speaker_is_source":
            r.source = self._speaker(r.doc, r.sentence, r.doc.tokens[r.match.anchor].start)
            if r.source is None and r.subj is not None:
                r.source = subject
        elif r.subj is not None:
            r.source = subject
        elif not r.unresolved:
            informants = r.trig.role != "normal"
            r.source = self._matrix_source(r.doc, r.sentence, r.match, r.clauses, r.toks, informants=informants)
        return r.source is not None

    def _coordinate_source(self, r: _Slots) -> None:
        """Step 4: the pair of a gapped clause, and the mentions coordinated with the source."""
        r.gapped = self._gapped_passive_clause(r.doc, r.match, r.clauses, r.toks, r.passive)
        r.gapped_mentions = {mi for a, b in r.gapped for mi in [*(a if isinstance(a, list) else []), *b]}
        # a list does not run on into a gapped clause: "door Turkije en Qatar, Khalifa Haftar door ..."
        r.pool = [
            mi for mi in r.doc.mentions_in(r.sentence) if self._usable(r.doc, mi) and mi not in r.gapped_mentions
        ]
        if isinstance(r.source, list):
            r.source = self._coordinated(r.doc, r.toks, r.source[0], r.pool)

    def _clause_target(self, r: _Slots) -> list[int]:
        """Step 5: the target among the clause's mentions."""
        assert r.source is not None
        doc, match = r.doc, r.match
        # a genitive name owns the noun phrase it precedes: when that phrase is the source ("Camerons opvolger
        # May"), the owner is part of the subject, not a participant
        owners = self._source_owners(doc, r.source, r.cands, r.all_preps)
        # a nominal event the clause's subject takes part in names its target after the noun ("de oorlog tegen
        # X"), not in the clause around it ("leidde de Libische strijdkrachten in de oorlog"); one with its own
        # doer may find it there ("verweet Biden dat hij niet inging op een voorstel van X")
        subject_noun = r.noun and not isinstance(r.source, ActorRef) and not (
            any(doc.mentions[mi].token_start > match.anchor for mi in r.source)
        )
        # ... or before it after one of the entry's own prepositions, where the middle field puts it ("is met
        # Servië onderhandelingen begonnen")
        own = set(r.trig.target_preps)
        after_noun = [mi for mi in r.cands if not subject_noun or doc.mentions[mi].token_start > match.anchor
                      or r.preps[mi] in own]
        pool = [mi for mi in after_noun if mi not in owners]
        if isinstance(r.source, list):
            # a mention listed together with the source is one of the subjects, not their target
            listed = set(r.source)
            pool = [mi for mi in pool if not listed & set(self._coordinated(doc, r.toks, mi, r.cands))]
        return self._find_target(doc, match, r.trig, pool, r.preps, self._ids(doc, r.source), r.toks)

    def _borrow_target(self, r: _Slots, earlier: Mapping[int, Sequence[Event]]) -> None:
        """Step 6: a target from outside the clause, only for an empty slot. A nominal event names its
        participants inside its own phrase, a clause whose object is a thing has its patient, and actors
        that act on each other ("zodat de kemphanen elkaar niet hoeven te ontmoeten") need none."""
        assert r.source is not None
        # an entry whose object is someone's deed or words ("noemde de uitspraken onzorgvuldig"): the object
        # being a thing leaves its author to be found
        taken = self._object_taken(r.doc, r.match, r.clause, r.toks)
        # coordinated subjects of a reciprocal entry act on each other ("Poetin en Xi dineerden samen", step 7),
        # not on an actor of another clause or sentence
        paired = r.trig.reciprocal and isinstance(r.source, list) and len(r.source) > 1
        borrow = (
            not r.noun
            and (r.trig.deed_object or not taken)
            and not set(r.words) & self._w("reciprocals")
            and not r.mutual
            and not paired
        )
        # "kritiek op het Amerikaanse besluit", "heffingen op Chinese producten", "arresteerde een Amerikaanse
        # pastoor": a state adjective in the trigger's own object names the target when no actor does
        if not r.target and not r.accused and not r.mutual:
            r.adjective_target = self._object_adjective_state(r.doc, r.match, r.clause, r.source)
        if not r.target and not r.accused and not r.mutual and r.adjective_target is None:
            r.target = self._conditional_subject(r)
        if r.adjective_target is not None or r.target or r.accused or r.trig.strict or not borrow:
            return
        r.target = self._other_clause_target(r)
        if r.target:
            r.confidence *= 0.8
        elif self.cross_sentence_target and r.sentence > 0 and self._cross_sentence_root(r.trig.cameo):
            author = r.trig.deed_object and taken
            # a rejection answers a request: an appeal, an offer or a demand of the sentence before
            answered = self._w("request_roots") if r.trig.cameo[:2] in self._w("reply_roots") else frozenset()
            r.target = self._previous_sentence_target(
                r.doc, r.sentence, r.source, earlier, author=author, answered=answered
            )
            r.confidence *= 0.6

    def _conditional_subject(self, r: _Slots) -> list[int]:
        """The target of a deed of the `conditional_target_roots` that its clause does not name: the first actor
        of another clause of the sentence that a conditional opener starts, the one whose deed the condition
        names ("dreigt met opstappen als Brussel de begroting afwijst"); none when no such clause names one."""
        assert r.source is not None
        if r.trig.cameo[:2] not in self._w("conditional_target_roots"):
            return []
        openers = self._w("conditional_openers")
        refs = self._refs(r.doc, r.source)
        for clause in r.clauses:
            idx = clause.idx
            if clause.start == r.clause.start or not idx or r.toks[idx[0]].lower not in openers:
                continue
            for mi in clause.mentions:
                other = ActorRef.from_mention(r.doc, mi)
                if self._usable(r.doc, mi) and all(self._distinct(s, other, r.doc) for s in refs):
                    return [mi]
        return []

    def _cross_sentence_root(self, cameo: str) -> bool:
        """Whether a deed of this CAMEO code may take its target from the sentence before: not one of the
        `own_sentence_roots` (material cooperation: "Daarop leverde Polen wapens" names no recipient the sentence
        before may lend; a reaction, a statement, a sanction or an attack may answer an actor named there)."""
        return cameo[:2] not in self._w("own_sentence_roots")

    @staticmethod
    def _domestic_statement(r: _Slots) -> bool:
        """Whether a `domestic` entry's statement goes to its source's own government when no target is found:
        an evaluation (`speaker_is_source`) only as a quotation's speaker says it, not as the words of the
        article's own writer about its subject."""
        return r.trig.domestic and (r.trig.role != "speaker_is_source" or isinstance(r.source, ActorRef))

    def _domestic_pairs(self, r: _Slots) -> list[tuple[ActorRef, ActorRef]]:
        """Step 8, when no target is found anywhere: a domestic actor's deed with no one named is directed at
        its own state (`_DOMESTIC_TARGETS`): a party, a parliament, the opposition or a union at the government
        ("De partij stemde tegen de begroting", "De bonden riepen een staking uit"), the police or a court at
        the state's people ("De politie zette traangas in"), as the guidelines count domestic actors acting on
        their own government; a quotation's speaker ("'Smerige politiek', aldus X") likewise. An event noun
        counts only as the object of its clause with the clause's subject as its doer ("riepen een staking
        uit"), not after a preposition or followed by its owner ("tijdens de staking", "de eisen van de
        chauffeurs"). Not for a `strict` entry (no target outside the clause), the reading of an accused
        subject, nor a clause that names persons or a firm as the addressee."""
        if r.trig.strict or r.accused or r.mutual or r.source is None:
            return []
        if r.noun and (r.owned or not isinstance(r.source, list) or r.subj not in r.source
                       or self._governed_noun(r.doc, r.match.anchor)):
            return []
        # (the owner of what a speaker judges is who is judged: "een gotspe van dit beleid, aldus X")
        owned = self._owned_by_other(r) and r.trig.role != "speaker_is_source"
        if owned or self._names_other_addressee(r):
            return []
        pairs: list[tuple[ActorRef, ActorRef]] = []
        for src in self._refs(r.doc, r.source):
            if not src.country or not src.actor or len(src.country) != 3:
                continue
            sector = _DOMESTIC_TARGETS.get(src.actor[len(src.country) :])
            if sector is None or r.trig.cameo[:2] not in _DOMESTIC_ROOTS[sector]:
                continue
            if isinstance(r.source, ActorRef) and sector != "GOV":
                continue  # a quotation's speaker criticises or demands; a lawyer quoted does not arrest
            if r.trig.source_kinds and not self._source_kind_ok(r.doc, src, r.trig.source_kinds):
                continue
            tgt = ActorRef("", f"{src.country}{sector}", src.country)
            if self._distinct(src, tgt, r.doc):
                pairs.append((src, tgt))
        if pairs:
            r.confidence *= 0.5
        return pairs

    def _other_clause_target(self, r: _Slots) -> list[int]:
        """The actor of another clause of the sentence nearest the trigger: not a place ("waar er steun was in
        haar parlement"), not who reports the clause ("Een Italiaanse zakenkrant meldde dat het OM een
        onderzoek start"), not the source."""
        assert r.source is not None
        doc = r.doc
        places = self._w("locative_prepositions")
        at = doc.tokens[r.match.anchor].start
        reporters = {
            q.speaker.mention
            for q in doc.quotes
            if q.speaker is not None and q.start <= at < q.end and q.sentence == r.sentence
        }
        others = [
            mi
            for c in r.clauses
            for mi in c.mentions
            if self._usable(doc, mi)
            and mi not in r.cands
            and mi not in r.gapped_mentions
            and mi not in reporters
            and self._prep_before(doc, r.toks, doc.mentions[mi]) not in places
        ]
        src_ids = self._ids(doc, r.source)
        refs = self._refs(doc, r.source)
        others = [
            mi
            for mi in others
            if self._ids(doc, [mi]) != src_ids and all(self._distinct(s, ActorRef.from_mention(doc, mi)) for s in refs)
        ]
        if not others:
            return []
        return [min(others, key=lambda mi: abs(doc.mentions[mi].token_start - r.match.anchor))]

    def _pairs(self, r: _Slots) -> list[tuple[Side, Side]]:
        """Step 7: the (source, target) sides: coordinated sources and targets, a state adjective target,
        reciprocal subjects ("Xi en Trump spraken elkaar", "X and Y met"), and a gapped clause's pair."""
        assert r.source is not None
        doc, toks, source = r.doc, r.toks, r.source
        reciprocal_words = bool(set(r.words) & self._w("reciprocals"))
        target, adjective_target = r.target, r.adjective_target
        pairs: list[tuple[Side, Side]] = []
        if isinstance(source, list) and reciprocal_words:
            # with "elkaar" the subjects are each other's targets
            group = self._coordinated(doc, toks, source[0], r.pool)
            if len(group) > 1:
                source, target, adjective_target = group, [], None
        if not target and adjective_target is not None:
            if isinstance(source, list):
                source = self._coordinated(doc, toks, source[0], r.pool)
            pairs.append((source, adjective_target))
        elif target:
            if isinstance(source, list):
                source = self._coordinated(doc, toks, source[0], r.pool)
                target = [mi for mi in target if mi not in source]
            targets = self._coordinated(doc, toks, target[0], r.cands) if target else []
            # a target listed together with the source is one of the listed subjects, who act together
            # ("Duitsland, Oostenrijk en België zijn tegen het voorstel"), not on each other
            if targets and not (isinstance(source, list) and set(targets) & set(source)):
                pairs.append((source, targets))
        elif (
            isinstance(source, list)
            and len(source) > 1
            and ((r.trig.reciprocal and not r.noun) or reciprocal_words or r.mutual)
        ):
            pairs.extend(([a], [b]) for a in source for b in source if a != b)
        pairs.extend(r.gapped)
        return pairs

    def _actor_pairs(
        self, doc: Document, trig: Trigger, pairs: list[tuple[Side, Side]]
    ) -> list[tuple[ActorRef, ActorRef]]:
        """Each source actor with each target actor of every pair of sides: a source of the entry's
        `source_kinds`, distinct from its target."""
        out: list[tuple[ActorRef, ActorRef]] = []
        for src_side, tgt_side in pairs:
            for src in self._refs(doc, src_side):
                if trig.source_kinds and not self._source_kind_ok(doc, src, trig.source_kinds):
                    continue
                out.extend((src, tgt) for tgt in self._refs(doc, tgt_side) if self._distinct(src, tgt, doc))
        return out

    # ------------------------------------------------------------------ helpers
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

    def _between(self, doc: Document, toks: Mapping[int, Tok], match: Match, cands: Sequence[int]) -> list[int]:
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
        self, doc: Document, match: Match, clause: Clause, source: list[int] | ActorRef
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

    def _names_other_addressee(self, r: _Slots) -> bool:
        """Whether the clause names whom the deed is directed at, though not as an actor: after one of the
        trigger's prepositions (or a default target preposition), perhaps past determiners, persons ("eisen
        aan masterstudenten") or a name that is no actor ("een rechtszaak tegen Deliveroo")."""
        doc = r.doc
        preps = set(r.trig.target_preps) | self._w("default_target_preps")
        determiners = self._w("determiners") | self._w("object_determiners")
        persons = self._w("person_nouns")
        in_mention = {t for mi in r.clause.mentions
                      for t in range(doc.mentions[mi].token_start, doc.mentions[mi].token_end)}
        inside = set(r.match.tokens)
        idx = [i for i in r.clause.idx if i > min(inside) and i not in inside]
        for k, i in enumerate(idx):
            if r.toks[i].lower not in preps:
                continue
            rest = [j for j in idx[k + 1 : k + 4] if r.toks[j].lower not in determiners]
            if not rest or rest[0] in in_mention:
                continue
            word = doc.tokens[rest[0]].text
            if r.toks[rest[0]].lower in persons or r.toks[rest[0]].keys & persons or (
                word[:1].isupper() and word.isalpha()
            ):
                return True
        return False

    def _owned_by_other(self, r: _Slots) -> bool:
        """Whether the event noun (a nominal match, or a word after a determiner) is followed by its owner ("de
        eisen van de chauffeurs"): someone's deed the subject only handles, not the subject's own."""
        first, nxt = min(r.match.tokens), max(r.match.tokens) + 1
        noun = r.noun or (first - 1 in r.toks and r.toks[first - 1].lower in self._w("determiners"))
        return noun and nxt in r.toks and r.toks[nxt].lower in self._w("possessive_prepositions")

    def _governed_noun(self, doc: Document, noun: int) -> bool:
        """Whether the event noun at token `noun` stands after a preposition (past determiners and inflected
        attributive words: "tijdens de demonstratie", "met de petitie"), not as the object of its clause
        ("riepen een nieuwe staking uit")."""
        determiners = self._w("determiners") | self._w("object_determiners")
        endings = tuple(self._w("attributive_endings"))
        for i in range(noun - 1, max(noun - 5, -1), -1):
            lower = doc.tokens[i].lower
            if lower in self._w("prepositions"):
                return True
            if lower in determiners or (lower.isalpha() and lower.endswith(endings)):
                continue
            return False
        return False

    def _background_phrase(self, doc: Document, noun: int) -> bool:
        """Whether the event noun at token `noun` heads a phrase of cause or concession ("vanwege de
        raketaanval", "ondanks de nieuwe sancties") or of what the subject opposes ("verzet zich tegen
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

    def _prep_before(
        self, doc: Document, toks: Mapping[int, Tok], mention: Mention, verbs: frozenset[int] = frozenset()
    ) -> str | None:
        """The preposition that governs a mention: right before it, or before the article of the noun phrase the
        mention ends. That phrase runs across no verb (`verbs`, the trigger's words: "Volgens de krant riep
        president X": the subject after the finite verb) and no other actor mention ("In een brief aan de Chinese
        president riep X")."""
        i = mention.token_start - 1
        # "meer leningen dan Japan": what a comparison names is compared, neither doer nor patient; its word
        # stands as the mention's preposition, one no role takes
        if i in toks and (toks[i].lower in self._w("prepositions") or toks[i].lower in self._w("comparison_words")):
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
        others = [m for mi in doc.mentions_in(mention.sentence) if (m := doc.mentions[mi]) is not mention]
        for d in range(i, max(i - 5, -1), -1):
            if d not in toks or d - 1 not in toks or d in verbs \
                    or any(m.token_start <= d < m.token_end for m in others):
                break
            word = toks[d].lower
            if word in determiners:
                return toks[d - 1].lower if toks[d - 1].lower in self._w("prepositions") else None
            if word in stop or not word.replace("-", "").isalpha():
                break
        return None

    def _coordinated(
        self, doc: Document, toks: Mapping[int, Tok], index: int, pool: Sequence[int]
    ) -> list[int]:
        """The mention and those coordinated with it ("India en Turkije", "de VN, Syrië en Turkije")."""
        out = [index]
        links = {",", *self._w("list_conjunctions")}
        fillers = self._w("list_fillers")
        current = doc.mentions[index]
        # "zowel X als Y": the second word of a correlative pair links when its first stands right before the
        # list (perhaps before an article)
        before = [toks[t].lower for t in range(current.token_start - 3, current.token_start) if t in toks]
        links |= {second for pair in self._w("correlative_conjunctions") for first, second in [pair.split()]
                  if first in before}
        # the list's preposition may stand again before each conjunct ("door Duitsland en door Frankrijk")
        prep = before[-1] if before and before[-1] in self._w("prepositions") else None
        for other in sorted(pool, key=lambda k: doc.mentions[k].token_start):
            m = doc.mentions[other]
            if m.token_start < current.token_end or other in out:
                continue
            between = [toks[t].lower for t in range(current.token_end, m.token_start) if t in toks]
            if prep is not None and len(between) > 1 and between[-1] == prep:
                between = between[:-1]
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
            # a quotation that runs on over sentences after its speaker was named tells of others' deeds as
            # often as of the speaker's: as for a borrowed target, the speaker must be named in the sentence or
            # the `_LOOKBACK_SENTENCES` before it
            said = q.speaker.mention
            if said is not None and doc.mentions[said].sentence < sentence - _LOOKBACK_SENTENCES:
                continue
            if q.start <= offset < q.end or (
                q.sentence == sentence and q.kind != "partial" and q.start <= offset <= q.end + 1
            ):
                return q.speaker
        return None

    def _informant_mention(self, doc: Document, toks: Mapping[int, Tok], sentence: int) -> int | None:
        """A mention after an informant preposition ("volgens X", "according to X")."""
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

    def _first_verb(self, match: Match, clause: Clause, toks: Mapping[int, Tok]) -> int | None:
        """The finite verb of the clause as far as words tell: the first auxiliary, else a verb trigger."""
        aux = self._w("finite_auxiliaries")
        determiners = self._w("determiners")
        for i in clause.idx:
            # "Zijn critici verwijten ...": a clause-initial possessive that is also a form of "zijn"
            if i == clause.idx[0] and toks[i].lower in determiners and (match.kind == "noun" or match.anchor > i):
                continue
            if toks[i].lower in aux:
                return min(i, match.anchor) if match.kind != "noun" else i
        return match.anchor if match.kind != "noun" else None

    def _subject(
        self,
        doc: Document,
        match: Match,
        clauses: Sequence[Clause],
        toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool]:
        """The clause subject by position, and whether the subject is a phrase that names no usable actor
        ("Het bondgenootschap bombardeerde ...", an unresolved "hij"): then the coder does not guess. The
        first of these that applies: the antecedent of a relative clause, the subject before an apposition,
        an actor after a quantifier ("niemand in de EU"), the owner of a subject phrase that names no actor,
        the first mention not governed by a preposition."""
        for rule in (self._relative_antecedent, self._inverted_subject, self._subject_before_relative,
                     self._subject_before_insert, self._subject_before_apposition,
                     self._quantified_subject, self._unnamed_subject):
            found = rule(doc, match, clauses, toks, preps)
            if found is not None:
                return found
        free = [mi for mi in clauses[match.clause].mentions if preps.get(mi) is None]
        if free:
            return (free[0], False) if self._usable(doc, free[0]) else (None, True)
        return None, False

    def _relative_antecedent(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """A relative clause takes its antecedent, the first of a list ("Indiase blauwhelmen en Amerikaanse
        soldaten die ..."), when it ends right before the pronoun; after a noun that names no actor, no
        subject the coder may use, also when the clause before names no actor at all ("..., een groep zonder
        stem, die weigeren ...": not the subject of a clause further back)."""
        idx = clauses[match.clause].idx
        if not idx or toks[idx[0]].lower not in self._w("relative_pronouns") or match.clause == 0:
            return None
        prev = [mi for mi in clauses[match.clause - 1].mentions if self._usable(doc, mi)]
        if not prev:
            return None, True
        head = prev[-1]
        # the antecedent stands right before the pronoun (punctuation between): after a noun that names no actor
        # ("een brug die Polen met Litouwen moet verbinden") the subject is that thing, or, in a clause that
        # relates its object ("de brug die Polen bouwt"), no actor the coder can tell apart from it: no guess
        gap = range(doc.mentions[head].token_end, idx[0])
        if any(doc.tokens[i].text.isalnum() for i in gap):
            return None, True
        for mi in reversed(prev[:-1]):
            if head in self._coordinated(doc, toks, mi, prev):
                head = mi
        return head, False

    def _inverted_subject(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """A main clause that opens with its object puts the subject after the finite verb; a nominative
        pronoun right after it is that subject ("Die regering prees zij nooit", "De premier
        heeft zij niet gebeld"): the pronoun's actor (none when it is unresolved), and the actor before the
        verb is left to be the target."""
        clause = clauses[match.clause]
        idx = clause.idx
        verb = self._first_verb(match, clause, toks)
        if not idx or verb is None or verb + 1 not in toks or toks[verb + 1].lower not in self._w(
            "inverted_subject_pronouns"
        ):
            return None
        if toks[idx[0]].lower in self._w("subordinators") | self._w("relative_pronouns"):
            return None  # a subordinate clause puts its subject first
        if not any(doc.mentions[mi].token_start < verb and preps.get(mi) is None for mi in clause.mentions):
            return None  # nothing fronted: the first free mention is the pronoun anyway
        pronoun = next((mi for mi in clause.mentions if doc.mentions[mi].token_start == verb + 1), None)
        return (pronoun, False) if pronoun is not None and self._usable(doc, pronoun) else (None, True)

    def _subject_before_relative(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """A main clause that goes on with its finite verb after a relative clause set off by commas takes the
        antecedent of that relative clause as its subject: "Trump, die eerder China bekritiseerde, bezocht
        Japan" (Trump visits, not China). The relative clause (perhaps parted by more commas) opens with one of
        the `parenthetical_relatives` right after an actor mention, only punctuation between."""
        idx = clauses[match.clause].idx
        if match.kind == "noun" or match.clause < 2 or not idx:
            return None
        verb_first = idx[0] == match.anchor or toks[idx[0]].lower in self._w("finite_auxiliaries")
        relatives = self._w("parenthetical_relatives")
        subordinators = self._w("subordinators")
        openers = subordinators | self._w("coordinators") | self._w("quote_marks")
        if toks[idx[0]].lower in openers:
            return None
        for ci in range(match.clause - 1, max(match.clause - 4, 0), -1):
            first = toks[clauses[ci].idx[0]].lower if clauses[ci].idx else ""
            if first not in relatives:
                if first in openers:
                    return None  # another subordinate or coordinated clause between: not this construction
                continue
            prev = list(clauses[ci - 1].mentions)
            if not prev:
                return None
            head = max(prev, key=lambda mi: doc.mentions[mi].token_end)
            gap = range(doc.mentions[head].token_end, clauses[ci].idx[0])
            if not gap or any(doc.tokens[i].text.isalnum() for i in gap):
                return None  # no comma before the pronoun, or words: not the relative of an actor
            if self._prep_before(doc, toks, doc.mentions[head]) is not None:
                return None  # the antecedent is governed by a preposition: no subject
            for mi in reversed(prev):
                if mi != head and head in self._coordinated(doc, toks, mi, prev):
                    head = mi
            opener = toks[clauses[ci - 1].idx[0]].lower
            if opener in subordinators and opener not in self._w("relative_pronouns"):
                # a subordinate clause that the relative clause interrupts goes on after it ("dat Poetin, die
                # ..., Oekraïne bedreigt", "dat de VS Poetin, die ..., bekritiseren"): its subject stands first
                # after the conjunction
                free = [mi for mi in prev if self._prep_before(doc, toks, doc.mentions[mi]) is None]
                if not free:
                    return None
                head = free[0]
            elif not verb_first:
                return None
            return (head, False) if self._usable(doc, head) else (None, True)
        return None

    def _interrupted_clause(self, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> int | None:
        """The clause a comma-delimited insert interrupts before the trigger's clause goes on: a main clause with
        its finite auxiliary ("Duitsland heeft, net als Frankrijk, Rusland bekritiseerd", "Rusland is, volgens de
        krant, door X ..."), one or two clauses before, when the trigger's clause opens with no conjunction or
        pronoun of its own and holds no finite auxiliary before the trigger (its verb ends the interrupted clause);
        None when there is none."""
        idx = clauses[match.clause].idx if match.clause < len(clauses) else []
        if match.kind == "noun" or match.clause < 2 or not idx:
            return None
        openers = (self._w("subordinators") | self._w("relative_pronouns") | self._w("coordinators")
                   | self._w("quote_marks") | self._w("clause_breaks"))
        auxiliaries = self._w("finite_auxiliaries")
        first = min(match.tokens)
        if toks[idx[0]].lower in openers or any(toks[i].lower in auxiliaries for i in idx if i < first):
            return None
        for k in (match.clause - 2, match.clause - 3):
            if k < 0 or not clauses[k].idx:
                return None
            words = [toks[i].lower for i in clauses[k].idx]
            if words[0] in openers:
                return None
            if any(w in auxiliaries for w in words):
                return k
        return None

    def _subject_before_insert(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """The subject of a clause that a comma-delimited insert interrupts (`_interrupted_clause`): the first
        actor of that clause not governed by a preposition ("Duitsland heeft, net als Frankrijk, Rusland
        bekritiseerd": Germany criticises Russia); none the coder may use when that clause names no actor."""
        k = self._interrupted_clause(match, clauses, toks)
        if k is None:
            return None
        free = [mi for mi in clauses[k].mentions if self._prep_before(doc, toks, doc.mentions[mi]) is None]
        if not free:
            return None, True
        return (free[0], False) if self._usable(doc, free[0]) else (None, True)

    def _subject_before_apposition(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """A verb-initial clause after an apposition takes the subject before it: "De meeste landen, waaronder
        Nederland, erkennen ..."."""
        idx = clauses[match.clause].idx
        subs = self._w("subordinators")
        if not (
            match.kind != "noun"
            and match.clause > 0
            and idx
            and (idx[0] == match.anchor or toks[idx[0]].lower in self._w("finite_auxiliaries"))
            and toks[clauses[match.clause - 1].idx[0]].lower not in subs
            and toks[clauses[match.clause - 1].idx[-1]].lower not in self._w("quote_marks")
        ):
            return None
        for ci in range(match.clause - 1, -1, -1):
            c = clauses[ci]
            for mi in c.mentions:
                if self._usable(doc, mi) and self._prep_before(doc, toks, doc.mentions[mi]) is None:
                    return mi, False
            if toks[c.idx[0]].lower in subs:
                break
        return None

    def _quantified_subject(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """A quantity opening the clause, perhaps after an article, names its subject by the actor after its
        preposition: "niemand in de EU", "velen in Washington", "a group of Moroccan diplomats"."""
        clause = clauses[match.clause]
        idx = clause.idx
        determiners = self._w("determiners")
        for mi in clause.mentions:
            k = doc.mentions[mi].token_start - 2
            if k - 1 >= clause.start and toks[k + 1].lower in determiners:
                k -= 1  # "niemand in de EU": the article outside the mention
            if (
                preps.get(mi) is not None
                and k >= clause.start
                and toks[k].lower in self._w("quantifier_subjects")
                and (k == idx[0] or (k == idx[0] + 1 and toks[idx[0]].lower in determiners))
            ):
                return (mi, False) if self._usable(doc, mi) else (None, True)
        return None

    def _unnamed_subject(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok],
        preps: Mapping[int, str | None],
    ) -> tuple[int | None, bool] | None:
        """A subject noun phrase before the finite verb that names no actor ("Het bondgenootschap"), or after the
        conjunction of a subordinate clause before its object (`_subordinate_subject`): its owner ("van X"), else
        no subject the coder may use."""
        clause = clauses[match.clause]
        idx = clause.idx
        verb = self._first_verb(match, clause, toks)
        subordinate = self._subordinate_subject(doc, clause, toks, preps)
        if subordinate is not None:
            idx, verb = subordinate
        if not (idx and toks[idx[0]].lower in self._w("determiners") and verb is not None and verb > idx[0]):
            return None
        before = [mi for mi in clause.mentions if doc.mentions[mi].token_start < verb]
        words = {toks[i].lower for i in idx if i < verb}
        if verb - idx[0] > 6 or words & self._w("time_nouns") or any(preps.get(mi) is None for mi in before):
            return None
        owners = [
            mi for mi in before if preps.get(mi) in self._w("possessive_prepositions") and self._usable(doc, mi)
        ]
        return (owners[0], False) if owners else (None, True)

    def _subordinate_subject(
        self, doc: Document, clause: Clause, toks: Mapping[int, Tok], preps: Mapping[int, str | None]
    ) -> tuple[list[int], int] | None:
        """A subordinate clause puts its subject right after the conjunction and its verbs at the end ("dat de
        grenswachten de militairen uitleverden"): the words after the conjunction, and the start of the object
        phrase (an article or quantifier before the first actor mention not governed by a preposition), which
        ends the subject phrase; None for a main clause, when that mention follows the conjunction or its
        article at once (it is the subject), or when no article opens it ("de partijleider X": a name)."""
        idx = clause.idx
        if len(idx) < 4 or toks[idx[0]].lower not in self._w("subordinators") \
                or toks[idx[0]].lower in self._w("relative_pronouns"):
            return None
        free = [doc.mentions[mi].token_start for mi in clause.mentions if preps.get(mi) is None]
        if not free or free[0] <= idx[2]:
            return None
        # the object phrase opens with an article or a quantifier of its own ("... enkele soldaten"); a name right
        # after a noun is that noun's name ("zijn voorzitter X"), the subject itself
        dets = self._w("object_determiners")
        start = free[0] - 1 if free[0] - 1 in toks and toks[free[0] - 1].lower in dets else free[0]
        if toks[start].lower not in dets or start <= idx[2]:
            return None
        return idx[1:], start

    @staticmethod
    def _source_kind_ok(doc: Document, src: ActorRef, kinds: frozenset[str]) -> bool:
        """Whether the source is a resolved actor of one of these kinds (a source with no mention, such as a
        state adjective, is a state). A people named by its demonym ("Nederlanders reisden naar Syrië") is
        none of them: it is no state acting."""
        if src.mention is None:
            return "state" in kinds
        mention = doc.mentions[src.mention]
        return mention.actor is not None and mention.actor.kind in kinds and not mention.people

    # ------------------------------------------------------------------ roles from a dependency parse
    def _parse_roles(
        self, doc: Document, sentence: int, match: Match
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
        accused = self._said_of_subject(doc, match)
        source: list[int] | None = None
        target: list[int] = []

        if match.kind == "noun":
            return self._parse_noun_roles(tree, pred, own, default, accused)
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

    def _parse_noun_roles(
        self, tree: _Tree, pred: int, own: set[str], default: frozenset[str], accused: bool
    ) -> tuple[list[int] | None, list[int]]:
        """A nominal trigger in the parse: its owner (a possessive or agent modifier, an actor adjective) is
        the source (or, for an accusation, the target); else the subject of the verb it depends on, with
        that verb's complement as target."""
        possessive = self._w("possessive_prepositions") | self._w("agent_prepositions")
        source: list[int] | None = None
        target: list[int] = []
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

    def _gapped_passive_clause(
        self, doc: Document, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok], passive: bool
    ) -> list[tuple[Side, list[int]]]:
        """Gapping: a coordinated clause that leaves out the verb of the clause before it repeats that verb's
        event with its own participants. Without a parse the coder reads the one form of it whose roles the
        words alone tell: after a passive trigger clause, a clause of only a patient mention, an agent
        preposition and coordinated agents ("De regering wordt gesteund door Turkije, Haftar door Egypte en de
        Emiraten" -> Egypte and de Emiraten act on Haftar). Its mentions then belong to that pair only."""
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

    def _distinct(self, src: ActorRef, tgt: ActorRef, doc: Document | None = None) -> bool:
        """Source and target must be different actors; within one country, different actor codes
        (an opposition acting on its government counts; a government on itself, or on the state it
        governs, does not), or, with the document, two actors of one code that the knowledge base tells
        apart and the text does not name as one ("Klaver hekelt de houding van de VVD": two parties; not
        "PvdA-leider Asscher", "de fractievoorzitter van de SGP"). With the document, a people named by its
        demonym ("Duizenden Venezolanen gingen de straat op tegen Maduro") is not the state its government
        governs."""
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
        if src.country == tgt.country and src.actor == tgt.actor:
            if src.actor_id is None or tgt.actor_id is None:
                return False
            return doc is None or src.mention is None or tgt.mention is None or not self._attached(
                doc, src.mention, tgt.mention
            )
        return True

    def _attached(self, doc: Document, a: int, b: int) -> bool:
        """Whether two mentions name one actor and its body: nothing but punctuation, a possessive
        preposition or a determiner between them ("PvdA-leider Asscher", "Rutte (VVD)", "de voorzitter van
        de SGP")."""
        first, second = sorted((doc.mentions[a], doc.mentions[b]), key=lambda m: m.token_start)
        if first.sentence != second.sentence:
            return False
        glue = self._w("possessive_prepositions") | self._w("determiners")
        between = doc.tokens[first.token_end : second.token_start]
        return all(not t.lower.isalnum() or t.lower in glue for t in between)

    def _find_target(
        self,
        doc: Document,
        match: Match,
        trig: Trigger,
        cands: Sequence[int],
        preps: Mapping[int, str | None],
        src_ids: set[str],
        toks: Mapping[int, Tok],
    ) -> list[int]:
        pool = [mi for mi in cands if not self._ids(doc, [mi]) <= src_ids]
        own = set(trig.target_preps)
        last = max(match.tokens)
        # a phrase that ends in a preposition of place names where, not whom ("een top in X", "een gesprek in X")
        place = toks[last].lower in self._w("locative_prepositions")
        if toks[last].lower in self._w("prepositions") and not place and (
            match.kind == "phrase"
            or any(
                0 < doc.mentions[mi].token_start - last <= 3 and preps[mi] == toks[last].lower for mi in pool
            )
        ):
            own = {toks[last].lower}  # "staan ... achter X", "boos op X"
        for mi in pool:
            if own and preps[mi] in own and doc.mentions[mi].token_start > match.tokens[0]:
                return [mi]
        # "kritiek op de behandeling van China": the owner inside the trigger's own prepositional phrase (not after
        # the trigger's own particle: "riep China op de autonomie van Hongkong te respecteren" calls on China)
        if own:
            for i in sorted(toks):
                if i > match.anchor and i not in match.tokens and toks[i].lower in own:
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
        match: Match,
        clauses: Sequence[Clause],
        toks: Mapping[int, Tok],
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
        adverbial = self._w("adverbial_subordinators")
        for ci in range(match.clause - 1, -1, -1):
            first = next((toks[i].lower for i in clauses[ci].idx if toks[i].lower.isalpha()), None)
            if first in adverbial:
                # the subject of an adverbial clause ("terwijl Brussel toekijkt", "omdat X het eiste") acts
                # there, not in the clause around it
                continue
            for mi in clauses[ci].mentions:
                if self._usable(doc, mi) and self._prep_before(doc, toks, doc.mentions[mi]) is None:
                    return [mi]
        informant = self._informant_mention(doc, toks, sentence) if informants else None
        if informant is not None:
            return [informant]
        return None

    def _object_taken(self, doc: Document, match: Match, clause: Clause, toks: Mapping[int, Tok]) -> bool:
        """Whether the trigger's clause has an object noun phrase that names no actor ("noemde de
        bedreiging onacceptabel", "laten het debat niet kapen"): the patient is a thing, not an actor of
        another clause or sentence."""
        covered = {t for mi in clause.mentions for t in range(doc.mentions[mi].token_start, doc.mentions[mi].token_end)}
        # words inside a phrase's gap belong to the construction ("status een stapje verlaagd")
        skip = covered | set(range(min(match.tokens), max(match.tokens) + 1)) | set(match.licensed_by)
        idx = clause.idx
        possessives = self._w("possessive_determiners")
        dets = self._w("object_determiners") | possessives
        preps = self._w("prepositions")
        if self._bare_object(doc, match, idx, toks, covered):
            return True
        # the first word, after any opening quotation mark, is the subject's place ('"Dit is een ...')
        first = next((pos for pos, i in enumerate(idx) if toks[i].lower.replace("-", "").isalnum()), 0)
        for pos, i in enumerate(idx):
            if pos <= first or i in skip or toks[i].lower not in dets:
                continue
            before = toks[idx[pos - 1]].lower
            if toks[i].lower in possessives and before in self._w("inverted_subject_pronouns"):
                continue  # the verb "zijn" after a subject pronoun ("wij zijn"), not a possessive
            # a preposition that ends a phrase trigger governs the trigger's own object ("tevreden over de
            # uitkomst", "vreest voor de veiligheid van"): a thing there is what the trigger is about
            governs = idx[pos - 1] == max(match.tokens) and match.kind == "phrase"
            if (before in preps and not governs) or before in self._w("subordinators") or before in dets:
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

    def _bare_object(
        self, doc: Document, match: Match, idx: Sequence[int], toks: Mapping[int, Tok], covered: set[int]
    ) -> bool:
        """Whether a phrase trigger that ends in a preposition governs a noun phrase without a determiner that
        names no actor ("heeft lak aan fatsoen en regels", "breekt een lans voor lagere lasten"): what the trigger
        is about is a thing. Not the deed an entry's `with` names there ("sprake van massale fraude": whose fraud is
        still to be found). A word no mention covers opens it, lower-case (a capital may be a name the resolver
        missed), neither a determiner nor one of the `object_pronouns` that stand for an actor ("lak aan hem")."""
        last = max(match.tokens)
        if match.kind != "phrase" or toks[last].lower not in self._w("prepositions") or last + 1 not in idx:
            return False
        nxt = last + 1
        if any(nxt <= i <= nxt + 3 for i in match.licensed_by):
            return False  # the deed the entry names ("sprake van massale fraude"): its doer is to be found
        word = toks[nxt].lower
        # (a preposition, a conjunction or a verb after it: the phrase's words end there and what it is about may
        # follow as a clause, "heeft er lak aan dat ...", "doet er niets aan om ...")
        skip = (
            self._w("determiners") | self._w("object_determiners") | self._w("object_pronouns")
            | self._w("prepositions") | self._w("subordinators") | self._w("coordinators")
            | self._w("infinitive_markers") | self._w("finite_auxiliaries")
        )
        return (nxt not in covered and word.isalpha() and word not in skip
                and not doc.tokens[nxt].text[:1].isupper())

    def _previous_sentence_target(
        self,
        doc: Document,
        sentence: int,
        source: list[int] | ActorRef | None,
        earlier: Mapping[int, Sequence[Event]],
        *,
        author: bool = False,
        answered: frozenset[str] = frozenset(),
    ) -> list[int]:
        """A target from the sentence before: who acted on the source's side there (a reaction), with `author`
        (the clause's object is a deed: "Turkije noemt de maatregel onacceptabel") who did what was coded
        there, who did an event of the `answered` roots there ("Servië wil dat de EU ... . Frankrijk ligt
        dwars"), the target of an event coded there, else the last actor of another country (or a domestic
        counterpart)."""
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
            coded = earlier.get(sentence - back, [])
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
                if (author or event.cameo[:2] in answered) and event.source.mention is not None \
                        and event.source.country not in src_countries:
                    return [event.source.mention]
            for event in coded:
                if event.target.mention is not None and event.target.country not in src_countries:
                    return [event.target.mention]
            for mi in reversed(doc.mentions_in(sentence - back)):
                if other(mi):
                    return [mi]
        return []


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
