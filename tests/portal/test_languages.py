"""The translation catalogues: both Chinese scripts, every message translated and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


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
