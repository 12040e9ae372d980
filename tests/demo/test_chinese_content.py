"""The demo content reads as Chinese in both scripts: every translated field a demo record has in English is also
written in Traditional (Hong Kong usage) and Simplified (mainland usage), and the Chinese lab pages are mostly
Chinese, not English with a Chinese frame."""

import re
from html.parser import HTMLParser

import opencc
import pytest
from django.core.management import call_command
from django.utils import translation
from modeltranslation.translator import translator

from alliances.models import AlliancePage
from demo.content import CAIR_HKPC, CHINESE, ENGLISH_ONLY_NAMES, HKUST_HKPC, PEOPLE, PHYSICAL_AI
from events.models import Event
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from news.models import NewsArticle
from people.models import Person
from projects.models import Project
from recruitment.models import Call

pytestmark = pytest.mark.django_db

DEMO_LABS = [HKUST_HKPC, CAIR_HKPC, PHYSICAL_AI]

# Organisations whose public Chinese name we are not sure of: their name stays English on the Chinese pages.
NAMES_LEFT_IN_ENGLISH = {"51world", "huixi-technology", "lion-x-ventures", "dragonstone-capital", "delian-capital"}

# Taiwan or mainland words where Hong Kong writes otherwise (軟件, 硬件, 網絡, 數據庫, 影片, 數碼, 芯片, 私隱, 質素).
NOT_HONG_KONG = ["軟體", "硬體", "網路", "資料庫", "視頻", "數位", "晶片", "隱私", "質量", "機器學習"]
# Hong Kong words where the mainland writes otherwise (机器人, 隐私, 通过, 数字, 量身定制, “”).
NOT_MAINLAND = ["机械人", "私隐", "透过", "数码", "度身订造", "「", "」"]

HK2S = opencc.OpenCC("hk2s")


def demo_records():
    """(record, label) for every demo record with translated fields."""
    querysets = [
        JointLab.objects.filter(slug__in=DEMO_LABS),
        Organisation.objects.filter(partnerships__lab__slug__in=DEMO_LABS).distinct(),
        FocusArea.objects.filter(lab__slug__in=DEMO_LABS),
        Programme.objects.filter(lab__slug__in=DEMO_LABS),
        Project.objects.filter(lab__slug__in=DEMO_LABS),
        Call.objects.filter(programme__lab__slug__in=DEMO_LABS),
        NewsArticle.objects.filter(lab__slug__in=DEMO_LABS),
        Event.objects.filter(lab__slug__in=DEMO_LABS),
        AlliancePage.objects.filter(programme__lab__slug__in=DEMO_LABS),
        Partnership.objects.filter(lab__slug__in=DEMO_LABS),
        Person.objects.filter(lab_roles__lab__slug__in=DEMO_LABS).distinct(),
    ]
    for queryset in querysets:
        model = queryset.model
        fields = translator.get_options_for_model(model).fields if model in translator.get_registered_models() else ()
        for record in queryset:
            yield record, fields, f"{model.__name__} {getattr(record, 'slug', record.pk)}"


def texts(script):
    """(label, text) of every non-empty text of the demo records in one script ("zh_hant" or "zh_hans")."""
    for record, fields, label in demo_records():
        for field in fields:
            text = getattr(record, f"{field}_{script}")
            if text:
                yield f"{label} {field}", text


def test_the_demo_covers_every_kind_of_translated_record(demo):
    kinds = {label.split()[0] for _, fields, label in demo_records() if fields}
    assert {"JointLab", "Organisation", "FocusArea", "Programme", "Project", "Call", "NewsArticle", "Event"} <= kinds


def test_every_translated_field_with_english_text_has_both_chinese_scripts(demo):
    missing = []
    for record, fields, label in demo_records():
        for field in fields:
            if not getattr(record, f"{field}_en"):
                continue
            if isinstance(record, Organisation) and field == "name" and record.slug in NAMES_LEFT_IN_ENGLISH:
                continue
            missing += [
                f"{label} {field}_{script}"
                for script in ("zh_hant", "zh_hans")
                if not getattr(record, f"{field}_{script}")
            ]
    assert missing == []


def test_an_organisation_without_a_certain_chinese_name_keeps_its_english_name(demo):
    assert NAMES_LEFT_IN_ENGLISH == ENGLISH_ONLY_NAMES
    organisation = Organisation.objects.get(slug="lion-x-ventures")
    assert not organisation.name_zh_hant and not organisation.name_zh_hans
    with translation.override("zh-hant"):
        assert organisation.name == "Lion X Ventures"
    with translation.override("zh-hans"):
        assert Organisation.objects.get(slug="hkpc").name == "香港生产力促进局"


