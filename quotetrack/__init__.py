"""quotetrack: speaker-attributed quotes from Korean news, stored and searchable."""

__version__ = "0.1.0"
