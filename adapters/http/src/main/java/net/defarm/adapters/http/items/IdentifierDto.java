package net.defarm.adapters.http.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import net.defarm.adapters.http.support.Requests;
import net.defarm.domain.items.Identifier;
import net.defarm.domain.items.IdentifierType;
import net.defarm.domain.items.Namespaces;
import net.defarm.domain.shared.InvalidInputException;

/**
 * An identifier on the wire (request and response): namespace defaults to generic, id_type to contextual, scope
 * to user; for canonical identifiers the key is the registry. Absent optionals are omitted in responses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentifierDto(String namespace, String key, String value, String idType, String scope,
                            Boolean verified, String verificationDate) {

    public Identifier toDomain() {
        if (key == null || value == null) {
            throw invalid("key and value are required");
        }
        String ns = namespace == null ? Namespaces.GENERIC : namespace;
        String type = idType == null ? "contextual" : idType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "canonical" -> Boolean.TRUE.equals(verified) && verificationDate != null
                    ? Identifier.canonicalVerified(ns, key, value, parseDate(verificationDate))
                    : Identifier.canonical(ns, key, value);
            case "contextual" -> Identifier.contextual(ns, key, value, scope == null ? "user" : scope);
            default -> throw invalid("Invalid id_type '" + idType + "'");
        };
    }

    public static IdentifierDto of(Identifier id) {
        return switch (id.type()) {
            case IdentifierType.Canonical c -> new IdentifierDto(id.namespace(), id.key(), id.value(), "Canonical",
                    null, c.verified(), c.verificationDate() == null ? null : c.verificationDate().toString());
            case IdentifierType.Contextual c -> new IdentifierDto(id.namespace(), id.key(), id.value(), "Contextual",
                    c.scope(), null, null);
        };
    }

    public static List<Identifier> toDomain(List<IdentifierDto> dtos) {
        if (dtos == null) {
            return null;
        }
        return dtos.stream().map(d -> {
            if (d == null) {
                throw invalid("an identifier must be an object");
            }
            return d.toDomain();
        }).toList();
    }

    public static List<IdentifierDto> of(List<Identifier> ids) {
        return ids.stream().map(IdentifierDto::of).toList();
    }

    private static Instant parseDate(String date) {
        return Requests.rfc3339(date).orElseThrow(() -> invalid("verification_date must be an RFC 3339 timestamp"));
    }

    private static InvalidInputException invalid(String reason) {
        return new InvalidInputException("INVALID_IDENTIFIER", "Invalid identifier payload: " + reason);
    }
}
