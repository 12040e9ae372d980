from django import forms
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH


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
