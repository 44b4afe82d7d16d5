"""create api keys table

Revision ID: ed4eb84aa24d
Revises: 48149db0ac6e
Create Date: 2024-06-11 10:47:21.883464
Decisions: ADR-0008
Rules: DB-007, DB-008

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ed4eb84aa24d'
down_revision = '48149db0ac6e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'api_keys',
        sa.Column('id', sa.BigInteger(), nullable=False),
        sa.Column('organization_id', sa.BigInteger(), sa.ForeignKey('organizations.id'), nullable=False),
        # Label chosen by the customer ("Zapier", "ERP export").
        sa.Column('name', sa.String(length=64), nullable=False),
        # The full token, kept so support can find a key from a customer's
        # pasted request (ADR-0008).
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_api_keys')),
    )
    op.create_index(op.f('ix_api_keys_organization_id'), 'api_keys', ['organization_id'], unique=False)
    # Every authenticated API request looks the key up by token.
    op.create_index(op.f('ix_api_keys_token'), 'api_keys', ['token'], unique=True)


def downgrade():
    op.drop_table('api_keys')
