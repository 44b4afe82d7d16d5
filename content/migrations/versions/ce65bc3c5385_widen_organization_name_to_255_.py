"""widen organization name to 255 characters

Revision ID: ce65bc3c5385
Revises: d49ca8aba77c
Create Date: 2024-08-06 16:22:58.833041

lore: ignore[type-change] widening varchar(64) to varchar(255) is a metadata-only change in PostgreSQL

Legal names on invoices must be printed in full, and "Sociedade de
Contabilidade e Consultoria Fiscal Ribeiro & Filhos, Lda." does not fit in
64 characters. Support has been abbreviating names by hand.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "ce65bc3c5385"
down_revision: Union[str, Sequence[str], None] = "d49ca8aba77c"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Raising a varchar limit needs no rewrite and no scan; the ACCESS
    # EXCLUSIVE lock is held only for the catalog update.
    op.alter_column(
        "organizations",
        "name",
        existing_type=sa.String(length=64),
        type_=sa.String(length=255),
        existing_nullable=False,
    )


def downgrade() -> None:
    # Narrowing does scan the table, and fails if any name is now longer
    # than 64 characters. Shorten those first; that is on purpose, names
    # must not be cut silently.
    op.alter_column(
        "organizations",
        "name",
        existing_type=sa.String(length=255),
        type_=sa.String(length=64),
        existing_nullable=False,
    )
