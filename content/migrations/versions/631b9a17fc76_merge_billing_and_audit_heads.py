"""merge billing and audit heads

Revision ID: 631b9a17fc76
Revises: fc4b2233a4e3, c1a7d0ec0a8d
Create Date: 2024-06-25 09:05:12.966253

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '631b9a17fc76'
down_revision = ('fc4b2233a4e3', 'c1a7d0ec0a8d')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
