"""Stored search documents on PostgreSQL: a trigger keeps them, a GIN index serves them (SQLite: no-op)."""

from django.db import migrations

from portal.search import install_search_trigger, remove_search_trigger

DOCUMENTS = [
    (
        "Person",
        "person_search_doc_idx",
        "person_search_idx",
        (("name", "A"), ("chinese_name", "A"), ("position", "B"), ("short_bio", "C")),
    ),
]


def install(apps, schema_editor):
    for model_name, index_name, old_index_name, fields in DOCUMENTS:
        model = apps.get_model("people", model_name)
        install_search_trigger(
            schema_editor, model, fields=fields, index_name=index_name, old_index_name=old_index_name
        )


def remove(apps, schema_editor):
    for model_name, index_name, old_index_name, fields in DOCUMENTS:
        model = apps.get_model("people", model_name)
        remove_search_trigger(schema_editor, model, fields=fields, index_name=index_name, old_index_name=old_index_name)


class Migration(migrations.Migration):
    dependencies = [("people", "0008_search_document")]

    operations = [migrations.RunPython(install, remove)]
