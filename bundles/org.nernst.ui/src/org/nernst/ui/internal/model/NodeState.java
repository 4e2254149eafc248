package org.nernst.ui.internal.model;

/** What the editor draws for a node: its configuration first, then what the last run did with it. */
public enum NodeState {
    /** A required parameter or input is missing or a value is invalid: the node cannot run. */
    NOT_CONFIGURED("not configured"),
    /** Configured, with no current result. */
    READY("ready"),
    /** Had a result, but the node or something upstream changed since: the result is not shown. */
    STALE("stale"),
    RUNNING("running"),
    DONE("done"),
    FAILED("failed");

    private final String label;

    NodeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
