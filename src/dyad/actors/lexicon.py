"""Per-language vocabulary of the actor resolver (`dyad/lang/<lang>/agents.yaml`), checked and compiled once.

Agent nouns map to CAMEO agent codes ("regering" GOV, "leger" MIL); role nouns also name an office
("president" -> head of state) so that "de Russische president" can be resolved to the office-holder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dyad.actors.kb import AGENT_CODES, ROLE_AGENTS, norm, split_units
from dyad.errors import ConfigError
from dyad.lang.data import load_language_data

Key = tuple[str, ...]


@dataclass(frozen=True)
class AgentNoun:
    code: str  # CAMEO agent code
    #: role | body | portfolio_body: a ministry named by its portfolio alone, capitalised ("Defensie")
    kind: str
    role: str | None  # KB role for role nouns
    surface: str


@dataclass(frozen=True)
class Lexicon:
    language: str
    agents: dict[Key, AgentNoun]
    agent_max: int
    portfolios: dict[Key, str]
    portfolio_max: int
    determiners: frozenset[str]
    possessives: dict[str, str | None]
    pronouns: dict[str, str]
    locatives: frozenset[str]
    premodifiers: frozenset[str]
    counterparts: frozenset[str]
    linkers: frozenset[str]
    name_linkers: frozenset[str]
    inflection: tuple[tuple[str, str], ...]
    genitives: tuple[str, ...]
    #: agent nouns that also head compounds ("energieminister", "legerwoordvoerder"): folded form -> noun
    compound_heads: dict[str, AgentNoun] = field(default_factory=dict)
    #: nouns in apposition before a state that name the state itself ("Navo-bondgenoot Turkije")
    appositives: frozenset[str] = frozenset()
    #: definite nouns that refer back to an organisation mentioned before ("het bondgenootschap")
    org_anaphora: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: neuter pronouns that may refer to an organisation or government when the parser says so
    neuter_pronouns: frozenset[str] = frozenset()
    #: words that open a new clause inside a sentence (for the object-pronoun rule without a parser)
    clause_openers: frozenset[str] = frozenset()
    #: definite determiners: "de premier" refers to a known office-holder, "een premier" does not
    definite: frozenset[str] = frozenset()
    #: words that open a sentence capitalised but never start a name ("Alsof Baudet ...", "Zowel de ...")
    sentence_openers: frozenset[str] = frozenset()
    #: prepositions and participles of a place attribute before the noun ("de in Tripoli gevestigde regering")
    placed_prepositions: frozenset[str] = frozenset()
    placed_participles: frozenset[str] = frozenset()
    #: words joining two state adjectives before one agent noun ("Russische en Chinese diplomaten")
    adjective_links: frozenset[str] = frozenset()
    #: [adjective ending, demonym ending]: "Nigerian" -> "Nigerians" for states whose data lists no demonym
    demonym_rules: tuple[tuple[str, str], ...] = ()
    #: the state whose news the language's sources mostly are ("het kabinet", "de rechter" in a Dutch paper
    #: with no other state named): ISO alpha-3, or None
    home_country: str | None = None
    #: premodifiers that put an office in the past ("de voormalige minister"): not the state's agent now
    former: frozenset[str] = frozenset()
    #: pronouns that may refer to a group or an institution named just before ("de bonden ... zij")
    group_pronouns: frozenset[str] = frozenset()
    #: object forms of the personal pronouns ("hem", "hen"): never the subject pronoun of their own clause
    object_pronouns: frozenset[str] = frozenset()
    #: first-person plural possessives: "onze regering" is the home country's
    home_possessives: frozenset[str] = frozenset()
    #: [plural ending, singular ending]: "Nederlanders" -> "Nederlander", "Amerikanen" -> "Amerikaan"
    demonym_singulars: tuple[tuple[str, str], ...] = ()
    #: bodies a state has one of: their plural ("regeringen") names several states' bodies
    one_per_state: frozenset[str] = frozenset()
    #: roles of agents posted abroad and the linkers that name where ("zijn ambassadeur in Caracas"): with a
    #: possessive the agent is its owner's, the state after the linker only where it is posted
    posted_roles: frozenset[str] = frozenset()
    posting_linkers: frozenset[str] = frozenset()
    #: endings of a plural noun: "regeringsleiders" is a plural of the agent noun "regeringsleider"
    plural_endings: frozenset[str] = frozenset()
    #: agent codes whose bodies, named by their noun alone ("de partij", "de fractie"), refer to the nearest
    #: one of that agent named before (a party the text named), not to an agent of the article's state
    antecedent_agents: frozenset[str] = frozenset()

    def demonyms_of(self, adjectives: tuple[str, ...]) -> tuple[str, ...]:
        """Demonyms derived from adjectives by `demonym_rules` (first matching ending wins)."""
        out = []
        for adjective in adjectives:
            for ending, replacement in self.demonym_rules:
                if adjective.endswith(ending):
                    out.append(adjective[: len(adjective) - len(ending)] + replacement)
                    break
        return tuple(out)

    def singular_demonym(self, demonym: str) -> str | None:
        """The singular of a plural demonym by `demonym_singulars` (first matching ending wins); None when
        no ending matches or the demonym is more than one word."""
        if " " in demonym:
            return None
        for ending, replacement in self.demonym_singulars:
            if demonym.endswith(ending) and len(demonym) > len(ending) + 1:
                return demonym[: len(demonym) - len(ending)] + replacement
        return None

    def compound(self, key: str) -> AgentNoun | None:
        """The agent noun heading a compound word ("energieminister" -> minister); None for other words."""
        for head, noun in self.compound_heads.items():
            if key.endswith(head) and len(key) - len(head) >= 3 and key != head:
                return noun
        return None

    def inflect(self, adjective: str) -> list[str]:
        """The base adjective and its inflected form(s) by the language's suffix rules."""
        forms = [adjective]
        for suffix, replacement in self.inflection:
            if adjective.endswith(suffix):
                forms.append(adjective[: len(adjective) - len(suffix)] + replacement)
                break
        return forms


