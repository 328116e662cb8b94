package net.defarm.bootstrap.http;

/** The storage modes an HTTP suite runs in. */
public enum StoreMode { MEMORY, POSTGRES }
