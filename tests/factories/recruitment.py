"""Factories of recruitment: calls, applications as students submit them, referees, reviews, interview slots and
offers (made through the services)."""

import datetime

import factory
from django.utils import timezone

from recruitment.models import Application, ApplicationReferee, Call, InterviewSlot, Offer, Review, ReviewScore
from recruitment.services import application_refresh_scores, application_submit, offer_make, rubric_add_default
from tests.files import PDF_BYTES

from .core import ProgrammeFactory, StaffUserFactory, _set_after_submission


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    description = "A fictional call."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    is_published = True


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application as a student submits it: through recruitment.services.application_submit, so it has a real
    reference (AP-2026-00001), a creation row in its status history and its e-mails in the outbox. A published call
    that is not open now is applied to at the moment it opened. What the form does not ask (status, reference,
    internal notes, ...) is set on the saved row afterwards. `referees` (a list of dicts) are named in the
    submission, each getting their request e-mail."""

    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"Student {n}")
    email = factory.Sequence(lambda n: f"student{n}@uni.example")
    phone = "+852 0000 0000"
    university = "Example University"
    degree_programme = "MPhil in Computer Science"
    year_of_study = "Year 2"
    research_interests = "Robot learning"
    personal_statement = "I would like to work on fictional robots."
    cv = factory.django.FileField(filename="cv.pdf", data=PDF_BYTES)

    @classmethod
    def _create(
        cls,
        model_class,
        *args,
        call,
        cv,
        transcript=None,
        focus_areas=(),
        projects=(),
        referees=(),
        language="en",
        **kwargs,
    ):
        fields = {name: kwargs.pop(name) for name in Application.APPLICANT_FIELDS if name in kwargs}
        application = application_submit(
            call=call,
            fields=fields,
            focus_areas=focus_areas,
            projects=projects,
            cv=cv,
            transcript=transcript or None,
            referees=list(referees),
            language=language,
            now=None if call.state() == Call.State.OPEN else call.opens_at,
        )
        return _set_after_submission(application, kwargs)


class ApplicationRefereeFactory(factory.django.DjangoModelFactory):
    """A referee named in a new application's submission (so they get their request e-mail); given an existing
    `application`, a referee added to it directly, as no service adds one after submission."""

    class Meta:
        model = ApplicationReferee

    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Referee {n}")
    email = factory.Sequence(lambda n: f"referee{n}@uni.example")
    institution = "Example University"
    application = factory.SubFactory(
        ApplicationFactory,
        referees=factory.LazyAttribute(
            lambda application: [
                {
                    "order": application.factory_parent.order,
                    "name": application.factory_parent.name,
                    "email": application.factory_parent.email,
                    "institution": application.factory_parent.institution,
                }
            ]
        ),
    )

    @classmethod
    def _create(cls, model_class, *args, application, order, name, email, institution, **kwargs):
        named = application.referees.filter(email=email).first()
        if named is None:
            return model_class.objects.create(
                application=application, order=order, name=name, email=email, institution=institution, **kwargs
            )
        return _set_after_submission(named, kwargs)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review
        skip_postgeneration_save = True

    """A review as stored, `score` set directly; unless conflicted it has a ReviewScore of round(score) for each
    criterion of the call's rubric (the classic four are given to a call without one)."""

    application = factory.SubFactory(ApplicationFactory)
    reviewer = factory.SubFactory(StaffUserFactory)
    score = 4
    recommendation = Review.Recommendation.ADVANCE

    @factory.post_generation
    def refresh_application_scores(review, create, extracted, **kwargs):
        if create:
            if not review.conflict_of_interest and review.score is not None:
                for criterion in rubric_add_default(call=review.application.call):
                    value = min(max(round(review.score), criterion.min_score), criterion.max_score)
                    ReviewScore.objects.create(review=review, criterion=criterion, score=value)
            application_refresh_scores(application=review.application)


def rubric_scores(call, score=4):
    """A valid `scores` argument of review_save for `call` (given the classic rubric if it has none): `score`
    on every criterion."""
    return dict.fromkeys(rubric_add_default(call=call), score)


class InterviewSlotFactory(factory.django.DjangoModelFactory):
    """A free in-person interview slot of a call, a week ahead (book it through interview_slot_book)."""

    class Meta:
        model = InterviewSlot

    call = factory.SubFactory(CallFactory)
    starts_at = factory.Sequence(lambda n: timezone.now() + datetime.timedelta(days=7, hours=n))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + datetime.timedelta(minutes=30))
    mode = InterviewSlot.Mode.IN_PERSON
    place = "Room 101, Science Park"


class OfferFactory(factory.django.DjangoModelFactory):
    """An offer made through recruitment.services.offer_make to an application invited to interview: the
    application is then "offered" and the student's e-mail is in the outbox."""

    class Meta:
        model = Offer

    application = factory.SubFactory(ApplicationFactory, status="interview")
    reply_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    letter_text = "We are pleased to offer you a place."

    @classmethod
    def _create(cls, model_class, *args, application, reply_by, letter_text, conditions=(), letter=None, by=None):
        return offer_make(
            application=application,
            reply_by=reply_by,
            letter_text=letter_text,
            conditions=conditions,
            letter=letter,
            by=by,
        )
