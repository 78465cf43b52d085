"""The satisfaction survey: a response's scores, the index per dimension and overall (weights, a dimension nobody
answered, the margin of error) hand-computed, one respondent counted once and told so, the rate limit per network,
a round not open refusing answers, the questionnaire file's mistakes named by place, and the indicator's figure."""

import copy
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from zhichan.core import runs
from zhichan.core.services.datafile import DataFileError
from zhichan.outreach.metrics import Satisfaction
from zhichan.outreach.models import SurveyResponse
from zhichan.outreach.services import survey
from zhichan.outreach.services.index import round_index
from zhichan.outreach.services.questionnaire import QUESTIONNAIRE_FILE, read_questionnaire, score

from .factories import make_round

pytestmark = pytest.mark.django_db

# Three dimensions: A weighs 2 (two questions), B 1, C 1 (nobody answers it); answers worth 0, 25, 50, 75, 100.
SMALL = {
    "key": "test",
    "version": 1,
    "name": "测试问卷",
    "name_en": "test",
    "scale": [
        {"name": str(n), "name_en": str(n), "points": points} for n, points in enumerate((0, 25, 50, 75, 100), 1)
    ],
    "unknown": {"name": "不了解", "name_en": "don't know"},
    "groups": [
        {"key": "holders", "name": "权利人", "name_en": "right holders", "hint": "", "hint_en": ""},
        {"key": "public", "name": "社会公众", "name_en": "the public", "hint": "", "hint_en": ""},
    ],
    "dimensions": [
        {
            "key": "a",
            "name": "A",
            "name_en": "A",
            "weight": 2,
            "questions": [{"key": "a1", "text": "a1", "text_en": "a1"}, {"key": "a2", "text": "a2", "text_en": "a2"}],
        },
        {
            "key": "b",
            "name": "B",
            "name_en": "B",
            "weight": 1,
            "questions": [{"key": "b1", "text": "b1", "text_en": "b1"}],
        },
        {
            "key": "c",
            "name": "C",
            "name_en": "C",
            "weight": 1,
            "questions": [{"key": "c1", "text": "c1", "text_en": "c1"}],
        },
    ],
}


def small_round():
    survey_round = make_round(opened=False)
    survey_round.questionnaire = copy.deepcopy(SMALL)
    survey_round.save()
    survey.open_round(survey_round, None, opened_on=datetime.date(2024, 10, 1))
    return survey_round


def _answer(survey_round, respondent, group, answers, network="10.0.0.1"):
    return survey.answer(survey_round, respondent=respondent, network=network, group=group, answers=answers)


def test_a_response_scores_each_dimension_it_answered_and_weighs_them():
    assert score(SMALL, {"a1": 5, "a2": 4, "b1": 3}) == ({"a": 87.5, "b": 50.0}, 75.0)
    assert score(SMALL, {}) == ({}, None)


def test_the_index_weighs_dimensions_leaves_out_the_unanswered_and_gives_margins():
    survey_round = small_round()
    _answer(survey_round, "r1", "holders", {"a1": 5, "a2": 4, "b1": 3})  # A 87.5, B 50: overall 75
    _answer(survey_round, "r2", "holders", {"a1": 4, "b1": 5})  # A 75 (a2 "don't know"), B 100: overall 83.33
    _answer(survey_round, "r3", "public", {"a1": 2, "a2": 2})  # A 25, no B: overall 25
    figures = round_index(survey_round)
    everyone = figures["all"]
    rows = {row["key"]: row for row in everyone["dimensions"]}
    assert (rows["a"]["index"], rows["a"]["n"], rows["a"]["margin"]) == (62.5, 3, 37.42)
    assert (rows["b"]["index"], rows["b"]["n"], rows["b"]["margin"]) == (75.0, 2, 49.0)
    assert (rows["c"]["index"], rows["c"]["n"], rows["c"]["margin"]) == (None, 0, None)
    # (2 × 62.5 + 1 × 75) ÷ 3: C, with no answers, drops out and the weights of A and B carry the whole
    assert everyone["index"] == 66.67 and everyone["responses"] == 3
    assert everyone["margin"] == 35.7  # 1.96 × s ÷ √3 of the overall scores 75, 83.33, 25
    groups = {group["key"]: group for group in figures["groups"]}
    assert groups["holders"]["responses"] == 2 and groups["holders"]["index"] == round((2 * 81.25 + 75) / 3, 2)
    assert groups["public"]["index"] == 25.0 and groups["public"]["margin"] is None  # one response: no margin


