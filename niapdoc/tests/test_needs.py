"""Needs read from a report's words: which sentences ask for support, for which actions, and
which must suggest nothing, in English, French and Spanish."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from niapdoc import needs
from niapdoc.model import Action, ProgressReport, Source, Synopsis
from niapdoc.reading import read_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN = ["1.1", "1.2", "1.2a", "2.1", "2.2", "2.3", "2.4", "2.5", "3.1", "3.2", "4.1", "4.2"]


def asked(sentence: str, plan: list[str] | None = PLAN) -> list[str]:
    """Every code the sentence asks support for."""
    return [code for r in needs.requests_in(sentence, plan) for code in r.codes]


def report(
    overview: str = "",
    *,
    actions: list[Action] | None = None,
    progress: str = "",
    outlook: str = "",
) -> ProgressReport:
    return ProgressReport(
        source=Source(filename="r.txt", sha256="0" * 64, kind="text"),
        language="en",
        party="Cambodia",
        party_code="KH",
        meeting="SC66",
        period_start=None,
        period_end=None,
        prepared_by=None,
        scale="niap4",
        synopsis=Synopsis(overview=overview, progress=progress, outlook=outlook),
        actions=actions if actions is not None else [Action(c, c[0], f"Action {c}") for c in PLAN],
    )


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        # English
        (
            "We are seeking additional funding and technical support for the following "
            "activities: 2.1, 2.3, 2.4, 2.5, 3.2",
            ["2.1", "2.3", "2.4", "2.5", "3.2"],
        ),
        (
            "We are seeking additional funding with support from our NGO partners for the "
            "implementation of the following activities: 2.1, 2.3, 2.4, 2.5, 3.2.",
            ["2.1", "2.3", "2.4", "2.5", "3.2"],
        ),
        ("Additional funding is needed for activities 2.1 and 4.2.", ["2.1", "4.2"]),
        ("2.1 and 2.3 require technical assistance.", ["2.1", "2.3"]),
        ("Activities 2.1, 2.3 and 3.2 still need support.", ["2.1", "2.3", "3.2"]),
        ("For activities 2.1 and 2.3, we are seeking funding.", ["2.1", "2.3"]),
        ("We call on partners to support activities 2.1 and 2.3.", ["2.1", "2.3"]),
        ("Support for activities 2.1 and 2.3 is requested from partners.", ["2.1", "2.3"]),
        ("Training of prosecutors (3.1) requires external funding.", ["3.1"]),
        ("The Party would welcome technical assistance for 4.1.", ["4.1"]),
        ("We will seek support from donors for action 2.2.", ["2.2"]),
        ("We need to secure funding for 1.1.", ["1.1"]),
        ("We seek USD 1.5 million for activities 2.1 and 2.2.", ["2.1", "2.2"]),
        (
            "Activities 2.1 and 2.3 have received funding and 3.2 still needs support.",
            ["3.2"],
        ),
        ("We seek funding for 2.1, while 2.3 has been funded by WWF.", ["2.1"]),
        (
            "Activities 2.1 and 2.2 are progressing well and funding is needed for 3.1.",
            ["3.1"],
        ),
        ("We are looking for partners to fund 1.2a.", ["1.2a"]),
        ("Partners are invited to support activities 2.1 and 2.2.", ["2.1", "2.2"]),
        # French
        (
            "Nous recherchons des financements supplémentaires pour les activités suivantes : "
            "2.1, 2.3 et 3.2",
            ["2.1", "2.3", "3.2"],
        ),
        (
            "Le Gabon sollicite l'appui des partenaires pour les activités 1.2 et 4.1.",
            ["1.2", "4.1"],
        ),
        ("Le Gabon sollicite l’appui des partenaires pour 2.4.", ["2.4"]),
        (
            "Un appui technique est nécessaire pour la mise en œuvre des activités 3.1 et 3.2.",
            ["3.1", "3.2"],
        ),
        ("Pour les activités 2.1 et 2.3, nous recherchons des financements.", ["2.1", "2.3"]),
        ("Les activités 2.2 et 2.5 ont besoin d'un appui financier.", ["2.2", "2.5"]),
        ("Le pays fait appel aux bailleurs de fonds pour l'activité 4.2.", ["4.2"]),
        ("Les partenaires sont invités à appuyer les activités 3.1 et 3.2.", ["3.1", "3.2"]),
        ("Des financements sont recherchés pour les activités 1.1 à 1.2.", ["1.1", "1.2"]),
        # Spanish
        (
            "Buscamos financiación adicional para las actividades 2.1, 2.3 y 3.2",
            ["2.1", "2.3", "3.2"],
        ),
        ("Se requiere apoyo técnico para las actividades 1.2 y 4.1.", ["1.2", "4.1"]),
        ("Se necesitan fondos para la actividad 1.3 y la actividad 4.2.", ["1.3", "4.2"]),
        ("Solicitamos el apoyo de los socios para las medidas 2.1 a 2.3.", ["2.1", "2.2", "2.3"]),
        ("Las actividades 3.1 y 3.2 requieren financiamiento.", ["3.1", "3.2"]),
        ("Se solicitará asistencia técnica para la medida 4.1.", ["4.1"]),
        ("Se invita a los socios a apoyar las actividades 2.3 y 2.4.", ["2.3", "2.4"]),
    ],
)
def test_it_reads_the_codes_a_sentence_asks_support_for(sentence: str, codes: list[str]) -> None:
    assert asked(sentence) == codes


@pytest.mark.parametrize(
    "sentence",
    [
        "Funding was received for 2.1.",
        "Funding for 2.1 was received in 2015.",
        "No further support is needed.",
        "No further support is needed for 2.1 and 2.3.",
        "No funding for 2.1 is needed.",
        "Activities 2.1 and 2.3 do not require funding.",
        "Action 4.1 no longer needs support.",
        "We have recently secured some funding for the implementation of objectives 1.1, 1.2, "
        "2.4, 2.5, 3.1 and 5.1 and continue to seek funding for implementation of the remaining "
        "activities that require it, as indicated in the NIAP.",
        "A lack of funding and difficulties coordinating with other agencies has caused some "
        "delays with the implementation of activities 1.1, 1.2, 2.4 and 3.1.",
        "Thanks to the support of UNODC, 2.2 was completed.",
        "We thank our partners for their support to activities 2.1 and 2.2.",
        "Support from partners for 2.1 has been essential.",
        "Activity 2.2 is funded by the European Union.",
        "We need to improve coordination with partners for 2.2.",
        "We are seeking funding to train officers, and activities 2.1 and 2.3 are progressing "
        "well.",
        "In line with Resolution Conf. 10.10 (Rev. CoP18), we report on 2.2.",
        "Implementation of activity 1.1, 1.2, 2.4, 2.5 has been initiated.",
        "[Provide a short overview of progress in implementing the NIAP, including funding "
        "sought and secured]",
        "Nous avons reçu un financement de l'UE pour les activités 2.1 et 2.2.",
        "L'activité 2.1 n'a plus besoin d'appui.",
        "Les activités 2.1 et 2.2 sont financées par la GIZ.",
        "Grâce à l'appui de l'UE, l'activité 3.1 est achevée.",
        "Aucun appui supplémentaire n'est nécessaire pour l'activité 2.3.",
        "La réduction de la demande d'ivoire (4.1) progresse.",
        "Las actividades 2.1 y 2.2 ya no necesitan apoyo.",
        "Las actividades 2.1 y 2.2 han sido financiadas por la UE.",
        "Hemos recibido financiación para la actividad 3.2.",
        "No se requiere apoyo adicional para la medida 2.4.",
        "Buscamos fortalecer la cooperación regional para la medida 2.5.",
    ],
)
def test_it_suggests_nothing_from_a_sentence_that_asks_nothing(sentence: str) -> None:
    assert asked(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("We are seeking additional funding and technical support for 2.1.", needs.FUNDING),
        ("We seek technical assistance for 2.1.", needs.TECHNICAL_ASSISTANCE),
        ("Se requiere apoyo técnico para las actividades 1.2 y 4.1.", needs.TECHNICAL_ASSISTANCE),
        ("Nous sollicitons une assistance technique pour 2.2.", needs.TECHNICAL_ASSISTANCE),
        ("We need vehicles and radios for 2.1.", needs.EQUIPMENT),
        ("Nous recherchons des équipements pour 2.3.", needs.EQUIPMENT),
        ("We request support for training of customs officers (2.3).", needs.TRAINING),
        ("Buscamos apoyo para la capacitación de fiscales (3.1).", needs.TRAINING),
        ("We seek legal drafting support for 1.1.", needs.LEGAL_DRAFTING),
        (
            "Un appui juridique est sollicité pour la rédaction du décret (1.2).",
            needs.LEGAL_DRAFTING,
        ),
        ("Training of prosecutors (3.1) requires external funding.", needs.FUNDING),
        ("Le Gabon sollicite l'appui des partenaires pour 1.2.", needs.FUNDING),
    ],
)
def test_it_guesses_the_kind_of_support_from_the_words(sentence: str, kind: str) -> None:
    (request,) = needs.requests_in(sentence, PLAN)
    assert request.kind == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        (
            "Revise the Government Prakas No. 020 on the list of Endangered species*",
            "legal_drafting",
        ),
        ("Amend the Wildlife Act to raise penalties", "legal_drafting"),
        ("Réviser la loi sur la faune", "legal_drafting"),
        ("Enhance awareness and capacity of Customs", "training"),
        ("Capacitación de los guardaparques", "training"),
        ("Equip the wildlife crime unit with scanners", "equipment"),
        ("Establish a specialised Wildlife Crime Investigation unit", "funding"),
    ],
)
def test_a_flagged_actions_kind_comes_from_its_title(title: str, kind: str) -> None:
    assert needs.title_kind_guess(title) == kind


def test_a_range_is_expanded_from_the_plan_when_it_is_unambiguous() -> None:
    assert asked("We seek funding for activities 2.1-2.3.") == ["2.1", "2.2", "2.3"]
    assert asked("We seek funding for activities 2.1 – 2.4.") == ["2.1", "2.2", "2.3", "2.4"]
    assert asked("We seek funding for activities 2.1 to 2.3.") == ["2.1", "2.2", "2.3"]
    assert asked("Nous recherchons des fonds pour les activités 2.2 à 2.4.") == [
        "2.2",
        "2.3",
        "2.4",
    ]
    # Without a plan, the numbers between are counted.
    assert asked("We seek funding for 2.1-2.3.", plan=None) == ["2.1", "2.2", "2.3"]


@pytest.mark.parametrize(
    ("sentence", "kept", "range_"),
    [
        ("We seek funding for 2.4-3.1.", ["2.4", "3.1"], "2.4-3.1"),  # across pillars
        ("We seek funding for 2.3-2.1.", ["2.3", "2.1"], "2.3-2.1"),  # backwards
        ("We seek funding for 2.1-2.9.", ["2.1", "2.9"], "2.1-2.9"),  # 2.9 not in the plan
        ("We seek funding for 1.2-1.2a.", ["1.2", "1.2a"], "1.2-1.2a"),  # a letter
    ],
)
def test_an_unclear_range_is_not_expanded_and_keeps_its_ends(
    sentence: str, kept: list[str], range_: str
) -> None:
    (request,) = needs.requests_in(sentence, PLAN)
    assert list(request.codes) == kept
    assert request.unexpanded == (range_,)


@pytest.mark.parametrize(
    "sentence",
    [
        "We seek USD 2.5 million for activity 2.1.",
        "We seek 1.5 million dollars for activity 2.1.",
        "We seek EUR 3.2m for activity 2.1, about 2.5% of the budget.",
        "As Decision 19.68 and SC70 Doc. 27.4 ask, we seek funding for 2.1.",
    ],
)
def test_money_shares_and_document_numbers_are_not_codes(sentence: str) -> None:
    assert asked(sentence) == ["2.1"]


def test_it_splits_sentences_without_breaking_codes() -> None:
    text = "We seek funding for 2.1 and 3.2. We have received funding for 1.1.\n\nNo. 020 PR. MAFF"
    assert needs.sentences(text) == [
        "We seek funding for 2.1 and 3.2.",
        "We have received funding for 1.1.",
        "No. 020 PR.",
        "MAFF",
    ]


def test_a_long_sentence_is_trimmed_as_evidence() -> None:
    sentence = "We seek funding for 2.1 " + "and more words " * 60 + "today."
    (request,) = needs.requests_in(sentence, PLAN)
    assert len(request.sentence) <= needs.EVIDENCE_CHARS
    assert request.sentence.endswith("\u2026") and request.sentence.startswith("We seek funding")


def test_the_cambodia_report_suggests_its_flagged_actions_and_the_funding_sentence() -> None:
    path = FIXTURES / "cambodia-sc66.txt"
    document = read_report(path.read_bytes(), filename=path.name)
    found = needs.suggest(document)
    flagged = [n.code for n in found.needs if n.reason == needs.FLAGGED]
    asking = [n.code for n in found.needs if n.reason == needs.FUNDING_SENTENCE]
    # The asterisks of Part B, as the seed report prints them.
    assert flagged == ["1.1", "1.2", "2.1", "2.3", "2.4", "2.5", "3.1", "3.2", "4.1"]
    # "We are seeking additional funding ... for the following activities: 2.1, 2.3, 2.4, 2.5,
    # 3.2" and not the actions whose funding was "recently secured".
    assert asking == ["2.1", "2.3", "2.4", "2.5", "3.2"]
    sentence = next(n for n in found.needs if n.code == "3.2" and n.reason != needs.FLAGGED)
    assert sentence.evidence.startswith("We are seeking additional funding")
    assert sentence.kind == needs.FUNDING
    first = found.needs[0]
    assert (first.code, first.kind) == ("1.1", needs.LEGAL_DRAFTING)
    assert (
        first.evidence.startswith("1.1 Revise the Government Prakas") and first.evidence[-1] == "*"
    )
    assert found.notes == []


def test_codes_the_plan_does_not_have_are_left_out_with_a_note() -> None:
    found = needs.suggest(report("We are seeking funding for activities 2.1, 7.3 and 9.9."))
    assert [(n.code, n.reason) for n in found.needs] == [("2.1", needs.FUNDING_SENTENCE)]
    (note,) = found.notes
    assert (note.kind, note.codes) == (needs.NOT_IN_PLAN, ("7.3", "9.9"))
    assert "7.3, 9.9, which the plan does not have" in note.message


def test_a_request_naming_no_action_is_a_note() -> None:
    found = needs.suggest(report("We will seek support for community engagement."))
    assert found.needs == []
    assert [n.kind for n in found.notes] == [needs.NO_ACTION_NAMED]
    assert found.notes[0].evidence == "We will seek support for community engagement."


def test_an_unclear_range_is_a_note() -> None:
    found = needs.suggest(report("We seek funding for 2.4-3.1."))
    assert [n.code for n in found.needs] == ["2.4", "3.1"]
    assert [(n.kind, n.codes) for n in found.notes] == [(needs.RANGE_NOT_EXPANDED, ("2.4-3.1",))]


def test_an_actions_own_progress_asking_for_support_suggests_that_action() -> None:
    actions = [
        Action("1.1", "1", "Revise the law", progress=["Drafting has begun."]),
        Action("2.1", "2", "Train customs", progress=["Financement recherché."]),
        Action("2.2", "2", "Buy scanners", progress=["Funding was secured from the EU."]),
    ]
    found = needs.suggest(report(actions=actions))
    assert [(n.code, n.reason, n.evidence) for n in found.needs] == [
        ("2.1", needs.FUNDING_SENTENCE, "Financement recherché.")
    ]


def test_one_suggestion_per_action_and_reason_in_the_plans_order() -> None:
    actions = [Action(c, c[0], f"Action {c}", flagged=c in {"3.1", "1.1"}) for c in PLAN]
    found = needs.suggest(
        report(
            "We seek funding for 3.1 and 2.2.",
            actions=actions,
            outlook="Nous recherchons des financements pour les activités 2.2 et 1.1.",
        )
    )
    assert [(n.code, n.reason) for n in found.needs] == [
        ("1.1", needs.FLAGGED),
        ("1.1", needs.FUNDING_SENTENCE),
        ("2.2", needs.FUNDING_SENTENCE),
        ("3.1", needs.FLAGGED),
        ("3.1", needs.FUNDING_SENTENCE),
    ]
    # The first sentence asking for 2.2 is its evidence.
    assert found.needs[2].evidence == "We seek funding for 3.1 and 2.2."


def test_codes_are_matched_to_the_plans_spelling() -> None:
    found = needs.suggest(report("We seek funding for 1.2A."), plan=PLAN)
    assert [n.code for n in found.needs] == ["1.2a"]


CORPUS = sorted(p.name for p in (FIXTURES / "corpus").iterdir() if not p.name.endswith(".json"))


@pytest.mark.parametrize("name", CORPUS)
def test_every_corpus_report_reads_without_error_and_suggests_only_plan_actions(name: str) -> None:
    document = read_report((FIXTURES / "corpus" / name).read_bytes(), filename=name)
    found = needs.suggest(document)
    codes = {a.code for a in document.actions}
    assert {n.code for n in found.needs} <= codes
    assert all(n.kind in needs.KINDS for n in found.needs)
    flagged = {a.code for a in document.actions if a.flagged}
    assert {n.code for n in found.needs if n.reason == needs.FLAGGED} == flagged


def test_reading_needs_never_imports_django() -> None:
    code = (
        "import sys, niapdoc.needs;"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
