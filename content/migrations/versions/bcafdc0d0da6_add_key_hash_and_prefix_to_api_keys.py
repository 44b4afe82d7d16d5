"""add key hash and prefix to api keys

Revision ID: bcafdc0d0da6
Revises: d028dbff8c38
Create Date: 2024-11-06 15:44:03.948261
Decisions: ADR-0010
Rules: DB-012

Step 1 of moving API keys to hashes: add the columns and fill them from
the stored tokens. The token column stays until no code reads it.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "bcafdc0d0da6"
down_revision: Union[str, Sequence[str], None] = "d028dbff8c38"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Added nullable: the running release still creates keys without a
    # hash. They are tightened to NOT NULL once every row has one (DB-012).
    # Hex-encoded SHA-256 of the full token.
    op.add_column("api_keys", sa.Column("key_hash", sa.String(length=64), nullable=True))
    # The non-secret start of the key ("lk_live_3f9a2c1e"), shown in the
    # dashboard and searchable by support.
    op.add_column("api_keys", sa.Column("prefix", sa.String(length=16), nullable=True))

    # Backfill from the tokens while we still have them. sha256() is built
    # into PostgreSQL 11+, so no pgcrypto. About 2,300 rows: one statement.
    op.execute(
        """
        UPDATE api_keys
        SET key_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex'),
            prefix = left(token, 16)
        WHERE key_hash IS NULL
        """
    )


def downgrade() -> None:
    # The tokens are still in api_keys.token, so dropping the derived
    # columns loses nothing.
    op.drop_column("api_keys", "prefix")
    op.drop_column("api_keys", "key_hash")
