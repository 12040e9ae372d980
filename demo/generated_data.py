"""Realistic fictional data in bulk, for benchmarks (manage.py generate_data --scale N).

Everything is made up from word lists with a fixed random seed; nothing names a real person or company.
Rows are written with bulk_create (no audit history: this is test data, not staff edits).
"""

import datetime
import random
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Avg, Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.text import slugify

from challenges.models import ChallengeRequest
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from people.models import LabRole, Person
from portal.models import ReferenceCounter
from portal.uploads import private_storage
from projects.models import Project, ProjectMember
from recruitment.models import Application, ApplicationReferee, Call, Review, RubricCriterion
from recruitment.services.reviews import DEFAULT_CRITERIA

from .sample_pdf import SAMPLE_PDF

AT_SCALE_1 = {
    "labs": 10,
    "organisations": 200,
    "people": 3000,
    "projects": 10000,
    "challenges": 2000,
    "applications": 20000,
}
BATCH = 2000
TOPICS = (
    "vision inspection robotics grasping welding scheduling logistics battery sensor edge drone surface defect "
    "forecasting maintenance textile food packaging semiconductor lithography autonomous driving simulation "
    "language model retrieval privacy safety energy building façade crane port warehouse sorting cleaning spraying "
    "grinding casting moulding injection recycling water air quality medical imaging rehabilitation exoskeleton"
).split()
ADJECTIVES = "adaptive robust low-cost real-time explainable federated self-supervised multimodal scalable".split()
NOUNS = "platform pipeline controller model system toolkit benchmark dataset framework testbed".split()
SURNAMES = "Chan Wong Lee Cheung Lau Ng Ho Leung Tang Lam Yip Tsang Chow Kwok Mak Fung Yeung Lo Tse Hui".split()
GIVEN = "Ka Wai Siu Ming Yan Hoi Chun Kit Man Ling Fai Hin Yee Tak Wing Shan Lok Yin Ho Kin".split()
ORG_WORDS = "Harbour Peak Lotus Jade Delta Pearl Summit Orchid Kowloon Lantau Bay River Star Bamboo Granite".split()
ORG_KINDS = "Robotics Electronics Manufacturing Logistics Foods Materials Systems Instruments Textiles Energy".split()


def counts_for(scale):
    return {key: max(1, round(value * scale)) for key, value in AT_SCALE_1.items()}


def _reserve_references(prefix, year, count):
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(prefix=prefix, year=year)
    first = counter.last_value + 1
    counter.last_value += count
    counter.save(update_fields=["last_value"])
    return [f"{prefix}-{year}-{number:05d}" for number in range(first, first + count)]


def _bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


