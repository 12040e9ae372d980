"""Who may be picked as a reviewer: active staff allowed to review (the form field and the admin's autocomplete
both narrow to them; portal.scoping narrows further to the picker's colleagues)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

REVIEW_PERMISSION = ("recruitment", "review_application")


def may_review():
    app_label, codename = REVIEW_PERMISSION
    granted = Q(user_permissions__content_type__app_label=app_label, user_permissions__codename=codename) | Q(
        groups__permissions__content_type__app_label=app_label, groups__permissions__codename=codename
    )
    users = get_user_model().objects.filter(Q(is_superuser=True) | granted, is_active=True, is_staff=True)
    return Q(pk__in=users.values("pk"))
