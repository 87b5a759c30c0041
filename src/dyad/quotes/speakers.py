"""Speaker phrases: the noun phrases that can say something, built from tokens without a parser
("Het Russische ministerie van Buitenlandse Zaken", "woordvoerder Jan de Vries", "hij"), and the
resolution of pronouns, bare role nouns ("de premier") and short names ("Wang" -> "Wang Yi")."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any

from dyad.document import ActorRef, Document, Mention, Token
from dyad.quotes.lexicon import QuoteLexicon

ROLE_LOOKBACK_TOKENS = 5000
"""How far back (in tokens) "de premier" looks for the name written with that role ("premier Theresa
May"): a long news article's length, so that the search stays linear in the length of an article."""

@dataclass(frozen=True)
class Phrase:
    """A candidate speaker: the token range [start, end) and what it is."""

    start: int
    end: int
    #: pronoun | name | role | body | anonymous (a marker with no source: "naar verluidt") | noun (a noun phrase
    #: the role lists lack, before a cue: "the 43-year-old said"; a person, not resolved to a holder) | group (a
    #: share of a group, "nearly half of the voters"; no person)
    kind: str
    #: where the phrase's own words start after a possessor ("the Tribune’s Maria Lopez", "the mayor’s top aide"):
    #: the possessor is part of the words that name the speaker, not the speaker
    head: int | None = None
    #: where the words that name the speaker end when they run past the phrase: the rest of the subject before
    #: its cue ("Organizers of the march said", "Holt and her lawyers have said"); the record's `phrase`
    words_end: int | None = None

    @property
    def own_start(self) -> int:
        return self.start if self.head is None else self.head


def is_word(tok: Token) -> bool:
    return any(c.isalnum() for c in tok.text)


def is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


def _is_initial(tok: Token) -> bool:
    """Whether a token is an initial: one capital letter and a full stop ("B.")."""
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


class PhraseFinder:
    """Builds speaker phrases over the tokens of one document."""

    def __init__(self, doc: Document, lex: QuoteLexicon, quoted: set[int]) -> None:
        self.doc = doc
        self.lex = lex
        self.quoted = quoted  # token indices inside quotation marks
        self.name_tokens: set[int] = set()
        self.name_start: dict[int, int] = {}  # token -> end of the name starting there
        for name in doc.names:
            self.name_start[name.token_start] = name.token_end
            self.name_tokens.update(range(name.token_start, name.token_end))
        self.mention_at: dict[int, int] = {}  # first token -> mention index
        for k, m in enumerate(doc.mentions):
            self.mention_at.setdefault(m.token_start, k)
        self.sentence_starts = {s.token_start for s in doc.sentences}
        self._extend_depth = 0  # phrases after "of"/"for" are built with phrase_at, at most two deep
        # Capitalised words seen inside sentences: a sentence-initial capitalised word counts as a name
        # only when it is also written so elsewhere ("Denk liet weten" yes, "Gejuich alom" no).
        self.inner_capitals = {t.text for t in doc.tokens
                               if t.i not in self.sentence_starts and is_capitalised(t)}

    # -- building one phrase -------------------------------------------------------------------------
    def _is_name(self, i: int) -> bool:
        tok = self.doc.tokens[i]
        if i not in self.name_tokens or not is_capitalised(tok) or tok.lower in self.lex.determiners:
            return False
        if tok.lower in self.lex.clause_subjects and i not in self.mention_at:
            return False  # "… Karim B. Hij zei …": a pronoun after an initial the sentence layer did not split at
        if self.lex.is_time_word(tok.lower):
            return False
        if i in self.sentence_starts and tok.lower in self.lex.function_words and i not in self.mention_at:
            return False  # "Overigens zegt …", "Wie dacht dat …"
        if i in self.sentence_starts and i not in self.mention_at and tok.text not in self.inner_capitals:
            nxt = self.doc.tokens[i + 1] if i + 1 < len(self.doc.tokens) else None
            return nxt is not None and i + 1 in self.name_tokens and is_capitalised(nxt)
        return True

    def _name_end(self, i: int, limit: int) -> int:
        j = i
        toks = self.doc.tokens
        while j < limit:
            if self._is_name(j):
                j += 1
                continue
            if j > i and j + 1 < limit and self.joins_name(j):
                j += 1  # "Anne-Marie Holt", "Navy Capt. Carl Dunn"
                continue
            # particles inside a name: "Tom van der Meer", "Mohammed bin Salman" (not "Rutte van de VVD")
            k = j
            while k < limit and k - j < 3 and toks[k].lower in self.lex.name_particles and k > i:
                k += 1
            if k > j and k < limit and self._is_name(k) and not self._body_mention(k):
                j = k
                continue
            break
        return j

    def compound_end(self, k: int, limit: int) -> int:
        """The end of the word at token k with the words glued to it by hyphens written without spaces ("well-
        connected", "46-year-old"); k + 1 for a word without one."""
        toks = self.doc.tokens
        end = k + 1
        while (end + 1 < limit and toks[end].text == "-" and toks[end - 1].end == toks[end].start
               and toks[end].end == toks[end + 1].start and toks[end + 1].text.isalnum()):
            end += 2
        return end

    def joins_name(self, j: int) -> bool:
        """Whether token j, between two words of a name, belongs to it: a hyphen written without spaces
        ("Anne-Marie"), or the stop after an abbreviated title ("Capt. Carl Dunn", `title_abbreviations`)."""
        toks = self.doc.tokens
        if j == 0 or j + 1 >= len(toks):
            return False
        prev, tok, nxt = toks[j - 1], toks[j], toks[j + 1]
        if not (prev.end == tok.start and (tok.text == "." or tok.end == nxt.start)):
            return False
        if not self._is_name(j + 1):
            return False
        if tok.text == "-":
            return self._is_name(j - 1)
        return tok.text == "." and prev.lower in self.lex.title_abbreviations

    def _body_mention(self, k: int) -> bool:
        """Whether token k starts a mention of an actor that is no person ("Rutte van de VVD")."""
        m = self.mention_at.get(k)
        actor = self.doc.mentions[m].actor if m is not None else None
        return actor is not None and actor.kind != "person"

    def _is_noun_after_adjective(self, k: int, n: int) -> bool:
        """Whether token k is a capitalised adjective ("Britse") and token n a lower-case noun after it."""
        adj, noun = self.doc.tokens[k], self.doc.tokens[n]
        return (bool(self.lex.adjective_endings) and adj.lower.endswith(self.lex.adjective_endings)
                and noun.text.isalpha() and noun.text.islower() and len(noun.text) > 3
                and noun.lower not in self.lex.function_words and noun.lower not in self.lex.prepositions
                and not self.lex.is_speech_verb(noun.lower, noun.lemma))

    def _is_adjective(self, tok: Token) -> bool:
        low = tok.lower
        return (is_word(tok) and low not in self.lex.determiners and low not in self.lex.prepositions
                and bool(self.lex.adjective_endings) and low.endswith(self.lex.adjective_endings) and len(low) > 3
                and not self.lex.is_person_role(low) and not self.lex.is_speaking_body(low)
                and not self.lex.is_speech_verb(low, tok.lemma))

    def phrase_at(self, i: int, limit: int, *, object_pronoun: bool = False) -> Phrase | None:
        """The speaker phrase that starts at token i (before `limit`), if one does; a phrase with a possessive
        marker after it is the possessor of the phrase that follows ("the Tribune’s Maria Lopez")."""
        p = self._phrase_at(i, limit, object_pronoun=object_pronoun)
        if p is None or p.kind == "pronoun" or p.end + 1 >= limit:
            return p
        if self.doc.tokens[p.end].lower not in self.lex.possessive_markers:
            return p
        owned = self._possessed(p.end + 1, limit)
        return p if owned is None else Phrase(i, owned.end, owned.kind, owned.own_start)

    def _possessed(self, j: int, limit: int) -> Phrase | None:
        """The phrase after a possessive marker: a name or role phrase, or a role or body after a few
        lower-case modifiers ("top housing aide Tom Bell", "deputy campaign manager")."""
        q = self.phrase_at(j, limit)
        if q is not None and q.kind in {"name", "role", "body"}:
            return q
        k = self._modified_role(j, limit)
        return None if k is None else self._role_phrase(j, k, limit)

    def _modified_role(self, j: int, limit: int, most: int = 5, *, nouns: bool = True) -> int | None:
        """A lower-case role or body noun at token j or after up to `most` - 1 lower-case modifiers the
        adjective endings do not know: `role_premodifiers` ("the top aide", "a deputy spokesman") and, with
        `nouns`, other lower-case words ("top housing aide", "longtime campaign adviser"): its index."""
        toks = self.doc.tokens
        for k in range(j, min(limit, j + most)):
            tok = toks[k]
            if self._is_role_or_body(k) and not is_capitalised(tok):
                return k
            low = tok.lower
            if low in self.lex.role_premodifiers and not is_capitalised(tok):
                continue
            if (not nouns or not tok.text.isalpha() or is_capitalised(tok) or k in self.quoted
                    or low in self.lex.prepositions or low in self.lex.determiners or low in self.lex.auxiliaries
                    or low in self.lex.coordinators or low in self.lex.relative_pronouns
                    or low in self.lex.function_words or self.lex.is_time_word(low)
                    or self.lex.is_speech_verb(low, tok.lemma)):
                return None
        return None

    def _phrase_at(self, i: int, limit: int, *, object_pronoun: bool = False) -> Phrase | None:
        """The speaker phrase that starts at token i and ends by limit: a pronoun, a mention the resolver found, a
        name with particles, or a phrase of modifiers and a role, body or name."""
        if i >= limit or i in self.quoted:
            return None
        pronoun = self._pronoun_phrase(i, limit, object_pronoun)
        if pronoun is not None:
            return pronoun
        if self._is_run_in_heading(i, limit):
            return None  # a heading run into the sentence: "Twijfel De nieuwe voorzitter …" (the article opens it)
        if i in self.mention_at and self.doc.mentions[self.mention_at[i]].token_end <= limit:
            return self._mention_phrase(i, limit)
        particle_name = self._particle_name_end(i, limit)
        if particle_name:
            return Phrase(i, self._extend(particle_name, limit), "name")
        return self._modified_phrase(i, limit)

    def _pronoun_phrase(self, i: int, limit: int, object_pronoun: bool) -> Phrase | None:
        """A subject pronoun (or an object pronoun where asked) at token i, or the words that stand for the person
        named last ("die laatste")."""
        low = self.doc.tokens[i].lower
        if low in self.lex.subject_pronouns or (object_pronoun and low in self.lex.object_pronouns):
            return Phrase(i, i + 1, "pronoun")
        n = self.last_named_at(i, limit)
        return Phrase(i, i + n, "pronoun") if n else None

    def _is_run_in_heading(self, i: int, limit: int) -> bool:
        """Whether a sentence opens at token i with a word of a heading run into it: a word that is no determiner
        before a capitalised determiner and a lower-case word ("Twijfel De nieuwe voorzitter …")."""
        toks = self.doc.tokens
        return (i in self.sentence_starts and i + 2 < limit and toks[i].lower not in self.lex.determiners
                and toks[i + 1].text[:1].isupper() and toks[i + 1].lower in self.lex.determiners
                and toks[i + 2].text.isalpha() and toks[i + 2].text.islower())

    def _mention_phrase(self, i: int, limit: int) -> Phrase:
        """The phrase of the mention that starts at token i: with a role after it, the role phrase ("White House
        spokesman Josh Earnest"); else the mention and what extends its name, a person's name or a body."""
        m = self.doc.mentions[self.mention_at[i]]
        role = self._role_after(m.token_end, limit)
        if role is not None:
            return self._role_phrase(i, role, limit)
        end = self._extend(self._mention_name_end(m.token_end, m.actor is None, limit), limit)
        if m.actor is None:  # a mention the resolver could not place: a body by its head noun
            head = self.doc.tokens[m.token_end - 1].lower
            return Phrase(i, end, "body" if self.lex.is_speaking_body(head) else "name")
        return Phrase(i, end, "name" if m.actor.kind == "person" or self._is_titled(i, m) else "body")

    def _mention_name_end(self, end: int, unplaced: bool, limit: int) -> int:
        """Where the name of a mention that ends at `end` goes on to: past the mention for a mention the resolver
        could not place ("Carl T. Dunn"), to a surname after particles, or to the name after a compound role."""
        toks = self.doc.tokens
        if unplaced and end < limit and self._is_name(end - 1) and self._is_name(end):
            return self._name_end(end, limit)  # the name goes on past the mention ("Carl T. Dunn")
        if (end < limit and self._is_name(end - 1) and toks[end].lower in self.lex.name_particles
                and not self.lex.is_person_role(toks[end - 1].lower)):
            # a surname after particles ("Kamerlid Tom van der Lee"), no adjective ("Clinton, de Democratische")
            surname = self._name_end(end - 1, limit)
            if not any(is_capitalised(t) and self._is_adjective(t) for t in toks[end:surname]):
                return surname
            return end
        if (end < limit and self.lex.is_person_role(toks[end - 1].lower) and self._is_name(end)
                and not self._body_mention(end)):
            return self._name_end(end, limit)  # a compound role before the name ("AIVD-baas Dick Schoof")
        return end

    def _is_titled(self, i: int, m: Mention) -> bool:
        """Whether a mention placed by the resolver names a person with a title, which the resolver gives the state
        it acts for ("wethouder X" -> NLDGOV): a role in it, or in the mention a surname stands for ("minister
        Karel Dijkhof … Dijkhof")."""
        toks = self.doc.tokens
        if any(self.lex.is_person_role(t.lower) for t in toks[i : m.token_end]):
            return True
        if m.antecedent is None or toks[i].lower in self.lex.determiners:
            return False
        a = self.doc.mentions[m.antecedent]
        return any(self.lex.is_person_role(t.lower) for t in toks[a.token_start : a.token_end])

    def _modified_phrase(self, i: int, limit: int) -> Phrase | None:
        """A phrase of a determiner and up to three adjectives at token i before a role, a body or a name."""
        toks = self.doc.tokens
        j = i + 1 if toks[i].lower in self.lex.determiners else i
        k = j
        while k < limit and k - j < 3 and not self._is_name(k):
            compound = self.compound_end(k, limit)
            if compound > k + 1 and self._is_role_or_body(compound - 1):
                k = compound - 1  # a role or body with a hyphen ("a vice-president", "an ex-minister")
                break
            if compound > k + 1 and toks[compound - 1].text.islower():
                k = compound  # "one well-connected Democrat", "a long-time aide": a modifier with a hyphen
            elif self._is_adjective(toks[k]):
                k += 1
            else:
                break
        if k >= limit:
            return None
        if self._is_role_or_body(k):
            return self._role_phrase(i, k, limit)
        role = self._modified_role(k, limit, 3, nouns=False) if not is_capitalised(toks[k]) else None
        if role is not None:
            return self._role_phrase(i, role, limit)  # "the former top aide to ...", "acting deputy spokesman"
        if self._is_name(k):
            return self._name_after_modifiers(i, j, k, limit)
        return None

    def _name_after_modifiers(self, i: int, j: int, k: int, limit: int) -> Phrase:
        """The phrase of a name at token k after the determiner (i < j) and adjectives that open it at i: a role
        after the name, a role written with capitals, a noun the lexicon lacks before a name, an adjective of origin
        as a noun, or the name itself."""
        toks = self.doc.tokens
        end = self._name_end(k, limit)
        role = self._role_after(end, limit)
        if role is not None:
            return self._role_phrase(i, role, limit)  # "Het Russische ministerie ...", "Senate minority leader"
        if (end - k >= 2 and self._is_adjective(toks[k]) and self.lex.is_person_role(toks[end - 1].lower)
                and k not in self.mention_at):
            return self._role_phrase(i, end - 1, limit)  # a role written with capitals: "het Tweede Kamerlid"
        if (j > i and end == k + 1 and end + 1 < limit and self._is_noun_after_adjective(k, end)
                and self._is_name(end + 1)):
            # "De Britse historicus Peter Frankopan": a noun the lexicon lacks between adjective and name; a
            # body when the name is one ("de Amerikaanse toezichthouder FAA")
            body = self._body_mention(end + 1) or self.doc.tokens[end + 1].text.isupper()
            return Phrase(i, self._name_end(end + 1, limit), "body" if body else "name")
        if (j > i and end == k + 1 and self._is_adjective(toks[k])
                and (end >= limit or self._ends_noun_phrase(end))
                and k not in self.mention_at):
            return Phrase(i, end, "role")  # "de Engelse", "de Nijmeegse": an adjective of origin as a noun
        # "De Nederlands-Rwandese Huguette Debets": an adjective of origin before a name of a person
        person = j == i or (end - k >= 2 and self._is_adjective(toks[k]) and not self._body_mention(k + 1))
        return Phrase(i, self._extend(end, limit), "name" if person else "body")

    def last_named_at(self, i: int, limit: int) -> int:
        """The length of the words at token i that stand for the person named last (`last_named`: "die laatste"),
        where no noun follows them ("de laatste jaren"): punctuation, an auxiliary or a verb of speech does; 0 when
        none stands there."""
        toks = self.doc.tokens
        for parts in self.lex.last_named:
            n = len(parts)
            if i + n <= limit and all(toks[i + k].lower == w for k, w in enumerate(parts)) and not any(
                    i + k in self.quoted for k in range(n)):
                if i + n == limit:
                    return n
                nxt = toks[i + n]
                if (not is_word(nxt) or nxt.lower in self.lex.auxiliaries
                        or self.lex.is_speech_verb(nxt.lower, nxt.lemma) or nxt.lower in self.lex.inserted_verbs):
                    return n
        return 0

    def _role_after(self, k: int, limit: int) -> int | None:
        """A lower-case role or body noun at token k, or after one or two lower-case modifiers there ("Senate
        minority leader Harry Reid"), or a role written as a title, capitalised before a name ("Alliance Secretary
        General Rosa Vance", "Senate Minority Leader Carl Dunn"): its index."""
        toks = self.doc.tokens
        if (k > 0 and k + 2 < limit and toks[k].text == "-"
                and toks[k - 1].end == toks[k].start == toks[k + 1].start - 1 and toks[k + 1].text.islower()
                and bool(self.lex.past_endings)
                and toks[k + 1].lower.endswith(self.lex.past_endings)):
            k += 2  # a participle glued to the name by a hyphen ("Boston-based attorney Ann Holt")
        j, words = k, 0
        while j < limit and words < 3:
            tok = toks[j]
            words += 1
            compound = self.compound_end(j, limit)
            if compound > j + 1 and self._is_role_or_body(compound - 1) and not is_capitalised(toks[compound - 1]):
                return compound - 1  # a role with a hyphen ("Senate vice-chairman")
            if compound > j + 1 and tok.text.islower() and toks[compound - 1].text.islower():
                j = compound  # a modifier with a hyphen ("Republican vice-presidential nominee")
                continue
            if is_capitalised(tok) and tok.text.isalpha():
                if self.lex.is_person_role(tok.lower) and j + 1 < limit and is_capitalised(toks[j + 1]):
                    return j  # a title: a capitalised word follows (the name, or the title's next word)
                if j not in self.mention_at:
                    j += 1
                    continue  # a capitalised modifier of a title ("Minority")
                return None
            if is_capitalised(tok) or not is_word(tok):
                return None
            if self._is_role_or_body(j):
                return j
            if (tok.lower in self.lex.function_words or tok.lower in self.lex.prepositions
                    or self.lex.is_speech_verb(tok.lower, tok.lemma)):
                return None
            j += 1
        return None

    def noun_phrase(self, i: int, limit: int, depth: int = 0) -> Phrase | None:
        """A noun phrase at token i that the role and body lists do not know: a plain noun ("onderzoekers",
        "de site van de gemeenschap", "zijn aanhangers") or a noun before a name ("voormalig medisch directeur
        Anna de Wit", "lezer Paul Daniels"): the source after a marker such as "volgens"."""
        toks = self.doc.tokens
        j = i + 1 if i < limit and toks[i].lower in self.lex.determiners else i
        k = j
        while k < limit and k - j < 4 and self._is_noun(k) and not is_capitalised(toks[k]):
            k += 1
        kind = "body"
        if k > j and k < limit and is_capitalised(toks[k]) and toks[k].text.isalpha() or k == j:
            if k > j and any(self.lex.is_person_role(toks[n].lower) for n in range(j, k)):
                kind = "name"  # a person's role before the name ("voormalig medisch directeur Anna de Wit")
            # lower-case words before a name, or a name itself: the phrase runs over the capitalised words
            end = k
            while end < limit and end - k < 4 and is_capitalised(toks[end]) and toks[end].lower not in (
                    self.lex.determiners) and not self.lex.is_time_word(toks[end].lower):
                end += 1
            if end == k:
                return None
        else:
            while j < limit and j + 1 < limit and self._is_adjective(toks[j]) and self._is_noun(j + 1):
                j += 1
            if not (j < limit and self._is_noun(j) and toks[j].lower.endswith(self.lex.agent_endings)):
                return None
            end = j + 1
        if depth < 2 and end + 1 < limit and (toks[end].lower in self.lex.phrase_links
                                              or toks[end].lower in self.lex.coordinators):
            more = self.phrase_at(end + 1, limit) or self.noun_phrase(end + 1, limit, depth + 1)
            if more is not None:
                end = more.end
        return Phrase(i, end, kind)

    def _is_noun(self, k: int) -> bool:
        """Whether token k may be the noun that heads a phrase: a word that is no function word, auxiliary,
        preposition, time word or verb of speech."""
        tok = self.doc.tokens[k]
        low = tok.lower
        return (tok.text.isalpha() and len(low) > 2 and k not in self.quoted
                and low not in self.lex.function_words and low not in self.lex.auxiliaries
                and low not in self.lex.prepositions and low not in self.lex.determiners
                and not self.lex.is_time_word(low) and not self.lex.is_speech_verb(low, tok.lemma))

    def _ends_noun_phrase(self, k: int) -> bool:
        """Whether token k cannot continue a noun phrase before it: punctuation, a verb of speech, an
        auxiliary or another function word (not a noun, a name or a linking preposition)."""
        tok = self.doc.tokens[k]
        low = tok.lower
        if not is_word(tok):
            return True
        if low in self.lex.phrase_links or is_capitalised(tok):
            return False
        return (low in self.lex.function_words or low in self.lex.auxiliaries
                or self.lex.is_speech_verb(low, tok.lemma))

    def _is_field_word(self, k: int) -> bool:
        """Whether token k is a lower-case noun that can name the field of a role ("onderwijsrecht",
        "politicologie"): no function word, preposition, determiner, auxiliary, time word or verb of speech."""
        tok = self.doc.tokens[k]
        low = tok.lower
        return (tok.text.isalpha() and tok.text.islower() and len(low) > 3 and k not in self.quoted
                and low not in self.lex.function_words and low not in self.lex.prepositions
                and low not in self.lex.determiners and low not in self.lex.auxiliaries
                and low not in self.lex.coordinators and not self.lex.is_time_word(low)
                and not self.lex.is_speech_verb(low, tok.lemma))

    def _particle_name_end(self, i: int, limit: int) -> int:
        """End of a surname written with its particle capitalised ("Van Benthem", "Van der Maat", "Ter Horst")
        at token i, where the particle is no determiner; 0 when none starts there."""
        toks = self.doc.tokens
        if not is_capitalised(toks[i]) or toks[i].lower in self.lex.determiners:
            return 0
        k = i
        while k < limit and k - i < 3 and toks[k].lower in self.lex.name_particles:
            k += 1
        if k == i or k >= limit or not self._is_name(k) or self._body_mention(k):
            return 0
        if self._is_adjective(toks[k]) or self._is_role_or_body(k):
            return 0
        return self._name_end(k, limit)

    def _is_role_or_body(self, k: int) -> bool:
        low = self.doc.tokens[k].lower
        return self.lex.is_person_role(low) or self.lex.is_speaking_body(low)

    def _role_phrase(self, start: int, k: int, limit: int) -> Phrase:
        toks = self.doc.tokens
        kind = "role" if self.lex.is_person_role(toks[k].lower) else "body"
        end = k + 1
        # "oppositieleider partijleider Kemal Kilicdaroglu": roles in a row.
        while end < limit:
            nxt = self._role_after(end, limit)  # "Senate minority leader"
            if nxt is not None:
                end = nxt + 1
            elif (toks[end].lower in self.lex.coordinators and end + 1 < limit and self._is_role_or_body(end + 1)):
                end += 2  # "Campagneleider en Kamerlid Jan Paternotte"
            else:
                break
        # "hoogleraar onderwijsrecht Paul Zoontjens": the field of the role between it and the name
        field = end
        while field < limit and field - end < 2 and self._is_field_word(field):
            field += 1
        if field > end and field < limit and self._is_name(field) and not self._body_mention(field):
            end = field
        if end < limit and self._is_name(end):
            end = self._name_end(end, limit)
            kind = "name"
        end = self._extend(end, limit)
        if kind != "name" and end < limit and self._is_name(end):
            end = self._name_end(end, limit)
            kind = "name"
        return Phrase(start, end, kind)

    def _extend(self, end: int, limit: int) -> int:
        """Extend a phrase over "van/bij + (det) + name, body or a phrase of its own" (at most twice) and a
        trailing name."""
        depth = self._extend_depth
        self._extend_depth += 1
        try:
            return self._extend_at(end, limit, depth)
        finally:
            self._extend_depth -= 1

    def _extend_at(self, end: int, limit: int, depth: int) -> int:
        toks = self.doc.tokens
        for _ in range(2):
            if end + 1 < limit and toks[end].lower in self.lex.phrase_links:
                j = end + 1
                # after the link a relative pronoun is a demonstrative ("een woordvoerder van die ambassade")
                if (toks[j].lower in self.lex.determiners or toks[j].lower in self.lex.relative_pronouns) and (
                        j + 1 < limit):
                    j += 1
                owner = self.phrase_at(j, limit) if depth < 2 else None
                if owner is not None and owner.kind in {"name", "role"} and owner.end > j + 1:
                    end = owner.end  # "a spokesman for Republican presidential candidate Tom Reyes"
                    continue
                m = self.doc.mentions[self.mention_at[end + 1]] if end + 1 in self.mention_at else None
                if m is not None and m.actor is not None and m.actor.kind != "person" and m.token_end <= limit:
                    end = m.token_end  # a body the actor resolver found: "de woordvoerder van de fractie"
                    continue
                noun = self.common_noun_after_determiner(end + 1, j, limit)
                if noun is not None and self._is_adjective(toks[j]):
                    end = noun + 1  # "de directeur van het Utrechtse museum", "van de Amerikaanse regering"
                    continue
                if self._is_name(j) or is_capitalised(toks[j]):
                    end = self._name_end(j, limit) if self._is_name(j) else j + 1
                    while (end < limit and is_capitalised(toks[end])
                           and toks[end].lower not in self.lex.determiners):
                        end += 1
                    continue
                if self.lex.is_speaking_body(toks[j].lower) or self.lex.is_person_role(toks[j].lower):
                    end = j + 1  # "een woordvoerder van de inspectie", "van de staatssecretaris"
                    continue
                if (j > end + 1 and j + 1 < limit and toks[j].text.isalpha() and toks[j].text.islower()
                        and self._is_noun(j) and self._is_name(j + 1)):
                    end = self._name_end(j + 1, limit)  # a noun with its name: "de burgemeester van de stad X"
                    continue
                if noun is not None:
                    end = noun + 1  # "de advocaat van de uitgeverij", "een woordvoerder van het Nederlandse fonds"
                    continue
            break
        if end < limit and self._is_name(end) and not self._is_name(end - 1):
            end = self._name_end(end, limit)
        return end

    def common_noun_after_determiner(self, link_end: int, j: int, limit: int) -> int | None:
        """The noun of "det (adjectives) noun" that the determiner after a `noun_links` word opens (`j` is past the
        determiner at `link_end`): up to two adjectives by their endings, then a lower-case word that is no function
        word of the quote lexicon (preposition, auxiliary, determiner, pronoun, conjunction, verb of speech)."""
        toks, lex = self.doc.tokens, self.lex
        if (j != link_end + 1 or toks[link_end].lower not in lex.determiners
                or toks[link_end - 1].lower not in lex.noun_links):
            return None
        k = j
        while k < limit and k - j < 2 and self._is_adjective(toks[k]) and k + 1 < limit and is_word(toks[k + 1]):
            k += 1
        if k >= limit:
            return None
        tok, low = toks[k], toks[k].lower
        if (not tok.text.isalpha() or not tok.text.islower() or low in lex.prepositions or low in lex.auxiliaries
                or low in lex.determiners or low in lex.subject_pronouns or low in lex.object_pronouns
                or low in lex.coordinators or low in lex.relative_pronouns or low in lex.complementizers
                or low in lex.clause_boundaries or lex.is_speech_verb(low, tok.lemma) or lex.is_time_word(low)):
            return None
        return k

    # -- phrases in a range ---------------------------------------------------------------------------
    def phrases(self, start: int, end: int) -> list[Phrase]:
        """Non-overlapping speaker phrases in [start, end), left to right, outside quotations."""
        out: list[Phrase] = []
        i = start
        while i < end:
            p = self.phrase_at(i, end)
            if p is None:
                i += 1
                continue
            out.append(p)
            i = max(p.end, i + 1)
        return out

    def after_preposition(self, p: Phrase) -> bool:
        if p.start == 0:
            return False
        prev = self.doc.tokens[p.start - 1].lower
        return prev in self.lex.prepositions or any(prev == m[0] for m in self.lex.markers_before)

    def text(self, p: Phrase) -> str:
        toks = self.doc.tokens
        return self.doc.text[toks[p.start].start : toks[p.end - 1].end]

    def words(self, p: Phrase) -> str:
        """The words that name the speaker: the phrase, with the rest of its subject where that runs on."""
        return self.text(p if p.words_end is None else Phrase(p.start, max(p.end, p.words_end), p.kind))

    def head(self, p: Phrase) -> str:
        """The last word of the phrase before any "van ..." tail: what `not_speakers` is checked on."""
        toks = self.doc.tokens
        k = p.end - 1
        for j in range(p.start, p.end):
            if toks[j].lower in self.lex.phrase_links and j > p.start:
                k = j - 1
                break
        return toks[k].lower


@dataclass
class Speaker:
    """A resolved speaker: the phrase as it stands, what it resolves to, and the ActorRef to record."""

    phrase: Phrase
    ref: ActorRef
    is_person: bool


class SpeakerResolver:
    """Turns phrases into ActorRefs: pronouns to their antecedent, bare roles to the named holder,
    short names to the fullest form the article uses, actors from the resolver's mentions."""

    def __init__(self, doc: Document, lex: QuoteLexicon, finder: PhraseFinder, *,
                 established_names: bool = False) -> None:
        self.doc = doc
        self._mention_starts: tuple[Any, list[int] | None, int] = ((), None, 0)
        self._full_names: dict[str, str] = {}
        self.lex = lex
        self.finder = finder
        #: Speakers resolved so far, with the token where they were found, in text order.
        self.history: list[tuple[int, Speaker]] = []
        self._capital_counts: dict[str, int] | None = None
        #: a pronoun stands only for a name the article is about (`established`)
        self.established_names = established_names

    def remember(self, token: int, speaker: Speaker) -> None:
        self.history.append((token, speaker))

    def resolve(self, p: Phrase) -> Speaker | None:
        """The speaker a phrase stands for, its record carrying the phrase's words where they differ from the
        name they resolve to ("the Ohio senator", "he")."""
        found = self._resolve(p)
        if found is None or found.ref.kind == "anonymous":
            return found
        return Speaker(found.phrase, replace(found.ref, phrase=self.finder.words(p)), found.is_person)

    def _resolve(self, p: Phrase) -> Speaker | None:
        doc = self.doc
        toks = doc.tokens
        if p.kind == "pronoun":
            if self.finder.last_named_at(p.start, p.end):
                return self._last_named(p)
            if toks[p.start].lower in self.lex.person_pronouns:
                # "she", "he": a person, the recent speaker or the subject before, over the resolver's guess
                found = self._antecedent(p.start)
                if found is not None:
                    return Speaker(p, found.ref, True)
            mention = self._mention_for(p)
            if (mention is not None and doc.mentions[mention].antecedent is not None
                    and not self._placed_name(doc.mentions[mention].antecedent)):
                ante = doc.mentions[mention].antecedent
                assert ante is not None
                same = self._same_pronoun_before(p.start, doc.mentions[ante].token_start)
                if same is not None:
                    return self._resolve(Phrase(same, same + 1, "pronoun"))
                ref = ActorRef.from_mention(doc, ante)
                ref.name = self._full_name(ref.name)
                return Speaker(p, ref, True)
            if mention is not None and doc.mentions[mention].actor is not None:
                ref = ActorRef.from_mention(doc, mention)
                actor = doc.mentions[mention].actor
                ref.name = actor.name if actor is not None else ref.name
                return Speaker(p, ref, True)
            return self._antecedent(p.start)
        if p.kind in {"role", "body"} and self._is_definite_role(p):
            holder = self._role_holder(p) if p.kind == "role" else self._body_named_before(p)
            if holder is not None:
                return holder
        if (p.kind == "name" and self.lex.is_person_role(toks[p.end - 1].lower) and self._is_definite_role(p)
                and not any(is_capitalised(t) for t in toks[p.start + 1 : p.end])):
            # "de minister" that the actor resolver gives the state it serves: the person named with that role
            # before ("minister van Financiën X"), where the text names one; the state otherwise
            holder = self._role_holder(Phrase(p.start, p.end, "role"), nearest=False)
            if holder is not None:
                return holder
        if p.kind in {"noun", "body"} and self._is_definite_person_noun(p):
            # "de 45-jarige", "de Delftenaar", "de zanger": a person the text named before, as a bare role is
            person = self._antecedent(p.start)
            if person is not None:
                return Speaker(p, person.ref, True)
        # a name after a possessor is the name alone ("the Tribune’s Maria Lopez" -> "Maria Lopez")
        name = self.finder.text(Phrase(p.own_start, p.end, p.kind) if p.kind == "name" else p)
        anonymous = self.is_anonymous(p)
        ref = ActorRef(name=self._full_name(name) if p.kind == "name" else name)
        mention = self._mention_for(p)
        if mention is not None:
            m = doc.mentions[mention]
            if m.actor is not None:
                # an anonymous source keeps where it is ("een bron bij het ministerie"), not a name
                ref.actor, ref.country, ref.actor_id = m.actor.code, m.actor.country, m.actor.id
            ref.mention = mention
        if anonymous:
            ref.kind = "anonymous"
            return Speaker(p, ref, False)
        # a name the actor resolver knows as a body ("het Openbaar Ministerie", "The New York Times") is no person
        return Speaker(p, ref, p.kind in {"role", "noun"} or p.kind == "name" and self._names_person(p))

    def _last_named(self, p: Phrase) -> Speaker | None:
        """The person named last before the words that stand for them ("… noemde X zijn collega Y. '…', zei die
        laatste." -> Y): the nearest mention of a person, or of a name the actor resolver does not know (no place
        after a preposition), in that sentence or the two before."""
        doc = self.doc
        sent = doc.sentence_of_offset(doc.tokens[p.start].start) or 0
        lo = doc.sentences[max(0, sent - 2)].token_start
        for k in reversed(self._overlapping(lo, p.start)):
            m = doc.mentions[k]
            if not lo <= m.token_start < m.token_end <= p.start or m.antecedent is not None:
                continue
            if m.actor is None and (self._placed_name(k) or not is_capitalised(doc.tokens[m.token_end - 1])):
                continue
            q = Phrase(m.token_start, m.token_end, "name")
            if m.actor is not None and not self._is_person(q):
                continue
            found = self._resolve(q)
            return Speaker(p, found.ref, True) if found is not None else None
        return None

    def _same_pronoun_before(self, token: int, antecedent: int) -> int | None:
        """The same pronoun as at `token`, earlier in the sentence of its antecedent (at token `antecedent`) and
        before it, no object of a preposition: "Later trouwde hij met X. Hij vertelde dat …" - the second "hij"
        goes on with the first, not with X named after it. Its index; None when there is none."""
        doc = self.doc
        toks = doc.tokens
        s = doc.sentence_of_offset(toks[antecedent].start)
        if s is None or (doc.sentence_of_offset(toks[token].start) or 0) - s > 4:
            return None
        for k in range(doc.sentences[s].token_start, antecedent):
            if (toks[k].lower == toks[token].lower and k not in self.finder.quoted
                    and (k == 0 or toks[k - 1].lower not in self.lex.prepositions)):
                return k
        return None

    def _placed_name(self, mention: int | None) -> bool:
        """Whether a mention is a name the actor resolver does not know, after a preposition (and perhaps an
        article): a place or a street ("op de Markt", "in Zwolle"), which no pronoun stands for."""
        if mention is None:
            return False
        m = self.doc.mentions[mention]
        if m.actor is not None:
            return False
        toks = self.doc.tokens
        k = m.token_start - 1
        if k >= 0 and toks[k].lower in self.lex.determiners:
            k -= 1
        return k >= 0 and toks[k].lower in self.lex.prepositions

    def established(self, p: Phrase) -> bool:
        """Whether a name is one the article is about, so that a quotation without a cue or a pronoun may stand
        for it: an actor the resolver knows, a full name (a first name and a surname: two capitalised words, none
        in capitals), or a single name the text writes more than once. A heading run into the next sentence
        ("Twijfel De wethouder …", "KORT NIEUWS Gemeente …") is none."""
        m = self._mention_for(p)
        if m is not None and self.doc.mentions[m].actor is not None:
            return True
        lex = self.lex
        words = [t for t in self.doc.tokens[p.own_start : p.end] if is_capitalised(t)
                 and t.lower not in lex.function_words and t.lower not in lex.prepositions
                 and t.lower not in lex.determiners]
        if not words or any(t.text.isupper() and len(t.text) > 1 and not _is_initial(t) for t in words):
            return False  # a word in capitals is a heading's ("KORT NIEUWS"); an initial is a name's ("Karim B.")
        return len(words) >= 2 or self._name_counts().get(words[-1].text, 0) > 1

    def _may_refer(self, p: Phrase) -> bool:
        return not self.established_names or self.established(p)

    def _name_counts(self) -> dict[str, int]:
        """How often each capitalised word stands in the text (counted once per document)."""
        if self._capital_counts is None:
            counts: dict[str, int] = {}
            for t in self.doc.tokens:
                if is_capitalised(t):
                    counts[t.text] = counts.get(t.text, 0) + 1
            self._capital_counts = counts
        return self._capital_counts

    def _is_definite_role(self, p: Phrase) -> bool:
        """A role without a name after a definite article: "de premier", "de Bredase hoogleraar", "de speciaal
        aanklager", "de emeritus hoogleraar strafrecht" (the article may stand up to two words before it)."""
        toks = self.doc.tokens
        if any(self.finder._is_name(k) and not self.finder._is_adjective(toks[k])
               and not self.lex.is_person_role(toks[k].lower) for k in range(p.start, p.end)):
            return False  # a name in it (a role written with capitals is none: "het Tweede Kamerlid")
        k = p.start
        while k > 0 and p.start - k < 2 and toks[k].lower not in self.lex.definite_articles:
            if not toks[k - 1].text.isalpha() or toks[k - 1].lower in self.lex.prepositions:
                break
            k -= 1
        return toks[k].lower in self.lex.definite_articles and p.end - k <= 5

    def _is_definite_person_noun(self, p: Phrase) -> bool:
        """A definite article and one written word that names a person by what they are, not a body: an agent noun
        in the singular ("de zanger", "de Delftenaar", "de VVD'er", `agent_endings`; not "de werkgevers") or an age
        ("de 45-jarige": a number and an adjective ending), none the body, anonymous-source or not-speaker lists
        know."""
        toks = self.doc.tokens
        if p.end - p.start < 2 or toks[p.start].lower not in self.lex.definite_articles:
            return False
        words = toks[p.start + 1 : p.end]
        if any(a.end != b.start for a, b in zip(words, words[1:], strict=False)):
            return False  # more than one written word
        word = self.doc.text[words[0].start : words[-1].end].lower()
        if (self.lex.is_speaking_body(word) or word in self.lex.anonymous_sources or word in self.lex.not_speakers
                or any(t.lower in self.lex.function_words for t in words)):
            return False
        if any(c.isdigit() for c in word):
            return bool(self.lex.adjective_endings) and word.endswith(self.lex.adjective_endings)
        return (bool(self.lex.agent_endings) and word.endswith(self.lex.agent_endings)
                and not (self.lex.plural_noun_endings and word.endswith(self.lex.plural_noun_endings)))

    def is_anonymous(self, p: Phrase) -> bool:
        """Whether a phrase stands for a source the text does not name: its head is an anonymous-source
        noun ("bronnen", "een ingewijde") and it holds no name."""
        if p.kind in {"pronoun", "name", "anonymous"}:
            return p.kind == "anonymous"
        toks = self.doc.tokens
        cut = next((k for k in range(p.start + 1, p.end) if toks[k].lower in self.lex.anonymous_links), None)
        if cut is not None:  # "bronnen binnen het kabinet": the head is before the link
            return toks[cut - 1].lower in self.lex.anonymous_sources
        return self.finder.head(p) in self.lex.anonymous_sources

    def _mention_for(self, p: Phrase) -> int | None:
        """The mention of the phrase's own words (not of its possessor), one the resolver placed first."""
        best = None
        start = p.own_start
        for k in self._overlapping(start, p.end):
            m = self.doc.mentions[k]
            if m.token_start < p.end and start < m.token_end and (
                    best is None or (m.actor is not None and self.doc.mentions[best].actor is None)):
                best = k
        return best

    def _overlapping(self, start: int, end: int) -> range:
        """Indices of the mentions that may overlap tokens [start, end), in order: a binary search over the
        mentions' first tokens when they are in text order (as the resolver leaves them), so that finding
        the speaker of every quote stays linear in the article; every index otherwise."""
        mentions = self.doc.mentions
        key = (id(mentions), len(mentions), id(mentions[0]) if mentions else 0, id(mentions[-1]) if mentions else 0)
        if self._mention_starts[0] != key:
            starts = [m.token_start for m in mentions]
            ordered = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
            longest = max((m.token_end - m.token_start for m in mentions), default=0)
            self._mention_starts = (key, starts if ordered else None, longest)
        _, known, longest = self._mention_starts
        if known is None:
            return range(len(mentions))
        return range(bisect.bisect_left(known, start - longest), bisect.bisect_left(known, end))

    def _full_name(self, name: str) -> str:
        """The fullest name in the article that contains this one ("Wang" -> "Wang Yi", "Karaveli" ->
        "Halil Karaveli"), without role words in front of it ("Topdiplomaat Wang Yi" -> "Wang Yi").
        Found once per name and article."""
        found = self._full_names.get(name)
        if found is None:
            found = self._full_names[name] = self._find_full_name(name)
        return found

    def _find_full_name(self, name: str) -> str:
        words = name.split()
        if not words or len(words) > 2:
            return name
        best = name
        for n in self.doc.names:
            toks = self.doc.tokens[n.token_start : n.token_end]
            while toks and (self.lex.is_person_role(toks[0].lower) or self.lex.is_speaking_body(toks[0].lower)
                            or toks[0].lower in self.lex.determiners):
                toks = toks[1:]
            fw = [t.text for t in toks]
            if len(fw) <= len(words) or len(fw) > 4:
                continue
            if any(fw[k : k + len(words)] == words for k in range(len(fw) - len(words) + 1)):
                full = self.doc.text[toks[0].start : toks[-1].end]
                if len(full) > len(best):
                    best = full
        return best

    def _antecedent(self, token: int, depth: int = 0) -> Speaker | None:
        """The person a pronoun refers to: a recent speaker, else the subject of the nearest earlier
        sentence (a name, or a pronoun resolved in turn), else any name there."""
        doc = self.doc
        sent = doc.sentence_of_offset(doc.tokens[token].start)
        if sent is None or depth > 3:
            return None
        s = doc.sentences[sent]
        for p in self.finder.phrases(s.token_start, token):
            m = self._mention_for(p)
            actor = doc.mentions[m].actor if m is not None else None
            if self.finder.after_preposition(p):
                continue
            if actor is not None and actor.kind == "person":
                return self.resolve(p)
            if actor is None and m is not None and p.kind == "name" and self.established(p):
                return self.resolve(p)  # a full name the actor resolver does not know ("Anna Smit is blij, zegt ze")
        read: list[list[Phrase]] = []  # the phrases of the sentences back, for the last pass
        for back in range(sent - 1, max(-1, sent - 4), -1):
            prev = doc.sentences[back]
            for tok, speaker in reversed(self.history):
                if prev.token_start <= tok < prev.token_end and speaker.is_person:
                    return speaker
            phrases = self.finder.phrases(prev.token_start, prev.token_end)
            read.append(phrases)
            for p in phrases:
                if self.finder.after_preposition(p):
                    continue
                if p.kind == "pronoun" and doc.tokens[p.start].lower in self.lex.subject_pronouns:
                    return self._antecedent(p.start, depth + 1)
                if p.kind == "name" and self._is_person(p) and self._may_refer(p):
                    return self.resolve(p)
        # any name at all, only where none of the sentences back had a person outside a prepositional phrase
        for phrases in read:
            for p in phrases:
                if p.kind == "name" and self._is_person(p) and self._may_refer(p) and not (
                        self.finder.after_preposition(p) and self._placed_name(self._mention_for(p))):
                    return self.resolve(p)
        return None

    def _is_person(self, p: Phrase) -> bool:
        """Whether a name may be a person: when the actor resolver knows it, its kind says so."""
        m = self._mention_for(p)
        if m is None or self.doc.mentions[m].actor is None:
            return True
        actor = self.doc.mentions[m].actor
        if actor is not None and actor.kind == "person":
            return True
        # a person with a title the resolver gives the state it acts for ("wethouder X" -> NLDGOV)
        return any(self.lex.is_person_role(t.lower) for t in self.doc.tokens[p.start : p.end])

    def _names_person(self, p: Phrase) -> bool:
        """Whether a name phrase that speaks is a person, for what a pronoun or a later quotation may take up: not
        where the actor resolver knows its name as a body or a state ("het Openbaar Ministerie",
        "The New York Times"). A person with a title is one ("wethouder X" -> NLDGOV), also where a later mention
        of the surname alone takes the title's actor over ("Nijpels" after "voorzitter Nijpels"), and so is a
        person with a party after the name ("X van D66")."""
        doc = self.doc
        m = self._mention_for(p)
        if m is None or doc.mentions[m].actor is None:
            return True
        start = doc.mentions[m].token_start
        if start > p.own_start and doc.tokens[start - 1].lower in self.lex.prepositions:
            return True  # the body after the name is the person's ("X van D66")
        seen: set[int] = set()
        while m is not None and m not in seen:
            seen.add(m)
            mention = doc.mentions[m]
            if mention.actor is not None and mention.actor.kind == "person" or any(
                    self.lex.is_person_role(t.lower) for t in doc.tokens[mention.token_start : mention.token_end]):
                return True
            m = mention.antecedent
        return any(self.lex.is_person_role(t.lower) for t in doc.tokens[p.start : p.end])

    def _body_named_before(self, p: Phrase) -> Speaker | None:
        """"de krant", "de dienst" -> the body named with that noun earlier ("de Amerikaanse krant The New York Times",
        "inlichtingendienst AIVD"); otherwise the last body that spoke in the three sentences before."""
        doc = self.doc
        toks = doc.tokens
        noun = toks[p.end - 1].lower
        for i in range(p.start - 1, max(-1, p.start - 1 - ROLE_LOOKBACK_TOKENS), -1):
            if toks[i].lower.endswith(noun) and i + 1 < len(toks) and is_capitalised(toks[i + 1]) and (
                    self.finder._is_name(i + 1)):
                q = self.finder.phrase_at(i + 1, len(toks))
                if q is not None and q.kind in {"name", "body"}:
                    found = self._resolve(q)
                    if found is not None:
                        return Speaker(p, found.ref, False)
        sent = doc.sentence_of_offset(toks[p.start].start) or 0
        for tok, speaker in reversed(self.history):
            s = doc.sentence_of_offset(toks[tok].start) or 0
            if sent - s > 3:
                break
            if not speaker.is_person and speaker.ref.kind != "anonymous" and speaker.phrase.kind == "name":
                return Speaker(p, speaker.ref, False)
        return None

    def _holder_after_portfolio(self, p: Phrase, i: int) -> Speaker | None:
        """The person a role at token i names after its portfolio, which "van" opens ("minister van Buitenlandse
        Zaken Mike Pompeo", "de minister van Volksgezondheid, Hugo de Jonge,"): a person the actor resolver knows,
        in the mention that holds the role or right after the portfolio and a comma."""
        doc = self.doc
        toks = doc.tokens
        for k in self._overlapping(max(0, i - 4), i + 9):
            m = doc.mentions[k]
            a = m.actor
            if a is None or a.kind != "person" or m.token_end <= i + 2 or m.token_start > i + 8:
                continue
            if m.token_start > i:
                between = range(i + 1, m.token_start)
                if not (toks[m.token_start - 1].text == "," and all(
                        toks[j].text == "," and j == m.token_start - 1 or toks[j].lower in self.lex.noun_links
                        or toks[j].lower in self.lex.determiners or toks[j].lower in self.lex.coordinators
                        or is_capitalised(toks[j]) for j in between)):
                    continue
            ref = ActorRef.from_mention(doc, k)
            ref.name = a.name or ref.name
            return Speaker(p, ref, True)
        return None

    def _role_holder(self, p: Phrase, *, nearest: bool = True) -> Speaker | None:
        """"de premier" -> the name written with that role earlier ("premier Theresa May"); otherwise
        the last person who spoke in the previous sentences."""
        doc = self.doc
        toks = doc.tokens
        role = toks[p.end - 1].lower
        for i in range(p.start - 1, max(-1, p.start - 1 - ROLE_LOOKBACK_TOKENS), -1):
            if toks[i].lower == role and i + 1 < len(toks) and toks[i + 1].lower in self.lex.noun_links:
                holder = self._holder_after_portfolio(p, i)
                if holder is not None:
                    return holder
            if toks[i].lower == role and i + 1 < len(toks) and self.finder._is_name(i + 1):
                end = self.finder._name_end(i + 1, len(toks))
                name = doc.text[toks[i + 1].start : toks[end - 1].end]
                q = Phrase(i + 1, end, "name")
                ref = ActorRef(name=self._full_name(name))
                mention = self._mention_for(q)
                if mention is not None and doc.mentions[mention].actor is not None:
                    a = doc.mentions[mention].actor
                    assert a is not None
                    ref.actor, ref.country, ref.actor_id, ref.mention = a.code, a.country, a.id, mention
                return Speaker(p, ref, True)
        if not nearest:
            return None
        if self.lex.is_person_role(role) or p.end - p.start == 2 and self.finder._is_adjective(toks[p.end - 1]):
            # the nearest person before it, a speaker or the subject of the sentences before ("de Engelse": an
            # adjective of origin standing for a person)
            person = self._antecedent(p.start)
            if person is not None:
                return Speaker(p, person.ref, True)
            sent = doc.sentence_of_offset(toks[p.start].start) or 0
            for tok, speaker in reversed(self.history):
                s = doc.sentence_of_offset(toks[tok].start) or 0
                if sent - s <= 3 and speaker.is_person:
                    return speaker
        return None
