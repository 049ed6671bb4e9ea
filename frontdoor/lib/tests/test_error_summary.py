from django import forms

from frontdoor.lib.forms import error_summary


class _Form(forms.Form):
    first = forms.CharField()
    second = forms.CharField(required=False)
    third = forms.CharField()

    def clean(self):
        self.add_error("second", "Second is wrong.")
        raise forms.ValidationError("The whole form is wrong.")


def test_the_error_summary_lists_errors_in_the_order_the_fields_are_on_the_page():
    form = _Form(data={})
    assert [item["text"] for item in error_summary(form)] == [
        "The whole form is wrong.",
        "This field is required.",
        "Second is wrong.",
        "This field is required.",
    ]
    assert [item["href"] for item in error_summary(form)][1:] == ["#first", "#second", "#third"]
