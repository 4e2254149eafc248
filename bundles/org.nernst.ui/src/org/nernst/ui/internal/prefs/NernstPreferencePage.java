package org.nernst.ui.internal.prefs;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window → Preferences → Nernst: run threads, Java heap of the next start, default store and
 * plot defaults (size, DPI, theme). Each field is checked as typed; the heap goes into the product's ini on OK.
 */
public final class NernstPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "org.nernst.ui.preferences";

    private final java.util.Map<String, StringFieldEditor> fields = new java.util.LinkedHashMap<>();
    private Path ini;
    private String iniHeap = "";

    public NernstPreferencePage() {
        super(GRID);
        setDescription("Settings of the Nernst workbench.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(NernstPreferences.store());
        ini = NernstPreferences.iniFile();
        try {
            iniHeap = HeapSetting.read(ini);
        } catch (IOException e) {
            iniHeap = "";
        }
        // the field shows what the next start will use: the ini, not an older remembered value
        NernstPreferences.store().setDefault(NernstPreferences.HEAP, iniHeap);
        NernstPreferences.store().setValue(NernstPreferences.HEAP, iniHeap);
    }

    @Override
    protected void createFieldEditors() {
        Composite p = getFieldEditorParent();
        integer(NernstPreferences.THREADS, "Worker &threads per run:", 1, 256, p);
        StringFieldEditor heap = new StringFieldEditor(NernstPreferences.HEAP, "Java &heap (-Xmx):", p) {
            @Override
            protected boolean doCheckState() {
                if (getStringValue().isBlank()) {
                    return true; // leave the ini as it is
                }
                try {
                    HeapSetting.parse(getStringValue());
                    return true;
                } catch (IllegalArgumentException e) {
                    setErrorMessage(e.getMessage());
                    return false;
                }
            }
        };
        heap.setEmptyStringAllowed(true);
        add(heap);
        note(p, "The heap takes effect at the next start: OK writes -Xmx into " + ini
                + " (read by the nernst-ui launcher).");
        StringFieldEditor store = new StringFieldEditor(NernstPreferences.STORE, "Default &store file:", p);
        store.setEmptyStringAllowed(false);
        add(store);
        integer(NernstPreferences.PLOT_WIDTH, "Plot &width (px at 96 dpi):", 200, 8000, p);
        integer(NernstPreferences.PLOT_HEIGHT, "Plot h&eight (px at 96 dpi):", 150, 8000, p);
        integer(NernstPreferences.PLOT_DPI, "Plot &DPI of PNG exports:", 72, 600, p);
        addField(new ComboFieldEditor(NernstPreferences.PLOT_THEME, "Plot t&heme:", new String[][] {
            { "Light", "light" }, { "Dark (slides)", "dark" }, { "Print (black and greys, dashed)", "print" } }, p));
        note(p, "New figures exported from the Chart view use this size; PNG is scaled by DPI / 96. The Chart view "
                + "draws and exports plots in the theme unless the plot node sets its own 'theme' parameter.");
    }

    private void integer(String key, String label, int min, int max, Composite p) {
        IntegerFieldEditor f = new IntegerFieldEditor(key, label, p);
        f.setValidRange(min, max);
        add(f);
    }

    private void add(StringFieldEditor f) {
        fields.put(f.getPreferenceName(), f);
        addField(f);
    }

    private static void note(Composite p, String text) {
        Label l = new Label(p, SWT.WRAP);
        l.setText(text);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        gd.widthHint = 420;
        l.setLayoutData(gd);
    }

    @Override
    public boolean performOk() {
        if (!super.performOk()) {
            return false;
        }
        String heap = NernstPreferences.store().getString(NernstPreferences.HEAP).trim();
        if (!heap.isEmpty() && !heap.equals(iniHeap)) {
            try {
                HeapSetting.write(ini, heap);
                iniHeap = HeapSetting.parse(heap);
            } catch (IOException | IllegalArgumentException e) {
                setErrorMessage("Cannot write the heap into " + ini + ": " + e.getMessage());
                return false;
            }
        }
        NernstPreferences.applyStoreLocation();
        try {
            ((org.eclipse.ui.preferences.ScopedPreferenceStore) NernstPreferences.store()).save();
        } catch (IOException e) {
            setErrorMessage("Cannot save the preferences: " + e.getMessage());
            return false;
        }
        return true;
    }

    /** Types into a field as a user would (tests). */
    public void type(String key, String text) {
        StringFieldEditor f = fields.get(key);
        f.setStringValue(text);
        // what a keystroke does: the editor re-validates and the page's valid state follows
        f.getTextControl(getFieldEditorParent()).notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
        checkState();
    }

    /** Whether every field holds a valid value. */
    public boolean fieldsValid() {
        return fields.values().stream().allMatch(FieldEditor::isValid);
    }
}
