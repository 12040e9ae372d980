"""The student's forms beyond the first application: the apply form as a draft, and a referee's correction."""

from django import forms
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .forms import ApplicationForm

SAVE_DRAFT = "save_draft"  # the name of the apply form's "Save and continue later" button
DRAFT_TEXT_MAX_CHARS = 30000  # a statement over the word limit may be saved while it is shortened, up to this


class DraftableApplicationForm(ApplicationForm):
    """The apply form, which can also be saved as a draft and resumed from one.

    `saving`: only the e-mail address is needed (no consent, no word limit, no check between referees yet); what
    is typed must still be valid, and files still pass the upload validator. `draft`: the files kept in the draft
    count as chosen (new ones replace them), listed under their fields."""

    def __init__(self, *args, draft=None, saving=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft, self.saving = draft, saving
        if saving:
            for name, field in self.fields.items():
                field.required = name == "email"
        self.kept = {
            name: pair for name, pair in (draft.stored_files() if draft else {}).items() if name not in self.held
        }
        for name, (stored, original) in self.kept.items():
            self.fields[name].required = False
            self.fields[name].help_text = format_html(
                "{} <strong>{} ({})</strong>. {}",
                _("Kept in your draft:"),
                original,
                filesizeformat(stored.size),
                _("Choose a file here only to replace it."),
            )

    def clean_personal_statement(self):
        if not self.saving:
            return super().clean_personal_statement()
        statement = self.cleaned_data["personal_statement"]
        if len(statement) > DRAFT_TEXT_MAX_CHARS:
            raise forms.ValidationError(
                _("Your statement is too long to save; it may have at most %(limit)d characters.")
                % {"limit": DRAFT_TEXT_MAX_CHARS}
            )
        return statement

    def clean(self):
        # Saving skips ApplicationForm.clean's checks of a finished form, but keeps the held files.
        cleaned = super(ApplicationForm, self).clean() if self.saving else super().clean()
        for name, (stored, original) in self.kept.items():
            if not cleaned.get(name) and name not in self._errors:
                cleaned[name] = _draft_file(stored, original)
        return cleaned

    def draft_data(self):
        """What the draft keeps of this (valid, saving) form, as JSON: the files are kept apart."""
        data = {}
        for name in self.Meta.fields:
            value = self.cleaned_data.get(name)
            data[name] = [item.pk for item in value] if name in ("focus_areas", "projects") else value or ""
        for name in self.fields:
            if name.startswith("referee"):
                data[name] = self.cleaned_data.get(name) or ""
        return data

    def draft_uploads(self):
        """{field: the file chosen in this attempt or held from the last one, or None to keep the draft's}."""
        uploads = {}
        for name in ("cv", "transcript"):
            value = self.cleaned_data.get(name)
            uploads[name] = None if not value or getattr(value, "is_draft_file", False) else value
        return uploads


def _draft_file(stored, original):
    """A file kept in a draft as the services take uploads; checked when it was saved, so not again."""
    opened = File(stored.open("rb"), name=original)
    opened.size = stored.size
    opened.is_held_upload = True  # not held again between two attempts: the draft keeps it
    opened.is_draft_file = True
    opened.checked_kind = "pdf"  # drafts keep only the PDF fields (cv, transcript)
    return opened


class RefereeChangeForm(forms.Form):
    """A referee's details as the student corrects them on the status page."""

    name = forms.CharField(label=_("Name"), max_length=200)
    institution = forms.CharField(label=_("Institution"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), error_messages={"invalid": _("Enter an e-mail address like name@university.edu.")}
    )
