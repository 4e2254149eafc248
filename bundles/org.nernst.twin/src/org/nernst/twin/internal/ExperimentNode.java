package org.nernst.twin.internal;

import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;
import org.nernst.twin.experiment.Experiment;
import org.nernst.twin.experiment.ExperimentParser;

/**
 * The experiment node: checks the experiment text when the workflow is validated and hands it to
 * twins as a table, one instruction per row (indentation kept), so it is saved with the workflow and
 * visible as data.
 */
public final class ExperimentNode implements Node {

    @Override
    public void configure(Parameters p) {
        try {
            ExperimentParser.parse(p.string("steps"));
        } catch (DataException e) {
            throw new IllegalArgumentException("parameter 'steps': " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        c.monitor().checkCanceled(); // a cancelled run stops here, before any reading
        String text = c.parameters().string("steps");
        Experiment e = ExperimentParser.parse(text);
        String[] lines = text.split("\\R", -1);
        int n = lines.length;
        while (n > 0 && lines[n - 1].isBlank()) {
            n--;
        }
        long[] number = new long[n];
        String[] instruction = new String[n];
        for (int i = 0; i < n; i++) {
            number[i] = i + 1;
            instruction[i] = lines[i];
        }
        c.info(e.stepCount() + " steps to run");
        return Map.of("experiment", new Table("experiment", java.util.List.of(
                new LongColumn("line", "", Role.NONE, number), new StringColumn("instruction", Role.NONE, instruction))));
    }
}
