"""Demo content: the first three joint labs, from the public articles in shared/seeds/.

Facts come only from those articles; descriptions are written in our own words. Where an
article does not say something (a website, a date, a person's affiliation) the field stays empty.
"""

from .alliances import ALLIANCE_PAGES
from .chinese import CHINESE, ENGLISH_ONLY_NAMES, PARTNERSHIP_NOTES
from .labs import CAIR_HKPC, HKUST_HKPC, LABS, PHYSICAL_AI
from .organisations import ORGANISATIONS
from .people import CALLS, PEOPLE

__all__ = [
    "ALLIANCE_PAGES",
    "CAIR_HKPC",
    "CALLS",
    "CHINESE",
    "ENGLISH_ONLY_NAMES",
    "HKUST_HKPC",
    "LABS",
    "ORGANISATIONS",
    "PARTNERSHIP_NOTES",
    "PEOPLE",
    "PHYSICAL_AI",
]
