"""index subscriptions by current period end

Revision ID: e438ccdf22a2
Revises: fa453b1155c3
Create Date: 2025-06-03 10:57:43.133352
Decisions: ADR-0012
Rules: DB-008, DB-013

Drafted by the coding agent from the slow-query report for the renewal job
and reviewed before it ran, as ADR-0012 requires. Review note: the first
draft built the index without CONCURRENTLY; fixed before approval.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "e438ccdf22a2"
down_revision: Union[str, Sequence[str], None] = "fa453b1155c3"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # The renewal job runs every 10 minutes and asks for subscriptions whose
    # period ends within the hour. Only live subscriptions renew, and
    # canceled ones are 60% of the table, so the index is partial.
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_subscriptions_current_period_end"),
            "subscriptions",
            ["current_period_end"],
            unique=False,
            postgresql_where=sa.text("status IN ('trialing', 'active', 'past_due')"),
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f("ix_subscriptions_current_period_end"),
            table_name="subscriptions",
            postgresql_concurrently=True,
        )
