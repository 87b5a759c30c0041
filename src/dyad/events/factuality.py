"""Factuality of a matched trigger: whether the clause reports the deed as done (actual), as possible, or
as not done (negated).

Read from the trigger's clause (and, for an infinitive clause, the clause it depends on), in this order:

1. a fixed factuality of the lexicon entry (threats and refusals are actual; `undone`: a negation in the scope
   of one of the `negated_fixed_roots` means none was made, and the coder drops it);
2. a deed named with its doer ("een voorstel van Poetin", "de Russische inval") happened, unless its own
   phrase hedges it ("een mogelijke aanval");
3. negated: a refusal governing an infinitive ("weigert wapens te leveren"), a negation word (not one of its
   `negation_exceptions`, "niet alleen"), or a "zonder ... te" construction;
4. an expression of intent (CAMEO 03) is itself the event: actual, unless a condition follows it;
5. possible: a modal, a word of possibility before the trigger, a verb or phrase of planning (irrealis);
6. otherwise actual.

`intent_code` reads the same scope for a word of volition before a cooperative trigger ("wil samenwerken",
"zal noodhulp sturen"): the coder then codes the statement of will, an expression of intent (CAMEO 03).

Every word comes from the lexicon's word lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dyad.document import Factuality
from dyad.events import codes
from dyad.events.candidates import Clause, Match, Tok
from dyad.events.lexicon import Lexicon

#: CAMEO root of an expression of intent (a statement of what one will do: itself the event)
_INTENT_ROOT = "03"


def factuality(
    lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok], *, owned: bool = False
) -> Factuality:
    """The factuality of a match; `owned`: a nominal trigger whose own phrase names its doer."""
    trig = match.trigger
    if trig.factuality:
        return Factuality(trig.factuality)
    if owned:
        # a deed named with its doer happened, whatever the clause says of it ("Biden was niet ingegaan op een
        # voorstel van Poetin"), unless its own phrase hedges it ("een mogelijke aanval van de VS")
        before = (toks[i].lower for i in range(match.anchor - 2, match.anchor) if i in toks)
        possibility = _words(lexicon, "possibility_words")
        return Factuality.POSSIBLE if any(w in possibility for w in before) else Factuality.ACTUAL
    tokens = _scope(lexicon, match, clauses, toks)
    if _negated(lexicon, match, tokens):
        return Factuality.NEGATED
    if trig.cameo.startswith(_INTENT_ROOT):
        # an expression of intent is itself the event, as a threat is: said, so actual ("zei met Corbyn om de
        # tafel te willen", "zullen Guaidó blijven steunen"), unless it hangs on a condition ("wil alleen om de
        # tafel als ...")
        nxt = clauses[match.clause + 1].idx if match.clause + 1 < len(clauses) else []
        if nxt and toks[nxt[0]].lower in _words(lexicon, "conditional_markers"):
            return Factuality.POSSIBLE
        return Factuality.ACTUAL
    return Factuality.POSSIBLE if _possible(lexicon, match, tokens) else Factuality.ACTUAL


def undone(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether an entry of fixed factuality of one of the `negated_fixed_roots` (threats) is negated in its scope
    ("wilde hem niet bedreigen", "dreigt niet met sancties"): no such deed is reported."""
    trig = match.trigger
    return bool(trig.factuality) and trig.cameo[:2] in _words(lexicon, "negated_fixed_roots") and _negated(
        lexicon, match, _scope(lexicon, match, clauses, toks)
    )


def intent_code(
    lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok], fact: Factuality
) -> str | None:
    """The CAMEO 03 code of a cooperative deed the clause only wills ("wil met X samenwerken", "is bereid met X
    te praten"): a word of volition (`volition_words`) before the trigger in its scope makes the statement of
    will the event, an expression of intent (`codes.intent_of`); None for any other match. A negated deed
    ("wil niet samenwerken") or an entry of fixed factuality keeps its code."""
    if fact is Factuality.NEGATED or match.trigger.factuality:
        return None
    volition = _words(lexicon, "volition_words")
    first = min(match.tokens)
    if not any(t.lower in volition and t.i < first for t in _scope(lexicon, match, clauses, toks)):
        return None
    return codes.intent_of(match.trigger.cameo)


