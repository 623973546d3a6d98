"""`python -m generator` runs the frontdesk command."""

from generator.cli import main

main()
