package org.nernst.core.workflow;

import java.util.List;

/**
 * A workflow that cannot be read or is invalid, with every problem found.
 *
 * @since 0.1
 */
public final class WorkflowException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public WorkflowException(String source, List<String> problems) {
        super(source + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
