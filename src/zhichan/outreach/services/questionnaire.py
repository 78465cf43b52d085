"""The satisfaction questionnaire: read from data/outreach/satisfaction-questionnaire.yaml (format in
docs/outreach.md; a mistake names its place in the file), kept on each round as the plain data below, and how a
response's answers become its scores.

A response's score in a dimension is the mean of the points of its answers there ("don't know" counts in none);
its overall score is the dimensions' scores weighted by the dimensions' weights, over the dimensions it answered."""

from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

from zhichan.core.services.datafile import Reader

QUESTIONNAIRE_FILE = settings.PROJECT_DIR / "data" / "outreach" / "satisfaction-questionnaire.yaml"
REFERENCE_FILE = settings.PROJECT_DIR / "data" / "outreach" / "satisfaction-reference.yaml"

TOP = {"key", "version", "name", "name_en", "unconfirmed", "unconfirmed_en", "scale", "unknown", "groups", "dimensions"}


def read_questionnaire(path=QUESTIONNAIRE_FILE, data=None) -> dict:
    """The questionnaire as plain data (what a round keeps), checked."""
    reader = Reader(path, data)
    reader.only(reader.data, TOP, "")
    scale = []
    for where, point in reader.items(reader.data, "scale", required=True):
        reader.only(point, {"name", "name_en", "points"}, where)
        points = reader.get(point, "points", where, kind=(int, float))
        if not 0 <= points <= 100:
            raise reader.error(f"{where}.points", "expected points from 0 to 100")
        scale.append(
            {"name": reader.get(point, "name", where), "name_en": reader.get(point, "name_en", where), "points": points}
        )
    if len(scale) < 2:
        raise reader.error("scale", "expected at least two answers")
    unknown = reader.get(reader.data, "unknown", "", kind=dict)
    groups, keys = [], set()
    for where, group in reader.items(reader.data, "groups", required=True):
        reader.only(group, {"key", "name", "name_en", "hint", "hint_en"}, where)
        key = reader.get(group, "key", where)
        if key in keys:
            raise reader.error(f"{where}.key", f"the key {key!r} is used twice")
        keys.add(key)
        groups.append(
            {
                name: reader.get(group, name, where, required=name in ("key", "name", "name_en"), default="")
                for name in ("key", "name", "name_en", "hint", "hint_en")
            }
        )
    dimensions = []
    for where, dimension in reader.items(reader.data, "dimensions", required=True):
        reader.only(dimension, {"key", "name", "name_en", "weight", "questions"}, where)
        weight = reader.get(dimension, "weight", where, kind=(int, float))
        if weight <= 0:
            raise reader.error(f"{where}.weight", "expected a weight above zero")
        questions = []
        for asked, question in reader.items(dimension, "questions", where, required=True):
            reader.only(question, {"key", "text", "text_en"}, asked)
            key = reader.get(question, "key", asked)
            if key in keys:
                raise reader.error(f"{asked}.key", f"the key {key!r} is used twice")
            keys.add(key)
            questions.append(
                {
                    "key": key,
                    "text": reader.get(question, "text", asked),
                    "text_en": reader.get(question, "text_en", asked),
                }
            )
        key = reader.get(dimension, "key", where)
        if key in keys:
            raise reader.error(f"{where}.key", f"the key {key!r} is used twice")
        keys.add(key)
        dimensions.append(
            {
                "key": key,
                "name": reader.get(dimension, "name", where),
                "name_en": reader.get(dimension, "name_en", where),
                "weight": weight,
                "questions": questions,
            }
        )
    return {
        "key": reader.get(reader.data, "key", ""),
        "version": reader.get(reader.data, "version", "", kind=int),
        "name": reader.get(reader.data, "name", ""),
        "name_en": reader.get(reader.data, "name_en", ""),
        "unconfirmed": reader.get(reader.data, "unconfirmed", "", required=False, default=""),
        "unconfirmed_en": reader.get(reader.data, "unconfirmed_en", "", required=False, default=""),
        "scale": scale,
        "unknown": {"name": str(unknown.get("name", "")), "name_en": str(unknown.get("name_en", ""))},
        "groups": groups,
        "dimensions": dimensions,
    }


def english() -> bool:
    return not (get_language() or "zh").startswith("zh")


def worded(item: dict, name: str = "name") -> str:
    """An item's name (or text) in the reader's language."""
    return (item.get(f"{name}_en") if english() else None) or item[name]


def score(questionnaire: dict, answers: dict) -> tuple[dict, float | None]:
    """A response's scores: {dimension key: 0–100} for the dimensions answered, and the weighted overall score.
    `answers` maps question keys to the scale's answer, 1 for the lowest."""
    points = [point["points"] for point in questionnaire["scale"]]
    scores, weighted, weights = {}, 0.0, 0.0
    for dimension in questionnaire["dimensions"]:
        given = [
            points[answers[question["key"]] - 1] for question in dimension["questions"] if question["key"] in answers
        ]
        if given:
            value = sum(given) / len(given)
            scores[dimension["key"]] = value
            weighted += dimension["weight"] * value
            weights += dimension["weight"]
    return scores, (weighted / weights if weights else None)


@lru_cache(maxsize=1)
def reference() -> dict:
    """The published national and Fujian scores (data/outreach/satisfaction-reference.yaml)."""
    reader = Reader(REFERENCE_FILE)
    rows = {}
    for series in ("national", "fujian"):
        rows[series] = [
            {
                "year": reader.get(row, "year", where, kind=int),
                "score": float(reader.get(row, "score", where, kind=(int, float))),
                "source": reader.get(row, "source", where),
            }
            for where, row in reader.items(reader.data, series, required=True)
        ]
    dimensions = reader.get(reader.data, "national_dimensions", "", kind=dict, required=False, default={})
    year = dimensions.get("year")
    overall = next((row["score"] for row in rows["national"] if row["year"] == year), None)
    rows["national_dimensions"] = {"year": year, "overall": overall, "scores": dict(dimensions.get("scores") or {})}
    return rows
