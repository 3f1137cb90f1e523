"""How Televent is started: the `televent` command line and `televent serve`."""
