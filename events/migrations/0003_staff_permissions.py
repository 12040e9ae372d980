"""The staff groups' permissions on events and registrations, as the roles stood when this migration was written (see
people/roles.py; frozen here, as migrations must not import code that changes later)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
GRANTS = {
    "Portal administrators": {"event": ALL, "registration": ALL, "emailcalendarfile": ALL},
    "Lab managers": {"event": ALL, "registration": ("view", "change")},
    "Content editors": {"event": ALL},  # events are public content; registrations hold personal data
}


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups can hold them.
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group_model, permission_model = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    for group in group_model.objects.filter(name__in=GRANTS):
        for model, actions in GRANTS[group.name].items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *permission_model.objects.filter(content_type__app_label="events", codename__in=codenames)
            )


def revoke(apps, schema_editor):
    permission_model = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(*permission_model.objects.filter(content_type__app_label="events"))


class Migration(migrations.Migration):
    dependencies = [("events", "0002_search_trigger"), ("people", "0005_staff_groups")]

    operations = [migrations.RunPython(grant, revoke)]
