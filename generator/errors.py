"""Errors that name the file and line and say how to fix the problem."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    path: str  # project-relative path of the offending file
    message: str  # what is wrong
    hint: str = ""  # how to fix it
    line: int | None = None
    column: int | None = None
    severity: str = "error"  # "error" | "warning"

    def location(self) -> str:
        loc = self.path
        if self.line is not None:
            loc += f":{self.line}"
            if self.column is not None:
                loc += f":{self.column}"
        return loc

    def __str__(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class BriefingError(Exception):
    """Raised for bad input; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
