"""add ip address and request id to audit events

Revision ID: d028dbff8c38
Revises: e536bf2b486d
Create Date: 2024-10-15 13:27:50.188231
Decisions: ADR-0007

Asked for by the first customer security questionnaire: which address did
an action come from, and which request log line belongs to it.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision: str = "d028dbff8c38"
down_revision: Union[str, Sequence[str], None] = "e536bf2b486d"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Both nullable and without a default on purpose: older events never
    # recorded these values, and audit_events is append-only (ADR-0007), so
    # there is no backfill. NULL honestly means "not recorded".
    op.add_column("audit_events", sa.Column("ip_address", postgresql.INET(), nullable=True))
    # X-Request-Id from the load balancer.
    op.add_column("audit_events", sa.Column("request_id", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Migrations run as the table owner, so the REVOKE from 48149db0ac6e
    # (which only limits ledgerly_app) does not stand in the way. The events
    # themselves stay; only the two recorded values are lost.
    op.drop_column("audit_events", "request_id")
    op.drop_column("audit_events", "ip_address")
