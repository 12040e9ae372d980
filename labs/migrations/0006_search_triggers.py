"""Stored search documents on PostgreSQL: a trigger keeps them, a GIN index serves them (SQLite: no-op)."""

from django.db import migrations

from portal.search import install_search_trigger, remove_search_trigger

DOCUMENTS = [
    (
        "JointLab",
        "jointlab_search_doc_idx",
        "jointlab_search_idx",
        (("name", "A"), ("short_name", "A"), ("tagline", "B"), ("summary", "B")),
    ),
    (
        "FocusArea",
        "focusarea_search_doc_idx",
        "focusarea_search_idx",
        (("name", "A"), ("summary", "B"), ("description", "C")),
    ),
    (
        "Organisation",
        "organisation_search_doc_idx",
        "organisation_search_idx",
        (("name", "A"), ("short_name", "A"), ("description", "C")),
    ),
]


def install(apps, schema_editor):
    for model_name, index_name, old_index_name, fields in DOCUMENTS:
        model = apps.get_model("labs", model_name)
        install_search_trigger(
            schema_editor, model, fields=fields, index_name=index_name, old_index_name=old_index_name
        )


def remove(apps, schema_editor):
    for model_name, index_name, old_index_name, fields in DOCUMENTS:
        model = apps.get_model("labs", model_name)
        remove_search_trigger(schema_editor, model, fields=fields, index_name=index_name, old_index_name=old_index_name)


class Migration(migrations.Migration):
    dependencies = [("labs", "0005_search_document")]

    operations = [migrations.RunPython(install, remove)]
