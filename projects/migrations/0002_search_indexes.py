"""GIN indexes over the site-search documents; PostgreSQL only (SQLite searches with icontains)."""

from django.db import migrations

from portal.search import create_search_index, drop_search_index

INDEXES = [
    ("Project", "project_search_idx", (("title", "A"), ("keywords", "A"), ("summary", "B"), ("description", "C"))),
]


def create(apps, schema_editor):
    for model_name, index_name, fields in INDEXES:
        create_search_index(schema_editor, apps.get_model("projects", model_name), index_name, fields)


def drop(apps, schema_editor):
    for model_name, index_name, _fields in INDEXES:
        drop_search_index(schema_editor, apps.get_model("projects", model_name), index_name)


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
