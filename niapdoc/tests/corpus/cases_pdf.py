"""Corpus cases written as PDFs: from Word files by LibreOffice, and from HTML by WeasyPrint."""

from __future__ import annotations

from niapdoc.tests.corpus.spec import Act, Case, Extra, Finding, Layout, Pillar

NIGERIA_SC70 = Case(
    name="pdf-lo-en-nigeria-sc70",
    kind="pdf-lo",
    language="en",
    scale="niap6",
    quirks=(
        "a PDF saved by LibreOffice from a Word file, header rows repeated on each page",
        "the page stamp 'SC70 Doc. 27.4 – Annex 5 – p. N' in the footer",
        "a Part C row that the page break splits",
        "a clean report: no finding",
    ),
    header=(
        "CITES SC70 NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "Category A Parties",
        "Prepared for the 70th meeting of the CITES Standing Committee",
        "Party: FEDERAL REPUBLIC OF NIGERIA",
        "Reporting period: 1 July 2017 – 30 June 2018",
        "Prepared by: Federal Ministry of Environment, Department of Forestry",
    ),
    party="Federal Republic of Nigeria",
    party_code="NG",
    meeting="SC70",
    period_start="2017-07-01",
    period_end="2018-06-30",
    prepared_by="Federal Ministry of Environment, Department of Forestry",
    overview=(
        "Nigeria adopted its NIAP in 2017. Its implementation is coordinated by the Federal "
        "Ministry of Environment with the Nigeria Customs Service, the Nigeria Police Force and "
        "the National Environmental Standards and Regulations Enforcement Agency.",
        "This first progress report covers the year that followed the adoption of the plan.",
    ),
    progress=(
        "Two of the ten actions have been achieved and one is substantially achieved. Four "
        "actions are on track, two have made partial progress and one has not commenced.",
        "The most significant result is the conviction of two traffickers in Lagos in 2018, "
        "the first custodial sentences for ivory trafficking in the country.",
    ),
    outlook=(
        "The revision of the Endangered Species (Control of International Trade and Traffic) "
        "Act will be sent to the National Assembly in 2019.",
        "Nigeria will seek support from partners to equip the wildlife crime unit at the "
        "Murtala Muhammed International Airport.",
    ),
    pillars=(
        Pillar("1", "Legislation"),
        Pillar("2", "Enforcement"),
        Pillar("3", "Intelligence and investigations"),
        Pillar("4", "Awareness"),
    ),
    actions=(
        Act("1.1", "Revise the Endangered Species (Control of International Trade and Traffic) "
            "Act to raise penalties", "partial_progress", "partial_progress",
            progress=("A draft bill has been prepared with the Federal Ministry of Justice.",)),
        Act("1.2", "Issue a ban on the domestic trade in ivory", "achieved", "achieved",
            progress=("The ban was announced by the Minister in March 2018.",)),
        Act("2.1", "Set up a wildlife crime unit at the Murtala Muhammed International Airport",
            "on_track", "on_track",
            progress=("Staff have been assigned; the office is being equipped.",)),
        Act("2.2", "Strengthen inspections at the seaports of Lagos and Onne, including the "
            "container terminals, with the Nigeria Customs Service", "on_track", "on_track",
            progress=(
                "A joint inspection team of customs and wildlife officers was created in "
                "November 2017 and now works at the Apapa and Tin Can Island ports.",
                "The team inspected 312 containers declared as timber, scrap metal or "
                "household goods bound for Asia during the reporting period.",
                "Two containers holding ivory and pangolin scales were stopped at Apapa in "
                "January 2018, and the case was handed to the Nigeria Police Force.",
                "Risk profiles were drawn up with the help of the World Customs Organization "
                "and are now used to choose containers for physical inspection.",
                "Inspections at Onne port will start once the team has been trained, which is "
                "planned for the last quarter of 2018.",
                "Funds for a second scanner at Tin Can Island were requested from partners.",
                "The team reports every month to the inter-agency committee on wildlife "
                "crime.",
            )),
        Act("2.3", "Train customs officers in the identification of ivory and ivory products",
            "on_track", "on_track", progress=("Three courses trained 75 officers.",)),
        Act("2.4", "Close the ivory markets in Lagos and Abuja", "achieved", "achieved",
            progress=("The Lekki market no longer sells ivory openly.",)),
        Act("3.1", "Create an inter-agency wildlife crime intelligence unit",
            "substantially_achieved", "substantially_achieved",
            progress=("The unit has met six times and shares information with INTERPOL.",)),
        Act("3.2", "Investigate the financial flows of ivory trafficking networks",
            "partial_progress", "partial_progress",
            progress=("One case was referred to the Economic and Financial Crimes "
                      "Commission.",)),
        Act("4.1", "Run a national media campaign on the ivory ban", "on_track", "on_track",
            progress=("Radio spots ran in English, Hausa, Yoruba and Igbo.",)),
        Act("4.2", "Train journalists in reporting on wildlife crime", "not_commenced",
            "not_commenced", progress=("Planned for 2019.",)),
    ),
    findings=(),
    layout=Layout(
        title_lines=2,
        footer="SC70 Doc. 27.4 – Annex 5 – p. {page}",
    ),
)  # fmt: skip

