package nl.jeugdspiegel.ingest.upload;

import java.util.Locale;

/** The columns of the trajecten upload (docs/contract.md §2). */
public enum Column {
    BSN(true),
    GEBOORTEDATUM(true),
    GESLACHT(true),
    SOORT(true),
    HULPVORM(true),
    STARTDATUM(true),
    EINDDATUM(false),
    REDEN_BEEINDIGING(false),
    VERWIJZER(false),
    AANMELDDATUM(false),
    ZONDER_HULP_VERDER(false),
    TEVREDENHEID(false),
    KOSTEN(false),
    AANBIEDER_AGB(false),
    PRODUCTCATEGORIE(false);

    private final boolean required;

    Column(boolean required) {
        this.required = required;
    }

    /** Must the column be in the header? */
    public boolean required() {
        return required;
    }

    /** The header name, e.g. {@code reden_beeindiging}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
