"""The open-data page and its downloads."""

from django.urls import path

from tusk.documents import opendata_views as views

urlpatterns = [
    path("open-data/", views.open_data, name="open-data"),
    path("open-data/tusk-open-data.zip", views.open_data_zip, name="open-data-zip"),
    path("open-data/<slug:table>.<str:fmt>", views.open_data_file, name="open-data-file"),
]
