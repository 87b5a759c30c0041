"""The event lexicon of a language (`dyad/lang/<lang>/events.yaml`), validated and compiled for matching.

The schema is documented at the top of the Dutch file. Validation raises `ConfigError` naming the file and
the entry, so a malformed lexicon fails at start-up rather than coding silently wrong events.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from dyad.errors import ConfigError
from dyad.events import codes
from dyad.lang.data import load_language_data

ROLES = ("normal", "subject_is_target", "speaker_is_source")
FACTUALITIES = ("actual", "possible", "negated")
_ENTRY_KEYS = {
    "id",
    "cameo",
    "verbs",
    "nouns",
    "phrases",
    "with",
    "with_also",
    "without",
    "not_before",
    "before",
    "target_preps",
    "role",
    "factuality",
    "absorb",
    "priority",
    "confidence",
    "strict",
    "reciprocal",
    "source_kinds",
    "deed_object",
    "implicit_agent",
    "agent_abroad",
    "domestic",
}
#: Kinds of resolved actors (`dyad.document.Actor.kind`) a trigger may restrict its source to.
ACTOR_KINDS = ("state", "government", "organisation", "person", "group")
_WORD_LISTS = (
    "negation",
    "negation_without",
    "refusal_lemmas",
    "possibility_words",
    "opposed_prepositions",
    "between_prepositions",
    "modals",
    "modal_lemmas",
    "volition_words",
    "irrealis_lemmas",
    "irrealis_phrases",
    "speech_lemmas",
    "showing_lemmas",
    "clause_breaks",
    "subordinators",
    "relative_pronouns",
    "parenthetical_relatives",
    "correlative_conjunctions",
    "comitative_phrases",
    "adverbial_subordinators",
    "coordinators",
    "prepositions",
    "locative_prepositions",
    "comparison_words",
    "background_prepositions",
    "conditional_markers",
    "hypothetical_openers",
    "speculation_frames",
    "consequent_markers",
    "existential_verbs",
    "existential_subjects",
    "permission_modals",
    "question_marks",
    "participle_endings",
    "preposition_articles",
    "irregular_participles",
    "passive_auxiliaries",
    "perfect_passive_auxiliaries",
    "agent_prepositions",
    "possessive_prepositions",
    "default_target_preps",
    "particles",
    "determiners",
    "object_determiners",
    "possessive_determiners",
    "object_pronouns",
    "purpose_openers",
    "purpose_heads",
    "infinitive_markers",
    "list_conjunctions",
    "list_fillers",
    "finite_auxiliaries",
    "time_nouns",
    "quantifier_subjects",
    "inverted_subject_pronouns",
    "reciprocals",
    "quote_marks",
    "nouns_not_verbs",
    "informant_prepositions",
    "negation_exceptions",
    "attributive_endings",
    "adjunct_nouns",
    "preference_words",
    "copula_infinitives",
    "attributive_articles",
    "genitive_endings",
    "name_genitive_endings",
    "noun_endings",
    "compound_endings",
    "reaction_roots",
    "reply_roots",
    "own_sentence_roots",
    "request_roots",
    "negated_fixed_roots",
    "conditional_target_roots",
    "conditional_openers",
    "obligation_modals",
    "person_nouns",
    "participle_prefixes",
    "infinitive_articles",
    "infinitive_endings",
)

GAP = "..."


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry."""

    id: str
    cameo: str
    verbs: tuple[str, ...] = ()  # lemmas; separable verbs as "particle|verb"
    nouns: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()  # word sequences, GAP for a gap inside the clause
    with_: frozenset[str] = frozenset()
    # a second licence, checked like `with`: one of these words too ("belooft de sancties op te heffen" needs the
    # thing eased, `with`, and the easing, `with_also`: "kondigt sancties aan" is no intent to ease them)
    with_also: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    # words that, opening the clause right after the trigger, give it another sense ("gaf toe dat": admitted)
    not_before: frozenset[str] = frozenset()
    # words one of which must open the clause right after the trigger's clause ("wil | dat ...": a demand)
    before: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    role: str = "normal"
    factuality: str | None = None
    absorb: bool = False
    priority: int = 0
    confidence: float = 0.8
    strict: bool = False  # the target must be in the trigger's clause (no fallback to other clauses)
    reciprocal: bool = False  # with no target, coordinated subjects act on each other ("X en Y overlegden")
    # the source must be an actor of one of these kinds ("gaat naar Parijs" is a visit when a person goes)
    source_kinds: frozenset[str] = frozenset()
    # the object is someone's deed or words ("noemde de uitspraken onzorgvuldig"): a thing as object does not
    # stop the target from being borrowed, as it does for other entries
    deed_object: bool = False
    # the CAMEO sector code of the state organ that does the deed when the text names no doer ("COP": "22 leden
    # zijn in Rusland opgepakt" is an arrest by the Russian police); see `dyad.events.roles`
    implicit_agent: str = ""
    # the implicit organ is of another state than the one it acts on: an envoy is summoned or expelled by the
    # state it is posted in, never by its own ("De Russische ambassadeur is ontboden" in Dutch news: by the Dutch
    # government)
    agent_abroad: bool = False
    # with no target anywhere, a domestic source's statement is about its own state's politics: the target is
    # its government (`dyad.events.roles`, step 8), whether or not the coder's `domestic_targets` is on
    domestic: bool = False


