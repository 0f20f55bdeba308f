from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kit every app builds on; it imports no domain app (see core.registry)."""

    name = "core"
    verbose_name = _("Portal kit")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .roles import sync_role_groups

        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="core.sync_role_groups")
