"""The two NIAP rating scales and the words reports use for each rating, in EN, FR and ES.

The scales are kept apart on purpose: `niap4` (SC65 to SC67) and `niap6` (from SC69) share some
words but not their meaning on a table, so a rating is only ever read against one scale.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NIAP4 = "niap4"
NIAP6 = "niap6"

ACHIEVED = "achieved"
SUBSTANTIALLY_ACHIEVED = "substantially_achieved"
ON_TRACK = "on_track"
PARTIAL_PROGRESS = "partial_progress"
PENDING_OTHER_ACTION = "pending_other_action"
NOT_COMMENCED = "not_commenced"
CHALLENGING = "challenging"
UNCLEAR = "unclear"


@dataclass(frozen=True)
class Rating:
    """One rating: its code and what it is called in each working language of CITES."""

    code: str
    en: str
    fr: str
    es: str

    def label(self, language: str = "en") -> str:
        """The rating's name in `language` (English when the language is not one of the three)."""
        return str(getattr(self, language, self.en)) if language in {"en", "fr", "es"} else self.en


RATINGS: dict[str, Rating] = {
    r.code: r
    for r in (
        Rating(ACHIEVED, "Achieved", "Réalisée", "Logrado"),
        Rating(
            SUBSTANTIALLY_ACHIEVED,
            "Substantially achieved",
            "Substantiellement réalisée",
            "Sustancialmente logrado",
        ),
        Rating(ON_TRACK, "On track", "En bonne voie", "En curso"),
        Rating(PARTIAL_PROGRESS, "Partial progress", "Progrès partiel", "Progreso parcial"),
        Rating(
            PENDING_OTHER_ACTION,
            "Pending completion of another action",
            "En attente de l'achèvement d'une autre activité",
            "Pendiente de otra medida",
        ),
        Rating(NOT_COMMENCED, "Not commenced", "Non commencée", "No iniciado"),
        Rating(CHALLENGING, "Challenging", "Difficile", "Difícil"),
        Rating(UNCLEAR, "Unclear", "Incertain", "Incierto"),
    )
}

# Best first, as the annex table and Part B's columns order them.
SCALES: dict[str, tuple[str, ...]] = {
    NIAP4: (SUBSTANTIALLY_ACHIEVED, ON_TRACK, CHALLENGING, UNCLEAR),
    NIAP6: (
        ACHIEVED,
        SUBSTANTIALLY_ACHIEVED,
        ON_TRACK,
        PARTIAL_PROGRESS,
        PENDING_OTHER_ACTION,
        NOT_COMMENCED,
    ),
}

SCALE_NAMES = {
    NIAP4: "Four-level scale (SC65–SC67)",
    NIAP6: "Six-level scale (from SC69)",
}


def ratings_of(scale: str) -> tuple[str, ...]:
    """The rating codes of `scale`, best first; KeyError for a scale that does not exist."""
    return SCALES[scale]


def in_scale(code: str | None, scale: str) -> bool:
    """Whether `code` is a rating of `scale` (None, the absence of a rating, always is)."""
    return code is None or code in SCALES.get(scale, ())


def _fold(text: str) -> str:
    """Lower-case, accents off, punctuation and brackets off, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    bare = bare.replace("’", "'")
    return re.sub(r"[\s\[\]\(\)\*\.:;,_\-]+", " ", bare).strip()


# Words seen in real reports beside the canonical names; close variants of the French and
# Spanish terms are accepted because only some of them are confirmed (domain.md).
_EXTRA_WORDS: dict[str, tuple[str, ...]] = {
    ACHIEVED: ("realise", "realisee", "realisees", "logrado", "lograda", "completed"),
    SUBSTANTIALLY_ACHIEVED: (
        "substantiellement realise",
        "substantiellement realisees",
        "sustancialmente lograda",
        "sustancialmente alcanzado",
    ),
    ON_TRACK: ("en bonne voie", "bien encaminado", "bien encaminada", "en curso", "en marcha"),
    PARTIAL_PROGRESS: ("progres partiels", "progreso parcial", "avance parcial"),
    PENDING_OTHER_ACTION: (
        "pending completion of other action",
        "pending completion of another activity",
        "en attente de l achevement d une autre action",
        "en attente d une autre activite",
        "pendiente de otra medida",
        "pendiente de la conclusion de otra medida",
        "pendiente de otra actividad",
    ),
    NOT_COMMENCED: (
        "not started",
        "non commence",
        "non commencee",
        "pas commence",
        "no iniciado",
        "no iniciada",
        "no comenzado",
    ),
    CHALLENGING: ("difficile", "dificil"),
    UNCLEAR: ("incertain", "pas clair", "incierto", "poco claro"),
}

WORDS: dict[str, str] = {}
for _code, _rating in RATINGS.items():
    for _word in (_rating.en, _rating.fr, _rating.es, *_EXTRA_WORDS.get(_code, ())):
        WORDS[_fold(_word)] = _code


def rating_from_words(text: str) -> str | None:
    """The rating code that `text` names in any of the three languages, or None if none."""
    return WORDS.get(_fold(text))
