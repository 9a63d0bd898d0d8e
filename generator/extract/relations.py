"""Relations between the actors of one source, each with its sentence as evidence.

Rule-based: the actors' mentions are laid out per sentence in text order and the words
*between* two mentions (or right after one) are matched against a few precompiled
patterns. Predicates:

- ``develops``: "X's Y model", "Y, developed by X", "X released/launched Y" (Y an AI model)
- ``runs``: "X's initiative Y", "Y, X's initiative" (Y a programme)
- ``granted_access`` / ``seeks_access`` / ``excluded_from``: the actor that has, wants or
  lacks access, and what to ("access to Y"; otherwise the AI model or programme the source
  mentioned last, in this or the five previous sentences)
- ``grants_access``: "X granted Y access"
- ``opposes``, ``supports``, ``informs``: "X's opposition to Y", "X welcomed Y",
  "X informed/told Y"
- ``reports_on``: an outlet named as the channel ("told X", "as reported by X", "X reported")
  reports on the other actors of that sentence
- ``works_for``: from the roles found with the actors
- ``part_of``: "the X's Y" where Y is a body (office, ministry, institute) of X

Each (subject, predicate, object) is kept once per source, with its first evidence.
"""

from __future__ import annotations

import re

from generator.models import Document, LocalActor, Mention, Relation, Sentence

_POSS = r"['’]s\s+"
# "X's Y", "X's new model Y", "X's cybersecurity project "Y"" -- but not "X's access to Y".
_OWNED_GAP = re.compile(
    rf"^{_POSS}(?:(?!(?:to|of|for|by|in|on|with|from|and|access|plan|opposition)\b)[\w-]+\s+)"
    r"{0,3}[\"“]?$"
)
_OWNER_AFTER = re.compile(
    rf"^{_POSS}(?:[\w-]+\s+){{0,2}}(?P<noun>model|initiative|project|programme|program|"
    r"system|chatbot|platform|product|plan)\b"
)
_BY = re.compile(
    r"^,?\s*(?:which\s+(?:was|is)\s+|that\s+(?:was|is)\s+)?(?:developed|built|made|created|"
    r"released|launched|trained|designed|run|operated)\s+by\s+(?:the\s+)?$"
)
_MADE = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+)?(?:released|launched|unveiled|introduced|developed|built|"
    r"created|trained|rolled\s+out|debuted|announced)\s+(?:its\s+|the\s+|a\s+|an\s+|new\s+)*"
    r"(?:[\w-]+\s+){0,3}$"
)
_INFORM = re.compile(
    r"^\s+(?:had\s+|has\s+|have\s+)?(?:informed|told|notified|warned|briefed|assured|"
    r"reminded)\s+(?:the\s+)?$"
)
_OPPOSE = re.compile(
    rf"^(?:{_POSS})?(?:\s*(?:strongly\s+|firmly\s+)?(?:opposition|objection|resistance)\s+to|"
    r"\s+(?:\w+ly\s+)?(?:opposes|opposed|oppose|rejected|rejects|blocked|blocks|sued|sues|"
    r"criticised|criticized|condemned))\s+(?:the\s+)?$"
)
_SUPPORT = re.compile(
    rf"^(?:{_POSS})?(?:\s*support\s+for|\s+(?:\w+ly\s+)?(?:welcomed|welcomes|supports|"
    r"supported|backed|backs|endorsed|endorses|praised|praises))\s+(?:the\s+)?$"
)
_GRANTS = re.compile(r"^\s+(?:has\s+|have\s+|had\s+)?(?:granted|gave|given|offered)\s+(?:the\s+)?$")
_ACCESS_GRANTED = re.compile(
    r"^\s*(?:has\s+|have\s+|had\s+)?(?:already\s+|now\s+|also\s+|successfully\s+)?"
    r"(?:been\s+|was\s+|were\s+)?(?:granted|given|obtained|received|gained|secured|won)\s+"
    r"(?:[\w-]+\s+){0,2}access\b"
)
_ACCESS_SOUGHT = re.compile(
    r"^\s*(?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:now\s+|also\s+)?"
    r"(?:seeking|seeks|sought|seek|requested|requesting|requests|wants|wanted|pushing\s+for|"
    r"pressing\s+for|asked\s+for|applied\s+for|lobbying\s+for)\s+(?:[\w-]+\s+){0,2}access\b"
)
_EXCLUDED = re.compile(
    r"^\s*(?:remains?|remained|is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:still\s+|now\s+|currently\s+)?(?:excluded|denied(?:\s+access)?|barred|locked\s+out|"
    r"shut\s+out|left\s+out|cut\s+off)\b"
)
# Every pattern the words between two mentions are tried against, and every pattern tried
# right after a mention, as one alternation each: most gaps match none of them, and one
# failed ``match`` settles that where trying each pattern in turn cost seven (or three).
_ANY_GAP = re.compile("|".join(f"(?:{p.pattern})" for p in (
    _OWNED_GAP, _BY, _MADE, _INFORM, _OPPOSE, _SUPPORT, _GRANTS)))
