package net.defarm.domain.access;

import net.defarm.domain.shared.InvalidInputException;
import net.defarm.domain.shared.WireNames;

/** The kind of organization a key is issued for; informational, spelled as clients send it. */
public enum OrganizationType {
    Admin, Producer, Association, Enterprise, Government, External;

    public static OrganizationType parse(String value) {
        return WireNames.find(values(), OrganizationType::name, value).orElseThrow(() -> new InvalidInputException(
                "INVALID_ORGANIZATION_TYPE", "organization_type must be one of: Admin, Producer, Association, "
                + "Enterprise, Government, External"));
    }
}
