"""The per-language vocabulary of the quote finder (`dyad/lang/<language>/quotes.yaml`), checked and
frozen into sets the engine can look words up in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy

from dyad.errors import ConfigError
from dyad.lang.data import has_language_data, load_language_data, name_particles

#: Keys every quotes.yaml must have, with the type of their value.
_LIST_KEYS = (
    "speech_verbs", "forms", "multiword_cues", "naming_verbs", "complementizers", "infinitive_verbs",
    "subject_pronouns", "object_pronouns", "determiners", "prepositions", "phrase_links",
    "clause_boundaries", "clause_openers", "auxiliaries", "person_roles", "speaking_bodies", "not_speakers",
    "elisions", "relative_pronouns", "time_words",
)


def _words(value: Any, key: str, source: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{key!r} must be a list of words", source=source)
    return frozenset(v.lower() for v in value)


def _phrases(value: Any, key: str, source: str) -> tuple[tuple[str, ...], ...]:
    """A list whose items are either a phrase ("naar verluidt van") or a list of words."""
    if not isinstance(value, list):
        raise ConfigError(f"{key!r} must be a list", source=source)
    out: list[tuple[str, ...]] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(tuple(item.lower().split()))
        elif isinstance(item, list) and item and all(isinstance(w, str) and w for w in item):
            out.append(tuple(w.lower() for w in item))
        else:
            raise ConfigError(f"{key!r}: {item!r} is neither a phrase nor a list of words", source=source)
    # Longest first, so that "naar verluidt van" is tried before a shorter marker.
    return tuple(sorted(out, key=len, reverse=True))


def _function_words(language: str) -> frozenset[str]:
    """spaCy's stop words of a language with the `not_names` of its names.yaml."""
    try:
        stop = frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    except (ImportError, KeyError):  # a language spaCy does not know
        stop = frozenset()
    names = load_language_data(language, "names") if has_language_data(language, "names") else {}
    extra = names.get("not_names", []) if isinstance(names, Mapping) else []
    return stop | frozenset(str(w).lower() for w in extra)


def _other_words(language: str, name: str, key: str) -> frozenset[str]:
    """A list of words the quote lexicon shares with another data file of the language (`name`.yaml)."""
    if not has_language_data(language, name):
        return frozenset()
    data = load_language_data(language, name)
    return _words(data.get(key, []) if isinstance(data, Mapping) else [], key, f"dyad/lang/{language}/{name}.yaml")


