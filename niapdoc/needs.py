"""Needs a progress report asks for, read from its words: suggestions for a person to confirm.

Two signs are read. In the template the Parties copy, an asterisk after an action's title marks
an action that needs support (the Cambodia SC66 report: "continue to seek funding for ... the
remaining activities that require it, as indicated in the NIAP"), so every flagged action is
suggested. And the synopsis, or an action's progress, may ask for funding or help for listed
actions: "We are seeking additional funding ... for the following activities: 2.1, 2.3, 2.4",
"Nous recherchons des financements ... : 2.1, 2.3 et 3.2", "Buscamos financiación adicional
para las actividades 2.1, 2.3 y 3.2".

Reading is deliberately cautious, since a wrong suggestion costs a focal point a click and a
missed one costs nothing that the report does not still say: a code counts only when the words
nearest to it ask for support; words saying the support was received ("funding was received for
2.1") or is not needed ("no further support is needed") cancel the request. Codes the plan does
not have are left out with a note, as are requests that name no action. Nothing here knows of
the database: the caller decides what becomes a suggestion.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from niapdoc.model import ProgressReport

FLAGGED = "flagged_action"
FUNDING_SENTENCE = "funding_sentence"

FUNDING = "funding"
TECHNICAL_ASSISTANCE = "technical_assistance"
EQUIPMENT = "equipment"
TRAINING = "training"
LEGAL_DRAFTING = "legal_drafting"
KINDS = (FUNDING, TECHNICAL_ASSISTANCE, EQUIPMENT, TRAINING, LEGAL_DRAFTING)

# Kinds of note: what was read but could not become a suggestion.
NOT_IN_PLAN = "not_in_plan"
NO_ACTION_NAMED = "no_action_named"
RANGE_NOT_EXPANDED = "range_not_expanded"

EVIDENCE_CHARS = 400
# How far around a code the words that say whether it is asked for are looked for.
_NEAR = 120


@dataclass(frozen=True)
class SuggestedNeed:
    """One action the report seems to need support for, why Tusk thinks so, and its words."""

    code: str
    reason: str
    evidence: str
    kind: str


@dataclass(frozen=True)
class Note:
    """Something read that became no suggestion: codes the plan does not have, a range that
    could not be expanded safely, or a request naming no action."""

    kind: str
    evidence: str
    codes: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The note in English, for the command line; the pages translate `kind` themselves."""
        codes = ", ".join(self.codes)
        if self.kind == NOT_IN_PLAN:
            return f"the report asks for support for {codes}, which the plan does not have"
        if self.kind == RANGE_NOT_EXPANDED:
            return f"the range {codes} was not expanded: name the actions one by one"
        return "the report asks for support without naming an action"


@dataclass
class Suggestions:
    """What a report suggests: needs, in the plan's order, and notes on what was left out."""

    needs: list[SuggestedNeed] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    """A sentence that asks for support, the codes it asks it for, and the kind of support."""

    sentence: str
    codes: tuple[str, ...]
    kind: str
    unexpanded: tuple[str, ...] = ()


# --- Folding: match words whatever their accents, case and quotes ----------------------------

_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)


def fold(text: str) -> str:
    """`text` lower-cased, without accents, with one kind of apostrophe and of dash."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# --- Sentences -----------------------------------------------------------------------------

# A sentence ends at . ! ? followed by a capital or an opening mark: "activities 2.1 and 3.2. We"
# ends after "3.2.", while "No. 020", "e.g. the" and "Conf. 10.10" do not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s\da-z])")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u25cf\u2013]|\(?[a-z0-9]\))\s+", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r";|\s(?:but|however|whereas|while|although|mais|cependant|tandis\s+que|alors\s+que|"
    r"pero|sin\s+embargo|mientras\s+que|aunque)\b"
)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, whitespace collapsed; template guidance in brackets skipped."""
    found = []
    for paragraph in re.split(r"\n\s*", text or ""):
        paragraph = _BULLET.sub("", paragraph)
        for piece in _SENTENCE_END.split(paragraph):
            sentence = " ".join(piece.split())
            if sentence and not (sentence.startswith("[") and sentence.rstrip(".").endswith("]")):
                found.append(sentence)
    return found


