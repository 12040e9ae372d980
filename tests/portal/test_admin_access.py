"""The admin rules of the security review (issue 15, findings 1, 3, 4, 6, 7, 9): what staff may filter by, pick,
edit and open, whichever admin they are in."""

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.test import Client
from django.urls import reverse

from challenges.models import ChallengeRequest
from labs.models import Organisation
from people.models import LabRole, Person
from people.roles import EDITOR, LAB_MANAGER, REVIEWER
from people.staff import staff_add
from recruitment.models import Application
from tests import factories

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def labs():
    return factories.JointLabFactory(slug="own"), factories.JointLabFactory(slug="other")


@pytest.fixture
def manager(labs):
    user = staff_add(email="manager@example.org", role=LAB_MANAGER, lab_slugs=["own"])[0]
    user.first_name, user.last_name = "Morgan", "Lee"
    user.save()
    return user


@pytest.fixture
def reviewer(labs):
    return staff_add(email="reviewer@example.org", role=REVIEWER)[0]


def changelist(model):
    return reverse(admin_urlname(model._meta, "changelist"))


# Finding 1: a changelist accepts only the lookups its own filters declare -----------------------------------------


def test_a_reviewer_cannot_recover_a_status_token_by_filtering(labs, reviewer):
    application = factories.ApplicationFactory(call__programme__lab=labs[0])
    application.reviewers.add(reviewer)
    client = signed_in(reviewer)
    for path in (changelist(Application), reverse("admin:recruitment_application_export")):
        response = client.get(path, {"status_token__regex": f"^{application.status_token[0]}"})
        assert response.status_code == 400, path
        assert application.status_token not in response.content.decode()


@pytest.mark.parametrize("lookup", ["internal_notes__icontains", "review_count__gte", "email__startswith"])
def test_staff_only_and_undeclared_fields_are_not_filters(admin_client, lookup):
    factories.ApplicationFactory()
    assert admin_client.get(changelist(Application), {lookup: "1"}).status_code == 400
    assert admin_client.get(reverse("admin:recruitment_application_export"), {lookup: "1"}).status_code == 400


def test_a_lab_manager_cannot_filter_challenge_requests_by_token_or_notes(labs, manager):
    challenge = factories.ChallengeRequestFactory(lab=labs[0], internal_notes="owner is slow to pay")
    client = signed_in(manager)
    for lookup, value in [
        ("status_token__startswith", challenge.status_token[:2]),
        ("internal_notes__icontains", "pay"),
    ]:
        assert client.get(changelist(ChallengeRequest), {lookup: value}).status_code == 400
        export = reverse("admin:challenges_challengerequest_export")
        assert client.get(export, {lookup: value}).status_code == 400


def test_declared_filters_and_the_date_hierarchy_still_work(admin_client, labs):
    factories.ApplicationFactory(call__programme__lab=labs[0])
    for params in (
        {"status__exact": "submitted"},
        {"call__programme__lab__id__exact": labs[0].pk},
        {"submitted_at__year": "2026", "submitted_at__month": "11"},
        {"average": "none"},
    ):
        assert admin_client.get(changelist(Application), params).status_code == 200, params


def test_every_admin_refuses_lookups_its_filters_do_not_declare(admin_client):
    """The rule holds for every registered admin, third-party ones included."""
    for model, model_admin in admin.site._registry.items():
        declared = set()
        for item in model_admin.list_filter:
            declared.add(item[0] if isinstance(item, (list, tuple)) else getattr(item, "parameter_name", item))
        for field in model._meta.concrete_fields:
            if field.name in declared:
                continue
            response = admin_client.get(changelist(model), {f"{field.name}__regex": "^a"})
            assert response.status_code in (400, 403), f"{model.__name__}.{field.name}: {response.status_code}"


def test_a_secret_field_offered_as_a_filter_or_search_field_fails_the_system_check(monkeypatch):
    from portal import admin_access

    model_admin = admin.site._registry[Application]
    monkeypatch.setattr(model_admin, "search_fields", ["reference", "status_token"])
    errors = admin_access.check_no_secret_lookups()
    assert [error.id for error in errors] == ["portal.E001"]
    assert "status_token" in errors[0].msg


