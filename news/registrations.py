"""What news contributes to the portal kernel (see portal/registry.py): published articles are public content,
searchable, in the sitemap, and shown on the pages of the labs, people and projects they concern."""

from django.utils.translation import gettext_lazy as _

from labs.models import JointLab
from people.models import Person
from portal.registry import (
    PageSection,
    SearchType,
    SitemapEntry,
    register_lab_owned,
    register_page_section,
    register_public_models,
    register_search_type,
    register_sitemap,
)
from projects.models import Project

from .models import NewsArticle
from .selectors import latest_articles

register_search_type(
    SearchType(
        "news",
        _("News"),
        NewsArticle,
        (("title", "A"), ("summary", "B"), ("body", "C")),
        {"is_published": True},
        position=60,
    )
)
register_sitemap(
    sections=["news:article_list"],
    entries=[SitemapEntry("news", NewsArticle, {"is_published": True})],
)
register_public_models(NewsArticle)
register_lab_owned(NewsArticle, "lab")

LATEST_NEWS = "news/includes/latest_news.html"
LAB_NEWS = "news/includes/lab_news.html"
register_page_section(PageSection("lab-news", JointLab, LAB_NEWS, lambda lab: latest_articles(lab=lab), 20))
register_page_section(PageSection("person-news", Person, LATEST_NEWS, lambda person: latest_articles(person=person)))
register_page_section(
    PageSection("project-news", Project, LATEST_NEWS, lambda project: latest_articles(project=project))
)
