"""portal.ranking: text folded and segmented for comparison, ranking data kept in step with the records (embedded
once per text), the same order on every database, and ranking by words alone when the model is missing."""

import pytest
from django.core.management import call_command
from django.utils import translation

from labs.models import JointLab
from people.models import Person
from portal.models import RankingEntry
from portal.ranking import embedding, query_for, rank
from portal.ranking.index import entries_refresh, profile_of
from portal.ranking.text import fold, sentences, terms
from projects.models import Project
from tests import factories

pytestmark = pytest.mark.django_db


def entry_of(obj):
    return RankingEntry.objects.get(object_id=obj.pk, content_type__model=obj._meta.model_name)


def test_traditional_and_simplified_chinese_compare_as_one():
    assert fold("實驗室") == fold("实验室") == "实验室"
    assert set(terms("機械人實驗室")) == set(terms("机械人实验室"))


def test_chinese_is_cut_into_words_and_filler_words_are_dropped():
    assert {"表面", "划痕"} <= set(terms("我們的產品表面有划痕"))
    assert "的" not in terms("我們的產品")
    assert terms("scratches along the parts") == ["scratch"]


def test_profiles_split_into_sentences_as_written():
    assert sentences("Finds defects. On shiny parts!\n反光表面。") == [
        "Finds defects.",
        "On shiny parts!",
        "反光表面。",
    ]


def test_a_record_is_embedded_again_only_when_its_text_changes(db):
    project = factories.ProjectFactory(title="Welding seam tracking")
    assert entries_refresh([project]) == 1
    assert entries_refresh([project]) == 0
    project.summary = "Following the seam with a laser."
    assert entries_refresh([project]) == 1


def test_saving_a_record_refreshes_its_entry_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project = factories.ProjectFactory(title="Welding seam tracking")
    assert "weld" in entry_of(project).terms.split()
    with django_capture_on_commit_callbacks(execute=True):
        project.title = "Glass bottle sorting"
        project.save()
    assert "sort" in entry_of(project).terms.split()


def test_a_focus_area_is_part_of_its_labs_profile(db, django_capture_on_commit_callbacks):
    lab = factories.JointLabFactory(name="Plain lab")
    with django_capture_on_commit_callbacks(execute=True):
        factories.FocusAreaFactory(lab=lab, name="Underwater acoustics")
    assert "acoustic" in entry_of(lab).terms.split()


def test_a_deleted_record_leaves_no_entry(db):
    project = factories.ProjectFactory(title="Welding seam tracking")
    entries_refresh([project])
    project.delete()
    assert not RankingEntry.objects.filter(content_type__model="project").exists()


def test_rebuild_computes_what_is_missing_and_skips_the_rest(db, capsys):
    factories.ProjectFactory(title="Welding seam tracking")
    call_command("rebuild_ranking")
    assert "projects: 1 of 1 updated" in capsys.readouterr().out
    call_command("rebuild_ranking")
    assert "projects: 0 of 1 updated" in capsys.readouterr().out


def test_the_order_on_the_demo_content_is_fixed_whatever_the_database(demo):
    """The same stored data and arithmetic on SQLite and PostgreSQL: run this file on both to compare."""
    ranked = rank(Project.objects.public(), query_for("machine vision for shiny surfaces"), limit=6)
    assert [item.obj.slug for item in ranked] == [
        "reflective-freeform-defect-inspection",
        "small-defect-inspection",
        "process-mining-root-cause",
        "end-to-end-perception-to-control",
        "multimodal-human-robot-interaction",
        "product-design-automation",
    ]


def test_without_the_model_entries_keep_words_and_ranking_uses_them(db, monkeypatch):
    monkeypatch.setattr(embedding, "_model", lambda: None)
    factories.ProjectFactory(title="Glass bottle sorting")
    wanted = factories.ProjectFactory(title="Welding seam tracking")
    ranked = rank(Project.objects.all(), query_for("seam welding robot"))
    assert [item.obj for item in ranked] == [wanted]
    assert entry_of(wanted).vector is None


def test_a_persons_profile_is_what_they_do_and_their_public_projects_never_their_name_or_contacts(db):
    person = factories.PersonFactory(
        name="Chan Tai Man",
        position="Research engineer",
        short_bio="Builds welding robots.",
        public_email="c@example.org",
    )
    factories.ProjectMemberFactory(person=person, project=factories.ProjectFactory(title="Seam tracking"))
    factories.ProjectMemberFactory(
        person=person, project=factories.ProjectFactory(title="Confidential pilot", is_public=False)
    )
    profile = profile_of(person)
    assert "Research engineer" in profile and "Builds welding robots." in profile and "Seam tracking" in profile
    assert "Chan Tai Man" not in profile and "c@example.org" not in profile and "Confidential pilot" not in profile


def test_a_record_whose_profile_is_empty_is_never_suggested(db):
    factories.PersonFactory(name="Welding Robot", position="", short_bio="")
    speaking = factories.PersonFactory(position="Welding robot engineer")
    ranked = rank(Person.objects.all(), query_for("welding robot"))
    assert [item.obj for item in ranked] == [speaking]


def test_a_queryset_that_can_match_nothing_ranks_nothing(db):
    factories.PersonFactory(position="Welding robot engineer")
    assert rank(Person.objects.none(), query_for("welding robot")) == []
    assert rank(Person.objects.filter(pk__in=[]), query_for("welding robot")) == []


def test_the_reason_is_never_the_records_own_name(db):
    lab = factories.JointLabFactory(name="Welding robotics", summary="Robots that weld car bodies.")
    ranked = rank(JointLab.objects.filter(pk=lab.pk), query_for("welding robotics"))
    assert ranked[0].reason == "Robots that weld car bodies."


def test_the_reason_is_in_the_readers_language_and_never_one_of_the_records_names(db):
    lab = factories.JointLabFactory(
        name="Welding robotics",
        short_name="Weld Lab",
        summary="Robots that weld car bodies.",
        name_zh_hant="焊接機械人",
        short_name_zh_hant="焊接實驗室",
        summary_zh_hant="機械人焊接汽車車身。",
    )
    query = query_for("焊接 welding robot")
    with translation.override("zh-hant"):
        assert rank(JointLab.objects.filter(pk=lab.pk), query)[0].reason == "機械人焊接汽車車身。"
    with translation.override("zh-hans"):  # not written in Simplified: chosen from what it has, names left out
        assert rank(JointLab.objects.filter(pk=lab.pk), query)[0].reason in {
            "Robots that weld car bodies.",
            "機械人焊接汽車車身。",
        }
    with translation.override("en"):
        assert rank(JointLab.objects.filter(pk=lab.pk), query)[0].reason == "Robots that weld car bodies."


def test_a_record_gets_one_vector_per_language_it_is_written_in_and_is_as_close_as_its_closest():
    english_only = factories.ProjectFactory(title="Weld seam tracking", summary="Robots follow weld seams.")
    both = factories.ProjectFactory(
        title="Weld seam tracking",
        summary="Robots follow weld seams.",
        title_zh_hant="焊縫追蹤",
        summary_zh_hant="機械人沿焊縫焊接。",
    )
    entries_refresh([english_only, both])
    size = embedding.DIMENSIONS * 4  # float32
    assert len(bytes(entry_of(english_only).vector)) == size
    assert len(bytes(entry_of(both).vector)) == 2 * size

    ranked = {item.obj: item for item in rank(Project.objects.all(), query_for("焊縫追蹤"), mode="semantic")}
    assert ranked[both].score >= ranked[english_only].score  # the Traditional text is the closer one
