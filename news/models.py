from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.images import validate_picture
from portal.models import TimestampedModel
from portal.uploads import RandomUploadName

# Addresses under /news/ that are not articles: an article with one of these slugs could never be reached.
RESERVED_SLUGS = {"feed", "lab"}


def validate_not_reserved(slug):
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is a reserved address; choose another slug.") % {"slug": slug})


class NewsArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def newest_first(self):
        return self.order_by("-published_on", "-pk")


class NewsArticle(TimestampedModel):
    """A press release or news item of a lab, linked to the people, projects and partners it concerns."""

    lab = models.ForeignKey(
        "labs.JointLab", on_delete=models.CASCADE, related_name="news_articles", verbose_name=_("lab")
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, validators=[validate_not_reserved])
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences for lists, feeds and search results.")
    )
    body = models.TextField(_("body"), help_text=_("Plain text; an empty line starts a new paragraph."))
    published_on = models.DateField(_("publication date"), default=timezone.localdate, db_index=True)
    image = models.ImageField(_("image"), upload_to=RandomUploadName("news"), blank=True, validators=[validate_picture])
    image_alt = models.CharField(
        _("image description"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )
    people = models.ManyToManyField("people.Person", blank=True, related_name="news_articles", verbose_name=_("people"))
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="news_articles", verbose_name=_("projects")
    )
    organisations = models.ManyToManyField(
        "labs.Organisation", blank=True, related_name="news_articles", verbose_name=_("partner organisations")
    )
    is_published = models.BooleanField(
        _("published"), default=False, db_index=True, help_text=_("Only published articles appear on the site.")
    )
    # Filled by a PostgreSQL trigger (see the search migration); unused on SQLite, which searches with icontains.
    search_document = SearchVectorField(null=True, editable=False)

    objects = NewsArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_document"])

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        indexes = [models.Index(fields=["is_published", "-published_on"], name="news_published_date_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.image and not (self.image_alt or "").strip():
            raise ValidationError({"image_alt": _("Describe the image for people who cannot see it.")})
