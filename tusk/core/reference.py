"""The true reference data of Tusk: meetings, NIAP Parties, their categories, and regions.

Pure data, loaded into the database by `tusk.core.reference_load.reference_load`. Change a value
here and run `tusk loadreference`: rows are matched on their natural keys and only changed
values are written.

How sure the data is:

- Meetings: places and dates from domain.md; SC73 (online, 5-7 May 2021) from the CITES
  announcement of the meeting. Which meetings take NIAP progress reports follows domain.md.
- Categories, three ETIS cycles:
  - CoP16 (2013), fairly sure: the eight Parties of 'primary concern' (China with Hong Kong
    SAR, which had a plan of its own) and eight of 'secondary concern' named after CoP16. The
    analysis named six Parties of 'importance to watch'; only five are known here, the sixth
    is left out. Egypt is listed as 'secondary concern' as remembered, though SC69 papers call
    it a Party of 'importance to watch' (maybe under the CoP17 analysis): check against
    SC65 Doc. 42.1.
  - CoP17 (2016), partial: Category A as the CITES NIAP page listed it after SC69, Cambodia in
    Category B (SC70 Doc. 27.4 Annex 1), and the first three Parties of 'importance to watch'
    (now Category C) on that page. The rest of Categories B and C is not known here.
  - CoP19 (2022), sure: the categories in force after CoP19 as domain.md gives them. Togo and
    Qatar keep the categories the CoP17 analysis gave them, as the CITES page says.
  - CoP18 is left out as not known here; the one outcome known is that SC74 decided not to
    include Turkey, which the CoP18 analysis had named.
- Trade roles are a best judgement from the ETIS reports as remembered, except those domain.md
  states (source: Kenya, Tanzania, Uganda; transit: Malaysia, Philippines, Viet Nam;
  destination: China, Thailand, Hong Kong SAR). Blank where unsure.
- Stages: China, Kenya, the Philippines, Thailand and Uganda exited at SC70, Hong Kong SAR at
  SC74; every other NIAP Party is set to implementing, which is not checked for the Parties
  missing from the CoP19 categories (Egypt, Ethiopia, Japan, Malawi, Sri Lanka, Tanzania, UAE).
- Regions: join dates from the founding treaties and accessions as remembered (DR Congo's
  in SADC, 8 September 1997, and in the EAC, 11 July 2022, are the least sure). Members whose
  dates are not known to the day are left out and named in a comment at their region, except
  Angola in ECCAS, whose year only is known.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from tusk.core.choices import Category, MeetingKind, Stage, TradeRole
from tusk.plans.choices import StandardPillar

SC = MeetingKind.SC.value
COP = MeetingKind.COP.value
A = Category.A.value
B = Category.B.value
C = Category.C.value


@dataclass(frozen=True)
class MeetingRef:
    """A Standing Committee meeting or CoP as Tusk knows it."""

    kind: str
    number: int
    start_date: date
    end_date: date
    place: str
    takes_niap_reports: bool = False
    dates_note: str = ""


@dataclass(frozen=True)
class PartyRef:
    """A Party (or territory) by ISO 3166-1 alpha-2 code; empty stage leaves the stored one."""

    country: str
    name: str = ""
    trade_role: str = ""
    stage: str = ""
    in_niap_process: bool = True


@dataclass(frozen=True)
class CategoryRef:
    """A Party's category in one ETIS cycle and the document that set it."""

    country: str
    cycle: str
    category: str
    source: str


@dataclass(frozen=True)
class MembershipRef:
    """A Party's membership of a region, from a date and, if it ended, to a date."""

    country: str
    start: date
    end: date | None = None


@dataclass(frozen=True)
class RegionRef:
    """A regional body and its members."""

    code: str
    name: str
    members: tuple[MembershipRef, ...]


