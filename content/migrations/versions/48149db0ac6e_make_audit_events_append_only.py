"""make audit events append only

Revision ID: 48149db0ac6e
Revises: ef390851ee20
Create Date: 2024-05-23 15:12:08.375592
Decisions: ADR-0007

The application connects as ledgerly_app; migrations run as the owner role.
From here on ledgerly_app may insert and read audit events, never change them.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '48149db0ac6e'
down_revision = 'ef390851ee20'
branch_labels = None
depends_on = None


def upgrade():
    # ADR-0007: tampering with the audit trail must be a privilege error, not
    # a code-review question. ledgerly_app received UPDATE, DELETE and
    # TRUNCATE on the new table through ALTER DEFAULT PRIVILEGES; take them
    # back. Alembic has no operation for privileges, hence SQL. Local and CI
    # databases have no ledgerly_app role, so the REVOKE is skipped there.
    op.execute(
        """
        DO $$
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledgerly_app') THEN
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ledgerly_app;
            END IF;
        END
        $$
        """
    )


def downgrade():
    # Back to the default privileges every other table has.
    op.execute(
        """
        DO $$
        BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledgerly_app') THEN
                GRANT UPDATE, DELETE, TRUNCATE ON audit_events TO ledgerly_app;
            END IF;
        END
        $$
        """
    )