_KEYS = (
    "determiners",
    "possessives",
    "pronouns",
    "locative_prepositions",
    "premodifiers",
    "adjective_inflection",
    "genitive_suffixes",
    "counterparts",
    "linkers",
    "name_linkers",
    "portfolios",
    "agents",
)
#: Keys an agents.yaml may leave out.
_OPTIONAL = ("compound_heads", "appositives", "org_anaphora", "neuter_pronouns",
             "clause_openers", "definite_determiners", "sentence_openers", "placed_prepositions",
             "placed_participles", "demonym_rules", "adjective_links", "home_country",
             "former_premodifiers", "group_pronouns", "object_pronouns", "one_per_state",
             "demonym_singulars", "home_possessives", "plural_endings", "antecedent_agents",
             "posted_roles", "posting_linkers")


def _pairs(value: Any, key: str, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    ):
        raise ConfigError(f"{key} must be a list of [from, to] string pairs", source=where)
    return tuple((a, b) for a, b in value)


def _check_keys(data: Any, where: str) -> None:
    """A mapping with every required key and no key the schema does not know."""
    if not isinstance(data, Mapping):
        raise ConfigError("expected a mapping", source=where)
    missing = [k for k in _KEYS if k not in data]
    if missing:
        raise ConfigError(f"missing {', '.join(missing)}", source=where)
    unknown = set(data) - set(_KEYS) - set(_OPTIONAL)
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(sorted(unknown))}", source=where)


