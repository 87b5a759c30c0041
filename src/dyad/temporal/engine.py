"""The language-independent engine of the time resolver: recognise temporal expressions over canonical
features (from `vocabulary.py`), then resolve them against an anchor date at the anchor's precision.

Resolution rules (the contract of `resolve_frame`):

- **Precision.** A value is never finer than what text and anchor support together. An expression that
  needs the day of the anchor ("gisteren", "maandag", "vorige week", "twee dagen geleden") resolved against
  a month-precise anchor gives the anchor month (`2021-03`); against a year-precise anchor, the year.
  Absolute expressions ("22 maart 2021") keep their own precision. A count of years back or ahead gives
  the year ("twee jaar geleden": 2017), one year or a fraction the month ("een jaar geleden", "anderhalf
  jaar geleden"), against a day- or month-precise anchor.
- **Weeks.** `PartialDate` has no week precision: a week ("vorige week", "eerder deze week") resolves to
  its Monday (ISO week's first day, which the output contract accepts for a week); a weekend to its
  Saturday; "begin/eind vorige week" to the Monday/Friday.
- **Direction of weekdays and months without a year** ("maandag", "in maart", "22 maart"):
  1. an explicit modifier decides: afgelopen/vorige/jl. look back (strictly before the anchor day),
     komende/volgende/aanstaande look forward (strictly after), deze = the same week;
  2. else the tense of the clause: past tense or perfect looks back (the anchor day itself included),
     future (zal/zullen) looks forward;
  3. else (present tense, or tense unknown) the nearest occurrence: Tuesday's "woensdag" is tomorrow,
     Tuesday's "maandag" yesterday.
- **Parts.** begin/half/eind of a month give the month; begin/eind of a year give January/December,
  half of a year the year; of a week the Monday/Wednesday/Friday.
- **Stretches** ending now ("de afgelopen dagen", "het afgelopen jaar", "de komende weken") give the
  anchor at its precision: a deed reported over a stretch that ends at publication is dated to it.
- **Decades and centuries** ("de jaren tachtig", "eind vorige eeuw") cannot be written as a
  `PartialDate`; they resolve to None (known to be a time, not representable at year precision).
- **Anaphoric** expressions ("tien dagen eerder", "die dag", "een jaar later") resolve against the
  reference time of the text (the last date resolved before them), else the anchor; an adverb pointing
  back ("destijds", "kwam toen") takes that reference time, and none when no time was named before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from dyad.document import PartialDate, Precision
from dyad.temporal.vocabulary import TOKEN_RE, Feature, Vocabulary

_YEAR_MIN, _YEAR_MAX = 1000, 2199


@dataclass
class Word:
    start: int
    end: int
    text: str
    lower: str
    lemma: str = ""


@dataclass
class Frame:
    """What an expression means, before it is resolved."""

    op: str  # abs | deictic | weekday | unit | offset | stretch | season | decade | century | same | anaphor
    kind: str  # date | relative | duration | range
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    unit: str | None = None
    n: float = 0.0
    offset: int = 0  # -1 past, 0 current, +1 future (unit, season); days (deictic)
    direction: str | None = None  # explicit: past | future | current
    part: str | None = None  # begin | middle | end
    anchor: str = "pub"  # pub | ref
    season: tuple[int, int] | None = None
    rule: str = ""


@dataclass
class Found:
    """A recognised expression: its word span and meaning, plus the preposition before it."""

    first: int  # word index (inclusive)
    last: int  # word index (exclusive)
    frame: Frame
    prep: str | None = None  # since | until | of | at
    nominal: bool = False  # inside a noun phrase ("de gisteren gepresenteerde plannen")
    range_end: Frame | None = None


def words_of(text: str, offset: int = 0, lemmas: Sequence[str] | None = None) -> list[Word]:
    out = []
    for k, m in enumerate(TOKEN_RE.finditer(text)):
        lemma = lemmas[k] if lemmas is not None and k < len(lemmas) else ""
        out.append(Word(m.start() + offset, m.end() + offset, m.group(0), m.group(0).lower(), lemma))
    return out


class Recogniser:
    """Finds temporal expressions in a run of words, by features of the vocabulary."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.v = vocab
        # the features of each position of the run of words last asked about (see `_at`)
        self._words: list[Word] | None = None
        self._by_pos: list[dict[str, tuple[Any, int]] | None] = []
        self._weekday_forms: dict[str, int | None] = {}  # lower-cased word -> `_weekday_form`
        self._firsts = frozenset(key[0] for key in vocab.phrases if key)  # first words of the phrases

    # -- feature access -------------------------------------------------------------------------------

    def _feats(self, words: list[Word], i: int) -> list[tuple[str, Any, int]]:
        """All (feature, value, next index) that start at word i, longest phrase first."""
        out: list[tuple[str, Any, int]] = []
        for n in range(min(self.v.max_len, len(words) - i), 0, -1):
            key = tuple(w.lower for w in words[i : i + n])
            for name, value in self.v.features(key):
                out.append((name, value, i + n))
        return out

    def _at(self, words: list[Word], i: int) -> dict[str, tuple[Any, int]]:
        """Feature name -> (value, next index) of the first feature of that name in `_feats(words, i)`,
        computed once per position of a run of words (the runs are not changed while recognised)."""
        if words is not self._words or len(self._by_pos) != len(words):
            self._words = words
            self._by_pos = [None] * len(words)
        got = self._by_pos[i]
        if got is None:
            got = {}
            if words[i].lower in self._firsts:  # else no phrase of the vocabulary starts at i
                for fname, value, nxt in self._feats(words, i):
                    got.setdefault(fname, (value, nxt))
            self._by_pos[i] = got
        return got

    def _get(self, words: list[Word], i: int, name: str) -> tuple[Any, int] | None:
        if i >= len(words):
            return None
        if i < 0:  # not cached: a position counted from the end
            return next(((value, nxt) for fname, value, nxt in self._feats(words, i) if fname == name), None)
        return self._at(words, i).get(name)

    def _number(self, words: list[Word], i: int) -> tuple[float, int] | None:
        """A number in digits ("2", "2,5") or words ("twee", "anderhalve")."""
        if i >= len(words):
            return None
        w = words[i]
        if w.lower.isdigit():
            if (
                i + 2 < len(words)
                and words[i + 1].text in {",", "."}
                and words[i + 2].lower.isdigit()
                and words[i + 1].start == w.end
                and words[i + 2].start == words[i + 1].end
                and len(words[i + 2].lower) <= 2
            ):
                return float(f"{w.lower}.{words[i + 2].lower}"), i + 3
            return float(w.lower), i + 1
        hit = self._get(words, i, "number")
        if hit is not None:
            return float(hit[0]), hit[1]
        return None

    def _day_number(self, words: list[Word], i: int) -> tuple[int, int] | None:
        if i >= len(words):
            return None
        low = words[i].lower
        for suffix in ("",) + self.v.ordinal_suffixes:
            core = (
                low[: len(low) - len(suffix)]
                if suffix and low.endswith(suffix)
                else (low if not suffix else "")
            )
            if core.isdigit() and 1 <= int(core) <= 31 and len(core) <= 2:
                return int(core), i + 1
        return None

    def _year(self, words: list[Word], i: int) -> tuple[int, int] | None:
        if i >= len(words):
            return None
        low = words[i].lower
        if low.isdigit() and len(low) == 4 and _YEAR_MIN <= int(low) <= _YEAR_MAX:
            # Not a year when part of a bigger number ("1.500", "2019,5").
            if (
                i + 1 < len(words)
                and words[i + 1].text in {",", "."}
                and i + 2 < len(words)
                and words[i + 2].lower.isdigit()
                and words[i + 1].start == words[i].end
                and words[i + 2].start == words[i + 1].end
            ):
                return None
            if i + 1 < len(words) and words[i + 1].lower in self.v.not_year_before:
                return None  # "van 1000 euro"
            return int(low), i + 1
        return None

    def _month(self, words: list[Word], i: int, after_day: bool) -> tuple[int, int] | None:
        hit = self._get(words, i, "month")
        if hit is None:
            return None
        if (
            not after_day
            and words[i].lower in self.v.month_needs_day
            and not (self._year_cued(words, i) or self._year(words, hit[1]) is not None)
        ):
            return None
        month, nxt = hit
        # "okt." : swallow the abbreviation's full stop when it is attached.
        if (
            nxt < len(words)
            and words[nxt].text == "."
            and words[nxt].start == words[nxt - 1].end
            and words[i].lower in self.v.month_needs_day
        ):
            nxt += 1
        return int(month), nxt

    def _weekday(self, words: list[Word], i: int) -> tuple[int, int] | None:
        if i >= len(words):
            return None
        hit = self._get(words, i, "weekday")
        if hit is not None:
            return int(hit[0]), hit[1]
        wd = self._weekday_form(words[i].lower)
        return (wd, i + 1) if wd is not None else None

    def _weekday_form(self, low: str) -> int | None:
        """The weekday of an inflected weekday word ("maandags"), by the vocabulary's suffixes."""
        if low in self._weekday_forms:
            return self._weekday_forms[low]
        found: int | None = None
        for word, wd in self.v.weekday_words.items():
            if low.startswith(word) and low[len(word) :] in self.v.weekday_suffixes:
                found = wd
                break
        if len(self._weekday_forms) >= 100_000:
            self._weekday_forms.clear()  # bounded over long texts
        self._weekday_forms[low] = found
        return found

    def _year_cued(self, words: list[Word], i: int) -> bool:
        """Whether the words before index i make a four-digit number a year."""
        for n in range(1, 4):
            if i - n < 0:
                break
            if tuple(w.lower for w in words[i - n : i]) in self.v.year_cues:
                return True
        return False

    # -- patterns ------------------------------------------------------------------------------------

    def find(self, words: list[Word]) -> list[Found]:
        found: list[Found] = []
        i = 0
        while i < len(words):
            best = self._match_at(words, i)
            if best is None:
                i += 1
                continue
            best.prep, prep_len = self._prep_before(words, best.first)
            # an adverb or adjective pointing back ("de toenmalige premier") places its clause in that time
            best.nominal = best.prep == "of" or (
                best.frame.op != "anaphor" and self._attributive(words, best, best.first - prep_len)
            )
            found.append(best)
            i = best.last
        return found

    def _prep_before(self, words: list[Word], first: int) -> tuple[str | None, int]:
        """The role of the preposition right before word `first` and its length in words."""
        for n in range(min(3, first), 0, -1):
            key = tuple(w.lower for w in words[first - n : first])
            for name, value in self.v.features(key):
                if name == "prep":
                    return str(value), n
        return None, 0

    #: how many words may stand between an expression and the participle it modifies ("de in oktober via
    #: sociale media ontstane beweging")
    ATTRIBUTIVE_SPAN = 5

    def _attributive(self, words: list[Word], f: Found, opening: int) -> bool:
        """An expression inside a noun phrase before its noun, with its preposition if any: a determiner
        before, a participle used as an adjective after ("de gisteren gepresenteerde plannen", "het op 4 mei
        gesloten akkoord", "de in oktober via sociale media ontstane beweging")."""
        if opening == 0 or f.last >= len(words):
            return False
        before = words[opening - 1].lower
        if before not in self.v.determiners:
            return False
        # a plain participle after an article only ("de gisteren gesloten deal", not "zij zijn gisteren
        # beschuldigd" nor "die gisteren gesloten werd")
        bare = before in self.v.articles
        for k in range(f.last, min(len(words), f.last + self.ATTRIBUTIVE_SPAN)):
            w = words[k]
            if not w.lower.isalpha() or w.lower in self.v.clause_openers:
                return False
            if self._adjectival_participle(w, bare):
                return True
        return False

    def _adjectival_participle(self, w: Word, bare: bool) -> bool:
        """An inflected participle ("gepresenteerde", "ontstane" by its verb lemma), or with `bare` a plain
        one ("gesloten")."""
        low = w.lower
        if bare and is_participle(low, self.v):
            return True
        for ending in self.v.inflection_endings:
            if not low.endswith(ending):
                continue
            stem = low[: len(low) - len(ending)]
            if is_participle(low, self.v) or is_participle(stem, self.v):
                return True
            lemma = w.lemma
            if lemma and lemma != low and self.v.infinitive_endings and lemma.endswith(self.v.infinitive_endings):
                return not low.endswith(self.v.sure_weak_past_endings) or bare
        return False

    def _nearest(self, words: list[Word], j: int) -> bool:
        """Whether words[j] is an article that, after a preposition and before a unit, names the nearest unit
        ("in het weekeinde", "tijdens het weekend"; not "in het jaar van de draak")."""
        if not (0 < j < len(words) - 1 and words[j].lower in self.v.nearest_articles):
            return False
        if words[j - 1].lower not in self.v.nearest_prepositions:
            return False
        unit = self._get(words, j + 1, "unit")
        return unit is not None and str(unit[0]) in self.v.nearest_units

    def _range_join(self, words: list[Word], j: int) -> int | None:
        """The index after a word joining the two ends of a range ("1 tot 3 maart", "4 en 5 juni")."""
        if j >= len(words):
            return None
        if words[j].text in {"-", "–"}:
            return j + 1
        for name, value, nxt in self._feats(words, j):
            if name == "prep" and value == "range_join":
                return nxt
        return None

    def _may_start(self, words: list[Word], i: int) -> bool:
        """Whether any pattern of `_match_at` can start at word i. Every pattern starts with a feature
        of the vocabulary at i, a word beginning with a digit (numeric dates, day numbers, numbers,
        years), a determiner (stretches) or an inflected weekday, so a word with none of these starts no
        expression and the patterns need not be tried."""
        low = words[i].lower
        return bool(
            self._at(words, i)
            or low[:1].isdigit()
            or low in self.v.determiners
            or self._weekday_form(low) is not None
        )

    def _match_at(self, words: list[Word], i: int) -> Found | None:
        if not self._may_start(words, i):
            return None
        candidates = [
            self._numeric_date(words, i),
            self._day_month(words, i),
            self._part_or_modified(words, i),
            self._stretch(words, i),
            self._offset(words, i),
            self._decade(words, i),
            self._plain_year(words, i),
            self._deictic(words, i),
            self._same(words, i),
            self._then(words, i),
        ]
        found = [c for c in candidates if c is not None]
        if not found:
            return None
        return max(found, key=lambda f: (f.last - f.first, -f.first))

    def _numeric_date(self, words: list[Word], i: int) -> Found | None:
        # 18-03-2021, 18/3/2021, 18.03.2021 (written without spaces).
        if i + 4 >= len(words):
            return None
        parts = words[i : i + 5]
        if not all(parts[k].start == parts[k - 1].end for k in range(1, 5)):
            return None
        sep = parts[1].text
        if sep not in {"-", "/", "."} or parts[3].text != sep:
            return None
        d, m, y = parts[0].lower, parts[2].lower, parts[4].lower
        if not (d.isdigit() and m.isdigit() and y.isdigit() and len(y) == 4):
            return None
        try:
            date(int(y), int(m), int(d))
        except ValueError:
            return None
        return Found(i, i + 5, Frame("abs", "date", int(y), int(m), int(d), rule="date.numeric"))

    def _day_month(self, words: list[Word], i: int) -> Found | None:
        j = i
        wd = self._weekday(words, j)
        if wd is not None:
            j = wd[1]
        dn = self._day_number(words, j)
        if dn is None:
            return None
        day, j = dn
        end_day: int | None = None
        k = self._range_join(words, j)
        if k is not None:
            dn2 = self._day_number(words, k)
            if dn2 is not None and self._month(words, dn2[1], after_day=True) is not None:
                end_day, j = dn2
        mo = self._month(words, j, after_day=True)
        if mo is None:
            return None
        month, j = mo
        year = None
        yr = self._year(words, j)
        rel = self._relative_year(words, j) if yr is None else None
        if yr is not None:
            year, j = yr
        try:
            date(year or 2000, month, day)  # 29 February is valid in a leap year
        except ValueError:
            return None
        if rel is not None:
            return Found(
                i,
                rel[1],
                Frame(
                    "unit",
                    "relative",
                    unit="year",
                    offset=rel[0],
                    month=month,
                    day=day,
                    rule="date.day_month.relative_year",
                ),
            )
        frame = Frame("abs", "date", year, month, day, rule="date.day_month" + (".year" if year else ""))
        found = Found(i, j, frame)
        if end_day is not None:
            frame.kind = "range"
            frame.rule += ".range"
            found.range_end = replace(frame, day=end_day)
        return found

    def _part_or_modified(self, words: list[Word], i: int) -> Found | None:
        """[earlier|later] [part] [modifier] (unit | weekday | month [year] | season [year] | year)
        [modifier]"""
        j = i
        earlier: str | None = None
        e = self._get(words, j, "earlier") or self._get(words, j, "later")
        if e is not None:
            earlier = "earlier" if self._get(words, j, "earlier") else "later"
            j = e[1]
        part: str | None = None
        p = self._get(words, j, "part")
        if p is not None:
            part, j = str(p[0]), p[1]
            # "eind- ": the hyphen of a written-together part.
        mod: str | None = None
        m = self._get(words, j, "mod")
        if m is not None:
            mod, j = str(m[0]), m[1]
        elif j == i and self._nearest(words, j):
            mod, j = "current", j + 1  # "in het weekend": this weekend
        start_core = j
        core: tuple[Frame, int] | Found | None = self._unit_core(words, j, mod, part, earlier)
        if core is None:
            core = self._weekday_core(words, j, mod)
        if core is None:
            core = self._month_core(words, i, j, mod, part)
        if core is None:
            core = self._season_core(words, j, mod)
        if core is None and (part is not None or mod is not None):
            core = self._year_core(words, j, part)
        if core is None or isinstance(core, Found):
            return core
        frame, j = core
        if j == start_core and frame.op != "unit":
            return None
        return Found(i, j, frame)

    def _unit_core(self, words: list[Word], j: int, mod: str | None, part: str | None,
                   earlier: str | None) -> tuple[Frame, int] | None:
        """A unit after a modifier ("vorige week", "volgende week maandag", "eind vorig jaar")."""
        u = self._get(words, j, "unit")
        if u is None or mod is None:
            return None
        unit = str(u[0])
        offset = {"past": -1, "future": 1, "current": 0}[mod]
        frame = Frame("unit", "relative", unit=unit, offset=offset, direction=mod, part=part,
                      rule=f"unit.{unit}.{mod}")
        if earlier is not None:
            frame.rule += f".{earlier}"
        j = u[1]
        wd = self._weekday(words, j) if unit == "week" else None
        if wd is not None:
            # "volgende week maandag"
            frame.weekday, j = wd
            frame.rule += ".weekday"
        return frame, j

    def _weekday_core(self, words: list[Word], j: int, mod: str | None) -> tuple[Frame, int] | None:
        """A weekday, with a modifier before or after it ("vorige maandag", "zondag jl.", "maandag a.s.")."""
        wd = self._weekday(words, j)
        if wd is None:
            return None
        j = wd[1]
        m2 = self._get(words, j, "mod")
        if mod is None and m2 is not None and str(m2[0]) != "current":
            # "zondag jl.", "maandag a.s."
            mod, j = str(m2[0]), m2[1]
        frame = Frame("weekday", "relative", weekday=wd[0], direction=mod, rule="weekday")
        if mod:
            frame.rule += f".{mod}"
        return frame, j

    def _month_core(self, words: list[Word], i: int, j: int, mod: str | None,
                    part: str | None) -> tuple[Frame, int] | Found | None:
        """A month with a day, a year or a relative year ("maart vorig jaar") after it; a day of a month and a
        month with a relative year are whole expressions from unit i."""
        mo = self._month(words, j, after_day=False)
        month_day = self._month_day(words, j)
        if month_day is not None:
            return Found(i, month_day.last, month_day.frame)
        if mo is None:
            return None
        j = mo[1]
        yr = self._year(words, j)
        if (
            yr is None
            and self._get(words, j - 1, "month_compound") is not None
            and j < len(words)
            and words[j].lower in self.v.month_year_joins
        ):
            yr = self._year(words, j + 1)  # "op een januaridag in 2016"
        year = None
        if yr is not None:
            year, j = yr
        else:
            rel = self._relative_year(words, j)
            if rel is not None:
                # "maart vorig jaar", "januari volgend jaar"
                return Found(i, rel[1], Frame("unit", "relative", unit="year", offset=rel[0], month=mo[0],
                                              part=part, rule="month.relative_year"))
        frame = Frame(
            "abs",
            "date" if year else "relative",
            year=year,
            month=mo[0],
            part=part,
            direction=mod,
            rule="month" + (".year" if year else "") + (f".{part}" if part else ""),
        )
        return frame, j

    def _season_core(self, words: list[Word], j: int, mod: str | None) -> tuple[Frame, int] | None:
        """A season, perhaps with a modifier before it or a year after it ("afgelopen zomer", "de winter van
        2016"); a bare season name is vague."""
        s = self._get(words, j, "season")
        if s is None:
            return None
        j = s[1]
        year = None
        of = self._get(words, j, "prep")
        if of is not None and of[0] == "of" and self._year(words, of[1]):
            j = of[1]
        yr = self._year(words, j)
        if yr is not None:
            year, j = yr
        offset = {"past": -1, "future": 1, "current": 0, None: 0}[mod]
        frame = Frame("season", "relative", year=year, season=s[0], direction=mod, offset=offset,
                      rule="season" + (f".{mod}" if mod else ""))
        if mod is None and year is None:
            # a bare season name ("in de zomer") is too vague to date a deed
            frame.op = "vague"
        return frame, j

    def _year_core(self, words: list[Word], j: int, part: str | None) -> tuple[Frame, int] | None:
        """A year after a part or a modifier ("eind 2018", "begin 2019")."""
        yr = self._year(words, j)
        if yr is None:
            return None
        return Frame("abs", "date", year=yr[0], part=part, rule="year" + (f".{part}" if part else "")), yr[1]

    def _relative_year(self, words: list[Word], j: int) -> tuple[int, int] | None:
        """ "vorig jaar" / "dit jaar" / "volgend jaar" after a month: (year offset, next index)."""
        m = self._get(words, j, "mod")
        if m is None:
            return None
        u = self._get(words, m[1], "unit")
        if u is None or u[0] != "year":
            return None
        return {"past": -1, "current": 0, "future": 1}[str(m[0])], u[1]

    def _month_day(self, words: list[Word], i: int) -> Found | None:
        """ "March 22", "March 22, 2021" (month before day), when the day number is not a count of
        something ("april 12 doden")."""
        mo = self._month(words, i, after_day=True)
        if mo is None:
            return None
        dn = self._day_number(words, mo[1])
        if dn is None:
            return None
        day, j = dn
        if (
            j + 1 < len(words)
            and words[j].text in {",", "."}
            and words[j].start == words[j - 1].end
            and words[j + 1].lower.isdigit()
            and words[j + 1].start == words[j].end
        ):
            return None  # a decimal number ("januari 2,2 procent")
        year = None
        k = j + 1 if j < len(words) and words[j].text == "," else j
        yr = self._year(words, k)
        if yr is not None:
            year, j = yr
        elif j < len(words) and words[j].lower[:1].isalnum():
            return None
        try:
            date(year or 2000, mo[0], day)
        except ValueError:
            return None
        return Found(
            i, j, Frame("abs", "date", year, mo[0], day, rule="date.month_day" + (".year" if year else ""))
        )

    def _stretch(self, words: list[Word], i: int) -> Found | None:
        """ "de afgelopen dagen", "het afgelopen jaar", "de laatste twee weken", "de komende maanden"."""
        if i >= len(words) or words[i].lower not in self.v.determiners:
            return None
        s = self._get(words, i + 1, "stretch")
        if s is None:
            return None
        j = s[1]
        n = 1.0
        num = self._number(words, j)
        if num is not None:
            n, j = num
        u = self._get(words, j, "unit")
        if u is None:
            return None
        # A stretch is plural or counted ("de afgelopen dagen", "de laatste twee weken") or a neuter
        # singular ("het afgelopen jaar"); "die afgelopen weekend" is a plain past weekend, and so is "het
        # afgelopen weekend": one weekend is a time of its own, not a stretch up to now.
        if num is None and words[j].lower not in self.v.plural_units and (
            words[i].lower not in self.v.stretch_singular or u[0] == "weekend"
        ):
            return None
        frame = Frame("stretch", "duration", unit=str(u[0]), n=n, direction=str(s[0]), rule=f"stretch.{s[0]}")
        return Found(i, u[1], frame)

    def _offset(self, words: list[Word], i: int) -> Found | None:
        """ "twee weken geleden", "over drie dagen", "tien dagen eerder", "een jaar later"."""
        j = i
        forward = self._get(words, j, "in_future")
        if forward is not None:
            j = forward[1]
        num = self._number(words, j)
        if num is None:
            # "een week geleden": "een" is also an article
            return None
        n, j = num
        u = self._get(words, j, "unit")
        if u is None:
            return None
        unit, j = str(u[0]), u[1]
        if forward is not None:
            return Found(i, j, Frame("offset", "relative", unit=unit, n=n, offset=1, rule="offset.in"))
        for name, sign, anchor in (
            ("ago", -1, "pub"),
            ("anchor_before", -1, "ref"),
            ("anchor_after", 1, "ref"),
        ):
            hit = self._get(words, j, name)
            if hit is not None and hit[1] < len(words) and words[hit[1]].lower in self.v.comparatives:
                return None  # "vijf jaar eerder dan gebruikelijk": a comparison, not a time
            if hit is not None:
                return Found(
                    i,
                    hit[1],
                    Frame(
                        "offset",
                        "relative",
                        unit=unit,
                        n=n,
                        offset=sign,
                        anchor=anchor,
                        rule=f"offset.{name}",
                    ),
                )
        return None

    def _decade(self, words: list[Word], i: int) -> Found | None:
        hit = self._get(words, i, "decade_prefix")
        if hit is None:
            return None
        j = hit[1]
        if j < len(words) and words[j].text in {"'", "’"}:
            j += 1
        if j < len(words) and words[j].lower.isdigit() and len(words[j].lower) in (2, 4):
            value = int(words[j].lower)
        else:
            w = self._get(words, j, "decade_word")
            if w is None:
                return None
            value, j = int(w[0]), w[1] - 1
        return Found(i, j + 1, Frame("decade", "range", year=value, rule="decade"))

    def _plain_year(self, words: list[Word], i: int) -> Found | None:
        yr = self._year(words, i)
        if yr is None or not self._year_cued(words, i):
            return None
        j = yr[1]
        frame = Frame("abs", "date", year=yr[0], rule="year")
        found = Found(i, j, frame)
        # "2011-2014", "2011 tot 2014"
        k = self._range_join(words, j)
        if k is not None:
            end = self._year(words, k)
            if end is not None and end[0] > yr[0]:
                frame.kind = "range"
                frame.rule = "year.range"
                found.range_end = Frame("abs", "date", year=end[0], rule="year")
                found.last = end[1]
        return found

    def _deictic(self, words: list[Word], i: int) -> Found | None:
        hit = self._get(words, i, "deictic")
        if hit is None:
            return None
        offset, j = int(hit[0]), hit[1]
        if offset == 1 and j - i == 1 and i > 0 and words[i - 1].lower in self.v.not_tomorrow_after:
            return None
        return Found(i, j, Frame("deictic", "relative", offset=offset, rule=f"deictic.{offset:+d}"))

    def _then(self, words: list[Word], i: int) -> Found | None:
        """An adverb pointing back to the time named before ("destijds", "kwam toen")."""
        if not then_adverb(words, i, self.v, 0, len(words)):
            return None
        return Found(i, i + 1, Frame("anaphor", "relative", anchor="ref", rule="anaphoric.back"))

    def _same(self, words: list[Word], i: int) -> Found | None:
        hit = self._get(words, i, "anchor_same")
        if hit is None:
            return None
        return Found(i, hit[1], Frame("same", "relative", anchor="ref", rule="anaphoric.same"))


