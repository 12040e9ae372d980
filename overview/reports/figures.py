"""The figures of a knowledge-transfer report: one lab, one period, each figure the size of the admin list it links
to. Every section starts from the selector the admin list uses and counts with aggregates, so a report runs a fixed
number of queries whatever the data size."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from challenges.models import ChallengeRequest
from challenges.selectors import belonging_to_labs, challenge_requests_visible_to
from events.models import Event, Registration
from events.selectors import events_visible_to
from labs.models import FocusArea, Organisation, Partnership
from portal.scoping import restrict_to_labs
from projects.models import Project
from recruitment.models import Application, Call
from recruitment.selectors import applications_triaged_by, calls_visible_to

# The dashboard's bar layout and admin links, reused as they are.
from ..dashboard import Bar, _changelist, _chart
from . import response_times
from .periods import Period


@dataclass
class Cell:
    value: int | float | Decimal | None
    url: str = ""
    is_rate: bool = False  # a share between 0 and 1, shown as a percentage


@dataclass
class Row:
    label: str
    cells: list[Cell]

    def __post_init__(self):
        self.label = str(self.label)  # choice labels arrive lazy; spreadsheets need the translated text


@dataclass
class Section:
    key: str
    title: str
    columns: list[str]  # the heading of the labels, then one per cell
    rows: list[Row]
    chart: dict | None = field(default=None)


def _rate(part, whole):
    return Cell(round(part / whole, 3) if whole else None, is_rate=True)


def _chart_of(rows, column=0):
    return _chart([Bar(row.label, row.cells[column].value or 0, row.cells[column].url) for row in rows])


def build_report(user, lab, period: Period) -> list[Section]:
    return [
        *challenge_sections(user, lab, period),
        *project_sections(user, lab, period),
        recruitment_section(user, lab, period),
        events_section(user, lab, period),
        alliance_section(user, lab),
    ]


def challenge_sections(user, lab, period):
    received = challenge_requests_visible_to(user).filter(
        belonging_to_labs([lab.pk]), **period.filter(ChallengeRequest, "submitted_at")
    )
    by_status = dict(received.order_by().values_list("status").annotate(n=Count("pk")))
    scope = {"responsible_lab": lab.pk, **period.list_parameters(ChallengeRequest, "submitted_at")}
    rows = [Row(_("Received"), [Cell(sum(by_status.values()), _changelist(ChallengeRequest, **scope))])] + [
        Row(label, [Cell(by_status.get(value, 0), _changelist(ChallengeRequest, status__exact=value, **scope))])
        for value, label in ChallengeRequest.Status.choices
    ]
    funnel = Section(
        "challenges",
        _("Industry challenges received in the period, by status today"),
        [_("Status"), _("Requests")],
        rows,
        chart=_chart_of(rows),
    )
    to_first_response, to_decision = response_times.median_days(received)
    speed = Section(
        "response-times",
        _("Response times to the challenges received in the period"),
        [_("Measure"), _("Median days")],
        [
            Row(_("From submission to the first response"), [Cell(to_first_response)]),
            Row(_("From submission to the decision (converted, declined or closed)"), [Cell(to_decision)]),
        ],
    )
    return [funnel, speed]


def project_sections(user, lab, period):
    projects = restrict_to_labs(Project.objects.filter(lab=lab), user, lambda lab_ids: Q(lab__in=lab_ids))
    started = projects.filter(**period.filter(Project, "start_date"))
    completed = projects.filter(status=Project.Status.COMPLETED, **period.filter(Project, "end_date"))
    started_scope = {"lab__id__exact": lab.pk, **period.list_parameters(Project, "start_date")}
    completed_scope = {
        "lab__id__exact": lab.pk,
        "status__exact": Project.Status.COMPLETED,
        **period.list_parameters(Project, "end_date"),
    }

    def counts(queryset, path):
        return dict(queryset.order_by().filter(**{f"{path}__isnull": False}).values_list(path).annotate(n=Count("pk")))

    def rows_by(path, records):
        started_by, completed_by = counts(started, path), counts(completed, path)
        lookup = f"{path}__id__exact"
        return [
            Row(
                record.name,  # the report is of one lab: a focus area needs no lab after its name
                [
                    Cell(started_by.get(record.pk, 0), _changelist(Project, **{lookup: record.pk}, **started_scope)),
                    Cell(
                        completed_by.get(record.pk, 0), _changelist(Project, **{lookup: record.pk}, **completed_scope)
                    ),
                ],
            )
            for record in records
        ]

    total = Row(
        _("All projects"),
        [
            Cell(started.count(), _changelist(Project, **started_scope)),
            Cell(completed.count(), _changelist(Project, **completed_scope)),
        ],
    )
    area_rows = rows_by("focus_areas", FocusArea.objects.filter(lab=lab).order_by("order", "name"))
    # Every focus area of the lab, but only the partners of the projects counted (there are many organisations).
    partners = Organisation.objects.filter(
        pk__in=(started | completed).filter(partners__isnull=False).values("partners")
    ).order_by("name")
    columns = [_("Started"), _("Completed")]
    return [
        Section(
            "projects-by-area",
            _("Projects started and completed, by focus area"),
            [_("Focus area"), *columns],
            [total, *area_rows],
            chart=_chart_of(area_rows),
        ),
        Section(
            "projects-by-partner",
            _("Projects started and completed, by partner"),
            [_("Partner"), *columns],
            [total, *rows_by("partners", partners)],
        ),
        funder_section(started, started_scope),
    ]


def funder_section(started, started_scope):
    """What funders ask of the projects started in the period: how they collaborate, who pays, and how much."""
    rows = []
    for path, choices in (
        ("collaboration_type", Project.CollaborationType.choices),
        ("funding_scheme", Project.FundingScheme.choices),
    ):
        figures = {
            value: (n, total)
            for value, n, total in started.order_by()
            .values_list(path)
            .annotate(n=Count("pk"), total=Sum("partner_contribution_hkd"))
        }
        for value, label in choices:
            n, total = figures.get(value, (0, None))
            link = _changelist(Project, **{f"{path}__exact": value}, **started_scope)
            rows.append(Row(label, [Cell(n, link), Cell(total or Decimal(0))]))
    return Section(
        "funders",
        _("Projects started in the period, by collaboration type and funding scheme"),
        [_("Collaboration type or funding scheme"), _("Projects"), _("Partner contribution (HK$)")],
        rows,
    )


def recruitment_section(user, lab, period):
    """Per call that closed in the period: applications, offers and how many were accepted."""
    calls = (
        calls_visible_to(user)
        .filter(programme__lab=lab, **period.filter(Call, "closes_at"))
        .order_by("closes_at", "pk")
    )
    counts = {}
    for call_id, status, n in (
        applications_triaged_by(user)
        .filter(call__in=calls)
        .order_by()
        .values_list("call", "status")
        .annotate(n=Count("pk"))
    ):
        counts.setdefault(call_id, {})[status] = n
    offered = (Application.Status.OFFERED, Application.Status.ACCEPTED, Application.Status.DECLINED)
    rows = []
    for call in calls:
        by_status = counts.get(call.pk, {})
        offers = sum(by_status.get(status, 0) for status in offered)

        def linked(status=None, call=call, by_status=by_status):
            if status is None:
                return Cell(sum(by_status.values()), _changelist(Application, call__id__exact=call.pk))
            return Cell(
                by_status.get(status, 0), _changelist(Application, call__id__exact=call.pk, status__exact=status)
            )

        rows.append(
            Row(
                call.title,
                [
                    linked(),
                    Cell(offers),
                    linked(Application.Status.OFFERED),
                    linked(Application.Status.ACCEPTED),
                    linked(Application.Status.DECLINED),
                    _rate(by_status.get(Application.Status.ACCEPTED, 0), offers),
                ],
            )
        )
    return Section(
        "recruitment",
        _("Applications and offers per call closing in the period"),
        [
            _("Call"),
            _("Applications"),
            _("Offers"),
            _("Awaiting reply"),
            _("Accepted"),
            _("Declined by applicant"),
            _("Acceptance rate"),
        ],
        rows,
        chart=_chart_of(rows),
    )


def events_section(user, lab, period):
    events = events_visible_to(user).filter(lab=lab, **period.filter(Event, "starts_at")).order_by("starts_at", "pk")
    counts = {}
    for event_id, status, n in (
        Registration.objects.filter(event__in=events).order_by().values_list("event", "status").annotate(n=Count("pk"))
    ):
        counts.setdefault(event_id, {})[status] = n
    rows = []
    for event in events:
        by_status = counts.get(event.pk, {})
        held = sum(by_status.get(status, 0) for status in Registration.HOLDS_A_PLACE)
        attended = by_status.get(Registration.Status.ATTENDED, 0)
        rows.append(
            Row(
                f"{event.title} ({date_format(timezone.localtime(event.starts_at), 'DATE_FORMAT')})",
                [
                    Cell(sum(by_status.values()), _changelist(Registration, event__id__exact=event.pk)),
                    Cell(attended, _changelist(Registration, event__id__exact=event.pk, status__exact="attended")),
                    _rate(attended, held),
                ],
            )
        )
    return Section(
        "events",
        _("Events held in the period and their attendance"),
        [_("Event"), _("Registrations"), _("Attended"), _("Attendance rate")],
        rows,
        chart=_chart_of(rows, column=1),
    )


def alliance_section(user, lab):
    """The lab's alliance members today (a partnership has a start date but no end)."""
    members = restrict_to_labs(
        Partnership.objects.filter(lab=lab, role=Partnership.Role.ALLIANCE_MEMBER), user, lambda ids: Q(lab__in=ids)
    )
    return Section(
        "alliance",
        _("Alliance members today"),
        [_("Role"), _("Organisations")],
        [
            Row(
                _("Alliance members"),
                [
                    Cell(
                        members.count(),
                        _changelist(Partnership, role__exact=Partnership.Role.ALLIANCE_MEMBER, lab__id__exact=lab.pk),
                    )
                ],
            )
        ],
    )
