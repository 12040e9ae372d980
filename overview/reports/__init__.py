"""Knowledge-transfer reports: one lab, one calendar or academic year, in figures that each link to the admin list
they count (so a board paper and the records behind it never disagree), as a page, a print-ready page, CSV and XLSX.
"""
