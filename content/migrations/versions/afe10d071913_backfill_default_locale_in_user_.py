"""backfill default locale in user preferences

Revision ID: afe10d071913
Revises: 3579c87f141d
Create Date: 2025-01-14 14:16:37.008098
Decisions: ADR-0005
Rules: DB-009

Invoice PDFs are now rendered in the user's language, and the finance
reports group revenue by preferences->>'locale'. Users who never opened the
settings page have no locale key at all; give them the one they have been
getting implicitly.
"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = "afe10d071913"
down_revision: Union[str, Sequence[str], None] = "3579c87f141d"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Data only, no schema change. The WHERE clause leaves every user who
    # chose a locale alone. Application code that changes a key later must
    # call flag_modified(user, "preferences") (DB-009); SQL needs no such care.
    op.execute(
        """
        UPDATE users
        SET preferences = jsonb_set(preferences, '{locale}', '"en"')
        WHERE preferences->>'locale' IS NULL
        """
    )


def downgrade() -> None:
    # Removes the key only where it holds the value written above. A user
    # who picked "en" explicitly since then loses the key too, but "en" is
    # also what the code assumes when the key is missing, so nothing they
    # see changes.
    op.execute(
        """
        UPDATE users
        SET preferences = preferences - 'locale'
        WHERE preferences->>'locale' = 'en'
        """
    )
