import pytest

from tests.factories import SuperuserFactory


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """The suite runs with DEBUG off but without collectstatic, so skip the manifest lookup."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