def _words(lexicon: Lexicon, name: str) -> frozenset[str]:
    return lexicon.words.get(name, frozenset())


def _scope(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> list[Tok]:
    """The tokens that qualify the trigger: its clause without the trigger's own words, and before it the
    matrix clause of an infinitive clause ("te", "to" before the trigger), whose modality it inherits."""
    scope = [clauses[match.clause]]
    words = [toks[i] for i in clauses[match.clause].idx]
    infinitive = _words(lexicon, "infinitive_markers")
    if match.clause > 0 and any(t.lower in infinitive and t.i < match.anchor for t in words):
        scope.insert(0, clauses[match.clause - 1])
    in_trigger = set(match.tokens)
    return [toks[i] for c in scope for i in c.idx if i not in in_trigger]


def _negated(lexicon: Lexicon, match: Match, tokens: Sequence[Tok]) -> bool:
    """A refusal governing an infinitive before the trigger ("weigert wapens te leveren": what it refuses did
    not happen), a negation word not followed by one of its exceptions, or "zonder ... te"."""
    infinitive = _words(lexicon, "infinitive_markers")
    last = max(match.tokens)
    for t in tokens:
        if t.i < last and (t.keys | t.compound) & _words(lexicon, "refusal_lemmas") and any(
            u.lower in infinitive and t.i < u.i < last for u in tokens
        ):
            return True
    lowers = [t.lower for t in tokens]
    negation = _words(lexicon, "negation")
    exceptions = _words(lexicon, "negation_exceptions")
    for k, w in enumerate(lowers):
        if w in negation and not (k + 1 < len(lowers) and lowers[k + 1] in exceptions):
            return True
    return any(w in _words(lexicon, "negation_without") for w in lowers) and bool(infinitive & set(lowers))


def _possible(lexicon: Lexicon, match: Match, tokens: Sequence[Tok]) -> bool:
    """A modal (word or lemma), a word of possibility before the trigger's last word, an irrealis verb
    (planning, announcing; its separable particle may follow it) or an irrealis phrase in the scope."""
    lowers = [t.lower for t in tokens]
    if any(w in _words(lexicon, "modals") for w in lowers) or any(
        t.keys & _words(lexicon, "modal_lemmas") for t in tokens
    ):
        return True
    last = max(match.tokens)
    if any(t.lower in _words(lexicon, "possibility_words") and t.i < last for t in tokens):
        return True
    irrealis = _words(lexicon, "irrealis_lemmas")
    if any((t.keys | t.compound) & irrealis and not _noun_use(lexicon, tokens, k) for k, t in enumerate(tokens)):
        return True
    if _split_irrealis(tokens, irrealis):
        return True
    text = " ".join(lowers)
    return any(
        re.search(r"(?:^| )" + re.escape(" ".join(phrase)) + r"(?: |$)", text) for phrase in lexicon.irrealis_phrases
    )


def _noun_use(lexicon: Lexicon, tokens: Sequence[Tok], k: int) -> bool:
    """Whether token k stands after a determiner, directly or after an inflected attributive word: a noun
    ("de Britse plannen", "de eisen van Kiev"), not the verb of planning or demanding it may also be."""
    determiners = _words(lexicon, "determiners")
    endings = tuple(_words(lexicon, "attributive_endings"))
    if k >= 1 and tokens[k - 1].lower in determiners:
        return True
    return bool(
        k >= 2 and endings and tokens[k - 1].lower.endswith(endings) and tokens[k - 2].lower in determiners
    )


def _split_irrealis(tokens: Sequence[Tok], irrealis: frozenset[str]) -> bool:
    """A separable irrealis verb with its particle after it in the clause ("kondigde hogere heffingen aan" of
    aankondigen)."""
    for entry in irrealis:
        particle, sep, verb = entry.partition("|")
        if not sep:
            continue
        for k, t in enumerate(tokens):
            if verb in t.keys and any(u.lower == particle for u in tokens[k + 1 :]):
                return True
    return False


def unreported(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether the match stands where no deed is reported: in a clause that only supposes it (opened by a
    `hypothetical_openers` word or pair of words, after a coordinator if one leads: "als er een handelsoorlog
    komt", "Maar mocht de opkomst hoger zijn"), or in a sentence that asks (its last word, before closing
    quotation marks, one of the `question_marks`), in the consequent of a supposition or a condition that a
    consequent follows (`_consequent`: "Mocht X ..., dan ..."), in a clause a first-person guess foresees
    (`_speculated`), in a clause of need or design (`_purpose`: "heeft een mandaat nodig om met X te praten"), in a
    clause that only prefers it (a `preference_words` word there: "De kiezers zien het land
    liever handel drijven met X", "Polen praat liever met Duitsland"), as a modal whose clause ends in a copula
    (`_modal_copula`), or as an event noun whose existence the clause denies (`_denied_existence`)."""
    if _supposes(lexicon, clauses, match.clause, toks):
        return True
    if any(toks[i].lower in _words(lexicon, "preference_words") for i in clauses[match.clause].idx):
        return True
    if _modal_copula(lexicon, match, clauses, toks):
        return True
    if _consequent(lexicon, clauses, match.clause, toks):
        return True
    if _speculated(lexicon, match, clauses, toks) or _denied_existence(lexicon, match, clauses, toks):
        return True
    if _purpose(lexicon, match, clauses, toks):
        return True
    words = [toks[i].lower for c in clauses for i in c.idx]
    quotes = _words(lexicon, "quote_marks")
    last = next((w for w in reversed(words) if w not in quotes), None)
    return last in _words(lexicon, "question_marks")


def _purpose(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether the match is the infinitive of a clause of need or design: a `purpose_openers` word ("om ... te")
    right after one of the `purpose_heads` ("heeft eerst een mandaat nodig om met de bonden te praten", "een fonds,
    bedoeld om de buurlanden te steunen"). What is needed or meant is not done. An infinitive marker stands among
    the trigger's words or up to two words before it, and the opener before it in the sentence with no
    subordinator, relative pronoun or other infinitive marker between. After a verb of motion or a deed the
    purpose may be reported as done ("reisde af om met X te praten"): no head of need, no rule."""
    openers = _words(lexicon, "purpose_openers")
    if not openers:
        return False
    order = [i for c in clauses for i in c.idx]
    infinitive = _words(lexicon, "infinitive_markers")
    first, last = min(match.tokens), max(match.tokens)
    marks = [i for i in order if first - 2 <= i <= last and toks[i].lower in infinitive and i not in match.tokens]
    if not marks:
        return False
    stops = _words(lexicon, "subordinators") | _words(lexicon, "relative_pronouns")
    before = [i for i in order if i < marks[0]]
    opener = None
    for i in reversed(before[-12:]):
        word = toks[i].lower
        if word in openers:
            opener = i
            break
        if word in stops or word in infinitive:
            return False
    if opener is None:
        return False
    head = [toks[i].lower for i in order if i < opener and toks[i].lower.isalpha()][-1:]
    return bool(head) and head[0] in _words(lexicon, "purpose_heads")


def _modal_copula(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether a modal trigger (a `modal_lemmas` verb: "moeten" read as an appeal) has a copula infinitive
    (`copula_infinitives`) as the last word of its clause ("de beste kandidaat zou zij moeten zijn", "het moet
    duidelijk zijn"): the clause says what someone or something should be, no deed asked of an actor. A possessive
    "zijn" stands before its noun, not at the clause's end ("moet zijn excuses aanbieden")."""
    copulas = _words(lexicon, "copula_infinitives")
    if not copulas or not any(toks[i].keys & _words(lexicon, "modal_lemmas") for i in match.tokens):
        return False
    words = [toks[i].lower for i in clauses[match.clause].idx if toks[i].lower.isalpha()]
    return bool(words) and words[-1] in copulas and words[-1] not in {toks[i].lower for i in match.tokens}


def _opening(lexicon: Lexicon, clause: Clause, toks: Mapping[int, Tok]) -> list[str]:
    """The words of a clause, after a coordinator if one leads ("Maar als er ...", "En mocht ...")."""
    words = [toks[i].lower for i in clause.idx if toks[i].lower.isalpha()]
    if words and words[0] in _words(lexicon, "coordinators"):
        words = words[1:]
    return words


def _supposes(lexicon: Lexicon, clauses: Sequence[Clause], ci: int, toks: Mapping[int, Tok]) -> bool:
    """Whether clause ci opens with a `hypothetical_openers` word of one word ("mocht") or two ("als er":
    "als" alone also compares, "als premier")."""
    words = _opening(lexicon, clauses[ci], toks)
    openers = _words(lexicon, "hypothetical_openers")
    return bool(words) and (words[0] in openers or " ".join(words[:2]) in openers)


def _consequent(lexicon: Lexicon, clauses: Sequence[Clause], ci: int, toks: Mapping[int, Tok]) -> bool:
    """Whether clause ci is the consequent of a supposition ("Mocht de handel verder dalen, dan volgt er een
    boycot": opened by one of the `consequent_markers` after a clause that supposes), or the
    condition a consequent follows ("Als Polen Rusland bekritiseert, dan ...": a `conditional_markers` word
    opens it, and a clause after it opens with a consequent marker). What holds only if something else
    happens is no deed reported; a threat of it is coded from its own words."""
    markers = _words(lexicon, "consequent_markers")
    if not markers:
        return False
    conditions = _words(lexicon, "conditional_markers")

    def condition(k: int) -> bool:
        words = _opening(lexicon, clauses[k], toks)
        return _supposes(lexicon, clauses, k, toks) or (bool(words) and words[0] in conditions)

    def consequent(k: int) -> bool:
        words = _opening(lexicon, clauses[k], toks)
        return bool(words) and words[0] in markers

    if consequent(ci) and any(condition(k) for k in range(ci)):
        return True
    return condition(ci) and any(consequent(k) for k in range(ci + 1, len(clauses)))


def _speculated(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether a first-person frame of guessing or expecting (`speculation_frames`: "Het lijkt me dat", "Misschien
    zullen we zien dat") stands in the sentence before the match's clause, and a modal or future (`modals`) in
    that clause: the deed is the writer's or the speaker's forecast ("... dat zij binnenkort zal opstappen"),
    not a deed or a plan its actor reports."""
    frames = _words(lexicon, "speculation_frames")
    if not frames:
        return False
    start = clauses[match.clause].start
    before = " " + " ".join(toks[i].lower for c in clauses[: match.clause + 1] for i in c.idx if i < start) + " "
    if not any(f" {f} " in before for f in frames):
        return False
    modals = _words(lexicon, "modals")
    return any(toks[i].lower in modals for i in clauses[match.clause].idx)


def modal_passive(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether the match is a passive deed under a modal of obligation, permission or ability with no agent
    ("De gevangenen moeten worden vrijgelaten", "kan nog een jaar worden vastgehouden"): what may or must be done,
    no one's deed or plan. Its scope (`_scope`) holds one of the `permission_modals` and a passive auxiliary,
    and no agent preposition; the modal is no word of the trigger itself."""
    tokens = _scope(lexicon, match, clauses, toks)
    lowers = {t.lower for t in tokens}
    return bool(
        lowers & _words(lexicon, "permission_modals")
        and lowers & _words(lexicon, "passive_auxiliaries")
        and not lowers & _words(lexicon, "agent_prepositions")
    )


def _denied_existence(lexicon: Lexicon, match: Match, clauses: Sequence[Clause], toks: Mapping[int, Tok]) -> bool:
    """Whether a noun (or a phrase: "zware strafmaatregelen") trigger stands after a negation in a clause that
    only says whether such a thing exists ("Er bestaat geen handelsembargo", "er komen geen nieuwe sancties"):
    "er" and an `existential_verbs` form in its clause, a `negation` word right before the noun (inflected
    adjectives between). Nothing is done there, not even a refusal; the denial is at most a statement of its
    speaker."""
    if match.kind not in ("noun", "phrase"):
        return False
    words = {toks[i].lower for i in clauses[match.clause].idx}
    if not words & _words(lexicon, "existential_verbs") or not words & _words(lexicon, "existential_subjects"):
        return False
    negation = _words(lexicon, "negation")
    endings = tuple(_words(lexicon, "attributive_endings"))
    k = min(match.tokens) - 1
    while k in toks and endings and toks[k].lower.endswith(endings) and toks[k].lower not in negation:
        k -= 1
    return k in toks and toks[k].lower in negation
