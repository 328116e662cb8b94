package net.defarm.domain.items;

/** Counts over a user's items; {@code merged} counts both Merged and MergedInto. */
public record ItemStatistics(long total, long active, long deprecated, long merged, long split,
                             long totalIdentifiers, double averageConfidence) {
}