def _trim(sentence: str) -> str:
    if len(sentence) <= EVIDENCE_CHARS:
        return sentence
    cut = sentence[: EVIDENCE_CHARS - 1].rsplit(" ", 1)[0]
    return cut + "\u2026"


# --- Action codes --------------------------------------------------------------------------

_CODE = r"\d{1,2}(?:\.\d{1,2}){1,2}[a-z]?"
_CODE_AT = re.compile(rf"(?<![\d.,])({_CODE})(?![\d]|\.\d|[a-z])")
_RANGE = re.compile(
    rf"(?<![\d.,])(?P<start>{_CODE})\s*(?:-|to|through|a|au|al|hasta)\s+"
    rf"(?:(?:la|las|el|los|l')\s*)?(?P<end>{_CODE})(?![\d]|\.\d|[a-z])"
    r"|"
    rf"(?<![\d.,])(?P<start2>{_CODE})-(?P<end2>{_CODE})(?![\d]|\.\d|[a-z])"
)
# A number that is not an action: money, a share, a quantity, or a reference to a document.
_NOT_A_CODE_BEFORE = re.compile(
    r"(?:\b(?:conf|doc|res|resolution|decisions?|article|art|section|paragraphs?|paras?|"
    r"paragraphes?|parrafos?|annex|annexe|anexo|chapter|chapitre|capitulo|rev|version|"
    r"usd|us|eur|euros?|xaf|xof|fcfa|cfa|gbp|kes|tzs|mzn|ngn|dollars?)\.?|[$\u20ac\u00a3])\s*$"
)
_NOT_A_CODE_AFTER = re.compile(
    r"^\s*(?:%|percent\b|per\s+cent\b|pour\s*cent\b|por\s*ciento\b|millions?\b|milliards?\b|"
    r"millon(?:es)?\b|billions?\b|bn\b|m\b|km\b|kg\b|t\b|tonnes?\b|tons?\b|ha\b|hectares?\b|"
    r"years?\b|ans\b|anos\b|months?\b|mois\b|meses\b|usd\b|eur\b|xaf\b|fcfa\b|dollars?\b)"
)


def code_key(code: str) -> tuple[tuple[int, str], ...]:
    """A code as it sorts: 2.10 after 2.9, 1.2a after 1.2."""
    parts = []
    for part in code.split("."):
        digits = re.match(r"\d+", part)
        number = int(digits.group()) if digits else 0
        parts.append((number, part[digits.end() :] if digits else part))
    return tuple(parts)


def _is_code(folded: str, start: int, end: int) -> bool:
    return not (
        _NOT_A_CODE_BEFORE.search(folded[max(0, start - 16) : start])
        or _NOT_A_CODE_AFTER.match(folded[end : end + 16])
    )


def _parent(code: str) -> str:
    return code.rsplit(".", 1)[0]


def _expand(start: str, end: str, plan: Sequence[str] | None) -> list[str] | None:
    """The codes from `start` to `end`, or None when that is not clear: ends in different
    pillars, with letters, backwards, or not both in the plan."""
    plain = re.compile(r"\d+(?:\.\d+)+$")
    if not (plain.match(start) and plain.match(end)) or _parent(start) != _parent(end):
        return None
    if code_key(start) >= code_key(end):
        return None
    if plan is None:
        first, last = int(start.rsplit(".", 1)[1]), int(end.rsplit(".", 1)[1])
        if last - first > 20:
            return None
        return [f"{_parent(start)}.{n}" for n in range(first, last + 1)]
    if start not in plan or end not in plan:
        return None
    low, high = code_key(start), code_key(end)
    return sorted(
        (c for c in plan if _parent(c) == _parent(start) and low <= code_key(c) <= high),
        key=code_key,
    )


@dataclass(frozen=True)
class _Code:
    code: str
    start: int
    end: int


