# ruff: noqa: E501
# (The lines are sentences of data: wrapping them would only make them harder to read.)
"""The fixed inputs of the demo data set: its choices, its figures and its words.

The words (pillars, actions, progress, synopses, partners) are written for Tusk, in English and
French, the language of the francophone Parties' plans. Templates take `str.format` fields:
{agency}, {partner}, {month}, {year}, {n}, {m}.
"""

from __future__ import annotations

from dataclasses import dataclass

from tusk.plans.choices import StandardPillar
from tusk.reports.choices import ReportStatus
from tusk.support.choices import NeedKind, PartnerKind

FRANCOPHONE = frozenset({"CD", "CG", "CM", "GA", "TG"})
# The first meeting whose reports use the six-level scale.
NIAP6_FROM = 69
# When domain.md says these Parties left the process; another exited Party is taken to have
# left at SC74.
EXITS = {"CN": 70, "HK": 74, "KE": 70, "PH": 70, "TH": 70, "UG": 70}
DEFAULT_EXIT = 74
# Days from the CoP whose ETIS analysis named a Party to the first meeting it reports to:
# Parties of the first rank were asked first.
FIRST_REPORT_AFTER = {"A": 365, "B": 548, "C": 548}
# Rows of SC70 Doc. 27.4 Annex 1 quoted in domain.md, reproduced so that the demo's annex
# table has figures to check: actions per rating, best first, the Party's then the
# Secretariat's.
PINNED: dict[tuple[str, int], tuple[tuple[int, ...], tuple[int, ...]]] = {
    ("KH", 69): ((2, 1, 0, 7, 0, 3), (1, 2, 0, 7, 0, 3)),
    ("MW", 70): ((7, 2, 2, 0, 1, 0), (5, 3, 3, 1, 0, 0)),
    ("MY", 70): ((2, 6, 3, 0, 0, 0), (0, 3, 8, 0, 0, 0)),
}
MISSING = "missing"
# Statuses at the latest meeting, dealt in this order to the Parties other than Cambodia and
# Gabon (whose focal points find a draft to work on): one report returned, some missing.
LATEST_FIXED = {"KH": ReportStatus.DRAFT, "GA": ReportStatus.DRAFT}
_D, _S, _R, _A = (
    ReportStatus.DRAFT,
    ReportStatus.SUBMITTED,
    ReportStatus.UNDER_REVIEW,
    ReportStatus.ASSESSED,
)
LATEST_ORDER = (
    MISSING,
    ReportStatus.RETURNED,
    _R,
    _S,
    _A,
    MISSING,
    _R,
    _S,
    _D,
    _S,
    _R,
    MISSING,
    _S,
    _D,
    _A,
    _R,
)
# The kind of need of an action that is not one of ACTIONS, by its standard pillar.
NEED_OF_PILLAR: dict[str, str] = {
    StandardPillar.LEGISLATION: NeedKind.LEGAL_DRAFTING,
    StandardPillar.COLLABORATION: NeedKind.TECHNICAL_ASSISTANCE,
    StandardPillar.ENFORCEMENT: NeedKind.TRAINING,
    StandardPillar.OUTREACH: NeedKind.FUNDING,
    StandardPillar.REPORTING: NeedKind.TECHNICAL_ASSISTANCE,
}
INDICATOR_PARTIES = ("GA", "KH", "LA", "MY", "MZ", "NG", "TG", "VN")


@dataclass(frozen=True)
class PillarText:
    """A pillar of a generated plan: its key, standard pillar, names and typical agencies."""

    key: str
    standard: str
    en: str
    fr: str
    agencies_en: tuple[str, ...]
    agencies_fr: tuple[str, ...]
    indicator_en: str
    indicator_fr: str


@dataclass(frozen=True)
class ActionText:
    """A NIAP-like action: the pillar it belongs to, its title, and what it usually needs."""

    pillar: str
    en: str
    fr: str
    need: str
    livelihood: bool = False


