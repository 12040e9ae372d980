"""A small, real one-page PDF for the demo's fictional submissions and the benchmarks: uploads must be PDFs that
open, have a page and carry no active content (portal.uploads), so the samples are made by pikepdf, not by hand."""

import io

import pikepdf


def sample_pdf(text="Sample document (fictional)"):
    document = pikepdf.new()
    document.add_blank_page(page_size=(595, 842))
    page = document.pages[0]
    font = document.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    page.obj.Contents = document.make_stream(f"BT /F1 18 Tf 72 760 Td ({escaped}) Tj ET".encode("latin-1"))
    buffer = io.BytesIO()
    document.save(buffer, deterministic_id=True)
    return buffer.getvalue()


SAMPLE_PDF = sample_pdf()
