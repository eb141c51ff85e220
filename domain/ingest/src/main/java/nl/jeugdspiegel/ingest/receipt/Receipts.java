package nl.jeugdspiegel.ingest.receipt;

import java.io.IOException;
import nl.jeugdspiegel.core.json.Json;

/** The receipt as JSON: written by ingest, read back by the local runner and the tests. */
public final class Receipts {

    private Receipts() {}

    public static byte[] toJson(Receipt receipt) {
        return Json.bytes(receipt);
    }

    public static Receipt read(byte[] json) throws IOException {
        return Json.MAPPER.readValue(json, Receipt.class);
    }
}
