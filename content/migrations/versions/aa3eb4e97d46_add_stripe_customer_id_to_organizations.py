"""add stripe customer id to organizations

Revision ID: aa3eb4e97d46
Revises: 4ecdbfd049cc
Create Date: 2024-05-14 14:33:10.237294
Rules: DB-008, DB-013

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'aa3eb4e97d46'
down_revision = '4ecdbfd049cc'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable: organizations on the free trial have no Stripe customer yet.
    op.add_column('organizations', sa.Column('stripe_customer_id', sa.String(length=64), nullable=True))

    # Webhooks identify the customer by this id, so it must be unique and
    # indexed. organizations is live, so CONCURRENTLY (DB-013); the
    # autocommit block commits the ADD COLUMN first.
    with op.get_context().autocommit_block():
        op.create_index(
            op.f('ix_organizations_stripe_customer_id'),
            'organizations',
            ['stripe_customer_id'],
            unique=True,
            postgresql_concurrently=True,
        )


def downgrade():
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f('ix_organizations_stripe_customer_id'),
            table_name='organizations',
            postgresql_concurrently=True,
        )
    op.drop_column('organizations', 'stripe_customer_id')
