"""The demo registry: deterministic, valid, synthetic, idempotent, removable, loaded once on first start."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command

from zhichan.core.extensions import FIRST_START
from zhichan.core.models import Population
from zhichan.core.services.demo_population import DEMO_SOURCE
from zhichan.registry import first_start as registry_first_start
from zhichan.registry.demo import (
    generate_copyrights,
    generate_enterprises,
    generate_patents,
    generate_trademarks,
    load,
    load_demo_registry,
    remove_demo_registry,
)
from zhichan.registry.demo.enterprises import DEMO_NAME, demo_enterprise_row
from zhichan.registry.demo.portfolio import portfolio_patents
from zhichan.registry.identifiers import parse_patent_application, parse_trademark_registration, parse_uscc
from zhichan.registry.models import Copyright, Enterprise, GeographicalIndication, Patent, PatentEvent, Trademark
from zhichan.registry.services.entries import create_patent
from zhichan.registry.services.patents import next_annuity_due

SMALL = {"enterprises": 20, "patents": 300, "trademarks": 150, "copyrights": 30}
SOURCE = "演示数据（虚构）"


def load_small(**overrides):
    return load_demo_registry(**{**SMALL, **overrides})


def snapshot():
    patents = Patent.objects.order_by("application_number")
    first, last = patents.first(), patents.last()
    return {
        "counts": [model.objects.count() for model in (Enterprise, Patent, PatentEvent, Trademark, Copyright)],
        "patents": list(patents.values_list("application_number", flat=True)),
        "marks": list(Trademark.objects.order_by("registration_number").values_list("registration_number", flat=True)),
        "first": (first.title, first.filing_date, first.grant_date, first.inventors, first.applicants),
        "last": (last.title, last.filing_date, last.grant_date, last.inventors, last.applicants),
    }


def test_generators_are_deterministic_and_prefix_stable():
    companies = generate_enterprises(7, 15)
    assert companies == generate_enterprises(7, 15)
    assert generate_enterprises(8, 15) != companies
    assert list(generate_patents(7, companies, 50)) == list(generate_patents(7, companies, 50))
    assert list(generate_patents(7, companies, 20)) == list(generate_patents(7, companies, 50))[:20]
    assert list(generate_trademarks(7, companies, 30)) == list(generate_trademarks(7, companies, 30))
    assert list(generate_copyrights(7, companies, 10)) == list(generate_copyrights(7, companies, 10))


def test_generated_numbers_are_valid():
    companies = generate_enterprises(3, 40)
    for row in companies:
        assert parse_uscc(row.key).normalized == row.key
        assert row.key.startswith("91350583MADEM")
    for row in generate_patents(3, companies, 500):
        number = parse_patent_application(row.key)
        assert number.normalized == row.key
        assert {"1": "invention", "2": "utility_model", "3": "design"}[number.type_code] == row.fields["patent_type"]
        assert number.year == row.fields["filing_date"].year
        assert 2010 <= number.year <= 2024
    for row in generate_trademarks(3, companies, 200):
        assert parse_trademark_registration(row.key) == row.key


@pytest.mark.django_db
def test_load_is_valid_synthetic_and_deterministic():
    counts = load_small()
    assert counts["enterprises"] == SMALL["enterprises"] + 4  # and the four associations; the demo one exists
    assert counts["patents"] >= SMALL["patents"]
    assert counts["geographical_indications"] == 5
    for model in (Patent, Trademark, Copyright, GeographicalIndication):
        assert not model.objects.filter(synthetic=False).exists()
        assert not model.objects.exclude(source=SOURCE).exists()
        for record in model.objects.all():
            record.full_clean(validate_unique=False)
    for enterprise in Enterprise.objects.all():
        assert enterprise.synthetic
        enterprise.full_clean(validate_unique=False)
        assert parse_uscc(enterprise.uscc).normalized == enterprise.uscc
    for patent in Patent.objects.all():
        assert parse_patent_application(patent.application_number).normalized == patent.application_number
    assert Patent.objects.filter(events__kind="lapse").exists()
    assert Trademark.objects.filter(gi_mark=True, kind="certification").count() == 2
    first = snapshot()
    remove_demo_registry()
    load_small()
    assert snapshot() == first


@pytest.mark.django_db
def test_second_load_creates_nothing_and_removal_keeps_real_records(users):
    load_small()
    before = snapshot()
    assert set(load_small().values()) == {0}
    assert snapshot() == before

    holder = Enterprise.objects.filter(synthetic=True).exclude(name=DEMO_NAME).first()
    real, _ = create_patent(None, "201620363475.1", title="真实记录", filing_date=date(2016, 4, 1), holders=[holder])
    counts = remove_demo_registry()
    assert counts["patents"] == len(before["patents"])
    for model in (Patent, Trademark, Copyright, GeographicalIndication):
        assert not model.objects.filter(synthetic=True).exists()
    assert list(Enterprise.objects.filter(synthetic=True).values_list("name", flat=True)) == [DEMO_NAME]
    real.refresh_from_db()
    assert real.holders.count() == 0  # its synthetic holder is gone, the record stays
    demo = Enterprise.objects.get(name=DEMO_NAME)  # the demo user's enterprise stays, with its user
    assert users["enterprise"] in demo.members.all()


@pytest.mark.django_db
def test_a_real_record_with_a_clashing_number_is_left_alone():
    row = next(generate_patents(load.DEFAULT_SEED, generate_enterprises(load.DEFAULT_SEED, 20), 1))
    real, _ = create_patent(None, row.key, title="真实记录", filing_date=row.fields["filing_date"])
    load_small()
    real.refresh_from_db()
    assert not real.synthetic and real.title == "真实记录"


@pytest.mark.django_db
def test_demo_enterprise_portfolio(users):
    load_small()
    demo = Enterprise.objects.get(name=DEMO_NAME)
    assert users["enterprise"] in demo.members.all()
    assert demo.industry_code == "C3032" and demo.designations.exists()
    assert demo.patents.count() >= 30 and demo.trademarks.count() >= 15 and demo.copyrights.exists()


def test_portfolio_always_has_annuities_due_within_a_month():
    rows = portfolio_patents(load.DEFAULT_SEED, demo_enterprise_row(load.DEFAULT_SEED))

    class Stub:
        def __init__(self, row):
            self.filing_date, self.grant_date = row.fields["filing_date"], row.fields["grant_date"]
            self.patent_type = row.fields["patent_type"]

    class Event:
        def __init__(self, day, kind):
            self.date, self.kind, self.text = day, kind, ""

    patents = [(Stub(row), [Event(day, kind) for day, kind, _text in row.events]) for row in rows]
    for month in range(1, 13):
        today = date(2026, month, 10)
        soon = [
            patent
            for patent, events in patents
            if (due := next_annuity_due(patent, today, events)) and due <= today + timedelta(days=30)
        ]
        assert soon, today


@pytest.mark.django_db
def test_first_start_loads_once_and_only_for_demo(monkeypatch):
    assert registry_first_start.first_start in FIRST_START
    calls = []

    def counting(**kwargs):
        calls.append(kwargs)
        return load_demo_registry(**kwargs)

    monkeypatch.setattr("zhichan.registry.demo.load_demo_registry", counting)
    out = io.StringIO()
    registry_first_start.first_start(out, demo=False)
    assert not calls and not Patent.objects.exists()
    registry_first_start.first_start(out, demo=True)
    assert len(calls) == 1 and Patent.objects.filter(synthetic=True).exists()
    registry_first_start.first_start(out, demo=True)
    assert len(calls) == 1


@pytest.mark.django_db
def test_the_command_loads_removes_and_a_removed_register_stays_removed(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    sizes = ["--enterprises", "5", "--patents", "40", "--trademarks", "20", "--copyrights", "5"]
    out = io.StringIO()
    call_command("demo_registry", *sizes, stdout=out)
    assert "patents: " in out.getvalue() and Patent.objects.filter(synthetic=True).exists()
    assert Population.objects.filter(source=DEMO_SOURCE).count() == 54  # 27 coded townships × 2 county years
    call_command("demo_registry", "--remove", stdout=out)
    assert not Patent.objects.exists() and (tmp_path / "demo-registry-removed").exists()
    assert not Population.objects.filter(source=DEMO_SOURCE).exists() and Population.objects.exists()
    registry_first_start.first_start(out, demo=True)  # removed on purpose: the next start leaves it out
    assert not Patent.objects.exists()
    call_command("demo_registry", *sizes, stdout=out)
    assert Patent.objects.exists() and not (tmp_path / "demo-registry-removed").exists()
