"""REST API for the working-day calendar (read-only; the office keeps it on the calendar page)."""

from rest_framework import serializers

from .api import ScopedViewSet
from .filters import FilterSet, YearFilter
from .models import CalendarDay
from .roles import STAFF, Role


class CalendarDaySerializer(serializers.ModelSerializer):
    is_workday = serializers.BooleanField(read_only=True)

    class Meta:
        model = CalendarDay
        fields = ["id", "date", "kind", "is_workday", "name", "source"]


class CalendarDayFilter(FilterSet):
    year = YearFilter(field_name="date")

    class Meta:
        model = CalendarDay
        fields = {"kind": ["exact"], "date": ["exact", "gte", "lte"]}


class CalendarDayViewSet(ScopedViewSet):
    """The calendar's statutory holidays and make-up working days; every other weekday is a working day."""

    queryset = CalendarDay.objects.all()
    serializer_class = CalendarDaySerializer
    filterset_class = CalendarDayFilter
    allowed_roles = STAFF
    write_roles = frozenset({Role.OFFICE})
