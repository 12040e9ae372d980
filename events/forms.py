from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import ConsentField, HoneypotField

from .models import Registration


class RegistrationForm(forms.ModelForm):
    consent = ConsentField(
        agreement=_("privacy notice and agree that my registration is kept and used as it describes."),
        refusal=_("Please agree to the privacy notice so that we can keep your registration."),
    )
    website = HoneypotField()

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        labels = {"name": _("Full name")}  # a person's name (姓名), not the generic "name" (名稱)
        help_texts = {"organisation": _("Optional.")}
        error_messages = {
            "name": {"required": _("Enter your name.")},
            "email": {
                "required": _("Enter your e-mail address: the confirmation goes there."),
                "invalid": _("Enter an e-mail address like name@example.com."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs["class"] = "form-control"

    def submitted_by_software(self):
        return bool(self.cleaned_data.get("website"))
