package net.defarm.domain.items;

import java.util.Objects;

/** Lifecycle state of an item. {@code MergedInto} names the local item it was merged into. */
public record ItemStatus(Kind kind, String mergedIntoLid) {

    public enum Kind { ACTIVE, DEPRECATED, MERGED, SPLIT, MERGED_INTO }

    public static final ItemStatus ACTIVE = new ItemStatus(Kind.ACTIVE, null);
    public static final ItemStatus DEPRECATED = new ItemStatus(Kind.DEPRECATED, null);
    public static final ItemStatus MERGED = new ItemStatus(Kind.MERGED, null);
    public static final ItemStatus SPLIT = new ItemStatus(Kind.SPLIT, null);

    public ItemStatus {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.MERGED_INTO) != (mergedIntoLid != null)) {
            throw new IllegalArgumentException("only MergedInto names a master LID");
        }
    }

    public static ItemStatus mergedInto(String masterLid) {
        return new ItemStatus(Kind.MERGED_INTO, masterLid);
    }

    /** The reference's spelling: {@code Active}, ..., {@code MergedInto("<lid>")}. */
    public String display() {
        return switch (kind) {
            case ACTIVE -> "Active";
            case DEPRECATED -> "Deprecated";
            case MERGED -> "Merged";
            case SPLIT -> "Split";
            case MERGED_INTO -> "MergedInto(\"" + mergedIntoLid + "\")";
        };
    }

    /** Storage spelling: the kind name, with {@code :<lid>} for MergedInto. */
    public String code() {
        return kind == Kind.MERGED_INTO ? "MergedInto:" + mergedIntoLid : display();
    }

    public static ItemStatus fromCode(String code) {
        return switch (code) {
            case "Active" -> ACTIVE;
            case "Deprecated" -> DEPRECATED;
            case "Merged" -> MERGED;
            case "Split" -> SPLIT;
            default -> {
                if (code.startsWith("MergedInto:")) {
                    yield mergedInto(code.substring("MergedInto:".length()));
                }
                throw new IllegalArgumentException("unknown item status: " + code);
            }
        };
    }
}
