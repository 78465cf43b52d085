"""What an import can refuse: a whole file (FileRejected) or one cell of a row (CellError)."""


class FileRejected(Exception):
    """The file cannot be imported at all (too large, unreadable, headers missing); nothing is changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class CellError(ValueError):
    """One value of a row cannot be accepted; `field` is the field name, `message` says why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message
