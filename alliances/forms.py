from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import ConsentField, HoneypotField

from .models import MembershipApplication


class MembershipApplicationForm(forms.ModelForm):
    consent = ConsentField(
        agreement=_("privacy notice and agree that my details are kept and used as it describes."),
        refusal=_("Please agree to the privacy notice so that we can keep your application."),
    )
    # Not "website": that is a real question on this form.
    homepage = HoneypotField()

    class Meta:
        model = MembershipApplication
        fields = list(MembershipApplication.APPLICANT_FIELDS)
        widgets = {
            "organisation_kind": forms.RadioSelect,
            "offer": forms.Textarea(attrs={"rows": 4}),
            "seek": forms.Textarea(attrs={"rows": 4}),
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "website": _("Optional, e.g. https://www.example.com"),
            "role": _("Your position in the organisation."),
            "email": _("We send the reference and a private link to follow the application here."),
            "offer": _("Expertise, data, facilities, test beds, funding… Up to 3,000 characters."),
            "seek": _("What you would like from the alliance and the lab. Up to 3,000 characters."),
        }
        error_messages = {
            "email": {"invalid": _("Enter an e-mail address like name@company.com.")},
            "website": {"invalid": _("Enter a web address like https://www.example.com.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_size"].choices = [("", _("Choose…")), *self.fields["organisation_size"].choices[1:]]
        self.fields["organisation_kind"].choices = MembershipApplication.OrganisationKind.choices  # radios: no blank
        self.fields["website"].assume_scheme = "https"  # "example.com" means https://example.com
        self.fields["homepage"].widget.attrs["class"] = "form-control"

    def submitted_by_software(self):
        return bool(self.cleaned_data.get("homepage"))

    def applicant_fields(self):
        """The cleaned answers the service stores (not the consent tick or the honeypot)."""
        return {name: self.cleaned_data[name] for name in MembershipApplication.APPLICANT_FIELDS}
