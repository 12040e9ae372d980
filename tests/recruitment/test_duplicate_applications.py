"""Whether an address has applied must not show, not even in how long the answer takes: a second application from
the same address does the same work as a new one (the same queries, files stored, e-mails written) and keeps
nothing of it but the e-mail with the existing link."""

import pytest
from django.core import mail

from portal.models import OutboxEmail
from recruitment.models import Application, ApplicationReferee
from tests import factories
from tests.files import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return factories.CallFactory(slug="internships-2027", statement_word_limit=50)


def form_data(email, **overrides):
    data = {
        "name": "Chan Tai Man",
        "email": email,
        "phone": "+852 5555 0000",
        "university": "Example University",
        "degree_programme": "BEng Computer Engineering",
        "year_of_study": "Year 3",
        "research_interests": "Machine vision for factories",
        "personal_statement": "I want to build inspection systems.",
        "referee1_name": "Dr Example One",
        "referee1_email": "one@uni.example",
        "referee1_institution": "Example University",
        "referee2_name": "Dr Example Two",
        "referee2_email": "two@uni.example",
        "referee2_institution": "Example University",
        "consent": "on",
        "website": "",
        "cv": pdf("cv.pdf"),
        "transcript": pdf("transcript.pdf"),
    }
    return {**data, **overrides}


def test_a_duplicate_costs_the_same_work_as_a_new_application(client, call, submission_cost, _test_storages):
    url = f"/calls/{call.slug}/apply/"
    client.post(url, form_data("first@student.example"))  # takes the year's first reference number
    first = Application.objects.get()

    new, new_cost = submission_cost(client, url, form_data("second@student.example"))
    outbox_before, files_before = OutboxEmail.objects.count(), sorted(_test_storages.rglob("*.pdf"))
    duplicate, duplicate_cost = submission_cost(client, url, form_data("First@Student.example", name="Someone Else"))

    assert new.status_code == duplicate.status_code == 200
    assert duplicate_cost == new_cost
    assert new_cost["files stored"] == 2 and len(new_cost["e-mail templates"]) == 12  # four e-mails, three parts
    # The duplicate kept nothing but the e-mail with the existing link.
    assert Application.objects.count() == 2 and ApplicationReferee.objects.count() == 4
    assert sorted(_test_storages.rglob("*.pdf")) == files_before
    [link] = OutboxEmail.objects.all()[: OutboxEmail.objects.count() - outbox_before]
    assert link.to == "first@student.example" and first.get_status_url() in link.body_text


def test_the_duplicate_is_told_its_link_once_and_nothing_else_is_sent(client, call, django_capture_on_commit_callbacks):
    url = f"/calls/{call.slug}/apply/"
    client.post(url, form_data("first@student.example"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form_data("first@student.example", referee1_email="new-referee@uni.example"))
    assert [message.to for message in mail.outbox] == [["first@student.example"]]
    assert not OutboxEmail.objects.filter(to="new-referee@uni.example").exists()
