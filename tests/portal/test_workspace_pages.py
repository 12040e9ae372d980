"""Every staff page outside the admin's own views (password setup, lockout, second step, sign-in and sign-out) is
the portal's, in the staff member's language; dates read as Hong Kong writes them in each language."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.template import Context, Template
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from events.services import registration_create
from people.roles import LAB_MANAGER
from people.staff import staff_add
from tests import factories

pytestmark = pytest.mark.django_db

PORTAL_NAME = {"en": "Joint Lab Portal administration", "zh-hant": "聯合實驗室平台管理"}
WHEN = datetime.datetime(2026, 11, 28, 14, 9, tzinfo=ZoneInfo("Asia/Hong_Kong"))


def assert_branded(response, language):
    html = response.content.decode()
    assert response.status_code == 200
    assert "Django" not in html, re.findall(r".{40}Django.{40}", html)[:3]
    assert PORTAL_NAME[language] in html


def password_set_page(client, user, language):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return client.get(f"/admin/password/set/{uid}/{token}/", follow=True, headers={"accept-language": language})


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_password_setup_page_is_the_portals_in_the_staff_members_language(client, language):
    user = staff_add(email="new@example.org", role=LAB_MANAGER, lab_slugs=[factories.JointLabFactory().slug])[0]
    response = password_set_page(client, user, language)
    assert_branded(response, language)
    assert ("Enter new password" in response.content.decode()) == (language == "en")


@pytest.mark.parametrize("language", ["en", "zh-hant"])
@pytest.mark.parametrize(
    "path", ["/admin/login/", "/admin/password/set/done/", "/admin/password/set/MQ/expired-token/"]
)
def test_sign_in_and_password_pages_are_the_portals(client, path, language):
    assert_branded(client.get(path, follow=True, headers={"accept-language": language}), language)


@pytest.mark.real_second_factor
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_second_step_pages_are_the_portals(client, language):
    user = factories.SuperuserFactory(username="boss", password="the-right-password-123")
    client.post("/admin/login/", {"username": "boss", "password": "the-right-password-123"})
    assert user.is_staff
    # No authenticator yet: the second step leads to its setup page.
    assert_branded(client.get("/admin/second-factor/", follow=True, headers={"accept-language": language}), language)


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_signing_out_says_the_portals_name(admin_client, language):
    assert_branded(admin_client.post("/admin/logout/", headers={"accept-language": language}), language)


@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_the_lockout_page_is_the_portals(client, settings, language):
    settings.AXES_FAILURE_LIMIT = 2
    factories.SuperuserFactory(username="boss", password="the-right-password-123")
    for _attempt in range(2):
        response = client.post(
            "/admin/login/", {"username": "boss", "password": "wrong"}, headers={"accept-language": language}
        )
    response = client.post(
        "/admin/login/", {"username": "boss", "password": "wrong"}, headers={"accept-language": language}
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Django" not in html and PORTAL_NAME[language] in html


@pytest.mark.parametrize(
    "language, date, datetime_, short",
    [
        ("en", "28 Nov 2026", "28 Nov 2026, 14:09", "28/11/2026"),
        ("zh-hant", "2026年11月28日", "2026年11月28日 下午2:09", "2026年11月28日"),
        ("zh-hans", "2026年11月28日", "2026年11月28日 下午2:09", "2026年11月28日"),
    ],
)
def test_dates_are_written_as_in_hong_kong_in_each_language(language, date, datetime_, short):
    template = Template(
        '{{ when|date:"DATE_FORMAT" }}|{{ when|date:"DATETIME_FORMAT" }}|{{ when|date:"SHORT_DATE_FORMAT" }}|{{ when }}'
    )
    with translation.override(language):
        assert template.render(Context({"when": WHEN})) == f"{date}|{datetime_}|{short}|{datetime_}"


def test_admin_lists_and_record_pages_show_hong_kong_dates(client, manager, two_labs):
    own, _other = two_labs
    challenge = factories.ChallengeRequestFactory(lab=own, submitted_at=WHEN)
    factories.ApplicationFactory(call__programme__lab=own, submitted_at=WHEN)
    for language, expected in (("en", "28 Nov 2026, 14:09"), ("zh-hant", "2026年11月28日 下午2:09")):
        for url in ("/admin/recruitment/application/", f"/admin/challenges/challengerequest/{challenge.pk}/change/"):
            html = client.get(url, headers={"accept-language": language}).content.decode()
            assert expected in html, (language, url)
            assert "a.m." not in html and "p.m." not in html and "Nov. 28" not in html


def test_the_staff_language_switcher_keeps_the_chosen_language(client, manager):
    response = client.post("/admin/language/", {"language": "zh-hans", "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    html = client.get("/admin/").content.decode()
    assert '<html lang="zh-hans"' in html and "联合实验室平台管理" in html
    assert client.get("/").content.decode().count('lang="en"') >= 1  # the public pages keep their own addresses


def test_a_request_reads_in_order_submitter_conversation_decisions(client, manager, two_labs):
    own, _other = two_labs
    challenge = factories.ChallengeRequestFactory(lab=own)
    html = client.get(f"/admin/challenges/challengerequest/{challenge.pk}/change/").content.decode()
    order = ["From the enterprise", "Suggested matches", "Conversation with the submitter", "Triage (staff only)"]
    positions = [html.index(heading) for heading in order]
    assert positions == sorted(positions)
    # The message form cannot nest in the record's form: its fields point to the empty form after it.
    assert 'form="conversation-form"' in html
    message_form = html.index('<form id="conversation-form"')
    assert html.rindex("</form>", 0, message_form) > html.index('id="challengerequest_form"')


def test_an_application_reads_in_order_applicant_conversation_workflow(client, manager, two_labs):
    own, _other = two_labs
    application = factories.ApplicationFactory(call__programme__lab=own)
    html = client.get(f"/admin/recruitment/application/{application.pk}/change/").content.decode()
    order = ["From the applicant", "Conversation with the submitter", "Move to"]
    positions = [html.index(heading) for heading in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "language, when",
    [
        ("en", "28 Nov 2026, 14:09 – 16:09"),
        ("zh-hant", "2026年11月28日 下午2:09 – 下午4:09"),
        ("zh-hans", "2026年11月28日 下午2:09"),
    ],
)
def test_e_mails_give_dates_as_hong_kong_writes_them_in_the_recipients_language(
    language, when, django_capture_on_commit_callbacks
):
    event = factories.EventFactory(starts_at=WHEN, ends_at=WHEN + datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(
            event=event, name="Chan Siu Ming", email="siuming@example.com", organisation="", language=language,
            now=WHEN - datetime.timedelta(days=7),
        )  # fmt: skip
    [message] = mail.outbox
    assert when in message.body
    assert "a.m." not in message.body and "p.m." not in message.body
