"""add indexes for billing dashboards

Revision ID: d09499b5932f
Revises: 631b9a17fc76
Create Date: 2024-07-09 14:19:40.543878
Rules: DB-008, DB-013

The "open invoices" and "revenue by month" dashboards scanned invoices
sequentially; at 1.2M rows the overdue report took 4 seconds.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "d09499b5932f"
down_revision: Union[str, Sequence[str], None] = "631b9a17fc76"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Both tables take writes all day, so every index is built CONCURRENTLY,
    # outside the migration transaction (DB-013). If one build fails it
    # leaves an INVALID index behind: drop it by hand and re-run.
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_invoices_status"), "invoices", ["status"],
            unique=False, postgresql_concurrently=True,
        )
        op.create_index(
            op.f("ix_invoices_issued_at"), "invoices", ["issued_at"],
            unique=False, postgresql_concurrently=True,
        )
        op.create_index(
            op.f("ix_subscriptions_status"), "subscriptions", ["status"],
            unique=False, postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(op.f("ix_subscriptions_status"), table_name="subscriptions", postgresql_concurrently=True)
        op.drop_index(op.f("ix_invoices_issued_at"), table_name="invoices", postgresql_concurrently=True)
        op.drop_index(op.f("ix_invoices_status"), table_name="invoices", postgresql_concurrently=True)
