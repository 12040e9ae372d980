"""Recruitment's models, one module per part of the selection; import them from here."""

from .applications import SCORE_RANGE, Application, new_token
from .calls import Call, CallQuerySet
from .referees import ApplicationReferee
from .reviews import Review

__all__ = ["SCORE_RANGE", "Application", "ApplicationReferee", "Call", "CallQuerySet", "Review", "new_token"]
