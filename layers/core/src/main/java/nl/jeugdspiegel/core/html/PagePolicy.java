package nl.jeugdspiegel.core.html;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.jeugdspiegel.core.Hashes;

/**
 * The rules every HTML page of Jeugdspiegel follows (the site and the readable receipt): one inline style sheet allowed
 * by its hash, nothing else loaded, no forms, no referrer, and no script but the site's one inline script (the gemeente
 * chooser), allowed by its hash. The templates escape every value (Mustache
 * {@code {{…}}}); only the style sheet is inserted raw.
 */
public final class PagePolicy {

    private PagePolicy() {}

    /** The Content-Security-Policy of a page whose only style is {@code css}, inline. */
    public static String contentSecurityPolicy(String css) {
        return "default-src 'none'; style-src '" + sha256(css)
                + "'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
    }

    /** The Content-Security-Policy of a page with one inline style sheet and one inline script, each by its hash. */
    public static String contentSecurityPolicy(String css, String script) {
        return "default-src 'none'; style-src '" + sha256(css) + "'; script-src '" + sha256(script)
                + "'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
    }

    /** The CSP source of an inline text: {@code sha256-…}. */
    public static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Hashes.sha256(text.getBytes(StandardCharsets.UTF_8)));
    }
}