# Findings 3 and 6: pickers offer and accept only what the user may see ----------------------------------------


def test_a_lab_manager_cannot_link_another_labs_hidden_person_to_their_lab(labs, manager):
    hidden = factories.PersonFactory(is_public=False, name="Hidden Elsewhere")
    factories.LabRoleFactory(person=hidden, lab=labs[1])
    response = signed_in(manager).post(
        reverse("admin:people_labrole_add"),
        {"person": hidden.pk, "lab": labs[0].pk, "role": LabRole.Role.RESEARCHER, "display_order": 0},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Select a valid choice" in response.content.decode()
    assert not LabRole.objects.filter(person=hidden, lab=labs[0]).exists()


def test_a_lab_manager_cannot_put_another_labs_hidden_person_on_a_project(labs, manager):
    hidden = factories.PersonFactory(is_public=False)
    factories.LabRoleFactory(person=hidden, lab=labs[1])
    colleague_elsewhere = factories.PersonFactory(is_public=True)
    project = factories.ProjectFactory(lab=labs[0])
    model_admin = admin.site._registry[type(project)]
    request = _request_for(manager)
    inline = next(i for i in model_admin.get_inline_instances(request, project) if i.model.__name__ == "ProjectMember")
    person_field = inline.get_formset(request, project).form.base_fields["person"]
    assert hidden not in person_field.queryset
    assert colleague_elsewhere in person_field.queryset  # public profiles stay pickable


def test_owner_and_matched_people_accept_only_colleagues_and_visible_people(labs, manager):
    challenge = factories.ChallengeRequestFactory(lab=labs[0])
    stranger = staff_add(email="elsewhere@example.org", role=LAB_MANAGER, lab_slugs=["other"])[0]
    hidden = factories.PersonFactory(is_public=False)
    factories.LabRoleFactory(person=hidden, lab=labs[1])
    form = _admin_form(ChallengeRequest, challenge, manager)
    assert list(form.base_fields["owner"].queryset) == [manager]
    assert stranger not in form.base_fields["owner"].queryset
    assert hidden not in form.base_fields["matched_people"].queryset
    assert form.base_fields["owner"].label_from_instance(manager) == "Morgan Lee"  # a name, not an e-mail


def test_reviewer_choices_are_the_staff_of_the_lab_manager_labs(labs, manager):
    application = factories.ApplicationFactory(call__programme__lab=labs[0])
    colleague = staff_add(email="colleague@example.org", role=REVIEWER, lab_slugs=["own"])[0]
    outsider = staff_add(email="outsider@example.org", role=REVIEWER, lab_slugs=["other"])[0]
    choices = _admin_form(Application, application, manager).base_fields["reviewers"].queryset
    assert colleague in choices
    assert outsider not in choices


def test_a_lab_manager_can_search_the_reviewer_and_owner_pickers(labs, manager):
    factories.ApplicationFactory(call__programme__lab=labs[0])
    colleague = staff_add(email="colleague@example.org", role=REVIEWER, lab_slugs=["own"])[0]
    staff_add(email="outsider@example.org", role=REVIEWER, lab_slugs=["other"])
    client = signed_in(manager)
    for app_label, model_name, field in [
        ("recruitment", "application", "reviewers"),
        ("challenges", "challengerequest", "owner"),
    ]:
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": app_label, "model_name": model_name, "field_name": field, "term": "example.org"},
        )
        assert response.status_code == 200, field
        ids = {int(result["id"]) for result in response.json()["results"]}
        assert colleague.pk in ids or field == "owner"
        # Any colleague may own a request; only those who may review are offered as reviewers.
        assert (manager.pk in ids) == (field == "owner")
        assert all("outsider" not in result["text"] for result in response.json()["results"])


