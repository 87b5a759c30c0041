"""The quote finder: direct, partial and indirect quotations and who said them.

Registered as `cue_quotes` for the quotes stage. Reads `tokens`, `sentences`, `names` and (when the actor
resolver filled them) `mentions`; writes `quotes`. Everything language-specific comes from
`dyad/lang/<language>/quotes.yaml` (see `dyad.quotes.lexicon`).

How it works:

1. Quotation marks are classified (opening, closing, apostrophe) and paired over the whole text
   (`dyad.quotes.marks`), so quotations may run over several sentences or miss a mark.
2. Each quotation is `direct` when it stands as a sentence of its own or reaches the end of its
   sentence with a clause of some length, `partial` when it is a word or phrase inside a sentence.
   Its speaker is found, in this order, after it ("…’, zei Lavrov"), before it in its sentence
   ("Netanyahu reageerde: “…”", "Volgens het Witte Huis ‘…’"), or - for a quotation without a cue - the
   speaker of the sentence before (the seed's "‘De verantwoordelijkheid … ligt volledig bij de VS’.").
3. Indirect speech: a speech verb with a content clause ("zei dat …", "liet weten dat …"), a speech
   verb with an infinitive ("zei open te staan voor …"), a source marker ("Volgens hem …", "…, aldus
   Washington") or an inserted cue ("…, meent hij, …"). The text is the content clause.
4. Speakers are noun phrases found without a parser (`dyad.quotes.speakers`); pronouns and bare role
   nouns are resolved to earlier persons, actors come from the resolver's mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from dyad.document import ActorRef, Document, Quote, Sentence, Token
from dyad.pipeline import register
from dyad.quotes.lexicon import QuoteLexicon, get_lexicon
from dyad.quotes.marks import QuotedSpan, classify_marks, find_quoted_spans
from dyad.quotes.speakers import Phrase, PhraseFinder, Speaker, SpeakerResolver, is_capitalised, is_word

#: Punctuation that ends a clause for speaker search.
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "–", "—", "-", "?", "!", "."})
#: Tokens that are (parts of) quotation marks.
_MARK_CHARS = frozenset("‘’‚“”„\"'«»‹›,")
#: The most words a cue after a quotation may stand behind: a long subject ("…,” the mayor’s senior housing
#: policy adviser Tom Bell said).
_SUBJECT_WORDS = 12
#: The most commas inside an apposition between a speaker and its cue.
_APPOSITION_COMMAS = 3
#: Words in a stretch of text (an attribution between two pieces of a quotation).
_WORDS_RE = re.compile(r"\w+")


@dataclass
class _Cue:
    start: int  # first token of the cue
    end: int  # token after its last part
    text: str


@dataclass
class _SubjectSearch:
    """Where the subject of a cue is looked for (`QuoteFinder._subject_phrase`): the cue, the sentence span
    [lo, hi), the start of the cue's clause, where its subject may start (after the clause openers) and the
    usable speaker phrases between the clause start and the cue verb."""

    cue: _Cue
    lo: int
    hi: int
    clause: int
    start: int
    before: list[Phrase]

    @property
    def verb(self) -> int:
        return self.cue.start


@dataclass
class _Around:
    """Where a quotation stands (`QuoteFinder._around`): its first token, the sentences it opens and closes in, the
    start of its sentence and of its clause, the tokens (and words) before and after it there, its first content
    token and its number of words."""

    sp: QuotedSpan
    first_tok: int
    open_sent: Sentence
    close_sent: Sentence
    open_lo: int
    clause_lo: int
    before: list[int]
    after: list[int]
    words_before: list[int]
    words_after: list[int]
    content_first: int
    n_words: int

    def prev(self, toks: list[Token]) -> Token | None:
        """The token right before the quotation in its sentence."""
        return toks[self.before[-1]] if self.before else None


@dataclass
class _Attribution:
    """What the steps of `QuoteFinder._quoted` found: the speaker, the cue, the rule, and where the speaker after
    a source marker ("Volgens X") ends."""

    speaker: Speaker | None = None
    cue: _Cue | None = None
    rule: str = ""
    marker_end: int | None = None


class QuoteFinder:
    """The `cue_quotes` component."""

    def __init__(self, language: str, settings: Mapping[str, Any]) -> None:
        self.language = language
        self.lex: QuoteLexicon = get_lexicon(language)
        self.max_sentences = int(settings.get("max_sentences", 8))
        self.min_direct_words = int(settings.get("min_direct_words", 6))
        self.min_partial_words_without_cue = int(settings.get("min_partial_words_without_cue", 4))
        #: the fewest words of a partial quotation reported as a quote of its own, cue or not (fewer: a term or
        #: scare quote, '"rigged"', '"big four"'; the clause around it is still reported where a cue has one)
        self.min_partial_words = int(settings.get("min_partial_words", 0))
        self.keep_unattributed = bool(settings.get("keep_unattributed", False))
        #: a partial quotation inside the indirect quote of the same speaker ('zei dat er een "speciale plek"
        #: was'): kept as a quote of its own beside the indirect one (which keeps its words), as the
        #: nl-politics gold annotates it; false drops it (the older dev gold's convention)
        self.nested_partials = bool(settings.get("nested_partials", True))
        #: a quotation split by its attribution ('"…," he said. "…"') is one quote with one speaker (true), or
        #: two quotes (false: the annotated Dutch corpora count the pieces apart)
        self.join_split_quotations = bool(settings.get("join_split_quotations", False))
        #: the most words an attribution between the two pieces of a split quotation may have
        self.max_attribution_words = int(settings.get("max_attribution_words", 25))
        #: a quoted phrase after a speech verb ('said the plan was “a disaster” for …') is reported as the
        #: clause around it, from the cue to the clause end (true), or as the phrase alone (false)
        self.partial_clauses = bool(settings.get("partial_clauses", False))
        #: the fewest words of a quotation without a cue that takes the previous speaker (fewer: no quote)
        self.min_uncued_direct_words = int(settings.get("min_uncued_direct_words", 0))
        #: how many sentences back a quotation without a cue looks for the last speaker
        self.previous_speaker_reach = int(settings.get("previous_speaker_reach", 4))
        #: a name stands for a speaker of a quotation without a cue, or for a pronoun, only when the article is
        #: about it (`SpeakerResolver.established`): headings run into a sentence are no speakers
        self.established_speakers = bool(settings.get("established_speakers", False))
        #: a quotation without a cue and no quotation before it takes the last person reported as speaking (in
        #: indirect speech) a few sentences back
        self.reported_speaker_fallback = bool(settings.get("reported_speaker_fallback", False))
        #: where the sentence before a quotation without a cue names no speaker, look further back: a person
        #: introduced since the last quotation, the speaker of a quotation a few sentences back, a body reported
        #: in the sentence before (false: such a quotation has no speaker and is left out)
        self.speaker_further_back = bool(settings.get("speaker_further_back", True))
        #: a sentence without closing punctuation (a heading: "Volgens Trump is alles nep", "Minister: ‘geen geld’
        #: voor de brug") or a question may report speech (false: it reports no indirect speech, and no quotation
        #: other than one that ends it, as the annotated Dutch corpora have it; PolNeAR annotates headlines)
        self.report_in_headings = bool(settings.get("report_in_headings", True))
        #: first word -> positions in `lex.multiword_cues` of the cues that start with it
        self._cue_starts: dict[str, list[int]] = {}
        for k, parts in enumerate(self.lex.multiword_cues):
            self._cue_starts.setdefault(parts[0], []).append(k)
        self._cues_of: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = {}
        #: first words of the source markers (a token outside these starts no marker)
        self.marker_firsts_before = frozenset(parts[0] for parts in self.lex.markers_before)
        self.marker_firsts_after = frozenset(parts[0] for parts in self.lex.markers_after)

    def cues_starting(self, lower: str, lemma: str) -> tuple[tuple[str, ...], ...]:
        """The multi-word cues whose first word is the token's form or lemma, in lexicon order."""
        key = (lower, lemma)
        cues = self._cues_of.get(key)
        if cues is None:
            found = sorted({*self._cue_starts.get(lower, ()), *self._cue_starts.get(lemma, ())})
            cues = tuple(self.lex.multiword_cues[k] for k in found)
            if len(self._cues_of) >= 100_000:
                self._cues_of.clear()  # bounded over long corpora
            self._cues_of[key] = cues
        return cues

    def __call__(self, doc: Document) -> None:
        if doc.tokens and doc.sentences:
            doc.quotes.extend(_Run(self, doc).find())


