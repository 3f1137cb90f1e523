"""The JSON API at /api/v1 (litestar controllers): the Mini App's and scripts' way in.

Every write is a command on the application with source `api`; every read comes from the read
models. Errors are RFC 9457 problem details.
"""
