"""enable citext and create users table

Revision ID: cc3a13f4a06a
Revises: a5ff8fc5b912
Create Date: 2024-01-23 09:32:51.445952
Decisions: ADR-0003
Rules: DB-004, DB-005, DB-006

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'cc3a13f4a06a'
down_revision = 'a5ff8fc5b912'
branch_labels = None
depends_on = None


def upgrade():
    # citext makes "Ana@Example.com" and "ana@example.com" the same login
    # without lower() in every query and every unique index. We can rely on a
    # PostgreSQL extension because PostgreSQL is the only database (ADR-0003).
    # Alembic has no operation for extensions; IF NOT EXISTS because the
    # managed instances already have it allow-listed and sometimes enabled.
    op.execute('CREATE EXTENSION IF NOT EXISTS citext')

    op.create_table(
        'users',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('email', postgresql.CITEXT(), nullable=False),
        sa.Column('display_name', sa.String(length=120), nullable=True),
        # NULL for accounts that only ever sign in through Google SSO.
        sa.Column('password_hash', sa.String(length=255), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    )
    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=True)


def downgrade():
    op.drop_table('users')
    # Nothing else uses citext at this revision.
    op.execute('DROP EXTENSION IF EXISTS citext')
