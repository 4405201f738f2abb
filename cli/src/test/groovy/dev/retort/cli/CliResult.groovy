package dev.retort.cli

import groovy.transform.Canonical

/** What one run of the command line gave: its exit code and everything it wrote to stdout and stderr. */
@Canonical
class CliResult {
    int exit
    String out
    String err

    List<String> getOutLines() {
        out.readLines()
    }

    List<String> getErrLines() {
        err.readLines()
    }

    /** The lines of stderr that are not progress ({@code Running upgrade …}): what the user is told went wrong. */
    List<String> getErrorLines() {
        errLines.findAll { !it.startsWith('Running ') && !it.startsWith('Cannot connect yet') }
    }

    /** The one error line, without its {@code error: } prefix; fails when there is not exactly one. */
    String getError() {
        List<String> lines = errorLines
        assert lines.size() == 1: "expected one error line on stderr, got ${lines.size()}:\n$err"
        assert lines[0].startsWith('error: '): "expected 'error: …' on stderr, got: ${lines[0]}"
        lines[0].substring('error: '.length())
    }

    /**
     * The lines of a message that has several, each without its {@code error: } prefix; fails unless every line of
     * stderr that is not progress carries that prefix.
     */
    List<String> getErrorMessageLines() {
        List<String> lines = errorLines
        assert !lines.isEmpty(): "expected an error on stderr, got none"
        assert lines.every { it.startsWith('error: ') }: "expected 'error: ' on every error line, got:\n$err"
        lines.collect { it.substring('error: '.length()) }
    }

    /** No Java stack trace anywhere in the output. */
    boolean getHasStackTrace() {
        (out + err) =~ /(?m)^\s+at [\w$.]+\(/ || (out + err).contains('Caused by:')
    }

    @Override
    String toString() {
        "exit $exit\n--- stdout\n$out--- stderr\n$err---"
    }
}
