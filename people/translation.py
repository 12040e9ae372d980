from modeltranslation.translator import TranslationOptions, register, translator

from .models import Person


@register(Person)
class PersonTranslation(TranslationOptions):
    # What a person's page says about them reads in the visitor's language; the name stays as the person writes
    # it (chinese_name holds the Chinese one).
    fields = ("position", "short_bio")


# The audit history copies every field of a record, so its historical models carry the translations too.
translator.register(Person.history.model, PersonTranslation)
