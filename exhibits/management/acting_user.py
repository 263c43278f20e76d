"""`--user` and `--reason` for commands that change content: the history names who did it and why."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def add_arguments(parser):
    parser.add_argument(
        "--user",
        required=True,
        help="Your username: the history records the change as yours. The account must exist.",
    )
    parser.add_argument("--reason", default="", help="Why, for the history (optional).")


def acting_user(username):
    """The active account named `username`; a CommandError that says what is wrong otherwise."""
    User = get_user_model()
    try:
        user = User._default_manager.get_by_natural_key(username)
    except User.DoesNotExist:
        raise CommandError(
            f"There is no user “{username}”. --user takes the username of an existing account "
            "(create one with `manage.py createsuperuser`)."
        ) from None
    if not user.is_active:
        raise CommandError(f"The user “{username}” is inactive; --user must name an active account.")
    return user
