"""The interview and offer sections of the student's status page (templates/recruitment/status/)."""

from django.utils import timezone

from .models import Application, InterviewSlot, Offer
from .services import interview_can_reschedule, interview_slots_free

INTERVIEW_STATUSES = {Application.Status.INTERVIEW}
OFFER_STATUSES = {"offered", "accepted", "declined", "lapsed"}


def selection_context(application, now=None):
    """What the status page shows of the interview and the offer, in a number of queries that does not grow with
    the slots or the conditions."""
    now = now or timezone.now()
    booked = InterviewSlot.objects.filter(booked_by=application).first()
    choosing = application.status in INTERVIEW_STATUSES and (booked is None or interview_can_reschedule(booked, now))
    offer = None
    if application.status in OFFER_STATUSES:
        offer = Offer.objects.filter(application=application).prefetch_related("conditions").first()
    return {
        "interview_slot": booked,
        "interview_slots_free": list(interview_slots_free(application=application, now=now)) if choosing else [],
        "interview_can_reschedule": booked is not None and interview_can_reschedule(booked, now),
        "offer": offer,
        "offer_open": offer is not None and application.status == Application.Status.OFFERED and offer.reply_by > now,
    }
