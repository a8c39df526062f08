"""Corpus cases written as Word files with python-docx, in the template's table shapes."""

from __future__ import annotations

from niapdoc.tests.corpus.spec import Act, Case, Extra, Finding, Layout, Pillar

MALAYSIA_SC70 = Case(
    name="docx-en-malaysia-sc70",
    kind="docx",
    language="en",
    scale="niap6",
    quirks=(
        "the template's shapes: merged PROGRESS RATING header, several actions in one cell as "
        "paragraphs, two actions in one paragraph, merged category rows, bullets as paragraphs "
        "in a list style",
        "a Part C row numbered like the one above it (4.1 twice, 4.2 never)",
        "Parts B and C disagree on an action",
        "synopsis counts in digits, two of them differing from the tables",
        "tables cut by page breaks and started again under their header",
    ),
    header=(
        "CITES SC70 NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "Category B Parties",
        "Prepared for the 70th meeting of the CITES Standing Committee",
        "Party: MALAYSIA",
        "Reporting period: July 2017 – June 2018",
        "Prepared by: Department of Wildlife and National Parks Peninsular Malaysia "
        "(PERHILITAN)",
    ),
    party="Malaysia",
    party_code="MY",
    meeting="SC70",
    period_start="2017-07",
    period_end="2018-06",
    prepared_by="Department of Wildlife and National Parks Peninsular Malaysia (PERHILITAN)",
    overview=(
        "Malaysia continues to implement its NIAP through the National Task Force on ivory, "
        "chaired by PERHILITAN, with Customs, the Police and the state wildlife departments of "
        "Sabah and Sarawak.",
    ),
    progress=(
        "Of the 11 actions, 3 have been achieved and 2 substantially achieved, 4 are on track, "
        "1 has made partial progress and 1 has not commenced.",
        "Seizures at Kuala Lumpur International Airport led to 9 arrests during the period.",
    ),
    outlook=(
        "Malaysia will complete the alignment of state legislation and start the outreach "
        "campaign at airports in 2019.",
    ),
    pillars=(
        Pillar("1", "Legislation"),
        Pillar("2", "National enforcement and inter-agency cooperation"),
        Pillar("3", "International cooperation"),
        Pillar("4", "Outreach and awareness"),
    ),
    actions=(
        Act("1.1", "Amend the International Trade in Endangered Species Act 2008 (Act 686) to "
            "raise the penalties for ivory offences", "achieved", "achieved",
            progress=("The amendment came into force on 1 March 2018.",
                      "Fines now reach RM 1 million per offence.")),
        Act("1.2", "Align the wildlife enactments of Sabah and Sarawak with federal penalties",
            "partial_progress", "partial_progress",
            progress=("Sabah has tabled its amendment; Sarawak is consulting.",)),
        Act("2.1", "Strengthen the Wildlife Crime Unit of PERHILITAN", "achieved", "achieved",
            progress=("The unit now has 60 officers.",)),
        Act("2.2", "Sign a memorandum of understanding between PERHILITAN, the Royal Malaysian "
            "Customs Department and the Royal Malaysia Police", "substantially_achieved",
            "substantially_achieved",
            progress=("The memorandum was agreed in April 2018 and awaits signature by the "
                      "three heads of agency.",
                      "Joint standard operating procedures are drafted.",
                      "A first joint training was held in May 2018.")),
        Act("2.3", "Deploy sniffer dogs at Kuala Lumpur International Airport and Port Klang",
            "on_track", "on_track", progress=("Four dogs work at the airport.",)),
        Act("2.4", "Train enforcement officers in risk profiling of containers", "on_track",
            "on_track", b_joined=True,
            progress=("Two courses trained 48 officers.",)),
        Act("3.1", "Exchange intelligence with source and destination countries through "
            "INTERPOL", "on_track", "partial_progress",
            progress=("Exchanges took place with two countries only.",)),
        Act("3.2", "Take part in joint operations coordinated by the ASEAN Wildlife Enforcement "
            "Network", "substantially_achieved", "substantially_achieved",
            progress=("Malaysia took part in Operation Thunderbird.",)),
        Act("3.3", "Send samples of large ivory seizures for DNA analysis in line with "
            "Resolution Conf. 10.10 (Rev. CoP17)", "achieved", "achieved",
            progress=("Samples of three seizures were sent to the University of Washington.",)),
        Act("4.1", "Publish seizure and prosecution results on the PERHILITAN website",
            "on_track", "on_track", progress=("Results are published every quarter.",)),
        Act("4.2", "Run awareness campaigns at airports for outbound travellers",
            "not_commenced", in_c=False),
    ),
    extras=(
        Extra("c", "4.1", "4.1", "Run awareness campaigns at airports for outbound travellers",
              "Not commenced",
              ("Material is being designed with the airport operator.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 4 actions as On track, but the tables rate 3 actions On track: "
                "correct the synopsis or the ratings."),
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 1 action as Partial progress, but the tables rate 2 actions "
                "Partial progress: correct the synopsis or the ratings."),
        Finding("action-missing", "warning", "4.2", None,
                "Part B lists action 4.2, which Part C does not detail: add its evaluation and "
                "progress to Part C."),
        Finding("rating-mismatch", "error", "3.1", None,
                "Part B rates action 3.1 On track but Part C rates it Partial progress; Tusk "
                "takes Part C's rating: make the two parts agree."),
        Finding("action-duplicate", "error", "4.1", None,
                "Part C lists action 4.1 twice: keep one entry per action so that it is "
                "counted once."),
    ),
    layout=Layout(
        title_lines=2,
        bullet="",
        b_page_breaks=("3",),
        split_c="2.2",
        split_at=(9, 1),
    ),
)  # fmt: skip

