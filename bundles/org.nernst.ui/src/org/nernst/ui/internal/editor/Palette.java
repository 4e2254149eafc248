package org.nernst.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.NodeKind;
import org.nernst.core.registry.NodeRegistry;

/**
 * The node palette beside the canvas: every installed node from the registry (metadata only, no
 * contributor class is loaded), grouped by kind then category, filtered by a search field over
 * label, id, category and description, with the description as a tooltip. Double-click or drag a
 * node onto the canvas to add it.
 */
public final class Palette extends Composite {
    private final NodeRegistry registry;
    private final Text search;
    private final Tree tree;
    private final Consumer<NodeDescriptor> onAdd;
    private Consumer<NodeDescriptor> onSelect = d -> {
    };

    Palette(Composite parent, NodeRegistry registry, Consumer<NodeDescriptor> onAdd) {
        super(parent, SWT.NONE);
        this.registry = registry;
        this.onAdd = onAdd;
        setLayout(new GridLayout(1, false));
        search = new Text(this, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search nodes");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.Modify, e -> fill());
        tree = new Tree(this, SWT.SINGLE | SWT.BORDER);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.addListener(SWT.DefaultSelection, e -> selected().ifPresent(onAdd));
        tree.addListener(SWT.Selection, e -> selected().ifPresent(d -> onSelect.accept(d)));
        tree.addListener(SWT.MouseHover, e -> {
            TreeItem item = tree.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            tree.setToolTipText(item != null && item.getData() instanceof NodeDescriptor d ? tooltip(d) : null);
        });
        DragSource drag = new DragSource(tree, DND.DROP_COPY);
        drag.setTransfer(new Transfer[] { TextTransfer.getInstance() });
        drag.addDragListener(new DragSourceAdapter() {
            @Override
            public void dragStart(DragSourceEvent event) {
                event.doit = selected().isPresent();
            }

            @Override
            public void dragSetData(DragSourceEvent event) {
                event.data = selected().map(NodeDescriptor::id).orElse("");
            }
        });
        fill();
    }

    /** Sets the search text, as typing it would. */
    public void search(String text) {
        search.setText(text);
    }

    /** The nodes the palette shows under the current search, in display order. */
    public List<NodeDescriptor> visible() {
        List<NodeDescriptor> out = new ArrayList<>();
        for (TreeItem kind : tree.getItems()) {
            for (TreeItem cat : kind.getItems()) {
                for (TreeItem n : cat.getItems()) {
                    out.add((NodeDescriptor) n.getData());
                }
            }
        }
        return out;
    }

    /** The palette entry of a node type, searched by id as a user would type it. */
    public Optional<NodeDescriptor> entry(String typeId) {
        search(typeId);
        return visible().stream().filter(d -> d.id().equals(typeId)).findFirst();
    }

    /** Told when an entry is selected (the Help view describes it). */
    void onSelect(Consumer<NodeDescriptor> listener) {
        onSelect = listener;
    }

    /** Selects a node's entry as a click on it does. */
    public void select(NodeDescriptor d) {
        for (TreeItem kind : tree.getItems()) {
            for (TreeItem cat : kind.getItems()) {
                for (TreeItem n : cat.getItems()) {
                    if (d.equals(n.getData())) {
                        tree.setSelection(n);
                        onSelect.accept(d);
                        return;
                    }
                }
            }
        }
    }

    /** Adds a node as a double-click on its entry does. */
    public void activate(NodeDescriptor d) {
        onAdd.accept(d);
    }

    /** The group labels (kind, then category) under which a node appears. */
    public static String[] groupOf(NodeDescriptor d) {
        String cat = d.category() == null || d.category().isBlank() ? "Other" : d.category();
        return new String[] { kindLabel(d.kind()), cat };
    }

    private Optional<NodeDescriptor> selected() {
        TreeItem[] sel = tree.getSelection();
        return sel.length == 1 && sel[0].getData() instanceof NodeDescriptor d ? Optional.of(d) : Optional.empty();
    }

    private void fill() {
        String q = search.getText().trim().toLowerCase(Locale.ROOT);
        Map<String, Map<String, List<NodeDescriptor>>> groups = new TreeMap<>();
        for (NodeDescriptor d : registry.nodes()) {
            if (d.kind() == NodeKind.OPTIMIZER) {
                continue; // optimizers are chosen by id in the optimization nodes, not placed on the canvas
            }
            if (!q.isEmpty() && !(d.label() + " " + d.id() + " " + d.category() + " " + d.description())
                    .toLowerCase(Locale.ROOT).contains(q)) {
                continue;
            }
            String[] g = groupOf(d);
            groups.computeIfAbsent(g[0], k -> new TreeMap<>()).computeIfAbsent(g[1], k -> new ArrayList<>()).add(d);
        }
        tree.setRedraw(false);
        tree.removeAll();
        groups.forEach((kind, cats) -> {
            TreeItem k = new TreeItem(tree, SWT.NONE);
            k.setText(kind);
            cats.forEach((cat, nodes) -> {
                TreeItem c = new TreeItem(k, SWT.NONE);
                c.setText(cat);
                nodes.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
                for (NodeDescriptor d : nodes) {
                    TreeItem n = new TreeItem(c, SWT.NONE);
                    n.setText(d.label());
                    n.setData(d);
                }
                c.setExpanded(true);
            });
            k.setExpanded(true);
        });
        tree.setRedraw(true);
    }

    private static String tooltip(NodeDescriptor d) {
        return d.label() + " (" + d.id() + ")\n" + d.description().strip();
    }

    private static String kindLabel(NodeKind k) {
        return switch (k) {
            case DATASET -> "Datasets";
            case FEATURIZER -> "Featurizers";
            case ESTIMATOR -> "Estimators";
            case TWIN -> "Twins";
            case STATE_ESTIMATOR -> "State estimators";
            case OPTIMIZER -> "Optimizers";
            case OPERATION -> "Operations";
        };
    }
}
