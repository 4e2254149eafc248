package org.nernst.ui.internal.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.nernst.core.exec.Result;

/**
 * What runs have produced for each node of one document: its run state, progress, message and
 * current outputs. Written from job threads and read by the UI, so every map is concurrent.
 * Each node carries a revision, bumped whenever the node or anything upstream is edited; a run
 * records the revisions it started from and its results are kept only for nodes still at that
 * revision, so an old result is never shown as current.
 */
public final class RunState {

    /** One node's run record. */
    public record Entry(NodeState state, double progress, String message, Map<String, Result> outputs) {
        static final Entry NONE = new Entry(null, -1, "", Map.of());
    }

    /** Told whenever an entry changes; called on any thread. */
    public interface Listener {
        void runStateChanged(Collection<String> nodeIds);
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** The run record of a node; its state is {@code null} if it never ran. */
    public Entry entry(String nodeId) {
        return entries.getOrDefault(nodeId, Entry.NONE);
    }

    public long revision(String nodeId) {
        return revisions.getOrDefault(nodeId, 0L);
    }

    /**
     * Marks nodes as changed: their outputs are dropped; a node that had (or was computing) a
     * result shows as stale, a failed one as ready.
     */
    public void invalidate(Collection<String> nodeIds) {
        // under the same lock as update: a run's result checked against the old revision can
        // never land after the edit that made it stale (outputs now arrive while the run goes on)
        synchronized (this) {
            invalidateLocked(nodeIds);
        }
        fire(nodeIds);
    }

    private void invalidateLocked(Collection<String> nodeIds) {
        for (String id : nodeIds) {
            revisions.merge(id, 1L, Long::sum);
            Entry e = entries.remove(id);
            // a failure belonged to the old configuration: the node is simply ready again
            if (e != null && e.state() != null && e.state() != NodeState.FAILED) {
                entries.put(id, new Entry(NodeState.STALE, -1, "changed since the last run", Map.of()));
            }
        }
    }

    /** Updates a node's record if it is still at {@code revision} (a run's view of it). */
    public void update(String nodeId, long revision, Entry entry) {
        synchronized (this) {
            if (revision(nodeId) != revision) {
                return;
            }
            entries.put(nodeId, entry);
        }
        fire(List.of(nodeId));
    }

    private void fire(Collection<String> ids) {
        for (Listener l : listeners) {
            l.runStateChanged(ids);
        }
    }
}