def _codes_in(folded: str, plan: Sequence[str] | None) -> tuple[list[_Code], list[str]]:
    """The action codes of a folded sentence with their places, ranges expanded where that is
    unambiguous; and the ranges left as they were written."""
    found: list[_Code] = []
    unexpanded: list[str] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(folded):
        start = match.group("start") or match.group("start2")
        end = match.group("end") or match.group("end2")
        if not _is_code(folded, match.start(), match.end()):
            continue
        expanded = _expand(start, end, plan)
        if expanded is None:
            unexpanded.append(f"{start}-{end}")
            continue
        found += [_Code(c, match.start(), match.end()) for c in expanded]
        taken.append(match.span())
    for match in _CODE_AT.finditer(folded):
        inside = bisect.bisect_right(taken, (match.start(), len(folded))) - 1
        if inside >= 0 and match.start() < taken[inside][1]:
            continue
        if _is_code(folded, match.start(), match.end()):
            found.append(_Code(match.group(1), match.start(), match.end()))
    found.sort(key=lambda c: c.start)
    return found, unexpanded


# --- What asks for support, and what cancels the asking ------------------------------------

_OBJECT = (
    r"(?:fund(?:s|ing)?|financ(?:e|es|ing)|financial\s+(?:support|resources|assistance|aid)|"
    r"money|resources|budget|support|assistance|help|expertise|equipment|training|"
    r"(?:technical|financial)\s+cooperation|partners?|donors?|"
    r"financements?|fonds|financiers?|appuis?|soutiens?|aides?|ressources|equipements?|"
    r"materiels?|formations?|partenaires|bailleurs|"
    r"financiacion|financiamiento|fondos|apoyos?|asistencia|ayudas?|recursos|equipos?|"
    r"equipamiento|capacitacion|formacion|socios|donantes|cooperacion\s+(?:tecnica|financiera)|"
    r"vehicles?|boats?|radios?|computers?|scanners?|vehicules?|vehiculos?|"
    r"(?:usd|us\$|\$|eur|\u20ac|xaf|xof|fcfa|cfa)\s*\d[\d.,]*(?:\s*(?:millions?|m|k|bn))?|"
    r"\d[\d.,]*\s*(?:millions?|milliards?|millones|billions?|bn)\b)"
)
_OBJECTS = (
    rf"{_OBJECT}(?:(?:\s*,\s*|\s+(?:and|or|et|ou|y|o|e)\s+)(?:[\w-]+(?:\s+|')){{0,2}}{_OBJECT})*"
)
# Words between a verb and what it asks for ("seeking additional", "recherchons des"), never a
# purpose or a manner ("need to improve coordination with partners" asks for nothing).
_BETWEEN = r"(?:(?!(?:to|pour|para|in|with|avec|con|for|of)\b)[\w-]+(?:\s+|')){0,4}?"
_ACQUIRE = (
    r"(?:(?:to|de|d'|a)\s*)?(?:secure|obtain|raise|mobili[sz]e|find|get|attract|obtenir|"
    r"trouver|mobiliser|lever|conseguir|obtener|movilizar|recaudar|encontrar)\s+"
)
_ASK = (
    r"\b(?:seek(?:s|ing)?|will\s+seek|(?:are|is|am)\s+looking\s+for|look(?:s|ing)?\s+for|"
    r"request(?:s|ing)?|require(?:s)?|need(?:s)?|in\s+need\s+of|appeal(?:s|ing)?\s+(?:for|to)|"
    r"call(?:s|ing)?\s+(?:on|upon|for)|ask(?:s|ing)?(?:\s+for)?|apply(?:ing)?\s+for|"
    r"would\s+(?:welcome|appreciate)|welcomes?|invites?|"
    r"recherch(?:e|ons|ent|era|erons|eront)|a\s+la\s+recherche\s+d[e']|"
    r"sollicit(?:e|ons|ent|era|erons|eront)|demand(?:e|ons|ent|era|erons)|"
    r"(?:a|avons|ont|aura|aurons|auront)\s+besoin\s+d[e']|besoins?\s+(?:en|d[e'])|"
    r"necessit(?:e|ent|era|eront)|requier(?:t|ent)|fai(?:t|sons|re)\s+appel\s+a(?:ux)?|"
    r"lanc(?:e|ons)\s+un\s+appel|souhait(?:e|ons|ent)\s+(?:beneficier|obtenir|recevoir)|"
    r"invit(?:e|ons|ent)|"
    r"busc(?:a|amos|an|ara|aremos|aran|ando)|en\s+busca\s+de|"
    r"solicit(?:a|amos|an|ara|aremos|aran)|se\s+solicita(?:n|ra|ran)?|se\s+requiere(?:n)?|"
    r"requiere(?:n)?|requerimos|requerira(?:n)?|necesit(?:a|amos|an|ara|aran)|"
    r"se\s+necesita(?:n)?|necesidad\s+de|pedimos|piden?|(?:hace|hacemos)\s+un\s+llamamiento|"
    r"agradecer(?:ia|iamos)|invita(?:mos|n)?)(?:\s+|(?<='))"
)
_ASKED = (
    r"(?:[\w'.-]+\s+){0,8}?(?:needed|required|necessary|sought|requested|welcomed?|invited|"
    r"invitee?s|"
    r"necessaires?|requise?s?|sollicitee?s?|recherchee?s?|indispensables?|"
    r"necesari[oa]s?|requerid[oa]s?|solicitad[oa]s?|imprescindibles?)\b"
)
_REQUEST = re.compile(rf"{_ASK}(?:{_ACQUIRE})?{_BETWEEN}{_OBJECTS}\b|\b{_OBJECTS}\s+{_ASKED}")
_CANCEL = re.compile(
    r"\b(?:received|secured|obtained|granted|allocated|mobili[sz]ed|approved|disbursed|"
    r"provided|awarded|(?:funded|financed|supported|sponsored)\s+by|thanks\s+to|"
    r"(?:has|have)\s+been\s+(?:fully\s+)?(?:funded|financed|supported)|fully\s+funded|"
    r"no\s+(?:further|additional|more|extra|other|external)?\s*(?:[\w-]+\s+){0,2}?"
    r"(?:is\s+|are\s+|was\s+|were\s+|will\s+be\s+)?(?:needed|required|necessary|sought)|"
    r"no\s+(?:longer\s+)?need(?:s|ed)?\b|(?:does|do|did|will|would)\s+not\s+(?:need|require)|"
    r"(?:doesn't|don't|didn't|won't)\s+(?:need|require)|not\s+(?:be\s+)?(?:needed|required|"
    r"necessary)|no\s+longer\s+(?:need|require)s?|"
    r"recu(?:e|s|es)?|obtenu(?:e|s|es)?|accorde(?:e|s|es)?|alloue(?:e|s|es)?|"
    r"grace\s+a(?:ux|u)?|(?:finance|appuye|soutenu|subventionne)e?s?\s+par|beneficie\s+d|"
    r"a\s+ete\s+finance|"
    r"n'(?:a|ont|avons|aura|est)\s+(?:plus|pas)\s+(?:besoin|necessaire)|"
    r"ne\s+(?:necessite|requiert|demande|sollicite|recherche)(?:nt)?\s+(?:pas|plus)|"
    r"(?:pas|plus)\s+(?:de\s+|d')?besoin|"
    r"aucune?\s+(?:[\w'-]+\s+){0,3}?(?:n'est|n'a\s+ete|ne\s+sera)\s+(?:\w+\s+)?"
    r"(?:necessaire|requis|sollicite|demande)|"
    r"n'est\s+(?:plus|pas)\s+(?:\w+\s+)?(?:necessaire|requis)|"
    r"recibid[oa]s?|obtenid[oa]s?|conseguid[oa]s?|asegurad[oa]s?|asignad[oa]s?|"
    r"aprobad[oa]s?|gracias\s+al?|(?:financiad|apoyad|patrocinad)[oa]s?\s+por|"
    r"cuentan?\s+con\s+(?:el\s+)?(?:apoyo|financiacion|financiamiento)|"
    r"han?\s+sido\s+financiad|"
    r"no\s+(?:se\s+)?(?:requiere|necesita|precisa|solicita|busca)n?|"
    r"ya\s+no\s+(?:se\s+)?(?:requiere|necesita)n?|no\s+(?:es|son|sera|seran)\s+(?:\w+\s+)?"
    r"necesari|no\s+hacen?\s+falta|sin\s+necesidad|ningun[oa]?\s+(?:[\w-]+\s+){0,3}?(?:es\s+)?"
    r"necesari)"
)
# A list of codes reads as one group: "2.1, 2.3 and 3.2", "activités 2.1 et 2.3".
_GROUP_GLUE = re.compile(
    r"^(?:\s*[,/&]\s*|\s+(?:and|or|et|ou|y|o|e|as\s+well\s+as|ainsi\s+que|asi\s+como)\s+|\s+)"
    r"(?:(?:the\s+|les?\s+|la\s+|l'|los\s+|las\s+)?(?:activit\w*|actions?|objectiv\w*|"
    r"objecti\w*|actividad\w*|acciones|accion|medidas?)\s*)?$"
)
# The codes are the subject of what follows when only a few words come between, none of them a
# conjunction that starts a new clause ("2.1 and 2.3 still need support").
_SUBJECT_GAP = re.compile(
    r"^\s*\)?(?:\s*(?!(?:and|et|y|which|that|qui|que|who)\b)[\w'-]+){0,4}\s*$"
)
# "No funding for 2.1 is needed": a request read backwards from its verb, denied before it.
_DENIED = re.compile(r"\b(?:no|aucune?|pas\s+d[e']|ningun[oa]?|sin)\s*$")
_FRONTED = re.compile(
    r"^\s*(?:for|pour|para|regarding|concerning|concernant|en\s+ce\s+qui\s+concerne|"
    r"en\s+cuanto\s+a|as\s+for)\b(?:\s+[\w'-]+){0,3}\s*$"
)
_NEW_SUBJECT = re.compile(
    r"\b(?:and|et|y|while)\s+(?:the\s+|les\s+|l'|las\s+|los\s+)?"
    r"(?:activit|action|objecti|medida|accion)\w*\s*$"
)

