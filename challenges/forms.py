from django import forms
from django.utils.translation import gettext_lazy as _

from labs.models import FocusArea, JointLab
from portal.forms import ConsentField, CountedLengthMixin, HoneypotField, KeepsFilesMixin, ValidatedFilesField

from .models import ChallengeRequest

CHALLENGE_ATTACHMENT_KINDS = ("pdf", "docx", "pptx", "xlsx", "png", "jpeg")


class FocusAreaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, area):
        return f"{area.name} ({area.lab.display_name})"


class ChallengeForm(KeepsFilesMixin, CountedLengthMixin, forms.ModelForm):
    held_form_name = "challenge"
    focus_areas = FocusAreaChoiceField(
        label=_("Related focus areas"),
        queryset=FocusArea.objects.select_related("lab"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_lab = forms.ModelChoiceField(
        label=_("Preferred lab"), queryset=JointLab.objects.all(), required=False, empty_label=_("No preference")
    )
    attachments = ValidatedFilesField(
        label=_("Attachments"),
        required=False,
        allowed=CHALLENGE_ATTACHMENT_KINDS,
        max_files=3,
        help_text=_("Optional: up to 3 files — PDF, Word, PowerPoint, Excel, PNG or JPEG, at most 10 MB each."),
    )
    consent = ConsentField(
        agreement=_("privacy notice and agree that my details are kept and used as it describes."),
        refusal=_("Please agree to the privacy notice so that we can keep your request."),
    )
    website = HoneypotField()

    class Meta:
        model = ChallengeRequest
        fields = list(ChallengeRequest.ENTERPRISE_FIELDS)
        widgets = {
            "problem_statement": forms.Textarea(attrs={"rows": 6}),
            "current_approach": forms.Textarea(attrs={"rows": 3}),
            "desired_outcome": forms.Textarea(attrs={"rows": 3}),
            "confidentiality": forms.RadioSelect,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {
            "problem_statement": _("What goes wrong, where, and how often. Up to 5,000 characters."),
            "desired_outcome": _("What would success look like for you?"),
            "confidentiality": _("Confidential requests are seen only by portal staff and the lab they go to."),
        }
        error_messages = {
            "email": {"invalid": _("Enter an e-mail address like name@company.com.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("organisation_size", "sector", "budget_range", "timeline"):
            self.fields[name].choices = [("", _("Choose…")), *self.fields[name].choices[1:]]
        self.fields["confidentiality"].choices = ChallengeRequest.Confidentiality.choices  # radios need no blank
        self.fields["website"].widget.attrs["class"] = "form-control"

    def submitted_by_software(self):
        return bool(self.cleaned_data.get("website"))
