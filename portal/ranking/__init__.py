"""Ranking any registered kind of record (portal.registry.Matchable) against a text, in any of the portal's
languages: a lexical ranking (BM25 over folded, segmented words) and a semantic one (multilingual sentence
embeddings), fused by a convex combination of the two scores, each scaled to 0–1 over the candidates. Each result
comes with the sentence of its profile that fits best.

Why a weighted sum and not reciprocal rank fusion: rank fusion throws the scores away, so when the two rankings
disagree on the first two places (three labs, say) the pair always ties and the semantic side wins, however far
apart the lexical scores are; on the labelled set (tests/challenges/matching_cases.py) RRF only matched the
embedding ranking, the weighted sum beats both (Bruch et al., "An analysis of fusion functions for hybrid
retrieval", 2023, found the same).

The same stored data and the same arithmetic on SQLite and PostgreSQL, so both give the same order."""

import hashlib
from dataclasses import dataclass, field

import numpy as np
from django.core.cache import cache
from django.utils import translation

from . import embedding, text
from .index import LANGUAGE_SUFFIXES, candidate_ids, profile_in, profile_of, ranked_corpus

MODES = ("hybrid", "lexical", "semantic")
RRF_K = 60  # the usual constant of reciprocal rank fusion (a lab's own rank and its focus areas')
# Shared words decide between records close in meaning, they do not outrank a paraphrase. Since the demo content
# is written in all three languages, words carry more: on the labelled set 0.3 gives 97 % on the demo content (as
# loaded, and in English only), and 91 % with the 10,000 generated projects of `make bench` beside it, where
# 0.125 gave 76 %.
LEXICAL_WEIGHT = 0.3
PARTS_WEIGHT = 0.5  # a lab's best focus area counts, but less than the lab's whole profile (which includes them)
REASON_CHARS = 220
REASON_SENTENCES = 8
NAME_FIELDS = ("name", "short_name", "title")  # never a reason, in any language


@dataclass
class Query:
    text: str
    terms: list
    vector: np.ndarray | None = None

    @property
    def is_empty(self):
        return not self.terms


@dataclass
class Ranked:
    obj: object
    score: float
    reason: str = ""
    details: dict = field(default_factory=dict)


def query_for(raw_text, *, vector=None):
    """What to rank against: the words of `raw_text` and, unless given (stored) or impossible, its embedding."""
    terms = text.terms(raw_text)
    if terms and vector is None:
        vector = embedding.query_vector(raw_text)
    return Query(raw_text or "", terms, vector)


def semantic_available():
    return embedding.available()


def rank(queryset, query, *, limit=5, mode="hybrid", reasons=True):
    """The records of `queryset` that fit `query` best, as Ranked, best first (ties: lower id first).
    `reasons=False` skips finding each one's best sentence (for rankings only used to rank something else)."""
    if query.is_empty:
        return []
    ids = candidate_ids(queryset)
    if not len(ids):
        return []
    known, rows = ranked_corpus(queryset.model, ids)
    rows = rows[known.has_text[rows]]
    if not len(rows):
        return []
    ids = known.pks[rows]
    lexical = known.lexical_scores(query.terms)[rows] if mode in ("hybrid", "lexical") else None
    semantic = known.semantic_scores(query.vector) if mode in ("hybrid", "semantic") else None
    semantic = None if semantic is None else semantic[rows]
    if semantic is None:
        # Lexical only (asked for, or the model is missing): what shares no word with the query does not fit.
        if lexical is None:
            return []
        fused = np.where(lexical > 0, _scaled(lexical) + 1e-9, 0.0)
    elif lexical is None:
        fused = _scaled(semantic) + 1e-9
    else:
        fused = LEXICAL_WEIGHT * _scaled(lexical) + (1 - LEXICAL_WEIGHT) * _scaled(semantic) + 1e-9
    order = np.lexsort((ids, -fused))
    chosen = order[fused[order] > 0][:limit]
    objects = queryset.in_bulk([int(ids[i]) for i in chosen])
    return [
        Ranked(
            objects[int(ids[i])],
            round(float(fused[i]) * 100, 1),
            best_sentence(objects[int(ids[i])], query) if reasons else "",
        )
        for i in chosen
        if int(ids[i]) in objects
    ]