def test_every_position_given_in_english_is_written_in_both_chinese_scripts():
    """Checked on the content, so it holds whether or not Person.position is translatable yet."""
    positions = CHINESE["people"]
    for person in PEOPLE:
        if person["position"]:
            hant, hans = positions[person["slug"]]["position"]
            assert hant and hans, person["slug"]
        else:
            assert person["slug"] not in positions  # nothing is invented for a position the articles don't give


def test_chinese_positions_are_shown_once_position_is_translatable(demo):
    if "position_zh_hant" not in {field.attname for field in Person._meta.concrete_fields}:
        pytest.skip("Person.position is not translatable yet")
    with translation.override("zh-hant"):
        assert Person.objects.get(slug="mohamed-butt").position == "香港生產力促進局總裁"
    with translation.override("zh-hans"):
        assert Person.objects.get(slug="guo-yike").position == "香港科技大学首席副校长"


def test_traditional_text_uses_hong_kong_terms(demo):
    found = [(label, word) for label, text in texts("zh_hant") for word in NOT_HONG_KONG if word in text]
    assert found == []


def test_simplified_text_has_no_traditional_characters(demo):
    assert [label for label, text in texts("zh_hans") if HK2S.convert(text) != text] == []


def test_simplified_text_uses_mainland_terms(demo):
    found = [(label, word) for label, text in texts("zh_hans") for word in NOT_MAINLAND if word in text]
    assert found == []


def test_dates_in_chinese_text_are_written_the_chinese_way(demo):
    spaced = re.compile(r"\d\s+[年月日]|[年月]\s+\d")
    english_month = re.compile(
        r"\b(January|February|March|April|May|June|July|August|September|October|November|"
        r"December)\b"
    )
    bad = [
        label
        for script in ("zh_hant", "zh_hans")
        for label, text in texts(script)
        if spaced.search(text) or english_month.search(text)
    ]
    assert bad == []


CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


class MainText(HTMLParser):
    """The visible text inside <main>: no scripts, styles or SVG."""

    HIDDEN = {"script", "style", "svg", "template"}

    def __init__(self):
        super().__init__()
        self.in_main = 0
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.in_main += tag == "main"
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.in_main -= tag == "main"
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if self.in_main and not self.hidden:
            self.parts.append(data)


def chinese_share(html):
    """CJK characters as a share of CJK characters plus Latin words: a Chinese character is about a word."""
    parser = MainText()
    parser.feed(html)
    text = " ".join(parser.parts)
    characters, words = len(CJK.findall(text)), len(LATIN_WORD.findall(text))
    return characters / (characters + words)


def test_chinese_share_counts_characters_against_words():
    assert (
        chinese_share("<main><h1>聯合實驗室</h1><p>HKUST and HKPC</p><script>var x</script></main><p>English</p>")
        == 5 / 8
    )


@pytest.mark.parametrize("language", ["zh-hant", "zh-hans"])
@pytest.mark.parametrize("slug", DEMO_LABS)
def test_a_chinese_lab_page_is_mostly_chinese(demo, client, language, slug):
    response = client.get(f"/{language}/labs/{slug}/")
    assert response.status_code == 200
    assert chinese_share(response.content.decode()) >= 0.7


def test_a_second_run_keeps_chinese_text_staff_have_written(demo):
    lab = JointLab.objects.get(slug=PHYSICAL_AI)
    lab.tagline_zh_hant = "職員改寫的標語"
    lab.save()
    lab.refresh_from_db()
    call_command("load_demo", verbosity=0)
    lab.refresh_from_db()
    assert lab.tagline_zh_hant == "職員改寫的標語"
    assert lab.tagline_zh_hans == CHINESE["labs"][PHYSICAL_AI]["tagline"][1]


def test_chinese_text_is_filled_into_demo_records_loaded_before_it_existed(demo):
    project = Project.objects.get(slug="small-defect-inspection")
    Project.objects.filter(pk=project.pk).update(title_zh_hant="", title_zh_hans="", description_en="")
    call_command("load_demo", verbosity=0)
    project.refresh_from_db()
    assert (project.title_zh_hant, project.title_zh_hans) == ("細小缺陷檢測", "细小缺陷检测")
    assert project.description_en.startswith("One of the first projects")
