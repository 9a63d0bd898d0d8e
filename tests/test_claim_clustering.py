"""Cross-source claim clustering: paraphrases merge, look-alikes do not, conflicts are linked."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from generator.crossref.claims import cluster_claims, independence_groups
from generator.extract.claims import find_claims
from generator.models import (
    Claim,
    ClaimCandidate,
    Document,
    LocalActor,
    Mention,
    Metadata,
    Sentence,
    Source,
)

REPO = Path(__file__).resolve().parent.parent

# global actor ids, as after cross-source actor merging
ACTORS = {
    "acme": ("organisation", "Acme Corp", "Acme"),
    "ministry": ("government", "Ministry of Finance", "the ministry"),
    "eu": ("government", "European Union", "EU"),
    "jane-doe": ("person", "Jane Doe", "Doe"),
    "nova": ("ai_model", "Nova"),
    "ohio": ("place", "Ohio"),
}


def _split(doc: Document) -> list[Sentence]:
    out = []
    for m in re.finditer(r"\S.*?(?:[.!?][\"\u201d]?(?=\s|$)|$)", doc.text):
        n = len(out)
        out.append(Sentence(f"s{n + 1}", doc.id, n, m.start(), m.end(), m.group(0)))
    return out


def _actors(doc: Document, sentences: list[Sentence]) -> list[LocalActor]:
    actors = []
    for key, (kind, *surfaces) in ACTORS.items():
        mentions = []
        for surface in surfaces:
            for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", doc.text):
                if any(x.start <= m.start() < x.end for x in mentions):
                    continue
                sent = next(s for s in sentences if s.start <= m.start() < s.end)
                mentions.append(Mention(key, doc.id, sent.id, m.start(), m.end(), surface))
        actors.append(LocalActor(key, surfaces[0], kind, list(surfaces[1:]), mentions))
    return actors


def corpus(
    texts: dict[str, str], outlets: dict[str, str] | None = None, dates: dict | None = None
) -> tuple[list[ClaimCandidate], list[Source]]:
    cands, sources = [], []
    for sid, text in texts.items():
        outlet = (outlets or {}).get(sid, sid.upper())
        doc = Document(sid, f"seeds/{sid}.txt", "txt", text, Metadata(outlet=outlet), "")
        sentences = _split(doc)
        cands += find_claims(doc, sentences, _actors(doc, sentences))
        published = (dates or {}).get(sid)
        sources.append(
            Source(sid, doc.path, "txt", None, outlet, None, published, "en", text, sentences, [])
        )
    return cands, sources


def cluster(texts: dict[str, str], **kw) -> list[Claim]:
    return cluster_claims(*corpus(texts, **kw))


def claim_with(claims: list[Claim], source: str, words: str) -> Claim:
    return next(
        c for c in claims if any(a.source == source and words in a.quote for a in c.appearances)
    )


def together(claims: list[Claim], words_a: str, words_b: str) -> bool:
    a = claim_with(claims, "a", words_a)
    return any(x.source == "b" and words_b in x.quote for x in a.appearances)


# Two outlets, each with a story on its own words; pairs marked below are paraphrases.
TEXT_A = (
    "Acme Corp told the ministry that any sale of the plant requires approval from the EU. "
    "The ministry has stepped up negotiations with Acme Corp over the last month. "
    "Acme Corp will build a battery factory in Ohio with 2,000 workers. "
    "Jane Doe praised the ministry for its handling of the Acme Corp dispute."
)
TEXT_B = (
    "According to insiders, Acme had informed the Ministry of Finance that it needed "
    "permission from the EU to sell the plant. "
    "In response, the ministry intensified talks with Acme over the past weeks. "
    "Acme Corp reported record profits at its Ohio factory. "
    "Jane Doe criticised the ministry for delaying the Acme Corp dispute ruling."
)


def test_paraphrases_cluster_across_sources_and_are_corroborated() -> None:
    claims = cluster({"a": TEXT_A, "b": TEXT_B})
    permission = claim_with(claims, "a", "requires approval")
    assert [a.source for a in permission.appearances] == ["a", "b"]
    assert "needed permission" in permission.appearances[1].quote
    assert permission.status == "corroborated"
    assert together(claims, "stepped up negotiations", "intensified talks")


def test_claims_that_only_share_actors_do_not_cluster() -> None:
    claims = cluster({"a": TEXT_A, "b": TEXT_B})
    assert not together(claims, "battery factory", "record profits")
    assert not together(claims, "Jane Doe praised", "Jane Doe criticised")
    factory = claim_with(claims, "a", "battery factory")
    assert factory.status == "single-source"
    assert len(factory.appearances) == 1


def test_unrelated_topic_pairs() -> None:
    a = (
        "The central bank raised interest rates by half a point to curb inflation. "
        "Heavy rain flooded the northern districts of the capital on Sunday."
    )
    b = (
        "Rates went up by half a point as the central bank moved to curb inflation. "
        "The central bank governor will visit the capital next month."
    )
    claims = cluster({"a": a, "b": b})
    assert together(claims, "raised interest rates", "Rates went up")
    assert not together(claims, "Heavy rain", "governor will visit")


def test_number_conflict_is_contested_both_ways() -> None:
    claims = cluster(
        {
            "a": "Acme Corp plans to expand access to 70 additional organizations this year.",
            "b": "Acme Corp plans to expand access to 50 additional organizations this year.",
        }
    )
    a, b = claim_with(claims, "a", "70"), claim_with(claims, "b", "50")
    assert a is not b
    assert a.conflicts_with == [b.id] and b.conflicts_with == [a.id]
    assert a.status == b.status == "contested"


def test_granted_versus_excluded_is_a_conflict() -> None:
    claims = cluster(
        {
            "a": "The EU has been granted preview access to the Nova model.",
            "b": "The EU remains excluded from preview access to the Nova model.",
        }
    )
    a, b = claim_with(claims, "a", "granted"), claim_with(claims, "b", "excluded")
    assert b.id in a.conflicts_with and a.id in b.conflicts_with
    assert a.status == "contested"


def test_date_conflict() -> None:
    claims = cluster(
        {
            "a": "Acme Corp first released the Nova model to a small group of banks in April.",
            "b": "Acme Corp first released the Nova model to a small group of banks in June.",
        }
    )
    a, b = claim_with(claims, "a", "April"), claim_with(claims, "b", "June")
    assert a.conflicts_with == [b.id]


def test_same_values_do_not_conflict() -> None:
    claims = cluster(
        {
            "a": "Acme Corp plans to expand access to 70 additional organizations this year.",
            "b": "This year Acme Corp intends to expand access to 70 more organizations.",
        }
    )
    assert len(claims) == 1
    assert claims[0].status == "corroborated" and not claims[0].conflicts_with


def test_later_report_supersedes_earlier() -> None:
    claims = cluster(
        {
            "a": "Acme Corp will cut 300 jobs at its Ohio plant, the ministry said.",
            "b": "Acme Corp will cut 450 jobs at its Ohio plant, the ministry said.",
        },
        dates={"a": "2024-03-01", "b": "2024-03-09"},
    )
    early, late = claim_with(claims, "a", "300"), claim_with(claims, "b", "450")
    assert late.supersedes == [early.id]
    assert early.superseded_by == [late.id]
    assert early.status == late.status == "contested"


def test_reprints_of_one_wire_story_are_not_independent() -> None:
    wire = (
        "Acme Corp will build a battery factory in Ohio with 2,000 workers. "
        "The plant is due to open in 2027 after a two-year construction period. "
        "Local officials welcomed the investment, the largest in the state for a decade."
    )
    reprint = "BREAKING: " + wire + " Subscribe for more news."
    groups = independence_groups(corpus({"a": wire, "b": reprint})[1])
    assert groups["a"] == groups["b"]
    claims = cluster({"a": wire, "b": reprint})
    factory = claim_with(claims, "a", "battery factory")
    assert [a.source for a in factory.appearances] == ["a", "b"]
    assert factory.status == "single-source"
    # the same sentences written by two independent outlets corroborate each other
    independent = cluster({"a": TEXT_A, "b": TEXT_B})
    assert claim_with(independent, "a", "requires approval").status == "corroborated"


def test_same_outlet_twice_is_not_independent() -> None:
    claims = cluster(
        {
            "a": "Acme Corp told the ministry that the sale requires approval from the EU.",
            "b": "Acme informed the ministry that selling needs EU permission, insiders said.",
        },
        outlets={"a": "Daily Planet", "b": "The Daily Planet"},
    )
    assert len(claims) == 1 and len(claims[0].appearances) == 2
    assert claims[0].status == "single-source"


def test_output_is_deterministic_and_ids_are_content_derived() -> None:
    cands, sources = corpus({"a": TEXT_A, "b": TEXT_B})
    first = cluster_claims(cands, sources)
    shuffled = list(cands)
    random.Random(7).shuffle(shuffled)
    assert cluster_claims(shuffled, list(reversed(sources))) == first
    ids = [c.id for c in first]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"c-[0-9a-f]{8}", i) for i in ids)
    # adding an unrelated source does not change the ids of existing claims
    more = cluster({"a": TEXT_A, "b": TEXT_B, "c": "Heavy rain flooded Ohio on Sunday night."})
    assert {c.id for c in first} <= {c.id for c in more}


def test_duplicate_headlines_get_distinct_ids() -> None:
    text = "Acme Corp closed the Ohio plant in 2020. Acme Corp closed the Ohio plant in 2020."
    claims = cluster({"a": text})
    assert len(claims) == 2 and claims[0].id != claims[1].id


def test_unrelated_claims_sharing_an_actor_stay_apart() -> None:
    """2,000 claims that only share "Acme Corp" (blocking must not pair them on it).

    Speed is measured by ``python -m generator.bench_extract``, not asserted here."""
    rng = random.Random(3)
    vocab = [f"w{n}x" for n in range(30000)]
    texts = {
        f"s{n:03d}": " ".join(f"Acme Corp {' '.join(rng.sample(vocab, 8))}." for _ in range(20))
        for n in range(100)
    }
    cands, sources = corpus(texts)
    claims = cluster_claims(cands, sources)
    assert len(claims) == len(cands) == 2000


# ------------------------------------------------------------------------------ seeds


def test_seed_claims_made_by_both_seeds_are_one_corroborated_row() -> None:
    from generator.extract.actors import find_actors
    from generator.extract.quality import mark_quality
    from generator.extract.sentences import split_sentences

    cands, sources = [], []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Document(path.stem, f"seeds/{path.name}", "txt", text, Metadata(), "")
        sentences = split_sentences(doc)
        mark_quality(doc, sentences)
        cands += find_claims(doc, sentences, find_actors(doc, sentences))
        sources.append(
            Source(doc.id, doc.path, "txt", None, None, None, None, "en", text, sentences, [])
        )
    claims = cluster_claims(cands, sources)
    both = [c for c in claims if len({a.source for a in c.appearances}) == 2]

    def row(*words: str) -> Claim:
        hits = [c for c in both if all(any(w in a.quote for a in c.appearances) for w in words)]
        assert len(hits) == 1, words
        assert hits[0].status == "corroborated"
        return hits[0]

    row("requires explicit permission", "needed permission")
    row("opposition", "opposes sharing")
    row("intensify", "intensified communication")
    row("select group of organizations", "select group of companies")
    assert len(both) == 4


def test_quantities_are_normalised_across_spellings() -> None:
    from generator.crossref.claims import parse_quantity

    a, b = parse_quantity("1.2 million tonnes"), parse_quantity("1,200,000 tonnes")
    assert a is not None and b is not None and (a.unit, a.value) == (b.unit, b.value)
    words = parse_quantity("twenty-four thousand participants")
    assert words is not None and words.value == 24000
    dollars, sign = parse_quantity("1.9 billion dollars"), parse_quantity("$1.9 billion")
    assert dollars is not None and sign is not None
    assert (dollars.unit, dollars.value) == (sign.unit, sign.value)
    signed = parse_quantity("600 players signed", "More than ")
    assert signed is not None and signed.approx and signed.unit == parse_quantity("9 players").unit


def test_a_verb_before_workers_also_counts_its_agent_but_office_workers_are_no_officers(
) -> None:
    from generator.crossref.claims import parse_quantity

    rescue, rescuers = parse_quantity("30 rescue workers"), parse_quantity("30 rescuers")
    assert rescue is not None and rescuers is not None and rescue.agent == rescuers.unit
    office, officers = parse_quantity("30 office workers"), parse_quantity("30 officers")
    assert office is not None and officers is not None
    assert office.agent is None and office.unit != officers.unit


def test_generic_words_do_not_carry_a_cluster() -> None:
    claims = cluster(
        {
            "a": "Analysts say the cooperative may struggle to expand access to new markets.",
            "b": "Acme Corp told the ministry that any expansion of access requires approval.",
        }
    )
    assert not together(claims, "cooperative", "expansion of access")


def test_counts_of_two_countries_soldiers_are_neither_one_claim_nor_a_conflict() -> None:
    # "four French soldiers" and "two Spanish soldiers" count different people; "four of its
    # soldiers" (whose, unknown here) is not the four French soldiers either. Two French
    # counts still disagree.
    claims = cluster({
        "a": "A spokeswoman said four French soldiers had been killed in the clash at the "
             "border post.",
        "b": "The ministry said four of its soldiers had been killed in the clash at the border "
             "post. The ministry said two Spanish soldiers had been killed in the clash at the "
             "border post.",
        "c": "Officials said five French soldiers had been killed in the clash at the border "
             "post.",
    })
    french = claim_with(claims, "a", "four French")
    assert len(french.appearances) == 1
    assert french.conflicts_with == [claim_with(claims, "c", "five French").id]
    assert claim_with(claims, "b", "two Spanish").conflicts_with == []
    assert claim_with(claims, "b", "four of its").conflicts_with == []


def test_counts_of_one_noun_with_different_events_do_not_conflict() -> None:
    # four soldiers killed and 15 soldiers wounded are two numbers, not two tolls
    claims = cluster({
        "a": "The ministry said four soldiers were killed in the clash at the border post.",
        "b": "The ministry said 15 soldiers were wounded in the clash at the border post.",
        "c": "The ministry said six soldiers were killed in the clash at the border post.",
    })
    killed = claim_with(claims, "a", "four soldiers")
    assert claim_with(claims, "b", "15 soldiers").id not in killed.conflicts_with
    assert claim_with(claims, "c", "six soldiers").id in killed.conflicts_with


@pytest.mark.parametrize(
    "later",
    [
        "The number of soldiers killed in the fighting at the border post has risen to 11, "
        "officials said.",
        "The death toll from the fighting at the border post rose to 11, officials said.",
    ],
)
def test_a_risen_total_contests_and_supersedes_the_earlier_count(later: str) -> None:
    claims = cluster(
        {"a": "At least six soldiers were killed in the fighting at the border post, officials "
              "said.",
         "b": later},
        dates={"a": "2026-03-14", "b": "2026-03-15"},
    )
    earlier, total = claim_with(claims, "a", "six soldiers"), claim_with(claims, "b", "11")
    assert earlier.id != total.id
    assert total.id in earlier.conflicts_with
    assert earlier.superseded_by == [total.id]
