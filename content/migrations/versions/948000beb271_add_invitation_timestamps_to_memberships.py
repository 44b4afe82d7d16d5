"""add invitation timestamps to memberships

Revision ID: 948000beb271
Revises: e438ccdf22a2
Create Date: 2025-07-08 14:21:30.235308
Decisions: ADR-0012
Rules: DB-006, DB-012

Invitations used to create the membership only when accepted, so pending
invitations lived in Redis and were lost on restart. A membership now exists
from the moment of the invitation; accepted_at tells the two states apart.
Written by the coding agent, reviewed and approved before the run (ADR-0012).
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "948000beb271"
down_revision: Union[str, Sequence[str], None] = "e438ccdf22a2"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Both nullable: a membership created by sign-up was never invited, and
    # a pending invitation is not accepted yet.
    op.add_column("memberships", sa.Column("invited_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("memberships", sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True))

    # Every existing membership was accepted (that was the only way to get
    # one), and the closest time we know is its creation.
    op.execute(
        """
        UPDATE memberships
        SET accepted_at = created_at
        WHERE accepted_at IS NULL
        """
    )


def downgrade() -> None:
    # Pending invitations created after this revision would become full
    # memberships under the old code. Remove them before dropping the column
    # that tells them apart.
    op.execute("DELETE FROM memberships WHERE accepted_at IS NULL")
    op.drop_column("memberships", "accepted_at")
    op.drop_column("memberships", "invited_at")
