"""The four staff groups with their permissions, as the roles stood when this migration was written.

Migrations must not import live code that changes later (people/roles.py now names the challenges and recruitment
apps, which did not exist yet at this point of the history), so the table is frozen here. Permissions follow their
content types when models move between apps, so the groups keep exactly these grants."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAMES = {
    "admin": "Portal administrators",
    "lab_manager": "Lab managers",
    "reviewer": "Reviewers",
    "editor": "Content editors",
}
ALL = ("add", "change", "delete", "view")
PUBLIC_CONTENT = {
    "labs.jointlab": ("view", "change"),
    "labs.focusarea": ALL,
    "labs.programme": ALL,
    "labs.partnership": ALL,
    "labs.organisation": ("add", "change", "view"),
    "people.person": ("add", "change", "view"),
    "people.labrole": ALL,
    "people.call": ("add", "change", "view"),
    "projects.project": ALL,
    "projects.projectmember": ALL,
}
ROLE_PERMISSIONS = {
    "admin": "everything",
    "lab_manager": {
        **PUBLIC_CONTENT,
        "projects.challengerequest": ("view", "change"),
        "people.application": ("view", "change"),
        "people.review": ("view",),
        "custom": ("people.triage_application",),
    },
    "reviewer": {
        "people.application": ("view",),
        "people.review": ("add", "change", "view"),
        "custom": ("people.review_application",),
    },
    "editor": PUBLIC_CONTENT,
}
PORTAL_APPS = ("labs", "people", "projects", "portal", "auth", "axes")


def sync_groups(group_model, permission_model):
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


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_staff_lab_access"),
        ("projects", "0003_challengerequest_challengeattachment_and_more"),
        ("portal", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
