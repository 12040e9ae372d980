from modeltranslation.translator import TranslationOptions, register, translator

from .models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "venue")


# The audit history copies every field of a record, so its historical models carry the translations too.
translator.register(Event.history.model, EventTranslation)