PILLARS: tuple[PillarText, ...] = (
    PillarText(
        "legislation",
        StandardPillar.LEGISLATION,
        "Legislation and regulations",
        "Législation et réglementation",
        ("Ministry of Environment", "Ministry of Justice", "Attorney General's Office"),
        (
            "Ministère des Eaux et Forêts",
            "Ministère de la Justice",
            "Secrétariat général du Gouvernement",
        ),
        "Text adopted and published in the official gazette",
        "Texte adopté et publié au Journal officiel",
    ),
    PillarText(
        "collaboration",
        StandardPillar.COLLABORATION,
        "Inter-agency and international collaboration",
        "Collaboration interinstitutionnelle et internationale",
        (
            "CITES Management Authority",
            "National wildlife crime task force",
            "Ministry of Foreign Affairs",
        ),
        (
            "Organe de gestion CITES",
            "Cellule nationale de lutte contre la criminalité faunique",
            "Ministère des Affaires étrangères",
        ),
        "Meetings held and decisions followed up",
        "Réunions tenues et décisions suivies",
    ),
    PillarText(
        "enforcement",
        StandardPillar.ENFORCEMENT,
        "Enforcement operations",
        "Opérations de lutte contre la fraude",
        ("Wildlife authority", "Customs", "National Police", "Airport and seaport authorities"),
        (
            "Direction de la faune et des aires protégées",
            "Douanes",
            "Police judiciaire",
            "Gendarmerie nationale",
        ),
        "Seizures, arrests and cases opened each year",
        "Saisies, arrestations et dossiers ouverts chaque année",
    ),
    PillarText(
        "prosecution",
        StandardPillar.ENFORCEMENT,
        "Prosecution and judiciary",
        "Poursuites et justice",
        (
            "Office of the Director of Public Prosecutions",
            "Judicial Training Institute",
            "Ministry of Justice",
        ),
        ("Parquet général", "École nationale de la magistrature", "Ministère de la Justice"),
        "Cases prosecuted and convictions obtained",
        "Affaires poursuivies et condamnations prononcées",
    ),
    PillarText(
        "outreach",
        StandardPillar.OUTREACH,
        "Public awareness and demand reduction",
        "Sensibilisation du public et réduction de la demande",
        ("Ministry of Information", "Wildlife authority", "Provincial governments"),
        (
            "Ministère de la Communication",
            "Direction de la faune et des aires protégées",
            "Gouvernorats de province",
        ),
        "People reached and change in attitudes surveyed",
        "Personnes touchées et évolution des comportements mesurée",
    ),
    PillarText(
        "reporting",
        StandardPillar.REPORTING,
        "Reporting and data",
        "Rapports et données",
        ("CITES Management Authority", "Wildlife authority", "Customs"),
        ("Organe de gestion CITES", "Direction de la faune et des aires protégées", "Douanes"),
        "Reports submitted on time and complete",
        "Rapports transmis à temps et complets",
    ),
)

_F = NeedKind.FUNDING
_T = NeedKind.TECHNICAL_ASSISTANCE
_E = NeedKind.EQUIPMENT
_TR = NeedKind.TRAINING
_L = NeedKind.LEGAL_DRAFTING

