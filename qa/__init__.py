"""footnote-qa: answers questions about policy documents by quoting them and citing their notes."""

from qa.assistant import Assistant
from qa.settings import Settings, get_settings

__all__ = ["Assistant", "Settings", "get_settings"]
