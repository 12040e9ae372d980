"""What the public pages keep between requests without the page cache (issue 23): filter options, list counts,
list bodies, the site's navigation and footer, search results. Each is kept until public content changes or a new
release is deployed, so an edit shows on the very next request; and the fields drawn without crispy's templates
look exactly as crispy draws them."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.apps import apps
from django.core.management import call_command
from django.db.models.signals import post_migrate

from portal.form_fields import FastSelect, compact_field
from portal.page_cache import content_version
from projects.filters import ProjectFilter
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def options_of(page, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


# --- kept, and fresh after every change ----------------------------------------------------------------------------


def test_a_new_partner_appears_among_the_filter_options_on_the_next_request(client):
    project = factories.ProjectFactory()
    project.partners.add(factories.OrganisationFactory(name="First Partner Ltd"))
    assert options_of(html(client.get("/projects/")), "partner") == ["Any partner", "First Partner Ltd"]
    project.partners.add(factories.OrganisationFactory(name="Second Partner Ltd"))
    assert "Second Partner Ltd" in options_of(html(client.get("/projects/")), "partner")


def test_the_result_count_and_the_rows_follow_a_new_public_project_at_once(client):
    factories.ProjectFactory(title="Alpha gripper")
    assert "1 result" in html(client.get("/projects/"))
    factories.ProjectFactory(title="Beta gripper")
    page = html(client.get("/projects/"))
    assert "2 results" in page and "Beta gripper" in page


def test_a_project_made_private_leaves_the_list_and_its_count_at_once(client):
    hidden = factories.ProjectFactory(title="Soon private")
    factories.ProjectFactory(title="Stays public")
    assert "Soon private" in html(client.get("/projects/"))
    hidden.is_public = False
    hidden.save()
    page = html(client.get("/projects/"))
    assert "Soon private" not in page and "1 result" in page


def test_each_filter_combination_has_its_own_count_and_rows(client):
    lab = factories.JointLabFactory(slug="lab-a")
    factories.ProjectFactory(lab=lab, title="In lab A")
    factories.ProjectFactory(title="Elsewhere")
    assert "2 results" in html(client.get("/projects/"))
    filtered = html(client.get("/projects/?lab=lab-a"))
    assert "1 result" in filtered and "In lab A" in filtered and "Elsewhere" not in filtered


def test_an_unknown_choice_is_still_refused_with_a_message_and_nothing_listed(client):
    factories.ProjectFactory()
    page = html(client.get("/projects/?partner=no-such-partner"))
    assert "Select a valid choice" in page and 'aria-invalid="true"' in page
    assert "0 results" in page


def test_the_chosen_option_is_marked_even_though_the_options_are_kept(client):
    factories.JointLabFactory(name="Lab One", slug="lab-one")
    factories.JointLabFactory(name="Lab Two", slug="lab-two")
    page = html(client.get("/projects/?lab=lab-two"))
    assert '<option value="lab-two" selected>Lab Two</option>' in page
    assert '<option value="lab-one">Lab One</option>' in page
    assert '<option value="" selected>' not in re.search(r'<select name="lab".*?</select>', page, re.S).group(0)


def test_filter_options_are_kept_per_language(client):
    factories.JointLabFactory(name="Robotics Lab", name_zh_hant="機械人實驗室", slug="robotics")
    assert "Robotics Lab" in options_of(html(client.get("/projects/")), "lab")
    assert "機械人實驗室" in options_of(html(client.get("/zh-hant/projects/")), "lab")


def test_the_footer_follows_a_new_founding_partner_at_once(client):
    lab = factories.JointLabFactory()
    assert "Newly Founded University" not in html(client.get("/"))
    factories.PartnershipFactory(lab=lab, organisation__name="Newly Founded University", role="founding_partner")
    assert "Newly Founded University" in html(client.get("/"))


def test_the_navigation_marks_the_section_of_each_page(client):
    projects = html(client.get("/projects/"))
    people = html(client.get("/people/"))
    assert re.search(r'class="nav-link active" aria-current="page" href="/projects/"', projects)
    assert re.search(r'class="nav-link active" aria-current="page" href="/people/"', people)
    assert not re.search(r'aria-current="page" href="/projects/"', people)


def test_search_results_follow_new_content_at_once(client):
    factories.ProjectFactory(title="Wafer inspection")
    assert "Wafer inspection" in html(client.get("/search/?q=wafer"))
    factories.ProjectFactory(title="Wafer dicing")
    page = html(client.get("/search/?q=wafer"))
    assert "Wafer dicing" in page and "2 results" in page


def test_a_new_release_makes_every_kept_fragment_stale():
    before = content_version()
    post_migrate.send(sender=apps.get_app_config("portal"), app_config=apps.get_app_config("portal"))
    assert content_version() > before


def test_migrate_itself_counts_as_a_new_release():
    before = content_version()
    call_command("migrate", verbosity=0)
    assert content_version() > before


def test_the_error_page_still_renders_without_the_frame_context(client, settings):
    """500.html is drawn with no context processors: the cached frame must not need them."""
    from django.template.loader import get_template

    assert "Something went wrong" in get_template("500.html").render({})


# --- the lab page stays bounded --------------------------------------------------------------------------------------


def test_a_lab_page_shows_twelve_leaders_and_links_to_everyone(client):
    lab = factories.JointLabFactory(name="Busy Lab", short_name="BUSY", slug="busy")
    for number in range(13):
        factories.LabRoleFactory(lab=lab, role="strategic_committee", person__name=f"Member {number:02d}")
    page = html(client.get(lab.get_absolute_url()))
    leadership = page.split('id="leadership-heading"')[1].split("</section>")[0]
    assert leadership.count("picture-avatar") == 12
    assert 'href="/people/?lab=busy"' in leadership and "See everyone at BUSY" in leadership


def test_a_lab_page_shows_no_link_when_every_leader_fits(client):
    lab = factories.JointLabFactory(slug="small")
    factories.LabRoleFactory(lab=lab, role="director")
    assert "See everyone at" not in html(client.get(lab.get_absolute_url()))


def test_a_lab_page_counts_public_projects_per_focus_area_and_follows_changes(client):
    lab = factories.JointLabFactory(slug="counted")
    area = factories.FocusAreaFactory(lab=lab, name="Sensing")
    factories.ProjectFactory(lab=lab).focus_areas.add(area)
    factories.ProjectFactory(lab=lab, is_public=False).focus_areas.add(area)
    assert "1 project" in html(client.get(lab.get_absolute_url())).split('id="areas-heading"')[1]
    factories.ProjectFactory(lab=lab).focus_areas.add(area)
    assert "2 projects" in html(client.get(lab.get_absolute_url())).split('id="areas-heading"')[1]


# --- the fields look as crispy draws them -----------------------------------------------------------------------------


def squeeze(markup):
    """Markup without the whitespace between and inside tags that crispy's templates leave."""
    return re.sub(r"\s+<", "<", re.sub(r">\s+", ">", re.sub(r"\s+", " ", str(markup)))).replace(" >", ">").strip()