# fmt: off
ACTIONS: tuple[ActionText, ...] = (
    ActionText("legislation", "Amend the wildlife law so that ivory trafficking is a serious crime punishable by at least four years' imprisonment", "Modifier la loi sur la faune pour que le trafic d'ivoire soit une infraction grave punie d'au moins quatre ans d'emprisonnement", _L),
    ActionText("legislation", "Adopt regulations on the registration and management of government-held ivory stockpiles", "Adopter un règlement sur l'enregistrement et la gestion des stocks d'ivoire détenus par l'État", _L),
    ActionText("legislation", "Close the domestic market for raw and worked ivory", "Fermer le marché intérieur de l'ivoire brut et travaillé", _L),
    ActionText("legislation", "List all African and Asian elephant specimens as protected species in national law", "Inscrire tous les spécimens d'éléphants d'Afrique et d'Asie sur la liste nationale des espèces protégées", _L),
    ActionText("legislation", "Revise the customs code to allow controlled deliveries and the confiscation of proceeds of wildlife crime", "Réviser le code des douanes pour permettre les livraisons surveillées et la confiscation des produits de la criminalité faunique", _L),
    ActionText("legislation", "Make wildlife crime a predicate offence under the anti-money-laundering law", "Faire de la criminalité faunique une infraction sous-jacente au blanchiment de capitaux", _L),
    ActionText("legislation", "Publish the implementing regulations of the national CITES law", "Publier les textes d'application de la loi nationale sur la CITES", _L),
    ActionText("collaboration", "Establish a national inter-agency wildlife crime task force that meets every quarter", "Créer une cellule interinstitutionnelle de lutte contre la criminalité faunique qui se réunit chaque trimestre", _T),
    ActionText("collaboration", "Sign a memorandum of understanding on wildlife crime between the wildlife authority, customs and police", "Signer un protocole d'accord sur la criminalité faunique entre l'administration de la faune, les douanes et la police", _T),
    ActionText("collaboration", "Hold yearly cross-border meetings with neighbouring countries on joint enforcement", "Tenir chaque année des réunions transfrontalières avec les pays voisins sur les opérations conjointes", _F),
    ActionText("collaboration", "Connect enforcement agencies to the INTERPOL and WCO secure channels for wildlife crime intelligence", "Raccorder les services de répression aux canaux sécurisés d'INTERPOL et de l'OMD pour le renseignement sur la criminalité faunique", _E),
    ActionText("collaboration", "Designate a national focal point for the regional wildlife enforcement network", "Désigner un point focal national pour le réseau régional de lutte contre la fraude faunique", _T),
    ActionText("collaboration", "Conduct joint investigations with source, transit and destination countries after large-scale seizures", "Mener des enquêtes conjointes avec les pays d'origine, de transit et de destination après les saisies importantes", _F),
    ActionText("collaboration", "Apply the ICCWC Wildlife and Forest Crime Analytic Toolkit and follow up its recommendations", "Appliquer la Boîte à outils analytique de l'ICCWC sur la criminalité liée aux espèces sauvages et aux forêts et suivre ses recommandations", _T),
    ActionText("enforcement", "Establish a specialised wildlife crime investigation unit", "Créer une unité spécialisée d'enquête sur la criminalité faunique", _F),
    ActionText("enforcement", "Deploy detection dog teams at the main international airport and seaport", "Déployer des équipes cynophiles à l'aéroport international et au port principaux", _E),
    ActionText("enforcement", "Introduce risk profiling of containers and air cargo for ivory shipments", "Mettre en place le ciblage des conteneurs et du fret aérien à risque pour l'ivoire", _T),
    ActionText("enforcement", "Train frontline officers to identify ivory and ivory products", "Former les agents de terrain à l'identification de l'ivoire et des produits en ivoire", _TR),
    ActionText("enforcement", "Send samples from every seizure of 500 kg or more for forensic DNA analysis", "Envoyer des échantillons de chaque saisie de 500 kg ou plus pour analyse ADN", _T),
    ActionText("enforcement", "Strengthen anti-poaching patrols in the main elephant ranges, recorded with SMART", "Renforcer les patrouilles anti-braconnage dans les principales aires de répartition des éléphants, suivies avec SMART", _E),
    ActionText("enforcement", "Carry out intelligence-led operations against ivory trafficking networks", "Conduire des opérations fondées sur le renseignement contre les réseaux de trafic d'ivoire", _TR),
    ActionText("enforcement", "Monitor online marketplaces and social media for ivory offered for sale", "Surveiller les plateformes en ligne et les réseaux sociaux où de l'ivoire est proposé à la vente", _T),
    ActionText("prosecution", "Train prosecutors and judges on wildlife crime legislation and sentencing", "Former les procureurs et les juges à la législation sur la criminalité faunique et aux peines", _TR),
    ActionText("prosecution", "Issue sentencing guidelines for wildlife crime", "Publier des lignes directrices sur les peines applicables à la criminalité faunique", _L),
    ActionText("prosecution", "Set up a system that tracks wildlife crime cases from arrest to judgment", "Mettre en place un système de suivi des affaires de criminalité faunique de l'arrestation au jugement", _E),
    ActionText("prosecution", "Designate specialised prosecutors for wildlife crime cases", "Désigner des procureurs spécialisés dans les affaires de criminalité faunique", _TR),
    ActionText("prosecution", "Use financial investigations and asset recovery in major ivory cases", "Recourir aux enquêtes financières et au recouvrement des avoirs dans les grandes affaires d'ivoire", _T),
    ActionText("prosecution", "Publish the court decisions in wildlife crime cases", "Publier les décisions de justice rendues dans les affaires de criminalité faunique", _F),
    ActionText("outreach", "Run a national demand-reduction campaign on ivory", "Mener une campagne nationale de réduction de la demande d'ivoire", _F),
    ActionText("outreach", "Inform travellers at airports and border posts of the rules on ivory", "Informer les voyageurs dans les aéroports et aux postes frontières des règles sur l'ivoire", _F),
    ActionText("outreach", "Engage communities living near elephant ranges in reporting poaching", "Associer les communautés riveraines des aires de répartition des éléphants au signalement du braconnage", _F),
    ActionText("outreach", "Develop alternative livelihoods for communities bordering protected areas", "Développer des moyens de subsistance alternatifs pour les communautés riveraines des aires protégées", _F, livelihood=True),
    ActionText("outreach", "Reduce human-elephant conflict with community early-warning schemes", "Réduire les conflits entre l'homme et l'éléphant grâce à des systèmes communautaires d'alerte précoce", _E, livelihood=True),
    ActionText("outreach", "Work with journalists to report seizures, arrests and convictions", "Travailler avec les journalistes pour faire connaître les saisies, arrestations et condamnations", _TR),
    ActionText("outreach", "Destroy seized ivory in public once the cases are closed", "Détruire publiquement l'ivoire saisi une fois les affaires closes", _F),
    ActionText("reporting", "Report every ivory seizure to ETIS within 90 days", "Transmettre chaque saisie d'ivoire à ETIS dans un délai de 90 jours", _T),
    ActionText("reporting", "Take and report a yearly inventory of ivory stockpiles", "Réaliser et transmettre chaque année l'inventaire des stocks d'ivoire", _T),
    ActionText("reporting", "Set up a national database of wildlife seizures, arrests and prosecutions", "Créer une base de données nationale des saisies, arrestations et poursuites", _E),
    ActionText("reporting", "Submit the CITES annual illegal trade report by 31 October each year", "Soumettre le rapport annuel CITES sur le commerce illégal avant le 31 octobre de chaque année", _TR),
    ActionText("reporting", "Collect MIKE data and report PIKE for the main elephant sites", "Collecter les données MIKE et calculer le PIKE pour les principaux sites d'éléphants", _TR),
    ActionText("reporting", "Publish a yearly report on the implementation of the NIAP", "Publier chaque année un rapport sur la mise en œuvre du PANI", _F),
)
# fmt: on

