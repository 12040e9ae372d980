"""What is wrong with an uploaded PDF or Office file, found by real parsers; and a PDF without its metadata.

Plain functions of bytes, free of Django, because they run on untrusted input inside the bounded child process
(portal.bounded); portal.uploads turns their answers into messages. Each check answers a problem code, or None.
"""

import io
import json
import re
import zipfile

import pikepdf

# --- PDF ------------------------------------------------------------------------------------------------------------

# A CV of 300 pages has a few thousand objects; far more is a file made to keep the checker busy.
MAX_PDF_OBJECTS = 250_000
# Direct objects nested inside the indirect ones (arrays of annotations, inline dictionaries) count too.
MAX_PDF_NODES = 2_000_000

# Action types (/S) by the problem they are; /GoTo (a page of the same file) and /URI (a web link) are the only
# ones allowed, and /URI only to a web or e-mail address.
ACTION_PROBLEMS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/SubmitForm": "submit_form",
    "/ImportData": "submit_form",
    "/GoToR": "other_file",
    "/GoToE": "other_file",
    "/RichMediaExecute": "rich_media",
    "/Rendition": "rich_media",
    "/Movie": "rich_media",
    "/Sound": "rich_media",
    "/GoTo3DView": "rich_media",
}
# Every other action type a reader knows: refused as an action we do not accept.
OTHER_ACTIONS = {"/Named", "/Thread", "/Hide", "/SetOCGState", "/Trans", "/ResetForm"}
SAFE_ACTIONS = {"/GoTo", "/URI"}
# Annotation and object kinds that carry players, programs or other files.
MEDIA_SUBTYPES = {"/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"}
MEDIA_TYPES = {"/RichMediaContent", "/RichMediaSettings", "/RichMediaInstance", "/Sound", "/3DView"}
SAFE_LINK_SCHEMES = {"http", "https", "mailto"}
_LINK_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


class TooComplex(Exception):
    pass


def pdf_problem(data):
    """The first reason to refuse this PDF, or None when it opens, has pages, is not encrypted and has no active
    content in any of its objects (those in object streams included, whatever filter encodes them)."""
    try:
        with pikepdf.open(io.BytesIO(data), suppress_warnings=True) as pdf:
            if pdf.is_encrypted:
                return "encrypted"
            if len(pdf.pages) == 0:
                return "no_pages"
            return _active_content(pdf)
    except pikepdf.PasswordError:
        return "encrypted"
    except TooComplex:
        return "too_complex"
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - qpdf gives up in many ways on a damaged file; each means the same to us
        return "too_complex" if "bad_alloc" in str(error) else "damaged"


class _Found(Exception):
    def __init__(self, problem):
        self.problem = problem


def _active_content(pdf):
    declared = pdf.trailer.get("/Size")
    if isinstance(declared, int) and declared > MAX_PDF_OBJECTS:
        raise TooComplex
    objects = pdf.objects
    if len(objects) > MAX_PDF_OBJECTS:
        raise TooComplex
    budget = [MAX_PDF_NODES]
    openings = []

    def inspect(dictionary):
        budget[0] -= 1
        if budget[0] < 0:
            raise TooComplex
        problem = _dictionary_problem(dictionary)
        if problem:
            raise _Found(problem)
        if "/OpenAction" in dictionary:
            openings.append(dictionary["/OpenAction"])
        return dictionary

    # qpdf writes each object as JSON (names "/Name", strings "u:text" or "b:hex", references "5 0 R"), and the JSON
    # parser hands every dictionary, however deeply nested, to inspect(): far faster than visiting each key through
    # pikepdf. Every object the file lists is read, reachable from the catalog or not: a reader that rebuilds a
    # damaged file's cross-reference table finds them all.
    try:
        for item in (pdf.trailer, *objects):
            if isinstance(item, pikepdf.Object):  # pikepdf hands plain numbers and null over as Python values
                json.loads(item.to_json(dereference=True, schema_version=2), object_hook=inspect)  # streams: their dict
        for opening in openings:
            if isinstance(opening, str) and opening.endswith(" R"):
                number, generation, _ = opening.split()
                opening = json.loads(
                    pdf.get_object(int(number), int(generation)).to_json(dereference=True, schema_version=2)
                )
            # A destination (an array) or a GoTo action only: anything else would run as the file opens.
            if isinstance(opening, dict) and opening.get("/S") != "/GoTo":
                return _action_problem(opening) or "automatic_action"
        _refuse_unread_objects(pdf)
    except _Found as found:
        return found.problem
    return None


