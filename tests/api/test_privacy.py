"""Nothing private, ever, whatever the filter: one test per kind of private thing, and a crawl of every answer in every
language (each list in full, then each record it names) looking for every secret of the portal at once."""

import json

import pytest

from tests.api.conftest import LIST_PATHS, SECRETS, get_json, slugs

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hant", "zh-hans"]


NAMED_WITHIN_THEIR_LAB = {"/api/v1/focus-areas/", "/api/v1/projects/", "/api/v1/programmes/"}


def detail_path(list_path, record):
    """The API address of a record of a list (by its slugs, like the API names it)."""
    if list_path in NAMED_WITHIN_THEIR_LAB:
        return f"{list_path}{record['lab']['slug']}/{record['slug']}/"
    return f"{list_path}{record['slug']}/"


def every_answer(client):
    """The text of every list and every record the API offers, in every language."""
    answers = []
    for language in LANGUAGES:
        for list_path in LIST_PATHS:
            body = get_json(client, f"{list_path}?limit=100&lang={language}")
            assert body["next"] is None, list_path  # the whole list on one page
            answers.append(json.dumps(body, ensure_ascii=False))
            for record in body["results"]:
                path = detail_path(list_path, record)
                answers.append(json.dumps(get_json(client, f"{path}?lang={language}"), ensure_ascii=False))
    answers.append(json.dumps(get_json(client, "/api/v1/")))
    return "\n".join(answers)


def test_no_secret_of_the_portal_appears_in_any_answer_in_any_language(anonymous, portal):
    tokens = {
        "application's status token": portal["application"].status_token,
        "referee's upload token": portal["application"].referees.get().upload_token,
        "application's reference": portal["application"].reference,
        "challenge's status token": portal["challenge"].status_token,
        "challenge's reference": portal["challenge"].reference,
    }
    text = every_answer(anonymous)
    assert "Ada Public" in text and "Glass defect finder" in text and "Summer internships" in text  # it did crawl
    found = [name for name, secret in {**SECRETS, **tokens}.items() if secret in text]
    assert found == []


def test_a_hidden_person_is_in_no_list_filter_or_record(anonymous, portal):
    for query in ["", "?lab=vision-lab", "?lab=robot-lab", "?role=co_director", "?q=Harriet", "?q=hidden.example"]:
        assert "harriet-hidden" not in slugs(get_json(anonymous, f"/api/v1/people/{query}")), query
    # Her organisation is a public partner record; that she belongs to it is not public.
    assert slugs(get_json(anonymous, "/api/v1/people/?organisation=shadow-consulting")) == []
    get_json(anonymous, "/api/v1/people/harriet-hidden/", status=404)
    lab = get_json(anonymous, "/api/v1/labs/vision-lab/")
    assert [leader["person"]["slug"] for leader in lab["leadership"]] == ["ada-public"]
    project = get_json(anonymous, "/api/v1/projects/vision-lab/glass-defects/")
    assert [member["person"]["slug"] for member in project["members"]] == ["ada-public"]


def test_a_hidden_persons_email_never_appears(anonymous, portal):
    assert slugs(get_json(anonymous, "/api/v1/people/?q=harriet%40hidden.example")) == []
    assert "harriet@hidden.example" not in every_answer(anonymous)
    assert get_json(anonymous, "/api/v1/people/ada-public/")["email"] == "ada@public.example"  # a public one does


def test_a_private_project_is_in_no_list_filter_or_record(anonymous, portal):
    for query in [
        "",
        "?lab=vision-lab",
        "?status=active",
        "?focus_area=vision-lab/inspection",
        "?q=Secret",
        "?sort=-start",
        "?limit=100&offset=0",
    ]:
        assert "secret-defect-work" not in slugs(get_json(anonymous, f"/api/v1/projects/{query}")), query
    # A partner only of the private project: the partnership is as private as the project.
    assert slugs(get_json(anonymous, "/api/v1/projects/?partner=stealth-partner")) == []
    get_json(anonymous, "/api/v1/projects/vision-lab/secret-defect-work/", status=404)
    person = get_json(anonymous, "/api/v1/people/ada-public/")
    assert [membership["project"]["slug"] for membership in person["projects"]] == ["glass-defects"]


