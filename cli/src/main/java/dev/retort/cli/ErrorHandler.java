package dev.retort.cli;

import dev.retort.api.ErrorCode;
import dev.retort.api.MaskedUrl;
import dev.retort.api.RetortException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * The one place exceptions become output: a single line on stderr naming the cause, and an exit code by kind of
 * failure. Stack traces only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final RetortCommand root;

    ErrorHandler(RetortCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String password = root.passwordForMasking();
        if (ex instanceof RetortException retort) {
            err.println("error: " + MaskedUrl.scrub(retort.getMessage(), password));
            if (root.options.debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return retort.code().exitCode();
        }
        err.println("internal error: " + MaskedUrl.scrub(String.valueOf(ex), password)
                + (root.options.debug ? "" : " (run with --debug for the stack trace)"));
        if (root.options.debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ErrorCode.INTERNAL.exitCode();
    }
}
