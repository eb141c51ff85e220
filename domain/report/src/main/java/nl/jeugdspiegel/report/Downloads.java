package nl.jeugdspiegel.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.jeugdspiegel.contract.Niveau;
import nl.jeugdspiegel.contract.TableFile;
import nl.jeugdspiegel.contract.Unit;
import nl.jeugdspiegel.core.Periode;
import nl.jeugdspiegel.core.json.Json;

/**
 * The site's downloads: every published figure (the disclosure-controlled values, never the exact tables) of the
 * municipal levels as {@code cijfers.csv} and {@code cijfers.json}, and of the provider levels as
 * {@code aanbieders.csv}. The CSV is written by the contract's {@link TableFile}, as the indicator tables are.
 */
final class Downloads {

    static final List<Niveau> MUNICIPAL_NIVEAUS =
            List.of(Niveau.GEMEENTE, Niveau.JEUGDREGIO, Niveau.GROOTTEKLASSE, Niveau.NEDERLAND);
    static final List<Niveau> PROVIDER_NIVEAUS = List.of(Niveau.AANBIEDER, Niveau.AANBIEDER_JEUGDREGIO);

    /** One published figure of a unit in a periode, with its fair estimate (null: none). */
    private record Published(
            Periode periode, Unit unit, String naam, Disclosure.Figure figure, FairEstimates.Estimate estimate) {}

    private static final TableFile<Published> TABLE = new TableFile<>(
            "cijfers",
            List.of(
                    text("periode", p -> p.periode().toString()),
                    text("niveau", p -> p.unit().niveau().code()),
                    text("code", p -> p.unit().code()),
                    text("naam", Published::naam),
                    text("indicator", p -> p.figure().indicator().id()),
                    number("waarde", f -> f.value()),
                    number("ci_laag", f -> f.low()),
                    number("ci_hoog", f -> f.high()),
                    number("teller", f -> f.teller()),
                    number("noemer", f -> f.noemer()),
                    number("funnel_95_laag", f -> f.funnel95Low()),
                    number("funnel_95_hoog", f -> f.funnel95High()),
                    number("funnel_998_laag", f -> f.funnel998Low()),
                    number("funnel_998_hoog", f -> f.funnel998High()),
                    // the fair estimate of an outcome share or O/E of a gemeente or aanbieder (indicators v1.3)
                    estimate("schatting", FairEstimates.Estimate::value),
                    estimate("schatting_laag", FairEstimates.Estimate::low),
                    estimate("schatting_hoog", FairEstimates.Estimate::high),
                    // a code (codeboek.csv says what it means), not the sentence the pages show
                    text(
                            "reden",
                            p -> p.figure().reason() == null
                                    ? ""
                                    : Disclosure.reasonCode(p.figure().reason()))),
            fields -> {
                throw new UnsupportedOperationException("the downloads are written, not read back");
            });

    private Downloads() {}

    private static TableFile.Column<Published> text(String name, Function<Published, Object> value) {
        return new TableFile.Column<>(name, value, false);
    }

    private static TableFile.Column<Published> number(String name, Function<Disclosure.Figure, Double> value) {
        return new TableFile.Column<>(name, p -> value.apply(p.figure()), true);
    }

    private static TableFile.Column<Published> estimate(String name, Function<FairEstimates.Estimate, Double> value) {
        return new TableFile.Column<>(
                name, p -> p.estimate() == null ? null : Disclosure.round(value.apply(p.estimate()), 4), true);
    }

    private static List<Published> allPublished(ReportData data, List<Niveau> niveaus) {
        List<Published> all = new ArrayList<>();
        for (Periode p : data.periods()) {
            for (Niveau niveau : niveaus) {
                data.units(p, niveau).forEach((unit, figures) -> figures.values()
                        .forEach(f -> all.add(
                                new Published(p, unit, data.name(unit), f, data.estimate(p, unit, f.indicator())))));
            }
        }
        return all;
    }

    /**
     * {@code cijfers.csv} ({@link #MUNICIPAL_NIVEAUS}) or {@code aanbieders.csv} ({@link #PROVIDER_NIVEAUS}), or for
     * Dutch Excel their {@code -excel.csv}.
     */
    static byte[] csv(ReportData data, List<Niveau> niveaus, TableFile.Dialect dialect) {
        return table(TABLE, allPublished(data, niveaus), dialect);
    }

    /** Any contract table as a download (the vooruitblik and its backtest). */
    static <T> byte[] table(TableFile<T> file, List<T> rows, TableFile.Dialect dialect) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            file.writeCsv(rows, new OutputStreamWriter(bytes, StandardCharsets.UTF_8), dialect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code cijfers.json}: the municipal levels, an object per figure; absent values are left out. */
    static byte[] json(ReportData data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
            out.writeStartArray();
            for (Published p : allPublished(data, MUNICIPAL_NIVEAUS)) {
                Disclosure.Figure f = p.figure();
                out.writeStartObject();
                out.writeStringField("periode", p.periode().toString());
                out.writeStringField("niveau", p.unit().niveau().code());
                out.writeStringField("code", p.unit().code());
                out.writeStringField("naam", p.naam());
                out.writeStringField("indicator", f.indicator().id());
                number(out, "waarde", f.value());
                number(out, "ci_laag", f.low());
                number(out, "ci_hoog", f.high());
                number(out, "teller", f.teller());
                number(out, "noemer", f.noemer());
                number(out, "funnel_95_laag", f.funnel95Low());
                number(out, "funnel_95_hoog", f.funnel95High());
                number(out, "funnel_998_laag", f.funnel998Low());
                number(out, "funnel_998_hoog", f.funnel998High());
                if (p.estimate() != null) {
                    number(out, "schatting", Disclosure.round(p.estimate().value(), 4));
                    number(out, "schatting_laag", Disclosure.round(p.estimate().low(), 4));
                    number(out, "schatting_hoog", Disclosure.round(p.estimate().high(), 4));
                }
                if (f.reason() != null) {
                    out.writeStringField("reden", Disclosure.reasonCode(f.reason()));
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void number(JsonGenerator out, String name, Double value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value);
        }
    }
}
