package net.defarm.application.testing;

import net.defarm.application.identity.PasswordHasher;

/** A test double that keeps tests fast: reversible "hashing" that must never be used outside tests. */
public final class PlainPasswordHasher implements PasswordHasher {

    @Override
    public String hash(String password) {
        return "plain:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        return hash.equals("plain:" + password);
    }
}
