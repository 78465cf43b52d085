"""The indicators file's `units:` are keys of its `region`'s organisation: a city's organisation with the same
keys loaded beside Nan'an's changes nothing about who reports Nan'an's figures."""

from pathlib import Path

import pytest
import yaml

from zhichan.core.models import Unit
from zhichan.core.services.datafile import DataFileError
from zhichan.core.services.organisation import load_organisation
from zhichan.indicators.models import DataElement
from zhichan.indicators.services.loading import load_indicators

from .conftest import FILE

pytestmark = pytest.mark.django_db

CITY_FILE = Path(__file__).parent.parent / "core" / "city-organisation.yaml"


def reporters(code):
    return sorted((u.key, u.organisation.code) for u in DataElement.objects.get(code=code).units.all())


def test_units_are_the_files_regions_with_a_city_loaded_beside(tmp_path):
    load_organisation(CITY_FILE)  # also has amr and court
    load_indicators(FILE)
    # units: [court, justice, amr] in the file
    assert reporters("mediation-arbitration-cases") == [("amr", "350583"), ("court", "350583"), ("justice", "350583")]
    townships = DataElement.objects.filter(units__kind="township").distinct().first()
    assert townships is not None
    assert set(townships.units.values_list("organisation__code", flat=True)) == {"350583"}


def test_a_file_naming_units_needs_its_region(tmp_path):
    text = FILE.read_text(encoding="utf-8").replace('region: "350583"\n', "")
    file = tmp_path / "no-region.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="region: is required: data elements name units"):
        load_indicators(file)
    file.write_text(text.replace("data_elements:", 'region: "3505"\ndata_elements:', 1), encoding="utf-8")
    load_organisation(CITY_FILE)
    with pytest.raises(DataFileError, match="units: unknown unit 'science'"):
        load_indicators(file)  # the city's organisation has no `science`
    assert Unit.objects.filter(key="science").count() == 1


def test_a_second_regions_file_adds_its_reporters_beside_nanans(tmp_path):
    load_indicators(FILE)
    load_organisation(CITY_FILE)
    nanan = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    element = next(e for e in nanan["data_elements"] if e["code"] == "mediation-arbitration-cases")
    city = tmp_path / "city.yaml"
    city.write_text(
        yaml.safe_dump(
            {
                "programme": "city",
                "region": "3505",  # the city's organisation has amr and court, with Nan'an's keys
                "data_elements": [{**element, "units": ["court", "amr"]}],
                "indicators": nanan["indicators"][:1],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    load_indicators(city)
    assert reporters("mediation-arbitration-cases") == [
        ("amr", "3505"),
        ("amr", "350583"),
        ("court", "3505"),
        ("court", "350583"),
        ("justice", "350583"),
    ]
    load_indicators(FILE)  # Nan'an's reload keeps the city's reporters
    assert ("court", "3505") in reporters("mediation-arbitration-cases")
