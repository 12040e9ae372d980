"""Clearly fictional challenge requests and applications for trying the staff side (load_demo --sample-submissions).

They go through the same services as the public forms. Every address is on example.com, every name is made up."""

from django.core.files.base import ContentFile
from django.db import transaction

from alliances.models import MembershipApplication
from alliances.selectors import accepts_applications, alliance_programmes
from alliances.services import membership_submit
from challenges.models import ChallengeRequest
from challenges.services import challenge_submit
from labs.models import JointLab
from recruitment.models import Application, Call
from recruitment.services import application_submit

from .sample_pdf import SAMPLE_PDF

CHALLENGES = [
    {
        "organisation_name": "Example Plating Works (fictional)",
        "organisation_size": "10-49",
        "sector": "manufacturing",
        "contact_name": "Alex Sample",
        "job_title": "Quality manager",
        "email": "alex.sample@example.com",
        "title": "Scratches on chrome-plated parts",
        "problem_statement": "Our chrome-plated, mirror-like parts get fine surface scratches that inspectors miss.",
        "desired_outcome": "Catch every scratched part before packing.",
        "budget_range": "100k_500k",
        "timeline": "3_12_months",
        "confidentiality": "confidential",
    },
    {
        "organisation_name": "Example Dumpling Kitchen (fictional)",
        "organisation_size": "50-249",
        "sector": "food",
        "contact_name": "Sam Sample",
        "job_title": "Operations director",
        "email": "sam.sample@example.com",
        "title": "Gentle robotic handling of dumplings",
        "problem_statement": "Packing soft dumplings by hand is slow; grippers we tried tear the wrappers.",
        "desired_outcome": "A gripper that packs 60 dumplings a minute without damage.",
        "budget_range": "undecided",
        "timeline": "flexible",
        "confidentiality": "anonymous_ok",
    },
    {
        "organisation_name": "Example Logistics (fictional)",
        "organisation_size": "250+",
        "sector": "logistics",
        "contact_name": "Jo Sample",
        "job_title": "Head of engineering",
        "email": "jo.sample@example.com",
        "title": "Finding bottlenecks in our sorting hub",
        "problem_statement": "Parcels queue at random points in the hub; we log every scan but cannot see why.",
        "desired_outcome": "Know which steps cause the delays and what to change first.",
        "budget_range": "500k_2m",
        "timeline": "under_3_months",
        "confidentiality": "confidential",
    },
]

APPLICANTS = [
    ("Casey Sample", "casey.sample@example.com", "Example University", "BEng Computer Engineering", "Year 3"),
    ("Morgan Sample", "morgan.sample@example.com", "Example University", "MPhil Robotics", "Graduating 2027"),
    ("Riley Sample", "riley.sample@example.com", "Another Example University", "BSc Data Science", "Year 2"),
]


@transaction.atomic
def load_sample_submissions():
    """Adds the samples that are missing; returns (challenges, applications) created."""
    created_challenges = created_applications = 0
    preferred = JointLab.objects.filter(slug="hkust-hkpc-industrial-ai-robotics").first()
    for data in CHALLENGES:
        if ChallengeRequest.objects.filter(email=data["email"]).exists():
            continue
        challenge_submit(fields={**data, "preferred_lab": preferred}, focus_areas=[], attachments=[], language="en")
        created_challenges += 1
    for call in Call.objects.published().open().filter(programme__lab=preferred):
        for name, email, university, degree, year in APPLICANTS:
            if Application.objects.filter(call=call, email=email).exists():
                continue
            application_submit(
                call=call,
                fields={
                    "name": name,
                    "email": email,
                    "phone": "+852 0000 0000",
                    "university": university,
                    "degree_programme": degree,
                    "year_of_study": year,
                    "research_interests": "Machine vision and robot learning (sample text).",
                    "personal_statement": "This is a fictional sample application for trying the staff side.",
                },
                focus_areas=[],
                projects=[],
                cv=ContentFile(SAMPLE_PDF, name="sample-cv.pdf"),
                transcript=None,
                referees=[
                    {
                        "order": 1,
                        "name": "Dr Sample One",
                        "email": "referee.one@example.com",
                        "institution": university,
                    },
                    {
                        "order": 2,
                        "name": "Dr Sample Two",
                        "email": "referee.two@example.com",
                        "institution": university,
                    },
                ],
                language="en",
            )
            created_applications += 1
    return created_challenges, created_applications


# (the kind of alliance applied to, the form's answers)
MEMBERSHIP_APPLICANTS = [
    (
        "industry_research_alliance",
        {
            "organisation_name": "Example Gripper Robotics (fictional)",
            "organisation_kind": "enterprise",
            "organisation_size": "10-49",
            "website": "https://gripper.example.com",
            "contact_name": "Drew Sample",
            "role": "Chief technology officer",
            "email": "drew.sample@example.com",
            "phone": "",
            "offer": "A test line for soft-object grasping and two engineers' time (sample text).",
            "seek": "Work with the centre's researchers on world models for grasping (sample text).",
        },
    ),
    (
        "capital_alliance",
        {
            "organisation_name": "Example Seed Fund (fictional)",
            "organisation_kind": "investor",
            "organisation_size": "1-9",
            "website": "",
            "contact_name": "Lee Sample",
            "role": "Partner",
            "email": "lee.sample@example.com",
            "phone": "",
            "offer": "Seed funding for spin-offs (sample text).",
            "seek": "An early view of the centre's research (sample text).",
        },
    ),
]


@transaction.atomic
def load_sample_membership_applications():
    """One fictional application to each kind of demo alliance that takes applications; returns how many were
    created."""
    created = 0
    for kind, data in MEMBERSHIP_APPLICANTS:
        programme = alliance_programmes().filter(kind=kind).select_related("lab").order_by("pk").first()
        if programme is None or not accepts_applications(programme):
            continue
        if MembershipApplication.objects.filter(email=data["email"]).exists():
            continue
        membership_submit(programme=programme, fields=data, language="en")
        created += 1
    return created
