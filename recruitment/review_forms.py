"""The reviewer's scoring form: a score and a comment for each criterion of the call's rubric, each level of the
scale labelled beside its box, an overall comment, a recommendation, or a declared conflict of interest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Review, RubricCriterion


def score_field(criterion: RubricCriterion) -> str:
    return f"score_{criterion.pk}"


def comment_field(criterion: RubricCriterion) -> str:
    return f"comment_{criterion.pk}"


def level_choices(criterion: RubricCriterion) -> list[tuple[int, str]]:
    return [(score, f"{score} — {label}" if label else str(score)) for score, label in criterion.levels()]


class ReviewForm(forms.ModelForm):
    criteria: list[RubricCriterion] = []

    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=Review.Recommendation.choices, widget=forms.RadioSelect, required=False
    )

    class Meta:
        model = Review
        fields = ["application", "recommendation", "comment", "conflict_of_interest"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for row in self.instance.scores.all():
                self.initial.setdefault(f"score_{row.criterion_id}", row.score)
                self.initial.setdefault(f"comment_{row.criterion_id}", row.comment)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("conflict_of_interest"):
            return cleaned
        for criterion in self.criteria:
            name = score_field(criterion)
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(
                    name,
                    _("Score “%(name)s” from %(low)d to %(high)d.")
                    % {"name": criterion.name, "low": criterion.min_score, "high": criterion.max_score},
                )
        if not cleaned.get("recommendation"):
            self.add_error("recommendation", _("Choose a recommendation."))
        return cleaned

    def scores(self) -> dict[RubricCriterion, int]:
        return {criterion: self.cleaned_data[score_field(criterion)] for criterion in self.criteria}

    def comments(self) -> dict[RubricCriterion, str]:
        return {criterion: self.cleaned_data.get(comment_field(criterion), "") for criterion in self.criteria}


def review_form_for(criteria: list[RubricCriterion]) -> type[ReviewForm]:
    """A ReviewForm with a score and a comment field for each criterion (declared, so the admin knows them)."""
    attrs = {"criteria": list(criteria)}
    for criterion in criteria:
        weight = (
            ""
            if criterion.weight == 1
            else " " + str(_("(weight %(weight)s)") % {"weight": criterion.weight.normalize()})
        )
        attrs[score_field(criterion)] = forms.TypedChoiceField(
            label=f"{criterion.name}{weight}",
            choices=level_choices(criterion),
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
            help_text=criterion.description,
            error_messages={
                "invalid_choice": _("Score “%(name)s” from %(low)d to %(high)d.")
                % {"name": criterion.name, "low": criterion.min_score, "high": criterion.max_score}
            },
        )
        attrs[comment_field(criterion)] = forms.CharField(
            label=_("Comment on “%(name)s”") % {"name": criterion.name},
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )
    return type("RubricReviewForm", (ReviewForm,), attrs)
