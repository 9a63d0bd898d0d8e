"""The harness shared by the held-out actor dev sets (``test_actors_dev*.py``).

A dev set is a folder of articles under ``tests/fixtures/`` plus a reader's expectations
(:class:`Article` of :class:`Want`). :class:`ActorDevSet` runs each article through the
pipeline's actor stages (extract, then merge, as actor profiles are built) and turns every
expectation into its own test, so a failure names exactly what a reader would miss.

Matching follows the evaluation gate: names compared after ``normalise_name`` (case,
apostrophes, possessive, dots, a leading "the"), role titles by their words in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from actor_helpers import extract_file

from generator.crossref.actors import merge_actors
from generator.evaluation import normalise_name, title_matches
from generator.models import Actor

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Acceptable types, as the expectations write them.
P, ORG, G = ("person",), ("organisation",), ("government",)
GOV_OR_ORG = ("government", "organisation")
COUNTRY = ("place", "government")
PLACE = ("place",)


@dataclass
class Want:
    """One actor a reader expects: name, acceptable types, aliases, roles."""

    name: str
    types: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    # (acceptable titles, acceptable organisation names or () when the text names none)
    roles: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    accept: tuple[str, ...] = ()  # fine as a system name, not a form the text uses

    @property
    def forms(self) -> set[str]:
        return {normalise_name(n) for n in (self.name, *self.aliases, *self.accept)}


@dataclass
class Article:
    actors: list[Want]
    ignore: tuple[str, ...] = ()  # acceptable extras (settings, the outlet)
    never: tuple[str, ...] = ()  # capitalised words that must not name any actor
    distinct: tuple[tuple[str, str], ...] = ()
    want_by_name: dict[str, Want] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.want_by_name = {w.name: w for w in self.actors}


def names_of(actor: Actor) -> set[str]:
    return {normalise_name(n) for n in (actor.name, *actor.aliases)}


def forms_of(actor: Actor) -> set[str]:
    return names_of(actor) | {normalise_name(m.text) for m in actor.mentions}


def describe(actors) -> str:
    return "; ".join(f"{a.name} [{a.type}] aka {a.aliases}" for a in actors)


def all_forms(spec: Article, name: str) -> set[str]:
    """Every form of an expected actor (name, aliases, accepted names), or the bare name."""
    want = spec.want_by_name.get(name)
    return want.forms if want is not None else {normalise_name(name)}


def full_forms(spec: Article, name: str) -> set[str]:
    """Full names of an expected actor (its name and accepted system names): a generic
    alias two entities both carry ("the Court" after each court) does not make them one."""
    want = spec.want_by_name.get(name)
    if want is None:
        return {normalise_name(name)}
    return {normalise_name(n) for n in (want.name, *want.accept)}


@cache
def profile_article(folder: str, article: str) -> tuple[Actor, ...]:
    """The article's actors as the pipeline would profile them (extract, then merge)."""
    merged, _ = merge_actors([extract_file(FIXTURES / folder / f"{article}.txt", article)])
    return tuple(merged)


