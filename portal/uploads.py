"""Upload validation shared by every form that takes files: type by content, size cap, structure and active content
checked by real parsers within bounded time and memory, private random names."""

import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import file_checks
from .bounded import ChildFailed, RanOutOfResources, TookTooLong, run_bounded

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: tuple
    content_type: str


FILE_KINDS = {
    "pdf": FileKind(gettext_lazy("PDF"), (".pdf",), "application/pdf"),
    "docx": FileKind(
        gettext_lazy("Word document"),
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pptx": FileKind(
        gettext_lazy("PowerPoint presentation"),
        (".pptx",),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "xlsx": FileKind(
        gettext_lazy("Excel workbook"), (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "png": FileKind(gettext_lazy("PNG image"), (".png",), "image/png"),
    "jpeg": FileKind(gettext_lazy("JPEG image"), (".jpg", ".jpeg"), "image/jpeg"),
}
SNIFF_BYTES = 8192


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = _PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


def private_storage():
    """Files that must never have a public URL: downloads go through a view that checks permission.

    Django evaluates a field's storage callable once, at import; the lazy object follows STORAGES["private"]
    (local disk by default, object storage in production) whenever it is configured."""
    return _private_storage


@deconstructible
class RandomUploadName:
    """upload_to for private files: the stored name says nothing about the original one."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        return f"{self.folder}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadName) and other.folder == self.folder


def detect_kind(uploaded):
    """The file's kind from its first bytes, whatever its name says (None when not recognised)."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(position)
    guess = filetype.guess(head)
    if guess is None:
        return None
    return {"jpg": "jpeg"}.get(guess.extension, guess.extension)


def validate_upload(uploaded, *, allowed, deadline=None):
    """Check one uploaded file against the allowed kinds; returns its kind or raises a ValidationError
    whose message names the file and says what is wrong. PDFs and Office files are opened by a real parser in a
    bounded child process, to finish by `deadline` (time.monotonic(); UPLOAD_CHECK_SECONDS from now by default)."""
    name = Path(uploaded.name).name
    labels = ", ".join(str(FILE_KINDS[kind].label) for kind in allowed)
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    if uploaded.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; each file may be at most %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
            },
            code="too_large",
        )
    kind = detect_kind(uploaded)
    if kind not in allowed:
        raise ValidationError(
            _("“%(name)s” is not an accepted file: its content is not one of %(labels)s.")
            % {"name": name, "labels": labels},
            code="bad_type",
        )
    extension = Path(name).suffix.lower()
    if extension not in FILE_KINDS[kind].extensions:
        raise ValidationError(
            _("“%(name)s” is named like another kind of file but its content is a %(kind)s; rename it and try again.")
            % {"name": name, "kind": FILE_KINDS[kind].label},
            code="bad_extension",
        )
    if kind in INSPECTIONS:
        inspect_content(uploaded, kind, deadline=deadline)
    return kind


# What each problem found by portal.file_checks tells the person who uploaded the file.
_SAVE_AGAIN = gettext_lazy("Save it again as a plain PDF (for example with “Print to PDF”) and try again.")
PROBLEMS = {
    "damaged": gettext_lazy("“%(name)s” is damaged or not a PDF. Open it, save it again as a PDF and try again."),
    "encrypted": gettext_lazy(
        "“%(name)s” is password-protected or encrypted, so we cannot check it. Save a copy without a password "
        "and try again."
    ),
    "no_pages": gettext_lazy("“%(name)s” has no pages."),
    "javascript": gettext_lazy("“%(name)s” contains JavaScript, which we do not accept."),
    "automatic_action": gettext_lazy("“%(name)s” contains actions that run by themselves when it is opened or read."),
    "launch": gettext_lazy("“%(name)s” contains an action that starts a program or opens a file on the computer."),
    "submit_form": gettext_lazy("“%(name)s” contains a form that sends or loads data over the network."),
    "other_file": gettext_lazy("“%(name)s” contains links that open other files."),
    "embedded_file": gettext_lazy("“%(name)s” has other files attached inside it."),
    "xfa": gettext_lazy("“%(name)s” contains an XFA form, which we do not accept."),
    "rich_media": gettext_lazy("“%(name)s” contains embedded media (video, sound, Flash or 3D)."),
    "other_action": gettext_lazy("“%(name)s” contains actions other than links to web pages or to its own pages."),
    "unsafe_link": gettext_lazy("“%(name)s” contains a link that is neither a web page nor an e-mail address."),
    "macros": gettext_lazy(
        "“%(name)s” contains macros, which we do not accept. Save it again without macros and try again."
    ),
    "activex": gettext_lazy(
        "“%(name)s” contains ActiveX controls, which we do not accept. Save it again without them and try again."
    ),
    "broken_archive": gettext_lazy(
        "“%(name)s” is damaged or not a complete Office document. Open it, save it again and try again."
    ),
    "too_complex": gettext_lazy(
        "“%(name)s” could not be checked: it is far more complex than its size suggests or needs more memory than we "
        "allow. Save it again as a plain file and try again."
    ),
    "timeout": gettext_lazy("“%(name)s” could not be checked in time. Save it again as a plain file and try again."),
}
# Problems that a plain re-save cures get that advice added.
_CURED_BY_SAVING_AS_PDF = {
    "javascript", "automatic_action", "launch", "submit_form", "other_file", "embedded_file", "xfa", "rich_media",
    "other_action", "unsafe_link",
}  # fmt: skip
INSPECTIONS = {
    "pdf": file_checks.pdf_problem,
    "docx": file_checks.office_problem,
    "pptx": file_checks.office_problem,
    "xlsx": file_checks.office_problem,
}


def check_deadline():
    """When the checks of one form field must be finished: the files of one field share the time."""
    return time.monotonic() + settings.UPLOAD_CHECK_SECONDS


def run_file_check(function, data, *, deadline=None):
    """function(data) in a child process bounded by UPLOAD_CHECK_SECONDS and UPLOAD_CHECK_MEMORY_MB: no file can
    hold a web worker longer or take its memory. Raises TookTooLong or RanOutOfResources when it could not finish."""
    seconds = (deadline or check_deadline()) - time.monotonic()
    if seconds <= 0:
        raise TookTooLong
    try:
        return run_bounded(function, data, seconds=seconds, memory_bytes=settings.UPLOAD_CHECK_MEMORY_MB * 1024 * 1024)
    except ChildFailed:
        logger.exception("A file check failed; the file was refused as not checkable.")
        raise RanOutOfResources from None


def inspect_content(uploaded, kind, *, deadline=None):
    """Open the file with a real parser (pikepdf for PDFs, zipfile for Office files) and refuse it, with the reason,
    when it is damaged, encrypted, empty of pages or carries active content (portal.file_checks)."""
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    try:
        problem = run_file_check(INSPECTIONS[kind], data, deadline=deadline)
    except TookTooLong:
        problem = "timeout"
    except RanOutOfResources:
        problem = "too_complex"
    if problem:
        message = PROBLEMS[problem] % {"name": Path(uploaded.name).name}
        if kind == "pdf" and problem in _CURED_BY_SAVING_AS_PDF:
            message = f"{message} {_SAVE_AGAIN}"
        raise ValidationError(message, code=problem)
