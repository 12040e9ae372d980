"""The public lab finder: a problem in the visitor's own words, in any language, finds the labs, projects and
people that fit, with why; nothing typed is kept; it is linked from the pages that lead to a challenge."""

import pytest
from django.urls import reverse

from portal.models import RankingEntry
from tests import factories

pytestmark = pytest.mark.django_db
URL = "/find-a-lab/"


def fits(response):
    return {key: [item.obj for item in items] for key, _label, items in response.context["results"]}


def test_a_problem_in_simplified_chinese_finds_the_lab_and_project_with_why(client, demo):
    response = client.post(URL, {"description": "镜面抛光的金属外壳上有细小划痕，反光太强，人工目检经常漏检。"})
    found = fits(response)
    assert "reflective-freeform-defect-inspection" in [project.slug for project in found["projects"][:3]]
    assert "hkust-hkpc-industrial-ai-robotics" in [lab.slug for lab in found["labs"][:2]]
    assert "Why:" in response.content.decode()


def test_only_public_projects_and_people_are_shown(client):
    factories.ProjectFactory(title="Quantum coating secret", is_public=False)
    factories.PersonFactory(name="Quantum Hidden", position="quantum coating", is_public=False)
    public = factories.ProjectFactory(title="Quantum coating")
    found = fits(client.post(URL, {"description": "quantum coating"}))
    assert found["projects"] == [public] and found["people"] == []


def test_nothing_typed_is_stored(client, demo):
    before = RankingEntry.objects.count()
    client.post(URL, {"description": "A problem about welding seams"})
    client.post(URL, {"description": "Another problem about welding seams"})
    # The first search may compute the entries of the demo records; the descriptions themselves leave nothing.
    assert RankingEntry.objects.count() == max(before, RankingEntry.objects.count())
    assert not RankingEntry.objects.filter(terms__contains="seam").exists()


def test_the_description_can_be_carried_into_the_challenge_form(client, demo):
    response = client.post(URL, {"description": "Scratches on shiny parts"})
    assert 'name="problem" value="Scratches on shiny parts"' in response.content.decode()
    form = client.get(reverse("challenges:challenge_submit"), {"problem": "Scratches on shiny parts"}).context["form"]
    assert form.initial["problem_statement"] == "Scratches on shiny parts"


@pytest.mark.parametrize(
    ("description", "message"),
    [
        ("", "Describe your problem in a sentence or two."),
        ("x" * 20_000, "Keep the description under 2000 characters"),
        ("😀😀 !!", "We found no words to go on."),
    ],
    ids=["empty", "20000 characters", "emoji only"],
)
def test_bad_descriptions_get_a_clear_message(client, description, message):
    response = client.post(URL, {"description": description})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_html_is_shown_as_text(client, demo):
    response = client.post(URL, {"description": "<script>alert(1)</script> defect inspection"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_finder_is_rate_limited(client, settings):
    # Per day: the window is fixed, and the first request (which loads the model) must not cross into the next one.
    settings.LAB_FINDER_RATE_LIMIT = "2/d"
    for _ in range(2):
        assert client.post(URL, {"description": "robots"}).status_code == 200
    assert client.post(URL, {"description": "robots"}).status_code == 429


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_the_finder_is_linked_from_home_lab_pages_and_the_challenge_form(client, demo, language):
    prefix = "" if language == "en" else f"/{language}"
    finder = f"{prefix}{URL}"
    assert client.get(f"{prefix}{URL}").status_code == 200
    for page in ("/", "/labs/hkust-hkpc-industrial-ai-robotics/", "/challenges/submit/"):
        assert f'href="{finder}"' in client.get(f"{prefix}{page}").content.decode(), page
