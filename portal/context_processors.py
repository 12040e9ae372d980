from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.encoding import iri_to_uri
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, override

# BCP 47 tags for `lang` and `hreflang`: the Traditional site is written the Hong Kong way. OpenGraph wants its own
# territory form.
LANGUAGE_TAGS = {"en": "en", "zh-hant": "zh-Hant-HK", "zh-hans": "zh-Hans"}
OPENGRAPH_LOCALES = {"en": "en_US", "zh-hant": "zh_HK", "zh-hans": "zh_CN"}


def languages(request):
    """The same page in every language, for the switcher and hreflang links."""
    current = get_language()
    addresses = {code: same_page_in(code, request) for code, _name in settings.LANGUAGES}
    alternates = [
        {
            "code": code,
            "tag": LANGUAGE_TAGS.get(code, code),
            "name": name,
            "url": addresses[code],
            "is_current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_alternates": alternates,
        "language_tag": LANGUAGE_TAGS.get(current, current),
        "opengraph_locale": OPENGRAPH_LOCALES.get(current, "en_US"),
        "opengraph_alternate_locales": [OPENGRAPH_LOCALES[code] for code in OPENGRAPH_LOCALES if code != current],
        "default_language_url": addresses.get(settings.LANGUAGE_CODE) or same_page_in(settings.LANGUAGE_CODE, request),
    }


def same_page_in(language, request):
    """This page's address in `language`, always a path on this site. The address asked for is the visitor's (or
    whoever wrote the link they followed): `//evil.example/x` or `/\\evil.example` would make the links of its 404
    page lead off-site, so an address that does not resolve leads to the language's home page instead.

    What translate_url does, from the match Django already made for this request (it resolved the address again for
    every language: a third of the frame's time)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return home_page_in(language)
    with override(language):
        try:
            translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            translated = request.path
    query = request.META.get("QUERY_STRING", "")
    translated = f"{translated}?{iri_to_uri(query)}" if query else translated
    return translated if is_same_site_path(translated) else home_page_in(language)


def home_page_in(language):
    # Public addresses carry their language as a prefix, except the default language's (portal/urls.py).
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def is_same_site_path(url):
    return url.startswith("/") and not url.startswith("//") and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
