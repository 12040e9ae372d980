"""The public lab finder: a visitor describes a problem in their own words, in any of the three languages, and
sees the labs, projects and people (public ones only) that fit best, each with the sentence that fits. What they
type is posted (never in an address or a log), used for this one answer and not kept; a button carries it into
the challenge form, where it is saved only if they submit."""

from urllib.parse import quote

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from labs.models import FocusArea, JointLab
from people.models import Person
from portal.ranking import query_for, rank, rank_with_parts, semantic_available
from portal.ratelimit import allow, too_many_requests
from projects.models import Project

MAX_DESCRIPTION = 2000
# The challenge form is opened with a link; an address much longer than this is refused by some servers.
CARRIED_URL_BYTES = 3000
SHOWN = {"labs": 3, "projects": 5, "people": 5}
LAB_DEPTH = 20


class FinderForm(forms.Form):
    description = forms.CharField(
        label=_("Describe your problem"),
        help_text=_("In your own words, in English or Chinese: what goes wrong, and what you would like instead."),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Describe your problem in a sentence or two."),
            "max_length": _(
                "Keep the description under %(limit_value)d characters; the first few sentences are enough."
            ),
        },
    )


def carried_text(description):
    """As much of the description as fits in the challenge form's address, cut at a character."""
    carried = description
    while len(quote(carried)) > CARRIED_URL_BYTES:
        carried = carried[: int(len(carried) * 0.9)]
    return carried


@never_cache
@require_http_methods(["GET", "POST"])
def lab_finder_view(request):
    form = FinderForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "semantic": semantic_available()}
    if request.method == "POST":
        if not allow("lab-finder", request, settings.LAB_FINDER_RATE_LIMIT):
            return too_many_requests(request, settings.LAB_FINDER_RATE_LIMIT)
        if form.is_valid():
            description = form.cleaned_data["description"]
            query = query_for(description)
            if query.is_empty:
                form.add_error("description", _("We found no words to go on. Describe the problem in a sentence."))
            else:
                context.update(results=_fits(query), carried=carried_text(description))
                context["cut"] = len(context["carried"]) < len(description)
    return render(request, "overview/lab_finder.html", context)


def _fits(query):
    projects = Project.objects.public().select_related("lab")
    # A lab fits by what it says of itself and by how well its best focus area fits.
    labs = rank_with_parts(
        rank(JointLab.objects.all(), query, limit=LAB_DEPTH, reasons=False),
        [rank(FocusArea.objects.all(), query, limit=LAB_DEPTH, reasons=False)],
        whole_of=lambda part: part.lab_id,
        limit=SHOWN["labs"],
        query=query,
    )
    return [
        ("labs", _("Labs"), labs),
        ("projects", _("Projects"), rank(projects, query, limit=SHOWN["projects"])),
        ("people", _("People"), rank(Person.objects.public(), query, limit=SHOWN["people"])),
    ]