# -- tense ----------------------------------------------------------------------------------------------


def _marked_participle(word: str, v: Vocabulary) -> bool:
    """A word with the language's participle marker after an optional separable particle ("gegeven",
    "aangekondigd", "opgeroepen" by the Dutch ge-): one of the language's particles where it lists them (not
    "tegelijkertijd", "partijgenoot"), or an inseparable prefix before a stem that begins so ("vergeleken")."""
    infix = v.participle_infix
    if not infix:
        return False
    at = word.find(infix)
    while 0 <= at <= v.participle_particle_max:
        if len(word) - at - len(infix) >= 2 and (
            at == 0 or not v.participle_particles or word[:at] in v.participle_particles
            or word[:at] in v.participle_prefixes  # a stem with the marker's letters ("vergeleken")
        ):
            return True
        at = word.find(infix, at + 1)
    return False


def is_participle(word: str, v: Vocabulary, after_auxiliary: bool = False) -> bool:
    """A past participle by its shape: marker and participle ending ("gegeven", "gemeld"), an inseparable
    prefix and its ending ("verklaard"), or (without a marker in the language) the ending alone. After a
    perfect auxiliary an inseparable prefix takes any participle ending ("heeft ... bereikt", "is ...
    vertrokken"), which alone would as well be a present form ("hij bereikt")."""
    if len(word) < 5 or not word.isalpha():
        return False
    ends = word.endswith(v.participle_endings) if v.participle_endings else False
    if ends and (not v.participle_infix or _marked_participle(word, v)):
        return True
    endings = v.participle_endings if after_auxiliary else v.prefixed_participle_endings
    return bool(endings) and word.endswith(endings) and any(
        word.startswith(p) and len(word) > len(p) + 3 for p in v.participle_prefixes if p != v.participle_infix
    )


