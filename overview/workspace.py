"""The admin home as a staff member's workspace: what waits for them, then the apps grouped by workflow.

Each figure counts, with the selectors the admin lists use, exactly the rows of the filtered list it links to (for
applications: the list a user who triages sees, their own labs'; a reviewer's list, their assigned ones). The
figures cost one query per kind of record, whatever the data size.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from alliances.models import MembershipApplication
from alliances.selectors import membership_applications_to_decide, membership_applications_visible_to
from challenges.models import ChallengeRequest
from challenges.selectors import challenge_requests_visible_to
from events.models import Registration
from events.selectors import registrations_awaiting_attendance, registrations_visible_to
from portal.conversation import awaiting_staff_reply
from portal.conversation_admin import ConversationFilter
from recruitment.models import Application
from recruitment.selectors import (
    applications_awaiting_review_by,
    applications_triaged_by,
    applications_visible_to,
    reviewer_only,
)

# The admin's apps grouped by the work they serve; a model is placed by "app_label.model_name" or, failing that,
# by its app label. Whatever no group names is technical (sign-in records, queued tasks, e-mails, history…) and
# is listed for superusers only.
GROUPS = [
    (
        "content",
        _("Content"),
        ("labs", "people.person", "people.labrole", "projects", "news", "alliances.alliancepage"),
    ),
    ("challenges", _("Challenges"), ("challenges",)),
    ("recruitment", _("Recruitment"), ("recruitment",)),
    ("events", _("Events and alliance membership"), ("events", "alliances.membershipapplication")),
    ("settings", _("Settings"), ("auth", "people.stafflabaccess")),
]
TECHNICAL = ("technical", _("Technical (superusers only)"))


@dataclass
class Task:
    key: str
    label: str
    count: int
    url: str


def _changelist(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}"


def _may_view(user, model):
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def workspace_tasks(user) -> list[Task]:
    """What waits for `user`, in the order they would work through it; only the kinds of records they may see."""
    tasks = []
    if _may_view(user, ChallengeRequest):
        counts = challenge_requests_visible_to(user).aggregate(
            new=Count("pk", filter=Q(status=ChallengeRequest.Status.SUBMITTED)),
            unanswered=Count("pk", filter=Q(pk__in=awaiting_staff_reply(ChallengeRequest))),
        )
        tasks += [
            Task(
                "challenges_to_triage",
                _("Challenge requests to triage"),
                counts["new"],
                _changelist(ChallengeRequest, status__exact=ChallengeRequest.Status.SUBMITTED),
            ),
            Task(
                "challenge_messages",
                _("Challenge requests whose messages await our answer"),
                counts["unanswered"],
                _changelist(ChallengeRequest, conversation=ConversationFilter.AWAITING_STAFF),
            ),
        ]
    if _may_view(user, Application):
        tasks += _application_tasks(user)
    if _may_view(user, Registration):
        tasks.append(
            Task(
                "attendance",
                _("Registrations whose attendance is to be recorded"),
                registrations_awaiting_attendance(registrations_visible_to(user)).count(),
                _changelist(Registration, todo="attendance"),
            )
        )
    if _may_view(user, MembershipApplication):
        tasks.append(
            Task(
                "memberships",
                _("Alliance membership applications to decide"),
                membership_applications_to_decide(membership_applications_visible_to(user)).count(),
                _changelist(MembershipApplication, todo="decide"),
            )
        )
    return tasks


def _application_tasks(user):
    # The applications list of a user who triages shows their labs' applications; a reviewer's, their assigned ones.
    if reviewer_only(user):
        due = applications_awaiting_review_by(user, applications_visible_to(user)).count()
        return [Task("reviews_due", _("Reviews due from you"), due, _changelist(Application, your_review="due"))]
    counts = applications_triaged_by(user).aggregate(
        unanswered=Count("pk", filter=Q(pk__in=awaiting_staff_reply(Application))),
        offered=Count("pk", filter=Q(status=Application.Status.OFFERED)),
        due=Count("pk", filter=Q(pk__in=applications_awaiting_review_by(user).values("pk"))),
    )
    tasks = [
        Task(
            "application_messages",
            _("Applications whose messages await our answer"),
            counts["unanswered"],
            _changelist(Application, conversation=ConversationFilter.AWAITING_STAFF),
        ),
        Task(
            "offers",
            _("Offers awaiting the applicant's reply"),
            counts["offered"],
            _changelist(Application, status__exact=Application.Status.OFFERED),
        ),
    ]
    if counts["due"]:
        tasks.append(
            Task("reviews_due", _("Reviews due from you"), counts["due"], _changelist(Application, your_review="due"))
        )
    return tasks


def group_apps(user, app_list):
    """The admin's app list regrouped: [{"key", "name", "models"}], empty groups left out."""
    placed = {key: [] for key, _label, _members in GROUPS}
    technical = []
    for app in app_list:
        for model in app["models"]:
            label = f"{app['app_label']}.{model['object_name'].lower()}"
            group = next((key for key, _l, members in GROUPS if label in members), None)
            group = group or next((key for key, _l, members in GROUPS if app["app_label"] in members), None)
            if group is None:
                technical.append({**model, "app_name": app["name"]})
            else:
                placed[group].append({**model, "app_name": app["name"]})
    groups = [{"key": key, "name": label, "models": placed[key]} for key, label, _members in GROUPS if placed[key]]
    if user.is_superuser and technical:
        groups.append({"key": TECHNICAL[0], "name": TECHNICAL[1], "models": technical})
    return groups


def admin_home_context(request, app_list):
    return {
        "workspace_tasks": workspace_tasks(request.user),
        "app_groups": group_apps(request.user, app_list),
    }