CONGO_SC69 = Case(
    name="pdf-lo-fr-congo-sc69",
    kind="pdf-lo",
    language="fr",
    scale="niap6",
    quirks=(
        "a French PDF saved by LibreOffice, 'N | P a g e' in the footer",
        "synopsis counts in French words, one differing from the tables",
        "a rating placeholder [NOTATION DES PROGRÈS]",
    ),
    header=(
        "PLAN D'ACTION NATIONAL POUR L'IVOIRE (PANI) – RAPPORT D'ÉTAPE",
        "Préparé pour la 69e session du Comité permanent de la CITES",
        "Partie : RÉPUBLIQUE DU CONGO",
        "Période de rapport : janvier 2016 – juin 2017",
        "Préparé par : Direction de la Faune et des Aires Protégées",
    ),
    party="République du Congo",
    party_code="CG",
    meeting="SC69",
    period_start="2016-01",
    period_end="2017-06",
    prepared_by="Direction de la Faune et des Aires Protégées",
    overview=(
        "La République du Congo met en œuvre son PANI avec l'appui du projet d'appui à "
        "l'application de la loi sur la faune sauvage.",
    ),
    progress=(
        "Sur les neuf activités, deux sont réalisées, cinq sont en bonne voie et une est en "
        "attente de l'achèvement d'une autre activité.",
        "Les saisies ont permis l'arrestation de 23 trafiquants présumés.",
    ),
    outlook=(
        "Le Congo entend achever l'inventaire du stock d'ivoire avant la fin de 2017.",
    ),
    pillars=(
        Pillar("1", "Législation"),
        Pillar("2", "Lutte contre la fraude"),
        Pillar("3", "Coopération"),
        Pillar("4", "Sensibilisation"),
    ),
    actions=(
        Act("1.1", "Adopter la loi sur la faune et les aires protégées révisée", "on_track",
            "on_track", progress=("Le texte est devant le Parlement.",)),
        Act("1.2", "Publier l'arrêté sur la gestion des stocks d'ivoire", "achieved",
            "achieved", progress=("L'arrêté a été publié au Journal officiel.",)),
        Act("2.1", "Renforcer les contrôles à l'aéroport Maya-Maya et au port de Pointe-Noire",
            "on_track", "on_track",
            progress=("Des brigades mixtes opèrent depuis mars 2017.",
                      "Onze saisies ont été réalisées.")),
        Act("2.2", "Former les agents des douanes à l'identification de l'ivoire", "on_track",
            "on_track", progress=("Deux sessions ont eu lieu.",)),
        Act("2.3", "Inventorier le stock d'ivoire de l'État", "partial_progress", None,
            c_text="[NOTATION DES PROGRÈS]",
            progress=("L'inventaire de Brazzaville est terminé ; celui de Pointe-Noire "
                      "reste à faire.",)),
        Act("3.1", "Coopérer avec le Gabon et le Cameroun dans le cadre du TRIDOM",
            "on_track", "on_track", progress=("Une patrouille conjointe a eu lieu.",)),
        Act("3.2", "Échanger les données de saisies avec ETIS", "achieved", "achieved",
            progress=("Toutes les saisies de 2016 ont été transmises.",)),
        Act("4.1", "Sensibiliser les populations riveraines des parcs", "pending_other_action",
            "pending_other_action",
            progress=("Attend l'adoption de la loi (activité 1.1).",)),
        Act("4.2", "Informer les voyageurs de l'interdiction du commerce de l'ivoire",
            "not_commenced", "not_commenced", progress=("Aucune action à ce jour.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 5 actions as En bonne voie, but the tables rate 4 actions En "
                "bonne voie: correct the synopsis or the ratings."),
        Finding("rating-placeholder", "error", "2.3", None,
                "Part C gives no rating for action 2.3: the template placeholder [NOTATION DES "
                "PROGRÈS] was left in; Part B rates it Progrès partiel."),
    ),
    layout=Layout(
        part_a="SECTION A : Synopsis de la mise en œuvre du PANI",
        part_b="SECTION B : Évaluation sommaire des activités",
        part_c="SECTION C : Évaluation détaillée des activités",
        progress_heading="Progrès à ce jour",
        outlook_heading="Perspectives",
        b_pillar_head="CATÉGORIE/PILIER",
        b_rating_head="NOTATION DES PROGRÈS",
        c_heads=("ACTIVITÉ", "ÉVALUATION", "RÉSUMÉ DES PROGRÈS (et commentaires)"),
        c_category_format="CATÉGORIE {n} : {name}",
        footer="{page} | P a g e",
    ),
)  # fmt: skip

MOZAMBIQUE_SC74 = Case(
    name="pdf-wp-en-mozambique-sc74",
    kind="pdf-wp",
    language="en",
    scale="niap6",
    quirks=(
        "a PDF made by WeasyPrint with narrow columns: long words break across lines mid-word",
        "the page stamp 'SC74 Doc. 68 – Annex 2 – p. N' in the footer",
        "a Part C row that the page break splits",
        "an action listed twice in Part B, in two columns",
        "an action in Part C only; Parts B and C disagree on another",
    ),
    header=(
        "CITES SC74 NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "Prepared for the 74th meeting of the CITES Standing Committee",
        "Party: MOZAMBIQUE",
        "Reporting period: November 2019 – October 2021",
        "Prepared by: National Administration of Conservation Areas (ANAC)",
    ),
    party="Mozambique",
    party_code="MZ",
    meeting="SC74",
    period_start="2019-11",
    period_end="2021-10",
    prepared_by="National Administration of Conservation Areas (ANAC)",
    overview=(
        "Mozambique revised its NIAP in 2019. Implementation involves ANAC, the Attorney "
        "General's Office, the Mozambique Revenue Authority and the National Criminal "
        "Investigation Service.",
    ),
    progress=(
        "Poaching of elephants in Niassa Special Reserve fell markedly during the period.",
        "Three actions have been achieved and three are on track.",
    ),
    outlook=(
        "Mozambique will finalise the transfer of the ivory stockpile to the central "
        "strongroom in Maputo.",
    ),
    pillars=(
        Pillar("1", "Legislation"),
        Pillar("2", "Enforcement and intelligence"),
        Pillar("3", "Prosecution"),
        Pillar("4", "Stockpile management and awareness"),
    ),
    actions=(
        Act("1.1", "Implement the amended Conservation Areas Law and its regulations",
            "achieved", "achieved",
            progress=("Regulations were approved by the Council of Ministers in 2020.",)),
        Act("1.2", "Criminalise the possession of illegally acquired ivory", "achieved",
            "achieved", progress=("Included in the revised Penal Code.",)),
        Act("2.1", "Establish environmental crime investigation units in the provinces",
            "on_track", "on_track",
            progress=("Units operate in Niassa, Cabo Delgado and Maputo provinces.",)),
        Act("2.2", "Deploy canine detection units at Maputo International Airport",
            "on_track", "on_track",
            progress=("Four canine teams were certified in 2021.",)),
        Act("2.3", "Strengthen intelligence-led counter-trafficking operations with "
            "neighbouring countries", "partial_progress", "on_track",
            progress=("Joint operations with Tanzania resumed after the pandemic.",)),
        Act("3.1", "Train magistrates and prosecutors in environmental legislation",
            "substantially_achieved", "substantially_achieved",
            progress=(
                "Training sessions were held in every province for magistrates, prosecutors "
                "and investigators of the National Criminal Investigation Service.",
                "A practical guide on environmental crimes, their elements and the evidence "
                "that proves them was printed and distributed to all courts.",
                "The Attorney General's Office designated focal prosecutors for "
                "environmental crimes in each province.",
                "A follow-up assessment of the training is planned with partners for 2022.",
                "Magistrates asked for a second module on the seizure and confiscation of the "
                "proceeds of wildlife crime.",
                "The module is being prepared with the Attorney General's Office and will be "
                "tested in Cabo Delgado.",
                "Trained prosecutors handled 46 wildlife cases in 2021, against 19 in 2019.",
                "Sentences now commonly include imprisonment rather than fines alone.",
            )),
        Act("3.2", "Monitor the outcome of wildlife crime cases in court", "partial_progress",
            "partial_progress", progress=("A case database is being piloted.",)),
        Act("4.1", "Transfer the ivory stockpile to a central strongroom", "achieved",
            "achieved", progress=("The strongroom in Maputo holds all government ivory.",)),
        Act("4.2", "Conduct a national awareness campaign on the penalties for ivory crimes",
            "not_commenced", "not_commenced", progress=("Awaiting funding.",)),
        Act("4.3", "Mark and register every tusk of the stockpile in the national database",
            None, "on_track", in_b=False,
            progress=("Marking has started with the tusks seized since 2019.",)),
    ),
    extras=(
        Extra("b", "2.2", "2.2", "Deploy canine detection units at Maputo International "
              "Airport", "partial_progress"),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 3 actions as On track, but the tables rate 4 actions On track: "
                "correct the synopsis or the ratings."),
        Finding("action-duplicate", "error", "2.2", None,
                "Part B lists action 2.2 twice: keep one entry per action so that it is counted "
                "once."),
        Finding("rating-mismatch", "error", "2.3", None,
                "Part B rates action 2.3 Partial progress but Part C rates it On track; Tusk "
                "takes Part C's rating: make the two parts agree."),
        Finding("action-missing", "warning", "4.3", None,
                "Part C details action 4.3, which Part B's summary table does not list: add it "
                "to the column of its rating."),
    ),
    layout=Layout(
        footer="SC74 Doc. 68 – Annex 2 – p. {page}",
        narrow=True,
    ),
)  # fmt: skip

