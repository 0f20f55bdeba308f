from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionalStatisticsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "regional_statistics"
    verbose_name = _("Regional statistics")

    def ready(self):
        from core import registry

        from . import models as m

        registry.register_app(self)
        registry.register(m.Statistic, history=True, open_list=("name_ar", "name_fr", "code", "order"))
        registry.register(m.StatisticValue, history=True, url_name="value")
