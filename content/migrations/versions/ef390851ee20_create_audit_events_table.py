"""create audit events table

Revision ID: ef390851ee20
Revises: e887c954d3c8
Create Date: 2024-05-22 09:51:33.569385
Decisions: ADR-0007, ADR-0005
Rules: DB-006, DB-007, DB-008

One table for every audited action, written by the application and never
updated. Started on its own branch while the billing tables were in review.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = 'ef390851ee20'
down_revision = 'e887c954d3c8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'audit_events',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('organization_id', sa.BigInteger(), sa.ForeignKey('organizations.id'), nullable=False),
        # Named for its role (the user who acted); it still ends in user_id
        # and points at users.id, as DB-007 asks. NULL when the actor is an
        # API key or a scheduled job such as the nightly dunning run.
        # No ON DELETE: a user with audit events is anonymized, never
        # deleted, so the reference always has a row to point at (ADR-0007).
        sa.Column('actor_user_id', sa.BigInteger(), sa.ForeignKey('users.id'), nullable=True),
        # Dotted verb such as "invoice.sent" or "api_key.revoked".
        sa.Column('action', sa.String(length=64), nullable=False),
        # Event-specific details; shape varies per action, so JSONB as for
        # users.preferences (ADR-0005).
        sa.Column(
            'payload',
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column('occurred_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events')),
    )
    op.create_index(op.f('ix_audit_events_organization_id'), 'audit_events', ['organization_id'], unique=False)
    op.create_index(op.f('ix_audit_events_actor_user_id'), 'audit_events', ['actor_user_id'], unique=False)


def downgrade():
    op.drop_table('audit_events')
