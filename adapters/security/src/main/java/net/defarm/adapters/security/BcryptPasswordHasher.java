package net.defarm.adapters.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import net.defarm.application.identity.PasswordHasher;

/** bcrypt in the standard {@code $2b$} format (the reference's), at a configurable cost (12 by default). */
public final class BcryptPasswordHasher implements PasswordHasher {

    public static final int DEFAULT_COST = 12;

    private final int cost;

    public BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31");
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException e) {
            // Over-long passwords or malformed hashes never match.
            return false;
        }
    }
}