@dataclass(frozen=True)
class Inflection:
    """The regular verb inflection the coder undoes to find the lemmas a word form may have (`inflection:` in
    events.yaml); with no `suffixes` a word is only its own form and its lookup lemma."""

    min_word: int = 0  # the shortest word analysed (letters only)
    min_stem: int = 3  # the shortest stem a suffix or a prefix may leave
    suffixes: tuple[str, ...] = ()  # endings cut off a form to give a stem ("ten", "ed")
    bare_stem_endings: frozenset[str] = frozenset()  # a word ending in one is its own stem ("zet ... uit")
    prefixes: tuple[str, ...] = ()  # participle prefixes cut off a stem ("gesteund" -> "steun")
    stem_infinitives: bool = False  # a stem stands for the infinitives it may belong to ("zet" -> "zetten")
    stems_are_lemmas: bool = False  # a stem is itself a lemma candidate ("attacked" -> "attack")
    restored_endings: tuple[str, ...] = ()  # endings a stem may have lost ("agreed" -> "agree")
    doubled_consonant: bool = False  # a stem's doubled last letter may be single in the lemma ("stopped")
    replacements: tuple[tuple[str, str], ...] = ()  # (ending, lemma ending): "denied" -> "deny"
    #: endings of a lookup lemma that, starting with one of the `prefixes`, is a verb of its own whose first
    #: letters only look like the participle prefix ("gelooft" of geloven is no participle of loven): a form with
    #: such a lemma keeps its prefix
    prefixed_lemma_endings: tuple[str, ...] = ()


_INFLECTION_KEYS = {
    "min_word", "min_stem", "suffixes", "bare_stem_endings", "prefixes", "stem_infinitives", "stems_are_lemmas",
    "restored_endings", "doubled_consonant", "replacements", "prefixed_lemma_endings",
}


