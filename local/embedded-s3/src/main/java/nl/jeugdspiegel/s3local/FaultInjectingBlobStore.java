package nl.jeugdspiegel.s3local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Sits between S3Proxy's HTTP front end and its storage: refuses keys the server does not serve (403), and fails or
 * delays requests on demand.
 */
final class FaultInjectingBlobStore extends ForwardingBlobStore {

    private final Faults faults;
    private final Consumer<EmbeddedS3.Created> created;
    private final Predicate<String> served;

    FaultInjectingBlobStore(
            BlobStore delegate, Faults faults, Consumer<EmbeddedS3.Created> created, Predicate<String> served) {
        super(delegate);
        this.faults = faults;
        this.created = created;
        this.served = served;
    }

    /** A key outside what the server serves is refused as S3 refuses a key the caller may not touch. */
    private void served(String key) {
        if (key != null && !served.test(key)) {
            throw S3Exceptions.fromStatusCode(403);
        }
    }

    private void maybeFail(Faults.Operation operation) {
        maybeFail(operation, null);
    }

    private void maybeFail(Faults.Operation operation, String key) {
        int status = faults.apply(operation, key);
        if (status != 0) {
            throw S3Exceptions.fromStatusCode(status);
        }
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        served(request.key());
        maybeFail(Faults.Operation.GET, request.key());
        return super.getBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        served(request.key());
        maybeFail(Faults.Operation.HEAD, request.key());
        return super.blobMetadata(request);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        if (!served.test(request.key())) {
            // read the body first: a client still sending it when the answer comes sees a broken pipe, not the 403
            try {
                content.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the answer is the same
            }
        }
        served(request.key());
        maybeFail(Faults.Operation.PUT, request.key());
        PutObjectResponse response = super.putBlob(request, content);
        created.accept(new EmbeddedS3.Created(request.bucket(), request.key(), response.eTag()));
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        served(request.sourceKey());
        served(request.destinationKey());
        maybeFail(Faults.Operation.COPY, request.destinationKey());
        CopyObjectResponse response = super.copyBlob(request);
        created.accept(new EmbeddedS3.Created(request.destinationBucket(), request.destinationKey(), null));
        return response;
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        maybeFail(Faults.Operation.LIST);
        return super.list(request);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        served(request.key());
        maybeFail(Faults.Operation.DELETE);
        return super.removeBlob(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        served(request.key());
        maybeFail(Faults.Operation.MULTIPART);
        return super.initiateMultipartUpload(request);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(
            MultipartUpload upload, UploadPartRequest request, InputStream content) {
        maybeFail(Faults.Operation.MULTIPART);
        return super.uploadMultipartPart(upload, request, content);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        maybeFail(Faults.Operation.MULTIPART);
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created.accept(new EmbeddedS3.Created(request.bucket(), request.key(), response.eTag()));
        return response;
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        return super.listMultipartUpload(upload);
    }
}
