"""CNIPA's evaluation index as versioned data the office enters: a file read or refused with the file, the path and
the reason; versions kept side by side; only the office writes; the platform ships no index of its own."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.assessment.models import EvaluationIndex
from zhichan.assessment.services.evaluation import read_index, save_index
from zhichan.core.events import events_of
from zhichan.core.models import Region
from zhichan.core.services.datafile import DataFileError
from zhichan.indicators.services.loading import load_indicators
from zhichan.programme.services.loading import load_programme

pytestmark = pytest.mark.django_db

MINI = Path(__file__).parent.parent / "programme" / "mini.yaml"
INDICATORS = Path(settings.PROJECT_DIR) / "data" / "indicators" / "nanan-2022.yaml"

# An example of the format only: placeholder names, no CNIPA content.
EXAMPLE = """
key: format-example
version: "1"
name: 示例指标表（仅示格式）
source: 格式示例，非国家知识产权局文件
illustrative: true
indicators:
  - key: a
    name: 示例指标一
    group: 示例一级指标
    definition: 示例定义
    unit: 件
    type: quantitative
    points: 10
    scoring_rule: 示例评分规则
    evidence: 示例佐证材料
    source: 示例来源
    computed_from: T1
  - {key: b, name: 示例指标二, type: qualitative, points: 5.5}