_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        TECHNICAL_ASSISTANCE,
        re.compile(
            r"\btechnical\s+(?:support|assistance|expertise|advice|cooperation|help)|"
            r"\bexpert(?:ise|s)?\b|\b(?:appui|assistance|soutien|aide|cooperation)s?\s+techniques?|"
            r"\b(?:apoyo|asistencia|cooperacion|ayuda)\s+tecnic[oa]|\bperitos?\b"
        ),
    ),
    (
        EQUIPMENT,
        re.compile(
            r"\b(?:equipment|vehicles?|boats?|radios?|computers?|scanners?|to\s+equip|"
            r"equipements?|materiels?|vehicules?|equiper|equipos?|equipamiento|vehiculos?|"
            r"equipar)\b"
        ),
    ),
    (
        TRAINING,
        re.compile(
            r"\b(?:training|train|capacity[- ]building|workshops?|formations?|former|ateliers?|"
            r"renforcement\s+des\s+capacites|capacitacion|formacion|talleres?|capacitar)\b"
        ),
    ),
    (
        LEGAL_DRAFTING,
        re.compile(
            r"\b(?:legal\s+(?:drafting|advice|expertise|review|framework)|drafting|"
            r"legislat\w*|redaction|juridiques?|textes?\s+(?:de\s+loi|reglementaires)|"
            r"redaccion|juridic[oa]s?|legislacion|marco\s+(?:legal|juridico))\b"
        ),
    ),
    (
        FUNDING,
        re.compile(r"\b(?:fund(?:s|ing)?|financ\w*|money|budget|fonds|fondos)\b"),
    ),
)
# Words of an action's title that say what kind of support it needs, when flagged.
_TITLE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        LEGAL_DRAFTING,
        re.compile(
            r"\b(?:law|laws|act|legislation|legislative|regulations?|decree|proclamation|"
            r"prakas|bill|penal\s+code|amend\w*|loi|decret|arrete|ordonnance|reglement\w*|"
            r"legislati\w*|ley|leyes|decreto|reglamento|codigo\s+penal)\b"
        ),
    ),
    (
        TRAINING,
        re.compile(
            r"\b(?:train\w*|capacity|capacities|workshops?|formations?|former|capacites|"
            r"capacitacion|capacitar|capacidad\w*|formacion)\b"
        ),
    ),
    (
        EQUIPMENT,
        re.compile(
            r"\b(?:equip\w*|vehicles?|scanners?|detection\s+dogs?|vehicules?|materiel|"
            r"vehiculos?)\b"
        ),
    ),
)


