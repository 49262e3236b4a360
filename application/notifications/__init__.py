"""Notifications: handlers of committed events (e-mail, inbox) and the inbox's use cases."""
