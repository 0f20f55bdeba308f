from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """The pages that read across the domain apps: home, global search, dashboards, timelines, the dataset."""

    name = "overview"
    verbose_name = _("Overview")
