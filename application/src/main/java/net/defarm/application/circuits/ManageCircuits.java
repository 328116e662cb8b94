package net.defarm.application.circuits;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.defarm.application.identity.PasswordHasher;
import net.defarm.application.identity.UserAccountRepository;
import net.defarm.application.notifications.NotificationRepository;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.UseCase;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.AdapterAccess;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.Circuit;
import net.defarm.domain.circuits.CircuitAdapterConfig;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.CircuitMember;
import net.defarm.domain.circuits.CircuitPermissions;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.circuits.PublicSettings;
import net.defarm.domain.identity.PasswordPolicy;
import net.defarm.domain.identity.UserAccount;
import net.defarm.domain.notifications.Notification;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.NotFoundException;
import net.defarm.domain.shared.PermissionDeniedException;

/** Creating circuits and changing their settings: name and switches, public settings, adapter, visibility. */
@UseCase
public final class ManageCircuits {

    /** The public settings a client asks for; the password arrives in clear and is stored only as a hash. */
    public record PublicSettingsRequest(AccessMode accessMode, Instant scheduledDate, String accessPassword,
                                        String publicName, String publicDescription, String primaryColor,
                                        String secondaryColor, String logoUrl, String tagline, String footerText,
                                        List<String> publishedItems, boolean autoApproveMembers,
                                        boolean autoPublishPushedItems, boolean showEncryptedEvents,
                                        String requiredEventTypes, String dataQualityRules, String exportPermissions) {
        @Override
        public String toString() {
            return "PublicSettingsRequest[" + accessMode + "]";
        }
    }

    public record AdapterRequest(AdapterType adapterType, boolean requiresApproval, boolean autoMigrateExisting,
                                 boolean sponsorAdapterAccess) {
    }

    public record NewCircuit(String name, String description, CircuitAliasConfig aliasConfig,
                             CircuitPermissions permissions, PublicSettingsRequest publicSettings,
                             AdapterRequest adapter) {
    }

    private final CircuitStore store;
    private final UserAccountRepository users;
    private final NotificationRepository notifications;
    private final PasswordHasher hasher;
    private final CircuitPublication publication;

    ManageCircuits(CircuitStore store, UserAccountRepository users, NotificationRepository notifications,
                   PasswordHasher hasher, CircuitPublication publication) {
        this.publication = publication;
        this.store = store;
        this.users = users;
        this.notifications = notifications;
        this.hasher = hasher;
    }

    /** The caller becomes the owner. The adapter is checked against the caller's tier before anything is stored. */
    public Circuit create(Actor actor, NewCircuit request) {
        CircuitAdapterConfig adapter = null;
        if (request.adapter() != null && request.adapter().adapterType() != null) {
            requireTierAllows(actor, request.adapter().adapterType());
            adapter = config(actor, request.adapter());
        }
        PublicSettings settings = request.publicSettings() == null ? null : settings(request.publicSettings(), null);
        if (settings != null) {
            // A new circuit holds no items yet, so any listed item is refused.
            publication.requirePublishable(null, settings.publishedItems());
        }
        Circuit circuit = Circuit.create(UUID.randomUUID(), request.name(), request.description(), actor.userId(),
                request.aliasConfig(), request.permissions(), null, adapter, store.clock.now());
        if (settings != null) {
            circuit = circuit.withPublicSettings(settings, store.clock.now());
        }
        Circuit created = circuit;
        return store.uow.inTransaction(() -> {
            Circuit inserted = store.circuits.insert(created);
            store.snapshots.record(null, inserted, actor.userId());
            return inserted;
        });
    }

    /** Name, description and approval/visibility switches: the owner, or a member who manages permissions. */
    public Circuit update(Actor actor, UUID circuitId, String name, String description, Boolean approvalForPush,
                          Boolean approvalForPull, Boolean publicVisibility) {
        return store.change(actor, circuitId, c -> {
            c.requireOwnerOr(actor.userId(), Permission.MANAGE_PERMISSIONS, "update circuit");
            CircuitPermissions p = c.permissions();
            CircuitPermissions changed = new CircuitPermissions(
                    approvalForPush == null ? p.requireApprovalForPush() : approvalForPush,
                    approvalForPull == null ? p.requireApprovalForPull() : approvalForPull,
                    publicVisibility == null ? p.allowPublicVisibility() : publicVisibility);
            return c.updated(name, description, changed, store.clock.now());
        });
    }

    public Circuit deactivate(Actor actor, UUID circuitId) {
        return store.change(actor, circuitId, c -> {
            c.require(actor.userId(), Permission.MANAGE_PERMISSIONS, "deactivate circuit");
            return c.deactivated(store.clock.now());
        });
    }

