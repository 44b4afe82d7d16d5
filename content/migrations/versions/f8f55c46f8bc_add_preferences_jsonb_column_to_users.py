"""add preferences jsonb column to users

Revision ID: f8f55c46f8bc
Revises: c8d55053f366
Create Date: 2024-03-19 10:02:18.589618
Decisions: ADR-0005
Rules: DB-009, DB-012

Preferences (invoice PDF language, number format, which emails to receive)
go into one JSONB column instead of a user_preferences table.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'f8f55c46f8bc'
down_revision = 'c8d55053f366'
branch_labels = None
depends_on = None


def upgrade():
    # A constant default lets PostgreSQL (11+) add a NOT NULL column without
    # rewriting users (DB-012), and code never has to handle None.
    # Reminder for model code: mutating a key in place is invisible to the
    # ORM; call flag_modified(user, "preferences") before commit (DB-009).
    op.add_column(
        'users',
        sa.Column(
            'preferences',
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )


def downgrade():
    op.drop_column('users', 'preferences')
