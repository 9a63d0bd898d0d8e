"""Events: time expressions that denote a point (or short span) in time, with what happened.

One compiled regular expression finds, per sentence and left to right, absolute dates
("March 3, 2025", "3 March 2025", "2025-03-03"), months ("in April", "in April this year",
"the April release"), weekdays ("on Monday"), relative days ("yesterday", "last night"),
relative periods ("last week", "earlier this month", "the past week", "two days ago",
"in recent weeks"), quarters and halves ("in the third quarter", "Q3 2024"), seasons, years
("in 2024", "the 2024 election") and decades ("the 1990s").

Durations ("for months", "several months", "after months of talks", "for two years") are not
points in time and are deliberately not matched; neither are recurring times ("every Monday",
"on Mondays") nor vague adverbs ("recently", "previously", "now").

Calendar dates (``Event.date``) are given only at day precision and only when certain:

* an absolute date with day, month and year is taken as written;
* a month and day without a year ("March 3") is placed in the year that puts it nearest to
  the publication date, and only if that is within 150 days of it (news omits the year for
  dates close to the story);
* "today", "tonight", "this morning", "earlier today" are the publication date; "yesterday" and
  "last night" the day before; "tomorrow" the day after;
* a bare weekday ("on Monday", "Monday") is the nearest such day on or before the publication
  date when its clause is in the past tense, and the nearest one after it when the clause is in
  the future tense; without a clear tense, or with "last"/"next"/"this" (whose reading varies
  between writers), no date is given;
* everything else (months, years, weeks, quarters, "in April this year") has no single day:
  ``date`` is None. Nothing is resolved without a known publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.models import Document, Event, Sentence

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH_NO_MAY = (
    r"(?-i:January|February|March|April|June|July|August|September|October|November|December)"
)
_MONTH_FULL = rf"(?:{_MONTH_NO_MAY}|(?-i:May))"
_MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a few|few|several|many|some)"
)
_PREP = r"(?:in|on|since|by|until|till|from|during|through|throughout|before|after|as of|at|of|to)"
_YEAR_REF = rf"(?:{_YEAR}|this year|last year|next year|the (?:same|previous|following) year)"
_PART = r"(?:(?:early|late|mid|the (?:end|start|beginning|middle) of)[\s-]+)"
_PERIOD_UNIT = r"(?:week|month|year|quarter|decade|weekend|summer|winter|spring|autumn|fall|season)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

_PATTERNS: list[tuple[str, str]] = [
    # 2025-03-03
    ("iso", rf"\b(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b"),
    # (on) (Monday,) March 3(, 2025) / (on) Jan. 5
    (
        "month_day",
        rf"\b(?:{_PREP}\s+)?(?:(?P<wd1>{_WEEKDAY}),?\s+)?"
        rf"(?P<md_month>{_MONTH_ANY})\s+(?P<md_day>{_DAY})\b(?!\s*%|\.\d|,\d)"
        rf"(?:,?\s+(?P<md_year>{_YEAR})\b)?",
    ),
    # (on) (Monday,) (the) 3(rd) (of) March (2025)
    (
        "day_month",
        rf"\b(?:{_PREP}\s+)?(?:(?P<wd2>{_WEEKDAY}),?\s+)?(?:the\s+)?"
        rf"(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH_ANY})(?:,?\s+(?P<dm_year>{_YEAR})\b)?",
    ),
    # (in) (early) April (this year | 2024)
    (
        "month",
        rf"\b(?:{_PREP}\s+)?{_PART}?(?:(?:last|this|next)\s+)?(?P<month>{_MONTH_NO_MAY})"
        rf"(?:,?\s+(?:of\s+)?(?P<m_year>{_YEAR_REF}))?\b",
    ),
    # May is also a modal verb and a surname: only with a preposition or a year
    (
        "may",
        rf"\b(?:(?P<may_prep>{_PREP}|early|late|mid|last|this|next)[\s-]+)?(?-i:May)"
        rf"(?:,?\s+(?:of\s+)?(?P<may_year>{_YEAR_REF}))?\b",
    ),
    # (on) (last/next/this) Monday (morning)
    (
        "weekday",
        rf"\b(?:(?P<wd_prep>on|since|by|until|from|before|after|late|early)\s+)?"
        rf"(?:(?P<wd_mod>last|next|this|coming|past)\s+)?(?P<wd>{_WEEKDAY})\b(?!s)"
        rf"(?:\s+{_PART_OF_DAY})?",
    ),
    # yesterday, today, last night, this morning, earlier today
    (
        "day_rel",
        r"\b(?P<rel>yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening)"
        r"|(?:earlier|later) today|overnight)\b(?:\s+(?:morning|afternoon|evening|night))?",
    ),
    # earlier this month, last week, the past week, over the past two weeks, the coming months
    (
        "period",
        rf"\b(?:(?:earlier|later)\s+(?:this|last|next)\s+{_PERIOD_UNIT}"
        rf"|(?:(?:in|during|over|within|throughout)\s+)?(?:the\s+)?(?:past|last|previous|coming|next|following)"
        rf"\s+(?:{_NUM}\s+)?(?:days|weeks|months|years|decades|{_PERIOD_UNIT})"
        rf"|(?:last|this|next)\s+{_PERIOD_UNIT}"
        rf"|in\s+recent\s+(?:days|weeks|months|years)"
        rf"|{_NUM}\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|later|before|after)"
        rf"|(?:a|one)\s+(?:day|week|month|year)\s+(?:ago|earlier|later))\b",
    ),
    # in the third quarter (of 2024), the first half of the year, Q3 2024, H1 2025, FY2024
    (
        "quarter",
        rf"\b(?:(?:in|during|for|by)\s+)?(?:the\s+)?(?:first|second|third|fourth|final|last|"
        rf"1st|2nd|3rd|4th)\s+(?:quarter|half)(?:\s+of\s+(?:the\s+year|{_YEAR_REF}|fiscal\s+{_YEAR}))?\b"
        rf"|\b(?-i:Q[1-4]|H[12])(?:\s*(?:{_YEAR}|FY\s?\d{{2,4}}))?\b|\b(?:FY|fiscal(?:\s+year)?)\s?(?:{_YEAR}|\d{{2}})\b",
    ),
    # (in) (the) summer of 2024, in spring 2023
    (
        "season",
        rf"\b(?:(?:in|during|by|since|until)\s+)?(?:{_PART})?(?:the\s+)?(?:spring|summer|autumn|fall|winter)"
        rf"\s+(?:of\s+)?{_YEAR}\b",
    ),
    # the 1990s
    (
        "decade",
        r"\b(?:(?:in|during|since|by|until|from)\s+)?(?:the\s+)?(?:early|late|mid)?[\s-]?"
        r"(?:19|20)\d0s\b",
    ),
    # this year, last year (when not attached to a month above)
    ("year_rel", r"\b(?:(?:earlier|later)\s+)?(?:this|last|next)\s+year\b"),
    # in 2024, since 2019, the 2024 election
    (
        "year",
        rf"\b(?:(?P<y_prep>{_PREP}|early|late|mid|the end of|the start of)[\s-]+)?"
        rf"(?P<year>{_YEAR})\b"
        rf"(?![\d%]|[.,]\d|\s*(?:percent|per cent|pounds|dollars|euros|yuan|yen))",
    ),
]
# Case-insensitive for the function words ("On Monday", "Yesterday"); names of months and
# weekdays, "May" and "Q3" are matched case-sensitively through (?-i:...).
_TIME = re.compile("|".join(f"(?P<k_{name}>{body})" for name, body in _PATTERNS), re.I)

# Every time expression contains one of these words; the full expression is tried only near
# one (starting at most _MAX_LEAD_WORDS words before it), which keeps the scan fast.
_TRIGGER = re.compile(
    rf"\b(?:{_MONTH_FULL}|{_MONTH_ABBR}|{_WEEKDAY}|(?-i:Q[1-4]|H[12]|FY\d*)"
    r"|yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|overnight"
    r"|weeks?|months?|years?|decades?|days?|ago|weekend|quarter|half|spring|summer|autumn|fall"
    r"|winter|season|fiscal|\d{4}s?)(?!\w)",
    re.I,
)
_WORD_START = re.compile(r"(?<![\w'’\-])\w")
_MAX_LEAD_CHARS = 48
_FUTURE = re.compile(
    r"\b(?:will|won[’']t|shall|[’']ll|(?:is|are|was|were) (?:set|scheduled|due|expected|"
    r"going|poised|slated) to|plans? to|planned for|intends? to|upcoming|next)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:\w{2,}ed|said|told|met|made|took|gave|began|held|won|lost|led|sent|spoke|wrote|came|"
    r"went|saw|found|got|left|rose|fell|brought|bought|sold|paid|struck|sought|became|ran|drew|"
    r"grew|chose|broke|spent|kept|heard|felt|fought|built|stood|withdrew|was|were|had|did|"
    r"agreed|cut|hit|put|set|quit|shut|let|issued)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r"\s*(?:;|\s[—–]\s|—)\s*")
_YEAR_ALONE_OK_AFTER = re.compile(r"\s*(?:[,.;:)!?]|$|and\b|to\b|through\b|or\b)")
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\bthe|\ba|\ban|\bits|\btheir|\bhis|\bher|\bour|’s|'s)\s+$", re.I
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_RECURRING_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.I)
# A year after these (or after nothing) must also sit in a year-like position: "rose to 2024
# points" and "of 2000 people" are counts.
_WEAK_YEAR_PREPS = frozenset({"", "to", "at", "of"})
_MIN_CLAUSE_WORDS = 6
_MAX_MONTH_DAY_DISTANCE = 150


# ------------------------------------------------------------------------------ public API


def find_events(doc: Document, sentences: list[Sentence]) -> list[Event]:
    """Every point-in-time expression in the non-boilerplate sentences, in text order.

    Sentences flagged truncated still yield events: the time expression and what precedes the
    cut are real information; the sentence's own flag tells the reader it is incomplete.
    """
    published = _parse_date(doc.metadata.published)
    events: list[Event] = []
    for s in sentences:
        if s.boilerplate:
            continue
        for m in _matches(s.text):
            when = m.group().strip()
            c_start, c_end = _clause(s.text, m.start())
            clause = s.text[c_start:c_end]
            iso = _resolve(m, clause, published)
            events.append(
                Event(
                    id=f"{doc.id}-e{len(events) + 1}",
                    when=when,
                    date=iso,
                    text=clause,
                    source=doc.id,
                    sentence=s.id,
                    start=s.start + c_start,
                    end=s.start + c_end,
                )
            )
    return events


# ------------------------------------------------------------------------------ matching


def _matches(text: str) -> list[re.Match[str]]:
    """Accepted time expressions in ``text``, left to right, not overlapping.

    For each trigger word, the expression is tried at the word starts shortly before it
    (leftmost first), so "in the third quarter" is found from "quarter".
    """
    out: list[re.Match[str]] = []
    pos = 0
    for t in _TRIGGER.finditer(text):
        if t.start() < pos:
            continue
        lo = max(pos, t.start() - _MAX_LEAD_CHARS)
        for w in _WORD_START.finditer(text, lo, t.start() + 1):
            m = _TIME.match(text, w.start())
            if m and m.end() >= t.end() and _accept(text, m):
                out.append(m)
                pos = m.end()
                break
    return out


def _accept(text: str, m: re.Match[str]) -> bool:
    """Filter matches the pattern alone cannot judge (recurring days, names, bare numbers)."""
    before = text[max(0, m.start() - 12) : m.start()]
    if _RECURRING_BEFORE.search(before):
        return False
    kind = m.lastgroup
    if kind == "k_month" and not m.group("m_year") and m.group() == (m.group("month") or ""):
        # A bare month name: "the April release" yes, "April Ryan said" (a name) no.
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and nxt.group(1)[0].isupper():
            return False
    if kind == "k_may" and not (m.group("may_prep") or m.group("may_year")):
        return False
    if kind == "k_year" and (m.group("y_prep") or "").lower() in _WEAK_YEAR_PREPS:
        return _bare_year_ok(text, m)
    return True


def _bare_year_ok(text: str, m: re.Match[str]) -> bool:
    """A four-digit number without a preposition is a year only in year-like positions."""
    if m.start() > 0 and text[m.start() - 1] in "$€£¥#-/_.":
        return False  # an amount, a number sign or part of a name ("GPT-2024")
    if _YEAR_ALONE_OK_AFTER.match(text, m.end()):
        return True
    if _ATTRIBUTIVE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        nxt = _NEXT_WORD.match(text, m.end())
        # "the 2024 election" is a year; "the 2000 employees" is a count.
        return bool(nxt) and not nxt.group(1).lower().endswith("s")
    return False


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos`` (split at ";" and dashes), or the whole sentence if short."""
    start, end = 0, len(text)
    for sep in _CLAUSE_SPLIT.finditer(text):
        if sep.end() <= pos:
            start = sep.end()
        elif sep.start() >= pos:
            end = sep.start()
            break
    if (start, end) != (0, len(text)) and len(text[start:end].split()) < _MIN_CLAUSE_WORDS:
        return 0, len(text)
    return start, end


