package org.nernst.ui.internal.editor;

import org.nernst.ui.internal.model.WorkflowDocument;

/** The element of the editor's selection: one node of one document, what the views follow. */
public record NodeSelection(WorkflowDocument document, String nodeId) {
}
