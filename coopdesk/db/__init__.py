"""Database: SQLAlchemy 2.0 schema, engine and session boundary, Alembic migrations."""