def is_past_form(word: Word, v: Vocabulary) -> bool:
    """A finite past form: listed (strong verbs, auxiliaries) or a weak past ("noemde", "zetten")."""
    low = word.lower
    if low in v.past_forms:
        return True
    if not low.isalpha() or len(low) < 5 or not word.text[:1].islower():
        return False  # a capitalised word is a name or a noun ("Britten") more often than a verb
    if v.inflection_endings and low.endswith(v.inflection_endings) and _marked_participle(low, v):
        return False  # an inflected participle used as an adjective ("de aangepaste deal")
    verb = bool(word.lemma) and word.lemma != low and (
        not v.infinitive_endings or word.lemma.endswith(v.infinitive_endings)
    )
    if low.endswith(v.sure_weak_past_endings):
        # an ending of the weak past alone, unless the lemma says otherwise: the word is its own lemma (an
        # infinitive: "zitten", "midden") or that of no verb (a plural: "debatten")
        return verb or not word.lemma
    return (
        verb and bool(v.infinitive_endings)
        and low.endswith(v.weak_past_endings)
        and not (low.startswith(word.lemma) and low[len(word.lemma) :] in v.present_participle_suffixes)
    )


def _noun_position(words: list[Word], k: int, lo: int, v: Vocabulary) -> bool:
    """Whether words[k] follows an article or a number word ("de maanden", "vier maanden"): a noun there, no
    finite verb nor the participle of a perfect, whatever its shape. Not after digits, which may be a year or
    a decade before an inverted verb ("In 2012 werd", "Eind jaren 90 kreeg")."""
    if k <= lo:
        return False
    before = words[k - 1].lower
    return before in v.articles or any(name == "number" for name, _ in v.features((before,)))


