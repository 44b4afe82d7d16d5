"""validate role and status check constraints

Revision ID: d49ca8aba77c
Revises: d09499b5932f
Create Date: 2024-07-23 10:28:16.870397
Rules: DB-014

Second half of f3aa9f7d1c0f and fc4b2233a4e3. The cleanup of legacy
"viewer" memberships and of the "payed" invoices ran in release 2024.29.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "d49ca8aba77c"
down_revision: Union[str, Sequence[str], None] = "d09499b5932f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # VALIDATE CONSTRAINT scans the table under SHARE UPDATE EXCLUSIVE, so
    # reads and writes carry on while it runs (DB-014). It fails, and the
    # whole migration rolls back, if a row still breaks a constraint.
    op.execute("ALTER TABLE memberships VALIDATE CONSTRAINT ck_memberships_role")
    op.execute("ALTER TABLE invoices VALIDATE CONSTRAINT ck_invoices_status")
    op.execute("ALTER TABLE subscriptions VALIDATE CONSTRAINT ck_subscriptions_status")


def downgrade() -> None:
    # PostgreSQL cannot mark a constraint NOT VALID again, so the previous
    # state is restored by dropping each constraint and adding it back
    # NOT VALID, exactly as the two earlier migrations left them.
    op.drop_constraint(op.f("ck_subscriptions_status"), "subscriptions", type_="check")
    op.create_check_constraint(
        op.f("ck_subscriptions_status"),
        "subscriptions",
        "status IN ('trialing', 'active', 'past_due', 'canceled')",
        postgresql_not_valid=True,
    )
    op.drop_constraint(op.f("ck_invoices_status"), "invoices", type_="check")
    op.create_check_constraint(
        op.f("ck_invoices_status"),
        "invoices",
        "status IN ('draft', 'open', 'paid', 'void', 'uncollectible')",
        postgresql_not_valid=True,
    )
    op.drop_constraint(op.f("ck_memberships_role"), "memberships", type_="check")
    op.create_check_constraint(
        op.f("ck_memberships_role"),
        "memberships",
        "role IN ('owner', 'admin', 'member', 'billing')",
        postgresql_not_valid=True,
    )