def _inflection(value: Any, where: str) -> Inflection:
    if value is None:
        return Inflection()
    if not isinstance(value, dict) or set(value) - _INFLECTION_KEYS:
        raise ConfigError(f"'inflection' must be a mapping with keys among {sorted(_INFLECTION_KEYS)}", source=where)
    numbers = {k: value.get(k, default) for k, default in (("min_word", 0), ("min_stem", 3))}
    flags = {k: value.get(k, False) for k in ("stem_infinitives", "stems_are_lemmas", "doubled_consonant")}
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in numbers.values()):
        raise ConfigError("'inflection' min_word and min_stem must be whole numbers", source=where)
    if not all(isinstance(v, bool) for v in flags.values()):
        raise ConfigError("'inflection' flags must be true or false", source=where)
    replacements = value.get("replacements") or {}
    if not isinstance(replacements, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in replacements.items()
    ):
        raise ConfigError("'inflection' replacements must map endings to endings", source=where)
    return Inflection(
        min_word=numbers["min_word"],
        min_stem=numbers["min_stem"],
        suffixes=tuple(_strings(value.get("suffixes"), where, "inflection.suffixes")),
        bare_stem_endings=frozenset(_strings(value.get("bare_stem_endings"), where, "inflection.bare_stem_endings")),
        prefixes=tuple(_strings(value.get("prefixes"), where, "inflection.prefixes")),
        restored_endings=tuple(_strings(value.get("restored_endings"), where, "inflection.restored_endings")),
        replacements=tuple((k.lower(), v.lower()) for k, v in replacements.items()),
        prefixed_lemma_endings=tuple(
            _strings(value.get("prefixed_lemma_endings"), where, "inflection.prefixed_lemma_endings")
        ),
        **flags,
    )


@dataclass(frozen=True)
class Lexicon:
    language: str
    triggers: tuple[Trigger, ...]
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    irrealis_phrases: tuple[tuple[str, ...], ...] = ()
    # participles and infinitives end their clause, after the object (Dutch: "heeft de tanker in beslag genomen")
    verb_final: bool = False
    inflection: Inflection = Inflection()

    def has(self, name: str, word: str) -> bool:
        return word in self.words.get(name, frozenset())


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{key!r} must be a list of non-empty strings", source=where)
    # once each, in first-seen order: a wording listed twice (case or spacing aside) would be matched twice in
    # every sentence and counted twice in the coverage table
    return list(dict.fromkeys(" ".join(v.split()).lower() for v in value))


def compile_lexicon(language: str, data: Any) -> Lexicon:
    """Validate parsed YAML and build the lexicon; `ConfigError` on any schema violation."""
    where = f"dyad/lang/{language}/events.yaml"
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise ConfigError("expected a mapping with a 'triggers' list", source=where)
    words = _word_lists(data, where)
    irrealis = tuple(
        tuple(p.split()) for p in _strings(data.get("irrealis_phrases"), where, "irrealis_phrases")
    )
    inflection = _inflection(data.get("inflection"), where)
    verb_final = data.get("verb_final", False)
    if not isinstance(verb_final, bool):
        raise ConfigError("'verb_final' must be true or false", source=where)
    return Lexicon(language, _triggers(data["triggers"], where), words, irrealis, verb_final, inflection)


#: word lists whose entries are CAMEO roots, not words
_ROOT_LISTS = ("reaction_roots", "reply_roots", "request_roots", "negated_fixed_roots", "conditional_target_roots")


def _word_lists(data: dict[str, Any], where: str) -> dict[str, frozenset[str]]:
    """Every list of `_WORD_LISTS`, empty when the file leaves it out."""
    words = {name: frozenset(_strings(data.get(name), where, name)) for name in _WORD_LISTS}
    for name in _ROOT_LISTS:
        if not all(len(r) == 2 and codes.is_code(r) for r in words[name]):
            raise ConfigError(f"'{name}' must be two-digit CAMEO roots (quote them: \"11\")", source=where)
    return words


def _triggers(entries: list[Any], where: str) -> tuple[Trigger, ...]:
    seen: set[tuple[str, str]] = set()
    return tuple(_trigger(raw, n, where, seen) for n, raw in enumerate(entries))


