"""Reviewers are e-mailed when assigned (only the newly assigned) and reminded once before the review deadline;
lab managers assign reviewers among their own labs' staff who may review."""

import datetime
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from people.roles import EDITOR, REVIEWER
from people.staff import staff_add
from recruitment.models import Application
from recruitment.services import application_set_reviewers, applications_assign_reviewers, send_review_reminders
from tests import factories

pytestmark = pytest.mark.django_db

DEADLINE = datetime.datetime(2026, 12, 10, 9, 0, tzinfo=datetime.UTC)  # 17:00 in Hong Kong


@pytest.fixture
def own_reviewer(two_labs):
    return staff_add(email="own.reviewer@example.org", role=REVIEWER, lab_slugs=["own"])[0]


@pytest.fixture
def other_reviewer(two_labs):
    return staff_add(email="other.reviewer@example.org", role=REVIEWER, lab_slugs=["other"])[0]


@pytest.fixture
def application(two_labs):
    return factories.ApplicationFactory(call__programme__lab=two_labs[0], call__review_deadline=DEADLINE)


def delivered(capture, action):
    mail.outbox.clear()
    with capture(execute=True):
        action()
    return list(mail.outbox)


def change_data(client, application, reviewers):
    """The application's admin form posted with these reviewers, every inline left as it is."""
    page = client.get(reverse("admin:recruitment_application_change", args=[application.pk]))
    data = {"reviewers": [reviewer.pk for reviewer in reviewers], "internal_notes": "", "move_to": "", "move_note": ""}
    for inline in page.context["inline_admin_formsets"]:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    data.update(
        {f"portal-statuschange-content_type-object_id-{suffix}": "0" for suffix in ("TOTAL_FORMS", "INITIAL_FORMS")}
    )
    return data


def test_assigning_in_the_admin_emails_only_the_newly_added_reviewers(
    client, manager, application, own_reviewer, django_capture_on_commit_callbacks
):
    second = staff_add(email="second.reviewer@example.org", role=REVIEWER, lab_slugs=["own"])[0]
    url = reverse("admin:recruitment_application_change", args=[application.pk])

    def save(reviewers):
        return lambda: client.post(url, change_data(client, application, reviewers))

    [sent] = delivered(django_capture_on_commit_callbacks, save([own_reviewer]))
    assert sent.to == ["own.reviewer@example.org"]
    assert sent.subject == "An application to review"
    assert application.reference in sent.body and "Reviews are due by 10 Dec 2026, 17:00" in sent.body
    assert f"/admin/recruitment/review/add/?application={application.pk}" in sent.body
    assert application.name not in sent.body  # reviewers learn of an application by its reference
    # Saving again, or adding a second reviewer, does not e-mail the first one again.
    assert delivered(django_capture_on_commit_callbacks, save([own_reviewer])) == []
    [sent] = delivered(django_capture_on_commit_callbacks, save([own_reviewer, second]))
    assert sent.to == ["second.reviewer@example.org"]
    assert set(application.reviewers.all()) == {own_reviewer, second}


