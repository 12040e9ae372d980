"""Small real files for upload tests, made in memory: PDFs by real libraries (pikepdf, fpdf2) and by hand where a
hostile structure needs it, Office archives, images."""

import atexit
import base64
import functools
import io
import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path

import pikepdf
from django.core.files.uploadedfile import SimpleUploadedFile
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fpdf import FPDF
from PIL import Image


def pikepdf_pdf(change=None, *, pages=1, **save_options):
    """A PDF made by pikepdf with `pages` blank pages; change(pdf) adds to it before saving."""
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page(page_size=(595, 842))
    if change:
        change(document)
    buffer = io.BytesIO()
    document.save(buffer, **save_options)
    return buffer.getvalue()


PDF_BYTES = pikepdf_pdf()
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n"
    + b"\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    + b"\x00" * 32
)
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
HTML_BYTES = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def office_bytes(part="word/document.xml", *, extra=(), content_types="<Types/>"):
    """An Office Open XML archive with its main `part`; `extra` parts as (name, content) pairs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(part, "<document/>")
        for name, content in extra:
            archive.writestr(name, content)
    return buffer.getvalue()


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.txt", "hello")
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(name="brief.pdf", content=PDF_BYTES):
    return upload(name, content, "application/pdf")


def png_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@functools.cache
def truetype_font_path():
    """A small TrueType font (printable ASCII, each glyph a box) made with fontTools, for fpdf2 to embed."""
    glyphs = {chr(code): f"glyph{code}" for code in range(33, 127)}
    order = [".notdef", "space", *glyphs.values()]
    pen = TTGlyphPen(None)
    pen.moveTo((50, 0))
    pen.lineTo((50, 700))
    pen.lineTo((450, 700))
    pen.lineTo((450, 0))
    pen.closePath()
    box = pen.glyph()
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({32: "space", **{ord(character): name for character, name in glyphs.items()}})
    builder.setupGlyf({name: TTGlyphPen(None).glyph() if name == "space" else box for name in order})
    builder.setupHorizontalMetrics(dict.fromkeys(order, (500, 50)))
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Portal Test Sans", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    path = Path(tempfile.mkdtemp(prefix="portal-test-font-")) / "PortalTestSans.ttf"
    builder.save(str(path))
    atexit.register(shutil.rmtree, path.parent, ignore_errors=True)
    return path


def document_pdf(*, pages=3, author="Alex Example", title="Curriculum vitae of Alex Example", object_streams=True):
    """An ordinary document as word processors write them: several pages of text in an embedded TrueType font and
    a standard one, an image, web, e-mail and internal links, outlines, document information and XMP metadata; by
    default rewritten by pikepdf with compressed object streams."""
    writer = FPDF()
    writer.add_font("PortalTestSans", "", truetype_font_path())
    writer.set_author(author)
    writer.set_title(title)
    writer.set_creator("Word processor 12.0")
    writer.set_keywords("robotics, vision")
    writer.set_xmp_metadata(
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>' + author + "</rdf:li></rdf:Seq>"
        "</dc:creator></rdf:Description></rdf:RDF>"
    )
    first_page = writer.add_link()
    for number in range(1, pages + 1):
        writer.add_page()
        if number == 1:
            writer.set_link(first_page)
        writer.start_section(f"Section {number}")
        writer.set_font("Helvetica", "B", 16)
        writer.cell(text=f"Page {number}: experience and projects", new_x="LMARGIN", new_y="NEXT")
        writer.set_font("PortalTestSans", size=11)
        writer.multi_cell(0, 6, "Worked on visual inspection of plated parts and on robot grippers. " * 12)
        writer.set_font("Times", size=11)
        writer.cell(text="Portfolio", link="https://portfolio.example.org/alex", new_x="LMARGIN", new_y="NEXT")
        writer.cell(text="Write to me", link="mailto:alex@student.example", new_x="LMARGIN", new_y="NEXT")
        writer.cell(text="Back to the first page", link=first_page, new_x="LMARGIN", new_y="NEXT")
    writer.image(io.BytesIO(png_bytes()), w=40)
    data = bytes(writer.output())
    if not object_streams:
        return data
    with pikepdf.open(io.BytesIO(data)) as document:
        buffer = io.BytesIO()
        document.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
        return buffer.getvalue()


def _encoded(data, filters):
    encoders = {
        "FlateDecode": zlib.compress,
        "ASCIIHexDecode": lambda raw: raw.hex().encode() + b">",
        "ASCII85Decode": lambda raw: base64.a85encode(raw) + b"~>",
    }
    for name in reversed(filters):
        data = encoders[name](data)
    return data


def pdf_with_object_stream(hidden, *, catalog=b"", filters=("FlateDecode",)):
    """A one-page PDF 1.5 written by hand, whose objects `hidden` ({number: source}) sit in an object stream encoded
    with `filters` (in the order a reader decodes them) and are listed in a cross-reference stream; `catalog` is
    added to the catalog (for instance b"/OpenAction 5 0 R"). qpdf reads them all."""
    numbers = sorted(hidden)
    offsets, body = [], b""
    for number in numbers:
        offsets.append(b"%d %d" % (number, len(body)))
        body += hidden[number] + b"\n"
    index = b" ".join(offsets) + b"\n"
    return _pdf_around_object_stream(_encoded(index + body, filters), filters, numbers, len(index), catalog)


@functools.cache  # seconds to pack: made once per test process
def object_stream_bomb(*, megabytes=300, beside=b"<</S/JavaScript/JS(app.alert(1))>>"):
    """A PDF of about 300 KB whose object stream unpacks to `megabytes` of one string (object 5), with `beside`
    (active content, object 6, opened by the catalog) in the same stream: a checker that runs out of memory or time
    there must not take the file as clean."""
    index = b"5 0 6 %d\n" % (megabytes * 1024 * 1024 + 3)
    packer = zlib.compressobj(9)
    packed = packer.compress(index + b"(")
    chunk = b" " * (1024 * 1024)
    for _ in range(megabytes):
        packed += packer.compress(chunk)
    packed += packer.compress(b")\n" + beside + b"\n") + packer.flush()
    return _pdf_around_object_stream(packed, ("FlateDecode",), [5, 6], len(index), b"/OpenAction 6 0 R")


def _pdf_around_object_stream(packed, filters, numbers, first, catalog):
    plain = {
        1: b"<</Type/Catalog/Pages 2 0 R" + catalog + b">>",
        2: b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        3: b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>>>",
    }
    object_stream, xref_stream = max([*plain, *numbers]) + 1, max([*plain, *numbers]) + 2
    names = b"".join(b"/" + name.encode() for name in filters)
    output = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    located = {}
    for number, source in plain.items():
        located[number] = len(output)
        output += b"%d 0 obj\n%s\nendobj\n" % (number, source)
    located[object_stream] = len(output)
    output += b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter[%s]/Length %d>>stream\n" % (
        object_stream, len(numbers), first, names, len(packed)
    )  # fmt: skip
    output += packed + b"\nendstream\nendobj\n"
    located[xref_stream] = len(output)
    rows = []
    for number in range(xref_stream + 1):
        if number in numbers:
            rows.append(b"\x02" + object_stream.to_bytes(4, "big") + numbers.index(number).to_bytes(2, "big"))
        elif number in located:
            rows.append(b"\x01" + located[number].to_bytes(4, "big") + b"\x00\x00")
        else:
            rows.append(b"\x00" + bytes(4) + b"\xff\xff")
    table = b"".join(rows)
    output += b"%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]/Root 1 0 R/Length %d>>stream\n" % (
        xref_stream, xref_stream + 1, len(table)
    )  # fmt: skip
    output += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % located[xref_stream]
    return bytes(output)


@functools.cache
def slow_pdf(objects=400_000):
    """A PDF of many tiny objects and no cross-reference table, which qpdf must rebuild object by object: seconds
    of work in under 10 MB."""
    head = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<<>>>>endobj\n"
    )
    tiny_objects = b"".join(b"%d 0 obj[1]endobj\n" % number for number in range(4, objects))
    return head + tiny_objects + b"trailer<</Root 1 0 R>>\n"


STREAM_BOMB = b"%PDF-1.4\n" + b"stream\n" * 20000  # the penetration test's 140 KB file
