"""How one record names another: its slug(s), its name in the language asked and the address of its public page.
Every nested record in the API is one of these, never a whole record (and never a hidden one: the endpoints
choose which records they pass here)."""

import datetime

from ninja import Field

from .common import Out


class LabRef(Out):
    url: str = Field(description="The lab's public page on the portal.")
    slug: str
    name: str
    short_name: str


class OrganisationRef(Out):
    url: str
    slug: str
    name: str
    short_name: str


class FocusAreaRef(Out):
    url: str
    lab: str = Field(description="The slug of the focus area's lab.")
    slug: str = Field(description="Unique within its lab.")
    name: str


class ProgrammeRef(Out):
    url: str
    lab: str = Field(description="The slug of the programme's lab.")
    slug: str = Field(description="Unique within its lab.")
    name: str
    kind: str
    kind_label: str


class PersonRef(Out):
    url: str
    slug: str
    name: str
    display_name: str = Field(description="The name with the honorific.")


class ProjectRef(Out):
    url: str
    lab: str = Field(description="The slug of the project's lab.")
    slug: str = Field(description="Unique within its lab.")
    title: str


class CallRef(Out):
    url: str
    slug: str
    title: str
    state: str = Field(description="open, upcoming or closed: derived from the dates at the time of the answer.")
    state_label: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime = Field(description="The deadline.")


def lab_ref(lab, links):
    return {"url": links.page(lab), "slug": lab.slug, "name": lab.name, "short_name": lab.short_name}


def organisation_ref(organisation, links):
    return {
        "url": links.page(organisation),
        "slug": organisation.slug,
        "name": organisation.name,
        "short_name": organisation.short_name,
    }


def focus_area_ref(area, links):
    return {"url": links.page(area), "lab": area.lab.slug, "slug": area.slug, "name": area.name}


def programme_ref(programme, links):
    return {
        "url": links.page(programme),
        "lab": programme.lab.slug,
        "slug": programme.slug,
        "name": programme.name,
        "kind": programme.kind,
        "kind_label": str(programme.get_kind_display()),
    }


def person_ref(person, links):
    return {"url": links.page(person), "slug": person.slug, "name": person.name, "display_name": person.display_name}


def project_ref(project, links):
    return {"url": links.page(project), "lab": project.lab.slug, "slug": project.slug, "title": project.title}


def call_ref(call, links):
    return {
        "url": links.page(call),
        "slug": call.slug,
        "title": call.title,
        "state": str(call.state()),
        "state_label": str(call.get_state_display()),
        "opens_at": call.opens_at,
        "closes_at": call.closes_at,
    }
