"""The staff groups' rights over the new models, as the roles stood when this migration was written (frozen here:
a migration must not import live code that changes later; people/roles.py holds the same grants).

Lab managers review their labs' membership applications and, like content editors, edit their alliances' pages;
portal administrators get everything, as for every portal app."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
GRANTS = {
    "Portal administrators": {"alliancepage": ALL, "membershipapplication": ALL},
    "Lab managers": {"alliancepage": ALL, "membershipapplication": ("view", "change")},
    "Content editors": {"alliancepage": ALL},
}


def _permissions(apps, models_actions):
    permission_model = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in models_actions.items() for action in actions]
    return permission_model.objects.filter(content_type__app_label="alliances", codename__in=codenames)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so the groups can hold them.
    app_config = apps.get_app_config("alliances")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    for name, models_actions in GRANTS.items():
        group = group_model.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*_permissions(apps, models_actions))


def revoke(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name, models_actions in GRANTS.items():
        group = group_model.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*_permissions(apps, models_actions))


class Migration(migrations.Migration):
    dependencies = [
        ("alliances", "0001_initial"),
        ("people", "0005_staff_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
