"""PDF uploads are opened by a real parser (pikepdf on qpdf) in a bounded child process: ordinary documents made by
real libraries pass; damaged, encrypted, empty and active ones are refused with their reason, wherever the active
content hides; crafted files cannot hold a worker; reviewers under blind review get copies without metadata."""

import io
import time

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from pikepdf import Array, Dictionary, Name, String

from portal import file_checks
from portal.downloads import MetadataNotRemoved, pdf_without_metadata
from portal.uploads import validate_upload
from tests.files import (
    PDF_BYTES,
    STREAM_BOMB,
    document_pdf,
    object_stream_bomb,
    pdf,
    pdf_with_object_stream,
    pikepdf_pdf,
    slow_pdf,
)
from tests.processes import children_of_this_process


def refusal(content, name="cv.pdf"):
    """The message validate_upload gives for this PDF (None when it is accepted)."""
    try:
        validate_upload(pdf(name, content), allowed=("pdf",))
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def with_link(action):
    """A page with one link annotation whose action is `action`."""

    def change(document):
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 72, 200, 90]), A=action)
        document.pages[0].obj.Annots = document.make_indirect(Array([document.make_indirect(link)]))

    return change


def open_action(action):
    def change(document):
        document.Root.OpenAction = action

    return change


# --- what must be accepted ----------------------------------------------------------------------------------------


def go_to_first_page(document):
    document.Root.OpenAction = Array([document.pages[0].obj, Name.Fit])


def go_to_action(document):
    document.Root.OpenAction = Dictionary(S=Name.GoTo, D=Array([document.pages[0].obj, Name.Fit]))


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(PDF_BYTES, id="pikepdf-one-page"),
        pytest.param(document_pdf(), id="fpdf2-fonts-image-links-outline-object-streams"),
        pytest.param(document_pdf(pages=40, object_streams=False), id="fpdf2-40-pages-plain-xref"),
        pytest.param(pikepdf_pdf(pages=5, object_stream_mode=pikepdf.ObjectStreamMode.generate), id="pikepdf-objstm"),
        pytest.param(pikepdf_pdf(go_to_first_page), id="opens-at-a-destination"),
        pytest.param(pikepdf_pdf(go_to_action), id="opens-with-a-goto-action"),
        pytest.param(pikepdf_pdf(with_link(Dictionary(S=Name.URI, URI=String("https://example.org/")))), id="web"),
        pytest.param(pikepdf_pdf(with_link(Dictionary(S=Name.URI, URI=String("mailto:a@example.org")))), id="mail"),
        pytest.param(pdf_with_object_stream({5: b"<</Producer(Writer)>>"}, filters=("ASCIIHexDecode",)), id="hex"),
    ],
)
def test_ordinary_pdfs_made_by_real_libraries_are_accepted(content):
    assert refusal(content) is None


def test_the_test_documents_are_what_they_claim():
    """fpdf2's document really has several pages, an embedded and two standard fonts, an image, web links and
    compressed object streams."""
    content = document_pdf()
    with pikepdf.open(io.BytesIO(content)) as document:
        assert len(document.pages) == 3
        fonts = [font for page in document.pages for font in page.Resources.Font.values()]
        assert {str(font.BaseFont).lstrip("/").split("+")[-1] for font in fonts} >= {
            "PortalTestSans",
            "Helvetica-Bold",
            "Times-Roman",
        }
        assert any("/FontFile2" in font.DescendantFonts[0].FontDescriptor for font in fonts if font.Subtype == "/Type0")
        assert any("/XObject" in page.Resources for page in document.pages)
        uris = [str(a.A.URI) for page in document.pages for a in page.get("/Annots", []) if "/URI" in a.get("/A", {})]
        assert "https://portfolio.example.org/alex" in uris
    assert b"/ObjStm" in content


# --- what must be refused, with its reason -------------------------------------------------------------------------

JAVASCRIPT = Dictionary(S=Name.JavaScript, JS=String("app.alert(1)"))


def javascript_on_page_open(document):
    document.pages[0].obj.AA = Dictionary(O=JAVASCRIPT)


def javascript_in_names_tree(document):
    tree = Array([String("startup"), document.make_indirect(Dictionary(S=Name.JavaScript, JS=String("x")))])
    document.Root.Names = Dictionary(JavaScript=Dictionary(Names=tree))


def launch_annotation(document):
    with_link(Dictionary(S=Name.Launch, F=String("calc.exe"), Win=Dictionary(F=String("cmd.exe"))))(document)


def submit_form(document):
    widget = Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Btn,
        T=String("send"),
        Rect=Array([72, 72, 200, 90]),
        A=Dictionary(S=Name.SubmitForm, F=String("https://collector.example/")),
    )
    widget = document.make_indirect(widget)
    document.pages[0].obj.Annots = Array([widget])
    document.Root.AcroForm = Dictionary(Fields=Array([widget]))


