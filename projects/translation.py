from modeltranslation.translator import TranslationOptions, register, translator

from .models import Project


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "image_alt")


# The audit history copies every field of a record, so its historical models carry the translations too.
translator.register(Project.history.model, ProjectTranslation)
