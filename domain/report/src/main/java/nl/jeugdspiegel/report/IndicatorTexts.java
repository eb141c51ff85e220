package nl.jeugdspiegel.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.jeugdspiegel.contract.Indicator;

/**
 * The site's words for each indicator ({@code site/definities.properties}): its definition, and in one line what it
 * says ({@code zegt.*}) and does not say ({@code zegtniet.*}).
 */
public final class IndicatorTexts {

    static final String RESOURCE = "site/definities.properties";

    private final Properties definitions = new Properties();

    public IndicatorTexts() {
        try (InputStream in = IndicatorTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            definitions.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the indicator says, in one line; empty when the site has no such line for it. */
    String says(Indicator indicator) {
        return line("zegt", indicator);
    }

    /** What the indicator does not say, in one line; empty when the site has no such line for it. */
    String doesNotSay(Indicator indicator) {
        return line("zegtniet", indicator);
    }

    private String line(String kind, Indicator indicator) {
        return definitions.getProperty(kind + "." + family(indicator), "");
    }

    /** The part of the id the texts are kept under: a breakdown ({@code verwijzer.01}) by its family. */
    private static String family(Indicator indicator) {
        String id = indicator.id();
        int dot = id.indexOf('.');
        return dot > 0 ? id.substring(0, dot) : id;
    }

    /** The definition; a breakdown (verwijzer, soort) by its family's definition. */
    String definition(Indicator indicator) {
        String id = indicator.id();
        if (id.startsWith("verwijzer.")) {
            return definitions.getProperty("verwijzer") + " "
                    + indicator.titel().replaceFirst(".*verwezen door ", "") + ".";
        }
        int dot = id.indexOf('.');
        if (dot > 0) {
            return definitions.getProperty(family(indicator)) + " Soort: "
                    + id.substring(dot + 1).replace('_', ' ') + ".";
        }
        return definitions.getProperty(id, indicator.titel());
    }

    /** Is there a definition of its own (or of its family) for the indicator, in the site texts? */
    public boolean defines(Indicator indicator) {
        return definitions.getProperty(family(indicator)) != null;
    }

    /** Every indicator of the catalogue with its definition. */
    List<PageModels.IndicatorLine> all() {
        List<PageModels.IndicatorLine> list = new ArrayList<>();
        for (Indicator indicator : Indicator.ALL) {
            list.add(new PageModels.IndicatorLine(indicator.id(), indicator.titel(), definition(indicator)));
        }
        return list;
    }
}
