from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from labs.admin import AUDIT_FIELDS
from portal.admin import flag_action
from portal.scoping import LabScopedAdminMixin
from portal.translation_admin import SimplifiedFromTraditionalMixin
from portal.uploads import validate_upload

from .models import NewsArticle
from .selectors import articles_visible_to
from .services import articles_set_published


class NewsArticleForm(forms.ModelForm):
    class Meta:
        model = NewsArticle
        fields = ["image", "image_alt"]  # the admin adds the fields of its fieldsets

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):  # a new upload: checked by content like every other file
            validate_upload(image, allowed=("png", "jpeg"))
        return image


@admin.register(NewsArticle)
class NewsArticleAdmin(LabScopedAdminMixin, SimplifiedFromTraditionalMixin, TranslationAdmin, SimpleHistoryAdmin):
    def visible_to(self, user, queryset):
        return articles_visible_to(user, queryset)

    form = NewsArticleForm
    list_display = ["title", "lab", "published_on", "is_published"]
    list_filter = ["is_published", "lab"]
    search_fields = ["title", "summary", "lab__name"]
    autocomplete_fields = ["lab", "people", "projects", "organisations"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["lab"]
    date_hierarchy = "published_on"
    readonly_fields = AUDIT_FIELDS
    fieldsets = [
        (None, {"fields": ["lab", "title", "slug", "published_on", "is_published"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Linked to"), {"fields": ["people", "projects", "organisations"]}),
        (_("Audit"), {"fields": AUDIT_FIELDS, "classes": ["collapse"]}),
    ]
    actions = [
        flag_action(
            articles_set_published,
            True,
            description=_("Publish the selected articles"),
            done_message=_("%(count)d articles published."),
        ),
        flag_action(
            articles_set_published,
            False,
            description=_("Take the selected articles off the site"),
            done_message=_("%(count)d articles taken off the site."),
        ),
    ]
