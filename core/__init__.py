"""The kit the apps build on: editing and list bases, choosers, history and restore, search
folding, dates and numbers, versioning, numbered items, constraint helpers, template tags.

It imports no domain app: apps tell it about their models through ``core.registry``.
"""
