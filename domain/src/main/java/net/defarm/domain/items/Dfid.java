package net.defarm.domain.items;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The global id of an item: {@code DFID-YYYYMMDD-NNNNNN-CHK}. The sequence is zero-padded to six digits and widens
 * past 999999; the checksum folds the ASCII of date and sequence with {@code h = h*31 + b} (32-bit wrap) and takes
 * {@code h mod 0xFFFF} as uppercase hex. The date is the UTC day of issue and is not checked for calendar validity.
 */
public record Dfid(String date, long sequence) {

    private static final String PREFIX = "DFID-";

    public Dfid {
        if (date.length() != 8 || !digits(date)) {
            throw new IllegalArgumentException("DFID date must be 8 digits: " + date);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("DFID sequence must not be negative");
        }
    }

    public static Dfid issue(LocalDate day, long sequence) {
        return new Dfid("%04d%02d%02d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth()), sequence);
    }

    public String value() {
        String seq = paddedSequence();
        return PREFIX + date + "-" + seq + "-" + checksum(date + seq);
    }

    @Override
    public String toString() {
        return value();
    }

    /** The item's issue day, if the date part is a real calendar date. */
    public Optional<LocalDate> creationDate() {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(date.substring(0, 4)),
                    Integer.parseInt(date.substring(4, 6)), Integer.parseInt(date.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String candidate) {
        return parse(candidate).isPresent();
    }

    /** Parses and validates (prefix, four parts, 8-digit date, 6+ digit sequence, exact checksum). */
    public static Optional<Dfid> parse(String candidate) {
        if (candidate == null || !candidate.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = candidate.split("-", -1);
        if (parts.length != 4 || parts[1].length() != 8 || !digits(parts[1])
                || parts[2].length() < 6 || parts[2].length() > 18 || !digits(parts[2])) {
            return Optional.empty();
        }
        if (!checksum(parts[1] + parts[2]).equals(parts[3])) {
            return Optional.empty();
        }
        Dfid dfid = new Dfid(parts[1], Long.parseLong(parts[2]));
        // Reject non-canonical paddings such as 0000001 for sequence 1: one DFID, one spelling.
        return dfid.value().equals(candidate) ? Optional.of(dfid) : Optional.empty();
    }

    static String checksum(String dateAndSequence) {
        int h = 0;
        for (int i = 0; i < dateAndSequence.length(); i++) {
            h = h * 31 + (dateAndSequence.charAt(i) & 0xFF);
        }
        return Long.toHexString(Integer.toUnsignedLong(h) % 0xFFFF).toUpperCase();
    }

    private String paddedSequence() {
        String s = Long.toString(sequence);
        return s.length() >= 6 ? s : "0".repeat(6 - s.length()) + s;
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
