"""Ports: what the use cases need from the outside world, implemented by adapters/."""
