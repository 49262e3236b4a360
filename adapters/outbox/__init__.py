"""The outbox relay and the stored form of events."""
