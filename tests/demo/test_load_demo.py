"""load_demo: the three demo labs as the articles describe them, safe to run again, and fictional sample
submissions on request."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from challenges.models import ChallengeRequest
from demo.content import CAIR_HKPC, HKUST_HKPC, PHYSICAL_AI
from labs.models import FocusArea, JointLab, Organisation, Partnership, Programme
from people.models import LabRole, Person
from projects.models import Project
from recruitment.models import Application, Call

pytestmark = pytest.mark.django_db

MODELS = [JointLab, Organisation, Partnership, FocusArea, Programme, Person, LabRole, Call, Project]


def snapshot():
    return {model.__name__: (model.objects.count(), model.history.count()) for model in MODELS}


def test_loads_the_three_joint_labs(demo):
    assert set(JointLab.objects.values_list("slug", flat=True)) == {HKUST_HKPC, CAIR_HKPC, PHYSICAL_AI}
    assert JointLab.objects.get(slug=PHYSICAL_AI).name == "HKUST–CalmCar Physical AI Innovation Center"


def test_loads_partners_with_their_roles(demo):
    def roles(lab_slug, role):
        return set(
            Partnership.objects.filter(lab__slug=lab_slug, role=role).values_list("organisation__short_name", flat=True)
        )

    assert roles(HKUST_HKPC, "founding_partner") == {"HKUST", "HKPC"}
    assert roles(CAIR_HKPC, "founding_partner") == {"CAIR", "HKPC"}
    assert roles(PHYSICAL_AI, "industry_test_bed") == {"CalmCar"}
    investors = Partnership.objects.filter(lab__slug=PHYSICAL_AI, role="investor")
    assert set(investors.values_list("organisation__name", flat=True)) == {
        "HSBC",
        "Lion X Ventures",
        "Dragonstone Capital",
        "Delian Capital",
    }
    assert Partnership.objects.filter(lab__slug=PHYSICAL_AI, role="collaborator").count() == 6


def test_loads_the_people_named_and_their_roles(demo):
    def holders(lab_slug, role):
        return set(LabRole.objects.filter(lab__slug=lab_slug, role=role).values_list("person__name", flat=True))

    assert holders(HKUST_HKPC, "director") == {"Zhou Xiaofang"}
    assert holders(HKUST_HKPC, "co_director") == {"Ge Ming"}
    assert holders(HKUST_HKPC, "associate_director") == {"Fugee Tsung"}
    assert holders(HKUST_HKPC, "signatory") == {"Tim Cheng", "Charles Ng Wang-Wai", "Mohamed Butt"}
    assert holders(PHYSICAL_AI, "director") == {"Guo Song"}
    assert holders(PHYSICAL_AI, "strategic_committee") == {"Guo Yike", "Zheng Weimin"}
    # Nothing is invented: the article gives no affiliation for this committee member.
    assert Person.objects.get(slug="zheng-weimin").position == ""


def test_loads_the_six_initial_projects_and_the_programmes(demo):
    assert Project.objects.filter(lab__slug=HKUST_HKPC).count() == 6
    assert set(Programme.objects.values_list("kind", flat=True)) == {
        "internship",
        "phd_fellowship",
        "industry_research_alliance",
        "capital_alliance",
    }
    assert FocusArea.objects.filter(lab__slug=HKUST_HKPC).count() == 4


def test_opens_an_internship_and_a_phd_fellowship_call(demo):
    open_calls = Call.objects.published().open()
    assert set(open_calls.values_list("programme__kind", flat=True)) == {"internship", "phd_fellowship"}


def test_running_it_twice_changes_and_duplicates_nothing(demo):
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_a_second_run_keeps_what_staff_edited(demo):
    lab = JointLab.objects.get(slug=CAIR_HKPC)
    lab.tagline = "Edited by staff"
    lab.save()
    call_command("load_demo", verbosity=0)
    lab.refresh_from_db()
    assert lab.tagline == "Edited by staff"


def test_a_demo_call_that_has_closed_is_opened_again(demo):
    call = Call.objects.get(slug="hkust-hkpc-internship-demo")
    call.opens_at = timezone.now() - datetime.timedelta(days=90)
    call.closes_at = timezone.now() - datetime.timedelta(days=1)
    call.save()
    call_command("load_demo", verbosity=0)
    call.refresh_from_db()
    assert call.state() == Call.State.OPEN
    assert timezone.localtime(call.closes_at).strftime("%H:%M") == "23:59"


def test_sample_submissions_are_fictional_and_added_once(demo):
    call_command("load_demo", "--sample-submissions", verbosity=0)
    call_command("load_demo", "--sample-submissions", verbosity=0)
    assert ChallengeRequest.objects.count() == 3
    assert Application.objects.count() == 6  # three applicants to each of the two open demo calls
    emails = [
        *ChallengeRequest.objects.values_list("email", flat=True),
        *Application.objects.values_list("email", flat=True),
    ]
    assert all(email.endswith("@example.com") for email in emails)


def test_the_demo_loader_writes_english_whatever_language_is_active():
    with translation.override("zh-hans"):
        call_command("load_demo", verbosity=0)
    lab = JointLab.objects.get(slug="cair-hkpc-joint-laboratory")
    assert lab.name_en == "CAIR–HKPC Joint Laboratory"
    assert lab.name_zh_hans == "人工智能与机器人创新中心—香港生产力促进局联合实验室"
