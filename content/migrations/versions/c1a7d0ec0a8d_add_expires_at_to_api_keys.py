"""add expires_at to api keys

Revision ID: c1a7d0ec0a8d
Revises: ed4eb84aa24d
Create Date: 2024-06-20 17:26:54.501519
Rules: DB-006

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c1a7d0ec0a8d'
down_revision = 'ed4eb84aa24d'
branch_labels = None
depends_on = None


def upgrade():
    # Optional expiry requested by two enterprise trials. NULL = never
    # expires, which is what every existing key keeps.
    op.add_column('api_keys', sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    op.drop_column('api_keys', 'expires_at')
