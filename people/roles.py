"""The staff roles: one group each, with its permissions. Applied by a data migration and by add_staff."""

from django.utils.translation import gettext_lazy as _

ADMIN = "admin"
LAB_MANAGER = "lab_manager"
REVIEWER = "reviewer"
EDITOR = "editor"

GROUP_NAMES = {
    ADMIN: "Portal administrators",
    LAB_MANAGER: "Lab managers",
    REVIEWER: "Reviewers",
    EDITOR: "Content editors",
}
ROLE_LABELS = {
    ADMIN: _("portal administrator"),
    LAB_MANAGER: _("lab manager"),
    REVIEWER: _("reviewer"),
    EDITOR: _("content editor"),
}
# Roles whose records are limited to the labs given with --lab.
LAB_SCOPED_ROLES = {LAB_MANAGER, EDITOR}

ALL = ("add", "change", "delete", "view")
PUBLIC_CONTENT = {
    "labs.jointlab": ("view", "change"),
    "labs.focusarea": ALL,
    "labs.programme": ALL,
    "labs.partnership": ALL,
    "labs.organisation": ("add", "change", "view"),
    "people.person": ("add", "change", "view"),
    "people.labrole": ALL,
    "recruitment.call": ("add", "change", "view"),
    "projects.project": ALL,
    "projects.projectmember": ALL,
    "alliances.alliancepage": ALL,
    "news.newsarticle": ALL,
    "events.event": ALL,
}

# app_label.model -> actions; "app_label.codename" entries are custom permissions.
ROLE_PERMISSIONS = {
    ADMIN: "everything",
    LAB_MANAGER: {
        **PUBLIC_CONTENT,
        "challenges.challengerequest": ("view", "change"),
        "alliances.membershipapplication": ("view", "change"),
        "recruitment.application": ("view", "change"),
        "recruitment.review": ("view",),
        "events.registration": ("view", "change"),
        "custom": ("recruitment.triage_application",),
    },
    REVIEWER: {
        "recruitment.application": ("view",),
        "recruitment.review": ("add", "change", "view"),
        "custom": ("recruitment.review_application",),
    },
    EDITOR: PUBLIC_CONTENT,
}
PORTAL_APPS = (
    "labs",
    "people",
    "projects",
    "news",
    "events",
    "challenges",
    "recruitment",
    "alliances",
    "portal",
    "auth",
    "axes",
)


def sync_groups(group_model, permission_model):
    """Create or update the four groups so they hold exactly their role's permissions."""
    for role, name in GROUP_NAMES.items():
        group, _created = group_model.objects.get_or_create(name=name)
        spec = ROLE_PERMISSIONS[role]
        if spec == "everything":
            permissions = permission_model.objects.filter(content_type__app_label__in=PORTAL_APPS)
        else:
            permissions = []
            for key, actions in spec.items():
                if key == "custom":
                    for dotted in actions:
                        app_label, codename = dotted.split(".")
                        permissions.append(
                            permission_model.objects.get(content_type__app_label=app_label, codename=codename)
                        )
                    continue
                app_label, model = key.split(".")
                for action in actions:
                    permissions.append(
                        permission_model.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
                    )
        group.permissions.set(permissions)
