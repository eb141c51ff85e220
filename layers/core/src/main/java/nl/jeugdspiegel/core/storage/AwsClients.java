package nl.jeugdspiegel.core.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import nl.jeugdspiegel.core.config.Settings;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients the functions use: the light URL-connection HTTP client, the standard retry
 * strategy (throttling, 5xx and I/O errors are retried with exponential back-off and jitter) and
 * attempt time-outs. Settings: {@code S3_ENDPOINT_URL} (an S3-compatible endpoint; path-style is then
 * used), {@code S3_MAX_ATTEMPTS} (default 6), {@code S3_ATTEMPT_TIMEOUT_SECONDS} (default 120).
 */
public final class AwsClients {

    private static final Region LOCAL_REGION = Region.EU_CENTRAL_1;

    private AwsClients() {}

    public static S3Client s3() {
        Optional<String> endpoint = Settings.get("S3_ENDPOINT_URL");
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(
                        overrides((int) Settings.getDouble("S3_MAX_ATTEMPTS", 6), Duration.ofMillis((long)
                                (Settings.getDouble("S3_ATTEMPT_TIMEOUT_SECONDS", 120) * 1000))));
        endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url))
                .forcePathStyle(true)
                // local S3-compatible servers over plain HTTP: no aws-chunked uploads and no CRC trailers.
                // They only cost time there, and S3Proxy 4.1 answers them in a way that breaks the next
                // request on the same connection now and then. AWS itself keeps the defaults.
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        region(endpoint.isPresent()).ifPresent(builder::region);
        return builder.build();
    }

    public static SecretsManagerClient secretsManager() {
        var builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(overrides(4, Duration.ofSeconds(10)));
        region(false).ifPresent(builder::region);
        return builder.build();
    }

    /** For the optional notification per receipt. */
    public static SnsClient sns() {
        var builder = SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(overrides(3, Duration.ofSeconds(5)));
        region(false).ifPresent(builder::region);
        return builder.build();
    }

    /** The retry and time-out policy shared by every client of the project. */
    public static ClientOverrideConfiguration overrides(int maxAttempts, Duration attemptTimeout) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .build())
                .apiCallAttemptTimeout(attemptTimeout)
                .addExecutionInterceptor(new NoExpectContinue())
                .build();
    }

    private static Optional<Region> region(boolean localEndpoint) {
        Optional<String> configured = Settings.get("AWS_REGION");
        if (configured.isPresent()) {
            return configured.map(Region::of);
        }
        // In Lambda AWS_REGION is always set; against a local endpoint any region will do.
        return localEndpoint ? Optional.of(LOCAL_REGION) : Optional.empty();
    }
}
