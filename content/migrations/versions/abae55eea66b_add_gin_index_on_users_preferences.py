"""add gin index on users preferences

Revision ID: abae55eea66b
Revises: ea31ffb98a71
Create Date: 2024-09-17 09:17:35.798574
Decisions: ADR-0005
Rules: DB-008, DB-013

ADR-0005 deferred this index until a real query needed it. The weekly
summary digest is that query: it scanned all of users every Monday.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "abae55eea66b"
down_revision: Union[str, Sequence[str], None] = "ea31ffb98a71"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # The digest job asks "which users want the weekly summary", i.e.
    # preferences @> '{"emails": {"weekly_summary": true}}'. jsonb_path_ops
    # only supports containment, which is all we query, and is about a third
    # the size of the default jsonb_ops index.
    # users already exists, so the index is built CONCURRENTLY, which cannot
    # run inside a transaction (DB-013).
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_users_preferences"),
            "users",
            ["preferences"],
            unique=False,
            postgresql_using="gin",
            postgresql_ops={"preferences": "jsonb_path_ops"},
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f("ix_users_preferences"),
            table_name="users",
            postgresql_concurrently=True,
        )