LAO_SC77 = Case(
    name="pdf-wp-es-lao-sc77",
    kind="pdf-wp",
    language="es",
    scale="niap6",
    quirks=(
        "a Spanish PDF made by WeasyPrint, words hyphenated at line ends in the tables",
        "the page stamp 'SC77 Doc. 44 – Anexo 2 – p. N' in the footer",
        "synopsis counts in Spanish digits, one differing from the tables",
        "Parts B and C disagree on an action; the Party named in Spanish",
    ),
    header=(
        "INFORME DE PROGRESO DEL PANM – SC77",
        "Preparado para la 77ª reunión del Comité Permanente de la CITES",
        "Parte: REPÚBLICA DEMOCRÁTICA POPULAR LAO",
        "Período del informe: enero de 2022 – junio de 2023",
        "Preparado por: Departamento de Inspección Forestal",
    ),
    party="República Democrática Popular Lao",
    party_code="LA",
    meeting="SC77",
    period_start="2022-01",
    period_end="2023-06",
    prepared_by="Departamento de Inspección Forestal",
    overview=(
        "La República Democrática Popular Lao aplica su PANM revisado desde 2022, con el apoyo "
        "de sus asociados internacionales.",
    ),
    progress=(
        "De las 8 medidas, 2 se han logrado, 4 están en curso y 2 muestran un progreso parcial; "
        "1 medida no se ha iniciado.",
    ),
    outlook=(
        "La prohibición del comercio interno de marfil se aplicará plenamente en 2024.",
    ),
    pillars=(
        Pillar("1", "Legislación"),
        Pillar("2", "Observancia"),
        Pillar("3", "Cooperación regional"),
        Pillar("4", "Reducción de la demanda"),
    ),
    actions=(
        Act("1.1", "Prohibir el comercio interno de marfil mediante un decreto del Primer "
            "Ministro", "achieved", "achieved",
            progress=("El decreto se publicó en marzo de 2022.",)),
        Act("1.2", "Revisar las sanciones de la Ley de Fauna Silvestre y Acuática",
            "on_track", "on_track", progress=("El borrador se consulta con los ministerios.",)),
        Act("2.1", "Inspeccionar los comercios de marfil en Vientián y en la Zona Económica "
            "Especial del Triángulo de Oro", "partial_progress", "partial_progress",
            progress=("Se inspeccionaron 64 comercios; 12 fueron cerrados.",
                      "Las inspecciones en la Zona Económica Especial requieren la autorización "
                      "de las autoridades de la zona.")),
        Act("2.2", "Capacitar a los funcionarios de aduanas en la detección de marfil",
            "on_track", "on_track", progress=("Se formaron 50 funcionarios.",)),
        Act("3.1", "Intercambiar información con Tailandia, Viet Nam y China", "on_track",
            "partial_progress",
            progress=("Se firmó un acuerdo con Viet Nam; los demás siguen pendientes.",)),
        Act("3.2", "Participar en las reuniones de la red de observancia regional", "achieved",
            "achieved", progress=("Participación en todas las reuniones.",)),
        Act("4.1", "Realizar campañas de reducción de la demanda dirigidas a los turistas",
            "on_track", "on_track", progress=("Carteles en los aeropuertos internacionales.",)),
        Act("4.2", "Evaluar los cambios de comportamiento de los compradores", "not_commenced",
            "not_commenced", progress=("Previsto para 2024.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 4 actions as En curso, but the tables rate 3 actions En curso: "
                "correct the synopsis or the ratings."),
        Finding("rating-mismatch", "error", "3.1", None,
                "Part B rates action 3.1 En curso but Part C rates it Progreso parcial; Tusk "
                "takes Part C's rating: make the two parts agree."),
    ),
    layout=Layout(
        part_a="PARTE A: Sinopsis de la aplicación del PANM",
        part_b="PARTE B: Evaluación resumida de las medidas",
        part_c="PARTE C: Evaluación detallada de las medidas",
        progress_heading="Avances hasta la fecha",
        outlook_heading="Perspectivas futuras",
        b_pillar_head="CATEGORÍA/PILAR",
        b_rating_head="CALIFICACIÓN DE PROGRESO",
        c_heads=("MEDIDA", "EVALUACIÓN", "RESUMEN DE LOS AVANCES (y comentarios)"),
        c_category_format="CATEGORÍA {n}: {name}",
        footer="SC77 Doc. 44 – Anexo 2 – p. {page}",
        hyphens=True,
    ),
)  # fmt: skip

THAILAND_SC65 = Case(
    name="pdf-wp-en-thailand-sc65",
    kind="pdf-wp",
    language="en",
    scale="niap4",
    quirks=(
        "a four-level report with no 'Prepared for' line: the meeting comes from the title",
        "a period with no end: 'since January 2014'",
        "[Name] for a category in Part C; template guidance in a progress summary",
        "'N | P a g e' in the footer",
    ),
    header=(
        "CITES SC65 NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "Party: THAILAND",
        "Reporting period: since January 2014",
        "Prepared by: Department of National Parks, Wildlife and Plant Conservation",
    ),
    party="Thailand",
    party_code="TH",
    meeting="SC65",
    period_start="2014-01",
    period_end=None,
    prepared_by="Department of National Parks, Wildlife and Plant Conservation",
    overview=(
        "Thailand submitted its NIAP in 2013 and has since amended its legislation to control "
        "the trade in ivory from domesticated elephants.",
    ),
    progress=(
        "One action is substantially achieved and four are on track.",
    ),
    outlook=(
        "A registration system for ivory traders will be operating by the end of 2014.",
    ),
    pillars=(
        Pillar("1", "Legislation and regulation"),
        Pillar("2", "Enforcement", in_c="[Name]"),
        Pillar("3", "Public awareness"),
    ),
    actions=(
        Act("1.1", "Amend the Wild Animal Reservation and Protection Act to cover African "
            "elephant ivory", "substantially_achieved", "substantially_achieved",
            progress=("The amendment was approved by Cabinet.",)),
        Act("1.2", "Register ivory traders and their stocks", "on_track", "on_track",
            progress=("Registration forms were issued to 260 shops.",
                      "Progress summary – if required, note significant achievements, any "
                      "upcoming challenges or concerns and/or important next steps to "
                      "complete.")),
        Act("2.1", "Inspect ivory shops in Bangkok and the provinces", "on_track", "on_track",
            progress=("140 inspections were carried out.",)),
        Act("2.2", "Increase checks of passengers from Africa at Suvarnabhumi airport",
            "challenging", "challenging",
            progress=("Staff shortages limit the checks.",)),
        Act("3.1", "Inform tourists of the ban on buying ivory", "on_track", "on_track",
            progress=("Leaflets are handed out at the airport.",)),
        Act("3.2", "Run a campaign with the Buddhist clergy on ivory amulets", "on_track",
            "on_track", progress=("Talks are under way.",)),
    ),
    findings=(
        Finding("period-incomplete", "warning", None, None,
                "The reporting period \"since January 2014\" gives no end: write it as 'from "
                "Month Year to Month Year', for example 'July 2017 – June 2018'."),
        Finding("template-text", "warning", "1.2", None,
                "Part C's progress summary for action 1.2 still holds the template's guidance "
                "text \"Progress summary – if required, note significant achievements…\"."),
        Finding("name-placeholder", "warning", None, "2",
                "Part C heads category 2 with the template placeholder [Name]; the name "
                "\"Enforcement\" was taken from Part B."),
    ),
    layout=Layout(
        footer="{page} | P a g e",
        c_title_format="{code} [{title}]",
        c_rating_upper=True,
    ),
)  # fmt: skip

CASES = (NIGERIA_SC70, CONGO_SC69, MOZAMBIQUE_SC74, LAO_SC77, THAILAND_SC65)
