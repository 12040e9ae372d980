from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def languages(request):
    """The same page in every language, for the switcher and hreflang links."""
    current = get_language()
    alternates = [
        {
            "code": code,
            "name": name,
            "url": translate_url(request.get_full_path(), code),
            "is_current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {"language_alternates": alternates}