# ------------------------------------------------------------------------------ resolution


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _resolve(m: re.Match[str], clause: str, published: date | None) -> str | None:
    """ISO date for the expression when certain (see the module docstring), else None."""
    kind = m.lastgroup
    if kind == "k_iso":
        return _safe_iso(*map(int, m.group("iso").split("-")))
    if kind == "k_month_day":
        return _month_day(m.group("md_month"), m.group("md_day"), m.group("md_year"), published)
    if kind == "k_day_month":
        return _month_day(m.group("dm_month"), m.group("dm_day"), m.group("dm_year"), published)
    if published is None:
        return None
    if kind == "k_day_rel":
        return _relative_day(m.group("rel").lower(), published)
    if kind == "k_weekday" and not m.group("wd_mod"):
        prep = (m.group("wd_prep") or "on").lower()
        if prep in ("on", "late", "early"):
            return _weekday(m.group("wd"), clause, published)
    return None


def _safe_iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_day(month: str, day: str, year: str | None, published: date | None) -> str | None:
    month_n = _MONTHS[month.lower().rstrip(".")]
    day_n = int(re.sub(r"\D", "", day))
    if year:
        return _safe_iso(int(year), month_n, day_n)
    if published is None:
        return None
    best: date | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        iso = _safe_iso(y, month_n, day_n)
        if iso is None:
            continue
        candidate = date.fromisoformat(iso)
        if best is None or abs((candidate - published).days) < abs((best - published).days):
            best = candidate
    if best is None or abs((best - published).days) > _MAX_MONTH_DAY_DISTANCE:
        return None
    return best.isoformat()


def _relative_day(rel: str, published: date) -> str | None:
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening",
               "earlier today", "later today"):  # fmt: skip
        return published.isoformat()
    if rel in ("yesterday", "last night"):
        return (published - timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (published + timedelta(days=1)).isoformat()
    return None  # "overnight" straddles two days


def _weekday(name: str, clause: str, published: date) -> str | None:
    target = _WEEKDAYS[name.lower()]
    if _FUTURE.search(clause):
        ahead = (target - published.weekday()) % 7
        return None if ahead == 0 else (published + timedelta(days=ahead)).isoformat()
    if _PAST.search(clause):
        back = (published.weekday() - target) % 7
        return (published - timedelta(days=back)).isoformat()
    return None
