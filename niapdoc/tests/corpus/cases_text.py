"""Corpus cases written as converted text (markdown with tab-separated tables of inline HTML)."""

from __future__ import annotations

from niapdoc.tests.corpus.spec import Act, Case, Finding, Layout, Pillar

TANZANIA_SC66 = Case(
    name="text-en-tanzania-sc66",
    kind="text",
    language="en",
    scale="niap4",
    quirks=(
        "synopsis counts in words and digits that differ from the tables, and a total",
        "Part B table cut by a page break, header repeated",
        "Part C row split by a page break: title and progress carry on",
        "'1 | P a g e' page feet",
        "bracketed pillar names, titles and ratings as in the template",
    ),
    header=(
        "CITES SC66 NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "Parties of 'primary concern'",
        "Prepared for the 66th meeting of the CITES Standing Committee",
        "Party: UNITED REPUBLIC OF TANZANIA",
        "Reporting period: July 2014 – August 2015",
        "Prepared by: Wildlife Division, Ministry of Natural Resources and Tourism",
    ),
    party="United Republic of Tanzania",
    party_code="TZ",
    meeting="SC66",
    period_start="2014-07",
    period_end="2015-08",
    prepared_by="Wildlife Division, Ministry of Natural Resources and Tourism",
    overview=(
        "The United Republic of Tanzania has continued to implement its NIAP with the support "
        "of the National and Transnational Serious Crimes Investigation Unit. Funding from "
        "development partners has allowed most activities to start on time.",
    ),
    progress=(
        "Of the 12 actions in the plan, seven are on track, two are substantially achieved and "
        "two are challenging, while one is unclear.",
        "The main achievement of the period is the new penalties for ivory trafficking, which "
        "have already been applied in 14 court cases.",
    ),
    outlook=(
        "The stockpile audit will be repeated with independent observers in 2016.",
        "We will seek support for community engagement around the Selous and Ruaha ecosystems.",
    ),
    pillars=(
        Pillar("1", "Legislation and regulations", in_b="[Legislation and regulations]",
               in_c="[Legislation and regulations]"),
        Pillar("2", "National-level enforcement", in_b="[National-level enforcement]",
               in_c="[National-level enforcement]"),
        Pillar("3", "International cooperation", in_b="[International cooperation]",
               in_c="[International cooperation]"),
        Pillar("4", "Public awareness and reporting", in_b="[Public awareness and reporting]",
               in_c="[Public awareness and reporting]"),
    ),
    actions=(
        Act("1.1", "Review the Wildlife Conservation Act 2009 to raise the penalties for ivory "
            "trafficking", "substantially_achieved", "substantially_achieved", flag="bc",
            progress=("The amendment was passed by Parliament in June 2015.",
                      "Penalties now reach 30 years of imprisonment for trafficking.")),
        Act("1.2", "Adopt regulations on the management and disposal of government-held ivory "
            "stockpiles", "on_track", "on_track",
            progress=("Draft regulations were circulated to stakeholders in May 2015.",)),
        Act("2.1", "Deploy sniffer-dog units at the main ports and airports", "on_track",
            "on_track", flag="b",
            progress=("Two dog units work at Julius Nyerere International Airport.",
                      "A third unit will be deployed at Dar es Salaam port.")),
        Act("2.2", "Train 300 rangers in crime-scene management and evidence handling",
            "on_track", "on_track",
            progress=("180 rangers were trained in four courses.",)),
        Act("2.3", "Establish a national inter-agency task force on wildlife crime",
            "substantially_achieved", "substantially_achieved",
            progress=("The task force meets monthly and has led 25 operations.",)),
        Act("2.4", "Carry out an independent audit of the government ivory stockpile",
            "challenging", "challenging", flag="c",
            progress=("The audit of the Dar es Salaam store is complete.",
                      "Stores in Arusha and Mwanza could not yet be audited for lack of funds and "
                      "of qualified staff, which has delayed the whole action.",
                      "A request for support has been sent to partners.")),
        Act("3.1", "Sign memoranda of understanding on wildlife enforcement with Kenya and "
            "Mozambique", "on_track", "on_track",
            progress=("The memorandum with Kenya is ready for signature.",)),
        Act("3.2", "Share seizure data with ETIS within 90 days of each seizure", "on_track",
            "on_track", progress=("All seizures of 2014 were reported to ETIS.",)),
        Act("4.1", "Run a national campaign against the purchase of ivory", "unclear", "unclear",
            progress=("The campaign design depends on a survey not yet funded.",)),
        Act("4.2", "Engage communities adjacent to protected areas in anti-poaching", "on_track",
            "on_track", progress=("Village game scouts were recruited in 12 villages.",)),
        Act("4.3", "Publish an annual report of wildlife crime prosecutions", "challenging",
            "challenging", progress=("Court data are not yet collected in one place.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 7 actions as On track, but the tables rate 6 actions On track: "
                "correct the synopsis or the ratings."),
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 12 actions, but the report lists 11: correct the synopsis or add "
                "the missing actions."),
    ),
    layout=Layout(
        title_lines=2,
        c_category_format="CATEGORY {n}: {name}",
        c_title_format="{code} [{title}]",
        c_rating_format="[{word}]",
        c_rating_upper=True,
        b_page_breaks=("3",),
        split_c="2.4",
        split_at=(7, 1),
        noise=("{previous} | P a g e",),
        emphasis=("on track", "substantially achieved", "challenging"),
    ),
)  # fmt: skip


