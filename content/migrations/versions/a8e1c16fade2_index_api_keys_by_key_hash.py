"""index api keys by key hash

Revision ID: a8e1c16fade2
Revises: bcafdc0d0da6
Create Date: 2024-11-07 09:12:47.455537
Decisions: ADR-0010
Rules: DB-008, DB-013

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "a8e1c16fade2"
down_revision: Union[str, Sequence[str], None] = "bcafdc0d0da6"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Authentication switches from "WHERE token = :t" to
    # "WHERE key_hash = :h" in the next release, and needs this index first.
    # Unique: two keys with the same hash would be the same key.
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_api_keys_key_hash"),
            "api_keys",
            ["key_hash"],
            unique=True,
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(op.f("ix_api_keys_key_hash"), table_name="api_keys", postgresql_concurrently=True)
