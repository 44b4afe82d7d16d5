"""assert utf8 database encoding

Revision ID: e887c954d3c8
Revises: f8f55c46f8bc
Create Date: 2024-04-16 16:41:07.601880
Decisions: ADR-0006
Rules: DB-010

Stops the migration run on a database that was not created with
ENCODING 'UTF8', and pins client_encoding for every new session.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'e887c954d3c8'
down_revision = 'f8f55c46f8bc'
branch_labels = None
depends_on = None


def upgrade():
    # A database's encoding is fixed at CREATE DATABASE time; converting one is
    # a dump and restore, not something a migration can do. So the best this
    # migration can do is refuse to go on. The staging cluster that turned out
    # to be SQL_ASCII is the reason this exists (ADR-0006).
    op.execute(
        """
        DO $$
        DECLARE
            db_encoding text;
        BEGIN
            SELECT pg_encoding_to_char(encoding) INTO db_encoding
            FROM pg_database
            WHERE datname = current_database();

            IF db_encoding <> 'UTF8' THEN
                RAISE EXCEPTION
                    'database % uses encoding %, Ledgerly requires UTF8 (ADR-0006)',
                    current_database(), db_encoding;
            END IF;
        END
        $$
        """
    )
    # The application's URL sets client_encoding=utf8; this covers everything
    # else (psql on a Windows laptop defaults to WIN1252, and its bytes would
    # be converted silently). ALTER DATABASE needs the database's name, hence
    # the dynamic EXECUTE.
    op.execute(
        """
        DO $$
        BEGIN
            EXECUTE format('ALTER DATABASE %I SET client_encoding TO %L',
                           current_database(), 'UTF8');
        END
        $$
        """
    )


def downgrade():
    # The encoding assertion changed nothing, so there is nothing to undo for
    # it; only the per-database client_encoding setting is reset.
    op.execute(
        """
        DO $$
        BEGIN
            EXECUTE format('ALTER DATABASE %I RESET client_encoding', current_database());
        END
        $$
        """
    )
