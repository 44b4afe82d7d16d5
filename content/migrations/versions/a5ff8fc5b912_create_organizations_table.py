"""create organizations table

Revision ID: a5ff8fc5b912
Revises:
Create Date: 2024-01-16 10:14:22.320088
Decisions: ADR-0002
Rules: DB-001, DB-004, DB-006

First migration of the Ledgerly schema. Everything before this lived in a
db.create_all() prototype that was thrown away (see ADR-0002).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a5ff8fc5b912'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'organizations',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('name', sa.String(length=64), nullable=False),
        # Used in URLs (app.ledgerly.io/<slug>/invoices); never changes once
        # an organization has sent its first invoice.
        sa.Column('slug', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_organizations')),
    )
    op.create_index(op.f('ix_organizations_slug'), 'organizations', ['slug'], unique=True)


def downgrade():
    # Dropping the table drops ix_organizations_slug with it.
    op.drop_table('organizations')
