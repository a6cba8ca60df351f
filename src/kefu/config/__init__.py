"""Settings: environment variables (``KEFU_*``) over an optional TOML file over defaults."""

from kefu.config.settings import Settings, default_home, load_settings

__all__ = ["Settings", "default_home", "load_settings"]
