from modeltranslation.translator import TranslationOptions, register, translator

from .models import AlliancePage


@register(AlliancePage)
class AlliancePageTranslation(TranslationOptions):
    fields = ("members_do", "members_get")


# The audit history copies every field of a record, so its historical model carries the translations too.
translator.register(AlliancePage.history.model, AlliancePageTranslation)
