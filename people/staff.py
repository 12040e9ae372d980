"""Onboarding staff: one path for the add_staff command (and anything else that creates staff accounts)."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from labs.models import JointLab

from .models import StaffLabAccess
from .roles import GROUP_NAMES, LAB_SCOPED_ROLES


class StaffSetupError(Exception):
    pass


@transaction.atomic
def staff_add(*, email, role, lab_slugs=(), password_env=None):
    """Create or update the staff account for `email` with exactly this role and these labs.
    Returns (user, created, password_set_url or None)."""
    try:
        validate_email(email)
    except ValidationError as error:
        raise StaffSetupError(f"{email!r} is not an e-mail address.") from error
    if role not in GROUP_NAMES:
        raise StaffSetupError(f"Unknown role {role!r}; choose one of {', '.join(GROUP_NAMES)}.")
    labs = list(JointLab.objects.filter(slug__in=lab_slugs))
    missing = sorted(set(lab_slugs) - {lab.slug for lab in labs})
    if missing:
        raise StaffSetupError(f"No lab with the slug {', '.join(missing)}.")
    if role in LAB_SCOPED_ROLES and not labs:
        raise StaffSetupError(f"The {role} role needs at least one lab: add --lab SLUG.")

    user_model = get_user_model()
    email = email.strip().lower()
    user, created = user_model.objects.get_or_create(username=email, defaults={"email": email})
    user.email = email
    user.is_staff = True
    user.is_active = True
    user.is_superuser = False
    password_url = None
    if password_env:
        password = os.environ.get(password_env, "")
        if not password:
            raise StaffSetupError(f"The environment variable {password_env} is empty or not set.")
        user.set_password(password)
    elif created or not user.has_usable_password():
        user.set_unusable_password()
    user.save()
    if not password_env and (created or not user.has_usable_password()):
        password_url = password_set_url(user)
    user.groups.set([Group.objects.get(name=GROUP_NAMES[role])])
    StaffLabAccess.objects.filter(user=user).exclude(lab__in=labs).delete()
    for lab in labs:
        StaffLabAccess.objects.get_or_create(user=user, lab=lab)
    return user, created, password_url


def password_set_url(user):
    """A one-time link (Django's password-reset token) valid for PASSWORD_RESET_TIMEOUT."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL}{path}"
