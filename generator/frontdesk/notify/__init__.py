"""Telling customers about status changes where they already are: chat, email and webhooks.

What changed is read from two published states of the site (its Statuspage documents), so a
notification says exactly what the public API changed. Nothing here imports MkDocs.
"""
