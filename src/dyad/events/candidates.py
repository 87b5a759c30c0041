"""Candidates from the lexicon: the trigger words of a sentence, found clause by clause.

A sentence is read as tokens (`Tok`: a word form with the lemmas a lexicon word may match, from the lookup
lemma table and the language's regular `inflection`) and clauses (`Clause`: it ends at punctuation and
before a subordinating conjunction or a relative pronoun; a parenthesis is a clause of its own). Each
lexicon trigger is matched inside one clause (`Match`):

- a verb by one of its lemmas; a separable verb ("terug|roepen") as one word ("teruggeroepen"), with its
  particle later in the clause or the clauses after it ("riep ... terug"), or before an infinitive marker
  ("terug te roepen");
- a noun by its lemma, its plural endings or as the end of a compound ("handelssancties");
- a phrase word by word, with "..." a gap of up to eight words;
- after the entry's conditions: `without` (no such word in the sentence), `with` (a licensing object in the
  clause or the next), `not_before` (no such word opening the next clause) and `before` (the next clause,
  right after this one, opens with such a word and names an actor).

`Candidates.select` then keeps one reading of each stretch of words: the higher priority, what an
absorbing trigger (an appeal, a threat) does not absorb, the longer phrase, and not the object that
licensed another entry. Every word the matcher reacts to comes from the lexicon (`dyad.events.lexicon`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

from dyad.document import Document, Token
from dyad.events.lexicon import GAP, Inflection, Lexicon, Trigger
from dyad.lang.data import lemma_table, stem_infinitives

_MAX_GAP = 8  # tokens a "..." gap or a separable particle may span
_TOK_CACHE_SIZE = 200_000  # distinct (form, lemma) pairs whose lexicon keys the coder keeps


@cache
def word_keys(word: str, language: str, inflection: Inflection) -> frozenset[str]:
    """Lemma candidates of a single word: itself, its lookup lemma, and the lemmas its regular inflection
    (the lexicon's `inflection`) may come from."""
    keys = {word}
    lemma = lemma_table(language).get(word)
    if lemma is not None:
        keys.add(lemma)
    if not inflection.suffixes or len(word) < inflection.min_word or not word.isalpha():
        return frozenset(keys)
    # a lemma that starts with a prefix and has an ending of a verb ("gelooft" -> geloven) is a verb of its own:
    # its form is no participle, and the prefix stays on ("loven" is no lemma of it)
    own_prefix = bool(
        inflection.prefixed_lemma_endings and lemma is not None and lemma != word
        and lemma.startswith(inflection.prefixes) and lemma.endswith(inflection.prefixed_lemma_endings)
    )
    keys |= _inflected_stems(word, inflection, prefixed=not own_prefix)
    for ending, replacement in inflection.replacements:
        if word.endswith(ending):
            keys.add(word[: -len(ending)] + replacement)
    return frozenset(keys)


def _inflected_stems(word: str, inflection: Inflection, prefixed: bool = True) -> set[str]:
    """The lemma candidates of the stems a word leaves without one of its suffixes or (where `prefixed`) prefixes."""
    min_stem = inflection.min_stem
    stems = {word} if word[-1] in inflection.bare_stem_endings else set()
    for suffix in inflection.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            stems.add(word[: -len(suffix)])
    for stem in list(stems) if prefixed else []:
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
class Tok:
    """A token as the coder sees it: its lower-cased text and the keys a lexicon word can match."""

    i: int  # document token index
    lower: str
    keys: frozenset[str]
    compound: frozenset[str]  # "particle|verb" keys of a single-word separable verb ("teruggeroepen")
    wordings: frozenset[int] = frozenset()  # the verb and noun wordings this token may match (`WordingIndex`)
    phrases: frozenset[int] = frozenset()  # the phrases indexed under one of its words (`WordingIndex`)
    opens_mention: bool = False  # the first token of an actor mention ("in China": a preposition before it)


@dataclass
class Match:
    trigger: Trigger
    tokens: list[int]  # document token indices of the trigger parts
    anchor: int  # the token the roles are read from (the verb, or the noun)
    kind: str  # verb | noun | phrase
    clause: int
    licensed_by: frozenset[int] = frozenset()  # tokens that satisfied the entry's `with` (its object)


@dataclass
class Clause:
    start: int  # document token indices, half-open
    end: int
    mentions: list[int] = field(default_factory=list)  # indices into doc.mentions
    holes: frozenset[int] = frozenset()  # tokens inside the range that belong elsewhere (a parenthesis)

    @property
    def idx(self) -> list[int]:
        return [i for i in range(self.start, self.end) if i not in self.holes]


@dataclass(frozen=True)
class Wording:
    """One wording of a lexicon trigger, as the matcher tries it: a verb lemma ("particle|verb" for a
    separable verb), a noun, or a phrase word by word (with `GAP` for a gap)."""

    trigger: int  # index of its trigger in the lexicon
    kind: str  # verb | noun | phrase
    words: tuple[str, ...]  # the verb or the noun as its one word; the phrase's words
    needs: frozenset[str]  # a phrase's words without gaps: all must be among a clause's words for it to match


@dataclass(frozen=True)
class WordingIndex:
    """The lexicon's wordings, numbered trigger by trigger in the order the matcher tries a trigger's
    wordings (its verbs, its nouns, then its phrases grouped by first word), and the words that find them.

    A wording can only match in a clause that holds its index words, so a clause tries only the wordings its
    tokens' words lead to, and sorting their numbers gives back the lexicon's order (the order of the matches).

    - `by_lookup`: a verb under its lemma (and a separable verb also under its base verb), a noun under itself
      and its plural forms: found through a token's lookup words (`Candidates._lookup_words`), which hold the
      suffixes a compound noun may end in.
    - `by_word`: a phrase under the one of its words that the fewest phrases of the lexicon share, found through
      a token's lower-cased form and keys; it is tried only where the clause holds all its words (`needs`).
    """

    wordings: tuple[Wording, ...]
    by_lookup: Mapping[str, frozenset[int]]
    by_word: Mapping[str, frozenset[int]]
    of_trigger: Mapping[int, tuple[int, ...]]  # trigger index -> its wordings' numbers, in order


def trigger_wordings(n: int, trig: Trigger) -> list[Wording]:
    """A trigger's wordings in the order the matcher tries them. A phrase that starts with a gap never
    matches and is left out."""
    out = [Wording(n, "verb", (verb,), frozenset()) for verb in trig.verbs]
    out += [Wording(n, "noun", (noun,), frozenset()) for noun in trig.nouns]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in trig.phrases:
        if phrase and phrase[0] != GAP:
            by_first.setdefault(phrase[0], []).append(phrase)
    out += [Wording(n, "phrase", phrase, frozenset(w for w in phrase if w != GAP))
            for phrases in by_first.values() for phrase in phrases]
    return out


def wording_index(lexicon: Lexicon) -> WordingIndex:
    """The `WordingIndex` of a lexicon (built once, with the matcher)."""
    wordings = [w for n, trig in enumerate(lexicon.triggers) for w in trigger_wordings(n, trig)]
    plurals = lexicon.words.get("noun_endings", frozenset())
    shared: dict[str, int] = {}  # word -> number of phrases holding it
    for w in wordings:
        if w.kind == "phrase":
            for word in w.needs:
                shared[word] = shared.get(word, 0) + 1
    by_lookup: dict[str, set[int]] = {}
    by_word: dict[str, set[int]] = {}
    of_trigger: dict[int, list[int]] = {}
    for number, w in enumerate(wordings):
        of_trigger.setdefault(w.trigger, []).append(number)
        word = w.words[0]
        if w.kind == "phrase":
            rarest = min(w.needs, key=lambda x: (shared[x], x))
            by_word.setdefault(rarest, set()).add(number)
            continue
        keys = {word, word.rpartition("|")[2]} if w.kind == "verb" else {word, *(word + e for e in plurals)}
        for key in keys:
            by_lookup.setdefault(key, set()).add(number)
    return WordingIndex(
        tuple(wordings),
        {k: frozenset(v) for k, v in by_lookup.items()},
        {k: frozenset(v) for k, v in by_word.items()},
        {n: tuple(v) for n, v in of_trigger.items()},
    )



@dataclass
class Sentence:
    """One sentence as the coder reads it: its tokens by document index and its clauses (with the actor
    mentions each holds)."""

    doc: Document
    index: int
    toks: Mapping[int, Tok]
    clauses: list[Clause]


class Candidates:
    """The trigger matcher of one lexicon: `sentence` reads a sentence, `find` its matches, `select` the
    readings kept."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.language = lexicon.language
        self._particles = sorted(lexicon.words.get("particles", frozenset()), key=len, reverse=True)
        self._particle_starts = tuple(self._particles)
        lemma_table(self.language)  # load the lookup table with the component, not on the first sentence
        self.index = wording_index(lexicon)
        #: id of a lexicon trigger -> its index (the lexicon's triggers live as long as the matcher)
        self._trigger_number = {id(trig): n for n, trig in enumerate(lexicon.triggers)}
        #: (lower, lemma) -> (keys, compound, verb and noun wordings, phrases) of a token; see `tok`
        self._tok_cache: dict[
            tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[int], frozenset[int]]
        ] = {}
        self._noun_endings = tuple(sorted(self._w("noun_endings")))
        self._compound_endings = tuple(sorted(self._w("compound_endings")))
        self._infinitive = self._w("infinitive_markers")
        # word classes the participle and adjunct tests read for every verb and noun word matched
        self._noun_openers = self._w("determiners") | self._w("attributive_articles")
        self._attributive_endings = tuple(self._w("attributive_endings"))
        self._infinitive_endings = tuple(self._w("infinitive_endings"))
        self._participle_prefixes = tuple(self._w("participle_prefixes"))
        self._person_endings = tuple(p for p in self._w("person_nouns") if len(p) >= 5)

    def _w(self, name: str) -> frozenset[str]:
        return self.lexicon.words.get(name, frozenset())

    def sentence(self, doc: Document, index: int) -> Sentence:
        """The tokens and clauses of sentence `index`, each mention placed in the clause it starts in."""
        sent = doc.sentences[index]
        toks = {t.i: self.tok(t) for t in doc.sentence_tokens(index)}
        in_sentence = doc.mentions_in(index)
        spans = [(doc.mentions[mi].token_start, doc.mentions[mi].token_end) for mi in in_sentence]
        clauses = self._clauses(doc, sent.token_start, sent.token_end, toks, spans)
        for m_index in in_sentence:
            m = doc.mentions[m_index]
            if m.token_start in toks:
                toks[m.token_start].opens_mention = True
            for c in clauses:
                if c.start <= m.token_start < c.end and m.token_start not in c.holes:
                    c.mentions.append(m_index)
                    break
        return Sentence(doc, index, toks, clauses)

    @staticmethod
    def _lookup_words(lower: str, keys: frozenset[str], compound: frozenset[str]) -> set[str]:
        """The words a token finds verbs and nouns by in the wording index: its keys, compound keys, itself and
        its suffixes of five letters or more (a compound noun ending in a lexicon noun)."""
        out = {lower, *keys, *compound}
        out.update(lower[k:] for k in range(1, len(lower) - 4))
        return out


    def tok(self, token: Token) -> Tok:
        lower = token.lower
        cache_key = (lower, token.lemma)
        cached = self._tok_cache.get(cache_key)
        if cached is None:
            keys, compound = self._tok_keys(token)
            by_lookup, by_word = self.index.by_lookup, self.index.by_word
            wordings = frozenset().union(
                *(by_lookup[w] for w in self._lookup_words(lower, keys, compound) if w in by_lookup)
            )
            phrases = frozenset().union(*(by_word[w] for w in {lower, *keys} if w in by_word))
            if len(self._tok_cache) >= _TOK_CACHE_SIZE:
                self._tok_cache.clear()  # bounded over long corpora
            cached = self._tok_cache[cache_key] = (keys, compound, wordings, phrases)
        return Tok(token.i, lower, *cached)

    def _tok_keys(self, token: Token) -> tuple[frozenset[str], frozenset[str]]:
        """The keys and compound keys of a token (a function of its lower-cased form and lemma)."""
        lower = token.lower
        # a bare stem that news text uses as a noun ("de dood", "de vraag") is not read as a verb form
        inflection = self.lexicon.inflection
        keys = {lower} if lower in self._w("nouns_not_verbs") else set(word_keys(lower, self.language, inflection))
        if token.lemma:
            keys.add(token.lemma.lower())
        compound: set[str] = set()
        particles = self._particle_starts  # a word that starts with none of them needs no loop
        if lower.startswith(particles):
            for p in self._particles:
                if lower.startswith(p) and len(lower) >= len(p) + 3:
                    rest = lower[len(p) :]
                    for k in word_keys(rest, self.language, self.lexicon.inflection):
                        compound.add(f"{p}|{k}")
        for k in list(keys):
            if not k.startswith(particles):
                continue
            for p in self._particles:
                if k.startswith(p) and len(k) >= len(p) + 3:
                    compound.add(f"{p}|{k[len(p) :]}")
        return frozenset(keys), frozenset(compound)


    def _clauses(
        self,
        doc: Document,
        start: int,
        end: int,
        toks: Mapping[int, Tok],
        spans: Sequence[tuple[int, int]] = (),
    ) -> list[Clause]:
        """Split a sentence into clauses. A parenthesis is a clause of its own and the clause around it
        goes on after it; a comma inside an actor mention ("de Duitse ambassadeur, Daniel Kriener") or
        between listed actors ("De Verenigde Naties, Syrië en Turkije") does not split."""
        breaks = self._w("clause_breaks")
        subs = self._w("subordinators") | self._w("relative_pronouns")
        # the second word of a correlative pair after its first in the clause coordinates ("zowel X als Y")
        correlatives = {second: first for pair in self._w("correlative_conjunctions")
                        for first, second in [pair.split()]}
        inside = {t for a, b in spans for t in range(a + 1, b)}
        starts = {a: b for a, b in spans}
        clauses: list[Clause] = []
        cur = start
        holes: set[int] = set()

        def close(upto: int) -> None:
            if any(i not in holes for i in range(cur, upto)):
                clauses.append(Clause(cur, upto, holes=frozenset(h for h in holes if cur <= h < upto)))

        i = start
        while i < end:
            lower = toks[i].lower
            if lower == "(":
                j = next((k for k in range(i + 1, min(end, i + 15)) if toks[k].lower == ")"), None)
                if j is not None and i > cur:
                    clauses.append(Clause(i + 1, j)) if j > i + 1 else None
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
            elif lower in subs and i > cur and not (
                lower in correlatives and any(toks[k].lower == correlatives[lower] for k in range(cur, i))
            ):
                close(i)
                cur = i
                holes = set()
            i += 1
        if cur < end:
            close(end)
        clauses.sort(key=lambda c: c.start)
        return clauses or [Clause(start, end)]

    def _only_mentions(
        self, a: int, b: int, holes: set[int], spans: Sequence[tuple[int, int]], toks: Mapping[int, Tok]
    ) -> bool:
        """Whether tokens a..b are actor mentions, list commas, conjunctions and list fillers only (a list of
        actors: "Ook Duitsland, Oostenrijk en België")."""
        covered = {t for x, y in spans for t in range(x, y)}
        links = {",", *self._w("coordinators"), *self._w("determiners"), *self._w("list_fillers")}
        rest = [i for i in range(a, b) if i not in holes and i not in covered]
        return any(i in covered for i in range(a, b)) and all(toks[i].lower in links for i in rest)


    def find(self, toks: Mapping[int, Tok], clauses: Sequence[Clause]) -> list[Match]:
        """The matches of the lexicon's triggers in each clause, trigger by trigger in lexicon order. A clause
        tries only the wordings its tokens lead to (`WordingIndex`)."""
        found: list[Match] = []
        sentence_words = {t.lower for t in toks.values()} | {k for t in toks.values() for k in t.keys}
        triggers = self.lexicon.triggers
        wordings = self.index.wordings
        for ci, clause in enumerate(clauses):
            span = [toks[i] for i in clause.idx]
            tails: list[list[Tok]] = []  # the tail, built once and only when a trigger gets that far
            for n, group in groupby(self.clause_wordings(span), key=lambda number: wordings[number].trigger):
                found += self._trigger_matches(
                    triggers[n], toks, clauses, ci, sentence_words, tails, [wordings[g] for g in group], span
                )
        return found

    def clause_wordings(self, span: Sequence[Tok]) -> list[int]:
        """The numbers of the wordings a clause (its tokens) may match, in lexicon order: a verb or a noun
        whose index words are among its tokens' lookup words, a phrase all of whose words are among their
        forms and keys."""
        numbers: set[int] = set().union(*(t.wordings for t in span))
        phrases: set[int] = set().union(*(t.phrases for t in span))
        if phrases:
            wordings = self.index.wordings
            clause_words = {t.lower for t in span} | {k for t in span for k in t.keys}
            numbers.update(p for p in phrases if wordings[p].needs <= clause_words)
        return sorted(numbers)

    def _trigger_matches(
        self,
        trig: Trigger,
        toks: Mapping[int, Tok],
        clauses: Sequence[Clause],
        ci: int,
        sentence_words: set[str],
        tails: list[list[Tok]],
        wordings: Sequence[Wording] | None = None,
        span: Sequence[Tok] | None = None,
    ) -> list[Match]:
        """The matches of one trigger in clause `ci`, after its sentence-wide `without`, its `with` licence and
        second licence `with_also` (each in the clause or the next) and its `not_before` sense: of the given
        wordings of the trigger, or of all of them. `tails` caches the clause's tail; `span` is the clause's tokens
        when the caller has them."""
        if trig.without and trig.without & sentence_words:
            return []
        licensed: frozenset[int] = frozenset()
        if trig.with_:
            if trig.with_.isdisjoint(sentence_words):
                return []  # no licensing word anywhere in the sentence
            context = self._context(toks, clauses, ci)
            licensed = frozenset(t.i for t in context if ({t.lower} | t.keys) & trig.with_)
            if not licensed:
                return []
            if trig.with_also and not any(({t.lower} | t.keys) & trig.with_also for t in context):
                return []
        if not tails:
            tails.append(self._tail(toks, clauses, ci))
        if span is None:
            span = [toks[i] for i in clauses[ci].idx]
        if wordings is None:
            wordings = self._all_wordings(trig)
        out: list[Match] = []
        for tokens, anchor, kind in self._match_wordings(wordings, span, tails[0]):
            if trig.not_before and self._before_clause(clauses, ci, tokens, toks, trig.not_before):
                continue
            if trig.before and (not self._opens_next(clauses, ci, toks, trig.before)
                                or self._speech_after(toks, clauses[ci], tokens)):
                continue
            out.append(Match(trig, tokens, anchor, kind, ci, licensed - set(tokens)))
        return out

    def _all_wordings(self, trig: Trigger) -> Sequence[Wording]:
        """Every wording of a trigger, in order (of a trigger outside the lexicon too)."""
        n = self._trigger_number.get(id(trig))
        if n is None:
            return trigger_wordings(-1, trig)
        return [self.index.wordings[number] for number in self.index.of_trigger.get(n, ())]

    @staticmethod
    def _before_clause(
        clauses: Sequence[Clause], ci: int, tokens: Sequence[int], toks: Mapping[int, Tok], words: frozenset[str]
    ) -> bool:
        """Whether the trigger ends its clause and the next clause opens with one of `words` ("Hij gaf toe |
        dat ...")."""
        clause = clauses[ci]
        if not clause.idx or clause.idx[-1] not in tokens or ci + 1 >= len(clauses):
            return False
        nxt = clauses[ci + 1].idx
        return bool(nxt) and toks[nxt[0]].lower in words

    @staticmethod
    def _opens_next(clauses: Sequence[Clause], ci: int, toks: Mapping[int, Tok], words: frozenset[str]) -> bool:
        """Whether the clause right after clause `ci`, with no punctuation between them, opens with one of
        `words` and names an actor ("Hij wil | dat het kabinet ...", not "Zij willen | dat onder geen beding")."""
        if ci + 1 >= len(clauses) or clauses[ci + 1].start != clauses[ci].end or not clauses[ci + 1].mentions:
            return False
        nxt = clauses[ci + 1].idx
        return bool(nxt) and toks[nxt[0]].lower in words

    def _speech_after(self, toks: Mapping[int, Tok], clause: Clause, tokens: Sequence[int]) -> bool:
        """Whether a verb of speech or showing (`speech_lemmas`, `showing_lemmas`) follows the trigger in its
        clause: the clause after it is that verb's content ("wil duidelijk maken dat ...", "wil benadrukken dat
        ..."), a statement, no complement of the trigger."""
        verbs = self._w("speech_lemmas") | self._w("showing_lemmas")
        last = max(tokens)
        return any(toks[i].keys & verbs for i in clause.idx if i > last)

    @staticmethod
    def _context(toks: Mapping[int, Tok], clauses: Sequence[Clause], ci: int) -> list[Tok]:
        """Tokens of a clause and the next one (a light verb's object may sit in an infinitive clause)."""
        return [toks[i] for c in clauses[ci : ci + 2] for i in c.idx]

    def _tail(self, toks: Mapping[int, Tok], clauses: Sequence[Clause], ci: int) -> list[Tok]:
        """Tokens of the following clauses up to the next subordinate or coordinated clause: a separated
        particle may follow an apposition ("zet de Duitse ambassadeur, Daniel Kriener, het land uit")."""
        stop = self._w("subordinators") | self._w("relative_pronouns") | self._w("coordinators")
        out: list[Tok] = []
        for c in clauses[ci + 1 :]:
            if c.start < clauses[ci].end or toks[c.start].lower in stop:
                break
            out.extend(toks[i] for i in c.idx)
        return out

    def _match_wordings(
        self, wordings: Iterable[Wording], span: Sequence[Tok], tail: Sequence[Tok] = ()
    ) -> Iterable[tuple[list[int], int, str]]:
        """The matches of wordings in a clause (span) and the clauses after it (tail), wording by wording."""
        for wording in wordings:
            if wording.kind == "verb":
                yield from self._match_verb(wording.words[0], span, tail)
            elif wording.kind == "noun":
                noun = wording.words[0]
                for k, tok in enumerate(span):
                    if self._noun_matches(noun, tok) and not self._adjunct_noun({noun}, span, k):
                        yield [tok.i], tok.i, "noun"
            else:
                hit = self._match_phrase(wording.words, span)
                if hit and not self._adjunct_noun({wording.words[0]}, span, [t.i for t in span].index(hit[0])):
                    yield hit, hit[0], "phrase"

    def _match_verb(self, verb: str, span: Sequence[Tok], tail: Sequence[Tok]) -> Iterable[tuple[list[int], int, str]]:
        """A verb by one of its lemmas; a separable verb as one word, or with its particle apart. A verb form
        used as an adjective (`_attributive`) reports no deed."""
        infinitive = self._infinitive
        particle, _, base = verb.rpartition("|")
        for k, tok in enumerate(span):
            # the attributive test reads the words around; only a word of the verb needs it
            found = verb in tok.keys if not particle else (
                verb in tok.compound or (base in tok.keys and tok.lower != particle))
            if not found or self._attributive(span, k):
                continue
            if not particle:
                if not self._adjunct_noun(tok.keys, span, k):
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

    def _attributive(self, span: Sequence[Tok], k: int) -> bool:
        """Whether the word at k stands between an article (`attributive_articles`) and the noun it qualifies:
        a participle used as an adjective ("de aangehouden vrouw", "een bedreigende uiting") names a deed done
        before, or none, not one the clause reports. A word after it that may not be a noun (a preposition, a
        conjunction, a finite verb, punctuation) leaves the verb's noun use ("de strijd tegen"). Nor is a verb form
        that is itself the noun: a participle before a person, an infinitive with its article ("het vastzetten van"),
        a plural in the infinitive's form after an article ("de aanvallen van Israël")."""
        if self._participle_before_person(span, k) or self._nominal_infinitive(span, k) \
                or self._noun_after_article(span, k):
            return True
        if k == 0 or k + 1 >= len(span) or span[k - 1].lower not in self._w("attributive_articles"):
            return False
        nxt = span[k + 1].lower
        not_nouns = (
            self._w("prepositions") | self._w("coordinators") | self._w("subordinators")
            | self._w("finite_auxiliaries") | self._w("negation")
        )
        return nxt.isalpha() and nxt not in not_nouns

    def _noun_after_article(self, span: Sequence[Tok], k: int) -> bool:
        """Whether the word at k, in the infinitive's form, follows an article, with only inflected adjectives
        between: a plural noun or a nominalised verb ("veroordeelde de aanvallen van Israël", "de Israëlische
        aanvallen"), no verb whose subject is the clause's ("Syrië wil Israël aanvallen")."""
        endings = self._infinitive_endings
        if not endings or not span[k].lower.endswith(endings):
            return False
        j = k - 1
        while j >= 0 and span[j].lower.endswith(self._attributive_endings) and \
                span[j].lower not in self._w("attributive_articles"):
            j -= 1
        return j >= 0 and span[j].lower in self._w("attributive_articles")

    def _nominal_infinitive(self, span: Sequence[Tok], k: int) -> bool:
        """Whether the word at k is an infinitive used as a noun: after a neuter article and before the
        possessive preposition that names what it is done to ("het vastzetten van de betogers", "het verbreken van
        de banden"): it names a deed, without saying that the clause's subject did it."""
        articles = self._w("infinitive_articles")
        endings = self._infinitive_endings
        if not articles or not endings or k == 0 or k + 1 >= len(span) or span[k - 1].lower not in articles:
            return False
        return span[k].lower.endswith(endings) and span[k + 1].lower in self._w("possessive_prepositions")

    def _participle_before_person(self, span: Sequence[Tok], k: int) -> bool:
        """Whether the word at k is a participle (`participle_prefixes`, after a separable particle if one
        leads: "gearresteerde", "uitgewezen") right before a person noun (`person_nouns`, or a compound ending
        in one of five letters or more): an adjective without an article ("dat uitgezette vluchtelingen
        terug mogen komen", "Opgepakte demonstranten werden vrijgelaten"), no deed the clause reports. A finite verb
        before its object has no such prefix ("arresteerde demonstranten")."""
        prefixes = self._participle_prefixes
        if not prefixes or k + 1 >= len(span):
            return False
        word = span[k].lower
        for particle in self._w("particles"):
            if word.startswith(particle) and word[len(particle) :].startswith(prefixes):
                word = word[len(particle) :]
                break
        if not word.startswith(prefixes):
            return False
        persons = self._w("person_nouns")
        endings = self._person_endings
        inflected = self._attributive_endings
        # inflected adjectives may stand between ("uitgezette Oekraïense journalisten")
        j = k + 1
        # (an article ends as they do, but opens the participle's object: "heeft opgeroepen de gevangenen ...")
        determiners = self._noun_openers
        while j + 1 < len(span) and j <= k + 2 and inflected and span[j].lower.endswith(inflected) \
                and span[j].lower not in persons and span[j].lower not in determiners:
            j += 1
        nxt = span[j]
        return nxt.lower in persons or bool(nxt.keys & persons) or nxt.lower.endswith(endings)

    def _adjunct_noun(self, words: set[str] | frozenset[str], span: Sequence[Tok], k: int) -> bool:
        """Whether the noun at k opens no deed of its own but a circumstance of another one: the preposition
        before it (past an article and inflected adjectives) and the noun make one of `adjunct_nouns` ("praat
        onder voorwaarden", "steunt het op voorwaarde dat ...",
        "praat over hun eisen", where a plural noun is also a verb's infinitive): the clause reports the
        other deed, or none. `words` are the noun's lemmas as the trigger matched them."""
        pairs = self._w("adjunct_nouns")
        if not pairs:
            return False
        determiners = self._noun_openers
        inflected = self._attributive_endings
        prepositions = self._w("prepositions")
        j = k - 1
        while j >= 0 and k - j <= 3:
            word = span[j].lower
            if word in prepositions or not (word in determiners or inflected and word.endswith(inflected)):
                break
            j -= 1
        return j >= 0 and any(f"{span[j].lower} {word}" in pairs for word in words)

    def _is_particle(self, span: Sequence[Tok], j: int) -> bool:
        """A separable particle, not a preposition: it ends the clause or precedes an infinitive marker, a
        verb cluster or a complement. In a language that lists `preposition_articles` (Dutch: the particle
        ends the clause, "riep zijn ambassadeur terug"), an article right after it makes it a preposition
        ("op de VS"); English puts the particle before the object ("called off the talks")."""
        if j + 1 >= len(span):
            return True
        # (and in such a language an actor's name after it makes it a preposition too: "neemt de vraag in
        # China toe" has no "innemen")
        articles = self._w("preposition_articles")
        return span[j + 1].lower not in articles and not (articles and span[j + 1].opens_mention)

    def _noun_matches(self, noun: str, tok: Tok) -> bool:
        w = tok.lower
        if noun in tok.keys or any(w == noun + ending for ending in self._noun_endings):
            return True
        # compounds ending in the noun: "handelssancties", "staatsbezoek" (not for short nouns)
        if len(noun) >= 5 and len(w) > len(noun) + 2:
            for form in (noun, *(noun + ending for ending in self._compound_endings)):
                if w.endswith(form) and w[-len(form) - 1] != "-" or w.endswith("-" + form):
                    return True
        return False

    @staticmethod
    def _word_ok(word: str, tok: Tok) -> bool:
        return word == tok.lower or word in tok.keys

    def _match_phrase(self, phrase: Sequence[str], span: Sequence[Tok]) -> list[int] | None:
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
    def _in_gap(m: Match, k: Match) -> bool:
        """A noun between the parts of a phrase trigger is that phrase's object, not a deed of its own
        ("beloofde de sancties in te trekken": the sanctions are what the promise is about)."""
        return (
            m.kind == "noun"
            and k.kind == "phrase"
            and k.trigger.priority >= m.trigger.priority
            and min(k.tokens) < min(m.tokens)
            and max(m.tokens) < max(k.tokens)
        )

    def select(self, matches: list[Match]) -> list[Match]:
        """Drop a match whose tokens overlap a match of higher priority; drop what a threat absorbs."""
        reaction_roots = self._w("reaction_roots")
        matches.sort(key=lambda m: (-m.trigger.priority, m.tokens[0]))
        kept: list[Match] = []
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
                # the object that licenses the later entry is its object, no deed that absorbs it ("de
                # beschuldigingen zijn onzin")
                and k.anchor not in m.licensed_by
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
            and not any(self._in_gap(m, k) for k in kept)
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
