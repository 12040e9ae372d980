"""portal.content_cache: what is derived from public content is kept in each process in front of the shared cache.
Safe only because a value never changes under its key; these tests hold that to account."""

import pytest
from django.core.cache import cache, caches

from portal.page_cache import bump_content_version, content_version, remember_for_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept():
    return caches["content"]


def test_a_value_is_read_from_process_memory_once_kept(kept, monkeypatch):
    kept.set("fragment", "<nav>…</nav>")
    monkeypatch.setattr(kept.shared, "get", lambda *args, **kwargs: pytest.fail("asked the shared cache"))
    assert kept.get("fragment") == "<nav>…</nav>"


def test_a_value_another_process_kept_is_found_in_the_shared_cache_and_kept_here(kept, monkeypatch):
    cache.set("fragment", "<footer>…</footer>")
    assert kept.get("fragment") == "<footer>…</footer>"
    monkeypatch.setattr(kept.shared, "get", lambda *args, **kwargs: pytest.fail("asked the shared cache again"))
    assert kept.get("fragment") == "<footer>…</footer>"


def test_a_deleted_value_is_gone_from_both(kept):
    kept.set("fragment", "x")
    kept.delete("fragment")
    assert (kept.get("fragment"), cache.get("fragment")) == (None, None)


def test_a_content_change_is_seen_at_once_by_a_process_that_kept_the_old_value():
    assert remember_for_content("labs", lambda: "three labs") == "three labs"
    bump_content_version()
    assert remember_for_content("labs", lambda: "four labs") == "four labs"


def test_when_the_shared_cache_comes_back_empty_no_process_copy_is_served_again():
    """Redis restarted without its data: the version starts afresh, never at a number processes already used."""
    first = content_version()
    assert remember_for_content("labs", lambda: "three labs") == "three labs"
    cache.clear()  # the shared cache only; this process still holds its copy under the old version's key
    assert content_version() != first
    assert remember_for_content("labs", lambda: "four labs") == "four labs"
