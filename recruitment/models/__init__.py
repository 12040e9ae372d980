"""Recruitment's models, one module per part of the selection; import them from here."""

from .applications import SCORE_RANGE, Application, new_token
from .calls import Call, CallQuerySet
from .drafts import ApplicationDraft
from .interviews import InterviewSlot
from .offers import Offer, OfferCondition
from .referees import ApplicationReferee
from .reviews import Review
from .rubrics import ReviewReminder, ReviewScore, RubricCriterion

__all__ = [
    "SCORE_RANGE",
    "Application",
    "ApplicationDraft",
    "ApplicationReferee",
    "Call",
    "CallQuerySet",
    "InterviewSlot",
    "Offer",
    "OfferCondition",
    "Review",
    "ReviewReminder",
    "ReviewScore",
    "RubricCriterion",
    "new_token",
]