def finite_past(words: list[Word], k: int, lo: int, v: Vocabulary) -> bool:
    """Whether words[k] (in a clause or sentence from lo) is a finite past form where it stands: a listed one
    anywhere ("Twee werden opgepakt": a number word may be the subject), one by its ending not after an article
    or number word ("vier maanden")."""
    return is_past_form(words[k], v) and (words[k].lower in v.past_forms or not _noun_position(words, k, lo, v))


def clause_bounds(words: list[Word], lo: int, hi: int, v: Vocabulary) -> list[tuple[int, int]]:
    """Split words[lo:hi] into clauses at punctuation and clause-opening words."""
    bounds: list[tuple[int, int]] = []
    start = lo
    for k in range(lo, hi):
        w = words[k]
        split_here = w.text in {
            ",",
            ";",
            ":",
            "(",
            ")",
            "—",
            "–",
            '"',
            "“",
            "”",
            "‘",
            "’",
            "'",
            "«",
            "»",
        } or (w.lower in v.clause_openers and k > start and not then_adverb(words, k, v, lo, hi))
        if split_here:
            if k > start:
                bounds.append((start, k))
            start = k + 1 if not w.lower.isalpha() else k
    if start < hi:
        bounds.append((start, hi))
    return bounds or [(lo, hi)]


