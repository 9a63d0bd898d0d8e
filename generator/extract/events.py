"""Events: time expressions that denote a point (or short span) in time, with what happened.

One compiled regular expression finds, per sentence and left to right, absolute dates
("March 3, 2025", "3 March 2025", "2025-03-03"), months ("in April", "in April this year",
"the April release"), weekdays ("on Monday"), relative days ("yesterday", "last night"),
relative periods ("last week", "earlier this month", "the past week", "two days ago",
"in recent weeks"), quarters and halves ("in the third quarter", "Q3 2024"), seasons, years
("in 2024", "the 2024 election") and decades ("the 1990s").

Spans are one expression: "between 2019 and 2022", "between March and June last year",
"from 1 to 3 May", "June 12-14" (never a day; see ``Event.period`` below). A time of day
("at 14:30 GMT", "by 11:45", "at 7pm", "shortly after midnight") is an expression of its
own, undated, unless a day is written next to it ("at 19:30 on Friday 1 May", "on Tuesday
at 4 a.m."), which dates the whole.

Durations ("for months", "several months", "after months of talks", "for two years") are not
points in time and are deliberately not matched; neither are recurring times ("every Monday",
"on Mondays") nor vague adverbs ("recently", "previously", "now").

Calendar dates (``Event.date``) are given only at day precision and only when certain:

* an absolute date with day, month and year is taken as written;
* a month and day without a year ("March 3") is placed in the year that puts it nearest to
  the publication date, and only if that is within 150 days of it (news omits the year for
  dates close to the story);
* "today", "tonight", "this morning", "earlier today" are the publication date, except a
  sentence-opening "Today" before a present-tense state ("Today it employs 140 people"),
  which means nowadays; "yesterday" and
  "last night" the day before; "tomorrow" the day after;
* a bare weekday ("on Monday", "by Wednesday", "since Friday") is the nearest such day on or
  before the publication date when the verb it belongs to is in the past tense, and the nearest
  one after it when that verb is in the future tense. The verb is the nearest verb group before
  the expression in its comma-delimited part of the clause ("the union said stoppages would
  begin on Saturday": "would begin"; "as reported by Bloomberg on Sunday": "reported"), or,
  for an expression standing alone between commas or fronted ("On Monday, the board voted"),
  the nearest one in the clause. "would"/"could" + verb count as future only as the future of a
  past reporting verb ("said it would ...") in a paragraph not set in an earlier week ("last
  Monday", "two weeks ago"), since otherwise the reference day is unknown. "since" always
  points back. A weekday inside a verbless phrase ("a premium to the closing price on
  Friday") has no tense and no date. "Friday next week" / "Monday last week" are counted in
  calendar weeks from the publication date. Without a clear tense, or with "last"/"next"/
  "this" (whose reading varies between writers), no date is given;
* everything else (months, years, weeks, quarters, "in April this year") has no single day:
  ``date`` is None. Nothing is resolved without a known publication date.

``Event.period`` names the month ("2025-04"), year ("2025") or quarter ("2025-Q3") when that is
certain but no single day is: a month or quarter with an explicit year, or with "this year" /
"last year" / "next year" and a known publication date; a year written out or given as "this
year", "last year", "next year"; "this month", "last month"; the year of a half ("the first
half of 2026"); the one year or month a span lies in ("between March and June last year":
the year; "from 1 to 3 May": the month, its year found as for "March 3"). A span of years,
a month without a year ("in August"), seasons, fiscal years, decades and weeks get no
period.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from generator.extract.prefilter import literal_prefixes, locator
from generator.extract.sentences import folded
from generator.models import Document, Event, Sentence

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def month_number(name: str) -> int | None:
    """1-12 for a month's name or usual abbreviation ("October", "Oct.", "Sept"), else None."""
    return _MONTHS.get(name.lower().rstrip("."))


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

_ZONE = r"(?-i:GMT|UTC|BST|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT)|local time"
_CLOCK_PREP = (
    r"(?:at|by|from|until|till|before|after|around|about|shortly (?:before|after)"
    r"|just (?:before|after))"
)
_AM_PM = r"(?:a\.m\.|p\.m\.|am|pm)"
_RANGE_TO = r"(?:and|to|until|till|through|[-–])"

