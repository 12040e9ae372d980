"""GIN indexes over the site-search documents; PostgreSQL only (SQLite searches with icontains)."""

from django.db import migrations

from portal.search import create_search_index, drop_search_index

INDEXES = [
    ("JointLab", "jointlab_search_idx", (("name", "A"), ("short_name", "A"), ("tagline", "B"), ("summary", "B"))),
    ("FocusArea", "focusarea_search_idx", (("name", "A"), ("summary", "B"), ("description", "C"))),
    ("Organisation", "organisation_search_idx", (("name", "A"), ("short_name", "A"), ("description", "C"))),
]


def create(apps, schema_editor):
    for model_name, index_name, fields in INDEXES:
        create_search_index(schema_editor, apps.get_model("labs", model_name), index_name, fields)


def drop(apps, schema_editor):
    for model_name, index_name, _fields in INDEXES:
        drop_search_index(schema_editor, apps.get_model("labs", model_name), index_name)


class Migration(migrations.Migration):
    dependencies = [("labs", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