_ANY_ACCESS = re.compile("|".join(f"(?:{p.pattern})" for p in (
    _ACCESS_GRANTED, _ACCESS_SOUGHT, _EXCLUDED)))
_ACCESS_TO = re.compile(r"access\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")
_REPORT_BEFORE = re.compile(
    r"(?:\btold|\btelling|(?:speaking|talking|spoke|said)\s+to|reported\s+by|according\s+to|"
    r"interview\s+with|first\s+reported\s+by)\s+(?:the\s+)?$",
    re.I,
)
_REPORT_AFTER = re.compile(r"^\s+(?:first\s+)?(?:reported|reports|revealed|reveals)\b")
_MAX_GAP = 120  # characters between two mentions that a pattern may span
_OBJECT_LOOKBACK = 5  # sentences to look back for the thing access is about


def _by_sentence(actors: list[LocalActor]) -> dict[str, list[tuple[Mention, LocalActor]]]:
    out: dict[str, list[tuple[Mention, LocalActor]]] = {}
    for actor in actors:
        for mention in actor.mentions:
            out.setdefault(mention.sentence, []).append((mention, actor))
    for items in out.values():
        items.sort(key=lambda item: (item[0].start, item[0].end))
    return out


class _Collector:
    """Relations in first-seen order, one per (subject, predicate, object)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.seen: set[tuple[str, str, str]] = set()
        self.items: list[Relation] = []

    def add(self, subject: str, predicate: str, obj: str, sentence: str, text: str) -> None:
        if subject == obj:
            return
        triple = (subject, predicate, obj)
        if triple not in self.seen:
            self.seen.add(triple)
            self.items.append(Relation(subject, predicate, obj, self.source, sentence,
                                       " ".join(text.split())))


def _pair_relations(doc: Document, sid: str, items: list[tuple[Mention, LocalActor]],
                    out: _Collector) -> None:
    """Patterns on the words between two mentions (a before b) of one sentence."""
    for n, (ma, a) in enumerate(items):
        for mb, b in items[n + 1 :]:
            if mb.start - ma.end > _MAX_GAP or a.key == b.key:
                continue
            gap = doc.text[ma.end : mb.start]
            if _ANY_GAP.match(gap) is None:
                continue  # most pairs: no pattern of ``_one_pair`` can match
            _one_pair(a, b, gap, sid, doc.text[ma.start : mb.end], out)


def _one_pair(a: LocalActor, b: LocalActor, gap: str, sid: str, evidence: str,
              out: _Collector) -> None:
    if _OWNED_GAP.match(gap):
        if b.type == "ai_model":
            out.add(a.key, "develops", b.key, sid, evidence)
        elif b.type == "programme":
            out.add(a.key, "runs", b.key, sid, evidence)
        elif b.type in ("organisation", "government") and a.type in (
            "organisation", "government", "place"
        ) and not gap.strip("'’s \t"):
            out.add(b.key, "part_of", a.key, sid, evidence)
    if a.type in ("ai_model", "programme") and _BY.match(gap):
        out.add(b.key, "develops" if a.type == "ai_model" else "runs", a.key, sid, evidence)
    if b.type in ("ai_model", "programme") and _MADE.match(gap):
        out.add(a.key, "develops" if b.type == "ai_model" else "runs", b.key, sid, evidence)
    if b.type != "media" and _INFORM.match(gap):
        out.add(a.key, "informs", b.key, sid, evidence)
    if _OPPOSE.match(gap):
        out.add(a.key, "opposes", b.key, sid, evidence)
    if _SUPPORT.match(gap):
        out.add(a.key, "supports", b.key, sid, evidence)
    if _GRANTS.match(gap):
        out.add(a.key, "grants_access", b.key, sid, evidence)


def _owner_after(doc: Document, sid: str, items: list[tuple[Mention, LocalActor]],
                 out: _Collector) -> None:
    """"Project Y, X's initiative": X runs Y (owner named in an apposition)."""
    for n in range(len(items) - 1):
        (ma, a), (mb, b) = items[n], items[n + 1]
        if a.type not in ("ai_model", "programme") or b.type not in (
            "organisation", "government", "place"
        ):
            continue
        if doc.text[ma.end : mb.start].strip() not in (",", "—", "–", ", the"):
            continue
        m = _OWNER_AFTER.match(doc.text[mb.end : mb.end + 80])
        if m is None:
            continue
        noun = m.group("noun")
        predicate = "develops" if noun in ("model", "chatbot", "system", "product") else "runs"
        out.add(b.key, predicate, a.key, sid, doc.text[ma.start : mb.end + m.end()])


def _access(doc: Document, sid: str, items: list[tuple[Mention, LocalActor]],
            recent: list[str], out: _Collector) -> None:
    """Who has, seeks or lacks access, and to what."""
    for n, (m, actor) in enumerate(items):
        after = doc.text[m.end : m.end + 100]
        if _ANY_ACCESS.match(after) is None:
            continue  # none of the three patterns below can match
        for pattern, predicate in (
            (_ACCESS_GRANTED, "granted_access"),
            (_ACCESS_SOUGHT, "seeks_access"),
            (_EXCLUDED, "excluded_from"),
        ):
            match = pattern.match(after)
            if match is None:
                continue
            target = _access_target(doc, m, items[n + 1 :], match.end()) or (
                recent[-1] if recent else None
            )
            if target is not None:
                out.add(actor.key, predicate, target, sid,
                        doc.text[m.start : m.end + match.end()])


def _access_target(doc: Document, m: Mention, later: list[tuple[Mention, LocalActor]],
                   offset: int) -> str | None:
    """The actor named right after "access to" (within a few words), if any."""
    for mb, b in later:
        if b.type not in ("ai_model", "programme", "organisation", "other"):
            continue
        gap = doc.text[m.end + offset : mb.start]
        if len(gap) <= 60 and (_ACCESS_TO.search(doc.text[m.end : mb.start]) or not gap.strip()):
            return b.key
    return None


def _reports(doc: Document, sid: str, sentence: Sentence,
             items: list[tuple[Mention, LocalActor]], out: _Collector) -> None:
    """An outlet named as the channel of the sentence reports on its other actors."""
    for m, actor in items:
        if actor.type != "media":
            continue
        before = doc.text[max(sentence.start, m.start - 40) : m.start]
        after = doc.text[m.end : m.end + 30]
        if not (_REPORT_BEFORE.search(before) or _REPORT_AFTER.match(after)):
            continue
        for _, other in items:
            if other.type != "media":
                out.add(actor.key, "reports_on", other.key, sid, sentence.text)


def _works_for(actors: list[LocalActor], known: set[str], out: _Collector) -> None:
    for actor in actors:
        for role in actor.roles:
            if role.organisation and role.organisation in known:
                out.add(actor.key, "works_for", role.organisation, role.sentence, role.title)


def find_relations(
    doc: Document, sentences: list[Sentence], actors: list[LocalActor]
) -> list[Relation]:
    """Relations between the source's actors, deduplicated, in text order."""
    out = _Collector(doc.id)
    types = {a.key: a.type for a in actors}
    mentions = _by_sentence(actors)
    recent: list[str] = []  # AI models / programmes of the last few sentences, latest last
    window: list[list[str]] = []
    for sentence in sentences:
        items = mentions.get(sentence.id, [])
        if not sentence.boilerplate and items:
            here = [a.key for _, a in items if a.type in ("ai_model", "programme")]
            _pair_relations(doc, sentence.id, items, out)
            _owner_after(doc, sentence.id, items, out)
            _access(doc, sentence.id, items, recent + here, out)
            _reports(doc, sentence.id, sentence, items, out)
        else:
            here = []
        window.append(sorted(set(here), key=here.index))
        window = window[-(_OBJECT_LOOKBACK + 1) :]
        recent = _recent(window, types)
    _works_for(actors, {a.key for a in actors}, out)
    return out.items


def _recent(window: list[list[str]], types: dict[str, str]) -> list[str]:
    """The AI models and programmes of the window's sentences, each once, latest last, models
    after programmes (access is usually to a model, and the last one is taken)."""
    if not any(window):
        return []  # most windows: no model or programme mentioned
    recent = [k for keys in window for k in keys]
    recent = sorted(set(recent), key=lambda k: max(i for i, x in enumerate(recent) if x == k))
    recent.sort(key=lambda k: types.get(k) == "ai_model")
    return recent

