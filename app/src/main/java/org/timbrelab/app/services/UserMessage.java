package org.timbrelab.app.services;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * An error as a person should read it: what failed, why, and what to do — never a stack trace.
 * Our own exceptions already carry "... What to do: ..." in their message; others get advice by type.
 */
public record UserMessage(String title, String message, String advice) {

    private static final String WHAT_TO_DO = "What to do:";

    public static UserMessage of(String action, Throwable error) {
        Throwable e = unwrap(error);
        String msg = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().strip();
        int i = msg.indexOf(WHAT_TO_DO);
        if (i >= 0) return new UserMessage(action + " failed", msg.substring(0, i).strip(), msg.substring(i + WHAT_TO_DO.length()).strip());
        return new UserMessage(action + " failed", firstLine(msg), adviceFor(e));
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof java.util.concurrent.ExecutionException || e instanceof java.util.concurrent.CompletionException
                || e instanceof java.lang.reflect.InvocationTargetException || e instanceof java.io.UncheckedIOException)
                && e.getCause() != null) e = e.getCause();
        return e;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String adviceFor(Throwable e) {
        if (e instanceof NoSuchFileException) return "Check that the file exists and pick it again.";
        if (e instanceof AccessDeniedException) return "Check the file's permissions, or choose another folder.";
        if (e instanceof OutOfMemoryError) return "Close other programs or use a shorter clip, then try again.";
        if (e instanceof java.io.IOException) return "Check the file and the disk, then try again.";
        if (e instanceof IllegalArgumentException) return "Check the values you entered and try again.";
        return "Try again; if it keeps failing, the log (terminal output) has the details for a bug report.";
    }

    /** The dialog body: message, blank line, advice. */
    public String body() { return message + "\n\nWhat to do: " + advice; }
}
