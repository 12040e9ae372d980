"""State changes of partner organisations and partnerships that other apps make (an approved alliance member)."""

import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from .models import JointLab, Organisation, Partnership

SLUG_LENGTH = Organisation._meta.get_field("slug").max_length


def _free_organisation_slug(name: str, *, fallback: str) -> str:
    """A slug from the name (Latin letters only, so a Chinese name falls back), numbered if already taken."""
    base = (slugify(name) or slugify(fallback) or "organisation")[: SLUG_LENGTH - 4].strip("-")
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def organisation_create(*, name: str, kind: str, website: str = "", slug_fallback: str = "") -> Organisation:
    """A new partner organisation with a free slug. The name goes into the English column, which every language
    falls back to; staff add the Chinese names in the admin."""
    with translation.override("en"):
        organisation = Organisation(
            name=name,
            kind=kind,
            website=website,
            slug=_free_organisation_slug(name, fallback=slug_fallback),
        )
        organisation.full_clean()
        organisation.save()
    return organisation


@transaction.atomic
def partnership_add(
    *, lab: JointLab, organisation: Organisation, role: str, note: str = "", since: datetime.date | None = None
) -> Partnership:
    """The organisation's partnership with the lab in this role, created if new. An existing one keeps its date
    and gains `note` (e.g. a second alliance it joins) if it does not say it yet."""
    partnership, created = Partnership.objects.select_for_update().get_or_create(
        lab=lab,
        organisation=organisation,
        role=role,
        defaults={"note": note, "since": since or timezone.localdate()},
    )
    if not created and note and note not in partnership.note:
        combined = f"{partnership.note}; {note}" if partnership.note else note
        if len(combined) <= Partnership._meta.get_field("note").max_length:
            partnership.note = combined
            partnership.save(update_fields=["note", "updated_at"])
    return partnership
