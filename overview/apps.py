from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """The pages that read across the domain apps: home, global search, dashboards, timelines, the dataset."""

    name = "overview"
    verbose_name = _("Overview")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .figures_cache import forget_figures

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(forget_figures, dispatch_uid=f"overview.forget_figures.{signal}")