"""


@pytest.fixture
def nanan(db):
    return Region.objects.get(code="350583")


@pytest.fixture
def loaded(nanan):
    load_indicators(INDICATORS)
    return load_programme(MINI)["programme"]


def refused(text: str, organisation=None) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        read_index(text, "index.yaml", organisation)
    assert caught.value.file == "index.yaml"
    return caught.value


def test_an_index_is_read_as_the_office_wrote_it(loaded, nanan):
    data = read_index(EXAMPLE, "index.yaml", nanan)
    assert (data["key"], data["version"], data["illustrative"]) == ("format-example", "1", True)
    first, second = data["indicators"]
    assert first["computed_from"] == {"kind": "target", "code": "T1"}
    assert (first["points"], first["scoring_rule"], first["evidence"]) == (10, "示例评分规则", "示例佐证材料")
    assert second["computed_from"] is None and second["points"] == 5.5 and second["definition"] == ""
    code = read_index(EXAMPLE.replace("computed_from: T1", "computed_from: valid-registered-trademarks"))
    assert code["indicators"][0]["computed_from"] == {"kind": "indicator", "code": "valid-registered-trademarks"}


@pytest.mark.parametrize(
    ("change", "path", "reason"),
    [
        (("    name: 示例指标一\n", ""), "indicators[0].name", "is required"),
        (("key: b,", "key: a,"), "indicators[1].key", "duplicate indicator 'a'"),
        (
            ("computed_from: T1", "computed_from: T99"),
            "indicators[0].computed_from",
            "unknown target or indicator 'T99'",
        ),
        (("computed_from: T1", "computed_from: indicator:T1"), "indicators[0].computed_from", "unknown indicator 'T1'"),
        (("type: qualitative", "type: judged"), "indicators[1].type", "expected one of"),
        (("type: qualitative", "type: qualitative, computed_from: T1"), "indicators[1].computed_from", "judged"),
        (("points: 5.5", "points: -1"), "indicators[1].points", "at least 0"),
        (("    unit: 件\n", "    unit: 件\n    weight: 3\n"), "indicators[0].weight", "unknown key"),
        (("source: 格式示例，非国家知识产权局文件\n", ""), "source", "is required"),
        (("key: format-example", "key: 格式 示例"), "key", "expected letters"),
    ],
)
def test_a_wrong_index_is_refused_with_the_file_the_path_and_the_reason(loaded, nanan, change, path, reason):
    error = refused(EXAMPLE.replace(*change), nanan)
    assert error.path == path and reason in error.message


def test_duplicate_keys_and_broken_yaml_are_refused_with_their_line(loaded):
    error = refused(EXAMPLE.replace("    unit: 件\n", "    unit: 件\n    unit: 个\n"))
    assert error.path == "line 13, column 5" and "duplicate key 'unit'" in error.message
    assert "not valid YAML" in refused("key: [a\n").message
    assert refused("indicators: []\nkey: a\nversion: 1\nname: x\nsource: y\n").path == "indicators"


def test_versions_are_kept_side_by_side_and_only_the_office_saves_them(loaded, nanan, users):
    office = users["office"]
    first = save_index(office, organisation=nanan, text=EXAMPLE)
    second = save_index(office, organisation=nanan, text=EXAMPLE.replace('version: "1"', 'version: "2"'))
    again = save_index(office, organisation=nanan, text=EXAMPLE.replace("示例指标二", "示例指标贰"))
    assert again.pk == first.pk and again.indicators[1]["name"] == "示例指标贰"
    assert EvaluationIndex.objects.filter(key="format-example").count() == 2 and second.version == "2"
    assert [event.kind for event in events_of(first)] == ["assessment.evaluation_index_saved"] * 2
    for username in ("leader", "amr-liaison", "shuitou-liaison"):
        with pytest.raises(PermissionDenied):
            save_index(users[username], organisation=nanan, text=EXAMPLE)
    with pytest.raises(ValidationError) as caught:
        save_index(office, organisation=nanan, text=EXAMPLE.replace("computed_from: T1", "computed_from: T42"))
    assert "evaluation-index.yaml: indicators[0].computed_from: unknown target" in str(caught.value)


def test_the_platform_ships_no_index():
    data = Path(settings.PROJECT_DIR) / "data"
    assert not [path for path in data.rglob("*.yaml") if "evaluation" in path.name.lower()]


def test_the_office_enters_a_version_on_its_page_and_reads_the_filled_values(loaded, client_for):
    client = client_for("office")
    client.cookies["django_language"] = "en"
    bad = client.post(reverse("assessment-evaluation-index-new"), {"text": EXAMPLE.replace("type: qualitative, ", "")})
    assert bad.status_code == 400
    assert "evaluation-index.yaml: indicators[1].type: is required" in bad.content.decode()
    reply = client.post(reverse("assessment-evaluation-index-new"), {"text": EXAMPLE})
    index = EvaluationIndex.objects.get()
    assert reply.status_code == 302 and reply["Location"] == index.get_absolute_url()
    html = client.get(index.get_absolute_url()).content.decode()
    assert 'data-indicator="a"' in html and "to be entered by the programme office" in html
    assert 'data-testid="evaluation-index-form"' in html
    listed = client.get(reverse("assessment-evaluation-indexes")).content.decode()
    assert index.get_absolute_url() in listed and "example of the format only" in listed
    edited = client.post(index.get_absolute_url(), {"text": EXAMPLE.replace("示例指标二", "示例指标贰")})
    assert edited.status_code == 302
    index.refresh_from_db()
    assert index.indicators[1]["name"] == "示例指标贰"


def test_the_leadership_reads_and_a_liaison_is_refused(loaded, nanan, users, client_for):
    index = save_index(users["office"], organisation=nanan, text=EXAMPLE)
    leader = client_for("leader")
    assert leader.get(index.get_absolute_url()).status_code == 200
    assert 'data-testid="evaluation-index-form"' not in leader.get(index.get_absolute_url()).content.decode()
    assert leader.post(index.get_absolute_url(), {"text": EXAMPLE}).status_code == 403
    assert leader.get(reverse("assessment-evaluation-index-new")).status_code == 403
    for username in ("amr-liaison", "shuitou-liaison"):
        client = client_for(username)
        for url in [
            reverse("assessment-evaluation-indexes"),
            reverse("assessment-evaluation-index-new"),
            index.get_absolute_url(),
        ]:
            assert client.get(url).status_code == 403
