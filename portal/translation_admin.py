"""Staff write Traditional Chinese once and get Simplified Chinese filled in for review.

Every admin of translated content (modeltranslation's TranslationAdmin) mixes in SimplifiedFromTraditionalMixin: on
save, each translated field whose Simplified column is empty while its Traditional column is filled gets the
Traditional text converted with OpenCC's Hong Kong → Simplified table ("hk2s": 軟件 → 软件, 資訊 → 资讯), in the record
and in its translated inlines, and the admin says which fields it filled so staff review them. A field staff wrote
in Simplified is never changed; only empty Simplified fields are filled.

In the browser, static/js/fill-simplified.js adds a "Fill Simplified from Traditional" button to such forms: it
sends the Traditional texts of the empty Simplified fields to this admin's convert address and fills them in, so
staff can review before saving. The save path above is what guarantees the rule; the button is a convenience.
"""

from functools import lru_cache

from django import forms
from django.contrib import messages
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.translator import NotRegistered, translator

TRADITIONAL = "zh_hant"
SIMPLIFIED = "zh_hans"
CONVERT_LIMIT = 100_000  # characters in one request from the fill button; the longest content field is far shorter


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("hk2s")


def simplified_from_traditional(text):
    """Hong Kong Traditional Chinese → Simplified Chinese as written in the mainland (OpenCC "hk2s")."""
    return _converter().convert(text) if text else text


def translated_fields(model):
    """The names of `model`'s fields translated with modeltranslation (title, description, …); none if it has none."""
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def fill_simplified(instance, form=None):
    """Fill each empty Simplified field of `instance` whose Traditional field is filled; returns the labels of the
    fields filled. With a form, only the fields it edits (what staff can see and review)."""
    filled = []
    for field in translated_fields(type(instance)):
        traditional, simplified = f"{field}_{TRADITIONAL}", f"{field}_{SIMPLIFIED}"
        if form is not None and (simplified not in form.fields or traditional not in form.fields):
            continue
        source = getattr(instance, traditional, None)
        if not isinstance(source, str) or not source.strip() or (getattr(instance, simplified, None) or "").strip():
            continue
        setattr(instance, simplified, simplified_from_traditional(source))
        filled.append(str(instance._meta.get_field(field).verbose_name))
    return filled


class SimplifiedFromTraditionalMixin:
    """For a ModelAdmin of translated content (before TranslationAdmin in the bases): see the module docstring."""

    fill_simplified_message = _("%(fields)s filled in from Traditional Chinese: please review the Simplified text.")

    @property
    def media(self):
        return super().media + forms.Media(js=["js/fill-simplified.js"])

    def get_form(self, request, obj=None, change=False, **kwargs):
        """Mark the Simplified inputs for the fill button: where to convert, and what the button says."""
        form = super().get_form(request, obj, change=change, **kwargs)
        url = reverse(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_fill_simplified")
        for field in translated_fields(self.model):
            traditional, simplified = f"{field}_{TRADITIONAL}", f"{field}_{SIMPLIFIED}"
            if simplified in form.base_fields and traditional in form.base_fields:
                form.base_fields[simplified].widget.attrs.update(
                    {
                        "data-fill-simplified-url": url,
                        "data-fill-simplified-from": traditional,
                        "data-fill-simplified-label": gettext("Fill Simplified from Traditional"),
                        "data-fill-simplified-help": gettext(
                            "Fills only the empty Simplified Chinese fields from the Traditional ones; review them "
                            "before saving."
                        ),
                        "data-fill-simplified-done": gettext(
                            "Simplified fields filled: {count}. Review them before saving."
                        ),
                        "data-fill-simplified-failed": gettext(
                            "The conversion is not available now; saving fills the empty Simplified fields anyway."
                        ),
                    }
                )
        return form

    def save_model(self, request, obj, form, change):
        self._simplified_filled(request).extend(fill_simplified(obj, form))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.has_changed() and not getattr(inline_form, "cleaned_data", {}).get("DELETE"):
                filled = fill_simplified(inline_form.instance, inline_form)
                self._simplified_filled(request).extend(
                    f"{inline_form.instance._meta.verbose_name} “{inline_form.instance}”: {label}" for label in filled
                )
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        filled = self._simplified_filled(request)
        if filled:
            messages.warning(request, self.fill_simplified_message % {"fields": ", ".join(dict.fromkeys(filled))})
        request._simplified_filled = []

    @staticmethod
    def _simplified_filled(request):
        if not hasattr(request, "_simplified_filled"):
            request._simplified_filled = []
        return request._simplified_filled

    def get_urls(self):
        return [
            path(
                "fill-simplified/",
                self.admin_site.admin_view(convert_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_fill_simplified",
            ),
            *super().get_urls(),
        ]


@require_POST
def convert_view(request):
    """The fill button's helper: {"text": Traditional} → {"text": Simplified}. Staff only; converts, stores nothing."""
    text = request.POST.get("text", "")
    if len(text) > CONVERT_LIMIT:
        return JsonResponse({"error": gettext("The text is too long to convert.")}, status=400)
    return JsonResponse({"text": simplified_from_traditional(text)})