class SampleForm(forms.Form):
    q = forms.CharField(
        label="Keyword", required=False, max_length=20, widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = forms.ChoiceField(label="Kind", choices=[("", "Any"), ("a", "A & B")], help_text="Pick <one>")
    email = forms.EmailField(label="E-mail")


@pytest.mark.parametrize("data", [{}, {"q": "x" * 30, "kind": "zzz", "email": "not-an-address"}, {"kind": "a"}])
@pytest.mark.parametrize("name", ["q", "kind", "email"])
def test_a_compact_field_is_the_markup_crispy_gives_it(data, name):
    crispy = SampleForm(data or None)
    compact = SampleForm(data or None)
    crispy.is_valid(), compact.is_valid()
    assert squeeze(compact_field(compact[name])) == squeeze(as_crispy_field(crispy[name]))


def test_a_widget_it_does_not_draw_goes_through_crispy():
    class Choices(forms.Form):
        areas = forms.MultipleChoiceField(choices=[("1", "One")], widget=forms.CheckboxSelectMultiple)

    assert squeeze(compact_field(Choices()["areas"])) == squeeze(as_crispy_field(Choices()["areas"]))


def test_kept_option_markup_marks_only_the_chosen_value():
    choices = [("", "Any"), ("a&b", "A & B"), ("ab", "AB")]
    widget = FastSelect(choices=choices, options_html=str(FastSelect.options_markup(choices)))
    assert widget.render("x", "a&b") == FastSelect(choices=choices).render("x", "a&b")
    assert widget.render("x", "ab").count(" selected") == 1


def test_the_project_filter_reads_its_options_once_per_content_version(django_assert_num_queries):
    factories.ProjectFactory().partners.add(factories.OrganisationFactory())
    str(ProjectFilter({}, queryset=Project.objects.all()).form)
    with django_assert_num_queries(0):
        str(ProjectFilter({}, queryset=Project.objects.all()).form)


# --- public forms ----------------------------------------------------------------------------------------------------


def test_a_new_focus_area_is_offered_on_the_challenge_form_at_once(client):
    lab = factories.JointLabFactory()
    factories.FocusAreaFactory(lab=lab, name="Sensing")
    assert "Sensing" in html(client.get("/challenges/submit/"))
    factories.FocusAreaFactory(lab=lab, name="Packaging")
    assert "Packaging" in html(client.get("/challenges/submit/"))


def test_each_preselected_lab_is_marked_on_the_challenge_form(client):
    factories.JointLabFactory(name="Vision Lab", slug="vision")
    factories.JointLabFactory(name="Sound Lab", slug="sound")
    vision = re.search(
        r'<select name="preferred_lab".*?</select>', html(client.get("/challenges/submit/?lab=vision")), re.S
    )
    sound = re.search(
        r'<select name="preferred_lab".*?</select>', html(client.get("/challenges/submit/?lab=sound")), re.S
    )
    assert re.search(r'<option value="\d+" selected>Vision Lab', vision.group(0))
    assert re.search(r'<option value="\d+" selected>Sound Lab', sound.group(0))


def test_what_a_visitor_carried_over_from_the_lab_finder_is_never_kept(client):
    from django.core.cache import cache

    problem = "Our unique wafer-polishing defect nobody else has described"
    assert problem in html(client.get("/challenges/submit/", {"problem": problem}))
    kept = [cache.get(key) for key in cache._cache] if hasattr(cache, "_cache") else []
    assert not any(problem in str(value) for value in kept if value is not None)


def test_a_sent_form_with_errors_shows_its_own_values_and_messages(client):
    factories.JointLabFactory()
    page = html(client.post("/challenges/submit/", {"title": "A title only", "email": "not-an-address"}))
    assert 'value="A title only"' in page and "is-invalid" in page


# --- staff lists -----------------------------------------------------------------------------------------------------


def test_the_action_checkbox_is_the_one_django_draws():
    from django.contrib import admin as django_admin
    from django.contrib.admin import helpers

    project = factories.ProjectFactory(title="Fish & chips <robot>")
    model_admin = django_admin.site._registry[Project]
    expected = forms.CheckboxInput(
        {"class": "action-select", "aria-label": f"Select this object for an action - {project}"}, lambda value: False
    ).render(helpers.ACTION_CHECKBOX_NAME, str(project.pk))
    assert model_admin.action_checkbox(project) == expected


def test_a_new_partner_appears_in_the_admins_partner_filter_at_once(admin_client):
    project = factories.ProjectFactory()
    project.partners.add(factories.OrganisationFactory(name="Early Partner Ltd"))
    assert "Early Partner Ltd" in html(admin_client.get("/admin/projects/project/"))
    factories.OrganisationFactory(name="Later Partner Ltd")
    assert "Later Partner Ltd" in html(admin_client.get("/admin/projects/project/"))


def test_a_new_leader_appears_on_the_lab_page_at_once(client):
    lab = factories.JointLabFactory(slug="growing")
    factories.LabRoleFactory(lab=lab, role="director", person__name="First Director")
    assert "First Director" in html(client.get(lab.get_absolute_url()))
    factories.LabRoleFactory(lab=lab, role="co_director", person__name="New Co-director")
    assert "New Co-director" in html(client.get(lab.get_absolute_url()))
