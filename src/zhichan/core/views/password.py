"""Forgotten passwords: Django's reset views with our templates; without mail the page says to ask the office."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from ..access import allow
from ..roles import EVERYONE
from ..services.accounts import email_configured, office_contact, record_reset_by_email


class OfficeContactMixin:
    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, email_configured=email_configured(), office=office_contact())


class LoginView(OfficeContactMixin, auth_views.LoginView):
    pass


class PasswordResetView(OfficeContactMixin, auth_views.PasswordResetView):
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        if not email_configured():  # no mail server: nothing to send, the page already says whom to ask
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)


class PasswordResetDoneView(OfficeContactMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(OfficeContactMixin, auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        record_reset_by_email(form.user, self.request)
        return response


password_reset = allow(EVERYONE)(PasswordResetView.as_view())
password_reset_done = allow(EVERYONE)(PasswordResetDoneView.as_view())
password_reset_confirm = allow(EVERYONE)(PasswordResetConfirmView.as_view())
password_reset_complete = allow(EVERYONE)(auth_views.PasswordResetCompleteView.as_view())