def kind_guess(text: str, *, asked: str = "") -> str:
    """The kind of support words ask for: the first kind named in the words that ask
    (`asked`), else in the whole `text`; funding when none is named."""
    for words in (asked, text):
        folded = fold(words)
        found = [(m.start(), kind) for kind, rule in _KIND_WORDS if (m := rule.search(folded))]
        if found:
            return min(found)[1]
    return FUNDING


def title_kind_guess(title: str) -> str:
    """The kind of support a flagged action most likely needs, from its title."""
    folded = fold(title)
    for kind, rule in _TITLE_KINDS:
        if rule.search(folded):
            return kind
    return FUNDING


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    asks: bool


def _cues(clause: str) -> list[_Cue]:
    """What asks and what cancels in a clause; a request that a cancelling phrase overlaps
    ("no further support is needed") does not ask."""
    cancels = [_Cue(m.start(), m.end(), False) for m in _CANCEL.finditer(clause)]
    ends = [c.end for c in cancels]
    asks = []
    for match in _REQUEST.finditer(clause):
        # The first cancelling phrase ending after the request starts is the only one that
        # can overlap it, since they do not overlap one another.
        at = bisect.bisect_right(ends, match.start())
        if at < len(cancels) and cancels[at].start < match.end():
            continue
        denied = bool(_DENIED.search(clause[max(0, match.start() - 30) : match.start()]))
        asks.append(_Cue(match.start(), match.end(), not denied))
    return sorted(cancels + asks, key=lambda c: c.start)


