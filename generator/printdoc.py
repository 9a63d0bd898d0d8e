"""The whole briefing as ONE self-contained HTML document, and the PDF made from it.

One Jinja2 template (``templates/print/briefing.html.j2``, overridable through
``project.override_templates``) serves both: the browser ignores the paged-media
CSS (``@page``, ``target-counter``, running strings) and WeasyPrint uses it.

Self-contained means: styles inline, the network diagram inline SVG, no
``<script>``, no ``<link rel=stylesheet>``, no image or font fetched from
anywhere. Every ``href`` in the document is an ``#anchor``. Source URLs are
shown as text, not links: a reader can copy them, but opening the file never
points at, or loads from, another host. Everything from the seeds goes through
Jinja2 autoescape; nothing from the data is marked safe except the network SVG,
which ``generator.network`` escapes itself.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import __version__
from generator.models import ACTOR_TYPES, Actor, Briefing, Claim, Source, timeline_key
from generator.network import TYPE_LABELS, render_network_svg
from generator.project import Project

TEMPLATE = "print/briefing.html.j2"
MAX_MENTIONS_LISTED = 25  # per actor; the rest are counted, so a big corpus stays readable

# (anchor, title): the top-level sections, in order. The PDF outline has exactly these
# at its top level; tests compare the two.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("sec-bottom-line", "Bottom line"),
    ("sec-key-judgements", "Key judgements"),
    ("sec-claims", "Claims"),
    ("sec-actors", "Actors"),
    ("sec-sources", "Sources"),
    ("sec-timeline", "Timeline"),
    ("sec-network", "Actor network"),
    ("sec-appendix", "Appendix: source texts"),
)
STATUS_ORDER = {"corroborated": 0, "contested": 1, "single-source": 2}


class Anchors:
    """Document-wide unique, valid HTML ids for things of different kinds.

    Actor, claim and source ids come from different namespaces and might clash
    (or contain characters that are not valid in an id), so every id is
    prefixed with its kind and sanitised; a clash after sanitising gets a short
    content hash, never a counter, so ids do not depend on order.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._taken: set[str] = {anchor for anchor, _ in SECTIONS}

    def __call__(self, kind: str, *raw: str) -> str:
        key = (kind, "\x1f".join(raw))
        if key not in self._ids:
            base = kind + "-" + re.sub(r"[^A-Za-z0-9_-]+", "-", "-".join(raw)).strip("-")
            anchor = base
            if anchor in self._taken:
                anchor = f"{base}-{hashlib.sha256(key[1].encode()).hexdigest()[:8]}"
            self._taken.add(anchor)
            self._ids[key] = anchor
        return self._ids[key]


@dataclass
class Link:
    text: str
    href: str  # always "#..." in this document


@dataclass
class SentenceView:
    anchor: str
    id: str
    text: str
    truncated: bool
    boilerplate: bool
    note: str | None


@dataclass
class SourceView:
    source: Source
    anchor: str
    text_anchor: str
    label: str
    key_points: list[tuple[Link, str]]
    actors: list[Link]
    claims: list[Link]
    sentences: list[SentenceView]
    paragraphs: list[list[SentenceView]]


@dataclass
class ClaimView:
    claim: Claim
    anchor: str
    number: int
    actors: list[Link]
    evidence: list[dict[str, object]]  # {link, quote, attribution, hedges}
    conflicts: list[Link]


@dataclass
class ActorView:
    actor: Actor
    anchor: str
    type_label: str
    roles: list[str]
    statements: list[Link]
    claims: list[Link]
    related: list[tuple[Link, str]]
    mentions: list[tuple[Link, str]]
    more_mentions: int


@dataclass
class PrintContext:
    title: str
    generator_version: str
    sections: tuple[tuple[str, str], ...]
    sources: list[SourceView]
    claims: list[ClaimView]
    bottom_line: list[ClaimView]
    judgements: dict[str, list[ClaimView]]
    actor_groups: list[tuple[str, list[ActorView]]]
    timeline: list[dict[str, object]]
    network_svg: Markup
    truncated_sources: list[SourceView]
    counts: dict[str, int]
    date_range: str | None
    outlets: list[str] = field(default_factory=list)


def _source_label(source: Source) -> str:
    return source.title or source.outlet or source.path


def _sentence_link(anchors: Anchors, labels: dict[str, str], source: str, sentence: str) -> Link:
    label = f"{labels.get(source, source)}, {sentence}"
    return Link(label, "#" + anchors("sent", source, sentence))