@transaction.atomic
@translation.override("en")
def generate(*, scale, seed=2026, progress=lambda step: None):
    """Create the data; `progress(step_name)` is called after each step. Returns the counts created."""
    rng = random.Random(seed)
    n = counts_for(scale)
    now = timezone.now()
    year = timezone.localtime(now).year
    run = secrets.token_hex(3)  # lets several runs coexist: slugs and e-mails stay unique

    def phrase():
        return f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(TOPICS)} {rng.choice(NOUNS)}"

    def person_name():
        return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)} {rng.choice(GIVEN).lower()}"

    labs = _bulk(
        JointLab,
        [
            JointLab(
                name=f"Generated Joint Lab {run}-{i} for {rng.choice(TOPICS).title()}",
                short_name=f"GJL {run}-{i}",
                slug=f"generated-lab-{run}-{i}",
                tagline=phrase(),
                summary=f"A fictional lab working on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}.",
                status=JointLab.Status.ACTIVE,
                locations="Hong Kong",
            )
            for i in range(n["labs"])
        ],
    )
    progress("labs")
    organisations = _bulk(
        Organisation,
        [
            Organisation(
                name=f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)} {run}-{i} (fictional)",
                slug=f"generated-org-{run}-{i}",
                kind=rng.choice(Organisation.Kind.values),
                region=rng.choice(["Hong Kong", "Shenzhen", "Guangzhou", "Macao", ""]),
            )
            for i in range(n["organisations"])
        ],
    )
    _bulk(
        Partnership,
        [
            Partnership(lab=lab, organisation=organisation, role=rng.choice(Partnership.Role.values))
            for lab in labs
            for organisation in rng.sample(organisations, min(10, len(organisations)))
        ],
    )
    progress("organisations")
    areas = _bulk(
        FocusArea,
        [
            FocusArea(lab=lab, name=f"{topic.title()} {run}", slug=f"{slugify(topic)}-{run}", summary=phrase(), order=k)
            for lab in labs
            for k, topic in enumerate(rng.sample(TOPICS, 6))
        ],
    )
    areas_by_lab = {}
    for area in areas:
        areas_by_lab.setdefault(area.lab_id, []).append(area)
    programmes = _bulk(
        Programme,
        [
            Programme(lab=lab, kind=kind, name=f"{label} {run}", slug=f"{slugify(label)}-{run}")
            for lab in labs
            for kind, label in [("internship", "Internships"), ("phd_fellowship", "PhD fellowships")]
        ],
    )
    calls = _bulk(
        Call,
        [
            Call(
                programme=programme,
                title=f"{programme.name} call {k}",
                slug=f"generated-call-{run}-{programme.pk}-{k}",
                description="A fictional call.",
                opens_at=now - datetime.timedelta(days=30 + 200 * k),
                closes_at=now + datetime.timedelta(days=60 - 200 * k),
                is_published=True,
            )
            for programme in programmes
            for k in range(2)  # one open, one closed
        ],
    )
    _bulk(
        RubricCriterion,
        [
            RubricCriterion(call=call, order=order, name=name, min_score=1, max_score=5)
            for call in calls
            for order, (name, _code) in enumerate(DEFAULT_CRITERIA, start=1)
        ],
    )
    progress("focus areas, programmes and calls")
    people = _bulk(
        Person,
        [
            Person(
                name=person_name(),
                slug=f"generated-person-{run}-{i}",
                honorific=rng.choice(["Prof.", "Dr.", "Mr.", "Ms."]),
                position=f"{rng.choice(['Professor', 'Researcher', 'Engineer', 'Postdoctoral fellow'])} in {rng.choice(TOPICS)}",
                organisation=rng.choice(organisations),
                is_public=rng.random() > 0.05,
            )
            for i in range(n["people"])
        ],
    )
    _bulk(
        LabRole,
        [
            LabRole(person=person, lab=rng.choice(labs), role=rng.choice(LabRole.Role.values), display_order=i % 50)
            for i, person in enumerate(people)
        ],
    )
    progress("people")
    projects = _bulk(
        Project,
        [
            Project(
                lab=rng.choice(labs),
                title=f"{phrase()} {i}",
                slug=f"generated-project-{run}-{i}",
                summary=f"Fictional work on {rng.choice(TOPICS)} for {rng.choice(TOPICS)}.",
                status=rng.choice(Project.Status.values),
                start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(2000)),
                keywords=", ".join(rng.sample(TOPICS, 3)),
                is_public=rng.random() > 0.1,
                is_featured=rng.random() > 0.995,
            )
            for i in range(n["projects"])
        ],
    )
    area_links, partner_links, members = [], [], []
    for project in projects:
        for area in rng.sample(areas_by_lab[project.lab_id], rng.randint(1, 2)):
            area_links.append(Project.focus_areas.through(project_id=project.pk, focusarea_id=area.pk))
        for organisation in rng.sample(organisations, rng.randint(0, 2)):
            partner_links.append(Project.partners.through(project_id=project.pk, organisation_id=organisation.pk))
        for order, person in enumerate(rng.sample(people, rng.randint(2, 4))):
            members.append(
                ProjectMember(project=project, person=person, role="lead" if order == 0 else "member", order=order)
            )
    _bulk(Project.focus_areas.through, area_links)
    _bulk(Project.partners.through, partner_links)
    _bulk(ProjectMember, members)
    progress("projects")
    references = _reserve_references("CH", year, n["challenges"])
    _bulk(
        ChallengeRequest,
        [
            ChallengeRequest(
                reference=references[i],
                status=rng.choice(ChallengeRequest.Status.values),
                submitted_at=now - datetime.timedelta(days=rng.randrange(365)),
                organisation_name=f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)} (fictional)",
                organisation_size=rng.choice(ChallengeRequest.OrganisationSize.values),
                sector=rng.choice(ChallengeRequest.Sector.values),
                contact_name=person_name(),
                job_title="Engineering manager",
                email=f"contact-{run}-{i}@example.com",
                title=f"{rng.choice(TOPICS).capitalize()} problem {i}",
                problem_statement=f"Our {rng.choice(TOPICS)} line has trouble with {rng.choice(TOPICS)}.",
                desired_outcome="Fewer defects and less waste.",
                preferred_lab=rng.choice(labs),
                lab=rng.choice([None, rng.choice(labs)]),
                budget_range=rng.choice(ChallengeRequest.Budget.values),
                timeline=rng.choice(ChallengeRequest.Timeline.values),
                confidentiality=rng.choice(ChallengeRequest.Confidentiality.values),
                consented_at=now,
            )
            for i in range(n["challenges"])
        ],
    )
    progress("challenge requests")
    cv_name = private_storage().save(f"generated/{run}-sample-cv.pdf", ContentFile(SAMPLE_PDF))  # shared by all
    references = _reserve_references("AP", year, n["applications"])
    applications = _bulk(
        Application,
        [
            Application(
                call=rng.choice(calls),
                reference=references[i],
                status=rng.choice(Application.Status.values),
                submitted_at=now - datetime.timedelta(days=rng.randrange(200)),
                name=person_name(),
                email=f"student-{run}-{i}@example.com",
                phone="+852 0000 0000",
                university=rng.choice(["Example University", "Sample Polytechnic", "Fictional Institute"]),
                degree_programme="BEng (fictional)",
                year_of_study=f"Year {rng.randint(1, 4)}",
                research_interests=phrase(),
                personal_statement="A fictional statement. " * 20,
                cv=cv_name,
                consented_at=now,
            )
            for i in range(n["applications"])
        ],
    )
    _bulk(
        ApplicationReferee,
        [
            ApplicationReferee(
                application=application,
                order=order,
                name=person_name(),
                email=f"referee-{run}-{application.pk}-{order}@example.com",
                institution="Example University",
            )
            for application in applications
            for order in (1, 2)
        ],
    )
    progress("applications")
    reviewer_model = Review._meta.get_field("reviewer").related_model
    reviewers = [
        reviewer_model.objects.get_or_create(username=f"generated-reviewer-{run}-{k}", defaults={"is_staff": True})[0]
        for k in range(5)
    ]
    _bulk(
        Review,
        [
            Review(
                application=application,
                reviewer=reviewer,
                score=rng.randint(10, 50) / 10,  # the weighted score only: no per-criterion rows in generated data
                recommendation="advance",
            )
            for application in applications[: len(applications) // 2]
            for reviewer in rng.sample(reviewers, 2)
        ],
    )
    counted = Review.objects.filter(application=OuterRef("pk"), conflict_of_interest=False).values("application")
    Application.objects.filter(pk__in=[a.pk for a in applications]).update(
        average_score=Subquery(counted.annotate(value=Avg("score")).values("value")),
        review_count=Coalesce(Subquery(counted.annotate(value=Count("pk")).values("value")), 0),
    )
    progress("reviews")
    return {**n, "referees": 2 * n["applications"]}


def generation_allowed(force):
    return settings.DEBUG or force