def _trigger(raw: Any, n: int, where: str, seen: set[tuple[str, str]]) -> Trigger:
    """The `n`th entry of `triggers`, checked; `seen` holds the (id, code) of the entries before it and gets
    this one's (an id may repeat under another code, not under the same one)."""
    tid, cameo, at = _trigger_identity(raw, n, where)
    verbs, nouns, phrases = _trigger_wordings(raw, at)
    role = raw.get("role", "normal")
    if role not in ROLES:
        raise ConfigError(f"'role' must be one of {ROLES}", source=at)
    fact = raw.get("factuality")
    if fact is not None and fact not in FACTUALITIES:
        raise ConfigError(f"'factuality' must be one of {FACTUALITIES}", source=at)
    priority, confidence = _priority_and_confidence(raw, at)
    source_kinds = frozenset(_strings(raw.get("source_kinds"), at, "source_kinds"))
    if source_kinds - set(ACTOR_KINDS):
        raise ConfigError(f"'source_kinds' must be among {ACTOR_KINDS}", source=at)
    implicit_agent = _implicit_agent(raw, at)
    if raw.get("agent_abroad") and not implicit_agent:
        raise ConfigError("'agent_abroad' says where the implicit agent acts: it needs 'implicit_agent'", source=at)
    if raw.get("with_also") and not raw.get("with"):
        raise ConfigError("'with_also' is a second licence: it needs 'with'", source=at)
    # checked before the lists below are read: a duplicate entry with a bad list reports the duplicate
    key = (tid, cameo)
    if key in seen:
        raise ConfigError("duplicate trigger id", source=at)
    seen.add(key)
    return Trigger(
        id=tid,
        cameo=cameo,
        verbs=tuple(verbs),
        nouns=tuple(nouns),
        phrases=tuple(tuple(p.split()) for p in phrases),
        with_=frozenset(_strings(raw.get("with"), at, "with")),
        with_also=frozenset(_strings(raw.get("with_also"), at, "with_also")),
        without=frozenset(_strings(raw.get("without"), at, "without")),
        not_before=frozenset(_strings(raw.get("not_before"), at, "not_before")),
        before=frozenset(_strings(raw.get("before"), at, "before")),
        target_preps=tuple(_strings(raw.get("target_preps"), at, "target_preps")),
        role=role,
        factuality=fact,
        absorb=bool(raw.get("absorb", False)),
        priority=priority,
        confidence=float(confidence),
        strict=bool(raw.get("strict", False)),
        reciprocal=bool(raw.get("reciprocal", False)),
        source_kinds=source_kinds,
        deed_object=bool(raw.get("deed_object", False)),
        implicit_agent=implicit_agent,
        agent_abroad=bool(raw.get("agent_abroad", False)),
        domestic=bool(raw.get("domestic", False)),
    )


def _trigger_identity(raw: Any, n: int, where: str) -> tuple[str, str, str]:
    """The id and CAMEO code of a trigger mapping with known keys, and where its later faults are reported:
    by its id once it has one, by its position before."""
    at = f"{where} (trigger {n})"
    if not isinstance(raw, dict):
        raise ConfigError("a trigger must be a mapping", source=at)
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ConfigError(f"unknown keys {sorted(unknown)}", source=at)
    tid = raw.get("id")
    cameo = raw.get("cameo")
    if not isinstance(tid, str) or not tid:
        raise ConfigError("missing 'id'", source=at)
    at = f"{where} ({tid})"
    if not isinstance(cameo, str) or not codes.is_code(cameo):
        raise ConfigError(f"'cameo' {cameo!r} is not a CAMEO code (quote it: \"042\")", source=at)
    return tid, cameo, at


def _trigger_wordings(raw: dict[str, Any], at: str) -> tuple[list[str], list[str], list[str]]:
    """The one-word verbs, one-word nouns and phrases of a trigger; at least one of them."""
    verbs = _strings(raw.get("verbs"), at, "verbs")
    nouns = _strings(raw.get("nouns"), at, "nouns")
    phrases = _strings(raw.get("phrases"), at, "phrases")
    # Multi-word verbs and nouns are phrases.
    phrases += [w for w in verbs + nouns if " " in w]
    verbs = [w for w in verbs if " " not in w]
    nouns = [w for w in nouns if " " not in w]
    if not (verbs or nouns or phrases):
        raise ConfigError("a trigger needs verbs, nouns or phrases", source=at)
    for v in verbs:
        if v.count("|") > 1 or v.startswith("|") or v.endswith("|"):
            raise ConfigError(f"bad separable verb {v!r} (use 'particle|verb')", source=at)
    return verbs, nouns, phrases


