# The Mini App: words shared by every screen (each screen's own are in app-<screen>.ftl).
app-name = Televent