MEETINGS: tuple[MeetingRef, ...] = (
    MeetingRef(SC, 62, date(2012, 7, 23), date(2012, 7, 27), "Geneva"),
    MeetingRef(SC, 63, date(2013, 3, 2), date(2013, 3, 2), "Bangkok"),
    MeetingRef(COP, 16, date(2013, 3, 3), date(2013, 3, 14), "Bangkok"),
    MeetingRef(SC, 64, date(2013, 3, 14), date(2013, 3, 14), "Bangkok"),
    MeetingRef(SC, 65, date(2014, 7, 7), date(2014, 7, 11), "Geneva", True),
    MeetingRef(SC, 66, date(2016, 1, 11), date(2016, 1, 15), "Geneva", True),
    MeetingRef(SC, 67, date(2016, 9, 23), date(2016, 9, 23), "Johannesburg", True),
    MeetingRef(COP, 17, date(2016, 9, 24), date(2016, 10, 5), "Johannesburg"),
    MeetingRef(SC, 68, date(2016, 10, 5), date(2016, 10, 5), "Johannesburg"),
    MeetingRef(SC, 69, date(2017, 11, 27), date(2017, 12, 1), "Geneva", True),
    MeetingRef(SC, 70, date(2018, 10, 1), date(2018, 10, 5), "Rosa Khutor, Sochi", True),
    MeetingRef(SC, 71, date(2019, 8, 16), date(2019, 8, 16), "Geneva"),
    MeetingRef(COP, 18, date(2019, 8, 17), date(2019, 8, 28), "Geneva"),
    MeetingRef(SC, 72, date(2019, 8, 28), date(2019, 8, 28), "Geneva"),
    MeetingRef(
        SC,
        73,
        date(2021, 5, 5),
        date(2021, 5, 7),
        "Online",
        dates_note="Held online in three afternoon sessions, postponed from October 2020.",
    ),
    MeetingRef(SC, 74, date(2022, 3, 7), date(2022, 3, 11), "Lyon", True),
    MeetingRef(SC, 75, date(2022, 11, 13), date(2022, 11, 13), "Panama City"),
    MeetingRef(COP, 19, date(2022, 11, 14), date(2022, 11, 25), "Panama City"),
    MeetingRef(SC, 76, date(2022, 11, 25), date(2022, 11, 25), "Panama City"),
    MeetingRef(SC, 77, date(2023, 11, 6), date(2023, 11, 10), "Geneva", True),
    MeetingRef(SC, 78, date(2025, 2, 3), date(2025, 2, 8), "Geneva", True),
    MeetingRef(COP, 20, date(2025, 11, 24), date(2025, 12, 5), "Samarkand"),
)

_SOURCE = TradeRole.SOURCE.value
_TRANSIT = TradeRole.TRANSIT.value
_DESTINATION = TradeRole.DESTINATION.value
_SOURCE_TRANSIT = TradeRole.SOURCE_TRANSIT.value
_TRANSIT_DESTINATION = TradeRole.TRANSIT_DESTINATION.value
_IMPLEMENTING = Stage.IMPLEMENTING.value
_EXITED = Stage.EXITED.value

