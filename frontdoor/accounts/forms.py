from django import forms


class SignInForm(forms.Form):
    username = forms.CharField(error_messages={"required": "Enter your username."})
    password = forms.CharField(
        widget=forms.PasswordInput, error_messages={"required": "Enter your password."}
    )


class TotpForm(forms.Form):
    code = forms.RegexField(
        regex=r"^\s*\d{6}\s*$",
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app.",
            "invalid": "The code is 6 digits, like 123456.",
        },
    )


class EnrolmentForm(TotpForm):
    enrolment_code = forms.CharField(
        max_length=40,
        error_messages={"required": "Enter the enrolment code an administrator gave you."},
    )
