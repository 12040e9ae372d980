"""Suggested matches on a request's admin page: links, each with one click to add it to the request or to mark it
unhelpful. The buttons post the page's own form to the view here (formaction), so no form is nested and no script
is needed; the view checks that the user may edit this request and that the record is among its candidates."""

from django.contrib import admin, messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.ranking import semantic_available

from .matching import suggest_matches, suggestion_accept, suggestion_candidate, suggestion_mark_unhelpful

LABELS = {
    "labs": gettext_lazy("Labs"),
    "focus_areas": gettext_lazy("Focus areas"),
    "projects": gettext_lazy("Projects"),
    "people": gettext_lazy("People"),
}
ADD_LABELS = {
    "labs": gettext_lazy("Assign this lab"),
    "focus_areas": gettext_lazy("Add to focus areas"),
    "projects": gettext_lazy("Add to matched projects"),
    "people": gettext_lazy("Add to matched people"),
}


def _admin_url(obj):
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def _already_taken(challenge):
    return {
        "labs": {challenge.lab_id},
        "focus_areas": set(challenge.focus_areas.values_list("pk", flat=True)),
        "projects": set(challenge.matched_projects.values_list("pk", flat=True)),
        "people": set(challenge.matched_people.values_list("pk", flat=True)),
    }


class SuggestionsAdminMixin:
    """For ChallengeRequestAdmin: the `suggested_matches` read-only field and the URL its buttons post to."""

    @admin.display(description=gettext_lazy("ranked by how well they fit the problem statement"))
    def suggested_matches(self, challenge):
        if not challenge.pk:
            return "—"
        taken = _already_taken(challenge)
        sections = [
            {
                "key": key,
                "label": LABELS[key],
                "add_label": ADD_LABELS[key],
                "matches": [
                    {"match": match, "admin_url": _admin_url(match.obj), "taken": match.obj.pk in taken[key]}
                    for match in matches
                ],
            }
            for key, matches in suggest_matches(challenge).items()
        ]
        return render_to_string(
            "admin/challenges/includes/suggestions.html",
            {
                "sections": sections,
                "action_url": reverse("admin:challenges_challengerequest_suggestion", args=[challenge.pk]),
                "semantic": semantic_available(),
            },
        )

    def suggestion_urls(self):
        return [
            path(
                "<int:object_id>/suggestion/",
                self.admin_site.admin_view(self.suggestion_view),
                name="challenges_challengerequest_suggestion",
            )
        ]

    def suggestion_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        challenge = self.get_object(request, str(object_id))  # scoped: another lab's request is not found
        if challenge is None or not self.has_change_permission(request, challenge):
            raise Http404
        change_url = reverse("admin:challenges_challengerequest_change", args=[challenge.pk])
        action, _sep, rest = request.POST.get("suggestion", "").partition(":")
        key, _sep, pk = rest.partition(":")
        suggested = suggestion_candidate(challenge, key, pk) if pk.isascii() and pk.isdigit() else None
        if action not in ("add", "unhelpful") or suggested is None:
            self.message_user(request, _("That suggestion is no longer available."), level=messages.ERROR)
            return redirect(change_url)
        if action == "add":
            suggestion_accept(challenge=challenge, suggested=suggested, by=request.user)
            self.message_user(request, _("Added “%(record)s” to the request.") % {"record": suggested})
        else:
            suggestion_mark_unhelpful(challenge=challenge, suggested=suggested, by=request.user)
            self.message_user(
                request, _("Marked “%(record)s” as unhelpful; it will not be suggested again.") % {"record": suggested}
            )
        return redirect(change_url + "#suggested-matches")
