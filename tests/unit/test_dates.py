"""Dates as people type them: ISO at its precision, and plain words against a fixed today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careerkit.dates import end_of, parse_date, start_of, to_date
from careerkit.errors import InvalidInput

TODAY = date(2024, 3, 13)  # a Wednesday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-03-12", "2024-03-12"),
        ("2024-03", "2024-03"),
        ("2024", "2024"),
        ("2024-3-5", "2024-03-05"),
        ("  2024-03-12  ", "2024-03-12"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_iso_dates_keep_their_precision(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("today", "2024-03-13"),
        ("now", "2024-03-13"),
        ("yesterday", "2024-03-12"),
        ("Yesterday", "2024-03-12"),
        ("tomorrow", "2024-03-14"),
        ("last week", "2024-03-06"),
        ("last month", "2024-02"),
        ("this month", "2024-03"),
        ("next month", "2024-04"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("3 days ago", "2024-03-10"),
        ("a week ago", "2024-03-06"),
        ("two months ago", "2024-01-13"),
        ("1 year ago", "2023-03-13"),
        ("last friday", "2024-03-08"),
        ("friday", "2024-03-08"),
        ("last wednesday", "2024-03-06"),
        ("this monday", "2024-03-11"),
        ("next monday", "2024-03-18"),
        ("march 2023", "2023-03"),
        ("mar 2023", "2023-03"),
        ("12 march 2023", "2023-03-12"),
        ("March 12, 2023", "2023-03-12"),
        ("march", "2024-03"),
        ("april", "2023-04"),
    ],
)
def test_plain_words(text, expected):
    assert parse_date(text, TODAY) == expected


def test_last_month_in_january_is_december_of_last_year():
    assert parse_date("last month", date(2024, 1, 20)) == "2023-12"


def test_months_ago_clamps_to_the_end_of_a_short_month():
    assert parse_date("1 month ago", date(2024, 3, 31)) == "2024-02-29"


def test_a_year_ago_from_a_leap_day():
    assert parse_date("1 year ago", date(2024, 2, 29)) == "2023-02-28"


def test_without_today_words_resolve_against_the_real_today():
    assert parse_date("yesterday") == (date.today() - timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2024-13-01",
        "2024-02-30",
        "2024-00",
        "1899",
        "2201-01-01",
        "13/13/2024",
        "someday",
        "next blursday",
        "31 february 2024",
        "march april 2024",
        "2024-03-12T10:00",
        "'); DROP TABLE accomplishments;--",
        "9999999 days ago",
        "99999 years ago",
        "300 years ago",
        "99999999999999999999 months ago",
    ],
)
def test_unreadable_dates_are_refused_with_a_hint(text):
    with pytest.raises(InvalidInput) as err:
        parse_date(text, TODAY)
    assert "not a date" in str(err.value)


@pytest.mark.parametrize(
    "iso, first, last",
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2024-03-12", "2024-03-12", "2024-03-12"),
    ],
)
def test_partial_dates_cover_a_span(iso, first, last):
    assert start_of(iso) == first
    assert end_of(iso) == last
    assert to_date(iso) == date.fromisoformat(first)


def test_slashed_dates_us_first_unless_the_day_must_come_first(monkeypatch):
    from careerkit import dates

    monkeypatch.setattr(dates, "DAY_FIRST", None)
    assert parse_date("12/03/2024") == "2024-12-03"
    assert parse_date("13/03/2024") == "2024-03-13"
    monkeypatch.setattr(dates, "DAY_FIRST", lambda: True)
    assert parse_date("12/03/2024") == "2024-03-12"
    assert parse_date("3/15/2024") == "2024-03-15"


def test_seasons_and_terms_against_a_fixed_today():
    from datetime import date

    today = date(2025, 1, 10)
    assert parse_date("last spring", today) == "2024-03"
    assert parse_date("this winter", today) == "2024-12"
    assert parse_date("last winter", today) == "2023-12"
    assert parse_date("this term", today) == "2025-01"
    assert parse_date("last term", today) == "2024-09"
    assert parse_date("fall 2023", today) == "2023-09"
