"""Staff run events in the admin: steady pages, the attendee list as formula-safe CSV, attendance marked once the
event has started, cancellations that promote the waiting list, a raised capacity that fills places — and a lab
manager of one lab sees, changes and exports nothing of another lab's."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Registration
from tests import factories

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/events/registration/"
EXPORT = "/admin/events/registration/export/"


def test_event_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady):
    admin_changelist_is_steady(Event)


def test_registration_changelist_query_count_does_not_grow_with_rows(admin_changelist_is_steady):
    admin_changelist_is_steady(Registration)


def test_event_forms_load_with_a_steady_query_count(admin_forms_are_steady):
    admin_forms_are_steady(Event)


def test_registrations_only_come_from_visitors(admin_forms_are_steady):
    admin_forms_are_steady(Registration, add_form=False)


def test_search_finds_an_event_by_its_title(admin_search_finds_by_name):
    admin_search_finds_by_name(Event)


def test_the_attendee_export_is_formula_safe_and_filtered(admin_client):
    seminar = factories.EventFactory(title="Export seminar")
    factories.RegistrationFactory(event=seminar, name="=SUM(A1:A9)", organisation="+cmd|' /C calc'!A0")
    factories.RegistrationFactory(name="Someone elsewhere")
    response = admin_client.get(EXPORT, {"event__id__exact": seminar.pk})
    assert response["Content-Disposition"].startswith('attachment; filename="attendees-')
    text = response.content.decode("utf-8-sig")
    assert "'=SUM(A1:A9)" in text and "'+cmd|" in text
    assert "Someone elsewhere" not in text


def past_event_with(*emails):
    """An event that has started (registered for while it was open)."""
    event = factories.EventFactory()
    registrations = [factories.RegistrationFactory(event=event, email=email) for email in emails]
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1), ends_at=timezone.now() + datetime.timedelta(hours=1)
    )
    return event, registrations


def test_attendance_is_marked_once_the_event_has_started(admin_client):
    _event, (came, missed) = past_event_with("came@example.com", "missed@example.com")
    admin_client.post(CHANGELIST, {"action": "mark_attended", "_selected_action": [came.pk]})
    admin_client.post(CHANGELIST, {"action": "mark_absent", "_selected_action": [missed.pk]})
    came.refresh_from_db(), missed.refresh_from_db()
    assert (came.status, missed.status) == ("attended", "absent")
    # A correction the other way is allowed.
    admin_client.post(CHANGELIST, {"action": "mark_attended", "_selected_action": [missed.pk]})
    missed.refresh_from_db()
    assert missed.status == "attended"


def test_attendance_cannot_be_marked_before_the_event_or_for_the_waiting_list(admin_client):
    upcoming = factories.RegistrationFactory()
    response = admin_client.post(
        CHANGELIST, {"action": "mark_attended", "_selected_action": [upcoming.pk]}, follow=True
    )
    assert f"Not marked (the event has not started, or they hold no place): {upcoming.reference}" in (
        response.content.decode()
    )
    upcoming.refresh_from_db()
    assert upcoming.status == "confirmed"


def test_staff_cancelling_a_place_promotes_the_waiting_list(admin_client):
    seminar = factories.EventFactory(capacity=1)
    holder = factories.RegistrationFactory(event=seminar)
    waiting = factories.RegistrationFactory(event=seminar)
    assert waiting.status == "waitlisted"
    admin_client.post(CHANGELIST, {"action": "cancel_registrations", "_selected_action": [holder.pk]})
    holder.refresh_from_db(), waiting.refresh_from_db()
    assert (holder.status, waiting.status) == ("cancelled", "confirmed")


def test_raising_the_capacity_gives_places_to_the_people_waiting(admin_client):
    seminar = factories.EventFactory(capacity=1)
    factories.RegistrationFactory(event=seminar)
    waiting = factories.RegistrationFactory(event=seminar)
    page = admin_client.get(reverse("admin:events_event_change", args=[seminar.pk]))
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update(
        {
            "lab": seminar.lab.pk,
            "capacity": 2,
            "starts_at_0": timezone.localtime(seminar.starts_at).strftime("%Y-%m-%d"),
            "starts_at_1": timezone.localtime(seminar.starts_at).strftime("%H:%M:%S"),
            "ends_at_0": timezone.localtime(seminar.ends_at).strftime("%Y-%m-%d"),
            "ends_at_1": timezone.localtime(seminar.ends_at).strftime("%H:%M:%S"),
            "registration_deadline_0": "",
            "registration_deadline_1": "",
            "is_published": "on",
            "takes_registrations": "on",
        }
    )
    data = {
        key: value
        for key, value in data.items()
        if not isinstance(value, bool) and key not in ("starts_at", "ends_at", "registration_deadline")
    }
    response = admin_client.post(reverse("admin:events_event_change", args=[seminar.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


@pytest.fixture
def both_labs_events(two_labs):
    own, other = two_labs
    records = {}
    for whose, lab in (("own", own), ("other", other)):
        event = factories.EventFactory(lab=lab, title=f"{whose} event")
        records[whose] = {
            "event": event,
            "registration": factories.RegistrationFactory(event=event, name=f"{whose} person"),
        }
    return records


def test_a_lab_manager_sees_only_their_labs_events_and_registrations(client, manager, both_labs_events):
    events_page = client.get("/admin/events/event/").content.decode()
    assert "own event" in events_page and "other event" not in events_page
    registrations_page = client.get(CHANGELIST).content.decode()
    assert "own person" in registrations_page and "other person" not in registrations_page
    other = both_labs_events["other"]
    for url in (
        reverse("admin:events_event_change", args=[other["event"].pk]),
        reverse("admin:events_registration_change", args=[other["registration"].pk]),
        reverse("admin:events_registration_history", args=[other["registration"].pk]),
    ):
        assert client.get(url).status_code in (302, 403, 404), url
    own = both_labs_events["own"]
    assert client.get(reverse("admin:events_registration_change", args=[own["registration"].pk])).status_code == 200


def test_a_lab_manager_exports_only_their_labs_attendees(client, manager, both_labs_events):
    text = client.get(EXPORT).content.decode("utf-8-sig")
    assert "own person" in text and "other person" not in text
    other_event = both_labs_events["other"]["event"]
    text = client.get(EXPORT, {"event__id__exact": other_event.pk}).content.decode("utf-8-sig")
    assert "other person" not in text


def test_a_lab_manager_cannot_act_on_another_labs_registrations(client, manager, both_labs_events):
    theirs = both_labs_events["other"]["registration"]
    client.post(CHANGELIST, {"action": "cancel_registrations", "_selected_action": [theirs.pk]})
    theirs.refresh_from_db()
    assert theirs.status == "confirmed"


def test_a_lab_manager_can_only_pick_their_own_lab_for_an_event(client, manager, two_labs):
    own, _other = two_labs
    form = client.get(reverse("admin:events_event_add")).context["adminform"].form
    assert list(form.fields["lab"].queryset) == [own]


def test_content_editors_manage_events_but_never_see_registrations(client, two_labs):
    from people.roles import EDITOR
    from people.staff import staff_add

    client.force_login(staff_add(email="editor@example.org", role=EDITOR, lab_slugs=["own"])[0])
    assert client.get("/admin/events/event/").status_code == 200
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(EXPORT).status_code in (403, 404)
