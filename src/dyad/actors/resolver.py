"""The knowledge-base actor resolver: fills `Document.mentions`.

Reads tokens and sentences (and names, POS when present) from the language layer; writes one `Mention`
per stretch of text that names an actor, in text order:

- knowledge-base aliases, longest match first ("het Witte Huis", "de Verenigde Staten", "Wang Yi", "VS");
- noun phrases around agent nouns: [det] [premodifiers] [country adjective] agent [portfolio]
  [van COUNTRY] [NAME]: "de Russische president Poetin" is one mention of Putin; "het Russische
  ministerie van Buitenlandse Zaken" is RUSGOV; "de Russische president" alone is the office-holder at the
  publication date; "regering-Biden" is USAGOV;
- coreference: surnames after full names, "hij"/"hem" to the last compatible person, "zijn Chinese
  collega" to the Chinese holder of the antecedent's office, "zijn ambassadeur" to its owner's country;
- ambiguous aliases ("Brussel", "Washington") by context cues, with the confidence written down;
- unknown person names (capitalised runs) as mentions without an actor, so quotes can name speakers.

Every mention carries the rule that produced it and a confidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy

from dyad.actors.index import Alias, AliasIndex, case_matches, get_index
from dyad.actors.kb import KnowledgeBase, Person, load_kb, norm
from dyad.actors.lexicon import AgentNoun, Lexicon, load_lexicon
from dyad.document import Actor, Document, Mention, PartialDate
from dyad.gazetteer import find_places, place_words
from dyad.lang.data import lemma_table, lemma_values, name_particles
from dyad.pipeline import register

#: KB roles that one person holds per country at a time (so "de Russische president" has one answer).
SINGLE_HOLDER_ROLES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
)
#: How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
#: How many sentences back "zij", "ze", "hen" may look for a group or an institution.
GROUP_PRONOUN_WINDOW = 1
MENTION_LOOKBACK = 200
"""Most earlier mentions a pronoun ("hij") or a definite description ("de minister") looks back through
for what it refers to (besides `PRONOUN_WINDOW` for pronouns). A news article's antecedent is a few
mentions back; the bound keeps the search, and so the resolver, linear in the length of an article."""
#: Agents whose nouns take a proper name in apposition ("het weekblad Der Spiegel", "de partij Fidesz").
NAMED_BODY_AGENTS = frozenset({"MED", "PTY"})
#: Agents of state institutions: "de overgangsregering", "de oppositie", "het parlement" with no country
#: named are those of the state the article is about.
STATE_BODY_AGENTS = frozenset({"GOV", "OPP", "LEG", "MIL", "COP", "JUD", "SPY"})
#: Agents that belong to a state even when no state is named ("de politie", "demonstranten", "een
#: woordvoerder"): the state the article is about, or the language's home country (`_article_state`).
#: Rebels, media and international bodies are not assumed to be the article's state; nor are parties ("de
#: partij", "partijen" refer to a party the text names, or to none) and the public ("de kiezers", "burgers").
DOMESTIC_AGENTS = STATE_BODY_AGENTS | frozenset({"BUS", "LAB", "EDU", "HLH", "AGR", "CRM"})
#: How much more often the article's main state must be named than the next one for an inference from it
#: ("Energieminister Luis Motta" in an article about Venezuela); below that the article is about two.
MAIN_STATE_MARGIN = 3.0
#: How many tokens after a domestic agent's noun a place phrase's name may start and still be where the agent is
#: ("de rechtbank in Hamburg", "agenten in de Bronx": a preposition and an article between).
PLACE_AFTER_AGENT = 2
#: UD relations that open a clause of their own (a pronoun there may refer to a person of the main clause).
CLAUSE_RELATIONS = ("acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "list")


@dataclass
class Unit:
    """A word as the resolver sees it: a token, or one part of a hyphenated token."""

    text: str
    key: str  # folded
    start: int
    end: int
    token: int
    joined_to_next: bool = False  # a hyphen joins it to the next unit ("regering-Biden")


@dataclass
class _Hit:
    start: int  # unit range [start, end)
    end: int
    alias: Alias


class _Words:
    """Ordinary words of a language: spaCy's stop words and the forms and lemmas of its lookup lemma table."""

    def __init__(self, table: Mapping[str, str], lemmas: frozenset[str], stop_words: frozenset[str]) -> None:
        self.table = table
        self.lemmas = lemmas
        self.stop_words = stop_words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.lemmas or word in self.table or word in self.stop_words)


@cache
def _common_words(language: str) -> _Words:
    """Ordinary words: a sentence-initial capitalised word that is one ("Denk", "Kok") is not trusted as a
    name alone."""
    stop_words = frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    return _Words(lemma_table(language), lemma_values(language), stop_words)


class KBResolver:
    """`component(doc)`: resolves actor mentions with the knowledge base and the language's agent nouns."""

    def __init__(self, language: str, settings: Mapping[str, Any] | None = None) -> None:
        self.language = language
        self.kb: KnowledgeBase = load_kb()
        self.lex: Lexicon = load_lexicon(language)
        self.index: AliasIndex = get_index(language)
        self.common = _common_words(language)
        self.name_particles = name_particles(language)
        self._compounds: dict[str, AgentNoun | None] = {}  # key -> `lex.compound(key)`
        self._agent_firsts = frozenset(key[0] for key in self.lex.agents if key)  # first words of agents
        settings = settings or {}
        self.unknown_names = bool(settings.get("unknown_names", True))
        # first names of the knowledge base's persons: before a known surname they make another person's
        # full name even where the word also opens sentences ("Ben Timmermans" is not Frans Timmermans)
        self.first_names = frozenset(
            first.lower()
            for p in self.kb.persons.values()
            if len(p.name.split()) > 1
            and len(first := p.name.split()[0]) > 2
            and first.isalpha()
            and first[:1].isupper()
        )

    # ------------------------------------------------------------------ units and lookups

    def _units(self, doc: Document, token_start: int, token_end: int) -> list[Unit]:
        units: list[Unit] = []
        for tok in doc.tokens[token_start:token_end]:
            if (
                tok.text in ("-", "‐")
                and units
                and not doc.tokens[tok.i - 1].whitespace
                and not tok.whitespace
                and tok.i + 1 < token_end
            ):
                units[-1].joined_to_next = True  # "Wit - Rusland" split by the tokenizer: glue it again
                continue
            parts = tok.text.split("-")
            if len(parts) > 1 and all(parts) and any(c.isalpha() for c in tok.text):
                offset = tok.start
                for n, part in enumerate(parts):
                    units.append(
                        Unit(
                            part,
                            norm(part),
                            offset,
                            offset + len(part),
                            tok.i,
                            joined_to_next=n < len(parts) - 1,
                        )
                    )
                    offset += len(part) + 1
            else:
                units.append(Unit(tok.text, norm(tok.text), tok.start, tok.end, tok.i))
        return units

    def _kb_match(self, units: list[Unit], i: int, kinds: frozenset[str] | None = None) -> _Hit | None:
        """Longest knowledge-base alias starting at unit i (with genitive endings stripped last)."""
        if i >= len(units) or units[i].key not in self.index.first and not self._genitive_base(units[i]):
            return None
        for n in range(min(self.index.max_len, len(units) - i), 0, -1):
            window = units[i : i + n]
            keys = [u.key for u in window]
            candidates = [tuple(keys)]
            base = self._genitive_base(window[-1])
            if base:
                candidates.append((*keys[:-1], base))
            for key in candidates:
                for alias in self.index.entries.get(key, ()):
                    if kinds is not None and alias.kind not in kinds:
                        continue
                    if key != candidates[0] and alias.kind not in ("person", "surname", "country"):
                        continue
                    if case_matches(alias, [u.text for u in window]):
                        return _Hit(i, i + n, alias)
        return None

    def _genitive_base(self, unit: Unit) -> str | None:
        if not unit.text[:1].isupper():
            return None
        for suffix in self.lex.genitives:
            if unit.key.endswith(suffix) and len(unit.key) > len(suffix) + 2:
                base = unit.key[: -len(suffix)]
                if (base,) in self.index.entries:
                    return base
        return None

    def _agent_match(self, units: list[Unit], i: int) -> tuple[int, AgentNoun] | None:
        # an agent noun of one or more words starts with one of `_agent_firsts`
        if i < 0 or i >= len(units) or units[i].key in self._agent_firsts:
            for n in range(min(self.lex.agent_max, len(units) - i), 0, -1):
                noun = self.lex.agents.get(tuple(u.key for u in units[i : i + n]))
                if noun is not None:
                    return i + n, noun
        if i < len(units) and units[i].text.isalpha():
            key = units[i].key
            if key in self._compounds:
                noun = self._compounds[key]
            else:
                noun = self.lex.compound(key)  # "energieminister", "regeringstroepen"
                if len(self._compounds) >= 100_000:
                    self._compounds.clear()  # bounded over long corpora
                self._compounds[key] = noun
            if noun is not None:
                return i + 1, noun
        return None

    def _portfolio_match(self, units: list[Unit], i: int) -> tuple[int, str] | None:
        for n in range(min(self.lex.portfolio_max, len(units) - i), 0, -1):
            role = self.lex.portfolios.get(tuple(u.key for u in units[i : i + n]))
            if role is not None:
                return i + n, role
        return None

    # ------------------------------------------------------------------ the component

    def __call__(self, doc: Document) -> None:
        state = _State(doc, self)
        for sent in doc.sentences:
            units = self._units(doc, sent.token_start, sent.token_end)
            state.sentence(sent.index, units)
        state.finish()
        doc.mentions.sort(key=lambda m: (m.start, -m.end))


