"""add default currency and currency checks

Revision ID: 068c54400bcd
Revises: a5a5951cc30f
Create Date: 2025-02-25 11:15:34.875868
Decisions: ADR-0011
Rules: DB-012, DB-014

First migration under ADR-0011, written for the JPY customer: organizations
get a default invoice currency, and every currency column gets the ISO 4217
shape check. Both checks are validated in a later migration.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "068c54400bcd"
down_revision: Union[str, Sequence[str], None] = "a5a5951cc30f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Currency pre-selected for new invoices. Every organization so far has
    # invoiced in euros, so 'EUR' is both the right value for existing rows
    # and the server_default that lets the column be NOT NULL at once
    # (DB-012; a constant default adds the column without a rewrite).
    op.add_column(
        "organizations",
        sa.Column("default_currency", sa.String(length=3), server_default="EUR", nullable=False),
    )

    # Three upper-case letters, as ISO 4217 codes are. Both tables exist, so
    # NOT VALID: new and updated rows are checked at once, old rows when the
    # constraints are validated (DB-014).
    op.create_check_constraint(
        op.f("ck_organizations_default_currency"),
        "organizations",
        "default_currency ~ '^[A-Z]{3}$'",
        postgresql_not_valid=True,
    )
    op.create_check_constraint(
        op.f("ck_invoices_currency_iso"),
        "invoices",
        "currency ~ '^[A-Z]{3}$'",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_invoices_currency_iso"), "invoices", type_="check")
    op.drop_constraint(op.f("ck_organizations_default_currency"), "organizations", type_="check")
    op.drop_column("organizations", "default_currency")
