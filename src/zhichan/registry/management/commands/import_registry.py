"""manage.py import_registry KIND FILE …: the name the registry's imports had before every app could import;
the same as core's import_data."""

from zhichan.core.management.commands.import_data import Command as ImportData


class Command(ImportData):
    pass
