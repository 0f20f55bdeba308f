from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self):
        from core import registry

        from . import imports  # noqa: F401  (registers the importers)
        from . import models as m

        registry.register_app(self)
        registry.register(
            m.Organization, searchable=True, choosable=True, history=True, chooser_related=("parent", "province")
        )
        registry.register(m.OrganizationName, history=True, parent="organization")
        # Contact details: hidden in history from those without the permission (partners).
        registry.register(
            m.Person,
            searchable=True,
            choosable=True,
            history=True,
            private_fields=("email", "phone"),
            private_permission="stakeholders.view_contact_details",
            chooser_prefetch=("positions__organization",),
        )
        registry.register(m.CouncilMembership, admin_only=True)
        registry.register(m.Office, choosable=True, history=True, chooser_related=("organization",))
        registry.register(
            m.Position,
            choosable=True,
            history=True,
            chooser_search=("search_text", "person__search_text", "organization__search_text"),
            chooser_related=("person", "organization"),
            chooser_narrowed_by=("person",),
        )