def test_the_person_picker_hides_other_labs_hidden_people(labs, manager):
    hidden = factories.PersonFactory(is_public=False, name="Zed Hidden")
    factories.LabRoleFactory(person=hidden, lab=labs[1])
    own = factories.PersonFactory(is_public=False, name="Zed Own")
    factories.LabRoleFactory(person=own, lab=labs[0])
    on_own_project = factories.PersonFactory(is_public=False, name="Zed Member")
    factories.ProjectMemberFactory(person=on_own_project, project=factories.ProjectFactory(lab=labs[0]))
    response = signed_in(manager).get(
        reverse("admin:autocomplete"),
        {"app_label": "people", "model_name": "labrole", "field_name": "person", "term": "Zed"},
    )
    assert sorted(result["text"] for result in response.json()["results"]) == ["Zed Member", "Zed Own"]


def test_someone_who_cannot_fill_the_field_cannot_use_its_picker(labs, reviewer):
    response = signed_in(reviewer).get(
        reverse("admin:autocomplete"),
        {"app_label": "recruitment", "model_name": "application", "field_name": "reviewers", "term": "a"},
    )
    assert response.status_code == 403


# Finding 4: rights over shared records follow the labs they are linked to --------------------------------------


@pytest.fixture
def editor(labs):
    return staff_add(email="editor@example.org", role=EDITOR, lab_slugs=["own"])[0]


def test_a_person_of_another_lab_only_is_read_only_for_a_lab_editor(labs, editor):
    theirs = factories.PersonFactory(is_public=True, name="Theirs")
    factories.LabRoleFactory(person=theirs, lab=labs[1])
    client = signed_in(editor)
    change = reverse("admin:people_person_change", args=[theirs.pk])
    assert client.get(change).status_code == 200  # public: may be looked at
    response = client.post(change, {"name": "Renamed", "slug": theirs.slug, "is_public": ""})
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"
    assert client.post(reverse("admin:people_person_delete", args=[theirs.pk]), {"post": "yes"}).status_code == 403


def test_hiding_people_in_bulk_leaves_other_labs_people_alone(labs, editor):
    ours, theirs, nobodys = (factories.PersonFactory(is_public=True) for _ in range(3))
    factories.LabRoleFactory(person=ours, lab=labs[0])
    factories.LabRoleFactory(person=theirs, lab=labs[1])
    response = signed_in(editor).post(
        changelist(Person),
        {"action": "people_set_public_off", "_selected_action": [ours.pk, theirs.pk, nobodys.pk]},
        follow=True,
    )
    assert "2 selected record(s) left unchanged" in response.content.decode()
    assert [p.is_public for p in Person.objects.filter(pk__in=[ours.pk, theirs.pk, nobodys.pk]).order_by("pk")] == [
        False,
        True,
        True,
    ]


def test_a_person_of_several_labs_needs_one_of_them_and_of_none_an_administrator(labs, editor, admin_client):
    shared = factories.PersonFactory(is_public=True)
    factories.LabRoleFactory(person=shared, lab=labs[0])
    factories.LabRoleFactory(person=shared, lab=labs[1])
    nobodys = factories.PersonFactory(is_public=True)
    person_admin = admin.site._registry[Person]
    assert person_admin.has_change_permission(_request_for(editor), shared)
    assert not person_admin.has_change_permission(_request_for(editor), nobodys)
    assert admin_client.get(reverse("admin:people_person_change", args=[nobodys.pk])).status_code == 200


def test_organisations_follow_their_partnerships(labs, editor):
    ours, theirs, unattached = (factories.OrganisationFactory() for _ in range(3))
    factories.PartnershipFactory(organisation=ours, lab=labs[0])
    factories.PartnershipFactory(organisation=theirs, lab=labs[1])
    organisation_admin = admin.site._registry[Organisation]
    request = _request_for(editor)
    assert organisation_admin.has_change_permission(request, ours)
    assert not organisation_admin.has_change_permission(request, theirs)
    assert not organisation_admin.has_change_permission(request, unattached)
    assert organisation_admin.has_view_permission(request, theirs)


# Finding 9: list filters and "view on site" ------------------------------------------------------------------


