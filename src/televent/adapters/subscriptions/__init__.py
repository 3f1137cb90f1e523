"""Subscribed feeds (docs/adr/0025): `refresher.py` fetches them when due, through the
outbound guard, and hands what they say to the application."""
