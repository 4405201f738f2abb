package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.MaskedUrl;
import dev.retort.api.RetortException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The one place exceptions become output: the message on stderr naming the cause, and an exit code by kind of
 * failure. Every line of a message that has several (one per broken script, say) carries the prefix, so each reads
 * as part of the error, also when stderr is interleaved with progress lines or filtered by line. Stack traces only
 * with {@code --debug}. Everything printed is scrubbed of the passwords the run knows.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final RetortCommand root;

    ErrorHandler(RetortCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        List<String> secrets = root.secretsForMasking();
        int code;
        if (ex instanceof RetortException retort) {
            printLines(err, "error: ", MaskedUrl.scrub(retort.getMessage(), secrets));
            code = retort.code().exitCode();
        } else {
            printLines(err, "internal error: ", MaskedUrl.scrub(String.valueOf(ex), secrets)
                    + (root.options.debug ? "" : " (run with --debug for the stack trace)"));
            code = ErrorCode.INTERNAL.exitCode();
        }
        if (root.options.debug) {
            // the trace repeats each message unmasked, causes' messages included: scrub it as a whole
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(MaskedUrl.scrub(trace.toString(), secrets));
        }
        err.flush();
        return code;
    }

    /** Each line of the message with the prefix (an empty message still prints the prefix once). */
    private static void printLines(PrintWriter err, String prefix, String message) {
        List<String> lines = String.valueOf(message).lines().toList();
        for (String line : lines.isEmpty() ? List.of("") : lines) {
            err.println(prefix + line);
        }
    }
}
