"""validate pending not valid constraints

Revision ID: fa453b1155c3
Revises: 068c54400bcd
Create Date: 2025-03-11 16:14:05.375840
Rules: DB-014

Validates every constraint that was still NOT VALID: the two currency
checks from 068c54400bcd, the line item foreign key from d05ca5a0e124, and
the tax check from e536bf2b486d, which had been forgotten since October.
A query against pg_constraint (convalidated = false) now runs in CI so that
this does not pile up again.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "fa453b1155c3"
down_revision: Union[str, Sequence[str], None] = "068c54400bcd"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Each VALIDATE takes only SHARE UPDATE EXCLUSIVE on its table (plus ROW
    # SHARE on organizations for the foreign key), so traffic continues.
    op.execute("ALTER TABLE organizations VALIDATE CONSTRAINT ck_organizations_default_currency")
    op.execute("ALTER TABLE invoices VALIDATE CONSTRAINT ck_invoices_currency_iso")
    op.execute("ALTER TABLE invoices VALIDATE CONSTRAINT ck_invoices_tax_cents_within_amount")
    op.execute(
        "ALTER TABLE invoice_line_items "
        "VALIDATE CONSTRAINT fk_invoice_line_items_organization_id_organizations"
    )


def downgrade() -> None:
    # A validated constraint cannot be flagged NOT VALID again; drop and
    # re-add each one NOT VALID to return to the previous revision's state.
    op.drop_constraint(
        op.f("fk_invoice_line_items_organization_id_organizations"),
        "invoice_line_items",
        type_="foreignkey",
    )
    op.create_foreign_key(
        op.f("fk_invoice_line_items_organization_id_organizations"),
        "invoice_line_items",
        "organizations",
        ["organization_id"],
        ["id"],
        postgresql_not_valid=True,
    )
    op.drop_constraint(op.f("ck_invoices_tax_cents_within_amount"), "invoices", type_="check")
    op.create_check_constraint(
        op.f("ck_invoices_tax_cents_within_amount"),
        "invoices",
        "tax_cents >= 0 AND tax_cents <= amount_cents",
        postgresql_not_valid=True,
    )
    op.drop_constraint(op.f("ck_invoices_currency_iso"), "invoices", type_="check")
    op.create_check_constraint(
        op.f("ck_invoices_currency_iso"),
        "invoices",
        "currency ~ '^[A-Z]{3}$'",
        postgresql_not_valid=True,
    )
    op.drop_constraint(op.f("ck_organizations_default_currency"), "organizations", type_="check")
    op.create_check_constraint(
        op.f("ck_organizations_default_currency"),
        "organizations",
        "default_currency ~ '^[A-Z]{3}$'",
        postgresql_not_valid=True,
    )
