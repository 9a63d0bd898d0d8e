"""Static briefing-site generator: seeds → extraction → cross-reference → site."""

__version__ = "0.1.0"
