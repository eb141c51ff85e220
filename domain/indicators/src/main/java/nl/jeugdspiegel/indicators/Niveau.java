package nl.jeugdspiegel.indicators;

import java.util.Locale;

/** The four levels at which every indicator is computed. */
public enum Niveau {
    GEMEENTE,
    JEUGDREGIO,
    GROOTTEKLASSE,
    NEDERLAND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