def _finite(word: Word, v: Vocabulary) -> bool:
    """A finite verb that places a clause in the past: a past form or a perfect auxiliary."""
    return is_past_form(word, v) or word.lower in v.perfect_auxiliaries or word.lower in v.pluperfect_auxiliaries


def then_adverb(words: list[Word], k: int, v: Vocabulary, lo: int, hi: int) -> bool:
    """Whether words[k] (in the sentence words[lo:hi]) is an adverb that points back to the time named
    before ("destijds"; "toen" right after or before a finite verb and before no subject: "Zij kwam toen
    in gesprek", "Toen bleek ...", not the conjunction of "was groot toen de minister ...")."""
    low = words[k].lower
    if low not in v.then_words:
        return False
    if low not in v.clause_openers:
        return True
    nxt = words[k + 1] if k + 1 < hi else None
    if nxt is not None and (nxt.lower in v.subject_starts or nxt.text[:1].isupper()):
        return False
    return (k > lo and _finite(words[k - 1], v)) or (nxt is not None and _finite(nxt, v))


def simple_past(words: list[Word], lo: int, hi: int, v: Vocabulary) -> bool:
    """Whether [lo, hi) holds a finite simple-past form (the narrative tense; a present perfect is not)."""
    return any(finite_past(words, k, lo, v) for k in range(lo, hi))


