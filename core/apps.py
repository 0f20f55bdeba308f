from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kit every app builds on; it imports no domain app (see core.registry)."""

    name = "core"
    verbose_name = _("Portal kit")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the system checks)
        from .middleware import stamp_session
        from .roles import sync_role_groups

        user_logged_in.connect(stamp_session, dispatch_uid="core.stamp_session")

        # Django sends post_migrate only for apps with a models module: core has one (abstract models).
        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="core.sync_role_groups")
