package nl.jeugdspiegel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UTFDataFormatException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aFailureIsDescribedWithoutAnyMessage() {
        // what JDK and parser messages do: quote the entry name or the value being read
        Exception failure = new IllegalStateException(
                "row of 123456782 Jansen", new ZipException("invalid entry name Jansen-dossier-2012-05-17.xml"));
        String description = Failures.describe(failure);
        assertTrue(
                description.startsWith(
                        "IllegalStateException at FailuresTest.aFailureIsDescribedWithoutAnyMessage(FailuresTest.java:"),
                description);
        assertTrue(description.contains("← caused by ZipException"), description);
        assertFalse(
                description.contains("Jansen") || description.contains("123456782") || description.contains("2012"),
                description);
    }

    @Test
    void theExceptionToThrowCarriesNoMessageAndNoCause() {
        UTFDataFormatException failure =
                new UTFDataFormatException("encoded string (Jansen-J...) too long: 70000 bytes");
        RuntimeException safe = Failures.withoutMessages("ingest of uploads/x.csv failed", failure);
        assertNull(safe.getCause());
        assertEquals("ingest of uploads/x.csv failed: " + Failures.describe(failure), safe.getMessage());
        assertFalse(safe.toString().contains("Jansen"));
        assertEquals(failure.getStackTrace().length, safe.getStackTrace().length);
    }
}