CAMEROON_SC70 = Case(
    name="docx-fr-cameroun-sc70",
    kind="docx",
    language="fr",
    scale="niap6",
    quirks=(
        "French Word file in the template's shapes, SECTION A/B/C",
        "a category left as [Nom] in both parts",
        "synopsis counts in French digits, one differing from the tables",
        "dashes as bullets",
    ),
    header=(
        "RAPPORT SUR LES PROGRÈS DU PLAN D'ACTION NATIONAL POUR L'IVOIRE (PANI) – SC70",
        "Préparé pour la 70e session du Comité permanent de la CITES",
        "Partie : RÉPUBLIQUE DU CAMEROUN",
        "Période de rapport : juillet 2017 – juin 2018",
        "Préparé par : Ministère des Forêts et de la Faune (MINFOF)",
    ),
    party="République du Cameroun",
    party_code="CM",
    meeting="SC70",
    period_start="2017-07",
    period_end="2018-06",
    prepared_by="Ministère des Forêts et de la Faune (MINFOF)",
    overview=(
        "Le Cameroun poursuit la mise en œuvre de son PANI, révisé en 2017, sous la "
        "coordination du MINFOF et avec l'appui de ses partenaires.",
    ),
    progress=(
        "Sur les 9 activités du PANI, 1 est réalisée, 1 est substantiellement réalisée, 3 sont "
        "en bonne voie et 1 activité enregistre des progrès partiels.",
        "Les unités cynophiles ont permis 14 saisies à l'aéroport de Douala.",
    ),
    outlook=(
        "La révision de la loi de 1994 devrait aboutir en 2019.",
        "Le Cameroun recherche des financements pour la formation des journalistes.",
    ),
    pillars=(
        Pillar("1", "Législation"),
        Pillar("2", None, in_b="[Nom]", in_c="[Nom]"),
        Pillar("3", "Coopération internationale"),
        Pillar("4", "Sensibilisation"),
    ),
    actions=(
        Act("1.1", "Réviser la loi n° 94/01 portant régime des forêts, de la faune et de la "
            "pêche", "substantially_achieved", "substantially_achieved",
            progress=("Le projet de loi a été transmis à l'Assemblée nationale.",)),
        Act("1.2", "Élaborer les textes d'application sur la gestion des stocks d'ivoire",
            "on_track", "on_track", progress=("Un atelier de validation est prévu.",)),
        Act("2.1", "Créer des unités cynophiles aux aéroports de Douala et Yaoundé", "on_track",
            "on_track", progress=("L'unité de Douala est opérationnelle.",
                                  "Celle de Yaoundé le sera en 2019.")),
        Act("2.2", "Renforcer les contrôles conjoints douane–MINFOF au port de Douala",
            "partial_progress", "partial_progress",
            progress=("Des contrôles conjoints ont lieu une fois par mois.",)),
        Act("2.3", "Former 150 écogardes aux techniques d'enquête et de collecte de preuves",
            "achieved", "achieved", progress=("162 écogardes ont été formés.",)),
        Act("3.1", "Signer un accord de coopération avec le Tchad et la République "
            "centrafricaine", "pending_other_action", "pending_other_action",
            progress=("L'accord attend la révision de la loi (activité 1.1).",)),
        Act("3.2", "Participer aux opérations régionales coordonnées par la COMIFAC",
            "on_track", "on_track", progress=("Deux opérations en 2018.",)),
        Act("4.1", "Mener des campagnes de sensibilisation dans les marchés et les aéroports",
            "on_track", "on_track", progress=("Affiches et spots radio en français et en "
                                              "anglais.",)),
        Act("4.2", "Former les journalistes à la couverture des affaires de trafic d'ivoire",
            "not_commenced", "not_commenced", progress=("Financement recherché.",)),
    ),
    findings=(
        Finding("synopsis-count-mismatch", "warning", None, None,
                "Part A counts 3 actions as En bonne voie, but the tables rate 4 actions En "
                "bonne voie: correct the synopsis or the ratings."),
        Finding("name-placeholder", "warning", None, "2",
                "Part B heads category 2 with the template placeholder [Nom]; Part C does not "
                "name it either: give the category its name."),
        Finding("name-placeholder", "warning", None, "2",
                "Part C heads category 2 with the template placeholder [Nom]; Part B does not "
                "name it either: give the category its name."),
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
        bullet="– ",
    ),
)  # fmt: skip

