"""Record editors: dialogs built in code over `services.records` (validated, audited)."""
