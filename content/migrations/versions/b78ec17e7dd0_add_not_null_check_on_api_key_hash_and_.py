"""add not null check on api key hash and prefix

Revision ID: b78ec17e7dd0
Revises: a8e1c16fade2
Create Date: 2024-11-19 13:58:31.463351
Decisions: ADR-0010
Rules: DB-012, DB-014

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "b78ec17e7dd0"
down_revision: Union[str, Sequence[str], None] = "a8e1c16fade2"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Keys created between the backfill in bcafdc0d0da6 and the deploy of
    # release 2024.46 (the first that writes key_hash itself) have no hash
    # yet. Fill those stragglers the same way.
    op.execute(
        """
        UPDATE api_keys
        SET key_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex'),
            prefix = left(token, 16)
        WHERE key_hash IS NULL OR prefix IS NULL
        """
    )
    # A NOT VALID check is the cheap way towards NOT NULL: once validated,
    # PostgreSQL 12+ uses it to skip the full scan of SET NOT NULL. It is
    # validated in the next migration, in its own transaction (DB-014).
    op.create_check_constraint(
        op.f("ck_api_keys_key_hash_prefix_not_null"),
        "api_keys",
        "key_hash IS NOT NULL AND prefix IS NOT NULL",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    # The straggler backfill only filled columns the previous revision
    # already has; there is nothing to take back.
    op.drop_constraint(op.f("ck_api_keys_key_hash_prefix_not_null"), "api_keys", type_="check")