def test_the_assignment_email_is_in_the_portals_language(
    settings, application, own_reviewer, superuser, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "zh-hant"
    [sent] = delivered(
        django_capture_on_commit_callbacks,
        lambda: application_set_reviewers(application=application, reviewers=[own_reviewer], by=superuser),
    )
    assert "親愛的" in sent.body and "Dear" not in sent.body


def test_the_bulk_action_assigns_and_emails_each_reviewer_once(
    client, manager, two_labs, own_reviewer, django_capture_on_commit_callbacks
):
    first, second = factories.ApplicationFactory.create_batch(2, call__programme__lab=two_labs[0])
    first.reviewers.add(own_reviewer)  # already assigned: not told again
    third = factories.ApplicationFactory(call__programme__lab=two_labs[0])
    changelist = reverse("admin:recruitment_application_changelist")
    selected = {"action": "assign_reviewers", "_selected_action": [first.pk, second.pk, third.pk]}
    page = client.post(changelist, selected)
    assert page.status_code == 200 and "Assign reviewers" in page.content.decode()
    [sent] = delivered(
        django_capture_on_commit_callbacks,
        lambda: client.post(changelist, {**selected, "apply": "1", "reviewers": [own_reviewer.pk]}),
    )
    assert sent.subject == "2 applications to review"
    assert second.reference in sent.body and third.reference in sent.body and first.reference not in sent.body
    assert Application.objects.filter(reviewers=own_reviewer).count() == 3


def test_the_bulk_action_offers_only_reviewers_the_manager_may_pick(
    client, manager, application, own_reviewer, other_reviewer
):
    staff_add(email="own.editor@example.org", role=EDITOR, lab_slugs=["own"])
    page = client.post(
        reverse("admin:recruitment_application_changelist"),
        {"action": "assign_reviewers", "_selected_action": [application.pk]},
    )
    choices = {str(user) for user in page.context["form"].fields["reviewers"].queryset}
    assert choices == {own_reviewer.username}


def test_an_account_that_may_not_review_is_refused(application, superuser, two_labs):
    editor = staff_add(email="own.editor@example.org", role=EDITOR, lab_slugs=["own"])[0]
    with pytest.raises(ValidationError):
        application_set_reviewers(application=application, reviewers=[editor], by=superuser)
    with pytest.raises(ValidationError):
        applications_assign_reviewers(applications=[application], reviewers=[editor], by=superuser)
    assert not application.reviewers.exists()


def test_a_lab_managers_reviewer_picker_offers_their_labs_reviewers(
    client, manager, application, own_reviewer, other_reviewer
):
    staff_add(email="own.editor@example.org", role=EDITOR, lab_slugs=["own"])
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "recruitment", "model_name": "application", "field_name": "reviewers", "term": ""},
    )
    assert response.status_code == 200
    ids = {int(result["id"]) for result in json.loads(response.content)["results"]}
    assert ids == {own_reviewer.pk}


def test_a_lab_manager_cannot_assign_another_labs_reviewer_by_posting_their_id(
    client, manager, application, other_reviewer
):
    url = reverse("admin:recruitment_application_change", args=[application.pk])
    response = client.post(url, change_data(client, application, [other_reviewer]))
    assert response.status_code == 200 and "reviewers" in response.context["adminform"].form.errors
    assert not application.reviewers.exists()


# --- reminders ------------------------------------------------------------------------------------------------------


def test_reviewers_are_reminded_once_of_what_is_not_in(
    settings, application, own_reviewer, django_capture_on_commit_callbacks
):
    settings.REVIEW_REMINDER_DAYS = 3
    reviewed = factories.ApplicationFactory(call=application.call)
    for assigned in (application, reviewed):
        assigned.reviewers.add(own_reviewer)
    factories.ReviewFactory(application=reviewed, reviewer=own_reviewer)

    def remind(now):
        return delivered(django_capture_on_commit_callbacks, lambda: send_review_reminders(now=now))

    assert remind(DEADLINE - datetime.timedelta(days=4)) == []  # too early
    [sent] = remind(DEADLINE - datetime.timedelta(days=2))
    assert sent.to == ["own.reviewer@example.org"] and sent.subject == "Reminder: a review is due soon"
    assert application.reference in sent.body and reviewed.reference not in sent.body
    assert "Reviews are due by 10 Dec 2026, 17:00" in sent.body
    assert remind(DEADLINE - datetime.timedelta(days=1)) == []  # once


def test_no_reminder_after_the_deadline_or_for_a_closed_application(
    settings, application, own_reviewer, django_capture_on_commit_callbacks
):
    settings.REVIEW_REMINDER_DAYS = 3
    application.reviewers.add(own_reviewer)
    assert (
        delivered(
            django_capture_on_commit_callbacks,
            lambda: send_review_reminders(now=DEADLINE + datetime.timedelta(hours=1)),
        )
        == []
    )
    Application.objects.filter(pk=application.pk).update(status="withdrawn")
    assert (
        delivered(
            django_capture_on_commit_callbacks, lambda: send_review_reminders(now=DEADLINE - datetime.timedelta(days=1))
        )
        == []
    )


def test_the_reminder_is_in_the_portals_language_and_the_command_runs(
    settings, application, own_reviewer, django_capture_on_commit_callbacks, monkeypatch
):
    settings.LANGUAGE_CODE = "zh-hans"
    application.reviewers.add(own_reviewer)
    monkeypatch.setattr(timezone, "now", lambda: DEADLINE - datetime.timedelta(days=1))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    [sent] = mail.outbox
    assert "尊敬的" in sent.body and application.reference in sent.body
