"""Which articles the public sees and which a staff account may manage: one set of rules for the pages, the
feeds, the admin and the page sections other apps' pages show."""

from django.db.models import Q, QuerySet

from portal.scoping import restrict_to_labs

from .models import NewsArticle

LATEST_ON_PAGES = 3  # articles on a lab's, person's or project's page


def articles_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    queryset = NewsArticle.objects.all() if queryset is None else queryset
    return restrict_to_labs(queryset, user, lambda lab_ids: Q(lab__in=lab_ids))


def published_articles(*, lab=None) -> QuerySet:
    """Published articles, newest first, each with its lab (named on every card)."""
    articles = NewsArticle.objects.published().select_related("lab").newest_first()
    return articles if lab is None else articles.filter(lab=lab)


def latest_articles(*, lab=None, person=None, project=None, limit=LATEST_ON_PAGES) -> list[NewsArticle]:
    """The newest published articles of a lab, or naming a person or a project: one query."""
    articles = published_articles()
    if lab is not None:
        articles = articles.filter(lab=lab)
    if person is not None:
        articles = articles.filter(people=person)
    if project is not None:
        articles = articles.filter(projects=project)
    return list(articles[:limit])
