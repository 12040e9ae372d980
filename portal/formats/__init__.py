"""Dates and times as Hong Kong writes them, in each language of the site (FORMAT_MODULE_PATH).

English: day, month, year ("28 Nov 2026, 14:09"; "28/11/2026"), the 24-hour clock, never "a.m.".
Chinese, both scripts: "2026年11月28日 14:09". Templates name these formats (DATE_FORMAT, DATETIME_FORMAT, …)
instead of spelling a pattern, so a page or an e-mail reads right in the language it is rendered in.
Input keeps ISO dates first (what the admin's date pickers write); day-first dates are accepted too.
"""
