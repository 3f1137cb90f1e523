# The Mini App's device passwords (js/devices.js).
devices-title = Device passwords
devices-intro = To sync with a phone or computer calendar (CalDAV), add an account with:
devices-server = Server
devices-user = User name
devices-password = Password
devices-password-hint = a device password from this page
devices-name = Device name
devices-name-placeholder = Device name, e.g. iPhone
devices-add = Add
devices-never = never
devices-used = added { $added }, last used { $used }
devices-revoke = Revoke
devices-revoke-label = Revoke { $name }
devices-revoke-question = Revoke the password of “{ $name }”? That device stops syncing.
devices-revoked = Revoked { $name }
devices-none = No device passwords yet.
devices-new-password = Password for { $name } (shown only now, copy it):
