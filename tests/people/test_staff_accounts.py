"""Staff accounts: sign-in with lockout after repeated failures, sessions that end when idle, onboarding with
add_staff, and the four groups of permissions."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from people.models import StaffLabAccess
from tests import factories

pytestmark = pytest.mark.django_db


# --- sign-in ---------------------------------------------------------------------------------------------------


def test_repeated_failed_sign_ins_lock_the_account_with_a_clear_message(client):
    factories.SuperuserFactory(username="boss", password="the-right-password-123")
    statuses = [
        client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "the-right-password-123"})
    assert locked.status_code in (403, 429)
    assert "Sign-in locked" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_good_sign_in_works_and_sign_out_ends_the_session(client):
    factories.SuperuserFactory(username="boss", password="the-right-password-123")
    response = client.post("/admin/login/?next=/admin/", {"username": "boss", "password": "the-right-password-123"})
    assert response.status_code == 302
    session_key = client.session.session_key
    client.post("/admin/logout/")
    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get("/admin/").status_code == 302


def test_staff_sessions_expire_when_idle(admin_client, settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_COOKIE_HTTPONLY is True

    def session():
        return Session.objects.get(session_key=admin_client.session.session_key)

    def minutes_left():
        return (session().expire_date - timezone.now()).total_seconds() / 60

    assert admin_client.get("/admin/").status_code == 200
    Session.objects.filter(pk=session().pk).update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    assert admin_client.get("/admin/").status_code == 200
    assert 29 < minutes_left() <= 30  # each request gives the session another 30 minutes
    Session.objects.filter(pk=session().pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = admin_client.get("/admin/")  # 30 minutes without a request
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


# --- onboarding ----------------------------------------------------------------------------------------------------


def test_add_staff_creates_a_lab_manager_and_prints_a_working_password_link(client, capsys):
    factories.JointLabFactory(slug="lab-a")
    call_command("add_staff", "New.Manager@Example.org", "--role", "lab_manager", "--lab", "lab-a")
    output = capsys.readouterr().out
    assert "Created new.manager@example.org: Lab managers (lab-a)." in output
    link = re.search(r"http://127\.0\.0\.1:8000(/admin/password/set/\S+/)", output).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and "new_password1" in form_page.content.decode()
    user = get_user_model().objects.get(username="new.manager@example.org")
    assert user.is_staff and not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Lab managers"]
    assert list(StaffLabAccess.objects.filter(user=user).values_list("lab__slug", flat=True)) == ["lab-a"]


def test_add_staff_updates_role_and_labs_and_takes_a_password_from_the_environment(monkeypatch, capsys):
    factories.JointLabFactory(slug="lab-a")
    factories.JointLabFactory(slug="lab-b")
    call_command("add_staff", "ed@example.org", "--role", "editor", "--lab", "lab-a")
    monkeypatch.setenv("ED_PASSWORD", "a-long-enough-password")
    call_command(
        "add_staff", "ed@example.org", "--role", "lab_manager", "--lab", "lab-b", "--password-env", "ED_PASSWORD"
    )
    assert "One-time link" not in capsys.readouterr().out.split("Updated")[-1]
    user = get_user_model().objects.get(username="ed@example.org")
    assert user.check_password("a-long-enough-password")
    assert list(user.groups.values_list("name", flat=True)) == ["Lab managers"]
    assert list(StaffLabAccess.objects.filter(user=user).values_list("lab__slug", flat=True)) == ["lab-b"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x@example.org", "--role", "lab_manager"], "needs at least one lab"),
        (["x@example.org", "--role", "editor", "--lab", "nope"], "No lab with the slug nope"),
        (["not-an-email", "--role", "admin"], "is not an e-mail address"),
        (["x@example.org", "--role", "admin", "--password-env", "UNSET_VARIABLE_FOR_TEST"], "is empty or not set"),
    ],
)
def test_add_staff_refuses_bad_input_clearly(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("add_staff", *args)


def test_the_four_groups_exist_with_permissions():
    groups = {group.name: group.permissions.count() for group in Group.objects.all()}
    assert set(groups) >= {"Portal administrators", "Lab managers", "Reviewers", "Content editors"}
    assert all(count > 0 for count in groups.values())
    reviewers = set(Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True))
    assert reviewers == {"view_application", "review_application", "add_review", "change_review", "view_review"}
