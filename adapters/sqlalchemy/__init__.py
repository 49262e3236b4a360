"""SQL storage: SQLAlchemy Core tables, explicit row mappers, the unit of work and migrations."""
