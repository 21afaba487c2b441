"""The surname lists, for quotetrack/extract/lexicon.py, which imports them from here: they moved to
quotetrack/speakers/names.py.  This module goes when the extractor imports them from there."""

from quotetrack.speakers.names import COMPOUND_SURNAMES, KOREAN_SURNAMES

__all__ = ["COMPOUND_SURNAMES", "KOREAN_SURNAMES"]
