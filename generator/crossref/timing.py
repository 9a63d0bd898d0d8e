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
Only weekdays are read: they order within one week of publication, where news about a
restart almost always falls; months and durations ("at least a month") are left alone.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Restart:
    """The weekday (0 = Monday) a claim says something starts again; ``at_least``: not
    before that day, possibly later."""

    day: int
    at_least: bool


def restart_of(quote: str, concepts: dict[str, str], resumption: dict[str, str],
               negated: bool) -> Restart | None:
    """The restart ``quote`` names, if it names exactly one weekday and one side of the
    resumption concepts. ``concepts``: the claim's polarity concepts ({"open": "-"});
    ``negated``: the quote holds an explicit negator."""
    sides = {concepts[c] == sign for c, sign in resumption.items() if c in concepts}
    if len(sides) != 1:
        return None  # nothing stopped or restarted, or both named ("closed ... reopen")
    found = list(_WHEN_RE.finditer(quote))
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
    """Can the two not both be right, counting days from weekday ``start``?"""
    dx, dy = (x.day - start) % 7, (y.day - start) % 7
    if x.at_least and y.at_least:
        return False
    if not x.at_least and not y.at_least:
        return dx != dy
    exact, bound = (dx, dy) if y.at_least else (dy, dx)
    return exact < bound


__all__ = ["WEEKDAYS", "Restart", "restart_of", "restarts_disagree", "same_week", "week_start"]
