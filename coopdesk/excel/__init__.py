"""Reading officers' spreadsheets and writing templates: a lower layer, like reports/ (no db, services or ui)."""
