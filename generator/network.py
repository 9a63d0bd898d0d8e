"""The actor network as one static, self-contained SVG, laid out deterministically.

The same SVG goes into the site (``network.md``), the single-file HTML and the
PDF, so it must not depend on a script, a CDN or a font download, and it must be
byte-identical for the same briefing. The layout is a Fruchterman–Reingold force
simulation that starts from fixed positions (a circle in rank order) and runs a
fixed number of iterations with no random numbers; coordinates are rounded
before they are written, so float noise in the last bits never reaches the file.

All data (names, predicates, hrefs) is XML-escaped; an href is written only if
it is relative or http(s).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from xml.sax.saxutils import escape, quoteattr

from generator.models import ACTOR_TYPE_LABELS, Briefing

# Okabe–Ito (colour-blind safe) plus two greys; one colour per actor type.
TYPE_COLOURS: dict[str, str] = {
    "person": "#0072B2",
    "organisation": "#E69F00",
    "government": "#009E73",
    "ai_model": "#CC79A7",
    "programme": "#D55E00",
    "law": "#56B4E9",
    "place": "#8C6D31",
    "media": "#F0C808",
    "other": "#888888",
}
TYPE_LABELS = ACTOR_TYPE_LABELS

WIDTH = 960
PLOT_HEIGHT = 600
MARGIN = 70  # room for labels above and below
MARGIN_X = 130  # half the width of the longest label, so none is cut off at the sides
ITERATIONS = 300
GRAVITY = 10.0  # pull towards the centre; higher = more compact overall, roomier clusters
MAX_LABEL = 30


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    mentions: int


@dataclass(frozen=True)
class Edge:
    a: str  # the smaller id of the pair, so (a, b) is a stable key
    b: str
    kind: str  # "relation" (extracted) or "co-occurrence" (same claim)
    weight: int
    label: str  # predicates or "appear together in N claims", for the tooltip


def _fmt(value: float) -> str:
    """Stable number formatting: one decimal, no "-0.0"."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _safe_href(href: str | None) -> str | None:
    """Only relative links and http(s) URLs; ``javascript:`` and friends are dropped."""
    if not href:
        return None
    lowered = href.strip().lower()
    if ":" in lowered.split("/", 1)[0] and not lowered.startswith(("http://", "https://")):
        return None
    if lowered.startswith("//"):
        return None
    return href.strip()


def select_nodes(briefing: Briefing, max_nodes: int) -> list[Node]:
    """The ``max_nodes`` most-mentioned actors, ties broken by id (stable across runs)."""
    ranked = sorted(briefing.actors, key=lambda a: (-len(a.mentions), a.id))
    return [
        Node(a.id, a.name, a.type if a.type in TYPE_COLOURS else "other", len(a.mentions))
        for a in ranked[:max_nodes]
    ]


def collect_edges(briefing: Briefing, node_ids: set[str]) -> list[Edge]:
    """Extracted relations first; co-occurrence in claims fills in when relations are few.

    "Few" means fewer relation edges than nodes: then the diagram would be mostly
    isolated dots, and claims that name two actors together are the next best
    evidence that they are connected.
    """
    predicates: dict[tuple[str, str], Counter[str]] = {}
    for rel in briefing.relations:
        if rel.subject == rel.object or rel.subject not in node_ids or rel.object not in node_ids:
            continue
        key = (min(rel.subject, rel.object), max(rel.subject, rel.object))
        predicates.setdefault(key, Counter())[rel.predicate.replace("_", " ")] += 1
    edges = [
        Edge(a, b, "relation", sum(c.values()), ", ".join(sorted(c)))
        for (a, b), c in sorted(predicates.items())
    ]
    if len(edges) >= len(node_ids):
        return edges
    together: Counter[tuple[str, str]] = Counter()
    for claim in briefing.claims:
        ids = sorted({a for a in claim.actors if a in node_ids})
        for pair in combinations(ids, 2):
            if pair not in predicates:
                together[pair] += 1
    edges += [
        Edge(a, b, "co-occurrence", n, f"named together in {n} claim{'s' if n != 1 else ''}")
        for (a, b), n in sorted(together.items())
    ]
    return sorted(edges, key=lambda e: (e.a, e.b))