ANGOLA_SC77 = Case(
    name="docx-es-angola-sc77",
    kind="docx",
    language="es",
    scale="niap6",
    quirks=(
        "Spanish Word file, PARTE A/B/C",
        "Part B with a column that is not a rating ('Retrasado')",
        "an action in Part C only, with an empty evaluation cell",
        "a close variant of a rating ('Bien encaminado')",
        "bracketed titles and upper-case ratings in Part C",
    ),
    header=(
        "INFORME SOBRE LOS PROGRESOS DEL PLAN DE ACCIÓN NACIONAL PARA EL MARFIL (PANM)",
        "Preparado para la 77ª reunión del Comité Permanente de la CITES",
        "Parte: ANGOLA",
        "Período del informe: octubre de 2022 – junio de 2023",
        "Preparado por: Instituto Nacional da Biodiversidade e Áreas de Conservação (INBAC)",
    ),
    party="Angola",
    party_code="AO",
    meeting="SC77",
    period_start="2022-10",
    period_end="2023-06",
    prepared_by="Instituto Nacional da Biodiversidade e Áreas de Conservação (INBAC)",
    overview=(
        "Angola aplica su PANM desde 2016. El presente informe cubre el período transcurrido "
        "desde la 19ª reunión de la Conferencia de las Partes.",
    ),
    progress=(
        "Una medida se ha logrado y otra está sustancialmente lograda; tres medidas están en "
        "curso.",
        "Las demás medidas dependen de la financiación de los asociados.",
    ),
    outlook=(
        "Angola espera instalar los escáneres del aeropuerto de Luanda en 2024.",
    ),
    pillars=(
        Pillar("1", "Legislación"),
        Pillar("2", "Aplicación de la ley"),
        Pillar("3", "Cooperación internacional"),
        Pillar("4", "Sensibilización y reducción de la demanda"),
    ),
    actions=(
        Act("1.1", "Aprobar el reglamento de la Ley de Bases del Ambiente sobre el comercio de "
            "especies", "substantially_achieved", "substantially_achieved",
            progress=("El reglamento fue aprobado por el Consejo de Ministros.",)),
        Act("1.2", "Tipificar la posesión de marfil sin licencia como delito", "on_track",
            "on_track", progress=("El nuevo Código Penal incluye el delito.",)),
        Act("2.1", "Crear una brigada de lucha contra la caza furtiva en el Parque Nacional de "
            "Quiçama", "achieved", "achieved",
            progress=("La brigada patrulla el parque desde enero de 2023.",)),
        Act("2.2", "Capacitar a los fiscales y jueces en delitos contra la fauna", "on_track",
            "on_track", c_text="[BIEN ENCAMINADO]",
            progress=("Se celebraron dos talleres en Luanda.",)),
        Act("2.3", "Instalar escáneres en el aeropuerto internacional de Luanda", None,
            "partial_progress", b_text="Retrasado",
            progress=("Los escáneres fueron adquiridos pero no instalados.",)),
        Act("3.1", "Firmar un memorando de entendimiento con Namibia y Zambia", None, None,
            in_b=False, c_text="",
            progress=("El texto se negocia con Namibia.",)),
        Act("3.2", "Participar en las operaciones de INTERPOL contra el tráfico de marfil",
            "pending_other_action", "pending_other_action",
            progress=("Pendiente de la creación de la oficina central nacional.",)),
        Act("4.1", "Realizar campañas contra la compra de marfil en los mercados de Luanda",
            "not_commenced", "not_commenced", progress=("Sin financiación.",)),
        Act("4.2", "Colaborar con la comunidad china en Angola para reducir la demanda",
            "on_track", "on_track",
            progress=("Reuniones con la Cámara de Comercio China-Angola.",)),
    ),
    findings=(
        Finding("rating-unknown", "error", "2.3", None,
                "Part B puts action 2.3 in the column \"Retrasado\", which is not a rating of "
                "the report's scale: move it to one of Logrado, Sustancialmente logrado, En "
                "curso, Progreso parcial, Pendiente de otra medida, No iniciado."),
        Finding("rating-missing", "error", "3.1", None,
                "Action 3.1 has no rating in Part B or Part C: give it one of the scale's "
                "ratings (Logrado, Sustancialmente logrado, En curso, Progreso parcial, "
                "Pendiente de otra medida, No iniciado)."),
        Finding("action-missing", "warning", "3.1", None,
                "Part C details action 3.1, which Part B's summary table does not list: add it "
                "to the column of its rating."),
    ),
    layout=Layout(
        part_a="PARTE A: Sinopsis de la aplicación del PANM",
        part_b="PARTE B: Evaluación resumida de las medidas",
        part_c="PARTE C: Evaluación detallada de las medidas",
        progress_heading="Avances hasta la fecha",
        outlook_heading="Perspectivas futuras",
        b_pillar_head="CATEGORÍA/PILAR",
        b_rating_head="CALIFICACIÓN DE PROGRESO",
        b_columns=("Logrado", "Sustancialmente logrado", "En curso", "Progreso parcial",
                   "Pendiente de otra medida", "No iniciado", "Retrasado"),
        c_heads=("MEDIDA", "EVALUACIÓN", "RESUMEN DE LOS AVANCES (y comentarios)"),
        c_category_format="CATEGORÍA {n}: {name}",
        c_title_format="{code} [{title}]",
        c_rating_format="[{word}]",
        c_rating_upper=True,
        bullet="- ",
    ),
)  # fmt: skip

