package nl.jeugdspiegel.contract;

import java.util.Locale;

/**
 * The levels: the four at which every indicator is computed, and the two provider levels (indicators v1.2) at which
 * the provider indicators ({@link Indicator#PROVIDER}) are.
 */
public enum Niveau {
    GEMEENTE,
    JEUGDREGIO,
    GROOTTEKLASSE,
    NEDERLAND,
    /** A provider (aanbieder) nationally, by AGB code: its jeugdhulp trajectories in every municipality. */
    AANBIEDER,
    /** A provider within one jeugdregio, code {@code {jeugdregio}-{agb}}: its trajectories of that region's municipalities. */
    AANBIEDER_JEUGDREGIO;

    /** Is this a provider level? */
    public boolean provider() {
        return this == AANBIEDER || this == AANBIEDER_JEUGDREGIO;
    }

    private final String code = name().toLowerCase(Locale.ROOT);

    /** As written in the tables: {@code gemeente}, …, {@code aanbieder_jeugdregio}. */
    public String code() {
        return code;
    }

    /** The niveau written as {@code code}; an {@link IllegalArgumentException} for any other text. */
    public static Niveau of(String code) {
        for (Niveau n : values()) {
            if (n.code.equals(code)) {
                return n;
            }
        }
        throw new IllegalArgumentException("no niveau " + code);
    }

    @Override
    public String toString() {
        return code;
    }
}
