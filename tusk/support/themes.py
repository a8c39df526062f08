"""Themes guessed from the words of an action or a need, in English, French and Spanish.

A guess only proposes tags (for the demo data and for needs suggested from reports); a person
confirms them. Each rule is a theme and the word stems that point to it.
"""

from __future__ import annotations

import re
import unicodedata

from tusk.plans.choices import StandardPillar
from tusk.support.choices import Theme

_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        Theme.LIVELIHOODS,
        (
            "livelihood",
            "subsistance",
            "subsistencia",
            "human-elephant",
            "homme et l'elephant",
            "humano-elefante",
            "communit",
            "comunidad",
        ),
    ),
    (Theme.DEMAND_REDUCTION, ("demand", "demande", "consumer", "consommat", "consum")),
    (
        Theme.AWARENESS,
        (
            "awareness",
            "campaign",
            "sensibilis",
            "campagne",
            "campana",
            "journalist",
            "media",
            "public",
            "traveller",
            "voyageur",
            "viajero",
        ),
    ),
    (Theme.FORENSICS, ("forensic", "dna", "adn", "laborator", "forense", "medico-legal")),
    (
        Theme.PROSECUTION,
        (
            "prosecut",
            "judge",
            "court",
            "sentenc",
            "poursuite",
            "procureur",
            "juge",
            "tribunal",
            "fiscal",
            "juez",
            "judicial",
            "convict",
        ),
    ),
    (
        Theme.BORDER_CONTROL,
        (
            "border ",
            "borders",
            "customs",
            "airport",
            "seaport",
            "port",
            "container",
            "cargo",
            "frontiere",
            "douane",
            "aeroport",
            "frontera",
            "aduana",
            "detection dog",
            "chiens",
        ),
    ),
    (
        Theme.INTELLIGENCE,
        (
            "intelligence",
            "investigat",
            "renseignement",
            "enquete",
            "inteligencia",
            "investigacion",
            "online",
            "en ligne",
            "network",
        ),
    ),
    (
        Theme.LEGISLATION,
        (
            "law",
            "legislat",
            "regulation",
            "penal",
            "code",
            "loi",
            "legislac",
            "reglement",
            "ley",
            "decree",
            "decret",
            "decreto",
        ),
    ),
    (
        Theme.STOCKPILES,
        (
            "stockpile",
            "inventory",
            "stock",
            "inventaire",
            "existencias",
            "destroy",
            "detruire",
            "destruir",
        ),
    ),
    (
        Theme.COORDINATION,
        (
            "inter-agency",
            "task force",
            "memorandum",
            "interinstitution",
            "coordinat",
            "cooperation",
            "cross-border",
            "transfrontal",
        ),
    ),
    (Theme.CAPACITY, ("train", "former", "formation", "capacit", "capacitacion", "equip")),
)

# A theme for a need whose words say nothing more specific, by its action's standard pillar.
_PILLAR_THEME: dict[str, str] = {
    StandardPillar.LEGISLATION: Theme.LEGISLATION,
    StandardPillar.COLLABORATION: Theme.COORDINATION,
    StandardPillar.ENFORCEMENT: Theme.CAPACITY,
    StandardPillar.OUTREACH: Theme.AWARENESS,
    StandardPillar.REPORTING: Theme.CAPACITY,
}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def themes_guess(text: str, standard_pillar: str = "", *, most: int = 3) -> list[str]:
    """Up to `most` themes that `text` speaks of, in the order of Theme; the pillar's theme
    when no word matches."""
    plain = _plain(text)
    found = [
        str(theme)
        for theme, stems in _RULES
        if any(re.search(r"\b" + re.escape(stem), plain) for stem in stems)
    ]
    order = list(Theme.values)
    found.sort(key=order.index)
    if not found and standard_pillar in _PILLAR_THEME:
        found = [str(_PILLAR_THEME[standard_pillar])]
    return found[:most]
