"""`python -m televent`: the same program as the `televent` command."""

from televent.entrypoints.cli import main

raise SystemExit(main())
