"""What an operator runs: the audit, GDPR export and erasure, farewells, maintenance."""
