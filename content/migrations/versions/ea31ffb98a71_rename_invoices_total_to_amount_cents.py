"""rename invoices total to amount_cents

Revision ID: ea31ffb98a71
Revises: f87694f1c0be
Create Date: 2024-09-03 14:49:07.810008
Rules: DB-005, DB-011

"total" said neither whether tax was included nor what unit it was in; a
partner integration read it as euros and billed 100x. Money columns now say
their unit in the name (DB-005), like invoice_line_items.amount_cents.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "ea31ffb98a71"
down_revision: Union[str, Sequence[str], None] = "f87694f1c0be"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # lore: ignore[rename] renamed together with the invoice serializer in the same deploy; no running code reads "total"
    op.alter_column("invoices", "total", new_column_name="amount_cents")


def downgrade() -> None:
    # lore: ignore[rename] a rollback also rolls back the serializer, which reads "total" again
    op.alter_column("invoices", "amount_cents", new_column_name="total")
