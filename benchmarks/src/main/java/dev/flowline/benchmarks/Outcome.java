package dev.flowline.benchmarks;

/** How one request ended: {@code error} is {@code null} for a 200 with its body read, else what went wrong. */
record Outcome(long issuedNanos, String error) {

    static Outcome ok(Request request) {
        return new Outcome(request.issuedNanos(), null);
    }

    static Outcome failed(Request request, String error) {
        return new Outcome(request.issuedNanos(), error);
    }

    boolean isOk() {
        return error == null;
    }
}
