"""General clause readings of the claim extractor (generator/extract/claims.py)."""

from __future__ import annotations

from generator.extract.claims import content_terms, later_clause_start, relative_spans


def test_forward_relative_clause_at_the_end_is_not_background() -> None:
    """A closing relative clause that looks ahead says what happens next."""
    ahead = "The deal needs the approval of the regulator, which is expected to decide by June"
    assert relative_spans(ahead) == []
    assert relative_spans("The plan needs the regulator, who will rule in May") == []
    # background: describing the one it is attached to, or not at the end
    assert relative_spans("The ship was owned by Skarde, which is based in Tallen")
    assert relative_spans("Penrose, who will retire in May, is expected to appeal")


def test_and_with_an_auxiliary_opens_a_clause() -> None:
    """"suspended ... and will resume": the claim keeps the first state's sign."""
    quote = "The search was suspended at nightfall and will resume on Wednesday"
    terms, _sign, _concepts = content_terms(quote)
    assert "~suspend+" in terms
    at = later_clause_start(quote)
    assert at is not None and quote[at:].startswith("will resume")
    assert later_clause_start("Prices rose and fell") is None


def test_state_words_before_to() -> None:
    """"open to" a thing that goes in is a state; "open to talks" is willing."""
    from generator.crossref.claims import _frame_terms

    def concepts(text: str) -> set[str]:
        return {t for t in _frame_terms(text, content_terms(text)[0]) if t.startswith("~open")}

    assert "~open+" in concepts("The harbour remained open to fishing boats")
    assert "~open+" in concepts("The park is open to the public")
    assert "~open+" not in concepts("The union is open to talks")
    assert "~open-" in concepts("The bridge was closed to traffic")


def test_still_free_to_is_unrestricted() -> None:
    from generator.crossref.claims import _frame_terms

    text = "Residents could still swim in the river"
    assert "~restrict-" in _frame_terms(text, content_terms(text)[0])


def test_a_name_only_used_as_a_place_is_not_the_company() -> None:
    from generator.extract.claims import _only_placed
    from generator.models import LocalActor, Mention

    def actor(name: str, text: str) -> LocalActor:
        starts = [i for i in range(len(text)) if text.startswith(name, i)]
        return LocalActor(name.lower(), name, "organisation", mentions=[
            Mention(name.lower(), "s", "s1", i, i + len(name), name) for i in starts])

    text = "A warehouse in Brannock burned. Staff in Brannock's park fled."
    assert _only_placed(actor("Brannock", text), text)
    held = "Halvard bought a stake in Corrin."
    assert not _only_placed(actor("Corrin", held), held)
    employer = "Workers at Acme walked out."
    assert not _only_placed(actor("Acme", employer), employer)
    two_words = "A plant in Corlis Coatings."
    assert not _only_placed(actor("Corlis Coatings", two_words), two_words)