# Progress bullets by pillar and by how far the action has come: (English, French).
# fmt: off
BULLETS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("legislation", "mid"): (("A first draft was prepared by the lead agency ({agency}) and discussed with {n} agencies.", "Un premier projet a été préparé et discuté avec {n} administrations."), ("Consultations with stakeholders were held in {month} {year}.", "Des consultations avec les parties prenantes ont eu lieu en {month} {year}."), ("The draft is before Parliament; adoption is expected at its next session.", "Le projet est devant le Parlement ; son adoption est attendue à la prochaine session.")),
    ("legislation", "high"): (("The text was adopted and published in the official gazette in {month} {year}.", "Le texte a été adopté et publié au Journal officiel en {month} {year}."), ("Guidance on applying the new text was sent to the agencies concerned.", "Des instructions sur l'application du nouveau texte ont été adressées aux services concernés.")),
    ("collaboration", "mid"): (("{n} inter-agency meetings were held during the period.", "{n} réunions interinstitutionnelles se sont tenues pendant la période."), ("A cross-border meeting took place in {month} {year}; the next is planned.", "Une réunion transfrontalière a eu lieu en {month} {year} ; la suivante est prévue.")),
    ("collaboration", "high"): (("The arrangement is signed and the partners meet regularly.", "L'accord est signé et les partenaires se réunissent régulièrement."), ("Joint work with {partner} led to {n} shared investigations.", "Le travail conjoint avec {partner} a conduit à {n} enquêtes partagées.")),
    ("enforcement", "mid"): (("{n} officers were trained in {month} {year} with the support of {partner}.", "{n} agents ont été formés en {month} {year} avec l'appui de {partner}."), ("{n} operations led to {m} seizures during the period.", "{n} opérations ont permis {m} saisies pendant la période.")),
    ("enforcement", "high"): (("The unit is staffed and equipped; {n} cases were opened this period.", "L'unité est dotée en personnel et en équipement ; {n} dossiers ont été ouverts pendant la période."), ("Routine controls now cover all major entry points.", "Les contrôles couvrent désormais tous les principaux points d'entrée.")),
    ("prosecution", "mid"): (("{n} prosecutors and judges attended a workshop in {month} {year}.", "{n} procureurs et juges ont participé à un atelier en {month} {year}."), ("{n} wildlife crime cases are before the courts.", "{n} affaires de criminalité faunique sont devant les tribunaux.")),
    ("prosecution", "high"): (("{n} convictions were obtained during the period, with prison sentences in {m} cases.", "{n} condamnations ont été prononcées pendant la période, avec des peines de prison dans {m} affaires."), ("The guidance is in use by prosecutors nationwide.", "Les orientations sont appliquées par les procureurs dans tout le pays.")),
    ("outreach", "mid"): (("Campaign materials were produced and {n} radio spots broadcast.", "Des supports de campagne ont été produits et {n} messages radio diffusés."), ("Meetings were held in {n} villages near elephant ranges.", "Des réunions ont été tenues dans {n} villages proches des aires de répartition des éléphants.")),
    ("outreach", "high"): (("A survey in {month} {year} found wider awareness of the ivory ban.", "Une enquête menée en {month} {year} montre une meilleure connaissance de l'interdiction de l'ivoire."), ("The activity continues with the provinces' own resources.", "L'activité se poursuit avec les moyens propres des provinces.")),
    ("reporting", "mid"): (("{m} of {n} seizures were reported to ETIS within 90 days.", "{m} saisies sur {n} ont été transmises à ETIS dans les 90 jours."), ("The database structure was agreed; data entry has started.", "La structure de la base de données a été arrêtée ; la saisie a commencé.")),
    ("reporting", "high"): (("Reports were submitted in full and on time.", "Les rapports ont été transmis complets et dans les délais."), ("The inventory of {month} {year} was completed and sent to the Secretariat.", "L'inventaire de {month} {year} a été réalisé et transmis au Secrétariat.")),
}
# fmt: on

