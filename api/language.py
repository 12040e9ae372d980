"""The language of an API answer: the `lang` parameter, else the best match for Accept-Language, else English.

The API sits outside the language prefix of the public pages, where Django's LocaleMiddleware always picks the
default language; API clients name theirs per request instead (and a browser's language cookie is ignored)."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def requested_language(request) -> str:
    asked = request.GET.get("lang", "")
    if asked in LANGUAGE_CODES:
        return asked
    for accepted, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if accepted == "*":
            break
        try:
            return get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE
