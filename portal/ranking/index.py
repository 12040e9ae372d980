"""Stored ranking data (portal.models.RankingEntry) and the per-process corpus built from it.

An entry is computed when its record is saved (a task, after commit), by `manage.py rebuild_ranking`, or at the
latest when ranking first meets a record without one. The corpus of a kind of record — the embedding matrix and a
BM25 index (bm25s) of the folded words — is a cache each app server builds from the database and rebuilds when an
entry of that kind changes; nothing in it is needed by another server."""

import contextvars
import hashlib
import logging
import threading
from dataclasses import dataclass

import bm25s
import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, Max

from portal.models import RankingEntry
from portal.registry import registry

from . import embedding, text

BATCH = 64
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index it builds


LANGUAGE_SUFFIXES = ("en", "zh_hant", "zh_hans")
# While set, translated_text gives one language's text only: what each of a record's vectors is made from.
_only_language = contextvars.ContextVar("ranking_profile_language", default=None)


def translated_text(obj, fields):
    """The text of `fields` in every language the record has (English, 繁體, 简体), each distinct text once; while
    a language is chosen (profile_in), that language's text only. Fields without translations (an enterprise's
    problem statement, keywords) belong to the English profile, which is the record's primary one."""
    only = _only_language.get()
    parts = []
    for field in fields:
        suffixes = LANGUAGE_SUFFIXES if only is None else (only,)
        columns = [f"{field}_{suffix}" for suffix in suffixes]
        if hasattr(obj, f"{field}_en"):
            values = [getattr(obj, column, None) for column in columns]
        else:
            values = [getattr(obj, field)] if only in (None, "en") else []
        parts.extend(str(value) for value in values if value)
    return "\n".join(dict.fromkeys(part.strip() for part in parts if part.strip()))


def profile_of(obj):
    return registry.matchables[type(obj)].profile(obj) or ""


def profile_in(obj, language):
    token = _only_language.set(language)
    try:
        return profile_of(obj)
    finally:
        _only_language.reset(token)


def language_profiles(obj):
    """The record's profile in each language it is written in, English first, each distinct text once. Each gets a
    vector of its own: one vector of all three would mix the languages and, past the model's 512 tokens, lose the
    end of every one (with the demo content in three languages, that took the labelled set's embedding ranking from
    94 % to under 50 % at scale 1)."""
    profiles = [profile_in(obj, suffix) for suffix in LANGUAGE_SUFFIXES]
    return [profile for profile in dict.fromkeys(profiles) if profile.strip()]


# Part of each entry's digest: changing how a profile becomes vectors makes every stored entry out of date.
VECTOR_METHOD = "one-vector-per-language"


def digest_of(profile):
    return hashlib.sha256(f"{embedding.MODEL_NAME}\n{VECTOR_METHOD}\n{profile}".encode()).hexdigest()


def entries_refresh(objects):
    """Bring the stored entries of `objects` (one model) up to date; only changed texts are embedded again."""
    objects = list(objects)
    if not objects:
        return 0
    content_type = ContentType.objects.get_for_model(type(objects[0]))
    stored = {
        entry.object_id: entry
        for entry in RankingEntry.objects.filter(content_type=content_type, object_id__in=[o.pk for o in objects])
    }
    with_model = embedding.available()
    changed = []
    for obj in objects:
        profile = profile_of(obj)
        digest = digest_of(profile)
        entry = stored.get(obj.pk)
        if entry is not None and entry.digest == digest and (entry.vector is not None or not with_model):
            continue
        entry = entry or RankingEntry(content_type=content_type, object_id=obj.pk)
        entry.digest, entry.terms = digest, " ".join(text.terms(profile))
        entry.record = obj
        changed.append((entry, profile))
    for start in range(0, len(changed), BATCH):
        batch = changed[start : start + BATCH]
        texts, owners = [], []
        for index, (entry, _profile) in enumerate(batch):
            for text_in_language in language_profiles(entry.record):
                texts.append(text_in_language)
                owners.append(index)
        encoded = embedding.passage_vectors(texts)
        vectors = None
        if encoded is not None:
            vectors = [encoded[[i for i, owner in enumerate(owners) if owner == index]] for index in range(len(batch))]
        for index, (entry, _profile) in enumerate(batch):
            # update_or_create, not save(): two requests meeting the same record without an entry both compute
            # it, and the second must update the first's row rather than fail on the unique key.
            RankingEntry.objects.update_or_create(
                content_type=content_type,
                object_id=entry.object_id,
                defaults={
                    "digest": entry.digest,
                    "terms": entry.terms,
                    # The record's vectors, one per language, one after another (English first).
                    "vector": None
                    if vectors is None or not len(vectors[index])
                    else embedding.to_bytes(vectors[index]),
                    "model_name": embedding.MODEL_NAME if vectors is not None else "",
                },
            )
    return len(changed)


