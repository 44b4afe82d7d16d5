"""create plans table and seed plans

Revision ID: c8d55053f366
Revises: ec30a74faa08
Create Date: 2024-03-05 13:56:02.452228
Rules: DB-004, DB-005, DB-006

Plans are reference data that every environment needs, including a fresh
local database, so the three launch plans are seeded here rather than by a
fixture script.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c8d55053f366'
down_revision = 'ec30a74faa08'
branch_labels = None
depends_on = None


# A lightweight table for bulk_insert: the seed must not depend on the
# application's models, which will keep changing after this migration.
plans_table = sa.table(
    'plans',
    sa.column('code', sa.String),
    sa.column('name', sa.String),
    sa.column('monthly_price_cents', sa.BigInteger),
    sa.column('currency', sa.String),
    sa.column('seat_limit', sa.Integer),
)


def upgrade():
    op.create_table(
        'plans',
        sa.Column('id', sa.BigInteger(), nullable=False),
        # Stable code used by subscriptions.plan and by the pricing page.
        sa.Column('code', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=64), nullable=False),
        # Integer cents plus an ISO 4217 code, never a float.
        sa.Column('monthly_price_cents', sa.BigInteger(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        # NULL means unlimited seats.
        sa.Column('seat_limit', sa.Integer(), nullable=True),
        sa.Column('is_public', sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plans')),
        sa.CheckConstraint('monthly_price_cents >= 0', name=op.f('ck_plans_monthly_price_cents_not_negative')),
    )
    op.create_index(op.f('ix_plans_code'), 'plans', ['code'], unique=True)

    op.bulk_insert(
        plans_table,
        [
            {'code': 'starter', 'name': 'Starter', 'monthly_price_cents': 900, 'currency': 'EUR', 'seat_limit': 3},
            {'code': 'team', 'name': 'Team', 'monthly_price_cents': 2900, 'currency': 'EUR', 'seat_limit': 20},
            {'code': 'business', 'name': 'Business', 'monthly_price_cents': 9900, 'currency': 'EUR', 'seat_limit': None},
        ],
    )


def downgrade():
    # The seeded rows go with the table.
    op.drop_table('plans')
