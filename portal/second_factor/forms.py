import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import AUTHENTICATOR, RECOVERY, normalised_code


class AuthenticatorCodeForm(forms.Form):
    kind = AUTHENTICATOR
    code = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 8,
                "class": "second-factor-code",
            }
        ),
    )

    def clean_code(self):
        code = normalised_code(self.cleaned_data["code"], kind=AUTHENTICATOR)
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Enter the 6 digits your authenticator app shows now."))
        return code


class RecoveryCodeForm(forms.Form):
    kind = RECOVERY
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "none",
                "spellcheck": "false",
                "size": 12,
                "class": "second-factor-code",
            }
        ),
    )

    def clean_recovery_code(self):
        code = normalised_code(self.cleaned_data["recovery_code"], kind=RECOVERY)
        if not 1 <= len(code) <= 16:
            raise forms.ValidationError(_("A recovery code has 8 letters and digits, as printed on your list."))
        return code
