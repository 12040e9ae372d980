from django import forms
from django.utils.translation import gettext_lazy as _

from labs.models import FocusArea
from portal.forms import (
    ConsentField,
    CountedLengthMixin,
    HoneypotField,
    KeepsFilesMixin,
    ValidatedFileField,
    count_words,
)
from projects.models import Project

from .models import Application

REFEREE_COUNT = 2


# What staff and students may attach to the messages of an application: documents and scans.
MESSAGE_FILE_KINDS = ("pdf", "docx", "png", "jpeg")


class ApplicationForm(KeepsFilesMixin, CountedLengthMixin, forms.ModelForm):
    held_form_name = "application"
    cv = ValidatedFileField(label=_("CV (PDF)"), allowed=("pdf",), help_text=_("PDF only, at most 10 MB."))
    transcript = ValidatedFileField(
        label=_("Transcript (PDF)"), allowed=("pdf",), required=False, help_text=_("Optional. PDF only, at most 10 MB.")
    )
    consent = ConsentField(
        agreement=_("privacy notice and agree that my application is kept and used as it describes."),
        refusal=_("Please agree to the privacy notice so that we can keep your application."),
    )
    website = HoneypotField()

    class Meta:
        model = Application
        fields = list(Application.APPLICANT_FIELDS)
        widgets = {
            "research_interests": forms.Textarea(attrs={"rows": 3}),
            "focus_areas": forms.CheckboxSelectMultiple,
            "projects": forms.CheckboxSelectMultiple,
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        labels = {"name": _("Full name")}  # a person's name (姓名), not the generic "name" (名稱)
        error_messages = {"email": {"invalid": _("Enter an e-mail address like name@university.edu.")}}

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        lab = call.programme.lab
        self.fields["focus_areas"].queryset = FocusArea.objects.filter(lab=lab)
        self.fields["projects"].queryset = Project.objects.public().filter(lab=lab)
        limit = call.statement_word_limit
        statement = self.fields["personal_statement"]
        statement.help_text = _("At most %(limit)d words; each Chinese character counts as a word.") % {"limit": limit}
        statement.widget = forms.Textarea(
            attrs={"rows": 10, "data-word-limit": limit, "aria-describedby": "statement-word-count"}
        )
        for number in range(1, REFEREE_COUNT + 1):
            self.fields[f"referee{number}_name"] = forms.CharField(
                label=_("Referee %(n)d: name") % {"n": number}, max_length=200
            )
            self.fields[f"referee{number}_email"] = forms.EmailField(
                label=_("Referee %(n)d: e-mail") % {"n": number},
                error_messages={"invalid": _("Enter an e-mail address like name@university.edu.")},
            )
            self.fields[f"referee{number}_institution"] = forms.CharField(
                label=_("Referee %(n)d: institution") % {"n": number}, max_length=200
            )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_personal_statement(self):
        statement = self.cleaned_data["personal_statement"]
        words = count_words(statement)
        if words > self.call.statement_word_limit:
            raise forms.ValidationError(
                _(
                    "Your statement has %(words)d words (each Chinese character counts as a word); the limit is "
                    "%(limit)d. Please shorten it."
                )
                % {"words": words, "limit": self.call.statement_word_limit}
            )
        return statement

    def clean(self):
        cleaned = super().clean()
        emails = [cleaned.get(f"referee{n}_email", "").lower() for n in range(1, REFEREE_COUNT + 1)]
        if all(emails) and len(set(emails)) < len(emails):
            self.add_error("referee2_email", _("Give two different referees."))
        if cleaned.get("email") and cleaned.get("email") in emails:
            self.add_error("referee1_email", _("A referee cannot be you."))
        return cleaned

    def referees(self):
        return [
            {
                "order": n,
                "name": self.cleaned_data[f"referee{n}_name"],
                "email": self.cleaned_data[f"referee{n}_email"],
                "institution": self.cleaned_data[f"referee{n}_institution"],
            }
            for n in range(1, REFEREE_COUNT + 1)
        ]

    def submitted_by_software(self):
        return bool(self.cleaned_data.get("website"))


class RefereeLetterForm(forms.Form):
    letter = ValidatedFileField(label=_("Your letter (PDF)"), allowed=("pdf",), help_text=_("PDF only, at most 10 MB."))
