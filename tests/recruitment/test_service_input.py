"""The recruitment services refuse input the forms would refuse, whoever calls them."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.models import OutboxEmail
from recruitment.models import Application, Review
from recruitment.services import application_submit, review_save
from tests import factories
from tests.files import PDF_BYTES

pytestmark = pytest.mark.django_db


def applicant(**overrides):
    data = {
        "name": "Sam Student",
        "email": "sam@uni.example",
        "phone": "+852 0000 0000",
        "university": "Example University",
        "degree_programme": "MPhil",
        "year_of_study": "2",
        "research_interests": "Robot grasping",
        "personal_statement": "I would like to join.",
    }
    data.update(overrides)
    return data


def submit(call, **overrides):
    return application_submit(
        call=call,
        fields=applicant(**overrides),
        focus_areas=[],
        projects=[],
        cv=SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        transcript=None,
        referees=[],
        language="en",
    )


@pytest.mark.parametrize(("field", "value"), [("email", "nobody"), ("name", ""), ("phone", "9" * 41)])
def test_an_application_with_a_bad_field_is_refused_and_nothing_is_kept(field, value, _test_storages):
    call = factories.CallFactory()
    with pytest.raises(ValidationError) as refusal:
        submit(call, **{field: value})
    assert field in refusal.value.message_dict
    assert not Application.objects.exists()
    assert not OutboxEmail.objects.exists()
    assert not [path for path in _test_storages.rglob("*") if path.is_file()]  # the CV was removed again


def test_a_review_scored_outside_the_scale_is_refused():
    application = factories.ApplicationFactory()
    reviewer = factories.StaffUserFactory()
    application.reviewers.add(reviewer)
    scores = factories.rubric_scores(application.call)
    scores[next(iter(scores))] = 9  # the classic rubric scores 1 to 5
    review = Review(application=application, reviewer=reviewer, recommendation="advance")
    with pytest.raises(ValidationError):
        review_save(review=review, by=reviewer, scores=scores)
    assert not Review.objects.exists()
