"""One aiogram router per feature; `all_routers` gives them in matching order."""

from __future__ import annotations

from aiogram import Router

from . import (
    accounts,
    booking,
    connections,
    create,
    devices,
    email,
    events,
    fallback,
    groups,
    imports,
    inline,
    language,
    listing,
    mini_app,
    preferences,
    rsvp,
    sharing,
    start,
    subscriptions,
)


def all_routers() -> list[Router]:
    """Every feature's router; the fallback comes last so it only sees what nobody took, and
    the groups' router first, so nothing meant for private chats answers in a group.

    Each call returns new routers holding the modules' handlers (aiogram attaches a router to
    one dispatcher only, and a process may build several: tests, benchmarks).
    """
    modules = (
        groups,
        subscriptions,  # before create: a feed's link alone is a subscription, not an event
        connections,
        *(start, language, preferences, email, create, listing, events, rsvp, devices, accounts),
        mini_app,
        booking,
        sharing,
        inline,
        imports,
        fallback,
    )
    return [_fresh(module.router) for module in modules]


def _fresh(template: Router) -> Router:
    copy = Router(name=template.name)
    for name, observer in template.observers.items():
        copy.observers[name].handlers.extend(observer.handlers)
    return copy
