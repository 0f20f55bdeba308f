"""The health endpoint: django-health-check's checks, and one more (no migration left to apply)."""

import asyncio
import dataclasses

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class NoPendingMigrations(HealthCheck):
    """Fails while the database has migrations left to apply (the code is newer than the schema)."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        connection = connections[self.alias]
        try:
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                raise ServiceUnavailable("Migrations are pending.")
        finally:
            connection.close()  # run in a worker thread of the health view: leave no connection open


class HealthView(HealthCheckView):
    """django-health-check's checks, answered as JSON only: ``{"Database": "OK", ...}``, 200 when
    all pass, 500 otherwise. No timings, aliases, error texts, feeds or HTML page (whose inline
    style the portal's CSP would block): monitoring needs the statuses, nothing else."""

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            self.results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        statuses = {type(result.check).__name__: "failing" if result.error else "OK" for result in self.results}
        return JsonResponse(statuses, status=500 if "failing" in statuses.values() else 200)
