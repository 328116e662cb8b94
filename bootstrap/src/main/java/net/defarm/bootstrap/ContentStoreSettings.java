package net.defarm.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import net.defarm.adapters.content.DiskContentStore;
import net.defarm.adapters.content.KuboContentStore;
import net.defarm.application.evidence.ContentStore;
import net.defarm.application.storage.StoragePorts;

/**
 * Where content-addressed blobs go ({@code CONTENT_STORE}): {@code local} keeps them with the data (process memory in
 * memory mode, the {@code content_blocks} table in the database modes), {@code disk} in files under a directory,
 * {@code ipfs} on a Kubo node through its HTTP RPC.
 */
public record ContentStoreSettings(Kind kind, Path directory, URI ipfsApiUrl, Duration ipfsConnectTimeout,
                                   Duration ipfsRequestTimeout) {

    public static final ContentStoreSettings DEFAULTS = new ContentStoreSettings(Kind.LOCAL, Path.of("data/content"),
            URI.create("http://127.0.0.1:5001"), Duration.ofSeconds(2), Duration.ofSeconds(30));

    /** The choices of {@code content-store.kind}. */
    public enum Kind {
        LOCAL, DISK, IPFS;

        static Kind parse(String value) {
            for (Kind k : values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("content-store.kind (CONTENT_STORE) must be one of: local, disk, ipfs "
                    + "(was '" + value + "')");
        }
    }

    public ContentStoreSettings {
        String scheme = ipfsApiUrl.getScheme();
        if (ipfsApiUrl.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("content-store.ipfs.api-url (IPFS_API_URL) must be an http(s) URL "
                    + "with a host, was '" + ipfsApiUrl + "'");
        }
        if (ipfsApiUrl.getRawUserInfo() != null) {
            // The address is shown in logs and startup lines; a credential there would leak with it.
            throw new IllegalArgumentException("content-store.ipfs.api-url (IPFS_API_URL) must not carry "
                    + "credentials (user-info); put a node that needs them behind a local proxy");
        }
        if (!ipfsConnectTimeout.isPositive() || !ipfsRequestTimeout.isPositive()) {
            throw new IllegalArgumentException("content-store.ipfs timeouts (IPFS_CONNECT_TIMEOUT_MS, "
                    + "IPFS_REQUEST_TIMEOUT_MS) must be positive");
        }
    }

    static ContentStoreSettings of(String kind, String directory, String apiUrl, int connectMs, int requestMs) {
        URI url;
        try {
            url = URI.create(apiUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("content-store.ipfs.api-url (IPFS_API_URL) is not a URL: " + apiUrl, e);
        }
        return new ContentStoreSettings(Kind.parse(kind), Path.of(directory), url, Duration.ofMillis(connectMs),
                Duration.ofMillis(requestMs));
    }

    /** {@code storage} with the configured content store in place of its own. */
    StoragePorts apply(StoragePorts storage) {
        ContentStore contents = switch (kind) {
            case LOCAL -> storage.contents();
            case DISK -> new DiskContentStore(directory);
            case IPFS -> new KuboContentStore(ipfsApiUrl, ipfsConnectTimeout, ipfsRequestTimeout);
        };
        return contents == storage.contents() ? storage : StoragePorts.builder(storage).contents(contents).build();
    }

    @Override
    public String toString() {
        return "content=" + switch (kind) {
            case LOCAL -> "local";
            case DISK -> "disk:" + directory;
            case IPFS -> "ipfs:" + ipfsApiUrl;
        };
    }
}
