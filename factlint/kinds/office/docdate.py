"""The one place the office and figure kinds get the document's date from (front matter, --date,
or a dateline); the date grammar itself lives in factlint.text.dates."""

from __future__ import annotations

import datetime

from factlint.text.dates import document_date


def document_day(doc) -> datetime.date | None:
    """The document's date as a datetime.date, or None when no date is known."""
    ymd = document_date(doc)
    if ymd is None:
        return None
    try:
        return datetime.date(*ymd)
    except (TypeError, ValueError):
        return None
