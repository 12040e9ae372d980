"""portal.static_storage.StaticStorage: a static file's hashed URL is worked out once per process, never kept for a
name the manifest does not know, and forgotten when collectstatic writes a new manifest."""

import pytest

from portal.static_storage import StaticStorage


@pytest.fixture
def storage(tmp_path, settings):
    settings.DEBUG = False  # hashed names are used with DEBUG off only
    storage = StaticStorage(location=tmp_path, base_url="/static/")
    storage.hashed_files = {"css/site.css": "css/site.0123abcd.css"}
    return storage


def test_the_hashed_url_is_looked_up_once(storage, monkeypatch):
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    monkeypatch.setattr(storage, "stored_name", lambda name: pytest.fail("looked up again"))
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"


def test_a_name_missing_from_the_manifest_fails_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError):
            storage.url("css/missing.css")
    assert "css/missing.css" not in storage._urls


def test_a_new_manifest_replaces_what_was_worked_out(storage, monkeypatch):
    storage.url("css/site.css")
    monkeypatch.setattr(StaticStorage.__mro__[1], "post_process", lambda self, *args, **kwargs: iter(()))
    list(storage.post_process({}))
    storage.hashed_files = {"css/site.css": "css/site.4567ef01.css"}
    assert storage.url("css/site.css") == "/static/css/site.4567ef01.css"
