"""Loads the demo content of demo/content/ (English in labs.py, organisations.py, people.py; both Chinese scripts
in chinese.py).

`make run` calls it at every start, so it only adds what is missing: a record staff have edited is left as they
left it, and a second run changes nothing.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation

from alliances.models import AlliancePage
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from people.models import LabRole, Person
from projects.models import Project
from recruitment.models import Call

from . import content as demo_content
from .newsroom import load_news_and_events


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    reopened_calls: int = 0

    def __str__(self):
        created = ", ".join(f"{n} {name}" for name, n in sorted(self.created.items())) or "nothing"
        return f"created {created}; reopened {self.reopened_calls} closed demo calls"


def _ensure(report, model, lookup, values):
    """The row with this lookup, created from the demo values only when it does not exist yet."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if created:
        report.created[str(model._meta.verbose_name_plural)] += 1
    return obj, created


@transaction.atomic
@translation.override("en")  # the demo texts are English: they go into the English columns whatever is active
def demo_load(*, now=None):
    now = now or timezone.now()
    report = LoadReport()

    organisations = {}
    for data in demo_content.ORGANISATIONS:
        values = {key: data.get(key, "") for key in ("name", "short_name", "kind", "region", "description")}
        organisations[data["slug"]], _ = _ensure(report, Organisation, {"slug": data["slug"]}, values)

    labs = {}
    for data in demo_content.LABS:
        established = data.get("established_on")
        values = {key: data.get(key, "") for key in ("name", "short_name", "tagline", "summary", "description")}
        values.update(
            status=data["status"],
            locations=data["locations"],
            established_on=datetime.date.fromisoformat(established) if established else None,
        )
        values["brand_colour"] = data.get("brand_colour", "")
        lab, _ = _ensure(report, JointLab, {"slug": data["slug"]}, values)
        if values["brand_colour"] and not lab.brand_colour:  # labs loaded before they had a colour
            lab.brand_colour = values["brand_colour"]
            lab.save(update_fields=["brand_colour"])
        labs[data["slug"]] = lab

        for org_slug, role, note in data["partners"]:
            _ensure(
                report, Partnership, {"lab": lab, "organisation": organisations[org_slug], "role": role}, {"note": note}
            )

        areas = {}
        for order, area in enumerate(data["focus_areas"], start=1):
            values = {key: area[key] for key in ("name", "summary", "description")}
            areas[area["slug"]], _ = _ensure(
                report, FocusArea, {"lab": lab, "slug": area["slug"]}, {**values, "order": order}
            )

        for programme in data["programmes"]:
            values = {key: programme[key] for key in ("name", "kind", "description")}
            _ensure(report, Programme, {"lab": lab, "slug": programme["slug"]}, values)

        for project in data["projects"]:
            values = {
                "title": project["title"],
                "summary": project["summary"],
                "description": project.get("description", ""),
                "keywords": project["keywords"],
                "status": Project.Status.PLANNED,
                "is_featured": project.get("is_featured", False),
                "collaboration_type": project.get("collaboration_type", ""),
            }
            obj, created = _ensure(report, Project, {"lab": lab, "slug": project["slug"]}, values)
            if created:
                obj.focus_areas.set([areas[slug] for slug in project["areas"]])
            elif project.get("description") and not obj.description_en:  # projects loaded before they had one
                obj.description_en = project["description"]
                obj.save(update_fields=["description_en"])

    for data in demo_content.PEOPLE:
        values = {key: data[key] for key in ("name", "honorific", "position")}
        values["organisation"] = organisations.get(data["organisation"])
        person, _ = _ensure(report, Person, {"slug": data["slug"]}, values)
        for lab_slug, role, order in data["roles"]:
            _ensure(report, LabRole, {"person": person, "lab": labs[lab_slug], "role": role}, {"display_order": order})

    for data in demo_content.CALLS:
        _load_call(report, data, now)

    chinese = demo_content.CHINESE
    _fill_chinese(chinese["organisations"], Organisation.objects.all())
    _fill_chinese(chinese["labs"], JointLab.objects.all())
    _fill_chinese(chinese["focus_areas"], FocusArea.objects.filter(lab__slug__in=labs))
    _fill_chinese(chinese["programmes"], Programme.objects.filter(lab__slug__in=labs))
    _fill_chinese(chinese["projects"], Project.objects.filter(lab__slug__in=labs))
    _fill_chinese(chinese["calls"], Call.objects.all())
    _fill_chinese(chinese["people"], Person.objects.all())
    _fill_partnership_notes(demo_content.PARTNERSHIP_NOTES)
    load_news_and_events(report, now)
    for data in demo_content.ALLIANCE_PAGES:
        _load_alliance_page(report, data)
    return report


