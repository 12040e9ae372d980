"""Fixtures for the whole suite: isolation of each test (storage, language, cache), signed-in staff, the demo
content, the challenge form's data, query counting, and the admin-page checks each app's test_admin.py uses."""

import pytest
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.roles import LAB_MANAGER
from people.staff import staff_add
from portal.page_cache import bump_content_version
from tests import factories


@pytest.fixture(autouse=True)
def _test_storages(settings, tmp_path):
    """The suite runs with DEBUG off but without collectstatic, so skip the manifest lookup; and each test's
    private uploads go to a temporary folder of its own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """A request in Chinese leaves its language active in the thread; each test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; every test starts from zero (and with no process copies of what
    was derived from another test's content)."""
    caches["content"].clear()  # the process copies, and the shared cache behind them
    yield
    caches["content"].clear()


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "real_second_factor: force_login leaves staff before the second step of signing in, as a password would",
    )


@pytest.fixture(autouse=True)
def _staff_pass_the_second_step(request, monkeypatch):
    """Staff reach the admin only after the second step (portal/second_factor/). client.force_login of a staff
    account also marks the session verified, as django_otp.login does, by an authenticator made for the account;
    the tests of the second step itself are marked real_second_factor and go through it."""
    if request.node.get_closest_marker("real_second_factor"):
        return
    force_login = Client.force_login

    def force_login_past_the_second_step(client, user, backend=None):
        force_login(client, user, backend)
        if user.is_staff:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_past_the_second_step)


@pytest.fixture
def superuser(db):
    return factories.SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def demo(db):
    """The three demo labs with their people, projects, programmes and open calls."""
    call_command("load_demo", verbosity=0)


@pytest.fixture
def two_labs(db):
    return factories.JointLabFactory(slug="own"), factories.JointLabFactory(slug="other")


@pytest.fixture
def manager(client, two_labs):
    """A lab manager of the lab "own" (not of "other"), signed in on `client`."""
    user = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0]
    client.force_login(user)
    return user


@pytest.fixture
def count_queries():
    """count_queries(client, path): the database queries of a GET of `path`, which must answer 200. A first GET
    warms the per-process caches (content types, permissions) so that two counts compare like with like."""

    def count(client, path):
        client.get(path)
        # Counted as drawn, not as kept: what public content keeps (fragments, counts, options) is made stale,
        # else the count would depend on whether the clock moved between the two GETs.
        bump_content_version()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        return len(queries)

    return count


@pytest.fixture
def challenge_data():
    """challenge_data(**overrides): a valid post of the challenge form; an override of None leaves the field out."""

    def data(**overrides):
        fields = {
            "organisation_name": "Fictional Plating Works Ltd",
            "organisation_size": "10-49",
            "sector": "manufacturing",
            "contact_name": "Alex Example",
            "job_title": "Quality manager",
            "email": "alex@plating.example",
            "phone": "",
            "title": "Scratches on chrome-plated parts",
            "problem_statement": "Our chrome-plated, mirror-like parts get fine surface scratches that inspectors miss.",
            "current_approach": "",
            "desired_outcome": "Find every scratch before shipping.",
            "budget_range": "undecided",
            "timeline": "flexible",
            "confidentiality": "confidential",
            "consent": "on",
            "website": "",
        }
        fields.update(overrides)
        return {key: value for key, value in fields.items() if value is not None}

    return data


@pytest.fixture
def catalogue(db):
    """Projects of two labs to filter: two of the vision lab's on inspection, one partnered with acme, one private."""
    vision_lab = factories.JointLabFactory(slug="vision-lab")
    robot_lab = factories.JointLabFactory(slug="robot-lab")
    inspection = factories.FocusAreaFactory(lab=vision_lab, slug="inspection")
    partner = factories.OrganisationFactory(slug="acme")
    a = factories.ProjectFactory(lab=vision_lab, title="Glass defect finder", status="active")
    a.focus_areas.add(inspection)
    a.partners.add(partner)
    b = factories.ProjectFactory(lab=vision_lab, title="Weld seam checker", status="planned")
    b.focus_areas.add(inspection)
    factories.ProjectFactory(lab=robot_lab, title="Gripper for dumplings", status="active", keywords="food, grippers")
    factories.ProjectFactory(lab=vision_lab, title="Secret defect work", is_public=False)
    return {"inspection": inspection}


# --- the admin pages of each model, checked by the test_admin.py of the model's app ------------------------------


@pytest.fixture
def admin_changelist_is_steady(admin_client, count_queries):
    """Check that `model`'s admin list answers in as many queries with 50 rows as with 5, and counts all 50."""

    def check(model):
        url = reverse(admin_urlname(model._meta, "changelist"))
        factories.ADMIN_FACTORIES[model].create_batch(5)
        five = count_queries(admin_client, url)
        factories.ADMIN_FACTORIES[model].create_batch(45)
        assert count_queries(admin_client, url) == five
        assert f"50 {model._meta.verbose_name_plural}" in admin_client.get(url).content.decode()

    return check


@pytest.fixture
def admin_forms_are_steady(admin_client, count_queries):
    """Check that `model`'s change, history and add pages load, the first and last in as many queries with 50 rows
    as with 5; with `add_form=False` staff have no add form (the rows only arrive from outside) and get a 403."""

    def check(model, *, add_form=True):
        make = factories.ADMIN_FACTORIES[model]
        first = make()
        make.create_batch(4)
        change_url = reverse(admin_urlname(model._meta, "change"), args=[first.pk])
        add_url = reverse(admin_urlname(model._meta, "add"))
        change_five = count_queries(admin_client, change_url)
        count_queries(admin_client, reverse(admin_urlname(model._meta, "history"), args=[first.pk]))
        if add_form:
            add_five = count_queries(admin_client, add_url)
        else:
            assert admin_client.get(add_url).status_code == 403
        make.create_batch(45)
        assert count_queries(admin_client, change_url) == change_five
        if add_form:
            assert count_queries(admin_client, add_url) == add_five

    return check


@pytest.fixture
def admin_search_finds_by_name(admin_client):
    """Check that searching `model`'s admin list for one row's name finds that row alone."""

    def check(model):
        factories.ADMIN_FACTORIES[model].create_batch(3)
        target = factories.ADMIN_FACTORIES[model]()
        response = admin_client.get(reverse(admin_urlname(model._meta, "changelist")), {"q": str(target)})
        assert response.status_code == 200
        assert response.context["cl"].result_count == 1

    return check


@pytest.fixture
def submission_cost(monkeypatch):
    """submission_cost(client, url, data): the response to a form post and what answering it cost (queries, files
    stored, e-mail templates rendered), without the e-mails' delivery after commit: a worker does that in production.
    Two answers that must not be told apart by timing cost the same."""
    files_stored = []
    save = FileSystemStorage._save
    monkeypatch.setattr(
        FileSystemStorage, "_save", lambda self, name, content: files_stored.append(name) or save(self, name, content)
    )

    def measure(client, url, data):
        files_stored.clear()
        templates = []

        def rendered(sender, template, **kwargs):
            if template.name and template.name.startswith("emails/"):
                templates.append(template.name.split("/")[1].split(".")[-1])  # html, txt: the kinds, not the names

        template_rendered.connect(rendered)
        try:
            with CaptureQueriesContext(connection) as queries:
                response = client.post(url, data)
        finally:
            template_rendered.disconnect(rendered)
        cost = {"queries": len(queries), "files stored": len(files_stored), "e-mail templates": sorted(templates)}
        return response, cost

    return measure
