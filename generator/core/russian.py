"""Russian forms the product shows: dates as `21 декабря 2020 г.` (via Babel)."""

from __future__ import annotations

from datetime import date
from functools import cache

from babel.dates import format_date


@cache  # Babel takes ~35 µs a call, and a site shows the same few thousand dates again and again
def long_date(value: date) -> str:
    """The date as Russian official documents print it.

    >>> long_date(date(2020, 12, 21))
    '21 декабря 2020 г.'
    >>> long_date(date(2021, 1, 1))
    '1 января 2021 г.'
    """
    return f"{format_date(value, format='d MMMM y', locale='ru')} г."
