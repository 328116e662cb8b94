package net.defarm.application.delivery;

import net.defarm.application.shared.OutboundPort;

/**
 * Decides whether a user-supplied URL may be called: http(s) only, and no address inside the service's own
 * network (loopback, private, link-local, metadata, unspecified, multicast) after name resolution, unless the
 * configured allow-list names the host.
 */
@OutboundPort
public interface WebhookTargetGuard {

    /** Returns quietly, or throws InvalidInputException (WEBHOOK_URL_REFUSED / INVALID_WEBHOOK_URL) saying why. */
    void check(String url);
}
