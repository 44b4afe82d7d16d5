"""drop token column from api keys

Revision ID: 3579c87f141d
Revises: 68e6c2f12c19
Create Date: 2024-12-10 15:03:26.921530
Decisions: ADR-0010
Rules: DB-011

Last step of ADR-0010. Release 2024.46 moved authentication to key_hash;
release 2024.48 stopped writing token and removed its last reader (the
support lookup page, which now searches by prefix). This migration ships
with release 2024.50. Tokens in backups age out with the 90-day retention.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "3579c87f141d"
down_revision: Union[str, Sequence[str], None] = "68e6c2f12c19"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Drop the unique index on its own first, CONCURRENTLY (DB-013), rather
    # than letting DROP COLUMN drop it under its ACCESS EXCLUSIVE lock.
    with op.get_context().autocommit_block():
        op.drop_index(op.f("ix_api_keys_token"), table_name="api_keys", postgresql_concurrently=True)

    # Destructive on purpose: ADR-0010 accepts dropping the plaintext tokens,
    # and no released code uses the column any more (DB-011).
    op.drop_column("api_keys", "token")


def downgrade() -> None:
    # One-way (DB-003): a hash cannot be turned back into its token, and an
    # empty or made-up token column would only break the support tooling.
    raise NotImplementedError(
        "API key tokens cannot be restored from their hashes; restore from backup instead (ADR-0010)"
    )
