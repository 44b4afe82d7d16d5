"""index invoice line items by organization

Revision ID: a5a5951cc30f
Revises: d05ca5a0e124
Create Date: 2025-02-05 09:38:22.370463
Rules: DB-008, DB-013

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "a5a5951cc30f"
down_revision: Union[str, Sequence[str], None] = "d05ca5a0e124"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Kept out of d05ca5a0e124 on purpose: if the concurrent build fails it
    # leaves an INVALID index, and a separate revision is easier to re-run
    # than one that also did a backfill.
    # The index also makes deleting an organization fast, since PostgreSQL
    # has to find referencing line items.
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_invoice_line_items_organization_id"),
            "invoice_line_items",
            ["organization_id"],
            unique=False,
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f("ix_invoice_line_items_organization_id"),
            table_name="invoice_line_items",
            postgresql_concurrently=True,
        )