KENYA_SC66 = Case(
    name="docx-en-kenya-sc66",
    kind="docx",
    language="en",
    scale="niap4",
    quirks=(
        "the title names SC65, the 'Prepared for' line the 66th meeting",
        "template guidance left in Part A and in a Part C progress summary",
        "[Name] for a category in Part B, another in Part C; [PROGRESS RATING] in Part C",
        "asterisks inside the brackets, after them, and in one part only",
    ),
    header=(
        "CITES SC65 NATIONAL IVORY ACTION PLAN PROGRESS REPORT",
        "Parties of 'primary concern'",
        "Prepared for the 66th meeting of the CITES Standing Committee",
        "Party: KENYA",
        "Reporting period: July 2014 – October 2015",
        "Prepared by: Kenya Wildlife Service",
    ),
    party="Kenya",
    party_code="KE",
    meeting="SC66",
    period_start="2014-07",
    period_end="2015-10",
    prepared_by="Kenya Wildlife Service",
    overview=(
        "[Provide a short overview of progress in implementing the NIAP, including funding "
        "sought and secured]",
        "Kenya has made good progress since SC65, helped by the Wildlife Conservation and "
        "Management Act 2013.",
    ),
    progress=(
        "Two actions are substantially achieved and four are on track; one action is "
        "challenging.",
    ),
    outlook=(
        "The scanners for Mombasa port depend on a decision of the Kenya Ports Authority.",
    ),
    pillars=(
        Pillar("1", "Legislation", in_b="[Legislation]", in_c="[Legislation]"),
        Pillar("2", "Enforcement", in_b="[Enforcement]", in_c="[Name]"),
        Pillar("3", "Judiciary and prosecution", in_b="[Judiciary and prosecution]",
               in_c="[Judiciary and prosecution]"),
        Pillar("4", "Community engagement", in_b="[Name]", in_c="[Community engagement]"),
    ),
    actions=(
        Act("1.1", "Enact regulations under the Wildlife Conservation and Management Act 2013",
            "substantially_achieved", "substantially_achieved", flag="bc",
            progress=("Four sets of regulations were gazetted.",)),
        Act("1.2", "Review the penalties for possession of ivory", "on_track", "on_track",
            progress=("A review committee was appointed in March 2015.",
                      "Progress summary – if required, note significant achievements, any "
                      "upcoming challenges or concerns and/or important next steps to "
                      "complete.")),
        Act("2.1", "Deploy rapid response units in poaching hotspots", "on_track", "on_track",
            flag="b", progress=("Units are deployed in Tsavo and Laikipia.",)),
        Act("2.2", "Install scanners at Mombasa port", "challenging", "challenging",
            progress=("Procurement was cancelled and must start again.",)),
        Act("2.3", "Strengthen the intelligence unit of the Kenya Wildlife Service", "on_track",
            "on_track", progress=("Twelve analysts joined the unit.",)),
        Act("3.1", "Train prosecutors on the new Act", "substantially_achieved",
            "substantially_achieved",
            progress=("150 prosecutors were trained with the Office of the Director of Public "
                      "Prosecutions.",)),
        Act("3.2", "Establish a case tracking system for wildlife crimes", "on_track", None,
            c_text="[PROGRESS RATING]", flag="c",
            progress=("The system is in development.",)),
        Act("4.1", "Set up community wildlife scouts in Tsavo and Amboseli", "unclear",
            "unclear", progress=("Community consultations have not concluded.",)),
    ),
    findings=(
        Finding("meeting-conflict", "warning", None, None,
                "The title names SC65 but the report says it was prepared for SC66 (\"Prepared "
                "for the 66th meeting of the CITES Standing Committee\"); Tusk takes SC66: "
                "correct the title."),
        Finding("template-text", "warning", None, None,
                "Part A still holds the template's guidance text \"[Provide a short overview of "
                "progress in implementing…\": replace it with the Party's own words."),
        Finding("name-placeholder", "warning", None, "4",
                "Part B heads category 4 with the template placeholder [Name]; the name "
                "\"Community engagement\" was taken from Part C."),
        Finding("template-text", "warning", "1.2", None,
                "Part C's progress summary for action 1.2 still holds the template's guidance "
                "text \"Progress summary – if required, note significant achievements…\"."),
        Finding("name-placeholder", "warning", None, "2",
                "Part C heads category 2 with the template placeholder [Name]; the name "
                "\"Enforcement\" was taken from Part B."),
        Finding("rating-placeholder", "error", "3.2", None,
                "Part C gives no rating for action 3.2: the template placeholder [PROGRESS "
                "RATING] was left in; Part B rates it On track."),
    ),
    layout=Layout(
        title_lines=2,
        c_title_format="{code} [{title}]",
        c_rating_format="[{word}]",
        c_rating_upper=True,
        c_page_breaks=("2.2",),
    ),
)  # fmt: skip

