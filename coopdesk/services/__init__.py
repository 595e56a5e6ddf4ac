"""Use cases over the database: `fn(session, …)`; the caller owns the transaction.

The GUI and the CLI call the same functions. Nothing here imports Qt.
"""