def embedded_file(document):
    document.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(document, b"MZ fictional", mime_type="x/x")


def file_attachment_annotation(document):
    spec = pikepdf.AttachedFileSpec(document, b"MZ fictional", filename="tool.exe")
    document.pages[0].obj.Annots = Array(
        [Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment, Rect=Array([0, 0, 20, 20]), FS=spec.obj)]
    )


def xfa_form(document):
    document.Root.AcroForm = Dictionary(Fields=Array([]), XFA=document.make_stream(b"<xdp:xdp/>"))


def rich_media(document):
    annotation = Dictionary(
        Type=Name.Annot,
        Subtype=Name.RichMedia,
        Rect=Array([0, 0, 200, 200]),
        RichMediaContent=Dictionary(Assets=Dictionary(Names=Array([]))),
    )
    document.pages[0].obj.Annots = Array([document.make_indirect(annotation)])


def chained_after_a_link(document):
    with_link(Dictionary(S=Name.URI, URI=String("https://example.org/"), Next=JAVASCRIPT))(document)


def remove_pages(document):
    del document.pages[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (pikepdf_pdf(open_action(JAVASCRIPT)), "contains JavaScript"),
        (pikepdf_pdf(javascript_on_page_open), "contains JavaScript"),
        (pikepdf_pdf(javascript_in_names_tree), "contains JavaScript"),
        (pikepdf_pdf(chained_after_a_link), "contains JavaScript"),
        (pikepdf_pdf(launch_annotation), "starts a program or opens a file"),
        (pikepdf_pdf(open_action(Dictionary(S=Name.Launch, F=String("calc.exe")))), "starts a program"),
        (pikepdf_pdf(submit_form), "sends or loads data"),
        (pikepdf_pdf(with_link(Dictionary(S=Name.ImportData, F=String("data.fdf")))), "sends or loads data"),
        (pikepdf_pdf(with_link(Dictionary(S=Name.GoToR, F=String("x.pdf"), D=Array([0, Name.Fit])))), "other files"),
        (pikepdf_pdf(embedded_file), "has other files attached inside it"),
        (pikepdf_pdf(file_attachment_annotation), "has other files attached inside it"),
        (pikepdf_pdf(xfa_form), "XFA form"),
        (pikepdf_pdf(rich_media), "embedded media"),
        (pikepdf_pdf(with_link(Dictionary(S=Name.Named, N=Name.Print))), "actions other than links"),
        (pikepdf_pdf(with_link(Dictionary(S=Name.URI, URI=String(" javascript:alert(1)")))), "neither a web page"),
        (pikepdf_pdf(with_link(Dictionary(S=Name.URI, URI=String("file:///etc/passwd")))), "neither a web page"),
        (
            pikepdf_pdf(open_action(Dictionary(S=Name.URI, URI=String("https://tracker.example/")))),
            "run by themselves",
        ),
        (pikepdf_pdf(encryption=pikepdf.Encryption(owner="owner", user="user")), "password-protected"),
        (pikepdf_pdf(encryption=pikepdf.Encryption(owner="owner", user="")), "password-protected"),
        (pikepdf_pdf(remove_pages), "has no pages"),
        (b"%PDF", "is damaged or not a PDF"),
        (b"%PDF-1.4", "is damaged or not a PDF"),
        (b"%PDF-1.4\n<!doctype html><html><body><script>alert(1)</script></body></html>", "damaged or not a PDF"),
        (PDF_BYTES[:80], "is damaged or not a PDF"),  # cut short before its pages
    ],
)
def test_damaged_protected_empty_and_active_pdfs_are_refused_with_their_reason(content, message):
    assert message in (refusal(content) or "accepted")


def test_active_content_makes_the_message_say_how_to_fix_it():
    message = refusal(pikepdf_pdf(open_action(JAVASCRIPT)), name="letter.pdf")
    assert message == (
        "“letter.pdf” contains JavaScript, which we do not accept. "
        "Save it again as a plain PDF (for example with “Print to PDF”) and try again."
    )


def test_an_escaped_name_is_read_as_the_name_it_spells():
    content = pdf_with_object_stream({5: b"<</Producer(x)>>"}, catalog=b"/AA<</O<</S/J#61vaScript/JS(x)>>>>")
    assert "contains JavaScript" in refusal(content)


