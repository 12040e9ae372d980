"""Projects: public ones only (Project.objects.public(), as on the project pages), filtered with the project list's
own FilterSet; their members are public profiles only."""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from labs.models import FocusArea
from people.models import Person
from projects.filters import ProjectFilter
from projects.models import Project, ProjectMember

from ..common import (
    RESPONSE_HEADERS,
    SLUG_PATTERN,
    KeywordParams,
    LanguageParams,
    Links,
    Out,
    Page,
    choice_values,
    detail_responses,
    filtered,
    get_or_404,
    list_responses,
    page,
    slug_field,
    slug_path,
    stably_ordered,
)
from ..refs import (
    FocusAreaRef,
    LabRef,
    OrganisationRef,
    PersonRef,
    focus_area_ref,
    lab_ref,
    organisation_ref,
    person_ref,
    project_ref,
)

router = Router(tags=["Projects"])

FOCUS_AREA_KEY = SLUG_PATTERN[:-1] + "/" + SLUG_PATTERN[1:]  # <lab slug>/<focus area slug>


class ProjectParams(KeywordParams):
    lab: str | None = slug_field("Only this lab's projects (the lab's slug).")
    focus_area: str | None = Field(
        None,
        pattern=FOCUS_AREA_KEY,
        max_length=201,
        description="Only projects in this focus area, named <lab slug>/<focus area slug>, for example "
        "hkust-hkpc-industrial-ai-robotics/industrial-ai.",
    )
    status: choice_values(Project.Status) | None = None
    partner: str | None = slug_field("Only projects with this partner organisation (its slug).")
    sort: Literal["title", "-title", "start", "-start", "lab", "-lab"] | None = Field(
        None, description="Order by title (the default), start date or lab; a leading - reverses it."
    )


class ProjectOut(Out):
    url: str = Field(description="The project's public page on the portal.")
    lab: LabRef
    slug: str = Field(description="Unique within its lab.")
    title: str
    summary: str
    status: str
    status_label: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    featured: bool
    keywords: list[str]
    focus_areas: list[FocusAreaRef]


class ProjectPage(Page):
    results: list[ProjectOut]


class ProjectMemberOut(Out):
    person: PersonRef
    role: str
    role_label: str


class ProjectDetailOut(ProjectOut):
    description: str
    members: list[ProjectMemberOut] = Field(description="Public profiles only.")
    partners: list[OrganisationRef]


def project_record(project, links):
    return {
        **project_ref(project, links),
        "lab": lab_ref(project.lab, links),
        "summary": project.summary,
        "status": project.status,
        "status_label": str(project.get_status_display()),
        "start_date": project.start_date,
        "end_date": project.end_date,
        "featured": project.is_featured,
        "keywords": project.keyword_list,
        "focus_areas": [focus_area_ref(area, links) for area in project.focus_area_list],
    }


def project_detail_record(project, links):
    return {
        **project_record(project, links),
        "description": project.description,
        "members": [
            {
                "person": person_ref(member.person, links),
                "role": member.role,
                "role_label": str(member.get_role_display()),
            }
            for member in project.public_members
        ],
        "partners": [organisation_ref(partner, links) for partner in project.partners.all()],
    }


def focus_areas_of_each_project():
    return Prefetch("focus_areas", queryset=FocusArea.objects.all(), to_attr="focus_area_list")


@router.get(
    "/projects/",
    response=list_responses(ProjectPage),
    summary="Projects",
    url_name="project_list",
    openapi_extra=RESPONSE_HEADERS,
)
def project_list(request, params: Query[ProjectParams]):
    extra = {}
    if params.focus_area:
        # The project list's FilterSet names a focus area by its id; the API by its lab's slug and its own.
        lab_slug, slug = params.focus_area.split("/")
        area = FocusArea.objects.filter(lab__slug=lab_slug, slug=slug).values_list("pk", flat=True).first()
        if area is None:
            return page(request, Project.objects.none(), params, project_record)
        extra["focus_area"] = area
    projects = Project.objects.public().select_related("lab").prefetch_related(focus_areas_of_each_project())
    projects = filtered(ProjectFilter, params.model_copy(update={"focus_area": None}), projects, **extra)
    return page(request, stably_ordered(projects), params, project_record)


@router.get(
    "/projects/{lab}/{slug}/",
    response=detail_responses(ProjectDetailOut),
    summary="A project, with its members and partners",
    url_name="project_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def project_detail(
    request, params: Query[LanguageParams], lab: str = slug_path("The lab's slug."), slug: str = slug_path()
):
    projects = (
        Project.objects.public()
        .select_related("lab")
        .prefetch_related(
            focus_areas_of_each_project(),
            "partners",
            Prefetch(
                "memberships",
                queryset=ProjectMember.objects.filter(person__in=Person.objects.public())
                .select_related("person")
                .order_by("order", "person__name", "pk"),
                to_attr="public_members",
            ),
        )
    )
    project = get_or_404(projects, _("There is no public project at this address."), lab__slug=lab, slug=slug)
    return project_detail_record(project, Links(request))
