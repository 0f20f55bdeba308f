from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kit every app builds on; it imports no domain app (see core.registry)."""

    name = "core"
    verbose_name = _("Portal kit")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from simple_history.signals import pre_create_historical_record

        from . import checks  # noqa: F401  (registers the system checks)
        from .history import mark_deletion
        from .middleware import stamp_session
        from .roles import sync_role_groups
        from .shared_cache import forget_all, forget_on_change

        user_logged_in.connect(stamp_session, dispatch_uid="core.stamp_session")
        pre_create_historical_record.connect(mark_deletion, dispatch_uid="core.mark_deletion")
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(forget_on_change, dispatch_uid=f"core.forget_on_change.{signal}")

        # Django sends post_migrate only for apps with a models module: core has one (abstract models).
        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="core.sync_role_groups")
        # A new release migrates: pages and figures kept by the previous one's code are forgotten.
        post_migrate.connect(forget_all, sender=self, dispatch_uid="core.forget_all_after_migrate")
