package net.defarm.adapters.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.defarm.application.delivery.WebhookTargetGuard;
import net.defarm.domain.shared.InvalidInputException;

/**
 * Refuses webhook URLs that would make the service call into its own network (SSRF): every address the host name
 * resolves to must be a public unicast address. Loopback, unspecified, private (10/8, 172.16/12, 192.168/16,
 * 100.64/10, fc00::/7), link-local (169.254/16 with the cloud metadata address, fe80::/10), multicast and reserved
 * ranges are refused, unless the configured allow-list names the host exactly as the URL writes it.
 */
public final class DnsWebhookTargetGuard implements WebhookTargetGuard {

    private static final int MAX_URL = 2048;
    private final Set<String> allowedHosts;

    public DnsWebhookTargetGuard(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(DnsWebhookTargetGuard::normalize).collect(Collectors.toSet());
    }

    @Override
    public void check(String url) {
        URI uri = parse(url);
        String host = normalize(uri.getHost());
        if (allowedHosts.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("WEBHOOK_URL_UNRESOLVABLE", "Webhook URL refused: the host " + host
                    + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            String why = internal(address);
            if (why != null) {
                throw new InvalidInputException("WEBHOOK_URL_REFUSED", "Webhook URL refused: " + host
                        + " resolves to " + why + " address; only public addresses can receive webhooks");
            }
        }
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            throw new InvalidInputException("INVALID_WEBHOOK_URL", "Invalid URL: a URL of at most " + MAX_URL
                    + " characters is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("INVALID_WEBHOOK_URL", "Invalid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("INVALID_WEBHOOK_URL", "Only HTTP and HTTPS URLs are allowed");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("INVALID_WEBHOOK_URL", "Invalid URL: the host is missing");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("INVALID_WEBHOOK_URL",
                    "Invalid URL: credentials in the URL are not allowed (use auth_type and auth_credentials)");
        }
        return uri;
    }

    private static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** Why an address is internal ("a loopback", ...), or null for a public unicast address. */
    static String internal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "an unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local (or metadata)";
        }
        if (a.isSiteLocalAddress()) {
            return "a private";
        }
        if (a.isMulticastAddress()) {
            return "a multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
                    || (first == 198 && (second == 18 || second == 19)) || (first == 192 && second == 0 && b[2] == 0)) {
                return "a reserved or shared";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique local)";
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return "a private (site-local)";
            }
            if (embedsInternalIpv4(b)) {
                return "an internal (IPv4-embedded)";
            }
        }
        return null;
    }

    /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms of an internal IPv4 address. */
    private static boolean embedsInternalIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 12; i++) {
            zeros &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!zeros && !nat64) {
            return false;
        }
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            return internal(v4) != null;
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