# --- active content hidden in object streams, whatever encodes them ------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [("FlateDecode",), ("ASCIIHexDecode",), ("ASCII85Decode",), ("ASCII85Decode", "FlateDecode")],
    ids=["flate", "hex", "ascii85", "ascii85-of-flate"],
)
@pytest.mark.parametrize(
    ("hidden", "catalog", "message"),
    [
        ({5: b"<</S/JavaScript/JS(app.alert(1))>>"}, b"/OpenAction 5 0 R", "contains JavaScript"),
        ({5: b"<</S/Launch/F(calc.exe)>>"}, b"/OpenAction 5 0 R", "starts a program"),
        ({5: b"<</Type/Action/S/Launch/F(calc.exe)>>"}, b"", "starts a program"),  # reachable from nothing
        ({5: b"<</Names[(a) 6 0 R]>>", 6: b"<</S/JavaScript/JS(x)>>"}, b"/Names<</JavaScript 5 0 R>>", "JavaScript"),
    ],
    ids=["js-open-action", "launch-open-action", "orphan-launch", "names-tree"],
)
def test_active_content_inside_object_streams_is_found(filters, hidden, catalog, message):
    content = pdf_with_object_stream(hidden, catalog=catalog, filters=filters)
    # The file is sound: qpdf reads the hidden objects from the encoded stream, as any reader would.
    with pikepdf.open(io.BytesIO(content)) as document:
        assert len(document.pages) == 1
        assert document.get_object(5, 0) is not None and not document.get_warnings()
    assert message in (refusal(content) or "accepted")


def test_pikepdf_compressed_object_streams_hide_nothing():
    content = pikepdf_pdf(open_action(JAVASCRIPT), object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert b"/ObjStm" in content and b"JavaScript" not in content  # compressed: no byte scan would find it
    assert "contains JavaScript" in refusal(content)


# --- files made to keep the checker busy ---------------------------------------------------------------------------


def test_the_penetration_tests_stream_bomb_is_refused_at_once():
    started = time.monotonic()
    assert "is damaged or not a PDF" in refusal(STREAM_BOMB, name="bomb.pdf")
    assert time.monotonic() - started < 2  # the regular expression it replaced took 70 s


def test_a_pdf_that_takes_too_long_is_stopped_and_refused(settings):
    settings.UPLOAD_CHECK_SECONDS = 0.5
    children_before = children_of_this_process()
    started = time.monotonic()
    message = refusal(slow_pdf(), name="slow.pdf")
    assert time.monotonic() - started < 2.5
    assert message == "“slow.pdf” could not be checked in time. Save it again as a plain file and try again."
    assert children_of_this_process() == children_before  # killed and reaped


def test_a_pdf_that_needs_too_much_memory_is_refused_even_with_active_content_beside_the_bomb(settings):
    settings.UPLOAD_CHECK_MEMORY_MB = 96
    settings.UPLOAD_CHECK_SECONDS = 10
    bomb = object_stream_bomb()
    started = time.monotonic()
    message = refusal(bomb, name="bomb.pdf")
    assert message.startswith("“bomb.pdf” could not be checked: it is far more complex than its size suggests")
    assert time.monotonic() - started < 8


def test_the_same_bomb_with_room_to_unpack_shows_its_javascript(settings):
    """The bomb is a real PDF: given the memory, the active content beside the padding is found."""
    assert "contains JavaScript" in refusal(object_stream_bomb(megabytes=2))


def test_a_pdf_with_more_objects_than_a_document_needs_is_refused(monkeypatch):
    monkeypatch.setattr(file_checks, "MAX_PDF_OBJECTS", 20)
    assert "could not be checked: it is far more complex" in refusal(document_pdf())


# --- copies without metadata for blind review ----------------------------------------------------------------------


def with_page_xmp(content, author):
    with pikepdf.open(io.BytesIO(content)) as document:
        document.pages[0].obj.Metadata = document.make_stream(
            f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{author}</x:xmpmeta>".encode(),
            Type=Name.Metadata,
            Subtype=Name.XML,
        )
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def test_the_copy_without_metadata_has_no_author_title_or_xmp_and_the_same_pages(tmp_path):
    original = with_page_xmp(document_pdf(author="Wong Siu Ming", title="CV of Wong Siu Ming"), "Wong Siu Ming")
    with pikepdf.open(io.BytesIO(original)) as document:
        assert document.docinfo["/Author"] == "Wong Siu Ming" and "/Metadata" in document.Root
        assert "/Metadata" in document.pages[0].obj
    stored = tmp_path / "cv.pdf"
    stored.write_bytes(original)
    with open(stored, "rb") as handle:
        copy = pdf_without_metadata(File(handle, name="cv.pdf"))
    with pikepdf.open(io.BytesIO(copy)) as document:
        assert "/Info" not in document.trailer
        assert "/Metadata" not in document.Root
        assert not any("/Metadata" in page.obj for page in document.pages)
        assert len(document.pages) == 3
    assert b"Wong Siu Ming" not in copy
    assert refusal(copy) is None


def test_a_pdf_whose_metadata_cannot_be_removed_is_not_handed_out(tmp_path):
    stored = tmp_path / "old.pdf"
    stored.write_bytes(b"%PDF-1.4 stored before the checks existed")
    with open(stored, "rb") as handle, pytest.raises(MetadataNotRemoved):
        pdf_without_metadata(File(handle, name="old.pdf"))
