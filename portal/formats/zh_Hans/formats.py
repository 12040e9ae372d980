# Chinese: year, month, day with their characters; the 12-hour clock with 上午/下午 before the time, no space:
# "2027年1月27日 下午11:59". "A" is Django's "AM"/"PM", translated 上午/下午 in our catalogues (portal/formats/__init__.py).
DATE_FORMAT = "Y年n月j日"
TIME_FORMAT = "Ag:i"
DATETIME_FORMAT = "Y年n月j日 Ag:i"
YEAR_MONTH_FORMAT = "Y年n月"
MONTH_DAY_FORMAT = "n月j日"
SHORT_DATE_FORMAT = "Y年n月j日"
SHORT_DATETIME_FORMAT = "Y年n月j日 Ag:i"
# Our own named format (templates: |date:"WEEKDAY_DATETIME_FORMAT"): the day of the week with the date and time.
WEEKDAY_DATETIME_FORMAT = "Y年n月j日（l）Ag:i"
FIRST_DAY_OF_WEEK = 0  # Sunday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
