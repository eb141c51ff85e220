package nl.jeugdspiegel.ingest.receipt;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.jeugdspiegel.core.html.PagePolicy;

/**
 * The receipt as one self-contained HTML page ({@code receipts/…/{naam}.html}) beside its JSON: the same
 * {@link ReceiptView} as the terminal text, under the site's page rules ({@link PagePolicy}: every value escaped, one
 * inline style sheet allowed by its hash, no scripts, nothing loaded).
 */
public final class ReceiptPage {

    private static final String CSS = resource("receipt/ontvangstbewijs.css").strip();
    private static final String CSP = PagePolicy.contentSecurityPolicy(CSS);
    private static final Mustache TEMPLATE = new DefaultMustacheFactory().compile("receipt/ontvangstbewijs.mustache");

    private ReceiptPage() {}

    public static byte[] html(Receipt receipt) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, Map.of("view", ReceiptView.of(receipt), "css", CSS, "csp", CSP));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = ReceiptPage.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
