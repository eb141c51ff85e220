package nl.jeugdspiegel.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Run-time settings. A setting named {@code FOO_BAR} is read from the JVM system property
 * {@code jeugdspiegel.foo.bar} first (used by the local runner and tests), then from the environment
 * variable {@code FOO_BAR} (set by the SAM template in AWS).
 */
public final class Settings {

    /** The data bucket (uploads, lake, receipts, indicators), for the functions that are not told by their event. */
    public static final String DATA_BUCKET = "DATA_BUCKET";

    private Settings() {}

    public static Optional<String> get(String name) {
        String property = System.getProperty(propertyName(name));
        if (property != null && !property.isBlank()) {
            return Optional.of(property.trim());
        }
        String env = System.getenv(name);
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
    }

    public static String require(String name) {
        return get(name)
                .orElseThrow(() -> new IllegalStateException("setting " + name + " is missing (environment variable "
                        + name + " or system property " + propertyName(name) + ")"));
    }

    public static double getDouble(String name, double fallback) {
        return get(name)
                .map(v -> {
                    try {
                        return Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException("setting " + name + " is not a number: " + v, e);
                    }
                })
                .orElse(fallback);
    }

    public static int getInt(String name, int fallback) {
        return get(name)
                .map(v -> {
                    try {
                        return Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException("setting " + name + " is not a whole number: " + v, e);
                    }
                })
                .orElse(fallback);
    }

    public static String propertyName(String name) {
        return "jeugdspiegel." + name.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
