"""A statement's reading: its stance, the words that decided it, and what it is about.

Computed once per quote when it is stored (db/readings.py) with the Korean
morphology model, and kept, so the commands that compare statements (changes,
timeline, claims, fidelity) read stored values and never load the model.
`READER_VERSION` names the rules: a reading made by older rules is read again.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotetrack.analysis.morphology import Analyse, kiwi_analyse, words_of
from quotetrack.analysis.stance import Stance, read_stance
from quotetrack.analysis.topic import topic_of

READER_VERSION = 1
"""Bump when stance.py, topic.py or lexicon.py change what they return: stored readings of an
older version are read again on the next command that needs them."""


@dataclass(frozen=True)
class Reading:
    """What the analysis needs to know about one statement."""

    stance: Stance
    cues: tuple[str, ...]
    """The words that decided the stance (검토하지 않고; 사실무근; 부인했다; 확정했다)."""
    topic: tuple[str, ...]
    """Content lemmas, in order of appearance (원전 추가 건설)."""
    pairs: tuple[tuple[str, str], ...] = ()
    """(modifier, head) nouns naming one thing together (버스 요금): topic.contrasted."""


def read_statement(text: str, verb: str | None = None, analyse: Analyse = kiwi_analyse) -> Reading:
    """Read one statement (a quote and the verb that reported it)."""
    words = words_of(text, analyse)
    stance = read_stance(words, verb)
    topic, pairs = topic_of(words)
    return Reading(stance.stance, stance.cues, topic, pairs)