_PATTERNS: list[tuple[str, str]] = [
    # between 2019 and 2022, between March and June (last year), from 1 to 3 May, 3-5 May,
    # March 3 to 5: a span, so no single day (see ``_range``)
    (
        "range",
        rf"\b(?:(?:between|from)\s+(?P<r_y1>{_YEAR})\s*{_RANGE_TO}\s*(?P<r_y2>{_YEAR})\b"
        rf"(?![\d%]|[.,]\d)"
        rf"|(?:between|from)\s+(?P<r_m1>{_MONTH_FULL})\s+{_RANGE_TO}\s+(?P<r_m2>{_MONTH_FULL})"
        rf"(?:,?\s+(?:of\s+)?(?P<r_my>{_YEAR_REF}))?\b"
        rf"|(?:(?:between|from)\s+)?(?P<r_d1>{_DAY})\s*{_RANGE_TO}\s*(?P<r_d2>{_DAY})\s+"
        rf"(?:of\s+)?(?P<r_dm>{_MONTH_ANY})(?:,?\s+(?P<r_dy>{_YEAR})\b)?"
        rf"|(?:(?:between|from)\s+)?(?P<r_md>{_MONTH_ANY})\s+(?P<r_d3>{_DAY})\s*{_RANGE_TO}\s*"
        rf"(?P<r_d4>{_DAY})\b(?!\s*%|\.\d|,\d)(?:,?\s+(?P<r_mdy>{_YEAR})\b)?)",
    ),
    # at 14:30 GMT, by 11:45, at 7pm, from 6 a.m., until midnight; 14:30 GMT. A time of day
    # names no day: ``_matches`` joins it to a day written next to it ("at 19:30 on Friday").
    (
        "clock",
        rf"\b(?:{_CLOCK_PREP}\s+(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{_AM_PM})?"
        rf"|(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*{_AM_PM}|noon|midnight)(?:\s+(?:{_ZONE}))?"
        rf"|(?:[01]?\d|2[0-3]):[0-5]\d\s+(?:{_ZONE}))(?![\w:])",
    ),
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
        rf"\b(?:(?P<y_prep>{_PREP}|for|early|late|mid|the end of|the start of)[\s-]+)?"
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
    r"|winter|season|fiscal|\d{4}s?|noon|midnight|\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|[ap]\.m\.)"
    r"|\d{1,2}:\d\d)(?!\w)",
    re.I,
)
_WORD_START = re.compile(r"(?<![\w'’\-])\w")
_MAX_LEAD_CHARS = 48

# Where a trigger may start: the start of a word beginning like one (see ``prefilter``).
_TRIGGER_AT = locator(literal_prefixes(_TRIGGER.pattern, re.I, word_start=True))


def _time_starts() -> dict[str, tuple[str, ...]] | None:
    """Lower-case strings one of which starts every time expression, keyed by their first
    character (None when some pattern has no such strings): ``_matches`` tries ``_TIME``
    only at word starts that begin with one."""
    starts = [literal_prefixes(body, re.I, word_start=True) for _, body in _PATTERNS]
    if any(s is None for s in starts):
        return None
    index: dict[str, tuple[str, ...]] = {}
    for prefix in sorted({p for ps in starts for p in ps or ()}):
        index[prefix[0]] = index.get(prefix[0], ()) + (prefix,)
    return index


_TIME_STARTS = _time_starts()


# Where, in folded text, a time expression may start: a word start (as ``_WORD_START``)
# that begins with one of those strings; and how far past it the test reads at most.
_TIME_AT = locator(
    tuple(p for ps in (_TIME_STARTS or {}).values() for p in ps) or None,
    r"(?<![\w'’\-])(?=\w)",
)
_TIME_AT_REACH = max((len(p) for ps in (_TIME_STARTS or {}).values() for p in ps), default=0)

_WORD_RUN = re.compile(r"\w+")


def _word_heads(prefixes: tuple[str, ...] | None) -> frozenset[str]:
    """Each ``prefix[:k]`` of ``prefixes`` where ``prefix[k]`` ends a word (is no ``\\w``)."""
    return frozenset(
        p[:k] for p in prefixes or () for k in range(1, len(p)) if not _WORD_RUN.match(p[k])
    )


# Each alternative of ``_TIME`` on its own (as the group ``k_<name>``, so ``lastgroup`` and
# the group names read the same): its ``match``, the strings one of which starts its every
# match (None: unknown) and their ``_word_heads``; ``_time_match`` tries only those the
# word at a start allows.
_TIME_KINDS = tuple(
    (re.compile(f"(?P<k_{name}>{body})", re.I).match, prefixes, _word_heads(prefixes))
    for name, body in _PATTERNS
    for prefixes in [literal_prefixes(body, re.I, word_start=True)]
)
# folded word -> the ``match`` of the alternatives that may match where it starts. Words
# recur, so each is decided once; bounded by clearing (it only saves time).
_KINDS_OF_WORD: dict[str, tuple[Callable[[str, int], re.Match[str] | None], ...]] = {}
_KINDS_CACHE_SIZE = 50_000

