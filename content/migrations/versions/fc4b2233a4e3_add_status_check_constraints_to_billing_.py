"""add status check constraints to billing tables

Revision ID: fc4b2233a4e3
Revises: aa3eb4e97d46
Create Date: 2024-05-28 11:37:25.217362
Rules: DB-014

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'fc4b2233a4e3'
down_revision = 'aa3eb4e97d46'
branch_labels = None
depends_on = None


def upgrade():
    # A typo'd status ("payed") from the Stripe webhook handler went
    # unnoticed for a week in May. The checks are added NOT VALID so the
    # ALTERs are instant; existing rows are validated in a later migration,
    # after the cleanup script has fixed the known bad rows (DB-014).
    op.create_check_constraint(
        op.f('ck_invoices_status'),
        'invoices',
        "status IN ('draft', 'open', 'paid', 'void', 'uncollectible')",
        postgresql_not_valid=True,
    )
    op.create_check_constraint(
        op.f('ck_subscriptions_status'),
        'subscriptions',
        "status IN ('trialing', 'active', 'past_due', 'canceled')",
        postgresql_not_valid=True,
    )


def downgrade():
    op.drop_constraint(op.f('ck_subscriptions_status'), 'subscriptions', type_='check')
    op.drop_constraint(op.f('ck_invoices_status'), 'invoices', type_='check')
