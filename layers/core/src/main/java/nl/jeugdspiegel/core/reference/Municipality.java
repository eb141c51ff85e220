package nl.jeugdspiegel.core.reference;

/** A gemeente of the 2026 division with its jeugdregio (see reference/SOURCES.md). */
public record Municipality(String code, String naam, String provincie, String jeugdregioCode, String jeugdregioNaam) {}
