"""The commune installation of the Excel import tests, for the files read here to the end."""

from tests.services.excel_import.conftest import commune, session  # noqa: F401
