package net.defarm.domain.backends;

import net.defarm.domain.shared.InvalidInputException;

/** The ledger contracts an adapter writes to: public addresses and the network, never secrets. */
public record ContractConfigs(String mintContract, String ipcmContract, String network, String chainId) {

    public ContractConfigs validated() {
        if (network == null || network.isBlank() || network.length() > 128) {
            throw new InvalidInputException("INVALID_FIELD", "contract_configs.network is required (at most 128 "
                    + "characters)");
        }
        for (String address : new String[] {mintContract, ipcmContract, chainId}) {
            if (address != null && (address.isBlank() || address.length() > 256)) {
                throw new InvalidInputException("INVALID_FIELD",
                        "contract_configs addresses, when given, must be non-empty (at most 256 characters)");
            }
        }
        return this;
    }
}