def candidate_ids(queryset):
    """The ids of `queryset`, sorted and distinct, read straight from the cursor: a ranking of projects reads
    ~10,000 ids at scale 1, and the ORM's work per row (modeltranslation's iterator included) cost ~10 µs each."""
    try:
        sql, params = queryset.order_by().values_list("pk").query.sql_with_params()
    except EmptyResultSet:  # a queryset that can match nothing (.none(), pk__in=[]): no query at all
        return np.zeros(0, dtype=np.int64)
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return np.unique(np.fromiter((row[0] for row in cursor.fetchall()), dtype=np.int64))


def ranked_corpus(model, ids):
    """The corpus of `model` and the rows of `ids` in it; the entries that are missing (records made before
    ranking ran, or by bulk inserts) are computed first."""
    known = corpus(model)
    rows, found = known.rows_of(ids)
    if not found.all():
        entries_refresh(model._default_manager.filter(pk__in=[int(pk) for pk in ids[~found]]))
        known = corpus(model)
        rows, found = known.rows_of(ids)
    return known, rows[found]


def entry_delete(obj):
    RankingEntry.objects.filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk).delete()


@dataclass
class Corpus:
    pks: np.ndarray  # object ids, one per row
    vectors: np.ndarray | None  # (vectors, 384): each record's vectors, one per language it is written in
    owners: np.ndarray | None  # the row (record) each vector belongs to
    retriever: bm25s.BM25 | None
    terms: list  # each row's words as a set, for the reasons
    has_text: np.ndarray  # False where the profile is empty: nothing to say why such a record would fit

    def rows_of(self, ids):
        """For sorted `ids`: their row in this corpus, and whether each has one."""
        rows = np.searchsorted(self.pks, ids)
        found = rows < len(self.pks)
        found[found] = self.pks[rows[found]] == ids[found]
        return rows, found

    def lexical_scores(self, query_terms):
        if self.retriever is None or not query_terms:
            return np.zeros(len(self.pks), np.float32)
        return np.asarray(self.retriever.get_scores(query_terms), dtype=np.float32)

    def semantic_scores(self, query_vector):
        """Per record, the similarity of its closest language (0 where it has no vector)."""
        if self.vectors is None or query_vector is None:
            return None
        scores = np.full(len(self.pks), -np.inf, np.float32)
        np.maximum.at(scores, self.owners, self.vectors @ query_vector)
        return np.where(np.isfinite(scores), scores, 0.0).astype(np.float32)


_corpora = {}
_corpora_lock = threading.Lock()


def corpus(model):
    """The corpus of `model`, rebuilt when any of its entries was added, changed or removed since it was built."""
    content_type = ContentType.objects.get_for_model(model)
    entries = RankingEntry.objects.filter(content_type=content_type)
    version = tuple(entries.aggregate(count=Count("pk"), last=Max("updated_at")).values())
    cached = _corpora.get(content_type.pk)
    if cached and cached[0] == version:
        return cached[1]
    rows = list(entries.order_by("object_id").values_list("object_id", "terms", "vector"))
    vectors = owners = None
    stored = [(index, embedding.from_bytes(vector)) for index, (_pk, _terms, vector) in enumerate(rows) if vector]
    if stored:
        vectors = np.concatenate([vector.reshape(-1, embedding.DIMENSIONS) for _index, vector in stored])
        owners = np.concatenate(
            [np.full(len(vector) // embedding.DIMENSIONS, index, np.int64) for index, vector in stored]
        )
    documents = [terms.split() for _pk, terms, _vector in rows]
    retriever = None
    if rows:
        retriever = bm25s.BM25()
        retriever.index(documents, show_progress=False)
    pks = np.array([pk for pk, _terms, _vector in rows], dtype=np.int64)
    built = Corpus(
        pks,
        vectors,
        owners,
        retriever,
        [set(d) for d in documents],
        np.array([bool(d) for d in documents], dtype=bool),
    )
    with _corpora_lock:
        _corpora[content_type.pk] = (version, built)
    return built
