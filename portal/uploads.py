"""Upload validation shared by every form that takes files: type by content, size cap, private random names."""

import re
import uuid
import zlib
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


def validate_upload(uploaded, *, allowed):
    """Check one uploaded file against the allowed kinds; returns its kind or raises a ValidationError
    whose message names the file and says what is wrong."""
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
    if kind == "pdf":
        validate_inert_pdf(uploaded)
    return kind


# PDF names may hide letters as #xx escapes (/J#61vaScript); streams may be compressed.
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch)(?![A-Za-z0-9])")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


# Unpacking is capped: a few hundred KB of deflated zeros would otherwise expand to gigabytes.
PDF_STREAM_LIMIT = 16 * 1024 * 1024
PDF_TOTAL_LIMIT = 64 * 1024 * 1024


class PdfTooComplex(Exception):
    pass


def pdf_active_content(data):
    """The first active-content keyword found in a PDF (JavaScript or a launch action), or None.
    Raises PdfTooComplex when its compressed streams unpack to more than we are willing to inspect."""

    def unescape(chunk):
        return _PDF_NAME_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), chunk)

    chunks = [data]
    unpacked = 0
    for stream in _PDF_STREAM.findall(data):
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(stream, PDF_STREAM_LIMIT)
        except zlib.error:
            continue
        unpacked += len(chunk)
        if inflater.unconsumed_tail or unpacked > PDF_TOTAL_LIMIT:
            raise PdfTooComplex
        chunks.append(chunk)
    for chunk in chunks:
        found = _PDF_ACTIVE.search(unescape(chunk))
        if found:
            return found.group(1).decode()
    return None


def validate_inert_pdf(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    try:
        keyword = pdf_active_content(data)
    except PdfTooComplex:
        raise ValidationError(
            _(
                "“%(name)s” could not be checked: its contents unpack to far more than its size. Save it again as a plain PDF."
            )
            % {"name": Path(uploaded.name).name},
            code="pdf_too_complex",
        ) from None
    if keyword:
        raise ValidationError(
            _("“%(name)s” contains active content (%(what)s), which we do not accept. Save it again as a plain PDF.")
            % {
                "name": Path(uploaded.name).name,
                "what": "JavaScript" if keyword in ("JavaScript", "JS") else _("a launch action"),
            },
            code="active_pdf",
        )
