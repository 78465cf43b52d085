"""The office edits a service's extra questions on its catalogue page: adds, rewords, reorders and removes them,
each mistake shown under its question's field; the questions a module's intake reads stay; the public form asks
the new question at once; a reload of the catalogue file keeps the office's questions. The file and the page are
checked by the same rule."""

import pytest
import yaml
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.core.services.datafile import DataFileError
from zhichan.portal import cache
from zhichan.portal.forms import choices_text, read_choices
from zhichan.portal.models import Service
from zhichan.portal.services.catalogue import (
    EDITABLE,
    FILE,
    OWN_KEY,
    PARTS,
    Problem,
    answers_read,
    change_service,
    load_services,
    said,
)
from zhichan.portal.services.intakes import INTAKES

pytestmark = pytest.mark.django_db


def _edit(code):
    return reverse("portal-service-edit", args=[code])


def _service_data(service) -> dict:
    """The service's own fields as its page posts them, unchanged."""
    data = {}
    for name in EDITABLE:
        value = getattr(service, f"{name}_id" if name in ("unit", "rule") else name)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def _asked(service) -> list[dict]:
    """The service's questions as its page shows them (each with its place)."""
    return [
        {**question, "choices": choices_text(question.get("choices", [])), "ORDER": place}
        for place, question in enumerate(service.fields, 1)
    ]


def _post(client, service, rows, initial=None, **changes):
    """Post the service's page with these question rows (the first `initial` ones already asked)."""
    data = {
        **_service_data(service),
        "questions-TOTAL_FORMS": len(rows),
        "questions-INITIAL_FORMS": len(service.fields) if initial is None else initial,
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
        **changes,
    }
    for index, row in enumerate(rows):
        for name, value in {"type": "text", **row}.items():  # as the page posts a row: its type chosen
            if value is True:
                data[f"questions-{index}-{name}"] = "on"
            elif value not in (False, None):
                data[f"questions-{index}-{name}"] = value
    return client.post(_edit(service.code), data)


def _keys(code) -> list[str]:
    return [question["key"] for question in Service.objects.get(code=code).fields]


def test_the_office_adds_a_question_and_the_public_form_asks_it_at_once(catalogue, client_for):
    service = Service.objects.get(code="patent-search")
    before = list(service.fields)
    public = Client()
    assert public.get(reverse("portal-services")).status_code == 200
    assert public.get(reverse("portal-services"))["X-Portal-Cache"] == "hit"  # the list is kept for visitors
    version = cache.version()

    new = {"label": "希望何时完成", "label_en": "Wanted by", "type": "date", "required": True}
    response = _post(client_for("office"), service, [*_asked(service), new])

    assert response.status_code == 302 and response.url == reverse("portal-catalogue")
    service.refresh_from_db()
    assert service.fields[: len(before)] == before
    assert service.fields[-1] == {
        "key": "q1",  # no key typed: the first free one
        "label": "希望何时完成",
        "label_en": "Wanted by",
        "type": "date",
        "required": True,
    }
    assert not service.from_file
    event = events_of(service).get()
    assert event.kind == "portal.service_changed"
    assert event.data["questions"] == {"added": ["q1"], "removed": [], "edited": [], "reordered": False}
    assert str(Service._meta.get_field("fields").verbose_name) in event.data["changed"]
    # The published pages are renewed, and the public form asks the new question.
    assert cache.version() > version
    assert "X-Portal-Cache" not in public.get(reverse("portal-services"))
    form = public.get(reverse("portal-service", args=["patent-search"])).content.decode()
    assert 'name="q_q1"' in form and 'type="date"' in form and "希望何时完成" in form


