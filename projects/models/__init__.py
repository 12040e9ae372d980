from .challenge import ChallengeAttachment, ChallengeRequest
from .project import Project, ProjectMember, ProjectQuerySet

__all__ = ["ChallengeAttachment", "ChallengeRequest", "Project", "ProjectMember", "ProjectQuerySet"]
