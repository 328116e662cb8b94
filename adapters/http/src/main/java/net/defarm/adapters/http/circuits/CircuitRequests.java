package net.defarm.adapters.http.circuits;

import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import net.defarm.adapters.http.items.IdentifierDto;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.circuits.ManageCircuits;
import net.defarm.domain.circuits.AccessMode;
import net.defarm.domain.circuits.AdapterType;
import net.defarm.domain.circuits.CircuitAliasConfig;
import net.defarm.domain.circuits.MemberRole;
import net.defarm.domain.circuits.Permission;
import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.JsonObject;

/** Request bodies of the circuit routes, and the path and body readings they share. */
final class CircuitRequests {

    private CircuitRequests() {
    }

    record AliasConfigBody(List<String> requiredCanonical, List<String> requiredContextual, Boolean useFingerprint,
                           List<String> allowedNamespaces, Boolean autoApplyNamespace) {
        CircuitAliasConfig toDomain() {
            return new CircuitAliasConfig(requiredCanonical == null ? List.of() : requiredCanonical,
                    requiredContextual == null ? List.of() : requiredContextual,
                    useFingerprint == null || useFingerprint, allowedNamespaces,
                    autoApplyNamespace == null || autoApplyNamespace);
        }
    }

    record AdapterBody(String adapterType, Boolean requiresApproval, Boolean autoMigrateExisting,
                       Boolean sponsorAdapterAccess) {
        ManageCircuits.AdapterRequest toDomain() {
            AdapterType type = adapterType == null ? null : AdapterType.parse(adapterType).orElseThrow(() ->
                    new InvalidInputException("INVALID_ADAPTER_TYPE", "Invalid adapter type: Unknown adapter type: "
                            + adapterType));
            return new ManageCircuits.AdapterRequest(type, Boolean.TRUE.equals(requiresApproval),
                    Boolean.TRUE.equals(autoMigrateExisting), Boolean.TRUE.equals(sponsorAdapterAccess));
        }
    }

    record PublicSettingsBody(String accessMode, String scheduledDate, String accessPassword, String publicName,
                              String publicDescription, String primaryColor, String secondaryColor, String logoUrl,
                              String tagline, String footerText, List<String> publishedItems,
                              Boolean autoApproveMembers, Boolean autoPublishPushedItems, Boolean showEncryptedEvents,
                              String requiredEventTypes, String dataQualityRules, String exportPermissions) {
        @Override
        public String toString() {
            return "PublicSettingsBody[" + accessMode + "]";
        }

        ManageCircuits.PublicSettingsRequest toDomain() {
            AccessMode mode = AccessMode.parse(Requests.required(accessMode, "access_mode")).orElseThrow(() ->
                    new InvalidInputException("INVALID_ACCESS_MODE", "access_mode must be one of public, open, "
                            + "protected, scheduled (was '" + accessMode + "')"));
            Instant date = null;
            if (scheduledDate != null) {
                date = Requests.rfc3339(scheduledDate).orElseThrow(() -> new InvalidInputException(
                        "INVALID_SCHEDULED_DATE",
                        "scheduled_date must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z"));
            }
            String export = exportPermissions == null ? null : switch (exportPermissions.toLowerCase(Locale.ROOT)) {
                case "admin" -> "Admin";
                case "members" -> "Members";
                case "public" -> "Public";
                default -> throw new InvalidInputException("INVALID_EXPORT_PERMISSIONS",
                        "export_permissions must be admin, members or public");
            };
            return new ManageCircuits.PublicSettingsRequest(mode, date, accessPassword, publicName, publicDescription,
                    primaryColor, secondaryColor, logoUrl, tagline, footerText, publishedItems,
                    Boolean.TRUE.equals(autoApproveMembers), Boolean.TRUE.equals(autoPublishPushedItems),
                    Boolean.TRUE.equals(showEncryptedEvents), requiredEventTypes, dataQualityRules, export);
        }
    }

    record CreateRequest(String name, String description, AdapterBody adapterConfig, AliasConfigBody aliasConfig,
                         Boolean allowPublicVisibility, PublicSettingsBody publicSettings,
                         Boolean requireApprovalForPush, Boolean requireApprovalForPull) {
    }

    record PermissionsBody(Boolean requireApprovalForPush, Boolean requireApprovalForPull,
                           Boolean allowPublicVisibility) {
    }

    record UpdateRequest(String name, String description, PermissionsBody permissions) {
    }

    record MemberRequest(String memberId, String role, String customRoleName) {
    }

    record BatchItem(String dfid) {
    }

    record BatchRequest(List<BatchItem> items) {
    }

    record PushLocalRequest(String localId, List<IdentifierDto> identifiers, JsonObject enrichedData) {
    }

    record PushEventsRequest(List<String> localEventIds, String dfid) {
    }

    /**
     * Approve and reject bodies. Decisions act as the caller; the use case refuses an actor id here that names
     * someone else.
     */
    record DecisionRequest(String approverId, String adminId, String reason, String role) {
        List<String> namedActors() {
            List<String> named = new ArrayList<>(2);
            named.add(approverId);
            named.add(adminId);
            return named;
        }
    }

    record JoinRequestBody(String message) {
    }

    record PublicSettingsEnvelope(PublicSettingsBody publicSettings) {
    }

    record JoinPublicRequest(String accessPassword, String message) {
        @Override
        public String toString() {
            return "JoinPublicRequest";
        }
    }

    record RoleRequest(String roleName, List<String> permissions, String description, String color) {
    }

    static UUID circuitId(ServerRequest req) {
        return Requests.uuidPath(req, "id", "circuit ID");
    }

    /** An optional decision body: absent reads as one naming no one and giving no reason. */
    static DecisionRequest optionalDecision(HttpJson json, ServerRequest req) {
        return hasBody(req) ? json.read(req, DecisionRequest.class) : new DecisionRequest(null, null, null, null);
    }

    /** Optional bodies: an empty one (no length, or length 0) counts as absent whatever its content type. */
    static boolean hasBody(ServerRequest req) {
        OptionalLong length = req.headers().contentLength();
        return length.isPresent() ? length.getAsLong() > 0 : req.content().hasEntity();
    }

    static MemberRole role(String name) {
        return MemberRole.parse(name).orElseThrow(() -> new InvalidInputException("INVALID_ROLE",
                "Invalid member role: " + name));
    }

    static Set<Permission> permissions(List<String> names) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (String n : names) {
            set.add(Permission.parse(n).orElseThrow(() -> new InvalidInputException("INVALID_PERMISSION",
                    "Invalid permission: " + n)));
        }
        return set;
    }
}