def test_the_office_rewords_reorders_and_removes_questions(catalogue, client_for):
    client = client_for("office")
    service = Service.objects.get(code="pledge-consultation")
    assert _keys("pledge-consultation") == ["enterprise", "amount"]
    enterprise, amount = _asked(service)
    way = {
        "key": "way",
        "label": "融资方式",
        "type": "choice",
        "choices": "bank | 银行贷款 | Bank loan\n担保",
        "ORDER": 1,
    }
    rows = [{**enterprise, "label": "企业全称", "ORDER": 3}, {**amount, "ORDER": 2}, way, {}]
    assert _post(client, service, rows).status_code == 302
    service.refresh_from_db()
    assert _keys("pledge-consultation") == ["way", "amount", "enterprise"]
    assert service.fields[0]["choices"] == [
        {"value": "bank", "label": "银行贷款", "label_en": "Bank loan"},
        {"value": "担保", "label": "担保", "label_en": ""},
    ]
    assert service.fields[2]["label"] == "企业全称"
    assert events_of(service).first().data["questions"] == {
        "added": ["way"],
        "removed": [],
        "edited": ["enterprise"],
        "reordered": True,
    }

    way, amount, enterprise = _asked(service)
    assert _post(client, service, [way, {**amount, "DELETE": True}, enterprise]).status_code == 302
    assert _keys("pledge-consultation") == ["way", "enterprise"]
    assert events_of(service).first().data["questions"]["removed"] == ["amount"]

    # A question's key stays what it was asked as: the page shows it read-only.
    page = client.get(_edit("pledge-consultation")).content.decode()
    assert 'name="questions-0-key" value="way"' in page and "readonly" in page.split('name="questions-0-key"')[1][:200]
    assert 'name="questions-2-key"' in page and 'name="questions-3-key"' in page  # two blank rows to add


def test_saving_the_page_unchanged_changes_nothing(catalogue, client_for):
    service = Service.objects.get(code="subsidy")
    assert _post(client_for("office"), service, [*_asked(service), {}, {}]).status_code == 302
    service.refresh_from_db()
    assert service.from_file and not events_of(service).exists()


@pytest.mark.parametrize(
    ("row", "part", "words"),
    [
        ({"key": "enterprise", "label": "再问一次企业"}, "key", "enterprise"),  # asked already
        ({"key": "phone", "label": "联系电话"}, "key", "phone"),  # the form's own field
        ({"key": "Amount!", "label": "金额"}, "key", "Amount!"),  # not a slug
        ({"label": "融资方式", "type": "choice"}, "choices", None),  # a choice without its choices
        ({"label": "金额", "type": "number"}, "type", "number"),  # no such type
        ({"label": "金额", "choices": "a | 甲"}, "choices", None),  # choices on a line of text
        ({"label": "方式", "type": "choice", "choices": "a | 甲\na | 乙"}, "choices", "a"),  # a value twice
        ({"label": "方式", "type": "choice", "choices": "a | 甲 | A | x"}, "choices", None),  # a line of four parts
        ({"label_en": "No Chinese", "type": "text"}, "label", None),  # no wording
    ],
)
def test_a_wrong_question_is_refused_under_its_field(catalogue, client_for, row, part, words):
    service = Service.objects.get(code="pledge-consultation")
    response = _post(client_for("office"), service, [*_asked(service), row])

    assert response.status_code == 400
    page = response.content.decode()
    # Under the field of the third question, and named by its number and part above the questions.
    error = page.split(f'id="id_questions-2-{part}_error"')
    assert len(error) == 2, page
    if words:
        assert words in error[1][:300]
    assert Service.objects.get(code="pledge-consultation").fields == service.fields
    assert not events_of(service).exists()


def test_the_summary_names_the_question_and_its_part(catalogue, client_for):
    service = Service.objects.get(code="pledge-consultation")
    response = _post(client_for("office"), service, [*_asked(service), {"key": "phone", "label": "联系电话"}])
    problem = Problem(2, "key", OWN_KEY, {"key": "phone"})
    questions = [*service.fields, {"key": "phone", "label": "联系电话"}]
    summary = response.context["questions"].non_form_errors()
    assert list(summary) == [said(problem, questions)]
    assert "3" in summary[0] and "联系电话" in summary[0] and str(PARTS["key"]) in summary[0]


