package nl.jeugdspiegel.core.storage;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops the {@code Expect: 100-continue} header the SDK adds to S3 uploads. With the URL-connection HTTP
 * client that handshake fails now and then on a reused connection ("Unexpected end of file from
 * server"), and the failure surfaces as an {@link java.io.UncheckedIOException} that the retry strategy
 * does not retry (seen on about 4 % of PUTs against S3Proxy). Without it a PUT is a plain request.
 */
public final class NoExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
