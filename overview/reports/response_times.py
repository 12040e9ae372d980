"""How fast the labs answer industry challenges: median days from submission to the first response, and to the
decision, over the requests a report counts.

The first response is the earliest of what each source in FIRST_RESPONSE_SOURCES records. For now the only source is
the status history (the first move away from "submitted"); the conversation with the enterprise adds staff messages
as a second source, a function of the same shape appended to the list.
"""

import statistics

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min

from challenges.models import ChallengeRequest
from portal.models import StatusChange

# The outcomes a lab decides on; a withdrawal is the enterprise's, not a decision.
DECISIONS = (
    ChallengeRequest.Status.CONVERTED,
    ChallengeRequest.Status.DECLINED,
    ChallengeRequest.Status.CLOSED,
)


def _status_changes(challenges):
    return StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(ChallengeRequest), object_id__in=challenges.values("pk")
    ).order_by()


def first_move_out_of_submitted(challenges) -> dict:
    """{challenge id: when staff first moved it on from "submitted"} (an enterprise withdrawing is no response)."""
    rows = _status_changes(challenges).filter(from_status=ChallengeRequest.Status.SUBMITTED)
    rows = rows.exclude(to_status=ChallengeRequest.Status.WITHDRAWN)
    return dict(rows.values_list("object_id").annotate(first=Min("changed_at")))


FIRST_RESPONSE_SOURCES = [first_move_out_of_submitted]


def first_responses(challenges) -> dict:
    """{challenge id: the earliest response any source records}."""
    earliest = {}
    for source in FIRST_RESPONSE_SOURCES:
        for pk, when in source(challenges).items():
            earliest[pk] = min(when, earliest.get(pk, when))
    return earliest


def decisions(challenges) -> dict:
    """{challenge id: when it reached a decision}."""
    rows = _status_changes(challenges).filter(to_status__in=DECISIONS)
    return dict(rows.values_list("object_id").annotate(first=Min("changed_at")))


def median_days(challenges) -> tuple[float | None, float | None]:
    """(to the first response, to the decision): median days from submission, one decimal; None where no request
    got there yet."""
    submitted = dict(challenges.order_by().values_list("pk", "submitted_at"))

    def median(reached):
        days = [(when - submitted[pk]).total_seconds() / 86400 for pk, when in reached.items() if pk in submitted]
        return round(statistics.median(days), 1) if days else None

    return median(first_responses(challenges)), median(decisions(challenges))
