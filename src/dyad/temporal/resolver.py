"""The time resolver: temporal expressions resolved against the publication date, and the date of each
event and quote taken from the expression that governs its clause.

Which expression dates an event (`Event.date_rule` names it):

1. a governing expression (see `Expression.governs`) in the trigger's clause, the nearest to the trigger;
2. else the nearest governing expression of another clause of the sentence that may date it ("zei dinsdag
   dat India niet zou terugslaan": the saying and what was said are dated by "dinsdag"); not one in a
   clause the deed's clause reports or after its start ("wil dat het parlement in juni stemt": June dates the
   vote only), not one in a later main clause of its own ("werden gearresteerd, zij zijn gisteren
   aangeklaagd"), not a range ("X, tussen 1992 en 1996 leider van ..."), not one across a relative clause
   unless both clauses are in the past tense, not one after the publication day for a past deed or before
   it for a future deed (`_from_other_clauses`; the last holds in the deed's own clause too: "zal
   binnenkort de zaak over de aanslagen in 2004 behandelen");
3. else, when the sentence is in the past tense, the reference time carried over from the sentence
   before it ("Gisteren verspreidde de ambassadeur een verklaring. Hij noemde de EU ..."), as long as the
   chain of sentences in the simple past is not broken by a paragraph, a sentence in another tense or a new
   time; a day passed on through such a chain dates a clause in the simple past, not one in the present
   perfect; a day after publication is not carried; a bare past year named in the simple past is not
   carried (background; a month or day with its year is), nor a day named in a clause without a verb tense of
   its own in a sentence whose tense stands elsewhere (`_day_of_own_clause`); a past day or year named in the
   present tense is carried by the present-tense sentences that follow (the historical present: "Het debat loopt
   maandagavond uit de hand. De premier verwijt ...", `_reference_times`);
4. else, for a clause in the simple past, the news day named at most `resume_within` sentences back when no
   other time was named since (a narrative resumed after a quotation: `_resumed_days`); a time inside a
   direct quotation is the speaker's and neither opens nor ends it;
5. else the publication date at its precision (`date_rule = "published"`); a reporting clause inserted after a
   comma in the present tense ("In 2017, zo stelt de aanklager, ging men verder") is dated so at once, by no
   time of the clauses around it nor of the quotation it stands in (`date_rule = "inserted_report"`).

An expression that cannot be written as a date ("in de jaren tachtig", "eind vorige eeuw") dates the
event as unknown (None) rather than as published, and so does a vague time ("jaren geleden", "ooit": `date_rule =
"vague:..."`); one of the recent past ("onlangs", `recent_times`) gives the publication date at its precision
(`date_rule = "recent:..."`) and takes no time of the sentences before. A subordinate clause without a time of
its own shares the vague time of the main clause it depends on (`_vague_of_main`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dyad.document import Document, PartialDate, Precision, Timex
from dyad.lang.data import lemma_table
from dyad.pipeline import register
from dyad.temporal.engine import (
    Expression,
    Word,
    clause_bounds,
    pluperfect,
    resolve_words,
    simple_past,
    split_sentences,
    tense_of,
    words_of,
)
from dyad.temporal.vocabulary import Vocabulary, vocabulary

__all__ = ["TimexResolver", "find_timexes", "resolve"]



def find_timexes(text: str, published: PartialDate, language: str = "nl") -> list[Expression]:
    """All temporal expressions of a text, resolved against a publication date (sentences split by
    punctuation; the pipeline component uses the language layer's sentences instead)."""
    vocab = vocabulary(language)
    lemmas = lemma_table(language)
    words: list[Word] = []
    sentences: list[tuple[int, int]] = []
    for s_start, s_end in split_sentences(text):
        lo = len(words)
        for w in words_of(text[s_start:s_end], s_start):
            w.lemma = str(lemmas.get(w.lower, "")) if w.lower in lemmas else ""
            words.append(w)
        sentences.append((lo, len(words)))
    return resolve_words(words, sentences, vocab, published, text)


def resolve(expression: str, published: PartialDate, language: str = "nl") -> PartialDate | None:
    """The value of one temporal expression ("vorige week", "22 maart") against a publication date;
    None when the text holds no expression or it cannot be written as a date. When several expressions
    are found, the first one that has a value is returned."""
    for expr in find_timexes(expression, published, language):
        if expr.value is not None:
            return expr.value
    return None


@dataclass
class _SentenceInfo:
    lo: int
    hi: int
    start: int
    end: int
    tense: str | None
    expressions: list[Expression]
    narrative: bool = False  # holds a simple-past verb


@dataclass(frozen=True)
class _Reference:
    """A time a sentence passes on to the next: its value, the expression it comes from, and whether it
    opens a narrative in the historical present ("Maar dan, in 1963, volgt er een schok.")."""

    value: PartialDate
    label: str
    present: bool = False
    day: bool = False  # a day: the sentence right after the one naming it takes it in the past tense too
    passed_on: bool = False  # not named in the sentence before but carried through it


#: a deed's date and the rule that gave it (`Event.date`, `Event.date_rule`)
_Dating = tuple[PartialDate | None, str | None]


@dataclass
class DatingState:
    """What the resolver knows of one document: its words, sentences with their expressions, and the
    reference time each sentence passes on."""

    doc: Document
    words: list[Word]
    infos: list[_SentenceInfo]
    reference: list[_Reference | None]
    published: PartialDate | None
    #: per sentence, the news day a narrative resumed after quotations or comment may take (`_resumed_days`)
    resumed: list[tuple[PartialDate, str] | None] = field(default_factory=list)


class TimexResolver:
    """The registered time component: fills `doc.timexes`, `Event.date`/`date_rule` and `Quote.date`."""

    def __init__(self, language: str, settings: Mapping[str, Any] | None = None) -> None:
        self.language = language
        self.vocab: Vocabulary = vocabulary(language)
        settings = settings or {}
        self.carry_over = bool(settings.get("carry_over", True))
        #: how many sentences back a narrative may resume the news day (`_resumed_days`); 0 turns it off
        self.resume_within = int(settings.get("resume_within", 3))

    def prepare(self, doc: Document, record: bool = True) -> DatingState:
        """Find and resolve the expressions of a document and the reference time of each sentence; with
        `record`, the expressions are added to `doc.timexes`."""
        published = doc.article.published
        words, spans = self._words(doc)
        infos: list[_SentenceInfo] = [
            _SentenceInfo(
                lo,
                hi,
                words[lo].start if hi > lo else 0,
                words[hi - 1].end if hi > lo else 0,
                tense_of(words, lo, hi, self.vocab),
                [],
                simple_past(words, lo, hi, self.vocab),
            )
            for lo, hi in spans
        ]
        if published is not None:

            def keep(expr: Expression, s_index: int) -> None:
                infos[s_index].expressions.append(expr)
                if record:
                    doc.timexes.append(Timex(expr.start, expr.end, s_index, expr.value, expr.kind, expr.rule))

            resolve_words(words, spans, self.vocab, published, doc.text, keep)
        reference = self._reference_times(doc, words, infos, published)
        direct = [(q.start, q.end) for q in doc.quotes if q.kind == "direct"]
        resumed = self._resumed_days(words, infos, published, direct)
        return DatingState(doc, words, infos, reference, published, resumed)

    def date_at(self, state: DatingState, sentence: int, start: int, end: int) -> tuple[PartialDate | None, str | None]:
        """The date and rule of a deed whose trigger spans [start, end) in a sentence."""
        return self._date_for(state, sentence, start, end, resume=True)

    def __call__(self, doc: Document) -> None:
        state = self.prepare(doc)
        said = self.date_quotes(state)
        for event in doc.events:
            event.date, event.date_rule = self.date_deed(
                state, said, event.sentence, event.trigger_start, event.trigger_end
            )

    def date_quotes(self, state: DatingState) -> list[tuple[int, int, PartialDate | None, str | None]]:
        """Date the quotes of the document (`Quote.date`): the time of the saying. Returns the span, date and
        rule of each quote, for the deeds named inside them."""
        doc = state.doc
        said: list[tuple[int, int, PartialDate | None, str | None]] = []
        for quote in doc.quotes:
            quote.date, rule = self._date_for(state, quote.sentence, quote.start, quote.end, outside=True)
            speaker = quote.speaker.mention if quote.speaker is not None else None
            if rule == "published" and speaker is not None and 0 <= speaker < len(doc.mentions):
                # attributed in an earlier sentence ('Maas zei gisteren dat ... "Dit is ..."'): said then
                m = doc.mentions[speaker]
                if m.sentence < quote.sentence:
                    quote.date, rule = self._date_for(state, m.sentence, m.start, m.end)
            said.append((quote.start, quote.end, quote.date, rule))
        return said

    def date_deed(
        self,
        state: DatingState,
        said: list[tuple[int, int, PartialDate | None, str | None]],
        sentence: int,
        start: int,
        end: int,
    ) -> tuple[PartialDate | None, str | None]:
        """The date and rule of a deed whose trigger spans [start, end) in a sentence. A deed named inside a
        quotation without a time of its own happened when it was said ('Heiko Maas zei gisteren dat ...
        "Dit is een onbegrijpelijke beslissing"')."""
        inside = next((q for q in said if q[0] <= start and end <= q[1]), None)
        value, rule = self.date_at(state, sentence, start, end)
        if inside is not None and rule in ("published", None) and inside[3] not in ("published", None):
            return inside[2], f"quote:{inside[3]}"
        return value, rule

    # -- words --------------------------------------------------------------------------------------

    def _words(self, doc: Document) -> tuple[list[Word], list[tuple[int, int]]]:
        """Words per sentence; with the language layer's lemmas where its tokens line up."""
        words: list[Word] = []
        spans: list[tuple[int, int]] = []
        lemma_at = {t.start: t.lemma for t in doc.tokens if t.lemma}
        sentence_spans = [(s.start, s.end) for s in doc.sentences] if doc.sentences else split_sentences(doc.text)
        for s_start, s_end in sentence_spans:
            lo = len(words)
            for w in words_of(doc.text[s_start:s_end], s_start):
                w.lemma = lemma_at.get(w.start, "")
                words.append(w)
            spans.append((lo, len(words)))
        return words, spans

    # -- dating ---------------------------------------------------------------------------------------

    def _reference_times(
        self, doc: Document, words: list[Word], infos: list[_SentenceInfo], published: PartialDate | None
    ) -> list[_Reference | None]:
        """Per sentence, the reference time the next sentence may inherit: the last governing day named by
        a day word, weekday, day-and-month or weekend ("gisteren", "maandag", "22 maart", "dit weekeinde")
        in it, when it is not the publication day; a sentence without a time passes on the day of the
        sentence before while it stays in the tense of the narrative the day was named in (the simple past,
        or the historical present when the day was named in a present-tense sentence: "Het debat loopt
        maandagavond uit de hand").
        Coarser expressions (weeks, months, this year) are not carried: a following
        sentence is then as likely to report something else. A past month or day with an explicit year
        ("In februari 2011 kwam de bevolking in opstand") opens a narrative that lasts while the following
        sentences stay in the simple past (not the present perfect, which reports what is still relevant); a
        bare year in the simple past does not ("In 2016 kwam zij in de Kamer. Zij noemde het plan ...": a year
        alone is background as often as the frame of what follows, like the coarser expressions above).
        A past year, bare or not, named in a sentence in the present tense ("Maar dan, in 1963, volgt er een
        schok"), opens a narrative in the historical present that lasts while the following sentences stay
        in the present: the present tense of a past year is the text's own signal that it tells a story.
        A day named in a clause with no tense of its own in a sentence told in another one opens no narrative
        (`_day_of_own_clause`)."""
        out: list[_Reference | None] = []
        history: _Reference | None = None
        day: _Reference | None = None
        for k, info in enumerate(infos):
            present = not info.narrative and info.tense is None
            broken = k > 0 and self._paragraph_break(doc, infos, k)
            if broken or (history is not None and not (present if history.present else info.narrative)):
                history = None
            if broken or (day is not None and not (present if day.present else info.narrative)):
                day = None
            named = False
            for e in info.expressions:
                if not e.governs or e.value is None or e.frame.op == "anaphor":
                    continue  # an adverb pointing back ("toen") continues the narrative it points into
                history = day = None
                named = True
                if (
                    e.frame.op == "abs"
                    and e.frame.year is not None
                    and published is not None
                    and e.value.year < published.year
                    and (present or e.value.precision != Precision.YEAR)  # a bare year in the past: background
                ):
                    history = _Reference(e.value, f"{e.rule}:{e.text}", present)
                if e.value.precision != Precision.DAY:
                    continue
                if not self._a_day(e):
                    continue  # a range ("op 4 en 5 juni") is a span of its own, not a day the next deed is on
                if published is not None and (
                    e.value == published.truncate(Precision.DAY)
                    or published.precision == Precision.DAY and e.value.first_day() > published.first_day()
                ):
                    continue  # the publication day or after it: no day a past deed of the next sentence is on
                if not present and self._day_of_own_clause(words, info, e):
                    continue  # the day of a clause without a past verb, not of the sentence's narrative
                day = _Reference(e.value, f"{e.rule}:{e.text}", e.tense is None and present, True)
            if day is not None and not named and not day.passed_on:
                day = replace(day, passed_on=True)
            out.append(day or history)
        return out

    def _day_of_own_clause(self, words: list[Word], info: _SentenceInfo, e: Expression) -> bool:
        """Whether a time stands in a clause without a past or future verb of its own, beside other words
        ("Maandag ligt het plan op tafel waarover de minister lang twijfelde", "Het kabinet, zondag nog
        eensgezind, viel ..."): it dates that clause (and, by step 2, the deeds of its sentence), but no narrative
        of the sentences after it, whose past verb would be another deed than that clause's. Not a time alone
        in its clause ("Gisteren, bij de presentatie, stond de teller op ..."), which is the adverbial of the
        clause after it."""
        lo, hi = self._clause_at(words, info, e.first_word) or (info.lo, info.hi)
        if tense_of(words, lo, hi, self.vocab) is not None:
            return False
        others = sum(1 for k in range(lo, hi) if not e.first_word <= k < e.last_word and words[k].text.isalpha())
        return others > 1

    def _clause_tense(self, words: list[Word], info: _SentenceInfo, clause: tuple[int, int]) -> tuple[str | None, bool]:
        """The tense of a clause and whether it is in the simple past; a clause without a tense of its own
        (a quotation's first words before "zei hij") takes those of its sentence."""
        tense = tense_of(words, clause[0], clause[1], self.vocab)
        if tense is None:
            return info.tense, info.narrative
        return tense, simple_past(words, clause[0], clause[1], self.vocab)

    @staticmethod
    def _a_day(e: Expression) -> bool:
        """Whether an expression names a day a narrative may be on: a day word, weekday or date, or a
        weekend ("dit weekeinde": its Saturday); not a range ("op 4 en 5 juni"), a span of its own."""
        if e.frame.kind in {"duration", "range"}:
            return False
        return e.frame.op in {"deictic", "weekday", "abs"} or (e.frame.op == "unit" and e.frame.unit == "weekend")

    @staticmethod
    def _continues(previous: _Reference, tense: str | None, narrative: bool) -> bool:
        """Whether a clause in this tense takes the reference time of the sentence before: a past clause a
        past time, a present clause one of a narrative in the historical present; a day named in the present
        tense is taken by a past clause right after it as well ("Het pakt dinsdag anders uit. Rutte
        reageerde ..."). A day passed on through a narrative is taken by a clause in the simple past (the
        narrative tense), not by one in the present perfect, which reports what holds now."""
        if previous.present:
            return tense is None or (previous.day and tense == "past" and not previous.passed_on)
        return tense == "past" and (narrative or not previous.passed_on)

    def _resumed_days(
        self,
        words: list[Word],
        infos: list[_SentenceInfo],
        published: PartialDate | None,
        quoted: Sequence[tuple[int, int]] = (),
    ) -> list[tuple[PartialDate, str] | None]:
        """Per sentence, the day of the last sentence before it that names a time, when that time is a day of
        the week before publication ("gisteren", "zaterdag") and that sentence is at most
        `resume_within` sentences back. A narrative in the simple past without a time word of its own
        resumes that day across a quotation, a comment in the present tense or a paragraph break
        ("Gistermiddag sprak de president de pers toe. 'Dit is fraude.' Hij noemde de uitslag ...");
        any other time named in between ends it. A day of a clause without a past verb in a sentence told in the
        simple past (`_day_of_own_clause`) ends it as well, but is no news day. A time inside a direct
        quotation (`quoted`: character spans) is the speaker's, neither a news day nor the end of one ("Een raadslid
        schreef: 'Zij heeft de afgelopen weken laten zien ...' Veel bewoners verweten haar ...")."""
        out: list[tuple[PartialDate, str] | None] = []
        last: tuple[PartialDate, str, int] | None = None
        today = published.truncate(Precision.DAY) if published is not None else None
        for k, info in enumerate(infos):
            out.append((last[0], last[1]) if last is not None and k - last[2] <= self.resume_within else None)
            governing = [
                e for e in info.expressions
                if e.governs and e.frame.op != "anaphor" and not any(a <= e.start and e.end <= b for a, b in quoted)
            ]
            if not governing:
                continue
            e = governing[-1]
            last = None
            if (
                today is not None
                and today.precision == Precision.DAY
                and e.value is not None
                and e.value.precision == Precision.DAY
                and self._a_day(e)
                and 0 < (today.first_day() - e.value.first_day()).days <= 7
                and not (info.narrative and self._day_of_own_clause(words, info, e))
            ):
                last = (e.value, f"{e.rule}:{e.text}", k)
        return out

    def _date_for(
        self, state: DatingState, sentence: int, start: int, end: int, outside: bool = False, resume: bool = False
    ) -> _Dating:
        """The date and rule of a deed whose trigger spans [start, end) of a sentence: a time of its own noun
        phrase, else a governing time of the sentence (steps 1 and 2 of the module docstring), else a vague
        time, else the context (steps 3 to 5; a resumed news day only with `resume`, for deeds, not quotes). With
        `outside` (a quote's span), a time outside it is preferred."""
        words, infos, published = state.words, state.infos, state.published
        fallback = self._published_dating(published)
        if not 0 <= sentence < len(infos):
            return fallback
        info = infos[sentence]
        trigger_word = self._word_at(words, info, start)
        found = self._clause_at(words, info, trigger_word)
        clause = found or (info.lo, info.hi)
        own = self._own_phrase_time(words, info, start, end)
        if own is not None:
            return own.value, f"timex:{own.rule}:{own.text}"
        candidates = self._governing_times(info, start, end, outside)
        if candidates:
            dated = self._date_by_times(words, info, found, clause, candidates, trigger_word, published, outside,
                                        fallback)
            if dated is not None:
                return dated
        dated = self._date_by_vague_time(words, info, clause, bool(candidates), fallback)
        if dated is not None:
            return dated
        return self._date_by_context(state, sentence, clause, fallback, resume)

    @staticmethod
    def _published_dating(published: PartialDate | None) -> _Dating:
        """The date of a deed the text does not date: the publication day (or its precision, when coarser)."""
        if published is None:
            return None, None
        return published.truncate(Precision.DAY), "published"

    def _clause_at(self, words: list[Word], info: _SentenceInfo, k: int) -> tuple[int, int] | None:
        """The bounds of the clause of the sentence that holds word k."""
        return next(((lo, hi) for lo, hi in clause_bounds(words, info.lo, info.hi, self.vocab) if lo <= k < hi), None)

    def _own_phrase_time(self, words: list[Word], info: _SentenceInfo, start: int, end: int) -> Expression | None:
        """A time in the trigger's own noun phrase dates it ("de oorlog van juni 1967", "de top van vorige
        week"), though such a time dates nothing else in the clause."""
        trigger_last = self._word_at(words, info, max(start, end - 1))
        return next((e for e in info.expressions if e.nominal and e.prep == "of" and e.value is not None
                     and e.first_word == trigger_last + 2), None)

    @staticmethod
    def _governing_times(info: _SentenceInfo, start: int, end: int, outside: bool) -> list[Expression]:
        """The sentence's governing times; with `outside`, those outside [start, end) where there are any."""
        candidates = [e for e in info.expressions if e.governs]
        if outside:
            candidates = [e for e in candidates if e.end <= start or e.start >= end] or candidates
        return candidates

    def _date_by_times(
        self,
        words: list[Word],
        info: _SentenceInfo,
        found: tuple[int, int] | None,
        clause: tuple[int, int],
        candidates: list[Expression],
        trigger_word: int,
        published: PartialDate | None,
        outside: bool,
        fallback: _Dating,
    ) -> _Dating | None:
        """Steps 1 and 2: the nearest time of the trigger's clause, else of another clause that may date it;
        None when no time of the sentence dates the deed."""
        clause_tense = tense_of(words, clause[0], clause[1], self.vocab)
        in_clause = self._times_in_clause(found, candidates, clause_tense, published)
        if in_clause or outside:
            pool = in_clause or candidates
        elif clause_tense is None and self._inserted_report(words, info, clause):
            # "In 2017, zo stelt de aanklager, ging men verder": the saying is now, also inside a quotation
            return fallback[0], "inserted_report" if fallback[1] is not None else None
        else:
            pool = self._from_other_clauses(words, info, clause, candidates, published)
        if not pool:
            return None
        best = min(pool, key=lambda e: (self._distance(e, trigger_word), e.first_word))
        return best.value, f"timex:{best.rule}:{best.text}"

    def _times_in_clause(
        self,
        found: tuple[int, int] | None,
        candidates: list[Expression],
        clause_tense: str | None,
        published: PartialDate | None,
    ) -> list[Expression]:
        """The times in the trigger's clause that fit its tense; an anaphoric one ("die dag") only in the past."""
        return [
            e for e in candidates
            if found and found[0] <= e.first_word < found[1] and self._fits_tense(e, clause_tense, published)
            and (e.frame.op != "anaphor" or clause_tense == "past")
        ]

    def _date_by_vague_time(
        self,
        words: list[Word],
        info: _SentenceInfo,
        clause: tuple[int, int],
        has_times: bool,
        fallback: _Dating,
    ) -> _Dating | None:
        """A vague time of the clause (or, for a sentence without times, of its main clause) dates the deed
        as unknown, a recent one as published; None without one."""
        vague = self._vague_time(words, clause)
        if vague is None and not has_times:
            vague = self._vague_of_main(words, info, clause)
        if vague is None:
            return None
        if tuple(vague.split()) in self.vocab.recent_times:
            # "onlangs": lately, no date of its own; the publication date at its precision, as for a deed
            # the text does not date, but no time of the sentences before (GUIDELINES.md)
            return fallback[0], f"recent:{vague}" if fallback[1] is not None else None
        return None, f"vague:{vague}"

    def _date_by_context(
        self, state: DatingState, sentence: int, clause: tuple[int, int], fallback: _Dating, resume: bool
    ) -> _Dating:
        """Steps 3 to 5, for a deed its sentence does not date: the time carried over from the sentence
        before, else a resumed news day, else the publication date."""
        words, resumed = state.words, state.resumed
        if pluperfect(words, clause[0], clause[1], self.vocab):
            return fallback  # "had gedreigd": before the time of the sentences before, which it does not take
        carried = self._carried_time(state, sentence, clause)
        if carried is not None:
            return carried
        again = resumed[sentence] if resume and sentence < len(resumed) else None
        if again is not None and simple_past(words, clause[0], clause[1], self.vocab):
            return again[0], f"resumed:{again[1]}"
        return fallback

    def _carried_time(self, state: DatingState, sentence: int, clause: tuple[int, int]) -> _Dating | None:
        """The reference time of the sentence before, where the clause continues its chain (step 3)."""
        previous = state.reference[sentence - 1] if sentence > 0 else None
        if (
            self.carry_over
            and previous is not None
            and not self._paragraph_break(state.doc, state.infos, sentence)
            and self._continues(previous, *self._clause_tense(state.words, state.infos[sentence], clause))
        ):
            return previous.value, f"carried:{previous.label}"
        return None

    def _from_other_clauses(
        self,
        words: list[Word],
        info: _SentenceInfo,
        clause: tuple[int, int],
        candidates: list[Expression],
        published: PartialDate | None,
    ) -> list[Expression]:
        """The expressions of other clauses of the sentence that may date a deed of `clause`.

        Not a time inside a relative clause ("de deal die ze woensdag voorlegt": it dates that clause
        alone); not a time after the publication day for a deed in the past tense ("Volgende maand beslissen
        de Britten en België stelde een onderzoek in"), nor one before it for a deed in the future tense. A
        clause that another reports ("zei dinsdag dat ...") takes the time of the saying."""
        bounds = clause_bounds(words, info.lo, info.hi, self.vocab)
        opener = self._opener(words, info, clause)
        tense = tense_of(words, clause[0], clause[1], self.vocab)
        out = []
        for e in candidates:
            e_clause = next(((lo, hi) for lo, hi in bounds if lo <= e.first_word < hi), (info.lo, info.hi))
            e_opener = self._opener(words, info, e_clause)
            if any(
                clause[0] < lo <= e_clause[0] and self._opener(words, info, (lo, hi)) in self.vocab.complement_openers
                for lo, hi in bounds
            ):
                continue  # in or after a clause the deed's clause reports: "willen dat Skopje in juni een datum
                # krijgt", "erkent Kosovo, dat in 2008 ...", "bevestigde dat de straf, ..., gisteren werd verzwaard"
            if (e_opener in self.vocab.relative_openers or opener in self.vocab.relative_openers) and not (
                tense == "past" and tense_of(words, e_clause[0], e_clause[1], self.vocab) == "past"
            ):
                continue  # "de vrouw die hem bedreigde, staat vandaag terecht"
            if e.frame.kind == "range":
                continue  # "X, tussen 1992 en 1996 leider van ..., werd veroordeeld": a span of its own
            if e.frame.op == "anaphor":
                continue  # an adverb pointing back dates its own clause ("de arrogantie van De Gaulle destijds")
            if e_clause[0] > clause[0] and self._new_main_clause(words, info, e_clause):
                continue  # "werden Canadezen gearresteerd, zij zijn gisteren aangeklaagd": a deed of its own
            if opener in self.vocab.complement_openers and e_clause[0] < clause[0]:
                out.append(e)
                continue
            if self._fits_tense(e, tense, published):
                out.append(e)
        return out

    @staticmethod
    def _fits_tense(e: Expression, tense: str | None, published: PartialDate | None) -> bool:
        """Whether a time may date a deed of a clause in this tense: not a time after the publication day
        for a past deed, nor one before it for a future deed."""
        if published is None or e.value is None or published.precision != Precision.DAY:
            return True
        today = published.truncate(Precision.DAY)
        if tense == "past" and e.value.first_day() > today.first_day():
            return False
        return not (tense == "future" and e.value.iso() < today.truncate(e.value.precision).iso())

    def _new_main_clause(self, words: list[Word], info: _SentenceInfo, clause: tuple[int, int]) -> bool:
        """Whether a clause after a comma, colon or semicolon opens with a subject pronoun: a main clause of its
        own joined without a conjunction ("..., zij zijn gisteren aangeklaagd", "...: hij werd vorige maand
        veroordeeld")."""
        return (
            info.lo < clause[0] < clause[1]
            and words[clause[0] - 1].text in {",", ":", ";"}
            and words[clause[0]].lower in self.vocab.subject_pronouns
        )

    def _inserted_report(self, words: list[Word], info: _SentenceInfo, clause: tuple[int, int]) -> bool:
        """Whether a clause is a reporting clause inserted after a comma ("..., zo stelt de aanklager, ...")."""
        return (
            self._opener(words, info, clause) in self.vocab.inserted_report_openers
            and words[clause[0] - 1].text == ","
        )

    @staticmethod
    def _opener(words: list[Word], info: _SentenceInfo, clause: tuple[int, int]) -> str:
        """The first word of a clause that does not open its sentence (else "")."""
        return words[clause[0]].lower if info.lo < clause[0] < info.hi else ""

    def _vague_time(self, words: list[Word], clause: tuple[int, int]) -> str | None:
        """A vague time ("onlangs", "in de maanden erna") in a clause (word range): its text."""
        vague = self.vocab.vague_times
        if not vague:
            return None
        lo, hi = clause
        longest = max(len(v) for v in vague)
        for k in range(lo, hi):
            for n in range(min(longest, hi - k), 0, -1):
                key = tuple(w.lower for w in words[k : k + n])
                if key in vague and not self._ever(words, lo, k, key):
                    return " ".join(key)
        return None

    def _vague_of_main(self, words: list[Word], info: _SentenceInfo, clause: tuple[int, int]) -> str | None:
        """A vague time of the main clause a subordinate clause depends on ("Jaren geleden bleek het
        probleem al, toen de oppositie het plan afwees"): the subordinate clause shares it. The clause depends on
        the nearest clause opener before it or at its start, passing over coordinators ("toen Klaver en het
        kabinet ..."); none when that opener is relative or reported, or when the sentence's first clause is
        reached first ("..., maar de minister ...")."""
        v = self.vocab
        bounds = clause_bounds(words, info.lo, info.hi, v)
        at = next((k for k, b in enumerate(bounds) if b == clause), None)
        if at is None:
            return None
        for k in range(at, 0, -1):
            opener = self._opener(words, info, bounds[k])
            if opener not in v.clause_openers or opener in v.coordinators:
                continue
            if opener in v.relative_openers or opener in v.complement_openers:
                return None
            return self._vague_time(words, bounds[0])
        return None

    def _ever(self, words: list[Word], lo: int, k: int, key: tuple[str, ...]) -> bool:
        """Whether a vague word at k means "ever" after a superlative or ordinal of its noun phrase ("het
        eerste bezoek ooit", "de grootste betoging ooit"): no time of the deed."""
        if key not in self.vocab.ever_words or not self.vocab.superlative_endings:
            return False
        return any(w.lower.endswith(self.vocab.superlative_endings) for w in words[max(lo, k - 3) : k])

    @staticmethod
    def _paragraph_break(doc: Document, infos: list[_SentenceInfo], sentence: int) -> bool:
        return "\n" in doc.text[infos[sentence - 1].end : infos[sentence].start]

    @staticmethod
    def _word_at(words: list[Word], info: _SentenceInfo, offset: int) -> int:
        for k in range(info.lo, info.hi):
            if words[k].end > offset:
                return k
        return max(info.lo, info.hi - 1)

    @staticmethod
    def _distance(e: Expression, k: int) -> int:
        if e.first_word <= k < e.last_word:
            return 0
        return e.first_word - k if e.first_word > k else k - e.last_word + 1


@register("time", "timex_resolver")
def make_timex_resolver(language: str, settings: Mapping[str, Any]) -> TimexResolver:
    return TimexResolver(language, settings)
