"""What challenges contributes to the portal kernel (see portal/registry.py). Challenge requests are private
submissions: not searchable, not in the sitemap, and saving one leaves the public page cache alone."""

from portal.ranking.index import translated_text
from portal.registry import (
    Matchable,
    register_correspondence,
    register_matchable,
    register_private_parameter,
    register_private_path,
    register_retention_purge,
)

from .models import ChallengeRequest
from .personal_data import challenges_purge_expired
from .services import CORRESPONDENCE

register_private_path("challenges/status/")
register_private_parameter("problem")  # the lab finder carries the visitor's description into the form
register_retention_purge("challenge request(s)", challenges_purge_expired)
register_correspondence(CORRESPONDENCE)
# A request is only what suggestions are ranked against: its embedding is computed once, after it is submitted (the
# enterprise's text never changes; saving it again re-embeds nothing), and stays while the problem stays.
register_matchable(
    Matchable(
        "challenges",
        ChallengeRequest,
        lambda challenge: translated_text(
            challenge, ("title", "problem_statement", "current_approach", "desired_outcome")
        ),
    )
)
