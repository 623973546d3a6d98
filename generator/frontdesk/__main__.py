"""`python -m frontdesk` runs the frontdesk command."""

from frontdesk.cli.main import main

main()
