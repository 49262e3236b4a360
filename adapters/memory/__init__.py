"""In-memory storage: the whole database in a process's dictionaries, with real transactions."""
