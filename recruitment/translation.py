from modeltranslation.translator import TranslationOptions, register, translator

from .models import Call


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description", "eligibility")


# The audit history copies every field of a record, so its historical models carry the translations too.
translator.register(Call.history.model, CallTranslation)
