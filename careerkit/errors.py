"""The one user-facing error type. Raise it anywhere; the CLI prints its message on one line
and exits with its code. Nothing below the CLI prints."""


class CareerkitError(Exception):
    """A user's mistake or a condition the user can act on (exit 1)."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(CareerkitError):
    """A record id that does not exist."""


class InvalidInput(CareerkitError):
    """Input that cannot be read: a bad date, a bad career file, an unreadable file."""