# Names are stored only where the ISO name is not the one CITES documents use; a stored name
# is shown in every language, so the others keep their translated ISO names.
NIAP_PARTIES: tuple[PartyRef, ...] = (
    PartyRef("AE", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("AO", "", "", _IMPLEMENTING),
    PartyRef("CD", "DR Congo", _SOURCE, _IMPLEMENTING),
    PartyRef("CG", "", _SOURCE_TRANSIT, _IMPLEMENTING),
    PartyRef("CM", "", _SOURCE_TRANSIT, _IMPLEMENTING),
    PartyRef("CN", "", _DESTINATION, _EXITED),
    PartyRef("EG", "", _DESTINATION, _IMPLEMENTING),
    PartyRef("ET", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("GA", "", _SOURCE, _IMPLEMENTING),
    PartyRef("HK", "Hong Kong SAR", _DESTINATION, _EXITED),
    PartyRef("JP", "", _DESTINATION, _IMPLEMENTING),
    PartyRef("KE", "", _SOURCE, _EXITED),
    PartyRef("KH", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("LA", "Lao PDR", _TRANSIT_DESTINATION, _IMPLEMENTING),
    PartyRef("LK", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("MW", "", _SOURCE_TRANSIT, _IMPLEMENTING),
    PartyRef("MY", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("MZ", "", _SOURCE_TRANSIT, _IMPLEMENTING),
    PartyRef("NG", "", _SOURCE_TRANSIT, _IMPLEMENTING),
    PartyRef("PH", "", _TRANSIT, _EXITED),
    PartyRef("QA", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("TG", "", _TRANSIT, _IMPLEMENTING),
    PartyRef("TH", "", _DESTINATION, _EXITED),
    PartyRef("TZ", "", _SOURCE, _IMPLEMENTING),
    PartyRef("UG", "", _SOURCE, _EXITED),
    PartyRef("VN", "Viet Nam", _TRANSIT, _IMPLEMENTING),
)

# Members of the regions below that take no part in the NIAP process. Singapore was named in
# Category A after CoP17 but did not join the process.
OTHER_PARTIES: tuple[PartyRef, ...] = tuple(
    PartyRef(code, in_niap_process=False)
    for code in (
        # ASEAN
        "BN",
        "ID",
        "MM",
        "SG",
        # SADC
        "BW",
        "LS",
        "NA",
        "SZ",
        "ZM",
        "ZW",
        # ECOWAS
        "BF",
        "BJ",
        "CI",
        "GH",
        "GM",
        "GN",
        "GW",
        "LR",
        "ML",
        "NE",
        "SL",
        "SN",
        # ECCAS
        "BI",
        "CF",
        "GQ",
        "ST",
        "TD",
        # EAC
        "RW",
    )
)

PARTIES: tuple[PartyRef, ...] = NIAP_PARTIES + OTHER_PARTIES

_COP16 = "ETIS analysis for CoP16; SC65 Doc. 42.1"
_COP16_HK = _COP16 + "; named with China, with a plan of its own"
_COP17_A = "ETIS analysis for CoP17 (CoP17 Doc. 24 (Rev. 1)); renamed Category A at SC69"
_COP17_B = "SC70 Doc. 27.4 Annex 1"
_COP17_C = "ETIS analysis for CoP17 (CoP17 Doc. 24 (Rev. 1)); renamed Category C at SC69"
_COP19 = "Categories after CoP19: SC75 Doc. 7.4"
_COP19_KEPT = _COP19 + "; set by the ETIS analysis for CoP17"


def _cycle(cycle: str, category: str, source: str, countries: str) -> tuple[CategoryRef, ...]:
    return tuple(CategoryRef(code, cycle, category, source) for code in countries.split())


CATEGORIES: tuple[CategoryRef, ...] = (
    *_cycle("CoP16", A, _COP16, "CN KE MY PH TH UG TZ VN"),
    *_cycle("CoP16", A, _COP16_HK, "HK"),
    *_cycle("CoP16", B, _COP16, "CM CG CD EG ET GA MZ NG"),
    *_cycle("CoP16", C, _COP16, "AO KH JP LA QA"),
    *_cycle("CoP17", A, _COP17_A, "CN HK KE MW MY SG TG UG TZ VN"),
    *_cycle("CoP17", B, _COP17_B, "KH"),
    *_cycle("CoP17", C, _COP17_C, "AO CD EG"),
    *_cycle("CoP19", A, _COP19, "CD NG VN"),
    *_cycle("CoP19", A, _COP19_KEPT, "TG"),
    *_cycle("CoP19", B, _COP19, "KH GA MY MZ"),
    *_cycle("CoP19", C, _COP19, "AO CM CG LA"),
    *_cycle("CoP19", C, _COP19_KEPT, "QA"),
)


def _members(start: date, countries: str, end: date | None = None) -> tuple[MembershipRef, ...]:
    return tuple(MembershipRef(code, start, end) for code in countries.split())


_ASEAN_FOUNDED = date(1967, 8, 8)
_SADC_FOUNDED = date(1992, 8, 17)
_ECOWAS_FOUNDED = date(1975, 5, 28)
# Burkina Faso, Mali and Niger left ECOWAS on the date ECOWAS set for their withdrawal.
_ECOWAS_AES_LEFT = date(2025, 1, 29)
_ECCAS_FOUNDED = date(1983, 10, 18)
_EAC_FOUNDED = date(2000, 7, 7)

REGIONS: tuple[RegionRef, ...] = (
    RegionRef(
        "asean",
        "Association of Southeast Asian Nations",
        (
            *_members(_ASEAN_FOUNDED, "ID MY PH SG TH"),
            *_members(date(1984, 1, 7), "BN"),
            *_members(date(1995, 7, 28), "VN"),
            *_members(date(1997, 7, 23), "LA MM"),
            *_members(date(1999, 4, 30), "KH"),
        ),
    ),
    # Left out until their dates are confirmed: South Africa (1994), Mauritius (1995),
    # Seychelles (1997, left 2004, back 2008), Madagascar (2005), Comoros (2017).
    RegionRef(
        "sadc",
        "Southern African Development Community",
        (
            *_members(_SADC_FOUNDED, "AO BW LS MW MZ NA SZ TZ ZM ZW"),
            *_members(date(1997, 9, 8), "CD"),
        ),
    ),
    # Left out until their dates are confirmed: Cabo Verde (joined 1977) and Mauritania
    # (a founder that left in 2000).
    RegionRef(
        "ecowas",
        "Economic Community of West African States",
        (
            *_members(_ECOWAS_FOUNDED, "BJ CI GH GM GN GW LR NG SL SN TG"),
            *_members(_ECOWAS_FOUNDED, "BF ML NE", end=_ECOWAS_AES_LEFT),
        ),
    ),
    # Angola joined in 1999; the day is not known and 1 January stands for the year. Rwanda
    # (a founder that left in 2007 and came back in 2016) is left out until its dates are
    # confirmed.
    RegionRef(
        "eccas",
        "Economic Community of Central African States",
        (
            *_members(_ECCAS_FOUNDED, "BI CD CF CG CM GA GQ ST TD"),
            *_members(date(1999, 1, 1), "AO"),
        ),
    ),
    # Left out until their dates are confirmed: South Sudan (2016) and Somalia (2024).
    RegionRef(
        "eac",
        "East African Community",
        (
            *_members(_EAC_FOUNDED, "KE TZ UG"),
            *_members(date(2007, 7, 1), "BI RW"),
            *_members(date(2022, 7, 11), "CD"),
        ),
    ),
)

# Pillar names as plans write them, in English, French or Spanish (lower case, without
# accents), to the pillar of the NIAP guidelines. The first match wins, so collaboration comes
# before enforcement ("inter-agency enforcement collaboration") and legislation's "law" must not
# catch "law enforcement".
PILLAR_KEYWORDS: tuple[tuple[str, str], ...] = (
    (
        r"collaborat|cooperat|coordinat|inter-?agenc|inter-?institution|interinstitucional"
        r"|international",
        StandardPillar.COLLABORATION.value,
    ),
    (
        r"legisla|regulat|reglement|reglament|juridi|\blegal\b|\blaws?\b(?!\s+enforce)",
        StandardPillar.LEGISLATION.value,
    ),
    (
        r"enforce|judic|prosecut|poursuite|enjuiciamiento|court|tribunal|investigat|operation"
        r"|application de la loi|aplicacion de la ley|observancia|lutte contre",
        StandardPillar.ENFORCEMENT.value,
    ),
    (
        r"outreach|aware|educat|communicat|driver|prevent|demand|sensibili|concienci|difusion",
        StandardPillar.OUTREACH.value,
    ),
    (
        r"report|data|monitor|rapport|donnees|informe|datos|seguimiento|suivi",
        StandardPillar.REPORTING.value,
    ),
)

_PILLAR_PATTERNS = tuple((re.compile(pattern), pillar) for pattern, pillar in PILLAR_KEYWORDS)


def standard_pillar_for(name: str) -> str:
    """The standard pillar a plan's pillar name belongs to, or "" when none matches."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    for pattern, pillar in _PILLAR_PATTERNS:
        if pattern.search(folded):
            return pillar
    return ""
