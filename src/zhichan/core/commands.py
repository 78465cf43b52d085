"""Management commands that write data run as someone: `--user USERNAME` names the account the field history
and the event log give for what the command changes; without it they are the system's (no user)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from .history import acting_as


class ActingCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.add_argument(
            "--user",
            dest="acting_user",
            metavar="USERNAME",
            help="the account the history and event log name for these changes (default: the system)",
        )
        return parser

    def execute(self, *args, **options):
        self.acting_user = acting_user(options.get("acting_user"))
        with acting_as(self.acting_user):
            return super().execute(*args, **options)


def acting_user(username):
    if not username:
        return None
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(_("No active account is called %(username)s.") % {"username": username})
    return user
