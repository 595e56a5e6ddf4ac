import warnings

from alembic import context
from sqlalchemy import Engine
from sqlalchemy.exc import SAWarning

from coopdesk.db.engine import make_engine
from coopdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if not isinstance(engine, Engine):
        url = config.get_main_option("sqlalchemy.url") or "sqlite:///coopdesk-dev.sqlite3"
        engine = make_engine(url.removeprefix("sqlite:///"))
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction(), warnings.catch_warnings():
            # A batch alteration on SQLite reflects the tables the altered one refers to;
            # SQLAlchemy cannot reflect their expression indexes and says so on the officer's
            # terminal. Those tables are not recreated, so their indexes stay. A migration
            # that recreates such a table itself must create its expression indexes again.
            warnings.filterwarnings(
                "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
            )
            context.run_migrations()
        connection.commit()


run_migrations_online()