def test_the_questions_a_complaint_lands_with_stay(catalogue, client_for):
    client = client_for("office")
    service = Service.objects.get(code="complaint")
    assert set(answers_read("complaint")) == {"ip_type", "respondent", "respondent_credit_code"}
    page = client.get(_edit("complaint")).content.decode()
    # No box to remove them, and only their own type offered.
    assert 'name="questions-0-DELETE"' not in page and 'name="questions-3-DELETE"' not in page
    kinds = page.split('name="questions-0-type"')[1].split("</select>")[0]
    assert 'value="choice"' in kinds and 'value="text"' not in kinds

    ip_type, respondent, credit_code = _asked(service)
    # Left out of the post (a box removed by hand): refused, saying why.
    left_out = _post(client, service, [ip_type, credit_code], initial=2)
    assert left_out.status_code == 400
    assert "respondent" in "".join(left_out.context["questions"].non_form_errors())
    # Given another type: refused under the type.
    retyped = _post(client, service, [ip_type, {**respondent, "type": "textarea"}, credit_code])
    assert retyped.status_code == 400 and 'id="id_questions-1-type_error"' in retyped.content.decode()
    # A value the complaint does not know: refused; its choices reworded and one left out: kept.
    design = {**ip_type, "choices": ip_type["choices"] + "\ndesign | 外观设计"}
    more = _post(client, service, [design, respondent, credit_code])
    assert more.status_code == 400 and 'id="id_questions-0-choices_error"' in more.content.decode()
    assert Service.objects.get(code="complaint").fields == service.fields
    fewer = "patent | 专利权 | Patent\ntrademark | 商标权 | Trademark\nother | 其他 | Other"
    assert _post(client, service, [{**ip_type, "choices": fewer}, respondent, credit_code]).status_code == 302
    service.refresh_from_db()
    assert [choice["label"] for choice in service.fields[0]["choices"]] == ["专利权", "商标权", "其他"]


def test_the_action_keeps_what_the_landing_reads(catalogue, users):
    office = users["office"]
    mediation = Service.objects.get(code="mediation")
    with pytest.raises(ValidationError, match="other_party"):
        change_service(mediation, office, fields=[mediation.fields[0]])
    assistance = Service.objects.get(code="rights-assistance")
    with pytest.raises(ValidationError, match="kind"):
        change_service(assistance, office, fields=[])
    # A tip asks about the respondent if the office wants (as a line of text), but never its IP type from the page.
    tip = Service.objects.get(code="tip")
    change_service(tip, office, fields=[*tip.fields, {"key": "respondent", "label": "被举报方"}])
    assert _keys("tip") == ["place", "respondent"]
    dated = {"key": "respondent_credit_code", "label": "代码", "type": "date"}
    with pytest.raises(ValidationError):
        change_service(tip, office, fields=[*tip.fields, dated])
    choice = {"key": "ip_type", "label": "类型", "type": "choice", "choices": [{"value": "patent", "label": "专利"}]}
    with pytest.raises(ValidationError):
        change_service(tip, office, fields=[*tip.fields, choice])


def test_every_intake_says_what_it_reads(catalogue):
    """The keys each landing reads are declared on its intake, and the catalogue file asks each of them with that
    type wherever the service lands there."""
    assert INTAKES["complaint"].answers.keys() == {"ip_type", "respondent", "respondent_credit_code"}
    assert INTAKES["assistance"].answers.keys() == {"kind"}
    assert INTAKES["mediation"].answers.keys() == {"rights", "other_party"}
    for service in Service.objects.all():
        reads = answers_read(service.target)
        for question in service.fields:
            if question["key"] in reads:
                assert question["type"] == reads[question["key"]], (service.code, question["key"])


