"""The report page: pick a lab and a period, read the figures with their charts, download or print them."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from labs.models import JointLab
from portal.scoping import lab_ids_of, sees_all_labs

from . import downloads
from .figures import build_report
from .periods import ACADEMIC, KINDS, Period, current_period

# Reports hold the figures of challenges, applications and registrations: staff who triage those (lab managers and
# portal administrators), not editors or reviewers.
REPORT_PERMISSIONS = (
    "challenges.view_challengerequest",
    "recruitment.triage_application",
    "events.view_registration",
    "projects.view_project",
)
FORMATS = ("html", "print", "csv", "xlsx")


def labs_reported_on_by(user):
    labs = JointLab.objects.order_by("name")
    return labs if sees_all_labs(user) else labs.filter(pk__in=lab_ids_of(user))


class ReportForm(forms.Form):
    lab = forms.ModelChoiceField(queryset=JointLab.objects.none(), label=gettext_lazy("Lab"), empty_label=None)
    kind = forms.ChoiceField(choices=KINDS, label=gettext_lazy("Period"), initial=ACADEMIC)
    year = forms.IntegerField(
        min_value=2000, max_value=2100, label=gettext_lazy("Starting in"), help_text=gettext_lazy("e.g. 2025")
    )
    format = forms.ChoiceField(choices=[(value, value) for value in FORMATS], required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, user):
        labs = labs_reported_on_by(user)
        defaults = {"lab": labs.values_list("pk", flat=True).first(), "kind": ACADEMIC}
        defaults["year"] = current_period(data.get("kind") or ACADEMIC).year
        super().__init__({**defaults, **data.dict()})
        self.fields["lab"].queryset = labs
        self.fields["lab"].label_from_instance = lambda lab: lab.display_name


def report_view(request):
    if not request.user.has_perms(REPORT_PERMISSIONS):
        raise PermissionDenied
    form = ReportForm(request.GET, user=request.user)
    context = {**admin.site.each_context(request), "title": _("Knowledge-transfer report"), "form": form}
    if not form.is_valid():
        return render(request, "admin/reports/report.html", context, status=400 if request.GET else 200)
    lab, period = form.cleaned_data["lab"], Period(form.cleaned_data["kind"], form.cleaned_data["year"])
    sections = build_report(request.user, lab, period)
    chosen = form.cleaned_data["format"] or "html"
    if chosen == "csv":
        return downloads.report_csv(lab, period, sections)
    if chosen == "xlsx":
        return downloads.report_xlsx(lab, period, sections)
    query = {"lab": lab.pk, "kind": period.kind, "year": period.year}
    links = {name: f"{request.path}?{urlencode({**query, 'format': name})}" for name in FORMATS}
    context.update(lab=lab, period=period, sections=sections, links=links)
    template = "admin/reports/print.html" if chosen == "print" else "admin/reports/report.html"
    return render(request, template, context)