# Verb-group vocabulary for the tense of the verb a weekday belongs to (see the docstring).
_FUTURE_AUX = frozenset({"will", "shall", "won't", "wont", "won’t"})
_MODAL_AHEAD = frozenset({"may", "might", "should", "must", "can", "cannot", "can't", "can’t"})
_MODAL_BACKSHIFT = frozenset({"would", "could", "wouldn't", "couldn't", "wouldn’t", "couldn’t"})
_PRESENT_BE = frozenset({"is", "are", "am"})
_PAST_BE = frozenset({"was", "were", "wasn't", "weren't", "wasn’t", "weren’t"})
_HAVE = frozenset({"has", "have", "had", "hasn't", "haven't", "hadn't"})
_GROUP_FILLERS = frozenset(
    {"not", "never", "also", "already", "still", "just", "then", "be", "been", "being", "have",
     "has", "had", "soon", "now", "only", "finally", "probably", "likely"}
)  # fmt: skip
# After "is"/"was": a scheduled or intended event ("is due to", "was expected to").
_SCHEDULE = frozenset(
    {"set", "scheduled", "due", "expected", "slated", "poised", "going", "planned", "likely",
     "unlikely", "about", "to", "preparing", "planning", "supposed", "meant"}
)  # fmt: skip
# Present-tense verbs of intention before "to" + verb: "plans to raise rates from Monday".
_INTENT = frozenset(
    {"plans", "plan", "intends", "intend", "aims", "aim", "hopes", "hope", "expects", "expect",
     "wants", "want", "seeks", "seek", "vows", "vow", "promises", "promise", "pledges", "pledge",
     "threatens", "threaten", "prepares", "prepare", "proposes", "propose", "needs", "need"}
)  # fmt: skip
_IRREGULAR_PAST = frozenset(
    {
        "said", "told", "met", "made", "took", "gave", "began", "held", "won", "lost", "led",
        "sent", "spoke", "wrote", "came", "went", "saw", "found", "got", "left", "rose", "fell",
        "brought", "bought", "sold", "paid", "struck", "sought", "became", "ran", "drew", "grew",
        "chose", "broke", "spent", "kept", "heard", "felt", "fought", "built", "stood", "withdrew",
        "did", "hit", "put", "quit", "shut", "let", "cut", "thought", "knew", "flew", "drove",
        "threw", "swore", "forecast", "overtook", "undertook", "upheld", "oversaw", "tore", "wore",
        "shook", "sank", "swept", "blew", "burst", "slid", "hid", "bit", "rode", "rang", "sang",
        "swam", "sprang", "stole", "froze", "woke", "dealt", "meant", "lent", "bent", "fed",
        "fled", "bled", "sped", "slept", "wept", "crept", "dug", "stuck", "hung", "spun", "shot",
        "lit", "split", "spread", "upset", "cost", "hurt", "beat", "bore", "forgave", "forbade",
        "foresaw", "overcame", "overran", "overthrew", "underwent", "withheld", "withstood",
        "arose", "awoke", "ate", "caught", "taught", "laid", "understood", "sat", "shed",
        "strode", "swung", "thrust",
    }
)  # fmt: skip
_REPORTED_PAST = re.compile(
    r"\b(?:said|told|warned|announced|added|stated|confirmed|predicted|forecast|estimated|"
    r"reported|wrote|noted|indicated|signall?ed|promised|pledged|vowed|insisted|argued|claimed|"
    r"suggested|explained|revealed|acknowledged|expected|projected|signaled|cautioned)\b",
    re.I,
)
# A paragraph set in an earlier week: a reported "would" is relative to that time, not today.
_EARLIER_WEEK = re.compile(
    r"\b(?:last|previous)\s+(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\bago\b|\bearlier\s+this\s+(?:month|year)\b|\bthe\s+week\s+before\b",
    re.I,
)
# Whole words only: the "am" of "10am" is no verb.
_TOKEN = re.compile(r"(?<![\w.])[A-Za-z]+(?:['’][A-Za-z]+)?")
_SEGMENT_BREAK = re.compile(r"[,;:()\[\]]|\s[—–-]\s|—")
_INFINITIVE_BLOCKERS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
     "these", "those", "some", "all", "any", "each", "every", "no"}
)  # fmt: skip
_CALENDAR_WEEK = re.compile(r"\s+(?:of\s+)?(?P<which>next|last|this)\s+week\b", re.I)
_CLAUSE_SPLIT = re.compile(r"\s*(?:;|\s[—–]\s|—)\s*")
_YEAR_ALONE_OK_AFTER = re.compile(r"\s*(?:[,.;:)!?]|$|and\b|to\b|through\b|or\b)")
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\bthe|\ba|\ban|\bits|\btheir|\bhis|\bher|\bour|’s|'s)\s+$", re.I
)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# Capitalised heads of a law's or treaty's name that take its year ("Bribery Act 2010",
# "the 2010 Act"): the year is part of the name.
_LAW_WORDS = frozenset({"Act", "Acts", "Bill", "Regulations", "Directive", "Order", "Code",
                        "Convention", "Treaty", "Statute", "Ordinance"})