def _source_views(briefing: Briefing, anchors: Anchors, claims_by_source: dict[str, list[Link]],
                  actors_by_source: dict[str, list[Link]]) -> list[SourceView]:
    views = []
    for source in sorted(briefing.sources, key=lambda s: s.id):
        sentences = [
            SentenceView(anchors("sent", source.id, s.id), s.id, s.text, s.truncated,
                         s.boilerplate, s.note)
            for s in source.sentences
        ]
        by_id = {s.id: s for s in sentences}
        paragraphs: dict[int, list[SentenceView]] = defaultdict(list)
        for s, view in zip(source.sentences, sentences, strict=True):
            paragraphs[s.paragraph].append(view)
        key_points = [
            (Link(sid, "#" + by_id[sid].anchor), by_id[sid].text)
            for sid in source.summary if sid in by_id
        ]
        views.append(SourceView(
            source=source,
            anchor=anchors("source", source.id),
            text_anchor=anchors("text", source.id),
            label=_source_label(source),
            key_points=key_points,
            actors=actors_by_source.get(source.id, []),
            claims=claims_by_source.get(source.id, []),
            sentences=sentences,
            paragraphs=[paragraphs[k] for k in sorted(paragraphs)],
        ))
    return views


def _claim_views(briefing: Briefing, anchors: Anchors, labels: dict[str, str],
                 names: dict[str, str]) -> list[ClaimView]:
    ordered = sorted(
        briefing.claims,
        key=lambda c: (STATUS_ORDER.get(c.status, 9), -len({a.source for a in c.appearances}),
                       c.id),
    )
    views = []
    for number, claim in enumerate(ordered, 1):
        evidence = []
        for ap in sorted(claim.appearances, key=lambda a: (a.source, a.start, a.sentence)):
            if ap.attributed_to and ap.attributed_to in names:
                who: Link | str = Link(names[ap.attributed_to],
                                       "#" + anchors("actor", ap.attributed_to))
            else:
                who = ap.attribution_text or ("the outlet" if ap.attribution_kind == "outlet"
                                              else ap.attribution_kind)
            evidence.append({
                "link": _sentence_link(anchors, labels, ap.source, ap.sentence),
                "source": Link(labels.get(ap.source, ap.source),
                               "#" + anchors("source", ap.source)),
                "quote": ap.quote,
                "attribution": who,
                "verb": ap.reporting_verb,
                "hedges": list(ap.hedges),
            })
        views.append(ClaimView(
            claim=claim,
            anchor=anchors("claim", claim.id),
            number=number,
            actors=[Link(names[a], "#" + anchors("actor", a)) for a in claim.actors if a in names],
            evidence=evidence,
            conflicts=[Link(c, "#" + anchors("claim", c)) for c in claim.conflicts_with],
        ))
    return views


def _actor_views(briefing: Briefing, anchors: Anchors, labels: dict[str, str],
                 names: dict[str, str],
                 claims: list[ClaimView]) -> list[tuple[str, list[ActorView]]]:
    involved: dict[str, list[Link]] = defaultdict(list)
    said: dict[str, list[Link]] = defaultdict(list)
    for view in claims:
        link = Link(f"C{view.number}: {view.claim.text}", "#" + view.anchor)
        for actor_id in view.claim.actors:
            involved[actor_id].append(link)
        speakers = {a.attributed_to for a in view.claim.appearances if a.attributed_to}
        for actor_id in sorted(speakers):
            said[actor_id].append(link)
    related: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for rel in briefing.relations:
        if rel.subject in names and rel.object in names and rel.subject != rel.object:
            related[rel.subject][(rel.object, rel.predicate.replace("_", " "))] += 1
            related[rel.object][(rel.subject, rel.predicate.replace("_", " ") + " (object)")] += 1
    groups = []
    for actor_type in ACTOR_TYPES:
        members = sorted((a for a in briefing.actors if a.type == actor_type),
                         key=lambda a: (a.name.casefold(), a.id))
        if actor_type == "other":
            members += sorted((a for a in briefing.actors if a.type not in ACTOR_TYPES),
                              key=lambda a: (a.name.casefold(), a.id))
        if not members:
            continue
        views = []
        for actor in members:
            mentions = sorted(actor.mentions, key=lambda m: (m.source, m.start, m.sentence))
            views.append(ActorView(
                actor=actor,
                anchor=anchors("actor", actor.id),
                type_label=TYPE_LABELS.get(actor.type, actor.type),
                roles=sorted({_role_text(r, names) for r in actor.roles}),
                statements=said.get(actor.id, []),
                claims=involved.get(actor.id, []),
                related=[(Link(names[other], "#" + anchors("actor", other)), predicate)
                         for (other, predicate), _ in sorted(related[actor.id].items())],
                mentions=[(_sentence_link(anchors, labels, m.source, m.sentence), m.text)
                          for m in mentions[:MAX_MENTIONS_LISTED]],
                more_mentions=max(0, len(mentions) - MAX_MENTIONS_LISTED),
            ))
        groups.append((TYPE_LABELS.get(actor_type, actor_type), views))
    return groups


