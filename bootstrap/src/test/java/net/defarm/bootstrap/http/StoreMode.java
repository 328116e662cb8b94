package net.defarm.bootstrap.http;

/** The storage modes an HTTP suite runs in: memory, PostgreSQL, and PostgreSQL behind both cache tiers. */
public enum StoreMode { MEMORY, POSTGRES, POSTGRES_TWO_LEVEL_CACHE }
