from django.urls import path

from frontdoor.accounts import administration, views

app_name = "accounts"
urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("mfa/setup", views.mfa_setup, name="mfa-setup"),
    path("mfa/verify", views.mfa_verify, name="mfa-verify"),
]

urlpatterns += [
    path("settings/", administration.settings_home, name="settings"),
    path("settings/agencies/new", administration.edit_agency, name="new-agency"),
    path("settings/agencies/<int:agency_id>", administration.edit_agency, name="edit-agency"),
    path("settings/users/new", administration.new_user, name="new-user"),
    path("settings/users/<int:user_id>", administration.edit_user, name="edit-user"),
    path(
        "settings/users/<int:user_id>/enrolment-code",
        administration.enrolment_code,
        name="enrolment-code",
    ),
    path(
        "settings/users/<int:user_id>/<slug:change>",
        administration.change_account,
        name="change-account",
    ),
]
