from django.contrib import admin

from core.admin import HistoryAdmin

from .models import Statistic, StatisticValue


@admin.register(Statistic)
class StatisticAdmin(HistoryAdmin):
    list_display = ["code", "name_ar", "name_fr", "order"]
    search_fields = ["code", "name_ar", "name_fr"]


@admin.register(StatisticValue)
class StatisticValueAdmin(HistoryAdmin):
    list_display = ["statistic", "region", "province", "period_start", "period_end", "value", "source"]
    list_filter = ["statistic", "region"]
    list_select_related = ["statistic", "region", "province", "source"]
    autocomplete_fields = ["source"]
    date_hierarchy = "period_start"
