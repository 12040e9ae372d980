"""Site search: one function, whatever the database.

Each app registers its searchable types (portal.registry). English queries on PostgreSQL get weighted full-text
search (SearchVector / SearchQuery / SearchRank) over stored documents that the apps' migrations keep with triggers
on PostgreSQL only. Everything else — any query on SQLite, and Chinese on both — is cut into words (Chinese with
jieba), each word looked for in both Chinese scripts, every word required, and ranked in SQL by the weight of the
fields it was found in. A type may put some records first in its group (open calls).
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator

from .ranking import text as ranking_text
from .registry import registry

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
RESULTS_PER_TYPE = 20
MAX_WORDS = 8
WEIGHT_POINTS = {"A": 8, "B": 4, "C": 2, "D": 1}
CHINESE = re.compile(f"[{ranking_text.CJK}]")
WORD = re.compile(rf"[{ranking_text.CJK}]+|[^\s{ranking_text.CJK}]+")


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


def uses_full_text_search(query=""):
    """PostgreSQL's English full text serves English pages and queries; Chinese has no word boundaries for it."""
    return connection.vendor == "postgresql" and get_language() in (None, "en") and not CHINESE.search(query)


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


def _word_columns(model, field, variants):
    """[(column, spellings)] where one word (in its spellings) is looked for in `field`. A Chinese word is looked
    for in both Chinese columns, each in its own script; any other word in the columns of the language shown."""
    if not CHINESE.search(variants[0]) or searched_fields(model, field) == [field]:
        return [(column, variants) for column in searched_fields(model, field)]
    simplified, traditional = ranking_text.fold(variants[0]), variants[-1]
    return [(f"{field}_zh_hans", [simplified]), (f"{field}_zh_hant", list({variants[0], traditional}))]


def _word_found(model, field, variants):
    """Q: one word (in its spellings) is in `field`."""
    found = Q()
    for column, spellings in _word_columns(model, field, variants):
        for spelling in spellings:
            found |= Q(**{f"{column}__icontains": spelling})
    return found


def query_words(text):
    """The words to look for, each with the spellings that count as the same word: Chinese cut into words and
    written in both scripts ("實驗室" and "实验室"), other words as typed (a contains-match finds longer forms)."""
    words = []
    for token in WORD.findall((text or "").strip()):
        if not CHINESE.search(token):
            token = re.sub(r"^[\W_]+|[\W_]+$", "", token).lower()  # punctuation around a word is not part of it
            if token:
                words.append([token])
            continue
        folded = ranking_text.fold(token)
        for word in ranking_text.segment(folded):
            if word not in ranking_text.STOPWORDS or len(folded) == len(word):
                words.append(ranking_text.script_variants(word))
    return words[:MAX_WORDS]


def matches_every_word(model, fields, text):
    """Q: every word of `text` appears (case-insensitively, in either Chinese script) in one of `fields`."""
    condition = Q()
    for variants in query_words(text):
        any_field = Q()
        for field in fields:
            any_field |= _word_found(model, field, variants)
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
        # Types without a stored document (calls, programmes: few rows) are matched word by word everywhere.
        stored = any(field.name == "search_document" for field in searchable.model._meta.get_fields())
        if stored:
            # The stored document is for the database to match and rank; carried back with each row it was the
            # largest column read.
            queryset = queryset.defer("search_document")
        if stored and uses_full_text_search(query):
            results = _full_text(queryset, searchable.fields, query)
        else:
            results = _contains(queryset, searchable.fields, query)
        if searchable.first is not None:
            first = ExpressionWrapper(searchable.first(), output_field=BooleanField())
            results = results.annotate(shown_first=first).order_by("-shown_first", *results.query.order_by)
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
    """Every word required; ranked by where the words were found (a title outweighs a description).

    The condition and the score are written as SQL from the database's own case-insensitive "contains" (the
    lookup Django's icontains compiles to): built as ORM expressions, eight words × fields × columns × spellings
    took several times longer to assemble in Python than the database took to run them."""
    model = queryset.model
    words = query_words(query)
    if not words:
        return queryset.none()
    table = connection.ops.quote_name(model._meta.db_table)
    found_sql, params_of = {}, {}
    for index, variants in enumerate(words):
        for field, _weight in fields:
            tests, params = [], []
            for column, spellings in _word_columns(model, field, variants):
                internal_type = model._meta.get_field(column).get_internal_type()
                column_sql = connection.ops.lookup_cast("icontains", internal_type) % (
                    f"{table}.{connection.ops.quote_name(model._meta.get_field(column).column)}"
                )
                for spelling in spellings:
                    tests.append(f"{column_sql} {connection.operators['icontains'] % '%s'}")
                    params.append(f"%{connection.ops.prep_for_like_query(spelling)}%")
            found_sql[index, field], params_of[index, field] = "(" + " OR ".join(tests) + ")", params
    condition, condition_params = [], []
    for index in range(len(words)):
        condition.append("(" + " OR ".join(found_sql[index, field] for field, _weight in fields) + ")")
        condition_params += [param for field, _weight in fields for param in params_of[index, field]]
    score, score_params = [], []
    for index in range(len(words)):
        for field, weight in fields:
            score.append(f"CASE WHEN {found_sql[index, field]} THEN {WEIGHT_POINTS[weight]} ELSE 0 END")
            score_params += params_of[index, field]
    return (
        queryset.filter(RawSQL(" AND ".join(condition), condition_params, output_field=BooleanField()))
        .annotate(search_score=RawSQL(" + ".join(score), score_params, output_field=IntegerField()))
        .order_by("-search_score", "pk")
    )


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