    /** The owner, or a member whose base role is Admin, flips public visibility. */
    public Circuit toggleVisibility(Actor actor, UUID circuitId) {
        return store.change(actor, circuitId, c -> {
            boolean admin = c.member(actor.userId()).map(m -> m.role() == MemberRole.ADMIN).orElse(false);
            if (!c.ownerId().equals(actor.userId()) && !admin) {
                throw new PermissionDeniedException("Only circuit owner or admin can toggle visibility");
            }
            return c.withVisibilityToggled(store.clock.now());
        });
    }

    /** Validated public settings (the password hashed here, outside the transaction); public visibility turns on. */
    public Circuit setPublicSettings(Actor actor, UUID circuitId, PublicSettingsRequest request) {
        Circuit current = store.load(circuitId);
        current.requireOwnerOr(actor.userId(), Permission.MANAGE_PERMISSIONS, "update public settings");
        PublicSettings settings = settings(request, current.publicSettings());
        return store.change(actor, circuitId, c -> {
            c.requireOwnerOr(actor.userId(), Permission.MANAGE_PERMISSIONS, "update public settings");
            if (request.publishedItems() != null) {
                publication.requirePublishable(circuitId, settings.publishedItems());
            }
            return store.postActions.onPublished(c, c.withPublicSettings(settings, store.clock.now()), actor.userId());
        });
    }

    /**
     * The storage adapter pushed items must use. The owner or a permissions manager sets it, within their tier;
     * every member is told.
     */
    public Circuit setAdapter(Actor actor, UUID circuitId, AdapterRequest request) {
        store.load(circuitId); // an unknown circuit answers 404 before the tier check
        if (request.adapterType() != null) {
            requireTierAllows(actor, request.adapterType());
        }
        CircuitAdapterConfig config = config(actor, request);
        return store.change(actor, circuitId, c -> {
            if (!c.ownerId().equals(actor.userId()) && !c.can(actor.userId(), Permission.MANAGE_PERMISSIONS)) {
                throw new PermissionDeniedException(
                        "Permission denied: Only circuit owner or admins can configure adapter settings");
            }
            Circuit changed = c.withAdapterConfig(config, store.clock.now());
            String type = config.adapterType() == null ? "none" : config.adapterType().wireName();
            for (CircuitMember m : changed.members()) {
                notifications.insert(Notification.adapterConfigUpdated(UUID.randomUUID(), m.memberId(), c.name(),
                        c.circuitId().toString(), type, config.sponsorAdapterAccess(), actor.userId(),
                        store.clock.now()));
            }
            return changed;
        });
    }

    private void requireTierAllows(Actor actor, AdapterType type) {
        UserAccount user = users.findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("USER_NOT_FOUND", "User not found"));
        if (!AdapterAccess.mayConfigure(user.tier(), type)) {
            throw new PermissionDeniedException("ADAPTER_PERMISSION_DENIED", "Permission denied: Your tier ("
                    + user.tier().display().toLowerCase(java.util.Locale.ROOT) + ") does not have access to the "
                    + type.variantName() + " adapter");
        }
    }

    private CircuitAdapterConfig config(Actor actor, AdapterRequest request) {
        return new CircuitAdapterConfig(request.adapterType(), actor.userId(), store.clock.now(),
                request.requiresApproval(), request.autoMigrateExisting(), request.sponsorAdapterAccess());
    }

    private PublicSettings settings(PublicSettingsRequest r, PublicSettings existing) {
        String hash = null;
        if (r.accessPassword() != null && !r.accessPassword().isEmpty()) {
            // bcrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused.
            if (r.accessPassword().getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
                throw new InvalidInputException("INVALID_FIELD", "access_password must be at most "
                        + PasswordPolicy.MAX_BYTES + " bytes long");
            }
            hash = hasher.hash(r.accessPassword());
        } else if (existing != null && r.accessMode() == AccessMode.PROTECTED) {
            // Changing other settings of a protected circuit does not require sending its password again.
            hash = existing.accessPasswordHash();
        }
        PublicSettings settings = new PublicSettings(r.accessMode(), r.scheduledDate(), hash, r.publicName(),
                r.publicDescription(), r.primaryColor(), r.secondaryColor(), r.logoUrl(), r.tagline(), r.footerText(),
                r.publishedItems() == null ? (existing == null ? List.of() : existing.publishedItems())
                        : r.publishedItems(),
                r.autoApproveMembers(), r.autoPublishPushedItems(), r.showEncryptedEvents(), r.requiredEventTypes(),
                r.dataQualityRules(), r.exportPermissions(), null);
        settings.validate();
        return settings;
    }
}
