"""Storage: schema, engine, migrations, writes and queries."""