def test_a_rounds_index_is_read_once_within_a_run_and_afresh_after_it(django_assert_num_queries):
    survey_round = small_round()
    _answer(survey_round, "r1", "holders", {"a1": 5})
    with runs.run():  # the survey list's request: the trend and the rows ask for the same round
        with django_assert_num_queries(1):
            first = round_index(survey_round)
        with django_assert_num_queries(0):
            assert round_index(survey_round) == first
    _answer(survey_round, "r2", "public", {"a1": 1})
    assert first["all"]["responses"] == 1 and round_index(survey_round)["all"]["responses"] == 2


def test_one_respondent_is_counted_once_and_told_so():
    survey_round = small_round()
    first, again = _answer(survey_round, "same-phone", "holders", {"a1": 1})
    assert not again
    second, again = _answer(survey_round, "same-phone", "public", {"a1": 5})
    assert again and second.pk == first.pk and second.times == 2
    assert SurveyResponse.objects.filter(round=survey_round).count() == 1
    assert round_index(survey_round)["all"]["index"] == 100.0  # the later answers replace the earlier
    # the key is kept as a keyed digest, never as given
    assert second.respondent != "same-phone" and len(second.respondent) == 64


@override_settings(ZHICHAN_SURVEY_ANSWERS_PER_HOUR=2)
def test_a_network_answering_in_a_loop_is_asked_to_wait():
    survey_round = small_round()
    _answer(survey_round, "p1", "public", {"a1": 3})
    _answer(survey_round, "p2", "public", {"a1": 3})
    with pytest.raises(ValidationError, match="稍后再试"):
        _answer(survey_round, "p3", "public", {"a1": 3})
    _answer(survey_round, "p1", "public", {"a1": 4})  # a respondent changing its answers is not a new one
    _answer(survey_round, "p3", "public", {"a1": 3}, network="10.0.0.2")  # another network is not held back


def test_answers_are_read_from_the_form_and_a_round_not_open_takes_none(users):
    survey_round = small_round()
    group, answers = survey.read_answers(SMALL, {"group": "public", "q-a1": "4", "q-a2": "unknown", "q-b1": ""})
    assert (group, answers) == ("public", {"a1": 4})
    with pytest.raises(ValidationError) as refused:
        survey.read_answers(SMALL, {"group": "nobody", "q-a1": "9"})
    assert set(refused.value.message_dict) == {"group", "q-a1"}
    with pytest.raises(ValidationError):
        survey.read_answers(SMALL, {"group": "public", "q-a1": "unknown"})
    with pytest.raises(PermissionDenied):
        survey.close_round(survey_round, users["amr-liaison"])
    survey.close_round(survey_round, users["office"], closed_on=datetime.date(2024, 11, 30))
    with pytest.raises(ValidationError, match="不接受答卷"):
        _answer(survey_round, "late", "public", {"a1": 3})


def test_one_round_takes_answers_at_a_time():
    first = make_round()
    second = make_round(title="第二轮", opened=False)
    with pytest.raises(ValidationError, match=first.title):
        survey.open_round(second, None)
    survey.close_round(first, None, closed_on=datetime.date(2024, 11, 30))
    survey.open_round(second, None, opened_on=datetime.date(2024, 12, 1))


def test_a_round_keeps_the_questionnaire_of_the_day_it_was_prepared(users):
    survey_round = make_round(opened=False)
    assert survey_round.questionnaire == read_questionnaire()
    dimensions = [dimension["name"] for dimension in survey_round.questionnaire["dimensions"]]
    assert dimensions == ["法律政策", "执法保护", "机制建设", "意识培养", "保护效果"]  # CNIPA's first-level indicators


def test_the_questionnaire_files_mistakes_are_named_by_place(tmp_path):
    text = QUESTIONNAIRE_FILE.read_text(encoding="utf-8").replace("weight: 1", "weight: 0", 1)
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"dimensions\[0\]\.weight"):
        read_questionnaire(path)
    path.write_text(
        QUESTIONNAIRE_FILE.read_text(encoding="utf-8").replace("key: law-2", "key: law-1"), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match="used twice"):
        read_questionnaire(path)


def test_the_satisfaction_figure_is_the_last_round_of_the_window():
    earlier = small_round()
    _answer(earlier, "r1", "public", {"a1": 3})  # 50
    survey.close_round(earlier, None, closed_on=datetime.date(2024, 11, 30))
    later = make_round(year=2025, title="2025年度", opened=False)
    later.questionnaire = copy.deepcopy(SMALL)
    later.save()
    survey.open_round(later, None, opened_on=datetime.date(2025, 10, 1))
    _answer(later, "r1", "public", {"a1": 5})  # 100
    region = earlier.region_id
    metric = Satisfaction()
    assert metric.values(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)) == {region: 50.0}
    assert metric.values(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)) == {region: 100.0}
    assert metric.details(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))[region]["responses"] == 1
    records = metric.records(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31), [region])
    assert list(records) == [later]
