package nl.jeugdspiegel.ingest.delivery;

import java.io.IOException;
import java.io.InputStream;
import nl.jeugdspiegel.ingest.receipt.Receipt;

/**
 * Where the two routes of a delivery meet: the CSV file ({@code csv.DeliveryProcessor}) and the zip of iJw messages
 * ({@code ijw.MessageDelivery}, which hands its reconstructed rows to a CSV reader). Either reads the upload to its
 * end, validates it and leaves an accepted delivery's lake file in the work folder.
 */
public interface DeliveryReader {

    /**
     * What reading gave.
     *
     * @param berichten for a zip of iJw messages, the receipt's {@code berichten} block; else null
     */
    record Read(DeliveryResult result, Receipt.Berichten berichten) {}

    /**
     * Reads one delivery.
     *
     * @param upload        the uploaded bytes (read to the end, also when the file is rejected early)
     * @param expectedBytes the upload's size, to size the spill files
     * @param target        the periode, the work folder, the footer and the provider register of the lake file
     */
    Read read(InputStream upload, long expectedBytes, LakeTarget target) throws IOException;

    /**
     * The reader for rows that were reconstructed from iJw messages (docs/contract.md §2): there hulpvorm may be
     * empty where the product category does not determine it. A CSV upload keeps requiring it.
     */
    default DeliveryReader forMessageRows() {
        return this;
    }
}