class _Run:
    """The state of one pass over one document."""

    def __init__(self, cfg: QuoteFinder, doc: Document) -> None:
        self.cfg = cfg
        self.lex = cfg.lex
        self.doc = doc
        self.toks: list[Token] = doc.tokens
        self.tok_starts = [t.start for t in doc.tokens]
        text = doc.text
        bounds = [(s.start, s.end) for s in doc.sentences]
        paragraph_ends = [i for i, c in enumerate(text) if c == "\n"]
        marks = classify_marks(text, self.lex.elisions, self.lex.possessive_endings)
        self.spans: list[QuotedSpan] = find_quoted_spans(
            text, marks, bounds, paragraph_ends, cfg.max_sentences)
        self.quoted: set[int] = set()
        for sp in self.spans:
            self.quoted.update(range(self._tok_at(sp.outer_start), self._tok_at(sp.outer_end)))
        self.phrases = PhraseFinder(doc, self.lex, self.quoted)
        #: cues whose clause a quotation's pass already reported (the indirect pass skips them)
        self.clause_cues: set[int] = set()
        #: cues of the attributions after quotations ('"…," Holt told the Post'): no statement of their own
        self.quote_cues: set[int] = set()
        #: where short quotations without a cue start: a quote only as the rest of a split quotation
        self.short_uncued: set[int] = set()
        self.resolver = SpeakerResolver(doc, self.lex, self.phrases, established_names=cfg.established_speakers)
        self.out: list[Quote] = []

    # -- helpers -----------------------------------------------------------------------------------------
    def _tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect_left(self.tok_starts, offset)

    def _sentence_of_token(self, i: int) -> int:
        s = self.doc.sentence_of_offset(self.toks[i].start)
        return s if s is not None else 0

    def _is_punct(self, i: int) -> bool:
        return not is_word(self.toks[i])

    def _clause_start(self, i: int, lo: int) -> int:
        """The first token of the clause token i stands in: back from i to a clause boundary, not before lo."""
        k = i
        while k > lo and not self._is_boundary(k - 1):
            k -= 1
        return k

    def _is_boundary(self, i: int) -> bool:
        tok = self.toks[i]
        if tok.text in {"-", "."} and 0 < i < len(self.toks) - 1 and (self.phrases.joins_name(i) or (
                tok.text == "-" and self.toks[i - 1].end == tok.start and tok.end == self.toks[i + 1].start)):
            return False  # "Anne-Marie Holt", "Capt. Carl Dunn", "the 43-year-old"
        return (tok.text in _CLAUSE_PUNCT or set(tok.text) <= _MARK_CHARS
                or tok.lower in self.lex.clause_boundaries)

    def _is_speech_verb(self, i: int) -> bool:
        tok = self.toks[i]
        return self.lex.is_speech_verb(tok.lower, tok.lemma)

    def _cue_at(self, i: int, limit: int, *, naming: bool = False) -> _Cue | None:
        """A speech cue starting at token i: a multi-word cue, a speech verb or (optionally) a naming verb."""
        toks = self.toks
        for parts in self.cfg.cues_starting(toks[i].lower, toks[i].lemma):
            j, found = i + 1, [i]
            for n, part in enumerate(parts[1:], 2):
                while j < min(limit, found[-1] + 6) and toks[j].lower != part and not self._is_punct(j):
                    j += 1
                if j < limit and toks[j].lower == part:
                    found.append(j)
                    j += 1
                elif n == len(parts) and (k := self._particle_before_clause(found[-1] + 1, part, limit)) is not None:
                    found.append(k)
                else:
                    break
            if len(found) == len(parts):
                return _Cue(i, found[-1] + 1, " ".join(toks[k].text for k in found))
        if toks[i].text[:1].isupper():
            # a capitalised first word is a name or a heading word ("Denk liet weten"), no verb, and so is a
            # capitalised word inside a sentence ("former State Department official")
            return None
        if self._after_article(i):
            return None  # a noun after an article ("the state", "a new report", "the answer"), no verb
        if self._is_speech_verb(i) or (naming and toks[i].lower in self.lex.naming_verbs):
            return _Cue(i, i + 1, toks[i].text)
        return None

    def _after_article(self, i: int) -> bool:
        """Whether token i follows an article, directly or after up to two lower-case adjectives (by their
        endings, no role or body noun): "the state", "a congressional report" (not "the official said"). Where the
        subject may follow the verb (`verb_second`), only right after it ("het verwijt dat", "een bericht dat"): the
        adjective endings there are those of nouns too ("een internationale conferentie pochten X dat")."""
        toks, lex = self.toks, self.lex
        reach = 1 if lex.verb_second else 3
        k = i - 1
        while k >= 0 and i - k <= reach and toks[k].lower not in lex.articles:
            if not toks[k].text.isalpha() or not toks[k].text.islower() or not self.phrases._is_adjective(toks[k]):
                return False
            k -= 1
        return k >= 0 and i - k <= reach and toks[k].lower in lex.articles

    def _particle_before_clause(self, j: int, part: str, limit: int) -> int | None:
        """The last part of a separable cue after a long subject with its apposition, right before a content clause
        ("liet Anna Bakker, de voorzitter van de raad, weten dat …", "maakte X (D66) bekend dat …"): up to 20 tokens
        on, past commas and parentheses but no other punctuation, quotation or speech verb."""
        toks = self.toks
        for k in range(j, min(limit - 1, j + 20)):
            tok = toks[k]
            if k in self.quoted or (self._is_punct(k) and tok.text not in {",", "(", ")"}) or self._is_speech_verb(k):
                return None
            if tok.lower == part:
                return k if toks[k + 1].lower in self.lex.complementizers else None
        return None

    def _is_inserted_verb(self, i: int) -> bool:
        """A verb that reports a view only when inserted after the statement (`inserted_verbs`: "…, ziet Jansen.")."""
        tok = self.toks[i]
        return (bool(self.lex.inserted_verbs) and not tok.text[:1].isupper()
                and (tok.lower in self.lex.inserted_verbs or tok.lemma in self.lex.inserted_verbs))

    def _opens_sentence(self, i: int) -> bool:
        return self.doc.sentences[self._sentence_of_token(i)].token_start == i

    def _marker_at(self, i: int, markers: tuple[tuple[str, ...], ...]) -> int:
        """Length of the source marker starting at token i (0 when none)."""
        firsts = (
            self.cfg.marker_firsts_before
            if markers is self.lex.markers_before
            else self.cfg.marker_firsts_after
            if markers is self.lex.markers_after
            else None
        )
        if firsts is not None and 0 <= i < len(self.toks) and self.toks[i].lower not in firsts:
            return 0
        for parts in markers:
            if all(i + k < len(self.toks) and self.toks[i + k].lower == w for k, w in enumerate(parts)):
                return len(parts)
        return 0

    def _usable(self, p: Phrase | None) -> bool:
        return p is not None and self.phrases.head(p) not in self.lex.not_speakers and not self._in_brackets(p)

    def _in_brackets(self, p: Phrase) -> bool:
        """Whether a phrase is all that stands between brackets: an aside to the words before it (a gloss, "in
        de eerste ronde (Opwarming)"; a party, "(VVD)"), no one who speaks."""
        toks = self.toks
        return p.start > 0 and p.end < len(toks) and toks[p.start - 1].text == "(" and toks[p.end].text == ")"

    def _text_span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of tokens [first, last], without leading or trailing punctuation."""
        while first < last and self._is_punct(first):
            first += 1
        while last > first and self._is_punct(last) and not set(self.toks[last].text) <= _MARK_CHARS - {","}:
            last -= 1
        return self.toks[first].start, self.toks[last].end

    # -- subjects ------------------------------------------------------------------------------------------
    def _subject(self, cue: _Cue, lo: int, hi: int) -> Phrase | None:
        """The subject of a cue verb in tokens [lo, hi): before it ("Biden verzekerde"), right after it
        ("zei Lavrov", "liet Trump weten"), or the first non-prepositional phrase of the sentence. Where the
        subject comes before the verb (`verb_second` false), the words that name the speaker run on to the cue
        ("Organizers of the march said", "Holt and her lawyers have said")."""
        p = self._subject_phrase(cue, lo, hi)
        if p is None or self.lex.verb_second or p.kind in {"pronoun", "anonymous"} or p.words_end is not None:
            return p
        return self._rest_of_subject(p, cue, lo)

    def _rest_of_subject(self, p: Phrase, cue: _Cue, lo: int) -> Phrase:
        """Phrase p with the words between it and its cue as the rest of the subject: a coordinated phrase, a
        complement or a participle after the noun ("a poll released Friday by the college"), up to 15 tokens
        of words (no clause punctuation, auxiliary, finite verb, pronoun or relative pronoun) before the
        auxiliaries and adverbs in front of the cue; p must open its clause."""
        toks, lex = self.toks, self.lex
        if not p.end <= cue.start <= p.end + 15:
            return p
        k = self._clause_start(p.start, lo)
        p = self._with_modifiers(p, k)
        if p.end == cue.start or any(toks[j].lower not in lex.clause_openers and not lex.is_time_word(toks[j].lower)
               for j in range(k, p.start)):
            return p
        end = cue.start
        while end > p.end and (toks[end - 1].lower in lex.auxiliaries or toks[end - 1].lower in lex.clause_openers
                               or toks[end - 1].lower.endswith(lex.adverb_endings or ("\0",))):
            end -= 1
        for j in range(p.end, end):
            tok, low = toks[j], toks[j].lower
            if j in self.quoted or (not is_word(tok) and tok.text not in {"-", "&"}) or (
                    low in lex.auxiliaries or low in lex.bare_clause_verbs or low in lex.relative_pronouns
                    or low in lex.complementizers or low in lex.subject_pronouns or low in lex.clause_boundaries
                    or (low in lex.object_pronouns and low not in lex.determiners) or self._is_speech_verb(j)):
                return p
        return replace(p, words_end=end) if end > p.end else p

    def _with_modifiers(self, p: Phrase, k: int) -> Phrase:
        """A role or body phrase with the determiner and words before it that the phrase finder left out, from
        the clause start k ("the state agency", "a local party chairman"): words that are no preposition,
        auxiliary, pronoun, conjunction or verb of speech (but a noun right after an article)."""
        toks, lex = self.toks, self.lex
        if p.kind not in {"role", "body"}:
            return p
        j = k
        while j < p.start and toks[j].lower in lex.clause_openers:
            j += 1
        if not j < p.start or toks[j].lower not in lex.determiners or p.start - j > 4:
            return p
        for m in range(j + 1, p.start):
            tok, low = toks[m], toks[m].lower
            if m in self.quoted or not tok.text.replace("-", "").isalpha() or (
                    low in lex.prepositions or low in lex.auxiliaries or low in lex.relative_pronouns
                    or low in lex.complementizers or low in lex.subject_pronouns or low in lex.object_pronouns
                    or low in lex.coordinators or low in lex.determiners
                    or (self._is_speech_verb(m) and toks[m - 1].lower not in lex.articles)):
                return p
        return Phrase(j, p.end, p.kind, p.head)

    def _subject_phrase(self, cue: _Cue, lo: int, hi: int) -> Phrase | None:
        """The subject of a cue verb in the sentence span [lo, hi): the readings below are tried in this order and
        the first that finds a phrase wins (the order is the rule: the nearer, surer readings go first)."""
        s = self._subject_search(cue, lo, hi)
        for reading in (self._subject_across_parenthesis, self._subject_of_earlier_cue, self._pronoun_after_cue,
                        self._antecedent_of_relative, self._subject_right_before_cue,
                        self._subject_without_inversion, self._inverted_subject, self._inverted_noun_phrase,
                        self._subject_after_auxiliary, self._opening_subject, self._subject_before_clause,
                        self._subject_after_cue):
            found = reading(s)
            if found is not None:
                return found
        return None

    def _subject_search(self, cue: _Cue, lo: int, hi: int) -> _SubjectSearch:
        """Where the subject of the cue verb is looked for: its clause runs from after the nearest boundary
        before the verb (not before lo), its subject from after the clause openers there."""
        v = cue.start
        clause = v
        while clause > lo and not self._is_boundary(clause - 1):
            clause -= 1
        start = clause
        while start < v and self.toks[start].lower in self.lex.clause_openers:
            start += 1
        before = [p for p in self.phrases.phrases(clause, v) if self._usable(p)]
        return _SubjectSearch(cue, lo, hi, clause, start, before)

    def _subject_across_parenthesis(self, s: _SubjectSearch) -> Phrase | None:
        """A parenthesis between the subject and the cue ("Ann Holt (R-OH) said"): read past it."""
        v, toks = s.verb, self.toks
        if not (s.clause == v and v - 1 > s.lo and toks[v - 1].text == ")"):
            return None
        opening = next((k for k in range(v - 2, max(s.lo, v - 8) - 1, -1) if toks[k].text == "("), None)
        if opening is None:
            return None
        sub = self._subject(_Cue(opening, opening, s.cue.text), s.lo, s.hi)
        return sub if sub is not None and sub.end == opening else None

    def _subject_of_earlier_cue(self, s: _SubjectSearch) -> Phrase | None:
        """"…, noting that …": the participle's subject is that of the cue before it ("Holt said, adding …")."""
        toks, cs = self.toks, s.clause
        if not (toks[s.verb].lower in self.lex.participles and cs > s.lo and toks[cs - 1].text == ","):
            return None
        for k in range(cs - 2, s.lo - 1, -1):
            c = self._cue_at(k, cs - 1) if k not in self.quoted else None
            if c is not None and toks[k].lower not in self.lex.participles:
                return self._subject(c, s.lo, cs - 1)
        # no cue before it ("Holt praised the plan, telling reporters: …"): the subject the sentence opens with
        for p in self.phrases.phrases(s.lo, cs - 1):
            if self._usable(p) and not self.phrases.after_preposition(p):
                return self._apposition(p, s.lo, s.hi)
        return None

    def _pronoun_after_cue(self, s: _SubjectSearch) -> Phrase | None:
        """"Dat zegt hij", "Zenuwen zegt hij niet te hebben": a pronoun right after the verb is its subject."""
        v = s.verb
        if v + 1 < s.hi and self.toks[v + 1].lower in self.lex.subject_pronouns and s.start < v:
            return Phrase(v + 1, v + 2, "pronoun")
        return None

    def _antecedent_of_relative(self, s: _SubjectSearch) -> Phrase | None:
        """"Trump, die roept dat ...": a clause opened by a relative pronoun after a comma; the phrase before it."""
        toks, start = self.toks, s.start
        if not (start < s.verb and toks[start].lower in self.lex.relative_pronouns and start > s.lo
                and toks[start - 1].text == ","):
            return None
        for p in reversed(self.phrases.phrases(s.lo, start - 1)):
            if p.end == start - 1 and self._usable(p):
                return self._apposition(p, s.lo, s.hi)
        return None

    def _subject_right_before_cue(self, s: _SubjectSearch) -> Phrase | None:
        """A phrase that opens the clause with only auxiliaries between it and the cue; or a capitalised word
        right before the cue verb ("Denk liet weten")."""
        toks, v = self.toks, s.verb
        for p in s.before:
            if p.start == s.start and all(toks[k].lower in self.lex.auxiliaries for k in range(p.end, v)):
                return self._apposition(p, s.lo, s.hi)
        if (s.start == v - 1 and is_capitalised(toks[s.start]) and not self.lex.is_time_word(toks[s.start].lower)
                and toks[s.start].lower not in self.lex.function_words):
            return Phrase(s.start, v, "name")
        return None

    def _subject_without_inversion(self, s: _SubjectSearch) -> Phrase | None:
        """Where reported speech does not invert (no `verb_second`: "Holt told the voters that …"): a share of a
        group, a phrase before the cue, or a noun phrase the role lists lack that opens the clause."""
        if self.lex.verb_second:
            return None
        group = self._quantity_subject(s.start, s.verb)
        if group is not None:
            return group  # "Nearly half of the voters said", "About 4 in 10 say", "Most have argued"
        for p in s.before:
            if not self.phrases.after_preposition(p):
                return self._apposition(p, s.lo, s.hi)
        if not s.before and self._determined_noun_phrase(s.start, s.verb):
            return Phrase(s.start, s.verb, "noun")  # "the 43-year-old asked", "the retired teacher said"
        return None

    def _inverted_subject(self, s: _SubjectSearch) -> Phrase | None:
        """A phrase right after the cue verb, past the clause openers a `verb_second` language puts there."""
        v, hi = s.verb, s.hi
        a = v + 1
        while a < min(hi, v + 3) and self.toks[a].lower in self.lex.clause_openers and self.lex.verb_second:
            a += 1  # "lieten ook de voorzitter en de leden weten", "zei zelfs de premier"
        after = self.phrases.phrase_at(a, hi)
        if after is not None and self._usable(after):
            return self._named_in_apposition(after, hi, at_end=True)
        return None

    def _inverted_noun_phrase(self, s: _SubjectSearch) -> Phrase | None:
        """'"…," said the woman, who …': a noun phrase the role lists lack, inverted after a quotation."""
        v, hi = s.verb, s.hi
        if self.lex.verb_second or s.before or s.start != v:
            return None
        toks = self.toks
        # the phrase runs to punctuation, over hyphens written inside a word ("said the 46-year-old, who …")
        end = next((k for k in range(v + 1, min(hi, v + 8)) if not is_word(toks[k]) and not (
            toks[k].text == "-" and toks[k - 1].end == toks[k].start and k + 1 < hi
            and toks[k].end == toks[k + 1].start)), hi)
        return Phrase(v + 1, end, "noun") if self._determined_noun_phrase(v + 1, end) else None

    def _subject_after_auxiliary(self, s: _SubjectSearch) -> Phrase | None:
        """A phrase right after an auxiliary of the clause."""
        for k in range(s.clause, s.verb):
            if self.toks[k].lower in self.lex.auxiliaries:
                q = self.phrases.phrase_at(k + 1, s.verb)
                if q is not None and self._usable(q):
                    return q
        return None

    def _opening_subject(self, s: _SubjectSearch) -> Phrase | None:
        return self._opening_noun_phrase(s.start, s.verb) if self.lex.verb_second else None

    def _subject_before_clause(self, s: _SubjectSearch) -> Phrase | None:
        """A phrase before the cue, then before its clause, that no preposition governs; then the phrase of a
        source marker before the clause ("Volgens Aguila Saleh, voorzitter van ..., zegt ... dat")."""
        for p in s.before:
            if not self.phrases.after_preposition(p):
                return self._apposition(p, s.lo, s.hi)
        for p in self.phrases.phrases(s.lo, s.clause):
            if self._usable(p) and not self.phrases.after_preposition(p):
                return self._apposition(p, s.lo, s.hi)
        for p in self.phrases.phrases(s.lo, s.clause):
            if self._usable(p) and p.start > s.lo and self._marker_at(p.start - 1, self.lex.markers_before):
                return p
        return None

    def _subject_after_cue(self, s: _SubjectSearch) -> Phrase | None:
        """A phrase that starts within four words after the cue and that no preposition governs; it may run on past
        them ("said retired Army Lt. Gen. Ruth Okafor")."""
        i = s.cue.end
        while i < min(s.hi, s.cue.end + 4):
            p = self.phrases.phrase_at(i, s.hi)
            if p is None:
                i += 1
                continue
            if self._usable(p) and not self.phrases.after_preposition(p):
                return p
            i = max(p.end, i + 1)
        return None

    def _opening_noun_phrase(self, start: int, v: int) -> Phrase | None:
        """Where the subject stands before the finite verb of a main clause (`verb_second`), a noun phrase the
        role lists lack that opens the clause right before its finite verb - the cue itself or an auxiliary before
        it ("De fabrikant van de fietsen heeft laten weten …", "Het bestuur van de club stelt dat …"; one of a
        group, "Een van de leden zegt dat …"): the first place of such a clause holds its subject, unless a pronoun
        after the verb is the subject (read before)."""
        toks, lex = self.toks, self.lex
        if start >= v or toks[start].lower not in lex.determiners:
            return None
        finite = next((k for k in range(start + 1, v) if toks[k].lower in lex.auxiliaries), v)
        if finite < v and not all(is_word(toks[k]) and k not in self.quoted for k in range(finite, v)):
            return None
        # one of a group: "Een van de vrijwilligers vertelde dat …"
        part = start + 1 < finite and toks[start + 1].lower in lex.phrase_links
        if not self._determined_noun_phrase(start + 2 if part else start, finite):
            return None
        p = Phrase(start, finite, "noun")
        return p if self._usable(p) and not self._in_brackets(p) else None

    def _quantity_subject(self, start: int, v: int) -> Phrase | None:
        """A share of a group as the subject in tokens [start, v) before a cue: numbers, `quantities` and their
        `quantity_modifiers` ("nearly half", "about 4 in 10", "55 percent", "most"), then perhaps "of" and the
        group ("of the voters polled"); the auxiliaries before the cue left out. A group, not a person."""
        toks, lex = self.toks, self.lex
        if not lex.quantities:
            return None
        end = v
        while end > start and toks[end - 1].lower in lex.auxiliaries:
            end -= 1
        if not 0 < end - start <= 12:
            return None
        counted = False
        k = start
        while k < end and toks[k].lower not in lex.phrase_links:
            low = toks[k].lower
            if any(c.isdigit() for c in low) or all(w in lex.quantities for w in low.split("-") if w):
                counted = True
            elif low not in lex.quantity_modifiers and not (low == "-" and k > start):
                return None
            k += 1
        if not counted or k == start:
            return None
        if k < end:  # "of" and the group
            for j in range(k + 1, end):
                tok, low = toks[j], toks[j].lower
                if j in self.quoted or not is_word(tok) or low in lex.relative_pronouns or (
                        low in lex.complementizers or low in lex.subject_pronouns or self._is_speech_verb(j)):
                    return None
            if end - k < 2:
                return None
        return Phrase(start, end, "group")

    def _determined_noun_phrase(self, start: int, v: int) -> bool:
        """Whether tokens [start, v) are a noun phrase the role lists do not know, opened by a determiner: two
        to six tokens of words (and hyphens inside them), none a preposition, auxiliary, pronoun, conjunction,
        time word or verb of speech ("the 43-year-old", "one longtime party donor"); or up to ten with the phrase
        a link ties it to ("a producer for the local station", "an aide to the governor")."""
        toks, lex = self.toks, self.lex
        if not 2 <= v - start <= 10 or toks[start].lower not in lex.determiners:
            return False
        link: int | None = None
        for k in range(start + 1, v):
            tok, low = toks[k], toks[k].lower
            if k in self.quoted or (not is_word(tok) and not (tok.text == "-" and tok.start == toks[k - 1].end)):
                return False
            if link is None and low in lex.phrase_links and start + 2 <= k < v - 1:
                link = k
                continue
            if link is not None and k == link + 1 and low in lex.determiners:
                continue
            if (low in lex.prepositions or low in lex.auxiliaries or low in lex.complementizers
                    or low in lex.relative_pronouns or low in lex.coordinators or low in lex.subject_pronouns
                    or low in lex.object_pronouns or low in lex.determiners or lex.is_time_word(low)
                    or lex.is_speech_verb(low, tok.lemma)):
                return False
        return is_word(toks[v - 1]) and (link is not None or v - start <= 6)

    def _apposition(self, p: Phrase, lo: int, hi: int) -> Phrase:
        """A role phrase in apposition to a name stands for the name: "Haar kandidaat, Ekrem İmamoglu,"
        and "Aguila Saleh, voorzitter van het parlement," both give the name."""
        if p.kind not in {"role", "body", "noun"}:
            return p
        toks = self.toks
        if p.end + 1 < hi and toks[p.end].text == ",":
            q = self.phrases.phrase_at(p.end + 1, hi)
            if q is not None and q.kind == "name" and (q.end >= hi or toks[q.end].text == ","):
                # the role with the name stand for the speaker ("Reyes’s campaign manager, Tom Bell"): its
                # name is the name's
                return Phrase(p.start, q.end, "name", q.own_start)
        if p.start - 1 > lo and toks[p.start - 1].text == ",":
            for q in self.phrases.phrases(lo, p.start - 1):
                if q.end == p.start - 1 and q.kind == "name" and not self.phrases.after_preposition(q):
                    return q  # not a place the sentence opens with ("In Ohio, the vice president said …")
        return p

    def _speaker(self, p: Phrase | None) -> Speaker | None:
        if p is None:
            return None
        s = self.doc.sentence_of_offset(self.toks[p.start].start) if p.start < len(self.toks) else None
        if s is not None:
            p = self._anonymous_extent(p, self.doc.sentences[s].token_end)
            p = self._postmodified(p, self.doc.sentences[s].token_end)
        return self.resolver.resolve(p)

    def _postmodified(self, p: Phrase, hi: int) -> Phrase:
        """A role or noun phrase with the words after it that tell which one it is ("one Democrat familiar with
        the talks", "a person close to the campaign", "a strategist for one of the campaigns",
        `speaker_postmodifiers`): to the next punctuation, at most ten words, none inside a quotation, a relative
        pronoun, a verb of speech, an auxiliary, a coordinator or a time word ("a spokesman for the party on
        Monday")."""
        if p.kind not in {"role", "noun", "body"} or p.words_end is not None:
            return p
        n = self._marker_at(p.end, self.lex.speaker_postmodifiers) if p.end < hi else 0
        if not n:
            return p
        toks = self.toks
        end = p.end + n
        lex = self.lex
        while end < hi and end - p.end <= 10 and is_word(toks[end]) and end not in self.quoted and not (
                toks[end].lower in lex.relative_pronouns or self._is_speech_verb(end)
                or toks[end].lower in lex.auxiliaries or toks[end].lower in lex.coordinators
                or lex.is_time_word(toks[end].lower)):
            end += 1
        if end <= p.end + n:
            return p
        # an anonymous source is named by its words ("a source familiar with the talks"); another keeps its name
        return Phrase(p.start, end, p.kind) if self.resolver.is_anonymous(p) else replace(p, words_end=end)

    def _emit(self, sentence: int, speaker: Speaker | None, start: int, end: int, kind: str, cue: str | None,
              rule: str, confidence: float, informant: bool = False,
              gap: tuple[int, int] | None = None) -> None:
        """Record a quote of the text [start, end); `gap` is the attribution inside it ("…, zegt hij, …",
        "… is volgens Bos …"), left out of the quote's text (its pieces joined by a space)."""
        if end <= start:
            return
        if speaker is None and not self.cfg.keep_unattributed:
            return
        if speaker is not None:
            self.resolver.remember(self._tok_at(start), speaker)
            last = self._tok_at(end) - 1
            if self._sentence_of_token(last) != self._sentence_of_token(self._tok_at(start)):
                # a quotation over several sentences: its speaker is the last one heard where it ends
                self.resolver.remember(last, speaker)
        text = self.doc.text[start:end]
        if gap is not None and start < gap[0] <= gap[1] < end:
            joint = ", " if self.doc.text[gap[0] : gap[1]].lstrip().startswith(",") else " "
            text = f"{self.doc.text[start:gap[0]]}{joint}{self.doc.text[gap[1]:end]}"
        self.out.append(Quote(
            sentence=sentence, speaker=speaker.ref if speaker else None, text=text,
            kind=kind, cue=cue, start=start, end=end, rule=f"{self.lex.language}.{rule}",
            confidence=confidence, informant=informant,
        ))

    # -- the pass ------------------------------------------------------------------------------------------
    def find(self) -> list[Quote]:
        by_sentence: dict[int, list[QuotedSpan]] = {}
        for sp in self.spans:
            s = self.doc.sentence_of_offset(sp.start)
            if s is not None:
                by_sentence.setdefault(s, []).append(sp)
        for sent in self.doc.sentences:
            for sp in by_sentence.get(sent.index, []):
                self._quoted(sent.index, sp)
            self._indirect(sent.index)
        self.out.sort(key=lambda q: (q.start, q.end))
        if self.cfg.join_split_quotations:
            # a short quotation without a cue that no split quotation took in is dropped (not a statement that
            # opens with it: '"…" that Holt can win, said Ann Ross.')
            self.out = self._drop_guessed_inside_statements(
                [q for q in self._join_split(self.out) if q.kind != "direct" or q.start not in self.short_uncued])
        return self.out if self.cfg.nested_partials else self._drop_nested_partials(self.out)

    def _join_split(self, quotes: list[Quote]) -> list[Quote]:
        """One quote for a quotation its attribution splits ('"…," he said. "…"', '"…," zei ze, "…"'): a direct
        quote whose cue stands after it, and the direct quote that follows right after that attribution in the
        same paragraph, with no speaker of its own or the same one, become one quote (the attribution left
        out of its text)."""
        out: list[Quote] = []
        for q in quotes:
            # the quotation before, past partial quotations inside the attribution ('"…," said Ann Holt, the
            # author of "Open Doors." "…"') and clauses read into it ('"…," Holt told the Post in May. "…"')
            k = len(out) - 1
            while k >= 0 and q.kind == "direct" and (
                    out[k].kind == "partial" or (out[k].kind == "indirect" and out[k].start >= self._after(k, out))):
                k -= 1
            prev = out[k] if k >= 0 else None
            if prev is not None and self._continues(prev, q):
                prev.text = f"{prev.text} {q.text}"
                prev.end = q.end
                del out[k + 1 :]  # what stood inside the attribution is part of it
                continue
            out.append(q)
        return out

    @staticmethod
    def _after(k: int, out: list[Quote]) -> int:
        """The end of the last direct quote before position k of `out` (where an attribution after it begins)."""
        return next((out[j].end for j in range(k - 1, -1, -1) if out[j].kind == "direct"), 1 << 62)

    def _continues(self, first: Quote, second: Quote) -> bool:
        if first.kind != "direct" or second.kind != "direct" or first.cue is None:
            return False
        if not first.rule.endswith((".after_cue", ".after_marker")):
            return False
        gap = self.doc.text[first.end : second.start]
        if "\n" in gap or first.cue not in gap:
            return False
        if len(_WORDS_RE.findall(gap)) > self.cfg.max_attribution_words:
            return False
        if self._attribution_goes_on(first, second, gap):
            return False
        if second.rule.endswith((".after_cue", ".after_marker")):
            return False  # '"…," she said. "…," she said.': each piece has its own attribution
        a, b = first.speaker, second.speaker
        return second.rule.endswith(".previous_speaker") or (
            a is not None and b is not None and a.name == b.name)

    def _attribution_goes_on(self, first: Quote, second: Quote, gap: str) -> bool:
        """Whether the words between two quotations are more than the attribution of the first: words of the
        second one's sentence before it ('"…," said Holt. Donors are vetted, Holt said, but "…"') or a participle
        of speech that opens a statement of its own ('"…," Holt said, adding, "…"')."""
        if second.sentence != first.sentence:
            opening = self.doc.text[self.doc.sentences[second.sentence].start : second.start]
            if _WORDS_RE.search(opening):
                return True
        return any(w.lower() in self.lex.participles for w in _WORDS_RE.findall(gap))

    @staticmethod
    def _drop_guessed_inside_statements(quotes: list[Quote]) -> list[Quote]:
        """A quotation without a cue inside a statement an attribution gives ('"…" that Holt can win, said Ann
        Ross.'): the statement holds it; the previous speaker was a guess."""
        held = [(q.start, q.end) for q in quotes if q.kind == "indirect"]
        return [q for q in quotes if not (q.rule.endswith(".previous_speaker")
                                          and any(a <= q.start and q.end <= b + 1 for a, b in held))]

    @staticmethod
    def _drop_nested_partials(quotes: list[Quote]) -> list[Quote]:
        """A partial quotation inside reported speech of the same speaker is part of that statement."""
        indirect = [q for q in quotes if q.kind == "indirect"]

        def nested(q: Quote) -> bool:
            name = q.speaker.name if q.speaker else None
            return any(i.start <= q.start and q.end <= i.end + 1
                       and (i.speaker.name if i.speaker else None) == name for i in indirect)

        return [q for q in quotes if q.kind != "partial" or not nested(q)]

    def _quoted(self, s_idx: int, sp: QuotedSpan) -> None:
        """Attribute one quotation and emit it: a cue after it (step 1), an unopened one only with such a cue, a
        cue before it in its clause or a naming verb after it (step 2), direct or partial (`_is_direct`), and
        without a cue the subject of its sentence or the speaker before (step 3)."""
        if self._unreported_heading(s_idx) and self.doc.sentences[s_idx].token_end - 1 not in self.quoted:
            return  # a quoted phrase in a heading or a question
        q = self._around(sp)
        a = self._cue_after(q)
        # An unopened quotation counts only with a cue after it or at the end of its sentence.
        if sp.open_mark is None and a.cue is None and q.words_after:
            return
        if a.speaker is None and q.words_before:
            self._cue_before(q, a)
        if a.speaker is None and q.words_after and not (q.after and self.toks[q.after[0]].text == ","):
            self._clause_cue(q, a)
        kind = "direct" if self._is_direct(q, a) else "partial"
        if not self._without_cue(q, a, kind):
            return
        if a.speaker is None:
            a.rule = "unattributed"
        if self._around_partial(s_idx, q, a, kind):
            return
        if kind == "partial" and self._clause_before_cue(s_idx, q, a):
            return
        if kind == "partial" and q.n_words < self.cfg.min_partial_words:
            return
        cue = a.cue
        prev = q.prev(self.toks)
        if kind == "partial" and prev is not None and prev.lower in self.lex.term_markers:
            return  # "de zogeheten ‘kill list’", "een boek getiteld ‘…’": a term or title, not what was said
        if self._names_a_title(sp) and (kind == "partial" or (
                cue is not None and self.toks[cue.start].lower in self.lex.naming_verbs)):
            return  # "vertelde het bij 'Het Journaal'", "noemen hem 'K-9'": a name or title, not what was said
        self._emit(s_idx, a.speaker, sp.start, sp.end, kind, cue.text if cue else None, f"{kind}.{a.rule}",
                   0.9 if cue else 0.7)

    def _around(self, sp: QuotedSpan) -> _Around:
        """Where a quotation stands: its tokens, the sentences it opens and closes in, the words before and after
        it there (other quotations left out) and the start of its clause."""
        doc, toks = self.doc, self.toks
        first_tok = self._tok_at(sp.outer_start)
        end_tok = self._tok_at(sp.outer_end)  # first token after the quotation
        open_sent = doc.sentences[self._sentence_of_token(min(first_tok, len(toks) - 1))]
        close_sent = doc.sentences[self._sentence_of_token(min(max(end_tok - 1, 0), len(toks) - 1))]
        open_lo = open_sent.token_start
        for k in range(open_sent.token_start, first_tok):
            if toks[k].text in {".", "!", "?"} and k not in self.quoted:
                open_lo = k + 1  # a quotation that opens a new sentence the layer did not split off
        clause_lo = open_lo
        for k in range(open_lo, first_tok):
            if k not in self.quoted and (toks[k].lower in self.lex.clause_boundaries or toks[k].text == ";"):
                clause_lo = k + 1
        before = [k for k in range(open_lo, first_tok) if k not in self.quoted]
        after = [k for k in range(end_tok, close_sent.token_end) if k not in self.quoted]
        return _Around(
            sp, first_tok, open_sent, close_sent, open_lo, clause_lo, before, after,
            [k for k in before if is_word(toks[k])], [k for k in after if is_word(toks[k])],
            self._tok_at(sp.start), len(doc.text[sp.start : sp.end].split()),
        )

    def _cue_after(self, q: _Around) -> _Attribution:
        """Step 1: a cue right after the quotation ("…’, zei Lavrov.", "…”, Blinken said."), after the subject
        right after it, after an apposition, at the end of the sentence it opens, or in the next sentence."""
        doc, toks, sp = self.doc, self.toks, q.sp
        a = _Attribution()
        close_sent = q.close_sent
        # the comma may stand inside the closing mark: "“Dit is onaanvaardbaar,” aldus Macron.", and so may a
        # question or exclamation mark that ends the quotation: "“Wie betaalt dat?” vroeg Bos."
        inside = doc.text[sp.end : sp.close_mark.start] if sp.close_mark is not None else ""
        # (a quotation inside it may close first: '"… How do we win?’" Estrada said')
        ending = doc.text[sp.start : sp.close_mark.start].rstrip().rstrip("".join(_MARK_CHARS - {","}))[-1:] if (
            sp.close_mark is not None) else ""
        comma_inside = sp.close_mark is not None and ("," in inside or ending in {"?", "!", ","})
        if (len(q.words_after) > 1 and toks[q.words_after[0]].lower in self.lex.coordinators
                and q.words_after[0] + 1 in self.quoted):
            # two quotations joined by "en" share the attribution after the second ("'…' en '…', aldus X")
            q.after = [k for k in q.after if k > q.words_after[0]]
            q.words_after = q.words_after[1:]
        words_after, after = q.words_after, q.after
        if words_after:
            first = words_after[0]
            lead = [k for k in after if k < first]
            set_off = (lead and all(toks[k].text in {",", "-", "–", "—"} or set(toks[k].text) <= _MARK_CHARS
                                    for k in lead)) or (not lead and comma_inside)
            # a quotation that opens its sentence and closes without a comma ('"…" said Ann Holt.', '"…" the
            # mayor said.'): only a cue right after it or after a subject right after it
            bare = (not set_off and not lead and not q.words_before and sp.open_mark is not None
                    and sp.close_mark is not None and ending != ".")  # '"… end." Next' opens a new sentence
            if set_off or bare:
                self._cue_right_after(q, a, bool(set_off), bare)
        if a.speaker is None and words_after and not q.words_before and not self.lex.verb_second:
            # '"…" for the win, Holt said.': the sentence the quotation opens goes on, and its attribution closes it
            found = self._attribution_at_end(after, close_sent.token_end)
            if found is not None:
                a.cue, subject = found
                a.speaker, a.rule = self._speaker(subject), "end_cue"
                self.quote_cues.add(a.cue.start)
        if a.speaker is None and not words_after and sp.close_mark is not None:
            found = self._attribution_in_next_sentence(close_sent.index, sp.close_mark.end)
            if found is not None:
                a.cue, subject = found
                a.speaker, a.rule = self._speaker(subject), "after_cue"
        return a

    def _cue_right_after(self, q: _Around, a: _Attribution, set_off: bool, bare: bool) -> None:
        """A cue in the first words after a quotation set off by a comma or dash (or standing bare at the start
        of its sentence): after a long subject ("…,” Foreign Minister Sergei Lavrov said), not a new clause."""
        toks, hi = self.toks, q.close_sent.token_end
        first = q.words_after[0]
        for k in q.words_after[:_SUBJECT_WORDS]:
            if k == first and set_off and self.lex.verb_second and (
                    toks[k].lower in self.lex.coordinators or toks[k].lower in self.lex.clause_boundaries):
                break  # "…', maar dat X aangeeft …": a clause of its own goes on after the quotation
            if any(toks[j].text in {".", "!", "?", ",", ";", ":"} and not self.phrases.joins_name(j)
                   for j in range(first, k)):
                # '…,” Jenna Golden, director of the agency, said': the speaker and its apposition
                found = self._cue_after_apposition(first, hi)
                if found is not None:
                    a.cue, subject = found
                    a.speaker, a.rule = self._speaker(subject), "after_cue"
                    self.quote_cues.add(a.cue.start)
                break
            n = self._marker_at(k, self.lex.markers_after)
            if n:
                # a source the role lists lack, as after "volgens" ("aldus sheriff Dunn")
                p = self.phrases.phrase_at(k + n, hi) or self.phrases.noun_phrase(k + n, hi)
                if self._usable(p):
                    a.cue, a.rule = _Cue(k, k + n, toks[k].text), "after_marker"
                    a.speaker = self._speaker(p)
                break
            c = self._cue_at(k, hi, naming=True)
            if c is not None:
                p = self._subject(c, first, hi)
                if p is not None and bare and k != first and p.start != first:
                    p = None  # '"Fake news" is what Holt said': a clause of its own
                if p is None and k == first and set_off and self.lex.verb_second:
                    # a noun phrase the lists lack after the cue ("'…', schreef een dominee in de kerkbode.")
                    p = self._inserted_subject(c, hi)
                if p is not None:
                    a.cue, a.speaker, a.rule = c, self._speaker(p), "after_cue"
                    self.quote_cues.add(c.start)
                break

    def _cue_before(self, q: _Around, a: _Attribution) -> None:
        """Step 2: a cue or source marker before the quotation in its clause ("Netanyahu reageerde: “…”",
        "Volgens X ‘…’"), a cue before the clause its "that" opens, or the speaker a colon introduces."""
        toks, first_tok, clause_lo, open_lo = self.toks, q.first_tok, q.clause_lo, q.open_lo
        words_before, before = q.words_before, q.before
        for k in reversed([k for k in words_before if k >= clause_lo]):
            n = self._marker_at(k, self.lex.markers_before)
            if n:
                p = self.phrases.phrase_at(k + n, first_tok, object_pronoun=True)
                if self._usable(p):
                    a.cue, a.speaker, a.rule = _Cue(k, k + n, toks[k].text), self._speaker(p), "before_marker"
                    a.marker_end = p.end if p is not None else None
                break
            c = self._cue_at(k, first_tok, naming=True)
            if c is not None:
                p = self._subject(c, clause_lo, first_tok)
                if p is not None:
                    a.cue, a.speaker, a.rule = c, self._speaker(p), "before_cue"
                    break
        if (a.speaker is None and clause_lo > open_lo and not self.lex.verb_second
                and toks[before[-1]].lower in self.lex.complementizers):
            # the cue stands before a clause boundary of the sentence ('Holt said the costs are so high that
            # "we …"'): the quotation its "that" opens goes on with what the cue's subject reports
            for k in reversed([k for k in words_before if k < clause_lo]):
                c = self._cue_at(k, first_tok)
                if c is not None and k not in self.quote_cues:
                    p = self._subject(c, open_lo, first_tok)
                    if p is not None and p.end <= c.start:
                        a.cue, a.speaker, a.rule = c, self._speaker(p), "before_cue"
                    break
        if a.speaker is None and toks[before[-1]].text == ":":
            # a name that opens the sentence with an apposition after it, which a clause may follow ("Petra
            # Hendriks, toen nog stagiair op het stadhuis, nu directeur: '…'"), says what follows
            opening = self.phrases.phrases(open_lo, first_tok)[:1]
            if (clause_lo > open_lo and opening and opening[0].kind == "name"
                    and opening[0].start == words_before[0] and opening[0].end < first_tok
                    and toks[opening[0].end].text == "," and self._usable(opening[0])):
                a.speaker, a.rule = self._speaker(opening[0]), "before_colon"
        if a.speaker is None and toks[before[-1]].text == ":":
            # the speaker the colon introduces: in the clause before it, else in its sentence, where a word of the
            # clause-boundary list stood as an adverb ("Holt has since apologized for it: '…'")
            for lo in (clause_lo, open_lo) if open_lo < clause_lo else (clause_lo,):
                for p in self.phrases.phrases(lo, first_tok):
                    if self._usable(p) and not self.phrases.after_preposition(p):
                        a.speaker, a.rule = self._speaker(p), "before_colon"
                        break
                if a.speaker is not None:
                    break

    def _clause_cue(self, q: _Around, a: _Attribution) -> None:
        """Step 2, after the quotation: a naming verb in its clause ("… een ‘moordenaar’ had genoemd"). A quotation
        that ends its sentence inside the marks is no part of the clause after it ("'… verliezen.' Vorig jaar zei X
        dat …")."""
        toks = self.toks
        for k in q.words_after[:3]:
            if toks[k].lower in self.lex.clause_boundaries:
                break
            c = self._cue_at(k, q.close_sent.token_end, naming=True)
            if c is not None:
                p = self._subject(c, q.clause_lo, q.first_tok)
                if p is not None:
                    a.cue, a.speaker, a.rule = c, self._speaker(p), "clause_cue"
                break

    def _is_direct(self, q: _Around, a: _Attribution) -> bool:
        """Direct: the quotation stands as a sentence, follows a colon, a cue, "dat" or a source marker, or is
        itself a "dat" clause. Partial: a word or phrase inside a sentence."""
        toks, sp, prev = self.toks, q.sp, q.prev(self.toks)
        return bool(
            sp.open_mark is None
            or not q.words_before
            or (prev is not None and (
                prev.text == ":" or (prev.lower in self.lex.complementizers and not (
                    # "dat 'duurzaam' op elk pak staat": a word or two the clause goes on with is a term
                    self.lex.verb_second and q.n_words <= 2 and q.words_after
                    and toks[q.after[0]].text not in _CLAUSE_PUNCT))
                or prev.lower in self.lex.clause_boundaries
                or self._is_speech_verb(q.before[-1])))
            # "Volgens Lavrov ‘...’": the quotation right after the marker's speaker; words between them
            # ("Volgens hem moeten Rusland en China ... de ‘ideologische agenda’") make it partial
            or (a.rule == "before_marker" and a.marker_end is not None
                and not [k for k in q.words_before if k >= a.marker_end])
            or (q.content_first < len(toks) and toks[q.content_first].lower in self.lex.complementizers)
            or self._resumes_after_attribution(q.before, q.first_tok)
        )

    def _without_cue(self, q: _Around, a: _Attribution, kind: str) -> bool:
        """Step 3, no cue: a partial quotation of a clause takes the subject of its sentence; a direct one the
        name and age after it, else the speaker of the sentence before. False where the quotation is dropped (a
        word or two with no cue)."""
        if a.speaker is None and kind == "partial":
            if q.n_words < self.cfg.min_partial_words_without_cue:
                return False
            for p in self.phrases.phrases(q.clause_lo, q.first_tok):
                if self._usable(p) and not self.phrases.after_preposition(p):
                    if p.kind == "name" and self.cfg.established_speakers and not self.resolver.established(p):
                        break
                    if self._in_relative_clause(p.end, q.content_first):
                        break
                    a.speaker, a.rule = self._speaker(p), "sentence_subject"
                    break
        if a.speaker is None and kind == "direct" and q.after:
            # a quotation with the name and age of its speaker after it, as over the answers of people asked in
            # turn ("'…' Anna de Wit (34) Verpleegkundige in Delft '…'")
            named = self._name_with_age(q.after[0], q.close_sent.token_end)
            if named is not None:
                a.speaker, a.rule = self._speaker(named), "name_after"
        if a.speaker is None and kind == "direct":
            if q.n_words < self.cfg.min_uncued_direct_words:
                if not self.cfg.join_split_quotations:
                    return False  # '"families."', '"A big truck"': a word or two without a cue states nothing
                self.short_uncued.add(q.sp.start)  # kept only as the rest of a split quotation ('"…," he said. "No."')
            a.speaker, a.rule = self._previous_speaker(q.open_sent.index), "previous_speaker"
        return True

    def _around_partial(self, s_idx: int, q: _Around, a: _Attribution, kind: str) -> bool:
        """A quoted phrase after a cue of speech or naming in the clause that holds it ('said the U.S. needs
        “real campaign reform” to …', 'called the mayor a “spoiled toddler” who …'): what was said is the clause
        around it, from the cue to the end of the clause, emitted as an indirect quote. A quotation right after a
        cue or its "that" that the sentence goes on with counts as such a phrase ('said that “we need more time”
        to decide'). True when the clause was emitted, or when the clause around an earlier phrase holds this one
        ('called it "a" and "b"')."""
        toks, cue, prev = self.toks, a.cue, q.prev(self.toks)
        in_clause = (kind == "direct" and prev is not None
                     and (prev.lower in self.lex.complementizers or self._is_speech_verb(q.before[-1]))
                     and bool(q.words_after) and toks[q.after[0]].text not in _CLAUSE_PUNCT)
        if in_clause and self._ends_inside_marks(q.sp):
            # complete, the quotation is what was said; its cue reports no clause of its own
            if a.rule == "before_cue" and cue is not None and self.cfg.partial_clauses:
                self.clause_cues.add(cue.start)
            return False
        if not ((kind == "partial" or in_clause) and a.rule == "before_cue" and cue is not None
                and self.cfg.partial_clauses
                and (self._is_speech_verb(cue.start) or toks[cue.start].lower in self.lex.naming_verbs)):
            return False
        if cue.start in self.clause_cues:
            return True
        if cue.start in self.quote_cues and self._adjunct_after(cue.end):
            # the attribution of the quotation before goes on with where or of what it was said ('"…," Holt said
            # on CBS’s "Face the Nation."', '"…," she said of the claim in "This Week."'): no clause of its own
            return True
        first = cue.end
        while first < q.first_tok and (toks[first].lower in self.lex.complementizers
                                       or self.lex.is_time_word(toks[first].lower)):
            first += 1
        last = self._clause_end(first, q.close_sent.token_end)
        start, end = self._text_span(first, last)
        # the cue's subject stands before it ("said Biden, urging them to “wait”" reports no clause)
        before_cue = self._subject(cue, q.clause_lo, first)
        if end > start and end >= q.sp.end and before_cue is not None and before_cue.end <= cue.start:
            self.clause_cues.add(cue.start)
            self._emit(s_idx, self._speaker(before_cue), start, end, "indirect", cue.text, "indirect.around_partial",
                       0.75)
            return True
        return False

    def _clause_before_cue(self, s_idx: int, q: _Around, a: _Attribution) -> bool:
        """A quoted phrase that ends the clause a cue after it attributes ('The bridge is “a waste of money,” Holt
        said.'): what was said is the clause from its start to the end of the quotation, emitted as an indirect
        quote (`partial_clauses`). The clause has words of its own before the quotation, no cue and no other
        quotation among them."""
        toks = self.toks
        if not (self.cfg.partial_clauses and a.rule == "after_cue" and a.cue is not None and a.speaker is not None
                and q.n_words >= self.cfg.min_partial_words):
            return False
        first = q.clause_lo
        while first < q.first_tok and (toks[first].lower in self.lex.clause_openers or not is_word(toks[first])):
            first += 1
        words = [k for k in range(first, q.first_tok) if is_word(toks[k])]
        if len(words) < 2 or any(k in self.quoted or self._cue_at(k, q.first_tok) is not None
                                 for k in range(first, q.first_tok)):
            return False
        self._emit(s_idx, a.speaker, toks[first].start, q.sp.end, "indirect", a.cue.text,
                   "indirect.clause_before_cue", 0.8)
        return True

    def _ends_inside_marks(self, sp: QuotedSpan) -> bool:
        """Whether a quotation closes with a comma or a stop inside its closing mark ('“We lost,” before …',
        '“Not again!” at …'): it is complete, the words after it are no part of what was said."""
        if sp.close_mark is None:
            return False
        inside = self.doc.text[sp.start : sp.close_mark.start].rstrip()
        return inside.endswith((",", ".", "!", "?"))

    def _adjunct_after(self, k: int) -> bool:
        """Whether token k opens a prepositional phrase (not the infinitive marker): an adjunct of the cue before
        it, not what was said."""
        low = self.toks[k].lower if k < len(self.toks) else ""
        return low in self.lex.prepositions and low != self.lex.infinitive_marker

    def _in_relative_clause(self, after: int, first: int) -> bool:
        """Whether a quoted phrase starting at token `first` stands in a relative clause opened after token
        `after` ("de leden die 'nog altijd op een wonder hopen'", "een leider 'die de waarheid durft te zeggen'"):
        what it says is said of the noun before, not by the subject of the sentence (`relative_openers`)."""
        toks = self.toks
        relatives = self.lex.relative_openers
        return any(toks[k].lower in relatives and k not in self.quoted for k in range(after, first)) or (
            first < len(toks) and toks[first].lower in relatives)

    def _names_a_title(self, sp: QuotedSpan) -> bool:
        """A quoted phrase inside a sentence whose every word is capitalised or opens with a digit is the name
        of a programme, document, group or code ("bij 'Het Journaal'", "de term 'Verenigde Staten van Europa'",
        "noemen hem 'K-9'"), not words someone said; a phrase that ends a sentence inside its marks is a
        statement ("'Nee, Nooit!'")."""
        text = self.doc.text[sp.start : sp.end].strip()
        words = [w.strip("".join(_MARK_CHARS) + "().") for w in text.split()]
        words = [w for w in words if w]
        if not words or len(words) > 6 or text[-1:] in {".", "!", "?"}:
            return False
        return all(w[0].isdigit() or (w[0].isalpha() and w[0].isupper()) for w in words)

    def _attribution_in_next_sentence(self, s_idx: int, close_end: int) -> tuple[_Cue, Phrase] | None:
        """The attribution of a quotation that ends its sentence when the layer split it off after a question or
        exclamation mark ('"… win?" Will Estrada said of the talk.'): the next sentence, in the same
        paragraph, is a speaker phrase (with an apposition) and a cue with at most a short tail after it."""
        sents, toks = self.doc.sentences, self.toks
        if s_idx + 1 >= len(sents):
            return None
        nxt = sents[s_idx + 1]
        lo, hi = nxt.token_start, nxt.token_end
        if lo >= hi or "\n" in self.doc.text[close_end : toks[lo].start]:
            return None
        p = self.phrases.phrase_at(lo, hi)
        if (p is None and lo + 1 < hi and is_capitalised(toks[lo]) and toks[lo].lower not in self.lex.function_words
                and not self.lex.is_time_word(toks[lo].lower) and self._cue_at(lo + 1, hi) is not None):
            # a capitalised word right before the cue, as "Denk liet weten" in `_subject_phrase`: a name the
            # layer does not read as one at a sentence start ('"… wall?" Pence said in response.')
            p = Phrase(lo, lo + 1, "name")
        if p is None or not self._usable(p):
            return None
        cue = None
        if p.end < hi and toks[p.end].text == ",":
            found = self._cue_after_apposition(lo, hi)
            if found is not None:
                cue = found[0]
        else:
            k = p.end
            while k < hi and toks[k].lower in self.lex.auxiliaries:
                k += 1
            cue = self._cue_at(k, hi) if k < hi else None
        if cue is None:
            return None
        tail = [t for t in toks[cue.end : hi] if is_word(t)]
        set_off = cue.end < hi and toks[cue.end].text == ","  # "…" Holt remarked, pointing to …
        if tail and not set_off and (len(tail) > 12 or (tail[0].lower not in self.lex.prepositions
                                                        and not self.lex.is_time_word(tail[0].lower))):
            return None  # "Estrada said he would …" is a statement of its own
        self.clause_cues.add(cue.start)
        return cue, p

    def _attribution_at_end(self, after: list[int], hi: int) -> tuple[_Cue, Phrase] | None:
        """The attribution that closes a sentence after its last comma (", Holt said.", ", said Holt.", ", the
        report said on Monday."): a speaker phrase and a cue, either way round, with at most a short tail of a
        preposition or time word after it; none inside a quotation. The cue and the phrase."""
        toks = self.toks
        commas = [k for k in after if toks[k].text == ","]
        if not commas or any(toks[k].text in {";", ":"} for k in after if k > commas[-1]):
            return None
        # the words between the quotation and the attribution go on with it ('"…" for the win,'), no clause of
        # their own ('"…" in May, but he lost,')
        between = [k for k in after if k < commas[-1] and is_word(toks[k])]
        if len(between) > 15 or any(toks[k].lower in self.lex.clause_boundaries or toks[k].lower in (
                self.lex.subject_pronouns) or self._is_speech_verb(k) for k in between):
            return None
        j = commas[-1] + 1
        if j >= hi or any(k in self.quoted for k in range(j, hi)):
            return None
        cue: _Cue | None = None
        p = self.phrases.phrase_at(j, hi)
        if p is None and not self.lex.verb_second:
            # a noun phrase the lists lack ("the unsigned ruling said")
            v = next((k for k in range(j + 2, min(hi, j + 7)) if self._cue_at(k, hi) is not None), None)
            if v is not None and self._determined_noun_phrase(j, v):
                p = Phrase(j, v, "noun")
        if p is not None and self._usable(p):
            k = p.end
            while k < hi and toks[k].lower in self.lex.auxiliaries:
                k += 1
            cue = self._cue_at(k, hi) if k < hi else None
        if cue is None:
            cue = self._cue_at(j, hi)
            p = self.phrases.phrase_at(cue.end, hi) if cue is not None else None
            if p is None or not self._usable(p):
                return None
        if cue is None or p is None:
            return None
        tail = [t for t in toks[max(cue.end, p.end) : hi] if is_word(t)]
        if tail and (len(tail) > 6 or (tail[0].lower not in self.lex.prepositions
                                       and not self.lex.is_time_word(tail[0].lower))):
            return None
        return cue, p

    def _cue_after_apposition(self, first: int, hi: int) -> tuple[_Cue, Phrase] | None:
        """A speaker phrase at token `first` with an apposition between commas, then a cue ("Jenna Golden,
        the director of the agency, said"): the cue and the phrase."""
        toks = self.toks
        p = self.phrases.phrase_at(first, hi)
        if p is None and not self.lex.verb_second:
            # a noun phrase the role lists lack ("a party source, who …, told")
            comma = next((k for k in range(first, min(hi, first + 7)) if toks[k].text == ","), None)
            if comma is not None and self._determined_noun_phrase(first, comma):
                p = Phrase(first, comma, "noun")
        if p is None or not self._usable(p) or p.end >= hi or toks[p.end].text != ",":
            return None
        if any(toks[j].text == "," for j in range(p.start, p.end)) and p.end + 1 < hi:
            # the phrase holds its apposition (an actor mention "the Holt campaign spokesman, Bo Dunn,"): the cue
            # may follow it right away
            c = self._cue_at(p.end + 1, hi)
            if c is not None:
                return c, self._apposition(p, first, hi)
        # "another friend, Mary Ross told": the apposition a name right before the cue, without a comma after it
        q = self.phrases.phrase_at(p.end + 1, hi)
        if q is not None and q.kind == "name" and q.end < hi:
            c = self._cue_at(q.end, hi)
            if c is not None:
                return c, (p if p.kind == "name" else Phrase(p.start, q.end, "name", q.own_start))
        # the apposition may hold commas of its own ("Ed Dunn, now 81 and retired in Salem, Ore., said")
        commas = 0
        for j in range(p.end + 2, min(hi - 1, p.end + 24)):
            if j in self.quoted or toks[j].text in {".", "!", "?", ";", ":"}:
                return None
            if toks[j].text == ",":
                c = self._cue_at(j + 1, hi)
                if c is not None:
                    return c, self._apposition(p, first, hi)
                commas += 1
                if commas >= _APPOSITION_COMMAS:
                    return None
        return None

    def _resumes_after_attribution(self, before: list[int], first_tok: int) -> bool:
        """Whether a quotation resumes one its attribution interrupted ('"…", zegt Rutte, "…"'): only a
        short attribution with a cue stands between it and the quotation before it, so it is the rest of
        that statement, not a phrase quoted inside a sentence."""
        if not before or self.toks[before[-1]].text != ",":
            return False
        k = first_tok - 1
        while k >= 0 and k not in self.quoted and first_tok - k <= 12:
            k -= 1
        if k < 0 or k not in self.quoted:
            return False
        between = range(k + 1, first_tok)
        return any(self._is_speech_verb(j) or self._marker_at(j, self.lex.markers_after) for j in between)

    def _previous_speaker(self, s_idx: int) -> Speaker | None:
        """Who says a quotation without a cue: the speaker of the sentence before; over interview questions
        and headings (sentences without a statement of their own) the last speaker before them; else the
        person the sentence before is about (its subject), else the last speaker a few sentences back, else a
        person the sentence before names, else the person quoted last."""
        if s_idx == 0:
            return None
        introduced = self._introduced_by_colon(self.doc.sentences[s_idx - 1])
        if introduced is not None:
            return introduced
        back, skipped = self._sentence_before_questions(s_idx)
        prev = self.doc.sentences[back]
        reported_body: Speaker | None = None
        last = self._last_speaker_in(prev)
        if last is not None:
            tok, speaker = last
            if speaker.is_person or tok in self.quoted:
                return speaker
            # a body reported in the sentence before ("oordeelde een commissie dat ...") yields to the person
            # whose quotation came before it (an interviewee answering)
            reported_body = speaker
        phrases = [p for p in self.phrases.phrases(prev.token_start, prev.token_end) if self._usable(p)]
        if not skipped and reported_body is None:
            subject = self._subject_of(prev, back, phrases)
            if subject is not None:
                return self._speaker(subject)  # the subject decides, even where it resolves to no speaker
            found = self._source_marked_in(prev)
            if found is None and self.cfg.speaker_further_back:
                found = self._introduced_since_quotation(back)
            if found is not None:
                return found
        if not self.cfg.speaker_further_back and not skipped:
            return self._person_in(phrases)
        found = self._speaker_further_back(back, prev, reported_body)
        if found is not None or skipped:
            return found
        return self._person_in(phrases) or self._last_quoted_speaker(prev)

    def _last_quoted_speaker(self, prev: Sentence) -> Speaker | None:
        """The person whose quotation came last before the end of sentence `prev`, however far back: where neither
        the sentences within `previous_speaker_reach` nor the sentence before name a speaker ("‘…’, zegt X. <a
        passage of narration that names no one> ‘…’"), the article goes on quoting the one it quoted last."""
        for tok, speaker in reversed(self.resolver.history):
            if tok < prev.token_end and tok in self.quoted and speaker.is_person:
                return speaker
        return None

    def _sentence_before_questions(self, s_idx: int) -> tuple[int, int]:
        """The sentence before a quotation's sentence, past up to three interview questions and headings between
        the answer and the previous answer; and how many it passed."""
        back = s_idx - 1
        skipped = 0
        while back > 0 and skipped < 3 and self._is_question_or_heading(back):
            back -= 1
            skipped += 1
        return back, skipped

    def _last_speaker_in(self, sent: Sentence) -> tuple[int, Speaker] | None:
        """The last speaker resolved in a sentence, with the token where it was."""
        for tok, speaker in reversed(self.resolver.history):
            if sent.token_start <= tok < sent.token_end:
                return tok, speaker
        return None

    def _subject_of(self, prev: Sentence, back: int, phrases: list[Phrase]) -> Phrase | None:
        """The first name, role or pronoun in subject position of the sentence before, unless the first such name is
        one the last speaker talks about or (`established_speakers`) one the article is not about."""
        for p in phrases:
            if (p.kind in {"name", "role", "pronoun"} and not self.phrases.after_preposition(p)
                    and self._is_subject_position(p, prev.token_start)):
                if p.kind == "name" and self._named_in_last_quotation(p, back):
                    return None  # the one the last speaker talks about ("Neem Macron. …" Macron startte …)
                if p.kind == "name" and self.cfg.established_speakers and not self.resolver.established(p):
                    return None  # a heading or a word in capitals, not one the article is about
                return p
        return None

    def _speaker_further_back(self, back: int, prev: Sentence, reported_body: Speaker | None) -> Speaker | None:
        """A speaker a few sentences back (`previous_speaker_reach`): the last speaker of a quotation ("‘…’ In zijn
        ogen … ‘…’"; a person where a body is reported in the sentence before), else that body, else
        (`reported_speaker_fallback`) the last person reported as speaking ("…, meent de schrijver X. Zij leidt …
        ‘…’")."""
        lo = self.doc.sentences[max(0, back - self.cfg.previous_speaker_reach)].token_start
        for tok, speaker in reversed(self.resolver.history):
            if tok < lo:
                break
            if tok < prev.token_end and tok in self.quoted and (reported_body is None or speaker.is_person):
                return speaker
        if reported_body is not None:
            return reported_body
        for tok, speaker in reversed(self.resolver.history if self.cfg.reported_speaker_fallback else []):
            if tok < lo:
                break
            if tok < prev.token_end and speaker.is_person:
                return speaker
        return None

    def _person_in(self, phrases: list[Phrase]) -> Speaker | None:
        """The first phrase of a person, not after a preposition (the sentence before a quotation)."""
        for p in phrases:
            if self._likely_person(p) and not self.phrases.after_preposition(p):
                return self._speaker(p)
        return None

    def _name_with_age(self, i: int, hi: int) -> Phrase | None:
        """A person's name at token i with their age after it in brackets ("Anna de Wit (34)"): the phrase."""
        toks = self.toks
        p = self.phrases.phrase_at(i, hi)
        if p is None or p.kind != "name" or p.end + 2 >= hi:
            return None
        if toks[p.end].text == "(" and toks[p.end + 1].text.isdigit() and toks[p.end + 2].text == ")":
            return p
        return None

    def _source_marked_in(self, sent: Sentence) -> Speaker | None:
        """The person a source marker names in a sentence no speaker was found in ("Niemand had volgens X
        verwacht dat …", "Dat komt volgens hem door …"): a person, a role or a pronoun after the marker."""
        for i in range(sent.token_start, sent.token_end):
            n = self._marker_at(i, self.lex.markers_before) if i not in self.quoted else 0
            if not n:
                continue
            p = self.phrases.phrase_at(i + n, sent.token_end, object_pronoun=True)
            if p is not None and self._usable(p) and (p.kind in {"pronoun", "role"} or (
                    p.kind == "name" and self.resolver.established(p) and self.resolver._is_person(p))):
                return self._speaker(p)
        return None

    def _introduced_since_quotation(self, back: int) -> Speaker | None:
        """A person introduced after the last quotation, in the sentences between it and sentence `back` (which
        names no speaker of its own): "'…', zegt Jansen. Advocaat Pieter de Wit stond hem bij. Het dossier is
        dik. '…'" is De Wit's. The nearest sentence before `back` that reports a person speaking or has a person
        as its subject gives the speaker; a sentence with a quotation in it ends the search."""
        sents = self.doc.sentences
        for k in range(back - 1, max(-1, back - self.cfg.previous_speaker_reach), -1):
            sent = sents[k]
            if any(j in self.quoted for j in range(sent.token_start, sent.token_end)):
                return None
            if self._is_question_or_heading(k):
                continue
            for tok, speaker in reversed(self.resolver.history):
                if sent.token_start <= tok < sent.token_end:
                    if speaker.phrase.kind == "pronoun":
                        return None  # "…, vindt hij.": one already known, most often the last speaker
                    if speaker.is_person:
                        return speaker
                    break
            for p in self.phrases.phrases(sent.token_start, sent.token_end):
                if (self._usable(p) and p.kind in {"name", "role"} and not self.phrases.after_preposition(p)
                        and self._is_subject_position(p, sent.token_start) and self._likely_person(p)
                        and not (self.cfg.established_speakers and p.kind == "name"
                                 and not self.resolver.established(p))):
                    return self._speaker(p)
        return None

    def _introduced_by_colon(self, prev: Sentence) -> Speaker | None:
        """The speaker a sentence that ends with a colon introduces ('In a statement, the committee said of
        the plan:' followed by the quotation): the subject of its last cue."""
        toks = self.toks
        lo, hi = prev.token_start, prev.token_end
        if hi - lo < 2 or toks[hi - 1].text != ":" or (hi - 1) in self.quoted:
            return None
        for k in range(hi - 2, lo - 1, -1):
            c = self._cue_at(k, hi - 1) if k not in self.quoted else None
            if c is not None:
                p = self._subject(c, lo, hi - 1)
                return self._speaker(p) if p is not None else None
        return None

    def _named_in_last_quotation(self, p: Phrase, s_idx: int) -> bool:
        """Whether the name of phrase p (its last word) stands inside the last quotation that ends before
        sentence s_idx, a few sentences back at most."""
        sents = self.doc.sentences
        lo = sents[max(0, s_idx - self.cfg.previous_speaker_reach)].start
        hi = sents[s_idx].start
        last = self.toks[p.end - 1].text
        for sp in reversed(self.spans):
            if sp.end <= hi:
                if sp.end < lo:
                    return False
                return any(w.strip(".,:;!?") == last for w in self.doc.text[sp.start : sp.end].split())
        return False

    def _likely_person(self, p: Phrase) -> bool:
        """A phrase that names a person: a person the actor resolver knows, or a name of two words or more it
        does not know ("Pieter Schol"); a single unknown capitalised word is mostly a place or a heading."""
        if p.kind == "role":
            return True
        if p.kind != "name":
            return False
        m = self.resolver._mention_for(p)
        actor = self.doc.mentions[m].actor if m is not None else None
        if actor is not None:
            return actor.kind == "person"
        words = [t for t in self.toks[p.start : p.end] if is_capitalised(t)]
        return len(words) >= 2

    def _is_question_or_heading(self, s_idx: int) -> bool:
        """A sentence that states nothing a later quotation continues: a question outside quotation marks
        (the interviewer's) or a heading (no closing punctuation)."""
        sent = self.doc.sentences[s_idx]
        if sent.token_end <= sent.token_start:
            return True
        last = sent.token_end - 1
        while last > sent.token_start and set(self.toks[last].text) <= _MARK_CHARS:
            last -= 1
        if last in self.quoted:
            return False
        return self.toks[last].text == "?" or self.toks[last].text not in {".", "!", ":", ";", "…", "?"}

    def _is_subject_position(self, p: Phrase, lo: int) -> bool:
        """Whether a phrase stands as the subject: first in its sentence (after clause openers), or right after
        the finite verb that opens it ("Wel zegt Jetten ...", "Daarom pleit minister X ...")."""
        k = lo
        while k < p.start and (self.toks[k].lower in self.lex.clause_openers or not is_word(self.toks[k])):
            k += 1
        if k == p.start:
            return True
        if self.toks[k].lower in self.lex.complementizers:
            return False  # the subject of a "dat" clause that opens the sentence ("Dat X failliet ging, had …")
        return p.start - k <= 2 and all(is_word(self.toks[j]) and not is_capitalised(self.toks[j])
                                        or j == k for j in range(k, p.start))

    # -- indirect speech -----------------------------------------------------------------------------------
    def _indirect(self, s_idx: int) -> None:
        """The indirect statements of a sentence: those its cues report, else the one a source marker reports."""
        sent = self.doc.sentences[s_idx]
        lo, hi = sent.token_start, sent.token_end
        while lo < hi and self._closes_earlier_quotation(lo, sent.start):
            lo += 1  # ",,…'' Maar, zegt hij, …": the closing mark of the quotation before, split off with this sentence
        if self._is_question(lo, hi) or self._unreported_heading(s_idx):
            return  # a question reports no statement; nor (where so set) a heading
        found_clause = self._speech_clauses(s_idx, lo, hi)
        self._marked_statement(s_idx, lo, hi, found_clause)

    def _unreported_heading(self, s_idx: int) -> bool:
        """Whether sentence s_idx is a heading or a question that reports nothing (`report_in_headings` false)."""
        return not self.cfg.report_in_headings and self._is_question_or_heading(s_idx)

    def _is_question(self, lo: int, hi: int) -> bool:
        """Whether the sentence [lo, hi) is a question outside quotation marks ("Zei de minister dat …?", an
        interviewer's "U zegt dat …?", "Who said that …?"): it asks what was said, it reports no statement."""
        last = hi - 1
        while last > lo and set(self.toks[last].text) <= _MARK_CHARS:
            last -= 1
        return last not in self.quoted and self.toks[last].text == "?"

    def _speech_clauses(self, s_idx: int, lo: int, hi: int) -> bool:
        """Reads the clauses of speech of the sentence [lo, hi) left to right, emitting their statements; whether
        it has any."""
        found_clause = False
        i = lo
        while i < hi:
            done = None if i in self.quoted else self._speech_clause_at(s_idx, i, lo, hi)
            if done is None:
                i += 1
                continue
            found_clause = True
            i = max(done, i + 1)
        return found_clause

    def _speech_clause_at(self, s_idx: int, i: int, lo: int, hi: int) -> int | None:
        """Where reading goes on after the clause of speech whose cue is at token i, its statement emitted (a cue
        of `clause_cues` heads a clause whose statement is read elsewhere); None where none is there."""
        cue = self._cue_at(i, hi)
        if cue is None:
            if self._is_inserted_verb(i):
                return self._inserted(s_idx, _Cue(i, i + 1, self.toks[i].text), lo, hi)
            return None
        if cue.start in self.clause_cues:
            return i + 1
        if self._in_purpose_infinitive(i, lo):
            return None
        if self._in_conditional(cue, lo) or self._under_modal(cue, lo):
            return None
        done = self._dat_clause(s_idx, cue, lo, hi)
        if done is None:
            done = self._bare_clause(s_idx, cue, lo, hi)
        if done is None:
            done = self._infinitive(s_idx, cue, lo, hi)
        if done is None:
            done = self._inserted(s_idx, cue, lo, hi)
        return done

    def _in_purpose_infinitive(self, i: int, lo: int) -> bool:
        """"doet zijn best om het gerucht te weerspreken dat …": a cue in an infinitive of purpose reports nothing
        said ("door steeds te benadrukken dat …" does)."""
        toks = self.toks
        return (i > lo and toks[i - 1].lower == self.lex.infinitive_marker
                and any(toks[k].lower in self.lex.purpose_markers for k in range(max(lo, i - 8), i - 1)))

    def _marked_statement(self, s_idx: int, lo: int, hi: int, found_clause: bool) -> None:
        """The statement of the first source marker of the sentence: "according to" (beside a clause of speech only
        where the marker is set off by commas, English), else - without a clause of speech - "reportedly" or
        ", aldus"."""
        toks = self.toks
        for i in range(lo, hi):
            if i in self.quoted:
                continue
            n = self._marker_at(i, self.lex.markers_before)
            if n and not (found_clause and self.lex.verb_second):
                self._according_to(s_idx, i, n, lo, hi)
                return
            if found_clause:
                continue
            n = self._marker_at(i, self.lex.anonymous_markers)
            if n:
                self._reportedly(s_idx, i, n, lo, hi)
                return
            n = self._marker_at(i, self.lex.markers_after)
            if n and i > lo and toks[i - 1].text == ",":
                self._aldus(s_idx, i, n, lo, hi)
                return

    def _closes_earlier_quotation(self, k: int, sentence_start: int) -> bool:
        """Whether token k is only quotation marks that close a quotation opened before the sentence starts."""
        tok = self.toks[k]
        if k not in self.quoted or not set(tok.text) <= _MARK_CHARS - {","}:
            return False
        return any(sp.outer_start < sentence_start and tok.start < sp.outer_end <= tok.end for sp in self.spans)

    def _is_quotation(self, start: int, end: int) -> bool:
        """Whether reported content is itself a quotation that opens it ("zei dat ‘…’")."""
        for sp in self.spans:
            if sp.outer_start <= start + 2 and sp.outer_end >= start and (
                    min(end, sp.outer_end) - max(start, sp.outer_start)) >= 0.6 * (end - start):
                return True
        return False

    def _overlaps_direct(self, start: int, end: int) -> bool:
        inside = 0
        for sp in self.spans:
            a, b = max(start, sp.outer_start), min(end, sp.outer_end)
            if b > a:
                inside += b - a
        return inside >= 0.6 * (end - start)

    def _clause_end(self, first: int, hi: int) -> int:
        """Last token of a content clause starting at `first`: the sentence end, or before the next
        coordinated cue (", maar stelt dat …") or an "aldus" tail; in English, before the comma that closes a
        subordinate clause the sentence opens with ("While Holt said the plan failed, her rivals …")."""
        toks = self.toks
        sent = self.doc.sentences[self._sentence_of_token(first)]
        opener = sent.token_start
        while opener < first and toks[opener].lower in self.lex.clause_openers:
            opener += 1
        subordinate = not self.lex.verb_second and toks[opener].lower in self.lex.clause_boundaries
        # verb second: a sentence that opens with a subordinate clause goes on with the finite verb of the main
        # clause right after the comma that closes it ("Hoewel zij zei dat de kas klopte, trad zij af")
        preposed = self.lex.verb_second and toks[opener].lower in self.lex.subordinators and opener < first
        k = first
        while k < hi:
            if subordinate and toks[k].text == "," and k not in self.quoted and k > first:
                return k - 1
            if (preposed and toks[k].text == "," and k > first and k not in self.quoted
                    and self._finite_after(k + 1, hi)):
                return k - 1
            if toks[k].text == "," and k + 1 < hi:
                nxt = k + 1
                if toks[nxt].lower in self.lex.coordinators and nxt + 1 < hi:
                    nxt += 1
                if self._marker_at(nxt, self.lex.markers_after) or (
                        nxt != k + 1 and self._cue_at(nxt, hi) is not None):
                    return k - 1
            if k > first and self._coordinated_cue(k, hi):
                return k - 1
            k += 1
        return hi - 1

    def _finite_after(self, k: int, hi: int) -> bool:
        """Whether token k, right after a comma, is a finite verb by the lexicon: an auxiliary, a verb of speech or
        a lower-case word the lemma table inflects to an infinitive ("trad" -> "treden", "kwamen" -> "komen"), not
        one it leaves as it is (a noun, an adjective)."""
        if k >= hi or not is_word(self.toks[k]) or self.toks[k].text[:1].isupper():
            return False
        tok, lex = self.toks[k], self.lex
        if tok.lower in lex.auxiliaries or self._is_speech_verb(k):
            return True
        return tok.lemma != tok.lower and self._infinitive_form(tok.lemma)

    def _coordinated_cue(self, k: int, hi: int) -> bool:
        """Whether token k is a coordinator right before a cue of its own, which opens the next report ("zei dat de
        kas klopte en beloofde dat …", "ontkende het te weten en zei dat …")."""
        return (self.toks[k].lower in self.lex.coordinators and k + 1 < hi and k + 1 not in self.quoted
                and self._cue_at(k + 1, hi) is not None)

    def _dat_clause(self, s_idx: int, cue: _Cue, lo: int, hi: int) -> int | None:
        toks = self.toks
        for c in range(cue.end, min(hi, cue.end + 8)):
            if c in self.quoted or toks[c].text in _CLAUSE_PUNCT:
                return None
            if self._cue_at(c, hi) is not None:
                # the clause belongs to a cue after this one ("ontkende het te weten en zei dat …", "meldde
                # gisteren na afloop en herhaalde vandaag dat …"; a noun after an article is none: "said in a
                # report that")
                return None
            # "asked whether …", "asked him if …": a question opens the clause right after the cue or its object
            if toks[c].lower in self.lex.complementizers or (
                    toks[c].lower in self.lex.question_complementizers and c - cue.end <= 2):
                if c + 1 >= hi or (self._is_punct(c + 1) and not set(toks[c + 1].text) <= _MARK_CHARS):
                    return None
                if self._demonstrative_object(c, hi):
                    return None
                last = self._clause_end(c + 1, hi)
                start, end = self._text_span(c + 1, last)
                if self._is_quotation(start, end):
                    return last + 1
                p = self._subject(cue, lo, c)
                self._emit(s_idx, self._speaker(p), start, end, "indirect", cue.text,
                           "indirect.complement", 0.85)
                return last + 1
        return None

    def _in_conditional(self, cue: _Cue, lo: int) -> bool:
        """Whether a cue stands in a conditional clause (`conditionals`: "Als de wethouder zegt dat …, …"): speech
        supposed, not reported. Where the subject follows a verb-second cue ("Als woordvoerder zei hij dat …", "as"
        in a main clause) the cue is that of the main clause: a conditional clause has its subject before its verb."""
        toks = self.toks
        if not self.lex.conditionals:
            return False
        if cue.end < len(toks) and (toks[cue.end].lower in self.lex.subject_pronouns
                                    or self.phrases.phrase_at(cue.end, len(toks)) is not None):
            return False
        k = self._clause_start(cue.start, lo)
        while k < cue.start and toks[k].lower in self.lex.clause_openers:
            k += 1
        return toks[k].lower in self.lex.conditionals or (k > lo and toks[k - 1].lower in self.lex.conditionals)

    def _under_modal(self, cue: _Cue, lo: int) -> bool:
        """Whether a cue is an infinitive under a modal verb of its clause (`modals`: "zal morgen verklaren dat …",
        "moet erkennen dat …"): speech to come or owed, not reported."""
        toks = self.toks
        if not self.lex.modals or toks[cue.start].lower != toks[cue.start].lemma:
            return False
        return any(toks[j].lower in self.lex.modals for j in range(self._clause_start(cue.start, lo), cue.start))

    def _bare_clause(self, s_idx: int, cue: _Cue, lo: int, hi: int) -> int | None:
        """Reported speech without a complementizer: "said he would …", "told reporters they had …", "said the
        plan was …". The clause opens within a few words of the cue with a subject pronoun, or right after it
        with up to six words and a finite verb (`bare_clause_verbs`, a past tense)."""
        lex, toks = self.lex, self.toks
        if not lex.bare_clause_subjects:
            return None
        first = None
        for c in range(cue.end, min(hi, cue.end + 5)):
            if toks[c].lower in lex.complementizers:
                return None
            if c in self.quoted or self._is_punct(c):
                break
            if toks[c].lower in lex.bare_clause_subjects and self._verb_may_follow(c + 1, hi):
                first = c
                break
            if toks[c].lower in lex.object_or_subject and self._finite_verb(c + 1, hi):
                first = c  # "said it would …", "said it detected …" (not "said it again")
                break
        if first is None:
            c = cue.end
            while c < hi and lex.is_time_word(toks[c].lower):
                c += 1
            if c >= hi or c in self.quoted or self._is_punct(c):
                return None
            # up to six words after the first, a hyphenated word ("the 12-point plan") counted once
            inside = sum(1 for k in range(c + 1, min(hi, c + 9)) if self._is_punct(k) and self._inside_word(k))
            determined = toks[c].lower in lex.determiners  # a verb of speech after it is a noun ("the report")
            for v in range(c + 1, min(hi, c + 7 + 2 * inside)):
                if v in self.quoted or (self._is_speech_verb(v) and not determined) or (
                        self._is_punct(v) and not self._inside_word(v)):
                    return None
                # a verb in the past tense after a definite or named subject ("said the plan failed", "said Holt
                # lied"; not "told reporters gathered outside", "released a book called …", "a list of deleted …")
                definite = toks[c].lower in lex.determiners and toks[c].lower not in (
                    lex.articles - lex.definite_articles)
                past = (self._finite_verb(v, hi) and toks[v].lower not in lex.bare_clause_verbs
                        and toks[v - 1].lower not in lex.prepositions and (is_capitalised(toks[c]) or definite))
                if (toks[v].lower in lex.bare_clause_verbs or past) and not is_capitalised(toks[v]):  # not "in May"
                    if toks[c].lower in lex.prepositions or toks[c].lower in lex.bare_clause_verbs:
                        return None
                    first = c
                    break
        if first is None or first + 1 >= hi:
            return None
        last = self._clause_end(first, hi)
        start, end = self._text_span(first, last)
        if end <= start or self._is_quotation(start, end):
            return last + 1 if end > start else None
        p = self._subject(cue, lo, first)
        self._emit(s_idx, self._speaker(p), start, end, "indirect", cue.text, "indirect.bare_clause", 0.75)
        return last + 1

    def _verb_may_follow(self, k: int, hi: int) -> bool:
        """Whether token k may be the verb after a pronoun that opens a clause ("said it would …"), not what
        follows a pronoun that is the cue's object ("said it again", "said it on Monday", "said it, too")."""
        if k >= hi or not is_word(self.toks[k]):
            return False
        low, lex = self.toks[k].lower, self.lex
        return not (low in lex.prepositions or low in lex.coordinators or low in lex.determiners
                    or low in lex.clause_boundaries or lex.is_time_word(low))

    def _finite_verb(self, k: int, hi: int) -> bool:
        """Whether token k is a finite verb by the lexicon: an auxiliary or modal (`bare_clause_verbs`), a word
        with a past-tense ending (`past_endings`) or a past tense without one (`irregular_pasts`)."""
        if k >= hi:
            return False
        low, lex = self.toks[k].lower, self.lex
        return low in lex.bare_clause_verbs or low in lex.irregular_pasts or (
            bool(lex.past_endings) and low.endswith(lex.past_endings) and len(low) > 4 and low.isalpha())

    def _inside_word(self, k: int) -> bool:
        """Whether punctuation token k is a hyphen written inside a word ("down-ballot")."""
        toks = self.toks
        return (toks[k].text == "-" and 0 < k < len(toks) - 1 and toks[k - 1].end == toks[k].start
                and toks[k].end == toks[k + 1].start)

    def _demonstrative_object(self, c: int, hi: int) -> bool:
        """Whether the complementizer at token c is a demonstrative object: before an infinitive ("dreigde dat
        weer te doen": the infinitive marker and a verb in -en within three words, and no subject before them,
        no capitalised word, determiner or personal pronoun as in "dat Rusland te maken heeft"), before a
        prepositional phrase with no verb after it ("zei dat bij de ontvangst van Bolsonaro"), or - where the lemma
        table tells verbs by their infinitive - before up to three words with no verb or pronoun ("zei dat al
        eerder")."""
        toks = self.toks
        rest = [t for t in toks[c + 1 : self._clause_end(c + 1, hi) + 1] if is_word(t)]
        lex = self.lex
        if lex.verb_second and lex.infinitive_endings and len(rest) <= 3 and not any(
                t.lower in lex.auxiliaries or t.lower in lex.subject_pronouns or t.lower in lex.clause_subjects
                or (t.lemma != t.lower and self._infinitive_form(t.lemma)) for t in rest) \
                and not self._verb_final_clause(rest):
            return True  # "zei dat al eerder", "heeft dat gisteren ook gezegd": a few words and no verb
        if toks[c + 1].lower in self.lex.prepositions:
            rest = toks[c + 1 : self._clause_end(c + 1, hi) + 1]
            finite = self.lex.auxiliaries - self.lex.determiners  # not "zijn" as in "van zijn ambtgenoot"
            if not any(t.lower in finite or (t.lemma != t.lower and self._infinitive_form(t.lemma)) for t in rest):
                return True
        for k in range(c + 1, min(hi - 1, c + 4)):
            if toks[k].lower == self.lex.infinitive_marker:
                between = [toks[j] for j in range(c + 1, k)]
                return self._infinitive_form(toks[k + 1].lower) and not any(
                    t.text[:1].isupper() or t.lower in self.lex.determiners or t.lower in self.lex.clause_subjects
                    for t in between
                )
        return False

    def _verb_final_clause(self, rest: list[Token]) -> bool:
        """Whether the words after a complementizer are a subordinate clause of a subject with a determiner and
        its verb at the end in the plural present, which has the infinitive's form ("zei dat de Russen liegen"),
        not a demonstrative object before a time word ("zei dat de hele ochtend")."""
        lex = self.lex
        if len(rest) < 3 or rest[0].lower not in lex.determiners:
            return False
        last = rest[-1]
        return self._infinitive_form(last.lower) and last.lemma in ("", last.lower) and not lex.is_time_word(last.lower)

    def _infinitive_form(self, word: str) -> bool:
        return bool(self.lex.infinitive_endings) and word.endswith(self.lex.infinitive_endings)

    def _takes_infinitive(self, cue: _Cue) -> bool:
        """Whether a cue takes an infinitival complement (`infinitive_verbs`): a one-word cue by its lemma or form, a
        cue of several words by its words or by the lemma of its first word with the rest ("kondigde aan" as
        "kondigen aan", "gaven toe" as "geven toe")."""
        first = self.toks[cue.start]
        keys = {first.lower}
        if cue.end - cue.start == 1:
            keys.add(first.lemma)
        else:
            words = cue.text.lower().split()
            keys.update((cue.text.lower(), " ".join([first.lemma, *words[1:]])))
        return not keys.isdisjoint(self.lex.infinitive_verbs)

    def _infinitive(self, s_idx: int, cue: _Cue, lo: int, hi: int) -> int | None:
        toks = self.toks
        if not self._takes_infinitive(cue):
            return None
        first = cue.end
        subject = self.phrases.phrase_at(first, hi)
        # An inverted subject ("zei Maduro open te staan …") is not part of the content.
        content_start = subject.end if subject is not None else first
        k = content_start
        te = None
        while k < min(hi, content_start + 12):
            lower = toks[k].lower
            if toks[k].text in _CLAUSE_PUNCT or k in self.quoted or lower in self.lex.complementizers:
                break
            if lower in self.lex.clause_boundaries or lower in self.lex.coordinators:
                break  # "beloofde amnestie en zette de bevolking in om ... over te halen": another verb's
            if toks[k].lower == self.lex.infinitive_marker and k + 1 < hi and is_word(toks[k + 1]):
                te = k
                break
            k += 1
        if te is None:
            return None
        last = te + 1
        while (last + 1 < hi and toks[last + 1].text not in _CLAUSE_PUNCT and last + 1 not in self.quoted
               and not self._coordinated_cue(last + 1, hi)):
            last += 1
        # Leading time adverbs ("zei gisteren open te staan") are not part of what was said.
        while content_start < te and self.lex.is_time_word(toks[content_start].lower):
            content_start += 1
        start, end = self._text_span(content_start, last)
        p = self._subject(cue, lo, hi)
        self._emit(s_idx, self._speaker(p), start, end, "indirect", cue.text, "indirect.infinitive", 0.7)
        return last + 1

    def _inserted(self, s_idx: int, cue: _Cue, lo: int, hi: int) -> int | None:
        """"…, zei hij." or "De uitslag zou, meent hij, nog …": a cue between commas or at the end."""
        comma = self._comma_before_inserted(cue, lo)
        if cue.start in self.quote_cues and not self._quoted_phrase_before_comma(lo, comma):
            # '"…," Ann Holt, a friend, told the Post': the quotation is the statement (but not a quoted phrase that
            # ends a statement of its own: "De regels zijn nooit ‘getoetst’, zegt zij")
            return None
        found: tuple[Phrase, int, int] | None
        if comma > lo and self.toks[comma].text != ",":
            found = self._subject_between_comma_and_cue(cue, lo, hi)
        elif self.lex.verb_second and comma > lo and self._opener_only(lo, comma):
            # after a clause opener alone the statement follows the cue
            return self._inserted_after_opener(s_idx, cue, hi)
        else:
            found = self._subject_after_inserted_cue(cue, comma, lo, hi)
        if found is None:
            return None
        p, comma, k = found
        k = self._past_speaker_tail(p, k, hi)
        if not self._inserted_cue_ends_clause(cue, p, k, hi):
            return None
        if comma - 1 >= lo and (comma - 1) in self.quoted and not self._quoted_phrase_ends(lo, comma):
            return None  # "‘…’, zei hij": the quotation itself is the statement
        start, end, gap = self._inserted_statement(lo, hi, comma, k)
        if self._overlaps_direct(start, end) or end <= start:
            return None
        self._emit(s_idx, self._speaker(p), start, end, "indirect", cue.text, "indirect.inserted", 0.7, gap=gap)
        return k + 1

    def _comma_before_inserted(self, cue: _Cue, lo: int) -> int:
        """The token before an inserted cue, or before the adverb that precedes it ("…, zo stelt de rechter"):
        the comma where the cue is inserted, or a word of the subject between the comma and the cue."""
        comma = cue.start - 1
        if comma > lo and self.toks[comma].lower in self.lex.inserted_adverbs:
            comma -= 1
        return comma

    def _quoted_phrase_before_comma(self, lo: int, comma: int) -> bool:
        """Whether a quoted phrase that ends a statement of its own closes right before the comma."""
        return (comma > lo and self.toks[comma].text == "," and (comma - 1) in self.quoted
                and self._quoted_phrase_ends(lo, comma))

    def _subject_between_comma_and_cue(self, cue: _Cue, lo: int, hi: int) -> tuple[Phrase, int, int] | None:
        """"…, he said." / "…, the campaign said, …": the subject between the comma and the cue, with the comma
        before it and the token after the cue. What stands before is a statement, not an adverbial ("In an
        interview, she said …") nor a quotation (found as such); after the cue only a short tail ("…, he said on
        Monday.")."""
        toks = self.toks
        p = self._subject_after_comma(cue, lo)
        if p is None:
            return None
        comma, k = p.start - 1, cue.end
        first = next((j for j in range(lo, comma) if is_word(toks[j])), comma)
        tail = next((j for j in range(k, hi) if toks[j].text in _CLAUSE_PUNCT), hi)
        if (first >= comma or toks[first].lower in self.lex.prepositions or tail - k > 6
                or any(j in self.quoted for j in range(lo, comma))
                or (k < tail and toks[k].lower not in self.lex.prepositions
                    and not self.lex.is_time_word(toks[k].lower))):
            return None
        return p, comma, k

    def _subject_after_inserted_cue(self, cue: _Cue, comma: int, lo: int, hi: int) -> tuple[Phrase, int, int] | None:
        """The subject after a cue inserted after a comma, with the comma and the token after the subject and
        the cue. Where the subject follows the verb of the main clause (Dutch), the words before the comma must be
        a statement."""
        if not (comma > lo and (not self.lex.verb_second or self._states_before(lo, comma))):
            return None
        p = self._inserted_subject(cue, hi)
        if p is None:
            return None
        return p, comma, max(p.end, cue.end)

    def _past_speaker_tail(self, p: Phrase, k: int, hi: int) -> int:
        """Past a tail of the speaker phrase ("van de universiteit en gespecialiseerd in …", "(D66)") up to the
        clause end."""
        toks = self.toks
        while k < hi and toks[k].text not in _CLAUSE_PUNCT and k - p.end < 16 and not self._is_speech_verb(k):
            k += 1
        if k < hi and toks[k].text == "(":
            closing = next((j for j in range(k + 1, min(hi, k + 8)) if toks[j].text == ")"), None)
            if closing is not None:
                k = closing + 1
        return k

    def _inserted_cue_ends_clause(self, cue: _Cue, p: Phrase, k: int, hi: int) -> bool:
        """Whether the clause of an inserted cue and its subject ends at k: at a comma or stop, and (where the
        subject follows the verb) not going on after the subject ("…, gaf de partij aan een verzoek te doen"); a
        verb of perception or knowledge reports a view only at the end ("…, ziet Jansen.")."""
        toks = self.toks
        if k < hi and toks[k].text not in {",", ".", "!", "?", ":"}:
            return False
        rest = range(max(p.end, cue.end), k) if self.lex.verb_second else range(0)
        return not (any(toks[j].lower == self.lex.infinitive_marker or toks[j].lower in self.lex.complementizers
                        for j in rest) or (self._is_inserted_verb(cue.start) and len(rest) > 0))

    def _inserted_statement(self, lo: int, hi: int, comma: int, k: int) -> tuple[int, int, tuple[int, int] | None]:
        """The character span of the statement around an inserted cue and the gap the cue leaves in it: the words
        before the comma, or the whole sentence where it goes on after the cue's clause."""
        toks = self.toks
        if (k < hi and toks[k].text == "," and k + 1 < hi and any(is_word(toks[j]) for j in range(k + 1, hi))
                and not self._apposition_to_end(k + 1, hi) and toks[k + 1].lower not in self.lex.participles):
            start, end = self._text_span(lo, hi - 1)  # inserted: the whole sentence is the statement
            return start, end, (self._text_span(lo, comma - 1)[1], self._text_span(k + 1, hi - 1)[0])
        start, end = self._text_span(lo, comma - 1)
        return start, end, None

    def _quoted_phrase_ends(self, lo: int, comma: int) -> bool:
        """Whether the quotation that closes before the comma is a phrase at the end of a statement of more words
        ("De regels zijn nooit ‘getoetst’, zegt zij"): it opens after the statement's first three words and holds
        under half of the words before the comma. Dutch only (`verb_second`): English reports such a phrase as the
        clause around it after its cue (`partial_clauses`)."""
        if not self.lex.verb_second:
            return False
        end = self.toks[comma - 1].end
        for sp in self.spans:
            if sp.outer_start < end <= sp.outer_end:
                first = self._tok_at(sp.outer_start)
                words = sum(1 for j in range(lo, comma) if is_word(self.toks[j]))
                inside = sum(1 for j in range(first, comma) if is_word(self.toks[j]))
                return first - lo > 3 and 2 * inside < words
        return False

    def _opener_only(self, lo: int, comma: int) -> bool:
        """Whether only clause openers stand before the comma ("Maar, zegt hij, …")."""
        return all(self.toks[j].lower in self.lex.clause_openers for j in range(lo, comma))

    def _inserted_after_opener(self, s_idx: int, cue: _Cue, hi: int) -> int | None:
        """"Maar, zegt hij, de uitslag valt tegen.": a cue between commas after a clause opener reports what follows
        it."""
        p = self._inserted_subject(cue, hi)
        toks = self.toks
        if p is None:
            return None
        k = max(p.end, cue.end)
        if k + 1 >= hi or toks[k].text != "," or not any(is_word(toks[j]) for j in range(k + 1, hi)):
            return None
        start, end = self._text_span(k + 1, hi - 1)
        if end <= start or self._overlaps_direct(start, end):
            return None
        self._emit(s_idx, self._speaker(p), start, end, "indirect", cue.text, "indirect.inserted", 0.7)
        return hi

    def _states_before(self, lo: int, comma: int) -> bool:
        """Whether the words before the comma of an inserted cue can be a statement: a word or more past the clause
        openers ("Maar ook, …" is none), and not a subordinate clause that runs up to the comma ("Toen de raad
        weigerde, gaf …"; but "Omdat er veel op het spel stond, was het een harde campagne, zegt …")."""
        toks = self.toks
        first = lo
        while first < comma and (toks[first].lower in self.lex.clause_openers or not is_word(toks[first])):
            first += 1
        if first >= comma:
            return False
        return toks[first].lower not in self.lex.subordinators or any(
            toks[j].text == "," and j not in self.quoted for j in range(first, comma))

    def _inserted_subject(self, cue: _Cue, hi: int) -> Phrase | None:
        """The subject of a cue inserted after a comma, which follows the verb: a speaker phrase after it ("…,
        zegt Jansen."), between a separable verb and its particle ("…, legt Jansen uit.", "…, laat hij weten."),
        or - where the subject follows the verb in the language - a noun phrase the role lists lack ("…, zeggen
        tegenstanders.", "…, zegt een leerkracht aan de pers.")."""
        if cue.end - cue.start > 1:
            # up to two words between the subject and the particle ("voegde Van Dam eraan toe")
            inner = self.phrases.phrase_at(cue.start + 1, cue.end - 1)
            if inner is not None and cue.end - 1 - inner.end <= 2 and self._usable(inner) and all(
                    is_word(self.toks[j]) and not is_capitalised(self.toks[j]) for j in range(inner.end, cue.end - 1)):
                return inner
        p = self.phrases.phrase_at(cue.end, hi)
        if self._usable(p) or not self.lex.verb_second:
            return self._named_in_apposition(p, hi, at_end=True) if p is not None and self._usable(p) else None
        p = self.phrases.noun_phrase(cue.end, hi)
        if self._usable(p):
            return p
        end = cue.end
        toks = self.toks
        while end < hi and end - cue.end < 7 and (is_word(toks[end]) or toks[end].text == "-") and (
                toks[end].lower not in self.lex.prepositions and toks[end].lower != self.lex.infinitive_marker):
            end += 1
        if end < hi and (self._is_punct(end) or toks[end].lower in self.lex.prepositions) and (
                self._determined_noun_phrase(cue.end, end)):
            if end + 2 < hi and toks[end].lower in self.lex.noun_links:
                # a determiner and a common noun after "van": "…, zegt een oud-adviseur van de stichting."
                noun = self.phrases.common_noun_after_determiner(end + 1, end + 2, hi)
                if noun is not None and (noun + 1 >= hi or self._is_punct(noun + 1)):
                    end = noun + 1
            return Phrase(cue.end, end, "noun")
        return None

    def _subject_after_comma(self, cue: _Cue, lo: int) -> Phrase | None:
        """The subject of a cue that stands right after a comma, with only auxiliaries between them ("…, the
        campaign has said")."""
        toks = self.toks
        v = cue.start
        while v - 1 > lo and toks[v - 1].lower in self.lex.auxiliaries:
            v -= 1
        for p in reversed(self.phrases.phrases(max(lo + 1, v - 12), v)):
            if p.end == v and p.start - 1 > lo and toks[p.start - 1].text == "," and self._usable(p):
                return p
            break
        return None

    def _apposition_to_end(self, i: int, hi: int) -> bool:
        """Whether tokens [i, hi) are an apposition to the speaker before them that ends the sentence
        ("…, zegt Jan Smit, hoogleraar politicologie aan de universiteit."): a role noun first, no cue after."""
        j = i
        if j < hi and self.toks[j].lower in self.lex.determiners:
            j += 1
        while j < hi and j - i < 3 and not self.phrases._is_role_or_body(j) and not self._is_punct(j):
            j += 1
        if j >= hi or not self.phrases._is_role_or_body(j):
            return False
        return not any(self._is_speech_verb(k) or self.toks[k].lower in self.lex.auxiliaries for k in range(i, hi))

    def _according_to(self, s_idx: int, i: int, n: int, lo: int, hi: int) -> None:
        toks = self.toks
        p = self.phrases.phrase_at(i + n, hi, object_pronoun=True) or self.phrases.noun_phrase(i + n, hi)
        if p is None and not self.lex.verb_second:
            p = self._marked_source(i + n, hi)
        if not self._usable(p):
            return
        assert p is not None
        if p.end < hi and toks[p.end].lower in self.lex.not_speakers:
            return  # "volgens een recent onderzoek": the phrase stopped before a head that is no source
        if p.end < hi and p.end in self.quoted:
            return  # "Volgens het Witte Huis ‘is er …’": the quotation is found as such
        p = self._anonymous_extent(p, hi)
        # English sets the source off by punctuation; Dutch may name it in an apposition after its role
        p = self._named_in_apposition(p, hi) if self.lex.verb_second else self._source_to_punctuation(p, hi)
        gap: tuple[int, int] | None
        k = lo
        while k < i and toks[k].lower in self.lex.clause_openers:
            k += 1
        initial = k == i or toks[i].text[:1].isupper()
        if initial:
            first = p.end
            while first < hi and toks[first].text == ",":
                first += 1
            start, end = self._text_span(first, hi - 1)
            gap = None
        elif self._opens_clause(i - 1):
            # "stembiljetten die volgens hem wijzen op fraude", "waar volgens de partij fraude is gepleegd": the
            # source speaks for the subordinate clause it stands in, up to its end
            last = next((j - 1 for j in range(p.end, hi) if toks[j].text in {",", ";", ":"} and j not in self.quoted),
                        hi - 1)
            start, end = self._text_span(p.end, last)
            gap = None
        elif toks[i - 1].text == "," and not any(toks[j].text in {",", ";", ":"} for j in range(p.end, hi)):
            # "…, according to a report by the commission.": the statement before the marker; the rest of the
            # sentence is the source's
            start, end = self._text_span(lo, i - 1)
            gap = None
        else:
            start, end = self._text_span(lo, hi - 1)
            # "Het voorstel is volgens de minister onjuist": the statement without its attribution
            gap = None
            if i > lo and p.end < hi - 1:
                gap = (self._text_span(lo, i - 1)[1], self._text_span(p.end, hi - 1)[0])
        if end <= start or self._overlaps_direct(start, end):
            return
        self._emit(s_idx, self._speaker(p), start, end, "indirect", toks[i].text,
                   "indirect.according_to", 0.8, informant=True, gap=gap)

    def _opens_clause(self, k: int) -> bool:
        """Whether token k opens a subordinate or relative clause ("die", "waar", "omdat", "dat")."""
        low = self.toks[k].lower
        return (low in self.lex.relative_pronouns or low in self.lex.subordinators
                or low in self.lex.clause_boundaries or low in self.lex.complementizers)

    def _named_in_apposition(self, p: Phrase, hi: int, *, at_end: bool = False) -> Phrase:
        """A speaker named in an apposition after its role ("Volgens de woordvoerder in de Kamer, Jan de Vries, is …",
        "…, zegt de woordvoerder van de gemeente, Jan de Vries."): the name between commas (or, `at_end`, closing the
        sentence), a few words of the role's phrase before it; the phrase runs over the name."""
        if p.kind not in {"role", "body", "noun"} or not self.lex.verb_second:
            return p
        toks = self.toks
        comma = next((j for j in range(p.end, min(hi, p.end + 6)) if self._is_punct(j)), None)
        if comma is None or toks[comma].text != ",":
            return p
        q = self.phrases.phrase_at(comma + 1, hi)
        if q is None or q.kind != "name":
            return p
        closes = q.end < hi and toks[q.end].text == "," or at_end and (
            q.end >= hi or toks[q.end].text in {".", "!", "?"} or set(toks[q.end].text) <= _MARK_CHARS)
        return Phrase(p.start, q.end, "name", q.own_start) if closes else p

    def _marked_source(self, i: int, hi: int) -> Phrase | None:
        """The source after a marker ("according to exit polls,", "according to the latest data from the
        agency.") where the phrase lists know none of its words: the words up to the punctuation that sets it
        off, at most 15, none quoted or a verb of speech, the last no pronoun or number."""
        toks = self.toks
        for j in range(i, min(hi, i + 16)):
            if j in self.quoted or self._is_speech_verb(j):
                return None
            if toks[j].text in {",", ".", ";", ":", "!", "?"}:
                last = toks[j - 1].lower
                if j == i or not toks[j - 1].text.isalpha() or last in self.lex.object_pronouns or (
                        last in self.lex.determiners or last in self.lex.prepositions):
                    return None
                return Phrase(i, j, "body")
            if not is_word(toks[j]) and toks[j].text not in {"-", "&", "'", "’"}:
                return None
        return None

    def _source_to_punctuation(self, p: Phrase, hi: int) -> Phrase:
        """The source of "according to" up to the comma or stop that ends it, where the language sets the marker
        off by one ("according to his Facebook profile,", "according to a count by The Associated Press."): at
        most ten tokens, no quotation or cue inside."""
        toks = self.toks
        for j in range(p.end, min(hi, p.end + 10)):
            if j in self.quoted or self._is_speech_verb(j):
                return p
            if toks[j].text in {",", ".", ";", ":", "!", "?"}:
                return Phrase(p.start, j, p.kind) if j > p.end else p
        return p

    def _anonymous_extent(self, p: Phrase, hi: int) -> Phrase:
        """An anonymous source with where it is: "bronnen binnen het kabinet", "ingewijden rond de
        onderhandelingen" (the preposition and the phrase after it belong to the source, not to what it
        reports)."""
        if p.end >= hi or self.toks[p.end].lower not in self.lex.anonymous_links:
            return p
        if not self.resolver.is_anonymous(p):
            return p
        j = p.end + 1
        while j < hi and self.toks[j].lower in self.lex.determiners:
            j += 1
        nxt = self.phrases.phrase_at(j, hi) if j < hi else None
        if nxt is not None and nxt.end > j:
            return Phrase(p.start, nxt.end, p.kind)
        if j < hi and is_word(self.toks[j]) and (j + 1 == hi or self._is_punct(j + 1)):
            return Phrase(p.start, j + 1, p.kind)  # a noun the lexicon lacks, closing the clause
        return p

    def _reportedly(self, s_idx: int, i: int, n: int, lo: int, hi: int) -> None:
        """ "Naar verluidt wil de premier ...": what the clause reports, from a source the text does not
        name (an anonymous speaker standing for the marker's words)."""
        toks = self.toks
        k = lo
        while k < i and toks[k].lower in self.lex.clause_openers:
            k += 1
        if k == i:
            first = i + n
            while first < hi and toks[first].text == ",":
                first += 1
            start, end = self._text_span(first, hi - 1)
        else:
            start, end = self._text_span(lo, hi - 1)
        if end <= start or self._overlaps_direct(start, end):
            return
        phrase = Phrase(i, i + n, "anonymous")
        marker = self.doc.text[toks[i].start : toks[i + n - 1].end]
        ref = ActorRef(name=marker, kind="anonymous")
        self._emit(s_idx, Speaker(phrase, ref, False), start, end, "indirect", marker,
                   "indirect.reportedly", 0.7, informant=True)

    def _aldus(self, s_idx: int, i: int, n: int, lo: int, hi: int) -> None:
        toks = self.toks
        if (i - 2) in self.quoted:
            return
        p = self.phrases.phrase_at(i + n, hi)
        if not self._usable(p):
            return
        start, end = self._text_span(lo, i - 2)
        if end <= start or self._overlaps_direct(start, end):
            return
        self._emit(s_idx, self._speaker(p), start, end, "indirect", toks[i].text, "indirect.aldus", 0.8)


@register("quotes", "cue_quotes")
def create_quote_finder(language: str, settings: Mapping[str, Any]) -> QuoteFinder:
    return QuoteFinder(language, settings)
