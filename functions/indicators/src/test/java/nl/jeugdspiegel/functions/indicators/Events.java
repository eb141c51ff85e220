package nl.jeugdspiegel.functions.indicators;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the repository's events/*.json (the files {@code sam local invoke -e} uses) as Lambda would. */
final class Events {

    private Events() {}

    static SQSEvent load(String name) {
        String configured = System.getProperty("jeugdspiegel.events.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../events");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            return LambdaEventSerializers.serializerFor(SQSEvent.class, Events.class.getClassLoader())
                    .fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read event " + dir.resolve(name).toAbsolutePath(), e);
        }
    }
}
