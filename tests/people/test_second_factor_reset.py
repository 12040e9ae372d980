"""Resetting a colleague's second factor (a lost phone): who may, what it removes, what the colleague sees next."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.roles import ADMIN, LAB_MANAGER
from people.staff import staff_add
from portal.models import OutboxEmail
from portal.second_factor.services import recovery_codes_issue
from tests import factories

pytestmark = pytest.mark.django_db

USERS = "/admin/auth/user/"


def with_second_factor(user):
    TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    recovery_codes_issue(user=user)
    return user


def reset(client, *users):
    return client.post(
        USERS, {"action": "reset_second_factor", "_selected_action": [user.pk for user in users]}, follow=True
    )


def has_second_factor(user):
    return TOTPDevice.objects.filter(user=user).exists() or StaticToken.objects.filter(device__user=user).exists()


def test_an_administrator_resets_a_colleagues_second_factor_and_the_colleague_sets_up_again(admin_client, two_labs):
    colleague = with_second_factor(staff_add(email="lost.phone@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0])
    colleague_browser = Client()
    colleague_browser.force_login(colleague)  # a session verified before the reset
    assert colleague_browser.get("/admin/").status_code == 200

    response = reset(admin_client, colleague)
    assert "The two-step sign-in of 1 account was reset" in response.content.decode()
    assert not has_second_factor(colleague)
    entry = LogEntry.objects.get(object_id=str(colleague.pk))
    assert entry.change_message == "Reset the two-step sign-in."
    notice = OutboxEmail.objects.get(to="lost.phone@example.org")  # a reset they did not ask for gets noticed
    assert notice.subject == "Your two-step sign-in to the Joint Lab Portal was reset"
    assert "admin reset the two-step sign-in of your staff account" in notice.body_text
    assert "http://127.0.0.1:8000/admin/login/" in notice.body_text
    # The colleague's session is no longer verified; their next page is the setup.
    following = colleague_browser.get("/admin/", follow=True)
    assert following.redirect_chain[-1][0].startswith("/admin/second-factor/setup/")


def test_the_user_list_shows_who_has_an_authenticator_in_as_many_queries_for_many_users(admin_client, count_queries):
    with_second_factor(factories.UserFactory(is_staff=True))
    few = count_queries(admin_client, USERS)
    for _ in range(20):
        with_second_factor(factories.UserFactory(is_staff=True))
    assert count_queries(admin_client, USERS) == few
    column = admin_client.get(USERS).context["cl"].result_list
    assert all(user.has_authenticator for user in column)


def test_a_portal_administrator_cannot_reset_a_superusers_second_factor(client, superuser):
    with_second_factor(superuser)
    administrator = staff_add(email="portal.admin@example.org", role=ADMIN)[0]
    assert administrator.groups.get() == Group.objects.get(name="Portal administrators")
    client.force_login(administrator)
    response = reset(client, superuser)
    assert "Nothing was reset: you may not reset the two-step sign-in of admin." in response.content.decode()
    assert has_second_factor(superuser)
    assert not OutboxEmail.objects.exists()


def test_a_refusal_for_one_selected_account_resets_none_of_them(client, superuser):
    administrator = staff_add(email="portal.admin@example.org", role=ADMIN)[0]
    colleague = with_second_factor(factories.UserFactory(is_staff=True))
    with_second_factor(superuser)
    client.force_login(administrator)
    reset(client, colleague, superuser)
    assert has_second_factor(colleague) and has_second_factor(superuser)


def test_a_portal_administrator_resets_a_lab_managers_second_factor(client, two_labs):
    administrator = staff_add(email="portal.admin@example.org", role=ADMIN)[0]
    colleague = with_second_factor(staff_add(email="m@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0])
    client.force_login(administrator)
    reset(client, colleague)
    assert not has_second_factor(colleague)


def test_a_lab_manager_cannot_reset_anyones_second_factor(client, manager, superuser):
    with_second_factor(superuser)
    response = reset(client, superuser)
    assert response.status_code == 403
    assert has_second_factor(superuser)
