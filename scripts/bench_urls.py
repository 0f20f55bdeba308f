"""The portal's URLs plus the benchmark's floor page.

The floor is the portal's page shell (``base.html``, an empty content block) behind the same
middleware and sign-in as every page: the least any page costs.
"""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

FLOOR = '{% extends "base.html" %}{% block title %}floor{% endblock %}{% block content %}<p>floor</p>{% endblock %}'


def floor(request):
    return HttpResponse(engines["django"].from_string(FLOOR).render({}, request))


urlpatterns = [path("bench-floor/", floor, name="bench_floor"), path("", include("sse_portal.urls"))]