def _role_text(role: object, names: dict[str, str]) -> str:
    title = getattr(role, "title", "")
    org = getattr(role, "organisation", None)
    qualifier = getattr(role, "qualifier", None)
    text = title
    if org:
        text += f", {names.get(org, org)}"
    if qualifier:
        text += f" ({qualifier})"
    return text


def _timeline(briefing: Briefing, anchors: Anchors,
              labels: dict[str, str]) -> list[dict[str, object]]:
    events = sorted(briefing.events, key=timeline_key)
    return [
        {"when": e.when, "date": e.date, "text": e.text,
         "link": _sentence_link(anchors, labels, e.source, e.sentence)}
        for e in events
    ]


def build_context(briefing: Briefing, title: str = "Briefing") -> PrintContext:
    """Everything the print template needs, ordered and cross-linked; pure function."""
    anchors = Anchors()
    labels = {s.id: _source_label(s) for s in briefing.sources}
    names = {a.id: a.name for a in briefing.actors}
    claims = _claim_views(briefing, anchors, labels, names)
    claims_by_source: dict[str, list[Link]] = defaultdict(list)
    for view in claims:
        for source_id in sorted({a.source for a in view.claim.appearances}):
            claims_by_source[source_id].append(Link(f"C{view.number}", "#" + view.anchor))
    actors_by_source: dict[str, list[Link]] = defaultdict(list)
    for actor in sorted(briefing.actors, key=lambda a: (a.name.casefold(), a.id)):
        for source_id in sorted({m.source for m in actor.mentions}):
            actors_by_source[source_id].append(Link(actor.name, "#" + anchors("actor", actor.id)))
    sources = _source_views(briefing, anchors, claims_by_source, actors_by_source)
    judgements: dict[str, list[ClaimView]] = {
        status: [c for c in claims if c.claim.status == status]
        for status in ("corroborated", "contested", "single-source")
    }
    dates = sorted(s.published for s in briefing.sources if s.published)
    svg = render_network_svg(briefing, lambda actor_id: "#" + anchors("actor", actor_id))
    return PrintContext(
        title=title,
        generator_version=briefing.generator_version or __version__,
        sections=SECTIONS,
        sources=sources,
        claims=claims,
        bottom_line=[c for c in claims if c.claim.status == "corroborated"][:5] or claims[:3],
        judgements=judgements,
        actor_groups=_actor_views(briefing, anchors, labels, names, claims),
        timeline=_timeline(briefing, anchors, labels),
        network_svg=Markup(svg),  # escaped by generator.network, see its tests
        truncated_sources=[s for s in sources if any(x.truncated for x in s.sentences)],
        counts={"sources": len(briefing.sources), "actors": len(briefing.actors),
                "claims": len(briefing.claims), "events": len(briefing.events)},
        date_range=(dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}")
        if dates else None,
        outlets=sorted({s.outlet for s in briefing.sources if s.outlet}),
    )


def template_environment(project: Project | None) -> jinja2.Environment:
    """Project override templates first, then the project's templates/, then the repo's own."""
    folders: list[Path] = []
    if project is not None:
        if project.override_templates:
            folders.append(project.override_templates)
        folders.append(project.templates_dir)
    folders.append(Path(__file__).resolve().parent.parent / "templates")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        autoescape=True,  # every seed-derived string is data, never markup
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_print_html(briefing: Briefing, project: Project | None = None,
                      title: str = "Briefing") -> str:
    """The single-file HTML (also WeasyPrint's input for the PDF)."""
    env = template_environment(project)
    try:
        template = env.get_template(TEMPLATE)
    except jinja2.TemplateNotFound as err:
        from generator.errors import BriefingError, Problem

        raise BriefingError(Problem(
            path=TEMPLATE, message=f"print template not found: {err.name}",
            hint="restore templates/print/ or add print/briefing.html.j2 to your --templates",
        )) from err
    return template.render(ctx=build_context(briefing, title))


def write_pdf(html: str, target: Path) -> None:
    """Render the print HTML to ``target`` with WeasyPrint (fonts embedded as subsets).

    Links are all ``#anchors``, so no base URL is needed and nothing is fetched;
    the url fetcher refuses every URL to make that a guarantee, not a habit.
    """
    import weasyprint
    from weasyprint.urls import URLFetcher

    class RefuseAll(URLFetcher):
        def fetch(self, url: str, headers: object = None) -> object:
            raise ValueError(f"the print document must not load {url!r}")

    # the file identifier is derived from the content, so the same HTML gives the same bytes
    identifier = b"briefing-" + hashlib.sha256(html.encode()).hexdigest()[:16].encode()
    document = weasyprint.HTML(string=html, url_fetcher=RefuseAll(fail_on_errors=True))
    document.write_pdf(target, pdf_identifier=identifier)
