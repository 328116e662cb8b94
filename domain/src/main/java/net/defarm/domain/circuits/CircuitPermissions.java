package net.defarm.domain.circuits;

/** Circuit-wide switches: approval gates and whether the circuit may be public. */
public record CircuitPermissions(boolean requireApprovalForPush, boolean requireApprovalForPull,
                                 boolean allowPublicVisibility) {

    public static final CircuitPermissions NONE = new CircuitPermissions(false, false, false);

    public CircuitPermissions withPublicVisibility(boolean allow) {
        return new CircuitPermissions(requireApprovalForPush, requireApprovalForPull, allow);
    }
}
