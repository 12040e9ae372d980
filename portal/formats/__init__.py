"""Dates and times as Hong Kong writes them, in each language of the site (FORMAT_MODULE_PATH).

English: day, month, year ("28 Nov 2026, 14:09"; "28/11/2026"), the 24-hour clock, never "a.m.".
Chinese, both scripts: "2026年11月28日 下午2:09", the 12-hour clock with 上午/下午 written before the time, as
Chinese sites and letters write it. Templates name these formats (DATE_FORMAT, DATETIME_FORMAT, TIME_FORMAT,
WEEKDAY_DATETIME_FORMAT, …) instead of spelling a pattern, so a page, an e-mail or the admin reads right in the
language it is rendered in; a literal pattern ("j M Y") would give "27 一月 2027" in Chinese.
Input keeps ISO dates first (what the admin's date pickers write); day-first dates are accepted too.
"""

from django.utils.translation import gettext_noop

# Django's "A" and "a" formats translate these words, but Django's own Chinese catalogues leave them in English
# ("PM11:59"). Marked here so our catalogues translate them: AM/a.m. → 上午, PM/p.m. → 下午.
CLOCK_HALVES = (gettext_noop("AM"), gettext_noop("PM"), gettext_noop("a.m."), gettext_noop("p.m."))
