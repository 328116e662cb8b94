package net.defarm.domain.access;

import net.defarm.domain.shared.InvalidInputException;

/** The kind of organization a key is issued for; informational, spelled as clients send it. */
public enum OrganizationType {
    Admin, Producer, Association, Enterprise, Government, External;

    public static OrganizationType parse(String value) {
        for (OrganizationType t : values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        throw new InvalidInputException("INVALID_ORGANIZATION_TYPE", "organization_type must be one of: Admin, "
                + "Producer, Association, Enterprise, Government, External");
    }
}