VIET_NAM_SC74 = Case(
    name="docx-en-viet-nam-sc74",
    kind="docx",
    language="en",
    scale="niap6",
    quirks=(
        "its own structure: numbered section titles instead of PART A/B/C, a one-row Part B "
        "header, pillar cells 'Pillar 1: …', Part C columns in another order under other names, "
        "category rows 'PILLAR 2 – Enforcement'",
        "the meeting as an ordinal in words ('seventy-fourth')",
        "a rating of the old four-level scale in a six-level report",
    ),
    header=(
        "Viet Nam – National Ivory Action Plan: progress report for SC74",
        "Prepared for the seventy-fourth meeting of the CITES Standing Committee",
        "Party: VIET NAM",
        "Reporting period: 1 November 2019 – 31 October 2021",
        "Prepared by: Viet Nam CITES Management Authority",
    ),
    party="Viet Nam",
    party_code="VN",
    meeting="SC74",
    period_start="2019-11-01",
    period_end="2021-10-31",
    prepared_by="Viet Nam CITES Management Authority",
    overview=(
        "Viet Nam has implemented its NIAP through the inter-agency steering committee under "
        "the Ministry of Agriculture and Rural Development.",
    ),
    progress=(
        "Of the ten actions, two have been achieved, two are substantially achieved, two are "
        "on track and two show partial progress.",
    ),
    outlook=(
        "Viet Nam will evaluate its demand-reduction campaigns in 2022.",
    ),
    pillars=(
        Pillar("1", "Legislation and policy"),
        Pillar("2", "Enforcement"),
        Pillar("3", "International cooperation"),
        Pillar("4", "Communication and demand reduction"),
    ),
    actions=(
        Act("1.1", "Adopt Decree 06/2019/ND-CP on the management of endangered species",
            "achieved", "achieved", progress=("The decree entered into force in March 2019.",)),
        Act("1.2", "Issue guidance on the application of the Penal Code to ivory crimes",
            "achieved", "achieved",
            progress=("Resolution 05/2018/NQ-HDTP of the Supreme People's Court.",)),
        Act("2.1", "Conduct inspections of ivory carving villages and markets",
            "substantially_achieved", "substantially_achieved",
            progress=("Inspections covered 14 provinces.",)),
        Act("2.2", "Strengthen border controls at Noi Bai and Tan Son Nhat airports",
            "on_track", "on_track", progress=("Customs profiling now covers transit flights.",)),
        Act("2.3", "Establish a national database of ivory seizures", "partial_progress",
            "partial_progress", progress=("The database design is agreed.",)),
        Act("3.1", "Conclude cooperation agreements with Mozambique and Nigeria",
            "partial_progress", None, c_text="Challenging",
            progress=("Talks with Mozambique resumed in 2021.",)),
        Act("3.2", "Return samples of seized ivory for forensic analysis",
            "substantially_achieved", "substantially_achieved",
            progress=("Samples of six seizures were analysed.",)),
        Act("4.1", "Run demand-reduction campaigns with the business community", "on_track",
            "on_track", progress=("Campaigns reached 2 000 companies.",)),
        Act("4.2", "Publish the results of ivory prosecutions in the media", "not_commenced",
            "not_commenced", progress=("Not yet started.",)),
        Act("4.3", "Evaluate the impact of the campaigns", "pending_other_action",
            "pending_other_action", progress=("Waits for the end of the campaigns.",)),
    ),
    findings=(
        Finding("rating-unknown", "error", "3.1", None,
                "Part C rates action 3.1 \"Challenging\", a rating of the four-level scale used "
                "up to SC67, not of this report's six-level scale: use one of Achieved, "
                "Substantially achieved, On track, Partial progress, Pending completion of "
                "another action, Not commenced."),
    ),
    layout=Layout(
        part_a="1. Synopsis of NIAP implementation",
        part_b="2. Summary evaluation of actions",
        part_c="3. Detailed evaluation of actions",
        b_pillar_head="NIAP pillar",
        b_rating_head=None,
        b_pillar_format="Pillar {n}: {name}",
        c_heads=("NIAP action", "Status", "Progress made and comments"),
        c_order=("action", "progress", "rating"),
        c_category_format="PILLAR {n} – {name}",
    ),
)  # fmt: skip

