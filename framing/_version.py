"""The package version; bump PIPELINE_VERSION when annotation output changes."""

__version__ = "0.1.0"
