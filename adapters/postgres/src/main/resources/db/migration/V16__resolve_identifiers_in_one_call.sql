-- Entity resolution in one round trip (ADR 0024): take the submission's identifier locks, then look its identifiers
-- up. The lookup must see an item committed by the transaction that held a lock until just now. One plain SQL
-- statement would not (its snapshot is taken before it waits for the lock); each statement of a VOLATILE PL/pgSQL
-- function takes a fresh snapshot under READ COMMITTED, so the lookups below run after the locks are held.
--
-- p_lock_keys: advisory lock keys, ascending (empty: the caller's transaction already holds them). For the i-th
-- (namespace, key, value) the rows (i, dfid) of the owner's items carrying it, oldest first, at most p_limit each:
-- the same answer as the adapter's one-identifier lookup. Keep the two in step when item_identifiers changes.
-- One simple lookup per identifier rather than one query over all of them: PL/pgSQL keeps a simple query's generic
-- plan, where a lateral join over the arrays was planned again on every call (ten times the cost of the lookups).
CREATE FUNCTION resolve_identifiers(p_lock_keys bigint[], p_owner text, p_namespaces text[], p_keys text[],
                                    p_values text[], p_limit integer)
    RETURNS TABLE (ord bigint, found_dfid text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF cardinality(p_lock_keys) > 0 THEN
        PERFORM pg_advisory_xact_lock(k) FROM unnest(p_lock_keys) AS k ORDER BY k;
    END IF;
    FOR i IN 1 .. coalesce(cardinality(p_values), 0) LOOP
        RETURN QUERY
        SELECT i::bigint, ii.dfid FROM item_identifiers ii JOIN items it ON it.dfid = ii.dfid
         WHERE ii.owner_id = p_owner AND ii.namespace = p_namespaces[i] AND ii.key = p_keys[i]
           AND ii.value = p_values[i]
         GROUP BY ii.dfid, it.created_at ORDER BY it.created_at, ii.dfid LIMIT p_limit;
    END LOOP;
END
$$;
