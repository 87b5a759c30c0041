"""The language layer: tokens, lemmas, news-aware sentences and names (and POS, morphology, parse and
entities when a trained pipeline is given for the language: see `model_path`).

Tokenisation is spaCy's rule-based tokenizer for the language. Sentence boundaries are set by rules written
for news text (paragraphs and headings stand alone, closing quotation marks stay with their sentence,
abbreviations and initials do not end a sentence) before any trained component runs, so a shipped parser
works within them. Lemmas come from the trained pipeline when it has a lemmatizer, else from spaCy's lookup
tables (spacy-lookups-data), which ship with the package and need no download.
"""

from __future__ import annotations

import os
from collections.abc import Container, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from thinc.types import Ints2d

from dyad.document import Article, Document, Name, PartialDate, Sentence, Token
from dyad.errors import ConfigError
from dyad.lang.data import lemma_table, lemma_values, load_language_data, name_particles, regular_verb_lemma
from dyad.pipeline import register

#: Characters that end a sentence when a token consists of them.
_TERMINALS = frozenset(".!?…")
#: Quotation marks and brackets that may close a sentence after its final punctuation.
_CLOSERS = frozenset("’”\"'»)]")
_OPENERS = frozenset("‘“„\"'«([")


def model_path(language: str, setting: str | None = None) -> Path | None:
    """The trained pipeline to load for a language, if any: the component's `model` setting, else the
    environment variable `DYAD_MODEL_<LANG>` (e.g. DYAD_MODEL_NL), else a pipeline shipped in the package
    under `dyad/lang/<lang>/model/`. A path that is given but holds no spaCy pipeline is an error, so a
    typo never silently falls back to the rules."""
    given = setting or os.environ.get(f"DYAD_MODEL_{language.upper()}")
    if given:
        path = Path(given).expanduser()
        if not (path / "config.cfg").is_file():
            raise ConfigError("no trained spaCy pipeline here (config.cfg missing)", source=str(path))
        return path
    packaged = Path(str(resources.files("dyad.lang").joinpath(language, "model")))
    return packaged if (packaged / "config.cfg").is_file() else None