@pytest.mark.parametrize("username", ["amr-liaison", "leader", "enterprise"])
def test_only_the_office_edits_the_questions(catalogue, client_for, users, username):
    service = Service.objects.get(code="patent-search")
    rows = [*_asked(service), {"key": "extra", "label": "补充"}]
    client = client_for(username)
    assert client.get(_edit("patent-search")).status_code == 403
    assert _post(client, service, rows).status_code == 403
    with pytest.raises(PermissionDenied):
        change_service(service, users[username], fields=[*service.fields, {"key": "extra", "label": "补充"}])
    assert Service.objects.get(code="patent-search").fields == service.fields


def test_a_visitor_without_an_account_is_sent_to_sign_in(catalogue):
    service = Service.objects.get(code="patent-search")
    client = Client()
    page = client.get(_edit("patent-search"))
    assert page.status_code == 302 and "login" in page.url
    posted = _post(client, service, [*_asked(service), {"key": "extra", "label": "补充"}])
    assert posted.status_code == 302 and "login" in posted.url
    assert Service.objects.get(code="patent-search").fields == service.fields


def test_the_office_opens_the_page_with_its_questions(catalogue, client_for):
    page = client_for("office").get(_edit("rights-assistance"))
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="service-questions"' in text and 'value="kind"' in text
    assert "consultation | 咨询 | Consultation" in text


def test_a_reload_of_the_file_keeps_the_office_questions(catalogue, users):
    service = Service.objects.get(code="subsidy")
    change_service(service, users["office"], fields=[*service.fields, {"key": "year", "label": "申报年度"}])
    result = load_services(settings.PROJECT_DIR / FILE)
    assert result["kept"] == 1
    assert _keys("subsidy") == ["enterprise", "year"]
    # A service the office has not edited follows the file.
    untouched = Service.objects.get(code="pledge-consultation")
    Service.objects.filter(pk=untouched.pk).update(fields=[])
    load_services(settings.PROJECT_DIR / FILE)
    assert _keys("pledge-consultation") == ["enterprise", "amount"]


def _load_with(tmp_path, change):
    data = yaml.safe_load((settings.PROJECT_DIR / FILE).read_text(encoding="utf-8"))
    change({service["code"]: service for service in data["services"]})
    bad = tmp_path / "services.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_services(bad)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda services: services["subsidy"]["fields"].append({"key": "x", "label": "x", "type": "number"}),
            "fields[1].type: the type number is not one of text, textarea, date, choice",
        ),
        (
            lambda services: services["subsidy"]["fields"].append({"key": "Big", "label": "x"}),
            "fields[1].key: the key Big is not a short slug",
        ),
        (
            lambda services: services["subsidy"]["fields"].append(
                {"key": "x", "label": "x", "choices": [{"value": "a", "label": "甲"}]}
            ),
            "fields[1].choices: only a question of the type choice has choices",
        ),
        (
            lambda services: services["complaint"]["fields"][1].update(type="textarea"),
            "fields[1].type: the answer is read when a request lands: the question keeps the type",
        ),
    ],
)
def test_the_file_is_checked_by_the_same_rule(catalogue, tmp_path, change, where):
    with pytest.raises(DataFileError) as raised:
        _load_with(tmp_path, change)
    assert where in str(raised.value)  # in English, whatever the language of the moment


def test_choices_read_as_typed_on_a_phone():
    assert read_choices("patent ｜ 专利 ｜ Patent\n\n 其他 ") == [
        {"value": "patent", "label": "专利", "label_en": "Patent"},
        {"value": "其他", "label": "其他", "label_en": ""},
    ]
    choices = [
        {"value": "bank", "label": "银行贷款", "label_en": ""},
        {"value": "其他", "label": "其他", "label_en": ""},
        {"value": "x", "label": "甲", "label_en": "A"},
    ]
    assert choices_text(choices) == "bank | 银行贷款\n其他\nx | 甲 | A"
    assert read_choices(choices_text(choices)) == choices
