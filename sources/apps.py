from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sources"
    verbose_name = _("Sources")

    def ready(self):
        from core import registry

        from . import models as m

        registry.register_app(self)
        registry.register(m.Source, searchable=True, choosable=True, history=True)
