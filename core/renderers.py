"""The form renderer: Django's Jinja2 copies of its form and widget templates, which render several
times faster than the Django-template ones (a list's filter form took 9 of its 21 ms), falling back
to the Django templates for the widgets that only exist there (django-filter's range widgets)."""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class PortalFormRenderer(BaseRenderer):
    """FORM_RENDERER: ``get_template(name)`` from Jinja2 (django/forms/jinja2), else from Django's engine."""

    def __init__(self):
        self.jinja2, self.django = Jinja2(), DjangoTemplates()

    def get_template(self, template_name):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
