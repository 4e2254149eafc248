package org.nernst.cli;

/**
 * Exit codes of {@code nernst}, one per failure class so scripts can tell them apart.
 *
 * @since 0.1
 */
public enum ExitCode {
    OK(0, "success"),
    USAGE(2, "bad command line"),
    INVALID_WORKFLOW(3, "the workflow file is unreadable or invalid (nothing ran)"),
    DATA_ERROR(4, "input data error: a file is missing, malformed or holds unusable values"),
    EXECUTION_FAILED(5, "a node failed while running (or an internal error; the trace is printed)"),
    CANCELLED(6, "cancelled by Ctrl-C or the cancel file (no output written)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