def _participle_after(words: list[Word], aux_at: int, k: int, v: Vocabulary) -> bool:
    """Whether words[k] is the participle of the auxiliary at `aux_at`: one by its shape, or one that
    could be a present form or a noun as well ("bereikt") when no clause starts between them and no
    determiner or inflected adjective precedes it ("heeft dinsdag een akkoord bereikt", not "is er niet bij
    als het verdrag de EU verandert" nor "is tegen het besluit")."""
    low = words[k].lower
    if _noun_position(words, k, aux_at + 1, v):
        return False  # "is een gebied", "zijn de maatregelen"
    if is_participle(low, v):
        return True
    if not is_participle(low, v, after_auxiliary=True) or not words[k].text[:1].islower():
        return False
    before = words[k - 1].lower
    if before in v.determiners or (v.inflection_endings and before.endswith(v.inflection_endings)):
        return False  # a noun after its determiner or inflected adjective ("is tegen het besluit", "was een
        # grote ontvangst")
    return not any(
        not words[j].lower.isalnum() or words[j].lower in v.clause_openers for j in range(aux_at + 1, k)
    )


def pluperfect(words: list[Word], lo: int, hi: int, v: Vocabulary) -> bool:
    """Whether [lo, hi) holds a past perfect ("had gedreigd", "hadden verklaard"): a deed before the
    time of the narrative, not at it."""
    aux_at: int | None = None
    for k in range(lo, hi):
        low = words[k].lower
        if low in v.pluperfect_auxiliaries:
            aux_at = k
        elif aux_at is not None and _participle_after(words, aux_at, k, v):
            return True
    return False


def tense_of(words: list[Word], lo: int, hi: int, v: Vocabulary) -> str | None:
    """ "past", "future" or None (present or unknown) for the words in [lo, hi)."""
    past = future = False
    aux_at: int | None = None
    for k in range(lo, hi):
        w = words[k]
        if w.lower in v.future_auxiliaries or w.lower in v.future_words:
            future = True
        if finite_past(words, k, lo, v):
            past = True
        if w.lower in v.perfect_auxiliaries:
            aux_at = k
        elif aux_at is not None and _participle_after(words, aux_at, k, v):
            past = True
    if past:
        return "past"
    if future:
        return "future"
    return None


