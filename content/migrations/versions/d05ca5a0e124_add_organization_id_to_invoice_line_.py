"""add organization id to invoice line items

Revision ID: d05ca5a0e124
Revises: afe10d071913
Create Date: 2025-02-04 11:09:48.797998
Rules: DB-007, DB-012, DB-014

Every tenant-owned table carries organization_id, so that each query can be
scoped by it without a join. invoice_line_items was the one exception. (We
scope rows in one shared database; one database per organization was
considered and rejected in ADR-0009.)

The first migration drafted by the coding agent in the February trial,
reviewed and approved like any other (DB-002).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "d05ca5a0e124"
down_revision: Union[str, Sequence[str], None] = "afe10d071913"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Nullable for now: there is no sensible server_default for a tenant id
    # (DB-012). Backfilled below; the application writes it from this release.
    op.add_column("invoice_line_items", sa.Column("organization_id", sa.BigInteger(), nullable=True))

    # The foreign key goes on separately and NOT VALID, so adding it does
    # not scan 4M line items under lock. It is validated in fa453b1155c3.
    op.create_foreign_key(
        op.f("fk_invoice_line_items_organization_id_organizations"),
        "invoice_line_items",
        "organizations",
        ["organization_id"],
        ["id"],
        postgresql_not_valid=True,
    )

    # Copy the tenant from the parent invoice. Filtered on IS NULL so a
    # re-run after a partial failure only touches the rest.
    op.execute(
        """
        UPDATE invoice_line_items AS li
        SET organization_id = i.organization_id
        FROM invoices AS i
        WHERE li.invoice_id = i.id
          AND li.organization_id IS NULL
        """
    )


def downgrade() -> None:
    op.drop_constraint(
        op.f("fk_invoice_line_items_organization_id_organizations"),
        "invoice_line_items",
        type_="foreignkey",
    )
    op.drop_column("invoice_line_items", "organization_id")
