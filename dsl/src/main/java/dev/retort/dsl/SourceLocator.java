package dev.retort.dsl;

import dev.retort.operation.SourceLocation;

import java.util.Optional;

/**
 * Finds the script line that is running: the innermost stack frame that belongs to the script's class or one of its
 * closures. The compiler pins the arguments of a call that spans several lines to the call's first line, so a frame
 * reports the line where the DSL call starts.
 */
public final class SourceLocator implements CallLocator {

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final String file;
    private final String scriptClass;
    private final String closurePrefix;

    public SourceLocator(String file, String scriptClassName) {
        this.file = file;
        this.scriptClass = scriptClassName;
        this.closurePrefix = scriptClassName + "$";
    }

    @Override
    public String file() {
        return file;
    }

    /** Where the script called into the DSL; line 0 when not called from the script. */
    @Override
    public SourceLocation here() {
        int line = WALKER.walk(frames -> frames
                .filter(f -> isScript(f.getClassName()))
                .findFirst()
                .map(StackWalker.StackFrame::getLineNumber)
                .orElse(0));
        return new SourceLocation(file, Math.max(line, 0));
    }

    /** The script line where this failure happened, from its stack trace or its causes'. */
    @Override
    public SourceLocation of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<StackTraceElement> frame = java.util.Arrays.stream(t.getStackTrace())
                    .filter(e -> isScript(e.getClassName()) && e.getLineNumber() > 0)
                    .findFirst();
            if (frame.isPresent()) {
                return new SourceLocation(file, frame.get().getLineNumber());
            }
        }
        return new SourceLocation(file, 0);
    }

    private boolean isScript(String className) {
        return className.equals(scriptClass) || className.startsWith(closurePrefix);
    }
}
