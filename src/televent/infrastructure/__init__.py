"""The machinery under the application: event store recorders, the crypto-shredding mapper and
key store, database URLs and the schema."""
