from django.contrib import admin

from core.admin import HistoryAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["title", "kind", "outlet", "published_on", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "published_on"
