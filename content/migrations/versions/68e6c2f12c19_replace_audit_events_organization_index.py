"""replace audit events organization index

Revision ID: 68e6c2f12c19
Revises: c67c3f3200ba
Create Date: 2024-12-03 10:52:09.989156
Decisions: ADR-0007
Rules: DB-008, DB-013

The Activity page (ADR-0007) lists an organization's newest events first.
With a million rows the single-column index made PostgreSQL sort every
event of the large organizations; (organization_id, occurred_at) returns
them in order.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "68e6c2f12c19"
down_revision: Union[str, Sequence[str], None] = "c67c3f3200ba"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # Build the new index before dropping the old one, so queries that
        # filter on organization_id always have an index to use.
        op.create_index(
            op.f("ix_audit_events_organization_id_occurred_at"),
            "audit_events",
            ["organization_id", "occurred_at"],
            unique=False,
            postgresql_concurrently=True,
        )
        # The composite index serves every query the old one did.
        op.drop_index(
            op.f("ix_audit_events_organization_id"),
            table_name="audit_events",
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_audit_events_organization_id"),
            "audit_events",
            ["organization_id"],
            unique=False,
            postgresql_concurrently=True,
        )
        op.drop_index(
            op.f("ix_audit_events_organization_id_occurred_at"),
            table_name="audit_events",
            postgresql_concurrently=True,
        )
