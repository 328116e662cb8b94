package net.defarm.application.admin;

import net.defarm.domain.identity.AccountStatus;
import net.defarm.domain.identity.UserTier;

/**
 * Which accounts an administrator lists: {@code username} and {@code email} match as case-insensitive substrings;
 * every null criterion matches all.
 */
public record UserFilter(String username, String email, UserTier tier, AccountStatus status, Boolean admin) {

    public static final UserFilter ALL = new UserFilter(null, null, null, null, null);
}