def _groups(clause: str, codes: list[_Code]) -> list[list[_Code]]:
    groups: list[list[_Code]] = []
    for code in codes:
        if groups and _GROUP_GLUE.match(clause[groups[-1][-1].end : code.start]):
            groups[-1].append(code)
        else:
            groups.append([code])
    return groups


def _asking_cue(
    clause: str, group: list[_Code], cues: list[_Cue], starts: list[int]
) -> _Cue | None:
    """The words that ask for support for a group of codes, if the words nearest to it ask:
    the verb the codes are the subject of, else the last cue before them.

    `cues` never overlap and are sorted (`starts` are their starts), so the neighbours are
    found by bisection: a long list of codes in a long sentence stays quick to read.
    """
    first, last = group[0].start, group[-1].end
    at = bisect.bisect_right(starts, first)
    nearest = cues[at - 1] if at else None
    if nearest is not None and nearest.start <= first and last <= nearest.end:
        return nearest if nearest.asks else None
    following = bisect.bisect_left(starts, last)
    if following < len(cues):
        after = cues[following]
        gap = clause[last : after.start][:_NEAR]
        fronted = (
            first < _NEAR
            and _FRONTED.match(clause[:first])
            and _SUBJECT_GAP.match(gap.lstrip(" ,"))
        )
        if _SUBJECT_GAP.match(gap) or fronted:
            return after if after.asks else None
    if nearest is not None and nearest.end <= first:
        if not nearest.asks or _NEW_SUBJECT.search(clause[max(nearest.end, first - _NEAR) : first]):
            return None
        return nearest
    return None


