package org.newsmonitor.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on standard error and exit status 1. The stack trace is printed only when
 * {@code MONITOR_DEBUG=1}, so that a user never gets a stack trace as the only explanation.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        cli.getErr().println("monitor " + cli.getCommandName() + ": " + describe(e));
        if ("1".equals(System.getenv("MONITOR_DEBUG"))) {
            e.printStackTrace(cli.getErr());
        } else {
            cli.getErr().println("(set MONITOR_DEBUG=1 for the stack trace)");
        }
        return 1;
    }

    /** The most helpful one-line description of a failure and its causes. */
    static String describe(Throwable e) {
        StringBuilder line = new StringBuilder(message(e));
        Throwable cause = e.getCause();
        int depth = 0;
        while (cause != null && cause != e && depth++ < 3) {
            String m = message(cause);
            if (!line.toString().contains(m)) {
                line.append(": ").append(m);
            }
            e = cause;
            cause = cause.getCause();
        }
        return line.toString();
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