MALAWI_SC70 = Case(
    name="text-en-malawi-sc70",
    kind="text",
    language="en",
    scale="niap6",
    quirks=(
        "page stamps 'SC70 Doc. 27.4 – Annex 5 – p. N' and the annotation name 'silvam Text Box'",
        "the dash lost in the period: '1 July 2017 30 June 2018'",
        "Part B and Part C disagree on an action",
        "an action in Part B only",
        "synopsis counts that agree with the tables ('have made partial progress')",
    ),
    header=(
        "CITES NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "silvam Text Box",
        "Prepared for the 70th meeting of the CITES Standing Committee",
        "Party: MALAWI",
        "Reporting period: 1 July 2017 30 June 2018",
        "Prepared by: Department of National Parks and Wildlife",
    ),
    party="Malawi",
    party_code="MW",
    meeting="SC70",
    period_start="2017-07-01",
    period_end="2018-06-30",
    prepared_by="Department of National Parks and Wildlife",
    overview=(
        "Malawi adopted its revised NIAP in 2016. Implementation is led by the Department of "
        "National Parks and Wildlife with the Inter-Agency Committee on Combating Wildlife Crime.",
    ),
    progress=(
        "Four of the twelve actions have been achieved, two are substantially achieved and three "
        "are on track; two have made partial progress and one has not commenced.",
        "Convictions for ivory offences rose from 4 in 2016 to 31 in 2017.",
    ),
    outlook=(
        "The transfer of the ivory stockpile to a secure store is planned for early 2019.",
    ),
    pillars=(
        Pillar("1", "Legislation"),
        Pillar("2", "Enforcement and inter-agency cooperation"),
        Pillar("3", "Prosecution and judiciary"),
        Pillar("4", "Public awareness and community engagement"),
        Pillar("5", "Stockpile management"),
    ),
    actions=(
        Act("1.1", "Enact the National Parks and Wildlife (Amendment) Act to raise penalties for "
            "elephant crimes", "achieved", "achieved",
            progress=("The Act was passed in 2017 and came into force in February 2018.",)),
        Act("1.2", "Gazette regulations on the possession and movement of ivory",
            "substantially_achieved", "substantially_achieved",
            progress=("The regulations await the Minister's signature.",)),
        Act("2.1", "Establish an Inter-Agency Committee on Combating Wildlife Crime", "achieved",
            "achieved", progress=("The committee meets every quarter.",)),
        Act("2.2", "Train customs, police and wildlife officers in ivory identification",
            "on_track", "partial_progress",
            progress=("Two courses were held; the third was postponed for lack of trainers.",)),
        Act("2.3", "Deploy detection dogs at Kamuzu International Airport", "partial_progress",
            "partial_progress", progress=("Kennels are built; the dogs arrive in 2019.",)),
        Act("2.4", "Set up a wildlife crime intelligence unit", "on_track", "on_track",
            progress=("Six analysts have been recruited.",
                      "The unit shares information with the police and the Malawi Revenue "
                      "Authority.")),
        Act("3.1", "Train magistrates and prosecutors on the amended Act", "achieved",
            "achieved", progress=("86 magistrates and prosecutors were trained.",)),
        Act("3.2", "Monitor wildlife cases through the courts", "substantially_achieved",
            "substantially_achieved",
            progress=("A court monitoring database covers all districts but two.",)),
        Act("4.1", "Run a public awareness campaign on the new penalties", "on_track",
            "on_track", progress=("Radio messages run in Chichewa and English.",)),
        Act("4.2", "Involve communities around Kasungu and Liwonde in reporting poaching",
            "not_commenced", "not_commenced",
            progress=("Funding is being sought.",)),
        Act("5.1", "Complete an inventory of the government ivory stockpile", "achieved",
            "achieved", progress=("The inventory was completed with Stop Ivory in 2017.",)),
        Act("5.2", "Transfer the stockpile to a secure central store", "on_track", in_c=False),
    ),
    findings=(
        Finding("action-missing", "warning", "5.2", None,
                "Part B lists action 5.2, which Part C does not detail: add its evaluation and "
                "progress to Part C."),
        Finding("rating-mismatch", "error", "2.2", None,
                "Part B rates action 2.2 On track but Part C rates it Partial progress; Tusk "
                "takes Part C's rating: make the two parts agree."),
    ),
    layout=Layout(
        c_rating_upper=True,
        b_page_breaks=("4",),
        c_page_breaks=("2.3",),
        noise=("SC70 Doc. 27.4 – Annex 5 – p. {page}", "silvam Text Box"),
    ),
)  # fmt: skip

