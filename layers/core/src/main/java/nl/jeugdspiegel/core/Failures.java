package nl.jeugdspiegel.core;

import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Failures as they may be logged and reported: exception messages can quote what was being read (a JDK
 * message repeats a zip entry name, a parser message a value, an SDK message a key), and uploads hold
 * BSNs, names and birth dates (docs/contract.md §3). So a failure is described by the classes of its causes
 * and where each was thrown, never by a message.
 */
public final class Failures {

    private Failures() {}

    /**
     * "S3Exception 500 InternalError at ObjectStore.putFile(ObjectStore.java:120) ← caused by …": per cause its
     * class, for an AWS service error its status and error code, and the first place in this project's code
     * (else the first frame) it passed; never a message.
     */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " ← caused by ")
                    .append(t.getClass().getSimpleName());
            if (t instanceof AwsServiceException aws) {
                out.append(' ').append(aws.statusCode());
                if (aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
                    out.append(' ').append(aws.awsErrorDetails().errorCode());
                }
            }
            StackTraceElement[] trace = t.getStackTrace();
            StackTraceElement at = trace.length == 0 ? null : trace[0];
            for (StackTraceElement frame : trace) {
                if (frame.getClassName().startsWith("nl.jeugdspiegel.")) {
                    at = frame;
                    break;
                }
            }
            if (at != null) {
                String type = at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1);
                out.append(" at ")
                        .append(type)
                        .append('.')
                        .append(at.getMethodName())
                        .append('(')
                        .append(at.getFileName())
                        .append(':')
                        .append(at.getLineNumber())
                        .append(')');
            }
        }
        return out.toString();
    }

    /**
     * An exception to throw instead of {@code failure} where the runtime will print it (Lambda logs the
     * exception a handler throws): the description of {@link #describe} and the original stack trace, no
     * message and no cause that could carry one.
     */
    public static RuntimeException withoutMessages(String what, Throwable failure) {
        RuntimeException safe = new RuntimeException(what + ": " + describe(failure), null, false, true) {};
        safe.setStackTrace(failure.getStackTrace());
        return safe;
    }
}