# -- resolution -----------------------------------------------------------------------------------------

_ORDER = [Precision.YEAR, Precision.MONTH, Precision.DAY, Precision.TIME]


def _finer(a: Precision, b: Precision) -> bool:
    return _ORDER.index(a) > _ORDER.index(b)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def _day(d: date) -> PartialDate:
    return PartialDate(d.year, d.month, d.day)


def _pick_year(anchor: PartialDate, month: int, day: int | None, direction: str | None) -> int:
    """The year of a month (and day) written without one, by the direction rule."""
    y = anchor.year
    if anchor.month is None:
        return y
    a_key = (anchor.month, anchor.day if (day is not None and anchor.day is not None) else 0)
    e_key = (month, day if (day is not None and anchor.day is not None) else 0)
    if direction == "past":
        return y if e_key <= a_key else y - 1
    if direction == "future":
        return y if e_key >= a_key else y + 1
    if direction == "past_strict":
        return y if e_key < a_key else y - 1
    if direction == "future_strict":
        return y if e_key > a_key else y + 1
    # nearest
    ref = date(y, anchor.month, anchor.day or 15)
    best = y
    best_dist: int | None = None
    for cand in (y - 1, y, y + 1):
        try:
            d = date(cand, month, day or 15)
        except ValueError:
            continue
        dist = abs((d - ref).days)
        if best_dist is None or dist < best_dist:
            best, best_dist = cand, dist
    return best


def resolve_frame(
    frame: Frame,
    anchor: PartialDate,
    tense: str | None = None,
    ref: PartialDate | None = None,
    ref_year: int | None = None,
) -> PartialDate | None:
    """Resolve a frame against an anchor (the publication date, or `ref` for anaphoric frames).

    `ref_year` is the year of a narrative the text is in ("In februari 2011 ... In oktober werd ..."):
    a month without a year in a clause that is not in the future tense takes it.

    A date that would fall outside the calendar (years 1 to 9999: "next week" of 9999-12-31) is left
    unresolved (None)."""
    try:
        return _resolve_frame(frame, anchor, tense, ref, ref_year)
    except (OverflowError, ValueError):
        return None


def _resolve_frame(
    frame: Frame,
    anchor: PartialDate,
    tense: str | None,
    ref: PartialDate | None,
    ref_year: int | None,
) -> PartialDate | None:
    base = ref if (frame.anchor == "ref" and ref is not None) else anchor
    base = base.truncate(Precision.DAY)
    op = frame.op
    if op == "anaphor":  # the time named before, none when no time was named
        return ref.truncate(Precision.DAY) if ref is not None else None
    if op == "abs":
        if frame.year is None and frame.direction is None and ref_year is not None and tense != "future":
            frame = replace(frame, year=ref_year)
        return _resolve_abs(frame, base, tense)
    if op == "vague":
        return _resolve_season(frame, base, tense) if frame.season is not None else None
    if op in {"decade", "century"}:
        return None
    if op == "stretch":
        return base
    if op == "same":
        return base
    needs_day = (
        op in {"deictic", "weekday"}
        or (op == "unit" and frame.unit in {"day", "week", "weekend"})
        or (op == "offset" and frame.unit in {"day", "week", "weekend"})
    )
    if needs_day and base.precision != Precision.DAY:
        return base
    if op == "deictic":
        return _day(base.first_day() + timedelta(days=frame.offset))
    if op == "weekday":
        return _resolve_weekday(frame, base.first_day(), tense)
    if op == "unit":
        return _resolve_unit(frame, base, tense)
    if op == "offset":
        return _resolve_offset(frame, base)
    if op == "season":
        return _resolve_season(frame, base, tense)
    return None


def _resolve_abs(frame: Frame, base: PartialDate, tense: str | None) -> PartialDate | None:
    month = frame.month
    if month is None:
        # a year, with its part
        if frame.year is None:
            return None
        if frame.part == "begin":
            return PartialDate(frame.year, 1)
        if frame.part == "end":
            return PartialDate(frame.year, 12)
        return PartialDate(frame.year)
    year = frame.year
    if year is None:
        direction = {"past": "past_strict", "future": "future_strict"}.get(frame.direction or "", tense)
        if frame.direction == "current" or (frame.direction is None and base.month == month):
            direction = None
        if frame.direction is None and frame.day is not None and base.day is not None:
            # A day and month within two months of the anchor: the nearest such date, whatever the tense
            # ("de deadline van 12 april" written on 9 April in a past-tense clause).
            near = _pick_year(base, month, frame.day, None)
            try:
                if abs((date(near, month, frame.day) - base.first_day()).days) <= 60:
                    direction = None
            except ValueError:
                pass
        year = _pick_year(base, month, frame.day, direction)
    if frame.day is None:
        return PartialDate(year, month)
    try:
        return PartialDate(year, month, frame.day)
    except ValueError:
        return PartialDate(year, month)


def _resolve_weekday(frame: Frame, today: date, tense: str | None) -> PartialDate:
    wd = frame.weekday or 0
    back = (today.weekday() - wd) % 7  # days since the last such weekday (0 = today)
    fwd = (wd - today.weekday()) % 7
    if frame.direction == "past":
        delta = -(back or 7)
    elif frame.direction == "future":
        delta = fwd or 7
    elif frame.direction == "current":
        delta = wd - today.weekday()
    elif tense == "past":
        delta = -back
    elif tense == "future":
        delta = fwd
    else:
        delta = -back if back <= fwd else fwd
    return _day(today + timedelta(days=delta))