GABON_SC69 = Case(
    name="text-fr-gabon-sc69",
    kind="text",
    language="fr",
    scale="niap6",
    quirks=(
        "French: PANI, 'Partie :', 'Période de rapport :', SECTION A/B/C, activités",
        "synopsis counts in French words that differ from the tables",
        "a rating placeholder [NOTATION DES PROGRÈS] and a category named [Nom] in Part C",
        "Part C row split by a page break; French page stamps",
    ),
    header=(
        "RAPPORT D'ÉTAPE SUR LA MISE EN ŒUVRE DU PLAN D'ACTION NATIONAL POUR L'IVOIRE (PANI)",
        "Préparé pour la 69e session du Comité permanent de la CITES",
        "Partie : GABON",
        "Période de rapport : du 1er juillet 2016 au 30 juin 2017",
        "Préparé par : Agence Nationale des Parcs Nationaux (ANPN)",
    ),
    party="Gabon",
    party_code="GA",
    meeting="SC69",
    period_start="2016-07-01",
    period_end="2017-06-30",
    prepared_by="Agence Nationale des Parcs Nationaux (ANPN)",
    overview=(
        "Le Gabon met en œuvre son PANI depuis 2015 sous la coordination de l'ANPN, avec "
        "l'appui de la Direction générale de la faune et des aires protégées.",
    ),
    progress=(
        "Sur les dix activités du PANI, deux sont réalisées, une est substantiellement réalisée "
        "et quatre sont en bonne voie ; deux activités enregistrent des progrès partiels.",
        "Les saisies d'ivoire ont doublé en 2016 grâce aux contrôles renforcés aux frontières.",
    ),
    outlook=(
        "Le Gabon prévoit de lancer la campagne nationale de sensibilisation en 2018, dès que "
        "les fonds seront disponibles.",
    ),
    pillars=(
        Pillar("1", "Législation et réglementation"),
        Pillar("2", "Application de la loi et collaboration inter-agences"),
        Pillar("3", "Poursuites et système judiciaire"),
        Pillar("4", "Sensibilisation du public"),
        Pillar("5", "Gestion des stocks d'ivoire", in_c="[Nom]"),
    ),
    actions=(
        Act("1.1", "Réviser le Code forestier pour durcir les sanctions contre le trafic "
            "d'ivoire", "substantially_achieved", "substantially_achieved",
            progress=("Le projet de loi a été adopté en Conseil des ministres.",)),
        Act("1.2", "Adopter le décret d'application sur la détention de l'ivoire", "on_track",
            "on_track", progress=("Le texte est en cours de validation.",)),
        Act("2.1", "Renforcer les brigades de contrôle aux frontières avec le Cameroun et le "
            "Congo", "on_track", "on_track",
            progress=("Trois nouvelles brigades ont été installées.",)),
        Act("2.2", "Former les agents des Eaux et Forêts aux techniques d'enquête", "achieved",
            "achieved", progress=("120 agents ont été formés en 2016.",)),
        Act("2.3", "Créer une cellule de renseignement conjointe ANPN–gendarmerie",
            "partial_progress", "partial_progress",
            progress=("Le protocole d'accord est signé ; les locaux restent à équiper.",)),
        Act("3.1", "Sensibiliser les magistrats à la gravité des infractions fauniques",
            "on_track", "on_track",
            progress=("Deux séminaires ont réuni 45 magistrats à Libreville et Franceville.",
                      "Un troisième séminaire est prévu à Oyem.")),
        Act("3.2", "Suivre les affaires d'ivoire jusqu'au jugement", "partial_progress", None,
            c_text="[NOTATION DES PROGRÈS]",
            progress=("Un juriste suit les dossiers à Libreville ; les autres provinces ne "
                      "sont pas encore couvertes.",)),
        Act("4.1", "Mener une campagne nationale contre l'achat d'ivoire", "not_commenced",
            "not_commenced", progress=("La campagne attend son financement.",)),
        Act("4.2", "Impliquer les communautés riveraines des parcs dans la lutte "
            "anti-braconnage", "pending_other_action", "pending_other_action",
            progress=("Cette activité dépend de la campagne nationale (activité 4.1).",
                      "Les comités villageois seront créés ensuite dans les provinces de "
                      "l'Ogooué-Ivindo et de la Nyanga.")),
        Act("5.1", "Inventorier et sécuriser le stock d'ivoire de l'État", "achieved",
            "achieved", progress=("L'inventaire a été achevé en mars 2017.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 4 actions as En bonne voie, but the tables rate 3 actions En "
                "bonne voie: correct the synopsis or the ratings."),
        Finding("rating-placeholder", "error", "3.2", None,
                "Part C gives no rating for action 3.2: the template placeholder [NOTATION DES "
                "PROGRÈS] was left in; Part B rates it Progrès partiel."),
        Finding("name-placeholder", "warning", None, "5",
                "Part C heads category 5 with the template placeholder [Nom]; the name "
                "\"Gestion des stocks d'ivoire\" was taken from Part B."),
    ),
    layout=Layout(
        part_a="SECTION A : Synopsis de la mise en œuvre du PANI",
        part_b="SECTION B : Évaluation sommaire des activités (notes de progrès attribuées)",
        part_c="SECTION C : Évaluation détaillée des activités",
        progress_heading="Progrès à ce jour",
        outlook_heading="Perspectives",
        b_pillar_head="CATÉGORIE/PILIER",
        b_rating_head="NOTATION DES PROGRÈS",
        c_heads=("ACTIVITÉ", "ÉVALUATION", "RÉSUMÉ DES PROGRÈS (et commentaires)"),
        c_category_format="CATÉGORIE {n} : {name}",
        c_rating_format="[{word}]",
        c_rating_upper=True,
        split_c="3.1",
        split_at=(5, 1),
        noise=("SC69 Doc. 29.3 – Annexe 4 – p. {page}",),
    ),
)  # fmt: skip

GUINEA_SC74 = Case(
    name="text-es-guinea-sc74",
    kind="text",
    language="es",
    scale="niap6",
    quirks=(
        "Spanish: 'Parte:', 'Período del informe:', PARTE A/B/C, medidas",
        "the dash lost in the period: '1 de julio de 2019 30 de junio de 2021'",
        "a rating word not on the scale ('Avanzado')",
        "synopsis counts in Spanish words and digits, one differing from the tables",
        "'N | P a g e' feet; Part C row split by a page break",
    ),
    header=(
        "INFORME DE PROGRESO DEL PLAN DE ACCIÓN NACIONAL PARA EL MARFIL (PANM) – SC74",
        "Preparado para la 74ª reunión del Comité Permanente de la CITES",
        "Parte: GUINEA ECUATORIAL",
        "Período del informe: 1 de julio de 2019 30 de junio de 2021",
        "Preparado por: Dirección General de Medio Ambiente",
    ),
    party="Guinea Ecuatorial",
    party_code="GQ",
    meeting="SC74",
    period_start="2019-07-01",
    period_end="2021-06-30",
    prepared_by="Dirección General de Medio Ambiente",
    overview=(
        "Guinea Ecuatorial presenta su primer informe de progreso sobre el PANM, aprobado en "
        "2019. La pandemia retrasó varias medidas previstas para 2020.",
    ),
    progress=(
        "De las 9 medidas del plan, dos se han logrado y una está sustancialmente lograda; "
        "cuatro medidas están en curso y una está pendiente de otra medida.",
        "Se decomisaron 212 kg de marfil en el puerto de Bata en 2020.",
    ),
    outlook=(
        "El reglamento sobre la tenencia de marfil se presentará al Consejo de Ministros en "
        "2022.",
        "Se solicitará apoyo técnico para el inventario de las existencias.",
    ),
    pillars=(
        Pillar("1", "Legislación y reglamentación"),
        Pillar("2", "Observancia y cooperación entre organismos"),
        Pillar("3", "Sensibilización"),
        Pillar("4", "Gestión de existencias de marfil"),
    ),
    actions=(
        Act("1.1", "Aprobar la ley de fauna silvestre con sanciones más severas para el tráfico "
            "de marfil", "partial_progress", "partial_progress",
            progress=("El proyecto de ley está en el Parlamento.",)),
        Act("1.2", "Reglamentar la tenencia y el comercio interno de marfil", "not_commenced",
            "not_commenced", progress=("Depende de la aprobación de la ley.",)),
        Act("2.1", "Crear una unidad especializada contra los delitos contra la vida silvestre",
            "on_track", "on_track",
            progress=("La unidad cuenta con 12 agentes desde marzo de 2021.",)),
        Act("2.2", "Capacitar a los agentes de aduanas del puerto de Bata", "on_track", None,
            c_text="Avanzado",
            progress=("Se formaron 40 agentes en dos talleres.",)),
        Act("2.3", "Reforzar los controles en la frontera con Gabón y Camerún", "on_track",
            "on_track", progress=("Se instalaron dos nuevos puestos de control.",)),
        Act("3.1", "Realizar campañas de sensibilización en Malabo y Bata", "achieved",
            "achieved", progress=("Las campañas llegaron a 15 000 personas.",)),
        Act("3.2", "Informar a las comunidades rurales sobre la protección de los elefantes",
            "substantially_achieved", "substantially_achieved",
            progress=("Se visitaron 38 comunidades de la región continental.",
                      "Quedan por visitar las comunidades del sur de Río Muni.")),
        Act("4.1", "Inventariar las existencias de marfil decomisado", "achieved", "achieved",
            progress=("El inventario se completó en 2020.",)),
        Act("4.2", "Marcar y registrar cada pieza de marfil en una base de datos",
            "pending_other_action", "pending_other_action",
            progress=("Requiere la base de datos nacional prevista en la medida 2.1.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 4 actions as En curso, but the tables rate 3 actions En curso: "
                "correct the synopsis or the ratings."),
        Finding("rating-unknown", "error", "2.2", None,
                "Part C rates action 2.2 \"Avanzado\", which is not a rating of the report's "
                "scale: use one of Logrado, Sustancialmente logrado, En curso, Progreso parcial, "
                "Pendiente de otra medida, No iniciado."),
    ),
    layout=Layout(
        part_a="PARTE A: Sinopsis de la aplicación del PANM",
        part_b="PARTE B: Evaluación resumida de las medidas (calificaciones de progreso "
        "asignadas)",
        part_c="PARTE C: Evaluación detallada de las medidas",
        progress_heading="Avances hasta la fecha",
        outlook_heading="Perspectivas futuras",
        b_pillar_head="CATEGORÍA/PILAR",
        b_rating_head="CALIFICACIÓN DE PROGRESO",
        c_heads=("MEDIDA", "EVALUACIÓN", "RESUMEN DE LOS AVANCES (y comentarios)"),
        c_category_format="CATEGORÍA {n}: {name}",
        b_page_breaks=("3",),
        c_page_breaks=("2.2",),
        split_c="3.2",
        split_at=(8, 1),
        noise=("{previous} | P a g e",),
    ),
)  # fmt: skip

UGANDA_SC67 = Case(
    name="text-en-uganda-sc67",
    kind="text",
    language="en",
    scale="niap4",
    quirks=(
        "its own structure: no PART B or PART C heading, a one-row Part B header, pillar cells "
        "'PILLAR 1 – Legislation', Part C columns in another order under other names",
        "the title names SC66, the 'Prepared for' line the 67th meeting",
        "a period with no start: 'Updated to July 2016'",
        "the annotation name 'GANDOIS Typewritten Text' in the header and at page breaks",
    ),
    header=(
        "CITES SC66 NIAP PROGRESS REPORT – UGANDA",
        "GANDOIS Typewritten Text",
        "Prepared for the 67th meeting of the CITES Standing Committee",
        "Party: Republic of Uganda",
        "Reporting period: Updated to July 2016",
        "Prepared by: Uganda Wildlife Authority",
    ),
    party="Republic of Uganda",
    party_code="UG",
    meeting="SC67",
    period_start=None,
    period_end="2016-07",
    prepared_by="Uganda Wildlife Authority",
    overview=(
        "Uganda's NIAP is implemented by the Uganda Wildlife Authority with the police, "
        "customs and the judiciary.",
    ),
    progress=(
        "All actions are under way. Two actions are substantially achieved, four are on track, "
        "one is challenging and one is unclear.",
    ),
    outlook=(
        "The Uganda Wildlife Act amendment bill is expected before Parliament in 2017.",
    ),
    pillars=(
        Pillar("1", "Legislation"),
        Pillar("2", "Enforcement"),
        Pillar("3", "Regional cooperation"),
        Pillar("4", "Awareness"),
    ),
    actions=(
        Act("1.1", "Pass the Uganda Wildlife Act amendment bill", "on_track", "on_track",
            progress=("The bill was approved by Cabinet in May 2016.",)),
        Act("1.2", "Make possession of ivory without a permit a specific offence",
            "challenging", "challenging",
            progress=("The proposal met objections during consultations.",)),
        Act("2.1", "Set up a Wildlife Crime Intelligence Unit at Entebbe airport",
            "substantially_achieved", "substantially_achieved",
            progress=("The unit has been staffed since January 2016.",)),
        Act("2.2", "Introduce canine detection units at border posts", "on_track", "on_track",
            progress=("Four dogs and eight handlers were trained in Kenya.",)),
        Act("2.3", "Train investigators in financial investigations of wildlife crime",
            "on_track", "on_track",
            progress=("A first course was held with the Financial Intelligence Authority.",
                      "Two more courses are planned before the end of 2016, one of them in "
                      "Gulu for the northern border posts.")),
        Act("3.1", "Hold bilateral meetings with South Sudan and DR Congo on cross-border "
            "poaching", "unclear", "unclear",
            progress=("Dates could not be agreed with the neighbouring agencies.",)),
        Act("3.2", "Join the operations of the Lusaka Agreement Task Force", "on_track",
            "on_track", progress=("Uganda took part in one operation in 2016.",)),
        Act("4.1", "Publicise arrests and convictions for ivory crimes",
            "substantially_achieved", "substantially_achieved",
            progress=("Press releases follow every conviction.",)),
    ),
    findings=(
        Finding("meeting-conflict", "warning", None, None,
                "The title names SC66 but the report says it was prepared for SC67 (\"Prepared "
                "for the 67th meeting of the CITES Standing Committee\"); Tusk takes SC67: "
                "correct the title."),
        Finding("period-incomplete", "warning", None, None,
                "The reporting period \"Updated to July 2016\" gives no start: write it as "
                "'from Month Year to Month Year', for example 'July 2017 – June 2018'."),
    ),
    layout=Layout(
        part_b=None,
        part_c=None,
        b_pillar_head="NIAP PILLAR",
        b_rating_head=None,
        b_pillar_format="PILLAR {n} – {name}",
        c_heads=("NIAP action", "Status", "Progress made and comments"),
        c_order=("action", "progress", "rating"),
        c_category_format="PILLAR {n} – {name}",
        c_title_format="{code}. {title}",
        b_page_breaks=("4",),
        split_c="2.3",
        split_at=(6, 1),
        noise=("GANDOIS Typewritten Text",),
    ),
)  # fmt: skip

HONG_KONG_SC70 = Case(
    name="text-en-hong-kong-sc70",
    kind="text",
    language="en",
    scale="niap6",
    quirks=(
        "Part B lists codes only ('2.1, 2.2'), no titles",
        "the period written 'July 2017 to June 2018'",
        "the total of actions stated as 'comprises 9 actions' against 8 in the tables",
        "page stamps and a Part C row split by a page break",
    ),
    header=(
        "CITES SC70 NIAP PROGRESS REPORT",
        "Prepared for the 70th meeting of the CITES Standing Committee",
        "Party: HONG KONG SAR, CHINA",
        "Reporting period: July 2017 to June 2018",
        "Prepared by: Agriculture, Fisheries and Conservation Department",
    ),
    party="Hong Kong SAR, China",
    party_code="HK",
    meeting="SC70",
    period_start="2017-07",
    period_end="2018-06",
    prepared_by="Agriculture, Fisheries and Conservation Department",
    overview=(
        "The Legislative Council passed the Protection of Endangered Species of Animals and "
        "Plants (Amendment) Bill 2017 in January 2018.",
    ),
    progress=(
        "The NIAP comprises 9 actions. Two have been achieved, one is substantially achieved and "
        "three are on track.",
    ),
    outlook=(
        "The local ivory trade will end on 31 December 2021.",
    ),
    pillars=(
        Pillar("1", "Legislation"),
        Pillar("2", "Enforcement"),
        Pillar("3", "Public awareness"),
    ),
    actions=(
        Act("1.1", "Phase out the local ivory trade by the end of 2021", "achieved", "achieved",
            progress=("The amendment ordinance sets out the three steps of the phase-out.",)),
        Act("1.2", "Raise the maximum penalties under the Protection of Endangered Species of "
            "Animals and Plants Ordinance", "achieved", "achieved", flag="c",
            progress=("The maximum penalty is now 10 years of imprisonment.",)),
        Act("2.1", "Inspect licensed ivory traders and their stocks", "on_track", "on_track",
            progress=("All 370 licensed holders were inspected at least once.",
                      "Stock records were reconciled for 92 per cent of them.")),
        Act("2.2", "Use X-ray and detector dogs on passengers and cargo from Africa",
            "on_track", "on_track", progress=("Two more detector dogs joined the team.",)),
        Act("2.3", "Investigate ivory smuggling as organised crime", "substantially_achieved",
            "substantially_achieved",
            progress=("Smuggling of endangered species is now an offence under the Organized "
                      "and Serious Crimes Ordinance.",)),
        Act("3.1", "Run publicity on the ivory ban at the airport and border points",
            "on_track", "on_track", progress=("Posters and videos in three languages.",)),
        Act("3.2", "Engage the retail sector in ivory-free pledges", "partial_progress",
            "partial_progress", progress=("Twelve retail groups signed the pledge.",)),
        Act("3.3", "Evaluate public attitudes towards ivory", "not_commenced",
            "not_commenced", progress=("A survey is planned for 2019.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 9 actions, but the report lists 8: correct the synopsis or add "
                "the missing actions."),
    ),
    layout=Layout(
        b_style="codes",
        c_rating_upper=True,
        split_c="2.1",
        split_at=(6, 1),
        noise=("SC70 Doc. 27.4 – Annex 8 – p. {page}",),
    ),
)  # fmt: skip

CASES = (TANZANIA_SC66, MALAWI_SC70, GABON_SC69, GUINEA_SC74, UGANDA_SC67, HONG_KONG_SC70)
