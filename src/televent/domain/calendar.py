"""The Calendar aggregate: a collection of calendar objects owned by one account (RFC 4791 §4.2)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from televent.domain.errors import ConflictError, DomainError, ForbiddenError, NotFoundError
from televent.domain.feed_subscriptions import (
    SubscriptionOptions,
    not_subscribed,
    options_changed,
)
from televent.domain.sharing import (
    MAX_MEMBERS,
    Action,
    Role,
    Status,
    member_role,
    owner_role,
    permits,
)
from televent.domain.values import calendar_id_for

PROPERTIES = ("display_name", "color", "description", "timezone", "components", "dead")
# Dead properties (RFC 4918 §4.2): what a client stores on the calendar for itself, by name
# ("{namespace}name") -> the element as it sent it; Televent keeps and returns them only.
MAX_DEAD_PROPERTIES = 32
MAX_DEAD_NAME = 200
MAX_DEAD_VALUE = 4096
# What each member may set for themselves on a calendar shared with them (PROPPATCH in their
# home, the Mini App): how it is called and coloured for them, and whether it counts as busy.
# a member's own for the calendar: name, colour, busy time, what their CalDAV clients keep
MEMBER_PROPERTIES = ("display_name", "color", "busy", "dead")
# What a member asked for that their role does not allow, as the English refusal says it (the
# key selects the words of the catalogue's refusal-calendars-role-forbids).
_WHAT = {
    "share": "share this calendar",
    "roles": "change members' roles",
    "remove": "remove members",
    "publish": "publish it",
    "subscription": "change its subscription",
}


class Calendar(Aggregate):
    """A calendar collection, addressed by the URL segment (slug) its owner chose."""

    @staticmethod
    def create_id(account_id: UUID, slug: str) -> UUID:
        """The id derives from owner and slug, so one slug names one calendar per account."""
        return calendar_id_for(account_id, slug)

    @event("CalendarCreated")
    def __init__(
        self, *, account_id: UUID, slug: str, properties: dict[str, Any], actor: str, source: str
    ) -> None:
        self.account_id = account_id
        self.slug = slug
        self.properties = _checked(properties)
        self.deleted = False
        self.members: dict[str, dict[str, Any]] = {}  # member account id -> role, status, ...
        # person's account id -> their published feed's token hash and busy_only (ADR 0022)
        self.feeds: dict[str, dict[str, Any]] = {}

    def update(self, *, properties: dict[str, Any], actor: str, source: str) -> None:
        """Change collection properties (PROPPATCH); values equal to current ones are dropped."""
        self._check_live()
        changes = {k: v for k, v in _checked(properties).items() if self.properties.get(k) != v}
        if changes:
            self._updated(account_id=self.account_id, changes=changes, actor=actor, source=source)

    def delete(self, *, actor: str, source: str) -> None:
        """Delete the collection (its events are deleted by the application in the same save)."""
        self._check_live()
        self._deleted(account_id=self.account_id, actor=actor, source=source)

    def recreate(self, *, properties: dict[str, Any], actor: str, source: str) -> None:
        """Bring back a deleted calendar under the same slug, empty, with new properties."""
        if not self.deleted:
            raise ConflictError(f"Calendar {self.slug!r} already exists.")
        self._recreated(
            account_id=self.account_id,
            slug=self.slug,
            properties=_checked(properties),
            actor=actor,
            source=source,
        )

    # --- sharing (domain/sharing.py: the rule; docs/adr/0017) ------------------------------

    def role_of(self, account_id: UUID) -> Role | None:
        """What the person is to this calendar now: owner, an accepted member's role, or None
        (an invitation not yet accepted gives no right)."""
        if self.deleted:
            return None
        if account_id == self.account_id:
            # a feed's calendar only its refresh changes; a mirrored one is written back
            # (docs/adr/0026), so its owner owns it
            return owner_role(subscribed=self.subscription is not None)
        member = self.members.get(str(account_id))
        if member is None or member["status"] != Status.ACTIVE:
            return None
        return Role(member["role"])

    def share(self, *, by: UUID, member: UUID, role: str, actor: str, source: str) -> None:
        """Invite someone to the calendar with a role (or change the role of an invitation
        not answered yet). Only the owner and `manage` members share; the owner is no member;
        an accepted member's role is changed with `change_role`."""
        self._require(by, Action.MANAGE, "share")
        given = self._member_role(role)
        if member == by:
            raise DomainError("You cannot share a calendar with yourself.").worded(
                "refusal-calendars-share-self"
            )
        if member == self.account_id:
            raise DomainError("That person owns this calendar.").worded(
                "refusal-calendars-share-owner"
            )
        current = self.members.get(str(member))
        if current is not None and current["status"] == Status.ACTIVE:
            raise ConflictError(
                "That person is already a member; change their role instead."
            ).worded("refusal-calendars-already-member")
        if current is None and len(self.members) >= MAX_MEMBERS:
            raise DomainError(f"A calendar is shared with at most {MAX_MEMBERS} people.").worded(
                "refusal-calendars-member-cap", most=MAX_MEMBERS
            )
        if current is not None and current["role"] == given:
            return  # invited again with the same role: nothing new
        self._member_invited(
            account_id=self.account_id, member=member, role=given.value, by=by,
            actor=actor, source=source,
        )  # fmt: skip

    def answer_invitation(self, *, by: UUID, accept: bool, actor: str, source: str) -> None:
        """The invited person accepts (the calendar becomes theirs to use) or declines."""
        self._check_live()
        current = self.members.get(str(by))
        if current is None:
            raise _not_found()
        if current["status"] == Status.ACTIVE:
            if accept:
                return  # accepted twice (two taps): nothing new
            raise ConflictError("You already accepted this calendar; leave it instead.").worded(
                "refusal-calendars-already-accepted"
            )
        if accept:
            self._membership_accepted(
                account_id=self.account_id, member=by, actor=actor, source=source
            )
        else:
            self._member_removed(
                account_id=self.account_id, member=by, reason="declined", actor=actor, source=source
            )

    def change_role(self, *, by: UUID, member: UUID, role: str, actor: str, source: str) -> None:
        """Give a member another role (the owner or a `manage` member)."""
        self._require(by, Action.MANAGE, "roles")
        given = self._member_role(role)
        current = self.members.get(str(member))
        if current is None:
            raise _not_a_member()
        if current["role"] != given:
            self._member_role_changed(
                account_id=self.account_id, member=member, role=given.value,
                actor=actor, source=source,
            )  # fmt: skip

    def remove_member(self, *, by: UUID, member: UUID, actor: str, source: str) -> None:
        """Remove a member or an invitation (the owner or a `manage` member), or leave (a
        member removing themselves). The owner cannot leave their own calendar."""
        self._check_live()
        if member == self.account_id:
            raise DomainError(
                "The owner cannot leave their own calendar; delete it instead."
            ).worded("refusal-calendars-owner-stays")
        if str(member) not in self.members:
            if member == by:
                raise _not_found()
            self._require(by, Action.MANAGE, "remove")
            raise _not_a_member()
        if member != by:
            self._require(by, Action.MANAGE, "remove")
        self._member_removed(
            account_id=self.account_id, member=member, reason="left" if member == by else "removed",
            actor=actor, source=source,
        )  # fmt: skip

    def remove_erased_member(self, *, member: UUID, actor: str, source: str) -> None:
        """Take an erased person out of the calendar (GDPR Art. 17)."""
        if not self.deleted and str(member) in self.members:
            self._member_removed(
                account_id=self.account_id, member=member, reason="erased", actor=actor,
                source=source,
            )  # fmt: skip

    def set_member_properties(
        self, *, by: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        """A member's own name, colour, busy choice and client properties for the calendar
        (None: back to the calendar's own; values equal to the current ones are dropped)."""
        self._check_live()
        current = self.members.get(str(by))
        if current is None or current["status"] != Status.ACTIVE:
            raise _not_found()
        unknown = set(changes) - set(MEMBER_PROPERTIES)
        if unknown:
            raise _unknown_property(sorted(unknown)[0])
        if (
            "busy" in changes
            and changes["busy"] is not None
            and not isinstance(changes["busy"], bool)
        ):
            raise DomainError("busy is true or false.").worded("refusal-calendars-busy")
        if changes.get("dead") is not None:
            _checked_dead(changes["dead"])
        mine = current.get("properties", {})
        changed = {k: v for k, v in changes.items() if mine.get(k) != v}
        if changed:
            self._member_properties_set(
                account_id=self.account_id, member=by, changes=changed, actor=actor, source=source
            )

    def _member_role(self, text: str) -> Role:
        """A role a member may be given here: any, or only `read` on a subscribed calendar
        (its events change only with its feed)."""
        given = member_role(text)
        if self.subscription is not None and given is not Role.READ:
            raise DomainError("This calendar shows a feed: it is shared to view only.").worded(
                "refusal-subscriptions-share-read-only"
            )
        return given

    # --- subscribed to a feed (domain/feed_subscriptions.py; docs/adr/0025) -----------------

    @property
    def subscription(self) -> dict[str, Any] | None:
        """The feed this calendar shows (its URL and the subscriber's options), or None."""
        found: dict[str, Any] | None = self.__dict__.get("_subscription")
        return found

    def subscribe_feed(
        self, *, url: str, options: SubscriptionOptions, actor: str, source: str
    ) -> None:
        """Make this (new or brought back, empty) calendar the one that shows a feed."""
        self._check_live()
        if self.subscription is not None:
            raise ConflictError("You already subscribe to this feed.").worded(
                "refusal-subscriptions-already"
            )
        self._feed_subscribed(
            account_id=self.account_id, url=url, options=options.as_facts(), actor=actor,
            source=source,
        )  # fmt: skip

    def change_subscription(
        self, *, by: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        """Pause or resume the feed, turn its reminders or busy time on or off (its owner)."""
        self._require(by, Action.ADMINISTER, "subscription")
        current = self.subscription
        if current is None:
            raise not_subscribed()
        changed = options_changed(current["options"], changes)
        if changed:
            self._subscription_changed(
                account_id=self.account_id, changes=changed, actor=actor, source=source
            )

    def record_refresh(
        self, *, added: int, changed: int, removed: int, actor: str, source: str
    ) -> None:
        """Say in the log what a refresh of the feed changed (the events' own changes are
        saved with it); a refresh that changed nothing records nothing."""
        self._check_live()
        if self.subscription is None:
            raise not_subscribed()
        if added or changed or removed:
            self._feed_refreshed(
                account_id=self.account_id, added=added, changed=changed, removed=removed,
                actor=actor, source=source,
            )  # fmt: skip

    @event("FeedSubscribed")
    def _feed_subscribed(
        self, *, account_id: UUID, url: str, options: dict[str, bool], actor: str, source: str
    ) -> None:
        self.__dict__["_subscription"] = {"url": url, "options": dict(options)}

    @event("SubscriptionChanged")
    def _subscription_changed(
        self, *, account_id: UUID, changes: dict[str, bool], actor: str, source: str
    ) -> None:
        current = self.subscription
        if current is not None:
            current["options"].update(changes)

    @event("FeedRefreshed")
    def _feed_refreshed(
        self, *, account_id: UUID, added: int, changed: int, removed: int, actor: str,
        source: str,
    ) -> None:  # fmt: skip
        pass

    # --- mirroring a calendar of a connected account (docs/adr/0026) ---------------------------

    @property
    def mirrored(self) -> dict[str, Any] | None:
        """The remote calendar this one mirrors (`connection` id as text, `url`), or None."""
        found: dict[str, Any] | None = self.__dict__.get("_mirror")
        return found

    def mirror(self, *, connection_id: UUID, url: str, actor: str, source: str) -> None:
        """Make this (new or brought back, empty) calendar the mirror of a remote calendar."""
        self._check_live()
        if self.mirrored is not None or self.subscription is not None:
            raise ConflictError("This calendar already shows another one.").worded(
                "refusal-connections-calendar-taken"
            )
        self._calendar_mirrored(
            account_id=self.account_id, connection_id=connection_id, url=url, actor=actor,
            source=source,
        )  # fmt: skip

    def stop_mirroring(self, *, actor: str, source: str) -> None:
        """Keep the events as an ordinary calendar's (the connection was removed)."""
        self._check_live()
        if self.mirrored is not None:
            self._mirroring_stopped(account_id=self.account_id, actor=actor, source=source)

    def record_sync(
        self, *, added: int, changed: int, removed: int, actor: str, source: str
    ) -> None:
        """Say in the log what a sync with the remote calendar changed (the events' own changes
        are saved with it); a sync that changed nothing records nothing."""
        self._check_live()
        if added or changed or removed:
            self._calendar_synced(
                account_id=self.account_id, added=added, changed=changed, removed=removed,
                actor=actor, source=source,
            )  # fmt: skip

    def write_back_overruled(
        self,
        *,
        event_id: UUID,
        shown: dict[str, Any],
        remote: str,
        actor: str,
        source: str,
    ) -> None:
        """Say that a change made here to one of the calendar's events lost to the other
        server's (docs/adr/0026: the other server wins; Televent's version stays in the log as
        the revision it was). `shown`: what the person is told of their version (summary,
        start, end, all_day); `remote`: "changed" or "deleted" on the other server."""
        self._check_live()
        if remote not in {"changed", "deleted"}:
            raise DomainError(f"Unknown outcome {remote!r} of a write-back.")
        self._write_back_overruled(
            account_id=self.account_id, event_id=event_id, shown=dict(shown), remote=remote,
            actor=actor, source=source,
        )  # fmt: skip

    @event("WriteBackOverruled")
    def _write_back_overruled(
        self, *, account_id: UUID, event_id: UUID, shown: dict[str, Any], remote: str,
        actor: str, source: str,
    ) -> None:  # fmt: skip
        pass

    @event("CalendarMirrored")
    def _calendar_mirrored(
        self, *, account_id: UUID, connection_id: UUID, url: str, actor: str, source: str
    ) -> None:
        self.__dict__["_mirror"] = {"connection": str(connection_id), "url": url}

    @event("MirroringStopped")
    def _mirroring_stopped(self, *, account_id: UUID, actor: str, source: str) -> None:
        self.__dict__.pop("_mirror", None)

    @event("CalendarSynced")
    def _calendar_synced(
        self, *, account_id: UUID, added: int, changed: int, removed: int, actor: str,
        source: str,
    ) -> None:  # fmt: skip
        pass

    # --- publishing as a feed (docs/adr/0022) ------------------------------------------------

    def feed_of(self, account_id: UUID) -> dict[str, Any] | None:
        """The person's published feed of this calendar (its token's hash and busy_only)."""
        return self._feeds().get(str(account_id))

    def publish_feed(
        self, *, by: UUID, token_hash: str, busy_only: bool, actor: str, source: str
    ) -> None:
        """Publish the calendar at a secret address for `by` (anyone who may read it); a new
        one replaces the person's previous address. Only the token's hash is recorded."""
        self._require(by, Action.READ, "publish")
        if len(token_hash) != 64 or any(c not in "0123456789abcdef" for c in token_hash):
            raise DomainError("A feed is recorded by its token's SHA-256 hash.")
        self._feed_published(
            account_id=self.account_id, member=by, token_hash=token_hash,
            busy_only=bool(busy_only), actor=actor, source=source,
        )  # fmt: skip

    def revoke_feed(self, *, by: UUID, actor: str, source: str) -> None:
        """Stop the person's published feed of this calendar (its address answers 404)."""
        self._check_live()
        if str(by) not in self._feeds():
            raise NotFoundError("This calendar is not published.").worded(
                "refusal-calendars-not-published"
            )
        self._feed_revoked(account_id=self.account_id, member=by, actor=actor, source=source)

    def _feeds(self) -> dict[str, dict[str, Any]]:
        """The published feeds (calendars replayed from before feeds existed have none)."""
        feeds: dict[str, dict[str, Any]] | None = getattr(self, "feeds", None)
        if feeds is None:
            feeds = self.feeds = {}
        return feeds

    @event("FeedPublished")
    def _feed_published(
        self, *, account_id: UUID, member: UUID, token_hash: str, busy_only: bool, actor: str,
        source: str,
    ) -> None:  # fmt: skip
        self._feeds()[str(member)] = {"token_hash": token_hash, "busy_only": busy_only}

    @event("FeedRevoked")
    def _feed_revoked(self, *, account_id: UUID, member: UUID, actor: str, source: str) -> None:
        self._feeds().pop(str(member), None)

    def _require(self, by: UUID, action: Action, what: str) -> None:
        """`by` may do `action` here: NotFoundError when they cannot even see the calendar (its
        existence is not revealed), ForbiddenError when their role does not allow it. `what`
        is what they asked for, one of `_WHAT`'s keys, said in the refusal."""
        self._check_live()
        role = self.role_of(by)
        if role is None:
            raise _not_found()
        if not permits(role, action):
            raise ForbiddenError(
                f"Your role on this calendar does not allow you to {_WHAT[what]}.", action
            ).worded("refusal-calendars-role-forbids", what=what)

    @event("MemberInvited")
    def _member_invited(
        self, *, account_id: UUID, member: UUID, role: str, by: UUID, actor: str, source: str
    ) -> None:
        # `via`: where the invitation came from (a group's chat when the member joined through
        # the group: only they leave the calendar with the group, domain/group_chat.py)
        self.members[str(member)] = {
            "role": role, "status": Status.INVITED.value, "properties": {}, "via": source,
        }  # fmt: skip

    @event("MembershipAccepted")
    def _membership_accepted(
        self, *, account_id: UUID, member: UUID, actor: str, source: str
    ) -> None:
        self.members[str(member)]["status"] = Status.ACTIVE.value

    @event("MemberRoleChanged")
    def _member_role_changed(
        self, *, account_id: UUID, member: UUID, role: str, actor: str, source: str
    ) -> None:
        self.members[str(member)]["role"] = role
        # where the role was set (a group's chat, or by hand: domain/group_chat.py, whose
        # settings change only the roles the group set)
        self.members[str(member)]["role_via"] = source

    @event("MemberRemoved")
    def _member_removed(
        self, *, account_id: UUID, member: UUID, reason: str, actor: str, source: str
    ) -> None:
        self.members.pop(str(member), None)
        self._feeds().pop(str(member), None)  # a removed member's feed stops with them

    @event("MemberPropertiesSet")
    def _member_properties_set(
        self, *, account_id: UUID, member: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        self.members[str(member)].setdefault("properties", {}).update(changes)

    def _check_live(self) -> None:
        if self.deleted:
            raise NotFoundError(f"Calendar {self.slug!r} does not exist.").worded(
                "refusal-calendars-calendar-gone"
            )

    @event("CalendarUpdated")
    def _updated(
        self, *, account_id: UUID, changes: dict[str, Any], actor: str, source: str
    ) -> None:
        self.properties.update(changes)

    @event("CalendarDeleted")
    def _deleted(self, *, account_id: UUID, actor: str, source: str) -> None:
        self.deleted = True
        self.members = {}  # a deleted calendar is gone for every member
        self.feeds = {}  # and every published feed of it stops
        self.__dict__.pop("_subscription", None)  # and its subscription ends
        self.__dict__.pop("_mirror", None)  # and its mirroring

    @event("CalendarRecreated")
    def _recreated(
        self, *, account_id: UUID, slug: str, properties: dict[str, Any], actor: str, source: str
    ) -> None:
        self.properties = dict(properties)
        self.deleted = False


def _not_found() -> NotFoundError:
    """A calendar the person cannot see, said as one that does not exist (nothing revealed)."""
    return NotFoundError("Calendar not found.").worded("refusal-calendars-calendar-gone")


def _not_a_member() -> NotFoundError:
    return NotFoundError("That person is not a member of this calendar.").worded(
        "refusal-calendars-not-member"
    )


def _unknown_property(name: str) -> DomainError:
    """A property a calendar does not have, named as it was asked for."""
    return DomainError(f"Unknown calendar property: {name}.").worded(
        "refusal-calendars-property-unknown", property=name[:64]
    )


def _checked(properties: dict[str, Any]) -> dict[str, Any]:
    unknown = set(properties) - set(PROPERTIES)
    if unknown:
        raise _unknown_property(sorted(unknown)[0])
    dead = properties.get("dead")
    if dead is not None:
        _checked_dead(dead)
    return dict(properties)


def _checked_dead(dead: Any) -> None:
    """Client properties (RFC 4918 §4.2 dead properties) a calendar or a member keeps: at most
    MAX_DEAD_PROPERTIES, each named {namespace}name and at most MAX_DEAD_VALUE characters."""
    if not isinstance(dead, dict) or len(dead) > MAX_DEAD_PROPERTIES:
        raise DomainError(
            f"A calendar keeps at most {MAX_DEAD_PROPERTIES} client properties."
        ).worded("refusal-calendars-client-properties", most=MAX_DEAD_PROPERTIES)
    for name, value in dead.items():
        if not (
            isinstance(name, str)
            and name.startswith("{")
            and "}" in name
            and len(name) <= MAX_DEAD_NAME
            and isinstance(value, str)
            and len(value) <= MAX_DEAD_VALUE
        ):
            raise DomainError(
                f"A client property is at most {MAX_DEAD_VALUE} characters, named "
                "{namespace}name."
            ).worded("refusal-calendars-client-property", most=MAX_DEAD_VALUE)
