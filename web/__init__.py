"""The HTTP face of the assistant: a JSON API and server-rendered pages."""
