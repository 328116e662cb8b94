package net.defarm.domain.items;

/** What a reviewer could do about a pending item, with how likely it is to be right. */
public record SuggestedAction(String action, String description, double confidence, boolean automated) {
}