def _clauses(folded: str) -> list[str]:
    """A folded sentence cut where a new clause may change what is asked ("but", ";")."""
    return _CLAUSE_BREAK.split(folded)


def requests_in(text: str, plan: Sequence[str] | None = None) -> list[Request]:
    """Each sentence of `text` that asks for support, with the codes it asks it for (ranges
    expanded against `plan`, folded codes, when given) and the kind of support named."""
    found = []
    for sentence in sentences(text):
        asked: list[str] = []
        unexpanded: list[str] = []
        asking: list[str] = []
        for clause in _clauses(fold(sentence)):
            cues = _cues(clause)
            if not any(c.asks for c in cues):
                continue
            codes, open_ranges = _codes_in(clause, plan)
            unexpanded += open_ranges
            if not codes and not open_ranges:
                if all(c.asks for c in cues):
                    asking += [clause[c.start : c.end] for c in cues]
                continue
            starts = [c.start for c in cues]
            for group in _groups(clause, codes):
                cue = _asking_cue(clause, group, cues, starts)
                if cue is not None:
                    asked += [c.code for c in group]
                    asking.append(clause[cue.start : cue.end])
        if asked or unexpanded or asking:
            kind = kind_guess(sentence, asked=" ".join(asking))
            named = tuple(dict.fromkeys(asked))
            found.append(Request(_trim(sentence), named, kind, tuple(unexpanded)))
    return found


# --- The report ----------------------------------------------------------------------------


def _spelled(codes: Iterable[str]) -> dict[str, str]:
    return {fold(code): code for code in codes}


def suggest(report: ProgressReport, plan: Sequence[str] | None = None) -> Suggestions:
    """The needs `report` suggests, one per action and reason, in the plan's order.

    `plan` is the codes of the plan the report belongs to; without it, the report's own
    actions. A flagged action is suggested with its title as evidence; a sentence of the
    synopsis asking for support suggests each code it names; a sentence of an action's
    progress that asks for support without naming a code suggests that action.
    """
    plan_codes = list(plan) if plan is not None else [a.code for a in report.actions]
    spelled = _spelled(plan_codes)
    order = {fold(code): i for i, code in enumerate(plan_codes)}
    folded_plan = list(spelled)
    result = Suggestions()
    chosen: dict[tuple[str, str], SuggestedNeed] = {}

    for action in report.actions:
        if action.flagged and fold(action.code) in spelled:
            code = spelled[fold(action.code)]
            evidence = _trim(f"{action.code} {action.title.rstrip(' *')}*")
            chosen[(code, FLAGGED)] = SuggestedNeed(
                code, FLAGGED, evidence, title_kind_guess(action.title)
            )

    texts = [report.synopsis.overview, report.synopsis.progress, report.synopsis.outlook]
    requests: list[tuple[str | None, Request]] = [
        (None, r) for text in texts for r in requests_in(text, folded_plan)
    ]
    for action in report.actions:
        for bullet in action.progress:
            requests += [(action.code, r) for r in requests_in(bullet, folded_plan)]

    for own_code, request in requests:
        codes = list(request.codes)
        if not codes and not request.unexpanded and own_code is not None:
            codes = [fold(own_code)]
        known = [spelled[c] for c in codes if c in spelled]
        unknown = [c for c in codes if c not in spelled]
        if unknown:
            result.notes.append(Note(NOT_IN_PLAN, request.sentence, tuple(unknown)))
        if request.unexpanded:
            result.notes.append(Note(RANGE_NOT_EXPANDED, request.sentence, request.unexpanded))
        if not codes and not request.unexpanded:
            result.notes.append(Note(NO_ACTION_NAMED, request.sentence))
        for code in known:
            key = (code, FUNDING_SENTENCE)
            if key not in chosen:
                chosen[key] = SuggestedNeed(code, FUNDING_SENTENCE, request.sentence, request.kind)

    result.needs = sorted(
        chosen.values(),
        key=lambda s: (order.get(fold(s.code), len(order)), code_key(s.code), s.reason),
    )
    return result
