"""Dates as the corpus writes them: the period it covers, Russian dates, Roman numerals."""

from __future__ import annotations

import datetime as dt
import random

from .vocabulary import MONTHS_GEN

DATE_MIN = dt.date(2000, 1, 1)
DATE_MAX = dt.date(2024, 12, 31)  # before any as-of date: no `future-date` warnings
DAY = dt.timedelta(days=1)


def ru_date(day: dt.date) -> str:
    """21 декабря 2020 г."""
    return f"{day.day} {MONTHS_GEN[day.month - 1]} {day.year} г."


def num_date(day: dt.date) -> str:
    """21.12.2020, as citations write it."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def working_day(rng: random.Random, first: dt.date = DATE_MIN, last: dt.date = DATE_MAX) -> dt.date:
    """A random date between first and last, moved off the weekend."""
    day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
    if day.weekday() >= 5:
        day += dt.timedelta(days=7 - day.weekday())
    return min(day, last)


def roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out
