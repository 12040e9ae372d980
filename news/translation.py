from modeltranslation.translator import TranslationOptions, register, translator

from .models import NewsArticle


@register(NewsArticle)
class NewsArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt")


# The audit history copies every field of a record, so its historical models carry the translations too.
translator.register(NewsArticle.history.model, NewsArticleTranslation)