class SentenceRules:
    """News-aware sentence boundaries from per-language data (`sentences.yaml`)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        #: titles written with a stop before a name ("Capt.", "prof."): the stop ends no sentence
        self.abbreviations = frozenset(str(a).lower() for a in data.get("abbreviations", []))
        #: abbreviations before a number ("No. 2", "nr. 5"): the stop ends no sentence before a digit
        self.number_abbreviations = frozenset(str(a).lower() for a in data.get("number_abbreviations", []))
        #: closed-class words that open a sentence; written with a capital after a few words at the start of a
        #: sentence, one of them begins the sentence an intertitle ran into ("Kritiek De minister zei ...")
        self.openers = frozenset(str(w).lower() for w in data.get("sentence_openers", []))
        self.intertitle_words = int(data.get("intertitle_words", 4))
        #: closing quotation marks of more than one character that stay with the sentence they close when written
        #: right after its stop ("… comment.'' But …")
        self.attached_closers = frozenset(str(w) for w in data.get("attached_closers", []))
        #: openers that also begin the title of a work ("het programma De wereld draait door"): they begin a
        #: sentence only after an intertitle that does not itself begin with an opener
        self.title_openers = frozenset(str(w).lower() for w in data.get("title_openers", []))

    def starts(self, doc: SpacyDoc) -> list[bool]:
        """For each spaCy token, whether it starts a sentence (whitespace tokens never do)."""
        n = len(doc)
        starts = [False] * n
        new_sentence = True
        i = 0
        while i < n:
            tok = doc[i]
            if tok.is_space:
                if "\n" in tok.text:
                    new_sentence = True
                i += 1
                continue
            if new_sentence:
                starts[i] = True
                new_sentence = False
                run_in = self._run_in_sentence(doc, i)
                if run_in is not None:
                    starts[run_in] = True
            if self._ends_sentence(doc, i):
                # Absorb closing quotation marks and brackets into the sentence that just ended.
                j = i + 1
                while j < n and not doc[j].is_space and self._is_closer(doc, j):
                    j += 1
                if j < n and self._can_start(doc, j):
                    new_sentence = True
                i = j
                continue
            i += 1
        return starts

    def _run_in_sentence(self, doc: SpacyDoc, first: int) -> int | None:
        """Where a sentence begins inside the one that starts at token `first`, when the text flattened an
        intertitle into it: at most `intertitle_words` words from the start, then a capitalised sentence opener
        followed by a lower-case word ("Onenigheid Het kabinet ..."). A capitalised opener before another
        capital is part of a name ("Kamerlid De Groot") and starts nothing."""
        if not self.openers:
            return None
        n = len(doc)
        for k in range(first + 1, min(n - 1, first + self.intertitle_words + 1)):
            tok = doc[k]
            if not tok.is_alpha or doc[k - 1].whitespace_ == "" or not doc[k - 1].is_alpha:
                return None  # punctuation, a number or a line break: no flattened intertitle
            nxt = doc[k + 1]
            # title case only: an acronym in capitals ("het OM bekijkt") is a name, not an opener
            if (tok.text[0].isupper() and tok.text[1:].islower() and tok.text.lower() in self.openers
                    and tok.whitespace_
                    and nxt.is_alpha and nxt.text[0].islower()):
                if tok.text.lower() in self.title_openers and doc[first].text.lower() in self.openers:
                    return None
                return k
        return None

    def _ends_sentence(self, doc: SpacyDoc, i: int) -> bool:
        text = doc[i].text
        if not text or not set(text) <= _TERMINALS:
            return False
        if text == "." and i > 0:
            prev = doc[i - 1]
            if prev.whitespace_ == "":
                # "J. Biden": a single capital letter before a full stop is an initial.
                if len(prev.text) == 1 and prev.text.isupper():
                    return False
                # "Capt. Ann Holt", "No. 2": an abbreviation the tokenizer split from its stop
                if self.is_abbreviation(prev.text) or (
                        self.is_number_abbreviation(prev.text) and self._digit_follows(doc, i)):
                    return False
        return True

    @staticmethod
    def _digit_follows(doc: SpacyDoc, i: int) -> bool:
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        return j < len(doc) and doc[j].text[:1].isdigit()

    def _is_closer(self, doc: SpacyDoc, j: int) -> bool:
        text = doc[j].text
        if text in {'"', "'"}:
            # A straight quote closes only when attached to what precedes it.
            return j > 0 and doc[j - 1].whitespace_ == ""
        if text in self.attached_closers:
            # a closing mark of two characters ("…,'' he said" in English): when attached, as a straight quote
            return j > 0 and doc[j - 1].whitespace_ == ""
        return len(text) == 1 and text in _CLOSERS

    def _can_start(self, doc: SpacyDoc, j: int) -> bool:
        """Whether the token after a sentence-final stop opens a new sentence. A lower-case word after a
        full stop continues the sentence (abbreviations the tokenizer did not keep whole)."""
        tok = doc[j]
        first = tok.text[0]
        return bool(tok.is_space or first.isupper() or first.isdigit() or first in _OPENERS or tok.text == ",,")

    def is_abbreviation(self, text: str) -> bool:
        """Whether a word (without its stop) is a title abbreviated before a name; an acronym in capitals
        ("DR", "GEN") is not."""
        return not _is_acronym(text) and text.lower() in self.abbreviations

    def is_number_abbreviation(self, text: str) -> bool:
        """Whether a word (without its stop) is an abbreviation that stands before a number ("No", "nr")."""
        return not _is_acronym(text) and text.lower() in self.number_abbreviations


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper()


class LanguageLayer:
    """The registered language-layer component: fills `tokens`, `sentences` and `names`."""

    def __init__(self, language: str, model: str | None = None) -> None:
        self.language = language
        path = model_path(language, model)
        try:
            self.nlp: Language = spacy.load(path) if path else spacy.blank(language)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot load the trained pipeline: {exc}", source=str(path)) from exc
        self.model = path
        self.trained = path is not None
        self.rules = SentenceRules(load_language_data(language, "sentences"))
        names = load_language_data(language, "names")
        self.name_particles = name_particles(language)
        self.not_names = frozenset(w.lower() for w in names.get("not_names", []))
        self.adjective_endings = tuple(names.get("adjective_endings", []))
        self.has_lemmatizer = "lemmatizer" in self.nlp.pipe_names
        self.lemma_table = lemma_table(language)
        self.lemmas = lemma_values(language)
        self.stop_words = frozenset(self.nlp.Defaults.stop_words)

    def __call__(self, doc: Document) -> None:
        sdoc = _split_glued_stops(self.nlp.make_doc(doc.text), self.lemmas)
        starts = self.rules.starts(sdoc)
        if self.nlp.pipeline:
            # Preset boundaries for the trained components in one pass (1 = start, -1 = not a start);
            # the parser works within them.
            values = cast(Ints2d, numpy.array(
                [[1 if is_start or i == 0 else -1] for i, is_start in enumerate(starts)], dtype="int64"
            ).astype("uint64"))
            if len(sdoc):
                sdoc.from_array([SENT_START], values)
            for _name, proc in self.nlp.pipeline:
                sdoc = proc(sdoc)
        self._convert(sdoc, doc, starts)

    def _convert(self, sdoc: SpacyDoc, doc: Document, starts: list[bool]) -> None:
        # One pass over the spaCy tokens (each access to one makes a Python object): the tokens, and the
        # sentences as runs of non-space tokens between the rule-set starts.
        index: dict[int, int] = {}
        current: list[int] = []
        previous: str | None = None  # the lower-cased text of the spaCy token before (a space one too)
        for tok in sdoc:
            text = tok.text
            lower = text.lower()
            if tok.is_space:
                previous = lower
                continue
            i = index[tok.i] = len(doc.tokens)
            lemma = tok.lemma_ if self.has_lemmatizer else self._lookup_lemma(lower, previous)
            previous = lower
            idx = tok.idx
            doc.tokens.append(
                Token(
                    i=i,
                    start=idx,
                    end=idx + len(text),
                    text=text,
                    lemma=lemma.lower() if lemma else lower,
                    pos=tok.pos_,
                    tag=tok.tag_,
                    morph=str(tok.morph),
                    dep=tok.dep_ if self.trained else "",
                    whitespace=tok.whitespace_,
                )
            )
            if starts[tok.i] and current:
                self._add_sentence(doc, current)
                current = []
            current.append(i)
        if current:
            self._add_sentence(doc, current)
        if self.trained and "parser" in self.nlp.pipe_names:
            for tok in sdoc:
                if tok.i in index and tok.head.i in index and tok.head.i != tok.i:
                    doc.tokens[index[tok.i]].head = index[tok.head.i]
        if self.trained and "ner" in self.nlp.pipe_names:
            for ent in sdoc.ents:
                toks = [index[t.i] for t in ent if t.i in index]
                if toks:
                    self._add_name(doc, toks[0], toks[-1] + 1, ent.label_)
        else:
            self._rule_names(doc)

    def _lookup_lemma(self, lower: str, previous: str | None) -> str:
        """The lookup table's lemma; for a weak past form it lacks, the infinitive its stem makes."""
        lemma = self.lemma_table.get(lower)
        if lemma is None:
            lemma = regular_verb_lemma(lower, self.language, self.lemmas, previous) or lower
        return lemma

    @staticmethod
    def _add_sentence(doc: Document, token_ids: list[int]) -> None:
        first, last = doc.tokens[token_ids[0]], doc.tokens[token_ids[-1]]
        doc.sentences.append(Sentence(len(doc.sentences), first.start, last.end, token_ids[0], token_ids[-1] + 1))

    @staticmethod
    def _add_name(doc: Document, start_tok: int, end_tok: int, label: str) -> None:
        sent = doc.sentence_of_offset(doc.tokens[start_tok].start)
        doc.names.append(
            Name(doc.tokens[start_tok].start, doc.tokens[end_tok - 1].end, start_tok, end_tok, label,
                 sent if sent is not None else 0)
        )

    def _is_capitalised(self, tok: Token) -> bool:
        return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)

    def _rule_names(self, doc: Document) -> None:
        """Names without a trained recogniser: runs of capitalised tokens, with name particles inside
        ("Ursula von der Leyen"). A sentence-initial word counts only when it is not a known common word."""
        for sent in doc.sentences:
            i = sent.token_start
            while i < sent.token_end:
                tok = doc.tokens[i]
                if not self._is_capitalised(tok) or self._common_at_start(doc, sent, i):
                    i += 1
                    continue
                j = i + 1
                while j < sent.token_end:
                    nxt = doc.tokens[j]
                    if self._is_capitalised(nxt):
                        j += 1
                    elif (nxt.lower in self.name_particles and j + 1 < sent.token_end
                          and self._is_capitalised(doc.tokens[j + 1])
                          and not doc.tokens[j + 1].lower.endswith(self.adjective_endings)):
                        j += 2
                    else:
                        break
                self._add_name(doc, i, j, "MISC")
                i = j

    def _common_at_start(self, doc: Document, sent: Sentence, i: int) -> bool:
        lower = doc.tokens[i].lower
        at_start = i == sent.token_start or doc.tokens[i - 1].text in _OPENERS
        if lower in self.not_names:
            return True
        if lower in self.stop_words:
            return at_start or not self._first_name_of_run(doc, sent, i)
        # A capitalised sentence-initial word that the lemma table knows is an ordinary word.
        return at_start and lower in self.lemma_table

    def _first_name_of_run(self, doc: Document, sent: Sentence, i: int) -> bool:
        """Whether a capitalised stop word inside a sentence opens a name: a first name that is also a function
        word of the language ("zei inlichtingenbaas Dan Coats"), after a word in lower case and directly before a
        capitalised word that is none. After a capital or a mark the word may open a title or a run-in clause
        ("In Verloren Land", ": In Turkije"); name particles have their own rule ("Van", "De" before a surname)."""
        nxt = i + 1
        before = doc.tokens[i - 1]
        if nxt >= sent.token_end or doc.tokens[i].lower in self.name_particles or not before.text.isalpha() \
                or not before.text.islower():
            return False
        follower = doc.tokens[nxt]
        return self._is_capitalised(follower) and follower.lower not in self.stop_words \
            and follower.lower not in self.not_names


