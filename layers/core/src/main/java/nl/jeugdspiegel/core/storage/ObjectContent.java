package nl.jeugdspiegel.core.storage;

import java.io.FilterInputStream;
import java.io.InputStream;

/** An object being read: its bytes as a stream, and what the store said of it when it answered. */
public final class ObjectContent extends FilterInputStream {

    private final ObjectInfo info;

    ObjectContent(InputStream content, ObjectInfo info) {
        super(content);
        this.info = info;
    }

    public ObjectInfo info() {
        return info;
    }
}