def _resolve_unit(frame: Frame, base: PartialDate, tense: str | None) -> PartialDate | None:
    unit, off = frame.unit, frame.offset
    if unit == "day":
        return _day(base.first_day() + timedelta(days=off))
    if unit == "week":
        today = base.first_day()
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=off)
        shift = {"begin": 0, "middle": 2, "end": 4}.get(frame.part or "", 0)
        if frame.weekday is not None:
            shift = frame.weekday
        return _day(monday + timedelta(days=shift))
    if unit == "weekend":
        today = base.first_day()
        back = (today.weekday() - 5) % 7
        fwd = (5 - today.weekday()) % 7
        if off < 0:
            delta = -(back or 7)
        elif off > 0:
            delta = fwd or 7
        elif tense == "past" or (tense is None and today.weekday() <= 2):
            delta = -back
        else:
            delta = fwd
        if today.weekday() == 6 and off <= 0:
            delta = -1
        return _day(today + timedelta(days=delta))
    if unit in {"month", "quarter"}:
        if base.month is None:
            return PartialDate(base.year)
        step = 3 if unit == "quarter" else 1
        y, m = _add_months(base.year, base.month, off * step)
        if unit == "quarter":
            m = (m - 1) // 3 * 3 + 1
            if frame.part == "end":
                m += 2
        return PartialDate(y, m)
    if unit == "year":
        y = base.year + off
        if frame.month is not None:
            return PartialDate(y, frame.month, frame.day)
        if frame.part == "begin":
            return PartialDate(y, 1)
        if frame.part == "end":
            return PartialDate(y, 12)
        if off == 0 and frame.rule.endswith(".earlier") and base.month is not None:
            return PartialDate(y)
        return PartialDate(y)
    return None  # decade, century: not representable


def _resolve_offset(frame: Frame, base: PartialDate) -> PartialDate | None:
    n, sign, unit = frame.n, frame.offset, frame.unit
    if unit in {"day", "week", "weekend"}:
        days = n * (7 if unit != "day" else 1)
        return _day(base.first_day() + timedelta(days=sign * round(days)))
    if unit in {"month", "quarter", "year", "decade", "century"}:
        months = n * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
        # a whole number of years gives a year, except one ("een jaar geleden": this time last year, the
        # month as for "anderhalf jaar geleden")
        if base.month is None or (unit in {"year", "decade", "century"} and float(n).is_integer() and months > 12):
            years = round(months / 12)
            return PartialDate(base.year + sign * years)
        y, m = _add_months(base.year, base.month, sign * round(months))
        return PartialDate(y, m)
    return None


def _resolve_season(frame: Frame, base: PartialDate, tense: str | None) -> PartialDate | None:
    first, _last = frame.season or (1, 12)
    if frame.year is not None:
        return PartialDate(frame.year)
    y = base.year
    if base.month is None:
        return PartialDate(y + frame.offset)
    direction = frame.direction or tense
    if direction == "past" or frame.offset < 0:
        year = (
            y if (first <= base.month and not (frame.offset < 0 and first <= base.month <= _last)) else y - 1
        )
        return PartialDate(year)
    if frame.offset > 0:
        return PartialDate(y if first > base.month else y + 1)
    if direction == "future":
        return PartialDate(y if first >= base.month else y + 1)
    return PartialDate(y)


# -- whole texts ----------------------------------------------------------------------------------------


@dataclass
class Expression:
    """A temporal expression found in a text and its resolved value."""

    start: int
    end: int
    text: str
    value: PartialDate | None
    kind: str
    rule: str
    prep: str | None = None
    nominal: bool = False
    tense: str | None = None
    first_word: int = 0
    last_word: int = 0
    frame: Frame = field(default_factory=lambda: Frame("vague", "relative"))

    @property
    def governs(self) -> bool:
        """Whether the expression may date the deed of its clause.

        Not: expressions inside a noun phrase ("de verkiezingen van vorig jaar"), the end of a stretch
        ("uitgesteld tot 1 april"), vague ones ("in de zomer"), and the start of a state longer ago than a
        day-precise date ("sinds 2015 probeert hij": the state holds at publication).
        """
        if self.nominal or self.prep == "until" or self.frame.op == "vague":
            return False
        if self.prep == "since":
            return self.value is not None and self.value.precision == Precision.DAY
        return True


def resolve_words(
    words: list[Word],
    sentences: Sequence[tuple[int, int]],
    vocab: Vocabulary,
    anchor: PartialDate,
    text: str,
    on_found: Callable[[Expression, int], None] | None = None,
) -> list[Expression]:
    """Find and resolve the expressions of a text given as words and sentence word ranges."""
    rec = Recogniser(vocab)
    out: list[Expression] = []
    ref: PartialDate | None = None
    narrative: tuple[int, int] | None = None  # (explicit year, sentence index) of the last absolute year
    for s_index, (lo, hi) in enumerate(sentences):
        sub = words[lo:hi]
        clauses = clause_bounds(words, lo, hi, vocab)
        sentence_tense = tense_of(words, lo, hi, vocab)
        for f in rec.find(sub):
            first, last = f.first + lo, f.last + lo
            tense = None
            for c_lo, c_hi in clauses:
                if c_lo <= first < c_hi:
                    tense = tense_of(words, c_lo, c_hi, vocab)
                    break
            if tense is None:
                tense = sentence_tense
            ref_year = None
            if narrative is not None and s_index - narrative[1] <= 5 and narrative[0] != anchor.year:
                ref_year = narrative[0]
            value = resolve_frame(f.frame, anchor, tense, ref, ref_year)
            if f.frame.op == "abs" and f.frame.year is not None and not f.nominal:
                narrative = (f.frame.year, s_index)
            elif f.frame.op in {"deictic", "weekday", "unit", "offset"} and f.frame.anchor == "pub":
                narrative = None
            expr = Expression(
                words[first].start,
                words[last - 1].end,
                text[words[first].start : words[last - 1].end],
                value,
                f.frame.kind,
                f.frame.rule,
                f.prep,
                f.nominal,
                tense,
                first,
                last,
                f.frame,
            )
            if value is not None and f.frame.op not in {"stretch"} and f.frame.kind != "duration":
                ref = value
            out.append(expr)
            if on_found is not None:
                on_found(expr, s_index)
    return out


_SENT_END = re.compile(r"(?<=[.!?])[\"'’”]?\s+(?=[\"'‘“„(]?[A-Z0-9À-Ý])|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences by punctuation (for texts analysed without the language layer)."""
    spans = []
    start = 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def feature_names(f: Sequence[Feature]) -> list[str]:  # pragma: no cover - debugging aid
    return [name for name, _ in f]
