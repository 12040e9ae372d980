"""English, 繁體中文 and 简体中文: every page, the catalogues, the content, search and e-mails."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from tests import factories

pytestmark = pytest.mark.django_db
CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
ENGLISH_NAV = ["Labs", "Focus areas", "Projects", "People", "Partners", "Programmes", "Submit a challenge"]


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def public_paths():
    from django.utils import translation

    with translation.override("en"):
        return _public_paths()


def _public_paths():
    from labs.models import FocusArea, JointLab, Organisation, Programme
    from people.models import Person
    from projects.models import Project
    from recruitment.models import Call

    paths = ["/", "/labs/", "/focus-areas/", "/projects/", "/people/", "/partners/", "/programmes/", "/privacy/"]
    paths += ["/search/?q=robot", "/challenges/submit/", "/calls/hkust-hkpc-internship-demo/apply/"]
    for model in (JointLab, FocusArea, Organisation, Programme, Person, Call, Project):
        paths += [obj.get_absolute_url() for obj in model.objects.all()]
    return paths


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_every_public_page_in_every_language(client, demo, language):
    prefix = "" if language == "en" else f"/{language}"
    for path in public_paths():
        response = client.get(prefix + path)
        assert response.status_code == 200, prefix + path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, prefix + path
        navigation = html.split('<ul class="navbar-nav me-auto">', 1)[1].split("</ul>", 1)[0]
        labels = {label for label in ENGLISH_NAV if f">{label}</a>" in navigation}
        assert labels == (set(ENGLISH_NAV) if language == "en" else set()), prefix + path


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: path.parts[-3])
def test_every_message_is_translated_and_compiled(catalogue):
    po = polib.pofile(str(catalogue))
    assert po.percent_translated() == 100, [entry.msgid for entry in po.untranslated_entries()][:10]
    assert po.fuzzy_entries() == [], [entry.msgid for entry in po.fuzzy_entries()][:10]
    compiled = {
        entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.mofile(str(catalogue.with_suffix(".mo")))
    }
    current = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in po.translated_entries()}
    assert compiled == current, "django.mo is out of date: run make messages"


def test_there_are_catalogues_for_both_chinese_scripts():
    assert [path.parts[-3] for path in CATALOGUES] == ["zh_Hans", "zh_Hant"]


def test_content_shows_in_the_language_of_the_page_with_english_filling_gaps(client, demo):
    traditional = client.get("/zh-hant/labs/").content.decode()
    assert "香港科技大學—香港生產力促進局工業人工智能及機械人聯合研究實驗室" in traditional
    simplified = client.get("/zh-hans/focus-areas/").content.decode()
    assert "工业人工智能" in simplified
    # Project titles have no Chinese version yet: the English one is shown.
    assert "Small defect inspection" in client.get("/zh-hans/projects/").content.decode()
    partners = client.get("/zh-hant/partners/").content.decode()
    assert "香港生產力促進局" in partners and "Lion X Ventures" in partners


def test_search_works_in_the_language_shown(client, demo):
    def found(path):
        results = client.get(path).context["results"]
        return {searchable.key: [str(item) for item in items] for searchable, items in results}

    assert "focus_areas" in found("/zh-hant/search/?q=機械人")
    assert "organisations" in found("/zh-hans/search/?q=生产力")
    assert any(
        "defect" in title.lower() for title in found("/zh-hant/search/?q=defect")["projects"]
    )  # English fallback


def test_keyword_filters_work_in_the_language_shown(client, demo):
    response = client.get("/zh-hant/partners/?q=生產力")
    assert [org.slug for org in response.context["organisations"]] == ["hkpc"]


def test_emails_go_out_in_the_language_used_to_submit(client, django_capture_on_commit_callbacks):
    lab = factories.JointLabFactory()
    data = {
        "organisation_name": "語言測試有限公司",
        "organisation_size": "1-9",
        "sector": "other",
        "contact_name": "陳大文",
        "job_title": "經理",
        "email": "chan@example.com",
        "title": "測試",
        "problem_statement": "問題",
        "desired_outcome": "結果",
        "preferred_lab": lab.pk,
        "budget_range": "undecided",
        "timeline": "flexible",
        "confidentiality": "confidential",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/zh-hant/challenges/submit/", data)
    acknowledgement = next(message for message in mail.outbox if message.to == ["chan@example.com"])
    assert "We received" not in acknowledgement.subject
    assert "陳大文" in acknowledgement.body and "/challenges/status/" in acknowledgement.body
    assert "Dear" not in acknowledgement.body


def test_the_demo_loader_writes_english_whatever_language_is_active():
    from django.utils import translation

    from labs.models import JointLab

    with translation.override("zh-hans"):
        call_command("load_demo", verbosity=0)
    lab = JointLab.objects.get(slug="cair-hkpc-joint-laboratory")
    assert lab.name_en == "CAIR–HKPC Joint Laboratory"
    assert lab.name_zh_hans == "人工智能与机器人创新中心—香港生产力促进局联合实验室"
