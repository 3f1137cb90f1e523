"""Adapters: the ways in (HTTP, CLI, bot, mail) and out (delivery)."""
