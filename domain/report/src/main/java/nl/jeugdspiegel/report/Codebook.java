package nl.jeugdspiegel.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.jeugdspiegel.contract.Indicator;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.SizeClass;
import nl.jeugdspiegel.contract.TableFile;

/**
 * {@code codeboek.csv}: what every code in the downloads means, read from the catalogue ({@link Indicator}) and the
 * site's texts, so it cannot fall behind them. One row per code: each indicator (name, unit, direction of better,
 * definition, the levels the site publishes it at), each {@code reden} of a missing figure, each {@code niveau}, and
 * size class ({@code grootteklasse} codes) and the verwijzer codes in the {@code verwijzer.*} indicators.
 */
final class Codebook {

    /** One code: what kind of code ({@code soort}), the code, and what it means. */
    record Entry(
            String soort, String code, String naam, String eenheid, String beter, String definitie, String niveaus) {}

    private static final TableFile<Entry> TABLE = new TableFile<>(
            "codeboek",
            List.of(
                    column("soort", Entry::soort),
                    column("code", Entry::code),
                    column("naam", Entry::naam),
                    column("eenheid", Entry::eenheid),
                    column("beter", Entry::beter),
                    column("definitie", Entry::definitie),
                    column("niveaus", Entry::niveaus)),
            fields -> {
                throw new UnsupportedOperationException("the codebook is written, not read back");
            });

    private Codebook() {}

    private static TableFile.Column<Entry> column(String name, Function<Entry, Object> value) {
        return new TableFile.Column<>(name, value, false);
    }

    static List<Entry> entries(IndicatorTexts texts) {
        List<Entry> entries = new ArrayList<>();
        for (Indicator indicator : Indicator.ALL) {
            entries.add(new Entry(
                    "indicator",
                    indicator.id(),
                    indicator.titel(),
                    indicator.eenheid(),
                    switch (indicator.better()) {
                        case HIGHER -> "hoger";
                        case LOWER -> "lager";
                        case NEITHER -> "";
                    },
                    texts.definition(indicator),
                    publishedAt(indicator).stream().map(Niveau::code).collect(Collectors.joining(" "))));
        }
        for (Map.Entry<String, String> reason : Disclosure.REASONS.entrySet()) {
            entries.add(new Entry("reden", reason.getKey(), reason.getValue(), "", "", "", ""));
        }
        for (Niveau niveau : Niveau.values()) {
            entries.add(new Entry("niveau", niveau.code(), niveauName(niveau), "", "", "", ""));
        }
        for (SizeClass c : SizeClass.values()) {
            entries.add(new Entry("grootteklasse", c.code(), "gemeenten met " + c.naam(), "", "", "", ""));
        }
        for (int v = 0; v < Indicator.VERWIJZERS.size(); v++) {
            entries.add(new Entry(
                    "verwijzer", Indicator.VERWIJZERS.get(v), Indicator.VERWIJZER_NAMEN.get(v), "", "", "", ""));
        }
        return entries;
    }

    /** The levels at which the site publishes an indicator: its computed levels less what disclosure keeps back. */
    static List<Niveau> publishedAt(Indicator indicator) {
        List<Niveau> out = new ArrayList<>();
        for (Niveau niveau : Niveau.values()) {
            if (!indicator.niveaus().contains(niveau)) {
                continue;
            }
            if (niveau.provider() && !Disclosure.PROVIDER_PUBLISHED.contains(indicator)) {
                continue;
            }
            if (indicator.equals(Indicator.DUBBEL_GELEVERD) && !Disclosure.OVERLAP_PUBLISHED.contains(niveau)) {
                continue;
            }
            out.add(niveau);
        }
        return out;
    }

    private static String niveauName(Niveau niveau) {
        return switch (niveau) {
            case GEMEENTE -> "gemeente (code: CBS-gemeentecode)";
            case JEUGDREGIO -> "jeugdregio (code: JZ-code)";
            case GROOTTEKLASSE -> "gemeenten van dezelfde grootteklasse (code: de klasse)";
            case NEDERLAND -> "Nederland (code: NL)";
            case AANBIEDER -> "aanbieder, landelijk (code: AGB-code; 'overig': de kleine aanbieders samen)";
            case AANBIEDER_JEUGDREGIO -> "aanbieder in een jeugdregio (code: jeugdregio-AGB-code)";
        };
    }

    static byte[] csv(IndicatorTexts texts, TableFile.Dialect dialect) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            TABLE.writeCsv(entries(texts), new OutputStreamWriter(bytes, StandardCharsets.UTF_8), dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
