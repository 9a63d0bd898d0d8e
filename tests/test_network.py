"""The actor network SVG: deterministic, escaped, bounded, linked, readable."""

from __future__ import annotations

import math
import random
import xml.etree.ElementTree as ET
from dataclasses import replace

from printdoc_fixture import EVIL, hostile_briefing

from generator.models import Actor, Briefing, Claim, Mention, Relation
from generator.network import TYPE_COLOURS, render_network_svg

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises if the SVG is not well-formed XML


def node_groups(root: ET.Element) -> list[ET.Element]:
    nodes = next(g for g in root.iter(f"{NS}g") if g.get("class") == "network-nodes")
    return list(nodes)


def test_same_briefing_same_bytes_whatever_the_input_order() -> None:
    briefing = hostile_briefing()
    first = render_network_svg(briefing, lambda a: f"actors/{a}.md")
    shuffled = replace(briefing, actors=list(reversed(briefing.actors)),
                       relations=list(reversed(briefing.relations)),
                       claims=list(reversed(briefing.claims)))
    assert render_network_svg(shuffled, lambda a: f"actors/{a}.md") == first
    assert render_network_svg(briefing, lambda a: f"actors/{a}.md") == first


def test_hostile_names_are_text_not_markup() -> None:
    svg = render_network_svg(hostile_briefing(), lambda a: f"actors/{a}.md")
    root = parse(svg)
    tags = {el.tag for el in root.iter()}
    assert tags <= {f"{NS}{t}" for t in ("svg", "title", "rect", "g", "line", "circle", "text",
                                           "a")}, tags
    for el in root.iter():
        assert not [k for k in el.attrib if k.lower().startswith("on")], el.attrib
    tooltips = " ".join(t.text or "" for t in root.iter(f"{NS}title"))
    assert f"Ada <b>Lovelace</b> {EVIL}" in tooltips
    assert '"><svg onload=alert(2)>' in tooltips
    assert "<script" not in svg and "<img" not in svg


def test_each_node_links_to_its_actor_page_and_bad_hrefs_are_dropped() -> None:
    briefing = hostile_briefing()
    root = parse(render_network_svg(briefing, lambda a: f"../actors/{a}.md"))
    hrefs = sorted(a.get("href") for a in root.iter(f"{NS}a"))
    assert hrefs == sorted(f"../actors/{a.id}.md" for a in briefing.actors)

    evil = parse(render_network_svg(briefing, lambda a: "javascript:alert(1)"))
    assert list(evil.iter(f"{NS}a")) == []
    assert len(node_groups(evil)) == len(briefing.actors)  # nodes still drawn, just not links


def test_legend_names_the_types_present_in_their_colours() -> None:
    briefing = hostile_briefing()
    root = parse(render_network_svg(briefing))
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "network-legend")
    labels = [t.text for t in legend.iter(f"{NS}text")]
    assert labels[:4] == ["Person", "Organisation", "Place", "Other"]
    node_fills = {c.get("fill") for g in node_groups(root) for c in g.iter(f"{NS}circle")}
    assert node_fills == {TYPE_COLOURS[t] for t in ("person", "organisation", "place", "other")}


def test_relations_are_solid_edges_and_claims_add_dashed_ones_when_relations_are_few() -> None:
    briefing = hostile_briefing()
    root = parse(render_network_svg(briefing))
    lines = [ln for g in root.iter(f"{NS}g") if g.get("class") == "network-edges"
             for ln in g.iter(f"{NS}line")]
    solid = [ln for ln in lines if ln.get("stroke-dasharray") is None]
    assert len(solid) == 2  # chairs, meets in
    tips = {ln.find(f"{NS}title").text.rsplit(": ", 1)[1] for ln in solid}
    assert tips == {"chairs", "meets in"}
    # two relations for four actors is "few": the claim naming aeb and ada is already a
    # relation, so a new claim naming harbour-city and ada adds one dashed edge
    extra = Claim(id="c-x", text="t", status="single-source", actors=["ada-lovelace",
                                                                        "harbour-city"])
    root = parse(render_network_svg(replace(briefing, claims=[*briefing.claims, extra])))
    dashed = [ln for ln in root.iter(f"{NS}line") if ln.get("stroke-dasharray")
              and ln.find(f"{NS}title") is not None]
    assert len(dashed) == 1
    assert "named together in 1 claim" in dashed[0].find(f"{NS}title").text


