"""The expert pool and draws of experts: duplicates refused, conflicts, unavailability and the rest period
excluded, replacements by rank, the draw recomputable from what it recorded."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core import draws
from zhichan.core.events import events_of
from zhichan.registry.demo.numbers import demo_uscc
from zhichan.services.models import Expert
from zhichan.services.services import experts as pool

DAY = datetime.date(2025, 6, 2)


def test_the_office_adds_an_expert_and_a_duplicate_is_refused_naming_the_existing(users, new_expert):
    first = new_expert(users["office"], id_number="350583198001011234")
    assert first.number.startswith("ZJ") and first.fields == ["F"]
    assert [e.kind for e in events_of(first)] == ["expert.added"]
    with pytest.raises(ValidationError) as error:
        new_expert(users["office"], id_number="350583198001011234", name="另一个")
    assert first.number in str(error.value.message_dict["id_number"])
    assert Expert.objects.count() == 1


def test_only_the_office_keeps_the_pool(users, new_expert):
    with pytest.raises(PermissionDenied):
        new_expert(users["amr-liaison"])


def test_fields_must_be_chosen(new_expert):
    with pytest.raises(ValidationError) as error:
        new_expert(fields=["Z"])
    assert "fields" in error.value.message_dict


def test_a_draw_excludes_ties_the_unavailable_and_the_recently_drawn(users, organisation, new_expert):
    experts = [new_expert() for _ in range(10)]
    code = demo_uscc(99)
    pool.declare_tie(experts[0], users["office"], credit_code=code)
    tied_employer = experts[1]
    tied_employer.employer = "某阀门公司"
    tied_employer.save()
    pool.set_availability(experts[2], users["office"], available=False, until=DAY + datetime.timedelta(days=10))
    earlier = pool.draw_experts(
        users["office"], purpose="mediation", subject="先前调解", wanted=2, day=DAY - datetime.timedelta(days=5)
    )
    recent = {pick.expert.number for pick in earlier.picks.all()}
    draw = pool.draw_experts(
        users["office"], purpose="project-review", subject="项目评审", wanted=3, parties=f"{code}\n某阀门公司", day=DAY
    )
    drawn = {pick.expert.number for pick in draw.picks.all()}
    assert len(drawn) == 3
    assert not drawn & ({experts[0].number, experts[1].number, experts[2].number} | recent)
    assert set(draw.excluded) >= {experts[0].number, experts[1].number, experts[2].number} | recent
    # Anyone recomputes it from what the draw recorded.
    assert draws.verify(draw.pool_text, draw.pool_hash, draw.seed, draw.seed_hash, {"": 3}, drawn, draw.excluded) == []
    assert [u.draw for u in pool.uses_of(draw.picks.first().expert)] == [draw]


def test_too_few_eligible_names_the_numbers(organisation, new_expert):
    new_expert()
    new_expert()
    with pytest.raises(ValidationError) as error:
        pool.draw_experts(None, organisation=organisation, purpose="appraisal", subject="鉴定", wanted=3, day=DAY)
    assert "3" in str(error.value.message_dict["wanted"]) and "2" in str(error.value.message_dict["wanted"])


def test_a_field_limits_the_pool(organisation, new_expert):
    legal = [new_expert(fields=["legal"]) for _ in range(2)]
    [new_expert(fields=["G"]) for _ in range(3)]
    draw = pool.draw_experts(
        None, organisation=organisation, purpose="mediation", subject="调解", wanted=2, field="legal", day=DAY
    )
    assert {p.expert for p in draw.picks.all()} == set(legal)


def test_one_who_steps_aside_is_replaced_by_the_next_in_rank(users, organisation, new_expert):
    for _ in range(6):
        new_expert()
    draw = pool.draw_experts(users["office"], purpose="other", subject="评审", wanted=2, day=DAY, seed="fixed")
    first = draw.picks.first()
    ranked = draws.ranked(draws.parse_pool(draw.pool_text), "fixed")[""]
    new = pool.step_aside(first, users["office"], reason="与当事人有亲属关系")
    assert new.expert.number == ranked[2] and new.replacement
    assert [p.expert.number for p in pool.active_picks(draw)] == ranked[1:3]
    with pytest.raises(ValidationError):
        pool.step_aside(first, users["office"], reason="again")
    with pytest.raises(ValidationError):
        pool.step_aside(new, users["office"], reason="")


def test_the_rest_period_is_the_offices_setting(users, organisation, new_expert):
    for _ in range(2):
        new_expert()
    pool.draw_experts(users["office"], purpose="other", subject="一", wanted=2, day=DAY - datetime.timedelta(days=3))
    with pytest.raises(ValidationError):
        pool.draw_experts(users["office"], purpose="other", subject="二", wanted=1, day=DAY)
    pool.set_rules(users["office"], rest_days=2)
    assert pool.draw_experts(users["office"], purpose="other", subject="二", wanted=2, day=DAY).picks.count() == 2


def test_the_office_changes_an_expert_and_a_taken_id_number_is_refused(users, new_expert, client_for):
    from django.urls import reverse

    first = new_expert(users["office"], id_number="350583198001011111")
    second = new_expert(users["office"], id_number="350583198001012222")
    changed = pool.update_expert(second, users["office"], fields=["G", "legal"], name="新名", title="教授")
    assert (changed.name, changed.fields, changed.title) == ("新名", ["G", "legal"], "教授")
    assert [e.kind for e in events_of(second)][0] == "expert.changed"  # newest first
    with pytest.raises(ValidationError) as error:
        pool.update_expert(second, users["office"], fields=["G"], id_number=first.id_number)
    assert first.number in str(error.value.message_dict["id_number"])
    with pytest.raises(PermissionDenied):
        pool.update_expert(second, users["amr-liaison"], fields=["G"], name="x")
    client = client_for("office")
    page = client.get(reverse("expert-edit", args=[second.pk]))
    assert page.status_code == 200 and "新名" in page.content.decode()
    posted = client.post(
        reverse("expert-edit", args=[second.pk]),
        {"name": "再改", "id_number": second.id_number, "fields": ["H"], "employer": "某大学"},
    )
    assert posted.status_code == 302
    second.refresh_from_db()
    assert (second.name, second.fields, second.employer) == ("再改", ["H"], "某大学")
    assert client_for("leader").get(reverse("expert-edit", args=[second.pk])).status_code == 403