def _priority_and_confidence(raw: dict[str, Any], at: str) -> tuple[int, int | float]:
    priority = raw.get("priority", 0)
    confidence = raw.get("confidence", 0.8)
    if (
        not isinstance(priority, int)
        or not isinstance(confidence, int | float)
        or not 0 < confidence <= 1
    ):
        raise ConfigError("'priority' must be an integer and 'confidence' in (0, 1]", source=at)
    return priority, confidence


def _implicit_agent(raw: dict[str, Any], at: str) -> str:
    """The CAMEO sector code of the organ doing a deed with no named doer, or ""."""
    implicit_agent = raw.get("implicit_agent", "")
    if not isinstance(implicit_agent, str) or not (implicit_agent == "" or (
        len(implicit_agent) == 3 and implicit_agent.isalpha() and implicit_agent.isupper()
    )):
        raise ConfigError("'implicit_agent' must be a CAMEO sector code of three capitals (COP, JUD)", source=at)
    return implicit_agent


def codebook_files(language: str) -> list[str]:
    """Names (without `.yaml`) of the per-root lexicon files under `dyad/lang/<lang>/events/`, sorted."""
    folder = resources.files("dyad.lang").joinpath(language, "events")
    if not folder.is_dir():
        return []
    return sorted(f"events/{item.name[:-5]}" for item in folder.iterdir() if item.name.endswith(".yaml"))


#: the keys of a trigger whose lists may name a word list of their file (`"@name"`)
_LIST_KEYS = ("verbs", "nouns", "phrases", "with", "with_also", "without")


def expand_word_lists(triggers: list[Any], lists: Any, where: str) -> list[Any]:
    """The triggers of a per-root file with each `"@name"` in their word lists replaced by the words of the
    file's `lists` entry of that name (a class of words several entries share: the evaluative words a naming
    verb takes and a quotation carries)."""
    if lists is None:
        return triggers
    if not isinstance(lists, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v) for k, v in lists.items()
    ):
        raise ConfigError("'lists' must map names to lists of words", source=where)
    out = []
    for raw in triggers:
        if not isinstance(raw, dict):
            out.append(raw)
            continue
        entry = dict(raw)
        for key in _LIST_KEYS:
            words = entry.get(key)
            if not isinstance(words, list):
                continue
            expanded: list[Any] = []
            for w in words:
                if isinstance(w, str) and w.startswith("@"):
                    if w[1:] not in lists:
                        raise ConfigError(f"no word list {w[1:]!r} in 'lists'", source=f"{where} ({raw.get('id')})")
                    expanded += lists[w[1:]]
                else:
                    expanded.append(w)
            entry[key] = expanded
        out.append(entry)
    return out


@cache
def load_lexicon(language: str) -> Lexicon:
    """`events.yaml` (clause vocabulary and core triggers) plus the triggers of every per-root file in
    `events/` (the codebook-wide wordings: one file per CAMEO root, `triggers` and the named word `lists`
    its triggers share)."""
    data = load_language_data(language, "events")
    if isinstance(data, dict) and isinstance(data.get("triggers"), list):
        data = dict(data, triggers=list(data["triggers"]))
        for name in codebook_files(language):
            extra = load_language_data(language, name)
            where = f"dyad/lang/{language}/{name}.yaml"
            if (not isinstance(extra, dict) or "triggers" not in extra or set(extra) - {"triggers", "lists"}
                    or not isinstance(extra["triggers"], list)):
                raise ConfigError("expected a mapping with a 'triggers' list and, optionally, 'lists'", source=where)
            data["triggers"].extend(expand_word_lists(extra["triggers"], extra.get("lists"), where))
    return compile_lexicon(language, data)
