"""add seats to subscriptions

Revision ID: f87694f1c0be
Revises: ce65bc3c5385
Create Date: 2024-08-20 10:31:42.084860
Rules: DB-012

Per-seat pricing for the Team plan: the subscription records how many seats
were bought, checked against plans.seat_limit in the application.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "f87694f1c0be"
down_revision: Union[str, Sequence[str], None] = "ce65bc3c5385"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Every existing subscription was sold as a single seat, so the default
    # of 1 is the true value for old rows as well (DB-012).
    op.add_column(
        "subscriptions",
        sa.Column("seats", sa.Integer(), server_default=sa.text("1"), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("subscriptions", "seats")