LANGUAGE_SUFFIXES = ("en", "zh_hant", "zh_hans")


def _in_three_languages(field, texts):
    return {f"{field}_{suffix}": text for suffix, text in zip(LANGUAGE_SUFFIXES, texts, strict=True)}


def _load_alliance_page(report, data):
    """The alliance programme's Chinese name and description where still empty, and its membership page."""
    lab_slug, programme_slug = data["programme"]
    programme = Programme.objects.get(lab__slug=lab_slug, slug=programme_slug)
    changed = []
    for name in ("name", "description"):
        for column, text in _in_three_languages(name, data[name]).items():
            if not getattr(programme, column):
                setattr(programme, column, text)
                changed.append(column)
    if changed:
        programme.save(update_fields=changed)
    _ensure(
        report,
        AlliancePage,
        {"programme": programme},
        {
            **_in_three_languages("members_do", data["members_do"]),
            **_in_three_languages("members_get", data["members_get"]),
            "accepting_applications": True,
        },
    )


def _fill_chinese(texts, queryset):
    """The (繁體, 简体) texts of demo/content/chinese.py go into empty translation columns only, so a text staff have
    written is kept, and a second run saves nothing. A column the model does not have (yet) is skipped: a field
    such as Person.position becomes translatable in a later migration, and its Chinese is filled in from then on."""
    columns = {field.attname for field in queryset.model._meta.concrete_fields}
    for obj in queryset.filter(slug__in=texts):
        changed = []
        for name, scripts in texts[obj.slug].items():
            for column, text in zip((f"{name}_zh_hant", f"{name}_zh_hans"), scripts, strict=True):
                if column in columns and not getattr(obj, column):
                    setattr(obj, column, text)
                    changed.append(column)
        if changed:
            obj.save(update_fields=changed)


def _fill_partnership_notes(notes):
    """Like _fill_chinese, for the partnerships, which have no slug of their own."""
    columns = {field.attname for field in Partnership._meta.concrete_fields}
    if not {"note_zh_hant", "note_zh_hans"} <= columns:
        return
    for (lab_slug, organisation_slug, role), scripts in notes.items():
        partnership = Partnership.objects.filter(
            lab__slug=lab_slug, organisation__slug=organisation_slug, role=role
        ).first()
        if partnership is None:
            continue
        changed = [column for column in ("note_zh_hant", "note_zh_hans") if not getattr(partnership, column)]
        for column, text in zip(("note_zh_hant", "note_zh_hans"), scripts, strict=True):
            if column in changed:
                setattr(partnership, column, text)
        if changed:
            partnership.save(update_fields=changed)


def _load_call(report, data, now):
    """Deadlines lie ahead of the day the call is first made; a demo call that has closed since is opened again,
    so a newcomer always finds something to apply to."""
    lab_slug, programme_slug = data["programme"]
    programme = Programme.objects.get(lab__slug=lab_slug, slug=programme_slug)
    dates = {
        "opens_at": now - datetime.timedelta(days=data["opened_days_ago"]),
        "closes_at": _end_of_day(now + datetime.timedelta(days=data["closes_in_days"])),
    }
    values = {key: data[key] for key in ("title", "description", "eligibility", "places")}
    call, created = _ensure(
        report, Call, {"slug": data["slug"]}, {**values, **dates, "programme": programme, "is_published": True}
    )
    if not created and call.state(now) == Call.State.CLOSED:
        call.opens_at, call.closes_at = dates["opens_at"], dates["closes_at"]
        call.save()
        report.reopened_calls += 1


def _end_of_day(moment):
    """Deadlines fall at 23:59 Hong Kong time, as a student would expect."""
    local = timezone.localtime(moment)
    return local.replace(hour=23, minute=59, second=0, microsecond=0)