_LAW_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_LAW_WORDS)) + r")\s+$")
_COUNT_PAIR_AFTER = re.compile(r"\s*(?:and|to|or)\s+\d[\d,]*\s+([a-z]+)")
# "for (more than) two days before ...": how long, not when
_DURATION_BEFORE = re.compile(
    r"\bfor\s+(?:(?:more|less|fewer)\s+than\s+|about\s+|around\s+|nearly\s+|almost\s+|"
    r"over\s+|under\s+|at\s+least\s+|up\s+to\s+|some\s+|roughly\s+)?$", re.I)
_RECURRING_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.I)
# "last" after these is the verb ("expected to last three weeks", "will last"), not "past".
_VERB_LAST_BEFORE = re.compile(
    r"\b(?:to|will|would|could|may|might|should|can|must|did|does|not|won['’]t)\s+$", re.I
)
# After "for" + year: the year is the period a subject is about ("profit for 2026 would be").
_AUX_AFTER_YEAR = frozenset(
    {"would", "will", "was", "were", "is", "are", "has", "had", "could", "should", "might",
     "may", "must"}
)  # fmt: skip
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
    paragraph, before = -1, ""  # the paragraph's text before the current sentence
    for s in sentences:
        if s.paragraph != paragraph:
            paragraph, before = s.paragraph, ""
        if s.boilerplate:
            continue
        for start, end, m in _matches(s.text):
            when = s.text[start:end].strip()
            c_start, c_end = _clause(s.text, start)
            context = _Context(s.text, c_start, c_end, before + " " + s.text[:start])
            iso, period = _resolve(m, context, published)
            events.append(
                Event(
                    id=f"{doc.id}-e{len(events) + 1}",
                    when=when,
                    date=iso,
                    text=s.text[c_start:c_end],
                    source=doc.id,
                    sentence=s.id,
                    start=s.start + c_start,
                    end=s.start + c_end,
                    period=period,
                )
            )
        before += " " + s.text
    return events


class _Context(NamedTuple):
    """Where a time expression stands: its sentence, clause bounds and the paragraph so far.

    (A named tuple: one is made per time expression, and a frozen dataclass's ``__init__``
    costs several times as much.)"""

    sentence: str
    clause_start: int
    clause_end: int
    paragraph_before: str


# ------------------------------------------------------------------------------ matching


