"""How django-allauth fits this platform: events on sign-up, email through Celery."""

from django.db import transaction

from wagtail import hooks

from allauth.account.adapter import DefaultAccountAdapter

from training.core.tasks import email_send
from training.users.hooks import SIGN_IN
from training.users.services import account_setup


class AccountAdapter(DefaultAccountAdapter):
    def login(self, request, user):
        """Sign in, then run the apps' sign-in hooks (e.g. keep what the visitor learned signed
        out). Apps register them (training/users/hooks.py): training never imports courses.
        """
        super().login(request, user)
        for hook in hooks.get_hooks(SIGN_IN):
            hook(learner=user, session=request.session)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            account_setup(user=user)
        return user

    def send_mail(self, template_prefix, email, context):
        """Render now, send from a Celery task once the transaction has committed.

        A slow mail server then never holds up a page, and a rolled-back sign-up sends nothing.
        """
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            None,
        )
        payload = {
            "subject": message.subject,
            "body": message.body,
            "from_email": message.from_email,
            "to": list(message.to),
            "html": html,
        }
        transaction.on_commit(lambda: email_send.delay(**payload))
