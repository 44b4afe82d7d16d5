"""create memberships table

Revision ID: a0b01e950b42
Revises: cc3a13f4a06a
Create Date: 2024-01-30 14:05:39.938994
Rules: DB-004, DB-007, DB-008

A user can belong to several organizations (accountants do); the role is
per organization, so it lives here and not on users.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a0b01e950b42'
down_revision = 'cc3a13f4a06a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'memberships',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('user_id', sa.BigInteger(), nullable=False),
        sa.Column('organization_id', sa.BigInteger(), nullable=False),
        sa.Column('role', sa.String(length=32), server_default='member', nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_memberships')),
        # Removing a user or an organization removes its memberships; nothing
        # else points at a membership row.
        sa.ForeignKeyConstraint(
            ['user_id'], ['users.id'],
            name=op.f('fk_memberships_user_id_users'),
            ondelete='CASCADE',
        ),
        sa.ForeignKeyConstraint(
            ['organization_id'], ['organizations.id'],
            name=op.f('fk_memberships_organization_id_organizations'),
            ondelete='CASCADE',
        ),
        sa.UniqueConstraint('user_id', 'organization_id', name=op.f('uq_memberships_user_id_organization_id')),
    )
    # The unique constraint's index starts with user_id, which covers "my
    # organizations"; "members of this organization" needs its own index.
    op.create_index(op.f('ix_memberships_organization_id'), 'memberships', ['organization_id'], unique=False)


def downgrade():
    op.drop_table('memberships')