def _matches(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """Accepted time expressions in ``text``, left to right, not overlapping: (start, end,
    the match that dates it).

    For each trigger word, the expression is tried at the word starts shortly before it
    (leftmost first), so "in the third quarter" is found from "quarter". A time of day and
    the day written next to it ("at 19:30 on Friday 1 May", "on Tuesday at 14:30 GMT") are
    one expression, dated by the day.
    """
    out: list[tuple[int, int, re.Match[str]]] = []
    low = folded(text)
    pos = 0
    for t_start, t_end in _triggers(text, low):
        if t_start < pos:
            continue
        for i in _time_starts_in(text, low, max(pos, t_start - _MAX_LEAD_CHARS), t_start):
            m = _time_match(text, low, i)
            if m and m.end() >= t_end and _accept(text, m):
                found = _with_clock(text, low, m)
                out.append(found)
                pos = found[1]
                break
    return out


_CLOCK_THEN_DAY = re.compile(r"\s+(?:on\s+)?(?=\w)", re.I)
_DAY_KINDS = frozenset({"k_weekday", "k_month_day", "k_day_month", "k_day_rel", "k_iso"})


def _with_clock(text: str, low: str | None, m: re.Match[str]) -> tuple[int, int, re.Match[str]]:
    """(start, end, dating match) of ``m`` joined with a day after its clock time or a clock
    time after its day."""
    kind = m.lastgroup
    if kind == "k_clock":
        gap = _CLOCK_THEN_DAY.match(text, m.end())
        if gap is not None:
            day = _time_match(text, low, gap.end())
            if day is not None and day.lastgroup in _DAY_KINDS and _accept(text, day):
                return m.start(), day.end(), day
    elif kind in _DAY_KINDS and text.startswith((" at ", " by "), m.end()):
        clock = _time_match(text, low, m.end() + 1)
        if clock is not None and clock.lastgroup == "k_clock":
            return m.start(), clock.end(), m
    return m.start(), m.end(), m


def _time_match(text: str, low: str | None, i: int) -> re.Match[str] | None:
    """``_TIME.match(text, i)`` at a word start ``i``, its alternatives tried one by one.

    The alternation's match is that of its first alternative that matches. An alternative
    can match only where one of its literal prefixes starts in ``low`` (``fold(text)``);
    the word there rules most of them out, so only the rest are tried, in their order.
    """
    if low is None or _TIME_AT is None:
        return _TIME.match(text, i)
    for match in _kinds_at(_WORD_RUN.match(low, i).group()):  # type: ignore[union-attr]
        m = match(text, i)
        if m is not None:
            return m
    return None


def _kinds_at(word: str) -> tuple[Callable[[str, int], re.Match[str] | None], ...]:
    """The ``match`` of each alternative of ``_TIME`` that may match where ``word`` (a whole
    word of folded text) starts, in their order; cached per word.

    Folded text that opens with the whole word starts with a prefix when the word starts
    with it, or when the prefix goes on past the word with a character that ends a word
    (``word`` is then one of the prefix's ``_word_heads``)."""
    found = _KINDS_OF_WORD.get(word)
    if found is None:
        if len(_KINDS_OF_WORD) > _KINDS_CACHE_SIZE:
            _KINDS_OF_WORD.clear()
        found = _KINDS_OF_WORD[word] = tuple(
            match for match, prefixes, heads in _TIME_KINDS
            if prefixes is None or word.startswith(prefixes) or word in heads
        )
    return found


def _time_starts_in(text: str, low: str | None, lo: int, hi: int) -> list[int]:
    """The word starts in ``text[lo : hi + 1]``, left to right, where a time expression may
    start: all of them, or with ``low`` (``fold(text)``) only those ``_TIME_AT`` finds."""
    if low is None or _TIME_AT is None:
        return [w.start() for w in _WORD_START.finditer(text, lo, hi + 1)]
    # the test at ``hi`` reads at most _TIME_AT_REACH characters from there
    hits = _TIME_AT.finditer(low, lo, hi + _TIME_AT_REACH)
    return [hit.start() for hit in hits if hit.start() <= hi]


def _triggers(text: str, low: str | None) -> list[tuple[int, int]]:
    """(start, end) of each match of ``_TRIGGER.finditer(text)``, tried only where one can be.

    A start inside the previous trigger is skipped, as ``finditer`` resumes after each match
    ("10:40 p.m." holds the word start "40"), so matching at each possible start finds
    exactly what ``finditer`` does.
    """
    if low is None or _TRIGGER_AT is None:
        return [t.span() for t in _TRIGGER.finditer(text)]
    out: list[tuple[int, int]] = []
    end = 0
    for at in _TRIGGER_AT.finditer(low):
        if at.start() < end:
            continue
        t = _TRIGGER.match(text, at.start())
        if t is not None:
            out.append(t.span())
            end = t.end()
    return out


def _accept(text: str, m: re.Match[str]) -> bool:
    """Filter matches the pattern alone cannot judge (recurring days, names, bare numbers)."""
    before = text[max(0, m.start() - 12) : m.start()]
    if _RECURRING_BEFORE.search(before):
        return False
    kind = m.lastgroup
    if kind == "k_period" and _VERB_LAST_BEFORE.search(before) and m.group()[:4].lower() == "last":
        return False  # "expected to last three weeks": the verb, a duration
    if kind == "k_period" and m.group().lower().endswith(("before", "after")) and (
        _DURATION_BEFORE.search(text, max(0, m.start() - 24), m.start())
    ):
        return False  # "deliberated for more than two days before returning": a duration
    if kind == "k_range" and m.group("r_y2"):
        return _year_range_ok(text, m)
    if kind == "k_month" and not m.group("m_year") and m.group() == (m.group("month") or ""):
        # A bare month name: "the April release" yes, "April Ryan said" (a name) no.
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and nxt.group(1)[0].isupper():
            return False
    if kind == "k_may" and not (m.group("may_prep") or m.group("may_year")):
        return False
    if kind == "k_year" and (m.group("y_prep") or "").lower() in _WEAK_YEAR_PREPS:
        if m.group("y_prep") and m.group("y_prep").lower() == "for":
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt and nxt.group(1).lower() in _AUX_AFTER_YEAR:
                return True  # "profit for 2026 would be ...": the year as a subject's period
        return _bare_year_ok(text, m)
    return True


def _year_range_ok(text: str, m: re.Match[str]) -> bool:
    """"between 2019 and 2022" is a span of years; "between 2000 and 2500 people" counts."""
    if m.start("r_y1") > 0 and text[m.start("r_y1") - 1] in "$€£¥#":
        return False
    nxt = _NEXT_WORD.match(text, m.end())
    return not (nxt and nxt.group(1).islower() and nxt.group(1).endswith("s"))


def _bare_year_ok(text: str, m: re.Match[str]) -> bool:
    """A four-digit number without a preposition is a year only in year-like positions."""
    if m.start() > 0 and text[m.start() - 1] in "$€£¥#-/_.":
        return False  # an amount, a number sign or part of a name ("GPT-2024")
    if _LAW_BEFORE.search(text, max(0, m.start() - 14), m.start()) or (
        (nxt := _NEXT_WORD.match(text, m.end())) and nxt.group(1) in _LAW_WORDS
    ):
        return False  # "the Bribery Act 2010", "the 2010 Act": a law's name, not a time
    if _YEAR_ALONE_OK_AFTER.match(text, m.end()):
        # "between 2000 and 2500 workers": the first of two counts, not a year
        counted = _COUNT_PAIR_AFTER.match(text, m.end())
        return counted is None or not counted.group(1).endswith("s")
    if _ATTRIBUTIVE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
        nxt = _NEXT_WORD.match(text, m.end())
        # "the 2024 election" is a year; "the 2000 employees" is a count.
        return bool(nxt) and not nxt.group(1).lower().endswith("s")
    return False


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos`` (split at ";" and dashes), or the whole sentence if short."""
    start, end = 0, len(text)
    if ";" not in text and "\u2014" not in text and "\u2013" not in text:
        return start, end  # no separator at all (the common case): no scan
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


def _resolve(
    m: re.Match[str], ctx: _Context, published: date | None
) -> tuple[str | None, str | None]:
    """(ISO date, period) for the expression when certain (see the module docstring)."""
    kind = m.lastgroup
    if kind == "k_iso":
        return _safe_iso(*map(int, m.group("iso").split("-"))), None
    if kind == "k_range":
        return None, _range_period(m, published)
    if kind == "k_clock":
        return None, None  # a time of day alone: which day is not written
    if kind in ("k_month_day", "k_day_month"):
        g = "md" if kind == "k_month_day" else "dm"
        month, day, year = m.group(f"{g}_month"), m.group(f"{g}_day"), m.group(f"{g}_year")
        return _month_day(month, day, year, published), None
    if kind == "k_year":
        return None, m.group("year")
    if kind in ("k_month", "k_may"):
        if kind == "k_month":
            name, year = m.group("month"), m.group("m_year")
        else:
            name, year = "may", m.group("may_year")
        y = _year_of(year, published)
        return None, (f"{y}-{_MONTHS[name.lower()]:02d}" if y else None)
    if published is None:
        return None, None
    if kind == "k_day_rel":
        if _means_nowadays(m, ctx.sentence):
            return None, None
        return _relative_day(m.group("rel").lower(), published), None
    if kind == "k_weekday":
        return _weekday(m, ctx, published), None
    return None, _relative_period(kind, m.group(), published)


def _year_of(written: str | None, published: date | None) -> int | None:
    """The year a month or quarter is given with: written out, or relative to publication."""
    if not written:
        return None
    written = written.lower()
    if written[:1].isdigit():
        return int(written)
    shift = _YEAR_SHIFT.get(" ".join(written.split()))
    if published is None or shift is None:
        return None  # "the same year", "the previous year": relative to an unknown year
    return published.year + shift


_YEAR_SHIFT = {"this year": 0, "last year": -1, "next year": 1}


_QUARTER = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+"
    r"(?:the\s+year|(?P<y1>\d{4}|this year|last year|next year))"
    r"|(?-i:Q(?P<q>[1-4]))\s*(?P<y2>\d{4}))\b",
    re.I,
)
_HALF = re.compile(
    r"\b(?:(?:first|second|1st|2nd)\s+half\s+of\s+(?P<y>\d{4}|this year|last year|next year)"
    r"|(?-i:H[12])\s*(?P<hy>\d{4}))\b",
    re.I,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}  # fmt: skip
_REL_PERIOD = re.compile(
    r"^(?:(?:earlier|later)\s+)?(?P<which>this|last|next)\s+(?P<unit>year|month)$", re.I
)


def _relative_period(kind: str | None, when: str, published: date) -> str | None:
    """The period of "this year", "last month", "the third quarter of 2024" ...; else None."""
    text = " ".join(when.split())
    if kind == "k_quarter":
        q = _QUARTER.search(text)
        if not q:
            h = _HALF.search(text)  # a half of a named year lies in that year
            year = _year_of(h.group("y") or h.group("hy"), published) if h else None
            return str(year) if year else None
        if q.group("q"):
            return f"{q.group('y2')}-Q{q.group('q')}"
        y1 = q.group("y1") or "this year"  # "the first quarter of the year": this year
        year = _year_of(y1, published)
        return f"{year}-Q{_ORDINALS[q.group('ord').lower()]}" if year else None
    if kind in ("k_year_rel", "k_period"):
        r = _REL_PERIOD.match(text)
        if not r:
            return None
        shift = {"this": 0, "last": -1, "next": 1}[r.group("which").lower()]
        if r.group("unit").lower() == "year":
            return str(published.year + shift)
        month = published.year * 12 + published.month - 1 + shift
        return f"{month // 12}-{month % 12 + 1:02d}"
    return None


def _range_period(m: re.Match[str], published: date | None) -> str | None:
    """The one year or month a span lies in, when certain; a span names no single day."""
    if m.group("r_y1"):
        return m.group("r_y1") if m.group("r_y1") == m.group("r_y2") else None
    if m.group("r_m1"):
        first, last = _MONTHS[m.group("r_m1").lower()], _MONTHS[m.group("r_m2").lower()]
        year = _year_of(m.group("r_my"), published)
        if year is None or first > last:
            return None  # no year, or a span across the turn of the year
        return f"{year}-{first:02d}" if first == last else str(year)
    g = ("r_dm", "r_d1", "r_dy") if m.group("r_dm") else ("r_md", "r_d3", "r_mdy")
    month, day, year = m.group(g[0]), m.group(g[1]), m.group(g[2])
    # the year of the span's first day, as for a single "March 3" (nearest, if close)
    first_day = _month_day(month, day, year, published)
    if first_day is None:
        return None
    return first_day[:7]


# Present-tense verbs of a lasting state: "Today it employs 140 people" is the present era.
_STATE_VERBS = frozenset(
    {"employs", "employ", "has", "have", "is", "are", "remains", "remain", "lives", "live",
     "owns", "own", "houses", "stands", "lies", "sits", "holds", "boasts", "counts", "makes",
     "make", "produces", "produce", "runs", "serves", "contains", "belongs", "exists",
     "operates", "sells", "supplies", "numbers", "looks", "seems"}
)  # fmt: skip


def _means_nowadays(m: re.Match[str], sentence: str) -> bool:
    """A sentence-opening "Today" before a subject and a present-tense state verb ("Today it
    employs 140 people", "Today the town has two schools") means nowadays, not this day. A
    progressive or perfect ("is voting", "has voted") or a schedule ("is due to") is the day."""
    if m.start() > 2 or m.group("rel").lower() != "today":
        return False
    words = [w.lower() for w in _words(sentence[m.end() : m.end() + 60])][:5]
    for k in range(1, min(len(words), 4)):  # words[0] is the subject, never the verb
        if words[k] in _STATE_VERBS:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return not (
                nxt.endswith(("ing", "ed")) or nxt in _SCHEDULE or nxt in _IRREGULAR_PAST
                or nxt == "been"
            )
        if _is_verb_token(words[k], ""):
            return False
    return False


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


def _weekday(m: re.Match[str], ctx: _Context, published: date) -> str | None:
    """The day a weekday names, when its verb's tense or a calendar week makes it certain."""
    target = _WEEKDAYS[m.group("wd").lower()]
    week = _CALENDAR_WEEK.match(ctx.sentence, m.end())
    modifier = (m.group("wd_mod") or "").lower()
    if week and not modifier:  # "Friday next week": counted in calendar weeks
        shift = {"this": 0, "next": 7, "last": -7}[week.group("which").lower()]
        monday = published - timedelta(days=published.weekday())
        return (monday + timedelta(days=shift + target)).isoformat()
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if modifier == "past":  # "this past Monday"
        return (published - timedelta(days=back)).isoformat() if back else None
    if modifier == "coming":  # "this coming Monday"
        return (published + timedelta(days=ahead)).isoformat() if ahead else None
    if modifier:
        return None  # "last"/"next"/"this" Monday: writers differ
    prep = (m.group("wd_prep") or "on").lower()
    tense = "past" if prep == "since" else _tense(m, ctx)
    if tense == "past":
        return (published - timedelta(days=back)).isoformat()
    if tense == "future" and ahead:
        return (published + timedelta(days=ahead)).isoformat()
    return None


# ------------------------------------------------------------------------------ tense


def _tense(m: re.Match[str], ctx: _Context) -> str | None:
    """"past", "future" or None: the tense of the verb group the expression belongs to."""
    text = ctx.sentence
    seg_start, seg_end = _segment(text, m.start(), m.end(), ctx)
    left = _words(text[seg_start : m.start()])
    right = _words(text[m.end() : seg_end])
    found = _nearest_group(left, from_right=True)
    if found is None and right:
        found = _nearest_group(right, from_right=False)
    if found is None and not left:
        # The expression stands alone between commas or opens the clause: it belongs to the
        # clause's main verb, after it ("On Monday, the board voted") or before it.
        clause = text[ctx.clause_start : ctx.clause_end]
        offset = m.start() - ctx.clause_start
        after = _words(clause[offset + len(m.group()) :])
        found = _nearest_group(after, from_right=False) or _nearest_group(
            _words(clause[:offset]), from_right=True
        )
    if found is None:
        return None
    words, k = found
    return _classify(words, k, ctx, text[: m.start()])


def _segment(text: str, start: int, end: int, ctx: _Context) -> tuple[int, int]:
    """The comma-delimited part of the clause around text[start:end]."""
    seg_start, seg_end = ctx.clause_start, ctx.clause_end
    for b in _SEGMENT_BREAK.finditer(text, ctx.clause_start, ctx.clause_end):
        if b.end() <= start:
            seg_start = b.end()
        elif b.start() >= end:
            seg_end = b.start()
            break
    return seg_start, seg_end


def _words(text: str) -> list[str]:
    """Word tokens, keeping case (a capitalised "-ed" word is a name, not a verb)."""
    return _TOKEN.findall(text)


def _is_verb_token(word: str, nxt: str) -> bool:
    """A word that carries tense: an auxiliary or modal, a past form, an intention + "to"."""
    low = word.lower()
    if low in _FUTURE_AUX or low in _MODAL_AHEAD or low in _MODAL_BACKSHIFT:
        return True
    if low.endswith(("'ll", "’ll")):
        return True
    if low in _PRESENT_BE or low in _PAST_BE or low in _HAVE or low == "did":
        return True
    if low in _INTENT and nxt == "to":
        return True
    return word.islower() and (low in _IRREGULAR_PAST or (len(low) > 3 and low.endswith("ed")))


def _nearest_group(words: list[str], *, from_right: bool) -> tuple[list[str], int] | None:
    """(words, index of the first word of the nearest verb group), or None."""
    order = range(len(words) - 1, -1, -1) if from_right else range(len(words))
    for k in order:
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        if _is_verb_token(words[k], nxt):
            while k > 0 and (
                words[k - 1].lower() in _GROUP_FILLERS or _is_verb_token(words[k - 1], "")
                and words[k - 1].lower() not in _IRREGULAR_PAST
                and not words[k - 1].lower().endswith("ed")
            ):
                k -= 1  # "will have finished", "had already been": the group starts earlier
            return words, k
    return None


def _classify(words: list[str], k: int, ctx: _Context, before: str) -> str | None:
    """Tense of the verb group starting at words[k]."""
    low = [w.lower() for w in words]
    head = low[k]
    nxt = low[k + 1] if k + 1 < len(low) else ""
    if head in _FUTURE_AUX or head.endswith(("'ll", "’ll")):
        return "future"
    if head in _MODAL_AHEAD:
        return None if nxt == "have" else "future"
    if head in _MODAL_BACKSHIFT:
        if "have" in low[k + 1 : k + 3]:
            return None  # "would have done": a counterfactual, no event
        reported = _REPORTED_PAST.search(before) is not None
        shifted = _EARLIER_WEEK.search(ctx.paragraph_before) is not None
        return "future" if reported and not shifted else None
    if head in _PRESENT_BE:
        return "future" if nxt in _SCHEDULE or nxt.endswith("ing") else None
    if head in _PAST_BE:
        return None if nxt in _SCHEDULE else "past"
    if head in _HAVE:
        if nxt == "to":
            return None if head.startswith("had") else "future"
        return "past"
    if head in _INTENT:
        return "future"
    # A past form: "voted", "said". Before "to" + verb the time belongs to the infinitive,
    # which lies after the past decision ("agreed to pay by Friday"): no date.
    if nxt == "to" and k + 2 < len(low) and low[k + 2] not in _INFINITIVE_BLOCKERS:
        return None if words[k + 2].islower() else "past"
    if head in ("scheduled", "slated", "planned", "due") and nxt in ("for", "to"):
        return "future"  # "the vote scheduled for Friday"
    return "past"