def _split_glued_stops(doc: SpacyDoc, words: Container[str]) -> SpacyDoc:
    """Split a sentence-final full stop that the tokenizer's abbreviation exceptions glued to a word:
    "VS." (Dutch "vs." = versus) after an upper-case acronym, wherever it stands; and an ordinary word that
    is also an abbreviation ("hand." for "handelingen", "kon." for "koninklijk") when it ends the text or a
    capitalised word follows, as at the end of "Washington wees het voorstel van de hand. Daarna ...".
    Otherwise the word is not matched and the sentence does not end."""
    targets = []
    for t in doc:
        stem = t.text[:-1]
        if len(t.text) < 3 or not t.text.endswith(".") or not stem.isalpha():
            continue
        final = t.i + 1 == len(doc) or doc[t.i + 1].text[:1].isupper() or doc[t.i + 1].is_quote
        if stem.isupper() or (stem.islower() and stem in words and final):
            targets.append(t)
    if not targets:
        return doc
    with doc.retokenize() as retokenizer:
        for tok in targets:
            retokenizer.split(tok, [tok.text[:-1], "."], heads=[(tok, 0), (tok, 0)])
    return doc


@cache
def get_layer(language: str, model: str | None = None) -> LanguageLayer:
    return LanguageLayer(language, model)


@register("language", "spacy_rules")
def create_language_layer(language: str, settings: Mapping[str, Any]) -> LanguageLayer:
    """Settings: `model`, the path of a trained spaCy pipeline for the language (optional)."""
    model = settings.get("model")
    return get_layer(language, str(model) if model else None)


def analyse_text(text: str, language: str = "nl", published: PartialDate | str | None = None,
                 article_id: str = "text", model: str | None = None) -> Document:
    """Run only the language layer over a text (for tests and for users of the layer alone); `model` is
    the path of a trained pipeline, as in `model_path`."""
    pub = PartialDate.parse(published) if isinstance(published, str) else published
    doc = Document(article=Article(id=article_id, text=text, published=pub, language=language), language=language)
    get_layer(language, model)(doc)
    return doc