def _refuse_unread_objects(pdf):
    """qpdf reads an object it cannot unpack as null and says so in a warning; what it could not read we cannot
    vouch for, although another reader might well read it."""
    for warning in pdf.get_warnings():
        if "bad_alloc" in warning:
            raise TooComplex
        if "error decoding stream data" in warning or "unfilterable stream" in warning:
            raise _Found("damaged")


def _dictionary_problem(dictionary):
    keys = dictionary.keys()
    if "/JS" in keys or "/JavaScript" in keys:
        return "javascript"
    if "/AA" in keys:
        return "automatic_action"
    if "/XFA" in keys:
        return "xfa"
    if "/EmbeddedFiles" in keys or "/EF" in keys:
        return "embedded_file"
    if "/Win" in keys or "/Mac" in keys or "/Unix" in keys:
        return "launch"
    kind, subtype = dictionary.get("/Type"), dictionary.get("/Subtype")
    if kind == "/EmbeddedFile" or subtype == "/FileAttachment":
        return "embedded_file"
    if subtype in MEDIA_SUBTYPES or kind in MEDIA_TYPES or "/RichMediaContent" in keys:
        return "rich_media"
    if "/S" in keys or kind == "/Action":
        return _action_problem(dictionary)
    return None


def _action_problem(action):
    action_type = action.get("/S")
    if action_type in ACTION_PROBLEMS:
        return ACTION_PROBLEMS[action_type]
    if action_type == "/URI":
        return None if _safe_link(action.get("/URI")) else "unsafe_link"
    if action_type in OTHER_ACTIONS:
        return "other_action"
    if action_type in SAFE_ACTIONS:
        return None
    # Any other /S is not an action (a border style, a transition, a page label…) unless the dictionary says so.
    return "other_action" if action.get("/Type") == "/Action" else None


def _safe_link(uri):
    if not isinstance(uri, str):
        return True
    if uri.startswith("b:"):
        text = bytes.fromhex(uri[2:]).decode("latin-1")
    else:
        text = uri[2:] if uri.startswith("u:") else uri
    # Browsers drop blanks and control characters before reading the scheme: so do we.
    text = "".join(character for character in text if character > " ")
    scheme = _LINK_SCHEME.match(text)
    return scheme is None or scheme.group(1).lower() in SAFE_LINK_SCHEMES


def pdf_without_metadata(data):
    """The same PDF without its document information (author, title, creator, …) and without XMP metadata on the
    catalog, the pages or anywhere else; the file is rewritten, so earlier revisions go too. None when qpdf cannot
    read it."""
    try:
        return _rewritten_without_metadata(data)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - damaged in one of many ways
        return None


def _rewritten_without_metadata(data):
    with pikepdf.open(io.BytesIO(data), suppress_warnings=True) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for item in pdf.objects:
            dictionary = item.stream_dict if isinstance(item, pikepdf.Stream) else item
            if isinstance(dictionary, pikepdf.Dictionary) and "/Metadata" in dictionary:
                del dictionary["/Metadata"]
        output = io.BytesIO()
        pdf.save(output, fix_metadata_version=False, deterministic_id=True)
        return output.getvalue()


# --- Office (docx, xlsx, pptx) --------------------------------------------------------------------------------------

MAX_OFFICE_PARTS = 10_000
MAX_OFFICE_UNPACKED = 200 * 1024 * 1024
# VBA projects, Excel 4 macro sheets and ActiveX controls, by part name and by declared content type.
_MACRO_PARTS = re.compile(r"(^|/)(vbaproject\.bin|vbadata\.xml)$|(^|/)macrosheets/", re.I)
_MACRO_TYPES = re.compile(rb"macroEnabled|vbaProject|ms-excel\.(intl)?macrosheet|ms-office\.vbaData", re.I)
_ACTIVEX = re.compile(r"(^|/)activex/", re.I)


def office_problem(data):
    """None for an intact Office Open XML file without macros or ActiveX controls; otherwise the reason."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return "broken_archive"
    if len(parts) > MAX_OFFICE_PARTS or sum(part.file_size for part in parts) > MAX_OFFICE_UNPACKED:
        return "too_complex"
    names = [part.filename for part in parts]
    if "[Content_Types].xml" not in names:
        return "broken_archive"
    if any(_MACRO_PARTS.search(name) for name in names):
        return "macros"
    if any(_ACTIVEX.search(name) for name in names):
        return "activex"
    try:
        if _MACRO_TYPES.search(archive.read("[Content_Types].xml")):
            return "macros"
        # Reading every part to its end checks its CRC: a truncated or altered archive fails here.
        for part in parts:
            with archive.open(part) as member:
                while member.read(1 << 20):
                    pass
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError, RuntimeError):
        return "broken_archive"
    except Exception:  # noqa: BLE001 - zlib.error and the like: a part that does not unpack
        return "broken_archive"
    return None
