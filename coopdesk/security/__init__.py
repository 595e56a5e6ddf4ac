"""Keys from secrets a person holds: passwords and printed recovery codes (pyca `cryptography`)."""