def layout(nodes: list[Node], edges: list[Edge]) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold from fixed start positions; positions in [0, 1]².

    Start: nodes on a circle in rank order (most mentioned first). Forces use
    only arithmetic and sqrt, iterations are fixed and the temperature cools
    linearly, so the result is a pure function of the input.
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0].id: (0.5, 0.5)}
    angle = 2 * math.pi / n
    pos = {
        node.id: [0.5 + 0.4 * math.cos(angle * i), 0.5 + 0.4 * math.sin(angle * i)]
        for i, node in enumerate(nodes)
    }
    ids = [node.id for node in nodes]
    # Plain lists indexed by rank: the same arithmetic in the same order as per-id dicts,
    # so the same floats, without a dict lookup in the O(n²) inner loop.
    xs = [pos[i][0] for i in ids]
    ys = [pos[i][1] for i in ids]
    index = {node_id: n_idx for n_idx, node_id in enumerate(ids)}
    links = [(index[e.a], index[e.b], min(e.weight, 3) / 2) for e in edges]
    k = math.sqrt(1.0 / n)
    kk = k * k
    for step in range(ITERATIONS):
        temperature = 0.1 * (1 - step / ITERATIONS) + 0.002
        dxs = [0.0] * n
        dys = [0.0] * n
        for a in range(n):
            xa, ya = xs[a], ys[a]
            for b in range(a + 1, n):
                dx = xa - xs[b]
                dy = ya - ys[b]
                dist = math.sqrt(dx * dx + dy * dy) or 1e-6
                force = kk / dist
                dxs[a] += dx / dist * force
                dys[a] += dy / dist * force
                dxs[b] -= dx / dist * force
                dys[b] -= dy / dist * force
        for a, b, weight in links:
            dx = xs[a] - xs[b]
            dy = ys[a] - ys[b]
            dist = math.sqrt(dx * dx + dy * dy) or 1e-6
            force = dist * dist / k * weight
            dxs[a] -= dx / dist * force
            dys[a] -= dy / dist * force
            dxs[b] += dx / dist * force
            dys[b] += dy / dist * force
        for a in range(n):
            # gravity towards the centre keeps disconnected actors on the canvas
            dxs[a] += (0.5 - xs[a]) * k * GRAVITY
            dys[a] += (0.5 - ys[a]) * k * GRAVITY
            length = math.sqrt(dxs[a] ** 2 + dys[a] ** 2) or 1e-6
            step_len = min(length, temperature)
            # no clamping to the frame: nodes pushed against a wall would pile up there;
            # _normalise fits the finished layout to the canvas instead
            xs[a] += dxs[a] / length * step_len
            ys[a] += dys[a] / length * step_len
    pos = {i: [xs[n_idx], ys[n_idx]] for n_idx, i in enumerate(ids)}
    return _normalise({i: (p[0], p[1]) for i, p in pos.items()})


def _normalise(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Stretch the layout to fill the unit square (keeps the aspect of neither axis)."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {
        i: ((x - min(xs)) / span_x, (y - min(ys)) / span_y)
        for i, (x, y) in pos.items()
    }


def _label(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1].rstrip() + "…"


def _radius(mentions: int) -> float:
    return 6 + 3 * math.sqrt(max(mentions, 1))


LEGEND_ROW = 24  # height of one legend row
LEGEND_CHAR = 8.0  # generous average width of a 13px character (labels are never cut off)
LEGEND_GAP = 22  # space between legend items


def _legend_items(types: list[str]) -> list[tuple[float, str]]:
    """(width, SVG at x=0) per legend entry: one per actor type, then the two edge kinds."""
    items = []
    for t in types:
        label = TYPE_LABELS.get(t, t)
        items.append((19 + LEGEND_CHAR * len(label), (
            f'<circle cx="7" cy="0" r="7" fill="{TYPE_COLOURS[t]}" stroke="#333"'
            f' stroke-width="0.8"/><text x="19" y="4" font-size="13">{escape(label)}</text>')))
    for label, colour, dash in (("relation", "#555", ""),
                                ("named together", "#999", ' stroke-dasharray="5 4"')):
        items.append((32 + LEGEND_CHAR * len(label), (
            f'<line x1="0" y1="0" x2="26" y2="0" stroke="{colour}" stroke-width="2"{dash}/>'
            f'<text x="32" y="4" font-size="13">{label}</text>')))
    return items


def legend_rows(types: list[str], width: float) -> list[list[tuple[float, str]]]:
    """The legend entries flowed into rows no wider than ``width`` (each row keeps at least
    one entry), so the legend wraps inside the SVG instead of running off its right edge."""
    rows: list[list[tuple[float, str]]] = [[]]
    used = 0.0
    for w, svg in _legend_items(types):
        if rows[-1] and used + LEGEND_GAP + w > width:
            rows.append([])
            used = 0.0
        used += (LEGEND_GAP if rows[-1] else 0) + w
        rows[-1].append((w, svg))
    return rows


