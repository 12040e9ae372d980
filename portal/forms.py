from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH
from .uploads import FILE_KINDS, check_deadline, validate_upload


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the portal"),
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Labs, projects, people, partners…")}),
        error_messages={
            "required": _("Type a word to search for."),
            "max_length": _("Keep the search under %(limit_value)d characters."),
        },
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ValidatedFilesField(forms.FileField):
    """Several uploads in one input, each checked by content and size; cleans to [(file, kind), …]."""

    def __init__(self, *, allowed, max_files, **kwargs):
        self.allowed = allowed
        self.max_files = max_files
        accept = ",".join(ext for kind in allowed for ext in FILE_KINDS[kind].extensions)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not files:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise forms.ValidationError(
                _("Attach at most %(max)d files; you chose %(count)d.") % {"max": self.max_files, "count": len(files)},
                code="too_many",
            )
        cleaned, errors = [], []
        deadline = check_deadline()  # the files of one field share the time a check may take
        for uploaded in files:
            try:
                cleaned.append((uploaded, validate_upload(uploaded, allowed=self.allowed, deadline=deadline)))
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class HoneypotField(forms.CharField):
    """A field people never see or fill; software that fills every field gives itself away."""

    def __init__(self, **kwargs):
        kwargs.update(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        super().__init__(**kwargs)


class ValidatedFileField(forms.FileField):
    """One upload checked by content and size (see portal.uploads)."""

    def __init__(self, *, allowed, **kwargs):
        self.allowed = allowed
        accept = ",".join(ext for kind in allowed for ext in FILE_KINDS[kind].extensions)
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": accept}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded:
            validate_upload(uploaded, allowed=self.allowed)
        return uploaded


def count_words(text):
    return len((text or "").split())


class FastSelect(forms.Select):
    """A <select> whose options are built in Python rather than one template render each: the public filter
    lists (200 partner organisations) render in microseconds instead of milliseconds. No option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, mark_safe(" selected") if str(option_value) in selected else "", label)
                for option_value, label in self.choices
            ),
        )
        attributes = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attributes), options)


class ConsentField(forms.BooleanField):
    """Agreement to the privacy notice, linked from its label; required."""

    def __init__(self, *, agreement, refusal, **kwargs):
        def label():
            return format_html('{} <a href="{}">{}</a>', _("I have read the"), reverse("privacy"), agreement)

        kwargs.update(label=lazy(label, str)(), error_messages={"required": refusal})
        super().__init__(**kwargs)
