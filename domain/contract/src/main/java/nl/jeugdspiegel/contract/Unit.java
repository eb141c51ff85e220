package nl.jeugdspiegel.contract;

import java.util.Objects;

/**
 * A unit of the tables: a gemeente, jeugdregio, size class, Nederland, or a provider unit (nationally or in a
 * jeugdregio), by its niveau and code. The one type for a unit of the report, its disclosure model and the attacker.
 * Its text is {@code niveau|code} ({@code gemeente|GM0363}), the unit's part of a disclosure variable's name.
 */
public record Unit(Niveau niveau, String code) {

    public static final Unit NEDERLAND = new Unit(Niveau.NEDERLAND, "NL");

    public Unit {
        Objects.requireNonNull(niveau, "niveau");
        Objects.requireNonNull(code, "code");
    }

    /** A provider unit ({@code aanbieder} or {@code aanbieder_jeugdregio})? */
    public boolean provider() {
        return niveau.provider();
    }

    @Override
    public String toString() {
        return niveau.code() + "|" + code;
    }
}
