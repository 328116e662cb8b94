package net.defarm.domain.circuits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.defarm.domain.shared.InvalidInputException;

/**
 * How a circuit presents itself to the public, and which of its items are published. The access password is held
 * only as a bcrypt hash and never returned.
 */
public record PublicSettings(
        AccessMode accessMode,
        Instant scheduledDate,
        String accessPasswordHash,
        String publicName,
        String publicDescription,
        String primaryColor,
        String secondaryColor,
        String logoUrl,
        String tagline,
        String footerText,
        List<String> publishedItems,
        boolean autoApproveMembers,
        boolean autoPublishPushedItems,
        boolean showEncryptedEvents,
        String requiredEventTypes,
        String dataQualityRules,
        String exportPermissions,
        Instant publicSince) {

    /** Published items per circuit: the public page is one bounded document. */
    public static final int MAX_PUBLISHED_ITEMS = 10_000;

    public PublicSettings {
        Objects.requireNonNull(accessMode, "accessMode");
        publishedItems = List.copyOf(publishedItems);
    }

    /** The mode's requirements (docs/domain-rules.md): a date for Scheduled, a password for Protected. */
    public void validate() {
        if (accessMode == AccessMode.SCHEDULED && scheduledDate == null) {
            throw new InvalidInputException("SCHEDULED_DATE_REQUIRED",
                    "Scheduled date is required for scheduled access mode");
        }
        if (accessMode == AccessMode.PROTECTED && accessPasswordHash == null) {
            throw new InvalidInputException("ACCESS_PASSWORD_REQUIRED",
                    "Password is required for protected access mode");
        }
        if (publishedItems.size() > MAX_PUBLISHED_ITEMS) {
            throw new InvalidInputException("TOO_MANY_PUBLISHED_ITEMS",
                    "At most " + MAX_PUBLISHED_ITEMS + " published items per circuit");
        }
    }

    public boolean isOpenAt(Instant now) {
        return accessMode != AccessMode.SCHEDULED || !now.isBefore(scheduledDate);
    }

    public PublicSettings withPublicSince(Instant since) {
        return new PublicSettings(accessMode, scheduledDate, accessPasswordHash, publicName, publicDescription,
                primaryColor, secondaryColor, logoUrl, tagline, footerText, publishedItems, autoApproveMembers,
                autoPublishPushedItems, showEncryptedEvents, requiredEventTypes, dataQualityRules, exportPermissions,
                since);
    }

    /** Adds a dfid to the published items once. */
    public PublicSettings publishing(String dfid) {
        if (publishedItems.contains(dfid) || publishedItems.size() >= MAX_PUBLISHED_ITEMS) {
            return this;
        }
        List<String> items = new ArrayList<>(publishedItems);
        items.add(dfid);
        return new PublicSettings(accessMode, scheduledDate, accessPasswordHash, publicName, publicDescription,
                primaryColor, secondaryColor, logoUrl, tagline, footerText, items, autoApproveMembers,
                autoPublishPushedItems, showEncryptedEvents, requiredEventTypes, dataQualityRules, exportPermissions,
                publicSince);
    }
}