@dataclass(frozen=True)
class QuoteLexicon:
    """What the engine needs to know of a language to find quotes and their speakers."""

    language: str
    speech_lemmas: frozenset[str]
    speech_forms: frozenset[str]
    multiword_cues: tuple[tuple[str, ...], ...]
    naming_verbs: frozenset[str]
    complementizers: frozenset[str]
    infinitive_verbs: frozenset[str]
    infinitive_marker: str
    markers_before: tuple[tuple[str, ...], ...]
    markers_after: tuple[tuple[str, ...], ...]
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    phrase_links: frozenset[str]
    clause_boundaries: frozenset[str]
    clause_openers: frozenset[str]
    auxiliaries: frozenset[str]
    person_roles: frozenset[str]
    speaking_bodies: frozenset[str]
    not_speakers: frozenset[str]
    elisions: frozenset[str]
    relative_pronouns: frozenset[str]
    time_words: frozenset[str]
    #: words that end the search for an infinitival complement ("beloofde amnestie en zette ... te halen")
    coordinators: frozenset[str] = frozenset()
    #: phrase links after which a determiner and a common noun the lists lack still belong to the speaker phrase
    #: ("de advocaat van de uitgeverij"); empty: only listed roles, bodies and names do
    noun_links: frozenset[str] = frozenset()
    #: personal pronouns that open a content clause as its subject ("dat we te maken hebben met"); without
    #: one, "dat ... te" + infinitive is a demonstrative object ("heeft gedreigd dat weer te doen")
    clause_subjects: frozenset[str] = frozenset()
    #: words that join the parts of a personal name ("Tom van der Meer"): `particles` of names.yaml
    name_particles: frozenset[str] = frozenset()
    #: endings of adjectives inside a speaker phrase ("de Russische minister")
    adjective_endings: tuple[str, ...] = ()
    #: endings of agent nouns ("onderzoekers", "critici", "activisten"): a plain noun with one can be a source
    agent_endings: tuple[str, ...] = ()
    #: definite articles: "de premier" is resolved to the holder named before
    definite_articles: frozenset[str] = frozenset()
    #: endings of infinitives and plural finite verbs ("dat weer te doen")
    infinitive_endings: tuple[str, ...] = ()
    #: endings of plural nouns ("werkgevers", "boeren"): a definite agent noun with one is a group, no person
    plural_noun_endings: tuple[str, ...] = ()
    #: function words (spaCy's stop words and `not_names` of names.yaml): a capitalised one opening a
    #: sentence ("Overigens", "Wie", "Nee") is never a speaker's name
    function_words: frozenset[str] = frozenset()
    #: adverbs between the comma and an inserted cue ("…, zo stelt de rechter.")
    inserted_adverbs: frozenset[str] = frozenset()
    #: verbs of perception and knowledge that report a view only when inserted after the statement ("…, ziet
    #: Jansen.", "…, weet de hoogleraar."), by lemma or form; elsewhere they report no speech ("ziet het huis")
    inserted_verbs: frozenset[str] = frozenset()
    #: words that open a subordinate clause or question ("als", "toen", "wie"): a sentence that opens with one
    #: holds no statement before an inserted cue ("Toen de raad weigerde, gaf de partij aan …")
    subordinators: frozenset[str] = frozenset()
    #: words that open a conditional clause ("als", "if"): a cue in one supposes speech, it reports none ("Als de
    #: minister zegt dat …, …")
    conditionals: frozenset[str] = frozenset()
    #: modal verbs of speech to come or owed: a cue in the infinitive under one reports nothing said ("zal
    #: verklaren dat …", "moet erkennen dat …")
    modals: frozenset[str] = frozenset()
    #: words right before a quoted phrase that make it a term or title, not a partial quote ("de zogeheten
    #: ‘kill list’", "een boek getiteld ‘…’")
    term_markers: frozenset[str] = frozenset()
    #: head nouns of a source that is not named ("bronnen", "ingewijden"): the speaker is anonymous
    anonymous_sources: frozenset[str] = frozenset()
    #: prepositions that tie an anonymous source to where it is ("bronnen binnen het kabinet")
    anonymous_links: frozenset[str] = frozenset()
    #: markers of a report with no source at all ("naar verluidt"): the speaker is anonymous
    anonymous_markers: tuple[tuple[str, ...], ...] = ()
    #: words after the noun of a speaker phrase that tie it to what it knows of or belongs to ("an official
    #: familiar with the talks", "a person close to the campaign"): the phrase runs on to the clause's end
    speaker_postmodifiers: tuple[tuple[str, ...], ...] = ()
    #: reported speech without a complementizer ("said he would …"): the subject pronouns that open such a
    #: clause right after a speech verb, and the finite verbs that follow a noun-phrase subject there ("said
    #: the plan was …"); empty where the language needs its complementizer (Dutch "zei hij" is inversion)
    bare_clause_subjects: frozenset[str] = frozenset()
    bare_clause_verbs: frozenset[str] = frozenset()
    #: whether the subject may follow the finite verb before reported speech ("zei Lavrov dat …"); where not
    #: (English), a subject before the cue goes before a phrase after it (the addressee of "told")
    verb_second: bool = True
    #: pronouns that stand only for a person ("he", "she"): resolved to the recent speaker or the person
    #: before, ahead of the actor resolver's antecedent (which may be a place or a body)
    person_pronouns: frozenset[str] = frozenset()
    #: words that stand for the person named last ("die laatste", "the latter"), where no noun follows them
    last_named: tuple[tuple[str, ...], ...] = ()
    #: tokens that mark the possessor before a noun phrase ("the Tribune’s Maria Lopez", "the mayor’s aide"): the
    #: speaker is the phrase after it
    possessive_markers: frozenset[str] = frozenset()
    #: abbreviated titles written with a stop inside a name ("Capt. Carl Dunn", "Lt. Gen. Rosa Vance"): those of
    #: quotes.yaml with the `abbreviations` of sentences.yaml (a stop after one ends no sentence)
    title_abbreviations: frozenset[str] = frozenset()
    #: words that stand before a role noun and are no adjective by their ending ("the top aide", "a deputy
    #: spokesman"): the `premodifiers` of agents.yaml
    role_premodifiers: frozenset[str] = frozenset()
    #: participles of speech verbs after a comma ("…, adding that …", "…, noting …"): their subject is that of
    #: the cue before them
    participles: frozenset[str] = frozenset()
    #: letters after which an apostrophe before a space is a possessive, no closing mark ("the voters’ choice"),
    #: where no single quotation is open in the paragraph
    possessive_endings: frozenset[str] = frozenset()
    #: endings of adverbs that may stand between a subject and its verb ("Holt repeatedly said")
    adverb_endings: tuple[str, ...] = ()
    #: numbers in words and shares of a group ("half", "percent", "most"), and the words that modify them
    #: ("nearly", "about", "in", "out"): a subject of such words is a share of a group ("about 4 in 10 said")
    quantities: frozenset[str] = frozenset()
    quantity_modifiers: frozenset[str] = frozenset()
    #: words that open a reported question right after its cue or the cue's object ("asked whether …", "asked
    #: him if …"); further on they open a clause of their own ("said he would leave if …")
    question_complementizers: frozenset[str] = frozenset()
    #: relative pronouns that open no content clause ("die", "wie"): a quoted phrase after one is said of the
    #: noun before it, so it takes no subject of its sentence as its speaker
    relative_openers: frozenset[str] = frozenset()
    #: words that open an infinitive of purpose ("om … te weerspreken dat"): a cue in one reports nothing said
    purpose_markers: frozenset[str] = frozenset()
    #: pronouns that are a subject or an object alike ("it", "you"): one after a cue opens reported speech only
    #: with a finite verb after it ("said it would", not "said it again")
    object_or_subject: frozenset[str] = frozenset()
    #: endings of past-tense verbs ("detected"): such a word after `object_or_subject` is its verb
    past_endings: tuple[str, ...] = ()
    #: past tenses without such an ending ("made", "took", "shut"): finite verbs as those with one
    irregular_pasts: frozenset[str] = frozenset()
    #: articles: a word right after one is a noun, not a verb of speech ("the state", "a report")
    articles: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, language: str, data: Any) -> QuoteLexicon:
        source = f"dyad/lang/{language}/quotes.yaml"
        if not isinstance(data, Mapping):
            raise ConfigError("expected a mapping at the top level", source=source)
        missing = [k for k in (*_LIST_KEYS, "infinitive_marker", "source_markers") if k not in data]
        if missing:
            raise ConfigError(f"missing keys: {', '.join(missing)}", source=source)
        markers = data["source_markers"]
        if not isinstance(markers, Mapping) or not {"before", "after"} <= set(markers):
            raise ConfigError("'source_markers' needs 'before' and 'after' lists", source=source)
        marker = data["infinitive_marker"]
        if not isinstance(marker, str) or not marker:
            raise ConfigError("'infinitive_marker' must be a word", source=source)
        w = {k: _words(data[k], k, source) for k in _LIST_KEYS if k != "multiword_cues"}
        return cls(
            language=language,
            speech_lemmas=w["speech_verbs"],
            speech_forms=w["forms"],
            multiword_cues=_phrases(data["multiword_cues"], "multiword_cues", source),
            naming_verbs=w["naming_verbs"],
            complementizers=w["complementizers"],
            infinitive_verbs=w["infinitive_verbs"],
            infinitive_marker=marker.lower(),
            markers_before=_phrases(markers["before"], "source_markers.before", source),
            markers_after=_phrases(markers["after"], "source_markers.after", source),
            subject_pronouns=w["subject_pronouns"],
            object_pronouns=w["object_pronouns"],
            determiners=w["determiners"],
            prepositions=w["prepositions"],
            phrase_links=w["phrase_links"],
            clause_boundaries=w["clause_boundaries"],
            clause_openers=w["clause_openers"],
            auxiliaries=w["auxiliaries"],
            person_roles=w["person_roles"],
            speaking_bodies=w["speaking_bodies"],
            not_speakers=w["not_speakers"],
            elisions=w["elisions"],
            relative_pronouns=w["relative_pronouns"],
            time_words=w["time_words"],
            coordinators=_words(data.get("coordinators", []), "coordinators", source),
            noun_links=_words(data.get("noun_links", []), "noun_links", source),
            clause_subjects=_words(data.get("clause_subjects", []), "clause_subjects", source),
            adjective_endings=tuple(sorted(_words(data.get("adjective_endings", []), "adjective_endings", source))),
            agent_endings=tuple(sorted(_words(data.get("agent_endings", []), "agent_endings", source))),
            definite_articles=_words(data.get("definite_articles", []), "definite_articles", source),
            infinitive_endings=tuple(sorted(_words(data.get("infinitive_endings", []), "infinitive_endings",
                                                   source))),
            function_words=_function_words(language),
            plural_noun_endings=tuple(sorted(_words(data.get("plural_noun_endings", []), "plural_noun_endings",
                                                    source))),
            inserted_adverbs=_words(data.get("inserted_adverbs", []), "inserted_adverbs", source),
            inserted_verbs=_words(data.get("inserted_verbs", []), "inserted_verbs", source),
            subordinators=_words(data.get("subordinators", []), "subordinators", source),
            term_markers=_words(data.get("term_markers", []), "term_markers", source),
            conditionals=_words(data.get("conditionals", []), "conditionals", source),
            modals=_words(data.get("modals", []), "modals", source),
            anonymous_sources=_words(data.get("anonymous_sources", []), "anonymous_sources", source),
            anonymous_links=_words(data.get("anonymous_links", []), "anonymous_links", source),
            anonymous_markers=_phrases(data.get("anonymous_markers", []), "anonymous_markers", source),
            speaker_postmodifiers=_phrases(data.get("speaker_postmodifiers", []), "speaker_postmodifiers", source),
            bare_clause_subjects=_words(data.get("bare_clause_subjects", []), "bare_clause_subjects", source),
            bare_clause_verbs=_words(data.get("bare_clause_verbs", []), "bare_clause_verbs", source),
            verb_second=bool(data.get("verb_second", True)),
            person_pronouns=_words(data.get("person_pronouns", []), "person_pronouns", source),
            last_named=_phrases(data.get("last_named", []), "last_named", source),
            possessive_markers=_words(data.get("possessive_markers", []), "possessive_markers", source),
            title_abbreviations=_words(data.get("title_abbreviations", []), "title_abbreviations", source)
            | _other_words(language, "sentences", "abbreviations"),
            role_premodifiers=_other_words(language, "agents", "premodifiers"),
            participles=_words(data.get("participles", []), "participles", source),
            possessive_endings=_words(data.get("possessive_endings", []), "possessive_endings", source),
            object_or_subject=_words(data.get("object_or_subject", []), "object_or_subject", source),
            articles=_words(data.get("articles", []), "articles", source),
            past_endings=tuple(sorted(_words(data.get("past_endings", []), "past_endings", source))),
            irregular_pasts=_words(data.get("irregular_pasts", []), "irregular_pasts", source),
            question_complementizers=_words(data.get("question_complementizers", []), "question_complementizers",
                                            source),
            relative_openers=_words(data.get("relative_openers", []), "relative_openers", source),
            purpose_markers=_words(data.get("purpose_markers", []), "purpose_markers", source),
            quantities=_words(data.get("quantities", []), "quantities", source),
            quantity_modifiers=_words(data.get("quantity_modifiers", []), "quantity_modifiers", source),
            adverb_endings=tuple(sorted(_words(data.get("adverb_endings", []), "adverb_endings", source))),
            name_particles=name_particles(language) if has_language_data(language, "names") else frozenset(),
        )

    def is_speech_verb(self, form: str, lemma: str) -> bool:
        return form in self.speech_forms or lemma in self.speech_lemmas

    @staticmethod
    def _ends_with(word: str, nouns: frozenset[str]) -> bool:
        """A noun from the list, or a compound ending in one ("regeringsfunctionaris", "Turkije-kenner")."""
        if word in nouns:
            return True
        if "-" in word and word.split("-")[0] in nouns:
            return True  # "regering-Trump", "kabinet-Rutte"
        # a noun of four letters or more after at least three: look the word's suffixes up
        return any(word[k:] in nouns for k in range(3, len(word) - 3))

    def is_time_word(self, word: str) -> bool:
        # a time word of six letters or more that the word starts with: look the word's prefixes up
        return word in self.time_words or any(word[:k] in self.time_words for k in range(6, len(word) + 1))

    def is_person_role(self, word: str) -> bool:
        return self._ends_with(word, self.person_roles)

    def is_speaking_body(self, word: str) -> bool:
        return self._ends_with(word, self.speaking_bodies)


@cache
def get_lexicon(language: str) -> QuoteLexicon:
    return QuoteLexicon.from_data(language, load_language_data(language, "quotes"))
