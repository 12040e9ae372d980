"""Sitemap classes built from what the apps register (portal.registry); the URL that serves them is the
combining layer's."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .registry import registry


class I18nSitemap(Sitemap):
    """Every page in all three languages, each entry listing its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(I18nSitemap):
    changefreq = "weekly"
    extra_sections = ()  # URL names of pages that belong to no app (the home page)

    def items(self):
        return [*self.extra_sections, *registry.sitemap_sections]

    def location(self, item):
        return reverse(item)


class PublicRecordSitemap(I18nSitemap):
    """Records of one model; only what the public pages themselves would show."""

    entry = None

    def items(self):
        queryset = self.entry.model._default_manager.filter(**self.entry.public_filter)
        return queryset.select_related(*self.entry.related).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def registered_sitemaps(*, extra_sections=()):
    """{name: Sitemap class} for django.contrib.sitemaps' view: the sections, then each registered model."""
    sections = type("SectionSitemap", (SectionSitemap,), {"extra_sections": tuple(extra_sections)})
    records = {
        entry.key: type(f"{entry.model.__name__}Sitemap", (PublicRecordSitemap,), {"entry": entry})
        for entry in registry.sitemap_entries
    }
    return {"sections": sections, **records}