def _scaled(scores):
    """`scores` mapped onto 0–1 over the candidates (all 0 when they are all equal), so BM25's open-ended scores
    and cosine similarities can be weighed against each other."""
    scores = scores.astype(np.float64)
    low, high = scores.min(), scores.max()
    return (scores - low) / (high - low) if high > low else np.zeros_like(scores)


def rank_with_parts(wholes, parts, *, whole_of, limit, query):
    """Re-rank `wholes` (labs, by their own profile) together with how well their parts fit (their focus areas):
    reciprocal rank fusion of the wholes' own order and, for each list of parts, the order in which each whole
    first appears in it. A lab whose focus area fits best comes up even if its summary is vague."""
    score = {item.obj.pk: 1.0 / (RRF_K + position) for position, item in enumerate(wholes, 1)}
    for ranked_parts in parts:
        order = list(dict.fromkeys(whole_of(item.obj) for item in ranked_parts))
        for position, pk in enumerate(order, 1):
            if pk in score:
                score[pk] += PARTS_WEIGHT / (RRF_K + position)
    chosen = sorted(wholes, key=lambda item: (-score[item.obj.pk], item.obj.pk))[:limit]
    for item in chosen:
        item.reason = item.reason or best_sentence(item.obj, query)
    return chosen


def best_sentence(obj, query):
    """The sentence of the record's profile a person would read as the reason: the one sharing the most (and the
    rarest-looking, longest) words with the query; failing that, the one closest in meaning."""
    candidates = reason_candidates(obj)
    if not candidates:
        return ""
    wanted = set(query.terms)
    overlaps = [sum(len(term) for term in wanted & set(text.terms(sentence))) for sentence in candidates]
    best = max(range(len(candidates)), key=lambda i: overlaps[i])
    if not overlaps[best] and query.vector is not None:
        vectors = _sentence_vectors(candidates)
        if vectors is not None:
            best = int(np.argmax(vectors @ query.vector))
    sentence = candidates[best]
    return sentence if len(sentence) <= REASON_CHARS else sentence[: REASON_CHARS - 1].rstrip() + "…"


def reason_candidates(obj):
    """The sentences a reason is chosen from: the profile in the language the reader reads (the whole profile when
    the record is not written in it), without the record's names in any language — a name is shown beside the
    reason already and explains nothing."""
    language = (translation.get_language() or "").replace("-", "_").lower()
    profile = profile_in(obj, language) if language in LANGUAGE_SUFFIXES else ""
    profile = profile if profile.strip() else profile_of(obj)
    names = {str(obj).strip()}
    for name_field in NAME_FIELDS:
        names.update(str(getattr(obj, f"{name_field}_{suffix}", "") or "").strip() for suffix in LANGUAGE_SUFFIXES)
        names.add(str(getattr(obj, name_field, "") or "").strip())
    every = text.sentences(profile)
    return ([sentence for sentence in every if sentence not in names] or every)[:REASON_SENTENCES]


def _sentence_vectors(sentences):
    """Embeddings of profile sentences, kept in the shared cache: a record's reasons cost the model once."""
    keys = {s: "ranking:sentence:" + hashlib.sha256(s.encode()).hexdigest() for s in sentences}
    found = cache.get_many(list(keys.values()))
    missing = [s for s in sentences if keys[s] not in found]
    if missing:
        computed = embedding.passage_vectors(missing)
        if computed is None:
            return None
        fresh = {keys[s]: embedding.to_bytes(vector) for s, vector in zip(missing, computed, strict=True)}
        cache.set_many(fresh, timeout=7 * 86400)
        found.update(fresh)
    return np.stack([embedding.from_bytes(found[keys[s]]) for s in sentences])
