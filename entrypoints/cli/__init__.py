"""The ``folio`` command line: serve the API, migrate the database, manage users."""
