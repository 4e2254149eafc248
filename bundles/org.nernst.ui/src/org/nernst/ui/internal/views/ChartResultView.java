package org.nernst.ui.internal.views;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.nernst.core.io.AtomicFiles;
import org.nernst.core.node.Figure;
import org.nernst.core.node.PortType;
import org.nernst.ui.internal.editor.NodeSelection;

/**
 * The figure outputs of the selected node. A {@link Figure} carries the PNG that
 * {@code org.nernst.charts} rendered without a display, and its SVG; the view scales the PNG to fit
 * (keeping its aspect) and exports either format.
 */
public final class ChartResultView extends NodeView {
    public static final String ID = "org.nernst.ui.chartView";

    private Combo ports;
    private Label status;
    private Canvas canvas;
    private Figure shown;
    private Image image;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        ports = new Combo(parent, SWT.READ_ONLY);
        ports.addListener(SWT.Selection, e -> refresh());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button export = new Button(parent, SWT.PUSH);
        export.setText("Export…");
        export.addListener(SWT.Selection, e -> export());
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.Dispose, e -> {
            if (image != null) {
                image.dispose();
            }
        });
        follow();
        refresh();
    }

    @Override
    protected boolean accepts(NodeSelection s) {
        return !Outputs.ports(s, PortType.FIGURE).isEmpty();
    }

    @Override
    protected void refresh() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        List<String> names = Outputs.ports(current(), PortType.FIGURE);
        if (!Arrays.asList(ports.getItems()).equals(names)) {
            String keep = ports.getText();
            ports.setItems(names.toArray(String[]::new));
            ports.select(Math.max(0, names.indexOf(keep)));
        }
        Object v = Outputs.value(current(), ports.getText());
        Figure f = v instanceof Figure ff ? ff : null;
        status.setText(f != null ? f.title()
                : names.isEmpty() && current() != null ? current().nodeId() + " draws no figure."
                        : Outputs.absence(current()));
        status.getParent().layout();
        if (f != shown) {
            shown = f;
            if (image != null) {
                image.dispose();
                image = null;
            }
            if (f != null) {
                image = new Image(canvas.getDisplay(), new ImageData(new ByteArrayInputStream(f.png())));
            }
            canvas.redraw();
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (image == null || area.width <= 0 || area.height <= 0) {
            return;
        }
        Rectangle b = image.getBounds();
        double scale = Math.min(area.width / (double) b.width, area.height / (double) b.height);
        int w = Math.max(1, (int) (b.width * scale));
        int h = Math.max(1, (int) (b.height * scale));
        gc.setInterpolation(SWT.HIGH);
        gc.setAntialias(SWT.ON);
        gc.drawImage(image, 0, 0, b.width, b.height, (area.width - w) / 2, (area.height - h) / 2, w, h);
    }

    private void export() {
        if (shown == null) {
            return;
        }
        FileDialog d = new FileDialog(canvas.getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.png", "*.svg" });
        d.setOverwrite(true);
        String target = d.open();
        if (target == null) {
            return;
        }
        try {
            byte[] data = target.toLowerCase(java.util.Locale.ROOT).endsWith(".svg")
                    ? shown.svg().getBytes(StandardCharsets.UTF_8) : shown.png();
            AtomicFiles.write(Path.of(target), data);
        } catch (IOException e) {
            MessageDialog.openError(canvas.getShell(), "Export failed", "Cannot write " + target + ":\n" + e.getMessage());
        }
    }

    /** The figure shown, or {@code null}. */
    public Figure figure() {
        return shown;
    }

    /** Pixel size of the rendered PNG shown, or {@code null}. */
    public Rectangle imageBounds() {
        return image == null ? null : image.getBounds();
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }
}
