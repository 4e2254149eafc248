package org.nernst.ui.internal.views;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.nernst.charts.AxisRange;
import org.nernst.core.io.AtomicFiles;
import org.nernst.core.node.Figure;
import org.nernst.core.node.PortType;
import org.nernst.ui.internal.editor.NodeSelection;
import org.nernst.ui.internal.prefs.NernstPreferences;

/**
 * The figure outputs of the selected node. A plot node's figure is re-rendered through
 * {@code org.nernst.charts} at the view's size (on resize), and with new axis ranges for zoom
 * (mouse wheel, about the pointer) and pan (drag); double-click shows all the data again. Rendering
 * runs in a background job, never on the UI thread. Figures the view cannot re-render (no plot
 * node, input gone) show the node's PNG scaled to fit. Export writes PNG, SVG or PDF at the
 * preferred plot size. Re-rendered plots use the node's theme, else the preferred plot theme.
 */
public final class ChartResultView extends NodeView {
    public static final String ID = "org.nernst.ui.chartView";
    /** The family of render and export jobs, for {@code Job.getJobManager().join}. */
    public static final Object RENDER_FAMILY = new Object();

    private Combo ports;
    private Label status;
    private Canvas canvas;
    private Figure shown;
    /** What can re-render the shown figure, or {@code null}. */
    private LivePlot live;
    /** The visible range when zoomed or panned; {@code null} shows all the data. */
    private AxisRange range;
    private Image image;
    /** Bumped per render request so a slow older render never replaces a newer one. */
    private int renderRequest;
    private Point dragFrom;
    private AxisRange dragRange;

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
        canvas.setToolTipText("Wheel: zoom · drag: pan · double-click: show all");
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> {
            canvas.redraw();
            render();
        });
        canvas.addListener(SWT.MouseWheel, e -> zoomAt(Math.pow(1.25, Math.signum(e.count)), e.x, e.y));
        canvas.addListener(SWT.MouseDown, e -> {
            if (e.button == 1 && live != null) {
                dragFrom = new Point(e.x, e.y);
                dragRange = currentRange();
            }
        });
        canvas.addListener(SWT.MouseMove, e -> {
            if (dragFrom != null && (e.stateMask & SWT.BUTTON1) != 0) {
                panBy(e.x - dragFrom.x, e.y - dragFrom.y);
            }
        });
        canvas.addListener(SWT.MouseUp, e -> {
            if (dragFrom != null) {
                panBy(e.x - dragFrom.x, e.y - dragFrom.y);
                dragFrom = null;
            }
        });
        canvas.addListener(SWT.MouseDoubleClick, e -> resetRange());
        // a new plot theme in the preferences redraws the plot shown
        org.eclipse.jface.util.IPropertyChangeListener themeChange = e -> {
            if (NernstPreferences.PLOT_THEME.equals(e.getProperty())) {
                canvas.getDisplay().asyncExec(() -> {
                    if (!canvas.isDisposed() && shown != null) {
                        live = LivePlot.of(current());
                        render();
                    }
                });
            }
        };
        NernstPreferences.store().addPropertyChangeListener(themeChange);
        canvas.addListener(SWT.Dispose, e -> {
            NernstPreferences.store().removePropertyChangeListener(themeChange);
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
            range = null;
            live = f == null ? null : LivePlot.of(current());
            setImage(f == null ? null : new Image(canvas.getDisplay(), new ImageData(new ByteArrayInputStream(f.png()))));
            render();
        }
    }

    private void setImage(Image next) {
        if (image != null) {
            image.dispose();
        }
        image = next;
        canvas.redraw();
    }

    /** Re-renders the live plot at the canvas size and the current range, in the background. */
    private void render() {
        Rectangle area = canvas.getClientArea();
        if (live == null || area.width < 50 || area.height < 50) {
            return;
        }
        int request = ++renderRequest;
        LivePlot plot = live;
        AxisRange r = range;
        // the charts library draws no narrower than 200 px; a narrower view scales that down
        int w = Math.max(200, area.width);
        int h = area.height;
        Job job = new RenderJob("Render " + (shown == null ? "plot" : shown.title()), m -> {
            byte[] png;
            try {
                png = plot.png(w, h, r);
            } catch (RuntimeException e) {
                return Status.error("Cannot re-render the plot: " + e.getMessage(), e);
            }
            canvas.getDisplay().asyncExec(() -> {
                if (!canvas.isDisposed() && request == renderRequest && plot == live) {
                    setImage(new Image(canvas.getDisplay(), new ImageData(new ByteArrayInputStream(png))));
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** A render or export job, of {@link #RENDER_FAMILY}. */
    private static final class RenderJob extends Job {
        private final java.util.function.Function<IProgressMonitor, IStatus> work;

        RenderJob(String name, java.util.function.Function<IProgressMonitor, IStatus> work) {
            super(name);
            this.work = work;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            return work.apply(monitor);
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == RENDER_FAMILY;
        }
    }

    private AxisRange currentRange() {
        return range != null ? range : live.fullRange();
    }

    /**
     * Zooms about a canvas point as the mouse wheel does: {@code factor} above 1 zooms in.
     * Does nothing for a figure the view cannot re-render.
     */
    public void zoomAt(double factor, int x, int y) {
        if (live == null) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        double fx = Math.clamp(x / (double) Math.max(1, area.width), 0, 1);
        double fy = Math.clamp(1 - y / (double) Math.max(1, area.height), 0, 1);
        range = currentRange().zoom(factor, fx, fy);
        render();
    }

    /** Pans as a drag by (dx, dy) pixels from where the drag began: the data follows the mouse. */
    private void panBy(int dx, int dy) {
        if (live == null || dragRange == null) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        range = dragRange.pan(-dx / (double) Math.max(1, area.width), dy / (double) Math.max(1, area.height));
        render();
    }

    /** Shows all the data again (double-click). */
    public void resetRange() {
        range = null;
        render();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (image == null || area.width <= 0 || area.height <= 0) {
            return;
        }
        Rectangle b = image.getBounds();
        if (b.width == area.width && b.height == area.height) {
            gc.drawImage(image, 0, 0); // rendered for this size: no scaling blur
            return;
        }
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
        d.setFilterExtensions(live != null ? new String[] { "*.png", "*.svg", "*.pdf" } : new String[] { "*.png", "*.svg" });
        d.setOverwrite(true);
        String target = d.open();
        if (target != null) {
            exportTo(Path.of(target));
        }
    }

    /**
     * Writes the figure shown to a file, by its extension: {@code .png}, {@code .svg} or
     * {@code .pdf}, at the preferred plot size (Window → Preferences → Nernst) and the current
     * zoom. A figure the view cannot re-render is written as the node drew it (PNG or SVG only).
     *
     * @return the job writing the file (family {@link #RENDER_FAMILY})
     */
    public Job exportTo(Path target) {
        String ext = target.getFileName().toString().toLowerCase(Locale.ROOT);
        Figure figure = shown;
        LivePlot plot = live;
        AxisRange r = range;
        int w = NernstPreferences.plotWidth();
        int h = NernstPreferences.plotHeight();
        double scale = NernstPreferences.plotDpi() / 96.0;
        Job job = new RenderJob("Export " + target.getFileName(), m -> {
            try {
                byte[] data;
                if (plot != null) {
                    data = ext.endsWith(".pdf") ? plot.pdf(w, h, r)
                            : ext.endsWith(".svg") ? plot.svg(w, h, r).getBytes(StandardCharsets.UTF_8)
                                    : plot.png((int) Math.round(w * scale), (int) Math.round(h * scale), r);
                } else if (ext.endsWith(".pdf")) {
                    throw new IOException("this figure's data is no longer available to draw it as PDF; run the workflow again");
                } else {
                    data = ext.endsWith(".svg") ? figure.svg().getBytes(StandardCharsets.UTF_8) : figure.png();
                }
                AtomicFiles.write(target, data);
                return Status.OK_STATUS;
            } catch (IOException | RuntimeException e) {
                canvas.getDisplay().asyncExec(() -> MessageDialog.openError(canvas.getShell(), "Export failed",
                        "Cannot write " + target + ":\n" + e.getMessage()));
                return Status.error("Cannot write " + target + ": " + e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** The figure shown, or {@code null}. */
    public Figure figure() {
        return shown;
    }

    /** Pixel size of the image shown, or {@code null}. */
    public Rectangle imageBounds() {
        return image == null ? null : image.getBounds();
    }

    /** The canvas's size. */
    public Rectangle canvasBounds() {
        return canvas.getClientArea();
    }

    /** The visible range: all the data unless zoomed or panned; {@code null} for a figure the view cannot re-render. */
    public AxisRange range() {
        return live == null ? null : currentRange();
    }

    /** Whether the figure shown is re-rendered by the view (zoom, pan, PDF export). */
    public boolean interactive() {
        return live != null;
    }

    /** Sends a mouse event to the plot as a user's hand would (tests). */
    public void mouse(int type, int button, int x, int y, int count) {
        Event e = new Event();
        e.button = button;
        e.x = x;
        e.y = y;
        e.count = count;
        e.stateMask = type == SWT.MouseMove && button == 1 ? SWT.BUTTON1 : 0;
        canvas.notifyListeners(type, e);
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }
}
