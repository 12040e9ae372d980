"""Private files (CVs, transcripts, letters, confidential attachments) are readable by the portal's own user and
group only: the files and folders it stores, and whatever its processes and backups write."""

import re
import stat
from pathlib import Path

import pytest
from django.conf import settings

from challenges.models import ChallengeAttachment
from tests import factories
from tests.files import pdf

ROOT = Path(settings.BASE_DIR)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.django_db
def test_stored_uploads_and_their_folders_are_not_readable_by_other_users(_test_storages):
    application = factories.ApplicationFactory(transcript=pdf("transcript.pdf"))
    challenge = factories.ChallengeRequestFactory(attachments=[(pdf(), "pdf")])
    attachment = ChallengeAttachment.objects.get(challenge=challenge)
    for name in (application.cv.name, application.transcript.name, attachment.file.name):
        stored = _test_storages / name
        assert mode(stored) == 0o640, name
        assert mode(stored.parent) == 0o750, name


def test_every_service_the_project_ships_writes_files_for_its_own_group_only():
    units = sorted((ROOT / "deploy").glob("*.service"))
    assert len(units) >= 3
    for unit in units:
        service_section = unit.read_text().split("[Service]")[1].split("\n[")[0]
        assert re.search(r"^UMask=0027$", service_section, re.M), unit.name
    for script in ("backup.sh", "restore.sh"):
        assert re.search(r"^umask 027\b", (ROOT / "deploy" / script).read_text(), re.M), script
