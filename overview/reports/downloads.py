"""A report as a spreadsheet: CSV (formula-safe, through the portal's CSV writer) or XLSX (one sheet per section).
Both carry the same figures as the page, without the links."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from portal.csv_export import csv_response

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(lab, period):
    return f"knowledge-transfer-{slugify(lab.slug)}-{period.label.replace('/', '-')}"


def report_csv(lab, period, sections):
    """One line per figure (lab, period, section, row, column, value): the shape spreadsheets pivot and sum."""
    header = [_("Lab"), _("Period"), _("Section"), _("Row"), _("Column"), _("Value")]
    rows = (
        [lab.display_name, period.label, section.title, row.label, column, cell.value]
        for section in sections
        for row in section.rows
        for column, cell in zip(section.columns[1:], row.cells, strict=True)
    )
    return csv_response(_filename(lab, period), header, rows)


def _text(cell):
    """A text cell stays text: a name starting with "=" must not become a formula in the spreadsheet."""
    cell.data_type = "s"
    return cell


def report_xlsx(lab, period, sections):
    workbook = Workbook()
    cover = workbook.active
    cover.title = _("Report")[:31]
    for line in (
        [_("Knowledge-transfer report")],
        [_("Lab"), lab.name],
        [_("Period"), period.label],
        [_("Prepared"), timezone.localtime().strftime("%Y-%m-%d %H:%M")],
    ):
        cover.append(line)
        for cell in cover[cover.max_row]:
            _text(cell)
    for section in sections:
        sheet = workbook.create_sheet(section.key)  # titles are longer than the 31 characters a tab takes
        sheet.append([section.title])
        _text(sheet.cell(row=1, column=1))
        sheet.append(section.columns)
        for cell in sheet[2]:
            _text(cell)
        for row in section.rows:
            sheet.append([row.label, *(cell.value for cell in row.cells)])
            _text(sheet.cell(row=sheet.max_row, column=1))
            for index, figure in enumerate(row.cells, start=2):
                if figure.is_rate:
                    sheet.cell(row=sheet.max_row, column=index).number_format = "0%"
        sheet.column_dimensions[get_column_letter(1)].width = 48
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{_filename(lab, period)}-{stamp}.xlsx"'
    return response
