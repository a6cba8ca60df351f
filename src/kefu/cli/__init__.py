"""The `kefu` command line (Typer + Rich). Subcommands import their heavy parts lazily."""
