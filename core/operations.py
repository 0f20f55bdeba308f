"""Migration operations of the kit."""

from django.contrib.postgres.operations import TrigramExtension as PostgresTrigramExtension


class TrigramExtension(PostgresTrigramExtension):
    """pg_trgm, for ``core.models.TrigramIndex``: created on PostgreSQL when missing (Django's
    operation does nothing elsewhere); never dropped when migrating back, since the trigram
    indexes of other apps may still need it (and SQLite has no extensions to drop)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass
