package nl.jeugdspiegel.synthetic;

import java.util.Locale;

/**
 * Writes iJw 3.2 messages (JW315, JW301, JW305, JW307, JW323) as a provider and a municipality would
 * exchange them, valid against the XSDs in {@code reference/ijw-xsd/}. They carry made-up names,
 * addresses and a referrer's name on purpose: the ingest must drop them. Public so tests elsewhere can
 * build messages of each type.
 */
public final class IjwMessages {

    /** The client as every message names it. */
    public record Client(String bsn, String geboortedatum, String geslacht, String achternaam) {}

    /** One side of the exchange: the provider's AGB code and the municipality's four-digit code. */
    public record Parties(String agb, String gemeente) {}

    /** What every message of one client's trajectory starts with: sender/receiver, message id, date, client. */
    public record Envelope(Parties parties, String id, String dagtekening, Client client) {}

    private static final String BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    private IjwMessages() {}

    private static StringBuilder open(
            String type, String code, String afzender, String ontvanger, String id, String dagtekening) {
        StringBuilder xml = new StringBuilder(1600);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Bericht xmlns=\"http://www.istandaarden.nl/ijw/3_2/")
                .append(type.toLowerCase(Locale.ROOT))
                .append("/schema\" xmlns:ijw=\"")
                .append(BASIS)
                .append("\">\n")
                .append("  <Header>\n    <BerichtCode>")
                .append(code)
                .append("</BerichtCode>\n")
                .append("    <BerichtVersie>3</BerichtVersie>\n    <BerichtSubversie>2</BerichtSubversie>\n")
                .append("    <Afzender>")
                .append(afzender)
                .append("</Afzender>\n")
                .append("    <Ontvanger>")
                .append(ontvanger)
                .append("</Ontvanger>\n")
                .append("    <BerichtIdentificatie>\n      <ijw:Identificatie>")
                .append(id)
                .append("</ijw:Identificatie>\n      <ijw:Dagtekening>")
                .append(dagtekening)
                .append("</ijw:Dagtekening>\n    </BerichtIdentificatie>\n")
                .append("    <XsdVersie>\n      <ijw:BasisschemaXsdVersie>0.1.0</ijw:BasisschemaXsdVersie>\n")
                .append("      <ijw:BerichtXsdVersie>0.1.0</ijw:BerichtXsdVersie>\n    </XsdVersie>\n  </Header>\n");
        return xml;
    }

    private static void client(StringBuilder xml, Client c, boolean fullName) {
        xml.append("  <Client>\n    <Bsn>")
                .append(c.bsn())
                .append("</Bsn>\n")
                .append("    <Geboortedatum>\n      <ijw:Datum>")
                .append(c.geboortedatum())
                .append("</ijw:Datum>\n    </Geboortedatum>\n")
                .append("    <Geslacht>")
                .append(c.geslacht())
                .append("</Geslacht>\n")
                .append("    <Naam>\n      <ijw:Geslachtsnaam>\n        <ijw:Achternaam>")
                .append(c.achternaam())
                .append("</ijw:Achternaam>\n      </ijw:Geslachtsnaam>\n")
                .append(fullName ? "      <ijw:NaamGebruik>1</ijw:NaamGebruik>\n" : "")
                .append("    </Naam>\n");
    }

    private static void product(StringBuilder xml, String categorie, String code) {
        xml.append("        <Product>\n          <ijw:Categorie>")
                .append(categorie)
                .append("</ijw:Categorie>\n")
                .append("          <ijw:Code>")
                .append(code)
                .append("</ijw:Code>\n        </Product>\n");
    }

    /** Opens the product list and its one line, with the allocation number and the product. */
    private static void productLine(
            StringBuilder xml, String list, String line, long toewijzingNummer, String categorie, String code) {
        xml.append("    <")
                .append(list)
                .append(">\n      <")
                .append(line)
                .append(">\n")
                .append("        <ToewijzingNummer>")
                .append(toewijzingNummer)
                .append("</ToewijzingNummer>\n");
        product(xml, categorie, code);
    }

    private static String close(StringBuilder xml, String lines) {
        return xml.append("    </")
                .append(lines)
                .append(">\n  </Client>\n</Bericht>\n")
                .toString();
    }

    /** JW315, verzoek om toewijzing: the request, with the referrer (type and a name that must be dropped). */
    public static String jw315(
            Envelope e, String referentie, String categorie, String code, String ingangsdatum, String verwijzerType) {
        StringBuilder xml = open("JW315", "446", e.parties().agb(), e.parties().gemeente(), e.id(), e.dagtekening());
        client(xml, e.client(), false);
        xml.append("    <AangevraagdeProducten>\n      <AangevraagdProduct>\n")
                .append("        <ReferentieAanbieder>")
                .append(referentie)
                .append("</ReferentieAanbieder>\n");
        product(xml, categorie, code);
        xml.append("        <ToewijzingIngangsdatum>")
                .append(ingangsdatum)
                .append("</ToewijzingIngangsdatum>\n")
                .append("        <Verwijzer>\n          <ijw:Type>")
                .append(verwijzerType)
                .append("</ijw:Type>\n")
                .append("          <ijw:Naam>Dokter Verwijsma</ijw:Naam>\n        </Verwijzer>\n")
                .append("      </AangevraagdProduct>\n");
        return close(xml, "AangevraagdeProducten");
    }

    /** JW301, toewijzing: the municipality's allocation, with the client's address (to be dropped). */
    public static String jw301(
            Envelope e,
            long toewijzingNummer,
            String referentie,
            String categorie,
            String code,
            String toewijzingsdatum,
            String ingangsdatum) {
        StringBuilder xml =
                open("JW301", "436", e.parties().gemeente(), e.parties().agb(), e.id(), e.dagtekening());
        client(xml, e.client(), true);
        xml.append("    <Contactgegevens>\n      <Contact>\n        <Soort>01</Soort>\n        <Adres>\n")
                .append(
                        "          <ijw:Huis>\n            <ijw:Huisnummer>12</ijw:Huisnummer>\n          </ijw:Huis>\n")
                .append("          <ijw:Postcode>1234AB</ijw:Postcode>\n")
                .append("          <ijw:Straatnaam>Kastanjelaan</ijw:Straatnaam>\n")
                .append("          <ijw:Plaatsnaam>Jeugdstad</ijw:Plaatsnaam>\n        </Adres>\n")
                .append("      </Contact>\n    </Contactgegevens>\n")
                .append("    <ToegewezenProducten>\n      <ToegewezenProduct>\n")
                .append("        <ToewijzingNummer>")
                .append(toewijzingNummer)
                .append("</ToewijzingNummer>\n")
                .append("        <ReferentieAanbieder>")
                .append(referentie)
                .append("</ReferentieAanbieder>\n");
        product(xml, categorie, code);
        xml.append("        <Toewijzingsdatum>")
                .append(toewijzingsdatum)
                .append("</Toewijzingsdatum>\n")
                .append("        <Toewijzingstijd>09:30:00</Toewijzingstijd>\n")
                .append("        <Ingangsdatum>")
                .append(ingangsdatum)
                .append("</Ingangsdatum>\n")
                .append("      </ToegewezenProduct>\n");
        return close(xml, "ToegewezenProducten");
    }

    /** JW305, start zorg. */
    public static String jw305(Envelope e, long toewijzingNummer, String categorie, String code, String begindatum) {
        StringBuilder xml = open("JW305", "438", e.parties().agb(), e.parties().gemeente(), e.id(), e.dagtekening());
        client(xml, e.client(), false);
        productLine(xml, "StartProducten", "StartProduct", toewijzingNummer, categorie, code);
        xml.append("        <Begindatum>")
                .append(begindatum)
                .append("</Begindatum>\n")
                .append("        <StatusAanlevering>1</StatusAanlevering>\n      </StartProduct>\n");
        return close(xml, "StartProducten");
    }

    /** JW307, stop zorg, with the reden beëindiging (JZ588). */
    public static String jw307(
            Envelope e,
            long toewijzingNummer,
            String categorie,
            String code,
            String begindatum,
            String reden,
            String einddatum) {
        StringBuilder xml = open("JW307", "440", e.parties().agb(), e.parties().gemeente(), e.id(), e.dagtekening());
        client(xml, e.client(), false);
        productLine(xml, "StopProducten", "StopProduct", toewijzingNummer, categorie, code);
        xml.append("        <Begindatum>")
                .append(begindatum)
                .append("</Begindatum>\n")
                .append("        <RedenBeeindiging>")
                .append(reden)
                .append("</RedenBeeindiging>\n")
                .append("        <Einddatum>")
                .append(einddatum)
                .append("</Einddatum>\n")
                .append("        <StatusAanlevering>1</StatusAanlevering>\n      </StopProduct>\n");
        return close(xml, "StopProducten");
    }

    /** One invoice line of a JW323: a delivered product period and its amount (cents, debet or credit). */
    public record Prestatie(
            long toewijzingNummer,
            String categorie,
            String code,
            String van,
            String tot,
            int volume,
            long cents,
            boolean credit) {}

    /** JW323, declaratie: one client's invoice lines; the total is their net amount. */
    public static String jw323(
            Parties from,
            String id,
            String dagtekening,
            String declaratieNummer,
            String periodeVan,
            String periodeTot,
            String bsn,
            Prestatie... lines) {
        StringBuilder xml = open("JW323", "490", from.agb(), from.gemeente(), id, dagtekening);
        long net = 0;
        for (Prestatie line : lines) {
            net += line.credit() ? -line.cents() : line.cents();
        }
        xml.append("  <Declaratie>\n    <DeclaratieNummer>")
                .append(declaratieNummer)
                .append("</DeclaratieNummer>\n")
                .append("    <DeclaratiePeriode>\n      <ijw:Begindatum>")
                .append(periodeVan)
                .append("</ijw:Begindatum>\n      <ijw:Einddatum>")
                .append(periodeTot)
                .append("</ijw:Einddatum>\n    </DeclaratiePeriode>\n")
                .append("    <DeclaratieDagtekening>")
                .append(dagtekening)
                .append("</DeclaratieDagtekening>\n")
                .append("    <TotaalIngediendBedrag>\n      <ijw:TotaalBedrag>")
                .append(Math.abs(net))
                .append("</ijw:TotaalBedrag>\n      <ijw:DebetCredit>")
                .append(net < 0 ? "C" : "D")
                .append("</ijw:DebetCredit>\n    </TotaalIngediendBedrag>\n")
                .append("    <Clienten>\n      <Client>\n        <Bsn>")
                .append(bsn)
                .append("</Bsn>\n")
                .append("        <Prestaties>\n");
        int reference = 1;
        for (Prestatie line : lines) {
            xml.append("          <Prestatie>\n            <ProductReferentie>\n              <ijw:ReferentieNummer>")
                    .append(declaratieNummer)
                    .append('-')
                    .append(reference++)
                    .append("</ijw:ReferentieNummer>\n            </ProductReferentie>\n")
                    .append("            <ToewijzingNummer>")
                    .append(line.toewijzingNummer())
                    .append("</ToewijzingNummer>\n")
                    .append("            <ProductCategorie>")
                    .append(line.categorie())
                    .append("</ProductCategorie>\n")
                    .append("            <ProductCode>")
                    .append(line.code())
                    .append("</ProductCode>\n")
                    .append("            <ProductPeriode>\n              <ijw:Begindatum>")
                    .append(line.van())
                    .append("</ijw:Begindatum>\n              <ijw:Einddatum>")
                    .append(line.tot())
                    .append("</ijw:Einddatum>\n            </ProductPeriode>\n")
                    .append("            <GeleverdVolume>")
                    .append(line.volume())
                    .append("</GeleverdVolume>\n")
                    .append("            <Eenheid>14</Eenheid>\n")
                    .append("            <IngediendBedrag>\n              <ijw:Bedrag>")
                    .append(line.cents())
                    .append("</ijw:Bedrag>\n              <ijw:DebetCredit>")
                    .append(line.credit() ? "C" : "D")
                    .append("</ijw:DebetCredit>\n            </IngediendBedrag>\n          </Prestatie>\n");
        }
        return xml.append("        </Prestaties>\n      </Client>\n    </Clienten>\n  </Declaratie>\n</Bericht>\n")
                .toString();
    }
}
