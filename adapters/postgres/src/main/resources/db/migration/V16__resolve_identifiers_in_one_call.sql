-- Entity resolution in one round trip (ADR 0024): take the submission's identifier locks, then look its identifiers
-- up. The lookup must see an item committed by the transaction that held a lock until just now. One plain SQL
-- statement would not (its snapshot is taken before it waits for the lock); each statement of a VOLATILE PL/pgSQL
-- function takes a fresh snapshot under READ COMMITTED, so the query below runs after the locks are held.
--
-- p_lock_keys: advisory lock keys, ascending (empty: the caller's transaction already holds them). For the i-th
-- (namespace, key, value) the rows (i, dfid) of the owner's items carrying it, oldest first, at most p_limit each:
-- the same answer as the adapter's one-identifier lookup. Keep the two in step when item_identifiers changes.
CREATE FUNCTION resolve_identifiers(p_lock_keys bigint[], p_owner text, p_namespaces text[], p_keys text[],
                                    p_values text[], p_limit integer)
    RETURNS TABLE (ord bigint, found_dfid text) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(k) FROM unnest(p_lock_keys) AS k ORDER BY k;
    RETURN QUERY
    SELECT q.pos, f.dfid
      FROM unnest(p_namespaces, p_keys, p_values) WITH ORDINALITY AS q(ns, idkey, idvalue, pos)
     CROSS JOIN LATERAL (
           SELECT ii.dfid, i.created_at FROM item_identifiers ii JOIN items i ON i.dfid = ii.dfid
            WHERE ii.owner_id = p_owner AND ii.namespace = q.ns AND ii.key = q.idkey AND ii.value = q.idvalue
            GROUP BY ii.dfid, i.created_at ORDER BY i.created_at, ii.dfid LIMIT p_limit) AS f
     ORDER BY q.pos, f.created_at, f.dfid;
END
$$;
