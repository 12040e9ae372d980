import io

from django.http import FileResponse, JsonResponse

from . import file_checks
from .bounded import RanOutOfResources, TookTooLong
from .uploads import run_file_check


class MetadataNotRemoved(Exception):
    """A PDF whose metadata could not be taken out (damaged, or too slow to rewrite): it must not be handed out."""


def pdf_without_metadata(stored_file):
    """The bytes of a stored PDF without author, title, creator, producer, subject, keywords and XMP metadata, for
    those who must not learn who wrote it (blind review). Rewritten in a bounded child process, like upload checks:
    files stored before those checks existed may be hostile."""
    with stored_file.open("rb") as opened:
        data = opened.read()
    try:
        copy = run_file_check(file_checks.pdf_without_metadata, data)
    except (TookTooLong, RanOutOfResources) as error:
        raise MetadataNotRemoved from error
    if copy is None:
        raise MetadataNotRemoved
    return copy


def private_file_response(stored_file, *, filename, content_type, strip_metadata=False):
    """A private file as a download: a name we made, never rendered by the browser, never cached. With
    strip_metadata (a PDF), the copy has no document metadata (pdf_without_metadata; MetadataNotRemoved when it
    cannot be made)."""
    content = io.BytesIO(pdf_without_metadata(stored_file)) if strip_metadata else stored_file.open("rb")
    response = FileResponse(content, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    # Even if a browser did render it, it would run in a sandbox with nothing allowed.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def personal_data_download(data, *, filename):
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
