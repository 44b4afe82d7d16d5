"""add timezone and last_login_at to users

Revision ID: a945322c15cf
Revises: a0b01e950b42
Create Date: 2024-02-07 11:48:13.222792
Rules: DB-006, DB-012

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a945322c15cf'
down_revision = 'a0b01e950b42'
branch_labels = None
depends_on = None


def upgrade():
    # render_as_batch was still switched on in env.py from the SQLite
    # prototype, so autogenerate wrote a batch block. On PostgreSQL batch mode
    # emits plain ALTER TABLE statements, so it was left as generated.
    with op.batch_alter_table('users', schema=None) as batch_op:
        # IANA name such as "Europe/Lisbon"; only used to render due dates in
        # reminder emails. Timestamps themselves stay TIMESTAMPTZ (DB-006).
        # The constant server_default fills existing rows without a rewrite.
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), server_default='UTC', nullable=False))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('timezone')
