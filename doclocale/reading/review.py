"""Medical review status of a guide: read from front matter, shown in every language, checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import jdatetime
from babel.dates import format_date

from doclocale.model import Finding, Location, Severity, SourcePage

REQUIRED = ("reviewed_by", "next_review", "sources")
#: The date a page shows: the review's once a doctor has reviewed it; until then the day the page was
#: written or last changed (``last_updated``; a pending page written with the older ``last_reviewed``
#: key is read the same way, and shown as an update, never as a review).
REVIEWED_DATE, UPDATED_DATE = "last_reviewed", "last_updated"
PENDING = "pending"
WARN_DAYS = 30
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def is_guide(page: str) -> bool:
    """A page under guides/, except a section's index page (it lists guides, it is not one)."""
    return page.startswith("guides/") and not page.endswith("index.md")


def format_review_date(day: dt.date, language: str) -> str:
    """A date as readers of ``language`` write it: Solar Hijri with Persian digits for fa."""
    if language == "fa":
        jalali = jdatetime.date.fromgregorian(date=day, locale="fa_IR")
        return jalali.strftime("%d %B %Y").lstrip("0").translate(_PERSIAN_DIGITS)
    return format_date(day, format="long", locale=language)


@dataclass(frozen=True)
class ReviewDates:
    """What the page footer shows: ISO dates for <time datetime>, and localised text."""

    reviewed_by: str
    last_iso: str
    last_text: str
    next_iso: str
    next_text: str

    @property
    def pending(self) -> bool:
        return is_pending(self.reviewed_by)


def is_pending(reviewed_by) -> bool:
    return str(reviewed_by or PENDING).strip().lower() == PENDING


def shown_date(meta: dict):
    """The front-matter value of the one date a page shows (see ``REVIEWED_DATE``)."""
    if is_pending(meta.get("reviewed_by")):
        return meta.get(UPDATED_DATE) or meta.get(REVIEWED_DATE)
    return meta.get(REVIEWED_DATE)


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def review_dates(meta: dict, language: str) -> ReviewDates | None:
    last, upcoming = _as_date(shown_date(meta)), _as_date(meta.get("next_review"))
    if last is None or upcoming is None:
        return None
    return ReviewDates(
        str(meta.get("reviewed_by") or PENDING),
        last.isoformat(),
        format_review_date(last, language),
        upcoming.isoformat(),
        format_review_date(upcoming, language),
    )


def check_review(page: SourcePage, today: dt.date) -> Iterator[Finding]:
    """Every guide names its reviewer, review dates and sources; reviews are not overdue."""
    meta = page.front_matter
    where = Location(page.path, 1)
    dated = UPDATED_DATE if is_pending(meta.get("reviewed_by")) else REVIEWED_DATE
    missing = [key for key in REQUIRED if not meta.get(key)] + ([] if shown_date(meta) else [dated])
    if missing:
        yield Finding(
            where,
            "V101",
            Severity.ERROR,
            f"front matter lacks {', '.join(missing)}",
            "add reviewed_by (or 'pending'), last_updated while pending or last_reviewed once reviewed,"
            " next_review (YYYY-MM-DD) and a sources list",
        )
        return
    last, upcoming = _as_date(shown_date(meta)), _as_date(meta["next_review"])
    if last is None or upcoming is None:
        yield Finding(
            where, "V102", Severity.ERROR, "review dates must be YYYY-MM-DD", "e.g. last_reviewed: 2026-11-20"
        )
        return
    if str(meta["reviewed_by"]).strip().lower() == PENDING:
        yield Finding(
            where,
            "V103",
            Severity.WARNING,
            "medical review is pending; readers see 'medical review pending' and the date the page was last updated",
            "when a doctor has reviewed the page, put their name in reviewed_by",
        )
    if upcoming < today:
        yield Finding(
            where,
            "V104",
            Severity.ERROR,
            f"review was due on {upcoming.isoformat()}",
            "have a doctor review the page, then update last_reviewed and next_review",
        )
    elif (upcoming - today).days <= WARN_DAYS:
        yield Finding(
            where,
            "V105",
            Severity.WARNING,
            f"review is due on {upcoming.isoformat()}, in {(upcoming - today).days} days",
            "plan the review now",
        )
    if last > today:
        yield Finding(
            where,
            "V106",
            Severity.ERROR,
            f"{dated} {last.isoformat()} is in the future",
            "use the date the review happened" if dated == REVIEWED_DATE else "use the date the page was last changed",
        )
