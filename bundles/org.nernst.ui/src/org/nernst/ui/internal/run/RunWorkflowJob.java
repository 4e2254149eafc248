package org.nernst.ui.internal.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;
import org.nernst.core.exec.CancelToken;
import org.nernst.core.exec.ExecutionListener;
import org.nernst.core.exec.NodeExecutionException;
import org.nernst.core.exec.Result;
import org.nernst.core.exec.WorkflowExecutor;
import org.nernst.core.node.CancelledException;
import org.nernst.core.workflow.Workflow;
import org.nernst.core.workflow.WorkflowException;
import org.nernst.core.workflow.WorkflowNode;
import org.nernst.ui.internal.model.Connections;
import org.nernst.ui.internal.model.NodeState;
import org.nernst.ui.internal.model.RunState;
import org.nernst.ui.internal.model.WorkflowDocument;
import org.nernst.ui.internal.prefs.NernstPreferences;

/**
 * Runs a snapshot of a document's workflow (all of it, or up to one node) in an Eclipse job:
 * progress in the progress view and status line, cancel through the job's cancel button, node
 * states and outputs into the document's {@link RunState}, each node's outputs as soon as that
 * node finishes. The UI thread only starts it. Node threads come from the preferences.
 */
public final class RunWorkflowJob extends Job {
    /** The family of every run, for {@code Job.getJobManager().join}. */
    public static final Object FAMILY = RunWorkflowJob.class;

    private static final String PLUGIN = "org.nernst.ui";

    private final WorkflowDocument document;
    private final Workflow workflow;
    private final Map<String, Long> revisions = new HashMap<>();
    private final CancelToken cancel = new CancelToken();
    private final int threads;

    /**
     * @param upTo run only this node and what it depends on, or {@code null} for the whole workflow
     */
    public RunWorkflowJob(WorkflowDocument document, String upTo) {
        super(upTo == null ? "Run workflow " + document.workflow().name()
                : "Run workflow " + document.workflow().name() + " up to " + upTo);
        this.document = document;
        Workflow wf = document.workflow();
        if (upTo != null) {
            Set<String> keep = Connections.upstream(wf, upTo);
            List<WorkflowNode> nodes = new ArrayList<>(wf.nodes());
            nodes.removeIf(n -> !keep.contains(n.id()));
            wf = new Workflow(wf.name(), wf.description(), wf.seed(), nodes);
        }
        this.workflow = wf;
        this.threads = NernstPreferences.threads();
        for (WorkflowNode n : wf.nodes()) {
            revisions.put(n.id(), document.runState().revision(n.id()));
        }
        setUser(true);
        // a failure is drawn on its node and kept in the progress view; no dialog interrupts the user
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        setProperty(IProgressConstants.KEEPONE_PROPERTY, Boolean.TRUE);
        setRule(new OneRunPerDocument(document));
    }

    /** Runs of one document queue behind each other; runs of different documents go in parallel. */
    private record OneRunPerDocument(WorkflowDocument document) implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule instanceof OneRunPerDocument o && o.document == document;
        }
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected void canceling() {
        cancel.cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Map<String, Map<String, Result>> produced = new ConcurrentHashMap<>();
        monitor.beginTask(getName(), workflow.nodes().size());
        ExecutionListener listener = new ExecutionListener() {
            @Override
            public void nodeStarted(String id) {
                update(id, NodeState.RUNNING, 0, "");
                synchronized (monitor) {
                    monitor.subTask(id);
                }
            }

            @Override
            public void progress(String id, double fraction, String message) {
                update(id, NodeState.RUNNING, fraction, message);
            }

            @Override
            public void nodeOutputs(String id, Map<String, Result> outputs) {
                produced.put(id, outputs);
            }

            @Override
            public void nodeFinished(String id, long millis) {
                // the node's results are shown now, while later nodes still run; the revision
                // check in RunState drops them if the node was edited since the run started
                document.runState().update(id, revisions.get(id), new RunState.Entry(NodeState.DONE, 1, millis + " ms",
                        produced.getOrDefault(id, Map.of())));
                synchronized (monitor) {
                    monitor.worked(1);
                }
            }

            @Override
            public void nodeFailed(String id, Throwable error) {
                update(id, NodeState.FAILED, -1, error.getMessage() == null ? error.toString() : error.getMessage());
            }
        };
        try {
            new WorkflowExecutor(document.registry(), threads).run(workflow, listener, cancel);
            return Status.OK_STATUS;
        } catch (CancelledException e) {
            resetUnfinished("cancelled");
            return Status.CANCEL_STATUS;
        } catch (WorkflowException e) {
            resetUnfinished("");
            return Status.error("The workflow cannot run:\n" + String.join("\n", e.problems()));
        } catch (NodeExecutionException e) {
            resetUnfinished("");
            // the node's failure is drawn on it; the dialog says the same for whoever looks away
            return new Status(IStatus.ERROR, PLUGIN, e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    private void update(String id, NodeState s, double progress, String message) {
        document.runState().update(id, revisions.get(id), new RunState.Entry(s, progress, message, Map.of()));
    }

    /** The worker threads this run uses (the preference when the run was created). */
    public int threads() {
        return threads;
    }

    /**
     * Nodes left running by a stopped run go back to having no result; nodes that finished before
     * the stop keep theirs (they are valid results of the configuration that ran).
     */
    private void resetUnfinished(String message) {
        for (WorkflowNode n : workflow.nodes()) {
            RunState.Entry e = document.runState().entry(n.id());
            if (e.state() == NodeState.RUNNING || (e.state() == NodeState.DONE && e.outputs().isEmpty())) {
                document.runState().update(n.id(), revisions.get(n.id()),
                        new RunState.Entry(null, -1, message, Map.of()));
            }
        }
    }
}