@dataclass(frozen=True)
class _NounPhraseHead:
    """What `_State._np_head` read before an agent noun: where it ends, a possessive and its owner's gender, the
    state it gives, the first of two listed state adjectives, and where the adjective ended."""

    end: int
    possessive: str | None
    has_poss: bool
    country: str | None
    first: tuple[int, str] | None
    after_adjective: int | None


class _State:
    """Per-document resolution state: mentions so far, names seen, context words."""

    def __init__(self, doc: Document, r: KBResolver) -> None:
        self.doc = doc
        self.r = r
        self.date: PartialDate | None = doc.article.published
        self.seen_persons: dict[str, int] = {}  # person id -> last mention index
        self.unknown: dict[str, int] = {}  # folded surname/full name of an unknown person -> mention index
        self.first_named: list[int] = []  # mentions of unknown persons named with a first name (`finish`)
        self.doc_text = (
            " " + " ".join(norm(part) for t in doc.tokens for part in t.text.split("-") if part) + " "
        )
        self.sent_text = ""
        self.names_by_token: dict[int, str] = {n.token_start: n.label for n in doc.names}
        self._parsed_sentences: dict[int, bool] = {}  # sentence index -> whether the parser ran over it
        # words the article also writes in lower case: capitalised at a sentence start they are ordinary
        # words (a heading fused onto the sentence: "Imperialisme Maduro noemde ..."), not name parts
        self.lower_words = frozenset(
            part for t in doc.tokens for part in t.text.split("-") if part.isalpha() and part.islower()
        )
        # mentions whose state the resolver inferred from the article (`_article_state`), not read in the text,
        # and those that refer back to one: the article's states are counted without them (`_main_state`)
        self.inferred: set[int] = set()
        # domestic agents given the article's state ("de politie", "demonstranten", "het parlement"): (mention,
        # noun, role), given again in `finish` the state of the scene they act in (`_scene`)
        self.scened: list[tuple[int, AgentNoun, str | None]] = []
        self._places: dict[int, list[tuple[int, str]]] = {}  # sentence -> (token, state) of its place phrases

    # ------------------------------------------------------------------ emitting

    def emit(
        self,
        units: list[Unit],
        a: int,
        b: int,
        sent: int,
        actor: Actor | None,
        conf: float,
        rule: str,
        antecedent: int | None = None,
        person: Person | None = None,
    ) -> int:
        m = Mention(
            units[a].start,
            units[b - 1].end,
            units[a].token,
            units[b - 1].token + 1,
            sent,
            actor,
            round(conf, 3),
            rule,
            antecedent,
        )
        self.doc.mentions.append(m)
        idx = len(self.doc.mentions) - 1
        if rule.endswith("article_state") or (antecedent is not None and antecedent in self.inferred):
            self.inferred.add(idx)
        if person is not None:
            self.seen_persons[person.id] = idx
        return idx

    # ------------------------------------------------------------------ one sentence

    def sentence(self, sent: int, units: list[Unit]) -> None:
        r = self.r
        self.sent_text = " " + " ".join(u.key for u in units) + " "
        i = 0
        while i < len(units):
            end = self._noun_phrase(sent, units, i)
            if end > i:
                i = end
                continue
            hit = r._kb_match(units, i)
            if hit is not None and hit.end - hit.start > 1:
                # a longer name starting inside this one wins: "the West Bank" is not "the West" + "Bank"
                inner = r._kb_match(units, i + 1)
                if inner is not None and inner.end > hit.end:
                    i += 1
                    continue
            if hit is not None and self._appositive_prefix(units, hit):
                i = hit.end + 1  # "Navo-bondgenoot Turkije": the state after it is the actor
                continue
            if hit is not None and self._compound_modifier(units, hit):
                i = hit.end + 1  # "Turkije-kenner", "China-beleid": a word about the state, not the state
                continue
            if (
                hit is not None
                and not self._inside_other_name(units, hit)
                and not self._common_at_start(units, hit)
                and (self._emit_hit(sent, units, hit) is not None or hit.alias.kind == "adjective")
            ):
                i = hit.end
                continue
            end = self._org_anaphor(sent, units, i)
            if end > i:
                i = end
                continue
            end = self._pronoun(sent, units, i)
            if end > i:
                i = end
                continue
            end = self._unknown_name(sent, units, i) if r.unknown_names else i
            i = end if end > i else i + 1

    def _compound_modifier(self, units: list[Unit], hit: _Hit) -> bool:
        """A state glued by a hyphen to a lower-case word that is no agent noun: the first part of a compound
        ("Turkije-kenner", "Rusland-deskundige", "China-beleid"), not an actor. Agent nouns ("VN-gezant") are
        noun phrases, handled before. Organisations keep their mention: a "VN-rapport" or an "EU-besluit" is
        the organisation's own."""
        b = hit.end
        return (
            hit.alias.kind in ("country", "seat")
            and units[b - 1].joined_to_next
            and b < len(units)
            and units[b].text[:1].islower()
            and self.r._agent_match(units, b) is None
        )

    def _appositive_prefix(self, units: list[Unit], hit: _Hit) -> bool:
        """An organisation glued to an appositive noun before a state: "Navo-bondgenoot Turkije",
        "EU-lidstaat Hongarije"."""
        b = hit.end
        return (
            hit.alias.kind == "org"
            and units[b - 1].joined_to_next
            and b < len(units)
            and units[b].key in self.r.lex.appositives
            and b + 1 < len(units)
            and units[b + 1].text[:1].isupper()
        )

    def _org_anaphor(self, sent: int, units: list[Unit], i: int) -> int:
        """ "het bondgenootschap", "de alliantie": the organisation of that kind named last before."""
        lex = self.r.lex
        if not lex.org_anaphora or units[i].key not in lex.determiners:
            return i
        j = i + 1
        while j < len(units) and units[j].key in lex.premodifiers:
            j += 1
        if j >= len(units) or units[j].key not in lex.org_anaphora:
            return i
        codes = lex.org_anaphora[units[j].key]
        for idx in range(len(self.doc.mentions) - 1, -1, -1):
            m = self.doc.mentions[idx]
            if m.actor is not None and m.actor.kind == "organisation" and m.actor.country in codes:
                self.emit(units, i, j + 1, sent, m.actor, 0.7, "coref.org_noun", antecedent=idx)
                return j + 1
        return i

    def _at_start(self, units: list[Unit], i: int) -> bool:
        return i == 0 or not any(c.isalnum() for c in units[i - 1].text)

    def _ordinary_opener(self, units: list[Unit], i: int) -> bool:
        """A capitalised ordinary word opening the sentence ("Alsof", "Zowel", a fused heading word the
        article also writes in lower case): never the first word of a name."""
        u = units[i]
        return self._at_start(units, i) and (
            u.key in self.r.common
            or u.key in self.r.lex.determiners
            or u.key in self.r.lex.sentence_openers
            or u.text.lower() in self.lower_words
        )

    def _plain_cap(self, units: list[Unit], i: int) -> bool:
        """A capitalised word that is no alias, agent noun or ordinary sentence-initial word: a name part."""
        if i < 0 or i >= len(units):
            return False
        u = units[i]
        if not (u.text[:1].isupper() and u.text.isalpha()) or u.key in self.r.lex.determiners:
            return False
        if self._ordinary_opener(units, i):
            return False
        return self.r._kb_match(units, i) is None and self.r._agent_match(units, i) is None

    def _common_at_start(self, units: list[Unit], hit: _Hit) -> bool:
        """A one-word alias that opens the sentence and is an ordinary word ("Denk eens ..."). Country,
        organisation and capital names are names even where they are also ordinary words ("China said",
        "Turkey", "Berlin rejected": a "berlin" is also a carriage)."""
        u = units[hit.start]
        return (
            hit.alias.kind not in ("country", "org", "seat")
            and hit.end - hit.start == 1
            and self._at_start(units, hit.start)
            and not u.text.isupper()
            and u.key in self.r.common
            and not self._surname_in_office(units, hit)
        )

    def _surname_in_office(self, units: list[Unit], hit: _Hit) -> bool:
        """Whether the hit is the surname of someone in a listed office at the article's date: then it is that
        person even where it is also an ordinary word or a lemma the lookup table lists ("Merkel zei",
        "Blok reageerde" in 2019), but not a former office holder's ("Kok", "Park")."""
        if hit.alias.kind != "surname":
            return False
        return any(p.term_at(self.date)[1] > 0 for p in self._surname_persons(units, hit))

    def _own_first_names(self, units: list[Unit], hit: _Hit) -> set[str]:
        """The first names (folded) of the persons a surname hit may be."""
        return {norm(p.name.split()[0]) for p in self._surname_persons(units, hit)}

    def _surname_persons(self, units: list[Unit], hit: _Hit) -> list[Person]:
        """Every person whose surname the hit's words are (the hit's own alias when the index has none)."""
        key = tuple(u.key for u in units[hit.start : hit.end])
        aliases = [a for a in self.r.index.entries.get(key, ()) if a.kind == "surname"] or [hit.alias]
        return [self.r.kb.persons[a.ref] for a in aliases if a.ref in self.r.kb.persons]

    def _inside_other_name(self, units: list[Unit], hit: _Hit) -> bool:
        """A place or country alias inside another name: after or before an unknown capitalised word
        ("Real Madrid", "Santiago Bernabéu", "Singapore Airlines"), in "Hoek van Holland", or glued by a
        hyphen to another name ("Parijs-Brest")."""
        kind = hit.alias.kind
        if kind not in ("seat", "country", "ambiguous", "surname"):
            return False
        a, b = hit.start, hit.end
        if kind == "surname":
            if a > 0 and units[a - 1].key in self._own_first_names(units, hit):
                return False  # "Recep Erdogan": the person's own first name, in a spelling the aliases lack
            # "Ben Timmermans", "de Maas", "Fidan Ekiz": another person, or not a person; a determiner that also
            # opens a clause is a relative pronoun or a conjunction there ("de man die Erdogan beledigde")
            lex = self.r.lex
            return (
                (self._plain_cap(units, a - 1) and not self._titled(units, hit))
                or (a > 0 and units[a - 1].key in lex.determiners and units[a - 1].key not in lex.clause_openers)
                or (a > 0 and units[a - 1].text[:1].isupper() and units[a - 1].key in self.r.first_names)
                or self._plain_cap(units, b)
            )
        if self._plain_cap(units, a - 1) or self._plain_cap(units, b):
            return True
        if units[b - 1].joined_to_next or (
            a > 0 and units[a - 1].joined_to_next and units[a - 1].text[:1].isupper()
        ):
            return kind == "seat"
        return (
            a >= 2
            and units[a - 1].key in self.r.lex.name_linkers
            and units[a - 2].text[:1].isupper()
            and not self._at_start(units, a - 2)
            and self.r._agent_match(units, a - 2) is None
            and self.r._kb_match(units, a - 2) is None
        )

    def _titled(self, units: list[Unit], hit: _Hit) -> bool:
        """A surname hit after a title word of a capitalised run (`_title_before_surname`)."""
        a = hit.start
        while a > 0 and self._is_cap(units[a - 1]):
            a -= 1
        return a < hit.start and self._title_before_surname(units, a, hit.end) == hit.start

    # ------------------------------------------------------------------ KB hits

    def _emit_hit(self, sent: int, units: list[Unit], hit: _Hit) -> int | None:
        kb, alias = self.r.kb, hit.alias
        kind = alias.kind
        if kind == "country":
            return self.emit(
                units, hit.start, hit.end, sent, kb.countries[alias.ref].actor(), 0.95, "kb.country"
            )
        if kind == "seat":
            c = kb.countries[alias.ref]
            if hit.start > 0 and units[hit.start - 1].key in self.r.lex.locatives:
                return self.emit(units, hit.start, hit.end, sent, c.actor(), 0.6, "kb.seat.locative")
            return self.emit(units, hit.start, hit.end, sent, c.government(), 0.9, "kb.seat")
        if kind == "demonym":
            idx = self.emit(units, hit.start, hit.end, sent, kb.countries[alias.ref].actor(), 0.8, "kb.demonym")
            self.doc.mentions[idx].people = True
            return idx
        if kind == "org":
            return self.emit(
                units, hit.start, hit.end, sent, kb.organisations[alias.ref].actor(), 0.95, "kb.org"
            )
        if kind == "body":
            return self.emit(units, hit.start, hit.end, sent, kb.bodies[alias.ref].actor(), 0.9, "kb.body")
        if kind == "ambiguous":
            actor, conf, rule = self._disambiguate(alias.ref)
            if (
                actor.kind == "government"
                and actor.country in kb.countries
                and hit.start > 0
                and units[hit.start - 1].key in self.r.lex.locatives
            ):
                return self.emit(
                    units,
                    hit.start,
                    hit.end,
                    sent,
                    kb.countries[actor.country].actor(),
                    0.6,
                    "kb.seat.locative",
                )
            return self.emit(units, hit.start, hit.end, sent, actor, conf, rule)
        if kind == "person":
            if alias.ref not in self.seen_persons and any(
                p.id in self.seen_persons for p in self._surname_persons(units, hit) if p.id != alias.ref
            ):
                # "premier Édouard Philippe ... Philippe": the surname of the person the article named, not
                # another person known by that one name (the Belgian king)
                return self._surname(sent, units, hit)
            p = kb.persons[alias.ref]
            actor, conf = p.actor(self.date)
            return self.emit(units, hit.start, hit.end, sent, actor, conf, "kb.person", person=p)
        if kind == "surname":
            return self._surname(sent, units, hit)
        return None  # adjectives alone are not mentions

    def _surname(self, sent: int, units: list[Unit], hit: _Hit) -> int | None:
        key = tuple(u.key for u in units[hit.start : hit.end])
        persons = self._surname_persons(units, hit)
        seen = [p for p in persons if p.id in self.seen_persons]
        if seen:
            p = max(seen, key=lambda x: self.seen_persons[x.id])
            actor, conf = p.actor(self.date)
            return self.emit(
                units,
                hit.start,
                hit.end,
                sent,
                actor,
                min(conf, 0.95),
                "coref.surname",
                antecedent=self.seen_persons[p.id],
                person=p,
            )
        surname = " ".join(key)
        if surname in self.unknown:  # an unknown person of that name came first
            return None
        if (len(key) == 1 and surname in self.r.common and self._at_start(units, hit.start)
                and not self._surname_in_office(units, hit)):
            return None  # an ordinary word opening the sentence ("Kok", "Park"): not alone
        active = [(p, p.term_at(self.date)[1]) for p in persons]
        active = [x for x in active if x[1] > 0]
        if len(active) == 1:
            p = active[0][0]
            actor, conf = p.actor(self.date)
            return self.emit(units, hit.start, hit.end, sent, actor, conf * 0.9, "kb.surname", person=p)
        # A surname alone of someone out of office is not trusted (many surnames are also first names or
        # other people's names: "Martin", "Johnson"); the full name must come first.
        if active:
            p = max(active, key=lambda x: x[1])[0]
            actor, _ = p.actor(self.date)
            return self.emit(units, hit.start, hit.end, sent, actor, 0.5, "kb.surname.ambiguous", person=p)
        return None

    def _disambiguate(self, key: str) -> tuple[Actor, float, str]:
        amb = self.r.kb.ambiguous[key]
        scores = []
        for ref, actor, cues in amb.options:
            s = sum(2 * self.sent_text.count(f" {c} ") + self.doc_text.count(f" {c} ") for c in cues)
            scores.append((s, ref == amb.default, ref, actor))
        scores.sort(key=lambda x: (x[0], x[1]), reverse=True)
        best, second = scores[0], scores[1] if len(scores) > 1 else (0, False, "", None)
        if best[0] == 0:
            return best[3], 0.6, "ambiguity.default"
        margin = (best[0] - second[0]) / (best[0] + second[0])
        return best[3], round(0.6 + 0.35 * margin, 3), "ambiguity.context"

    # ------------------------------------------------------------------ noun phrases

    def _noun_phrase(self, sent: int, units: list[Unit], i: int) -> int:
        """[det|poss] [premod]* [ADJ] [premod]* AGENT [portfolio] [linker X] [,] [NAME]; returns the end
        unit of what was consumed (i when nothing)."""
        r, lex = self.r, self.r.lex
        head = self._np_head(units, i)
        body_end = self._np_body(sent, units, i, head)
        if body_end is not None:
            return body_end
        j, country, first = head.end, head.country, head.first
        possessive, has_poss = head.possessive, head.has_poss
        counterpart = j < len(units) and units[j].key in lex.counterparts
        agent = None if counterpart else r._agent_match(units, j)
        if agent is None and not counterpart:
            return i
        if counterpart:
            j += 1
            noun: AgentNoun | None = None
        else:
            assert agent is not None
            j, noun = agent
        role = noun.role if noun else None
        if noun is not None and noun.role == "minister":
            pf = r._portfolio_match(units, j)
            if pf is not None:
                j, role = pf
        # "de president van Venezuela", "de ambassadeur bij de EU"
        linked: str | None = None
        # (not "zijn ambassadeur in Caracas": an owned agent posted abroad is its owner's; the state it is posted
        # to stays a mention of its own)
        posted = has_poss and role in lex.posted_roles
        if j < len(units) and units[j].key in lex.linkers and not (posted and units[j].key in lex.posting_linkers):
            k = j + 1
            if k < len(units) and units[k].key in lex.determiners:
                k += 1
            tgt = r._kb_match(units, k, frozenset({"country", "org", "seat"}))
            if tgt is not None and country is None:
                linked, j = tgt.alias.ref, tgt.end
        # A name right after (optionally after a comma): the phrase is that person.
        k = j + 1 if j < len(units) and units[j].text == "," and country is not None else j
        name_hit = r._kb_match(units, k, frozenset({"person", "surname"})) if k < len(units) else None
        if name_hit is not None and name_hit.alias.kind == "surname" and self._plain_cap(units, name_hit.end):
            name_hit = None  # "General Michel Aoun": a first name that is someone's surname, not that person
        joined = j > 0 and units[j - 1].joined_to_next  # "regering-Biden"
        start = i
        # "zei dat president Trump ...": a title and a name take no demonstrative; "dat" opens the clause there
        if i + 1 < len(units) and units[i].key in lex.clause_openers and units[i].key in lex.determiners and (
                (name_hit is not None and name_hit.start == i + 2) or (k == i + 2 and self._name_run(units, k) > k)):
            start = i + 1
        if name_hit is not None:
            p = self._titled_person(units, name_hit, country or linked)
            if noun is not None and noun.kind == "body" and joined:
                body_actor = self._country_actor(p.country, noun, None)
                if body_actor is not None:
                    self.emit(units, start, name_hit.end, sent, body_actor, 0.9, "np.body_of_person")
                    return name_hit.end
            if noun is not None and noun.kind == "body":
                # "de regering Rutte": the body with the person after it is still the body
                return (
                    i
                    if country is None and linked is None
                    else self._emit_np(
                        sent, units, start, j, country or linked, noun, role, possessive, has_poss
                    )
                )
            actor, conf = p.actor(self.date)
            want = country or linked
            if want is not None and actor.country != want and p.country != want:
                conf *= 0.6  # the title says another country than the knowledge base
            self.emit(units, start, name_hit.end, sent, actor, conf, "np.title_person", person=p)
            return name_hit.end
        name_end = self._name_run(units, k) if noun is not None and noun.kind == "role" else k
        if name_end > k:
            named = self._country_actor(country or linked, noun, role)
            conf, rule = 0.8, "np.title_name"
            key = " ".join(u.key for u in units[k:name_end])
            if key in self.unknown:
                named = named or self.doc.mentions[self.unknown[key]].actor
            if named is None and country is None and linked is None:
                # "Energieminister Luis Motta": an official of the state the article is about, when that
                # state is clear; an inference from context, so a low confidence
                named = self._country_actor(self._article_state(), noun, role)
                conf, rule = 0.5, "np.title_name.article_state"
            idx = self.emit(
                units, start, name_end, sent, named, conf if named else 0.5, rule if named else "np.title_name"
            )
            self._remember_unknown(units, k, name_end, idx)
            return name_end
        if noun is not None and noun.kind == "body" and noun.code in NAMED_BODY_AGENTS and k == j:
            body_end = self._name_run(units, k)
            if body_end > k:  # "het Duitse weekblad Der Spiegel": the name of the body, not a person
                named = self._country_actor(country or linked, noun, role)
                self.emit(units, start, body_end, sent, named, 0.8 if named else 0.5, "np.body_name")
                return body_end
        if counterpart:
            return self._counterpart(sent, units, start, j, country)
        if first is not None and noun is not None:
            # each state gets its own mention with the shared noun: two actors, listed ("en")
            first_actor = self._country_actor(first[1], noun, role)
            if first_actor is not None:
                self.emit(units, start, first[0], sent, first_actor, 0.8, "np.coordinated_adjective")
                start = first[0] + 1
        return self._emit_np(sent, units, start, j, country or linked, noun, role, possessive, has_poss)

    def _np_head(self, units: list[Unit], i: int) -> _NounPhraseHead:
        """What stands before a noun phrase's agent noun from unit i: a determiner or possessive, "onze", the
        premodifiers, a place attribute, one or two state adjectives ("Russische en Chinese") or a state glued on
        by a hyphen ("VN-gezant"), and the state they give."""
        r, lex = self.r, self.r.lex
        j = i
        possessive: str | None = None
        has_poss = False
        if j < len(units) and units[j].key in lex.possessives and self._possessive_ok(units, j):
            possessive, has_poss = lex.possessives[units[j].key], True
            j += 1
        elif j < len(units) and units[j].key in lex.determiners:
            j += 1
        home = lex.home_country if j < len(units) and units[j].key in lex.home_possessives else None
        if home is not None:
            j += 1  # "onze regering", "ons kabinet": the state of the paper and its readers
        while j < len(units) and units[j].key in lex.premodifiers:
            j += 1
        country: str | None = home
        placed = self._placed_attribute(units, j) if j > i else None
        if placed is not None:
            country, j = placed
            while j < len(units) and units[j].key in lex.premodifiers:
                j += 1
        adj = r._kb_match(units, j, frozenset({"adjective"})) if placed is None else None
        first: tuple[int, str] | None = None  # "Russische en Chinese diplomaten": (end, state) of the first
        after_adjective: int | None = None
        if adj is not None:
            country = adj.alias.ref
            j = after_adjective = adj.end
            if j + 1 < len(units) and units[j].key in lex.adjective_links:
                second = r._kb_match(units, j + 1, frozenset({"adjective"}))
                if second is not None and second.alias.ref != country:
                    first, country, j = (adj.end, country), second.alias.ref, second.end
            while j < len(units) and units[j].key in lex.premodifiers:
                j += 1
        if adj is None:
            prefix = self._hyphen_prefix(units, j)
            if prefix is not None:  # "VN-gezant Ghassan Salame", "EU-diplomaten": the owner glued on
                country, j = prefix
        return _NounPhraseHead(j, possessive, has_poss, country, first, after_adjective)

    def _np_body(self, sent: int, units: list[Unit], i: int, head: _NounPhraseHead) -> int | None:
        """A body of the state the head gives, named after it ("het Italiaanse Openbaar Ministerie", "de Spaanse
        Hoge Raad"): emitted from unit i, and its end; None when there is none."""
        r = self.r
        if head.country is None:
            return None
        body = r._kb_match(units, head.end, frozenset({"body"}))
        if head.after_adjective is not None and head.after_adjective != head.end:
            # "de Spaanse Hoge Raad": a body name that starts with a premodifier word
            body = r._kb_match(units, head.after_adjective, frozenset({"body"})) or body
        if body is None:
            return None
        # that country's body of that kind
        b = r.kb.bodies[body.alias.ref]
        if b.country == head.country:
            self.emit(units, i, body.end, sent, b.actor(), 0.9, "np.body")
        else:
            actor = r.kb.countries[head.country].government(b.agent, b.name)
            self.emit(units, i, body.end, sent, actor, 0.75, "np.adjective_body")
        return body.end

    def _placed_attribute(self, units: list[Unit], j: int) -> tuple[str, int] | None:
        """"in Tripoli gevestigde" between the determiner and the agent noun: the place's state and the unit
        after the participle (None unless an agent noun follows)."""
        r, lex = self.r, self.r.lex
        if j >= len(units) or units[j].key not in lex.placed_prepositions:
            return None
        place = r._kb_match(units, j + 1, frozenset({"country", "seat"}))
        if place is None or place.end >= len(units) or units[place.end].key not in lex.placed_participles:
            return None
        after = place.end + 1
        while after < len(units) and units[after].key in lex.premodifiers:
            after += 1
        if r._agent_match(units, after) is None:
            return None
        return place.alias.ref, place.end + 1

    def _titled_person(self, units: list[Unit], hit: _Hit, country: str | None) -> Person:
        """The person a title's name means: for a surname that several people share ("president al-Bashir"),
        the one in office at the article's date, then the one of the title's state."""
        kb = self.r.kb
        if hit.alias.kind != "surname":
            return kb.persons[hit.alias.ref]
        key = tuple(u.key for u in units[hit.start : hit.end])
        persons = [kb.persons[a.ref] for a in self.r.index.entries.get(key, ()) if a.kind == "surname"]
        if len(persons) <= 1:
            return kb.persons[hit.alias.ref]
        return max(persons, key=lambda p: (p.term_at(self.date)[1] > 0, country is not None and p.country == country))

    def _hyphen_prefix(self, units: list[Unit], j: int) -> tuple[str, int] | None:
        """A state, organisation or national body glued by a hyphen to an agent noun ("VN-gezant",
        "EU-ambassadeur", "SP-Kamerlid", "PvdA-leider"): its code (a body's: its state's) and the unit after
        it. The phrase is then one actor, the agent, not the body beside a person on the same word.
        Appositives ("Navo-bondgenoot Turkije") are the state after them."""
        r = self.r
        hit = r._kb_match(units, j, frozenset({"org", "country", "body"}))
        if hit is None or not units[hit.end - 1].joined_to_next or hit.end >= len(units):
            return None
        if units[hit.end].key in r.lex.appositives or r._agent_match(units, hit.end) is None:
            return None
        if hit.alias.kind == "body":
            return r.kb.bodies[hit.alias.ref].country, hit.end
        return hit.alias.ref, hit.end

    def _possessive_ok(self, units: list[Unit], j: int) -> bool:
        """Dutch "zijn" is also the verb "to be": read it as a possessive only before a noun phrase that
        names an agent ("zijn ambassadeur", "zijn Chinese collega"), or when the tagger says so."""
        tok = self.doc.tokens[units[j].token]
        if tok.pos:
            return tok.pos in ("DET", "PRON")
        return True

    def _emit_np(
        self,
        sent: int,
        units: list[Unit],
        start: int,
        end: int,
        country: str | None,
        noun: AgentNoun | None,
        role: str | None,
        possessive: str | None,
        has_poss: bool,
    ) -> int:
        if noun is None:
            return start
        if country is None and has_poss:
            owner = self._owner(sent)
            if owner is None or owner.actor is None or owner.actor.country is None:
                return start
            actor = self._country_actor(owner.actor.country, noun, role)
            if actor is None:
                return start
            self.emit(
                units,
                start,
                end,
                sent,
                actor,
                0.7,
                "coref.possessive",
                antecedent=self.doc.mentions.index(owner),
            )
            return end
        if country is None:
            # "de minister" refers back; a bare or indefinite one ("een Europese leider") does not
            definite = self._definite(noun, role) if units[start].key in self.r.lex.definite else None
            if definite is None:
                return self._definite_in_article(sent, units, start, end, noun, role)
            idx, m = definite
            self.emit(units, start, end, sent, m.actor, 0.7, "coref.definite", antecedent=idx)
            return end
        if role in SINGLE_HOLDER_ROLES and noun.kind == "role":
            holders = self.r.kb.holders(country, role, self.date)
            if holders:
                p, share = holders[0]
                actor, _ = p.actor(self.date)
                conf = 0.85 * share if len(holders) == 1 else 0.5
                self.emit(units, start, end, sent, actor, conf, "np.role_at_date", person=p)
                return end
        actor = self._country_actor(country, noun, role)
        if actor is None:
            return start
        named = self._apposed_unknown(units, start)
        idx = self.emit(units, start, end, sent, actor, 0.85, "np.country_agent", antecedent=named)
        if named is not None:
            self._name_by_apposition(named, idx)
        return end

    def _apposed_unknown(self, units: list[Unit], start: int) -> int | None:
        """The mention of a person the knowledge base does not know whose apposition starts at unit `start`
        ("Jan Pieters, een Belgische diplomaat, ..."): the unknown name right before the comma."""
        if start < 2 or units[start - 1].text != "," or not self.doc.mentions:
            return None
        idx = len(self.doc.mentions) - 1
        m = self.doc.mentions[idx]
        if m.rule != "name.unknown" or m.actor is not None or m.token_end != units[start - 1].token:
            return None
        return idx

    def _name_by_apposition(self, named: int, apposition: int) -> None:
        """The unknown person takes the state and sector of the agent its apposition names: one person,
        coded as the agent ("een Belgische diplomaat": BELGOV)."""
        m, agent = self.doc.mentions[named], self.doc.mentions[apposition].actor
        if agent is None or agent.country is None:
            return
        m.actor = _unknown_person_actor(self.doc.text[m.start : m.end], agent.country, agent.code, agent.role)
        m.rule = "name.apposition"

    def _definite_in_article(
        self, sent: int, units: list[Unit], start: int, end: int, noun: AgentNoun, role: str | None
    ) -> int:
        """An agent with no state named: "de premier", "de president" with no holder of that office named
        before is the holder for the state the article has named most so far (confidence 0.5: an inference
        from context). A domestic agent ("de overgangsregering", "de oppositie", "het parlement", "de
        politie", "demonstranten", "een woordvoerder") is that of the state the article is about, or of the
        language's home country while the article has named no other state (`_article_state`)."""
        lex = self.r.lex
        if units[start].key in lex.clause_openers and units[start].key in lex.determiners:
            return start  # "milities die militair ...": a relative pronoun, not a determiner
        if noun.kind == "portfolio_body":
            return self._department(sent, units, start, end, noun)
        if noun.code in lex.antecedent_agents and noun.kind == "body":
            return self._body_antecedent(sent, units, start, end, noun)
        if noun.code not in DOMESTIC_AGENTS or self._owned_after(units, end) or not self._nominal(units[end - 1]):
            return start
        if units[start].key in lex.determiners and units[start].key not in lex.definite:
            return start  # "een vredesmacht", "een woordvoerder": some agent, not one the article is about
        if units[start].key not in lex.determiners and not self._plural(units[end - 1]):
            return start  # a bare singular is no noun phrase of its own ("die militair worden getraind")
        if noun.kind == "body":
            if self._plural_of_body(units[end - 1]):
                return start  # "regeringen", "parlementen": the bodies of several states
            actor = self._country_actor(self._article_state(), noun, None)
            if actor is None:
                return start
            idx = self.emit(units, start, end, sent, actor, 0.5, "coref.definite_article_state")
            self.scened.append((idx, noun, None))
            return end
        single = (
            role in SINGLE_HOLDER_ROLES
            and units[start].key in lex.definite
            and end - start == 2  # "de voormalige president", "de zelfbenoemde president": someone else
            and not self._plural(units[end - 1])
        )
        if single:
            state = self._main_state()
            holders = self.r.kb.holders(state, role, self.date) if state is not None and role else []
            if len(holders) == 1:
                p, _share = holders[0]
                actor, _ = p.actor(self.date)
                self.emit(units, start, end, sent, actor, 0.5, "coref.definite_article_state", person=p)
                return end
        if noun.code not in STATE_BODY_AGENTS:
            return start  # "de directeur", "de hoogleraar" with no name: of what, the text does not say
        if any(u.key in lex.former for u in units[max(0, start - 1) : end - 1]):
            return start  # "de voormalige minister", "oud-minister": no longer the state's
        actor = self._country_actor(self._article_state(), noun, role)
        if actor is None:
            return start
        idx = self.emit(units, start, end, sent, actor, 0.4, "coref.role_article_state")
        self.scened.append((idx, noun, role))
        return end

    def _department(self, sent: int, units: list[Unit], start: int, end: int, noun: AgentNoun) -> int:
        """A ministry named by its portfolio alone and capitalised ("Defensie eist ...", "bij Justitie"): that
        ministry of the state the article is about (`_article_state`). Not after an agent noun and a linker,
        where it names the portfolio of an office ("de staatssecretaris van Justitie"), nor in lower case
        ("de defensie van het land")."""
        lex = self.r.lex
        if units[start].key in lex.determiners or not units[start].text[:1].isupper():
            return start
        if start > 1 and units[start - 1].key in lex.linkers and self.r._agent_match(units, start - 2) is not None:
            return start
        actor = self._country_actor(self._article_state(), noun, noun.surface)
        if actor is None:
            return start
        self.emit(units, start, end, sent, actor, 0.5, "coref.department_article_state")
        return end

    def _body_antecedent(self, sent: int, units: list[Unit], start: int, end: int, noun: AgentNoun) -> int:
        """ "de partij", "de fractie" with no name: the nearest body of that agent named before (its party), or
        the party of the nearest person of that agent ("Baudet ... de partij": his party, of his state); one
        named more than `PRONOUN_WINDOW` sentences back only when of the article's main state. Definite and
        singular only: "partijen" are several, "een partij" any."""
        lex = self.r.lex
        if units[start].key not in lex.definite or self._plural(units[end - 1]) or self._owned_after(units, end):
            return start
        last = len(self.doc.mentions) - 1
        main = self._main_state()
        for idx in range(last, max(-1, last - MENTION_LOOKBACK), -1):
            m = self.doc.mentions[idx]
            a = m.actor
            if a is None or not a.country or a.code != f"{a.country}{noun.code}":
                continue
            if sent - m.sentence > PRONOUN_WINDOW and a.country != main:
                return start  # a party named long ago of a state the article is no longer about
            actor = a if a.kind != "person" else self._country_actor(a.country, noun, None)
            if actor is None:
                return start
            self.emit(units, start, end, sent, actor, 0.6, "coref.body_antecedent", antecedent=idx)
            return end
        return start

    def _article_state(self, stated: bool = False) -> str | None:
        """The state of an agent the text gives no state: the article's main state when it is clearly about
        one (`_main_state(strict=True)`), else the language's home country while no other state leads. With
        `stated`, the states the text names alone are counted, not those the resolver inferred."""
        state = self._main_state(strict=True, stated=stated)
        home = self.r.lex.home_country
        if state is None and home is not None and self._main_state(stated=stated) in (None, home):
            state = home
        return state

    def _nominal(self, unit: Unit) -> bool:
        """Whether the tagger (when it ran) reads the word as a noun: "die militair worden getraind" is an
        adverb, not a soldier."""
        pos = self.doc.tokens[unit.token].pos
        return not pos or pos in ("NOUN", "PROPN")

    def _owned_after(self, units: list[Unit], end: int) -> bool:
        """ "een woordvoerder van de stichting", "de advocaat van X": the agent belongs to what follows the
        linker, which names no state (a state after it was read as the agent's country before). Not a place
        phrase ("de rechtbank in Hamburg"): that says where the agent is (`_scene`)."""
        return end < len(units) and units[end].key in self.r.lex.linkers and not self._place_at(units, end)

    def _place_at(self, units: list[Unit], j: int) -> bool:
        """Whether unit j opens a place phrase that the gazetteer knows: a place preposition, an optional
        article, a place name ("in Hamburg", "in de Bronx")."""
        if units[j].key not in place_words(self.r.language).prepositions:
            return False
        stop = units[min(len(units), j + 7) - 1].end
        text = self.doc.text[units[j].start : stop]
        found = find_places(text, self.r.language)
        return bool(found) and len(text[: found[0].start].split()) <= 2

    def _plural_of_body(self, unit: Unit) -> bool:
        """The plural of a body a state has one of ("regeringen" of "regering"): several states' bodies.
        Plurals of groups ("demonstranten", "agenten", "vakbonden") are one state's."""
        lemma = self.r.common.table.get(unit.key)
        return isinstance(lemma, str) and lemma != unit.key and lemma in self.r.lex.one_per_state

    def _plural(self, unit: Unit) -> bool:
        """A noun whose lemma differs from its form ("regeringsleiders" -> "regeringsleider")."""
        key = unit.key
        lemma = self.r.common.table.get(key)
        if isinstance(lemma, str) and lemma != key and key.startswith(lemma[:-1]):
            return True
        agents = self.r.lex.agents
        return any(key.endswith(e) and (key[: -len(e)],) in agents for e in self.r.lex.plural_endings)

    def _main_state(self, strict: bool = False, stated: bool = False) -> str | None:
        """The state named most often in the article so far (ties: the one named last); with `strict`,
        only when it is named at least twice and MAIN_STATE_MARGIN times as often as any other."""
        counts: dict[str, tuple[int, int]] = {}
        for idx, m in enumerate(self.doc.mentions):
            if stated and idx in self.inferred:
                continue  # a state the resolver gave, not one the text names
            c = m.actor.country if m.actor else None
            # a people named by its demonym ("zes Polen smokkelden ...") is named for being foreign where it is
            if c is not None and c in self.r.kb.countries and not m.people:
                counts[c] = (counts.get(c, (0, 0))[0] + 1, idx)
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
        if strict:
            second = ranked[1][1][0] if len(ranked) > 1 else 0
            if ranked[0][1][0] < 2 or ranked[0][1][0] < MAIN_STATE_MARGIN * second:
                return None
        return ranked[0][0]

    def _country_actor(self, ref: str | None, noun: AgentNoun | None, role: str | None) -> Actor | None:
        if ref is None:
            return None
        kb = self.r.kb
        code = noun.code if noun is not None else "GOV"
        label = (role or (noun.surface if noun else "")).replace("_", " ") or None
        if ref in kb.countries:
            base = kb.countries[ref].government(code, label)
            return base
        if ref in kb.organisations:
            o = kb.organisations[ref].actor()
            return Actor(o.id, o.name, o.code, o.country, label, "organisation")
        return None

    def _counterpart(self, sent: int, units: list[Unit], start: int, end: int, country: str | None) -> int:
        """ "zijn Chinese collega": the holder of the antecedent's office in the named country."""
        ante = self._last_person(sent, None)
        if country is None or ante is None:
            return start
        idx, m = ante
        role_label = m.actor.role if m.actor else None
        role = role_label.replace(" ", "_") if role_label else None
        if role in SINGLE_HOLDER_ROLES:
            holders = self.r.kb.holders(country, role, self.date)
            if holders:
                p, share = holders[0]
                actor, _ = p.actor(self.date)
                self.emit(
                    units, start, end, sent, actor, 0.8 * share, "coref.counterpart", antecedent=idx, person=p
                )
                return end
        if country not in self.r.kb.countries:
            return start
        gov = self.r.kb.countries[country].government("GOV", role_label)
        self.emit(units, start, end, sent, gov, 0.7, "coref.counterpart_country", antecedent=idx)
        return end

    def _owner(self, sent: int) -> Mention | None:
        """The owner of "zijn/haar ...": the last actor mention in the sentence, else the last person."""
        for m in reversed(self.doc.mentions):
            if m.sentence < sent:
                break  # mentions come in sentence order: none of this sentence is further back
            if m.sentence == sent and m.actor is not None:
                return m
        last = self._last_person(sent, None)
        return last[1] if last else None

    def _definite(self, noun: AgentNoun, role: str | None) -> tuple[int, Mention] | None:
        """ "de minister" after "de Russische minister Lavrov": the last person in that office."""
        if noun.kind != "role" or role is None or self.doc.mentions == []:
            return None
        last = len(self.doc.mentions) - 1
        for idx in range(last, max(-1, last - MENTION_LOOKBACK), -1):
            m = self.doc.mentions[idx]
            if m.actor is not None and m.actor.kind == "person" and m.actor.role == role.replace("_", " "):
                return idx, m
        return None

    def _last_person(self, sent: int, gender: str | None) -> tuple[int, Mention] | None:
        for idx in range(len(self.doc.mentions) - 1, -1, -1):
            m = self.doc.mentions[idx]
            if m.sentence < sent - PRONOUN_WINDOW:
                return None
            if not self._is_person(m):
                continue
            g = self._gender(m)
            if gender is None or g is None or g == gender:
                return idx, m
        return None

    def _is_person(self, m: Mention) -> bool:
        if m.rule in ("name.unknown", "name.apposition", "name.demonym", "np.title_name", "np.title_name.article_state",
                      "coref.unknown_surname"):
            return True  # a named person, known to the KB or not ("de Duitse ambassadeur, X Y")
        if m.rule == "coref.pronoun" and m.antecedent is not None:
            return self._is_person(self.doc.mentions[m.antecedent])
        if m.actor is not None:
            return m.actor.kind == "person"
        return False

    def _gender(self, m: Mention) -> str | None:
        if m.actor is not None and m.actor.id.startswith("person."):
            p = self.r.kb.persons.get(m.actor.id[7:])
            return p.gender if p else None
        return None

    # ------------------------------------------------------------------ pronouns

    def _pronoun(self, sent: int, units: list[Unit], i: int) -> int:
        """ "hij", "hem", "zij": the person referred to. With a dependency parse, morphology rules out
        plural "ze" and the subject of the nearest sentence with a candidate is preferred; without one,
        the last compatible person is taken. A pronoun is never bound inside its own clause."""
        u = units[i]
        lex = self.r.lex
        tok = self.doc.tokens[u.token]
        if u.key in lex.neuter_pronouns:
            return self._neuter_pronoun(sent, units, i)
        gender = lex.pronouns.get(u.key)
        if tok.pos and tok.pos != "PRON":
            return i
        if gender is None:
            return self._group_pronoun(sent, units, i)
        feats = _features(tok.morph)
        if feats.get("Number") == "Plur":
            return self._group_pronoun(sent, units, i)  # "ze" as "they"
        singular = feats.get("Number") == "Sing"
        ante = self._antecedent(sent, u.token, gender)
        if ante is None:
            return self._group_pronoun(sent, units, i)
        idx, m = ante
        if gender == "f" and self._gender(m) != "f" and not (singular and self._gender(m) is None):
            return i  # "zij"/"ze" is as often "they": only a woman, or a singular pronoun, is safe
        self.emit(
            units, i, i + 1, sent, m.actor, 0.75 if self._gender(m) else 0.6, "coref.pronoun", antecedent=idx
        )
        return i + 1

    def _group_pronoun(self, sent: int, units: list[Unit], i: int) -> int:
        """ "zij", "ze", "hen" with no person to refer to: the nearest group or institution named before in
        this sentence or the one before ("De bonden zeggen dat zij ...", "Hoewel de autoriteiten alles
        ontkennen, hebben zij beloofd ..."), never one of the pronoun's own clause (a subject and an object
        of one clause are two actors). A bounded look-back: `GROUP_PRONOUN_WINDOW` sentences."""
        u = units[i]
        if u.key not in self.r.lex.group_pronouns:
            return i

        coarguments = self._clause_actors(sent, u.token)

        def group(m: Mention) -> bool:
            if m.actor is None or self._is_person(m) or m.rule.startswith("coref.pronoun"):
                return False
            if m.actor.id in coarguments:
                return False  # "Ze noemde hen onwettig": a co-argument is someone else (one's own takes "zich")
            return m.actor.kind in ("government", "group", "organisation") or m.people

        idx = self._nearest_before(sent, u.token, GROUP_PRONOUN_WINDOW, group)
        if idx is None:
            return i
        at = self.emit(units, i, i + 1, sent, self.doc.mentions[idx].actor, 0.5, "coref.pronoun.group", antecedent=idx)
        self.doc.mentions[at].people = self.doc.mentions[idx].people  # "Oekraïners ... ze": still the people
        return i + 1

    def _nearest_before(self, sent: int, token: int, window: int, accept: Callable[[Mention], bool]) -> int | None:
        """The index of the nearest mention before `token` (at most `window` sentences back) that `accept`
        takes, skipping those of the token's own clause."""
        last = len(self.doc.mentions) - 1
        for idx in range(last, max(-1, last - MENTION_LOOKBACK), -1):
            m = self.doc.mentions[idx]
            if m.sentence < sent - window:
                return None
            if not accept(m) or (m.sentence == sent and self._same_clause(m, token)):
                continue
            return idx
        return None

    def _clause_actors(self, sent: int, token: int) -> set[str]:
        """For an object pronoun at `token` ("hem", "hen"), the actors of the pronouns before it in its own
        clause ("Hij dreigde hem": who "Hij" is; "Ze noemde hen"): an object pronoun does not refer to the
        subject of its clause (that one takes a reflexive). Named mentions of the clause are skipped by
        `_same_clause` alone, not by their actor (a speaker may be named in his own words)."""
        out: set[str] = set()
        if norm(self.doc.tokens[token].text) not in self.r.lex.object_pronouns:
            return out  # a subject form may repeat the person of its clause ("dat hij meent wat hij zegt")
        for idx in self.doc.mentions_in(sent):
            m = self.doc.mentions[idx]
            if m.actor is None or m.token_end > token or not m.rule.startswith("coref.pronoun"):
                continue
            if self._same_clause(m, token):
                out.add(m.actor.id)
        return out

    def _neuter_pronoun(self, sent: int, units: list[Unit], i: int) -> int:
        """ "het" as the subject of a verb (per the parser) refers to an organisation or government named
        just before: "Het Witte Huis liet weten dat het daar geen trek in had". Without a parse "het" is
        left alone (it is mostly an article or an expletive)."""
        tok = self.doc.tokens[units[i].token]
        if tok.pos != "PRON" or not tok.dep.startswith("nsubj") or tok.head < 0:
            return i
        if self.doc.tokens[tok.head].pos != "VERB":
            return i
        idx = self._nearest_before(
            sent, tok.i, 1, lambda m: m.actor is not None and m.actor.kind in ("organisation", "government", "state")
        )
        if idx is None:
            return i
        self.emit(units, i, i + 1, sent, self.doc.mentions[idx].actor, 0.6, "coref.pronoun.neuter", antecedent=idx)
        return i + 1

    def _antecedent(self, sent: int, token: int, gender: str | None) -> tuple[int, Mention] | None:
        """The person a pronoun at `token` refers to, or None."""
        candidates: list[tuple[int, Mention]] = []
        taken: set[int] = set()
        coarguments = self._clause_actors(sent, token)
        last = len(self.doc.mentions) - 1
        for idx in range(last, max(-1, last - MENTION_LOOKBACK), -1):
            m = self.doc.mentions[idx]
            if m.sentence < sent - PRONOUN_WINDOW:
                break
            if not self._is_person(m) or (m.actor is not None and m.actor.id in coarguments):
                continue
            g = self._gender(m)
            if gender is not None and g is not None and g != gender:
                continue
            if m.sentence == sent and self._same_clause(m, token):
                # "Maduro verklaarde hem ongewenst": hem is not Maduro; "De minister belde hij": a subject
                # pronoun after a fronted object is not that object either (a co-argument takes "zich")
                continue
            while m.rule in ("coref.pronoun", "coref.definite") and m.antecedent is not None:
                idx, m = m.antecedent, self.doc.mentions[m.antecedent]  # the named person behind it
            if idx not in taken:
                taken.add(idx)
                candidates.append((idx, m))
        if not candidates:
            return None
        nearest = candidates[0][1].sentence
        if self._parsed(nearest):
            for idx, m in candidates:
                if m.sentence != nearest:
                    break
                head = self.doc.tokens[self._head_token(m)]
                if head.dep.startswith("nsubj"):
                    return idx, m  # the subject of the nearest sentence with a candidate
            return candidates[0]
        # Without a parse: in the nearest sentence with a candidate, a person the knowledge base knows beats
        # an unknown capitalised name ("de gaspijpleiding Nord Stream 2"), and the first such mention (the
        # subject position of most Dutch main clauses) beats later ones.
        same = [c for c in candidates if c[1].sentence == nearest]
        known = [c for c in same if c[1].actor is not None]
        return min(known or same, key=lambda c: c[1].token_start)

    def _parsed(self, sent: int) -> bool:
        known = self._parsed_sentences.get(sent)
        if known is None:
            s = self.doc.sentences[sent]
            known = self._parsed_sentences[sent] = any(t.dep for t in self.doc.tokens[s.token_start : s.token_end])
        return known

    def _head_token(self, m: Mention) -> int:
        """The token of a mention whose head lies outside it (its syntactic head); the last without a parse."""
        for t in range(m.token_start, m.token_end):
            h = self.doc.tokens[t].head
            if self.doc.tokens[t].dep and not m.token_start <= h < m.token_end:
                return t
        return m.token_end - 1

    def _same_clause(self, m: Mention, token: int) -> bool:
        """Whether mention m (before `token` in its sentence) is in the pronoun's own clause."""
        tokens = self.doc.tokens
        if m.token_end > token:
            return False
        if self._parsed(m.sentence):
            verb = tokens[token].head
            t = self._head_token(m)
            for _ in range(64):
                if t < 0:
                    return False
                if tokens[t].head == verb:
                    return not tokens[t].dep.startswith(CLAUSE_RELATIONS)
                if tokens[t].dep.startswith(CLAUSE_RELATIONS) or t == verb:
                    return t == verb
                t = tokens[t].head
            return False
        between = tokens[m.token_end : token]
        return not any(norm(t.text) in self.r.lex.clause_openers for t in between)

    # ------------------------------------------------------------------ unknown names

    def _is_cap(self, u: Unit) -> bool:
        return (
            u.text[:1].isupper()
            and u.text.replace("'", "").replace("’", "").isalpha()
            and not u.text.isupper()
        )

    def _name_run(self, units: list[Unit], k: int) -> int:
        """Capitalised words (with name particles inside) from unit k: a personal name."""
        j = k
        while j < len(units):
            u = units[j]
            kb_hit = self.r._kb_match(units, j)
            if (
                self._is_cap(u)
                and (kb_hit is None or (kb_hit.alias.kind == "surname" and (j > k or self._opens_full_name(units, j))))
                and self.r._agent_match(units, j) is None
                or (
                    u.key in self.r.name_particles
                    and j > k
                    and j + 1 < len(units)
                    and self._is_cap(units[j + 1])
                )
            ):
                j += 1
            else:
                break
        while j > k and not self._is_cap(units[j - 1]):
            j -= 1
        return j

    def _demonym_beside(self, units: list[Unit], a: int, b: int) -> str | None:
        """The state of a person the knowledge base does not know, from a nationality adjective on a noun that
        names the person: right before the name ("de Britse schrijver James Bloodworth") or in its apposition
        ("James Bloodworth, een Britse schrijver,"). Agent nouns ("de Britse diplomaat X") are read by
        `_noun_phrase`; this is for the others (writer, student, activist)."""
        r = self.r
        if a >= 2 and units[a - 1].text[:1].islower() and units[a - 1].text.isalpha():
            adj = r._kb_match(units, a - 2, frozenset({"adjective"}))
            if adj is not None and adj.end == a - 1 and adj.alias.ref in r.kb.countries:
                return adj.alias.ref
        k = b + 1
        if b < len(units) and units[b].text == "," and k < len(units) and units[k].key in r.lex.determiners:
            adj = r._kb_match(units, k + 1, frozenset({"adjective"}))
            if (adj is not None and adj.alias.ref in r.kb.countries and adj.end < len(units)
                    and units[adj.end].text[:1].islower() and units[adj.end].text.isalpha()
                    and r._agent_match(units, adj.end) is None):  # an agent's apposition: `_name_by_apposition`
                return adj.alias.ref
        return None

    def _title_word(self, u: Unit) -> bool:
        """A capitalised common noun that may stand as a title before a surname: an ordinary word of the language
        ("Voorzitter") or a compound ending in one ("Commissievoorzitter", "Kamervoorzitter"), never a first name
        of the knowledge base's persons."""
        key = u.key
        if not self._is_cap(u) or key in self.r.first_names or key in self.r.common.stop_words:
            return False
        if len(key) >= 6 and key in self.r.common:
            return True
        return any(key[n:] in self.r.common for n in range(3, len(key) - 4))

    def _title_before_surname(self, units: list[Unit], a: int, b: int) -> int | None:
        """Where the surname starts in a run of capitalised words [a, b) that is a title the agent nouns lack
        before the surname of someone in office at the article's date ("Commissievoorzitter Juncker", "Europese
        Commissievoorzitter Juncker"): the word before the surname is a title word (`_title_word`), the words
        before it no first names. None for other runs ("Ben Timmermans": a first name, another person)."""
        for j in range(a + 1, b):
            hit = self.r._kb_match(units, j, frozenset({"surname"}))
            if hit is None or hit.end != b:
                continue
            if not self._title_word(units[j - 1]) or not self._surname_in_office(units, hit):
                return None
            own = self._own_first_names(units, hit)
            if any(u.key in self.r.first_names or u.key in own for u in units[a:j]):
                return None
            return j
        return None

    def _opens_full_name(self, units: list[Unit], j: int) -> bool:
        """A first name that is also someone's surname ("Klaus", "Thomas") before another capitalised word
        opens a full name ("Klaus Bauer"), not that person."""
        return units[j].key in self.r.first_names and j + 1 < len(units) and self._is_cap(units[j + 1])

    def _remember_unknown(self, units: list[Unit], a: int, b: int, idx: int) -> None:
        self.unknown[" ".join(u.key for u in units[a:b])] = idx
        self.unknown[units[b - 1].key] = idx

    def _unknown_name(self, sent: int, units: list[Unit], i: int) -> int:
        u = units[i]
        if not self._is_cap(u):
            return i
        # the surname of an unknown person named before (not a function word that opens the sentence and was
        # run into a name before it: "... in de regio Idlib Ook als ...", then "Ook van hen ...")
        opener = self._at_start(units, i) and (u.key in self.r.lex.sentence_openers or u.key in self.r.lex.determiners)
        if u.key in self.unknown and not opener:
            prev_idx = self.unknown[u.key]
            prev = self.doc.mentions[prev_idx]
            self.emit(
                units,
                i,
                i + 1,
                sent,
                prev.actor,
                0.7 if prev.actor else 0.5,
                "coref.unknown_surname",
                antecedent=prev_idx,
            )
            return i + 1
        label = self.names_by_token.get(u.token)
        end = self._name_run(units, i)
        title_end = self._title_before_surname(units, i, end)
        if title_end is not None:
            return title_end  # "Commissievoorzitter Juncker": a title, then the surname read on its own
        surname = self.r._kb_match(units, i + 1) if end - i == 2 else None
        if surname is not None and surname.alias.kind == "surname" and u.key in self._own_first_names(units, surname):
            return i  # "Recep Erdogan": the known person under a first name the aliases lack
        if end - i < 2 and label != "PER":
            return i
        if label not in (None, "PER", "MISC"):
            return i
        if self._ordinary_opener(units, i) and not (u.key in self.r.first_names and end - i >= 2):
            return i  # an ordinary opener, unless a first name opens a full name ("Ben Timmermans, directeur")
        person_name = label == "PER" or (u.key in self.r.first_names and end - i >= 2)
        state = self._demonym_beside(units, i, end) if person_name else None
        if state is not None:  # "de Britse schrijver James Bloodworth", "Anna Berg, een Zweedse activiste,"
            person = _unknown_person_actor(" ".join(x.text for x in units[i:end]), self.r.kb.countries[state].iso3)
            idx = self.emit(units, i, end, sent, person, 0.6, "name.demonym")
            self.doc.mentions[idx].people = True
            self._remember_unknown(units, i, end, idx)
            return end
        actor = self._unknown_person(units, i, end) if label == "PER" else None
        idx = self.emit(units, i, end, sent, actor, 0.4 if actor else 0.5, "name.unknown")
        if actor is not None:
            self.doc.mentions[idx].people = True  # one of the state's people, not its government
            self.inferred.add(idx)
        elif person_name:
            # a person by its first name ("Thomas Jansen"): of the state the article is clearly about so far,
            # else of the one it is about at its end
            actor = self._unknown_person(units, i, end, strict=True)
            if actor is not None:
                self.doc.mentions[idx].actor, self.doc.mentions[idx].people = actor, True
                self.inferred.add(idx)
            else:
                self.first_named.append(idx)
        self._remember_unknown(units, i, end, idx)
        return end

    def finish(self) -> None:
        self._place_scened()
        self._finish_first_named()

    def _place_scened(self) -> None:
        """After the last sentence: each domestic agent given the article's state takes the state of the scene
        it acts in (`_scene`), and so do the mentions that refer back to it."""
        moved: dict[int, Actor | None] = {}  # mention -> its actor before
        for idx, noun, role in self.scened:
            m = self.doc.mentions[idx]
            state = self._scene(m)
            if state is None or m.actor is None or m.actor.country == state:
                continue
            actor = self._country_actor(state, noun, role)
            if actor is None:
                continue
            moved[idx] = m.actor
            m.actor = actor
        if not moved:
            return
        for idx, m in enumerate(self.doc.mentions):
            ante = m.antecedent
            if ante in moved and idx not in moved and m.actor == moved[ante]:
                moved[idx] = m.actor
                m.actor = self.doc.mentions[ante].actor

    def _scene(self, m: Mention) -> str | None:
        """The state a domestic agent with no state of its own acts in: the place its sentence names before it or
        right after it ("in Lyon", "te Marseille"; the nearest to it), else the state the article is about at its
        end, counted over the states the text names (`_article_state`; "Demonstranten ..." before the article
        first names France)."""
        # a place before the agent ("In Lyon werden demonstranten ...") or right after its noun ("de rechtbank in
        # Hamburg"); one later in the clause is often where it turns to ("zoekt steun in Caïro"), not where it is
        places = [p for p in self._places_of(m.sentence) if p[0] <= m.token_end + PLACE_AFTER_AGENT]
        if places:
            return min(places, key=lambda p: abs(p[0] - m.token_start))[1]
        return self._article_state(stated=True)

    def _places_of(self, sent: int) -> list[tuple[int, str]]:
        """The place phrases of a sentence ("in Parijs", "te Lyon"), as (first token, state): the gazetteer's
        places after the language's place prepositions, and states or their capitals the resolver read there."""
        if sent in self._places:
            return self._places[sent]
        doc, kb = self.doc, self.r.kb
        out: list[tuple[int, str]] = []
        s = doc.sentences[sent]
        starts = [t.start for t in doc.sentence_tokens(sent)]
        for pm in find_places(doc.sentence_text(sent), self.r.language, offset=s.start):
            if pm.place.country in kb.countries:
                out.append((s.token_start + bisect_right(starts, pm.start) - 1, pm.place.country))
        words = place_words(self.r.language)
        for idx in doc.mentions_in(sent):
            m = doc.mentions[idx]
            if m.rule not in ("kb.country", "kb.seat.locative") or m.actor is None or m.actor.country is None:
                continue
            k = m.token_start - 1
            if k > s.token_start and doc.tokens[k].text.lower() in words.articles:
                k -= 1  # "in de Verenigde Staten"
            placed = k >= s.token_start and doc.tokens[k].text.lower() in words.prepositions
            if placed and all(t != m.token_start for t, _ in out):
                out.append((m.token_start, m.actor.country))
        self._places[sent] = out
        return out

    def _finish_first_named(self) -> None:
        """After the last sentence: the persons named by a first name the knowledge base does not know are of the
        state the whole article is about (`_article_state`, read now that every state is counted, not at the
        name: an article may name its state only after the first person), and so are the mentions that refer
        back to them."""
        state = self._article_state() if self.first_named else None
        if state is None or state not in self.r.kb.countries:
            return
        iso3 = self.r.kb.countries[state].iso3
        for idx in self.first_named:
            m = self.doc.mentions[idx]
            if m.actor is not None:
                continue  # named by its apposition meanwhile
            m.actor = _unknown_person_actor(self.doc.text[m.start : m.end], iso3)
            m.confidence, m.people = 0.4, True
        named = set(self.first_named)
        for m in self.doc.mentions:
            if m.actor is None and m.antecedent in named:
                m.actor, m.people = self.doc.mentions[m.antecedent].actor, True

    def _unknown_person(self, units: list[Unit], a: int, b: int, strict: bool = False) -> Actor | None:
        """A person the knowledge base does not know, named with no title: of the state the article is
        about (`_article_state`; with `strict`, only one it is clearly about so far), coded by the state alone
        (CAMEO's code for a person whose only attribute is a nationality); an inference from context, so a low
        confidence."""
        state = self._main_state(strict=True) if strict else self._article_state()
        if state is None or state not in self.r.kb.countries:
            return None
        return _unknown_person_actor(" ".join(u.text for u in units[a:b]), self.r.kb.countries[state].iso3)


def _unknown_person_actor(name: str, country: str, code: str | None = None, role: str | None = None) -> Actor:
    """A person the knowledge base does not know: an id from the state and the name, coded as the agent it acts
    for where one is known (BELGOV), else by the state alone."""
    return Actor(f"{country}.person.{norm(name).replace(' ', '_')}", name, code or country, country, role, "person")


def _features(morph: str) -> dict[str, str]:
    """UD morphological features: "Number=Sing|Gender=Masc" -> {"Number": "Sing", "Gender": "Masc"}."""
    out: dict[str, str] = {}
    for part in morph.split("|"):
        key, sep, value = part.partition("=")
        if sep:
            out[key] = value
    return out


@register("actors", "kb_resolver")
def create_kb_resolver(language: str, settings: Mapping[str, Any]) -> KBResolver:
    return KBResolver(language, settings)