# fmt: off
EARLY_BULLETS: tuple[tuple[str, str], ...] = (
    ("No activity yet: the action waits for funding.", "Aucune activité pour l'instant : l'action attend un financement."),
    ("Terms of reference were drafted and shared with partners in {month} {year}.", "Des termes de référence ont été rédigés et partagés avec les partenaires en {month} {year}."),
    ("Work is due to start once the related action is completed.", "Les travaux commenceront une fois l'action liée achevée."),
)
# fmt: on

# Closing bullets: the first two fit any action, the last two only one that is behind.
# fmt: off
CLOSING_BULLETS: tuple[tuple[str, str], ...] = (
    ("Overall, progress is on schedule.", "Dans l'ensemble, les progrès sont conformes au calendrier."),
    ("Next step: a review of the results with the lead agency ({agency}).", "Prochaine étape : un bilan des résultats avec les services concernés ({agency})."),
    ("Progress was slowed by a lack of funds.", "Les progrès ont été ralentis par un manque de fonds."),
    ("Coordination with other agencies caused some delay.", "La coordination avec les autres administrations a causé quelques retards."),
)
# fmt: on

# fmt: off
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"),
}
# fmt: on

# The Secretariat's reasons when its rating is lower, or higher, than the Party's.
COMMENTS_LOWER: tuple[str, ...] = (
    "The report describes activities but not the result the action aims at.",
    "No evidence was provided that the text has been adopted.",
    "The activities reported were started before the plan and do not yet meet the milestone.",
    "Progress depends on funding that is not yet secured.",
    "The figures given do not show an increase over the previous period.",
)
COMMENTS_HIGHER: tuple[str, ...] = (
    "The Secretariat notes that the milestone was met after the reporting period closed.",
    "Information received from partners shows more progress than the report states.",
)

