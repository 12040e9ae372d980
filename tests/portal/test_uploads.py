"""The upload checks around the parsers: Office files (macros, broken archives), the bounded child process every
check runs in, and the time the files of one form field share."""

import io
import threading
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError

from portal import file_checks
from portal.bounded import ChildFailed, RanOutOfResources, TookTooLong, run_bounded
from portal.forms import ValidatedFilesField
from portal.uploads import detect_kind, validate_upload
from tests.files import PDF_BYTES, office_bytes, pdf, slow_pdf, upload
from tests.processes import children_of_this_process

# --- Office files ---------------------------------------------------------------------------------------------------


def refusal(name, content, allowed=("docx", "xlsx", "pptx")):
    try:
        validate_upload(upload(name, content), allowed=allowed)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def with_altered_part(content):
    """The archive with one stored part's bytes changed after its checksum was written."""
    return content.replace(b"<document/>", b"<documenX/>")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.docx", office_bytes()),
        ("budget.xlsx", office_bytes("xl/workbook.xml")),
        ("pitch.pptx", office_bytes("ppt/presentation.xml")),
        ("chart.pptx", office_bytes("ppt/presentation.xml", extra=[("ppt/embeddings/Sheet1.xlsx", "data")])),
    ],
)
def test_intact_office_files_without_macros_are_accepted(name, content):
    assert refusal(name, content) is None


MACRO_TYPES = (
    '<Types><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", office_bytes(extra=[("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")]), "contains macros"),
        ("plan.docx", office_bytes(content_types=MACRO_TYPES), "contains macros"),
        ("budget.xlsx", office_bytes("xl/workbook.xml", extra=[("xl/macrosheets/sheet1.xml", "<xm/>")]), "macros"),
        ("pitch.pptx", office_bytes("ppt/presentation.xml", extra=[("ppt/activeX/activeX1.bin", b"x")]), "ActiveX"),
        ("plan.docx", office_bytes()[:-30], "is damaged or not a complete Office document"),
        ("plan.docx", with_altered_part(office_bytes()), "is damaged or not a complete Office document"),
    ],
    ids=["vba-project", "macro-enabled-type", "excel-4-macro-sheet", "activex", "truncated", "bad-checksum"],
)
def test_office_files_with_macros_or_broken_archives_are_refused(name, content, message):
    assert message in (refusal(name, content) or "accepted")


def test_an_office_archive_that_unpacks_to_gigabytes_is_refused(monkeypatch):
    monkeypatch.setattr(file_checks, "MAX_OFFICE_UNPACKED", 1000)
    content = office_bytes(extra=[("word/media/big.bin", b"\0" * 5000)])
    assert "could not be checked" in refusal("plan.docx", content)


def test_the_refused_archive_is_really_an_office_file_to_the_type_sniffer():
    """The truncated and altered archives still look like Word files: the parser, not the sniffer, refuses them."""
    for content in (office_bytes()[:-30], with_altered_part(office_bytes())):
        assert detect_kind(upload("plan.docx", content)) == "docx"
        with pytest.raises(zipfile.BadZipFile), zipfile.ZipFile(io.BytesIO(content)) as archive:
            archive.read("word/document.xml")


# --- the bounded child process --------------------------------------------------------------------------------------


def double(value):
    return value * 2


def spin():
    while True:
        pass


def sleep_long():
    time.sleep(60)


def allocate(megabytes):
    return len(bytearray(megabytes * 1024 * 1024))


def fail():
    raise ValueError("a bug in a check")


def test_a_check_returns_its_answer():
    assert run_bounded(double, 21, seconds=5, memory_bytes=64 * 1024 * 1024) == 42


@pytest.mark.parametrize("function", [spin, sleep_long], ids=["busy", "waiting"])
def test_a_check_past_its_time_is_killed(function):
    children_before = children_of_this_process()
    started = time.monotonic()
    with pytest.raises(TookTooLong):
        run_bounded(function, seconds=0.5, memory_bytes=64 * 1024 * 1024)
    assert time.monotonic() - started < 2
    assert children_of_this_process() == children_before  # killed and reaped


def test_a_check_past_its_memory_is_stopped():
    with pytest.raises(RanOutOfResources):
        run_bounded(allocate, 512, seconds=5, memory_bytes=64 * 1024 * 1024)
    assert run_bounded(allocate, 16, seconds=5, memory_bytes=64 * 1024 * 1024) == 16 * 1024 * 1024


def test_an_exception_in_a_check_is_reported_not_raised_in_the_child():
    with pytest.raises(ChildFailed, match="ValueError: a bug in a check"):
        run_bounded(fail, seconds=5, memory_bytes=64 * 1024 * 1024)


def test_checks_from_threads_do_not_wait_for_each_other():
    """runserver and live_server answer each request in a thread: a slow check in one must not delay another."""
    results = {}

    def slow():
        try:
            run_bounded(sleep_long, seconds=3, memory_bytes=64 * 1024 * 1024)
        except TookTooLong:
            results["slow"] = "stopped"

    def quick():
        time.sleep(0.2)  # the slow child is already running and holds whatever it inherited
        started = time.monotonic()
        results["quick"] = run_bounded(double, 1, seconds=3, memory_bytes=64 * 1024 * 1024)
        results["quick_seconds"] = time.monotonic() - started

    threads = [threading.Thread(target=slow), threading.Thread(target=quick)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results["quick"] == 2 and results["quick_seconds"] < 1.5 and results["slow"] == "stopped"


# --- the files of one field share the time --------------------------------------------------------------------------


def test_the_files_of_one_field_share_the_time_a_check_may_take(settings):
    settings.UPLOAD_CHECK_SECONDS = 0.5
    field = ValidatedFilesField(allowed=("pdf",), max_files=3)
    files = [pdf("slow.pdf", slow_pdf()), pdf("second.pdf", slow_pdf()), pdf("fine.pdf", PDF_BYTES)]
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        field.clean(files)
    assert time.monotonic() - started < 2
    messages = refused.value.messages
    assert [message.split("”")[0] for message in messages] == ["“slow.pdf", "“second.pdf", "“fine.pdf"]
    assert all("could not be checked in time" in message for message in messages)
