package dev.flowline.http;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.TimeoutException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import reactor.netty.http.client.PrematureCloseException;

/** Turns what either HTTP client throws into a {@link FetchOutcome}, looking through the chain of causes. */
final class Failures {

    private Failures() {}

    static FetchOutcome classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            FetchOutcome outcome = classifyOne(cause);
            if (outcome != null) {
                return outcome;
            }
        }
        return FetchOutcome.FAILED;
    }

    /** A short description naming the exception, for {@link FetchResponse#detail()}. */
    static String describe(Throwable error) {
        if (error instanceof FetchFailure) {
            return error.getMessage();
        }
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static FetchOutcome classifyOne(Throwable error) {
        if (error instanceof FetchFailure failure) {
            return failure.outcome();
        }
        // Timeouts first: Netty's ConnectTimeoutException is a ConnectException.
        if (error instanceof ConnectTimeoutException || error instanceof HttpTimeoutException
                || error instanceof SocketTimeoutException || error instanceof TimeoutException
                || error instanceof java.util.concurrent.TimeoutException) {
            return FetchOutcome.TIMEOUT;
        }
        if (error instanceof ConnectException) {
            return FetchOutcome.CONNECT_REFUSED;
        }
        if (error instanceof UnknownHostException) {
            return FetchOutcome.UNKNOWN_HOST;
        }
        if (error.getClass().getSimpleName().startsWith("PoolAcquire")) { // reactor-pool's, shaded into Reactor Netty
            return FetchOutcome.POOL_EXHAUSTED;
        }
        // Requests are checked before they are sent: a parse error inside a client is about the response.
        if (error instanceof ProtocolException || error instanceof DecoderException || error instanceof IllegalArgumentException) {
            return FetchOutcome.BAD_RESPONSE;
        }
        if (error instanceof PrematureCloseException || error instanceof SocketException
                || error instanceof EOFException || error instanceof ClosedChannelException) {
            return FetchOutcome.CONNECTION_RESET;
        }
        if (error instanceof IOException && error.getMessage() != null) {
            String message = error.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("chunk size")) { // the JDK client's words for malformed chunked encoding
                return FetchOutcome.BAD_RESPONSE;
            }
            if (message.contains("reset") || message.contains("closed") || message.contains("eof")
                    || message.contains("bytes received") || message.contains("premature")) {
                return FetchOutcome.CONNECTION_RESET;
            }
        }
        return null;
    }
}