OVERVIEW = {
    "en": (
        "Overall, implementation of the NIAP is {state}. This report covers {n} actions for the period {start} to {end}.",
        {
            "good": "progressing well",
            "fair": "broadly on track, with some actions delayed by a lack of funding",
            "slow": "slower than planned",
        },
    ),
    "fr": (
        "Dans l'ensemble, la mise en œuvre du PANI {state}. Ce rapport porte sur {n} activités pour la période de {start} à {end}.",
        {
            "good": "progresse bien",
            "fair": "est globalement en bonne voie, certaines activités étant retardées faute de financement",
            "slow": "est plus lente que prévu",
        },
    ),
}
COUNTS = {"en": "Of the {n} actions, {parts}.", "fr": "Sur les {n} activités, {parts}."}
COUNT_PART = {"en": "{k} rated {label}", "fr": "« {label} » pour {k}"}
# The most advanced actions: (one, several).
HIGHLIGHT = {
    "en": ("The most advanced action is {codes}.", "The most advanced actions are {codes}."),
    "fr": (
        "L'activité la plus avancée est l'activité {codes}.",
        "Les activités les plus avancées sont les activités {codes}.",
    ),
}
OUTLOOK = {
    "en": "In the next period the focus will be on action {code}: {title}. Funding is still sought for actions {codes}.",
    "fr": "Au cours de la prochaine période, l'accent sera mis sur l'activité {code} : {title}. Un financement est encore recherché pour les activités {codes}.",
}
PREPARED_BY = {
    "en": "CITES Management Authority of {party}",
    "fr": "Organe de gestion CITES – {party}",
}
PLAN_TITLE = {
    "en": (
        "National Ivory Action Plan of {party}",
        "National Ivory Action Plan of {party} (revised {year})",
    ),
    "fr": (
        "Plan d'action national pour l'ivoire (PANI) – {party}",
        "Plan d'action national pour l'ivoire (PANI) – {party} (révisé en {year})",
    ),
}
TIMEFRAME = {
    "en": ("{a}–{b}", "By December {b}", "Ongoing"),
    "fr": ("{a}–{b}", "D'ici décembre {b}", "En continu"),
}
RETURN_REASON = (
    "Part C gives no progress for several actions and the synopsis counts do not match the "
    "ratings: please complete the report and submit it again."
)

NEED_TEXT: dict[str, str] = {
    NeedKind.FUNDING: "Funds to carry out the action: {title}",
    NeedKind.TECHNICAL_ASSISTANCE: "Technical assistance to the lead agency: {title}",
    NeedKind.EQUIPMENT: "Equipment for the lead agency: {title}",
    NeedKind.TRAINING: "Training for the lead agency's staff: {title}",
    NeedKind.LEGAL_DRAFTING: "Help with legal drafting: {title}",
}
NEED_AMOUNTS: dict[str, tuple[int, int]] = {
    NeedKind.FUNDING: (30_000, 500_000),
    NeedKind.TECHNICAL_ASSISTANCE: (20_000, 250_000),
    NeedKind.EQUIPMENT: (15_000, 300_000),
    NeedKind.TRAINING: (10_000, 150_000),
    NeedKind.LEGAL_DRAFTING: (5_000, 80_000),
}
PLAN_NEEDS: tuple[tuple[str, str], ...] = (
    (
        NeedKind.TECHNICAL_ASSISTANCE,
        "Technical assistance to review the NIAP and set measurable indicators",
    ),
    (NeedKind.FUNDING, "Core funding for the NIAP coordination unit"),
    (NeedKind.TRAINING, "Training on the ICCWC Indicator Framework self-assessment"),
)
SUPPORT_TEXT: dict[str, str] = {
    "pledged": "Pledge announced at the partners' coordination meeting",
    "committed": "Grant agreement signed; work plan agreed with the lead agency",
    "disbursed": "Funds transferred to the implementing agency",
    "completed": "Activities completed and final report received",
}


@dataclass(frozen=True)
class PartnerText:
    """A real organisation that supports NIAP work, and the pillars it usually supports."""

    name: str
    acronym: str
    kind: str
    website: str
    pillars: tuple[str, ...]


