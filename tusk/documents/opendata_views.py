"""The open-data page and its downloads: public data, the same for every visitor."""

from __future__ import annotations

import io

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from tusk.documents import opendata

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def open_data(request: HttpRequest) -> HttpResponse:
    """What the open data holds: each table with its columns, row count and downloads."""
    counts = opendata.table_counts()
    tables = [
        {"table": table, "count": counts.get(table.name)}
        for table in (*opendata.TABLES, opendata.DICTIONARY_TABLE)
    ]
    return render(
        request,
        "documents/open_data.html",
        {"tables": tables, "licence": opendata.LICENCE, "zip_name": opendata.ZIP_NAME},
    )


def open_data_file(request: HttpRequest, table: str, fmt: str) -> StreamingHttpResponse:
    """One table as CSV or JSON, streamed row by row."""
    found = opendata.ALL_TABLES.get(table)
    if found is None or fmt not in opendata.FORMATS:
        raise Http404("No such open data file.")
    response = StreamingHttpResponse(
        (chunk.encode() for chunk in opendata.table_chunks(found, fmt)),
        content_type=CONTENT_TYPES[fmt],
    )
    response["Content-Disposition"] = f'attachment; filename="{table}.{fmt}"'
    return response


def open_data_zip(request: HttpRequest) -> FileResponse:
    """The whole open data set in one zip archive."""
    data = opendata.open_data_zip(today=timezone.localdate())
    return FileResponse(
        io.BytesIO(data),
        as_attachment=True,
        filename=opendata.ZIP_NAME,
        content_type="application/zip",
    )
