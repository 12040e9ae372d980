"""Site search: one function, whatever the database.

Each app registers its searchable types (portal.registry). PostgreSQL gets weighted full-text search (SearchVector
/ SearchQuery / SearchRank) over stored documents that the apps' migrations keep with triggers on PostgreSQL only;
other databases (SQLite in development) get a plain icontains match on the same fields.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator

from .registry import registry

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
RESULTS_PER_TYPE = 20


def search_types():
    """The searchable kinds of record, in the order the apps registered them (see each app's registrations.py)."""
    return sorted(registry.search_types, key=lambda searchable: searchable.position)


def search_vector(fields):
    """The weighted document; migrations index exactly this expression, so keep the two in step."""
    vector = None
    for field, weight in fields:
        part = SearchVector(field, weight=weight, config=SEARCH_CONFIG)
        vector = part if vector is None else vector + part
    return vector


def uses_full_text_search():
    """PostgreSQL's English full text serves English pages; Chinese has no word boundaries for it to use."""
    return connection.vendor == "postgresql" and get_language() in (None, "en")


def searched_fields(model, field):
    """The columns behind `field` in the language shown: for a translated field, that language's column and the
    English one (which fills in where the translation is empty); otherwise the field itself."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return [field]
    if field not in translated:
        return [field]
    language = (get_language() or "en").replace("-", "_")
    return list(dict.fromkeys([f"{field}_{language}", f"{field}_en"]))


def matches_every_word(model, fields, text):
    """Q: every word of `text` appears (case-insensitively) in one of `fields`, in the language shown."""
    condition = Q()
    for word in text.split():
        any_field = Q()
        for field in fields:
            for column in searched_fields(model, field):
                any_field |= Q(**{f"{column}__icontains": word})
        condition &= any_field
    return condition


def site_search(query):
    """Public records matching `query`, as [(type, results)] in a fixed order, empty types left out."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return []
    grouped = []
    for searchable in search_types():
        queryset = searchable.public_queryset()
        if uses_full_text_search():
            results = _full_text(queryset, searchable.fields, query)
        else:
            results = _contains(queryset, searchable.fields, query)
        results = list(results[:RESULTS_PER_TYPE])
        if results:
            grouped.append((searchable, results))
    return grouped


def _full_text(queryset, fields, query):
    # search_document is the stored, GIN-indexed form of search_vector(fields), kept by a trigger.
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    return (
        queryset.annotate(rank=SearchRank(F("search_document"), search_query))
        .filter(search_document=search_query)
        .order_by("-rank", "pk")
    )


def _contains(queryset, fields, query):
    condition = matches_every_word(queryset.model, [field for field, _weight in fields], query)
    return queryset.filter(condition).order_by("pk")


def create_search_index(schema_editor, model, name, fields):
    """A GIN index over the search document, on PostgreSQL only (called from migrations)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.contrib.postgres.indexes import GinIndex

    schema_editor.add_index(model, GinIndex(search_vector(fields), name=name))


def drop_search_index(schema_editor, model, name):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(schema_editor.sql_delete_index % {"name": schema_editor.quote_name(name), "table": ""})


def install_search_trigger(schema_editor, model, *, fields, index_name, old_index_name):
    """On PostgreSQL: keep model.search_document equal to search_vector(fields) with a trigger, fill it for
    existing rows, and index it (replacing the earlier expression index). Called from migrations."""
    if schema_editor.connection.vendor != "postgresql":
        return
    table = model._meta.db_table
    quote = schema_editor.quote_name
    document = " || ".join(
        f"setweight(to_tsvector('{SEARCH_CONFIG}', coalesce(NEW.{quote(field)}::text, '')), '{weight}')"
        for field, weight in fields
    )
    function = f"{table}_search_document"
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$ "
        f"BEGIN NEW.search_document := {document}; RETURN NEW; END $$ LANGUAGE plpgsql"
    )
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {function} ON {quote(table)}")
    schema_editor.execute(
        f"CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {quote(table)} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()"
    )
    schema_editor.execute(f"UPDATE {quote(table)} SET search_document = {document.replace('NEW.', '')}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {quote(old_index_name)}")
    schema_editor.execute(f"CREATE INDEX {quote(index_name)} ON {quote(table)} USING gin (search_document)")


def remove_search_trigger(schema_editor, model, *, fields, index_name, old_index_name):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = model._meta.db_table
    function = f"{table}_search_document"
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {function} ON {schema_editor.quote_name(table)}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")
    schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index_name)}")
    create_search_index(schema_editor, model, old_index_name, fields)
