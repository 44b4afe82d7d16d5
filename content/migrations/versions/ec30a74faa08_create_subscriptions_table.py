"""create subscriptions table

Revision ID: ec30a74faa08
Revises: f3aa9f7d1c0f
Create Date: 2024-02-20 10:23:47.115568
Decisions: ADR-0004
Rules: DB-006, DB-007

The first billing table: which plan an organization is on, and until when
it has paid for it.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ec30a74faa08'
down_revision = 'f3aa9f7d1c0f'
branch_labels = None
depends_on = None


def _timestamps():
    """created_at / updated_at, TIMESTAMPTZ like every timestamp (ADR-0004)."""
    return [
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    ]


def upgrade():
    op.create_table(
        'subscriptions',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('organization_id', sa.BigInteger(), sa.ForeignKey('organizations.id'), nullable=False),
        # Plan code ("starter", "team", "business"). A code rather than a
        # foreign key, so a plan can be retired from the price list while
        # old subscriptions keep its name.
        sa.Column('plan', sa.String(length=32), nullable=False),
        sa.Column('status', sa.String(length=16), server_default='trialing', nullable=False),
        # Period bounds come from the payment provider's webhooks as UTC
        # instants, and the renewal job compares them with now(). Stored as
        # TIMESTAMPTZ so no session time zone can shift them (ADR-0004).
        sa.Column('current_period_start', sa.DateTime(timezone=True), nullable=False),
        sa.Column('current_period_end', sa.DateTime(timezone=True), nullable=False),
        sa.Column('canceled_at', sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_subscriptions')),
    )
    op.create_index(op.f('ix_subscriptions_organization_id'), 'subscriptions', ['organization_id'], unique=False)


def downgrade():
    op.drop_table('subscriptions')