# fmt: off
PARTNERS: tuple[PartnerText, ...] = (
    PartnerText("United States Agency for International Development", "USAID", PartnerKind.GOVERNMENT, "https://www.usaid.gov", ("legislation", "enforcement", "prosecution")),
    PartnerText("European Union", "EU", PartnerKind.MULTILATERAL, "https://international-partnerships.ec.europa.eu", ("legislation", "collaboration", "enforcement")),
    PartnerText("United Nations Office on Drugs and Crime", "UNODC", PartnerKind.MULTILATERAL, "https://www.unodc.org", ("legislation", "collaboration", "prosecution")),
    PartnerText("World Bank", "", PartnerKind.MULTILATERAL, "https://www.worldbank.org", ("enforcement", "reporting")),
    PartnerText("WWF", "WWF", PartnerKind.NGO, "https://www.worldwildlife.org", ("enforcement", "outreach") ),
    PartnerText("TRAFFIC", "TRAFFIC", PartnerKind.NGO, "https://www.traffic.org", ("reporting", "outreach", "enforcement")),
    PartnerText("Wildlife Conservation Society", "WCS", PartnerKind.NGO, "https://www.wcs.org", ("enforcement", "prosecution", "legislation")),
    PartnerText("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", PartnerKind.GOVERNMENT, "https://www.giz.de", ("collaboration", "reporting")),
    PartnerText("UK Defra Illegal Wildlife Trade Challenge Fund", "IWT Challenge Fund", PartnerKind.GOVERNMENT, "https://iwt.challengefund.org.uk", ("enforcement", "prosecution", "outreach")),
    PartnerText("INTERPOL", "INTERPOL", PartnerKind.MULTILATERAL, "https://www.interpol.int", ("collaboration", "enforcement")),
    PartnerText("Stop Ivory", "", PartnerKind.NGO, "https://www.stopivory.org", ("reporting", "enforcement") ),
    PartnerText("Elephant Protection Initiative Foundation", "EPI Foundation", PartnerKind.FOUNDATION, "https://elephantprotectioninitiative.org", ("reporting", "collaboration")),
)
# fmt: on


@dataclass(frozen=True)
class IndicatorText:
    """A road-map indicator: its name, unit, pillar, and baseline and target values."""

    code: str
    name: str
    unit: str
    standard: str
    baseline: int
    target: int


# fmt: off
REGION_INDICATORS: dict[str, tuple[IndicatorText, ...]] = {
    "asean": (
        IndicatorText("ASEAN-1", "Member States with a national action plan against illegal wildlife trade in force", "Member States", StandardPillar.COLLABORATION, 4, 10),
        IndicatorText("ASEAN-2", "Ivory seizures reported to ETIS within 90 days", "%", StandardPillar.REPORTING, 35, 90),
        IndicatorText("ASEAN-3", "Joint cross-border enforcement operations", "operations a year", StandardPillar.ENFORCEMENT, 2, 12),
        IndicatorText("ASEAN-4", "Wildlife crime cases ending in conviction", "%", StandardPillar.ENFORCEMENT, 20, 60),
    ),
    "sadc": (
        IndicatorText("SADC-1", "Member States applying the SADC Law Enforcement and Anti-Poaching Strategy", "Member States", StandardPillar.COLLABORATION, 3, 11),
        IndicatorText("SADC-2", "Elephant carcass ratio (PIKE) at MIKE sites", "%", StandardPillar.REPORTING, 60, 40),
    ),
    "ecowas": (
        IndicatorText("ECOWAS-1", "Member States with wildlife crime as a predicate offence", "Member States", StandardPillar.LEGISLATION, 2, 12),
        IndicatorText("ECOWAS-2", "Ivory seizures reported to ETIS within 90 days", "%", StandardPillar.REPORTING, 20, 80),
    ),
    "eccas": (
        IndicatorText("ECCAS-1", "Trans-boundary anti-poaching operations under the PAPECALF plan", "operations a year", StandardPillar.ENFORCEMENT, 1, 8),
        IndicatorText("ECCAS-2", "Wildlife crime cases ending in conviction", "%", StandardPillar.ENFORCEMENT, 15, 50),
    ),
    "eac": (
        IndicatorText("EAC-1", "Joint cross-border enforcement operations", "operations a year", StandardPillar.ENFORCEMENT, 2, 10),
        IndicatorText("EAC-2", "Rangers trained in wildlife crime scene management", "rangers (cumulative)", StandardPillar.ENFORCEMENT, 50, 600),
    ),
}
# fmt: on
# fmt: off
COUNTRY_INDICATORS: tuple[IndicatorText, ...] = (
    IndicatorText("1", "Wildlife crime prosecutions concluded", "cases a year", StandardPillar.ENFORCEMENT, 5, 40),
    IndicatorText("2", "Large ivory seizures sampled for DNA analysis", "%", StandardPillar.ENFORCEMENT, 10, 100),
    IndicatorText("3", "Officers trained in wildlife crime investigation", "officers (cumulative)", StandardPillar.ENFORCEMENT, 20, 400),
    IndicatorText("4", "Ivory seizures reported to ETIS within 90 days", "%", StandardPillar.REPORTING, 30, 90 ),
    IndicatorText("5", "People aware that buying ivory is illegal", "% of those surveyed", StandardPillar.OUTREACH, 25, 70),
)
# fmt: on
