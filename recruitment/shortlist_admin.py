"""The shortlist of a call (staff who triage its lab): applications ranked by weighted score, with the number of
reviews, the spread between reviewers (flagged when large), the recommendations counted, and bulk moves through
recruitment.services.application_bulk_transition."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Max, Min, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Application, Call, Review
from .selectors import applications_triaged_by, calls_visible_to, reviewer_only
from .services import application_bulk_transition

# Reviewers whose weighted scores lie further apart than this share of the rubric's scale (more than 1.2 points on
# a 1–5 scale) disagree about more than one band: the panel should talk before the ranking is trusted.
SPREAD_FLAG_SHARE = Decimal("0.3")

# The moves offered in bulk; each still goes through the workflow, which refuses what a status does not allow.
BULK_MOVES = ("under_review", "shortlisted", "interview", "waitlisted", "rejected")


def shortlisted_applications(call: Call):
    """The call's applications (withdrawn ones left out) ranked by weighted score, unscored last, with the figures
    the shortlist shows: one query whatever their number."""
    counted = Q(reviews__conflict_of_interest=False)
    recommendation_counts = {
        f"n_{value}": Count("reviews", filter=counted & Q(reviews__recommendation=value))
        for value in Review.Recommendation.values
    }
    return (
        Application.objects.filter(call=call)
        .exclude(status=Application.Status.WITHDRAWN)
        .annotate(
            highest=Max("reviews__score", filter=counted),
            lowest=Min("reviews__score", filter=counted),
            **recommendation_counts,
        )
        .order_by(F("average_score").desc(nulls_last=True), "-review_count", "submitted_at")
    )


def spread_threshold(call: Call) -> Decimal | None:
    criteria = list(call.criteria.all())
    if not criteria:
        return None
    span = max(c.max_score for c in criteria) - min(c.min_score for c in criteria)
    return (span * SPREAD_FLAG_SHARE).quantize(Decimal("0.01"))


def shortlist_view(model_admin, request, call_id):
    call = calls_visible_to(request.user).filter(pk=call_id).select_related("programme__lab").first()
    if call is None:
        raise Http404
    # Reviewers judge independently and never see the ranking; staff who triage see their labs' calls only.
    if reviewer_only(request.user) or not model_admin.has_view_permission(request, call):
        raise PermissionDenied
    url = reverse("admin:recruitment_call_shortlist", args=[call.pk])
    moves = [
        (status, Application.WORKFLOW.label(status)) for status in BULK_MOVES if status in Application.Status.values
    ]
    if request.method == "POST":
        to = request.POST.get("to", "")
        chosen = [pk for pk in request.POST.getlist("application") if pk.isdigit()]
        if to not in dict(moves):
            messages.error(request, _("Choose where to move the selected applications."))
        elif not chosen:
            messages.error(request, _("Select at least one application to move."))
        else:
            # Only this call's applications, of the labs this user decides on, whatever ids the form sent.
            applications = applications_triaged_by(request.user, Application.objects.filter(call=call, pk__in=chosen))
            moved, refused = application_bulk_transition(
                applications=list(applications.order_by("pk")), to=to, by=request.user
            )
            if moved:
                messages.success(request, _("%(count)d application(s) moved.") % {"count": len(moved)})
            if refused:
                messages.warning(
                    request,
                    _("Not moved, the workflow does not allow it from their status: %(refs)s")
                    % {"refs": ", ".join(application.reference for application in refused)},
                )
        return redirect(url)
    threshold = spread_threshold(call)
    rows = []
    for rank, application in enumerate(shortlisted_applications(call), start=1):
        spread = None if application.highest is None else application.highest - application.lowest
        rows.append(
            {
                "rank": rank,
                "application": application,
                "spread": spread,
                "flagged": threshold is not None and spread is not None and spread > threshold,
                "recommendations": [
                    (label, getattr(application, f"n_{value}")) for value, label in Review.Recommendation.choices
                ],
                "url": reverse("admin:recruitment_application_change", args=[application.pk]),
            }
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Shortlist: %(call)s") % {"call": call.title},
        "call": call,
        "rows": rows,
        "moves": moves,
        "threshold": threshold,
        "reviews_url": reverse("admin:recruitment_review_changelist") + f"?application__call__id__exact={call.pk}",
        "applications_url": reverse("admin:recruitment_application_changelist") + f"?call__id__exact={call.pk}",
        "recommendation_labels": Review.Recommendation.labels,
        "spread_share": int(SPREAD_FLAG_SHARE * 100),
    }
    return TemplateResponse(request, "admin/recruitment/call/shortlist.html", context)