def test_an_unpublished_call_is_in_no_list_filter_record_or_embed(anonymous, portal):
    for query in [
        "",
        "?state=open",
        "?state=upcoming",
        "?state=closed",
        "?lab=vision-lab",
        "?q=Draft",
        "?kind=internship",
    ]:
        assert "draft-call" not in slugs(get_json(anonymous, f"/api/v1/calls/{query}")), query
    get_json(anonymous, "/api/v1/calls/draft-call/", status=404)
    programme = get_json(anonymous, "/api/v1/programmes/vision-lab/internships/")
    assert [call["slug"] for call in programme["calls"]] == ["upcoming-call", "open-call", "closed-call"]
    assert "Draft call never announced" not in anonymous.get("/embed/calls/").content.decode()


def test_applications_and_referees_never_appear(anonymous, portal):
    answers = every_answer(anonymous) + anonymous.get("/embed/calls/").content.decode()
    for name in ("applicant's name", "applicant's e-mail", "applicant's phone", "referee's name", "referee's e-mail"):
        assert SECRETS[name] not in answers, name
    assert portal["application"].reference not in answers
    call = get_json(anonymous, "/api/v1/calls/open-call/")
    assert set(call) == {
        "url", "slug", "title", "programme", "lab", "state", "state_label", "opens_at", "closes_at", "places",
        "apply_url", "description", "eligibility",
    }  # fmt: skip


def test_challenge_requests_never_appear_whatever_the_search(anonymous, portal):
    for path in LIST_PATHS:
        body = get_json(anonymous, f"{path}?q=Scratches")
        assert body["count"] == 0, path
    answers = every_answer(anonymous)
    for name in ("enterprise's name", "enterprise contact's name", "enterprise contact's e-mail", "challenge's title"):
        assert SECRETS[name] not in answers, name
    assert portal["challenge"].status_token not in answers


def test_private_tokens_never_appear(anonymous, portal):
    answers = every_answer(anonymous)
    assert portal["application"].status_token not in answers
    assert portal["application"].referees.get().upload_token not in answers
    assert portal["challenge"].status_token not in answers


def test_internal_notes_never_appear(anonymous, portal):
    answers = every_answer(anonymous)
    assert SECRETS["application's internal note"] not in answers
    assert SECRETS["challenge's internal note"] not in answers


def test_staff_only_fields_of_public_records_never_appear(anonymous, portal):
    lab = get_json(anonymous, "/api/v1/labs/vision-lab/")
    assert "inbox_email" not in lab and "inbox@vision-lab.example" not in json.dumps(lab)
    assert "manager@example.org" not in every_answer(anonymous)
    person = get_json(anonymous, "/api/v1/people/ada-public/")
    assert "is_public" not in person and "photo" not in person
    call = get_json(anonymous, "/api/v1/calls/open-call/")
    assert "blind_review" not in call and "is_published" not in call and "statement_word_limit" not in call


def test_a_lab_with_hidden_content_shows_only_its_public_content(anonymous, portal):
    assert slugs(get_json(anonymous, "/api/v1/projects/?lab=vision-lab")) == ["glass-defects"]
    assert slugs(get_json(anonymous, "/api/v1/people/?lab=vision-lab")) == ["ada-public"]
    assert slugs(get_json(anonymous, "/api/v1/calls/?lab=vision-lab")) == ["closed-call", "open-call", "upcoming-call"]
    assert slugs(get_json(anonymous, "/api/v1/people/?lab=robot-lab")) == []  # its only member is hidden


def test_staff_signed_in_see_no_more_than_anyone(admin_client, anonymous, portal):
    for path in ["/api/v1/projects/?lab=vision-lab", "/api/v1/people/", "/api/v1/calls/"]:
        assert get_json(admin_client, path)["results"] == get_json(anonymous, path)["results"], path
    get_json(admin_client, "/api/v1/people/harriet-hidden/", status=404)
