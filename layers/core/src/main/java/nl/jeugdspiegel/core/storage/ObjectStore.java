package nl.jeugdspiegel.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The few S3 operations the pipeline needs, on one bucket. Every write replaces an object as a whole
 * (a single PUT, or a multipart upload that only becomes visible when it completes), so a reader never
 * sees half an object; a failed multipart upload is aborted.
 */
public final class ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);
    /** Objects above this size are uploaded in parts of this size. */
    public static final long DEFAULT_PART_SIZE = 64L * 1024 * 1024;
    /** The largest object a single CopyObject may copy. */
    public static final long DEFAULT_MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final long partSize;
    private final long maxSingleCopy;

    public ObjectStore(S3Client s3, String bucket) {
        this(s3, bucket, DEFAULT_PART_SIZE, DEFAULT_MAX_SINGLE_COPY);
    }

    public ObjectStore(S3Client s3, String bucket, long partSize, long maxSingleCopy) {
        if (partSize < 5L * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.maxSingleCopy = maxSingleCopy;
    }

    public String bucket() {
        return bucket;
    }

    /** A write precondition: none, "the key must not exist yet", or "the key must still have this ETag". */
    public record Condition(String ifMatch, String ifNoneMatch) {
        public static final Condition NONE = new Condition(null, null);
        public static final Condition ABSENT = new Condition(null, "*");

        public static Condition unchanged(String eTag) {
            return new Condition(eTag, null);
        }

        /** "As a HEAD saw it": still absent, or still at the ETag it gave. */
        public static Condition asSeen(Optional<ObjectInfo> seen) {
            return seen.map(o -> unchanged(o.eTag())).orElse(ABSENT);
        }
    }

    /** The outcome of a conditional write. */
    public enum Write {
        WRITTEN,
        /** The condition no longer held: another writer came first. Nothing was written. */
        CONDITION_FAILED
    }

    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse h = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new ObjectInfo(
                    key,
                    h.eTag(),
                    h.contentLength() == null ? 0 : h.contentLength(),
                    h.lastModified(),
                    h.versionId(),
                    h.metadata()));
        } catch (S3Exception e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Streams an object; {@code versionId} may be null for the current version. Empty when the object (or that
     * version) does not exist, e.g. because it expired before a replayed event came.
     */
    public Optional<ObjectContent> openIfExists(String key, String versionId) {
        try {
            ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(r -> r.bucket(bucket).key(key).versionId(versionId));
            GetObjectResponse g = in.response();
            return Optional.of(new ObjectContent(
                    in,
                    new ObjectInfo(
                            key,
                            g.eTag(),
                            g.contentLength() == null ? 0 : g.contentLength(),
                            g.lastModified(),
                            g.versionId(),
                            g.metadata())));
        } catch (S3Exception e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** NoSuchKey, NoSuchVersion (S3 answers 404 for both, without a body on HEAD). */
    private static boolean notFound(S3Exception e) {
        return e instanceof NoSuchKeyException || e.statusCode() == 404;
    }

    public Optional<byte[]> readIfExists(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public void putBytes(String key, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    /** One PUT with a Cache-Control header (what CloudFront and browsers may keep, and for how long). */
    public void putBytes(String key, byte[] content, String contentType, String cacheControl) {
        s3.putObject(
                r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(content));
    }

    /** One PUT with user metadata, if the condition holds. */
    public Write putBytes(
            String key, byte[] content, String contentType, Map<String, String> metadata, Condition condition) {
        return conditionalPut(key, contentType, metadata, condition, RequestBody.fromBytes(content));
    }

    private Write conditionalPut(
            String key, String contentType, Map<String, String> metadata, Condition condition, RequestBody body) {
        return conditionally(() -> s3.putObject(
                r -> r.bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .metadata(metadata)
                        .ifMatch(condition.ifMatch())
                        .ifNoneMatch(condition.ifNoneMatch()),
                body));
    }

    /**
     * Runs a conditional request: S3 answers 412 when the condition no longer holds, and 409 when a concurrent
     * conditional write to the same key is still in progress. Both mean: another writer came first.
     */
    private static Write conditionally(Runnable request) {
        try {
            request.run();
            return Write.WRITTEN;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return Write.CONDITION_FAILED;
            }
            throw e;
        }
    }

    /**
     * Uploads a local file as one object, atomically and if the condition holds: a single PUT up to the part
     * size, a multipart upload above it (whose completion carries the condition).
     */
    public Write putFile(String key, Path file, String contentType, Map<String, String> metadata, Condition condition) {
        long size = size(file);
        if (size <= partSize) {
            return conditionalPut(key, contentType, metadata, condition, RequestBody.fromFile(file));
        }
        String uploadId = s3.createMultipartUpload(
                        r -> r.bucket(bucket).key(key).contentType(contentType).metadata(metadata))
                .uploadId();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1; (long) (number - 1) * partSize < size; number++) {
                long offset = (number - 1) * partSize;
                long length = Math.min(partSize, size - offset);
                int partNumber = number;
                RequestBody body = RequestBody.fromContentProvider(
                        () -> boundedStream(channel, offset, length), length, "application/octet-stream");
                String eTag = s3.uploadPart(
                                r -> r.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength(length),
                                body)
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(eTag)
                        .build());
            }
            Write outcome = conditionally(() -> s3.completeMultipartUpload(r -> r.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .ifMatch(condition.ifMatch())
                    .ifNoneMatch(condition.ifNoneMatch())
                    .multipartUpload(u -> u.parts(parts))));
            if (outcome == Write.CONDITION_FAILED) {
                abort(key, uploadId);
            }
            return outcome;
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file + " for upload", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Server-side copy of (a version of) an object; multipart copy above the single-copy limit. */
    public void copy(String sourceKey, String sourceVersionId, long size, String targetKey) {
        if (size <= maxSingleCopy) {
            s3.copyObject(r -> r.sourceBucket(bucket)
                    .sourceKey(sourceKey)
                    .sourceVersionId(sourceVersionId)
                    .destinationBucket(bucket)
                    .destinationKey(targetKey));
            return;
        }
        String uploadId =
                s3.createMultipartUpload(r -> r.bucket(bucket).key(targetKey)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1; (long) (number - 1) * partSize < size; number++) {
                long first = (number - 1) * partSize;
                long last = Math.min(size, first + partSize) - 1;
                int partNumber = number;
                String eTag = s3.uploadPartCopy(r -> r.sourceBucket(bucket)
                                .sourceKey(sourceKey)
                                .sourceVersionId(sourceVersionId)
                                .destinationBucket(bucket)
                                .destinationKey(targetKey)
                                .uploadId(uploadId)
                                .partNumber(partNumber)
                                .copySourceRange("bytes=" + first + "-" + last))
                        .copyPartResult()
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(eTag)
                        .build());
            }
            s3.completeMultipartUpload(
                    r -> r.bucket(bucket).key(targetKey).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
        } catch (RuntimeException e) {
            abort(targetKey, uploadId);
            throw e;
        }
    }

    /** All objects under a prefix, in key order. */
    public List<ObjectInfo> list(String prefix) {
        List<ObjectInfo> all = new ArrayList<>();
        for (S3Object o :
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            all.add(new ObjectInfo(
                    o.key(), o.eTag(), o.size() == null ? 0 : o.size(), o.lastModified(), null, Map.of()));
        }
        return all;
    }

    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException abortFailure) {
            // The bucket's lifecycle rule removes incomplete uploads after a day.
            LOG.warn("could not abort multipart upload of {}: {}", key, abortFailure.toString());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream boundedStream(FileChannel channel, long offset, long length) {
        return new InputStream() {
            private long position = offset;
            private final long end = offset + length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                if (position >= end) {
                    return -1;
                }
                int wanted = (int) Math.min(len, end - position);
                int read = channel.read(java.nio.ByteBuffer.wrap(buffer, off, wanted), position);
                if (read > 0) {
                    position += read;
                }
                return read;
            }
        };
    }
}
