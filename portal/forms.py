import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import held_uploads
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
            uploaded.checked_kind = validate_upload(uploaded, allowed=self.allowed)  # kept if the form fails
        return uploaded


# Chinese ideographs (the basic block, extension A, compatibility ideographs, 〇, and extensions B–H): each is a word.
# static/js/word-count.js uses the same ranges, so the live counter and the server agree.
CJK_IDEOGRAPHS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CJK_IDEOGRAPH = re.compile(f"[{CJK_IDEOGRAPHS}]")
WORD_TOKENS = re.compile(f"[{CJK_IDEOGRAPHS}]|[^\\s{CJK_IDEOGRAPHS}]+")
WORD_RULE = _("each Chinese character counts as a word")


def count_words(text):
    """Words as a limit counts them in any of the site's languages: a run of letters or digits between spaces is one
    word ("well-known", "2027"), each Chinese character is one word (Chinese is written without spaces, so a
    4,000-character statement is 4,000 words, not 1), and punctuation on its own (，。— “”) is none."""
    return sum(
        1
        for token in WORD_TOKENS.findall(text or "")
        if CJK_IDEOGRAPH.fullmatch(token) or any(character.isalnum() for character in token)
    )


@deconstructible
class WordLimitValidator:
    """Refuses text of more than `limit` words as count_words counts them, saying how it counted."""

    def __init__(self, limit):
        self.limit = limit

    def __call__(self, value):
        words = count_words(value)
        if words > self.limit:
            raise ValidationError(
                _("This text has %(words)d words (%(rule)s); the limit is %(limit)d. Please shorten it."),
                code="word_limit",
                params={"words": words, "limit": self.limit, "rule": WORD_RULE},
            )

    def __eq__(self, other):
        return isinstance(other, WordLimitValidator) and other.limit == self.limit


class ConsentField(forms.BooleanField):
    """Agreement to the privacy notice, linked from its label; required."""

    def __init__(self, *, agreement, refusal, **kwargs):
        def label():
            return format_html('{} <a href="{}">{}</a>', _("I have read the"), reverse("privacy"), agreement)

        kwargs.update(label=lazy(label, str)(), error_messages={"required": refusal})
        super().__init__(**kwargs)


class CountedLengthMixin:
    """Fields with a length limit show a live counter (static/js/forms.js) and refuse overlong text with a message,
    instead of the browser's maxlength cutting pasted text off without a word."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            limit = getattr(field, "max_length", None)
            if limit and not field.widget.is_hidden:
                field.widget.attrs.pop("maxlength", None)
                field.widget.attrs["data-max-chars"] = limit
                field.widget.attrs["data-count-template"] = _("{count} of {limit} characters")


class KeepsFilesMixin:
    """Files that passed their checks survive an error on another field (portal.held_uploads): the next attempt
    uses them unless new ones are chosen, and the form lists them as kept. Set `held_form_name` per form."""

    held_form_name = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_files"] = forms.CharField(required=False, widget=forms.HiddenInput)
        value = self.data.get(self.add_prefix("held_files"), "") if self.is_bound else ""
        self.held = held_uploads.find(value, form_name=self.held_form_name) if value else {}
        self.held = {name: records for name, records in self.held.items() if name in self._file_fields()}
        for name, records in self.held.items():
            self.fields[name].required = False
            self._describe_kept(name, records)

    def _file_fields(self):
        return [
            name for name, field in self.fields.items() if isinstance(field, ValidatedFilesField | ValidatedFileField)
        ]

    def _describe_kept(self, name, records):
        listed = ", ".join(f"{record.original_name} ({filesizeformat(record.size)})" for record in records)
        self.fields[name].help_text = format_html(
            "{} <strong>{}</strong>. {}",
            _("Kept from your last attempt:"),
            listed,
            _("Choose files here only to replace them."),
        )
        if name in self._bound_fields_cache:  # a bound field copies its help text when made (during cleaning)
            self._bound_fields_cache[name].help_text = self.fields[name].help_text

    def clean(self):
        cleaned = super().clean()
        for name, records in self.held.items():
            if not cleaned.get(name) and name not in self._errors:
                uploads = [(held_uploads.as_upload(record), record.kind) for record in records]
                multiple = isinstance(self.fields[name], ValidatedFilesField)
                cleaned[name] = uploads if multiple else uploads[0][0]
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self._errors:
            self.keep_files_for_next_attempt()

    def keep_files_for_next_attempt(self):
        """Hold the checked files this attempt brought and carry their keys, signed, to the next one."""
        kept = []
        for name in self._file_fields():
            value = self.cleaned_data.get(name) if hasattr(self, "cleaned_data") else None
            held_before = self.held.get(name, [])
            if not value:
                kept += held_before
                continue
            uploads = value if isinstance(self.fields[name], ValidatedFilesField) else [(value, value.checked_kind)]
            fresh = [(uploaded, kind) for uploaded, kind in uploads if not _is_held(uploaded)]
            if not fresh:
                kept += held_before
                continue
            if not held_uploads.has_room_for(fresh):
                self._ask_to_choose_again(name, fresh)
                continue
            records = held_uploads.hold(fresh, form_name=self.held_form_name, field_name=name)
            self.held[name] = records
            self._describe_kept(name, records)
            kept += records
        if kept:
            self.data = self.data.copy()
            self.data[self.add_prefix("held_files")] = held_uploads.sign(kept, form_name=self.held_form_name)

    def _ask_to_choose_again(self, name, uploads):
        listed = ", ".join(uploaded.name for uploaded, _kind in uploads)
        self.fields[name].help_text = format_html(
            "{} <strong>{}</strong>", _("These files could not be kept: please choose them again:"), listed
        )
        if name in self._bound_fields_cache:
            self._bound_fields_cache[name].help_text = self.fields[name].help_text

    def held_files_used(self):
        """The held records this (valid) form's submission took: release them once it is saved."""
        return [
            record
            for name, records in self.held.items()
            if _any_held(self.cleaned_data.get(name))
            for record in records
        ]


def _is_held(uploaded):
    return getattr(uploaded, "is_held_upload", False)


def _any_held(value):
    uploads = value if isinstance(value, list) else [(value, None)] if value else []
    return any(_is_held(uploaded) for uploaded, _kind in uploads)


class MessageForm(CountedLengthMixin, forms.Form):
    """A message of a conversation (portal.conversation), with up to three files checked like the forms' files."""

    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a message before sending it.")},
    )
    files = ValidatedFilesField(label=_("Files"), required=False, allowed=("pdf",), max_files=3)

    def __init__(self, *args, allowed_files, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].max_length = settings.MESSAGE_MAX_LENGTH
        self.fields["body"].validators.append(MaxLengthValidator(settings.MESSAGE_MAX_LENGTH))
        self.fields["body"].widget.attrs.update(
            {"data-max-chars": settings.MESSAGE_MAX_LENGTH, "data-count-template": _("{count} of {limit} characters")}
        )
        files = ValidatedFilesField(
            label=_("Files"),
            required=False,
            allowed=allowed_files,
            max_files=3,
            help_text=_("Optional: up to 3 files, at most 10 MB each."),
        )
        self.fields["files"] = files


class StaffMessageForm(MessageForm):
    ask_for_information = forms.BooleanField(
        label=_("Ask formally for information: the record waits for the answer"),
        required=False,
        help_text=_("The submitter's page explains what is asked; a reminder goes out if no answer comes."),
    )
