package net.defarm.application.epcis;

/** The EPCIS exchange's inbound ports, as the HTTP adapter receives them. */
public record EpcisUseCases(ExportEpcis export, ImportEpcis importer) {
}
