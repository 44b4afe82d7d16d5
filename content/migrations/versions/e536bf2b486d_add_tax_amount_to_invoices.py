"""add tax amount to invoices

Revision ID: e536bf2b486d
Revises: abae55eea66b
Create Date: 2024-10-01 09:44:15.133299
Rules: DB-005, DB-012, DB-014

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "e536bf2b486d"
down_revision: Union[str, Sequence[str], None] = "abae55eea66b"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # The VAT part of amount_cents, in the same currency and unit.
    # amount_cents stays the gross amount, so totals already shown to
    # customers do not change. Invoices issued before VAT support carried
    # no tax line; 0 is what they really had (DB-012).
    op.add_column(
        "invoices",
        sa.Column("tax_cents", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
    )
    # Tax can never exceed the gross amount. NOT VALID because invoices
    # exists (DB-014); every old row has tax_cents = 0 and passes.
    op.create_check_constraint(
        op.f("ck_invoices_tax_cents_within_amount"),
        "invoices",
        "tax_cents >= 0 AND tax_cents <= amount_cents",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_invoices_tax_cents_within_amount"), "invoices", type_="check")
    op.drop_column("invoices", "tax_cents")
