"""Suggested matches for a challenge request: labs, focus areas, projects and people, ranked by portal.ranking (words
and multilingual meaning together), each with the sentence that fits and, for a project, its focus areas. The one
entry point for suggestions; staff add a suggestion to the request or mark it unhelpful from here too."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, prefetch_related_objects

from labs.models import FocusArea, JointLab
from people.models import Person
from portal.models import RankingEntry
from portal.ranking import embedding, query_for, rank, rank_with_parts
from portal.ranking.index import entries_refresh
from portal.search import search_types
from projects.models import Project

from .models import ChallengeRequest, SuggestionFeedback

MATCH_TYPES = ("labs", "focus_areas", "projects", "people")
LAB_DEPTH = 20  # how many focus areas and projects speak for their labs


@dataclass
class Match:
    obj: object
    score: float
    reason: str
    focus_areas: list = field(default_factory=list)


def request_query(challenge):
    """The request as ranking reads it; its embedding is the stored one (computed once, after submission)."""
    content_type = ContentType.objects.get_for_model(ChallengeRequest)
    entry = RankingEntry.objects.filter(content_type=content_type, object_id=challenge.pk).first()
    if entry is None or (entry.vector is None and embedding.available()):
        entries_refresh([challenge])
        entry = RankingEntry.objects.filter(content_type=content_type, object_id=challenge.pk).first()
    text = "\n".join(
        [challenge.title, challenge.problem_statement, challenge.current_approach, challenge.desired_outcome]
    )
    # A request is written in one language: its first (its only) stored vector.
    vector = embedding.from_bytes(entry.vector) if entry else None
    return query_for(text, vector=None if vector is None else vector[: embedding.DIMENSIONS])


def suggest_matches(challenge, *, limit=5):
    """{type key: [Match, …]} best first, among what may be suggested for this request."""
    types = {searchable.key: searchable for searchable in search_types()}
    unhelpful = _marked_unhelpful(challenge)
    candidates = {
        key: _candidates(types[key], challenge).exclude(pk__in=unhelpful.get(types[key].model, ()))
        for key in MATCH_TYPES
    }
    return matches_among(candidates, request_query(challenge), limit=limit)


def matches_among(candidates, query, *, limit=5, mode="hybrid"):
    """{type key: [Match, …]} for `query` among `candidates` ({type key: queryset}); `mode` "lexical" or
    "semantic" ranks by one side only (to measure what the hybrid adds)."""
    ranked = {key: rank(candidates[key], query, limit=limit, mode=mode) for key in MATCH_TYPES if key != "labs"}
    # Labs: what they say of themselves, and how well their best focus area fits (every lab has some; projects
    # would favour the labs that list many).
    labs = rank(candidates["labs"], query, limit=LAB_DEPTH, mode=mode, reasons=False)
    parts = [rank(candidates["focus_areas"], query, limit=LAB_DEPTH, mode=mode, reasons=False)]
    ranked["labs"] = rank_with_parts(labs, parts, whole_of=lambda part: part.lab_id, limit=limit, query=query)
    suggestions = {key: [Match(item.obj, item.score, item.reason) for item in ranked[key]] for key in MATCH_TYPES}
    projects = [match.obj for match in suggestions["projects"]]
    prefetch_related_objects(projects, "focus_areas")
    for match in suggestions["projects"]:
        match.focus_areas = [area.name for area in match.obj.focus_areas.all()]
    return suggestions


def _candidates(searchable, challenge):
    """What may be suggested to whoever triages this request: public records of any lab, and the private ones
    of the request's own lab — never another lab's private projects or hidden people, never the project the
    request itself became."""
    model = searchable.model
    queryset = model.objects.select_related(*searchable.related)
    lab = challenge.responsible_lab
    if searchable.key == "projects":
        queryset = queryset.exclude(pk=challenge.project_id) if challenge.project_id else queryset
        return queryset.filter(Q(is_public=True) | Q(lab=lab)) if lab else queryset.filter(is_public=True)
    if searchable.key == "people":
        if lab is None:
            return queryset.filter(is_public=True)
        # Two subqueries, not one over both joins: OR across two LEFT JOINs multiplies each person's roles by
        # their memberships (63 ms a request at scale 1).
        with_role = model.objects.filter(lab_roles__lab=lab).values("pk")
        on_project = model.objects.filter(project_memberships__project__lab=lab).values("pk")
        return queryset.filter(Q(is_public=True) | Q(pk__in=with_role) | Q(pk__in=on_project))
    return queryset


def suggestion_candidate(challenge, key, pk):
    """The record `pk` of type `key` if it may be suggested for this request, else None (a forged post)."""
    searchable = {searchable.key: searchable for searchable in search_types()}.get(key)
    if key not in MATCH_TYPES or searchable is None:
        return None
    return _candidates(searchable, challenge).filter(pk=pk).first()


def _marked_unhelpful(challenge):
    marked = {}
    for feedback in SuggestionFeedback.objects.filter(
        challenge=challenge, verdict=SuggestionFeedback.Verdict.UNHELPFUL
    ).select_related("content_type"):
        marked.setdefault(feedback.content_type.model_class(), set()).add(feedback.object_id)
    return marked


def suggestion_accept(*, challenge: ChallengeRequest, suggested: object, by: AbstractBaseUser) -> None:
    """Staff's one click on a suggestion: a project or person joins the matched ones, a focus area the related
    ones, a lab becomes the assigned lab. Kept as feedback too (what was taken is what ranking got right)."""
    with transaction.atomic():
        if isinstance(suggested, Project):
            challenge.matched_projects.add(suggested)
        elif isinstance(suggested, Person):
            challenge.matched_people.add(suggested)
        elif isinstance(suggested, FocusArea):
            challenge.focus_areas.add(suggested)
        elif isinstance(suggested, JointLab):
            challenge.lab = suggested
            challenge.save(update_fields=["lab", "updated_at"])
        else:
            raise ValueError(f"{type(suggested).__name__} cannot be matched with a challenge request")
        _record(challenge, suggested, SuggestionFeedback.Verdict.ADDED, by)


def suggestion_mark_unhelpful(*, challenge: ChallengeRequest, suggested: object, by: AbstractBaseUser) -> None:
    """Staff say a suggestion does not fit: it is no longer suggested for this request, and the mark is kept to
    measure the ranking with."""
    _record(challenge, suggested, SuggestionFeedback.Verdict.UNHELPFUL, by)


def _record(challenge, suggested, verdict, by):
    SuggestionFeedback.objects.update_or_create(
        challenge=challenge,
        content_type=ContentType.objects.get_for_model(type(suggested)),
        object_id=suggested.pk,
        verdict=verdict,
        defaults={"marked_by": by, "model_name": embedding.MODEL_NAME if embedding.available() else ""},
    )
