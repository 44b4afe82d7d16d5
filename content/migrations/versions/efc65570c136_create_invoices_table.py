"""create invoices table

Revision ID: efc65570c136
Revises: e887c954d3c8
Create Date: 2024-04-24 16:08:29.590876
Rules: DB-006, DB-007, DB-008

First migration of the billing work, written on its own branch while the
audit log work went on in parallel; the two lines meet again in the merge
of 2024-06-25.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'efc65570c136'
down_revision = 'e887c954d3c8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'invoices',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('organization_id', sa.BigInteger(), sa.ForeignKey('organizations.id'), nullable=False),
        # NULL for one-off invoices that do not belong to a subscription.
        sa.Column('subscription_id', sa.BigInteger(), sa.ForeignKey('subscriptions.id'), nullable=True),
        # Human-facing number such as "2024-0042"; unique per organization,
        # not globally, because each organization numbers its own invoices.
        sa.Column('number', sa.String(length=32), nullable=False),
        # Gross amount in integer cents, never a float. Named "total" to
        # match the serializer of the first API version.
        sa.Column('total', sa.BigInteger(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('status', sa.String(length=16), server_default='draft', nullable=False),
        sa.Column('issued_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
        sa.UniqueConstraint('organization_id', 'number', name=op.f('uq_invoices_organization_id_number')),
    )
    # organization_id is already the leading column of the unique constraint,
    # so only subscription_id needs an index of its own.
    op.create_index(op.f('ix_invoices_subscription_id'), 'invoices', ['subscription_id'], unique=False)


def downgrade():
    op.drop_table('invoices')
