"""Suggested matches for challenge requests: the right project or lab whatever words or language the enterprise
uses, with a readable reason, never the request's own converted project, never what staff marked unhelpful."""

import pytest

from challenges.matching import matches_among, suggest_matches
from labs.models import FocusArea, JointLab
from people.models import Person
from portal.models import RankingEntry
from portal.ranking import embedding, query_for
from portal.ranking.index import entries_refresh, profile_of
from projects.models import Project
from tests import factories
from tests.challenges.matching_cases import CASES, REFLECTIVE, hit, keep_english_only

pytestmark = pytest.mark.django_db


def request_about(title, problem, **extra):
    return factories.ChallengeRequestFactory(title=title, problem_statement=problem, desired_outcome=".", **extra)


def share_of_hits(mode):
    candidates = {
        "labs": JointLab.objects.all(),
        "focus_areas": FocusArea.objects.all(),
        "projects": Project.objects.public(),
        "people": Person.objects.public(),
    }
    hits = 0
    for case in CASES:
        hits += hit(case, matches_among(candidates, query_for(f"{case.title}\n{case.problem}"), mode=mode))
    return hits / len(CASES)


def test_the_labelled_set_finds_the_expected_item_for_nine_in_ten(demo):
    assert len(CASES) >= 20 and {case.language for case in CASES} == {"en", "zh-hant", "zh-hans"}
    assert share_of_hits("hybrid") >= 0.9


def test_across_languages_the_hybrid_does_better_than_words_or_meaning_alone(demo):
    """Records written in English only, requests in all three languages: words alone cannot cross the language gap
    (the demo content is translated, so here its Chinese is taken away), meaning alone misses close calls."""
    keep_english_only()
    hybrid, lexical, semantic = share_of_hits("hybrid"), share_of_hits("lexical"), share_of_hits("semantic")
    print(
        f"labelled set, English records, top-3 hits: hybrid {hybrid:.0%}, lexical {lexical:.0%}, semantic {semantic:.0%}"
    )
    assert hybrid >= 0.9
    assert hybrid > lexical
    assert hybrid > semantic


def test_a_request_in_traditional_chinese_finds_the_english_project(demo):
    challenge = request_about("電鍍水龍頭的刮痕", "我們生產的電鍍水龍頭表面光亮而且彎曲，反光令相機無法分辨刮痕。")
    assert REFLECTIVE in [match.obj.slug for match in suggest_matches(challenge)["projects"][:3]]


def test_the_reason_is_a_sentence_of_the_profile_and_a_project_names_its_focus_areas(demo):
    challenge = request_about(
        "Surface scratches on chrome-plated parts",
        "The mirror-like parts get fine surface scratches that our inspectors miss under factory lights.",
    )
    best = suggest_matches(challenge)["projects"][0]
    assert best.obj.slug == REFLECTIVE
    assert best.reason in profile_of(best.obj) and len(best.reason.split()) >= 4
    assert best.focus_areas == ["Industrial AI"]


def test_the_project_a_request_became_is_never_suggested_for_it(demo):
    challenge = request_about("Reflective parts", "Defect inspection on reflective freeform surfaces.")
    project = factories.ProjectFactory(title="Defect inspection on reflective freeform surfaces", is_public=False)
    challenge.project, challenge.lab = project, project.lab
    challenge.save()
    assert project not in [match.obj for match in suggest_matches(challenge)["projects"]]


def test_a_suggestion_marked_unhelpful_is_not_offered_again(demo, superuser):
    from challenges.matching import suggestion_mark_unhelpful

    challenge = request_about("Reflective parts", "Defect inspection on reflective freeform surfaces.")
    first = suggest_matches(challenge)["projects"][0].obj
    suggestion_mark_unhelpful(challenge=challenge, suggested=first, by=superuser)
    assert first not in [match.obj for match in suggest_matches(challenge)["projects"]]


def test_a_request_with_no_words_matches_nothing(demo):
    challenge = request_about("??", "... 😀 !!")
    assert all(found == [] for found in suggest_matches(challenge).values())


@pytest.mark.parametrize(
    "problem",
    [
        "defect " * 700,
        "<script>alert(1)</script><b>反光</b> surfaces &amp; defects",
        "表面 scratches 划痕 on 鏡面 parts 🚗🔧",
    ],
    ids=["5000 characters", "html", "mixed scripts and emoji"],
)
def test_odd_requests_still_get_sensible_suggestions(demo, problem):
    suggestions = suggest_matches(request_about("Odd", problem[:5000]))
    assert suggestions["projects"] and suggestions["labs"]


def test_the_request_is_embedded_once_when_it_is_submitted(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        challenge = request_about("Scratches", "Scratches on shiny parts.")
    entry = RankingEntry.objects.get(object_id=challenge.pk, content_type__model="challengerequest")
    assert embedding.from_bytes(entry.vector).shape == (embedding.DIMENSIONS,)
    assert entries_refresh([challenge]) == 0  # saved again, unchanged: not embedded again


def test_without_the_model_suggestions_go_on_by_shared_words(demo, monkeypatch):
    monkeypatch.setattr(embedding, "_model", lambda: None)
    challenge = request_about("Reflective parts", "Defect inspection on reflective freeform surfaces.")
    assert suggest_matches(challenge)["projects"][0].obj.slug == REFLECTIVE


def test_the_assigned_lab_starts_as_the_enterprises_preferred_lab(db):
    lab = factories.JointLabFactory()
    challenge = factories.ChallengeRequestFactory(preferred_lab=lab)
    challenge.refresh_from_db()
    assert challenge.lab == lab