def _words(data: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    """The normalised words of a list of strings (empty when an optional key is left out)."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings", source=where)
    return frozenset(norm(v) for v in value)


def _gendered(data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    """Normalised word -> grammatical gender ("m", "f" or None)."""
    value = data[key]
    if not isinstance(value, Mapping) or not all(v in ("m", "f", None) for v in value.values()):
        raise ConfigError(f"{key} must map words to m, f or null", source=where)
    return {norm(k): v for k, v in value.items()}


def _form_key(form: Any) -> Key:
    return tuple(norm(u) for u in split_units(str(form)))


def _agent_entry(entry: Any, where: str) -> tuple[str, str, str | None, list[Any]]:
    """The code, kind, role and forms of one `agents` entry, checked."""
    if not isinstance(entry, Mapping) or set(entry) - {"code", "kind", "role", "forms"}:
        raise ConfigError("an agent entry has code, kind, role?, forms", source=where)
    code, kind, role = entry.get("code"), entry.get("kind"), entry.get("role")
    if code not in AGENT_CODES:
        raise ConfigError(f"unknown agent code {code!r}", source=where)
    if kind not in ("role", "body", "portfolio_body"):
        raise ConfigError(f"kind must be role, body or portfolio_body, got {kind!r}", source=where)
    if (kind == "role") != (role is not None) or (role is not None and role not in ROLE_AGENTS):
        raise ConfigError(f"role nouns need a known role, bodies none (got {role!r})", source=where)
    forms = entry.get("forms")
    if not isinstance(forms, list) or not forms:
        raise ConfigError("forms must be a non-empty list", source=where)
    return code, kind, role, forms


def _agent_nouns(entries: Any, where: str) -> dict[Key, AgentNoun]:
    """Every form of every agent entry -> its noun; a form may repeat only under the same code."""
    agents: dict[Key, AgentNoun] = {}
    for n, entry in enumerate(entries):
        w = f"{where}: agents[{n}]"
        code, kind, role, forms = _agent_entry(entry, w)
        for form in forms:
            key = _form_key(form)
            if key in agents and agents[key].code != code:
                raise ConfigError(f"form {form!r} listed under two codes", source=w)
            agents[key] = AgentNoun(code, kind, role, str(form))
    return agents


def _portfolios(entries: Any, where: str) -> dict[Key, str]:
    """Every form of a portfolio ("Buitenlandse Zaken") -> the KB role of its minister."""
    portfolios: dict[Key, str] = {}
    for n, entry in enumerate(entries):
        if not isinstance(entry, Mapping) or entry.get("role") not in ROLE_AGENTS or not entry.get("forms"):
            raise ConfigError("a portfolio has a known role and forms", source=f"{where}: portfolios[{n}]")
        for form in entry["forms"]:
            portfolios[_form_key(form)] = entry["role"]
    return portfolios


def _adjective_inflection(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    # its own check, not `_pairs`: the message names the pairs as suffix and replacement
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    ):
        raise ConfigError("adjective_inflection must be a list of [suffix, replacement]", source=where)
    return tuple((a, b) for a, b in value)


def _compound_heads(forms: Any, agents: dict[Key, AgentNoun], where: str) -> dict[str, AgentNoun]:
    """Folded one-word agent form -> its noun, longest first: `Lexicon.compound` takes the first head a word
    ends with, and the longer head is the more specific one."""
    heads: dict[str, AgentNoun] = {}
    for form in forms:
        noun = agents.get((norm(str(form)),))
        if noun is None:
            raise ConfigError(f"compound head {form!r} is not a one-word agent form", source=where)
        heads[norm(str(form))] = noun
    return dict(sorted(heads.items(), key=lambda kv: -len(kv[0])))


def _org_anaphora(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, Mapping) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in raw.values()
    ):
        raise ConfigError("org_anaphora must map nouns to lists of organisation codes", source=where)
    return {norm(str(noun_form)): tuple(codes) for noun_form, codes in raw.items()}


def _genitives(value: Any, where: str) -> tuple[str, ...]:
    """Normalised genitive suffixes, longest first (the first that matches is the one cut off)."""
    if not isinstance(value, list) or not all(isinstance(g, str) and g for g in value):
        raise ConfigError("genitive_suffixes must be a list of strings", source=where)
    return tuple(sorted((norm(g) for g in value), key=len, reverse=True))


def parse_lexicon(language: str, data: Any) -> Lexicon:
    """Check and compile an agents.yaml; `ConfigError` names the file and the entry that is wrong."""
    where = f"dyad/lang/{language}/agents.yaml"
    _check_keys(data, where)
    # the parts are checked in this order, so a file with several faults reports the first of them
    agents = _agent_nouns(data["agents"], where)
    portfolios = _portfolios(data["portfolios"], where)
    inflection = _adjective_inflection(data["adjective_inflection"], where)
    compound_heads = _compound_heads(data.get("compound_heads", []), agents, where)
    org_anaphora = _org_anaphora(data.get("org_anaphora", {}), where)
    genitives = _genitives(data["genitive_suffixes"], where)

    def words(key: str) -> frozenset[str]:
        return _words(data, key, where)

    return Lexicon(
        language=language,
        agents=agents,
        agent_max=max((len(k) for k in agents), default=1),
        portfolios=portfolios,
        portfolio_max=max((len(k) for k in portfolios), default=1),
        determiners=words("determiners"),
        possessives=_gendered(data, "possessives", where),
        pronouns={k: v for k, v in _gendered(data, "pronouns", where).items() if v is not None},
        locatives=words("locative_prepositions"),
        premodifiers=words("premodifiers"),
        counterparts=words("counterparts"),
        linkers=words("linkers"),
        name_linkers=words("name_linkers"),
        inflection=inflection,
        genitives=genitives,
        compound_heads=compound_heads,
        appositives=words("appositives"),
        org_anaphora=org_anaphora,
        neuter_pronouns=words("neuter_pronouns"),
        object_pronouns=words("object_pronouns"),
        clause_openers=words("clause_openers"),
        definite=words("definite_determiners"),
        sentence_openers=words("sentence_openers"),
        placed_prepositions=words("placed_prepositions"),
        placed_participles=words("placed_participles"),
        demonym_rules=_pairs(data.get("demonym_rules", []), "demonym_rules", where),
        adjective_links=words("adjective_links"),
        home_country=_home_country(data.get("home_country"), where),
        former=words("former_premodifiers"),
        group_pronouns=words("group_pronouns"),
        one_per_state=words("one_per_state"),
        home_possessives=words("home_possessives"),
        demonym_singulars=_pairs(data.get("demonym_singulars", []), "demonym_singulars", where),
        plural_endings=words("plural_endings"),
        antecedent_agents=_agent_codes(data.get("antecedent_agents", []), where),
        posted_roles=words("posted_roles"),
        posting_linkers=words("posting_linkers"),
    )


def _agent_codes(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(v in AGENT_CODES for v in value):
        raise ConfigError("antecedent_agents must be a list of agent codes", source=where)
    return frozenset(value)


def _home_country(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 3 or not value.isupper():
        raise ConfigError("home_country must be an ISO alpha-3 code", source=where)
    return value


@cache
def load_lexicon(language: str) -> Lexicon:
    return parse_lexicon(language, load_language_data(language, "agents"))
