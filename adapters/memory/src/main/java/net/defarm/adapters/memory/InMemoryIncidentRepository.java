package net.defarm.adapters.memory;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.defarm.application.audit.IncidentRepository;
import net.defarm.application.shared.Page;
import net.defarm.application.shared.PageRequest;
import net.defarm.domain.audit.SecurityIncident;
import net.defarm.domain.shared.NotFoundException;

/** Security incidents in memory. */
public final class InMemoryIncidentRepository implements IncidentRepository {

    static final String CURSOR = "incidents";

    private final Map<UUID, SecurityIncident> incidents = new ConcurrentHashMap<>();
    private final InMemoryUnitOfWork uow;

    public InMemoryIncidentRepository(InMemoryUnitOfWork uow) {
        this.uow = uow;
    }

    @Override
    public void insert(SecurityIncident incident) {
        if (incidents.putIfAbsent(incident.incidentId(), incident) != null) {
            throw new IllegalStateException("incident " + incident.incidentId() + " exists");
        }
        uow.onRollback(() -> incidents.remove(incident.incidentId()));
    }

    @Override
    public Optional<SecurityIncident> find(UUID incidentId) {
        return Optional.ofNullable(incidents.get(incidentId));
    }

    @Override
    public SecurityIncident update(SecurityIncident changed) {
        VersionedUpdate.Replaced<SecurityIncident> replaced = VersionedUpdate.apply(incidents, changed.incidentId(),
                changed.version(), SecurityIncident::version, changed::atVersion,
                id -> new NotFoundException("INCIDENT_NOT_FOUND", "Incident not found"), "incident");
        uow.onRollback(() -> incidents.put(changed.incidentId(), replaced.previous()));
        return replaced.stored();
    }

    @Override
    public Page<SecurityIncident> list(Filter filter, PageRequest page) {
        return NewestFirst.page(incidents.values(), SecurityIncident::createdAt, SecurityIncident::incidentId,
                filter::matches, CURSOR, page);
    }
}
