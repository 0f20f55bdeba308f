"""Health checks beyond django-health-check's own: no migration left to apply."""

import dataclasses

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable


@dataclasses.dataclass
class NoPendingMigrations(HealthCheck):
    """Fails while the database has migrations left to apply (the code is newer than the schema)."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        executor = MigrationExecutor(connections[self.alias])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise ServiceUnavailable("Migrations are pending.")
