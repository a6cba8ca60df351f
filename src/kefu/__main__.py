"""`python -m kefu` runs the CLI."""

from kefu.cli.app import main

main()