def _legend(rows: list[list[tuple[float, str]]], top: float) -> list[str]:
    parts = [f'<g class="network-legend" transform="translate({MARGIN},{_fmt(top)})">']
    for r, row in enumerate(rows):
        x = 0.0
        for w, svg in row:
            parts.append(f'<g transform="translate({_fmt(x)},{r * LEGEND_ROW})">{svg}</g>')
            x += w + LEGEND_GAP
    parts.append("</g>")
    return parts


def render_network_svg(
    briefing: Briefing,
    href_for: Callable[[str], str] | None = None,
    *,
    max_nodes: int = 40,
    title: str = "Actor network",
) -> str:
    """The actor network as an SVG string (no XML declaration, no blank lines, no ids).

    ``href_for(actor_id)`` gives the link of an actor's node (e.g. ``actors/ID.md``
    from a Markdown page at the docs root, ``#actor-ID`` in the single-file
    HTML); without it nodes are not links. At most ``max_nodes`` actors are
    drawn, the most mentioned first. Safe to embed in Markdown and HTML: it has
    no blank line (which would end a Markdown HTML block) and no ``id``
    attribute (which could clash in a joined document).
    """
    nodes = select_nodes(briefing, max_nodes)
    node_ids = {n.id for n in nodes}
    edges = collect_edges(briefing, node_ids)
    pos = layout(nodes, edges)
    types = [t for t in TYPE_COLOURS if any(n.type == t for n in nodes)]
    rows = legend_rows(types, WIDTH - 2 * MARGIN)
    height = PLOT_HEIGHT + 2 * MARGIN + 6 + LEGEND_ROW * len(rows)

    def xy(actor_id: str) -> tuple[float, float]:
        x, y = pos[actor_id]
        return MARGIN_X + x * (WIDTH - 2 * MARGIN_X), MARGIN + y * PLOT_HEIGHT

    names = {n.id: n.name for n in nodes}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="actor-network" viewBox="0 0 {WIDTH}'
        f' {height}" width="100%" role="img" aria-label={quoteattr(title)}'
        ' font-family="DejaVu Sans, Verdana, sans-serif" style="max-width:100%;height:auto">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff" rx="6"/>',
    ]
    if not nodes:
        out.append(f'<text x="{WIDTH // 2}" y="{height // 2}" text-anchor="middle"'
                   ' font-size="16" fill="#333">No actors were found.</text>')
    out.append('<g class="network-edges">')
    for edge in edges:
        (x1, y1), (x2, y2) = xy(edge.a), xy(edge.b)
        dash = ' stroke-dasharray="5 4"' if edge.kind == "co-occurrence" else ""
        colour = "#555" if edge.kind == "relation" else "#999"
        tip = f"{names[edge.a]} — {names[edge.b]}: {edge.label}"
        out.append(
            f'<line x1="{_fmt(x1)}" y1="{_fmt(y1)}" x2="{_fmt(x2)}" y2="{_fmt(y2)}"'
            f' stroke="{colour}" stroke-width="{min(1 + edge.weight, 5)}" stroke-opacity="0.8"'
            f"{dash}><title>{escape(tip)}</title></line>"
        )
    out.append("</g>")
    out.append('<g class="network-nodes">')
    for node in nodes:
        x, y = xy(node.id)
        r = _radius(node.mentions)
        tip = f"{node.name} ({TYPE_LABELS.get(node.type, node.type)}, {node.mentions} mentions)"
        shape = (
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}" fill="{TYPE_COLOURS[node.type]}"'
            f' stroke="#222" stroke-width="1"/>'
            f'<text x="{_fmt(x)}" y="{_fmt(y + r + 14)}" text-anchor="middle" font-size="13"'
            ' fill="#111">'
            f"{escape(_label(node.name))}</text>"
        )
        href = _safe_href(href_for(node.id)) if href_for else None
        if href:
            out.append(f"<a href={quoteattr(href)}><title>{escape(tip)}</title>{shape}</a>")
        else:
            out.append(f"<g><title>{escape(tip)}</title>{shape}</g>")
    out.append("</g>")
    out.extend(_legend(rows, PLOT_HEIGHT + 2 * MARGIN + 6))
    out.append("</svg>")
    return "\n".join(out)
