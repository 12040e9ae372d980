"""Suggested matches for a challenge request: labs, focus areas, projects and people, ranked, with the terms
that matched. PostgreSQL ranks with full-text search; other databases with TF-IDF in Python. One entry point."""

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q

from portal.search import SEARCH_CONFIG, search_types, uses_full_text_search

MATCH_TYPES = ("labs", "focus_areas", "projects", "people")
MAX_TERMS = 40
WEIGHT_FACTORS = {"A": 3.0, "B": 2.0, "C": 1.0, "D": 0.5}
STOPWORDS = frozenset(
    """
    about above after again against all also and any are because been before being below between both
    but can cannot could did does doing down during each few for from further had has have having her
    here hers him his how into its itself just more most much must need needs not now off once only
    other our ours out over own same she should some such than that the their theirs them then there
    these they this those through too under until very was way ways were what when where which while who
    whom why will with would you your yours per etc use used using want wants like get gets got make
    makes made many lot lots one two three
    """.split()
)


@dataclass
class Match:
    obj: object
    score: float
    terms: list


def words(text):
    return re.findall(r"[a-z][a-z0-9]{2,}", (text or "").lower())


def stem(word):
    """A light English stemmer: enough to see 'surfaces' and 'surface', 'scratched' and 'scratch' as one."""
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def challenge_terms(challenge):
    text = " ".join(
        [challenge.title, challenge.problem_statement, challenge.desired_outcome, challenge.current_approach]
    )
    counts = Counter(word for word in words(text) if word not in STOPWORDS)
    return [word for word, _count in counts.most_common(MAX_TERMS)]


def suggest_matches(challenge, *, limit=5):
    """{type key: [Match, …]} best first; each Match names the request's terms found in that record."""
    terms = challenge_terms(challenge)
    if not terms:
        return {key: [] for key in MATCH_TYPES}
    types = {searchable.key: searchable for searchable in search_types()}
    ranker = _rank_full_text if uses_full_text_search() else _rank_tf_idf
    return {key: ranker(types[key], _candidates(types[key], challenge), terms, limit) for key in MATCH_TYPES}


def _candidates(searchable, challenge):
    """What may be suggested to whoever triages this request: public records of any lab, and the private ones
    of the request's own lab — never another lab's private projects or hidden people."""
    model = searchable.model
    queryset = model.objects.select_related(*searchable.related)
    lab = challenge.responsible_lab
    if searchable.key == "projects":
        return queryset.filter(Q(is_public=True) | Q(lab=lab)) if lab else queryset.filter(is_public=True)
    if searchable.key == "people":
        if lab is None:
            return queryset.filter(is_public=True)
        own = model.objects.filter(Q(lab_roles__lab=lab) | Q(project_memberships__project__lab=lab)).values("pk")
        return queryset.filter(Q(is_public=True) | Q(pk__in=own))
    return queryset


def _matched_terms(obj, fields, terms):
    present = {stem(word) for field, _weight in fields for word in words(str(getattr(obj, field) or ""))}
    by_stem = {}
    for term in terms:  # one word per stem: "part" and "parts" show once
        if stem(term) in present:
            by_stem.setdefault(stem(term), term)
    return sorted(by_stem.values())


def _rank_full_text(searchable, candidates, terms, limit):
    # Any term may match (OR), unlike the site search box where every word must.
    query = reduce(or_, (SearchQuery(term, config=SEARCH_CONFIG) for term in terms))
    results = (
        candidates.annotate(rank=SearchRank(F("search_document"), query))
        .filter(search_document=query)
        .order_by("-rank", "pk")[:limit]
    )
    return [Match(obj, round(obj.rank, 4), _matched_terms(obj, searchable.fields, terms)) for obj in results]


def _rank_tf_idf(searchable, candidates, terms, limit):
    objects = list(candidates)
    query_stems = {stem(term) for term in terms}
    documents = []
    for obj in objects:
        weighted = Counter()
        for field, weight in searchable.fields:
            for word in words(str(getattr(obj, field) or "")):
                weighted[stem(word)] += WEIGHT_FACTORS[weight]
        documents.append(weighted)
    document_frequency = Counter(s for document in documents for s in set(document) & query_stems)
    # Smoothed idf (+1): a term every candidate shares still counts a little, rather than not at all.
    total = len(documents)
    scored = []
    for obj, document in zip(objects, documents, strict=True):
        score = sum(
            (1 + math.log(document[s])) * (1 + math.log((1 + total) / (1 + document_frequency[s])))
            for s in query_stems
            if document[s]
        )
        if score > 0:
            scored.append(Match(obj, round(score, 4), _matched_terms(obj, searchable.fields, terms)))
    scored.sort(key=lambda match: (-match.score, match.obj.pk))
    return scored[:limit]
