"""People: public profiles only (Person.objects.public(), as on the people pages), with the fields those pages show.
Hidden profiles, staff accounts and anything else about a person never appear, nor are they reachable by a filter."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Field, Query, Router

from people.filters import PersonFilter
from people.models import LabRole, Person
from projects.models import Project, ProjectMember

from ..common import (
    RESPONSE_HEADERS,
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
from ..refs import LabRef, OrganisationRef, ProjectRef, lab_ref, organisation_ref, person_ref, project_ref

router = Router(tags=["People"])


class PersonParams(KeywordParams):
    lab: str | None = slug_field("Only people with a role in this lab (the lab's slug).")
    role: choice_values(LabRole.Role) | None = Field(None, description="Only people holding this role in a lab.")
    organisation: str | None = slug_field("Only people of this organisation (its slug).")


class PersonRoleOut(Out):
    lab: LabRef
    role: str
    role_label: str
    current: bool = Field(description="False for a role the person no longer holds.")


class PersonOut(Out):
    url: str = Field(description="The person's public page on the portal.")
    slug: str
    name: str
    display_name: str = Field(description="The name with the honorific.")
    honorific: str
    chinese_name: str
    position: str
    organisation: OrganisationRef | None
    roles: list[PersonRoleOut] = Field(description="The roles held now.")


class PersonPage(Page):
    results: list[PersonOut]


class PersonProjectOut(Out):
    project: ProjectRef
    role: str
    role_label: str


class PersonDetailOut(PersonOut):
    short_bio: str
    email: str = Field(description="The address the person chose to publish, if any.")
    homepage: str
    orcid: str
    roles: list[PersonRoleOut] = Field(description="Every role, past ones too.")
    projects: list[PersonProjectOut] = Field(description="Public projects only.")


def person_record(person, links):
    return {
        **person_ref(person, links),
        "honorific": person.honorific,
        "chinese_name": person.chinese_name,
        "position": person.position,
        "organisation": organisation_ref(person.organisation, links) if person.organisation else None,
        "roles": [
            {
                "lab": lab_ref(role.lab, links),
                "role": role.role,
                "role_label": str(role.get_role_display()),
                "current": role.is_current(),
            }
            for role in person.lab_role_list
        ],
    }


def person_detail_record(person, links):
    return {
        **person_record(person, links),
        "short_bio": person.short_bio,
        "email": person.public_email,
        "homepage": person.homepage,
        "orcid": person.orcid,
        "projects": [
            {
                "project": project_ref(membership.project, links),
                "role": membership.role,
                "role_label": str(membership.get_role_display()),
            }
            for membership in person.public_memberships
        ],
    }


@router.get(
    "/people/",
    response=list_responses(PersonPage),
    summary="People",
    url_name="person_list",
    openapi_extra=RESPONSE_HEADERS,
)
def person_list(request, params: Query[PersonParams]):
    people = (
        Person.objects.public()
        .select_related("organisation")
        .prefetch_related(
            Prefetch("lab_roles", queryset=LabRole.objects.current().select_related("lab"), to_attr="lab_role_list")
        )
    )
    return page(request, stably_ordered(filtered(PersonFilter, params, people), "name"), params, person_record)


@router.get(
    "/people/{slug}/",
    response=detail_responses(PersonDetailOut),
    summary="A person, with their roles and public projects",
    url_name="person_detail",
    openapi_extra=RESPONSE_HEADERS,
)
def person_detail(request, params: Query[LanguageParams], slug: str = slug_path()):
    people = (
        Person.objects.public()
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "lab_roles",
                queryset=LabRole.objects.select_related("lab").order_by("lab__name", "display_order", "pk"),
                to_attr="lab_role_list",
            ),
            Prefetch(
                "project_memberships",
                queryset=ProjectMember.objects.filter(project__in=Project.objects.public())
                .select_related("project__lab")
                .order_by("project__title", "pk"),
                to_attr="public_memberships",
            ),
        )
    )
    person = get_or_404(people, _("There is no public profile at this address."), slug=slug)
    return person_detail_record(person, Links(request))
