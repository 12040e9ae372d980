from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class I18nSitemap(Sitemap):
    """Every page in all three languages, each entry listing its hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "labs:lab_list",
            "labs:focus_area_list",
            "projects:project_list",
            "people:person_list",
            "labs:organisation_list",
            "people:call_list",
        ]

    def location(self, item):
        return reverse(item)


class PublicRecordSitemap(I18nSitemap):
    """Records of one model; only what the public pages themselves would show."""

    model = None  # "app_label.ModelName"
    public_filter = {}
    select_related = ()

    def items(self):
        queryset = apps.get_model(self.model).objects.filter(**self.public_filter)
        return queryset.select_related(*self.select_related).order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def portal_sitemaps():
    def record(model, public_filter=None, select_related=()):
        return type(
            f"{model.split('.')[1]}Sitemap",
            (PublicRecordSitemap,),
            {"model": model, "public_filter": public_filter or {}, "select_related": select_related},
        )

    return {
        "sections": SectionSitemap,
        "labs": record("labs.JointLab"),
        "focus-areas": record("labs.FocusArea", select_related=("lab",)),
        "partners": record("labs.Organisation"),
        "programmes": record("labs.Programme", select_related=("lab",)),
        "people": record("people.Person", {"is_public": True}),
        "calls": record("people.Call", {"is_published": True}),
        "projects": record("projects.Project", {"is_public": True}, ("lab",)),
    }
