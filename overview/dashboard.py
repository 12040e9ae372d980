"""The staff dashboard: the pipeline of the labs a user may see, in figures that each link to their admin list.

Every figure starts from the same selectors as the admin lists (so the lab scoping is the lists' own) and is
computed by an aggregate in the database: the page runs a fixed number of queries whatever the data size.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from alliances.models import MembershipApplication
from alliances.selectors import membership_applications_visible_to
from challenges.models import ChallengeRequest
from challenges.selectors import challenge_requests_visible_to
from labs.models import FocusArea
from portal.conversation import awaiting_staff_reply
from portal.conversation_admin import ConversationFilter
from recruitment.models import Application, Review
from recruitment.selectors import (
    applications_reviewed_by,
    applications_triaged_by,
    applications_visible_to,
    calls_visible_to,
    reviewer_only,
)

CHART_WIDTH = 520


@dataclass
class Bar:
    label: str
    value: int
    url: str
    y: int = 0
    width: int = 0


def _changelist(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _chart(bars, row_height=26):
    """Lay out horizontal bars for the SVG: widths proportional to the largest value."""
    top = max((bar.value for bar in bars), default=0) or 1
    for index, bar in enumerate(bars):
        bar.y = index * row_height
        bar.width = round(bar.value / top * (CHART_WIDTH - 220))
    return {"bars": bars, "height": max(len(bars), 1) * row_height, "width": CHART_WIDTH}


def _by_status(model, queryset):
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("pk")))
    return [
        Bar(label, counts.get(value, 0), _changelist(model, status__exact=value))
        for value, label in model.Status.choices
    ]


def _per_month(model, queryset, now):
    first_month = (timezone.localtime(now) - datetime.timedelta(days=335)).replace(day=1, hour=0, minute=0, second=0)
    rows = (
        queryset.filter(submitted_at__gte=first_month)
        .order_by()
        .annotate(month=TruncMonth("submitted_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    counts = {timezone.localtime(month).strftime("%Y-%m"): n for month, n in rows}
    bars, month = [], first_month
    for _step in range(12):
        key = month.strftime("%Y-%m")
        bars.append(
            Bar(
                key,
                counts.get(key, 0),
                _changelist(model, submitted_at__year=month.year, submitted_at__month=month.month),
            )
        )
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return bars


def dashboard_view(request):
    now = timezone.now()
    if reviewer_only(request.user):
        return _reviewer_dashboard(request)
    challenges = challenge_requests_visible_to(request.user)
    # The figures cover what this user triages; applications of other labs they only review are listed apart.
    applications = applications_triaged_by(request.user)
    calls = calls_visible_to(request.user)
    waiting_since = now - datetime.timedelta(days=settings.TRIAGE_WAIT_DAYS)

    sectors = dict(challenges.order_by().values_list("sector").annotate(n=Count("pk")))
    area_rows = (
        challenges.order_by().filter(focus_areas__isnull=False).values_list("focus_areas").annotate(n=Count("pk"))
    )
    areas = {area.pk: area for area in FocusArea.objects.filter(pk__in=[pk for pk, _n in area_rows])}
    assigned = (
        Application.reviewers.through.objects.filter(application__in=applications)
        .order_by()
        .values_list("user_id", "user__username")
        .annotate(n=Count("pk"))
    )
    reviewed = dict(
        Review.objects.filter(application__in=applications, application__reviewers=F("reviewer"))
        .order_by()
        .values_list("reviewer_id")
        .annotate(n=Count("pk", distinct=True))
    )
    context = {
        **admin.site.each_context(request),
        "title": _("Dashboard"),
        "challenge_status": _chart(_by_status(ChallengeRequest, challenges)),
        "application_status": _chart(_by_status(Application, applications)),
        "membership_status": _chart(
            _by_status(MembershipApplication, membership_applications_visible_to(request.user))
        ),
        "waiting": challenges.filter(status="submitted", submitted_at__lt=waiting_since)
        .select_related("lab", "preferred_lab")
        .order_by("submitted_at")[:20],
        "waiting_total": challenges.filter(status="submitted", submitted_at__lt=waiting_since).count(),
        "waiting_days": settings.TRIAGE_WAIT_DAYS,
        "conversations": _conversation_rows(challenges, applications),
        "closing_calls": calls.filter(closes_at__gte=now, closes_at__lt=now + datetime.timedelta(days=30))
        .annotate(application_total=Count("applications"))
        .select_related("programme__lab")
        .order_by("closes_at"),
        "reviews": [
            {
                "reviewer": username,
                "assigned": n,
                "done": reviewed.get(user_id, 0),
                "left": n - reviewed.get(user_id, 0),
                "url": _changelist(Application, reviewers__id__exact=user_id),
            }
            for user_id, username, n in assigned
        ],
        "challenges_per_month": _chart(_per_month(ChallengeRequest, challenges, now)),
        "applications_per_month": _chart(_per_month(Application, applications, now)),
        "by_sector": _chart(
            [
                Bar(label, sectors.get(value, 0), _changelist(ChallengeRequest, sector__exact=value))
                for value, label in ChallengeRequest.Sector.choices
                if sectors.get(value)
            ]
        ),
        "by_area": _chart(
            [
                Bar(str(areas[pk]), n, _changelist(ChallengeRequest, focus_areas__id__exact=pk))
                for pk, n in sorted(area_rows, key=lambda row: -row[1])
            ]
        ),
        "changelist_applications_for_call": _changelist(Application),
        "reviewing_elsewhere": _review_rows(
            request.user, applications_reviewed_by(request.user).exclude(pk__in=applications.values("pk"))
        ),
    }
    return render(request, "admin/dashboard.html", context)


def _conversation_rows(challenges, applications):
    """Per kind of submission: how many wait for the submitter's information, and how many for our answer (one
    query each)."""
    rows = []
    for label, model, queryset in (
        (_("Challenge requests"), ChallengeRequest, challenges),
        (_("Applications"), Application, applications),
    ):
        counts = queryset.aggregate(
            waiting=Count("pk", filter=Q(status=model.WORKFLOW.waiting)),
            awaiting=Count("pk", filter=Q(pk__in=awaiting_staff_reply(model))),
        )
        rows.append(
            {
                "label": label,
                "waiting_for_submitter": counts["waiting"],
                "waiting_for_submitter_url": _changelist(model, conversation=ConversationFilter.AWAITING_SUBMITTER),
                "awaiting_answer": counts["awaiting"],
                "awaiting_answer_url": _changelist(model, conversation=ConversationFilter.AWAITING_STAFF),
            }
        )
    return rows


def _review_rows(user, applications):
    """One row per application `user` reviews: reference, call, their review if any, and the link to score it."""
    mine = {review.application_id: review for review in Review.objects.filter(reviewer=user)}
    return [
        {
            "application": application,
            "review": mine.get(application.pk),
            "url": reverse("admin:recruitment_application_change", args=[application.pk]),
        }
        for application in applications.select_related("call").order_by("call__closes_at", "reference")
    ]


def _reviewer_dashboard(request):
    rows = _review_rows(request.user, applications_visible_to(request.user))
    context = {
        **admin.site.each_context(request),
        "title": _("Your reviews"),
        "rows": rows,
        "left": sum(1 for row in rows if row["review"] is None),
    }
    return render(request, "admin/reviewer_dashboard.html", context)
