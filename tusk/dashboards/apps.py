from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """The public dashboards: the process overview, the country report card, the regional road
    map. They read the other apps' data and own none of their own."""

    name = "tusk.dashboards"
    verbose_name = _("Dashboards")
