"""add role check constraint to memberships

Revision ID: f3aa9f7d1c0f
Revises: a945322c15cf
Create Date: 2024-02-14 15:20:44.369954
Rules: DB-014

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'f3aa9f7d1c0f'
down_revision = 'a945322c15cf'
branch_labels = None
depends_on = None


def upgrade():
    # memberships has had real rows since the closed beta opened on
    # 2024-02-01. NOT VALID makes the ALTER instant: new and updated rows are
    # checked from now on, existing rows are checked later by VALIDATE
    # CONSTRAINT, which does not block writes (DB-014).
    op.create_check_constraint(
        op.f('ck_memberships_role'),
        'memberships',
        "role IN ('owner', 'admin', 'member', 'billing')",
        postgresql_not_valid=True,
    )


def downgrade():
    op.drop_constraint(op.f('ck_memberships_role'), 'memberships', type_='check')
