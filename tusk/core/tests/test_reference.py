"""The reference data: what a fresh Tusk knows of meetings, Parties, categories and regions."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command

from tusk.core.models import AuditEvent, Meeting, Party, PartyCategory, Region, RegionMembership
from tusk.core.reference import CATEGORIES, PARTIES, REGIONS, standard_pillar_for
from tusk.core.reference_load import reference_load

REFERENCE_MODELS = (Meeting, Party, PartyCategory, Region, RegionMembership)


def _history_rows() -> dict[str, int]:
    return {model.__name__: model.history.count() for model in REFERENCE_MODELS}


@pytest.mark.django_db
def test_it_loads_sc66_in_geneva_with_reports_due_90_days_before() -> None:
    reference_load()
    sc66 = Meeting.objects.get(kind="SC", number=66)
    assert sc66.place == "Geneva"
    assert sc66.start_date == datetime.date(2016, 1, 11)
    assert sc66.end_date == datetime.date(2016, 1, 15)
    assert sc66.takes_niap_reports
    assert sc66.due_date == datetime.date(2015, 10, 13)


@pytest.mark.django_db
def test_it_sends_niap_reports_only_to_the_regular_meetings() -> None:
    reference_load()
    taking = {m.code for m in Meeting.objects.filter(takes_niap_reports=True)}
    assert taking == {"SC65", "SC66", "SC67", "SC69", "SC70", "SC74", "SC77", "SC78"}
    assert Meeting.objects.filter(kind="SC").count() == 17
    assert Meeting.objects.filter(kind="CoP").count() == 5


@pytest.mark.django_db
def test_it_gives_the_cop19_categories_of_the_domain() -> None:
    reference_load()
    rows = PartyCategory.objects.filter(cycle="CoP19").select_related("party")
    by_category: dict[str, set[str]] = {"A": set(), "B": set(), "C": set()}
    for row in rows:
        by_category[row.category].add(row.party.code)
    assert by_category == {
        "A": {"CD", "NG", "TG", "VN"},
        "B": {"KH", "GA", "MY", "MZ"},
        "C": {"AO", "CM", "CG", "LA", "QA"},
    }


@pytest.mark.django_db
def test_it_gives_asean_its_ten_members() -> None:
    reference_load()
    asean = Region.objects.get(code="asean")
    members = {m.party.code: m.start for m in asean.memberships.select_related("party")}
    assert set(members) == {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"}
    assert members["KH"] == datetime.date(1999, 4, 30)
    assert members["TH"] == datetime.date(1967, 8, 8)
    assert str(asean) == "ASEAN"


@pytest.mark.django_db
def test_it_marks_region_members_outside_the_process() -> None:
    reference_load()
    assert Party.objects.get(country="SG").in_niap_process is False
    assert Party.objects.get(country="KH").in_niap_process is True


@pytest.mark.django_db
def test_it_has_malawi_and_tanzania_in_their_regions() -> None:
    reference_load()
    for code in ("MW", "TZ"):
        party = Party.objects.get(country=code)
        assert party.in_niap_process
        assert party.region_memberships.filter(region__code="sadc").exists()
    assert Party.objects.get(country="TZ").region_memberships.filter(region__code="eac").exists()


@pytest.mark.django_db
def test_it_names_parties_as_cites_documents_do() -> None:
    reference_load()
    assert str(Party.objects.get(country="VN")) == "Viet Nam"
    assert str(Party.objects.get(country="HK")) == "Hong Kong SAR"
    assert Party.objects.get(country="HK").stage == "exited"
    assert Party.objects.get(country="KH").stage == "implementing"


@pytest.mark.django_db
def test_it_audits_every_row_it_creates() -> None:
    counts = reference_load()
    assert counts["updated"] == 0
    assert counts["created"] == sum(
        counts[kind] for kind in ("meetings", "parties", "categories", "regions", "memberships")
    )
    events = AuditEvent.objects.filter(verb="reference.create", reason="reference data")
    assert events.count() == counts["created"]
    assert events.filter(party__country="MW").exists()


@pytest.mark.django_db
def test_it_changes_nothing_when_loaded_a_second_time() -> None:
    first = reference_load()
    history, audit = _history_rows(), AuditEvent.objects.count()
    second = reference_load()
    assert (second["created"], second["updated"]) == (0, 0)
    assert {k: v for k, v in second.items() if k not in ("created", "updated")} == {
        k: v for k, v in first.items() if k not in ("created", "updated")
    }
    assert _history_rows() == history
    assert AuditEvent.objects.count() == audit


@pytest.mark.django_db
def test_it_puts_back_a_changed_value_and_audits_it() -> None:
    reference_load()
    Meeting.objects.filter(kind="SC", number=66).update(place="Lausanne")
    counts = reference_load()
    assert (counts["created"], counts["updated"]) == (0, 1)
    assert Meeting.objects.get(kind="SC", number=66).place == "Geneva"
    event = AuditEvent.objects.get(verb="reference.update")
    assert (event.before, event.after) == ({"place": "Lausanne"}, {"place": "Geneva"})
    assert event.target_repr == "SC66"


@pytest.mark.django_db
def test_it_takes_over_a_party_that_already_exists_and_keeps_its_stage(cambodia) -> None:
    cambodia.stage = "achieved"
    cambodia.in_niap_process = False
    cambodia.save()
    counts = reference_load()
    assert Party.objects.filter(country="KH").count() == 1
    assert counts["updated"] == 1
    stored = Party.objects.get(pk=cambodia.pk)
    assert stored.in_niap_process is True
    # Stage and trade role belong to the app once the Party exists.
    assert (stored.stage, stored.trade_role) == ("achieved", "")


def test_every_country_in_the_reference_has_a_party_row() -> None:
    codes = [p.country for p in PARTIES]
    assert len(codes) == len(set(codes))
    assert {c.country for c in CATEGORIES} <= set(codes)
    assert {m.country for r in REGIONS for m in r.members} <= set(codes)


@pytest.mark.parametrize(
    ("name", "pillar"),
    [
        ("Legislation", "legislation"),
        ("Enforcement", "enforcement"),
        ("Judiciary and prosecutions", "enforcement"),
        ("Drivers and Prevention", "outreach"),
        ("Data reporting and analysis", "reporting"),
        ("Public awareness", "outreach"),
        ("Inter-agency collaboration", "collaboration"),
        ("Inter-agency and international enforcement collaboration", "collaboration"),
        ("Law enforcement", "enforcement"),
        ("Législation et réglementation", "legislation"),
        ("Sensibilisation du public", "outreach"),
    ],
)
def test_it_maps_a_pillar_name_to_its_standard_pillar(name: str, pillar: str) -> None:
    assert standard_pillar_for(name) == pillar


def test_it_maps_an_unknown_pillar_to_nothing() -> None:
    assert standard_pillar_for("Other") == ""
    assert standard_pillar_for("") == ""


@pytest.mark.django_db
def test_it_summarises_the_load_in_one_line() -> None:
    out = io.StringIO()
    call_command("loadreference", stdout=out)
    line = out.getvalue().strip()
    assert line.startswith("reference data: 22 meetings, ")
    assert line.endswith(" created, 0 updated)")
    assert "\n" not in line


@pytest.mark.django_db
def test_it_gives_the_counts_as_json() -> None:
    call_command("loadreference", stdout=io.StringIO())
    out = io.StringIO()
    call_command("loadreference", "--json", stdout=out)
    counts = json.loads(out.getvalue())
    assert (counts["meetings"], counts["created"], counts["updated"]) == (22, 0, 0)