TOGO_SC78 = Case(
    name="docx-fr-togo-sc78",
    kind="docx",
    language="fr",
    scale="niap6",
    quirks=(
        "Part B as one row per action with an X under its rating, pillars as rows across "
        "the table ('Pilier 1 : Législation')",
        "Part C headed 'Activité / Statut / Observations'",
        "an action with no tick in Part B and an empty status in Part C",
        "the total of actions stated with 'compte'",
    ),
    header=(
        "RAPPORT DE MISE EN ŒUVRE DU PANI",
        "Préparé pour la 78e session du Comité permanent de la CITES",
        "Partie : RÉPUBLIQUE TOGOLAISE",
        "Période couverte : novembre 2023 – octobre 2024",
        "Préparé par : Direction des Ressources Forestières",
    ),
    party="République Togolaise",
    party_code="TG",
    meeting="SC78",
    period_start="2023-11",
    period_end="2024-10",
    prepared_by="Direction des Ressources Forestières",
    overview=(
        "Le Togo met en œuvre son PANI avec l'appui de l'Office central de répression du "
        "trafic illicite des drogues et du blanchiment.",
    ),
    progress=(
        "Au total, le PANI compte 8 activités. Une est réalisée, une est substantiellement "
        "réalisée, deux sont en bonne voie et une enregistre des progrès partiels.",
    ),
    outlook=(
        "La base de données des saisies sera développée avec l'appui d'INTERPOL.",
    ),
    pillars=(
        Pillar("1", "Législation"),
        Pillar("2", "Application de la loi"),
        Pillar("3", "Coopération"),
    ),
    actions=(
        Act("1.1", "Adopter le nouveau code de l'environnement", "achieved", "achieved",
            progress=("Le code a été promulgué en 2024.",)),
        Act("1.2", "Réviser la liste des espèces intégralement protégées",
            "substantially_achieved", "substantially_achieved",
            progress=("La liste révisée attend sa publication.",)),
        Act("2.1", "Créer une unité de lutte contre la criminalité faunique au port de Lomé",
            "on_track", "on_track", progress=("L'unité compte six agents.",)),
        Act("2.2", "Contrôler les conteneurs en partance vers l'Asie", "on_track", "on_track",
            progress=("Les contrôles sont fondés sur une analyse de risque.",)),
        Act("2.3", "Former les magistrats au droit de la faune", "partial_progress",
            "partial_progress", progress=("Une session sur trois a eu lieu.",)),
        Act("2.4", "Mettre en place une base de données des saisies", None, None, c_text="",
            progress=("Les besoins ont été définis.",)),
        Act("3.1", "Échanger des renseignements avec le Ghana et le Bénin",
            "pending_other_action", "pending_other_action",
            progress=("Attend la base de données (activité 2.4).",)),
        Act("3.2", "Participer aux opérations d'INTERPOL", "not_commenced", "not_commenced",
            progress=("Aucune opération en 2024.",)),
    ),
    findings=(
        Finding("rating-missing", "error", "2.4", None,
                "Action 2.4 has no rating in Part B or Part C: give it one of the scale's "
                "ratings (Réalisée, Substantiellement réalisée, En bonne voie, Progrès partiel, "
                "En attente de l'achèvement d'une autre activité, Non commencée)."),
    ),
    layout=Layout(
        part_a="PARTIE A – Synopsis",
        part_b="PARTIE B – Évaluation sommaire",
        part_c="PARTIE C – Évaluation détaillée",
        progress_heading="Progrès à ce jour",
        outlook_heading="Perspectives",
        b_pillar_head="Activité",
        b_rating_head="Notation des progrès",
        b_pillar_format="Pilier {n} : {name}",
        b_style="ticks",
        c_heads=("Activité", "Statut", "Observations"),
        c_category_format="Pilier {n} : {name}",
    ),
)  # fmt: skip

CASES = (MALAYSIA_SC70, CAMEROON_SC70, ANGOLA_SC77, KENYA_SC66, VIET_NAM_SC74, TOGO_SC78)