def big_briefing(n: int) -> Briefing:
    actors = [
        Actor(id=f"actor-{i:03d}", name=f"Actor {i}", type="organisation",
              mentions=[Mention(f"actor-{i:03d}", "s", "s1", 0, 1, "x")] * (i % 17 + 1))
        for i in range(n)
    ]
    relations = [Relation(f"actor-{i:03d}", "works_with", f"actor-{(i * 7) % n:03d}", "s", "s1")
                 for i in range(n)]
    return Briefing(sources=[], actors=actors, claims=[], events=[], relations=relations)


def test_large_corpus_draws_only_the_most_mentioned_actors() -> None:
    briefing = big_briefing(300)
    root = parse(render_network_svg(briefing, lambda a: a, max_nodes=30))
    drawn = {a.get("href") for a in root.iter(f"{NS}a")}
    assert len(drawn) == 30
    most = sorted(briefing.actors, key=lambda a: (-len(a.mentions), a.id))[:30]
    assert drawn == {a.id for a in most}
    # every edge joins two drawn nodes: no line into empty space
    centres = {(c.get("cx"), c.get("cy")) for c in root.iter(f"{NS}circle")}
    for line in root.iter(f"{NS}line"):
        if line.find(f"{NS}title") is not None:
            assert (line.get("x1"), line.get("y1")) in centres
            assert (line.get("x2"), line.get("y2")) in centres


def test_layout_spreads_nodes_inside_the_canvas() -> None:
    briefing = big_briefing(40)
    random.Random(1).shuffle(briefing.actors)
    root = parse(render_network_svg(briefing))
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    points = [(float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
              for g in node_groups(root) for c in g.iter(f"{NS}circle")]
    assert len(points) == 40
    for x, y, r in points:
        assert r < x < width - r and r < y < height - r
    closest = min(math.dist(p[:2], q[:2]) for i, p in enumerate(points) for q in points[i + 1:])
    assert closest > 5, "two actors drawn on top of each other"


def test_empty_briefing_says_so() -> None:
    svg = render_network_svg(Briefing(sources=[], actors=[], claims=[], events=[], relations=[]))
    assert "No actors were found." in svg
    parse(svg)


def test_svg_embeds_in_markdown_and_joined_documents() -> None:
    svg = render_network_svg(hostile_briefing(), lambda a: f"actors/{a}.md")
    assert "\n\n" not in svg  # a blank line would end Markdown's raw HTML block
    assert " id=" not in svg  # ids could clash with the page it is embedded in
    assert not svg.startswith("<?xml")


def _legend_extent(root: ET.Element) -> tuple[float, float]:
    """The right edge (estimated text width) and bottom of the legend, in SVG units."""
    from generator.network import LEGEND_CHAR, MARGIN

    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "network-legend")
    top = float(legend.get("transform").split(",")[1].rstrip(")"))
    right = bottom = 0.0
    for item in legend:
        x, y = (float(v) for v in item.get("transform")[10:-1].split(","))
        for text in item.iter(f"{NS}text"):
            right = max(right, MARGIN + x + float(text.get("x")) + LEGEND_CHAR * len(text.text))
        bottom = max(bottom, top + y + 7)
    return right, bottom


def test_legend_wraps_inside_the_svg_and_the_svg_grows_to_hold_it() -> None:
    # Every actor type present: the legend is too long for one row of the 960-wide SVG.
    types = list(TYPE_COLOURS)
    actors = [Actor(id=f"a-{t}", name=f"Actor {t}", type=t, mentions=[
        Mention(f"a-{t}", "s", "s1", 0, 1, "A")]) for t in types]
    root = parse(render_network_svg(Briefing([], actors, [], [], [])))
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "network-legend")
    labels = [t.text for t in legend.iter(f"{NS}text")]
    assert "named together" in labels and "relation" in labels
    rows = {item.get("transform").split(",")[1] for item in legend}
    assert len(rows) >= 2  # wrapped
    right, bottom = _legend_extent(root)
    assert right <= width - 20, "legend runs off the right edge"
    assert bottom <= height
