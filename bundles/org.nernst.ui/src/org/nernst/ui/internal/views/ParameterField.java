package org.nernst.ui.internal.views;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;

/**
 * One row of the generated parameter form: a label, an editor chosen by the parameter's type
 * (text, number, check box, choice, path with a browse button) and a line for the validation
 * message, checked as the user types against the same {@link ParameterSpec#coerce} the engine uses.
 * A valid value is committed on Enter or when the field loses focus; check boxes and choices at once.
 */
final class ParameterField {
    private static final Color INVALID = new Color(255, 228, 228);
    private static final Color ERROR_TEXT = new Color(180, 20, 20);

    private final ParameterSpec spec;
    private final Consumer<String> commit;
    private final Control editor;
    private final Label error;
    private final Label errorSpacer;
    private String committed = "";

    ParameterField(Composite form, ParameterSpec spec, Consumer<String> commit) {
        this.spec = spec;
        this.commit = commit;
        Label label = new Label(form, SWT.NONE);
        label.setText(spec.label() + (spec.required() && spec.defaultValue() == null ? " *" : ""));
        label.setToolTipText(spec.description() + "\n" + spec.summary());
        label.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        editor = switch (spec.type()) {
            case BOOLEAN -> {
                Button b = new Button(form, SWT.CHECK);
                b.addListener(SWT.Selection, e -> commit(Boolean.toString(b.getSelection())));
                yield b;
            }
            case CHOICE -> {
                Combo c = new Combo(form, SWT.READ_ONLY);
                c.setItems(spec.choices().toArray(String[]::new));
                c.addListener(SWT.Selection, e -> commit(c.getText()));
                yield c;
            }
            case PATH -> pathEditor(form);
            default -> textEditor(form);
        };
        editor.setToolTipText(spec.description());
        if (!(editor.getLayoutData() instanceof GridData)) {
            editor.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }
        // the message row (a spacer under the label, the message under the editor) takes part in the
        // layout only while there is a message: laying out two empty labels per field was most of
        // the cost of showing a node's form
        errorSpacer = new Label(form, SWT.NONE);
        errorSpacer.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        error = new Label(form, SWT.WRAP);
        error.setForeground(ERROR_TEXT);
        error.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        showErrorRow(false);
    }

    private void showErrorRow(boolean show) {
        for (Label l : new Label[] { errorSpacer, error }) {
            ((GridData) l.getLayoutData()).exclude = !show;
            l.setVisible(show);
        }
    }

    private Text text() {
        return editor instanceof Text t ? t : (Text) ((Composite) editor).getChildren()[0];
    }

    private Control textEditor(Composite form) {
        Text t = new Text(form, SWT.BORDER | SWT.SINGLE);
        wire(t);
        return t;
    }

    private Control pathEditor(Composite form) {
        Composite row = new Composite(form, SWT.NONE);
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = gl.marginHeight = 0;
        row.setLayout(gl);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Text t = new Text(row, SWT.BORDER | SWT.SINGLE);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        wire(t);
        Button browse = new Button(row, SWT.PUSH);
        browse.setText("…");
        browse.setToolTipText("Choose a file or folder");
        browse.addListener(SWT.Selection, e -> {
            // a parameter named like a folder gets a folder chooser; anything else a file chooser
            String chosen = spec.name().toLowerCase(java.util.Locale.ROOT).contains("folder")
                    || spec.name().toLowerCase(java.util.Locale.ROOT).contains("dir")
                            ? new DirectoryDialog(row.getShell()).open() : new FileDialog(row.getShell()).open();
            if (chosen != null) {
                t.setText(chosen);
                commitText();
            }
        });
        return row;
    }

    private void wire(Text t) {
        t.addListener(SWT.Modify, e -> validate());
        t.addListener(SWT.DefaultSelection, e -> commitText());
        t.addListener(SWT.FocusOut, e -> commitText());
    }

    /** Checks the typed text and shows why it is not accepted; {@code null} if it is. */
    String validate() {
        if (!(editor instanceof Text) && spec.type() != ParameterType.PATH) {
            return null;
        }
        String s = text().getText();
        String problem = null;
        if (s.isBlank()) {
            if (spec.required() && spec.defaultValue() == null) {
                problem = spec.label() + " is required";
            }
        } else {
            try {
                spec.coerce(s);
            } catch (IllegalArgumentException ex) {
                problem = ex.getMessage();
            }
        }
        text().setBackground(problem == null ? null : INVALID);
        String message = problem == null ? "" : problem;
        if (!message.equals(error.getText())) {
            // only a changed message changes the form's layout: laying it out on every keystroke and
            // on every value shown made selecting a node cost a full layout per field
            error.setText(message);
            showErrorRow(!message.isEmpty());
            Composite form = error.getParent();
            if (form.getParent() instanceof org.eclipse.swt.custom.ScrolledComposite sc) {
                sc.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT)); // the form grew or shrank by a row
            }
            form.layout(true, true);
        }
        return problem;
    }

    /** Commits what was typed and not yet committed (Enter or focus loss not seen yet). */
    void commitPending() {
        if (editor instanceof Text || spec.type() == ParameterType.PATH) {
            commitText();
        }
    }

    private void commitText() {
        String s = text().getText();
        if (validate() == null && !s.equals(committed)) {
            commit(s);
        }
    }

    private void commit(String s) {
        committed = s;
        commit.accept(s);
    }

    /** Shows a value (from the document) unless the user is typing in this field. */
    void show(Object raw) {
        String s = raw == null ? "" : raw instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList())
                : raw.toString();
        committed = s;
        switch (editor) {
            case Button b -> b.setSelection(Boolean.parseBoolean(s));
            case Combo c -> c.select(spec.choices().indexOf(s));
            default -> {
                Text t = text();
                if (!t.isFocusControl() && !t.getText().equals(s)) {
                    t.setText(s);
                }
            }
        }
    }

    /** Types text into the field, as a user would, and presses Enter. */
    void type(String s) {
        switch (editor) {
            case Button b -> {
                b.setSelection(Boolean.parseBoolean(s));
                b.notifyListeners(SWT.Selection, null);
            }
            case Combo c -> {
                c.select(spec.choices().indexOf(s));
                c.notifyListeners(SWT.Selection, null);
            }
            default -> {
                text().setText(s);
                text().notifyListeners(SWT.DefaultSelection, null);
            }
        }
    }

    /** Sets the text as typing does (validated, not committed) and returns the message shown. */
    String preview(String s) {
        text().setText(s);
        return error.getText();
    }

    String errorText() {
        return error.getText();
    }

    /** What the field shows: "true"/"false" for a check box, the chosen item, or the text. */
    String shown() {
        return switch (editor) {
            case Button b -> Boolean.toString(b.getSelection());
            case Combo c -> c.getText();
            default -> text().getText();
        };
    }
}
