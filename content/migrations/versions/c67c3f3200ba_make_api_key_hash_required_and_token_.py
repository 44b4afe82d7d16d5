"""make api key hash required and token optional

Revision ID: c67c3f3200ba
Revises: b78ec17e7dd0
Create Date: 2024-11-26 10:06:19.478464
Decisions: ADR-0010
Rules: DB-011, DB-012, DB-014

From release 2024.48 on, new keys are stored as key_hash + prefix only: the
code stops writing token, so token must accept NULL before that deploy. The
column itself is dropped in a later release (DB-011).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "c67c3f3200ba"
down_revision: Union[str, Sequence[str], None] = "b78ec17e7dd0"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Validation scans api_keys without blocking writes.
    op.execute("ALTER TABLE api_keys VALIDATE CONSTRAINT ck_api_keys_key_hash_prefix_not_null")

    # lore: ignore[set-not-null] the CHECK validated just above proves there are no NULLs, so PostgreSQL 12+ skips the scan and only updates the catalog
    op.alter_column("api_keys", "key_hash", existing_type=sa.String(length=64), nullable=False)
    # lore: ignore[set-not-null] covered by the same validated CHECK as key_hash
    op.alter_column("api_keys", "prefix", existing_type=sa.String(length=16), nullable=False)

    # The column constraints now say the same thing; the CHECK is redundant.
    op.drop_constraint(op.f("ck_api_keys_key_hash_prefix_not_null"), "api_keys", type_="check")

    # DROP NOT NULL is a catalog-only change.
    op.alter_column("api_keys", "token", existing_type=sa.String(length=64), nullable=True)


def downgrade() -> None:
    # Keys created after this revision have no token. The previous release
    # already authenticates by key_hash and only needs the column filled, so
    # give them a unique placeholder that no real token can equal (real
    # tokens start with "lk_").
    op.execute("UPDATE api_keys SET token = 'none:' || id WHERE token IS NULL")
    # lore: ignore[set-not-null] rollback only; every row was filled just above and api_keys has a few thousand rows, so the scan is short
    op.alter_column("api_keys", "token", existing_type=sa.String(length=64), nullable=False)

    # Back to the state b78ec17e7dd0 left: nullable hash and prefix guarded
    # by a NOT VALID check.
    op.create_check_constraint(
        op.f("ck_api_keys_key_hash_prefix_not_null"),
        "api_keys",
        "key_hash IS NOT NULL AND prefix IS NOT NULL",
        postgresql_not_valid=True,
    )
    op.alter_column("api_keys", "prefix", existing_type=sa.String(length=16), nullable=True)
    op.alter_column("api_keys", "key_hash", existing_type=sa.String(length=64), nullable=True)
