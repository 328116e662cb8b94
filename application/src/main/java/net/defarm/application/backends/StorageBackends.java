package net.defarm.application.backends;

import java.util.List;
import net.defarm.application.shared.OutboundPort;
import net.defarm.domain.backends.AdapterCatalog;

/**
 * The backends that serve an adapter in this deployment, each checked now (a real round trip, never a remembered
 * flag). A backend the adapter names but the deployment does not run is reported as not configured.
 */
@OutboundPort
public interface StorageBackends {

    List<BackendCheck> check(AdapterCatalog.Entry adapter);
}