@dataclass
class ActorDevSet:
    """One dev folder's expectations, and the standard checks run against them.

    ``known_misses`` holds test ids the extractor does not meet yet: they are strict
    xfails, so fixing one makes its test fail until it is taken off the list.
    ``keep_apart_forms`` says which forms of two expected actors may not share a profile.
    """

    folder: str
    articles: dict[str, Article]
    known_misses: set[str] = field(default_factory=set)
    keep_apart_forms: Callable[[Article, str], set[str]] = all_forms

    def actors_of(self, article: str) -> tuple[Actor, ...]:
        return profile_article(self.folder, article)

    def matching(self, article: str, want: Want) -> list[Actor]:
        return [a for a in self.actors_of(article) if names_of(a) & want.forms]

    def params(self, kind: str) -> list:
        """One pytest param per expectation of the given kind, with a readable id."""
        out = []
        for article, spec in self.articles.items():
            for label, value in _expectations(spec, kind):
                pid = f"{article}:{kind}:{label}"
                marks = [pytest.mark.xfail(strict=True, reason="known limit")] if (
                    pid in self.known_misses) else []
                out.append(pytest.param(article, value, id=pid, marks=marks))
        return out

    def article_params(self, kind: str) -> list:
        """One param per article for a whole-article check; ``article:kind`` in
        ``known_misses`` (kind "never" or "precision") makes it a strict xfail."""
        out = []
        for article in sorted(self.articles):
            marks = [pytest.mark.xfail(strict=True, reason="known limit")] if (
                f"{article}:{kind}" in self.known_misses) else []
            out.append(pytest.param(article, id=article, marks=marks))
        return out

    def tests(self) -> dict[str, Callable[..., None]]:
        """The standard checks as test functions, to be put in a dev module's namespace
        (``globals().update(DEV.tests())``): the ids stay ``test_x[article:kind:label]``."""
        dev = self

        @pytest.mark.parametrize(("article", "want"), self.params("found"))
        def test_expected_actor_has_one_profile(article: str, want: Want) -> None:
            dev.check_one_profile(article, want)

        @pytest.mark.parametrize(("article", "want"), self.params("type"))
        def test_expected_actor_type(article: str, want: Want) -> None:
            dev.check_type(article, want)

        @pytest.mark.parametrize(("article", "pair"), self.params("alias"))
        def test_alias_is_merged_with_the_name(article: str, pair: tuple[Want, str]) -> None:
            dev.check_alias(article, pair)

        @pytest.mark.parametrize(("article", "pair"), self.params("role"))
        def test_role_with_its_organisation(article: str, pair) -> None:
            dev.check_role(article, pair)

        @pytest.mark.parametrize(("article", "pair"), self.params("distinct"))
        def test_distinct_entities_are_kept_apart(article: str, pair: tuple[str, str]) -> None:
            dev.check_kept_apart(article, pair)

        @pytest.mark.parametrize("article", self.article_params("never"))
        def test_no_capitalised_non_actors(article: str) -> None:
            dev.check_no_non_actors(article)

        @pytest.mark.parametrize("article", self.article_params("precision"))
        def test_actor_precision_on_dev_article(article: str) -> None:
            """At most one actor in ten may be something the reader did not list (or ignore)."""
            dev.check_precision(article)

        return {name: test for name, test in locals().items() if name.startswith("test_")}

    # -------------------------------------------------------------- the checks

    def check_one_profile(self, article: str, want: Want) -> None:
        found = self.matching(article, want)
        assert found, f"missed {want.name}; have: {describe(self.actors_of(article))}"
        others = [w.forms for w in self.articles[article].actors if w is not want]
        own = [a for a in found if not any(names_of(a) & f for f in others)]
        assert len(own) <= 1, f"{want.name} split over {describe(own)}"

    def check_type(self, article: str, want: Want) -> None:
        found = self.matching(article, want)
        assert found, f"missed {want.name}"
        primary = sorted(found, key=lambda a: (-len(a.mentions), a.id))[0]
        assert primary.type in want.types, describe([primary])

    def check_alias(self, article: str, pair: tuple[Want, str]) -> None:
        want, alias = pair
        head, form = normalise_name(want.name), normalise_name(alias)
        holders = [a for a in self.actors_of(article) if form in forms_of(a)]
        assert any(head in forms_of(a) for a in holders), (
            f"{alias!r} not with {want.name!r}: {describe(holders) or 'alias not found'}"
        )

    def check_role(self, article: str, pair) -> None:
        want, (titles, orgs) = pair
        found = self.matching(article, want)
        roles = [r for a in found for r in a.roles
                 if any(title_matches(t, r.title) for t in titles)]
        assert roles, (
            f"{want.name}: no {titles[0]!r}; has {[r.title for a in found for r in a.roles]}")
        if not orgs:  # the text names no organisation for this role
            return
        spec = self.articles[article]
        forms = set().union(*(all_forms(spec, org) for org in orgs))
        by_id = {a.id: a for a in self.actors_of(article)}
        served = [by_id[r.organisation] for r in roles if r.organisation in by_id]
        assert any(names_of(a) & forms for a in served), (
            f"{want.name}: {titles[0]} linked to {[a.name for a in served] or 'nothing'}"
        )

    def check_kept_apart(self, article: str, pair: tuple[str, str]) -> None:
        spec = self.articles[article]
        left, right = (self.keep_apart_forms(spec, n) for n in pair)
        joint = [a for a in self.actors_of(article)
                 if forms_of(a) & left and forms_of(a) & right]
        assert not joint, f"{pair} merged into {describe(joint)}"

    def check_no_non_actors(self, article: str) -> None:
        banned = {normalise_name(w) for w in self.articles[article].never}
        bad = [a for a in self.actors_of(article) if names_of(a) & banned]
        assert not bad, describe(bad)

    def check_precision(self, article: str) -> None:
        """At most one actor in ten may be something the reader did not list (or ignore)."""
        spec = self.articles[article]
        wanted = set().union(*(w.forms for w in spec.actors))
        ignored = {normalise_name(n) for n in spec.ignore}
        actors = self.actors_of(article)
        extra = [a for a in actors if not names_of(a) & (wanted | ignored)]
        assert len(extra) <= len(actors) // 10, f"extra actors: {describe(extra)}"


def _expectations(spec: Article, kind: str) -> list[tuple[str, object]]:
    """(id label, value) of each expectation of one kind in one article."""
    if kind in ("found", "type"):
        return [(w.name, w) for w in spec.actors]
    if kind == "alias":
        return [(f"{w.name}+{a}", (w, a)) for w in spec.actors for a in w.aliases]
    if kind == "role":
        return [(f"{w.name}:{r[0][0]}", (w, r)) for w in spec.actors for r in w.roles]
    if kind == "distinct":
        return [(f"{a}|{b}", (a, b)) for a, b in spec.distinct]
    raise ValueError(f"unknown expectation kind {kind!r}")
