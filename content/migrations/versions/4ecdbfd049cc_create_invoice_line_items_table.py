"""create invoice line items table

Revision ID: 4ecdbfd049cc
Revises: efc65570c136
Create Date: 2024-05-02 11:41:56.376954
Rules: DB-004, DB-005, DB-007

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4ecdbfd049cc'
down_revision = 'efc65570c136'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'invoice_line_items',
        sa.Column('id', sa.BigInteger(), nullable=False),
        # Line items only exist as part of their invoice.
        sa.Column(
            'invoice_id',
            sa.BigInteger(),
            sa.ForeignKey('invoices.id', ondelete='CASCADE'),
            nullable=False,
        ),
        sa.Column('position', sa.SmallInteger(), nullable=False),
        sa.Column('description', sa.String(length=255), nullable=False),
        sa.Column('quantity', sa.Integer(), server_default='1', nullable=False),
        # Cents, in the invoice's currency; line items carry no currency of
        # their own so an invoice cannot mix currencies.
        sa.Column('unit_amount_cents', sa.BigInteger(), nullable=False),
        sa.Column('amount_cents', sa.BigInteger(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_line_items')),
        sa.UniqueConstraint('invoice_id', 'position', name=op.f('uq_invoice_line_items_invoice_id_position')),
        sa.CheckConstraint('quantity > 0', name=op.f('ck_invoice_line_items_quantity_positive')),
    )
    # No separate index on invoice_id: the (invoice_id, position) unique
    # constraint already provides one with invoice_id first.


def downgrade():
    op.drop_table('invoice_line_items')
