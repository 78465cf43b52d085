"""What an action is given, read one way: a day still to come refused under its field (today by default, or the
default given), and text without the blanks around it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhichan.core.inputs import past_day, stripped


def test_a_day_still_to_come_is_refused_under_its_field():
    today = timezone.localdate()
    assert past_day(None, "held_on") == today
    assert past_day(None, "held_on", default=datetime.date(2024, 5, 1)) == datetime.date(2024, 5, 1)
    assert past_day(datetime.date(2024, 4, 26), "held_on", default=datetime.date(2024, 5, 1)) == datetime.date(
        2024, 4, 26
    )
    with pytest.raises(ValidationError, match="尚未到来") as refused:
        past_day(today + datetime.timedelta(days=1), "held_on")
    assert list(refused.value.message_dict) == ["held_on"]


def test_text_is_kept_without_the_blanks_around_it():
    assert (stripped(None), stripped(""), stripped("  水头镇 \n")) == ("", "", "水头镇")
