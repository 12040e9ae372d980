"""The periods a report covers: a calendar year, or a Hong Kong academic year (1 September to 31 August)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CALENDAR = "calendar"
ACADEMIC = "academic"
KINDS = [(ACADEMIC, _("Academic year (September to August)")), (CALENDAR, _("Calendar year"))]
ACADEMIC_YEAR_STARTS = 9  # September


@dataclass(frozen=True)
class Period:
    kind: str
    year: int  # the year it starts in

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, ACADEMIC_YEAR_STARTS if self.kind == ACADEMIC else 1, 1)

    @property
    def day_after(self) -> datetime.date:
        return self.first_day.replace(year=self.year + 1)

    @property
    def label(self) -> str:
        return f"{self.year}/{(self.year + 1) % 100:02d}" if self.kind == ACADEMIC else str(self.year)

    def bounds(self, field) -> tuple[datetime.date | datetime.datetime, datetime.date | datetime.datetime]:
        """[start, end) for a date field, or the Hong Kong midnights around it for a date-time field."""
        if field.get_internal_type() != "DateTimeField":
            return self.first_day, self.day_after
        zone = timezone.get_default_timezone()
        return tuple(
            datetime.datetime.combine(day, datetime.time.min, tzinfo=zone) for day in (self.first_day, self.day_after)
        )

    def filter(self, model, path) -> dict:
        """The ORM lookups of the records whose `path` falls in the period."""
        start, end = self.bounds(model._meta.get_field(path))
        return {f"{path}__gte": start, f"{path}__lt": end}

    def list_parameters(self, model, path) -> dict:
        """The same range as the query string of an admin date filter (Django's DateFieldListFilter)."""
        return {lookup: value.isoformat() for lookup, value in self.filter(model, path).items()}


def current_period(kind, today=None) -> Period:
    today = today or timezone.localdate()
    if kind == ACADEMIC:
        return Period(ACADEMIC, today.year if today.month >= ACADEMIC_YEAR_STARTS else today.year - 1)
    return Period(CALENDAR, today.year)
