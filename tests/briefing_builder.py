"""Building blocks for the hand-built Briefing fixtures: sentences, mentions, appearances.

The fixtures are built directly from the models so the tests that use them do not depend on
extraction quality; these helpers make every span really index its source text, so quote
look-ups and anchors behave as on real seeds.
"""

from __future__ import annotations

from generator.models import Appearance, Mention, Sentence


def sentences_at(source_id: str, text: str, parts: list[str],
                 paragraphs: list[int] | None = None) -> list[Sentence]:
    """Sentences ``s1..sN`` for ``parts``, each found in ``text`` after the one before."""
    out, pos = [], 0
    for i, part in enumerate(parts):
        start = text.index(part, pos)
        out.append(Sentence(id=f"s{i + 1}", source=source_id, index=i, start=start,
                            end=start + len(part), text=part,
                            paragraph=paragraphs[i] if paragraphs else 0))
        pos = start + len(part)
    return out


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    """The sentence whose span holds ``offset``."""
    return next(s for s in sentences if s.start <= offset < s.end)


def mention_at(actor: str, sentence: Sentence, start: int, surface: str) -> Mention:
    return Mention(actor=actor, source=sentence.source, sentence=sentence.id, start=start,
                   end=start + len(surface), text=surface)


def mention_in(actor: str, sentence: Sentence, surface: str) -> Mention:
    """A mention of ``actor`` at the first ``surface`` inside ``sentence``."""
    return mention_at(actor, sentence, sentence.start + sentence.text.index(surface), surface)


def appearance_in(sentence: Sentence, quote: str | None = None, **kw: object) -> Appearance:
    """An appearance quoting ``quote`` (default: the whole sentence) inside ``sentence``."""
    quote = quote or sentence.text
    start = sentence.start + sentence.text.index(quote)
    return Appearance(source=sentence.source, sentence=sentence.id, quote=quote, start=start,
                      end=start + len(quote), **kw)  # type: ignore[arg-type]