def test_list_filters_offer_only_the_lab_managers_calls_and_colleagues(labs, manager):
    own_call = factories.CallFactory(programme__lab=labs[0], title="Own call")
    factories.CallFactory(programme__lab=labs[1], title="Their call")
    factories.ApplicationFactory(call=own_call)
    staff_add(email="outsider@example.org", role=REVIEWER, lab_slugs=["other"])
    html = signed_in(manager).get(changelist(Application)).content.decode()
    assert "Own call" in html
    assert "Their call" not in html
    assert "outsider@example.org" not in html


def test_view_on_site_opens_only_records_the_user_may_see(labs, manager):
    theirs = factories.ProjectFactory(lab=labs[1], is_public=False, slug="secret-slug")
    ours = factories.ProjectFactory(lab=labs[0], is_public=False)
    content_type = ContentType.objects.get_for_model(theirs)
    client = signed_in(manager)
    refused = client.get(reverse("admin:view_on_site", args=[content_type.pk, theirs.pk]))
    assert refused.status_code == 404
    assert "secret-slug" not in refused.get("Location", "")
    allowed = client.get(reverse("admin:view_on_site", args=[content_type.pk, ours.pk]))
    assert allowed.status_code == 302
    assert allowed["Location"] == ours.get_absolute_url()


def test_view_on_site_of_nonsense_is_a_not_found(admin_client):
    assert admin_client.get("/admin/r/999999/1/").status_code == 404
    assert admin_client.get("/admin/r/1/not-a-number/").status_code == 404


# helpers ---------------------------------------------------------------------------------------------------------


def _request_for(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def _admin_form(model, obj, user):
    model_admin = admin.site._registry[model]
    return model_admin.get_form(_request_for(user), obj, change=True)


def test_system_checks_are_clean():
    assert not [e for e in checks.run_checks(tags=[checks.Tags.admin]) if e.id == "portal.E001"]


def test_administrators_pick_owners_and_reviewers_among_active_staff_only(superuser):
    student = factories.UserFactory(username="not-staff@example.org", is_staff=False)
    former = staff_add(email="former@example.org", role=REVIEWER)[0]
    former.is_active = False
    former.save()
    current = staff_add(email="current@example.org", role=REVIEWER)[0]
    challenge = factories.ChallengeRequestFactory()
    owners = _admin_form(ChallengeRequest, challenge, superuser).base_fields["owner"].queryset
    assert current in owners
    assert student not in owners
    assert former not in owners


@pytest.mark.parametrize("role", [LAB_MANAGER, EDITOR])
def test_every_picker_of_every_admin_offers_only_what_the_user_may_see(labs, role):
    """The rule behind findings 3 and 6, for every admin and inline a lab-scoped user can fill in: each foreign key
    and many-to-many offers nothing of another lab and no one outside the user's labs."""
    from django.forms import ModelChoiceField

    from portal.scoping import picker_choices

    user = staff_add(email=f"{role}@example.org", role=role, lab_slugs=["own"])[0]
    for lab in labs:  # something of each lab behind every picker
        factories.ProjectFactory(lab=lab)
        factories.CallFactory(programme__lab=lab)
        hidden = factories.PersonFactory(is_public=False)
        factories.LabRoleFactory(person=hidden, lab=lab)
        staff_add(email=f"staff-{lab.slug}@example.org", role=REVIEWER, lab_slugs=[lab.slug])
    request = _request_for(user)
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)):
            continue
        forms = [model_admin.get_form(request, None, change=False)]
        forms += [inline.get_formset(request, None).form for inline in model_admin.get_inline_instances(request)]
        for form in forms:
            for name, field in form().fields.items():  # instantiated: some forms narrow a field in __init__
                if not isinstance(field, ModelChoiceField):
                    continue
                related = field.queryset.model
                allowed = picker_choices(related, request)
                if allowed is None:
                    related_admin = admin.site._registry.get(related)
                    allowed = related_admin.get_queryset(request) if related_admin else related._default_manager.all()
                extra = set(field.queryset.values_list("pk", flat=True)) - set(allowed.values_list("pk", flat=True))
                assert not extra, f"{model.__name__}.{name} offers {related.__name__} {sorted(extra)}"
                checked += 1
    assert checked >= 10
