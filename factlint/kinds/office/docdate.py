"""The one place the office and figure kinds get the document's date from (front matter, --date,
or a dateline); repoint this import when the date helpers move."""
from __future__ import annotations

import datetime

from factlint.kinds.event_date import document_date


def document_day(doc) -> datetime.date | None:
    """The document's date as a datetime.date, or None when no date is known."""
    ymd = document_date(doc)
    if ymd is None:
        return None
    try:
        return datetime.date(*ymd)
    except (TypeError, ValueError):
        return None
