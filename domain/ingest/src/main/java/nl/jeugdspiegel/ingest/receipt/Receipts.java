package nl.jeugdspiegel.ingest.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import nl.jeugdspiegel.core.json.Json;

/** The receipt as JSON: written by ingest, read back by the local runner and the tests. */
public final class Receipts {

    private Receipts() {}

    public static byte[] toJson(Receipt receipt) {
        try {
            return Json.MAPPER.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a receipt", e);
        }
    }

    public static Receipt read(byte[] json) throws IOException {
        return Json.MAPPER.readValue(json, Receipt.class);
    }
}
