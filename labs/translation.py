from modeltranslation.translator import TranslationOptions, register, translator

from .models import FocusArea, JointLab, Organisation, Partnership, Programme


@register(JointLab)
class JointLabTranslation(TranslationOptions):
    fields = ("name", "short_name", "tagline", "summary", "description", "locations")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(FocusArea)
class FocusAreaTranslation(TranslationOptions):
    fields = ("name", "summary", "description")


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("note",)


# The audit history copies every field of a record, so its historical models carry the translations too.
translator.register(JointLab.history.model, JointLabTranslation)
translator.register(Organisation.history.model, OrganisationTranslation)
translator.register(FocusArea.history.model, FocusAreaTranslation)
translator.register(Programme.history.model, ProgrammeTranslation)
translator.register(Partnership.history.model, PartnershipTranslation)
