"""Atom feeds of the published news: all of it, and each lab's, in the language of the address."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from labs.models import JointLab

from .selectors import published_articles

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Joint Lab Portal news")

    def subtitle(self):
        return _("News from the university–industry joint labs in Hong Kong and the Greater Bay Area.")

    def link(self):
        return reverse("news:article_list")

    def items(self):
        return published_articles()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_pubdate(self, article):
        # An article has a publication day, not a time: the start of that day in Hong Kong.
        return timezone.make_aware(datetime.datetime.combine(article.published_on, datetime.time.min))

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.lab.name

    def item_categories(self, article):
        return [article.lab.display_name]


class LabNewsFeed(LatestNewsFeed):
    def get_object(self, request, lab_slug):
        return get_object_or_404(JointLab, slug=lab_slug)

    def title(self, lab):
        return _("News from %(lab)s") % {"lab": lab.name}

    def subtitle(self, lab):
        return lab.tagline or lab.summary

    def link(self, lab):
        return reverse("news:lab_article_list", kwargs={"lab_slug": lab.slug})

    def items(self, lab):
        return published_articles(lab=lab)[:FEED_LENGTH]
