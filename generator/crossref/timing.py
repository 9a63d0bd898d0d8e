"""When a stopped service or place starts again, as a claim gives it, and whether two
claims disagree on it.

"Sailings will resume on Friday" and "crossings will not restart before Sunday" share no
figure and hardly a word, yet cannot both be right; nor can "the line will stay closed
until Thursday" and "the line will reopen on Saturday". Each names a *restart*: a weekday,
exact ("resume on Friday", "closed until Thursday": open again that day) or a lower bound
("not restart before Sunday", "reopen on Saturday at the earliest"). Two exact days that
differ disagree, and so does an exact day before another claim's lower bound.

Which side of a state concept means "running again" is general knowledge in
``claim_frames.yml`` (``resumption``): "~open+" (reopened), "~suspend-" (resumed, restored).
Weekdays order within one week of publication, where news about a restart almost always
falls. Two relative periods are read too, counted in days from publication: "next week" on
the running-again side (the days of the coming week), and a duration on the stopped side
("will remain shut for at least a month": not open again for 28 days or more, so it cannot
"reopen next week"). Named months and dates are left alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# "[on|by|from|until|before] [early|late] Friday [morning] [at the earliest]"
_WHEN_RE = re.compile(
    r"(?<![\w-])(?:(on|by|from|until|till|before)\s+)?(?:(?:early|late)\s+)?"
    r"(" + "|".join(WEEKDAYS) + r")(?![\w-])"
    r"(?:\s+(?:morning|afternoon|evening|night))?(\s+at\s+the\s+earliest)?",
    re.I,
)
_EXACT_AFTER_RESUMING = frozenset({None, "on", "by"})  # "will resume (on) Friday"
_END_OF_STOP = frozenset({"until", "till", "before"})  # "closed until Thursday"


# "[for] [at least|more than] two weeks", "for a month": how long a stop lasts
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12}
# the fewest and most days a unit may be: a month is 28 to 31 days
_UNIT_DAYS = {"day": (1, 1), "week": (7, 7), "fortnight": (14, 14), "month": (28, 31),
              "year": (365, 366)}
_FOR_PERIOD_RE = re.compile(
    r"(?<![\w-])for\s+(?:(at\s+least|more\s+than|over)\s+)?(\d{1,3}|"
    + "|".join(_NUMBER_WORDS) + r")\s+(day|week|fortnight|month|year)s?(?![\w-])",
    re.I,
)
_NEXT_WEEK_RE = re.compile(r"(?<![\w-])next\s+week(?![\w-])", re.I)

WEEKDAY, NEXT_WEEK, DAYS = "weekday", "next_week", "days"


@dataclass(frozen=True)
class Restart:
    """When a claim says something starts again. ``kind`` WEEKDAY: on weekday ``day`` (0 =
    Monday); NEXT_WEEK: some day of the coming week; DAYS: ``day`` to ``day + span`` days
    after publication. ``at_least``: not before then, possibly later."""

    day: int
    at_least: bool
    kind: str = WEEKDAY
    span: int = 0

    def window(self, start: int) -> tuple[float, float]:
        """The first and last day from publication (on weekday ``start``) it may be."""
        if self.kind == WEEKDAY:
            first = (self.day - start) % 7
        elif self.kind == NEXT_WEEK:
            first = 7 - start  # the coming Monday
        else:
            first = self.day
        return first, math.inf if self.at_least else first + self.span


def restart_of(quote: str, concepts: dict[str, str], resumption: dict[str, str],
               negated: bool) -> Restart | None:
    """The restart ``quote`` names, if it names exactly one weekday and one side of the
    resumption concepts. ``concepts``: the claim's polarity concepts ({"open": "-"});
    ``negated``: the quote holds an explicit negator."""
    sides = {concepts[c] == sign for c, sign in resumption.items() if c in concepts}
    if len(sides) != 1:
        return None  # nothing stopped or restarted, or both named ("closed ... reopen")
    found = list(_WHEN_RE.finditer(quote))
    if not found:
        return _period_restart(quote, running=sides.pop())
    if len(found) != 1:
        return None  # "suspended on Wednesday and will resume on Friday": which is which?
    prep = found[0].group(1)
    prep = prep.lower() if prep else None
    day = WEEKDAYS.index(found[0].group(2).lower())
    earliest = found[0].group(3) is not None
    if sides.pop():  # running again: "will resume on Friday", "reopens from Monday"
        if prep in _EXACT_AFTER_RESUMING:
            return Restart(day, earliest)
        return Restart(day, True) if prep == "from" else None
    if prep in _END_OF_STOP:
        # "will not restart before Sunday": Sunday at the earliest; "will stay closed until
        # Thursday": open again on Thursday. "Closed on Wednesday" names the stop, not its end
        return Restart(day, negated)
    return None


def _period_restart(quote: str, running: bool) -> Restart | None:
    """A restart given as a relative period: "will reopen next week" (running again), "will
    remain shut for at least a month" (stopped, from about now)."""
    if running:
        if "next" in quote.lower() and len(_NEXT_WEEK_RE.findall(quote)) == 1:
            return Restart(0, False, NEXT_WEEK, 6)
        return None
    found = list(_FOR_PERIOD_RE.finditer(quote)) if "for " in quote.lower() else []
    if len(found) != 1:
        return None
    bound, number, unit = found[0].groups()
    count = int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
    fewest, most = _UNIT_DAYS[unit.lower()]
    return Restart(count * fewest, bound is not None, DAYS, count * (most - fewest))


def week_start(published: str | None) -> int:
    """The weekday days are counted from: the publication's, else Monday."""
    if published:
        try:
            return date.fromisoformat(published[:10]).weekday()
        except ValueError:
            pass
    return 0


def same_week(a: str | None, b: str | None) -> bool:
    """Can weekdays in reports published on ``a`` and ``b`` name the same days? Not when
    the two are known to be a week or more apart."""
    if not (a and b):
        return True
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) < 7
    except ValueError:
        return True


def restarts_disagree(x: Restart, y: Restart, start: int) -> bool:
    """Can the two not both be right, counting days from weekday ``start``? Only when the
    days each allows do not overlap."""
    (fx, lx), (fy, ly) = x.window(start), y.window(start)
    return lx < fy or ly < fx


__all__ = ["DAYS", "NEXT_WEEK", "WEEKDAY", "WEEKDAYS", "Restart", "restart_of",
           "restarts_disagree", "same_week", "week_start"]
